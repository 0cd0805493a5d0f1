//! The batch a step trains on, as the SampleBatch stage picked it.

use std::ops::Range;

/// The batch the SampleBatch stage picked: indices into the training set and
/// its rows (x: rows × inputs, y: rows × outputs), copied, or, for examples
/// that follow each other (a batch of an unshuffled epoch), where they stand
/// in the training rows.
#[derive(Clone, Debug, Default)]
pub(super) struct Batch {
    pub(super) indices: Vec<usize>,
    pub(super) x: Vec<f64>,
    pub(super) y: Vec<f64>,
    /// The batch's x and y as ranges of the training rows, when consecutive.
    pub(super) span: Option<(Range<usize>, Range<usize>)>,
}

impl Batch {
    /// The batch's x and y, from `train_x` and `train_y` if it is a span of them.
    pub(super) fn rows<'a>(
        &'a self,
        train_x: &'a [f64],
        train_y: &'a [f64],
    ) -> (&'a [f64], &'a [f64]) {
        match &self.span {
            Some((x, y)) => (&train_x[x.clone()], &train_y[y.clone()]),
            None => (&self.x, &self.y),
        }
    }

    pub(super) fn clear(&mut self) {
        self.indices.clear();
        self.x.clear();
        self.y.clear();
        self.span = None;
    }
}
