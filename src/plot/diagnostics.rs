//! The diagnostics charts: gradient size per layer over time (log scale),
//! dead units and saturation over time, the mean and spread of each layer's
//! activations (the z histograms are in `histograms`).

use super::span::span;
use super::{legend, Theme};
use crate::diagnostics::{Diagnostics, FIELDS};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

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

/// One colour per layer (Okabe–Ito, then the theme's foreground for the output).
pub fn layer_color(layer: usize, layers: usize, theme: Theme) -> RGBColor {
    const COLORS: [RGBColor; 6] = [
        RGBColor(0, 114, 178),
        RGBColor(213, 94, 0),
        RGBColor(0, 158, 115),
        RGBColor(204, 121, 167),
        RGBColor(230, 159, 0),
        RGBColor(86, 180, 233),
    ];
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
    let mut chart = ChartBuilder::on(root)
        .margin((6.0 * scale) as i32)
        .caption(
            "mean |dL/dW| per layer (log scale)",
            font(scale * 1.15, theme),
        )
        .x_label_area_size((20.0 * scale) as i32)
        .y_label_area_size((52.0 * scale) as i32)
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

/// Two panels over the steps: dead units per hidden layer (above) and the
/// saturated fraction of each sigmoid or tanh layer (below).
pub fn draw_units<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    diagnostics: &Diagnostics,
    scale: f64,
    theme: Theme,
) -> PlotResult<DB> {
    root.fill(&theme.background)?;
    let hidden = diagnostics.labels().len().saturating_sub(1);
    let most = diagnostics.latest()[..hidden]
        .iter()
        .map(|s| s.units)
        .max()
        .unwrap_or(1);
    let (top, bottom) = root.split_vertically(root.dim_in_pixel().1 / 2);
    let caption = "dead units per layer (ReLU output 0 on every training point)";
    over_time(
        &top,
        diagnostics,
        Field::Dead,
        caption,
        most.max(1) as f64,
        scale,
        theme,
    )?;
    let caption = "saturated fraction of z (sigmoid, tanh: |f′(z)| < 0.01)";
    over_time(
        &bottom,
        diagnostics,
        Field::Saturated,
        caption,
        1.0,
        scale,
        theme,
    )?;
    root.present()
}

/// One panel: `field` of every hidden layer over the steps, from 0 to `top`.
#[allow(clippy::too_many_arguments)]
fn over_time<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    diagnostics: &Diagnostics,
    field: Field,
    caption: &str,
    top: f64,
    scale: f64,
    theme: Theme,
) -> PlotResult<DB> {
    let layers = diagnostics.labels().len();
    let mut chart = ChartBuilder::on(area)
        .margin((6.0 * scale) as i32)
        .caption(caption, font(scale * 1.1, theme))
        .x_label_area_size((20.0 * scale) as i32)
        .y_label_area_size((40.0 * scale) as i32)
        .build_cartesian_2d(0.0..last_step(diagnostics), span(0.0, top * 1.05))?;
    mesh!(chart, scale, theme, |y: &f64| format!("{y}"))?;
    let mut entries = Vec::new();
    for l in 0..layers.saturating_sub(1) {
        let line = points(diagnostics, l, field);
        if line.is_empty() {
            continue;
        }
        let color = layer_color(l, layers, theme);
        draw_line(&mut chart, line, color, scale)?;
        entries.push((diagnostics.labels()[l].clone(), color));
    }
    let plot = chart.plotting_area().strip_coord_spec();
    if entries.is_empty() {
        return say_none(&plot, field, scale, theme);
    }
    legend::draw(&plot, &entries, &font(scale, theme), scale, theme)
}

/// Says, in the middle of an empty panel, why it has no lines.
fn say_none<DB: DrawingBackend>(
    plot: &DrawingArea<DB, Shift>,
    field: Field,
    scale: f64,
    theme: Theme,
) -> PlotResult<DB> {
    let text = match field {
        Field::Saturated => "no sigmoid or tanh layer: only they saturate",
        _ => "no hidden layers",
    };
    let (width, height) = plot.dim_in_pixel();
    let style = font(scale, theme).pos(Pos::new(HPos::Center, VPos::Center));
    let middle = (width as i32 / 2, height as i32 / 2);
    plot.draw(&Text::new(text, middle, style))
}

type Points = Vec<(f64, f64)>;

/// Each hidden layer's means and spreads of a over the steps.
fn bands(diagnostics: &Diagnostics) -> Vec<(Points, Points)> {
    let hidden = diagnostics.labels().len().saturating_sub(1);
    (0..hidden)
        .map(|l| {
            let means = points(diagnostics, l, Field::Mean);
            let spreads = points(diagnostics, l, Field::Spread);
            (means, spreads)
        })
        .collect()
}

/// The y range that holds every band, padded a little, at least −0.1 … 0.1.
fn band_range(bands: &[(Points, Points)]) -> (f64, f64) {
    let (lo, hi) = bands
        .iter()
        .flat_map(|(m, s)| m.iter().zip(s).map(|(m, s)| (m.1 - s.1, m.1 + s.1)))
        .fold((-0.1_f64, 0.1_f64), |(lo, hi), (a, b)| {
            (lo.min(a), hi.max(b))
        });
    let pad = (hi - lo) * 0.05;
    (lo - pad, hi + pad)
}

/// The outline of mean ± spread: along the top, then back along the bottom.
fn band_outline(means: &[(f64, f64)], spreads: &[(f64, f64)]) -> Points {
    let upper = means.iter().zip(spreads).map(|(m, s)| (m.0, m.1 + s.1));
    let lower = means
        .iter()
        .zip(spreads)
        .rev()
        .map(|(m, s)| (m.0, m.1 - s.1));
    upper.chain(lower).collect()
}

/// The mean of each hidden layer's activations over the steps, with a band
/// of ± one spread (standard deviation) around it.
pub fn draw_activations<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    diagnostics: &Diagnostics,
    scale: f64,
    theme: Theme,
) -> PlotResult<DB> {
    root.fill(&theme.background)?;
    let layers = diagnostics.labels().len();
    let bands = bands(diagnostics);
    let (lo, hi) = band_range(&bands);
    let mut chart = ChartBuilder::on(root)
        .margin((6.0 * scale) as i32)
        .caption(
            "mean of a per layer, ± one spread",
            font(scale * 1.15, theme),
        )
        .x_label_area_size((20.0 * scale) as i32)
        .y_label_area_size((40.0 * scale) as i32)
        .build_cartesian_2d(0.0..last_step(diagnostics), span(lo, hi))?;
    mesh!(chart, scale, theme, |y: &f64| format!("{y:.2}"))?;
    let zero = vec![(0.0, 0.0), (last_step(diagnostics), 0.0)];
    chart.draw_series(std::iter::once(PathElement::new(
        zero,
        theme.foreground.mix(0.5),
    )))?;
    let mut entries = Vec::new();
    for (l, (means, spreads)) in bands.into_iter().enumerate() {
        let color = layer_color(l, layers, theme);
        let outline = band_outline(&means, &spreads);
        let band = Polygon::new(outline, color.mix(0.15).filled());
        chart.draw_series(std::iter::once(band))?;
        draw_line(&mut chart, means, color, scale)?;
        entries.push((diagnostics.labels()[l].clone(), color));
    }
    finish(root, &chart, &entries, scale, theme)
}
