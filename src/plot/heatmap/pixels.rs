//! Between the input domain and the picture's pixels: where a point lands,
//! which point a pixel shows, one RGBA pixel written, and the colour scale of
//! a regression set.

use crate::data::Dataset;
use crate::data::DOMAIN;
use crate::plot::palette::{bytes, Rgb};

/// Writes a colour with `alpha` (0–1) into one RGBA pixel.
pub(super) fn write_rgba(pixel: &mut [u8], color: Rgb, alpha: f64) {
    pixel[..3].copy_from_slice(&bytes(color));
    pixel[3] = (alpha.clamp(0.0, 1.0) * 255.0 + 0.5) as u8;
}

/// Where input point `x` (x1, x2) lands on a `width` × `height` picture.
pub fn to_pixel(x: &[f64], width: usize, height: usize) -> (f64, f64) {
    let t = |v: f64| (v + DOMAIN) / (2.0 * DOMAIN);
    (t(x[0]) * width as f64, (1.0 - t(x[1])) * height as f64)
}

/// The input point (x1, x2) at pixel (`px`, `py`) of a `width` × `height`
/// picture (the inverse of `to_pixel`), clamped into the domain.
pub fn from_pixel(px: f64, py: f64, width: usize, height: usize) -> [f64; 2] {
    let coordinate = |t: f64| (-DOMAIN + 2.0 * DOMAIN * t).clamp(-DOMAIN, DOMAIN);
    let fraction = |v: f64, size: usize| {
        if v.is_finite() {
            v / size.max(1) as f64
        } else {
            0.5
        }
    };
    [
        coordinate(fraction(px, width)),
        coordinate(1.0 - fraction(py, height)),
    ]
}

/// The largest |y| of a regression set (1 for classes), for colour scaling.
pub(super) fn value_scale(set: &Dataset) -> f64 {
    if set.classes != 0 {
        return 1.0;
    }
    set.y.iter().fold(1e-9, |m, v| m.max(v.abs()))
}
