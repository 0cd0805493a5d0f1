//! The datasets the playground offers, by name, and why a dataset could not
//! be made (worded with what is accepted).

use std::fmt;
use std::str::FromStr;

use super::custom;
use super::dataset::{NOISE, POINTS, TRAIN_FRACTION};

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
