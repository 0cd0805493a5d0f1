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
