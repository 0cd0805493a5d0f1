//! The notes' activation functions, one file each: f(x) beside f'(x), and a
//! `DEFINITION` with its name, parameter, properties, colour, initial weights
//! and formulas. The registry (`kind`) lists them; every other part of nnplay
//! (links, menus, the explorer, the race, the stage view, the JS API) reads
//! them from it, so adding one is its file, its `mod` line here and its line
//! in the registry.
//!
//! Every transcendental function comes from `libm`, except tanh (see `tanh`:
//! one branch-free formula, fast over a batch), so every target computes the
//! same bits (a shared link reproduces a run exactly, native or wasm).

mod definition;
mod kind;

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

pub use definition::{Cost, Definition, Init, ParamSpec, Properties, Saturation};
pub use kind::{accepted_names, Activation, ActivationError, Kind};
pub use maxout::{maxout, maxout_apply, Piece};
pub use sigmoid::sigmoid;
pub use softmax::{softmax, softmax_in_place, SoftmaxError};
pub use tanh::tanh;

impl Activation {
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
