//! Regularisation of the weights (never biases or PReLU slopes): none, L1
//! or L2, each a penalty added to the loss with its gradient added in the
//! Backward stage; L1 also cuts weights to exactly 0 in the Update stage.

use std::ops::RangeInclusive;

use super::TrainError;
use crate::network::{ModelError, Network};

/// The rates the playground accepts.
pub const RATE: RangeInclusive<f64> = 0.0..=10.0;
/// The rate L1 or L2 starts at when chosen without one.
pub const DEFAULT_RATE: f64 = 0.001;

/// The penalty on the weights W, with its rate λ.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Regularization {
    /// No penalty, as in the notes.
    #[default]
    None,
    /// `λ·Σ|W|`, gradient `λ·sign(W)` (with sign(0) = 0). After each update
    /// a weight becomes exactly 0.0 when (a) the update moved it across 0, or
    /// (b) it was 0 and the data's pull |dL/dW| was at most λ, so only the
    /// penalty (or an optimiser's memory) would have moved it.
    L1(f64),
    /// `½·λ·Σ W²`, gradient `λ·W`: every weight decays towards 0.
    L2(f64),
}

impl Regularization {
    /// Every kind, at the default rate.
    pub const ALL: [Regularization; 3] = [
        Regularization::None,
        Regularization::L1(DEFAULT_RATE),
        Regularization::L2(DEFAULT_RATE),
    ];

    /// The name links use: `none`, `l1`, `l2`.
    pub fn name(self) -> &'static str {
        match self {
            Regularization::None => "none",
            Regularization::L1(_) => "l1",
            Regularization::L2(_) => "l2",
        }
    }

    /// The kind called `name` with `rate` (ignored for `none`).
    pub fn named(name: &str, rate: f64) -> Option<Regularization> {
        match name {
            "none" => Some(Regularization::None),
            "l1" => Some(Regularization::L1(rate)),
            "l2" => Some(Regularization::L2(rate)),
            _ => None,
        }
    }

    /// λ, for L1 and L2.
    pub fn rate(self) -> Option<f64> {
        match self {
            Regularization::None => None,
            Regularization::L1(rate) | Regularization::L2(rate) => Some(rate),
        }
    }

    /// The rate must be in `RATE`.
    pub fn validate(self) -> Result<(), TrainError> {
        match self.rate() {
            Some(rate) if !(rate.is_finite() && RATE.contains(&rate)) => Err(TrainError::Setting {
                name: "regularisation rate",
                accepts: "a number from 0 to 10".into(),
                got: rate.to_string(),
            }),
            _ => Ok(()),
        }
    }

    /// Backward: adds the penalty's gradient to the weight entries of
    /// `gradient` (`param_count()` numbers).
    pub fn add_gradient(self, network: &Network, gradient: &mut [f64]) -> Result<(), ModelError> {
        match self {
            Regularization::L2(rate) if rate > 0.0 => network.add_weight_decay(gradient, rate),
            Regularization::L1(rate) if rate > 0.0 => {
                network.add_weight_penalty(gradient, |w| rate * sign(w))
            }
            _ => Ok(()),
        }
    }

    /// Update, after the optimiser's step: L1's cut to exactly 0 (see `L1`).
    /// `before` and `gradient` are laid out as the parameters.
    pub fn cut(self, network: &mut Network, before: &[f64], gradient: &[f64]) {
        let Regularization::L1(rate) = self else {
            return;
        };
        if rate > 0.0 {
            network.zero_weights_where(|i, w| {
                let (Some(&old), Some(&g)) = (before.get(i), gradient.get(i)) else {
                    return false;
                };
                old * w < 0.0 || (old == 0.0 && g.abs() <= rate)
            });
        }
    }
}

/// sign(w): −1, 0 or 1 (0 for ±0).
fn sign(w: f64) -> f64 {
    if w > 0.0 {
        1.0
    } else if w < 0.0 {
        -1.0
    } else {
        0.0
    }
}
