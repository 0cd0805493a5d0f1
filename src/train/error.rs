//! Why a trainer refuses to go on: a stage out of order, a divergence, a
//! setting out of range, data that do not fit the network.

use std::fmt;

use super::StageError;
use crate::network::ModelError;

/// Why the trainer refused to go on.
#[derive(Clone, Debug, PartialEq)]
pub enum TrainError {
    /// A stage called out of order.
    Stage(StageError),
    /// The loss or a parameter became non-finite at this step (counted from
    /// 1); the trainer refuses further steps until `reset`.
    Diverged { step: u64 },
    /// A setting out of range.
    Setting {
        name: &'static str,
        accepts: String,
        got: String,
    },
    /// A network that does not take the datasets' 2 inputs.
    Inputs { inputs: usize },
    /// A data set (`set`: "training set", "test set") that does not fit the network.
    Data {
        set: &'static str,
        error: ModelError,
    },
    /// A call the network refused.
    Model(ModelError),
}

impl fmt::Display for TrainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TrainError::Stage(error) => error.fmt(f),
            TrainError::Diverged { step } => {
                write!(f, "diverged at step {step} — lower the learning rate")
            }
            TrainError::Setting { name, accepts, got } => {
                write!(f, "{name} must be {accepts}, got {got}")
            }
            TrainError::Inputs { inputs } => write!(
                f,
                "the datasets are 2-D, so the network must take 2 inputs, not {inputs}"
            ),
            TrainError::Data { set, error } => {
                write!(f, "the {set} does not fit the network: {error}")
            }
            TrainError::Model(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for TrainError {}

impl From<StageError> for TrainError {
    fn from(error: StageError) -> Self {
        TrainError::Stage(error)
    }
}

impl From<ModelError> for TrainError {
    fn from(error: ModelError) -> Self {
        TrainError::Model(error)
    }
}
