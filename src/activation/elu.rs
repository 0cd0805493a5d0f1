//! ELU, x for x ≥ 0, else α(e^x − 1): smooth towards −α on the left.

use super::{Cost, Definition, Init, ParamSpec, Properties, Saturation};

pub const DEFINITION: Definition = Definition {
    name: "elu",
    param: Some(ParamSpec {
        name: "alpha",
        default: 1.0,
        min: 0.0,
        max: 5.0,
        step: 0.1,
    }),
    properties: Properties {
        label: "ELU",
        range: "(−α, ∞)",
        zero_centered: false,
        monotonic: true,
        smooth: false,
        saturates: Saturation::NegativeSide,
        cost: Cost::Exp,
    },
    color: (230, 159, 0),
    init: Init::He,
    formula: "elu(z) = z if z ≥ 0, else {param}·(e^z − 1)",
    derivative: "elu'(z) = 1 if z ≥ 0, else {param}·e^z",
};

/// ELU beside its derivative, 1 from x = 0 on (the notes' ELU'(0) = 1).
#[inline(always)]
pub fn value_and_derivative(x: f64, alpha: f64) -> (f64, f64) {
    if x >= 0.0 {
        (x, 1.0)
    } else {
        // expm1 keeps the small-|x| values exact; the derivative alpha·e^x never overflows here.
        (alpha * libm::expm1(x), alpha * libm::exp(x))
    }
}
