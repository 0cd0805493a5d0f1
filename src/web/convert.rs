//! Conversions at the JS boundary, each with an error that names what was wrong.

use crate::json::Json;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A JS `Error` whose message is `error`'s text.
pub(crate) fn js_error(error: impl std::fmt::Display) -> JsError {
    JsError::new(&error.to_string())
}

/// Reads `value` (a Float64Array, or an array of numbers) as finite numbers.
/// `what` names the argument in the error, e.g. "xs".
pub fn finite_numbers(value: &JsValue, what: &str) -> Result<Vec<f64>, JsError> {
    let numbers = if let Some(typed) = value.dyn_ref::<js_sys::Float64Array>() {
        typed.to_vec()
    } else if let Some(array) = value.dyn_ref::<js_sys::Array>() {
        let mut numbers = Vec::with_capacity(array.length() as usize);
        for (index, item) in array.iter().enumerate() {
            numbers.push(item.as_f64().ok_or_else(|| {
                JsError::new(&format!(
                    "{what}[{index}] is not a number; {what} must hold finite numbers"
                ))
            })?);
        }
        numbers
    } else {
        return Err(JsError::new(&format!(
            "{what} must be a Float64Array or an array of numbers, got {}",
            describe(value)
        )));
    };
    if numbers.is_empty() {
        return Err(JsError::new(&format!(
            "{what} is empty; it must hold at least one number"
        )));
    }
    if let Some(index) = numbers.iter().position(|x| !x.is_finite()) {
        return Err(JsError::new(&format!(
            "{what}[{index}] is {}; {what} must hold finite numbers",
            numbers[index]
        )));
    }
    Ok(numbers)
}

/// A short description of a JS value's type, for error messages.
pub fn describe(value: &JsValue) -> String {
    if value.is_undefined() {
        "undefined".into()
    } else if value.is_null() {
        "null".into()
    } else {
        value
            .js_typeof()
            .as_string()
            .unwrap_or_else(|| "a value".into())
    }
}

/// Reads an optional name argument that must be a string.
pub fn name(value: &JsValue, what: &str) -> Result<String, JsError> {
    value
        .as_string()
        .ok_or_else(|| JsError::new(&format!("{what} must be a string, got {}", describe(value))))
}

/// Reads an optional number argument: `undefined`/`null` is `None`; anything
/// else must be a finite number.
pub fn optional_finite(value: &JsValue, what: &str) -> Result<Option<f64>, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    match value.as_f64() {
        Some(x) if x.is_finite() => Ok(Some(x)),
        Some(x) => Err(JsError::new(&format!(
            "{what} is {x}; it must be a finite number"
        ))),
        None => Err(JsError::new(&format!(
            "{what} must be a number, got {}",
            describe(value)
        ))),
    }
}

/// The JSON tree of a value that `JSON.parse` returned.
pub fn json_tree(value: &JsValue) -> Json {
    if let Some(array) = value.dyn_ref::<js_sys::Array>() {
        return Json::Array(array.iter().map(|item| json_tree(&item)).collect());
    }
    if let Some(b) = value.as_bool() {
        return Json::Bool(b);
    }
    if let Some(n) = value.as_f64() {
        return Json::Number(n);
    }
    if let Some(s) = value.as_string() {
        return Json::String(s);
    }
    if value.is_object() {
        let entries = js_sys::Object::entries(value.unchecked_ref());
        let members = entries.iter().map(|entry| {
            let pair: js_sys::Array = entry.unchecked_into();
            (
                pair.get(0).as_string().unwrap_or_default(),
                json_tree(&pair.get(1)),
            )
        });
        return Json::Object(members.collect());
    }
    Json::Null
}
