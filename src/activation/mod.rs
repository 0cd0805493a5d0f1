//! The notes' activation functions, one file each: f(x) beside f'(x), and a
//! `DEFINITION` with its name, parameter, properties, colour, initial weights
//! and formulas. The registry below lists them; every other part of nnplay
//! (links, menus, the explorer, the race, the stage view, the JS API) reads
//! them from it, so adding one is its file and a line here.
//!
//! Every transcendental function comes from `libm`, except tanh (see `tanh`:
//! one branch-free formula, fast over a batch), so every target computes the
//! same bits (a shared link reproduces a run exactly, native or wasm).

mod definition;
mod error;

mod elu;
mod gelu;
mod identity;
mod leaky_relu;
mod maxout;
mod prelu;
mod relu;
mod sigmoid;
mod softmax;
mod swish;
mod tanh;

use std::fmt;
use std::str::FromStr;

pub use definition::{Cost, Definition, Init, ParamSpec, Properties, Saturation};
pub use error::{accepted_names, ActivationError};
pub use maxout::{maxout, maxout_apply, Piece};
pub use sigmoid::sigmoid;
pub use softmax::{softmax, softmax_in_place, SoftmaxError};
pub use tanh::tanh;

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
                    $( Kind::$kind => &$file::DEFINITION, )*
                    $( Kind::$layer => &$layer_file::DEFINITION, )*
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
            fn of(kind: Kind, value: f64) -> Option<Activation> {
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
                    $( Activation::$kind $({ $param })? => $file::value_and_derivative(x $(, $param)?), )*
                }
            }

            /// Calls `body` with this activation as a constant of its own variant, so
            /// the `match` in `f` and `df` folds away inside `body`: a loop over a
            /// batch dispatches once, not once per number.
            #[inline(always)]
            fn dispatch<R>(self, body: impl FnOnce(Activation) -> R) -> R {
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

    /// What the activation's own file says about it.
    pub fn definition(self) -> &'static Definition {
        self.kind().definition()
    }

    /// f(x).
    #[inline(always)]
    pub fn f(self, x: f64) -> f64 {
        self.value_and_derivative(x).0
    }

    /// f'(x), the derivative with respect to x.
    #[inline(always)]
    pub fn df(self, x: f64) -> f64 {
        self.value_and_derivative(x).1
    }

    /// The derivative written in terms of the output z = f(x), as the notes
    /// write it for sigmoid (`z(1 − z)`) and tanh (`1 − z²`; the notes' `z(1 − z²)`
    /// is a slip). `None` for the others, whose derivative the notes give in x.
    #[inline(always)]
    pub fn df_from_output(self, z: f64) -> Option<f64> {
        match self {
            Activation::Sigmoid => Some(sigmoid::derivative_from_output(z)),
            Activation::Tanh => Some(tanh::derivative_from_output(z)),
            _ => None,
        }
    }

    /// Writes f(x) of every `xs` into `out` (same length).
    pub fn apply(self, xs: &[f64], out: &mut [f64]) {
        self.dispatch(|f| {
            for (y, &x) in out.iter_mut().zip(xs) {
                *y = f.f(x);
            }
        })
    }

    /// Writes f'(x) of every `xs` into `out` (same length). Only the
    /// explorer's curves use it, so it is left small rather than fast.
    pub fn apply_derivative(self, xs: &[f64], out: &mut [f64]) {
        for (y, &x) in out.iter_mut().zip(xs) {
            *y = self.df(x);
        }
    }

    /// Backward through a batch: `delta = g ⊙ f'(x)` for inputs `xs` whose
    /// outputs `ys = f(xs)` the forward pass kept (all four the same length).
    /// Sigmoid's and tanh's f' come from the output, which gives the bits of
    /// `df(x)` without computing e^x again.
    pub fn backward(self, xs: &[f64], ys: &[f64], g: &[f64], delta: &mut [f64]) {
        /// `delta = g ⊙ f'` with f' from the outputs `ys` (sigmoid and tanh only).
        #[inline(always)]
        fn from_output(f: Activation, ys: &[f64], g: &[f64], delta: &mut [f64]) {
            for ((d, &g), &y) in delta.iter_mut().zip(g).zip(ys) {
                *d = g * f.df_from_output(y).unwrap_or(f64::NAN);
            }
        }
        match self {
            Activation::Sigmoid => from_output(Activation::Sigmoid, ys, g, delta),
            Activation::Tanh => from_output(Activation::Tanh, ys, g, delta),
            _ => self.dispatch(|f| {
                for ((d, &g), &x) in delta.iter_mut().zip(g).zip(xs) {
                    *d = g * f.df(x);
                }
            }),
        }
    }
}

/// The intervals of `[lo, hi]` where |f'(x)| < `threshold`, found on `samples`
/// evenly spaced points (an interval runs between the first and last
/// saturated sample of a run).
pub fn saturated_intervals(
    derivative: impl Fn(f64) -> f64,
    lo: f64,
    hi: f64,
    samples: usize,
    threshold: f64,
) -> Vec<(f64, f64)> {
    let mut intervals = Vec::new();
    let mut start: Option<f64> = None;
    let step = (hi - lo) / (samples.max(2) - 1) as f64;
    for i in 0..samples.max(2) {
        let x = lo + step * i as f64;
        let saturated = derivative(x).abs() < threshold;
        match (saturated, start) {
            (true, None) => start = Some(x),
            (false, Some(s)) => {
                intervals.push((s, x - step));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        intervals.push((s, hi));
    }
    intervals
}
