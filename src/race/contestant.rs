//! What a race is made of: its contestants (a hidden activation with its
//! parameter), the shared settings they race under, and what can be wrong
//! with them.

use std::fmt;
use std::ops::RangeInclusive;

use super::Target;
use crate::activation::Kind;
use crate::network::ConfigError;
use crate::session::SessionError;
use crate::session::{HiddenLayer, PlaygroundConfig};

/// How many activations a race has.
pub const CONTESTANTS: RangeInclusive<usize> = 2..=4;

/// One contestant: the activation every hidden layer gets, with its
/// parameter (alpha, PReLU's initial slope, Maxout's pieces; `None` for the
/// default).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Contestant {
    pub activation: Kind,
    pub param: Option<f64>,
}

impl Contestant {
    pub fn new(activation: Kind) -> Self {
        Contestant {
            activation,
            param: None,
        }
    }

    pub fn with_param(activation: Kind, param: f64) -> Self {
        Contestant {
            activation,
            param: Some(param),
        }
    }

    /// "ReLU", "Leaky ReLU (alpha 0.1)", "Maxout (3 pieces)".
    pub fn label(&self) -> String {
        let label = self.activation.properties().label;
        match (self.activation, self.param, self.activation.param()) {
            (Kind::Maxout, Some(pieces), _) => format!("{label} ({} pieces)", pieces as u64),
            (_, Some(value), Some(spec)) => format!("{label} ({} {value})", spec.name),
            _ => label.to_owned(),
        }
    }

    /// Whether both run the same activation with the same parameter (the
    /// default filled in: `leaky_relu` and `leaky_relu:0.01` are the same).
    pub fn same_as(&self, other: &Contestant) -> bool {
        self.effective() == other.effective()
    }

    /// The activation and the parameter it runs with.
    fn effective(&self) -> (Kind, Option<f64>) {
        let default = match self.activation {
            Kind::Maxout => Some(crate::network::DEFAULT_PIECES as f64),
            kind => kind.param().map(|spec| spec.default),
        };
        (self.activation, self.param.or(default))
    }
}

/// A race: the shared settings (`base`: data, split, seed, hidden layers'
/// units, learning rate, batch size, L2 — its activations are replaced),
/// the contestants, and the target.
#[derive(Clone, Debug, PartialEq)]
pub struct RaceConfig {
    pub base: PlaygroundConfig,
    pub contestants: Vec<Contestant>,
    pub target: Target,
}

impl RaceConfig {
    /// Checks what the runs themselves do not: the number of contestants,
    /// that they differ, a hidden layer to put them in, and the target.
    pub fn validate(&self) -> Result<(), RaceError> {
        let count = self.contestants.len();
        if !CONTESTANTS.contains(&count) {
            return Err(RaceError::Contestants(count));
        }
        for (i, contestant) in self.contestants.iter().enumerate() {
            if contestant.activation == Kind::Softmax {
                return Err(RaceError::Softmax);
            }
            if self.contestants[..i].iter().any(|c| c.same_as(contestant)) {
                return Err(RaceError::Twice(contestant.label()));
            }
        }
        if self.base.hidden.is_empty() {
            return Err(RaceError::NoHiddenLayer);
        }
        if !self.target.is_valid() {
            return Err(RaceError::Target(self.target));
        }
        if matches!(self.target, Target::Accuracy(_)) && self.base.dataset.classes() == 0 {
            return Err(RaceError::AccuracyForRegression);
        }
        Ok(())
    }

    /// The settings of `contestant`'s run: `base` with every hidden layer
    /// given its activation, and none of the training view's weight edits.
    pub fn run_config(&self, contestant: &Contestant) -> PlaygroundConfig {
        let mut config = self.base.clone();
        config.edits.clear();
        for layer in &mut config.hidden {
            *layer = HiddenLayer {
                units: layer.units,
                activation: contestant.activation,
                param: contestant.param,
            };
        }
        config
    }

    /// The same race with another seed (data, weights and batch order).
    pub fn with_seed(&self, seed: u64) -> RaceConfig {
        let mut config = self.clone();
        config.base.seed = seed;
        config
    }
}

/// Why a race cannot be run.
#[derive(Clone, Debug, PartialEq)]
pub enum RaceError {
    Contestants(usize),
    /// A contestant given twice (its label).
    Twice(String),
    Softmax,
    NoHiddenLayer,
    Target(Target),
    AccuracyForRegression,
    Seeds(usize),
    /// The shared start's reference network could not be built.
    Network(ConfigError),
    /// A contestant's run could not be built.
    Run {
        contestant: String,
        error: SessionError,
    },
}

impl fmt::Display for RaceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RaceError::Contestants(n) => write!(
                f,
                "a race needs 2 to 4 activations; got {n}"
            ),
            RaceError::Twice(label) => write!(
                f,
                "{label} is in the race twice; each activation (with its parameter) may race once"
            ),
            RaceError::Softmax => f.write_str(
                "softmax cannot race: it is an output, not an activation for hidden layers",
            ),
            RaceError::NoHiddenLayer => f.write_str(
                "a race needs at least one hidden layer to put the activations in; add a layer",
            ),
            RaceError::Target(target) => write!(
                f,
                "the target must be a test loss from 0.001 to 10 or a test accuracy from 1% to 100%; got {target}"
            ),
            RaceError::AccuracyForRegression => f.write_str(
                "an accuracy target needs a classification dataset; for regression use a loss target",
            ),
            RaceError::Seeds(n) => write!(f, "a repeat runs 1 to 20 seeds; got {n}"),
            RaceError::Network(error) => write!(f, "the race's network cannot be built: {error}"),
            RaceError::Run { contestant, error } => write!(f, "{contestant} cannot race: {error}"),
        }
    }
}

impl std::error::Error for RaceError {}
