//! The registry: from one list of the activation files, every `Kind` and
//! `Activation` and what each file says about them, with the refusals of a
//! name or a parameter (`ActivationError`).

use std::fmt;
use std::str::FromStr;

use super::definition::{Definition, ParamSpec, Properties};

/// Builds, from one list, the `Kind` of every activation (element-wise ones,
/// then layer kinds), `Kind::ALL` in that order (the order of menus and
/// tables), each kind's `Definition`, and `Activation`, the element-wise
/// ones with their parameter, whose `value_and_derivative` calls the file's.
macro_rules! registry {
    (
        elementwise: [ $( $kind:ident $({ $param:ident })? => $file:ident, )* ]
        layers: [ $( $(#[$doc:meta])* $layer:ident => $layer_file:ident, )* ]
    ) => {
        /// Every activation name the playground knows, as the JS API spells it.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Kind {
            $( $kind, )*
            $( $(#[$doc])* $layer, )*
        }

        impl Kind {
            /// Every kind, in the order the notes introduce them (identity first).
            pub const ALL: [Kind; [$(stringify!($kind),)* $(stringify!($layer),)*].len()] =
                [$(Kind::$kind,)* $(Kind::$layer,)*];

            /// What the kind's own file says about it.
            pub fn definition(self) -> &'static Definition {
                match self {
                    $( Kind::$kind => &super::$file::DEFINITION, )*
                    $( Kind::$layer => &super::$layer_file::DEFINITION, )*
                }
            }

            /// The kinds that act on one number at a time (`activate` / `derivative` accept these).
            pub fn is_elementwise(self) -> bool {
                matches!(self, $( Kind::$kind )|*)
            }
        }

        /// An element-wise activation with its parameter fixed.
        #[derive(Clone, Copy, Debug, PartialEq)]
        pub enum Activation {
            $( $kind $({ $param: f64 })?, )*
        }

        impl Activation {
            /// The element-wise `kind` with parameter `value` (ignored by kinds without one).
            pub(super) fn of(kind: Kind, value: f64) -> Option<Activation> {
                match kind {
                    $( Kind::$kind => Some(Activation::$kind $({ $param: value })?), )*
                    _ => None,
                }
            }

            pub fn kind(self) -> Kind {
                match self {
                    $( Activation::$kind { .. } => Kind::$kind, )*
                }
            }

            /// The parameter's value, for the kinds that have one.
            pub fn param(self) -> Option<f64> {
                match self {
                    $( Activation::$kind $({ $param })? => None $(.or(Some($param)))?, )*
                }
            }

            /// f(x) and f'(x) together, from the activation's own file.
            #[inline(always)]
            pub fn value_and_derivative(self, x: f64) -> (f64, f64) {
                match self {
                    $( Activation::$kind $({ $param })? => super::$file::value_and_derivative(x $(, $param)?), )*
                }
            }

            /// Calls `body` with this activation as a constant of its own variant, so
            /// the `match` in `f` and `df` folds away inside `body`: a loop over a
            /// batch dispatches once, not once per number.
            #[inline(always)]
            pub(super) fn dispatch<R>(self, body: impl FnOnce(Activation) -> R) -> R {
                match self {
                    $( Activation::$kind $({ $param })? => body(Activation::$kind $({ $param })?), )*
                }
            }
        }
    };
}

registry! {
    elementwise: [
        Identity => identity,
        Sigmoid => sigmoid,
        Tanh => tanh,
        Relu => relu,
        LeakyRelu { alpha } => leaky_relu,
        Prelu { slope } => prelu,
        Elu { alpha } => elu,
        Swish => swish,
        Gelu => gelu,
    ]
    layers: [
        /// A layer kind: unit j outputs the max of k linear pieces.
        Maxout => maxout,
        /// An output kind: it normalises a whole vector.
        Softmax => softmax,
    ]
}

impl Kind {
    /// The name used in the JS API, configs and links.
    pub fn name(self) -> &'static str {
        self.definition().name
    }

    /// The adjustable parameter of this kind, if it has one.
    pub fn param(self) -> Option<ParamSpec> {
        self.definition().param
    }

    /// The properties the notes judge activations by.
    pub fn properties(self) -> Properties {
        self.definition().properties
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Kind {
    type Err = ActivationError;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Kind::ALL
            .into_iter()
            .find(|kind| kind.name() == name)
            .ok_or_else(|| ActivationError::UnknownName(name.to_owned()))
    }
}

impl Activation {
    /// Builds the activation `kind` with `param` (or its default when `None`).
    /// Errors name the problem: a layer-only kind, a parameter outside its
    /// range, or a parameter given to a kind without one.
    pub fn new(kind: Kind, param: Option<f64>) -> Result<Self, ActivationError> {
        if !kind.is_elementwise() {
            return Err(ActivationError::NotElementwise(kind));
        }
        let value = match (kind.param(), param) {
            (None, Some(_)) => return Err(ActivationError::UnexpectedParam(kind)),
            (None, None) => 0.0,
            (Some(spec), None) => spec.default,
            (Some(spec), Some(value)) if spec.accepts(value) => value,
            (Some(_), Some(value)) => return Err(ActivationError::BadParam { kind, value }),
        };
        Activation::of(kind, value).ok_or(ActivationError::NotElementwise(kind))
    }

    /// Parses a name and builds the activation, as `new` does.
    pub fn parse(name: &str, param: Option<f64>) -> Result<Self, ActivationError> {
        Activation::new(name.parse()?, param)
    }
}

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
