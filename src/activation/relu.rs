//! The rectified linear unit, max(0, x), with the notes' ReLU'(0) = 1.

use super::{Cost, Definition, Init, Properties, Saturation};

pub const DEFINITION: Definition = Definition {
    name: "relu",
    param: None,
    properties: Properties {
        label: "ReLU",
        range: "[0, ∞)",
        zero_centered: false,
        monotonic: true,
        smooth: false,
        saturates: Saturation::NegativeSide,
        cost: Cost::Compare,
    },
    color: (0, 158, 115),
    init: Init::He,
    formula: "relu(z) = max(0, z)",
    derivative: "relu'(z) = 1 if z ≥ 0, else 0",
};

/// max(0, x) beside its slope, 1 from x = 0 on (the notes: "if x = 0, dz = 1").
#[inline(always)]
pub fn value_and_derivative(x: f64) -> (f64, f64) {
    if x >= 0.0 {
        (x, 1.0)
    } else {
        (0.0, 0.0)
    }
}
