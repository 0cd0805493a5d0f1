//! The optimisers: the notes' plain SGD and five with memory (momentum,
//! Nesterov, Adagrad, RMSProp, Adam). Each turns the gradient g into the
//! step direction d of the update `w ← w − lr·d`, keeping its state in
//! buffers sized once to the parameter count.

use super::TrainError;

/// The accepted values of a hyper-parameter: `min ≤ x < max`, finite.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limit {
    pub min: f64,
    pub max: f64,
    /// "a number from 0 up to but not including 1".
    pub accepts: &'static str,
}

impl Limit {
    pub fn contains(self, x: f64) -> bool {
        x.is_finite() && x >= self.min && x < self.max
    }

    /// `Ok` if `x` is accepted, else an error naming `name`.
    fn check(self, name: &'static str, x: f64) -> Result<(), TrainError> {
        if self.contains(x) {
            return Ok(());
        }
        Err(TrainError::Setting {
            name,
            accepts: self.accepts.to_owned(),
            got: x.to_string(),
        })
    }
}

/// Momentum μ, RMSProp's decay ρ and Adam's β1, β2: 0 ≤ x < 1.
pub const FRACTION: Limit = Limit {
    min: 0.0,
    max: 1.0,
    accepts: "a number from 0 up to but not including 1",
};
/// ε, which keeps Adagrad's, RMSProp's and Adam's division finite.
pub const EPSILON: Limit = Limit {
    min: 1e-12,
    max: 1.0,
    accepts: "a number from 1e-12 up to but not including 1",
};

/// The standard defaults (as in PyTorch and Keras).
pub const DEFAULT_MOMENTUM: f64 = 0.9;
pub const DEFAULT_DECAY: f64 = 0.9;
pub const DEFAULT_BETA1: f64 = 0.9;
pub const DEFAULT_BETA2: f64 = 0.999;
pub const DEFAULT_EPSILON: f64 = 1e-8;

/// How a step turns the gradient g into the direction d of `w ← w − lr·d`.
/// All products, squares and roots are element-wise.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Optimizer {
    /// The notes' SGD: d = g.
    #[default]
    Sgd,
    /// v ← μ·v + g; d = v.
    Momentum { momentum: f64 },
    /// Nesterov's look-ahead, in the form PyTorch uses: v ← μ·v + g; d = g + μ·v.
    Nesterov { momentum: f64 },
    /// G ← G + g²; d = g / (√G + ε).
    Adagrad { epsilon: f64 },
    /// s ← ρ·s + (1 − ρ)·g²; d = g / (√s + ε).
    RmsProp { decay: f64, epsilon: f64 },
    /// m ← β1·m + (1 − β1)·g; v ← β2·v + (1 − β2)·g²; with t the update's
    /// number (from 1), d = m̂ / (√v̂ + ε) where m̂ = m / (1 − β1^t), v̂ = v / (1 − β2^t).
    Adam {
        beta1: f64,
        beta2: f64,
        epsilon: f64,
    },
}

impl Optimizer {
    /// Every optimiser with its standard hyper-parameters.
    pub const ALL: [Optimizer; 6] = [
        Optimizer::Sgd,
        Optimizer::Momentum {
            momentum: DEFAULT_MOMENTUM,
        },
        Optimizer::Nesterov {
            momentum: DEFAULT_MOMENTUM,
        },
        Optimizer::Adagrad {
            epsilon: DEFAULT_EPSILON,
        },
        Optimizer::RmsProp {
            decay: DEFAULT_DECAY,
            epsilon: DEFAULT_EPSILON,
        },
        Optimizer::Adam {
            beta1: DEFAULT_BETA1,
            beta2: DEFAULT_BETA2,
            epsilon: DEFAULT_EPSILON,
        },
    ];

    /// The name links and the JS API use: `sgd`, `momentum`, `nesterov`, `adagrad`, `rmsprop`, `adam`.
    pub fn name(self) -> &'static str {
        match self {
            Optimizer::Sgd => "sgd",
            Optimizer::Momentum { .. } => "momentum",
            Optimizer::Nesterov { .. } => "nesterov",
            Optimizer::Adagrad { .. } => "adagrad",
            Optimizer::RmsProp { .. } => "rmsprop",
            Optimizer::Adam { .. } => "adam",
        }
    }

    /// The optimiser called `name`, with its standard hyper-parameters.
    pub fn named(name: &str) -> Option<Optimizer> {
        Optimizer::ALL.into_iter().find(|o| o.name() == name)
    }

    /// "sgd, momentum, nesterov, adagrad, rmsprop, adam".
    pub fn names() -> String {
        Optimizer::ALL.map(Optimizer::name).join(", ")
    }

    /// μ of momentum and Nesterov.
    pub fn momentum(self) -> Option<f64> {
        match self {
            Optimizer::Momentum { momentum } | Optimizer::Nesterov { momentum } => Some(momentum),
            _ => None,
        }
    }

    /// ε of Adagrad, RMSProp and Adam.
    pub fn epsilon(self) -> Option<f64> {
        match self {
            Optimizer::Adagrad { epsilon }
            | Optimizer::RmsProp { epsilon, .. }
            | Optimizer::Adam { epsilon, .. } => Some(epsilon),
            _ => None,
        }
    }

    /// Checks every hyper-parameter against its limit.
    pub fn validate(self) -> Result<(), TrainError> {
        match self {
            Optimizer::Sgd => Ok(()),
            Optimizer::Momentum { momentum } | Optimizer::Nesterov { momentum } => {
                FRACTION.check("momentum", momentum)
            }
            Optimizer::Adagrad { epsilon } => EPSILON.check("epsilon", epsilon),
            Optimizer::RmsProp { decay, epsilon } => {
                FRACTION.check("RMSProp decay", decay)?;
                EPSILON.check("epsilon", epsilon)
            }
            Optimizer::Adam {
                beta1,
                beta2,
                epsilon,
            } => {
                FRACTION.check("Adam beta1", beta1)?;
                FRACTION.check("Adam beta2", beta2)?;
                EPSILON.check("epsilon", epsilon)
            }
        }
    }

    /// Whether `self` and `other` are the same rule (hyper-parameters aside),
    /// so that one's state means the same to the other.
    pub fn same_rule(self, other: Optimizer) -> bool {
        self.name() == other.name()
    }
}

