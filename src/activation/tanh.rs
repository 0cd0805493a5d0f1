//! tanh, (e^x − e^(−x)) / (e^x + e^(−x)), and its derivative 1 − tanh², by
//! one branch-free formula: a loop over a batch compiles to two lanes
//! at a time (wasm `simd128`, SSE2), and every target computes the same bits.
//!
//! tanh x = sign(x) · E / (E + 2) with E = e^(2|x|) − 1, |x| capped at 20
//! (past 19.06, tanh rounds to 1). E comes from y = 2|x| = k·ln 2 + r with
//! |r| ≤ ½ ln 2: E = 2^k·(e^r − 1) + (2^k − 1), and e^r − 1 from its Taylor
//! series up to r^13/13! (the rest is below 2^−55 of it). Within 3 units in
//! the last place of the platform's tanh (tests/batch_paths.rs checks it), and
//! never above 1 in magnitude.

use super::{Cost, Definition, Init, Properties, Saturation};

pub const DEFINITION: Definition = Definition {
    name: "tanh",
    param: None,
    properties: Properties {
        label: "tanh",
        range: "(−1, 1)",
        zero_centered: true,
        monotonic: true,
        smooth: true,
        saturates: Saturation::BothSides,
        cost: Cost::Exp,
    },
    color: (0, 114, 178),
    init: Init::Glorot,
    formula: "tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z))",
    derivative: "tanh'(z) = 1 − tanh²(z)",
};

/// tanh(x) beside tanh'(x) = 1 − tanh²(x).
#[inline(always)]
pub fn value_and_derivative(x: f64) -> (f64, f64) {
    let t = tanh(x);
    (t, derivative_from_output(t))
}

/// tanh' written in terms of the output z = tanh(x): 1 − z² (the notes' z(1 − z²) is a slip).
#[inline(always)]
pub fn derivative_from_output(z: f64) -> f64 {
    1.0 - z * z
}

/// ln 2 in two parts: the high part has 21 trailing zero bits, so k·LN2_HI is
/// exact for every k used here (k ≤ 58).
const LN2_HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000);
/// ln 2 − LN2_HI, rounded.
const LN2_LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76);
/// 1.5·2^52: adding it rounds a number below 2^51 to an integer, which then
/// sits in the low bits of the sum.
const ROUNDER: f64 = 6_755_399_441_055_744.0;
/// Beyond this |x|, tanh x is ±1 in f64 (and e^(2|x|) stays finite).
const CAP: f64 = 20.0;

/// 1/n! for n = 2 … 13, each correctly rounded.
const INVERSE_FACTORIALS: [f64; 12] = {
    let mut c = [0.0; 12];
    let (mut factorial, mut n) = (1.0, 2);
    while n <= 13 {
        factorial *= n as f64; // exact: 13! < 2^53
        c[n - 2] = 1.0 / factorial;
        n += 1;
    }
    c
};

/// The hyperbolic tangent; odd, ±1 at ±∞, NaN for NaN.
#[inline(always)]
pub fn tanh(x: f64) -> f64 {
    let t = x.abs();
    // A select, not a branch; NaN fails the test and stays NaN.
    let t = if t > CAP { CAP } else { t };
    let e = expm1_of_nonnegative(2.0 * t);
    (e / (e + 2.0)).copysign(x)
}

/// e^y − 1 for 0 ≤ y ≤ 2·CAP, without branches.
#[inline(always)]
fn expm1_of_nonnegative(y: f64) -> f64 {
    let shifted = y * std::f64::consts::LOG2_E + ROUNDER;
    let k = shifted - ROUNDER;
    // y − k·LN2_HI is exact: the two are within a factor 2 of each other.
    let r = (y - k * LN2_HI) - k * LN2_LO;
    // e^r − 1
    let p = r + (r * r) * series(r);
    // 2^k from k's bits in `shifted` (k is 0 … 58).
    let k_bits = shifted.to_bits().wrapping_sub(ROUNDER.to_bits());
    let scale = f64::from_bits(k_bits.wrapping_add(1023) << 52);
    scale * p + (scale - 1.0)
}

/// Σ r^i/(i + 2)! for i = 0 … 11, by Estrin's scheme: pairs, then pairs of
/// pairs, so the multiplications run side by side rather than in one chain.
#[inline(always)]
fn series(r: f64) -> f64 {
    let c = INVERSE_FACTORIALS;
    let (r2, pair) = (r * r, |i: usize| c[i] + c[i + 1] * r);
    let r4 = r2 * r2;
    let quad = |i: usize| pair(i) + pair(i + 2) * r2;
    (quad(0) + quad(4) * r4) + quad(8) * (r4 * r4)
}
