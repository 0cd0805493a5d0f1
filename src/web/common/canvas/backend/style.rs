//! How the canvas backend words a style for the 2D context: a colour and a
//! font as CSS, and a line's ends placed so it covers whole pixels.

use plotters_backend::{BackendColor, BackendCoord, BackendTextStyle};

/// A colour as CSS, as `CanvasBackend` writes it.
pub(super) fn css(color: BackendColor) -> String {
    let (r, g, b) = color.rgb;
    format!("rgba({r},{g},{b},{})", color.alpha)
}

/// A text style's CSS font.
pub(super) fn font<S: BackendTextStyle>(style: &S) -> String {
    format!(
        "{} {}px {}",
        style.style().as_str(),
        style.size(),
        style.family().as_str()
    )
}

/// Horizontal and vertical lines half a pixel over, so a 1-pixel line
/// covers one row of pixels instead of half of two (as `CanvasBackend`).
pub(super) fn crisp(from: BackendCoord, to: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let (mut from, mut to) = (
        (f64::from(from.0), f64::from(from.1)),
        (f64::from(to.0), f64::from(to.1)),
    );
    if from.0 == to.0 {
        from.0 -= 0.5;
        to.0 -= 0.5;
    }
    if from.1 == to.1 {
        from.1 -= 0.5;
        to.1 -= 0.5;
    }
    (from, to)
}
