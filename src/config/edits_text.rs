//! The `edits` key's text: weight edits written `step:parameter:value`.

use super::fragment::MAX_VALUE;
use super::values::number;
use crate::edits::Edit;

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
