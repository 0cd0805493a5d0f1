//! Plots drawn with plotters on any `DrawingBackend`: the facade draws them on a
//! canvas, native tests on an SVG string.

pub mod curves;
pub mod diagnostics;
pub mod dots;
pub mod heatmap;
pub mod histograms;
pub mod legend;
pub mod loss;
pub mod network;
pub mod network_edit;
pub mod palette;
pub mod race;
pub mod softmax;
pub mod span;

use crate::activation::Kind;
use plotters::style::RGBColor;

/// The colours a plot is drawn in (the page passes the theme's).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Theme {
    pub background: RGBColor,
    pub foreground: RGBColor,
    pub grid: RGBColor,
    /// Shading of regions where gradients die.
    pub saturation: RGBColor,
}

impl Theme {
    pub const LIGHT: Theme = Theme {
        background: RGBColor(255, 255, 255),
        foreground: RGBColor(34, 34, 34),
        grid: RGBColor(225, 225, 225),
        saturation: RGBColor(213, 94, 0),
    };
    pub const DARK: Theme = Theme {
        background: RGBColor(24, 26, 31),
        foreground: RGBColor(230, 230, 230),
        grid: RGBColor(60, 63, 70),
        saturation: RGBColor(240, 160, 90),
    };
}

/// The plots' font: the browser's sans-serif at `size` pixels. (Naming the
/// family by enum, not by the string "sans-serif", keeps plotters' font-name
/// lowercasing, and Unicode's case tables, out of the download.)
pub fn font(size: f64) -> plotters::style::FontDesc<'static> {
    use plotters::style::{FontFamily, IntoFont};
    (FontFamily::SansSerif, size).into_font()
}

/// One colour per activation, from its own file (`Definition::color`): the
/// Okabe–Ito palette, which stays distinguishable under the common forms of
/// colour blindness, and further colours chosen to stay apart from it.
pub fn color_of(kind: Kind) -> RGBColor {
    let (r, g, b) = kind.definition().color;
    RGBColor(r, g, b)
}

/// `#rrggbb` for a colour, for the page's legend swatches.
pub fn hex(color: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", color.0, color.1, color.2)
}

/// The width `text` takes in `font` on `area`: the backend's measure, but
/// never less than 0.65 of the font's size per character of a number, 0.55
/// of words. A backend without fonts (SVG) only guesses, and short; a
/// sans-serif digit is about 0.64 em wide, letters under 0.5 on average.
pub fn text_width<DB: plotters::prelude::DrawingBackend>(
    area: &plotters::prelude::DrawingArea<DB, plotters::coord::Shift>,
    text: &str,
    font: &plotters::style::TextStyle,
) -> u32 {
    let measured = area.estimate_text_size(text, font).map_or(0, |s| s.0);
    let number = text
        .chars()
        .all(|c| c.is_ascii_digit() || ".-−e".contains(c));
    let share = if number { 0.65 } else { 0.55 };
    let floor = (share * font.font.get_size() * text.chars().count() as f64).ceil() as u32;
    measured.max(floor)
}

/// The right margin a chart on `area` needs so that the x tick at its right
/// edge, `label`, drawn centred on the edge, is not cut off: half the
/// label's width and a little, never less than the usual 6 pixels.
pub fn right_margin<DB: plotters::prelude::DrawingBackend>(
    area: &plotters::prelude::DrawingArea<DB, plotters::coord::Shift>,
    label: &str,
    font: &plotters::style::TextStyle,
    scale: f64,
) -> i32 {
    let half = text_width(area, label, font) as i32 / 2;
    (half + (3.0 * scale) as i32).max((6.0 * scale) as i32)
}

/// The shortest step axis `steps_axis` draws.
pub const MIN_STEPS: f64 = 10.0;

/// Draws `points` on `chart` as a line in `style`; a series of one point,
/// which a line cannot show (a chart at its first record, the loss after
/// one step), as a dot of the line's colour, 3 CSS pixels across each way.
pub fn line_or_dot<DB, X, Y>(
    chart: &mut plotters::chart::ChartContext<
        '_,
        DB,
        plotters::coord::cartesian::Cartesian2d<X, Y>,
    >,
    points: Vec<(f64, f64)>,
    style: plotters::style::ShapeStyle,
    scale: f64,
) -> Result<(), plotters::drawing::DrawingAreaErrorKind<DB::ErrorType>>
where
    DB: plotters::prelude::DrawingBackend,
    X: plotters::coord::ranged1d::Ranged<ValueType = f64>,
    Y: plotters::coord::ranged1d::Ranged<ValueType = f64>,
{
    if let [point] = points[..] {
        let radius = (3.0 * scale).round().max(2.0) as i32;
        let dot = plotters::element::Circle::new(point, radius, style.filled());
        chart.draw_series(std::iter::once(dot))?;
    } else {
        chart.draw_series(plotters::series::LineSeries::new(points, style))?;
    }
    Ok(())
}

/// The x range of a chart over the steps: from 0 to the last step, but at
/// least to `MIN_STEPS`, so that a chart at step 0 or 1 has whole, distinct
/// ticks (0, 2, 4, …) rather than "0 0 1".
pub fn steps_axis(last_step: f64) -> std::ops::Range<f64> {
    span::span(0.0, last_step.max(MIN_STEPS))
}
