//! One layer of the network: where its parameters sit in the flat vector, and
//! its forward and backward pass over a whole batch.

use std::ops::Range;

use super::config::LayerConfig;
use super::linalg;
use crate::activation::{softmax_in_place, Activation, Kind};

/// What a layer does to its pre-activations z.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LayerKind {
    /// `a = f(z)`, one number at a time (every element-wise kind of `activation`).
    Elementwise(Activation),
    /// `a = z` for z > 0, `slope_j · z` otherwise, with one learned slope per unit.
    Prelu { initial_slope: f64 },
    /// Unit j outputs the largest of its `pieces` columns `j·k … j·k + k − 1`.
    Maxout { pieces: usize },
    /// `a = softmax(z)` across the row (output layer only).
    Softmax,
}

impl LayerKind {
    /// The activation this kind of layer applies.
    pub fn activation(self) -> Kind {
        match self {
            LayerKind::Elementwise(f) => f.kind(),
            LayerKind::Prelu { .. } => Kind::Prelu,
            LayerKind::Maxout { .. } => Kind::Maxout,
            LayerKind::Softmax => Kind::Softmax,
        }
    }
}

/// A layer's shape and the offset of its parameters: `W` (fan_in × columns,
/// row-major), then `b` (columns), then PReLU slopes (units) if any.
#[derive(Clone, Debug, PartialEq)]
pub struct Layer {
    kind: LayerKind,
    fan_in: usize,
    units: usize,
    columns: usize,
    offset: usize,
}

impl Layer {
    /// The layer `config` (already validated) reading `fan_in` numbers per row,
    /// with its parameters starting at `offset`.
    pub(crate) fn new(config: &LayerConfig, fan_in: usize, offset: usize) -> Layer {
        let kind = match config.activation {
            Kind::Maxout => LayerKind::Maxout {
                pieces: config.pieces_or_default(),
            },
            Kind::Softmax => LayerKind::Softmax,
            Kind::Prelu => LayerKind::Prelu {
                initial_slope: config.param.unwrap_or(0.25),
            },
            other => LayerKind::Elementwise(
                Activation::new(other, config.param).unwrap_or(Activation::Identity),
            ),
        };
        let columns = config.units * config.pieces_or_default();
        Layer {
            kind,
            fan_in,
            units: config.units,
            columns,
            offset,
        }
    }

    pub fn kind(&self) -> LayerKind {
        self.kind
    }

    /// Numbers per input row (the previous layer's units, or the network's inputs).
    pub fn fan_in(&self) -> usize {
        self.fan_in
    }

    /// Numbers per output row (the width of `a`).
    pub fn units(&self) -> usize {
        self.units
    }

    /// Width of `z`, `b` and `delta`: units, or units × pieces for maxout.
    pub fn columns(&self) -> usize {
        self.columns
    }

    /// Where `W` sits in the parameter vector (fan_in × columns, row-major).
    pub fn w_range(&self) -> Range<usize> {
        self.offset..self.offset + self.fan_in * self.columns
    }

    /// Where `b` sits in the parameter vector (columns).
    pub fn b_range(&self) -> Range<usize> {
        let start = self.w_range().end;
        start..start + self.columns
    }

    /// Where the PReLU slopes sit (units); empty for other layers.
    pub fn slope_range(&self) -> Range<usize> {
        let start = self.b_range().end;
        match self.kind {
            LayerKind::Prelu { .. } => start..start + self.units,
            _ => start..start,
        }
    }

    /// All of this layer's parameters.
    pub fn param_range(&self) -> Range<usize> {
        self.offset..self.slope_range().end
    }

