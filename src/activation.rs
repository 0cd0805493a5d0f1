//! The notes' activation functions: each value f(x) beside its derivative f'(x),
//! softmax, a scalar view of Maxout, and the properties the notes list.
//!
//! Every transcendental function comes from `libm`, except tanh (see `tanh`:
//! one branch-free formula, fast over a batch), so every target computes the
//! same bits (a shared link reproduces a run exactly, native or wasm).

mod tanh;

use std::fmt;
use std::str::FromStr;

pub use tanh::tanh;

/// Every activation name the playground knows, as the JS API spells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Identity,
    Sigmoid,
    Tanh,
    Relu,
    LeakyRelu,
    Prelu,
    Elu,
    /// A layer kind: unit j outputs the max of k linear pieces.
    Maxout,
    /// An output kind: it normalises a whole vector.
    Softmax,
}

impl Kind {
    /// Every kind, in the order the notes introduce them (identity first).
    pub const ALL: [Kind; 9] = [
        Kind::Identity,
        Kind::Sigmoid,
        Kind::Tanh,
        Kind::Relu,
        Kind::LeakyRelu,
        Kind::Prelu,
        Kind::Elu,
        Kind::Maxout,
        Kind::Softmax,
    ];

    /// The name used in the JS API, configs and links.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Identity => "identity",
            Kind::Sigmoid => "sigmoid",
            Kind::Tanh => "tanh",
            Kind::Relu => "relu",
            Kind::LeakyRelu => "leaky_relu",
            Kind::Prelu => "prelu",
            Kind::Elu => "elu",
            Kind::Maxout => "maxout",
            Kind::Softmax => "softmax",
        }
    }

    /// The kinds that act on one number at a time (`activate` / `derivative` accept these).
    pub fn is_elementwise(self) -> bool {
        !matches!(self, Kind::Maxout | Kind::Softmax)
    }

    /// The adjustable parameter of this kind, if it has one.
    pub fn param(self) -> Option<ParamSpec> {
        match self {
            Kind::LeakyRelu => Some(ParamSpec {
                name: "alpha",
                default: 0.01,
                min: 0.0,
                max: 1.0,
            }),
            Kind::Prelu => Some(ParamSpec {
                name: "slope",
                default: 0.25,
                min: -1.0,
                max: 1.0,
            }),
            Kind::Elu => Some(ParamSpec {
                name: "alpha",
                default: 1.0,
                min: 0.0,
                max: 5.0,
            }),
            _ => None,
        }
    }

    /// The properties the notes judge activations by.
    pub fn properties(self) -> Properties {
        use Saturation::*;
        let (label, range, zero_centered, monotonic, smooth, saturates, cost) = match self {
            Kind::Identity => (
                "Identity (linear)",
                "(−∞, ∞)",
                true,
                true,
                true,
                Never,
                Cost::Linear,
            ),
            Kind::Sigmoid => ("Sigmoid", "(0, 1)", false, true, true, BothSides, Cost::Exp),
            Kind::Tanh => ("tanh", "(−1, 1)", true, true, true, BothSides, Cost::Exp),
            Kind::Relu => (
                "ReLU",
                "[0, ∞)",
                false,
                true,
                false,
                NegativeSide,
                Cost::Compare,
            ),
            Kind::LeakyRelu => (
                "Leaky ReLU",
                "(−∞, ∞)",
                false,
                true,
                false,
                Never,
                Cost::Compare,
            ),
            Kind::Prelu => ("PReLU", "(−∞, ∞)", false, true, false, Never, Cost::Compare),
            Kind::Elu => (
                "ELU",
                "(−α, ∞)",
                false,
                true,
                false,
                NegativeSide,
                Cost::Exp,
            ),
            Kind::Maxout => (
                "Maxout",
                "(−∞, ∞)",
                false,
                false,
                false,
                Never,
                Cost::Pieces,
            ),
            Kind::Softmax => (
                "Softmax",
                "(0, 1), sums to 1",
                false,
                true,
                true,
                BothSides,
                Cost::Exp,
            ),
        };
        Properties {
            label,
            range,
            zero_centered,
            monotonic,
            smooth,
            saturates,
            cost,
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The accepted names, for error messages.
pub fn accepted_names() -> String {
    Kind::ALL.map(Kind::name).join(", ")
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

/// An adjustable parameter: its name, default and the range a slider offers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParamSpec {
    pub name: &'static str,
    pub default: f64,
    pub min: f64,
    pub max: f64,
}

/// Where the derivative (nearly) vanishes, so gradients die.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saturation {
    Never,
    NegativeSide,
    BothSides,
}

impl Saturation {
    pub fn describe(self) -> &'static str {
        match self {
            Saturation::Never => "no",
            Saturation::NegativeSide => "for x < 0",
            Saturation::BothSides => "both tails",
        }
    }
}

