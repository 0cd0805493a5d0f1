//! Links (docs/js-api.md, "Links"): `read_link` turns a fragment into the
//! controls' values and the problems to show; `write_link` gives a
//! fragment's canonical form. Both call the core's `config` parser, and so
//! does `strict_link`, which the doors that build a run or a race use.

use super::common::convert::text;
use super::common::fields::{list, maybe, Fields};
use crate::config::{
    parse_link, write_link as write, HiddenLayer, LinkProblem, LinkState, Panel, PlaygroundConfig,
    RaceState,
};
use crate::race::{Contestant, Target};
use crate::train::{self, Optimizer};
use js_sys::Array;
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

/// The state as the controls show it, keyed by link key (noise and split in percent).
fn controls(state: &LinkState) -> Fields {
    let (t, e, s) = (&state.training, &state.explorer, &state.softmax);
    let out = Fields::new()
        .with("embed", panel(state.embed))
        .with("view", panel(state.view))
        .with("panels", names(&state.panels, Panel::name))
        .with("theme", state.theme.name())
        .with("data", t.dataset.name())
        .with("noise", (t.noise * 100.0).round())
        .with("split", (t.train_fraction * 100.0).round())
        .with("seed", t.seed as f64)
        .with("data_seed", maybe(t.data_seed.map(|s| s as f64)))
        .with("points", crate::data::code::encode(&t.custom))
        .with("test", state.show_test)
        .with("discrete", state.discrete)
        .with("layers", list(t.hidden.iter().map(layer)))
        .with("lr", t.learning_rate)
        .with("batch", t.batch_size as u32);
    tuning(&out, t);
    out.set("features", t.features.to_string());
    out.set("edits", crate::config::write_edits(&t.edits));
    out.set("steps", state.steps as f64);
    out.set("curves", names(&e.curves, |k| k.name()));
    out.set("xmin", e.x_min);
    out.set("xmax", e.x_max);
    out.set("leaky", e.leaky_alpha);
    out.set("prelu", e.prelu_slope);
    out.set("elu", e.elu_alpha);
    out.set("maxout", numbers(&e.maxout));
    out.set("x", e.cursor);
    out.set("logits", numbers(&s.logits));
    out.set("t", s.temperature);
    race(&out, &state.race);
    teacher(&out, state);
    out
}

/// The tuning controls' values: `opt`, `momentum`, `rho`, `beta1`, `beta2`,
/// `eps`, `schedule`, `lr_every`, `lr_factor`, `reg`, `reg_rate`. A
/// hyper-parameter the choice lacks is reported at its default, for the
/// control that waits hidden.
fn tuning(out: &Fields, t: &PlaygroundConfig) {
    let o = t.optimizer;
    out.set("opt", o.name());
    out.set("momentum", o.momentum().unwrap_or(train::DEFAULT_MOMENTUM));
    let (rho, beta1, beta2) = match o {
        Optimizer::RmsProp { decay, .. } => (decay, train::DEFAULT_BETA1, train::DEFAULT_BETA2),
        Optimizer::Adam { beta1, beta2, .. } => (train::DEFAULT_DECAY, beta1, beta2),
        _ => (
            train::DEFAULT_DECAY,
            train::DEFAULT_BETA1,
            train::DEFAULT_BETA2,
        ),
    };
    out.set("rho", rho);
    out.set("beta1", beta1);
    out.set("beta2", beta2);
    out.set("eps", o.epsilon().unwrap_or(train::DEFAULT_EPSILON));
    out.set("schedule", t.schedule.name());
    let (every, factor) = t
        .schedule
        .decay()
        .unwrap_or((train::DEFAULT_EVERY, train::DEFAULT_FACTOR));
    out.set("lr_every", every as f64);
    out.set("lr_factor", factor);
    let regularization = t.regularization;
    out.set("reg", regularization.name());
    let rate = regularization.rate().unwrap_or(train::DEFAULT_RATE);
    out.set("reg_rate", rate);
}

/// The race's controls: `race` [{activation, param}], `target` {measure,
/// value}, `seeds`, `race_steps`.
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
    out.set("seeds", race.seeds as u32);
    out.set("race_steps", race.steps as f64);
}

/// A teacher's keys: `hide` and `lock` as arrays of setting keys, and the
/// `compact`, `autoplay` and `fit` flags.
fn teacher(out: &Fields, state: &LinkState) {
    let t = &state.teacher;
    out.set("hide", names(&t.hide, |k| k));
    out.set("lock", names(&t.lock, |k| k));
    out.set("compact", t.compact);
    out.set("autoplay", t.autoplay);
    out.set("fit", t.fit);
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
