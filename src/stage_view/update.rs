//! The Update stage's equations: the rule the optimiser applied to every
//! parameter block (its memory, the change `−lr·d` and the block after),
//! the schedule's learning rate, L1's cut, and the batch's loss either side.

use std::ops::Range;

use super::equation::Equation;
use super::equations::{part, Pass};
use super::matrix::{short, Matrix};
use crate::network::LayerKind;
use crate::train::{Optimizer, Regularization, Schedule, Trainer};

/// A parameter block: its name, where it lies in the parameters, rows × cols.
type Block = (String, Range<usize>, usize, usize);

/// Update: the learning rate, every parameter block's rule, L1's cut and the losses.
impl Pass<'_> {
    pub(super) fn update(&self, trainer: &Trainer, loss_after: Option<f64>) -> Vec<Equation> {
        let mut equations = Vec::new();
        let settings = trainer.settings();
        if let Some((every, factor)) = settings.schedule.decay() {
            let power = match settings.schedule {
                Schedule::Step { .. } => format!("⌊t / {every}⌋"),
                _ => format!("t / {every}"),
            };
            let text = format!(
                "lr = {}·{}^({power}) = {}",
                short(settings.learning_rate),
                short(factor),
                short(self.learning_rate)
            );
            equations.push(Equation::new(text, Vec::new()).detail(format!(
                "the schedule's rate at this step, t = {} updates so far",
                trainer.step_count().saturating_sub(u64::from(self.ran[3]))
            )));
        }
        for (i, layer) in self.network.layers().iter().enumerate() {
            let l = i + 1;
            let (fan_in, columns) = (layer.fan_in(), layer.columns());
            let mut blocks = vec![
                (format!("W{l}"), layer.w_range(), fan_in, columns),
                (format!("b{l}"), layer.b_range(), 1, columns),
            ];
            if let LayerKind::Prelu { .. } = layer.kind() {
                let slopes = (format!("slope{l}"), layer.slope_range(), 1, layer.units());
                blocks.push(slopes);
            }
            for block in blocks {
                equations.push(self.descend(block, trainer));
            }
        }
        if let Regularization::L1(rate) = settings.regularization {
            let text =
                "L1: a weight that crossed 0, or sat at 0 with |dL/dW| ≤ λ, becomes exactly 0";
            let detail = format!("λ = {}; biases and slopes are not cut", short(rate));
            equations.push(Equation::new(text, Vec::new()).detail(detail));
        }
        let losses = Equation::new(
            "loss on the same batch, before → after the update",
            Vec::new(),
        );
        equations.push(match (trainer.batch_loss(), loss_after) {
            (Some(before), Some(after)) => {
                losses.detail(format!("{} → {}", short(before), short(after)))
            }
            _ => losses,
        });
        equations
    }

    /// The optimiser's rule for one block, with its memory, change and result.
    fn descend(&self, (name, range, rows, cols): Block, trainer: &Trainer) -> Equation {
        let optimizer = trainer.settings().optimizer;
        let state = trainer.optimizer_state();
        let lr = self.learning_rate;
        let d = match optimizer {
            Optimizer::Sgd => trainer.gradient(),
            _ => state.last_direction(),
        };
        let change: Vec<f64> = part(d, range.clone()).iter().map(|d| -lr * d).collect();
        let matrix = |label: String, values: &[f64]| Matrix::new(label, values, rows, cols);
        let mut matrices = vec![matrix(
            format!("{name} before"),
            part(self.params, range.clone()),
        )];
        let (first, second) = memory_names(optimizer, &name);
        for (label, buffer) in [(first, state.first()), (second, state.second())] {
            if let Some(label) = label {
                matrices.push(matrix(label, part(buffer, range.clone())).computed());
            }
        }
        let step = step_name(optimizer, &name);
        matrices.push(matrix(format!("−lr·{step}"), &change).computed());
        matrices.push(matrix(format!("{name} after"), part(self.after, range)).computed());
        let (text, detail) = rule(optimizer, &name, lr, state.updates());
        let equation = Equation::new(text, matrices);
        match detail {
            Some(detail) => equation.detail(detail),
            None => equation,
        }
    }
}

/// The names of the optimiser's two buffers for block `p`, where it keeps them.
fn memory_names(optimizer: Optimizer, p: &str) -> (Option<String>, Option<String>) {
    match optimizer {
        Optimizer::Sgd => (None, None),
        Optimizer::Momentum { .. } | Optimizer::Nesterov { .. } => (Some(format!("v_{p}")), None),
        Optimizer::Adagrad { .. } => (None, Some(format!("G_{p}"))),
        Optimizer::RmsProp { .. } => (None, Some(format!("s_{p}"))),
        Optimizer::Adam { .. } => (Some(format!("m_{p}")), Some(format!("v_{p}"))),
    }
}

/// The direction d of `p ← p − lr·d`, in words short enough for a matrix's label.
fn step_name(optimizer: Optimizer, p: &str) -> String {
    match optimizer {
        Optimizer::Sgd => format!("dL/d{p}"),
        Optimizer::Momentum { .. } => format!("v_{p}"),
        _ => "d".into(),
    }
}

/// The update rule of block `p` in the notes' notation, and a detail where
/// the rule needs one; `t` is the number of updates the optimiser has made.
fn rule(optimizer: Optimizer, p: &str, lr: f64, t: u64) -> (String, Option<String>) {
    let (lr, g) = (short(lr), format!("dL/d{p}"));
    match optimizer {
        Optimizer::Sgd => (format!("{p} ← {p} − {lr}·{g}"), None),
        Optimizer::Momentum { momentum } => (
            format!(
                "v_{p} ← {}·v_{p} + {g};  {p} ← {p} − {lr}·v_{p}",
                short(momentum)
            ),
            Some("momentum: v remembers the past gradients, fading by μ each step".into()),
        ),
        Optimizer::Nesterov { momentum } => {
            let mu = short(momentum);
            let text = format!("v_{p} ← {mu}·v_{p} + {g};  {p} ← {p} − {lr}·({g} + {mu}·v_{p})");
            let detail = "Nesterov: the step looks ahead along the momentum (d below)";
            (text, Some(detail.into()))
        }
        Optimizer::Adagrad { epsilon } => (
            format!("G_{p} ← G_{p} + ({g})²;  {p} ← {p} − {lr}·{g} / (√G_{p} + ε)"),
            Some(format!(
                "ε = {}; G only grows, so each step shrinks",
                short(epsilon)
            )),
        ),
        Optimizer::RmsProp { decay, epsilon } => (
            format!(
                "s_{p} ← {}·s_{p} + {}·({g})²;  {p} ← {p} − {lr}·{g} / (√s_{p} + ε)",
                short(decay),
                short(1.0 - decay)
            ),
            Some(format!(
                "ε = {}; s is a running mean of squared gradients",
                short(epsilon)
            )),
        ),
        Optimizer::Adam {
            beta1,
            beta2,
            epsilon,
        } => {
            let (b1, b2) = (short(beta1), short(beta2));
            let text = format!(
                "m_{p} ← {b1}·m_{p} + {}·{g};  v_{p} ← {b2}·v_{p} + {}·({g})²;  \
                 {p} ← {p} − {lr}·m̂ / (√v̂ + ε)",
                short(1.0 - beta1),
                short(1.0 - beta2)
            );
            let detail = format!(
                "m̂ = m_{p} / (1 − {b1}^t), v̂ = v_{p} / (1 − {b2}^t) with t = {t}; ε = {}",
                short(epsilon)
            );
            (text, Some(detail))
        }
    }
}
