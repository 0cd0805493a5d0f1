//! The JS API's `Model` in the core: a network trained on the rows its
//! caller gives by the trainer's four stages, the loop the page runs and
//! shows. `step` is one update on all the rows; `fit` passes through them in
//! order (no shuffling) in minibatches, the last of a pass perhaps short. Both
//! are the notes' plain SGD at a constant rate, without regularisation.

use super::divergence::Rule;
use super::error::TrainError;
use super::optimizer::Optimizer;
use super::regularization::Regularization;
use super::schedule::Schedule;
use super::settings::TrainSettings;
use super::trainer::Trainer;
use crate::data::Dataset;
use crate::features::FeatureSet;
#[cfg(not(target_arch = "wasm32"))]
use crate::network::ConfigError;
use crate::network::{check_learning_rate, ModelError, Network};

/// A network with the trainer that trains it, kept between calls so that a
/// call allocates nothing once its buffers fit the rows.
#[derive(Clone, Debug)]
pub struct Model {
    trainer: Trainer,
}

impl Model {
    pub fn new(network: Network) -> Model {
        let settings = TrainSettings::default();
        let (train, features) = (Dataset::default(), FeatureSet::default());
        let mut trainer = Trainer::build(network, train, Vec::new(), features, settings);
        trainer.divergence = Rule::NotFinite;
        Model { trainer }
    }

    /// Reads a config in its JSON form (docs/js-api.md's `Model`) and builds the network.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json(json: &str) -> Result<Model, ConfigError> {
        Ok(Model::new(Network::from_json(json)?))
    }

    pub fn network(&self) -> &Network {
        &self.trainer.network
    }

    /// The network, to predict, measure or set its parameters.
    pub fn network_mut(&mut self) -> &mut Network {
        &mut self.trainer.network
    }

    /// One SGD update on the batch `xs` (rows × inputs), `ys` (rows ×
    /// outputs); returns the loss before it. If the loss or a parameter
    /// would become non-finite, returns `Diverged` and leaves the parameters
    /// unchanged.
    pub fn step(&mut self, xs: &[f64], ys: &[f64], learning_rate: f64) -> Result<f64, ModelError> {
        check_learning_rate(learning_rate)?;
        let rows = self.network().check_batch(xs, ys)?;
        self.train_on(xs, ys, learning_rate, rows);
        self.trainer.step().map_err(refusal)
    }

    /// Minibatch SGD for `epochs` passes through the rows in order. Returns
    /// the loss over all of `xs`, `ys` after training. A loss or parameter
    /// that would become non-finite returns `Diverged`, the parameters those
    /// before the step that diverged.
    pub fn fit(
        &mut self,
        xs: &[f64],
        ys: &[f64],
        learning_rate: f64,
        batch_size: usize,
        epochs: usize,
    ) -> Result<f64, ModelError> {
        check_learning_rate(learning_rate)?;
        let rows = self.network().check_batch(xs, ys)?;
        if !(1..=rows).contains(&batch_size) {
            return Err(ModelError::BatchSize { batch_size, rows });
        }
        self.train_on(xs, ys, learning_rate, batch_size);
        for _ in 0..epochs {
            self.trainer.epoch().map_err(refusal)?;
        }
        let loss = self.trainer.train_loss();
        if loss.is_finite() {
            Ok(loss)
        } else {
            let step = self.trainer.step_count() as usize + 1;
            Err(ModelError::Diverged { step })
        }
    }

    /// Makes `xs`, `ys` (already checked) the trainer's rows, fed to the
    /// network as they are, with in-order batches of `batch_size` at
    /// `learning_rate`; step 0 of this call, from the current parameters.
    /// The buffers only grow, so rows that fit them allocate nothing.
    fn train_on(&mut self, xs: &[f64], ys: &[f64], learning_rate: f64, batch_size: usize) {
        let trainer = &mut self.trainer;
        trainer.train_x.clear();
        trainer.train_x.extend_from_slice(xs);
        trainer.train.y.clear();
        trainer.train.y.extend_from_slice(ys);
        trainer.order.clear();
        trainer
            .order
            .extend(0..ys.len() / trainer.network.outputs());
        trainer.settings = TrainSettings {
            learning_rate,
            batch_size,
            regularization: Regularization::None,
            optimizer: Optimizer::Sgd,
            schedule: Schedule::Constant,
            shuffle: false,
        };
        trainer.rewind();
    }
}

/// A stage's refusal, in the JS API's words. On rows checked beforehand and
/// stages run in order, only a divergence or the network's own refusal of a
/// batch can come; the trainer's other errors concern its settings, data
/// sets and stage order, which a `Model` sets right itself.
fn refusal(error: TrainError) -> ModelError {
    match error {
        TrainError::Diverged { step } => ModelError::Diverged {
            step: step as usize,
        },
        TrainError::Model(error) | TrainError::Data { error, .. } => error,
        TrainError::Stage(_) | TrainError::Setting { .. } | TrainError::Inputs { .. } => {
            unreachable!("a Model sets its trainer's settings and runs its stages in order")
        }
    }
}
