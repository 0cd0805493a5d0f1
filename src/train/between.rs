//! What may change between a `Trainer`'s steps (settings, a student's edit
//! of one parameter, a reset to a start) and what it measures over whole
//! sets (loss, accuracy, predictions), with the input features it feeds the
//! network.

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;

use super::error::TrainError;
use super::settings::TrainSettings;
use super::stage::Stage;
use super::trainer::{fits, Trainer, SAMPLER_SALT};
use crate::data::Dataset;
use crate::features::FeatureSet;
use crate::network::ModelError;

/// Settings that may change between steps, and losses over whole sets.
impl Trainer {
    pub fn settings(&self) -> &TrainSettings {
        &self.settings
    }

    /// Replaces the settings (checked against the training set's size). A
    /// different optimiser starts from a cleared state; new hyper-parameters
    /// of the same one keep its state.
    pub fn set_settings(&mut self, settings: TrainSettings) -> Result<(), TrainError> {
        settings.validate(self.order.len())?;
        if !settings.optimizer.same_rule(self.settings.optimizer) {
            self.optimizer.clear();
        }
        self.settings = settings;
        Ok(())
    }

    /// The learning rate the next update will use (the schedule's rate at
    /// the current step).
    pub fn next_learning_rate(&self) -> f64 {
        self.settings
            .schedule
            .rate(self.settings.learning_rate, self.steps)
    }

    /// Mean loss over the whole training set.
    pub fn train_loss(&mut self) -> f64 {
        self.network
            .loss(&self.train_x, &self.train.y)
            .unwrap_or(f64::NAN)
    }

    /// Mean loss over `test` (which must fit the network).
    pub fn test_loss(&mut self, test: &Dataset) -> Result<f64, TrainError> {
        self.features.transform_into(&test.x, &mut self.scratch);
        let features = self.features;
        let (x, y) = (&self.scratch, &test.y);
        fits(&mut self.network, x, y, features, "test set")
    }

    /// Mean loss and fraction classified right (NaN for regression) over the
    /// training set (`None`) or `set`, from one forward pass; NaNs if `set`
    /// does not fit the network.
    pub fn loss_and_accuracy(&mut self, set: Option<&Dataset>) -> (f64, f64) {
        let x = match set {
            Some(set) => {
                self.features.transform_into(&set.x, &mut self.scratch);
                &self.scratch
            }
            None => &self.train_x,
        };
        let y = &set.unwrap_or(&self.train).y;
        match self.network.loss_and_accuracy(x, y) {
            Ok((loss, accuracy)) => (loss, accuracy.unwrap_or(f64::NAN)),
            Err(_) => (f64::NAN, f64::NAN),
        }
    }

    /// Fraction of the training set classified right (softmax networks only).
    pub fn train_accuracy(&mut self) -> Result<f64, TrainError> {
        let accuracy = self.network.accuracy(&self.train_x, &self.train.y);
        accuracy.map_err(|error| TrainError::Data {
            set: "training set",
            error,
        })
    }

    /// Fraction of `set` classified right (softmax networks only).
    pub fn accuracy(&mut self, set: &Dataset) -> Result<f64, TrainError> {
        self.features.transform_into(&set.x, &mut self.scratch);
        let accuracy = self.network.accuracy(&self.scratch, &set.y);
        accuracy.map_err(|error| TrainError::Data {
            set: "data set",
            error,
        })
    }

    /// The network's `y_hat` for `xs` (rows × inputs) into `out` (rows × outputs),
    /// without touching what the stages left to show.
    pub fn predict_into(&mut self, xs: &[f64], out: &mut [f64]) -> Result<(), ModelError> {
        self.network.predict_into(xs, out)
    }
}

/// Back to a start, between steps.
impl Trainer {
    /// Back to the start: initial parameters, step 0, the sampler's seed, a
    /// cleared optimiser state, and no divergence.
    pub fn reset(&mut self) {
        let _ = self.network.set_params(&self.initial_params);
        self.rewind();
    }

    /// `reset` but for the parameters, which stay as they are.
    pub(super) fn rewind(&mut self) {
        self.sampler = Pcg64Mcg::seed_from_u64(self.network.config().seed ^ SAMPLER_SALT);
        self.order.iter_mut().enumerate().for_each(|(i, o)| *o = i);
        self.cursor = 0;
        self.batch.clear();
        self.params_before.clear();
        self.optimizer.clear();
        self.next = Stage::SampleBatch;
        (self.steps, self.epochs) = (0, 0);
        self.first_loss = f64::NAN;
        (
            self.loss_before,
            self.loss_after,
            self.updated,
            self.diverged,
        ) = (None, None, false, None);
    }

    /// Makes `params` the run's starting point (what `reset` restores) and
    /// resets to it. `params` must fit the network (`param_count()` finite
    /// numbers); an error changes nothing.
    pub fn restart_from(&mut self, params: &[f64]) -> Result<(), ModelError> {
        self.network.set_params(params)?;
        self.initial_params.clear();
        self.initial_params.extend_from_slice(params);
        self.reset();
        Ok(())
    }
}

/// The input features the network is fed.
impl Trainer {
    pub fn features(&self) -> FeatureSet {
        self.features
    }

    /// The training points through the features (rows × inputs), as SGD reads them.
    pub fn train_inputs(&self) -> &[f64] {
        &self.train_x
    }

    /// Sets parameter `index` of the current parameters to `value` (a
    /// student's edit between steps); the run goes on from there. Refused
    /// part-way through a step, for an index out of range or a non-finite
    /// value; a refusal changes nothing.
    pub fn set_param(&mut self, index: usize, value: f64) -> Result<(), TrainError> {
        let count = self.network.params().len();
        let fail = |accepts: String, got: String| TrainError::Setting {
            name: "the edited parameter",
            accepts,
            got,
        };
        if self.next != Stage::SampleBatch {
            let stage = format!("the {:?} stage due", self.next);
            let accepts = "set between steps (finish this step first)";
            return Err(fail(accepts.into(), stage));
        }
        if index >= count {
            let accepts = format!("one of the {count} parameters");
            return Err(fail(accepts, index.to_string()));
        }
        if !value.is_finite() {
            return Err(fail("a finite number".into(), value.to_string()));
        }
        // An edit is rare (a click), so a copy of the parameters is fine here.
        let mut params = self.network.params().to_vec();
        params[index] = value;
        self.network.set_params(&params).map_err(TrainError::Model)
    }
}
