//! Reading a `NetworkConfig` from JSON: serde rejects unknown fields, then each
//! value is checked by hand so an error names its path (`layers[1].units`).

use std::ops::RangeInclusive;

use serde::Deserialize;
use serde_json::Value;

use super::config::{describe_range, units_range, LayerConfig, NetworkConfig, INPUTS, PIECES};
use super::error::{ConfigError, Problem};
use crate::activation::Kind;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    inputs: Option<Value>,
    seed: Option<Value>,
    layers: Option<Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLayer {
    units: Option<Value>,
    activation: Option<Value>,
    param: Option<Value>,
    pieces: Option<Value>,
}

const SEED: RangeInclusive<usize> = 0..=usize::MAX;
const OBJECT: &str =
    r#"a JSON object like {"inputs": 2, "layers": [{"units": 2, "activation": "softmax"}]}"#;
const LAYER: &str = r#"an object like {"units": 8, "activation": "tanh"}"#;

/// Parses the JSON form; ranges are checked here only as far as needed to
/// hold the numbers (`NetworkConfig::validate` checks the rest).
pub(super) fn parse(json: &str) -> Result<NetworkConfig, ConfigError> {
    let value: Value = serde_json::from_str(json)
        .map_err(|e| ConfigError::new("config", Problem::NotJson(e.to_string())))?;
    let raw: RawConfig = from_object(value, "config", OBJECT)?;
    let inputs = whole(
        required(raw.inputs, "inputs", &describe_range(&INPUTS))?,
        "inputs",
        &INPUTS,
    )?;
    let seed = match raw.seed {
        None => 0,
        Some(value) => seed(&value)?,
    };
    let list = match required(raw.layers, "layers", "a list of layers")? {
        Value::Array(list) => list,
        other => return Err(invalid("layers", "a list of layers", &other)),
    };
    let last = list.len().saturating_sub(1);
    let layers = list
        .into_iter()
        .enumerate()
        .map(|(index, value)| layer(index, value, index == last))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(NetworkConfig::new(inputs, seed, layers))
}

fn layer(index: usize, value: Value, is_output: bool) -> Result<LayerConfig, ConfigError> {
    let path = format!("layers[{index}]");
    let field = |name: &str| format!("{path}.{name}");
    let raw: RawLayer = from_object(value, &path, LAYER)?;
    let activation = match required(raw.activation, &field("activation"), "an activation name")? {
        Value::String(name) => name
            .parse::<Kind>()
            .map_err(|e| ConfigError::new(field("activation"), Problem::Activation(e)))?,
        other => {
            return Err(invalid(
                &field("activation"),
                "an activation name (a string)",
                &other,
            ))
        }
    };
    let units_accepted = units_range(activation, is_output);
    let units = required(raw.units, &field("units"), &describe_range(&units_accepted))?;
    let param = match raw.param {
        None => None,
        Some(Value::Number(n)) => n.as_f64(),
        Some(other) => return Err(invalid(&field("param"), "a number", &other)),
    };
    let pieces = match raw.pieces {
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

/// Deserialises an object with serde (unknown fields rejected), naming `path`.
fn from_object<T: for<'de> Deserialize<'de>>(
    value: Value,
    path: &str,
    accepts: &str,
) -> Result<T, ConfigError> {
    if !value.is_object() {
        return Err(invalid(path, accepts, &value));
    }
    T::deserialize(value).map_err(|e| ConfigError::new(path, Problem::UnknownField(e.to_string())))
}

fn required(value: Option<Value>, field: &str, accepts: &str) -> Result<Value, ConfigError> {
    value.ok_or_else(|| {
        ConfigError::new(
            field,
            Problem::Missing {
                accepts: accepts.to_owned(),
            },
        )
    })
}

fn invalid(field: &str, accepts: &str, got: &Value) -> ConfigError {
    ConfigError::new(
        field,
        Problem::Invalid {
            accepts: accepts.to_owned(),
            got: got.to_string(),
        },
    )
}

/// A whole number in `range`; `7` and `7.0` both count.
fn whole(value: Value, field: &str, range: &RangeInclusive<usize>) -> Result<usize, ConfigError> {
    let number = match &value {
        Value::Number(n) => n.as_u64().or_else(|| {
            n.as_f64()
                .filter(|f| f.fract() == 0.0 && (0.0..=9_007_199_254_740_992.0).contains(f))
                .map(|f| f as u64)
        }),
        _ => None,
    };
    number
        .and_then(|n| usize::try_from(n).ok())
        .filter(|n| range.contains(n))
        .ok_or_else(|| invalid(field, &describe_range(range), &value))
}

fn seed(value: &Value) -> Result<u64, ConfigError> {
    match value {
        Value::Number(n) => n.as_u64(),
        _ => None,
    }
    .or_else(|| whole(value.clone(), "seed", &SEED).ok().map(|n| n as u64))
    .ok_or_else(|| {
        invalid(
            "seed",
            &format!("a whole number from 0 to {}", u64::MAX),
            value,
        )
    })
}
