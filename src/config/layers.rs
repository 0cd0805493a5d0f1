//! The `layers` key: hidden layers written `units:activation[:param]`,
//! comma-separated, e.g. `4:tanh,2:leaky_relu:0.1,3:maxout:3`.

use super::values::{finite, number, whole_in};
use crate::activation::{Activation, Kind};
use crate::network::{HIDDEN_LAYERS, HIDDEN_UNITS, PIECES};
use crate::session::HiddenLayer;

/// What `layers` accepts, for the notice and the docs.
pub fn layers_accepts() -> String {
    format!(
        "up to {} comma-separated hidden layers, each units:activation[:param] with {} to {} units and an activation from {} \
         (param: {}; pieces for maxout, {} to {}); empty for none",
        HIDDEN_LAYERS.end(),
        HIDDEN_UNITS.start(),
        HIDDEN_UNITS.end(),
        hidden_names(),
        param_ranges(),
        PIECES.start(),
        PIECES.end()
    )
}

/// "alpha for leaky_relu, a number from 0 to 1; slope for prelu, …", from each activation's range.
fn param_ranges() -> String {
    let ranges: Vec<String> = Kind::ALL
        .into_iter()
        .filter_map(|kind| {
            let spec = kind.param()?;
            Some(format!("{} for {kind}, {}", spec.name, spec.describe()))
        })
        .collect();
    ranges.join("; ")
}

/// `4`, `4:relu`, `4:leaky_relu:0.1` or `3:maxout:3` (the activation is tanh when left out).
pub fn read_layer(text: &str) -> Option<HiddenLayer> {
    let (units, activation) = match text.split_once(':') {
        Some((units, activation)) => (units, Some(activation)),
        None => (text, None),
    };
    let units_range = *HIDDEN_UNITS.start() as u64..=*HIDDEN_UNITS.end() as u64;
    let units = whole_in(units, &units_range)? as usize;
    let (activation, param) = match activation {
        Some(text) => read_activation(text)?,
        None => (Kind::Tanh, None),
    };
    Some(HiddenLayer {
        units,
        activation,
        param,
    })
}

/// A hidden layer's activation with its optional parameter: `relu`,
/// `leaky_relu:0.1`, `maxout:3` (softmax is not one).
pub fn read_activation(text: &str) -> Option<(Kind, Option<f64>)> {
    let mut parts = text.split(':');
    let activation = parts.next()?.parse::<Kind>().ok();
    let activation = activation.filter(|&k| k != Kind::Softmax)?;
    let param = match (activation, parts.next()) {
        (_, None) => None,
        (Kind::Maxout, Some(p)) => {
            let pieces = *PIECES.start() as u64..=*PIECES.end() as u64;
            Some(whole_in(p, &pieces)? as f64)
        }
        (kind, Some(p)) => Some(layer_param(kind, p)?),
    };
    if parts.next().is_some() {
        return None;
    }
    Some((activation, param))
}

/// A parameter the network accepts for `kind`: in its one range, as `Activation::new` checks it.
fn layer_param(kind: Kind, text: &str) -> Option<f64> {
    let value = finite(text)?;
    Activation::new(kind, Some(value)).ok().map(|_| value)
}

pub fn write_layer(layer: &HiddenLayer) -> String {
    let activation = write_activation(layer.activation, layer.param);
    format!("{}:{activation}", layer.units)
}

/// `relu`, `leaky_relu:0.1`, `maxout:3`, as `read_activation` reads them.
pub fn write_activation(activation: Kind, param: Option<f64>) -> String {
    let name = activation.name();
    match (activation, param) {
        (Kind::Maxout, Some(pieces)) => format!("{name}:{}", pieces as u64),
        (_, Some(param)) => format!("{name}:{}", number(param)),
        (_, None) => name.to_owned(),
    }
}

/// The activations a hidden layer may have: every kind but softmax.
pub fn hidden_names() -> String {
    Kind::ALL
        .into_iter()
        .filter(|&k| k != Kind::Softmax)
        .map(Kind::name)
        .collect::<Vec<_>>()
        .join(", ")
}
