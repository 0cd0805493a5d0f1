//! Settings (docs/js-api.md, "Settings"): `settings()` gives every link key
//! with its control's label, values, default and help, so the page builds
//! its controls from the core's ranges and lists.

#[cfg(feature = "full")]
use super::common::fields::{list, maybe, Fields};
#[cfg(feature = "full")]
use crate::config::{Choice, Setting, Values};
use js_sys::Array;
use wasm_bindgen::prelude::*;

#[cfg(feature = "full")]
fn choice(choice: &Choice) -> Fields {
    Fields::new()
        .with("name", choice.name)
        .with("label", choice.label)
        .with("help", choice.help)
}

#[cfg(feature = "full")]
/// The fields of `values`: `kind` ("number", "whole", "choice", "flag" or
/// "text") and what that kind has.
fn values(out: &Fields, values: &Values) {
    match values {
        Values::Number {
            min,
            max,
            min_open,
            max_open,
            step,
            presets,
        } => {
            out.set("kind", "number");
            out.set("min", *min);
            out.set("max", *max);
            out.set("min_open", *min_open);
            out.set("max_open", *max_open);
            out.set("step", maybe(*step));
            out.set("presets", list(presets.iter().copied()));
        }
        Values::Whole {
            min,
            max,
            step,
            unit,
        } => {
            out.set("kind", "whole");
            out.set("min", *min as f64);
            out.set("max", *max as f64);
            out.set("step", *step as f64);
            out.set("unit", *unit);
        }
        Values::Choice(choices) => {
            out.set("kind", "choice");
            out.set("choices", list(choices.iter().map(choice)));
        }
        Values::Flag { off, on } => {
            out.set("kind", "flag");
            out.set("off", *off);
            out.set("on", *on);
        }
        Values::Text(_) => out.set("kind", "text"),
    }
}

#[cfg(feature = "full")]
fn setting(s: &Setting) -> Fields {
    let out = Fields::new().with("key", s.key).with("label", s.label);
    values(&out, &s.values);
    out.set("default", s.default.as_str());
    out.set("accepts", s.accepts.as_str());
    out.set("help", s.help);
    let part = |(name, part_values): &(&str, Values)| {
        let entry = Fields::new().with("name", *name);
        values(&entry, part_values);
        entry
    };
    out.set("parts", list(s.parts.iter().map(part)));
    out
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
    list(crate::config::settings().iter().map(setting))
}

/// The explorer-first module's `settings()`: only the first view's settings
/// (the page's theme, the explorer's and softmax's keys), written from the
/// catalogue as JSON text (`config::first_view_settings_json`; a test holds
/// the file to it), since building them here would cost 30 kB of gzip wasm.
/// The full module fills the other controls once it arrives (www/js/settings.js).
#[cfg(not(feature = "full"))]
#[wasm_bindgen]
pub fn settings() -> Array {
    js_sys::JSON::parse(include_str!("first_view_settings.json"))
        .map(|parsed| Array::from(&parsed))
        .unwrap_or_default()
}
