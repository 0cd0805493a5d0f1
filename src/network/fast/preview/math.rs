//! e^x, e^x − 1 and tanh in f32 without branches, so loops over a batch
//! compile to four lanes at a time: y = k·ln 2 + r with |r| ≤ ½ ln 2, and
//! e^r − 1 from its Taylor series up to r^7/7! (the rest is below f32's
//! rounding).

/// ln 2 in two parts: the high part's trailing zero bits make k·LN2_HI exact.
const LN2_HI: f32 = f32::from_bits(0x3f31_7200);
/// ln 2 − LN2_HI, rounded.
const LN2_LO: f32 = f32::from_bits(0x35bf_be8e);
/// 1.5·2^23: adding it rounds a number below 2^22 to an integer, which then
/// sits in the low bits of the sum.
const ROUNDER: f32 = 12_582_912.0;
/// Beyond this |x|, tanh x is ±1 in f32.
const TANH_CAP: f32 = 10.0;
/// Below this, e^x is under f32's smallest normal number: taken as e^−87.
const EXP_FLOOR: f32 = -87.0;

/// 1/n! for n = 2 … 7: e^r − 1 = r + r²·Σ r^i/(i + 2)!.
const INVERSE_FACTORIALS: [f32; 6] = [
    1.0 / 2.0,
    1.0 / 6.0,
    1.0 / 24.0,
    1.0 / 120.0,
    1.0 / 720.0,
    1.0 / 5040.0,
];

/// e^y as (2^k, e^r − 1), so e^y = 2^k·(e^r − 1) + 2^k; for −87 ≤ y ≤ 87.
#[inline(always)]
fn parts(y: f32) -> (f32, f32) {
    let shifted = y * std::f32::consts::LOG2_E + ROUNDER;
    let k = shifted - ROUNDER;
    let r = (y - k * LN2_HI) - k * LN2_LO;
    let series = INVERSE_FACTORIALS.iter().rev().fold(0.0, |s, &c| c + r * s);
    let p = r + (r * r) * series;
    // 2^k from k's bits in `shifted` (two's complement, so negative k works too).
    let k_bits = shifted.to_bits().wrapping_sub(ROUNDER.to_bits());
    (f32::from_bits(k_bits.wrapping_add(127) << 23), p)
}

/// e^x for x ≤ 87 (the softmax's shifted logits, all ≤ 0).
#[inline(always)]
pub(super) fn exp(x: f32) -> f32 {
    let (scale, p) = parts(x.max(EXP_FLOOR));
    scale * p + scale
}

/// e^x − 1 for −87 ≤ x ≤ 87 (ELU's negative side), accurate near 0.
#[inline(always)]
pub(super) fn exp_m1(x: f32) -> f32 {
    let (scale, p) = parts(x.max(EXP_FLOOR));
    scale * p + (scale - 1.0)
}

/// tanh x = sign(x)·E/(E + 2) with E = e^(2|x|) − 1, |x| capped where tanh is 1.
#[inline(always)]
pub(super) fn tanh(x: f32) -> f32 {
    let t = x.abs();
    // A select, not a branch; NaN fails the test and stays NaN.
    let t = if t > TANH_CAP { TANH_CAP } else { t };
    let e = exp_m1(2.0 * t);
    (e / (e + 2.0)).copysign(x)
}

/// The logistic sigmoid, as ½ + ½·tanh(x/2) (stable at both ends).
#[inline(always)]
pub(super) fn sigmoid(x: f32) -> f32 {
    0.5 + 0.5 * tanh(0.5 * x)
}
