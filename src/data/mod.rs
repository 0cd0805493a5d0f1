//! 2-D datasets for the playground, drawn from a seeded generator (`Pcg64Mcg`)
//! and split into a training and a test set: the same arguments give the same
//! bits on every target; and the reader's own data (`custom`, `csv`, `code`).

pub mod code;
pub mod csv;
pub mod custom;
mod shapes;
mod split;

pub use custom::{CustomData, CustomError, CustomPoint};
pub use split::{split_custom, train_count};

use std::fmt;
use std::ops::RangeInclusive;
use std::str::FromStr;

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;

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

/// The datasets the playground offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DatasetKind {
    Circle,
    Xor,
    Gaussians,
    Spiral,
    Moons,
    Blobs3,
    Spiral3,
    Plane,
    GaussianRegression,
    /// The reader's own points (not in `ALL`: it is not generated).
    Custom,
}

impl DatasetKind {
    pub const ALL: [DatasetKind; 9] = [
        DatasetKind::Circle,
        DatasetKind::Xor,
        DatasetKind::Gaussians,
        DatasetKind::Spiral,
        DatasetKind::Moons,
        DatasetKind::Blobs3,
        DatasetKind::Spiral3,
        DatasetKind::Plane,
        DatasetKind::GaussianRegression,
    ];

    /// The name used in configs and links.
    pub fn name(self) -> &'static str {
        match self {
            DatasetKind::Circle => "circle",
            DatasetKind::Xor => "xor",
            DatasetKind::Gaussians => "gaussians",
            DatasetKind::Spiral => "spiral",
            DatasetKind::Moons => "moons",
            DatasetKind::Blobs3 => "blobs3",
            DatasetKind::Spiral3 => "spiral3",
            DatasetKind::Plane => "plane",
            DatasetKind::GaussianRegression => "gaussian_regression",
            DatasetKind::Custom => "custom",
        }
    }

    /// A label for a menu.
    pub fn label(self) -> &'static str {
        match self {
            DatasetKind::Circle => "Circle",
            DatasetKind::Xor => "Exclusive or",
            DatasetKind::Gaussians => "Two Gaussians",
            DatasetKind::Spiral => "Spiral",
            DatasetKind::Moons => "Two moons",
            DatasetKind::Blobs3 => "Three blobs",
            DatasetKind::Spiral3 => "Three-arm spiral",
            DatasetKind::Plane => "Plane (regression)",
            DatasetKind::GaussianRegression => "Gaussian bumps (regression)",
            DatasetKind::Custom => "Your own data",
        }
    }

    /// Number of classes; 0 for regression. Custom data says 2 here: its
    /// points decide (`PlaygroundConfig::classes`).
    pub fn classes(self) -> usize {
        match self {
            DatasetKind::Blobs3 | DatasetKind::Spiral3 => 3,
            DatasetKind::Plane | DatasetKind::GaussianRegression => 0,
            _ => 2,
        }
    }

    /// Numbers per target row: the classes (one-hot), or 1 for regression.
    pub fn outputs(self) -> usize {
        self.classes().max(1)
    }

    pub fn is_regression(self) -> bool {
        self.classes() == 0
    }
}

/// The accepted dataset names, for error messages.
pub fn accepted_names() -> String {
    format!(
        "{}, custom",
        DatasetKind::ALL.map(DatasetKind::name).join(", ")
    )
}

impl fmt::Display for DatasetKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for DatasetKind {
    type Err = DataError;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        DatasetKind::ALL
            .into_iter()
            .chain([DatasetKind::Custom])
            .find(|kind| kind.name() == name)
            .ok_or_else(|| DataError::UnknownKind(name.to_owned()))
    }
}

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

/// Why a dataset could not be made.
#[derive(Clone, Debug, PartialEq)]
pub enum DataError {
    UnknownKind(String),
    Points(usize),
    Noise(f64),
    TrainFraction(f64),
    /// Custom data with too few points to split.
    CustomPoints(usize),
    /// `generate` was asked for custom data, which is not generated.
    NotGenerated,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DataError::UnknownKind(name) => {
                write!(
                    f,
                    "unknown dataset {name:?}; accepted: {}",
                    accepted_names()
                )
            }
            DataError::Points(n) => write!(
                f,
                "points must be a whole number from {} to {}, got {n}",
                POINTS.start(),
                POINTS.end()
            ),
            DataError::Noise(v) => write!(
                f,
                "noise must be a number from {} to {}, got {v}",
                NOISE.start(),
                NOISE.end()
            ),
            DataError::TrainFraction(v) => write!(
                f,
                "train_fraction must be a number from {} to {}, got {v}",
                TRAIN_FRACTION.start(),
                TRAIN_FRACTION.end()
            ),
            DataError::CustomPoints(n) => write!(
                f,
                "your own data needs at least {} points (one to train on, one to test), \
                 it has {n}; click the heatmap or load a CSV to add some",
                custom::MIN_POINTS
            ),
            DataError::NotGenerated => {
                f.write_str("custom data is not generated; it comes from its points")
            }
        }
    }
}

impl std::error::Error for DataError {}

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
