//! Leaky ReLU, max(αx, x): a small slope α keeps negative units alive.

use super::{Cost, Definition, Init, ParamSpec, Properties, Saturation};

pub const DEFINITION: Definition = Definition {
    name: "leaky_relu",
    param: Some(ParamSpec {
        name: "alpha",
        default: 0.01,
        min: 0.0,
        max: 1.0,
        step: 0.01,
    }),
    properties: Properties {
        label: "Leaky ReLU",
        range: "(−∞, ∞)",
        zero_centered: false,
        monotonic: true,
        smooth: false,
        saturates: Saturation::Never,
        cost: Cost::Compare,
    },
    color: (204, 121, 167),
    init: Init::He,
    formula: "leaky_relu(z) = max({param}·z, z)",
    derivative: "leaky_relu'(z) = 1 if z > 0, else {param}",
};

/// x for x > 0, else αx, beside its slope (α at the kink, as the notes have it).
#[inline(always)]
pub fn value_and_derivative(x: f64, alpha: f64) -> (f64, f64) {
    if x > 0.0 {
        (x, 1.0)
    } else {
        (alpha * x, alpha)
    }
}
