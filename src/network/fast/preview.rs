//! The network's forward pass in f32, four lanes at a time, for pictures
//! only. The heatmap and the units' thumbnails evaluate the network on ten
//! thousand grid points every frame, and a colour needs far fewer than f32's
//! seven digits; training, losses and every number the page prints use the
//! f64 network.

mod kernel;
mod lanes;
mod math;

use crate::activation::Activation;
use crate::network::{Layer, LayerKind, Network};

/// Buffers for the f32 pass, kept between frames: a redraw allocates nothing
/// once they fit its rows.
#[derive(Clone, Debug, Default)]
pub struct Preview {
    /// The network's parameters, rounded to f32 at each `forward`.
    params: Vec<f32>,
    inputs: Vec<f32>,
    /// Per layer: z (rows × columns), then a (rows × units).
    z: Vec<Vec<f32>>,
    a: Vec<Vec<f32>>,
    /// The kernel's copy of a layer's last columns of weights.
    scratch: Vec<f32>,
}

impl Preview {
    /// Runs `network` on `xs` (rows × the network's inputs; a partial last
    /// row is ignored), keeping every layer's output for `a`.
    pub fn forward(&mut self, network: &Network, xs: &[f64]) {
        let layers = network.layers();
        let fan_in = network.inputs().max(1);
        let rows = xs.len() / fan_in;
        self.params.clear();
        self.params
            .extend(network.params().iter().map(|&p| p as f32));
        self.inputs.clear();
        self.inputs
            .extend(xs[..rows * fan_in].iter().map(|&x| x as f32));
        self.z.resize_with(layers.len(), Vec::new);
        self.a.resize_with(layers.len(), Vec::new);
        for (l, layer) in layers.iter().enumerate() {
            let (below, here) = self.a.split_at_mut(l);
            let a_prev = below.last().unwrap_or(&self.inputs);
            let (z, a) = (&mut self.z[l], &mut here[0]);
            z.resize(rows * layer.columns(), 0.0);
            a.resize(rows * layer.units(), 0.0);
            let params = &self.params;
            let (w, b) = (&params[layer.w_range()], &params[layer.b_range()]);
            kernel::affine(a_prev, w, b, layer.fan_in(), z, &mut self.scratch);
            activate(layer, &params[layer.slope_range()], z, a);
        }
    }

    /// Layer `layer`'s outputs from the last `forward` (rows × units).
    pub fn a(&self, layer: usize) -> &[f32] {
        &self.a[layer]
    }

    /// The network's outputs from the last `forward` (rows × outputs).
    pub fn outputs(&self) -> &[f32] {
        self.a.last().map_or(&[], |a| a)
    }
}

/// `a = f(z)` for one layer, as `Layer::forward` does in f64.
fn activate(layer: &Layer, slopes: &[f32], z: &[f32], a: &mut [f32]) {
    match layer.kind() {
        LayerKind::Elementwise(f) => match f {
            // The two that cost: a loop the compiler runs four lanes at a time.
            Activation::Tanh => map(z, a, math::tanh),
            Activation::Sigmoid => map(z, a, math::sigmoid),
            Activation::Identity => a.copy_from_slice(z),
            Activation::Relu => map(z, a, |z| z.max(0.0)),
            Activation::LeakyRelu { alpha: slope } | Activation::Prelu { slope } => {
                let slope = slope as f32;
                map(z, a, |z| if z > 0.0 { z } else { slope * z });
            }
            Activation::Elu { alpha } => {
                let alpha = alpha as f32;
                map(z, a, |z| if z > 0.0 { z } else { alpha * math::exp_m1(z) });
            }
            // Any other (swish, gelu, …) through its f64 function: exact to
            // f32, without an f32 version of its own to keep in step.
            other => map(z, a, |z| other.f(z as f64) as f32),
        },
        LayerKind::Prelu { .. } => {
            let units = layer.units();
            for (z_row, a_row) in z.chunks_exact(units).zip(a.chunks_exact_mut(units)) {
                for ((a, &z), &slope) in a_row.iter_mut().zip(z_row).zip(slopes) {
                    *a = if z > 0.0 { z } else { slope * z };
                }
            }
        }
        LayerKind::Maxout { pieces } => {
            for (z_piece, a) in z.chunks_exact(pieces).zip(a.iter_mut()) {
                *a = z_piece.iter().copied().fold(f32::NEG_INFINITY, f32::max);
            }
        }
        LayerKind::Softmax => {
            // Each row less its largest logit, then e^ over the whole batch
            // at once (rows of two or three would run one lane at a time),
            // then each row over its sum.
            let units = layer.units();
            for (z_row, a_row) in z.chunks_exact(units).zip(a.chunks_exact_mut(units)) {
                let top = z_row.iter().copied().fold(f32::NEG_INFINITY, f32::max);
                map(z_row, a_row, |z| z - top);
            }
            a.iter_mut()
                .for_each(|shifted| *shifted = math::exp(*shifted));
            for a_row in a.chunks_exact_mut(units) {
                let total: f32 = a_row.iter().sum();
                a_row.iter_mut().for_each(|p| *p /= total);
            }
        }
    }
}

/// `out[i] = f(xs[i])`, inlined so the loop vectorises.
#[inline(always)]
fn map(xs: &[f32], out: &mut [f32], f: impl Fn(f32) -> f32) {
    for (y, &x) in out.iter_mut().zip(xs) {
        *y = f(x);
    }
}
