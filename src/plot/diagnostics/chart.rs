//! What the diagnostics charts share: which recorded number a line follows
//! and its points, the layers' colours, the chart over the steps with its
//! mesh, its lines and its legend.

use crate::diagnostics::{Diagnostics, FIELDS};
use crate::plot::palette::OKABE_ITO;
use crate::plot::{legend, Theme};
use plotters::coord::Shift;
use plotters::prelude::*;

pub(super) type PlotResult<DB> =
    Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

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

/// The end of the step axis: the latest step, never short of 0–10 (`steps_axis`).
pub(super) fn last_step(diagnostics: &Diagnostics) -> f64 {
    crate::plot::steps_axis(diagnostics.step() as f64).end
}

pub(crate) fn font(scale: f64, theme: Theme) -> TextStyle<'static> {
    crate::plot::font(11.0 * scale).color(&theme.foreground)
}

/// A chart over the steps on `area`, `caption` above in its font's size
/// (relative to the labels'), and `y_labels` pixels (at scale 1) for the y
/// labels beside. Its right margin holds the last step's tick (`x_end`),
/// and `titled` leaves room under the ticks for the axis title `mesh!` writes.
pub(super) fn builder<'a, 'b, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    (caption, size): (&str, f64),
    y_labels: f64,
    (x_end, titled): (f64, bool),
    scale: f64,
    theme: Theme,
) -> ChartBuilder<'a, 'b, DB> {
    let mut builder = ChartBuilder::on(area);
    let right = crate::plot::right_margin(area, &format!("{x_end:.0}"), &font(scale, theme), scale);
    let below = if titled { 34.0 } else { 20.0 };
    builder
        .margin((6.0 * scale) as i32)
        .margin_right(right)
        .caption(caption, font(scale * size, theme))
        .x_label_area_size((below * scale) as i32)
        .y_label_area_size((y_labels * scale) as i32);
    builder
}

/// Grid, axes and labels of a chart over the steps; `$y_format` formats the
/// y labels, and `$titled` names the x axis ("step") under its ticks.
macro_rules! mesh {
    ($chart:expr, $scale:expr, $theme:expr, $y_format:expr, $titled:expr) => {{
        let mut mesh = $chart.configure_mesh();
        if $titled {
            mesh.x_desc("step");
        }
        mesh.axis_desc_style(font($scale, $theme))
            .light_line_style($theme.grid.mix(0.4))
            .bold_line_style($theme.grid)
            .axis_style($theme.foreground)
            .label_style(font($scale, $theme))
            .x_labels(5)
            .y_labels(5)
            .x_label_formatter(&|x: &f64| format!("{x:.0}"))
            .y_label_formatter(&$y_format)
            .draw()
    }};
}

// For the charts beside this file.
pub(super) use mesh;

/// A drawn line in its plotting area's pixels.
pub(super) type Line = Vec<(i32, i32)>;

pub(super) type Chart<'a, DB, Y> =
    ChartContext<'a, DB, Cartesian2d<plotters::coord::types::RangedCoordf64, Y>>;

/// The layers' legend over `chart`'s plotting area, where it covers the
/// least of the `drawn` lines and bands, then `root` presented.
pub(super) fn finish<'a, DB: DrawingBackend + 'a, Y: Ranged<ValueType = f64>>(
    root: &DrawingArea<DB, Shift>,
    chart: &Chart<'a, DB, Y>,
    (entries, drawn): (&[(String, RGBColor)], legend::Plotted),
    scale: f64,
    theme: Theme,
) -> PlotResult<DB> {
    let plot = chart.plotting_area().strip_coord_spec();
    legend::draw(&plot, entries, &font(scale, theme), scale, theme, drawn)?;
    root.present()
}

/// Draws `line` and keeps it, in the plotting area's pixels, in `drawn`
/// (for the legend to avoid).
pub(super) fn draw_line<'a, DB: DrawingBackend + 'a, Y: Ranged<ValueType = f64>>(
    chart: &mut Chart<'a, DB, Y>,
    line: Vec<(f64, f64)>,
    (color, drawn): (RGBColor, &mut Vec<Line>),
    scale: f64,
) -> PlotResult<DB> {
    let width = (2.0 * scale).max(1.0) as u32;
    drawn.push(legend::in_pixels(chart, line.iter().copied()));
    crate::plot::line_or_dot(chart, line, color.stroke_width(width), scale)
}
