//! Scratch buffers for one batch: per layer z, a, delta, dL/da and maxout
//! winners, plus the gradient. Buffers only ever grow: once they have held
//! the largest batch seen, a training step or a redraw allocates and clears
//! nothing, whatever mix of batch sizes it runs.

use super::layer::{Layer, LayerKind};
use crate::loss::Loss;

/// The buffers of one layer, each at least rows × its width long; only the
/// first rows × width numbers belong to the current batch.
#[derive(Clone, Debug, Default)]
struct Buffers {
    units: usize,
    columns: usize,
    /// rows × columns.
    z: Vec<f64>,
    /// rows × units.
    a: Vec<f64>,
    /// dL/dz, rows × columns (sized by the first backward pass).
    delta: Vec<f64>,
    /// dL/da, rows × units (sized by the first backward pass).
    g: Vec<f64>,
    /// Winning piece per unit, rows × units (maxout layers only).
    winners: Vec<usize>,
}

/// Makes `buffer` hold at least `len` numbers, never shrinking it.
fn reserve<T: Clone + Default>(buffer: &mut Vec<T>, len: usize) {
    if buffer.len() < len {
        buffer.resize(len, T::default());
    }
}

/// What a forward and backward pass leave behind, readable for display.
#[derive(Clone, Debug, Default)]
pub struct Workspace {
    rows: usize,
    layers: Vec<Buffers>,
    gradient: Vec<f64>,
    /// deltaᵀ of one layer at a time, for the backward pass.
    transposed: Vec<f64>,
}

impl Workspace {
    /// Sizes z, a and winners for `rows` rows of `layers`, and the gradient.
    /// Growing past the largest size seen allocates; anything smaller reuses
    /// the memory.
    fn prepare_forward(&mut self, layers: &[Layer], rows: usize, param_count: usize) {
        self.rows = rows;
        self.gradient.resize(param_count, 0.0);
        self.layers.resize_with(layers.len(), Buffers::default);
        for (buffers, layer) in self.layers.iter_mut().zip(layers) {
            (buffers.units, buffers.columns) = (layer.units(), layer.columns());
            reserve(&mut buffers.z, rows * layer.columns());
            reserve(&mut buffers.a, rows * layer.units());
            if let LayerKind::Maxout { .. } = layer.kind() {
                reserve(&mut buffers.winners, rows * layer.units());
            }
        }
    }

    /// Sizes delta, dL/da and the transpose scratch for a backward pass of
    /// the batch last run forward.
    fn prepare_backward(&mut self, layers: &[Layer]) {
        let rows = self.rows;
        for (buffers, layer) in self.layers.iter_mut().zip(layers) {
            reserve(&mut buffers.delta, rows * layer.columns());
            reserve(&mut buffers.g, rows * layer.units());
            reserve(&mut self.transposed, rows * layer.columns());
        }
    }

    /// Whether the buffers hold a forward pass of a batch through `layers`.
    pub(crate) fn holds_pass_of(&self, layers: &[Layer]) -> bool {
        self.rows > 0
            && self.layers.len() == layers.len()
            && self.layers.iter().zip(layers).all(|(buffers, layer)| {
                (buffers.units, buffers.columns) == (layer.units(), layer.columns())
            })
    }

    /// Rows of the batch last run forward.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Pre-activations `z` of layer `layer` (rows × columns); empty if out of range.
    pub fn z(&self, layer: usize) -> &[f64] {
        self.layers
            .get(layer)
            .map_or(&[], |b| batch(&b.z, self.rows * b.columns))
    }

    /// Activations `a` of layer `layer` (rows × units); the last layer's is `y_hat`.
    pub fn a(&self, layer: usize) -> &[f64] {
        self.layers
            .get(layer)
            .map_or(&[], |b| batch(&b.a, self.rows * b.units))
    }

    /// `delta = dL/dz` of layer `layer` (rows × columns), per example (not yet
    /// divided by the batch size); empty before the first backward pass.
    pub fn delta(&self, layer: usize) -> &[f64] {
        self.layers
            .get(layer)
            .map_or(&[], |b| batch(&b.delta, self.rows * b.columns))
    }

    /// Maxout winners of layer `layer` (rows × units): which piece won; empty
    /// for other layers.
    pub fn winners(&self, layer: usize) -> &[usize] {
        self.layers
            .get(layer)
            .map_or(&[], |b| batch(&b.winners, self.rows * b.units))
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
        self.a(self.layers.len().wrapping_sub(1))
    }
}

/// The first `len` numbers of `buffer`, or nothing if it holds fewer.
fn batch<T>(buffer: &[T], len: usize) -> &[T] {
    buffer.get(..len).unwrap_or(&[])
}

/// The passes, kept beside the buffers they fill.
impl Workspace {
    /// Forward pass of `xs` (rows × inputs, already checked) through `layers`
    /// with `params`: fills z, a and winners of every layer.
    pub(crate) fn forward(&mut self, layers: &[Layer], params: &[f64], xs: &[f64]) {
        let rows = xs.len() / layers[0].fan_in();
        self.prepare_forward(layers, rows, params.len());
        for (l, layer) in layers.iter().enumerate() {
            let (below, here) = self.layers.split_at_mut(l);
            let a_prev = below.last().map_or(xs, |b| &b.a[..rows * b.units]);
            let out = &mut here[0];
            let z = &mut out.z[..rows * layer.columns()];
            let a = &mut out.a[..rows * layer.units()];
            let winners = batch_mut(&mut out.winners, rows * layer.units());
            layer.forward(params, a_prev, z, a, winners);
        }
    }

    /// Mean loss of the last forward pass against `ys` (rows × outputs).
    pub(crate) fn loss(&self, loss: Loss, ys: &[f64]) -> f64 {
        let last = self.layers.len() - 1;
        let outputs = self.layers[last].units;
        loss.mean(self.z(last), self.a(last), ys, outputs)
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
        self.prepare_backward(layers);
        let (rows, last) = (self.rows, layers.len() - 1);
        let out = &mut self.layers[last];
        let width = rows * out.units;
        loss.delta(&out.a[..width], ys, out.units, &mut out.delta[..width]);
        for (l, layer) in layers.iter().enumerate().rev() {
            let (below, here) = self.layers.split_at_mut(l);
            let a_prev = below.last().map_or(xs, |b| &b.a[..rows * b.units]);
            let delta = &here[0].delta[..rows * layer.columns()];
            layer.weight_gradient(a_prev, delta, &mut self.gradient);
            let (Some(prev), Some(prev_layer)) = (below.last_mut(), layers.get(l.wrapping_sub(1)))
            else {
                continue;
            };
            let (units, columns) = (rows * prev.units, rows * prev.columns);
            let g = &mut prev.g[..units];
            layer.gradient_to_input(params, delta, &mut self.transposed, g);
            let slope_grad = &mut self.gradient[prev_layer.slope_range()];
            prev_layer.backward_activation(
                params,
                (&prev.z[..columns], &prev.a[..units]),
                g,
                batch(&prev.winners, units),
                &mut prev.delta[..columns],
                slope_grad,
            );
        }
    }
}

/// The first `len` numbers of `buffer`, or nothing if it holds fewer.
fn batch_mut<T>(buffer: &mut [T], len: usize) -> &mut [T] {
    buffer.get_mut(..len).unwrap_or(&mut [])
}
