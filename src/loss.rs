//! The two losses of the playground, each value beside its delta: softmax with
//! cross-entropy for classes, ½·squared error for regression.
//!
//! Both are means over the batch; `delta` is per example (`y_hat − y`), and the
//! network divides the gradients by the batch size.

use crate::activation::Kind;

/// The loss paired with an output layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loss {
    /// `−Σ y·ln(y_hat)` with `y_hat = softmax(z)`; ys one-hot (or probabilities).
    CrossEntropy,
    /// `½·Σ (y_hat − y)²` with `y_hat = z` (identity output).
    SquaredError,
}

impl Loss {
    /// The loss for an output activation: softmax → cross-entropy, identity →
    /// squared error; `None` for kinds that cannot be an output.
    pub fn for_output(kind: Kind) -> Option<Loss> {
        match kind {
            Kind::Softmax => Some(Loss::CrossEntropy),
            Kind::Identity => Some(Loss::SquaredError),
            _ => None,
        }
    }

    /// Mean over rows of the loss. `z`, `y_hat` and `y` are rows × `outputs`
    /// (`z` is the output layer's pre-activation, `y_hat` its activation).
    pub fn mean(self, z: &[f64], y_hat: &[f64], y: &[f64], outputs: usize) -> f64 {
        let rows = z.chunks_exact(outputs).zip(y_hat.chunks_exact(outputs));
        let total: f64 = rows
            .zip(y.chunks_exact(outputs))
            .map(|((z_row, y_hat_row), y_row)| match self {
                Loss::CrossEntropy => cross_entropy(z_row, y_row),
                Loss::SquaredError => squared_error(y_hat_row, y_row),
            })
            .sum();
        total / (z.len() / outputs).max(1) as f64
    }

    /// `delta = dLoss/dz` per example, rows × `outputs`: `y_hat − y` for both
    /// (for cross-entropy exactly so when each row of y sums to 1).
    pub fn delta(self, y_hat: &[f64], y: &[f64], outputs: usize, delta: &mut [f64]) {
        let rows = y_hat.chunks_exact(outputs).zip(y.chunks_exact(outputs));
        for ((y_hat_row, y_row), delta_row) in rows.zip(delta.chunks_exact_mut(outputs)) {
            match self {
                Loss::CrossEntropy => cross_entropy_delta(y_hat_row, y_row, delta_row),
                Loss::SquaredError => squared_error_delta(y_hat_row, y_row, delta_row),
            }
        }
    }
}

/// Cross-entropy of one row from the logits `z`: `−Σ y·ln softmax(z)`, written
/// as `Σ y·(logsumexp(z) − z)` so it stays finite when `y_hat` underflows to 0.
pub fn cross_entropy(z: &[f64], y: &[f64]) -> f64 {
    let max = z.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let sum_exp: f64 = z.iter().map(|&z_j| libm::exp(z_j - max)).sum();
    let log_sum_exp = max + libm::log(sum_exp);
    z.iter()
        .zip(y)
        .map(|(&z_j, &y_j)| y_j * (log_sum_exp - z_j))
        .sum()
}

/// Its derivative with respect to z: `y_hat·Σy − y`, which is the notes'
/// `y_hat − y` for a one-hot row.
pub fn cross_entropy_delta(y_hat: &[f64], y: &[f64], delta: &mut [f64]) {
    let total: f64 = y.iter().sum();
    for ((d, &y_hat_j), &y_j) in delta.iter_mut().zip(y_hat).zip(y) {
        // For a one-hot row total is exactly 1, so this is exactly y_hat − y.
        *d = y_hat_j * total - y_j;
    }
}

/// Half the squared error of one row: `½·Σ (y_hat − y)²`.
pub fn squared_error(y_hat: &[f64], y: &[f64]) -> f64 {
    0.5 * y_hat
        .iter()
        .zip(y)
        .map(|(&p, &t)| (p - t) * (p - t))
        .sum::<f64>()
}

/// Its derivative with respect to y_hat (= z for an identity output): `y_hat − y`.
pub fn squared_error_delta(y_hat: &[f64], y: &[f64], delta: &mut [f64]) {
    for ((d, &y_hat_j), &y_j) in delta.iter_mut().zip(y_hat).zip(y) {
        *d = y_hat_j - y_j;
    }
}
