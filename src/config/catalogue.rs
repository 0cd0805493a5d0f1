//! The settings catalogue: every link key with the label of its control,
//! the values it takes, its default and a line of help, as the page builds
//! its controls from it and `docs/link-keys.md` lists it.

use super::key::Key;
use super::setting::{Choice, Values};
use super::state::LinkState;
use super::{data_keys, keys, optimizer_keys, race_keys, view_keys};
use crate::json::Json;

/// One setting a link may carry.
#[derive(Clone, Debug, PartialEq)]
pub struct Setting {
    /// Its link key.
    pub key: &'static str,
    /// The accessible name of its control on the page; empty when it has none.
    pub label: &'static str,
    /// The values it takes (in the default state, where they depend on others).
    pub values: Values,
    /// Its value in a link at the default state, or its standard value where
    /// that depends on another choice (momentum's 0.9); empty when it has none.
    pub default: String,
    /// What it accepts, in words, as a link's notice says it.
    pub accepts: String,
    /// One line of help.
    pub help: &'static str,
    /// The named parts of a structured value, each with its values
    /// (`layers`: how many, units, pieces); empty for the others.
    pub parts: Vec<(&'static str, Values)>,
}

/// Every setting, in the order links write them.
pub fn settings() -> Vec<Setting> {
    let state = LinkState::default();
    keys::all().map(|key| setting(key, &state)).collect()
}

/// The settings of the first view's controls (`keys::first_view`: the
/// theme, the explorer's and softmax's keys), in the order of `settings()`.
pub fn first_view_settings() -> Vec<Setting> {
    let state = LinkState::default();
    keys::first_view().map(|key| setting(key, &state)).collect()
}

/// Every setting as JSON text, in the fields `settings()` gives JavaScript
/// (docs/js-api.md, "Settings"): the full module's `settings()` hands the
/// page this text parsed.
pub fn settings_json() -> String {
    catalogue_json(&settings())
}

/// `first_view_settings()` as the same JSON text: the explorer-first module
/// holds it as a file (src/web/first_view_settings.json, written by
/// `cargo run --example first_view_settings`), since building the catalogue
/// in that module would cost it 30 kB of gzip wasm (docs/performance.md).
pub fn first_view_settings_json() -> String {
    format!("{}\n", catalogue_json(&first_view_settings()))
}

fn catalogue_json(settings: &[Setting]) -> String {
    Json::Array(settings.iter().map(setting_json).collect()).to_string()
}

fn setting_json(s: &Setting) -> Json {
    let mut fields = vec![("key", Json::from(s.key)), ("label", s.label.into())];
    fields.extend(values_json(&s.values));
    fields.extend([
        ("default", s.default.as_str().into()),
        ("accepts", s.accepts.as_str().into()),
        ("help", s.help.into()),
    ]);
    let part = |(name, values): &(&str, Values)| {
        let mut entry = vec![("name", Json::from(*name))];
        entry.extend(values_json(values));
        object(entry)
    };
    fields.push(("parts", Json::Array(s.parts.iter().map(part).collect())));
    object(fields)
}

fn object(fields: Vec<(&str, Json)>) -> Json {
    Json::Object(fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

/// A setting's values as `settings()` gives them: `kind` and what that kind has.
fn values_json(values: &Values) -> Vec<(&'static str, Json)> {
    match values {
        Values::Number {
            min,
            max,
            min_open,
            max_open,
            step,
            presets,
        } => vec![
            ("kind", "number".into()),
            ("min", (*min).into()),
            ("max", (*max).into()),
            ("min_open", (*min_open).into()),
            ("max_open", (*max_open).into()),
            ("step", (*step).into()),
            ("presets", presets.clone().into()),
        ],
        Values::Whole {
            min,
            max,
            step,
            unit,
        } => vec![
            ("kind", "whole".into()),
            ("min", (*min as f64).into()),
            ("max", (*max as f64).into()),
            ("step", (*step as f64).into()),
            ("unit", (*unit).into()),
        ],
        Values::Choice(choices) => {
            let choice = |c: &Choice| {
                Json::object([
                    ("name", c.name.into()),
                    ("label", c.label.into()),
                    ("help", c.help.into()),
                ])
            };
            vec![
                ("kind", "choice".into()),
                ("choices", Json::Array(choices.iter().map(choice).collect())),
            ]
        }
        Values::Flag { off, on } => vec![
            ("kind", "flag".into()),
            ("off", (*off).into()),
            ("on", (*on).into()),
        ],
        Values::Text(_) => vec![("kind", "text".into())],
    }
}

fn setting(key: &Key, state: &LinkState) -> Setting {
    Setting {
        key: key.name,
        label: key.label,
        values: (key.values)(state),
        default: Some((key.write)(state))
            .filter(|value| !value.is_empty())
            .or_else(|| optimizer_keys::standard(key.name))
            .unwrap_or_default(),
        accepts: key.accepts(state),
        help: key.help,
        parts: keys::parts(key.name)
            .or_else(|| view_keys::parts(key.name))
            .or_else(|| race_keys::parts(key.name))
            .or_else(|| data_keys::parts(key.name))
            .unwrap_or_default(),
    }
}

/// A plain setting's value as its control shows it.
#[derive(Clone, Debug, PartialEq)]
pub enum Plain {
    Number(f64),
    /// A choice's name.
    Name(String),
    Flag(bool),
}

/// Each plain setting's value in `state` (a number, a choice or a flag), as
/// the catalogue writes it; a hyper-parameter its choice lacks shows its
/// standard value, for the control that waits hidden. Settings of a grammar
/// of their own, and those with nothing to write (no panel embedded), are
/// left to their owners.
pub fn plain_values(state: &LinkState) -> Vec<(&'static str, Plain)> {
    let value = |key: &Key| {
        let written = Some((key.write)(state))
            .filter(|value| !value.is_empty())
            .or_else(|| optimizer_keys::standard(key.name))?;
        match (key.values)(state) {
            Values::Number { .. } | Values::Whole { .. } => written.parse().ok().map(Plain::Number),
            Values::Choice(_) => Some(Plain::Name(written)),
            Values::Flag { .. } => Some(Plain::Flag(written == "1")),
            Values::Text(_) => None,
        }
    };
    keys::all()
        .filter_map(|key| Some((key.name, value(key)?)))
        .collect()
}
