//! A race: one network trained with two to four hidden activations side by
//! side. Everything else is shared — data, split, learning rate, batch size,
//! seed, the order of the batches and (see `start`) the initial weights — so
//! the runs differ only in the activation, and the race can say which one
//! reaches a target test loss or accuracy in fewer steps.

mod contestant;
mod repeat;
mod start;
mod target;

pub use contestant::{Contestant, RaceConfig, RaceError, CONTESTANTS};
pub use repeat::{median, Repeat, Spread, REPEAT_LIMIT, SEEDS};
pub use target::{Progress, Target, ACCURACY_TARGET, LOSS_TARGET};

use crate::session::{Session, SessionError};
use crate::train::TrainError;

/// Steps between the checks of each run's test loss and accuracy. Checks
/// fall on whole multiples, however the race is stepped, so steps-to-target
/// is the same whether a race runs in one call or many.
pub const CHECK_EVERY: u64 = 10;

/// One contestant's run: its session and its progress towards any target.
#[derive(Clone, Debug)]
struct Run {
    session: Session,
    progress: Progress,
}

impl Run {
    /// Runs up to `steps` SGD steps, checking the test set at every multiple
    /// of `CHECK_EVERY`; stops early if the run diverges.
    fn advance(&mut self, steps: u64) {
        let mut left = steps;
        while left > 0 {
            let trainer = self.session.trainer_mut();
            let now = trainer.step_count();
            let chunk = (CHECK_EVERY - now % CHECK_EVERY).min(left);
            for _ in 0..chunk {
                if trainer.step().is_err() {
                    return;
                }
            }
            left -= chunk;
            if trainer.step_count().is_multiple_of(CHECK_EVERY) {
                self.check();
            }
        }
    }

    /// Measures the test loss and accuracy now and offers them to `progress`.
    fn check(&mut self) {
        let (trainer, test) = self.session.trainer_and_test();
        let loss = trainer.test_loss(test).unwrap_or(f64::NAN);
        let accuracy = if trainer.network().is_classifier() {
            trainer.accuracy(test).unwrap_or(f64::NAN)
        } else {
            f64::NAN
        };
        self.progress.offer(trainer.step_count(), loss, accuracy);
    }

    fn diverged_at(&self) -> Option<u64> {
        self.session.trainer().diverged_at()
    }

    fn steps(&self) -> u64 {
        self.session.trainer().step_count()
    }
}

/// How much faster a run reached the target than the first contestant:
/// the first's steps divided by this one's (above 1: this one was faster).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Comparison {
    /// Both reached it.
    Times(f64),
    /// Only this one reached it so far: at least this much faster.
    AtLeast(f64),
    /// Only the first reached it so far: at most this much (below 1: slower).
    AtMost(f64),
    /// Neither has reached it, or one met it before its first step.
    Unknown,
}

/// Compares the steps `this` run took to reach the target with the
/// `first`'s (`None`: not reached after running `first_ran` or `this_ran`
/// steps). Steps are whole numbers or, for repeats, medians.
pub fn compare(first: Option<f64>, this: Option<f64>, first_ran: f64, this_ran: f64) -> Comparison {
    match (first, this) {
        (Some(a), Some(b)) if a == 0.0 && b == 0.0 => Comparison::Times(1.0),
        (Some(a), Some(b)) if a > 0.0 && b > 0.0 => Comparison::Times(a / b),
        (None, Some(b)) if b > 0.0 && first_ran > 0.0 => Comparison::AtLeast(first_ran / b),
        (Some(a), None) if a > 0.0 && this_ran > 0.0 => Comparison::AtMost(a / this_ran),
        _ => Comparison::Unknown,
    }
}

/// The runs of a race, advanced together.
#[derive(Clone, Debug)]
pub struct Race {
    config: RaceConfig,
    runs: Vec<Run>,
    steps: u64,
}

