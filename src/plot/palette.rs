//! Colours as RGB triples of f64 (0–255) for the pixel renderers: class
//! colours from the Okabe–Ito palette and a diverging scale for signed values.

use plotters::style::RGBColor;

/// Red, green, blue, each 0–255.
pub type Rgb = [f64; 3];

/// Okabe–Ito's colours, distinguishable under the common colour
/// blindnesses, in the order the diagnostics' layers and the softmax bars
/// take them: blue, vermillion, bluish green, reddish purple, orange, sky
/// blue, then yellow and black, which need a dark or a light background.
pub const OKABE_ITO: [RGBColor; 8] = [
    RGBColor(0, 114, 178),
    RGBColor(213, 94, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(230, 159, 0),
    RGBColor(86, 180, 233),
    RGBColor(240, 228, 66),
    RGBColor(0, 0, 0),
];

/// Class colours, distinguishable under the common colour blindnesses.
const CLASSES: [Rgb; 4] = [
    [230.0, 120.0, 20.0],
    [0.0, 114.0, 178.0],
    [0.0, 158.0, 115.0],
    [204.0, 121.0, 167.0],
];

/// The colour of class `class` (cycling past four).
pub fn class_color(class: usize) -> Rgb {
    CLASSES[class % CLASSES.len()]
}

/// Negative values orange, positive blue, fading to grey at 0; `v` in −1…1.
pub fn diverging(v: f64) -> Rgb {
    let grey = [200.0, 200.0, 200.0];
    let t = v.clamp(-1.0, 1.0);
    if t < 0.0 {
        mix(grey, CLASSES[0], -t)
    } else {
        mix(grey, CLASSES[1], t)
    }
}

/// `a` moved a fraction `t` (0–1) of the way to `b`.
pub fn mix(a: Rgb, b: Rgb, t: f64) -> Rgb {
    [0, 1, 2].map(|i| a[i] + (b[i] - a[i]) * t)
}

/// A colour's channels as bytes, each clamped and rounded to the nearest
/// (adding ½ and truncating: `round` is a slow library call in wasm).
#[inline]
pub fn bytes(color: Rgb) -> [u8; 3] {
    color.map(|channel| (channel.clamp(0.0, 255.0) + 0.5) as u8)
}

/// `#rrggbb` of a colour.
pub fn css(color: Rgb) -> String {
    let byte = |v: f64| v.round().clamp(0.0, 255.0) as u8;
    format!(
        "#{:02x}{:02x}{:02x}",
        byte(color[0]),
        byte(color[1]),
        byte(color[2])
    )
}
