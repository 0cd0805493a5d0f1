//! Axis ranges plotters can always draw, whatever the values: finite,
//! increasing and within ±`AXIS_LIMIT`. A range that spans an overflow (z of
//! ±1e308, a loss of infinity) would otherwise send plotters' tick search
//! into a loop that never ends.

use std::ops::Range;

/// The largest magnitude an axis reaches; values beyond it are drawn at the edge.
pub const AXIS_LIMIT: f64 = 1e100;

/// `lo..hi` made drawable: NaN ends fall back to 0 and 1, ends are clamped to
/// ±`AXIS_LIMIT`, and an empty or reversed range is widened around `lo`.
pub fn span(lo: f64, hi: f64) -> Range<f64> {
    let clamp = |v: f64, fallback: f64| {
        if v.is_nan() {
            fallback
        } else {
            v.clamp(-AXIS_LIMIT, AXIS_LIMIT)
        }
    };
    let (lo, hi) = (clamp(lo, 0.0), clamp(hi, 1.0));
    if hi > lo {
        lo..hi
    } else {
        let pad = (lo.abs() * 0.1).max(1.0);
        (lo - pad)..(lo + pad)
    }
}

/// Whether `lo..hi` needed no change to be drawable.
pub fn fits(lo: f64, hi: f64) -> bool {
    span(lo, hi) == (lo..hi)
}
