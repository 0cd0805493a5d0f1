//! One link key: its name, what it accepts, how it is read into the state
//! and written back.

use super::state::LinkState;

/// One key: `read` returns `None` (leaving the state as it was) when the
/// value is not one `accepts` describes.
pub struct Key {
    pub name: &'static str,
    pub accepts: fn(&LinkState) -> String,
    pub read: fn(&mut LinkState, &str) -> Option<()>,
    pub write: fn(&LinkState) -> String,
}

/// Seeds a JavaScript number holds exactly.
pub(super) const SEED_MAX: u64 = (1 << 53) - 1;
