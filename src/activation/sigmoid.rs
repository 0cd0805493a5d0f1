//! The logistic sigmoid, σ(x) = 1 / (1 + e^(−x)), and its derivative σ(1 − σ).

use super::{Cost, Definition, Init, Properties, Saturation};

pub const DEFINITION: Definition = Definition {
    name: "sigmoid",
    param: None,
    properties: Properties {
        label: "Sigmoid",
        range: "(0, 1)",
        zero_centered: false,
        monotonic: true,
        smooth: true,
        saturates: Saturation::BothSides,
        cost: Cost::Exp,
    },
    color: (213, 94, 0),
    init: Init::Glorot,
    formula: "sigmoid(z) = 1 / (1 + e^(−z))",
    derivative: "sigmoid'(z) = sigmoid(z)·(1 − sigmoid(z))",
};

/// σ(x) beside σ'(x) = σ(x)·(1 − σ(x)).
#[inline(always)]
pub fn value_and_derivative(x: f64) -> (f64, f64) {
    let s = sigmoid(x);
    (s, derivative_from_output(s))
}

/// σ' written in terms of the output z = σ(x), as the notes write it: z(1 − z).
#[inline(always)]
pub fn derivative_from_output(z: f64) -> f64 {
    z * (1.0 - z)
}

/// The logistic sigmoid, stable for any x: e^x is only ever taken of x ≤ 0.
#[inline(always)]
pub fn sigmoid(x: f64) -> f64 {
    if x >= 0.0 {
        1.0 / (1.0 + libm::exp(-x))
    } else {
        let e = libm::exp(x);
        e / (1.0 + e)
    }
}
