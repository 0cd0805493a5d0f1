//! The settings catalogue at the JS boundary: `settings()` gives every link
//! key with its control's label, values, default and help, so the page
//! builds its controls from the core's ranges and lists.

use crate::config::{Choice, Setting, Values};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

fn set(object: &Object, key: &str, value: impl Into<JsValue>) {
    // Setting a plain data property on a fresh object cannot fail.
    let _ = Reflect::set(object, &key.into(), &value.into());
}

fn choice(choice: &Choice) -> JsValue {
    let entry = Object::new();
    set(&entry, "name", choice.name);
    set(&entry, "label", choice.label);
    set(&entry, "help", choice.help);
    entry.into()
}

/// The fields of `values`: `kind` ("number", "whole", "choice", "flag" or
/// "text") and what that kind has.
fn values(out: &Object, values: &Values) {
    match values {
        Values::Number {
            min,
            max,
            min_open,
            max_open,
            step,
            presets,
        } => {
            set(out, "kind", "number");
            set(out, "min", *min);
            set(out, "max", *max);
            set(out, "minOpen", *min_open);
            set(out, "maxOpen", *max_open);
            set(out, "step", step.map_or(JsValue::NULL, JsValue::from_f64));
            let presets: Array = presets.iter().map(|&x| JsValue::from_f64(x)).collect();
            set(out, "presets", presets);
        }
        Values::Whole {
            min,
            max,
            step,
            unit,
        } => {
            set(out, "kind", "whole");
            set(out, "min", *min as f64);
            set(out, "max", *max as f64);
            set(out, "step", *step as f64);
            set(out, "unit", *unit);
        }
        Values::Choice(choices) => {
            set(out, "kind", "choice");
            set(
                out,
                "choices",
                choices.iter().map(choice).collect::<Array>(),
            );
        }
        Values::Flag { off, on } => {
            set(out, "kind", "flag");
            set(out, "off", *off);
            set(out, "on", *on);
        }
        Values::Text(_) => set(out, "kind", "text"),
    }
}

fn setting(s: &Setting) -> JsValue {
    let out = Object::new();
    set(&out, "key", s.key);
    set(&out, "label", s.label);
    values(&out, &s.values);
    set(&out, "default", s.default.as_str());
    set(&out, "accepts", s.accepts.as_str());
    set(&out, "help", s.help);
    let part = |(name, part_values): &(&str, Values)| {
        let entry = Object::new();
        set(&entry, "name", *name);
        values(&entry, part_values);
        JsValue::from(entry)
    };
    set(&out, "parts", s.parts.iter().map(part).collect::<Array>());
    out.into()
}

/// Every setting a link may carry, in the order links write them:
/// `[{key, label, kind, default, accepts, help, …}]`, where a `number` has
/// `min, max, minOpen, maxOpen, step (null: any), presets`, a `whole` has
/// `min, max, step, unit`, a `choice` has `choices: [{name, label, help}]`
/// and a `flag` has `off, on` (what 0 and 1 mean); `parts: [{name, kind, …}]`
/// are the values inside a structured one (`layers`: layers, units, pieces).
/// Seeds' max is 2^53 − 1.
#[wasm_bindgen]
pub fn settings() -> Array {
    crate::config::settings().iter().map(setting).collect()
}
