//! PReLU, max(a·x, x), with a slope a that a network learns per unit; as a
//! function of one number, a is fixed.

use super::{Cost, Definition, Init, ParamSpec, Properties, Saturation};

pub const DEFINITION: Definition = Definition {
    name: "prelu",
    param: Some(ParamSpec {
        name: "slope",
        default: 0.25,
        min: -1.0,
        max: 1.0,
        step: 0.05,
    }),
    properties: Properties {
        label: "PReLU",
        range: "(−∞, ∞)",
        zero_centered: false,
        monotonic: true,
        smooth: false,
        saturates: Saturation::Never,
        cost: Cost::Compare,
    },
    color: (86, 180, 233),
    init: Init::He,
    formula: "prelu(z) = max({param}·z, z)",
    derivative: "prelu'(z) = 1 if z > 0, else {param}",
};

/// x for x > 0, else a·x, beside its slope (a at the kink): Leaky ReLU's
/// formula, with a slope the network may be given rather than a fixed α.
#[inline(always)]
pub fn value_and_derivative(x: f64, slope: f64) -> (f64, f64) {
    super::leaky_relu::value_and_derivative(x, slope)
}
