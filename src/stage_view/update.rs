//! The Update stage's equations: every parameter block before, its change
//! `−lr·dL/dW` and after, and the batch's loss either side of the update.

use std::ops::Range;

use super::equations::{part, Pass};
use super::matrix::{short, Matrix};
use super::Equation;
use crate::network::LayerKind;
use crate::train::Trainer;

/// Update: every parameter block before, its change and after.
impl Pass<'_> {
    pub(super) fn update(&self, trainer: &Trainer, loss_after: Option<f64>) -> Vec<Equation> {
        let gradient = trainer.gradient();
        let mut equations = Vec::new();
        for (i, layer) in self.network.layers().iter().enumerate() {
            let l = i + 1;
            let (fan_in, columns) = (layer.fan_in(), layer.columns());
            let w = (format!("W{l}"), layer.w_range(), fan_in, columns);
            equations.push(self.descend(w, gradient));
            let b = (format!("b{l}"), layer.b_range(), 1, columns);
            equations.push(self.descend(b, gradient));
            if let LayerKind::Prelu { .. } = layer.kind() {
                let slopes = (format!("slope{l}"), layer.slope_range(), 1, layer.units());
                equations.push(self.descend(slopes, gradient));
            }
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

    /// `name ← name − lr·dL/dname` for one block of `rows` × `cols` parameters at `range`.
    fn descend(
        &self,
        (name, range, rows, cols): (String, Range<usize>, usize, usize),
        gradient: &[f64],
    ) -> Equation {
        let lr = self.learning_rate;
        let change: Vec<f64> = part(gradient, range.clone())
            .iter()
            .map(|g| -lr * g)
            .collect();
        let matrices = vec![
            Matrix::new(
                format!("{name} before"),
                part(self.params, range.clone()),
                rows,
                cols,
            ),
            Matrix::new(format!("−lr·dL/d{name}"), &change, rows, cols).computed(),
            Matrix::new(format!("{name} after"), part(self.after, range), rows, cols).computed(),
        ];
        let text = format!("{name} ← {name} − {}·dL/d{name}", short(lr));
        Equation::new(text, matrices)
    }
}
