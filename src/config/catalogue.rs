//! The settings catalogue: every link key with the label of its control,
//! the values it takes, its default and a line of help, as the page builds
//! its controls from it and `docs/link-keys.md` lists it.

use super::key::Key;
use super::setting::Values;
use super::state::LinkState;
use super::{data_keys, keys, optimizer_keys, race_keys, view_keys};

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
