//! Each stage's equations for the network as built, with the batch's
//! matrices: Sample batch (x, y), Forward (z and a per layer, the loss),
//! Backward (delta and the gradients per layer); Update's are in `update`.

use std::ops::Range;

use super::equation::Equation;
use super::matrix::{short, Matrix};
use super::notation::{
    definition, derivative, input_name, name, output_name, BIAS_SLIP, MEAN_NOTE, TANH_SLIP,
};
use crate::activation::{Activation, Kind};
use crate::diagnostics::{saturated_fraction, unit_activation};
use crate::features::FeatureSet;
use crate::loss::Loss;
use crate::network::{Layer, LayerKind, Network, Workspace};
use crate::train::{Regularization, Stage, Trainer};

/// `values[range]`, or nothing when the buffer is not sized yet.
pub(super) fn part(values: &[f64], range: Range<usize>) -> &[f64] {
    values.get(range).unwrap_or(&[])
}

/// Sample batch: the batch's x and y.
pub(super) fn sample(trainer: &Trainer) -> Vec<Equation> {
    let rows = trainer.batch_indices().len();
    let outputs = trainer.network().outputs();
    let x = Matrix::new("x", trainer.batch_x(), rows, trainer.network().inputs());
    let y = Matrix::new("y", trainer.batch_y(), rows, outputs);
    let size = trainer.train_set().len();
    let batch = trainer.settings().batch_size;
    let what = if trainer.network().is_classifier() {
        "y one-hot over the classes"
    } else {
        "y the target value"
    };
    let equation = Equation::new(
        "x, y = sample batch of data",
        vec![x.computed(), y.computed()],
    );
    let features = trainer.features();
    let names: Vec<&str> = features.iter().map(|f| f.name()).collect();
    let inputs = names.join(", ");
    let x_is = match features == FeatureSet::default() {
        true => "its coordinates",
        false => "its input features",
    };
    vec![equation.detail(format!(
        "the next {batch} of the {size} training points in this epoch's shuffled order: \
         one row per point, x {x_is} ({inputs}), {what}"
    ))]
}

/// What the equations read: the network, the pass's buffers, and the
/// parameters the pass ran with (those from before the update once Update ran).
pub(super) struct Pass<'a> {
    pub(super) network: &'a Network,
    pub(super) workspace: &'a Workspace,
    pub(super) params: &'a [f64],
    pub(super) after: &'a [f64],
    pub(super) x: &'a [f64],
    pub(super) rows: usize,
    pub(super) regularization: Regularization,
    /// The rate of this step's update (the schedule's, or the learning rate).
    pub(super) learning_rate: f64,
    pub(super) ran: [bool; 4],
}

