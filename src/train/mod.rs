//! The notes' SGD loop as four explicit stages of one `Trainer`: sample a
//! batch, forward, backward, update. Each stage can run on its own (the page's
//! stage buttons) and leaves its results readable (see `views`).

mod batch;
mod between;
mod divergence;
mod error;
mod model;
mod optimizer;
mod regularization;
mod schedule;
mod settings;
mod stage;
mod trainer;
mod views;

pub use divergence::{diverged, LOSS_GROWTH_LIMIT};
pub use error::TrainError;
pub use model::Model;
pub use optimizer::{
    Limit, Optimizer, OptimizerState, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_DECAY, DEFAULT_EPSILON,
    DEFAULT_MOMENTUM, EPSILON, FRACTION,
};
pub use regularization::{Regularization, DEFAULT_RATE, RATE as REGULARIZATION_RATE};
pub use schedule::{factor_ok, Schedule, DEFAULT_EVERY, DEFAULT_FACTOR, EVERY, FACTOR_ACCEPTS};
pub use settings::TrainSettings;
pub use stage::{Stage, StageError};
pub use trainer::Trainer;
