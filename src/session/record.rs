//! A run's recorded moments: each step's losses and accuracies, kept in a
//! decimating history so memory stays flat however long the run goes.

/// One recorded moment of a run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Record {
    pub step: u64,
    pub train_loss: f64,
    pub test_loss: f64,
    /// Fractions classified right; NaN for regression.
    pub train_accuracy: f64,
    pub test_accuracy: f64,
}

impl Record {
    /// A moment before anything is measured: step 0, every number NaN.
    pub(super) const EMPTY: Record = Record {
        step: 0,
        train_loss: f64::NAN,
        test_loss: f64::NAN,
        train_accuracy: f64::NAN,
        test_accuracy: f64::NAN,
    };
}

/// A run's losses over time (see `crate::history` for the decimation).
pub type History = crate::history::History<Vec<Record>>;