impl<'a> Pass<'a> {
    pub(super) fn of(trainer: &'a Trainer, ran: impl Fn(Stage) -> bool) -> Pass<'a> {
        let updated = ran(Stage::Update) && !trainer.params_before().is_empty();
        let network = trainer.network();
        Pass {
            network,
            workspace: trainer.workspace(),
            params: if updated {
                trainer.params_before()
            } else {
                network.params()
            },
            after: network.params(),
            x: trainer.batch_x(),
            rows: trainer.batch_indices().len(),
            regularization: trainer.settings().regularization,
            learning_rate: trainer.update_learning_rate(),
            ran: Stage::ALL.map(ran),
        }
    }

    fn last(&self) -> usize {
        self.network.layers().len() - 1
    }

    /// Forward: `z = a_prev·W + b` and `a = f(z)` for every layer, then the loss.
    pub(super) fn forward(&self, loss: Option<f64>) -> Vec<Equation> {
        let mut equations = Vec::new();
        for (i, layer) in self.network.layers().iter().enumerate() {
            equations.push(self.affine(i, layer));
            equations.push(self.activation(i, layer));
        }
        let text = match self.network.loss_kind() {
            Loss::CrossEntropy => "loss = −Σ y·ln(y_hat) / n",
            Loss::SquaredError => "loss = Σ ½·(y_hat − y)² / n",
        };
        let loss_equation = Equation::new(text, Vec::new());
        equations.push(match loss.filter(|_| self.ran[Stage::Forward as usize]) {
            Some(loss) => loss_equation.detail(format!(
                "= {} on this batch of n = {} points",
                short(loss),
                self.rows
            )),
            None => loss_equation.detail("the mean over the batch's n points"),
        });
        equations
    }

    fn affine(&self, i: usize, layer: &Layer) -> Equation {
        let (l, fan_in, columns) = (i + 1, layer.fan_in(), layer.columns());
        let mut matrices = Vec::new();
        if i == 0 {
            matrices.push(Matrix::new("x", self.x, self.rows, fan_in));
        }
        let w = part(self.params, layer.w_range());
        matrices.push(Matrix::new(format!("W{l}"), w, fan_in, columns));
        let b = part(self.params, layer.b_range());
        matrices.push(Matrix::new(format!("b{l}"), b, 1, columns));
        let z = self.workspace.z(i);
        matrices.push(Matrix::new(format!("z{l}"), z, self.rows, columns).computed());
        let text = format!("z{l} = {}·W{l} + b{l}", input_name(i));
        Equation::new(text, matrices)
    }

    fn activation(&self, i: usize, layer: &Layer) -> Equation {
        let (l, kind, units) = (i + 1, layer.kind(), layer.units());
        let a = output_name(i, self.last());
        let mut matrices = Vec::new();
        if let LayerKind::Prelu { .. } = kind {
            let slopes = part(self.params, layer.slope_range());
            matrices.push(Matrix::new(format!("slope{l}"), slopes, 1, units));
        }
        let values = self.workspace.a(i);
        matrices.push(Matrix::new(a.clone(), values, self.rows, units).computed());
        let text = match kind {
            LayerKind::Elementwise(Activation::Identity) => format!("{a} = z{l}"),
            _ => format!("{a} = {}(z{l})", name(kind)),
        };
        let mut detail = definition(kind);
        let z = self.workspace.z(i);
        if let Some(fraction) =
            saturated_fraction(layer, z).filter(|_| self.ran[Stage::Forward as usize])
        {
            let count = (fraction * z.len() as f64).round();
            detail += &format!(
                "; {count} of the {} values of z{l} are saturated (|f′(z)| < 0.01)",
                z.len()
            );
        }
        Equation::new(text, matrices).detail(detail)
    }
}

/// Backward: delta of the output, then each layer's gradients and the delta below.
impl Pass<'_> {
    pub(super) fn backward(&self, gradient: &[f64]) -> Vec<Equation> {
        let last = self.last();
        let layers = self.network.layers();
        let output = &layers[last];
        let delta = self.workspace.delta(last);
        let l = last + 1;
        let delta_matrix = Matrix::new(format!("delta{l}"), delta, self.rows, output.columns());
        let detail = match self.network.loss_kind() {
            Loss::CrossEntropy => "softmax with cross-entropy: dL/dz = y_hat − y for each example",
            Loss::SquaredError => "identity output with ½·(y_hat − y)²: dL/dz = y_hat − y",
        };
        let mut equations = vec![Equation::new(
            format!("delta{l} = y_hat − y"),
            vec![delta_matrix.computed()],
        )
        .detail(detail)];
        for (i, layer) in layers.iter().enumerate().rev() {
            equations.push(self.weight_gradient(i, layer, gradient));
            equations.push(self.bias_gradient(i, layer, gradient));
            if i > 0 {
                equations.push(self.delta_below(i, &layers[i - 1]));
                if let LayerKind::Prelu { .. } = layers[i - 1].kind() {
                    equations.push(self.slope_gradient(i - 1, &layers[i - 1], gradient));
                }
            }
        }
        equations
    }

