//! What a race is run to: a target test loss or test accuracy, and the
//! record of a run's best values so far, from which the step that first met
//! any target can be read back exactly (so the target can change mid-race).

use std::fmt;
use std::ops::RangeInclusive;

/// The loss targets a race accepts.
pub const LOSS_TARGET: RangeInclusive<f64> = 0.001..=10.0;
/// The accuracy targets a race accepts, in whole percent.
pub const ACCURACY_TARGET: RangeInclusive<u32> = 1..=100;

/// The finish line: a test loss to get down to, or a test accuracy to reach.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Target {
    /// Test loss at or below this value (0.001 to 10).
    Loss(f64),
    /// Test accuracy at or above this many percent (1 to 100).
    Accuracy(u32),
}

impl Default for Target {
    /// A test loss of 0.1.
    fn default() -> Self {
        Target::Loss(0.1)
    }
}

impl Target {
    /// Whether the target is one the race accepts.
    pub fn is_valid(self) -> bool {
        match self {
            Target::Loss(loss) => loss.is_finite() && LOSS_TARGET.contains(&loss),
            Target::Accuracy(percent) => ACCURACY_TARGET.contains(&percent),
        }
    }

    /// Whether a run with this test loss and test accuracy (a fraction,
    /// NaN for regression) has met the target.
    pub fn is_met(self, loss: f64, accuracy: f64) -> bool {
        match self {
            Target::Loss(target) => loss <= target,
            // 1e-12 keeps 19 of 20 right (0.95 in floating point) at 95 %.
            Target::Accuracy(percent) => accuracy >= f64::from(percent) / 100.0 - 1e-12,
        }
    }
}

impl fmt::Display for Target {
    /// "test loss 0.1" or "test accuracy 95%".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Loss(loss) => write!(f, "test loss {loss}"),
            Target::Accuracy(percent) => write!(f, "test accuracy {percent}%"),
        }
    }
}

/// The record-setting values of one series checked over time: each entry is
/// a step where the series beat every earlier check. The first step at which
/// the series met a threshold is the first record that meets it.
#[derive(Clone, Debug, Default, PartialEq)]
struct Records {
    entries: Vec<(u64, f64)>,
}

impl Records {
    /// Offers the value checked at `step` (steps offered in increasing
    /// order); it is kept if it beats the best so far (`better(new, best)`).
    /// NaN is never kept.
    fn offer(&mut self, step: u64, value: f64, better: fn(f64, f64) -> bool) {
        if value.is_nan() {
            return;
        }
        match self.entries.last() {
            Some(&(_, best)) if !better(value, best) => {}
            _ => self.entries.push((step, value)),
        }
    }

    /// The first step whose value `meets`, if any.
    fn first(&self, meets: impl Fn(f64) -> bool) -> Option<u64> {
        self.entries
            .iter()
            .find(|(_, v)| meets(*v))
            .map(|&(s, _)| s)
    }
}

/// A run's progress towards any target: the records of its test loss
/// (lower is better) and test accuracy (higher is better).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    loss: Records,
    accuracy: Records,
}

impl Progress {
    /// Offers the test loss and accuracy checked at `step` (steps in
    /// increasing order; accuracy NaN for regression).
    pub fn offer(&mut self, step: u64, loss: f64, accuracy: f64) {
        self.loss.offer(step, loss, |new, best| new < best);
        self.accuracy.offer(step, accuracy, |new, best| new > best);
    }

    /// The first checked step at which `target` was met, if it was.
    pub fn reached(&self, target: Target) -> Option<u64> {
        match target {
            Target::Loss(_) => self.loss.first(|v| target.is_met(v, f64::NAN)),
            Target::Accuracy(_) => self.accuracy.first(|v| target.is_met(f64::NAN, v)),
        }
    }

    /// Forgets every check (a reset).
    pub fn clear(&mut self) {
        self.loss.entries.clear();
        self.accuracy.entries.clear();
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
    /// This contestant diverged: it is out of the race, whatever it reached
    /// before (a run that blows up is no winner).
    Diverged,
    /// The first contestant diverged, so there is nothing to compare with.
    NoReference,
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
