//! The link keys of the network drawing's edits: the input features
//! (`features=x1,x2,x1sq`) and the weights set by hand
//! (`edits=step:parameter:value,…`).

use super::key::{none, Key};
use super::setting::Values;
use super::state::LinkState;
use super::values::{finite, list, whole_in};
use crate::edits::write_edits;
use crate::edits::{self, Edit, MAX_EDITS};
use crate::features::{self, FeatureSet};
use crate::network::Network;

/// Steps a JavaScript number holds exactly.
const STEP_MAX: u64 = (1 << 53) - 1;

/// The input-feature and edit keys (left out of links while they are
/// x1,x2 and none). `edits` comes after every key that shapes the network.
pub const KEYS: &[Key] = &[
    Key {
        name: "features",
        label: "",
        values: |_| {
            Values::Text(format!(
                "a comma-separated list of distinct input features from {} (at least one)",
                features::accepted_names()
            ))
        },
        note: none,
        help: "What the network is fed of each point.",
        read: |s, v| {
            v.parse::<FeatureSet>()
                .ok()
                .map(|x| s.training.features = x)
        },
        write: |s| s.training.features.to_string(),
    },
    Key {
        name: "edits",
        label: "",
        values: |s| {
            let params = param_count(s).map_or(String::new(), |n| format!(" below {n}"));
            Values::Text(format!(
                "up to {MAX_EDITS} comma-separated weight edits step:parameter:value in order of \
                 step (parameter a whole number{params}, value a finite number)"
            ))
        },
        note: none,
        help: "Weights and biases set by hand, replayed at their steps.",
        read: |s, v| read_edits(s, v).map(|x| s.training.edits = x),
        write: |s| write_edits(&s.training.edits),
    },
];

/// Parameters of the network the state's training keys describe.
fn param_count(state: &LinkState) -> Option<usize> {
    let network = Network::new(state.training.network_config()).ok()?;
    Some(network.param_count())
}

/// A list of edits that fits the network the state describes.
fn read_edits(state: &LinkState, text: &str) -> Option<Vec<Edit>> {
    let edits = list(text, &(0..=MAX_EDITS), |item| {
        let mut parts = item.split(':');
        let step = whole_in(parts.next()?, &(0..=STEP_MAX))?;
        let index = whole_in(parts.next()?, &(0..=u64::from(u32::MAX)))? as usize;
        let value = finite(parts.next()?)?;
        parts
            .next()
            .is_none()
            .then_some(Edit { step, index, value })
    })?;
    edits::check(&edits, param_count(state)?).ok()?;
    Some(edits)
}
