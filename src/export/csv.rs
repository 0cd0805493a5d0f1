//! The loss history as CSV text: a header, then one row per recorded step.

use std::fmt::Write;

use crate::session::Record;

/// The CSV header: the columns of every row.
pub const HEADER: &str = "step,train_loss,test_loss,train_accuracy,test_accuracy";

/// `records` as CSV: `HEADER`, then one line per record in order, each
/// ending in `\n`. Losses and accuracies (fractions 0–1) are written so they
/// read back to the same bits; a NaN (the accuracies of a regression) is an
/// empty cell, an overflowed loss `inf`.
pub fn loss_csv(records: &[Record]) -> String {
    // About 90 characters per row; one allocation for a typical history.
    let mut text = String::with_capacity(HEADER.len() + 1 + 90 * records.len());
    text.push_str(HEADER);
    text.push('\n');
    for r in records {
        // Writing to a String cannot fail.
        let _ = write!(text, "{}", r.step);
        for value in [r.train_loss, r.test_loss, r.train_accuracy, r.test_accuracy] {
            text.push(',');
            if !value.is_nan() {
                let _ = write!(text, "{value:?}");
            }
        }
        text.push('\n');
    }
    text
}
