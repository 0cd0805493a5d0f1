//! The activation explorer's plot: f(x) above, f'(x) below, sharing the x axis,
//! with saturated regions shaded, markers at x = −10, 0, 10 and a cursor.

use super::span::span;
use super::{color_of, Theme};
use crate::activation::{maxout, saturated_intervals, Activation, Kind, Piece};
use crate::diagnostics::SATURATION_THRESHOLD;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Where the notes ask "what happens when x = −10, 0, 10?".
pub const MARKERS: [f64; 3] = [-10.0, 0.0, 10.0];
/// Points sampled across the x range for each line.
const SAMPLES: usize = 601;

/// One function the explorer can draw.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Curve {
    Activation(Activation),
    /// Maxout of two lines `w1·x + b1`, `w2·x + b2`; the lines are drawn too.
    Maxout([Piece; 2]),
}

impl Curve {
    pub fn kind(&self) -> Kind {
        match self {
            Curve::Activation(activation) => activation.kind(),
            Curve::Maxout(_) => Kind::Maxout,
        }
    }

    /// f(x) and f'(x).
    pub fn eval(&self, x: f64) -> (f64, f64) {
        match self {
            Curve::Activation(activation) => activation.value_and_derivative(x),
            Curve::Maxout(pieces) => {
                let (value, slope, _) = maxout(pieces, x);
                (value, slope)
            }
        }
    }
}

/// What to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct CurvePlot {
    pub curves: Vec<Curve>,
    pub x_min: f64,
    pub x_max: f64,
    /// A vertical line with a dot on each curve, where the reader points.
    pub cursor: Option<f64>,
    /// Scales fonts and strokes (the device pixel ratio).
    pub scale: f64,
    pub theme: Theme,
}

/// Where the plot landed, so the page can map a pointer to x.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlotGeometry {
    /// Pixel column of x_min.
    pub left: i32,
    /// Pixel column of x_max.
    pub right: i32,
}

impl PlotGeometry {
    /// The x under pixel column `px`, clamped to the range.
    pub fn x_at(&self, px: f64, x_min: f64, x_max: f64) -> f64 {
        let width = f64::from((self.right - self.left).max(1));
        let t = ((px - f64::from(self.left)) / width).clamp(0.0, 1.0);
        x_min + t * (x_max - x_min)
    }
}

type PlotResult<T, DB> = Result<T, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Which panel: the function, or its derivative.
#[derive(Clone, Copy, PartialEq)]
enum Panel {
    Value,
    Derivative,
}

/// Draws the two panels on `root` and returns where the x axis landed.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    plot: &CurvePlot,
) -> PlotResult<PlotGeometry, DB> {
    root.fill(&plot.theme.background)?;
    let height = root.dim_in_pixel().1;
    let (top, bottom) = root.split_vertically(height * 11 / 20);
    let geometry = draw_panel(&top, plot, Panel::Value)?;
    draw_panel(&bottom, plot, Panel::Derivative)?;
    root.present()?;
    Ok(geometry)
}

/// The sampled points of one curve's f or f'.
fn samples(curve: &Curve, plot: &CurvePlot, panel: Panel) -> Vec<(f64, f64)> {
    let step = (plot.x_max - plot.x_min) / (SAMPLES - 1) as f64;
    (0..SAMPLES)
        .map(|i| {
            let x = plot.x_min + step * i as f64;
            let (f, df) = curve.eval(x);
            (x, if panel == Panel::Value { f } else { df })
        })
        .collect()
}

/// A y range that holds every line, padded, and never thinner than [−1, 1] for f'.
fn y_range(lines: &[Vec<(f64, f64)>], panel: Panel) -> (f64, f64) {
    let (mut lo, mut hi) = match panel {
        Panel::Value => (-1.0_f64, 1.0_f64),
        Panel::Derivative => (-0.1_f64, 1.1_f64),
    };
    for &(_, y) in lines.iter().flatten() {
        lo = lo.min(y);
        hi = hi.max(y);
    }
    let pad = (hi - lo) * 0.06;
    (lo - pad, hi + pad)
}

