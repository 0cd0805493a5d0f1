//! How a `Trainer` runs: `TrainSettings`, checked against the training
//! set's size.

use super::error::TrainError;
use super::optimizer::Optimizer;
use super::regularization::Regularization;
use super::schedule::Schedule;
use crate::network::check_learning_rate;

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
