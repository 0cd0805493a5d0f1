//! How a value is written in a link: a number as the shortest text that
//! reads back to the same bits, and the longest value a key may hold. The
//! links (`config`) write by these, and so do the weight edits a run keeps
//! for its link (`edits`), which a run refuses once they would not fit.

/// Longest value read, in bytes (the longest valid value is well under this).
pub const MAX_VALUE: usize = 512;

/// Writes `x` as the shortest decimal that reads back to the same bits:
/// `0.03`, `10`, `-2.5`, `1e-7`.
pub fn number(x: f64) -> String {
    let text = format!("{x:?}");
    match text.strip_suffix(".0") {
        Some(whole) => whole.to_owned(),
        None => text,
    }
}
