//! The network's passes on an explicit `Workspace`, for a trainer that runs
//! and shows them one stage at a time.

use super::{check, ModelError, Network, Workspace};

impl Network {
    /// Forward pass of `xs` (rows × inputs) into `workspace`: z and a per layer.
    pub fn forward(&self, workspace: &mut Workspace, xs: &[f64]) -> Result<(), ModelError> {
        check::rows_of(xs, self.inputs())?;
        workspace.forward(&self.layers, &self.params, xs);
        Ok(())
    }

    /// Mean loss and, for softmax, the fraction classified right of the batch
    /// last run `forward` in `workspace`, against `ys` (rows × outputs): the
    /// bits `loss_and_accuracy` gives for the same rows.
    pub fn batch_loss_and_accuracy(
        &self,
        workspace: &Workspace,
        ys: &[f64],
    ) -> Result<(f64, Option<f64>), ModelError> {
        let loss = self.batch_loss(workspace, ys)?;
        let outputs = self.outputs();
        let accuracy = self
            .is_classifier()
            .then(|| super::fraction_right(workspace.y_hat(), ys, outputs));
        Ok((loss, accuracy))
    }

    /// Mean loss of the batch last run `forward` in `workspace`, against `ys`
    /// (rows × outputs).
    pub fn batch_loss(&self, workspace: &Workspace, ys: &[f64]) -> Result<f64, ModelError> {
        self.check_pass(workspace, ys.len() / self.outputs())?;
        check::targets(ys, workspace.rows(), self.outputs())?;
        Ok(workspace.loss(self.loss, ys))
    }

    /// Backward pass after `forward(workspace, xs)` with the same `xs`: delta
    /// per layer and the gradient, in `workspace`.
    pub fn backward(
        &self,
        workspace: &mut Workspace,
        xs: &[f64],
        ys: &[f64],
    ) -> Result<(), ModelError> {
        let rows = self.check_batch(xs, ys)?;
        self.check_pass(workspace, rows)?;
        workspace.backward(&self.layers, &self.params, self.loss, xs, ys);
        Ok(())
    }

    /// `forward`, `batch_loss` and `backward` for a batch known to fit: the
    /// trainer's, drawn from rows it checked when they came in, so that a
    /// step does not look at every number of its batch three times more.
    pub(crate) fn forward_known(&self, workspace: &mut Workspace, xs: &[f64]) {
        workspace.forward(&self.layers, &self.params, xs);
    }

    /// `batch_loss` of the batch last run `forward_known` in `workspace`.
    pub(crate) fn batch_loss_known(&self, workspace: &Workspace, ys: &[f64]) -> f64 {
        workspace.loss(self.loss, ys)
    }

    /// `backward` after `forward_known(workspace, xs)` with the same `xs`.
    pub(crate) fn backward_known(&self, workspace: &mut Workspace, xs: &[f64], ys: &[f64]) {
        workspace.backward(&self.layers, &self.params, self.loss, xs, ys);
    }

    /// `workspace` must hold this network's forward pass of `rows` rows.
    fn check_pass(&self, workspace: &Workspace, rows: usize) -> Result<(), ModelError> {
        let fits = workspace.holds_pass_of(&self.layers)
            && workspace.rows() == rows
            && workspace.gradient().len() == self.params.len();
        if fits {
            return Ok(());
        }
        let forwarded = workspace.rows();
        Err(ModelError::NotForwarded { rows, forwarded })
    }

    /// Adds the L2 term `l2·W` to the weight entries of `gradient`
    /// (`param_count()` numbers; biases and PReLU slopes are left alone).
    pub fn add_weight_decay(&self, gradient: &mut [f64], l2: f64) -> Result<(), ModelError> {
        self.add_weight_penalty(gradient, |w| l2 * w)
    }

    /// Adds `penalty_gradient(w)` to the weight entries of `gradient`
    /// (`param_count()` numbers; biases and PReLU slopes are left alone).
    pub fn add_weight_penalty(
        &self,
        gradient: &mut [f64],
        penalty_gradient: impl Fn(f64) -> f64,
    ) -> Result<(), ModelError> {
        if gradient.len() != self.params.len() {
            let (len, expected) = (gradient.len(), self.params.len());
            return Err(ModelError::ParamsLength { len, expected });
        }
        for layer in &self.layers {
            let range = layer.w_range();
            for (g, &w) in gradient[range.clone()].iter_mut().zip(&self.params[range]) {
                *g += penalty_gradient(w);
            }
        }
        Ok(())
    }

    /// Sets to exactly 0.0 every weight (W entries only) for which
    /// `cut(index into the parameters, weight)` is true.
    pub fn zero_weights_where(&mut self, mut cut: impl FnMut(usize, f64) -> bool) {
        for layer in &self.layers {
            let range = layer.w_range();
            let start = range.start;
            for (k, w) in self.params[range].iter_mut().enumerate() {
                if cut(start + k, *w) {
                    *w = 0.0;
                }
            }
        }
    }

    /// `params −= learning_rate·gradient` (`param_count()` numbers), leaving
    /// the parameters as they were in `before` (for the page's Update view
    /// and L1's cut). The new parameters are written into `before`'s memory,
    /// which then swaps in, so keeping the old ones copies nothing. Returns
    /// false, changing no parameter, if the gradient has the wrong length or
    /// the update would make any parameter non-finite; `before` then holds
    /// the parameters as they are.
    pub fn descend(&mut self, gradient: &[f64], learning_rate: f64, before: &mut Vec<f64>) -> bool {
        before.resize(self.params.len(), 0.0);
        if gradient.len() != self.params.len() {
            before.copy_from_slice(&self.params);
            return false;
        }
        let mut finite = true;
        // `&`, not an early exit: the loop stays one pass in SIMD lanes.
        for ((new, &w), &g) in before.iter_mut().zip(&self.params).zip(gradient) {
            *new = w - learning_rate * g;
            finite &= new.is_finite();
        }
        if finite {
            std::mem::swap(&mut self.params, before);
        } else {
            before.copy_from_slice(&self.params);
        }
        finite
    }
}
