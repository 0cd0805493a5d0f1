//! The four stages of the notes' SGD loop, the trainer's settings, and the
//! errors a trainer reports.

use std::fmt;

use super::{Optimizer, Regularization, Schedule};
use crate::network::{check_learning_rate, ModelError};

/// One stage of the loop: sample a batch, forward, backward, update, repeat.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stage {
    SampleBatch,
    Forward,
    Backward,
    Update,
}

impl Stage {
    /// The four stages in the order they run.
    pub const ALL: [Stage; 4] = [
        Stage::SampleBatch,
        Stage::Forward,
        Stage::Backward,
        Stage::Update,
    ];

    /// The stage that follows this one (Update wraps round to SampleBatch).
    pub fn next(self) -> Stage {
        match self {
            Stage::SampleBatch => Stage::Forward,
            Stage::Forward => Stage::Backward,
            Stage::Backward => Stage::Update,
            Stage::Update => Stage::SampleBatch,
        }
    }

    /// The name of the stage's button on the page.
    pub fn label(self) -> &'static str {
        match self {
            Stage::SampleBatch => "Sample batch",
            Stage::Forward => "Forward",
            Stage::Backward => "Backward",
            Stage::Update => "Update",
        }
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A stage called out of order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StageError {
    /// The stage that must run next.
    pub expected: Stage,
    /// The stage that was called.
    pub called: Stage,
}

impl fmt::Display for StageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot run {} now: the next stage is {} (the loop runs Sample batch → Forward → Backward → Update)",
            self.called, self.expected
        )
    }
}

impl std::error::Error for StageError {}

/// How the trainer runs SGD (and the optimisers beyond it).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrainSettings {
    /// Step size of each update; a finite number above 0.
    pub learning_rate: f64,
    /// Examples per batch, 1 to the training set's size.
    pub batch_size: usize,
    /// The penalty on the weights (not biases or slopes) and its rate, 0 to 10.
    pub regularization: Regularization,
    /// How each update turns the gradient into a step.
    pub optimizer: Optimizer,
    /// The learning rate of each update, from `learning_rate`.
    pub schedule: Schedule,
    /// Shuffle the training set at the start of every epoch.
    pub shuffle: bool,
}

impl Default for TrainSettings {
    fn default() -> Self {
        TrainSettings {
            learning_rate: 0.03,
            batch_size: 10,
            regularization: Regularization::None,
            optimizer: Optimizer::Sgd,
            schedule: Schedule::Constant,
            shuffle: true,
        }
    }
}

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

impl TrainSettings {
    /// Checks every setting for a training set of `train_len` examples.
    pub fn validate(&self, train_len: usize) -> Result<(), TrainError> {
        let setting = |name, accepts: &str, got: String| TrainError::Setting {
            name,
            accepts: accepts.to_owned(),
            got,
        };
        check_learning_rate(self.learning_rate)?;
        if !(1..=train_len).contains(&self.batch_size) {
            let accepts = format!("a whole number from 1 to {train_len} (the training set's size)");
            return Err(setting("batch_size", &accepts, self.batch_size.to_string()));
        }
        self.regularization.validate()?;
        self.optimizer.validate()?;
        self.schedule.validate()
    }
}
