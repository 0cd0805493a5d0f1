//! A series legend inside a plot's area. Unlike plotters' own
//! (`configure_series_labels`), it measures its labels through the drawing
//! backend, so on a canvas the browser measures them without the inline
//! `style` attribute plotters' wasm font code sets (the page's CSP blocks it).
//!
//! Its entries flow in rows as wide as the plot allows, as words in a line
//! of text, so six layers' entries still fit in a short chart; and it goes
//! to the corner of the plot where it covers the least of the lines it
//! names and the bands filled around them (the upper right when that covers
//! nothing).

use super::Theme;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Where a legend landed, in the plot's pixels: its box and each entry's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    /// Left, top, right, bottom.
    pub frame: (i32, i32, i32, i32),
    /// Each entry's box (its stroke and its label), in the entries' order.
    pub entries: Vec<(i32, i32, i32, i32)>,
}

/// A filled band in a plot's pixels (a spread around a mean): at each x,
/// left to right, its top and bottom pixel rows.
pub type Band = Vec<(i32, i32, i32)>;

/// What a legend keeps off: the plotted lines (polylines) and the filled
/// bands, in the plot's pixels.
pub type Plotted<'a> = (&'a [Vec<(i32, i32)>], &'a [Band]);

/// The legend for labels of `sizes` (width, height each) in a plot of `dim`
/// pixels, avoiding the `lines` drawn there (polylines in the plot's pixels).
pub fn layout(
    sizes: &[(u32, u32)],
    dim: (u32, u32),
    lines: &[Vec<(i32, i32)>],
    scale: f64,
) -> Layout {
    layout_around(sizes, dim, (lines, &[]), scale)
}

/// As `layout`, avoiding the filled `bands` too: a band is data as much as
/// a line, and a legend inside one crosses none of its edges.
pub fn layout_around(
    sizes: &[(u32, u32)],
    dim: (u32, u32),
    (lines, bands): Plotted,
    scale: f64,
) -> Layout {
    let px = |v: f64| (v * scale).round() as i32;
    let line = sizes.iter().map(|s| s.1 as i32).max().unwrap_or(0) + px(4.0);
    let (pad, stroke, gap, inset) = (px(6.0), px(14.0), px(12.0), px(6.0));
    let (width, height) = (dim.0 as i32, dim.1 as i32);
    let room = (width - 2 * inset - 2 * pad).max(1);
    // (x within the box's content, row) of each entry, and the widest row.
    let mut at = Vec::with_capacity(sizes.len());
    let (mut x, mut row, mut widest) = (0, 0, 0);
    for size in sizes {
        let w = stroke + pad + size.0 as i32;
        if x > 0 && x + w > room {
            x = 0;
            row += 1;
        }
        at.push((x, row, w));
        widest = widest.max(x + w);
        x += w + gap;
    }
    let rows = if sizes.is_empty() { 0 } else { row + 1 };
    let (box_width, box_height) = (pad + widest + pad, pad + line * rows + pad / 2);
    let (right, bottom) = (width - inset - box_width, height - inset - box_height);
    let corners = [
        (right, inset),
        (inset, inset),
        (right, bottom),
        (inset, bottom),
    ];
    let covered = |&(l, t): &(i32, i32)| {
        let inside = |p: (f64, f64)| {
            p.0 >= f64::from(l)
                && p.0 <= f64::from(l + box_width)
                && p.1 >= f64::from(t)
                && p.1 <= f64::from(t + box_height)
        };
        let lines: usize = lines.iter().map(|line| crossed(line, inside)).sum();
        let frame = (l, t, l + box_width, t + box_height);
        lines
            + bands
                .iter()
                .map(|band| filled(band, frame, scale))
                .sum::<usize>()
    };
    // The first corner that covers the least: the upper right when none differ.
    let (left, top) = corners
        .iter()
        .copied()
        .min_by_key(covered)
        .unwrap_or(corners[0]);
    let entries = at
        .into_iter()
        .map(|(x, row, w)| {
            let (l, t) = (left + pad + x, top + pad + line * row);
            (l, t, l + w, t + line)
        })
        .collect();
    Layout {
        frame: (left, top, left + box_width, top + box_height),
        entries,
    }
}

