//! One link key, and the setting it carries: its name, the label of its
//! control, the values it takes, a line of help, and how it is read into
//! the state and written back.

use super::setting::Values;
use super::state::LinkState;
use super::values::number;

/// One key: `read` returns `None` (leaving the state as it was) when the
/// value is not one of `values` (or breaks what `note` adds).
pub struct Key {
    pub name: &'static str,
    /// The accessible name of its control on the page; empty when it has none.
    pub label: &'static str,
    /// The values it takes, given the rest of the link (the batch size is at
    /// most the training set's size).
    pub values: fn(&LinkState) -> Values,
    /// What it needs besides its values (the optimiser a hyper-parameter
    /// belongs to), said after them, or around them where it holds `{}`;
    /// usually empty.
    pub note: fn(&LinkState) -> String,
    /// One line of help.
    pub help: &'static str,
    pub read: fn(&mut LinkState, &str) -> Option<()>,
    pub write: fn(&LinkState) -> String,
}

impl Key {
    /// What it accepts, in words, given the rest of the link.
    pub fn accepts(&self, state: &LinkState) -> String {
        let (values, note) = ((self.values)(state).describe(), (self.note)(state));
        match note.split_once("{}") {
            Some((before, after)) => format!("{before}{values}{after}"),
            None => format!("{values}{note}"),
        }
    }
}

/// No note.
pub fn none(_: &LinkState) -> String {
    String::new()
}

/// Seeds a JavaScript number holds exactly.
pub(super) const SEED_MAX: u64 = (1 << 53) - 1;

/// The value to write: `x`, or nothing at the standard default.
pub fn unless_default(x: Option<f64>, default: f64) -> String {
    x.filter(|&x| x != default).map_or(String::new(), number)
}

/// Puts `x` in `slot`: the key was used.
pub fn put(slot: &mut f64, x: f64) -> Option<()> {
    *slot = x;
    Some(())
}

/// For which choice of its owner a hyper-parameter key is accepted.
pub fn owned(owners: &str, key: &str, now: &str) -> String {
    format!(", with {owners} (this link has {key}={now})")
}
