//! A student's edits to single weights and biases, kept in step order so a
//! link, and Reset followed by training, replay each at the step it was made.

use crate::format::{number, MAX_VALUE};

/// Most edits a run (and so a link) carries; later ones still change the
/// weights but are not kept.
pub const MAX_EDITS: usize = 50;

/// One edit: after `step` SGD steps, parameter `index` (in the network's
/// parameter layout) was set to `value`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Edit {
    pub step: u64,
    pub index: usize,
    pub value: f64,
}

/// Why a list of edits does not fit a run.
#[derive(Clone, Debug, PartialEq)]
pub enum EditError {
    TooMany(usize),
    OutOfOrder { step: u64, after: u64 },
    Index { index: usize, params: usize },
    Value(f64),
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditError::TooMany(n) => write!(f, "at most {MAX_EDITS} weight edits, got {n}"),
            EditError::OutOfOrder { step, after } => write!(
                f,
                "weight edits in order of step, got step {step} after step {after}"
            ),
            EditError::Index { index, params } => write!(
                f,
                "a weight edit's parameter from 0 to {} (this network has {params}), got {index}",
                params.saturating_sub(1)
            ),
            EditError::Value(v) => write!(f, "a weight edit's value finite, got {v}"),
        }
    }
}

impl std::error::Error for EditError {}

/// Checks `edits` against a network of `params` parameters: at most
/// `MAX_EDITS`, steps never decreasing, indices in range, values finite.
pub fn check(edits: &[Edit], params: usize) -> Result<(), EditError> {
    if edits.len() > MAX_EDITS {
        return Err(EditError::TooMany(edits.len()));
    }
    for (i, edit) in edits.iter().enumerate() {
        if let Some(before) = i.checked_sub(1).map(|j| edits[j]) {
            if edit.step < before.step {
                let (step, after) = (edit.step, before.step);
                return Err(EditError::OutOfOrder { step, after });
            }
        }
        if edit.index >= params {
            return Err(EditError::Index {
                index: edit.index,
                params,
            });
        }
        if !edit.value.is_finite() {
            return Err(EditError::Value(edit.value));
        }
    }
    Ok(())
}

/// Where an edit made now (after `step` steps) goes in `edits`, of which the
/// first `applied` have been replayed: an earlier edit of the same parameter
/// at the same step is replaced (`Ok(i)`), else it is inserted after the
/// applied ones (`Err(i)`).
pub fn slot(edits: &[Edit], applied: usize, step: u64, index: usize) -> Result<usize, usize> {
    let done = &edits[..applied.min(edits.len())];
    match done
        .iter()
        .rposition(|e| e.step == step && e.index == index)
    {
        Some(i) => Ok(i),
        None => Err(done.len()),
    }
}

/// The `edits` key's value: `step:parameter:value` items joined by commas,
/// each value written so that it reads back to the same bits.
pub fn write_edits(edits: &[Edit]) -> String {
    let items = edits.iter();
    let items = items.map(|e| format!("{}:{}:{}", e.step, e.index, number(e.value)));
    items.collect::<Vec<_>>().join(",")
}

/// Whether the `edits` value of `edits` is short enough for a link to read,
/// percent-encoded as the page writes it (`:` and `,` take three characters).
pub fn edits_fit_link(edits: &[Edit]) -> bool {
    let text = write_edits(edits);
    text.len() + 2 * text.matches([':', ',']).count() <= MAX_VALUE
}
