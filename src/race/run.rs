//! One contestant's run in a race, and its work cut into pieces: each
//! stage of a step, and the check of the test set at every multiple of
//! `CHECK_EVERY`.

use super::target::Progress;
use crate::session::Session;
use crate::train::Stage;

/// Steps between the checks of each run's test loss and accuracy. Checks
/// fall on whole multiples, however the race is stepped, so steps-to-target
/// is the same whether a race runs in one call or many.
pub const CHECK_EVERY: u64 = 10;

/// One contestant's run: its session and its progress towards any target.
#[derive(Clone, Debug)]
pub(super) struct Run {
    pub(super) session: Session,
    pub(super) progress: Progress,
    /// Whether the step just taken ended on a multiple of `CHECK_EVERY`
    /// and its check of the test set is the next piece of work.
    pub(super) check_due: bool,
}

/// What one piece of a run's work did (see `Run::piece`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Piece {
    /// A stage ran; the step goes on.
    Stage,
    /// The step is done, with its check if one was due.
    StepDone,
    /// The run has diverged and takes no more steps.
    Stopped,
}

impl Run {
    pub(super) fn new(session: Session) -> Run {
        let mut run = Run {
            session,
            progress: Progress::default(),
            check_due: false,
        };
        run.check();
        run
    }

    /// Runs the next piece of the current step: the trainer's next stage
    /// (sample a batch, forward, backward or update) or, once a step ending
    /// on a multiple of `CHECK_EVERY` is done, that step's check. The stages
    /// are the ones `Trainer::step` runs, so a step taken in pieces ends with
    /// the same bits as one taken whole.
    pub(super) fn piece(&mut self) -> Piece {
        if self.check_due {
            self.check_due = false;
            self.check();
            return Piece::StepDone;
        }
        let trainer = self.session.trainer_mut();
        let stage = trainer.next_stage();
        let result = match stage {
            Stage::SampleBatch => trainer.sample_batch().map(drop),
            Stage::Forward => trainer.forward().map(drop),
            Stage::Backward => trainer.backward(),
            Stage::Update => trainer.update(),
        };
        match result {
            Err(_) => Piece::Stopped,
            Ok(()) if stage != Stage::Update => Piece::Stage,
            Ok(()) if trainer.step_count().is_multiple_of(CHECK_EVERY) => {
                self.check_due = true;
                Piece::Stage
            }
            Ok(()) => Piece::StepDone,
        }
    }

    /// Runs up to `steps` SGD steps, checking the test set at every multiple
    /// of `CHECK_EVERY`; stops early if the run diverges.
    pub(super) fn advance(&mut self, steps: u64) {
        let end = self.steps() + steps;
        while self.steps() < end || self.check_due {
            if self.piece() == Piece::Stopped {
                return;
            }
        }
    }

    /// Measures the test loss and accuracy now and offers them to `progress`.
    pub(super) fn check(&mut self) {
        let (trainer, test) = self.session.trainer_and_test();
        let loss = trainer.test_loss(test).unwrap_or(f64::NAN);
        let accuracy = if trainer.network().is_classifier() {
            trainer.accuracy(test).unwrap_or(f64::NAN)
        } else {
            f64::NAN
        };
        self.progress.offer(trainer.step_count(), loss, accuracy);
    }

    pub(super) fn diverged_at(&self) -> Option<u64> {
        self.session.trainer().diverged_at()
    }

    pub(super) fn steps(&self) -> u64 {
        self.session.trainer().step_count()
    }
}
