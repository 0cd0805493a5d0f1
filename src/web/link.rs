//! Links (docs/js-api.md, "Links"): `read_link` turns a fragment into the
//! controls' values and the problems to show; `write_link` gives a
//! fragment's canonical form. Both call the core's `config` parser, as does
//! `common::strict`, which the doors that build a run or a race use.

use super::common::convert::text;
use super::common::fields::{list, maybe, Fields};
use crate::config::{
    parse_link, plain_values, write_link as write, HiddenLayer, LinkProblem, LinkState, Panel,
    Plain, RaceState,
};
use crate::race::{Contestant, Target};
use js_sys::Array;
use wasm_bindgen::prelude::*;

fn numbers(values: &[f64]) -> Array {
    list(values.iter().copied())
}

fn names<T: Copy>(values: &[T], name: impl Fn(T) -> &'static str) -> Array {
    list(values.iter().map(|&v| name(v)))
}

fn panel(panel: Option<Panel>) -> JsValue {
    maybe(panel.map(Panel::name))
}

fn layer(layer: &HiddenLayer) -> Fields {
    Fields::new()
        .with("units", layer.units as u32)
        .with("activation", layer.activation.name())
        .with("param", maybe(layer.param))
}

/// The state as the controls show it, keyed by link key: every plain
/// setting as the catalogue writes it (`plain_values`; noise and split in
/// percent), then the structured ones, each in its own form.
fn controls(state: &LinkState) -> Fields {
    let (t, e, s) = (&state.training, &state.explorer, &state.softmax);
    let out = Fields::new();
    for (key, value) in plain_values(state) {
        match value {
            Plain::Number(x) => out.set(key, x),
            Plain::Name(name) => out.set(key, name.as_str()),
            Plain::Flag(on) => out.set(key, on),
        }
    }
    out.set("embed", panel(state.embed));
    out.set("view", panel(state.view));
    out.set("panels", names(&state.panels, Panel::name));
    out.set("data_seed", maybe(t.data_seed.map(|s| s as f64)));
    out.set("points", crate::data::code::encode(&t.custom));
    out.set("layers", list(t.hidden.iter().map(layer)));
    out.set("features", t.features.to_string());
    out.set("edits", crate::config::write_edits(&t.edits));
    out.set("curves", names(&e.curves, |k| k.name()));
    out.set("maxout", numbers(&e.maxout));
    out.set("logits", numbers(&s.logits));
    race(&out, &state.race);
    teacher(&out, state);
    out
}

/// The race's contestants `[{activation, param}]` and its target `{measure, value}`.
fn race(out: &Fields, race: &RaceState) {
    let contestant = |c: &Contestant| {
        Fields::new()
            .with("activation", c.activation.name())
            .with("param", maybe(c.param))
    };
    let (measure, value) = match race.target {
        Target::Loss(loss) => ("loss", loss),
        Target::Accuracy(percent) => ("accuracy", f64::from(percent)),
    };
    let target = Fields::new().with("measure", measure).with("value", value);
    out.set("race", list(race.contestants.iter().map(contestant)));
    out.set("target", target);
}

/// A teacher's `hide` and `lock`, as arrays of setting keys.
fn teacher(out: &Fields, state: &LinkState) {
    let t = &state.teacher;
    out.set("hide", names(&t.hide, |k| k));
    out.set("lock", names(&t.lock, |k| k));
}

/// Reads a link's fragment: `{state, problems}`, where `state` holds every
/// key's value (defaults where the link is silent or wrong) and `problems`
/// is `[{key, message}]`, one per key that could not be used. Throws only
/// when `fragment` is not a string.
#[wasm_bindgen]
pub fn read_link(fragment: JsValue) -> Result<JsValue, JsError> {
    let (state, problems) = parse_link(&text(&fragment, "fragment")?);
    let problem = |p: &LinkProblem| {
        Fields::new()
            .with("key", p.key.as_str())
            .with("message", p.to_string())
    };
    let problems = list(problems.iter().map(problem));
    Ok(Fields::new()
        .with("state", controls(&state))
        .with("problems", problems)
        .into())
}

/// The canonical fragment (no `#`) of what `fragment` says: keys in a fixed
/// order, defaults and unusable keys left out.
#[wasm_bindgen]
pub fn write_link(fragment: JsValue) -> Result<String, JsError> {
    Ok(write(&parse_link(&text(&fragment, "fragment")?).0))
}
