//! Softmax, an output kind: it turns a whole vector of logits into
//! probabilities that sum to 1.

use std::fmt;

use super::{Cost, Definition, Init, Properties, Saturation};

pub const DEFINITION: Definition = Definition {
    name: "softmax",
    param: None,
    properties: Properties {
        label: "Softmax",
        range: "(0, 1), sums to 1",
        zero_centered: false,
        monotonic: true,
        smooth: true,
        saturates: Saturation::BothSides,
        cost: Cost::Exp,
    },
    color: (0, 0, 0),
    init: Init::Glorot,
    formula: "softmax(z)_j = e^(z_j) / Σ_k e^(z_k)",
    derivative: "softmax with cross-entropy: dL/dz = y_hat − y",
};

/// Why `softmax` refused its input.
#[derive(Clone, Debug, PartialEq)]
pub enum SoftmaxError {
    Empty,
    NonFinite { index: usize, value: f64 },
    BadTemperature(f64),
}

impl fmt::Display for SoftmaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SoftmaxError::Empty => f.write_str("softmax needs at least one logit, got none"),
            SoftmaxError::NonFinite { index, value } => {
                write!(f, "logit {index} is {value}; logits must be finite numbers")
            }
            SoftmaxError::BadTemperature(t) => {
                write!(
                    f,
                    "temperature must be a finite number greater than 0, got {t}"
                )
            }
        }
    }
}

impl std::error::Error for SoftmaxError {}

/// Softmax of `logits / temperature`, into a new vector of probabilities that
/// sum to 1. Subtracting the largest logit first keeps every exponent ≤ 0, so
/// logits of ±1000 give exact, finite results.
pub fn softmax(logits: &[f64], temperature: f64) -> Result<Vec<f64>, SoftmaxError> {
    if logits.is_empty() {
        return Err(SoftmaxError::Empty);
    }
    if let Some((index, &value)) = logits.iter().enumerate().find(|(_, v)| !v.is_finite()) {
        return Err(SoftmaxError::NonFinite { index, value });
    }
    if !(temperature.is_finite() && temperature > 0.0) {
        return Err(SoftmaxError::BadTemperature(temperature));
    }
    let mut probabilities = logits.to_vec();
    softmax_in_place(&mut probabilities, temperature);
    Ok(probabilities)
}

/// Softmax over `z` in place (finite input, temperature > 0 assumed).
pub fn softmax_in_place(z: &mut [f64], temperature: f64) {
    let max = z.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut sum = 0.0;
    for v in z.iter_mut() {
        *v = libm::exp((*v - max) / temperature);
        sum += *v;
    }
    for v in z.iter_mut() {
        *v /= sum;
    }
}
