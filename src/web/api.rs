//! The documented JS API's functions (docs/js-api.md): `activations`, `activate`,
//! `derivative`, `softmax`. Each converts, calls the core and maps errors.

use super::convert::{finite_numbers, name, optional_finite};
use crate::activation::{self, Activation, Kind};
use crate::data::DatasetKind;
use crate::plot::{color_of, hex};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

fn set(object: &Object, key: &str, value: impl Into<JsValue>) {
    // Setting a plain data property on a fresh object cannot fail.
    let _ = Reflect::set(object, &key.into(), &value.into());
}

/// Every activation of the notes with its properties:
/// `{name, label, range, zero_centered, monotonic, smooth, saturates, cost,
///   elementwise, color, param?: {name, default, min, max, step}}`.
#[wasm_bindgen]
pub fn activations() -> Array {
    Kind::ALL
        .into_iter()
        .map(|kind| {
            let p = kind.properties();
            let entry = Object::new();
            set(&entry, "name", kind.name());
            set(&entry, "label", p.label);
            set(&entry, "range", p.range);
            set(&entry, "zero_centered", p.zero_centered);
            set(&entry, "monotonic", p.monotonic);
            set(&entry, "smooth", p.smooth);
            set(&entry, "saturates", p.saturates.describe());
            set(&entry, "cost", p.cost.describe());
            set(&entry, "elementwise", kind.is_elementwise());
            set(&entry, "color", hex(color_of(kind)));
            if let Some(spec) = kind.param() {
                let param = Object::new();
                set(&param, "name", spec.name);
                set(&param, "default", spec.default);
                set(&param, "min", spec.min);
                set(&param, "max", spec.max);
                set(&param, "step", spec.step);
                set(&entry, "param", param);
            }
            JsValue::from(entry)
        })
        .collect()
}

/// Builds the element-wise activation named `name` with optional `param`.
fn activation_from(name_value: &JsValue, param: &JsValue) -> Result<Activation, JsError> {
    let name = name(name_value, "name")?;
    let param = optional_finite(param, "param")?;
    Activation::parse(&name, param).map_err(|e| JsError::new(&e.to_string()))
}

/// f(x) element-wise: `activate(name, xs, param?) -> Float64Array`.
#[wasm_bindgen]
pub fn activate(name: JsValue, xs: JsValue, param: JsValue) -> Result<Vec<f64>, JsError> {
    let activation = activation_from(&name, &param)?;
    let xs = finite_numbers(&xs, "xs")?;
    let mut out = vec![0.0; xs.len()];
    activation.apply(&xs, &mut out);
    Ok(out)
}

/// f'(x) element-wise, with respect to x: `derivative(name, xs, param?) -> Float64Array`.
#[wasm_bindgen]
pub fn derivative(name: JsValue, xs: JsValue, param: JsValue) -> Result<Vec<f64>, JsError> {
    let activation = activation_from(&name, &param)?;
    let xs = finite_numbers(&xs, "xs")?;
    let mut out = vec![0.0; xs.len()];
    activation.apply_derivative(&xs, &mut out);
    Ok(out)
}

/// Probabilities of `logits / temperature` (default 1): `softmax(logits, temperature?)`.
#[wasm_bindgen]
pub fn softmax(logits: JsValue, temperature: JsValue) -> Result<Vec<f64>, JsError> {
    let logits = finite_numbers(&logits, "logits")?;
    let temperature = optional_finite(&temperature, "temperature")?.unwrap_or(1.0);
    activation::softmax(&logits, temperature).map_err(|e| JsError::new(&e.to_string()))
}

/// The training view's datasets: `[{name, label, classes}]` (classes 0 = regression).
#[wasm_bindgen]
pub fn datasets() -> Array {
    DatasetKind::ALL
        .into_iter()
        .map(|kind| {
            let entry = Object::new();
            set(&entry, "name", kind.name());
            set(&entry, "label", kind.label());
            set(&entry, "classes", kind.classes() as u32);
            JsValue::from(entry)
        })
        .collect()
}
