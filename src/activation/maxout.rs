//! Maxout, a layer kind: each unit outputs the largest of k linear pieces.
//! As a function of one number (the explorer's view), max_i (w_i·x + b_i).

use super::{Cost, Definition, Init, Properties, Saturation};

pub const DEFINITION: Definition = Definition {
    name: "maxout",
    param: None,
    properties: Properties {
        label: "Maxout",
        range: "(−∞, ∞)",
        zero_centered: false,
        monotonic: false,
        smooth: false,
        saturates: Saturation::Never,
        cost: Cost::Pieces,
    },
    color: (100, 60, 160),
    init: Init::He,
    formula: "maxout: each unit outputs the largest of its {param} pieces of z",
    derivative: "maxout passes the gradient to each unit's winning piece, 0 to the others",
};

/// One linear piece `w·x + b` of a scalar Maxout unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Piece {
    pub w: f64,
    pub b: f64,
}

/// A scalar Maxout unit, `max_i (w_i·x + b_i)`, and its derivative: the slope of
/// the winning piece (the first one on a tie). Also returns that piece's index.
/// `pieces` must not be empty.
pub fn maxout(pieces: &[Piece], x: f64) -> (f64, f64, usize) {
    let mut best = (f64::NEG_INFINITY, 0.0, 0);
    for (i, piece) in pieces.iter().enumerate() {
        let z = piece.w * x + piece.b;
        if z > best.0 {
            best = (z, piece.w, i);
        }
    }
    best
}

/// Writes a scalar Maxout unit's value at every `xs` into `out` (same length).
pub fn maxout_apply(pieces: &[Piece], xs: &[f64], out: &mut [f64]) {
    for (y, &x) in out.iter_mut().zip(xs) {
        *y = maxout(pieces, x).0;
    }
}