    /// Forward over a batch: `z = a_prev·W + b` (rows × columns), then
    /// `a = f(z)` (rows × units). For maxout, `winners` (rows × units) records
    /// which piece (0 … pieces − 1) of each unit is largest, the first on a tie.
    pub(crate) fn forward(
        &self,
        params: &[f64],
        a_prev: &[f64],
        z: &mut [f64],
        a: &mut [f64],
        winners: &mut [usize],
    ) {
        let (w, b) = (&params[self.w_range()], &params[self.b_range()]);
        linalg::affine(a_prev, w, b, self.fan_in, z);
        match self.kind {
            LayerKind::Elementwise(f) => f.apply(z, a),
            LayerKind::Prelu { .. } => {
                let slopes = &params[self.slope_range()];
                for (z_row, a_row) in z
                    .chunks_exact(self.units)
                    .zip(a.chunks_exact_mut(self.units))
                {
                    for ((a_ij, &z_ij), &slope) in a_row.iter_mut().zip(z_row).zip(slopes) {
                        *a_ij = Activation::Prelu { slope }.f(z_ij);
                    }
                }
            }
            LayerKind::Maxout { pieces } => {
                for ((z_piece, a_ij), winner) in z
                    .chunks_exact(pieces)
                    .zip(a.iter_mut())
                    .zip(winners.iter_mut())
                {
                    let column = super::argmax(z_piece);
                    *a_ij = z_piece[column];
                    *winner = column;
                }
            }
            LayerKind::Softmax => {
                a.copy_from_slice(z);
                a.chunks_exact_mut(self.units)
                    .for_each(|row| softmax_in_place(row, 1.0));
            }
        }
    }

    /// Backward through the activation: from `g = dL/da` (rows × units) to
    /// `delta = dL/dz = g ⊙ f'(z)` (rows × columns), given this layer's `z`
    /// and `a = f(z)` of the forward pass. For maxout only the winning piece's
    /// column gets `g`; for PReLU also writes the slope gradient
    /// `Σ g·min(z, 0) / rows` into `slope_grad` (units).
    pub(crate) fn backward_activation(
        &self,
        params: &[f64],
        (z, a): (&[f64], &[f64]),
        g: &[f64],
        winners: &[usize],
        delta: &mut [f64],
        slope_grad: &mut [f64],
    ) {
        match self.kind {
            LayerKind::Elementwise(f) => f.backward(z, a, g, delta),
            LayerKind::Prelu { .. } => {
                self.backward_prelu(&params[self.slope_range()], z, g, delta, slope_grad)
            }
            LayerKind::Maxout { pieces } => {
                for ((delta_piece, &g_ij), &winner) in
                    delta.chunks_exact_mut(pieces).zip(g).zip(winners)
                {
                    delta_piece.fill(0.0);
                    delta_piece[winner] = g_ij;
                }
            }
            // Softmax is only ever the output layer, whose delta comes from the loss.
            LayerKind::Softmax => delta.copy_from_slice(g),
        }
    }

    fn backward_prelu(
        &self,
        slopes: &[f64],
        z: &[f64],
        g: &[f64],
        delta: &mut [f64],
        slope_grad: &mut [f64],
    ) {
        slope_grad.fill(0.0);
        let rows = z.len() / self.units;
        let row_chunks = z.chunks_exact(self.units).zip(g.chunks_exact(self.units));
        for ((z_row, g_row), delta_row) in row_chunks.zip(delta.chunks_exact_mut(self.units)) {
            for j in 0..self.units {
                let (z_ij, g_ij) = (z_row[j], g_row[j]);
                delta_row[j] = g_ij * Activation::Prelu { slope: slopes[j] }.df(z_ij);
                // a = slope·z on the negative side, so da/dslope = min(z, 0).
                slope_grad[j] += g_ij * z_ij.min(0.0);
            }
        }
        slope_grad.iter_mut().for_each(|s| *s /= rows.max(1) as f64);
    }

    /// `dW = a_prevᵀ·delta / rows`, `db = Σ delta / rows` into this layer's
    /// slots of `gradient` (the parameter layout).
    pub(crate) fn weight_gradient(&self, a_prev: &[f64], delta: &[f64], gradient: &mut [f64]) {
        let (dw, rest) = gradient[self.offset..].split_at_mut(self.fan_in * self.columns);
        linalg::weight_gradient(a_prev, delta, self.fan_in, dw, &mut rest[..self.columns]);
    }

    /// `g_prev = delta·Wᵀ` (rows × fan_in): the gradient reaching the layer
    /// below. `scratch` holds at least as many numbers as `delta`.
    pub(crate) fn gradient_to_input(
        &self,
        params: &[f64],
        delta: &[f64],
        scratch: &mut [f64],
        g_prev: &mut [f64],
    ) {
        let w = &params[self.w_range()];
        let delta_transposed = &mut scratch[..delta.len()];
        linalg::times_transpose(delta, w, self.columns, delta_transposed, g_prev);
    }
}
