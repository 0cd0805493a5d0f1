//! The notes' SGD loop as four explicit stages of one `Trainer`: sample a
//! batch, forward, backward, update. Each stage can run on its own (the page's
//! stage buttons) and leaves its results readable (see `views`).

mod stage;
mod views;

pub use stage::{Stage, StageError, TrainError, TrainSettings};

use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;

use crate::data::Dataset;
use crate::network::{ModelError, Network, Workspace};

/// Mixed into the config's seed for the batch sampler, so sampling draws
/// from a different stream than the initial weights.
const SAMPLER_SALT: u64 = 0x5348_5546_464c_4521;

/// The batch the SampleBatch stage picked: indices into the training set and
/// copies of their rows (x: rows × inputs, y: rows × outputs).
#[derive(Clone, Debug, Default)]
struct Batch {
    indices: Vec<usize>,
    x: Vec<f64>,
    y: Vec<f64>,
}

/// A network, its training set and the state of SGD over it.
#[derive(Clone, Debug)]
pub struct Trainer {
    network: Network,
    initial_params: Vec<f64>,
    train: Dataset,
    settings: TrainSettings,
    sampler: Pcg64Mcg,
    /// The current epoch's permutation of the training set, and where the next batch starts.
    order: Vec<usize>,
    cursor: usize,
    batch: Batch,
    workspace: Workspace,
    next: Stage,
    steps: u64,
    epochs: u64,
    loss_before: Option<f64>,
    loss_after: Option<f64>,
    updated: bool,
    diverged: Option<u64>,
    /// The parameters as they were before the last update (for the page's Update view).
    params_before: Vec<f64>,
}

impl Trainer {
    /// A trainer for `network` on `train`, whose points must have the
    /// network's inputs and outputs. The sampler is seeded from the network's
    /// config seed; the network's current parameters are what `reset` restores.
    pub fn new(
        network: Network,
        train: Dataset,
        settings: TrainSettings,
    ) -> Result<Trainer, TrainError> {
        let mut network = network;
        fits(&mut network, &train, "training set")?;
        settings.validate(train.len())?;
        let seed = network.config().seed;
        Ok(Trainer {
            initial_params: network.params().to_vec(),
            order: (0..train.len()).collect(),
            network,
            train,
            settings,
            sampler: Pcg64Mcg::seed_from_u64(seed ^ SAMPLER_SALT),
            cursor: 0,
            batch: Batch::default(),
            workspace: Workspace::default(),
            next: Stage::SampleBatch,
            steps: 0,
            epochs: 0,
            loss_before: None,
            loss_after: None,
            updated: false,
            diverged: None,
            params_before: Vec::new(),
        })
    }

    /// Stage 1: takes the next `batch_size` examples of the epoch's
    /// permutation (shuffled as an epoch begins; the last batch may be short).
    pub fn sample_batch(&mut self) -> Result<&[usize], TrainError> {
        self.expect(Stage::SampleBatch)?;
        if self.cursor == 0 && self.settings.shuffle {
            self.order.shuffle(&mut self.sampler);
        }
        let end = (self.cursor + self.settings.batch_size).min(self.order.len());
        let (inputs, outputs) = (Dataset::INPUTS, self.train.outputs());
        let batch = &mut self.batch;
        batch.indices.clear();
        batch.x.clear();
        batch.y.clear();
        for &i in &self.order[self.cursor..end] {
            batch.indices.push(i);
            batch
                .x
                .extend_from_slice(&self.train.x[i * inputs..(i + 1) * inputs]);
            batch
                .y
                .extend_from_slice(&self.train.y[i * outputs..(i + 1) * outputs]);
        }
        self.cursor = if end == self.order.len() { 0 } else { end };
        (self.loss_before, self.loss_after, self.updated) = (None, None, false);
        self.next = Stage::Forward;
        Ok(&self.batch.indices)
    }

    /// Stage 2: z and a of every layer for the batch; returns the batch's loss.
    pub fn forward(&mut self) -> Result<f64, TrainError> {
        self.expect(Stage::Forward)?;
        self.network.forward(&mut self.workspace, &self.batch.x)?;
        let loss = self.network.batch_loss(&self.workspace, &self.batch.y)?;
        self.loss_before = Some(loss);
        if !loss.is_finite() {
            return Err(self.diverge());
        }
        self.next = Stage::Backward;
        Ok(loss)
    }

    /// Stage 3: delta of every layer and the gradient (with `l2·W` added to
    /// the weights' part).
    pub fn backward(&mut self) -> Result<(), TrainError> {
        self.expect(Stage::Backward)?;
        self.network
            .backward(&mut self.workspace, &self.batch.x, &self.batch.y)?;
        if self.settings.l2 > 0.0 {
            let gradient = self.workspace.gradient_mut();
            self.network.add_weight_decay(gradient, self.settings.l2)?;
        }
        self.next = Stage::Update;
        Ok(())
    }

