//! A dataset: 2-D points with their targets, and the limits every dataset
//! keeps (how many points, how much noise, the split, the input plane).

use std::ops::RangeInclusive;

/// Points per dataset when the page does not say.
pub const DEFAULT_POINTS: usize = 500;
/// Points a dataset may have (training and test together).
pub const POINTS: RangeInclusive<usize> = 10..=5000;
/// Noise, as a fraction: 0 is clean, 0.5 the noisiest.
pub const NOISE: RangeInclusive<f64> = 0.0..=0.5;
/// Fraction of the points used for training; the rest are the test set.
pub const TRAIN_FRACTION: RangeInclusive<f64> = 0.1..=0.9;
/// The input plane: x1 and x2 from −DOMAIN to DOMAIN (the heatmap's extent).
pub const DOMAIN: f64 = 6.0;

/// A set of 2-D points with targets: `x` is n × 2 (row-major), `y` is
/// n × outputs (one-hot rows for classes, one column for regression).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dataset {
    pub x: Vec<f64>,
    pub y: Vec<f64>,
    /// Number of classes; 0 for regression.
    pub classes: usize,
}

impl Dataset {
    /// Numbers per point.
    pub const INPUTS: usize = 2;

    /// Number of points.
    pub fn len(&self) -> usize {
        self.x.len() / Self::INPUTS
    }

    pub fn is_empty(&self) -> bool {
        self.x.is_empty()
    }

    /// Numbers per target row.
    pub fn outputs(&self) -> usize {
        self.classes.max(1)
    }

    /// The class of point `i` (the index of its one-hot 1); `None` for
    /// regression or an index out of range.
    pub fn label(&self, i: usize) -> Option<usize> {
        let outputs = self.outputs();
        let row = self.y.get(i * outputs..(i + 1) * outputs)?;
        (self.classes > 0).then(|| row.iter().position(|&v| v == 1.0).unwrap_or(0))
    }

    /// How many points each class has (empty for regression).
    pub fn class_counts(&self) -> Vec<usize> {
        let mut counts = vec![0; self.classes];
        (0..self.len())
            .filter_map(|i| self.label(i))
            .for_each(|c| counts[c] += 1);
        counts
    }
}
