//! The activations (docs/js-api.md, "Activations"): `activations`,
//! `activate`, `derivative`, `softmax` and `time_per_evaluation`. Each
//! converts, calls the core and maps errors.

use super::common::convert::{finite_numbers, name, optional_finite};
use super::common::fields::{list, Fields};
use crate::activation::{self, maxout_apply, Activation, Kind, Piece};
use crate::plot::{color_of, hex};
use js_sys::Array;
use wasm_bindgen::prelude::*;

/// Every activation of the notes with its properties:
/// `{name, label, range, zero_centered, monotonic, smooth, saturates, cost,
///   elementwise, color, param?: {name, default, min, max, step}}`.
#[wasm_bindgen]
pub fn activations() -> Array {
    list(Kind::ALL.into_iter().map(|kind| {
        let p = kind.properties();
        let entry = Fields::new()
            .with("name", kind.name())
            .with("label", p.label)
            .with("range", p.range)
            .with("zero_centered", p.zero_centered)
            .with("monotonic", p.monotonic)
            .with("smooth", p.smooth)
            .with("saturates", p.saturates.describe())
            .with("cost", p.cost.describe())
            .with("elementwise", kind.is_elementwise())
            .with("color", hex(color_of(kind)));
        if let Some(spec) = kind.param() {
            let param = Fields::new()
                .with("name", spec.name)
                .with("default", spec.default)
                .with("min", spec.min)
                .with("max", spec.max)
                .with("step", spec.step);
            entry.set("param", param);
        }
        entry
    }))
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

/// Nanoseconds per evaluation of f for `name` (or `"maxout"`, two pieces),
/// timed in this browser over `count` points spread across [−10, 10].
#[wasm_bindgen]
pub fn time_per_evaluation(
    name_value: JsValue,
    param: JsValue,
    count: u32,
) -> Result<f64, JsError> {
    let name = name(&name_value, "name")?;
    let count = count.clamp(1000, 10_000_000) as usize;
    let xs: Vec<f64> = (0..count)
        .map(|i| -10.0 + 20.0 * i as f64 / count as f64)
        .collect();
    if name == "maxout" {
        let pieces = [Piece { w: 1.0, b: 0.0 }, Piece { w: 0.01, b: 0.0 }];
        return time(&xs, |xs, out| maxout_apply(&pieces, xs, out));
    }
    let activation = Activation::parse(&name, optional_finite(&param, "param")?)
        .map_err(|e| JsError::new(&e.to_string()))?;
    time(&xs, |xs, out| activation.apply(xs, out))
}

/// Times one pass of `run` over `xs` after a short warm-up; ns per element.
fn time(xs: &[f64], run: impl Fn(&[f64], &mut [f64])) -> Result<f64, JsError> {
    let performance = web_sys::window()
        .and_then(|w| w.performance())
        .ok_or_else(|| JsError::new("no performance timer in this context"))?;
    let mut out = vec![0.0; xs.len()];
    let warm = xs.len() / 10;
    run(&xs[..warm], &mut out[..warm]);
    let start = performance.now();
    run(xs, &mut out);
    let elapsed_ms = performance.now() - start;
    std::hint::black_box(&out);
    Ok(elapsed_ms * 1e6 / xs.len() as f64)
}
