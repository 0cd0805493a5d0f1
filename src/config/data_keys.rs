//! The data's own link keys (`data_seed`, and `points` for drawn data) and
//! how the training view's config becomes its training and test sets.

use super::key::{none, Key, SEED_MAX};
use super::problem::LinkProblem;
use super::setting::Values;
use super::state::LinkState;
use crate::data::code::{self, LINK_POINTS};
use crate::data::custom::{MAX_CLASSES, MIN_POINTS};
use crate::data::{self, CustomData, DatasetKind};
use crate::session::PlaygroundConfig;

/// The named parts of drawn points (`points`): a coordinate of the input
/// plane and a point's class.
pub fn parts(key: &str) -> Option<Vec<(&'static str, Values)>> {
    (key == "points").then(|| {
        vec![
            ("x", Values::number(-data::DOMAIN..=data::DOMAIN)),
            ("class", Values::whole(0..=MAX_CLASSES as u64 - 1, "")),
        ]
    })
}

/// The keys of the data.
pub const KEYS: &[Key] = &[
    Key {
        name: "data_seed",
        label: "",
        values: |_| Values::whole(0..=SEED_MAX, ""),
        note: |_| " (the data's own seed)".into(),
        help: "Drives the data alone (Regenerate); the seed's when left out.",
        read: |s, v| {
            let seed = Values::whole(0..=SEED_MAX, "").read_whole(v);
            seed.map(|x| s.training.data_seed = Some(x))
        },
        write: |s| {
            s.training
                .data_seed
                .map_or(String::new(), |x| x.to_string())
        },
    },
    Key {
        name: "points",
        label: "",
        note: none,
        help: "Points drawn by hand, coded.",
        values: |_| {
            Values::Text(format!(
                "drawn data as nnplay writes it: unpadded base64url of one byte of \
                 classes, then per point x1 and x2 on a 10-bit grid over −6 … 6 and \
                 its label (2 bits of class, or 12 bits over −10 … 10); \
                 at most {LINK_POINTS} points"
            ))
        },
        read: |s, v| read_points(v).map(|x| s.training.custom = x),
        write: |s| write_points(&s.training.custom),
    },
];

/// Empty for no points and two classes; otherwise the coded points.
fn read_points(text: &str) -> Option<CustomData> {
    if text.is_empty() {
        return Some(CustomData::default());
    }
    code::decode(text).filter(|d| d.len() <= LINK_POINTS)
}

/// The coded points, or nothing when at the default or past `LINK_POINTS`
/// (the link cannot carry them; the page says so).
fn write_points(custom: &CustomData) -> String {
    if *custom == CustomData::default() || custom.len() > LINK_POINTS {
        return String::new();
    }
    code::encode(custom)
}

/// Drawn data (`data=custom`) needs its points: with fewer than two (a link
/// carries at most `LINK_POINTS`), the dataset falls back to the default and
/// the problem says why.
pub fn cross_check(state: &mut LinkState) -> Option<LinkProblem> {
    let training = &mut state.training;
    if training.dataset != DatasetKind::Custom || training.custom.len() >= MIN_POINTS {
        return None;
    }
    training.dataset = PlaygroundConfig::default().dataset;
    Some(LinkProblem::new(
        "data",
        format!(
            "custom needs its drawn points, at least {MIN_POINTS}, and this link carries {} \
             (a link carries at most {LINK_POINTS}); showing the {} data instead",
            training.custom.len(),
            training.dataset.name()
        ),
    ))
}