/// The notes' "computational cost" property, as a class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cost {
    /// Nothing but the input itself.
    Linear,
    /// One comparison (and maybe a multiply).
    Compare,
    /// Needs `exp()`, which the notes count as costly.
    Exp,
    /// k dot products per unit instead of one.
    Pieces,
}

impl Cost {
    pub fn describe(self) -> &'static str {
        match self {
            Cost::Linear => "free",
            Cost::Compare => "cheap: one comparison",
            Cost::Exp => "costly: needs exp()",
            Cost::Pieces => "k× the weights and dot products",
        }
    }
}

/// The properties of an activation, as the notes list them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Properties {
    pub label: &'static str,
    pub range: &'static str,
    pub zero_centered: bool,
    pub monotonic: bool,
    /// Continuously differentiable everywhere.
    pub smooth: bool,
    pub saturates: Saturation,
    pub cost: Cost,
}

/// A problem with a name or a parameter, worded for the person who supplied it.
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
                let allowed = match kind {
                    Kind::LeakyRelu => "a finite number from 0 up to (not including) 1",
                    Kind::Elu => "a finite number greater than 0",
                    _ => "a finite number",
                };
                write!(f, "{} for {kind} must be {allowed}, got {value}", spec.name)
            }
            ActivationError::UnexpectedParam(kind) => write!(
                f,
                "{kind} takes no parameter; parameters exist for leaky_relu (alpha), prelu (slope) and elu (alpha)"
            ),
        }
    }
}

impl std::error::Error for ActivationError {}

fn elementwise_names() -> String {
    Kind::ALL
        .into_iter()
        .filter(|kind| kind.is_elementwise())
        .map(Kind::name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// An element-wise activation with its parameter fixed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Activation {
    Identity,
    Sigmoid,
    Tanh,
    Relu,
    LeakyRelu { alpha: f64 },
    Prelu { slope: f64 },
    Elu { alpha: f64 },
}

impl Activation {
    /// Builds the activation `kind` with `param` (or its default when `None`).
    /// Errors name the problem: a layer-only kind, a parameter out of range, or
    /// a parameter given to a kind without one.
    pub fn new(kind: Kind, param: Option<f64>) -> Result<Self, ActivationError> {
        if !kind.is_elementwise() {
            return Err(ActivationError::NotElementwise(kind));
        }
        let value = match (kind.param(), param) {
            (None, Some(_)) => return Err(ActivationError::UnexpectedParam(kind)),
            (None, None) => 0.0,
            (Some(spec), None) => spec.default,
            (Some(_), Some(value)) => value,
        };
        let valid = value.is_finite()
            && match kind {
                Kind::LeakyRelu => (0.0..1.0).contains(&value),
                Kind::Elu => value > 0.0,
                _ => true,
            };
        if !valid {
            return Err(ActivationError::BadParam { kind, value });
        }
        Ok(match kind {
            Kind::Identity => Activation::Identity,
            Kind::Sigmoid => Activation::Sigmoid,
            Kind::Tanh => Activation::Tanh,
            Kind::Relu => Activation::Relu,
            Kind::LeakyRelu => Activation::LeakyRelu { alpha: value },
            Kind::Prelu => Activation::Prelu { slope: value },
            Kind::Elu => Activation::Elu { alpha: value },
            Kind::Maxout | Kind::Softmax => unreachable!("rejected above"),
        })
    }

    /// Parses a name and builds the activation, as `new` does.
    pub fn parse(name: &str, param: Option<f64>) -> Result<Self, ActivationError> {
        Activation::new(name.parse()?, param)
    }

    pub fn kind(self) -> Kind {
        match self {
            Activation::Identity => Kind::Identity,
            Activation::Sigmoid => Kind::Sigmoid,
            Activation::Tanh => Kind::Tanh,
            Activation::Relu => Kind::Relu,
            Activation::LeakyRelu { .. } => Kind::LeakyRelu,
            Activation::Prelu { .. } => Kind::Prelu,
            Activation::Elu { .. } => Kind::Elu,
        }
    }

    /// f(x) and f'(x) together: each arm states a function beside its derivative.
    /// Conventions at the kink x = 0 follow the notes: ReLU'(0) = 1,
    /// Leaky ReLU'(0) = PReLU'(0) = the slope, ELU'(0) = 1.
    #[inline(always)]
    pub fn value_and_derivative(self, x: f64) -> (f64, f64) {
        match self {
            Activation::Identity => (x, 1.0),
            Activation::Sigmoid => {
                let s = sigmoid(x);
                (s, s * (1.0 - s))
            }
            Activation::Tanh => {
                let t = tanh(x);
                (t, 1.0 - t * t)
            }
            Activation::Relu if x >= 0.0 => (x, 1.0),
            Activation::Relu => (0.0, 0.0),
            Activation::LeakyRelu { alpha: slope } | Activation::Prelu { slope } => {
                if x > 0.0 {
                    (x, 1.0)
                } else {
                    (slope * x, slope)
                }
            }
            Activation::Elu { .. } if x >= 0.0 => (x, 1.0),
            // expm1 keeps the small-|x| values exact; the derivative alpha·e^x never overflows here.
            Activation::Elu { alpha } => (alpha * libm::expm1(x), alpha * libm::exp(x)),
        }
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
            Activation::Sigmoid => Some(z * (1.0 - z)),
            Activation::Tanh => Some(1.0 - z * z),
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

    /// Calls `body` with this activation as a constant of its own variant, so
    /// the `match` in `f` and `df` folds away inside `body`: a loop over a
    /// batch dispatches once, not once per number.
    #[inline(always)]
    fn dispatch<R>(self, body: impl FnOnce(Activation) -> R) -> R {
        match self {
            Activation::Identity => body(Activation::Identity),
            Activation::Sigmoid => body(Activation::Sigmoid),
            Activation::Tanh => body(Activation::Tanh),
            Activation::Relu => body(Activation::Relu),
            Activation::LeakyRelu { alpha } => body(Activation::LeakyRelu { alpha }),
            Activation::Prelu { slope } => body(Activation::Prelu { slope }),
            Activation::Elu { alpha } => body(Activation::Elu { alpha }),
        }
    }
}

/// The logistic sigmoid, stable for any x: e^x is only ever taken of x ≤ 0.
#[inline(always)]
pub fn sigmoid(x: f64) -> f64 {
    if x >= 0.0 {
        1.0 / (1.0 + libm::exp(-x))
    } else {
        let e = libm::exp(x);
        e / (1.0 + e)
    }
}

/// Why `softmax` refused its input.
#[derive(Clone, Debug, PartialEq)]
pub enum SoftmaxError {
    Empty,
    NonFinite { index: usize, value: f64 },
    BadTemperature(f64),
}

impl fmt::Display for SoftmaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SoftmaxError::Empty => f.write_str("softmax needs at least one logit, got none"),
            SoftmaxError::NonFinite { index, value } => {
                write!(f, "logit {index} is {value}; logits must be finite numbers")
            }
            SoftmaxError::BadTemperature(t) => {
                write!(
                    f,
                    "temperature must be a finite number greater than 0, got {t}"
                )
            }
        }
    }
}

