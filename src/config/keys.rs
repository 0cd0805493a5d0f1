//! Every key a link may carry, in the order links write them, and the
//! page's and the training view's own keys.

use super::choices;
use super::key::{none, Key, SEED_MAX};
use super::layers::{layers_accepts, read_layer, write_layer};
use super::playground::learning_rates as learning_rate;
use super::setting::Values;
use super::state::{LinkState, Panel, MAX_STEPS};
use super::values::{self, list, name_set, number};
use super::view_keys;
use crate::activation::Kind;
use crate::data::DatasetKind;
use crate::network::{HIDDEN_LAYERS, HIDDEN_UNITS, PIECES};

/// Every key, in the order links write them: the page's, the training
/// view's, the explorer's and softmax's, the race's, then a teacher's.
pub fn all() -> impl Iterator<Item = &'static Key> {
    KEYS.iter()
        .chain(super::optimizer_keys::all())
        .chain(super::data_keys::KEYS)
        .chain(super::feature_keys::KEYS)
        .chain(view_keys::KEYS)
        .chain(super::race_keys::KEYS)
        .chain(super::teacher_keys::KEYS)
}

/// The keys the first view's controls take their ranges from: the page's
/// theme and the explorer's and softmax's keys (the explorer-first module,
/// `settings()` without the `full` feature).
pub fn first_view() -> impl Iterator<Item = &'static Key> {
    KEYS.iter()
        .filter(|key| key.name == "theme")
        .chain(view_keys::KEYS)
}

fn noise() -> Values {
    Values::whole(0..=50, "%").step(5)
}

fn split() -> Values {
    Values::whole(10..=90, "%").step(10)
}

fn seed() -> Values {
    Values::whole(0..=SEED_MAX, "")
}

fn steps() -> Values {
    Values::whole(0..=MAX_STEPS, "SGD steps")
}

fn panel(_: &LinkState) -> Values {
    Values::Choice(choices::panels())
}

fn show_test() -> Values {
    Values::Flag {
        off: "hide the test data",
        on: "show it",
    }
}

fn discrete() -> Values {
    Values::Flag {
        off: "blended confidence",
        on: "hard regions: discretized output",
    }
}

/// The batch sizes: 1 to the training set's size.
fn batch(s: &LinkState) -> Values {
    Values::whole(1..=train_size(s) as u64, "")
}

/// The named parts of `layers`: how many hidden layers, units per layer and
/// maxout's pieces.
pub fn parts(key: &str) -> Option<Vec<(&'static str, Values)>> {
    let whole = |r: std::ops::RangeInclusive<usize>, unit| {
        Values::whole(*r.start() as u64..=*r.end() as u64, unit)
    };
    (key == "layers").then(|| {
        vec![
            ("layers", whole(HIDDEN_LAYERS, "hidden layers")),
            ("units", whole(HIDDEN_UNITS, "units")),
            ("pieces", whole(PIECES, "pieces")),
        ]
    })
}

