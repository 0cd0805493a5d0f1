//! 2-D datasets for the playground, drawn from a seeded generator (`Pcg64Mcg`)
//! and split into a training and a test set: the same arguments give the same
//! bits on every target; and the reader's own data (`custom`, `csv`, `code`).

pub mod code;
pub mod csv;
pub mod custom;
mod dataset;
mod kind;
mod shapes;
mod split;

pub use custom::{CustomData, CustomError, CustomPoint};
pub use dataset::{Dataset, DEFAULT_POINTS, DOMAIN, NOISE, POINTS, TRAIN_FRACTION};
pub use kind::{accepted_names, DataError, DatasetKind};
pub use split::{split_custom, train_count};

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;

/// Makes `points` points of `kind` with `noise` (0 … 0.5) from `seed`, and
/// splits them at random into (train, test), train holding `train_fraction`
/// (0.1 … 0.9) of them, rounded. Classes take turns, so they are balanced
/// before the split.
pub fn generate(
    kind: DatasetKind,
    points: usize,
    noise: f64,
    train_fraction: f64,
    seed: u64,
) -> Result<(Dataset, Dataset), DataError> {
    if !POINTS.contains(&points) {
        return Err(DataError::Points(points));
    }
    if !NOISE.contains(&noise) {
        return Err(DataError::Noise(noise));
    }
    if !TRAIN_FRACTION.contains(&train_fraction) {
        return Err(DataError::TrainFraction(train_fraction));
    }
    if kind == DatasetKind::Custom {
        return Err(DataError::NotGenerated);
    }
    let mut rng = Pcg64Mcg::seed_from_u64(seed);
    let all = draw(kind, points, noise, &mut rng);
    Ok(split::split(&all, train_fraction, &mut rng))
}

fn draw(kind: DatasetKind, points: usize, noise: f64, rng: &mut Pcg64Mcg) -> Dataset {
    let classes = kind.classes();
    let mut set = Dataset {
        x: Vec::with_capacity(points * Dataset::INPUTS),
        y: Vec::with_capacity(points * kind.outputs()),
        classes,
    };
    for i in 0..points {
        let class = i % classes.max(1);
        let sample = shapes::sample(kind, class, noise, rng);
        set.x.extend(sample.point);
        if classes == 0 {
            set.y.push(sample.value);
        } else {
            set.y
                .extend((0..classes).map(|c| if c == class { 1.0 } else { 0.0 }));
        }
    }
    set
}