impl Race {
    /// Builds every contestant's run from `config`, with the shared start.
    pub fn new(config: RaceConfig) -> Result<Race, RaceError> {
        config.validate()?;
        let reference = start::reference(&config.base).map_err(RaceError::Network)?;
        let mut runs = Vec::with_capacity(config.contestants.len());
        for contestant in &config.contestants {
            let failed = |error| RaceError::Run {
                contestant: contestant.label(),
                error,
            };
            let mut session = Session::new(config.run_config(contestant)).map_err(failed)?;
            let params = start::shared_params(session.trainer().network(), &reference);
            let model = |e| failed(SessionError::Train(TrainError::Model(e)));
            session.start_from(&params).map_err(model)?;
            let mut run = Run {
                session,
                progress: Progress::default(),
            };
            run.check();
            runs.push(run);
        }
        Ok(Race {
            config,
            runs,
            steps: 0,
        })
    }

    pub fn config(&self) -> &RaceConfig {
        &self.config
    }

    /// The number of contestants (2 to 4).
    pub fn len(&self) -> usize {
        self.runs.len()
    }

    /// Always false: a race has at least two contestants.
    pub fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    /// Steps the race has run (a diverged contestant stopped earlier).
    pub fn step_count(&self) -> u64 {
        self.steps
    }

    /// Contestant `i`'s session (its trainer, test set and loss history).
    pub fn session(&self, i: usize) -> Option<&Session> {
        self.runs.get(i).map(|r| &r.session)
    }

    /// Contestant `i`'s session, to draw its boundary.
    pub fn session_mut(&mut self, i: usize) -> Option<&mut Session> {
        self.runs.get_mut(i).map(|r| &mut r.session)
    }

    /// Runs `steps` SGD steps in every contestant that has not diverged,
    /// then records each one's losses once (for the chart and the table).
    pub fn run(&mut self, steps: u64) {
        self.steps += steps;
        for run in &mut self.runs {
            run.advance(steps);
            // Records without further steps; a diverged run reports it, as its status shows.
            let _ = run.session.run(0);
        }
    }

    /// Back to step 0: every contestant at the shared start again.
    pub fn reset(&mut self) {
        self.steps = 0;
        for run in &mut self.runs {
            run.session.reset();
            run.progress.clear();
            run.check();
        }
    }

    /// Changes the target (steps-to-target is read back from the checks made so far).
    pub fn set_target(&mut self, target: Target) -> Result<(), RaceError> {
        let config = RaceConfig {
            target,
            ..self.config.clone()
        };
        config.validate()?;
        self.config = config;
        Ok(())
    }

    /// The first checked step at which contestant `i` met the target.
    pub fn reached(&self, i: usize) -> Option<u64> {
        let run = self.runs.get(i)?;
        run.progress.reached(self.config.target)
    }

    /// The step at which contestant `i` diverged, if it did.
    pub fn diverged_at(&self, i: usize) -> Option<u64> {
        self.runs.get(i).and_then(Run::diverged_at)
    }

    /// Contestant `i`'s speed against the first contestant's.
    pub fn speedup(&self, i: usize) -> Comparison {
        let ran = |i: usize| self.runs.get(i).map_or(0.0, |r| r.steps() as f64);
        let reached = |i: usize| self.reached(i).map(|s| s as f64);
        compare(reached(0), reached(i), ran(0), ran(i))
    }

    /// Contestant `i`'s dead hidden units and its hidden units in all, as of
    /// the last record (see `diagnostics::dead_units`).
    pub fn dead_units(&self, i: usize) -> (usize, usize) {
        let Some(run) = self.runs.get(i) else {
            return (0, 0);
        };
        let latest = run.session.diagnostics().latest();
        let hidden = &latest[..latest.len().saturating_sub(1)];
        let dead = hidden
            .iter()
            .filter(|s| s.dead.is_finite())
            .map(|s| s.dead as usize);
        (dead.sum(), hidden.iter().map(|s| s.units).sum())
    }
}
