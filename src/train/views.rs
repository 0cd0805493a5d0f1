//! Read access to what each stage of the trainer produced, so the page can
//! show the batch, z and a, delta and the gradient, and the loss either side
//! of the update.

use super::{OptimizerState, Stage, Trainer};
use crate::data::Dataset;
use crate::network::{Network, Workspace};

impl Trainer {
    pub fn network(&self) -> &Network {
        &self.network
    }

    /// The training set.
    pub fn train_set(&self) -> &Dataset {
        &self.train
    }

    /// The stage that must run next.
    pub fn next_stage(&self) -> Stage {
        self.next
    }

    /// Completed SGD steps since the start (or `reset`).
    pub fn step_count(&self) -> u64 {
        self.steps
    }

    /// Completed passes over the training set.
    pub fn epoch_count(&self) -> u64 {
        self.epochs
    }

    /// The step that diverged, if one did (counted from 1).
    pub fn diverged_at(&self) -> Option<u64> {
        self.diverged
    }

    /// SampleBatch: indices into the training set of this step's batch.
    pub fn batch_indices(&self) -> &[usize] {
        &self.batch.indices
    }

    /// SampleBatch: the batch's x (rows × inputs).
    pub fn batch_x(&self) -> &[f64] {
        self.batch.rows(&self.train_x, &self.train.y).0
    }

    /// SampleBatch: the batch's y (rows × outputs, one-hot for classes).
    pub fn batch_y(&self) -> &[f64] {
        self.batch.rows(&self.train_x, &self.train.y).1
    }

    /// Forward and Backward: the buffers of the last pass (z, a, delta per
    /// layer, the gradient). They belong to the batch once Forward has run.
    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    /// Forward: z of `layer` (rows × columns).
    pub fn z(&self, layer: usize) -> &[f64] {
        self.workspace.z(layer)
    }

    /// Forward: a of `layer` (rows × units); the last layer's is y_hat.
    pub fn a(&self, layer: usize) -> &[f64] {
        self.workspace.a(layer)
    }

    /// Backward: delta = dL/dz of `layer` (rows × columns), per example.
    pub fn delta(&self, layer: usize) -> &[f64] {
        self.workspace.delta(layer)
    }

    /// Backward: the whole gradient, in the parameter layout.
    pub fn gradient(&self) -> &[f64] {
        self.workspace.gradient()
    }

    /// Backward: dL/dW of `layer` (fan_in × columns), including the
    /// regularisation's term.
    pub fn dw(&self, layer: usize) -> &[f64] {
        self.gradient_part(layer, |l| l.w_range())
    }

    /// Backward: dL/db of `layer` (columns).
    pub fn db(&self, layer: usize) -> &[f64] {
        self.gradient_part(layer, |l| l.b_range())
    }

    /// Backward: dL/dslope of a PReLU `layer` (units); empty otherwise.
    pub fn d_slopes(&self, layer: usize) -> &[f64] {
        self.gradient_part(layer, |l| l.slope_range())
    }

    fn gradient_part(
        &self,
        layer: usize,
        range: impl Fn(&crate::network::Layer) -> std::ops::Range<usize>,
    ) -> &[f64] {
        let range = self.network.layers().get(layer).map(range);
        range
            .and_then(|r| self.workspace.gradient().get(r))
            .unwrap_or(&[])
    }

    /// Update: the parameters as they were before the last update (the
    /// parameter layout); empty until the first update after the start or `reset`.
    pub fn params_before(&self) -> &[f64] {
        &self.params_before
    }

    /// Update: the optimiser's memory after the last update.
    pub fn optimizer_state(&self) -> &OptimizerState {
        &self.optimizer
    }

    /// Update: the learning rate of this step's update, made (once Update
    /// has run) or due.
    pub fn update_learning_rate(&self) -> f64 {
        let t = if self.updated {
            self.steps.saturating_sub(1)
        } else {
            self.steps
        };
        self.settings.schedule.rate(self.settings.learning_rate, t)
    }

    /// Forward: the batch's mean loss before the update (`None` before Forward).
    pub fn batch_loss(&self) -> Option<f64> {
        self.loss_before
    }

    /// Update: the same batch's mean loss after the update (`None` before
    /// Update). Computed on first request with the network's own buffers, so
    /// the views above still show the step's forward and backward pass.
    pub fn batch_loss_after(&mut self) -> Option<f64> {
        if self.updated && self.loss_after.is_none() {
            let (x, y) = self.batch.rows(&self.train_x, &self.train.y);
            self.loss_after = self.network.loss(x, y).ok();
        }
        self.loss_after
    }
}
