//! The diagnostics charts: gradient size per layer over time (log scale,
//! here), dead units and saturation over time (`units`), the mean and spread
//! of each layer's activations (`activations`); the z histograms are in
//! `histograms`. What the three share is here too: the layers' colours, the
//! recorded points, the mesh and the legend.

use super::palette::OKABE_ITO;
use super::{legend, Theme};
use crate::diagnostics::{Diagnostics, FIELDS};
use plotters::coord::Shift;
use plotters::prelude::*;

type PlotResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Which recorded number a line follows (see `diagnostics::FIELDS`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Gradient = 0,
    Dead = 1,
    Saturated = 2,
    Mean = 3,
    Spread = 4,
}

/// One colour per layer (six of Okabe–Ito's, then the theme's foreground
/// for the output).
pub fn layer_color(layer: usize, layers: usize, theme: Theme) -> RGBColor {
    const COLORS: &[RGBColor] = OKABE_ITO.as_slice().split_at(6).0;
    if layer + 1 == layers {
        theme.foreground
    } else {
        COLORS[layer % COLORS.len()]
    }
}

/// The finite (step, value) points of `field` of `layer` over the history.
pub fn points(diagnostics: &Diagnostics, layer: usize, field: Field) -> Vec<(f64, f64)> {
    let at = 1 + FIELDS * layer + field as usize;
    diagnostics
        .series()
        .records()
        .filter_map(|r| Some((r[0], *r.get(at)?)).filter(|(_, v)| v.is_finite()))
        .collect()
}

fn last_step(diagnostics: &Diagnostics) -> f64 {
    (diagnostics.step() as f64).max(1.0)
}

pub(super) fn font(scale: f64, theme: Theme) -> TextStyle<'static> {
    super::font(11.0 * scale).color(&theme.foreground)
}

/// A chart over the steps on `area`, `caption` above in its font's size
/// (relative to the labels'), and `y_labels` pixels (at scale 1) for the y
/// labels beside.
fn builder<'a, 'b, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    (caption, size): (&str, f64),
    y_labels: f64,
    scale: f64,
    theme: Theme,
) -> ChartBuilder<'a, 'b, DB> {
    let mut builder = ChartBuilder::on(area);
    builder
        .margin((6.0 * scale) as i32)
        .caption(caption, font(scale * size, theme))
        .x_label_area_size((20.0 * scale) as i32)
        .y_label_area_size((y_labels * scale) as i32);
    builder
}

/// Grid, axes and labels of a chart over the steps; `$y_format` formats the y labels.
macro_rules! mesh {
    ($chart:expr, $scale:expr, $theme:expr, $y_format:expr) => {
        $chart
            .configure_mesh()
            .light_line_style($theme.grid.mix(0.4))
            .bold_line_style($theme.grid)
            .axis_style($theme.foreground)
            .label_style(font($scale, $theme))
            .x_labels(5)
            .y_labels(5)
            .x_label_formatter(&|x: &f64| format!("{x:.0}"))
            .y_label_formatter(&$y_format)
            .draw()
    };
}

// After `mesh!`, which they draw with.
mod activations;
mod units;

pub use activations::draw_activations;
pub use units::draw_units;

/// Mean |dL/dW| of every layer over the steps, one line per layer on a log
/// scale: in a deep sigmoid net the first layers sit decades below the last.
pub fn draw_gradients<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    diagnostics: &Diagnostics,
    scale: f64,
    theme: Theme,
) -> PlotResult<DB> {
    root.fill(&theme.background)?;
    let layers = diagnostics.labels().len();
    let lines: Vec<_> = (0..layers)
        .map(|l| points(diagnostics, l, Field::Gradient))
        .map(|line| line.into_iter().filter(|p| p.1 > 0.0).collect::<Vec<_>>())
        .collect();
    let (lo, hi) = decades(lines.iter().flatten().map(|p| p.1));
    let caption = "mean |dL/dW| per layer (log scale)";
    let mut chart = builder(root, (caption, 1.15), 52.0, scale, theme)
        .build_cartesian_2d(0.0..last_step(diagnostics), (lo..hi).log_scale())?;
    mesh!(chart, scale, theme, |y: &f64| format!("{y:.0e}"))?;
    let mut entries = Vec::new();
    for (l, line) in lines.into_iter().enumerate() {
        let color = layer_color(l, layers, theme);
        draw_line(&mut chart, line, color, scale)?;
        entries.push((diagnostics.labels()[l].clone(), color));
    }
    finish(root, &chart, &entries, scale, theme)
}

/// Whole decades around the positive `values` (1e-6 … 1 when there are none).
pub fn decades(values: impl Iterator<Item = f64>) -> (f64, f64) {
    // Clamped, so that an overflowed gradient still gives whole, finite decades.
    let limit = super::span::AXIS_LIMIT;
    let values = values
        .filter(|v| *v > 0.0)
        .map(|v| v.clamp(1.0 / limit, limit));
    let (lo, hi) = values.fold((f64::INFINITY, 0.0_f64), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if !(lo.is_finite() && hi > 0.0) {
        return (1e-6, 1.0);
    }
    let lo = 10f64.powf(lo.log10().floor());
    let hi = 10f64.powf(hi.log10().ceil()).max(lo * 10.0);
    (lo, hi)
}

type Chart<'a, DB, Y> =
    ChartContext<'a, DB, Cartesian2d<plotters::coord::types::RangedCoordf64, Y>>;

/// The layers' legend over `chart`'s plotting area, then `root` presented.
fn finish<'a, DB: DrawingBackend + 'a, Y: Ranged<ValueType = f64>>(
    root: &DrawingArea<DB, Shift>,
    chart: &Chart<'a, DB, Y>,
    entries: &[(String, RGBColor)],
    scale: f64,
    theme: Theme,
) -> PlotResult<DB> {
    let plot = chart.plotting_area().strip_coord_spec();
    legend::draw(&plot, entries, &font(scale, theme), scale, theme)?;
    root.present()
}

fn draw_line<'a, DB: DrawingBackend + 'a, Y: Ranged<ValueType = f64>>(
    chart: &mut Chart<'a, DB, Y>,
    line: Vec<(f64, f64)>,
    color: RGBColor,
    scale: f64,
) -> PlotResult<DB> {
    let width = (2.0 * scale).max(1.0) as u32;
    chart.draw_series(LineSeries::new(line, color.stroke_width(width)))?;
    Ok(())
}
