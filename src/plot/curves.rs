//! The activation explorer's plot: f(x) above, f'(x) below, sharing the x axis,
//! with saturated regions shaded (and named, a row per function, below),
//! markers at x = −10, 0, 10 and a cursor.
//!
//! Lines are sampled twice per pixel column, so that a kink (ReLU's at 0)
//! lands where it is, then thinned to the fewest points that stay within
//! half a pixel of the samples: plotters places points on whole pixels, and
//! a sample in every column of a flat curve (sigmoid's tails) would draw a
//! staircase of one-pixel steps where a few long slanted segments draw it
//! smooth.

use super::span::span;
use super::{color_of, Theme};
use crate::activation::{maxout, saturated_intervals, Activation, Kind, Piece};
use crate::diagnostics::SATURATION_THRESHOLD;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Where the notes ask "what happens when x = −10, 0, 10?".
pub const MARKERS: [f64; 3] = [-10.0, 0.0, 10.0];
/// Points sampled across the x range for each line, at the least: the
/// shading's edges are found at this resolution.
const SAMPLES: usize = 601;

/// How many points a line is sampled at on a plot `width` pixels wide: at
/// least two per pixel column.
pub fn sample_count(width: u32) -> usize {
    SAMPLES.max(2 * width as usize + 1)
}

/// Of a function's value panel, the least share of its height the
/// flattest curve fills: below it the y axis is cut to the flattest curve
/// and what is taller runs off the panel.
pub const FLATTEST_SHARE: f64 = 1.0 / 3.0;

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
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Panel {
    Value,
    Derivative,
}

/// Draws the two panels on `root` and returns where the x axis landed.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    plot: &CurvePlot,
) -> PlotResult<PlotGeometry, DB> {
    root.fill(&plot.theme.background)?;
    let saturated = saturated_rows(plot);
    let lane = (13.0 * plot.scale).round() as u32;
    let (height, rows) = (root.dim_in_pixel().1, saturated.len() as u32);
    let (panels, strip) = root.split_vertically(height.saturating_sub(rows * lane));
    let (top, bottom) = panels.split_vertically(panels.dim_in_pixel().1 * 11 / 20);
    let geometry = draw_panel(&top, plot, Panel::Value)?;
    draw_panel(&bottom, plot, Panel::Derivative)?;
    draw_saturated_rows(&strip, plot, &saturated, geometry, lane)?;
    root.present()?;
    Ok(geometry)
}

/// The sampled points of one curve's f or f', `count` across the x range.
fn samples(curve: &Curve, plot: &CurvePlot, panel: Panel, count: usize) -> Vec<(f64, f64)> {
    let step = (plot.x_max - plot.x_min) / (count - 1) as f64;
    (0..count)
        .map(|i| {
            let x = plot.x_min + step * i as f64;
            let (f, df) = curve.eval(x);
            (x, if panel == Panel::Value { f } else { df })
        })
        .collect()
}

/// A y range that holds every line, padded, never thinner than [−1, 1] for
/// f (−0.1 … 1.1 for f′); and whether it cuts a line off.
///
/// For f it is cut where the flattest curve would fill less than
/// `FLATTEST_SHARE` of the height: the range is then that curve's (at least
/// 1 high) with room around it, so that sigmoid beside ReLU on −10 … 10
/// fills a third of the panel instead of 15 pixels under ReLU's 0 … 10, and
/// ReLU runs off the top.
pub fn y_range(lines: &[Vec<(f64, f64)>], panel: Panel) -> ((f64, f64), bool) {
    let (mut lo, mut hi) = match panel {
        Panel::Value => (-1.0_f64, 1.0_f64),
        Panel::Derivative => (-0.1_f64, 1.1_f64),
    };
    let extent = |line: &Vec<(f64, f64)>| {
        let ys = line.iter().map(|p| p.1).filter(|y| y.is_finite());
        ys.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), y| {
            (a.min(y), b.max(y))
        })
    };
    let extents: Vec<_> = lines.iter().map(extent).filter(|e| e.0 <= e.1).collect();
    for &(a, b) in &extents {
        lo = lo.min(a);
        hi = hi.max(b);
    }
    let flattest = extents
        .iter()
        .map(|&(a, b)| (a, b.max(a + 1.0)))
        .min_by(|p, q| (p.1 - p.0).total_cmp(&(q.1 - q.0)));
    let mut cut = false;
    if let (Panel::Value, Some((a, b))) = (panel, flattest) {
        let window = (b - a) / FLATTEST_SHARE;
        if hi - lo > window {
            // The flattest curve in the middle, then moved to stay inside the lines' range.
            let room = (window - (b - a)) / 2.0;
            let low = (a - room).max(lo).min(hi - window);
            (lo, hi, cut) = (low, low + window, true);
        }
    }
    let pad = (hi - lo) * 0.06;
    ((lo - pad, hi + pad), cut)
}

