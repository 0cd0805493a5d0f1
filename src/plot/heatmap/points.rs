//! The data points over the heatmap: a transparent RGBA layer at the
//! picture's full pixel size, repainted only when what it shows changes.

use super::pixels::{to_pixel, value_scale, write_rgba};
use crate::data::Dataset;
use crate::network::argmax;
use crate::plot::palette::{class_color, diverging, mix, Rgb};
use crate::plot::Theme;
use std::hash::{Hash, Hasher};

// As in TensorFlow Playground: training points ringed in white, test points in black.
const WHITE: Rgb = [255.0, 255.0, 255.0];
const BLACK: Rgb = [20.0, 20.0, 20.0];

/// How the data points are drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PointStyle {
    /// Radius in pixels (already scaled for the device).
    pub radius: f64,
    pub show_test: bool,
}

/// Everything the layer's pixels depend on.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Painted {
    /// A fingerprint of the train and test sets' numbers.
    data: u64,
    size: (usize, usize),
    style: PointStyle,
    theme: Theme,
    /// The value scale of a regression set's colours.
    scale: f64,
}

/// The points as RGBA pixels, not premultiplied: each pixel's colour, and
/// its alpha the share of it the discs cover (overlapping discs composited
/// "over", later points on top). Kept between frames.
#[derive(Clone, Debug, Default)]
pub struct PointsLayer {
    pixels: Vec<u8>,
    painted: Option<Painted>,
}

impl PointsLayer {
    /// An empty layer; the first `update` paints it.
    pub fn new() -> PointsLayer {
        PointsLayer::default()
    }

    /// Brings the layer up to date for a `width` × `height` picture: the
    /// points of `train` (filled discs ringed in white) and, if
    /// `style.show_test`, of `test` (ringed in black). Repaints only when
    /// the sets' numbers, the size, the style, the theme or the value scale
    /// changed since the last paint; true when it repainted.
    pub fn update(
        &mut self,
        train: &Dataset,
        test: &Dataset,
        (width, height): (usize, usize),
        style: PointStyle,
        theme: Theme,
    ) -> bool {
        let scale = value_scale(train);
        let wanted = Painted {
            data: fingerprint([train, test]),
            size: (width, height),
            style,
            theme,
            scale,
        };
        if self.painted == Some(wanted) {
            return false;
        }
        self.pixels.clear();
        self.pixels.resize(width * height * 4, 0);
        let size = (width, height);
        self.paint(train, size, style.radius, scale, WHITE);
        if style.show_test {
            self.paint(test, size, style.radius, scale, BLACK);
        }
        self.painted = Some(wanted);
        true
    }

    /// The layer after the last `update`: width × height RGBA, row-major.
    pub fn pixels(&self) -> &[u8] {
        &self.pixels
    }

    /// Composites the layer "over" `under`, opaque RGBA pixels of the same size.
    pub fn composite_onto(&self, under: &mut [u8]) {
        for (pixel, layer) in under.chunks_exact_mut(4).zip(self.pixels.chunks_exact(4)) {
            if layer[3] != 0 {
                let alpha = f64::from(layer[3]) / 255.0;
                write_rgba(pixel, mix(rgb(pixel), rgb(layer), alpha), 1.0);
            }
        }
    }

    /// Draws each point of `set` as an anti-aliased disc of its class colour
    /// (or value colour) ringed in `outline`.
    fn paint(
        &mut self,
        set: &Dataset,
        (width, height): (usize, usize),
        radius: f64,
        scale: f64,
        outline: Rgb,
    ) {
        let outputs = set.outputs().max(1);
        for (x, y) in set.x.chunks_exact(2).zip(set.y.chunks_exact(outputs)) {
            let color = match set.classes {
                0 => diverging(y[0] / scale),
                _ => class_color(argmax(y)),
            };
            let center = to_pixel(x, width, height);
            self.disc(center, radius, color, outline, (width, height));
        }
    }

    fn disc(
        &mut self,
        (cx, cy): (f64, f64),
        r: f64,
        fill: Rgb,
        outline: Rgb,
        (w, h): (usize, usize),
    ) {
        let ring = (r * 0.25).max(1.0);
        let (x0, x1) = (
            (cx - r - 1.0).max(0.0) as usize,
            ((cx + r + 1.0) as usize).min(w),
        );
        let (y0, y1) = (
            (cy - r - 1.0).max(0.0) as usize,
            ((cy + r + 1.0) as usize).min(h),
        );
        for py in y0..y1 {
            for px in x0..x1 {
                let d = ((px as f64 + 0.5 - cx).powi(2) + (py as f64 + 0.5 - cy).powi(2)).sqrt();
                let coverage = (r + 0.5 - d).clamp(0.0, 1.0);
                if coverage <= 0.0 {
                    continue;
                }
                let inner = (r - ring + 0.5 - d).clamp(0.0, 1.0);
                let at = (py * w + px) * 4;
                over(
                    &mut self.pixels[at..at + 4],
                    mix(outline, fill, inner),
                    coverage,
                );
            }
        }
    }
}

/// Composites `color` with alpha `alpha` (0–1, above 0) "over" one
/// not-premultiplied RGBA pixel.
fn over(pixel: &mut [u8], color: Rgb, alpha: f64) {
    let below = f64::from(pixel[3]) / 255.0 * (1.0 - alpha);
    let total = alpha + below;
    let under = rgb(pixel);
    let blended = [0, 1, 2].map(|k| (color[k] * alpha + under[k] * below) / total);
    write_rgba(pixel, blended, total);
}

fn rgb(pixel: &[u8]) -> Rgb {
    [0, 1, 2].map(|k| f64::from(pixel[k]))
}

/// A hash of the sets' sizes, classes and numbers: cheap next to a repaint,
/// and any edit to the data changes it (short of a hash collision).
fn fingerprint(sets: [&Dataset; 2]) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for set in sets {
        (set.classes, set.x.len(), set.y.len()).hash(&mut hasher);
        set.x
            .iter()
            .chain(&set.y)
            .for_each(|v| hasher.write_u64(v.to_bits()));
    }
    hasher.finish()
}
