//! Learning-rate schedules: the rate each update uses, from the base
//! learning rate and the number of updates made before it.

use std::ops::RangeInclusive;

use super::TrainError;

/// Updates between decays that a schedule accepts.
pub const EVERY: RangeInclusive<u64> = 1..=1_000_000;
/// Decay factors a schedule accepts: above 0, at most 1.
pub const FACTOR_ACCEPTS: &str = "a number above 0 and at most 1";
pub const DEFAULT_EVERY: u64 = 1000;
pub const DEFAULT_FACTOR: f64 = 0.5;

/// The learning rate of update number `t` (counted from 0 since the start
/// or `reset`), from the base rate `lr`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Schedule {
    /// `lr` at every update, as in the notes.
    #[default]
    Constant,
    /// Step decay: `lr·factor^⌊t / every⌋`, so the rate drops by `factor`
    /// once every `every` updates.
    Step { every: u64, factor: f64 },
    /// Exponential decay: `lr·factor^(t / every)`, the same decay spread
    /// smoothly over every update (`lr·e^(−k·t)` with `k = −ln(factor) / every`).
    Exponential { every: u64, factor: f64 },
}

/// Whether a decay `factor` is accepted: finite, above 0 and at most 1.
pub fn factor_ok(factor: f64) -> bool {
    factor.is_finite() && factor > 0.0 && factor <= 1.0
}

impl Schedule {
    /// Every schedule, with the default decay (halve every 1000 updates).
    pub const ALL: [Schedule; 3] = [
        Schedule::Constant,
        Schedule::Step {
            every: DEFAULT_EVERY,
            factor: DEFAULT_FACTOR,
        },
        Schedule::Exponential {
            every: DEFAULT_EVERY,
            factor: DEFAULT_FACTOR,
        },
    ];

    /// The name links use: `constant`, `step`, `exp`.
    pub fn name(self) -> &'static str {
        match self {
            Schedule::Constant => "constant",
            Schedule::Step { .. } => "step",
            Schedule::Exponential { .. } => "exp",
        }
    }

    /// The schedule called `name`, with the default decay.
    pub fn named(name: &str) -> Option<Schedule> {
        Schedule::ALL.into_iter().find(|s| s.name() == name)
    }

    /// "constant, step, exp".
    pub fn names() -> String {
        Schedule::ALL.map(Schedule::name).join(", ")
    }

    /// `(every, factor)` of a decaying schedule.
    pub fn decay(self) -> Option<(u64, f64)> {
        match self {
            Schedule::Constant => None,
            Schedule::Step { every, factor } | Schedule::Exponential { every, factor } => {
                Some((every, factor))
            }
        }
    }

    /// The learning rate of update `t` (0 for the first) from the base rate
    /// `lr`; `Constant` returns `lr` itself.
    pub fn rate(self, lr: f64, t: u64) -> f64 {
        match self {
            Schedule::Constant => lr,
            Schedule::Step { every, factor } => lr * libm::pow(factor, (t / every) as f64),
            Schedule::Exponential { every, factor } => {
                lr * libm::pow(factor, t as f64 / every as f64)
            }
        }
    }

    /// Checks `every` and `factor` against their limits.
    pub fn validate(self) -> Result<(), TrainError> {
        let Some((every, factor)) = self.decay() else {
            return Ok(());
        };
        if !EVERY.contains(&every) {
            return Err(TrainError::Setting {
                name: "decay interval",
                accepts: "a whole number of updates from 1 to 1000000".into(),
                got: every.to_string(),
            });
        }
        if !factor_ok(factor) {
            return Err(TrainError::Setting {
                name: "decay factor",
                accepts: FACTOR_ACCEPTS.into(),
                got: factor.to_string(),
            });
        }
        Ok(())
    }
}
