//! Reading a `NetworkConfig` from JSON: unknown fields are refused, then
//! each value is checked so an error names its path (`layers[1].units`).

use std::ops::RangeInclusive;

use super::config::{LayerConfig, NetworkConfig};
use super::error::{ConfigError, Problem};
use super::limits::{describe_range, units_range, INPUTS, PIECES};
use crate::activation::Kind;
use crate::json::Json;

/// The fields a config object may have.
const CONFIG_FIELDS: [&str; 3] = ["inputs", "seed", "layers"];
/// The fields a layer object may have.
const LAYER_FIELDS: [&str; 4] = ["units", "activation", "param", "pieces"];
/// The largest whole number a JSON number (a double) holds exactly: seeds go up to it.
const MAX_EXACT: f64 = 9_007_199_254_740_991.0;
const OBJECT: &str =
    r#"a JSON object like {"inputs": 2, "layers": [{"units": 2, "activation": "softmax"}]}"#;
const LAYER: &str = r#"an object like {"units": 8, "activation": "tanh"}"#;

impl NetworkConfig {
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
        let config = parse(tree)?;
        config.validate()?;
        Ok(config)
    }
}

/// Reads the config from a JSON tree; ranges are checked here only as far as
/// needed to hold the numbers (`NetworkConfig::validate` checks the rest).
fn parse(json: &Json) -> Result<NetworkConfig, ConfigError> {
    object(json, "config", OBJECT, &CONFIG_FIELDS)?;
    let inputs = required(json.get("inputs"), "inputs", &describe_range(&INPUTS))?;
    let inputs = whole(inputs, "inputs", &INPUTS)?;
    let seed = match json.get("seed") {
        None => 0,
        Some(value) => seed(value)?,
    };
    let list = match required(json.get("layers"), "layers", "a list of layers")? {
        Json::Array(list) => list,
        other => return Err(invalid("layers", "a list of layers", other)),
    };
    let last = list.len().saturating_sub(1);
    let layers = list
        .iter()
        .enumerate()
        .map(|(index, value)| layer(index, value, index == last))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(NetworkConfig::new(inputs, seed, layers))
}

fn layer(index: usize, value: &Json, is_output: bool) -> Result<LayerConfig, ConfigError> {
    let path = format!("layers[{index}]");
    let field = |name: &str| format!("{path}.{name}");
    object(value, &path, LAYER, &LAYER_FIELDS)?;
    let activation = match required(
        value.get("activation"),
        &field("activation"),
        "an activation name",
    )? {
        Json::String(name) => name
            .parse::<Kind>()
            .map_err(|e| ConfigError::new(field("activation"), Problem::Activation(e)))?,
        other => {
            return Err(invalid(
                &field("activation"),
                "an activation name (a string)",
                other,
            ))
        }
    };
    let units_accepted = units_range(activation, is_output);
    let units = required(
        value.get("units"),
        &field("units"),
        &describe_range(&units_accepted),
    )?;
    let param = match value.get("param") {
        None => None,
        Some(Json::Number(n)) => Some(*n),
        Some(other) => return Err(invalid(&field("param"), "a number", other)),
    };
    let pieces = match value.get("pieces") {
        None => None,
        Some(value) => Some(whole(value, &field("pieces"), &PIECES)?),
    };
    Ok(LayerConfig {
        units: whole(units, &field("units"), &units_accepted)?,
        activation,
        param,
        pieces,
    })
}

/// Checks that `value` is an object with no field outside `fields`.
fn object(value: &Json, path: &str, accepts: &str, fields: &[&str]) -> Result<(), ConfigError> {
    let Json::Object(members) = value else {
        return Err(invalid(path, accepts, value));
    };
    match members
        .iter()
        .find(|(key, _)| !fields.contains(&key.as_str()))
    {
        Some((key, _)) => Err(ConfigError::new(
            path,
            Problem::UnknownField(format!(
                "unknown field {key:?}; accepted: {}",
                fields.join(", ")
            )),
        )),
        None => Ok(()),
    }
}

fn required<'a>(
    value: Option<&'a Json>,
    field: &str,
    accepts: &str,
) -> Result<&'a Json, ConfigError> {
    value.ok_or_else(|| {
        ConfigError::new(
            field,
            Problem::Missing {
                accepts: accepts.to_owned(),
            },
        )
    })
}

fn invalid(field: &str, accepts: &str, got: &Json) -> ConfigError {
    ConfigError::new(
        field,
        Problem::Invalid {
            accepts: accepts.to_owned(),
            got: got.shown(),
        },
    )
}

/// A whole number JSON holds exactly (`7` and `7.0` both count).
fn exact_whole(value: &Json) -> Option<u64> {
    match value {
        Json::Number(n) if n.fract() == 0.0 && (0.0..=MAX_EXACT).contains(n) => Some(*n as u64),
        _ => None,
    }
}

/// A whole number in `range`.
fn whole(value: &Json, field: &str, range: &RangeInclusive<usize>) -> Result<usize, ConfigError> {
    exact_whole(value)
        .and_then(|n| usize::try_from(n).ok())
        .filter(|n| range.contains(n))
        .ok_or_else(|| invalid(field, &describe_range(range), value))
}

fn seed(value: &Json) -> Result<u64, ConfigError> {
    exact_whole(value)
        .ok_or_else(|| invalid("seed", "a whole number from 0 to 9007199254740991", value))
}
