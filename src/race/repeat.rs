//! A race repeated over several seeds, for a fairer answer than one run
//! gives: each seed brings its own data, initial weights and batch order.
//! The work is done a bounded number of steps per call, so the page can
//! spread it over animation frames, show progress and stop at any time.

use std::ops::RangeInclusive;

use super::contestant::{RaceConfig, RaceError};
use super::run::{Run, CHECK_EVERY};
use super::runs::{Building, Race};
use super::target::{compare, Comparison, Target};

/// How many seeds a repeat may run.
pub const SEEDS: RangeInclusive<usize> = 1..=20;
/// Steps after which a run that has not reached the target is given up
/// (counted as "not reached"); a multiple of `CHECK_EVERY`.
pub const REPEAT_LIMIT: u64 = 10_000;

/// Steps-to-target over the seeds finished so far, for one contestant.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spread {
    /// The median, counting runs that never reached the target as slowest;
    /// `None` when the median run did not reach it.
    pub median: Option<f64>,
    /// The fastest run's steps, if any run reached the target.
    pub fastest: Option<u64>,
    /// The slowest run's steps, `None` if some run never reached it.
    pub slowest: Option<u64>,
    /// Runs that reached the target, of `runs`.
    pub reached: usize,
    pub runs: usize,
}

/// The repeat: seeds `seed`, `seed + 1`, … of one race, one after another.
#[derive(Clone, Debug)]
pub struct Repeat {
    config: RaceConfig,
    seeds: usize,
    limit: u64,
    /// The race of the seed being run (the next one is built when it finishes).
    current: Option<Race>,
    /// The next seed's race while `work` builds it a contestant at a time.
    building: Option<Building>,
    /// Per contestant, steps-to-target of each finished seed (`None`: not reached).
    outcomes: Vec<Vec<Option<u64>>>,
}

impl Repeat {
    /// A repeat of `config`'s race over `seeds` seeds (1 to 20), starting at
    /// its own seed; each run stops at the target or after `limit` steps
    /// (rounded up to a multiple of `CHECK_EVERY`).
    pub fn new(config: RaceConfig, seeds: usize, limit: u64) -> Result<Repeat, RaceError> {
        if !SEEDS.contains(&seeds) {
            return Err(RaceError::Seeds(seeds));
        }
        config.validate()?;
        Ok(Repeat {
            outcomes: vec![Vec::with_capacity(seeds); config.contestants.len()],
            limit: limit.max(1).div_ceil(CHECK_EVERY) * CHECK_EVERY,
            config,
            seeds,
            current: None,
            building: None,
        })
    }

    /// Runs at most `budget` SGD steps, all contestants together; returns
    /// whether every seed has finished.
    pub fn step(&mut self, budget: u64) -> Result<bool, RaceError> {
        let mut left = budget;
        while left > 0 && !self.is_finished() {
            let race = match (self.current.take(), self.building.take()) {
                (Some(race), _) => race,
                // A race `work` began to build is finished, not built again.
                (None, Some(mut building)) => {
                    while building.add_next()? {}
                    building.finish()
                }
                (None, None) => {
                    let seed = self.config.base.seed.wrapping_add(self.finished() as u64);
                    Race::new(self.config.with_seed(seed))?
                }
            };
            let race = self.current.insert(race);
            let (target, limit) = (self.config.target, self.limit);
            for run in race.runs.iter_mut().filter(|r| !finished(r, target, limit)) {
                let chunk = CHECK_EVERY.min(left).min(limit - run.steps());
                run.advance(chunk);
                left -= chunk;
                if left == 0 {
                    break;
                }
            }
            if race.runs.iter().all(|r| finished(r, target, limit)) {
                for (outcomes, run) in self.outcomes.iter_mut().zip(&race.runs) {
                    outcomes.push(outcome(run, target));
                }
                self.current = None;
            }
        }
        Ok(self.is_finished())
    }

