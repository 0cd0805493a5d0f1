//! The network's configuration: a typed `NetworkConfig` the page can build,
//! its validation against the limits (`limits`), and its JSON form as
//! written (`parse` reads it).

use std::ops::RangeInclusive;

use super::error::{ConfigError, Problem};
use super::limits::{describe_range, units_range, DEFAULT_PIECES, HIDDEN_LAYERS, INPUTS, PIECES};
use crate::activation::{Activation, Kind};
use crate::json::Json;

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

    /// The JSON tree of this config, which `from_tree` (`parse`) reads back to an equal config.
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

    /// The JSON text, which `from_json` (`parse`) reads back to an equal config.
    pub fn to_json(&self) -> String {
        self.to_tree().to_string()
    }

    /// Checks every field against the limits (`limits`).
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
