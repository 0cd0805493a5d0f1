//! The repeat's dot plot: one row per contestant, a dot per seed at the
//! steps it took to reach the target (a ring at the limit when it never
//! did), and a bar at the median. Drawn from plain elements, without a
//! chart set-up of its own, to keep the download small.

use super::Theme;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

type PlotResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// One contestant's row.
pub struct DotRow<'a> {
    pub label: String,
    pub color: RGBColor,
    /// Steps-to-target per seed; `None`: not reached within the limit.
    pub outcomes: &'a [Option<u64>],
    pub median: Option<f64>,
}

/// The x axis's end: the limit if some run never arrived, else a little past the slowest.
fn axis_end(rows: &[DotRow], limit: u64) -> u64 {
    let mut all = rows.iter().flat_map(|r| r.outcomes.iter());
    if all.clone().any(Option::is_none) {
        return limit.max(1);
    }
    let slowest = all.by_ref().flatten().copied().max().unwrap_or(0);
    (slowest + slowest / 10).max(10)
}

/// A round tick spacing (1, 2 or 5 times a power of ten) giving at most 4
/// intervals up to `end` (at least 1).
fn tick_step(end: u64) -> u64 {
    let mut magnitude = 1;
    loop {
        for step in [magnitude, 2 * magnitude, 5 * magnitude] {
            if end / step <= 4 {
                return step;
            }
        }
        magnitude *= 10;
    }
}

/// Draws the rows, top to bottom; `limit` is where unreached runs sit.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    rows: &[DotRow],
    limit: u64,
    scale: f64,
    theme: Theme,
) -> PlotResult<DB> {
    root.fill(&theme.background)?;
    let px = |v: f64| (v * scale).round() as i32;
    let fg = theme.foreground;
    let label_font = super::font(12.0 * scale);
    let measured = TextStyle::from(label_font.clone());
    let mut labels_width = 0;
    for row in rows {
        labels_width = labels_width.max(root.estimate_text_size(&row.label, &measured)?.0);
    }
    let (width, height) = root.dim_in_pixel();
    let (left, right) = (labels_width as i32 + px(16.0), width as i32 - px(16.0));
    let (top, bottom) = (px(8.0), height as i32 - px(38.0));
    let end = axis_end(rows, limit);
    let x_at = |steps: f64| left + ((steps / end as f64) * f64::from(right - left)).round() as i32;
    let row_height = f64::from(bottom - top) / rows.len().max(1) as f64;
    let y_at =
        |i: usize, offset: f64| top + (row_height * (i as f64 + 0.5 + offset)).round() as i32;
    draw_axis(root, (left, right, top, bottom), end, &x_at, scale, theme)?;
    let radius = px(4.0).max(2);
    for (i, row) in rows.iter().enumerate() {
        for (k, outcome) in row.outcomes.iter().enumerate() {
            // A little vertical spread, so equal values stay countable.
            let at = (
                x_at(outcome.map_or(end as f64, |s| s as f64)),
                y_at(i, ((k % 5) as f64 - 2.0) * 0.08),
            );
            let style = match outcome {
                Some(_) => row.color.filled(),
                None => row.color.stroke_width((1.5 * scale).max(1.0) as u32),
            };
            root.draw(&Circle::new(at, radius, style))?;
        }
        if let Some(median) = row.median {
            let x = x_at(median);
            let bar = fg.stroke_width((2.0 * scale).max(1.0) as u32);
            root.draw(&PathElement::new(
                vec![(x, y_at(i, -0.35)), (x, y_at(i, 0.35))],
                bar,
            ))?;
        }
        let font = label_font
            .clone()
            .color(&row.color)
            .pos(Pos::new(HPos::Right, VPos::Center));
        root.draw(&Text::new(
            row.label.as_str(),
            (left - px(8.0), y_at(i, 0.0)),
            font,
        ))?;
    }
    root.present()
}

/// The x axis along the bottom: grid lines and labels at round steps, and its name.
fn draw_axis<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    (left, right, top, bottom): (i32, i32, i32, i32),
    end: u64,
    x_at: &dyn Fn(f64) -> i32,
    scale: f64,
    theme: Theme,
) -> PlotResult<DB> {
    let fg = theme.foreground;
    let font = super::font(11.0 * scale).color(&fg);
    let step = tick_step(end);
    for tick in (0..=end).step_by(step as usize) {
        let x = x_at(tick as f64);
        root.draw(&PathElement::new(vec![(x, top), (x, bottom)], theme.grid))?;
        let label = font.pos(Pos::new(HPos::Center, VPos::Top));
        root.draw(&Text::new(tick.to_string(), (x, bottom + 4), label))?;
    }
    root.draw(&PathElement::new(vec![(left, bottom), (right, bottom)], fg))?;
    let name = font.pos(Pos::new(HPos::Center, VPos::Bottom));
    let middle = (left + right) / 2;
    let below = root.dim_in_pixel().1 as i32 - 2;
    root.draw(&Text::new("steps to target", (middle, below), name))
}
