//! GELU in its exact form, x·Φ(x) with Φ the standard normal distribution
//! function, as PyTorch's `gelu` computes it by default (no tanh
//! approximation). Smooth, not monotonic: it dips to about −0.170 at
//! x ≈ −0.752.

use std::f64::consts::FRAC_1_SQRT_2;

use super::{Cost, Definition, Init, Properties, Saturation};

/// 1 / √(2π), the normal density's factor.
const FRAC_1_SQRT_2PI: f64 = 0.398_942_280_401_432_7;

pub const DEFINITION: Definition = Definition {
    name: "gelu",
    param: None,
    properties: Properties {
        label: "GELU",
        range: "[−0.170…, ∞)",
        zero_centered: false,
        monotonic: false,
        smooth: true,
        saturates: Saturation::NegativeSide,
        cost: Cost::Erf,
    },
    color: (220, 0, 60),
    init: Init::He,
    formula: "gelu(z) = z·Φ(z), Φ(z) = erfc(−z/√2) / 2, the normal distribution function",
    derivative: "gelu'(z) = Φ(z) + z·φ(z), φ(z) = e^(−z²/2) / √(2π)",
};

/// x·Φ(x) beside Φ(x) + x·φ(x).
///
/// Φ(x) is erfc(−x/√2)/2 rather than (1 + erf(x/√2))/2: for x < 0 the
/// second subtracts two nearly equal numbers (at x = −10 it gives 0, not
/// 7.6e-24), while erfc keeps every digit until the result leaves f64's
/// range (Φ(−38.5) is below 1e-323), where it is 0 and the value −0.
/// φ(x) = e^(−x²/2)/√(2π) is 0 once x² is huge or infinite, so no NaN.
#[inline(always)]
pub fn value_and_derivative(x: f64) -> (f64, f64) {
    let cdf = 0.5 * libm::erfc(-x * FRAC_1_SQRT_2);
    let density = FRAC_1_SQRT_2PI * libm::exp(-0.5 * (x * x));
    (x * cdf, cdf + x * density)
}
