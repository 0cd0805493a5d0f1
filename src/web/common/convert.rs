//! Conversions at the JS boundary, each with an error that names what was wrong.

use crate::json::Json;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A JS `Error` whose message is `error`'s text.
pub(crate) fn js_error(error: impl std::fmt::Display) -> JsError {
    JsError::new(&error.to_string())
}

/// Most numbers an array argument may hold (32 MB of f64), checked before
/// anything is copied into wasm memory.
pub const MAX_NUMBERS: u32 = 1 << 22;

/// Reads `value` (a Float64Array, or an array of numbers) as finite numbers,
/// at most `MAX_NUMBERS` of them. `what` names the argument in the error,
/// e.g. "xs".
pub fn finite_numbers(value: &JsValue, what: &str) -> Result<Vec<f64>, JsError> {
    let too_long = |length: u32| {
        JsError::new(&format!(
            "{what} holds {length} numbers; at most {MAX_NUMBERS} are accepted"
        ))
    };
    let numbers = if let Some(typed) = value.dyn_ref::<js_sys::Float64Array>() {
        if typed.length() > MAX_NUMBERS {
            return Err(too_long(typed.length()));
        }
        typed.to_vec()
    } else if let Some(array) = value.dyn_ref::<js_sys::Array>() {
        if array.length() > MAX_NUMBERS {
            return Err(too_long(array.length()));
        }
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

/// Longest string any argument may be, in UTF-16 units (a CSV of 5000 rows,
/// a network file of the largest network and a link all fit well inside).
pub const MAX_TEXT: u32 = 16 << 20;

/// Reads an argument that must be a string of at most `MAX_TEXT` units,
/// checked before it is copied into wasm memory.
pub fn text(value: &JsValue, what: &str) -> Result<String, JsError> {
    let Some(string) = value.dyn_ref::<js_sys::JsString>() else {
        return Err(JsError::new(&format!(
            "{what} must be a string, got {}",
            describe(value)
        )));
    };
    let length = string.length();
    if length > MAX_TEXT {
        return Err(JsError::new(&format!(
            "{what} is {length} characters long; at most {MAX_TEXT} are accepted"
        )));
    }
    Ok(String::from(string))
}

/// Reads a name argument that must be a string.
pub fn name(value: &JsValue, what: &str) -> Result<String, JsError> {
    text(value, what)
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

/// The JSON tree of `value`, which must be a string of JSON text no bigger
/// and no deeper than `json::check_text` allows; `what` names it in errors
/// (e.g. "the network file").
pub fn parse_json(value: &JsValue, what: &str) -> Result<Json, JsError> {
    let text = name(value, what)?;
    crate::json::check_text(&text, what).map_err(js_error)?;
    let parsed = js_sys::JSON::parse(&text).map_err(|e| {
        let message = js_sys::Error::from(e).message();
        JsError::new(&format!("{what} is not valid JSON: {message}"))
    })?;
    Ok(json_tree(&parsed, 0))
}

/// The JSON tree of a value that `JSON.parse` returned (`check_text` has
/// bounded its depth; anything deeper than `MAX_DEPTH` still reads as null
/// rather than recursing on).
fn json_tree(value: &JsValue, depth: usize) -> Json {
    if depth > crate::json::MAX_DEPTH {
        return Json::Null;
    }
    if let Some(array) = value.dyn_ref::<js_sys::Array>() {
        return Json::Array(
            array
                .iter()
                .map(|item| json_tree(&item, depth + 1))
                .collect(),
        );
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
                json_tree(&pair.get(1), depth + 1),
            )
        });
        return Json::Object(members.collect());
    }
    Json::Null
}

/// Reads a whole-number argument in `from..=to`; the error names `what` and
/// the range accepted (and says what came instead).
pub fn whole_in(value: &JsValue, what: &str, from: usize, to: usize) -> Result<usize, JsError> {
    let accepts = format!("{what} must be a whole number from {from} to {to}");
    match value.as_f64() {
        Some(x) if x.fract() == 0.0 && x >= from as f64 && x <= to as f64 => Ok(x as usize),
        Some(x) => Err(JsError::new(&format!("{accepts}, got {x}"))),
        None => Err(JsError::new(&format!("{accepts}, got {}", describe(value)))),
    }
}