/// The parts of `line` inside `lo..=hi` in y, each a run of points; where
/// the line crosses an edge, its run ends (or starts) on the edge. (Plotters
/// would draw a point outside on the edge, as if the line went along it.)
pub fn clip(line: &[(f64, f64)], (lo, hi): (f64, f64)) -> Vec<Vec<(f64, f64)>> {
    let inside = |y: f64| (lo..=hi).contains(&y);
    // Where the step from a to b crosses the edge it leaves or enters by.
    let edge = |a: (f64, f64), b: (f64, f64)| {
        let y = if a.1.max(b.1) > hi { hi } else { lo };
        let t = ((y - a.1) / (b.1 - a.1)).clamp(0.0, 1.0);
        (a.0 + t * (b.0 - a.0), y)
    };
    let mut runs = Vec::new();
    let mut run: Vec<(f64, f64)> = Vec::new();
    let mut previous: Option<(f64, f64)> = None;
    for &p in line {
        let now = p.1.is_finite() && inside(p.1);
        if let Some(q) = previous.filter(|q| q.1.is_finite() && p.1.is_finite()) {
            if inside(q.1) != now {
                run.push(edge(q, p));
            }
        }
        if now {
            run.push(p);
        } else if !run.is_empty() {
            runs.push(std::mem::take(&mut run));
        }
        previous = Some(p);
    }
    if !run.is_empty() {
        runs.push(run);
    }
    runs
}

/// Of `points`, the fewest (the first and last kept) such that the line
/// through them passes within `tolerance` of every point, measured after
/// `to_pixel` (Douglas and Peucker's method; written here because the
/// crates that have it, such as geo, would bring far more into the wasm).
pub fn thin(
    points: &[(f64, f64)],
    to_pixel: impl Fn((f64, f64)) -> (f64, f64),
    tolerance: f64,
) -> Vec<(f64, f64)> {
    if points.len() < 3 {
        return points.to_vec();
    }
    let pixels: Vec<_> = points.iter().map(|&p| to_pixel(p)).collect();
    let mut keep = vec![false; points.len()];
    let (first, last) = (0, points.len() - 1);
    (keep[first], keep[last]) = (true, true);
    let mut spans = vec![(first, last)];
    while let Some((a, b)) = spans.pop() {
        let (pa, pb) = (pixels[a], pixels[b]);
        let (dx, dy) = (pb.0 - pa.0, pb.1 - pa.1);
        let length = dx.hypot(dy);
        let distance = |p: (f64, f64)| {
            if length == 0.0 {
                (p.0 - pa.0).hypot(p.1 - pa.1)
            } else {
                ((p.0 - pa.0) * dy - (p.1 - pa.1) * dx).abs() / length
            }
        };
        let farthest = (a + 1..b)
            .map(|i| (i, distance(pixels[i])))
            .max_by(|p, q| p.1.total_cmp(&q.1));
        if let Some((i, _)) = farthest.filter(|f| f.1 > tolerance) {
            keep[i] = true;
            spans.push((a, i));
            spans.push((i, b));
        }
    }
    points
        .iter()
        .zip(keep)
        .filter_map(|(&p, kept)| kept.then_some(p))
        .collect()
}

