//! A link read strictly, for the doors that build a run or a race (the
//! training view's and the race's): they share it with nothing else of the
//! links' door, so it sits here rather than in `web::link`.

use crate::config::{parse_link, LinkState};
use wasm_bindgen::prelude::*;

/// The state of a link whose every key is good, or an Error naming each bad
/// key and what it accepts (the doors that build a run take no defaults in
/// place of a bad key; the page's notices do that).
pub(crate) fn strict_link(fragment: &str) -> Result<LinkState, JsError> {
    let (state, problems) = parse_link(fragment);
    if problems.is_empty() {
        return Ok(state);
    }
    let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
    Err(JsError::new(&messages.join("; ")))
}