/// What an optimiser remembers between updates. Every buffer holds one
/// number per parameter (laid out as the parameters), sized at `new`.
#[derive(Clone, Debug, Default)]
pub struct OptimizerState {
    /// Momentum's and Nesterov's v; Adam's m.
    first: Vec<f64>,
    /// Adagrad's G, RMSProp's s, Adam's v.
    second: Vec<f64>,
    /// d of the last update (not used by SGD, whose d is g itself).
    direction: Vec<f64>,
    /// Updates since the state was cleared (Adam's t).
    updates: u64,
    /// β1^t and β2^t, kept as running products.
    beta1_power: f64,
    beta2_power: f64,
}

impl OptimizerState {
    /// Zeroed state for `params` parameters.
    pub fn new(params: usize) -> Self {
        OptimizerState {
            first: vec![0.0; params],
            second: vec![0.0; params],
            direction: vec![0.0; params],
            updates: 0,
            beta1_power: 1.0,
            beta2_power: 1.0,
        }
    }

    /// Back to zeros, as before the first update (no allocation).
    pub fn clear(&mut self) {
        self.first.fill(0.0);
        self.second.fill(0.0);
        self.direction.fill(0.0);
        (self.updates, self.beta1_power, self.beta2_power) = (0, 1.0, 1.0);
    }

    /// Momentum's/Nesterov's v or Adam's m, after the last update.
    pub fn first(&self) -> &[f64] {
        &self.first
    }

    /// Adagrad's G, RMSProp's s or Adam's v, after the last update.
    pub fn second(&self) -> &[f64] {
        &self.second
    }

    /// d of the last update, for every optimiser but SGD (whose d is the gradient).
    pub fn last_direction(&self) -> &[f64] {
        &self.direction
    }

    /// Updates since the state was cleared.
    pub fn updates(&self) -> u64 {
        self.updates
    }

    /// Advances the state by one update with `gradient` (as long as the
    /// buffers) and returns d. SGD returns `gradient` itself and keeps no state.
    pub fn direction<'a>(&'a mut self, optimizer: Optimizer, gradient: &'a [f64]) -> &'a [f64] {
        self.updates += 1;
        let (first, second, d) = (&mut self.first, &mut self.second, &mut self.direction);
        let each = first.iter_mut().zip(second.iter_mut()).zip(d.iter_mut());
        let each = each.zip(gradient).map(|(((v, s), d), &g)| (v, s, d, g));
        match optimizer {
            Optimizer::Sgd => return gradient,
            Optimizer::Momentum { momentum: mu } => each.for_each(|(v, _, d, g)| {
                *v = mu * *v + g;
                *d = *v;
            }),
            Optimizer::Nesterov { momentum: mu } => each.for_each(|(v, _, d, g)| {
                *v = mu * *v + g;
                *d = g + mu * *v;
            }),
            Optimizer::Adagrad { epsilon } => each.for_each(|(_, s, d, g)| {
                *s += g * g;
                *d = g / (s.sqrt() + epsilon);
            }),
            Optimizer::RmsProp { decay, epsilon } => each.for_each(|(_, s, d, g)| {
                *s = decay * *s + (1.0 - decay) * g * g;
                *d = g / (s.sqrt() + epsilon);
            }),
            Optimizer::Adam {
                beta1,
                beta2,
                epsilon,
            } => {
                self.beta1_power *= beta1;
                self.beta2_power *= beta2;
                let (c1, c2) = (1.0 - self.beta1_power, 1.0 - self.beta2_power);
                each.for_each(|(m, v, d, g)| {
                    *m = beta1 * *m + (1.0 - beta1) * g;
                    *v = beta2 * *v + (1.0 - beta2) * g * g;
                    *d = (*m / c1) / ((*v / c2).sqrt() + epsilon);
                });
            }
        }
        &self.direction
    }
}
