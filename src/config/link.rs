//! A shareable link: the whole page's state as a URL fragment
//! `#key=value&key=value`, read leniently (every bad key is reported and
//! falls back to its default; the rest still applies) and written
//! canonically (defaults left out), so that `parse_link(&write_link(s)).0 == s`.

use super::fragment::{self, quote};
use super::keys;
use super::problem::LinkProblem;
use super::state::LinkState;
use super::{data_keys, teacher_keys, view_keys};

/// Reads a link's fragment (with or without `#`). Never fails: every key
/// that cannot be used is reported, keeps its default, and the rest apply.
pub fn parse_link(fragment: &str) -> (LinkState, Vec<LinkProblem>) {
    let (pairs, mut problems) = fragment::pairs(fragment);
    let mut state = LinkState::default();
    for problem in &mut problems {
        if let Some(key) = keys::all().find(|k| k.name == problem.key) {
            let accepts = key.accepts(&state);
            problem.problem.push_str(&format!("; it accepts {accepts}"));
        }
    }
    for pair in &pairs {
        let playground = teacher_keys::is_playground_hide(&pair.key);
        if !playground && !keys::all().any(|key| key.name == pair.key) {
            problems.push(LinkProblem::new(
                quote(&pair.key),
                format!("is not a key nnplay knows; {}", keys::suggest(&pair.key)),
            ));
        }
    }
    let mut given = Vec::new();
    for key in keys::all() {
        let Some(pair) = pairs.iter().find(|p| p.key == key.name) else {
            continue;
        };
        if (key.read)(&mut state, &pair.value).is_some() {
            given.push(key.name);
        } else {
            problems.push(LinkProblem::new(
                key.name,
                format!(
                    "accepts {}; got \"{}\"",
                    key.accepts(&state),
                    quote(&pair.value)
                ),
            ));
        }
    }
    for pair in pairs
        .iter()
        .filter(|p| teacher_keys::is_playground_hide(&p.key))
    {
        if let Err(problem) = teacher_keys::read_playground_hide(&mut state, &pair.key, &pair.value)
        {
            problems.push(problem);
        }
    }
    problems.extend(view_keys::cross_check(&mut state, &given));
    problems.extend(data_keys::cross_check(&mut state));
    (state, problems)
}

/// Writes `state` as a fragment without the `#`, keys in a fixed order and
/// those at their defaults left out (the default state is the empty string).
pub fn write_link(state: &LinkState) -> String {
    let default = LinkState::default();
    keys::all()
        .filter_map(|key| {
            let value = (key.write)(state);
            (value != (key.write)(&default)).then(|| format!("{}={value}", key.name))
        })
        .collect::<Vec<_>>()
        .join("&")
}
