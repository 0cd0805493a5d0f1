//! Scratch buffers for one batch: per layer z, a, delta, dL/da and maxout
//! winners, plus the gradient. Sized once for the largest batch seen and
//! reused, so a training step allocates nothing.

use super::layer::Layer;
use crate::loss::Loss;

/// The buffers of one layer for a batch of `rows` rows.
#[derive(Clone, Debug, Default)]
struct Buffers {
    /// rows × columns.
    z: Vec<f64>,
    /// rows × units.
    a: Vec<f64>,
    /// dL/dz, rows × columns.
    delta: Vec<f64>,
    /// dL/da, rows × units.
    g: Vec<f64>,
    /// Winning piece per unit (maxout), rows × units.
    winners: Vec<usize>,
}

/// What a forward and backward pass leave behind, readable for display.
#[derive(Clone, Debug, Default)]
pub struct Workspace {
    rows: usize,
    layers: Vec<Buffers>,
    gradient: Vec<f64>,
}

impl Workspace {
    /// Resizes every buffer for `rows` rows of `layers`. Growing past the
    /// largest size seen allocates; anything smaller reuses the memory.
    pub(crate) fn prepare(&mut self, layers: &[Layer], rows: usize, param_count: usize) {
        self.rows = rows;
        self.layers.resize_with(layers.len(), Buffers::default);
        for (buffers, layer) in self.layers.iter_mut().zip(layers) {
            buffers.z.resize(rows * layer.columns(), 0.0);
            buffers.a.resize(rows * layer.units(), 0.0);
            buffers.delta.resize(rows * layer.columns(), 0.0);
            buffers.g.resize(rows * layer.units(), 0.0);
            buffers.winners.resize(rows * layer.units(), 0);
        }
        self.gradient.resize(param_count, 0.0);
    }

    /// Whether the buffers hold a forward pass of a batch through `layers`.
    pub(crate) fn holds_pass_of(&self, layers: &[Layer]) -> bool {
        self.rows > 0
            && self.layers.len() == layers.len()
            && self.layers.iter().zip(layers).all(|(buffers, layer)| {
                buffers.z.len() == self.rows * layer.columns()
                    && buffers.a.len() == self.rows * layer.units()
            })
    }

    /// Rows of the batch last run forward.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Pre-activations `z` of layer `layer` (rows × columns); empty if out of range.
    pub fn z(&self, layer: usize) -> &[f64] {
        self.layers.get(layer).map_or(&[], |b| &b.z)
    }

    /// Activations `a` of layer `layer` (rows × units); the last layer's is `y_hat`.
    pub fn a(&self, layer: usize) -> &[f64] {
        self.layers.get(layer).map_or(&[], |b| &b.a)
    }

    /// `delta = dL/dz` of layer `layer` (rows × columns), per example (not yet
    /// divided by the batch size).
    pub fn delta(&self, layer: usize) -> &[f64] {
        self.layers.get(layer).map_or(&[], |b| &b.delta)
    }

    /// Maxout winners of layer `layer` (rows × units): which piece won; zeros otherwise.
    pub fn winners(&self, layer: usize) -> &[usize] {
        self.layers.get(layer).map_or(&[], |b| &b.winners)
    }

    /// dLoss/dparams of the last backward pass, in the parameter layout.
    pub fn gradient(&self) -> &[f64] {
        &self.gradient
    }

    pub(crate) fn gradient_mut(&mut self) -> &mut [f64] {
        &mut self.gradient
    }

    /// The output layer's `y_hat` (rows × outputs).
    pub fn y_hat(&self) -> &[f64] {
        self.layers.last().map_or(&[], |b| &b.a)
    }
}

/// The passes, kept beside the buffers they fill.
impl Workspace {
    /// Forward pass of `xs` (rows × inputs, already checked) through `layers`
    /// with `params`: fills z, a and winners of every layer.
    pub(crate) fn forward(&mut self, layers: &[Layer], params: &[f64], xs: &[f64]) {
        let rows = xs.len() / layers[0].fan_in();
        self.prepare(layers, rows, params.len());
        for (l, layer) in layers.iter().enumerate() {
            let (below, here) = self.layers.split_at_mut(l);
            let a_prev = below.last().map_or(xs, |b| &b.a);
            let out = &mut here[0];
            layer.forward(params, a_prev, &mut out.z, &mut out.a, &mut out.winners);
        }
    }

    /// Mean loss of the last forward pass against `ys` (rows × outputs).
    pub(crate) fn loss(&self, loss: Loss, ys: &[f64]) -> f64 {
        let out = self.layers.last().expect("a network has an output layer");
        loss.mean(&out.z, &out.a, ys, out.a.len() / self.rows.max(1))
    }

    /// Backward pass after `forward(xs)`: fills every layer's delta and the
    /// gradient (dLoss/dparams, the parameter layout) for targets `ys`.
    pub(crate) fn backward(
        &mut self,
        layers: &[Layer],
        params: &[f64],
        loss: Loss,
        xs: &[f64],
        ys: &[f64],
    ) {
        let last = layers.len() - 1;
        let out = &mut self.layers[last];
        loss.delta(&out.a, ys, layers[last].units(), &mut out.delta);
        for (l, layer) in layers.iter().enumerate().rev() {
            let (below, here) = self.layers.split_at_mut(l);
            let a_prev = below.last().map_or(xs, |b| &b.a);
            layer.weight_gradient(a_prev, &here[0].delta, &mut self.gradient);
            if let (Some(prev), Some(prev_layer)) =
                (below.last_mut(), l.checked_sub(1).map(|p| &layers[p]))
            {
                layer.gradient_to_input(params, &here[0].delta, &mut prev.g);
                let slope_grad = &mut self.gradient[prev_layer.slope_range()];
                prev_layer.backward_activation(
                    params,
                    &prev.z,
                    &prev.g,
                    &prev.winners,
                    &mut prev.delta,
                    slope_grad,
                );
            }
        }
    }
}
