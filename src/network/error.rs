//! Errors of the network: a bad config (`ConfigError`) and a bad call
//! (`ModelError`), each worded for the person who supplied the value.

use std::fmt;

use super::limits::LEARNING_RATE_ACCEPTS;
use crate::activation::{accepted_names, ActivationError, Kind};

/// A config the network cannot be built from: which field, and what is wrong.
#[derive(Clone, Debug, PartialEq)]
pub struct ConfigError {
    field: String,
    problem: Problem,
}

/// What is wrong with a config field.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// The text is not JSON at all (the parser's message).
    NotJson(String),
    /// An unknown field, with the accepted ones.
    UnknownField(String),
    /// A required field is absent.
    Missing { accepts: String },
    /// A value of the wrong type or out of range.
    Invalid { accepts: String, got: String },
    /// A bad activation name or parameter.
    Activation(ActivationError),
    /// Softmax in a hidden layer.
    HiddenSoftmax,
    /// An output layer that is neither softmax nor identity.
    Output(Kind),
    /// `pieces` on a layer that is not maxout.
    PiecesNotMaxout(Kind),
}

impl ConfigError {
    pub(crate) fn new(field: impl Into<String>, problem: Problem) -> Self {
        ConfigError {
            field: field.into(),
            problem,
        }
    }

    /// The field at fault, as a path: `inputs`, `layers`, `layers[1].units`.
    pub fn field(&self) -> &str {
        &self.field
    }

    pub fn problem(&self) -> &Problem {
        &self.problem
    }
}

fn hidden_names() -> String {
    Kind::ALL
        .into_iter()
        .filter(|kind| *kind != Kind::Softmax)
        .map(Kind::name)
        .collect::<Vec<_>>()
        .join(", ")
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let field = &self.field;
        match &self.problem {
            Problem::NotJson(message) => write!(f, "{field} is not valid JSON: {message}"),
            Problem::UnknownField(message) => write!(f, "{field}: {message}"),
            Problem::Missing { accepts } => write!(f, "{field} is missing; it must be {accepts}"),
            Problem::Invalid { accepts, got } => write!(f, "{field} must be {accepts}, got {got}"),
            Problem::Activation(ActivationError::UnknownName(name)) => write!(
                f,
                "{field}: unknown activation {name:?}; accepted: {}",
                accepted_names()
            ),
            Problem::Activation(error) => write!(f, "{field}: {error}"),
            Problem::HiddenSoftmax => write!(
                f,
                "{field}: softmax is only allowed in the output (last) layer; hidden layers accept {}",
                hidden_names()
            ),
            Problem::Output(kind) => write!(
                f,
                "{field}: the output (last) layer must be softmax (classification) or identity (regression), got {kind}"
            ),
            Problem::PiecesNotMaxout(kind) => {
                write!(f, "{field}: only maxout layers take pieces, this layer is {kind}")
            }
        }
    }
}

impl std::error::Error for ConfigError {}

/// A call the network refuses: a batch of the wrong length, a non-finite
/// number, a bad learning rate, or training that diverged.
#[derive(Clone, Debug, PartialEq)]
pub enum ModelError {
    /// No rows at all.
    EmptyBatch { inputs: usize },
    /// `xs` is not a whole number of rows.
    InputLength { len: usize, inputs: usize },
    /// `ys` does not match the rows of `xs`.
    TargetLength {
        len: usize,
        rows: usize,
        outputs: usize,
    },
    /// An output buffer of the wrong length.
    OutputLength {
        len: usize,
        rows: usize,
        outputs: usize,
    },
    /// `params` of the wrong length.
    ParamsLength { len: usize, expected: usize },
    /// A NaN or infinity in `what` (xs, ys, params) at `index`.
    NonFinite {
        what: &'static str,
        index: usize,
        value: f64,
    },
    /// The learning rate is outside `LEARNING_RATE` (or not a number).
    LearningRate(f64),
    /// The batch size is 0 or more than the rows it is drawn from.
    BatchSize { batch_size: usize, rows: usize },
    /// `batch_loss` or `backward` on a workspace that holds no forward pass of
    /// this network for a batch of `rows` rows.
    NotForwarded { rows: usize, forwarded: usize },
    /// Accuracy asked of a regression network.
    NotClassifier,
    /// The loss or a parameter would become non-finite at this SGD step of the
    /// call (counted from 1); the parameters are left as they were before it.
    Diverged { step: usize },
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            ModelError::EmptyBatch { inputs } => write!(
                f,
                "the batch is empty; xs must hold at least one row of {inputs} inputs"
            ),
            ModelError::InputLength { len, inputs } => write!(
                f,
                "xs has {len} numbers, which is not a whole number of rows; its length must be a multiple of {inputs} (inputs per row)"
            ),
            ModelError::TargetLength { len, rows, outputs } => write!(
                f,
                "ys has {len} numbers; expected {} ({rows} rows × {outputs} outputs, one-hot for softmax)",
                rows * outputs
            ),
            ModelError::OutputLength { len, rows, outputs } => write!(
                f,
                "the output buffer has {len} numbers; expected {} ({rows} rows × {outputs} outputs)",
                rows * outputs
            ),
            ModelError::ParamsLength { len, expected } => {
                write!(f, "params has {len} numbers; this network has {expected} parameters")
            }
            ModelError::NonFinite { what, index, value } => write!(
                f,
                "{what}[{index}] is {value}; every number in {what} must be finite"
            ),
            ModelError::LearningRate(value) => {
                write!(f, "learning_rate must be {LEARNING_RATE_ACCEPTS}, got {value}")
            }
            ModelError::BatchSize { batch_size, rows } => write!(
                f,
                "batch_size must be a whole number from 1 to {rows} (the rows of xs), got {batch_size}"
            ),
            ModelError::NotForwarded { rows, forwarded } => write!(
                f,
                "the batch has {rows} rows, but the workspace holds no forward pass of this network for it (its last pass had {forwarded} rows); run forward on the same xs first"
            ),
            ModelError::NotClassifier => f.write_str(
                "accuracy needs a softmax output layer; this network does regression (identity output)",
            ),
            ModelError::Diverged { step } => write!(
                f,
                "diverged at step {step} — lower the learning rate (the parameters are those before that step)"
            ),
        }
    }
}

impl std::error::Error for ModelError {}
