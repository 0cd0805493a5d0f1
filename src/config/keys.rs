//! Every key a link may carry: its name, what it accepts, how it is read
//! into the state and written back. docs/link-keys.md lists the same.

use super::layers::{hidden_names, layers_accepts, read_layer, write_layer};
use super::link::{LinkState, Panel, MAX_STEPS};
use super::theme::ColorTheme;
use super::values::{self, list, name_set, number, number_in, whole_in};
use super::view_keys;
use super::LEARNING_RATE;
use crate::activation::Kind;
use crate::data::{self, DatasetKind};
use crate::network::HIDDEN_LAYERS;

/// One key: `read` returns `None` (leaving the state as it was) when the
/// value is not one `accepts` describes.
pub struct Key {
    pub name: &'static str,
    pub accepts: fn(&LinkState) -> String,
    pub read: fn(&mut LinkState, &str) -> Option<()>,
    pub write: fn(&LinkState) -> String,
}

/// Seeds a JavaScript number holds exactly.
pub(super) const SEED_MAX: u64 = (1 << 53) - 1;

/// Every key, in the order links write them: the page's, the training
/// view's, the explorer's and softmax's, then the race's.
pub fn all() -> impl Iterator<Item = &'static Key> {
    KEYS.iter()
        .chain(super::optimizer_keys::all())
        .chain(super::data_keys::KEYS)
        .chain(super::feature_keys::KEYS)
        .chain(view_keys::KEYS)
        .chain(super::race_keys::KEYS)
}

/// The page's and the training view's keys.
const KEYS: &[Key] = &[
    Key {
        name: "embed",
        accepts: |_| format!("one of {}", panel_names()),
        read: |s, v| optional_panel(v).map(|x| s.embed = x),
        write: |s| s.embed.map_or("", Panel::name).into(),
    },
    Key {
        name: "view",
        accepts: |_| format!("one of {}", panel_names()),
        read: |s, v| optional_panel(v).map(|x| s.view = x),
        write: |s| s.view.map_or("", Panel::name).into(),
    },
    Key {
        name: "panels",
        accepts: |_| {
            format!(
                "a comma-separated list of distinct panels from {} (empty for none)",
                panel_names()
            )
        },
        read: |s, v| name_set(v, &Panel::ALL, Panel::name).map(|x| s.panels = x),
        write: |s| values::names(&s.panels, Panel::name),
    },
    Key {
        name: "theme",
        accepts: |_| format!("one of {}", ColorTheme::names()),
        read: |s, v| v.parse().ok().map(|x| s.theme = x),
        write: |s| s.theme.name().into(),
    },
    Key {
        name: "data",
        accepts: |_| format!("one of {}", data::accepted_names()),
        read: |s, v| {
            v.parse::<DatasetKind>()
                .ok()
                .map(|x| s.training.dataset = x)
        },
        write: |s| s.training.dataset.name().into(),
    },
    Key {
        name: "noise",
        accepts: |_| "a whole percentage from 0 to 50 in steps of 5".into(),
        read: |s, v| percent(v, 0, 50, 5).map(|x| s.training.noise = x),
        write: |s| write_percent(s.training.noise),
    },
    Key {
        name: "split",
        accepts: |_| "a whole percentage of training data from 10 to 90 in steps of 10".into(),
        read: |s, v| percent(v, 10, 90, 10).map(|x| s.training.train_fraction = x),
        write: |s| write_percent(s.training.train_fraction),
    },
    Key {
        name: "seed",
        accepts: |_| format!("a whole number from 0 to {SEED_MAX}"),
        read: |s, v| whole_in(v, &(0..=SEED_MAX)).map(|x| s.training.seed = x),
        write: |s| s.training.seed.to_string(),
    },
    Key {
        name: "test",
        accepts: |_| "0 (hide the test data) or 1 (show it)".into(),
        read: |s, v| {
            match v {
                "0" => Some(false),
                "1" => Some(true),
                _ => None,
            }
            .map(|x| s.show_test = x)
        },
        write: |s| u8::from(s.show_test).to_string(),
    },
    Key {
        name: "discrete",
        accepts: |_| "0 (blended confidence) or 1 (hard regions: discretized output)".into(),
        read: |s, v| {
            match v {
                "0" => Some(false),
                "1" => Some(true),
                _ => None,
            }
            .map(|x| s.discrete = x)
        },
        write: |s| u8::from(s.discrete).to_string(),
    },
    Key {
        name: "layers",
        accepts: |_| layers_accepts(),
        read: |s, v| list(v, &HIDDEN_LAYERS, read_layer).map(|x| s.training.hidden = x),
        write: |s| {
            s.training
                .hidden
                .iter()
                .map(write_layer)
                .collect::<Vec<_>>()
                .join(",")
        },
    },
    Key {
        // A shorthand, as the page's Activation menu: every hidden layer gets
        // this activation. Links are written with `layers`, never with it.
        name: "activation",
        accepts: |_| {
            format!(
                "an activation for every hidden layer, one of {}",
                hidden_names()
            )
        },
        read: |s, v| {
            let kind = v.parse::<Kind>().ok().filter(|&k| k != Kind::Softmax)?;
            for layer in &mut s.training.hidden {
                (layer.activation, layer.param) = (kind, None);
            }
            Some(())
        },
        write: |_| String::new(),
    },
    Key {
        name: "lr",
        accepts: |_| "a number from 0.00001 to 10".into(),
        read: |s, v| number_in(v, &LEARNING_RATE).map(|x| s.training.learning_rate = x),
        write: |s| number(s.training.learning_rate),
    },
    Key {
        name: "batch",
        accepts: |s| {
            format!(
                "a whole number from 1 to {}, the training set's size",
                train_size(s)
            )
        },
        read: |s, v| {
            whole_in(v, &(1..=train_size(s) as u64)).map(|x| s.training.batch_size = x as usize)
        },
        write: |s| s.training.batch_size.to_string(),
    },
    Key {
        name: "steps",
        accepts: |_| format!("a whole number of SGD steps from 0 to {MAX_STEPS}"),
        read: |s, v| whole_in(v, &(0..=MAX_STEPS)).map(|x| s.steps = x),
        write: |s| s.steps.to_string(),
    },
];

