//! How a dataset is split into a training and a test set: a seeded shuffle,
//! the same for generated and drawn data.

use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;

use super::custom::{self, CustomData};
use super::dataset::{Dataset, TRAIN_FRACTION};
use super::kind::DataError;

/// Splits the reader's own points into (train, test) as `generate` splits
/// generated ones: a seeded shuffle, train holding `train_fraction`
/// (0.1 … 0.9) of them, rounded, and each set at least one point.
pub fn split_custom(
    data: &CustomData,
    train_fraction: f64,
    seed: u64,
) -> Result<(Dataset, Dataset), DataError> {
    if !TRAIN_FRACTION.contains(&train_fraction) {
        return Err(DataError::TrainFraction(train_fraction));
    }
    if data.len() < custom::MIN_POINTS {
        return Err(DataError::CustomPoints(data.len()));
    }
    let mut rng = Pcg64Mcg::seed_from_u64(seed);
    Ok(split(&data.to_dataset(), train_fraction, &mut rng))
}

/// A seeded random split of `all` (at least 2 points) into (train, test).
pub(super) fn split(all: &Dataset, train_fraction: f64, rng: &mut Pcg64Mcg) -> (Dataset, Dataset) {
    let mut order: Vec<usize> = (0..all.len()).collect();
    order.shuffle(rng);
    let (train, test) = order.split_at(train_count(all.len(), train_fraction));
    (all.select(train), all.select(test))
}

/// Points of `points` (at least 2) that a split puts in the training set:
/// `train_fraction` of them, rounded, leaving at least one on either side.
pub fn train_count(points: usize, train_fraction: f64) -> usize {
    let train = (points as f64 * train_fraction).round() as usize;
    train.clamp(1, points.max(2) - 1)
}

impl Dataset {
    /// The points at `indices`, in that order.
    fn select(&self, indices: &[usize]) -> Dataset {
        let outputs = self.outputs();
        let mut set = Dataset {
            x: Vec::with_capacity(indices.len() * Self::INPUTS),
            y: Vec::with_capacity(indices.len() * outputs),
            classes: self.classes,
        };
        for &i in indices {
            set.x
                .extend_from_slice(&self.x[i * Self::INPUTS..(i + 1) * Self::INPUTS]);
            set.y
                .extend_from_slice(&self.y[i * outputs..(i + 1) * outputs]);
        }
        set
    }
}
