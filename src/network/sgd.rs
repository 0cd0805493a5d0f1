//! Plain minibatch SGD on the network's own workspace (the JS API's
//! `Model.step` and `Model.fit`): rows in order, no shuffling, `params −=
//! learning_rate·gradient` through `Network::descend`.

use super::{check_learning_rate, ModelError, Network, Workspace};

impl Network {
    /// One SGD update on this batch; returns the loss before it. If the loss
    /// or a parameter would become non-finite, returns `Diverged` and leaves
    /// the parameters unchanged.
    pub fn step(&mut self, xs: &[f64], ys: &[f64], learning_rate: f64) -> Result<f64, ModelError> {
        check_learning_rate(learning_rate)?;
        self.check_batch(xs, ys)?;
        self.with_own_workspace(|network, ws| network.step_checked(ws, xs, ys, learning_rate, 1))
    }

    /// Minibatch SGD for `epochs` passes through the rows in order (no
    /// shuffling; the last batch of a pass may be short). Returns the loss
    /// over all of `xs`, `ys` after training.
    pub fn fit(
        &mut self,
        xs: &[f64],
        ys: &[f64],
        learning_rate: f64,
        batch_size: usize,
        epochs: usize,
    ) -> Result<f64, ModelError> {
        check_learning_rate(learning_rate)?;
        let rows = self.check_batch(xs, ys)?;
        if !(1..=rows).contains(&batch_size) {
            return Err(ModelError::BatchSize { batch_size, rows });
        }
        let x_chunk = batch_size.saturating_mul(self.inputs());
        let y_chunk = batch_size.saturating_mul(self.outputs());
        let mut step = 0;
        self.with_own_workspace(|network, ws| {
            for _ in 0..epochs {
                for (x_batch, y_batch) in xs.chunks(x_chunk).zip(ys.chunks(y_chunk)) {
                    step += 1;
                    network.step_checked(ws, x_batch, y_batch, learning_rate, step)?;
                }
            }
            Ok(())
        })?;
        self.workspace.forward(&self.layers, &self.params, xs);
        let loss = self.workspace.loss(self.loss, ys);
        if loss.is_finite() {
            Ok(loss)
        } else {
            Err(ModelError::Diverged { step: step + 1 })
        }
    }

    /// Runs `run` with the network's own workspace lent out as `ws` (so the
    /// network's methods can read the gradient it holds), then puts it back.
    fn with_own_workspace<T>(&mut self, run: impl FnOnce(&mut Self, &mut Workspace) -> T) -> T {
        let mut ws = std::mem::take(&mut self.workspace);
        let result = run(self, &mut ws);
        self.workspace = ws;
        result
    }

    /// One SGD step on a batch already checked: forward, loss, backward,
    /// `descend`; `step` numbers the step in a `Diverged` error.
    fn step_checked(
        &mut self,
        ws: &mut Workspace,
        xs: &[f64],
        ys: &[f64],
        learning_rate: f64,
        step: usize,
    ) -> Result<f64, ModelError> {
        ws.forward(&self.layers, &self.params, xs);
        let loss = ws.loss(self.loss, ys);
        if !loss.is_finite() {
            return Err(ModelError::Diverged { step });
        }
        ws.backward(&self.layers, &self.params, self.loss, xs, ys);
        if self.descend(ws.gradient(), learning_rate) {
            Ok(loss)
        } else {
            Err(ModelError::Diverged { step })
        }
    }
}