/// The page's and the training view's keys.
const KEYS: &[Key] = &[
    Key {
        name: "embed",
        label: "Panel to embed",
        values: panel,
        note: none,
        help: "Show this panel alone, for an iframe.",
        read: |s, v| optional_panel(v).map(|x| s.embed = x),
        write: |s| s.embed.map_or("", Panel::name).into(),
    },
    Key {
        name: "view",
        label: "",
        values: panel,
        note: none,
        help: "The panel the reader was at; the page scrolls there.",
        read: |s, v| optional_panel(v).map(|x| s.view = x),
        write: |s| s.view.map_or("", Panel::name).into(),
    },
    Key {
        name: "panels",
        label: "Panels",
        values: |_| {
            Values::Text(format!(
                "a comma-separated list of distinct panels from {} (empty for none)",
                panel_names()
            ))
        },
        note: none,
        help: "The panels the full page shows.",
        read: |s, v| name_set(v, &Panel::ALL, Panel::name).map(|x| s.panels = x),
        write: |s| values::names(&s.panels, Panel::name),
    },
    Key {
        name: "theme",
        label: "Theme",
        values: |_| Values::Choice(choices::themes()),
        note: none,
        help: "The page's colours: the system's, or forced light or dark.",
        read: |s, v| v.parse().ok().map(|x| s.theme = x),
        write: |s| s.theme.name().into(),
    },
    Key {
        name: "data",
        label: "Dataset",
        values: |_| Values::Choice(choices::datasets()),
        note: none,
        help: "The training data: a generated set, or points drawn by hand.",
        read: |s, v| {
            v.parse::<DatasetKind>()
                .ok()
                .map(|x| s.training.dataset = x)
        },
        write: |s| s.training.dataset.name().into(),
    },
    Key {
        name: "noise",
        label: "Noise (%)",
        values: |_| noise(),
        note: none,
        help: "How far the points scatter from their pattern.",
        read: |s, v| percent(&noise(), v).map(|x| s.training.noise = x),
        write: |s| write_percent(s.training.noise),
    },
    Key {
        name: "split",
        label: "Training data (%)",
        values: |_| split(),
        note: none,
        help: "The share of the points trained on; the rest test.",
        read: |s, v| percent(&split(), v).map(|x| s.training.train_fraction = x),
        write: |s| write_percent(s.training.train_fraction),
    },
    Key {
        name: "seed",
        label: "Seed",
        values: |_| seed(),
        note: none,
        help: "Drives the data, the initial weights and the batch order.",
        read: |s, v| seed().read_whole(v).map(|x| s.training.seed = x),
        write: |s| s.training.seed.to_string(),
    },
    Key {
        name: "test",
        label: "Show test data",
        values: |_| show_test(),
        note: none,
        help: "Whether the heatmap shows the test points.",
        read: |s, v| Values::read_flag(v).map(|x| s.show_test = x),
        write: |s| u8::from(s.show_test).to_string(),
    },
    Key {
        name: "discrete",
        label: "Discretize output",
        values: |_| discrete(),
        note: none,
        help: "Whether the heatmap paints hard regions.",
        read: |s, v| Values::read_flag(v).map(|x| s.discrete = x),
        write: |s| u8::from(s.discrete).to_string(),
    },
    Key {
        name: "layers",
        label: "",
        values: |_| Values::Text(layers_accepts()),
        note: none,
        help: "The hidden layers: units, activation and its parameter.",
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
        label: "Activation",
        values: |_| Values::Choice(choices::hidden_activations()),
        note: |_| "an activation for every hidden layer, {}".into(),
        help: "Every hidden layer's activation at once.",
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
        label: "Learning rate",
        values: |_| learning_rate(),
        note: none,
        help: "The step size of each update.",
        read: |s, v| {
            learning_rate()
                .read_number(v)
                .map(|x| s.training.train.learning_rate = x)
        },
        write: |s| number(s.training.train.learning_rate),
    },
    Key {
        name: "batch",
        label: "Batch size",
        values: batch,
        note: |_| ", the training set's size".into(),
        help: "Examples averaged in each SGD step.",
        read: |s, v| {
            batch(s)
                .read_whole(v)
                .map(|x| s.training.train.batch_size = x as usize)
        },
        write: |s| s.training.train.batch_size.to_string(),
    },
    Key {
        name: "steps",
        label: "",
        values: |_| steps(),
        note: none,
        help: "SGD steps to train before showing.",
        read: |s, v| steps().read_whole(v).map(|x| s.steps = x),
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

/// A whole percentage of `values`, as a fraction.
fn percent(values: &Values, text: &str) -> Option<f64> {
    values.read_whole(text).map(|p| p as f64 / 100.0)
}

fn write_percent(fraction: f64) -> String {
    ((fraction * 100.0).round() as u64).to_string()
}