    fn weight_gradient(&self, i: usize, layer: &Layer, gradient: &[f64]) -> Equation {
        let l = i + 1;
        let mut text = format!("dL/dW{l} = {}ᵀ·delta{l} / n", input_name(i));
        let penalty = match self.regularization {
            Regularization::L1(rate) if rate > 0.0 => Some((rate, "sign(W)", "L1")),
            Regularization::L2(rate) if rate > 0.0 => Some((rate, "W", "L2")),
            _ => None,
        };
        if let Some((rate, term, _)) = penalty {
            text += &format!(" + {}·{term}{l}", short(rate));
        }
        let dw = part(gradient, layer.w_range());
        let (fan_in, columns) = (layer.fan_in(), layer.columns());
        let matrix = Matrix::new(format!("dL/dW{l}"), dw, fan_in, columns).computed();
        let equation = Equation::new(text, vec![matrix]);
        match (i == self.last(), penalty) {
            (true, Some((rate, term, kind))) => equation.detail(format!(
                "{MEAN_NOTE} The {kind} term {}·{term} pulls every weight towards 0.",
                short(rate)
            )),
            (true, None) => equation.detail(MEAN_NOTE),
            _ => equation,
        }
    }

    fn bias_gradient(&self, i: usize, layer: &Layer, gradient: &[f64]) -> Equation {
        let l = i + 1;
        let db = part(gradient, layer.b_range());
        let matrix = Matrix::new(format!("dL/db{l}"), db, 1, layer.columns()).computed();
        let equation = Equation::new(format!("dL/db{l} = Σ delta{l} / n"), vec![matrix])
            .detail(format!("Σ adds up the rows of delta{l}, one per example"));
        if i == 0 && self.last() > 0 {
            equation.note(BIAS_SLIP)
        } else {
            equation
        }
    }

    /// `delta_below = (delta·Wᵀ) ⊙ f'(z_below)`, with the matrix of f'(z_below).
    fn delta_below(&self, i: usize, below: &Layer) -> Equation {
        let (l, kind) = (i + 1, below.kind());
        let z = self.workspace.z(i - 1);
        let delta = self.workspace.delta(i - 1);
        let delta_matrix = Matrix::new(format!("delta{i}"), delta, self.rows, below.columns());
        let f = name(kind);
        let (text, mut matrices) = match kind {
            LayerKind::Maxout { .. } => (
                format!("delta{i} = delta{l}·W{l}ᵀ, routed to each unit's winning piece of z{i}"),
                Vec::new(),
            ),
            _ => {
                let slopes = self.derivatives(below, z);
                let df = Matrix::new(format!("{f}'(z{i})"), &slopes, self.rows, below.units());
                (
                    format!("delta{i} = (delta{l}·W{l}ᵀ) ⊙ {f}'(z{i})"),
                    vec![df.computed()],
                )
            }
        };
        matrices.push(delta_matrix.computed());
        let equation = Equation::new(text, matrices).detail(derivative(kind));
        let tanh = matches!(kind, LayerKind::Elementwise(f) if f.kind() == Kind::Tanh);
        if tanh {
            equation.note(TANH_SLIP)
        } else {
            equation
        }
    }

    /// f'(z) of every entry of `z` (rows × units) for an element-wise or PReLU layer.
    fn derivatives(&self, layer: &Layer, z: &[f64]) -> Vec<f64> {
        let units = layer.units();
        z.iter()
            .enumerate()
            .map(|(k, &z_k)| {
                unit_activation(layer, self.params, k % units).map_or(f64::NAN, |f| f.df(z_k))
            })
            .collect()
    }

    fn slope_gradient(&self, i: usize, layer: &Layer, gradient: &[f64]) -> Equation {
        let (l, units) = (i + 1, layer.units());
        let d_slopes = part(gradient, layer.slope_range());
        let matrix = Matrix::new(format!("dL/dslope{l}"), d_slopes, 1, units).computed();
        let text = format!(
            "dL/dslope{l} = Σ (delta{}·W{}ᵀ) ⊙ min(z{l}, 0) / n",
            l + 1,
            l + 1
        );
        Equation::new(text, vec![matrix])
            .detail("a = slope·z where z < 0, so da/dslope = min(z, 0)")
    }
}
