//! The network's configuration: a typed `NetworkConfig` the page can build,
//! its validation, and its JSON form (see `parse` for reading JSON).

use std::ops::RangeInclusive;

use super::error::{ConfigError, Problem};
use crate::activation::{Activation, Kind};
use crate::json::Json;

/// How many numbers one input row may hold.
pub const INPUTS: RangeInclusive<usize> = 1..=16;
/// How many hidden layers a network may have (the output layer comes on top).
pub const HIDDEN_LAYERS: RangeInclusive<usize> = 0..=6;
/// Units of a hidden layer.
pub const HIDDEN_UNITS: RangeInclusive<usize> = 1..=64;
/// Units of a softmax output layer (classes).
pub const SOFTMAX_UNITS: RangeInclusive<usize> = 2..=8;
/// Units of an identity (regression) output layer.
pub const IDENTITY_UNITS: RangeInclusive<usize> = 1..=8;
/// Learning rates accepted everywhere: the page, links and the JS API's
/// `step`/`fit`. Every door checks it with `check_learning_rate`, except the
/// link key, which reads it through the catalogue (`Values::number`).
pub const LEARNING_RATE: RangeInclusive<f64> = 1e-5..=10.0;
/// `LEARNING_RATE` in words, as every refusal of a learning rate says it
/// (the catalogue's words for the range; tests/links.rs checks they agree).
pub const LEARNING_RATE_ACCEPTS: &str = "a number from 0.00001 to 10";
/// Linear pieces per maxout unit.
pub const PIECES: RangeInclusive<usize> = 2..=4;
/// Pieces of a maxout unit when the config does not say.
pub const DEFAULT_PIECES: usize = 2;

/// A whole network: `inputs` numbers per row, then `layers`, the last of which
/// is the output layer (softmax or identity). `seed` drives the initial weights.
#[derive(Clone, Debug, PartialEq)]
pub struct NetworkConfig {
    pub inputs: usize,
    pub seed: u64,
    pub layers: Vec<LayerConfig>,
}

/// One layer: `units` outputs with one activation. `param` is alpha for
/// `leaky_relu` and `elu`, the initial slope for `prelu`; `pieces` is for `maxout`.
#[derive(Clone, Debug, PartialEq)]
pub struct LayerConfig {
    pub units: usize,
    pub activation: Kind,
    pub param: Option<f64>,
    pub pieces: Option<usize>,
}

impl LayerConfig {
    /// A layer with the activation's default parameter (and 2 pieces for maxout).
    pub fn new(units: usize, activation: Kind) -> Self {
        LayerConfig {
            units,
            activation,
            param: None,
            pieces: None,
        }
    }

    /// The same layer with `param` set (alpha, or prelu's initial slope).
    pub fn with_param(self, param: f64) -> Self {
        LayerConfig {
            param: Some(param),
            ..self
        }
    }

    /// The same layer with `pieces` linear pieces per unit (maxout only).
    pub fn with_pieces(self, pieces: usize) -> Self {
        LayerConfig {
            pieces: Some(pieces),
            ..self
        }
    }

    /// Number of linear pieces per unit: `pieces` for maxout, 1 otherwise.
    pub fn pieces_or_default(&self) -> usize {
        match self.activation {
            Kind::Maxout => self.pieces.unwrap_or(DEFAULT_PIECES),
            _ => 1,
        }
    }
}

impl NetworkConfig {
    /// A config from its parts (not yet validated; `Network::new` validates).
    pub fn new(inputs: usize, seed: u64, layers: Vec<LayerConfig>) -> Self {
        NetworkConfig {
            inputs,
            seed,
            layers,
        }
    }

    /// Reads and validates a config in the JSON form docs/js-api.md shows. Errors
    /// name the field (`layers[1].units`) and the values it accepts.
    /// (Native builds; the browser parses with `JSON.parse` and calls `from_tree`.)
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json(json: &str) -> Result<Self, ConfigError> {
        let tree = crate::json::parse_text(json)
            .map_err(|message| ConfigError::new("config", Problem::NotJson(message)))?;
        Self::from_tree(&tree)
    }

    /// Reads and validates a config from an already parsed JSON tree.
    pub fn from_tree(tree: &Json) -> Result<Self, ConfigError> {
        let config = super::parse::parse(tree)?;
        config.validate()?;
        Ok(config)
    }

