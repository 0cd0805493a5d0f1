//! The runs of a race, one per contestant, advanced together from the
//! shared start, a piece of work at a time.

use super::contestant::{RaceConfig, RaceError};
use super::run::{Piece, Run};
use super::start;
use super::target::{compare, Comparison, Target};
use crate::network::Network;
use crate::session::{Session, SessionError};
use crate::train::TrainError;

/// A race being built a contestant at a time, so a repeat can build each
/// seed's race in pieces of its work (a wide network's contestant takes as
/// long as a few steps).
#[derive(Clone, Debug)]
pub(crate) struct Building {
    config: RaceConfig,
    /// The shared start's network, drawn once for every contestant.
    reference: Network,
    runs: Vec<Run>,
}

impl Building {
    /// Checks `config` and draws the shared start; no contestant is built yet.
    pub(crate) fn new(config: RaceConfig) -> Result<Building, RaceError> {
        config.validate()?;
        let reference = start::reference(&config.base).map_err(RaceError::Network)?;
        let runs = Vec::with_capacity(config.contestants.len());
        Ok(Building {
            config,
            reference,
            runs,
        })
    }

    /// Builds the next contestant's run; returns whether any is left to build.
    pub(crate) fn add_next(&mut self) -> Result<bool, RaceError> {
        let Some(contestant) = self.config.contestants.get(self.runs.len()) else {
            return Ok(false);
        };
        let failed = |error| RaceError::Run {
            contestant: contestant.label(),
            error,
        };
        let mut session = Session::new(self.config.run_config(contestant)).map_err(failed)?;
        let params = start::shared_params(session.trainer().network(), &self.reference);
        let model = |e| failed(SessionError::Train(TrainError::Model(e)));
        session.start_from(&params).map_err(model)?;
        self.runs.push(Run::new(session));
        Ok(self.runs.len() < self.config.contestants.len())
    }

    /// The race, at step 0 (every contestant must have been built).
    pub(crate) fn finish(self) -> Race {
        Race {
            config: self.config,
            runs: self.runs,
            steps: 0,
            cursor: 0,
        }
    }
}

/// The runs of a race, advanced together.
#[derive(Clone, Debug)]
pub struct Race {
    config: RaceConfig,
    pub(super) runs: Vec<Run>,
    /// Steps every contestant has taken (or stopped before, diverged).
    steps: u64,
    /// The contestant whose part of step `steps + 1` is under way.
    cursor: usize,
}

impl Race {
    /// Builds every contestant's run from `config`, with the shared start.
    pub fn new(config: RaceConfig) -> Result<Race, RaceError> {
        let mut building = Building::new(config)?;
        while building.add_next()? {}
        Ok(building.finish())
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
        self.work(self.steps + steps, u64::MAX);
        for i in 0..self.runs.len() {
            self.record(i);
        }
    }

    /// Does at most `pieces` pieces of the work of reaching step `target`,
    /// and returns how many it did (0 once the race is there). A piece is
    /// one stage of one contestant's step, or its check of the test set
    /// after a step at a multiple of `CHECK_EVERY`: the contestants take each
    /// step in turn, and the race's step counts once all have taken it. So a
    /// call can be kept short however wide the network, and the runs end
    /// with the same bits however the work is cut. Nothing is recorded:
    /// `record` each contestant before showing its losses.
    pub fn work(&mut self, target: u64, pieces: u64) -> u64 {
        let mut done = 0;
        while done < pieces && self.steps < target {
            done += 1;
            if self.runs[self.cursor].piece() != Piece::Stage {
                self.cursor += 1;
                if self.cursor == self.runs.len() {
                    (self.cursor, self.steps) = (0, self.steps + 1);
                }
            }
        }
        done
    }

    /// Records contestant `i`'s losses now, for the chart and the table (a
    /// contestant part-way through a step is recorded as of its last one).
    pub fn record(&mut self, i: usize) {
        if let Some(run) = self.runs.get_mut(i) {
            // Records without further steps, every contestant at the race's step.
            run.session.record();
        }
    }

    /// Back to step 0: every contestant at the shared start again.
    pub fn reset(&mut self) {
        (self.steps, self.cursor) = (0, 0);
        for run in &mut self.runs {
            run.session.reset();
            run.progress.clear();
            run.check_due = false;
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

    /// Contestant `i`'s speed against the first contestant's; a diverged
    /// contestant is out (`Diverged`), and with a diverged first one there
    /// is no reference (`NoReference`).
    pub fn speedup(&self, i: usize) -> Comparison {
        if self.diverged_at(i).is_some() {
            return Comparison::Diverged;
        }
        if self.diverged_at(0).is_some() {
            return Comparison::NoReference;
        }
        let ran = |i: usize| self.runs.get(i).map_or(0.0, |r| r.steps() as f64);
        let reached = |i: usize| self.reached(i).map(|s| s as f64);
        compare(reached(0), reached(i), ran(0), ran(i))
    }

    /// Whether every contestant is done: it met the target or diverged
    /// (Play then stops by itself: no step can change the results).
    pub fn finished(&self) -> bool {
        (0..self.len()).all(|i| self.reached(i).is_some() || self.diverged_at(i).is_some())
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
