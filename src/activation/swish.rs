//! Swish, also called SiLU: x·σ(x), the sigmoid-weighted identity that
//! transformers' feed-forward layers use. Smooth, not monotonic: it dips to
//! about −0.278 at x ≈ −1.278 before it rises towards 0 on the left.

use super::{Cost, Definition, Init, Properties, Saturation};

pub const DEFINITION: Definition = Definition {
    name: "swish",
    param: None,
    properties: Properties {
        label: "Swish (SiLU)",
        range: "[−0.278…, ∞)",
        zero_centered: false,
        monotonic: false,
        smooth: true,
        saturates: Saturation::NegativeSide,
        cost: Cost::Exp,
    },
    color: (160, 0, 240),
    init: Init::He,
    formula: "swish(z) = z·sigmoid(z) = z / (1 + e^(−z))",
    derivative: "swish'(z) = sigmoid(z)·(1 + z·(1 − sigmoid(z)))",
};

/// x·σ(x) beside σ(x)·(1 + x·σ(−x)), with 1 − σ(x) taken as σ(−x).
///
/// One e^(−|x|), never of a positive number, gives both σ(x) and σ(−x)
/// without cancellation, so at x = −1000 the value is −0 and the slope 0
/// (not NaN), and at x = 1000 they are 1000 and 1.
#[inline(always)]
pub fn value_and_derivative(x: f64) -> (f64, f64) {
    let e = libm::exp(-x.abs());
    let (big, small) = (1.0 / (1.0 + e), e / (1.0 + e));
    // σ(x) and σ(−x): the larger one belongs to the sign of x.
    let (s, s_minus) = if x >= 0.0 { (big, small) } else { (small, big) };
    (x * s, s * (1.0 + x * s_minus))
}