fn draw_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    plot: &CurvePlot,
    panel: Panel,
) -> PlotResult<PlotGeometry, DB> {
    let s = plot.scale;
    let fg = plot.theme.foreground;
    let lines: Vec<_> = plot
        .curves
        .iter()
        .map(|c| samples(c, plot, panel))
        .collect();
    let (y_lo, y_hi) = y_range(&lines, panel);
    let caption = match panel {
        Panel::Value => "f(x)",
        Panel::Derivative => "f′(x)  (shaded: |f′| < 0.01, gradients die)",
    };
    let mut chart = ChartBuilder::on(area)
        .margin((6.0 * s) as i32)
        .caption(caption, super::font(13.0 * s).color(&fg))
        .x_label_area_size((22.0 * s) as i32)
        .y_label_area_size((40.0 * s) as i32)
        .build_cartesian_2d(span(plot.x_min, plot.x_max), span(y_lo, y_hi))?;
    chart
        .configure_mesh()
        .light_line_style(plot.theme.grid.mix(0.5))
        .bold_line_style(plot.theme.grid)
        .axis_style(fg)
        .label_style(super::font(11.0 * s).color(&fg))
        .x_labels(9)
        .y_labels(5)
        .draw()?;

    if panel == Panel::Derivative {
        draw_saturation(&mut chart, plot, (y_lo, y_hi))?;
    }
    draw_axis_lines(&mut chart, plot, (y_lo, y_hi))?;
    for (curve, points) in plot.curves.iter().zip(lines) {
        if let (Curve::Maxout(pieces), Panel::Value) = (curve, panel) {
            draw_maxout_pieces(&mut chart, plot, pieces)?;
        }
        let style = color_of(curve.kind()).stroke_width((2.0 * s).max(1.0) as u32);
        chart.draw_series(LineSeries::new(points, style))?;
    }
    draw_markers(&mut chart, plot, panel)?;
    if let Some(x) = plot.cursor {
        draw_cursor(&mut chart, plot, panel, x, (y_lo, y_hi))?;
    }

    let (left, _) = chart.backend_coord(&(plot.x_min, y_lo));
    let (right, _) = chart.backend_coord(&(plot.x_max, y_lo));
    Ok(PlotGeometry { left, right })
}

type Chart<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Shades, in each curve's colour, where |f'(x)| < the threshold.
fn draw_saturation<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    plot: &CurvePlot,
    (y_lo, y_hi): (f64, f64),
) -> PlotResult<(), DB> {
    for curve in &plot.curves {
        let intervals = saturated_intervals(
            |x| curve.eval(x).1,
            plot.x_min,
            plot.x_max,
            SAMPLES,
            SATURATION_THRESHOLD,
        );
        let color = color_of(curve.kind()).mix(0.13).filled();
        chart.draw_series(
            intervals
                .into_iter()
                .map(|(a, b)| Rectangle::new([(a, y_lo), (b, y_hi)], color)),
        )?;
    }
    Ok(())
}

/// The lines y = 0 and x = 0, a little darker than the grid.
fn draw_axis_lines<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    plot: &CurvePlot,
    (y_lo, y_hi): (f64, f64),
) -> PlotResult<(), DB> {
    let style = plot.theme.foreground.mix(0.35);
    chart.draw_series(std::iter::once(PathElement::new(
        vec![(plot.x_min, 0.0), (plot.x_max, 0.0)],
        style,
    )))?;
    if plot.x_min < 0.0 && plot.x_max > 0.0 {
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(0.0, y_lo), (0.0, y_hi)],
            style,
        )))?;
    }
    Ok(())
}

/// Maxout's two lines, thin, behind their max.
fn draw_maxout_pieces<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    plot: &CurvePlot,
    pieces: &[Piece; 2],
) -> PlotResult<(), DB> {
    let color = color_of(Kind::Maxout).mix(0.45);
    for piece in pieces {
        let line = [plot.x_min, plot.x_max].map(|x| (x, piece.w * x + piece.b));
        chart.draw_series(std::iter::once(PathElement::new(line.to_vec(), color)))?;
    }
    Ok(())
}

/// Dots at x = −10, 0, 10 (those inside the range), on every curve.
fn draw_markers<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    plot: &CurvePlot,
    panel: Panel,
) -> PlotResult<(), DB> {
    let radius = (3.0 * plot.scale) as i32;
    for curve in &plot.curves {
        let color = color_of(curve.kind());
        let dots = MARKERS
            .into_iter()
            .filter(|x| (plot.x_min..=plot.x_max).contains(x))
            .map(|x| {
                let (f, df) = curve.eval(x);
                let y = if panel == Panel::Value { f } else { df };
                Circle::new((x, y), radius, color.filled())
            });
        chart.draw_series(dots)?;
    }
    Ok(())
}

/// The reader's cursor: a vertical line and a ringed dot on every curve.
fn draw_cursor<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    plot: &CurvePlot,
    panel: Panel,
    x: f64,
    (y_lo, y_hi): (f64, f64),
) -> PlotResult<(), DB> {
    let fg = plot.theme.foreground;
    chart.draw_series(std::iter::once(PathElement::new(
        vec![(x, y_lo), (x, y_hi)],
        fg.mix(0.6),
    )))?;
    let radius = (5.0 * plot.scale) as i32;
    let dots = plot.curves.iter().map(|curve| {
        let (f, df) = curve.eval(x);
        let y = if panel == Panel::Value { f } else { df };
        Circle::new((x, y), radius, color_of(curve.kind()).stroke_width(2))
    });
    chart.draw_series(dots)?;
    Ok(())
}
