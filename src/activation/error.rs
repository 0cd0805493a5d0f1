//! What can be wrong with an activation's name or parameter, worded for the
//! person who supplied it.

use std::fmt;

use super::Kind;

/// A problem with a name or a parameter.
#[derive(Clone, Debug, PartialEq)]
pub enum ActivationError {
    UnknownName(String),
    NotElementwise(Kind),
    BadParam { kind: Kind, value: f64 },
    UnexpectedParam(Kind),
}

impl fmt::Display for ActivationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ActivationError::UnknownName(name) => write!(
                f,
                "unknown activation {name:?}; accepted: {}",
                accepted_names()
            ),
            ActivationError::NotElementwise(kind) => write!(
                f,
                "{kind} is not an element-wise function ({}); element-wise: {}",
                match kind {
                    Kind::Maxout => "it is a layer kind: use it in a Model",
                    _ => "use softmax() for a whole vector",
                },
                elementwise_names()
            ),
            ActivationError::BadParam { kind, value } => {
                let spec = kind.param().expect("only kinds with a parameter");
                let (name, range) = (spec.name, spec.describe());
                write!(f, "{name} for {kind} must be {range}, got {value}")?;
                match value.is_finite() {
                    true => Ok(()),
                    false => f.write_str(", which is not a finite number"),
                }
            }
            ActivationError::UnexpectedParam(kind) => write!(
                f,
                "{kind} takes no parameter; parameters exist for {}",
                param_names()
            ),
        }
    }
}

impl std::error::Error for ActivationError {}

/// The accepted names, for error messages.
pub fn accepted_names() -> String {
    Kind::ALL.map(Kind::name).join(", ")
}

fn elementwise_names() -> String {
    let names: Vec<&str> = Kind::ALL
        .into_iter()
        .filter(|kind| kind.is_elementwise())
        .map(Kind::name)
        .collect();
    names.join(", ")
}

/// "leaky_relu (alpha), prelu (slope) and elu (alpha)".
fn param_names() -> String {
    let mut named: Vec<String> = Kind::ALL
        .into_iter()
        .filter_map(|kind| Some(format!("{kind} ({})", kind.param()?.name)))
        .collect();
    let last = named.pop().unwrap_or_default();
    match named.is_empty() {
        true => last,
        false => format!("{} and {last}", named.join(", ")),
    }
}