fn draw_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    plot: &CurvePlot,
    panel: Panel,
) -> PlotResult<PlotGeometry, DB> {
    let s = plot.scale;
    let fg = plot.theme.foreground;
    let count = sample_count(area.dim_in_pixel().0);
    let lines: Vec<_> = plot
        .curves
        .iter()
        .map(|c| samples(c, plot, panel, count))
        .collect();
    let ((y_lo, y_hi), cut) = y_range(&lines, panel);
    let caption = match (panel, cut) {
        (Panel::Value, false) => "f(x)",
        (Panel::Value, true) => "f(x)  (y zoomed to the flattest curve: taller ones run off)",
        (Panel::Derivative, _) => "f′(x)  (shaded: |f′| < 0.01, gradients die)",
    };
    let labels = super::font(11.0 * s).color(&fg);
    let widest = format!("{:.1}", plot.x_max);
    let below = if panel == Panel::Derivative {
        34.0
    } else {
        22.0
    };
    let mut chart = ChartBuilder::on(area)
        .margin((6.0 * s) as i32)
        .margin_right(super::right_margin(area, &widest, &labels, s))
        .caption(caption, super::font(13.0 * s).color(&fg))
        .x_label_area_size((below * s) as i32)
        .y_label_area_size((40.0 * s) as i32)
        .build_cartesian_2d(span(plot.x_min, plot.x_max), span(y_lo, y_hi))?;
    let mut mesh = chart.configure_mesh();
    if panel == Panel::Derivative {
        mesh.x_desc("x");
    }
    mesh.axis_desc_style(labels.clone())
        .light_line_style(plot.theme.grid.mix(0.5))
        .bold_line_style(plot.theme.grid)
        .axis_style(fg)
        .label_style(labels)
        .x_labels(9)
        .y_labels(5)
        .draw()?;

    if panel == Panel::Derivative {
        draw_saturation(&mut chart, plot, (y_lo, y_hi))?;
    }
    draw_axis_lines(&mut chart, plot, (y_lo, y_hi))?;
    let to_pixel = pixel_map(&chart, plot, (y_lo, y_hi));
    for (curve, points) in plot.curves.iter().zip(lines) {
        if let (Curve::Maxout(pieces), Panel::Value) = (curve, panel) {
            draw_maxout_pieces(&mut chart, plot, pieces, (y_lo, y_hi))?;
        }
        let style = color_of(curve.kind()).stroke_width((2.0 * s).max(1.0) as u32);
        for run in clip(&points, (y_lo, y_hi)) {
            let run = thin(&run, &to_pixel, 0.5);
            chart.draw_series(LineSeries::new(run, style))?;
        }
    }
    draw_markers(&mut chart, plot, panel, (y_lo, y_hi))?;
    if let Some(x) = plot.cursor {
        draw_cursor(&mut chart, plot, panel, x, (y_lo, y_hi))?;
    }

    let (left, _) = chart.backend_coord(&(plot.x_min, y_lo));
    let (right, _) = chart.backend_coord(&(plot.x_max, y_lo));
    Ok(PlotGeometry { left, right })
}

type Chart<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// (x, y) to the backend's pixels, unrounded, as `chart` maps them.
fn pixel_map<DB: DrawingBackend>(
    chart: &Chart<'_, DB>,
    plot: &CurvePlot,
    (y_lo, y_hi): (f64, f64),
) -> impl Fn((f64, f64)) -> (f64, f64) {
    let (left, bottom) = chart.backend_coord(&(plot.x_min, y_lo));
    let (right, top) = chart.backend_coord(&(plot.x_max, y_hi));
    let (x_min, x_span, y_span) = (plot.x_min, plot.x_max - plot.x_min, y_hi - y_lo);
    move |(x, y)| {
        let across = (x - x_min) / x_span * f64::from(right - left);
        let up = (y - y_lo) / y_span * f64::from(top - bottom);
        (f64::from(left) + across, f64::from(bottom) + up)
    }
}

