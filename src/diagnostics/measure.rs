//! The measurements behind the diagnostics, each a pure function of one
//! layer's numbers: gradient size, dead units, saturation, a histogram of z,
//! and the mean and spread of a.

use crate::activation::Activation;
use crate::activation::Saturation::BothSides;
use crate::network::{Layer, LayerKind};

/// |f'(z)| below this counts as saturated: the gradient has (nearly) died.
/// The explorer shades the same regions.
pub const SATURATION_THRESHOLD: f64 = 0.01;

/// Mean of |v| over `values` (NaN when empty): the size of a gradient block.
pub fn mean_abs(values: &[f64]) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.iter().map(|v| v.abs()).sum::<f64>() / values.len() as f64
}

/// Mean and spread (population standard deviation) of `values`; NaN for none.
pub fn mean_and_spread(values: &[f64]) -> (f64, f64) {
    if values.is_empty() {
        return (f64::NAN, f64::NAN);
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let variance = values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n;
    (mean, variance.sqrt())
}

/// The element-wise function unit `unit` of `layer` applies, if it has one:
/// PReLU units carry their own learned slope (read from `params`, the whole
/// parameter vector); maxout and softmax have none.
pub fn unit_activation(layer: &Layer, params: &[f64], unit: usize) -> Option<Activation> {
    match layer.kind() {
        LayerKind::Elementwise(f) => Some(f),
        LayerKind::Prelu { .. } => params
            .get(layer.slope_range())
            .and_then(|slopes| slopes.get(unit))
            .map(|&slope| Activation::Prelu { slope }),
        LayerKind::Maxout { .. } | LayerKind::Softmax => None,
    }
}

/// Marks in `dead` (units) each unit of `layer` that is dead over the rows of
/// `z` (rows × columns): on every row it outputs exactly 0 *and* its
/// derivative is 0, so no gradient ever reaches its weights again. That is a
/// ReLU unit whose z is negative on every row (ReLU'(0) = 1, as the notes
/// say). Leaky ReLU and ELU (alpha > 0) and PReLU (slope ≠ 0) keep a slope
/// on the negative side and cannot die; swish and gelu only where e^z or
/// Φ(z) falls below the smallest double (z below about −745 and −38); maxout
/// and softmax units are never marked.
/// Returns how many units are dead. An empty `z` marks nothing.
pub fn dead_units(layer: &Layer, params: &[f64], z: &[f64], dead: &mut [bool]) -> usize {
    let units = layer.units();
    dead.fill(false);
    if z.is_empty() || layer.columns() != units {
        return 0;
    }
    let mut count = 0;
    for (unit, flag) in dead.iter_mut().enumerate().take(units) {
        let Some(f) = unit_activation(layer, params, unit) else {
            return 0;
        };
        *flag = z
            .iter()
            .skip(unit)
            .step_by(units)
            .all(|&z_ij| f.value_and_derivative(z_ij) == (0.0, 0.0));
        count += usize::from(*flag);
    }
    count
}

/// For layers that saturate in both tails (sigmoid and tanh, as their
/// definitions say), the fraction of the z values (rows × units) where
/// |f'(z)| < 0.01, the explorer's saturation threshold: where the gradient
/// through the unit has all but died. `None` for other kinds (the ReLU
/// family, swish and gelu do not saturate on the positive side) or an empty `z`.
pub fn saturated_fraction(layer: &Layer, z: &[f64]) -> Option<f64> {
    let f = match layer.kind() {
        LayerKind::Elementwise(f) if f.definition().properties.saturates == BothSides => f,
        _ => return None,
    };
    if z.is_empty() {
        return None;
    }
    let saturated = z
        .iter()
        .filter(|&&z_ij| f.df(z_ij).abs() < SATURATION_THRESHOLD)
        .count();
    Some(saturated as f64 / z.len() as f64)
}

/// Counts of values in equal bins over `lo … hi`; values outside (and the
/// non-finite) are counted in the end bins, so the counts always sum to the
/// number of values given.
#[derive(Clone, Debug, PartialEq)]
pub struct Histogram {
    pub lo: f64,
    pub hi: f64,
    pub counts: Vec<u32>,
}

impl Histogram {
    /// An empty histogram of `bins` (≥ 1) bins over −1 … 1.
    pub fn new(bins: usize) -> Histogram {
        Histogram {
            lo: -1.0,
            hi: 1.0,
            counts: vec![0; bins.max(1)],
        }
    }

    /// Refills the bins with `values` over a range symmetric about 0 that
    /// holds them all: ±max |value|, at least ±`least`. Allocates nothing.
    pub fn fill_symmetric(&mut self, values: &[f64], least: f64) {
        let largest = values
            .iter()
            .filter(|v| v.is_finite())
            .fold(least.abs().max(f64::MIN_POSITIVE), |m, v| m.max(v.abs()));
        self.fill(values, -largest, largest);
    }

    /// Refills the bins with `values` over `lo … hi` (lo < hi).
    pub fn fill(&mut self, values: &[f64], lo: f64, hi: f64) {
        (self.lo, self.hi) = (lo, hi);
        self.counts.fill(0);
        let bins = self.counts.len();
        let width = (hi - lo) / bins as f64;
        for &v in values {
            let bin = if v.is_nan() {
                0
            } else {
                ((v - lo) / width).floor().clamp(0.0, (bins - 1) as f64) as usize
            };
            self.counts[bin] += 1;
        }
    }

    /// The left edge of bin `i` (`i = bins` gives the right edge of the last).
    pub fn edge(&self, i: usize) -> f64 {
        self.lo + (self.hi - self.lo) * i as f64 / self.counts.len() as f64
    }

    /// Total count: the number of values last filled in.
    pub fn total(&self) -> u64 {
        self.counts.iter().map(|&c| u64::from(c)).sum()
    }
}