    /// Does at most `pieces` pieces of the repeat's work, and returns how
    /// many it did (0 once every seed has finished). A piece is one stage of
    /// one contestant's step or its check of the test set, as in
    /// `Race::work`, or the building of one contestant of the next seed's race
    /// (its shared start first); the first
    /// unfinished run takes the next piece. The outcomes are those `step`
    /// gives: the runs are independent, and each stops at the same check
    /// however its steps are cut.
    pub fn work(&mut self, pieces: u64) -> Result<u64, RaceError> {
        let (target, limit) = (self.config.target, self.limit);
        let mut done = 0;
        while done < pieces && !self.is_finished() {
            done += 1;
            let Some(race) = &mut self.current else {
                match &mut self.building {
                    None => {
                        let seed = self.config.base.seed.wrapping_add(self.finished() as u64);
                        self.building = Some(Building::new(self.config.with_seed(seed))?);
                    }
                    Some(building) => {
                        if !building.add_next()? {
                            self.current = self.building.take().map(Building::finish);
                        }
                    }
                }
                continue;
            };
            let Some(run) = race.runs.iter_mut().find(|r| !finished(r, target, limit)) else {
                for (outcomes, run) in self.outcomes.iter_mut().zip(&race.runs) {
                    outcomes.push(outcome(run, target));
                }
                self.current = None;
                continue;
            };
            // A diverged run stops; `finished` then counts it as done.
            let _ = run.piece();
        }
        Ok(done)
    }

    pub fn is_finished(&self) -> bool {
        self.finished() == self.seeds
    }

    /// Seeds finished so far.
    pub fn finished(&self) -> usize {
        self.outcomes.first().map_or(0, Vec::len)
    }

    pub fn seeds(&self) -> usize {
        self.seeds
    }

    /// The step limit of each run.
    pub fn limit(&self) -> u64 {
        self.limit
    }

    /// The share of the work done, 0 to 1: finished seeds, plus the current
    /// seed's runs by their steps (a finished run counts whole).
    pub fn progress(&self) -> f64 {
        let (target, limit) = (self.config.target, self.limit);
        let current = self.current.as_ref().map_or(0.0, |race| {
            let share = |r: &Run| {
                if finished(r, target, limit) {
                    1.0
                } else {
                    r.steps() as f64 / limit as f64
                }
            };
            race.runs.iter().map(share).sum::<f64>() / race.runs.len().max(1) as f64
        });
        (self.finished() as f64 + current) / self.seeds as f64
    }

    /// Contestant `i`'s steps-to-target of each finished seed, in seed order.
    pub fn outcomes(&self, i: usize) -> &[Option<u64>] {
        self.outcomes.get(i).map_or(&[], Vec::as_slice)
    }

    /// Contestant `i`'s median and spread over the finished seeds.
    pub fn spread(&self, i: usize) -> Spread {
        let outcomes = self.outcomes(i);
        let reached = || outcomes.iter().flatten().copied();
        Spread {
            median: median(outcomes),
            fastest: reached().min(),
            slowest: reached()
                .max()
                .filter(|_| outcomes.iter().all(Option::is_some)),
            reached: reached().count(),
            runs: outcomes.len(),
        }
    }

    /// Contestant `i`'s median against the first contestant's.
    pub fn speedup(&self, i: usize) -> Comparison {
        let limit = self.limit as f64;
        compare(self.spread(0).median, self.spread(i).median, limit, limit)
    }
}

/// A finished run's steps to the target; `None` if it never met it or
/// diverged (a run that blows up counts as never there, whatever it met first).
fn outcome(run: &Run, target: Target) -> Option<u64> {
    run.progress
        .reached(target)
        .filter(|_| run.diverged_at().is_none())
}

/// Whether a run is done: it met the target, diverged or hit the limit
/// (and a step's due check has been made: it may be the one that meets it).
fn finished(run: &Run, target: Target, limit: u64) -> bool {
    let over = run.progress.reached(target).is_some()
        || run.diverged_at().is_some()
        || run.steps() >= limit;
    over && !run.check_due
}

/// The median of steps-to-target, where `None` (never reached) ranks above
/// every number; `None` if the median itself is a run that never reached
/// it, or there are no runs. An even count takes the mean of the middle two.
pub fn median(outcomes: &[Option<u64>]) -> Option<f64> {
    // Never reached ranks as u64::MAX, which no run's steps can be.
    let mut sorted: Vec<u64> = outcomes.iter().map(|o| o.unwrap_or(u64::MAX)).collect();
    // An insertion sort: at most `SEEDS` runs, and far less code than a general sort.
    for i in 1..sorted.len() {
        let mut j = i;
        while j > 0 && sorted[j - 1] > sorted[j] {
            sorted.swap(j - 1, j);
            j -= 1;
        }
    }
    let steps = |i: usize| Some(sorted[i]).filter(|&s| s != u64::MAX).map(|s| s as f64);
    match sorted.len() {
        0 => None,
        n if n % 2 == 1 => steps(n / 2),
        n => Some((steps(n / 2 - 1)? + steps(n / 2)?) / 2.0),
    }
}