/// How many pieces of `line`, a pixel or two long each, lie `inside`.
fn crossed(line: &[(i32, i32)], inside: impl Fn((f64, f64)) -> bool) -> usize {
    let point = |p: (i32, i32)| (f64::from(p.0), f64::from(p.1));
    let mut count = usize::from(line.first().is_some_and(|&p| inside(point(p))));
    for pair in line.windows(2) {
        let (a, b) = (point(pair[0]), point(pair[1]));
        let length = (b.0 - a.0).abs().max((b.1 - a.1).abs());
        let pieces = (length / 2.0).ceil().clamp(1.0, 4096.0) as usize;
        count += (1..=pieces)
            .map(|i| i as f64 / pieces as f64)
            .filter(|t| inside((a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1))))
            .count();
    }
    count
}

/// How much of `band` lies in `frame` (left, top, right, bottom), in the
/// units `crossed` counts a line in: a line's piece is 2 CSS pixels long,
/// and a band's is a cell of 4 × 4 CSS pixels, so a legend over a band's
/// breadth weighs about as much as one over a line along it.
fn filled(band: &[(i32, i32, i32)], frame: (i32, i32, i32, i32), scale: f64) -> usize {
    let (left, top, right, bottom) = frame;
    let mut area = 0.0;
    for pair in band.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if b.0 <= a.0 {
            continue;
        }
        // Each pixel column of the segment within the frame, its rows between the band's edges.
        for x in a.0.max(left)..b.0.min(right) {
            let t = (f64::from(x) + 0.5 - f64::from(a.0)) / f64::from(b.0 - a.0);
            let edge = |from: i32, to: i32| f64::from(from) + t * f64::from(to - from);
            let (upper, lower) = (edge(a.1, b.1), edge(a.2, b.2));
            let (upper, lower) = (upper.min(lower), upper.max(lower));
            area += (lower.min(f64::from(bottom)) - upper.max(f64::from(top))).max(0.0);
        }
    }
    (area / (16.0 * scale)).round() as usize
}

/// Draws one entry per `(label, colour)`, a short stroke of the colour then
/// the label, on a box in the corner of `area` that covers the least of
/// `lines` and `bands` (what is plotted, in `area`'s pixels: see `in_pixels`).
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    entries: &[(String, RGBColor)],
    font: &TextStyle,
    scale: f64,
    theme: Theme,
    (lines, bands): Plotted,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    if entries.is_empty() {
        return Ok(());
    }
    let px = |v: f64| (v * scale).round() as i32;
    let mut sizes = Vec::with_capacity(entries.len());
    for (label, _) in entries {
        let (_, height) = area.estimate_text_size(label, font)?;
        sizes.push((super::text_width(area, label, font), height));
    }
    let placed = layout_around(&sizes, area.dim_in_pixel(), (lines, bands), scale);
    let (left, top, right, bottom) = placed.frame;
    let corners = [(left, top), (right, bottom)];
    area.draw(&Rectangle::new(
        corners,
        theme.background.mix(0.85).filled(),
    ))?;
    area.draw(&Rectangle::new(corners, theme.grid))?;
    let stroke = px(14.0);
    for ((label, color), &(x, y, _, bottom)) in entries.iter().zip(&placed.entries) {
        let middle = (y + bottom) / 2 - px(2.0);
        let line_style = color.stroke_width(px(2.0).max(1) as u32);
        area.draw(&PathElement::new(
            vec![(x, middle), (x + stroke, middle)],
            line_style,
        ))?;
        area.draw(&Text::new(
            label.as_str(),
            (x + stroke + px(6.0), y),
            font.clone(),
        ))?;
    }
    Ok(())
}

/// `line`, a chart's data, in its plotting area's pixels, for `draw`.
pub fn in_pixels<DB, X, Y>(
    chart: &ChartContext<'_, DB, Cartesian2d<X, Y>>,
    line: impl IntoIterator<Item = (X::ValueType, Y::ValueType)>,
) -> Vec<(i32, i32)>
where
    DB: DrawingBackend,
    X: plotters::coord::ranged1d::Ranged,
    Y: plotters::coord::ranged1d::Ranged,
{
    let (bx, by) = chart.plotting_area().get_base_pixel();
    line.into_iter()
        .map(|p| {
            let (x, y) = chart.backend_coord(&p);
            (x - bx, y - by)
        })
        .collect()
}
