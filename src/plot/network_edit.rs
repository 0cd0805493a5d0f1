//! Editing the network drawing: which input unit, unit (its bias) or link
//! (its weight) sits at a point of the picture, which parameter that is, and
//! the name a form gives it.

use super::network::{link_weight, Layout};
use crate::features::FeatureSet;
use crate::network::Network;

/// Something in the network drawing a click can pick.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// Input unit `unit` of the first column (an enabled feature).
    Input { unit: usize },
    /// The bias of unit `unit` of `layer` (0 is the first hidden layer; the
    /// last is the output layer).
    Bias { layer: usize, unit: usize },
    /// The weight from unit `from` of the column before `layer` (an input
    /// when `layer` is 0) to unit `to` of `layer`.
    Weight {
        layer: usize,
        from: usize,
        to: usize,
    },
}

/// What is at the picture point (x, y): a unit whose box (grown by
/// `tolerance` pixels) holds it, or else the link nearest to it within
/// `tolerance` pixels, as `network::draw` draws them; `None` for empty space.
pub fn hit(layout: &Layout, (x, y): (f64, f64), tolerance: f64) -> Option<Target> {
    let size = layout.size;
    for (c, column) in layout.columns.iter().enumerate() {
        for (u, &(left, top)) in column.iter().enumerate() {
            let inside =
                |v: f64, start: f64| v >= start - tolerance && v <= start + size + tolerance;
            if inside(x, left) && inside(y, top) {
                return Some(match c {
                    0 => Target::Input { unit: u },
                    _ => Target::Bias {
                        layer: c - 1,
                        unit: u,
                    },
                });
            }
        }
    }
    let mut best: Option<(f64, Target)> = None;
    for (layer, pair) in layout.columns.windows(2).enumerate() {
        for (from, &(x0, y0)) in pair[0].iter().enumerate() {
            for (to, &(x1, y1)) in pair[1].iter().enumerate() {
                let start = (x0 + size, y0 + size / 2.0);
                let distance = segment_distance((x, y), start, (x1, y1 + size / 2.0));
                if distance <= tolerance && best.is_none_or(|(d, _)| distance < d) {
                    best = Some((distance, Target::Weight { layer, from, to }));
                }
            }
        }
    }
    best.map(|(_, target)| target)
}

/// Distance from `p` to the segment from `a` to `b`.
fn segment_distance(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length2 = dx * dx + dy * dy;
    let t = if length2 > 0.0 {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / length2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (p.0 - a.0 - t * dx).hypot(p.1 - a.1 - t * dy)
}

/// Where `target`'s number sits in `network.params()`: for a maxout unit,
/// the piece the drawing shows (the weight of largest size; the first
/// piece's bias). `None` for an input unit or indices out of range.
pub fn parameter_index(network: &Network, target: Target) -> Option<usize> {
    let (layer, from, to) = match target {
        Target::Input { .. } => return None,
        Target::Bias { layer, unit } => (layer, None, unit),
        Target::Weight { layer, from, to } => (layer, Some(from), to),
    };
    let l = network.layers().get(layer)?;
    if to >= l.units() || from.is_some_and(|i| i >= l.fan_in()) {
        return None;
    }
    let pieces = l.columns() / l.units();
    let Some(i) = from else {
        return Some(l.b_range().start + to * pieces);
    };
    let w = network.params();
    let row = l.w_range().start + i * l.columns() + to * pieces;
    (row..row + pieces).reduce(|best, k| if w[k].abs() > w[best].abs() { k } else { best })
}

/// The name of `target` for a form's label: `Weight from x₁ to unit 1 of
/// layer 1`, `Bias of unit 2 of the output layer`; `None` out of range.
pub fn label(network: &Network, features: FeatureSet, target: Target) -> Option<String> {
    let layers = network.layers().len();
    let unit = |layer: usize, u: usize| match layer + 1 == layers {
        true => format!("unit {} of the output layer", u + 1),
        false => format!("unit {} of layer {}", u + 1, layer + 1),
    };
    match target {
        Target::Input { unit } => features.iter().nth(unit).map(|f| f.label().to_owned()),
        Target::Bias { layer, unit: u } => {
            parameter_index(network, target)?;
            Some(format!("Bias of {}", unit(layer, u)))
        }
        Target::Weight { layer, from, to } => {
            parameter_index(network, target)?;
            let source = match layer {
                0 => features.iter().nth(from)?.label().to_owned(),
                _ => unit(layer - 1, from),
            };
            Some(format!("Weight from {source} to {}", unit(layer, to)))
        }
    }
}

/// How many links of the drawing are cut: their drawn weight is exactly 0
/// (as L1 leaves them), so the drawing dashes them.
pub fn cut_links(network: &Network) -> usize {
    let layers = network.layers().iter().enumerate();
    layers
        .map(|(l, layer)| {
            let links = (0..layer.fan_in()).flat_map(|i| (0..layer.units()).map(move |j| (i, j)));
            links
                .filter(|&(i, j)| link_weight(network, l, i, j) == 0.0)
                .count()
        })
        .sum()
}
