//! The keys a teacher writes into an embedded link: the settings to hide
//! (`hide`) or show but freeze (`lock`), a `compact` layout, `autoplay` and
//! `fit` (the panel fills its frame). TensorFlow Playground's
//! `<name>_hide=true` keys are read too, as `hide` of the matching setting.

use super::key::{none, Key};
use super::problem::LinkProblem;
use super::setting::Values;
use super::state::LinkState;
use super::teacher_state::HIDEABLE;
use super::values::{self, name_set};

/// TensorFlow Playground's hideable controls and the nnplay key of each
/// (`None`: nnplay has no such setting).
const PLAYGROUND_HIDE: &[(&str, Option<&str>)] = &[
    ("showTestData", Some("test")),
    ("discretize", Some("discrete")),
    ("playButton", None),
    ("stepButton", None),
    ("resetButton", None),
    ("learningRate", Some("lr")),
    ("activation", Some("activation")),
    ("regularization", Some("reg")),
    ("regularizationRate", Some("reg_rate")),
    ("problem", None),
    ("dataset", Some("data")),
    ("percTrainData", Some("split")),
    ("noise", Some("noise")),
    ("batchSize", Some("batch")),
    ("numHiddenLayers", Some("layers")),
];

/// The suffix of TensorFlow Playground's hide keys.
const HIDE_SUFFIX: &str = "_hide";

fn hideable_names() -> String {
    HIDEABLE.join(", ")
}

fn key_set(text: &str) -> Option<Vec<&'static str>> {
    name_set(text, HIDEABLE, |k| k)
}

fn key_list() -> Values {
    Values::Text(format!(
        "a comma-separated list of distinct setting keys from {} (empty for none)",
        hideable_names()
    ))
}

/// The teacher's keys, written after every setting.
pub const KEYS: &[Key] = &[
    Key {
        name: "hide",
        label: "",
        values: |_| key_list(),
        note: none,
        help: "Settings whose controls an embed hides.",
        read: |s, v| key_set(v).map(|x| s.teacher.hide = x),
        write: |s| values::names(&s.teacher.hide, |k| k),
    },
    Key {
        name: "lock",
        label: "",
        values: |_| key_list(),
        note: none,
        help: "Settings whose controls an embed shows but freezes.",
        read: |s, v| key_set(v).map(|x| s.teacher.lock = x),
        write: |s| values::names(&s.teacher.lock, |k| k),
    },
    Key {
        name: "compact",
        label: "",
        values: |_| Values::Flag {
            off: "the usual layout",
            on: "a compact one, for small frames",
        },
        note: none,
        help: "A tighter layout for small frames.",
        read: |s, v| Values::read_flag(v).map(|x| s.teacher.compact = x),
        write: |s| u8::from(s.teacher.compact).to_string(),
    },
    Key {
        name: "autoplay",
        label: "",
        values: |_| Values::Flag {
            off: "wait for Play",
            on: "start playing on opening",
        },
        note: none,
        help: "Start playing as soon as the page opens.",
        read: |s, v| Values::read_flag(v).map(|x| s.teacher.autoplay = x),
        write: |s| u8::from(s.teacher.autoplay).to_string(),
    },
    Key {
        name: "fit",
        label: "",
        values: |_| Values::Flag {
            off: "the panel's own size",
            on: "the panel fills its frame",
        },
        note: none,
        help: "The embedded panel fills its frame.",
        read: |s, v| Values::read_flag(v).map(|x| s.teacher.fit = x),
        write: |s| u8::from(s.teacher.fit).to_string(),
    },
];

/// Whether `key` is one of TensorFlow Playground's hide keys (`<name>_hide`).
pub fn is_playground_hide(key: &str) -> bool {
    key.len() > HIDE_SUFFIX.len() && key.ends_with(HIDE_SUFFIX)
}

/// Reads TensorFlow Playground's `<name>_hide=value`: `true` hides the
/// matching nnplay setting, `false` leaves it shown; a name nnplay has no
/// setting for, or another value, is a problem (the key is not used).
pub fn read_playground_hide(
    state: &mut LinkState,
    key: &str,
    value: &str,
) -> Result<(), LinkProblem> {
    let name = &key[..key.len() - HIDE_SUFFIX.len()];
    let problem = |text: String| LinkProblem::new(super::fragment::quote(key), text);
    let Some(&(_, ours)) = PLAYGROUND_HIDE.iter().find(|(tfp, _)| *tfp == name) else {
        return Err(problem(format!(
            "is not a key nnplay knows; hide settings with hide=key,key (of TensorFlow \
             Playground's _hide keys nnplay reads {})",
            playground_names()
        )));
    };
    let Some(ours) = ours else {
        return Err(problem(format!(
            "is TensorFlow Playground's; nnplay has no {name} control to hide"
        )));
    };
    match value {
        "true" => {
            if !state.teacher.hide.contains(&ours) {
                state.teacher.hide.push(ours);
                let hide = &mut state.teacher.hide;
                *hide = HIDEABLE
                    .iter()
                    .copied()
                    .filter(|k| hide.contains(k))
                    .collect();
            }
            Ok(())
        }
        "false" => Ok(()),
        other => Err(problem(format!(
            "accepts true (hide {ours}) or false; got \"{}\"",
            super::fragment::quote(other)
        ))),
    }
}

/// The TensorFlow Playground names that have an nnplay setting.
fn playground_names() -> String {
    let names = PLAYGROUND_HIDE.iter().filter(|(_, ours)| ours.is_some());
    names.map(|(tfp, _)| *tfp).collect::<Vec<_>>().join(", ")
}