    /// Stage 4: `params −= learning_rate·gradient`. If a parameter would become
    /// non-finite the parameters stay as they were and the trainer diverges.
    pub fn update(&mut self) -> Result<(), TrainError> {
        self.expect(Stage::Update)?;
        self.params_before.clear();
        self.params_before.extend_from_slice(self.network.params());
        if !self
            .network
            .descend(self.workspace.gradient(), self.settings.learning_rate)
        {
            return Err(self.diverge());
        }
        self.steps += 1;
        if self.cursor == 0 {
            self.epochs += 1;
        }
        self.updated = true;
        self.next = Stage::SampleBatch;
        Ok(())
    }

    /// One SGD step: the stages still due in this step (all four when the next
    /// stage is SampleBatch). Returns the batch's loss before the update.
    pub fn step(&mut self) -> Result<f64, TrainError> {
        loop {
            match self.next {
                Stage::SampleBatch => self.sample_batch().map(|_| ())?,
                Stage::Forward => self.forward().map(|_| ())?,
                Stage::Backward => self.backward()?,
                Stage::Update => {
                    self.update()?;
                    return Ok(self.loss_before.unwrap_or(f64::NAN));
                }
            }
        }
    }

    /// Steps until the current pass over the training set ends (a whole pass
    /// when called at its start); returns the number of steps taken.
    pub fn epoch(&mut self) -> Result<usize, TrainError> {
        let mut steps = 0;
        loop {
            self.step()?;
            steps += 1;
            if self.cursor == 0 {
                return Ok(steps);
            }
        }
    }

    /// Back to the start: initial parameters, step 0, the sampler's seed, and
    /// no divergence.
    pub fn reset(&mut self) {
        let _ = self.network.set_params(&self.initial_params);
        self.sampler = Pcg64Mcg::seed_from_u64(self.network.config().seed ^ SAMPLER_SALT);
        self.order.iter_mut().enumerate().for_each(|(i, o)| *o = i);
        self.cursor = 0;
        self.batch.indices.clear();
        self.batch.x.clear();
        self.batch.y.clear();
        self.params_before.clear();
        self.next = Stage::SampleBatch;
        (self.steps, self.epochs) = (0, 0);
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

    fn expect(&self, stage: Stage) -> Result<(), TrainError> {
        if let Some(step) = self.diverged {
            return Err(TrainError::Diverged { step });
        }
        if self.next != stage {
            return Err(StageError {
                expected: self.next,
                called: stage,
            }
            .into());
        }
        Ok(())
    }

    fn diverge(&mut self) -> TrainError {
        let step = self.steps + 1;
        self.diverged = Some(step);
        TrainError::Diverged { step }
    }
}

/// Settings that may change between steps, and losses over whole sets.
impl Trainer {
    pub fn settings(&self) -> &TrainSettings {
        &self.settings
    }

    /// Replaces the settings (checked against the training set's size).
    pub fn set_settings(&mut self, settings: TrainSettings) -> Result<(), TrainError> {
        settings.validate(self.train.len())?;
        self.settings = settings;
        Ok(())
    }

    /// Mean loss over the whole training set.
    pub fn train_loss(&mut self) -> f64 {
        self.network
            .loss(&self.train.x, &self.train.y)
            .unwrap_or(f64::NAN)
    }

    /// Mean loss over `test` (which must fit the network).
    pub fn test_loss(&mut self, test: &Dataset) -> Result<f64, TrainError> {
        fits(&mut self.network, test, "test set")
    }

    /// Mean loss and fraction classified right (NaN for regression) over the
    /// training set (`None`) or `set`, from one forward pass; NaNs if `set`
    /// does not fit the network.
    pub fn loss_and_accuracy(&mut self, set: Option<&Dataset>) -> (f64, f64) {
        let set = set.unwrap_or(&self.train);
        match self.network.loss_and_accuracy(&set.x, &set.y) {
            Ok((loss, accuracy)) => (loss, accuracy.unwrap_or(f64::NAN)),
            Err(_) => (f64::NAN, f64::NAN),
        }
    }

    /// Fraction of the training set classified right (softmax networks only).
    pub fn train_accuracy(&mut self) -> Result<f64, TrainError> {
        let accuracy = self.network.accuracy(&self.train.x, &self.train.y);
        accuracy.map_err(|error| TrainError::Data {
            set: "training set",
            error,
        })
    }

    /// Fraction of `set` classified right (softmax networks only).
    pub fn accuracy(&mut self, set: &Dataset) -> Result<f64, TrainError> {
        let accuracy = self.network.accuracy(&set.x, &set.y);
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

/// The loss of `network` over `data`, or why `data` does not fit it.
fn fits(network: &mut Network, data: &Dataset, set: &'static str) -> Result<f64, TrainError> {
    if network.inputs() != Dataset::INPUTS {
        let inputs = network.inputs();
        return Err(TrainError::Inputs { inputs });
    }
    network
        .loss(&data.x, &data.y)
        .map_err(|error| TrainError::Data { set, error })
}