    /// The JSON tree of this config, which `from_tree` reads back to an equal config.
    pub fn to_tree(&self) -> Json {
        let layer = |l: &LayerConfig| {
            let mut members = vec![
                ("units".to_owned(), Json::Number(l.units as f64)),
                (
                    "activation".to_owned(),
                    Json::String(l.activation.name().to_owned()),
                ),
            ];
            if let Some(param) = l.param {
                members.push(("param".to_owned(), Json::Number(param)));
            }
            if let Some(pieces) = l.pieces {
                members.push(("pieces".to_owned(), Json::Number(pieces as f64)));
            }
            Json::Object(members)
        };
        Json::Object(vec![
            ("inputs".to_owned(), Json::Number(self.inputs as f64)),
            ("seed".to_owned(), Json::Number(self.seed as f64)),
            (
                "layers".to_owned(),
                Json::Array(self.layers.iter().map(layer).collect()),
            ),
        ])
    }

    /// The JSON text, which `from_json` reads back to an equal config.
    pub fn to_json(&self) -> String {
        self.to_tree().to_string()
    }

    /// Checks every field against the limits above.
    pub fn validate(&self) -> Result<(), ConfigError> {
        check_range("inputs", self.inputs, &INPUTS)?;
        let max_layers = HIDDEN_LAYERS.end() + 1;
        if self.layers.is_empty() || self.layers.len() > max_layers {
            return Err(ConfigError::new(
                "layers",
                Problem::Invalid {
                    accepts: format!(
                        "a list of 1 to {max_layers} layers (up to {} hidden layers, then the output layer)",
                        HIDDEN_LAYERS.end()
                    ),
                    got: format!("{} layers", self.layers.len()),
                },
            ));
        }
        let last = self.layers.len() - 1;
        for (index, layer) in self.layers.iter().enumerate() {
            validate_layer(index, layer, index == last)?;
        }
        Ok(())
    }
}

/// The units a layer of `kind` accepts, hidden or output.
pub(crate) fn units_range(kind: Kind, is_output: bool) -> RangeInclusive<usize> {
    match (is_output, kind) {
        (true, Kind::Softmax) => SOFTMAX_UNITS,
        (true, _) => IDENTITY_UNITS,
        (false, _) => HIDDEN_UNITS,
    }
}

/// "a whole number from 1 to 64".
pub(crate) fn describe_range(range: &RangeInclusive<usize>) -> String {
    format!("a whole number from {} to {}", range.start(), range.end())
}

fn check_range(
    field: &str,
    value: usize,
    range: &RangeInclusive<usize>,
) -> Result<(), ConfigError> {
    if range.contains(&value) {
        return Ok(());
    }
    Err(ConfigError::new(
        field,
        Problem::Invalid {
            accepts: describe_range(range),
            got: value.to_string(),
        },
    ))
}

fn validate_layer(index: usize, layer: &LayerConfig, is_output: bool) -> Result<(), ConfigError> {
    let field = |name: &str| format!("layers[{index}].{name}");
    let kind = layer.activation;
    match (is_output, kind) {
        (false, Kind::Softmax) => {
            return Err(ConfigError::new(
                field("activation"),
                Problem::HiddenSoftmax,
            ))
        }
        (true, Kind::Softmax | Kind::Identity) => {}
        (true, other) => {
            return Err(ConfigError::new(
                field("activation"),
                Problem::Output(other),
            ))
        }
        (false, _) => {}
    }
    check_range(&field("units"), layer.units, &units_range(kind, is_output))?;
    match (kind, layer.pieces) {
        (Kind::Maxout, Some(pieces)) => check_range(&field("pieces"), pieces, &PIECES)?,
        (_, Some(_)) => {
            return Err(ConfigError::new(
                field("pieces"),
                Problem::PiecesNotMaxout(kind),
            ))
        }
        _ => {}
    }
    if kind.is_elementwise() {
        Activation::new(kind, layer.param)
            .map_err(|e| ConfigError::new(field("param"), Problem::Activation(e)))?;
    } else if layer.param.is_some() {
        let error = crate::activation::ActivationError::UnexpectedParam(kind);
        return Err(ConfigError::new(field("param"), Problem::Activation(error)));
    }
    Ok(())
}
