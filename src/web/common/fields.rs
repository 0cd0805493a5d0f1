//! Results with named fields: every plain object the door hands to
//! JavaScript is built here, with `Fields`.
//!
//! Plain objects rather than `#[wasm_bindgen]` structs with getters, because
//! the page reads some of these every frame (`status()`, `diagnostics()`): a
//! struct returned to JS lives in wasm memory until something calls `.free()`
//! on it, so each frame would leave objects for the finaliser to find; every
//! getter would be one more export with its glue in the shipped JS; and a
//! class that cannot be constructed would sit among the exports for scripts
//! to trip over. A plain object can be logged, spread, destructured and
//! `JSON.stringify`d like the other results (`activations()`, `read_link`).
//!
//! The conventions, kept here so every result follows them: keys are
//! snake_case, as the link keys and the stage view write theirs; a value
//! that does not apply or has not happened (no accuracy for regression, not
//! diverged, not reached) is `null`, never NaN; a choice among outcomes is a
//! name, never a numeric code. Bulk data of a frame (parameters,
//! predictions, activation values) still crosses as typed arrays.

use crate::json::Json;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;

/// A plain JS object, filled in one named field at a time.
pub(crate) struct Fields(Object);

impl Fields {
    /// An object with no fields yet.
    pub(crate) fn new() -> Fields {
        Fields(Object::new())
    }

    /// The object with `key` set to `value`.
    pub(crate) fn with(self, key: &str, value: impl Into<JsValue>) -> Fields {
        self.set(key, value);
        self
    }

    /// Sets `key` to `value`.
    pub(crate) fn set(&self, key: &str, value: impl Into<JsValue>) {
        // Setting a plain data property on an ordinary object cannot fail.
        let _ = Reflect::set(&self.0, &key.into(), &value.into());
    }
}

impl From<Fields> for JsValue {
    fn from(fields: Fields) -> JsValue {
        fields.0.into()
    }
}

/// `value`, or `null` when there is none.
pub(crate) fn maybe(value: Option<impl Into<JsValue>>) -> JsValue {
    value.map_or(JsValue::NULL, Into::into)
}

/// A step count, or `null` when it has not happened (not diverged, not reached).
pub(crate) fn step(step: Option<u64>) -> JsValue {
    maybe(step.map(|s| s as f64))
}

/// `x`, or `null` where the core marks "does not apply" with NaN (an
/// accuracy in regression, the output layer's dead units).
pub(crate) fn known(x: f64) -> JsValue {
    maybe(Some(x).filter(|x| !x.is_nan()))
}

/// A JS array of `items`.
pub(crate) fn list<T: Into<JsValue>>(items: impl IntoIterator<Item = T>) -> Array {
    items.into_iter().map(Into::into).collect()
}

/// A JSON tree as plain JS values: objects keep their members' order, and a
/// number that is not finite is `null`, as JSON text writes it.
pub(crate) fn json(tree: &Json) -> JsValue {
    match tree {
        Json::Null => JsValue::NULL,
        Json::Bool(b) => JsValue::from_bool(*b),
        Json::Number(n) => maybe(Some(*n).filter(|n| n.is_finite())),
        Json::String(s) => JsValue::from_str(s),
        Json::Array(items) => list(items.iter().map(json)).into(),
        Json::Object(members) => {
            let object = Fields::new();
            members.iter().for_each(|(k, v)| object.set(k, json(v)));
            object.into()
        }
    }
}
