//! Settings (docs/js-api.md, "Settings"): `settings()` gives every link key
//! with its control's label, values, default and help, so the page builds
//! its controls from the core's ranges and lists. Both modules hand the page
//! the catalogue's one JSON form (`config::settings_json`), parsed by the
//! browser.

use js_sys::Array;
use wasm_bindgen::prelude::*;

/// The catalogue's JSON text as a JS array (the text is the core's own, so it parses).
fn parsed(text: &str) -> Array {
    js_sys::JSON::parse(text)
        .map(|parsed| Array::from(&parsed))
        .unwrap_or_default()
}

/// Every setting a link may carry, in the order links write them:
/// `[{key, label, kind, default, accepts, help, …}]`, where a `number` has
/// `min, max, min_open, max_open, step (null: any), presets`, a `whole` has
/// `min, max, step, unit`, a `choice` has `choices: [{name, label, help}]`
/// and a `flag` has `off, on` (what 0 and 1 mean); `parts: [{name, kind, …}]`
/// are the values inside a structured one (`layers`: layers, units, pieces).
/// Seeds' max is 2^53 − 1.
#[cfg(feature = "full")]
#[wasm_bindgen]
pub fn settings() -> Array {
    parsed(&crate::config::settings_json())
}

/// The explorer-first module's `settings()`: only the first view's settings
/// (the page's theme, the explorer's and softmax's keys), as the file
/// `config::first_view_settings_json` writes (a test holds the file to it),
/// since building them here would cost 30 kB of gzip wasm. The full module
/// fills the other controls once it arrives (www/js/settings.js).
#[cfg(not(feature = "full"))]
#[wasm_bindgen]
pub fn settings() -> Array {
    parsed(include_str!("first_view_settings.json"))
}
