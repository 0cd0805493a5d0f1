//! The network file: a run's settings (the training keys of a link), its
//! network in the JSON API's config form, and every weight, written through
//! `json`'s tree so that each number reads back to the same bits.
//!
//! ```text
//! {"format":"nnplay-network","version":1,"link":"data=xor&lr=0.1","step":120,
//!  "model":{"inputs":2,"seed":1,"layers":[…]},"params":[0.31,-1.2,…]}
//! ```
//!
//! `model` and `params` also build the same network with the JS API's
//! `new Model(JSON.stringify(file.model))` and `set_params(file.params)`.

use std::fmt;

use crate::config::{parse_link, write_link, LinkState, PlaygroundConfig};
use crate::json::Json;
use crate::network::{Network, NetworkConfig};
use crate::session::Session;

/// The `format` member that marks a network file.
pub const FORMAT: &str = "nnplay-network";
/// The version this build writes and reads.
pub const VERSION: u64 = 1;

/// What a network file holds, checked.
#[derive(Clone, Debug, PartialEq)]
pub struct NetworkFile {
    /// The run's settings: data, network shape and SGD.
    pub training: PlaygroundConfig,
    /// The step the weights were saved at.
    pub step: u64,
    /// Every parameter, in the layout of `Network::params` (its `param_count()`).
    pub params: Vec<f64>,
}

/// Why a text is not a network file this build can load; says which member
/// is wrong and what it must hold.
#[derive(Clone, Debug, PartialEq)]
pub struct FileError(pub String);

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FileError {}

fn fail<T>(message: String) -> Result<T, FileError> {
    Err(FileError(message))
}

/// The network file of `session`'s current weights.
pub fn network_file(session: &Session) -> Json {
    let network = session.trainer().network();
    let link = write_link(&LinkState {
        training: session.config().clone(),
        ..LinkState::default()
    });
    let params = network.params().iter().map(|&p| Json::Number(p)).collect();
    Json::object([
        ("format", FORMAT.into()),
        ("version", Json::Number(VERSION as f64)),
        ("link", link.as_str().into()),
        ("step", Json::Number(session.trainer().step_count() as f64)),
        ("model", network.config().to_tree()),
        ("params", Json::Array(params)),
    ])
}

/// Reads and checks a network file's tree: its format and version, the
/// link's settings, the model (which must be the one the link describes)
/// and the parameters (the model's count of finite numbers).
pub fn read_network_file(tree: &Json) -> Result<NetworkFile, FileError> {
    if tree.get("format") != Some(&Json::String(FORMAT.into())) {
        return fail(format!(
            "this is not an nnplay network file: it needs \"format\": \"{FORMAT}\" (save one with Save network)"
        ));
    }
    match tree.get("version") {
        Some(Json::Number(v)) if *v == VERSION as f64 => {}
        other => {
            return fail(format!(
                "the network file's version must be {VERSION}, got {}",
                shown(other)
            ))
        }
    }
    let training = read_link(tree.get("link"))?;
    let step = match tree.get("step") {
        Some(&Json::Number(n)) if n >= 0.0 && n.fract() == 0.0 && n <= 9e15 => n as u64,
        other => {
            return fail(format!(
                "the network file's step must be a whole number from 0 up, got {}",
                shown(other)
            ))
        }
    };
    let expected = read_model(tree.get("model"), &training)?;
    let params = read_params(tree.get("params"), expected)?;
    Ok(NetworkFile {
        training,
        step,
        params,
    })
}

impl NetworkFile {
    /// A run with the file's settings, starting from its weights (which
    /// Reset returns to).
    pub fn into_session(self) -> Result<Session, FileError> {
        let mut session = Session::new(self.training)
            .map_err(|e| FileError(format!("the network file's settings: {e}")))?;
        session
            .start_from(&self.params)
            .map_err(|e| FileError(format!("the network file's params: {e}")))?;
        Ok(session)
    }
}

/// The training settings of the file's `link`, which must read without problems.
fn read_link(link: Option<&Json>) -> Result<PlaygroundConfig, FileError> {
    let Some(Json::String(link)) = link else {
        return fail(format!(
            "the network file's link must be a string of link keys such as \"data=xor&lr=0.1\", got {}",
            shown(link)
        ));
    };
    let (state, problems) = parse_link(link);
    if let Some(problem) = problems.first() {
        return fail(format!("the network file's link: {problem}"));
    }
    Ok(state.training)
}

/// Checks `model` against the network `training` describes; returns its parameter count.
fn read_model(model: Option<&Json>, training: &PlaygroundConfig) -> Result<usize, FileError> {
    let Some(model) = model else {
        return fail("the network file has no model (the network's config)".into());
    };
    let config = NetworkConfig::from_tree(model)
        .map_err(|e| FileError(format!("the network file's model: {e}")))?;
    let expected = training.network_config();
    if config != expected {
        return fail(format!(
            "the network file's model {} is not the network its link describes, {}",
            config.to_json(),
            expected.to_json()
        ));
    }
    let network =
        Network::new(expected).map_err(|e| FileError(format!("the network file's model: {e}")))?;
    Ok(network.param_count())
}

/// `count` finite numbers.
fn read_params(params: Option<&Json>, count: usize) -> Result<Vec<f64>, FileError> {
    let Some(Json::Array(items)) = params else {
        return fail(format!(
            "the network file's params must be an array of {count} numbers, got {}",
            shown(params)
        ));
    };
    if items.len() != count {
        return fail(format!(
            "the network file's params hold {} numbers; this network has {count}",
            items.len()
        ));
    }
    let numbers = items.iter().enumerate().map(|(i, item)| match item {
        Json::Number(x) if x.is_finite() => Ok(*x),
        other => fail(format!(
            "the network file's params[{i}] must be a finite number, got {}",
            shown(Some(other))
        )),
    });
    numbers.collect()
}

/// A member's value for a message: its JSON text, cut short, or "nothing".
fn shown(value: Option<&Json>) -> String {
    let Some(value) = value else {
        return "nothing".into();
    };
    let text = value.shown();
    match text.char_indices().nth(80) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text,
    }
}
