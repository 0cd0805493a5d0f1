//! A training run as the page shows it: the trainer, the test set, and the
//! history of losses, kept bounded however long the run goes.

mod config;
mod record;
mod replay;
mod watch;

use crate::history::Offer;
pub use crate::history::HISTORY_LIMIT;

/// Training samples between two kept records of a run's losses: a record
/// every `SAMPLES_PER_RECORD / batch size` steps (25 at a batch of 10),
/// what one of Play's frames trains. Records fall on those steps however
/// the run was driven (Step, Play, Epoch, a link's catch-up), so a link
/// brings back the same loss chart; between them the chart ends in a tail
/// record of where the run stands.
pub const SAMPLES_PER_RECORD: usize = 250;
pub use config::{HiddenLayer, PlaygroundConfig, SettingError};
pub use record::{History, Record};
pub use watch::{BlowUp, LOSS_RATIO_LIMIT, WEIGHT_LIMIT};

use crate::data::{self, Dataset};
use crate::diagnostics::Diagnostics;
use crate::metrics::Evaluator;
use crate::network::Network;
use crate::train::{Regularization, Stage, TrainError, TrainSettings, Trainer};

/// A run: the config it came from, the trainer and the held-out test set.
#[derive(Clone, Debug)]
pub struct Session {
    config: PlaygroundConfig,
    trainer: Trainer,
    test: Dataset,
    history: History,
    latest: Record,
    /// The test set's confusion matrix or R², as of the latest record.
    metrics: Evaluator,
    diagnostics: Diagnostics,
    /// Whether the current step is being run stage by stage (its batch is shown).
    staged: bool,
    /// How many of `config.edits` this run has applied so far.
    applied_edits: usize,
    /// Whether an edit was made past `edits::MAX_EDITS` (a link cannot carry it).
    edits_lost: bool,
    /// A blow-up seen while it builds (see `watch`).
    watch: watch::Watch,
    /// The first step after 0 at which the training settings changed: a link,
    /// which starts the run with the settings as they are now, cannot replay it.
    retuned_at: Option<u64>,
    /// The step of the last record on the grid of `record_every` steps.
    grid_step: Option<u64>,
}

/// Why a session could not be built.
#[derive(Clone, Debug, PartialEq)]
pub enum SessionError {
    Setting(SettingError),
    Data(data::DataError),
    Train(TrainError),
}

