//! Shareable links at the JS boundary: `read_link` turns a fragment into the
//! controls' values and the problems to show; `write_link` gives a
//! fragment's canonical form. Both call the core's `config` parser.

use super::convert::text;
use crate::config::{parse_link, write_link as write, HiddenLayer, LinkState, Panel};
use js_sys::{Array, Object, Reflect};
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

fn set(object: &Object, key: &str, value: impl Into<JsValue>) {
    // Setting a plain data property on a fresh object cannot fail.
    let _ = Reflect::set(object, &key.into(), &value.into());
}

fn numbers(values: &[f64]) -> Array {
    values.iter().map(|&x| JsValue::from_f64(x)).collect()
}

fn names<T: Copy>(values: &[T], name: impl Fn(T) -> &'static str) -> Array {
    values.iter().map(|&v| JsValue::from_str(name(v))).collect()
}

fn panel(panel: Option<Panel>) -> JsValue {
    panel.map_or(JsValue::NULL, |p| p.name().into())
}

fn layer(layer: &HiddenLayer) -> JsValue {
    let entry = Object::new();
    set(&entry, "units", layer.units as u32);
    set(&entry, "activation", layer.activation.name());
    set(
        &entry,
        "param",
        layer.param.map_or(JsValue::NULL, JsValue::from_f64),
    );
    entry.into()
}

/// The state as the controls show it, keyed by link key (noise and split in percent).
fn controls(state: &LinkState) -> Object {
    let (t, e, s) = (&state.training, &state.explorer, &state.softmax);
    let out = Object::new();
    set(&out, "embed", panel(state.embed));
    set(&out, "view", panel(state.view));
    set(&out, "panels", names(&state.panels, Panel::name));
    set(&out, "theme", state.theme.name());
    set(&out, "data", t.dataset.name());
    set(&out, "noise", (t.noise * 100.0).round());
    set(&out, "split", (t.train_fraction * 100.0).round());
    set(&out, "seed", t.seed as f64);
    let data_seed = t.data_seed.map_or(JsValue::NULL, |s| (s as f64).into());
    set(&out, "data_seed", data_seed);
    set(&out, "points", crate::data::code::encode(&t.custom));
    set(&out, "test", state.show_test);
    set(&out, "discrete", state.discrete);
    set(
        &out,
        "layers",
        t.hidden.iter().map(layer).collect::<Array>(),
    );
    set(&out, "lr", t.learning_rate);
    set(&out, "batch", t.batch_size as u32);
    super::playground::tuning::link_controls(&out, t);
    set(&out, "features", t.features.to_string());
    set(&out, "edits", crate::config::write_edits(&t.edits));
    set(&out, "steps", state.steps as f64);
    set(&out, "curves", names(&e.curves, |k| k.name()));
    set(&out, "xmin", e.x_min);
    set(&out, "xmax", e.x_max);
    set(&out, "leaky", e.leaky_alpha);
    set(&out, "prelu", e.prelu_slope);
    set(&out, "elu", e.elu_alpha);
    set(&out, "maxout", numbers(&e.maxout));
    set(&out, "x", e.cursor);
    set(&out, "logits", numbers(&s.logits));
    set(&out, "t", s.temperature);
    super::race::link_controls(&out, &state.race);
    teacher(&out, state);
    out
}

/// A teacher's keys: `hide` and `lock` as arrays of setting keys, and the
/// `compact`, `autoplay` and `fit` flags.
fn teacher(out: &Object, state: &LinkState) {
    let t = &state.teacher;
    set(out, "hide", names(&t.hide, |k| k));
    set(out, "lock", names(&t.lock, |k| k));
    set(out, "compact", t.compact);
    set(out, "autoplay", t.autoplay);
    set(out, "fit", t.fit);
}

/// Reads a link's fragment: `{state, problems}`, where `state` holds every
/// key's value (defaults where the link is silent or wrong) and `problems`
/// is `[{key, message}]`, one per key that could not be used. Throws only
/// when `fragment` is not a string.
#[wasm_bindgen]
pub fn read_link(fragment: JsValue) -> Result<JsValue, JsError> {
    let (state, problems) = parse_link(&text(&fragment, "fragment")?);
    let problems: Array = problems
        .iter()
        .map(|p| {
            let entry = Object::new();
            set(&entry, "key", p.key.as_str());
            set(&entry, "message", p.to_string());
            JsValue::from(entry)
        })
        .collect();
    let out = Object::new();
    set(&out, "state", controls(&state));
    set(&out, "problems", problems);
    Ok(out.into())
}

/// The canonical fragment (no `#`) of what `fragment` says: keys in a fixed
/// order, defaults and unusable keys left out.
#[wasm_bindgen]
pub fn write_link(fragment: JsValue) -> Result<String, JsError> {
    Ok(write(&parse_link(&text(&fragment, "fragment")?).0))
}
