//! The trainer: a network, its training set and the state of SGD over it,
//! and the four stages of one step.

use super::batch::Batch;
use super::divergence;
use super::error::TrainError;
use super::optimizer::OptimizerState;
use super::settings::TrainSettings;
use super::stage::{Stage, StageError};
use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;

use crate::data::Dataset;
use crate::features::FeatureSet;
use crate::network::{Network, Workspace};

/// Mixed into the config's seed for the batch sampler, so sampling draws
/// from a different stream than the initial weights.
pub(super) const SAMPLER_SALT: u64 = 0x5348_5546_464c_4521;

/// A network, its training set and the state of SGD over it.
#[derive(Clone, Debug)]
pub struct Trainer {
    pub(super) network: Network,
    pub(super) initial_params: Vec<f64>,
    pub(super) train: Dataset,
    /// The training points through `features` (rows × inputs): what SGD reads.
    pub(super) train_x: Vec<f64>,
    pub(super) features: FeatureSet,
    /// Another set's points through `features` (the test set), reused.
    pub(super) scratch: Vec<f64>,
    pub(super) settings: TrainSettings,
    pub(super) sampler: Pcg64Mcg,
    /// The current epoch's permutation of the training set, and where the next batch starts.
    pub(super) order: Vec<usize>,
    pub(super) cursor: usize,
    pub(super) batch: Batch,
    pub(super) workspace: Workspace,
    pub(super) next: Stage,
    pub(super) steps: u64,
    pub(super) epochs: u64,
    pub(super) loss_before: Option<f64>,
    pub(super) loss_after: Option<f64>,
    pub(super) updated: bool,
    pub(super) diverged: Option<u64>,
    /// The first batch's loss since the last reset (NaN before it), against
    /// which a blow-up is measured.
    pub(super) first_loss: f64,
    /// Which losses end the run.
    pub(super) divergence: divergence::Rule,
    /// The parameters as they were before the last update (for the page's Update view).
    pub(super) params_before: Vec<f64>,
    /// The optimiser's memory, one number per parameter in each buffer.
    pub(super) optimizer: OptimizerState,
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
        Trainer::with_features(network, train, FeatureSet::default(), settings)
    }

    /// As `new`, feeding the network `features` of each point: its inputs
    /// must be `features.len()`. `train` keeps the raw points (x1, x2).
    pub fn with_features(
        network: Network,
        train: Dataset,
        features: FeatureSet,
        settings: TrainSettings,
    ) -> Result<Trainer, TrainError> {
        let mut network = network;
        let train_x = features.transform(&train.x);
        fits(&mut network, &train_x, &train.y, features, "training set")?;
        settings.validate(train.len())?;
        Ok(Trainer::build(network, train, train_x, features, settings))
    }

    /// A trainer at step 0 on `train_x` (rows × inputs), `train.y`, its
    /// sampler seeded from the network's config seed; nothing checked.
    pub(super) fn build(
        network: Network,
        train: Dataset,
        train_x: Vec<f64>,
        features: FeatureSet,
        settings: TrainSettings,
    ) -> Trainer {
        let seed = network.config().seed;
        let optimizer = OptimizerState::new(network.param_count());
        Trainer {
            initial_params: network.params().to_vec(),
            order: (0..train.y.len() / network.outputs()).collect(),
            network,
            train,
            train_x,
            features,
            scratch: Vec::new(),
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
            first_loss: f64::NAN,
            divergence: divergence::Rule::default(),
            params_before: Vec::new(),
            optimizer,
        }
    }

    /// Stage 1: takes the next `batch_size` examples of the epoch's
    /// permutation (shuffled as an epoch begins; the last batch may be short).
    pub fn sample_batch(&mut self) -> Result<&[usize], TrainError> {
        self.expect(Stage::SampleBatch)?;
        if self.cursor == 0 && self.settings.shuffle {
            self.order.shuffle(&mut self.sampler);
        }
        let end = (self.cursor + self.settings.batch_size).min(self.order.len());
        let (inputs, outputs) = (self.network.inputs(), self.network.outputs());
        let batch = &mut self.batch;
        batch.clear();
        let picked = &self.order[self.cursor..end];
        batch.indices.extend_from_slice(picked);
        let first = picked.first().copied().unwrap_or(0);
        if picked.windows(2).all(|w| w[1] == w[0] + 1) {
            // Consecutive examples: the batch is a span of the rows, no copy.
            let rows = first..first + picked.len();
            let x = rows.start * inputs..rows.end * inputs;
            batch.span = Some((x, rows.start * outputs..rows.end * outputs));
        } else {
            for &i in picked {
                let x = &self.train_x[i * inputs..(i + 1) * inputs];
                batch.x.extend_from_slice(x);
                batch
                    .y
                    .extend_from_slice(&self.train.y[i * outputs..(i + 1) * outputs]);
            }
        }
        self.cursor = if end == self.order.len() { 0 } else { end };
        (self.loss_before, self.loss_after, self.updated) = (None, None, false);
        self.next = Stage::Forward;
        Ok(&self.batch.indices)
    }

    /// Stage 2: z and a of every layer for the batch; returns the batch's loss.
    pub fn forward(&mut self) -> Result<f64, TrainError> {
        self.expect(Stage::Forward)?;
        // The batch's rows were checked as they came in (`with_features`,
        // `Model`), so the passes need not check them again.
        let (x, y) = self.batch.rows(&self.train_x, &self.train.y);
        self.network.forward_known(&mut self.workspace, x);
        let loss = self.network.batch_loss_known(&self.workspace, y);
        self.loss_before = Some(loss);
        if self.first_loss.is_nan() {
            self.first_loss = loss;
        }
        if self.divergence.diverged(loss, self.first_loss) {
            return Err(self.diverge());
        }
        self.next = Stage::Backward;
        Ok(loss)
    }

    /// Stage 3: delta of every layer and the gradient (with the
    /// regularisation's gradient, `λ·W` or `λ·sign(W)`, added to the weights' part).
    pub fn backward(&mut self) -> Result<(), TrainError> {
        self.expect(Stage::Backward)?;
        let (x, y) = self.batch.rows(&self.train_x, &self.train.y);
        self.network.backward_known(&mut self.workspace, x, y);
        let gradient = self.workspace.gradient_mut();
        let regularization = self.settings.regularization;
        regularization.add_gradient(&self.network, gradient)?;
        self.next = Stage::Update;
        Ok(())
    }

    /// Stage 4: `params −= lr·d`, with lr the schedule's rate for this update
    /// and d the optimiser's direction (the gradient itself for SGD); then
    /// L1's cut to exact zeros. If a parameter would become non-finite the
    /// parameters stay as they were and the trainer diverges.
    pub fn update(&mut self) -> Result<(), TrainError> {
        self.expect(Stage::Update)?;
        let rate = self.next_learning_rate();
        let gradient = self.workspace.gradient();
        let direction = self.optimizer.direction(self.settings.optimizer, gradient);
        let finite = self
            .network
            .descend(direction, rate, &mut self.params_before);
        if finite {
            let regularization = self.settings.regularization;
            regularization.cut(&mut self.network, &self.params_before, gradient);
        } else {
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

/// The loss of `network` over the feature rows `x` and targets `y`, or why
/// they do not fit it.
pub(super) fn fits(
    network: &mut Network,
    x: &[f64],
    y: &[f64],
    features: FeatureSet,
    set: &'static str,
) -> Result<f64, TrainError> {
    if network.inputs() != features.len() {
        let inputs = network.inputs();
        return Err(TrainError::Inputs { inputs });
    }
    network
        .loss(x, y)
        .map_err(|error| TrainError::Data { set, error })
}
