//! Helpers shared by the integration tests: seeded batches, a finite-difference
//! gradient check, a picture drawn to SVG text, and a loss history as bits.
#![allow(dead_code)]

use nnplay::network::{LayerKind, Network, Workspace};
use nnplay::session::{Record, Session};
use plotters::prelude::*;
use rand::{Rng, SeedableRng};
use rand_pcg::Pcg64Mcg;

/// `rows` × `inputs` numbers uniform in [−2, 2), from `seed`.
pub fn random_xs(rows: usize, inputs: usize, seed: u64) -> Vec<f64> {
    let mut rng = Pcg64Mcg::seed_from_u64(seed);
    (0..rows * inputs)
        .map(|_| rng.random_range(-2.0..2.0))
        .collect()
}

/// Targets for `net`: one-hot rows for softmax, uniform in [−1, 1) for regression.
pub fn random_ys(net: &Network, rows: usize, seed: u64) -> Vec<f64> {
    let mut rng = Pcg64Mcg::seed_from_u64(seed ^ 0xABCD);
    let outputs = net.outputs();
    let mut ys = vec![0.0; rows * outputs];
    for row in ys.chunks_exact_mut(outputs) {
        if net.is_classifier() {
            row[rng.random_range(0..outputs)] = 1.0;
        } else {
            row.iter_mut()
                .for_each(|y| *y = rng.random_range(-1.0..1.0));
        }
    }
    ys
}

/// How close the batch comes to a kink: the smallest |z| of a ReLU-family
/// layer, or the smallest gap between a maxout unit's two largest pieces.
pub fn distance_to_kink(net: &Network, xs: &[f64]) -> f64 {
    let mut workspace = Workspace::default();
    net.forward(&mut workspace, xs).unwrap();
    let mut closest = f64::INFINITY;
    for (l, layer) in net.layers().iter().enumerate() {
        let z = workspace.z(l);
        match layer.kind() {
            LayerKind::Maxout { pieces } => {
                for unit in z.chunks_exact(pieces) {
                    let mut sorted = unit.to_vec();
                    sorted.sort_by(|a, b| b.total_cmp(a));
                    closest = closest.min(sorted[0] - sorted[1]);
                }
            }
            LayerKind::Softmax => {}
            _ => closest = closest.min(z.iter().fold(f64::INFINITY, |m, v| m.min(v.abs()))),
        }
    }
    closest
}

/// Central difference of `loss` for every parameter, with step `h`.
pub fn numerical_gradient(net: &mut Network, xs: &[f64], ys: &[f64], h: f64) -> Vec<f64> {
    let params = net.params().to_vec();
    let mut shifted = params.clone();
    let mut gradient = Vec::with_capacity(params.len());
    for k in 0..params.len() {
        shifted[k] = params[k] + h;
        net.set_params(&shifted).unwrap();
        let plus = net.loss(xs, ys).unwrap();
        shifted[k] = params[k] - h;
        net.set_params(&shifted).unwrap();
        let minus = net.loss(xs, ys).unwrap();
        shifted[k] = params[k];
        gradient.push((plus - minus) / (2.0 * h));
    }
    net.set_params(&params).unwrap();
    gradient
}

/// The largest relative error `|a − n| / max(|a|, |n|, floor)` and its index.
pub fn worst_relative_error(analytic: &[f64], numerical: &[f64], floor: f64) -> (f64, usize) {
    let mut worst = (0.0, 0);
    for (k, (&a, &n)) in analytic.iter().zip(numerical).enumerate() {
        let error = (a - n).abs() / a.abs().max(n.abs()).max(floor);
        if error > worst.0 {
            worst = (error, k);
        }
    }
    worst
}

/// Draws with `draw` on an SVG of `size` and gives its text.
pub fn svg_of(
    size: (u32, u32),
    draw: impl FnOnce(&DrawingArea<SVGBackend, plotters::coord::Shift>),
) -> String {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        draw(&root);
    }
    svg
}

/// Every record of the history as bits, to compare two histories exactly.
pub fn history(session: &Session) -> Vec<[u64; 5]> {
    let bits = |r: &Record| {
        [
            r.step,
            r.train_loss.to_bits(),
            r.test_loss.to_bits(),
            r.train_accuracy.to_bits(),
            r.test_accuracy.to_bits(),
        ]
    };
    session.history().records().iter().map(bits).collect()
}