impl std::error::Error for SoftmaxError {}

/// Softmax of `logits / temperature`, into a new vector of probabilities that
/// sum to 1. Subtracting the largest logit first keeps every exponent ≤ 0, so
/// logits of ±1000 give exact, finite results.
pub fn softmax(logits: &[f64], temperature: f64) -> Result<Vec<f64>, SoftmaxError> {
    if logits.is_empty() {
        return Err(SoftmaxError::Empty);
    }
    if let Some((index, &value)) = logits.iter().enumerate().find(|(_, v)| !v.is_finite()) {
        return Err(SoftmaxError::NonFinite { index, value });
    }
    if !(temperature.is_finite() && temperature > 0.0) {
        return Err(SoftmaxError::BadTemperature(temperature));
    }
    let mut probabilities = logits.to_vec();
    softmax_in_place(&mut probabilities, temperature);
    Ok(probabilities)
}

/// Softmax over `z` in place (finite input, temperature > 0 assumed).
pub fn softmax_in_place(z: &mut [f64], temperature: f64) {
    let max = z.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut sum = 0.0;
    for v in z.iter_mut() {
        *v = libm::exp((*v - max) / temperature);
        sum += *v;
    }
    for v in z.iter_mut() {
        *v /= sum;
    }
}

/// One linear piece `w·x + b` of a scalar Maxout unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Piece {
    pub w: f64,
    pub b: f64,
}

/// A scalar Maxout unit, `max_i (w_i·x + b_i)`, and its derivative: the slope of
/// the winning piece (the first one on a tie). Also returns that piece's index.
/// `pieces` must not be empty.
pub fn maxout(pieces: &[Piece], x: f64) -> (f64, f64, usize) {
    let mut best = (f64::NEG_INFINITY, 0.0, 0);
    for (i, piece) in pieces.iter().enumerate() {
        let z = piece.w * x + piece.b;
        if z > best.0 {
            best = (z, piece.w, i);
        }
    }
    best
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

/// Writes a scalar Maxout unit's value at every `xs` into `out` (same length).
pub fn maxout_apply(pieces: &[Piece], xs: &[f64], out: &mut [f64]) {
    for (y, &x) in out.iter_mut().zip(xs) {
        *y = maxout(pieces, x).0;
    }
}