/// Keys at most this many edits (a swap of neighbours is one) from an
/// unknown one, and a third of its length, are offered instead.
const NEAR: usize = 2;

/// For the notice about an unknown `key`: the nearest known key when one is
/// close (a typo), else where every key is listed (there are too many to name).
pub fn suggest(key: &str) -> String {
    // Only keys of about the same length can be near (and a huge key costs nothing).
    let nearest = all()
        .filter(|k| k.name.len().abs_diff(key.len()) <= NEAR)
        .map(|k| (strsim::osa_distance(key, k.name), k.name))
        .min_by_key(|&(distance, _)| distance);
    match nearest {
        Some((distance, name)) if distance <= NEAR.min(key.len() / 3).max(1) => {
            format!("did you mean {name}?")
        }
        _ => "nnplay's docs/link-keys.md lists the keys it accepts".into(),
    }
}

/// Training examples: the data's points times the split, rounded (as
/// `data::generate` splits them).
fn train_size(state: &LinkState) -> usize {
    (state.training.points as f64 * state.training.train_fraction).round() as usize
}

fn panel_names() -> String {
    Panel::ALL.map(Panel::name).join(", ")
}

/// A panel name, or nothing for the empty value.
fn optional_panel(text: &str) -> Option<Option<Panel>> {
    if text.is_empty() {
        return Some(None);
    }
    text.parse().ok().map(Some)
}

/// A whole percentage from `min` to `max` in steps of `step`, as a fraction.
fn percent(text: &str, min: u64, max: u64, step: u64) -> Option<f64> {
    let p = whole_in(text, &(min..=max))?;
    (p % step == 0).then(|| p as f64 / 100.0)
}

fn write_percent(fraction: f64) -> String {
    ((fraction * 100.0).round() as u64).to_string()
}
