//! A run's recorded moments: each step's losses and accuracies, decimated
//! so memory stays flat however long the run goes.

/// Most points the history keeps; past that it halves its resolution.
pub const HISTORY_LIMIT: usize = 1000;

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

/// Losses over time, decimated: of the records offered, every `stride`-th is
/// kept, and when the limit is reached every other kept one is dropped and the
/// stride doubles, so memory stays flat however long the run.
#[derive(Clone, Debug)]
pub struct History {
    records: Vec<Record>,
    stride: u64,
    offered: u64,
}

impl Default for History {
    fn default() -> Self {
        History {
            records: Vec::with_capacity(HISTORY_LIMIT),
            stride: 1,
            offered: 0,
        }
    }
}

impl History {
    pub(super) fn push(&mut self, record: Record) {
        let keep = self.offered.is_multiple_of(self.stride);
        self.offered += 1;
        if !keep {
            return;
        }
        if self.records.len() == HISTORY_LIMIT {
            let mut index = 0;
            self.records.retain(|_| {
                index += 1;
                index % 2 == 1
            });
            self.stride *= 2;
        }
        self.records.push(record);
    }

    pub fn records(&self) -> &[Record] {
        &self.records
    }
}
