//! The identity, f(x) = x: a linear layer.

use super::{Cost, Definition, Init, Properties, Saturation};

pub const DEFINITION: Definition = Definition {
    name: "identity",
    param: None,
    properties: Properties {
        label: "Identity (linear)",
        range: "(−∞, ∞)",
        zero_centered: true,
        monotonic: true,
        smooth: true,
        saturates: Saturation::Never,
        cost: Cost::Linear,
    },
    color: (136, 136, 136),
    init: Init::Glorot,
    formula: "identity(z) = z (a linear layer)",
    derivative: "identity'(z) = 1",
};

/// f(x) = x beside f'(x) = 1.
#[inline(always)]
pub fn value_and_derivative(x: f64) -> (f64, f64) {
    (x, 1.0)
}
