//! A histogram of each layer's pre-activations z, side by side, each with
//! its activation's curve drawn behind it: z out on a flat part of the curve
//! pass back almost no gradient.

use super::diagnostics::{font, layer_color};
use super::span::span;
use super::{color_of, right_margin, Theme};
use crate::activation::Activation;
use crate::diagnostics::{Diagnostics, Histogram};
use plotters::coord::Shift;
use plotters::prelude::*;

type PlotResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// A histogram of each layer's z (the latest measurement), side by side,
/// each with its activation f drawn faintly behind, scaled to the panel.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    diagnostics: &Diagnostics,
    scale: f64,
    theme: Theme,
) -> PlotResult<DB> {
    root.fill(&theme.background)?;
    let layers = diagnostics.labels().len();
    let columns = layers.clamp(1, 4);
    let rows = layers.div_ceil(columns).max(1);
    let panels = root.split_evenly((rows, columns));
    for (l, panel) in panels.iter().enumerate().take(layers) {
        if let Some(histogram) = diagnostics.histogram(l) {
            let color = layer_color(l, layers, theme);
            let curve = diagnostics.curve(l);
            let label = &diagnostics.labels()[l];
            histogram_panel(panel, histogram, curve, label, color, scale, theme)?;
        }
    }
    root.present()
}

#[allow(clippy::too_many_arguments)]
fn histogram_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    histogram: &Histogram,
    curve: Option<Activation>,
    label: &str,
    color: RGBColor,
    scale: f64,
    theme: Theme,
) -> PlotResult<DB> {
    let top = f64::from(histogram.counts.iter().copied().max().unwrap_or(0).max(1)) * 1.1;
    let ticks = font(scale * 0.9, theme);
    let widest = format!("{:.1}", histogram.hi);
    let mut chart = ChartBuilder::on(area)
        .margin((4.0 * scale) as i32)
        .margin_right(right_margin(area, &widest, &ticks, scale))
        .caption(format!("z of {label}"), font(scale, theme))
        .x_label_area_size((18.0 * scale) as i32)
        .y_label_area_size((30.0 * scale) as i32)
        .build_cartesian_2d(span(histogram.lo, histogram.hi), span(0.0, top))?;
    chart
        .configure_mesh()
        .disable_mesh()
        .axis_style(theme.foreground)
        .label_style(ticks)
        .x_labels(5)
        .y_labels(3)
        .x_label_formatter(&|x| format!("{x:.1}"))
        .y_label_formatter(&|y| format!("{y:.0}"))
        .draw()?;
    if let Some(f) = curve {
        chart.draw_series(std::iter::once(curve_behind(f, histogram, top)))?;
    }
    let bars = histogram.counts.iter().enumerate().map(|(i, &count)| {
        let (x0, x1) = (histogram.edge(i), histogram.edge(i + 1));
        Rectangle::new(
            [(x0, 0.0), (x1, f64::from(count))],
            color.mix(0.75).filled(),
        )
    });
    chart.draw_series(bars)?;
    Ok(())
}

/// f over the histogram's range, stretched to span its height.
fn curve_behind(f: Activation, histogram: &Histogram, top: f64) -> PathElement<(f64, f64)> {
    const SAMPLES: usize = 121;
    let xs = (0..SAMPLES)
        .map(|i| histogram.lo + (histogram.hi - histogram.lo) * i as f64 / (SAMPLES - 1) as f64);
    let values: Vec<(f64, f64)> = xs.map(|x| (x, f.f(x))).collect();
    let (lo, hi) = values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), p| {
            (lo.min(p.1), hi.max(p.1))
        });
    let span = (hi - lo).max(1e-12);
    let path = values
        .into_iter()
        .map(|(x, y)| (x, (y - lo) / span * top * 0.9))
        .collect::<Vec<_>>();
    let style = color_of(f.kind()).mix(0.45).stroke_width(2);
    PathElement::new(path, style)
}