impl std::fmt::Display for SessionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SessionError::Setting(e) => e.fmt(f),
            SessionError::Data(e) => e.fmt(f),
            SessionError::Train(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for SessionError {}

impl Session {
    /// Builds the data, the network and the trainer that `config` describes.
    pub fn new(config: PlaygroundConfig) -> Result<Session, SessionError> {
        config.validate().map_err(SessionError::Setting)?;
        let (train, test) = config.data_sets().map_err(SessionError::Data)?;
        let network =
            Network::new(config.network_config()).map_err(|e| SessionError::Setting(e.into()))?;
        let trainer = Trainer::with_features(network, train, config.features, config.train)
            .map_err(SessionError::Train)?;
        let params = trainer.network().param_count();
        crate::edits::check(&config.edits, params).map_err(|e| SessionError::Setting(e.into()))?;
        let mut session = Session {
            config,
            diagnostics: Diagnostics::new(trainer.network()),
            trainer,
            test,
            history: History::default(),
            latest: Record::EMPTY,
            metrics: Evaluator::default(),
            staged: false,
            applied_edits: 0,
            edits_lost: false,
            watch: watch::Watch::default(),
            retuned_at: None,
            grid_step: None,
        };
        session.apply_due_edits();
        session.settle();
        Ok(session)
    }

    pub fn config(&self) -> &PlaygroundConfig {
        &self.config
    }

    pub fn trainer(&self) -> &Trainer {
        &self.trainer
    }

    /// The trainer, for stage-by-stage stepping.
    pub fn trainer_mut(&mut self) -> &mut Trainer {
        &mut self.trainer
    }

    /// The trainer and the test set together (to draw both).
    pub fn trainer_and_test(&mut self) -> (&mut Trainer, &Dataset) {
        (&mut self.trainer, &self.test)
    }

    pub fn test_set(&self) -> &Dataset {
        &self.test
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    /// The losses and accuracies as of the last recorded step.
    pub fn latest(&self) -> Record {
        self.latest
    }

    /// Runs `steps` SGD steps, recording the losses at each step of the
    /// grid (`record_every`) and where it ends. Stops at the step that
    /// diverges and reports it.
    pub fn run(&mut self, steps: usize) -> Result<(), TrainError> {
        self.staged = false;
        let result = (0..steps).try_for_each(|_| self.step_on_grid());
        self.apply_due_edits();
        if steps == 0 || self.grid_step != Some(self.trainer.step_count()) {
            self.settle();
        }
        result
    }

    /// One whole step (edits replayed before it), recorded if it ends on the grid.
    fn step_on_grid(&mut self) -> Result<(), TrainError> {
        self.apply_due_edits();
        self.trainer.step()?;
        if self
            .trainer
            .step_count()
            .is_multiple_of(self.record_every())
        {
            self.apply_due_edits();
            self.settle();
        }
        Ok(())
    }

    /// Steps between two kept records: `SAMPLES_PER_RECORD` samples in
    /// batches of the run's batch size, at least 1.
    pub fn record_every(&self) -> u64 {
        let batch = self.config.train.batch_size.max(1);
        ((SAMPLES_PER_RECORD + batch / 2) / batch).max(1) as u64
    }

    /// Steps from now to the next kept record (1 to `record_every`): what
    /// Play trains in a frame and a catch-up between two records.
    pub fn steps_to_record(&self) -> u64 {
        let every = self.record_every();
        every - self.trainer.step_count() % every
    }

    /// Does at most `pieces` pieces of the work of reaching step `target`,
    /// and returns how many it did (0 once the run is there). A piece is one
    /// stage of a step (sample a batch, forward, backward or update), with
    /// edits applied between steps as `run` applies them, so a caller that
    /// times its calls keeps each one short however wide the network, and
    /// the run reaches the same bits as `run` gives. Nothing is recorded
    /// (`record` before showing the losses) unless the run diverges, which
    /// is recorded and reported as `run` does.
    pub fn work(&mut self, target: u64, pieces: u64) -> Result<u64, TrainError> {
        self.staged = false;
        let mut done = 0;
        while done < pieces && self.trainer.step_count() < target {
            let stage = self.trainer.next_stage();
            if stage == Stage::SampleBatch {
                self.apply_due_edits();
            }
            let trainer = &mut self.trainer;
            let result = match stage {
                Stage::SampleBatch => trainer.sample_batch().map(drop),
                Stage::Forward => trainer.forward().map(drop),
                Stage::Backward => trainer.backward(),
                Stage::Update => trainer.update(),
            };
            done += 1;
            if let Err(error) = result {
                self.apply_due_edits();
                self.settle();
                return Err(error);
            }
        }
        self.apply_due_edits();
        Ok(done)
    }

    /// One epoch's worth of steps.
    pub fn epoch(&mut self) -> Result<(), TrainError> {
        self.staged = false;
        let result = self.epoch_with_edits();
        if result.is_err() || self.grid_step != Some(self.trainer.step_count()) {
            self.settle();
        }
        result
    }

    /// Back to step 0 with the initial weights; the history starts again.
    pub fn reset(&mut self) {
        self.trainer.reset();
        self.applied_edits = 0;
        self.apply_due_edits();
        self.history = History::default();
        self.watch = watch::Watch::default();
        self.retuned_at = None;
        self.grid_step = None;
        self.diagnostics.clear();
        self.staged = false;
        self.settle();
    }

    /// Starts the run again from `params` (loaded weights), which `reset`
    /// then returns to; the history starts again. An error changes nothing.
    pub fn start_from(&mut self, params: &[f64]) -> Result<(), crate::network::ModelError> {
        self.trainer.restart_from(params)?;
        // Loaded weights already hold any edits: none is replayed over them.
        self.config.edits.clear();
        self.reset();
        Ok(())
    }

    /// Runs `stage` of the current step if it is the one due (the page's stage
    /// buttons); an Update completes the step and records, as `run` does.
    pub fn run_stage(&mut self, stage: Stage) -> Result<(), TrainError> {
        let trainer = &mut self.trainer;
        let result = match stage {
            Stage::SampleBatch => trainer.sample_batch().map(drop),
            Stage::Forward => trainer.forward().map(drop),
            Stage::Backward => trainer.backward(),
            Stage::Update => trainer.update(),
        };
        self.staged = true;
        if stage == Stage::Update && result.is_ok() {
            self.apply_due_edits();
        }
        let diverged = matches!(result, Err(TrainError::Diverged { .. }));
        if (stage == Stage::Update && result.is_ok()) || diverged {
            self.settle();
        }
        result
    }

    /// The training points of the batch being stepped through stage by stage
    /// (empty when the last steps ran whole, by `run` or `epoch`).
    pub fn staged_batch(&self) -> &[usize] {
        if self.staged {
            self.trainer.batch_indices()
        } else {
            &[]
        }
    }

    /// The test set's confusion matrix (classes) or R² (regression), as of
    /// the latest record: from the same forward pass as its test loss.
    pub fn metrics(&self) -> &Evaluator {
        &self.metrics
    }

    /// The diagnostics, as of the last recorded step.
    pub fn diagnostics(&self) -> &Diagnostics {
        &self.diagnostics
    }

    /// Changes the learning rate, batch size and L2 rate without restarting
    /// (an `l2` of 0 means no regularisation; the optimiser and schedule stay).
    pub fn set_settings(
        &mut self,
        learning_rate: f64,
        batch_size: usize,
        l2: f64,
    ) -> Result<(), SessionError> {
        let regularization = if l2 == 0.0 {
            Regularization::None
        } else {
            Regularization::L2(l2)
        };
        self.retune(&PlaygroundConfig {
            train: TrainSettings {
                learning_rate,
                batch_size,
                regularization,
                ..self.config.train
            },
            ..self.config.clone()
        })
    }

    /// Takes `config.train` (learning rate, batch size, optimiser, schedule,
    /// regularisation) without restarting (the weights, the step and the
    /// optimiser's memory stay; a different optimiser starts afresh). The
    /// rest of `config` is ignored. An error changes nothing.
    pub fn retune(&mut self, config: &PlaygroundConfig) -> Result<(), SessionError> {
        let config = PlaygroundConfig {
            train: config.train,
            ..self.config.clone()
        };
        config.validate().map_err(SessionError::Setting)?;
        self.trainer
            .set_settings(config.train)
            .map_err(SessionError::Train)?;
        if self.config.train != config.train {
            self.watch.retuned(&self.latest);
            let step = self.trainer.step_count();
            if step > 0 && self.retuned_at.is_none() {
                self.retuned_at = Some(step);
            }
        }
        self.config = config;
        Ok(())
    }

    /// The first step after 0 at which the learning rate, batch size,
    /// optimiser, schedule or regularisation changed (`None` since Reset, or
    /// if they never did): a link carries only today's settings, so it
    /// cannot replay such a run, and the page says so when it is copied.
    pub fn retuned_at(&self) -> Option<u64> {
        self.retuned_at
    }

    /// The first blow-up seen while it built, since the start, Reset or the
    /// last change of settings: a loss far above where the run started, or
    /// a weight grown without bound (see `BlowUp`). Unlike a divergence it
    /// does not stop the run.
    /// A divergence (which does stop it) comes first, at the last step done.
    pub fn blow_up(&self) -> Option<BlowUp> {
        match self.trainer.diverged_at() {
            Some(step) => Some(BlowUp::Diverged {
                step: step.saturating_sub(1),
            }),
            None => self.watch.seen(),
        }
    }

    /// Measures the run as it stands and records it on the grid: a kept
    /// record at a multiple of `record_every` steps (measured anew if that
    /// step was recorded already, as after a weight edit), else the tail.
    /// `run`, `epoch` and the stages do so themselves; `work` leaves it to
    /// its caller, who settles at the end of each run of steps.
    pub fn settle(&mut self) {
        let step = self.trainer.step_count();
        let how = if !step.is_multiple_of(self.record_every()) {
            Offer::Tail
        } else if self.grid_step == Some(step) {
            Offer::Again
        } else {
            Offer::Next
        };
        if how != Offer::Tail {
            self.grid_step = Some(step);
        }
        self.measure(how);
    }

    /// Measures train and test loss (and accuracy) now and adds them to the
    /// history as the next record, off the grid (the race records its
    /// contestants when it draws them, all at the same steps).
    pub fn record(&mut self) {
        self.measure(Offer::Next);
    }

    fn measure(&mut self, how: Offer) {
        // One forward pass per set gives its loss and accuracy; the
        // diagnostics' pass over the training set serves for both.
        self.diagnostics.record(&self.trainer, how);
        let measured = self.diagnostics.train_loss_and_accuracy(&self.trainer);
        let trainer = &mut self.trainer;
        let (train_loss, train_accuracy) =
            measured.unwrap_or_else(|| trainer.loss_and_accuracy(None));
        let (test_loss, test_accuracy) = trainer.loss_and_accuracy(Some(&self.test));
        // That pass's outputs also give the test set's confusion matrix or R².
        let y_hat = trainer.network().workspace().y_hat();
        self.metrics.measure(&self.test, Some(y_hat));
        let record = Record {
            step: trainer.step_count(),
            train_loss,
            test_loss,
            train_accuracy,
            test_accuracy,
        };
        self.latest = record;
        self.history.offer(&record, how);
        self.watch.check(&record, self.trainer.network());
    }
}