/// Each curve that saturates somewhere in the range, with where.
fn saturated_rows(plot: &CurvePlot) -> Vec<(Kind, Vec<(f64, f64)>)> {
    let rows = plot.curves.iter().map(|curve| {
        let derivative = |x| curve.eval(x).1;
        let intervals = saturated_intervals(
            derivative,
            plot.x_min,
            plot.x_max,
            SAMPLES,
            SATURATION_THRESHOLD,
        );
        (curve.kind(), intervals)
    });
    rows.filter(|(_, intervals)| !intervals.is_empty())
        .collect()
}

/// A row per saturating curve under the panels, over the same x axis: a bar
/// in the curve's colour where |f′| < the threshold, and the curve's name,
/// so that shades laid over each other in the f′ panel still say whose
/// they are.
fn draw_saturated_rows<DB: DrawingBackend>(
    strip: &DrawingArea<DB, Shift>,
    plot: &CurvePlot,
    rows: &[(Kind, Vec<(f64, f64)>)],
    geometry: PlotGeometry,
    lane: u32,
) -> PlotResult<(), DB> {
    let s = plot.scale;
    let lane = lane as i32;
    let width = f64::from((geometry.right - geometry.left).max(1));
    let column = |x: f64| {
        let t = (x - plot.x_min) / (plot.x_max - plot.x_min);
        geometry.left + (t * width).round() as i32
    };
    let font = super::font(10.0 * s).color(&plot.theme.foreground);
    let gap = (2.0 * s).round() as i32;
    for (row, (kind, intervals)) in rows.iter().enumerate() {
        let top = row as i32 * lane;
        let color = color_of(*kind);
        for &(a, b) in intervals {
            let bar = [
                (column(a), top + gap / 2),
                (column(b), top + lane - gap / 2),
            ];
            strip.draw(&Rectangle::new(bar, color.mix(0.35).filled()))?;
        }
        let name = format!("{}: |f′| < 0.01", kind.definition().properties.label);
        strip.draw(&Text::new(
            name,
            (geometry.left + 2 * gap, top + gap),
            font.clone(),
        ))?;
    }
    Ok(())
}

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

/// Maxout's two lines, thin, behind their max, as far as the panel shows them.
fn draw_maxout_pieces<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    plot: &CurvePlot,
    pieces: &[Piece; 2],
    y: (f64, f64),
) -> PlotResult<(), DB> {
    let color = color_of(Kind::Maxout).mix(0.45);
    for piece in pieces {
        let line = [plot.x_min, plot.x_max].map(|x| (x, piece.w * x + piece.b));
        for run in clip(&line, y) {
            chart.draw_series(std::iter::once(PathElement::new(run, color)))?;
        }
    }
    Ok(())
}

/// Dots at x = −10, 0, 10 (those inside the range), on every curve.
fn draw_markers<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    plot: &CurvePlot,
    panel: Panel,
    (y_lo, y_hi): (f64, f64),
) -> PlotResult<(), DB> {
    let radius = (3.0 * plot.scale) as i32;
    for curve in &plot.curves {
        let color = color_of(curve.kind());
        let dots = MARKERS
            .into_iter()
            .filter(|x| (plot.x_min..=plot.x_max).contains(x))
            .map(|x| {
                let (f, df) = curve.eval(x);
                (x, if panel == Panel::Value { f } else { df })
            })
            .filter(|p| (y_lo..=y_hi).contains(&p.1))
            .map(|p| Circle::new(p, radius, color.filled()));
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
    let dots = plot.curves.iter().filter_map(|curve| {
        let (f, df) = curve.eval(x);
        let y = if panel == Panel::Value { f } else { df };
        let ring = color_of(curve.kind()).stroke_width(2);
        (y_lo..=y_hi)
            .contains(&y)
            .then(|| Circle::new((x, y), radius, ring))
    });
    chart.draw_series(dots)?;
    Ok(())
}
