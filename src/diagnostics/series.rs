//! Fixed-width records over time, decimated the way the session's loss
//! history is, so memory stays flat however long a run goes.

use crate::session::HISTORY_LIMIT;

/// Records of `width` numbers each. Of the records offered every
/// `stride`-th is kept; at `HISTORY_LIMIT` records every other one is
/// dropped and the stride doubles. The buffer is sized once, so pushing
/// never allocates.
#[derive(Clone, Debug)]
pub struct Series {
    width: usize,
    values: Vec<f64>,
    stride: u64,
    offered: u64,
}

impl Series {
    /// An empty series of records `width` numbers wide (≥ 1).
    pub fn new(width: usize) -> Series {
        let width = width.max(1);
        Series {
            width,
            values: Vec::with_capacity(width * HISTORY_LIMIT),
            stride: 1,
            offered: 0,
        }
    }

    /// Numbers per record.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Offers one record (`width` numbers; extra are ignored, missing are NaN).
    pub fn push(&mut self, record: &[f64]) {
        let keep = self.offered.is_multiple_of(self.stride);
        self.offered += 1;
        if !keep {
            return;
        }
        if self.len() == HISTORY_LIMIT {
            let width = self.width;
            for kept in 0..HISTORY_LIMIT / 2 {
                let from = 2 * kept * width;
                self.values.copy_within(from..from + width, kept * width);
            }
            self.values.truncate(HISTORY_LIMIT / 2 * width);
            self.stride *= 2;
        }
        let padding = self.width.saturating_sub(record.len());
        let take = record.len().min(self.width);
        self.values.extend_from_slice(&record[..take]);
        self.values.extend(std::iter::repeat_n(f64::NAN, padding));
    }

    /// Number of records kept.
    pub fn len(&self) -> usize {
        self.values.len() / self.width
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The kept records, oldest first, each `width` numbers.
    pub fn records(&self) -> std::slice::ChunksExact<'_, f64> {
        self.values.chunks_exact(self.width)
    }

    /// Forgets every record.
    pub fn clear(&mut self) {
        self.values.clear();
        self.stride = 1;
        self.offered = 0;
    }
}
