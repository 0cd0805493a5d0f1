//! Row-major batched matrix products, all through one register-blocked
//! kernel (`fast::product`).
//!
//! Every output entry is its start value plus the products of its row and
//! column added one at a time, in order of the inner index; no fused
//! multiply-add. The kernel only groups *independent* entries (two rows by up
//! to eight columns at once, as `F64x2` lane pairs), so each entry sees the
//! same sequence of operations on every target and at every shape: a run
//! computes the same bits natively and in wasm.

use super::fast::product::{product, Out, Start, Strided};

/// `z = a·W + b` for a batch: `a` is rows × `fan_in`, `w` is `fan_in` × columns
/// (row-major), `b` has columns entries; writes `z`, rows × columns.
pub(crate) fn affine(a: &[f64], w: &[f64], b: &[f64], fan_in: usize, z: &mut [f64]) {
    let left = Strided {
        values: a,
        row_stride: fan_in,
        depth_stride: 1,
    };
    let (rows, columns) = (a.len() / fan_in, b.len());
    let mut out = Out::rows_of(z, columns);
    product((left, rows), w, Start::Row(b), &mut out, columns, None);
}

/// `dW = aᵀ·delta / rows` and `db = column sums of delta / rows`: `a` is
/// rows × `fan_in`, `delta` rows × columns; `dw` (`fan_in` × columns) and `db`
/// (columns) are overwritten. Each sum runs over the rows in order from 0.
pub(crate) fn weight_gradient(
    a: &[f64],
    delta: &[f64],
    fan_in: usize,
    dw: &mut [f64],
    db: &mut [f64],
) {
    let columns = db.len();
    let rows = a.len() / fan_in.max(1);
    // The loss is a mean over the batch, so is its gradient.
    let n = rows.max(1) as f64;
    // Entry (k, i) of aᵀ is a[i][k].
    let a_transposed = Strided {
        values: a,
        row_stride: 1,
        depth_stride: fan_in,
    };
    let mut out = Out::rows_of(dw, columns);
    product(
        (a_transposed, fan_in),
        delta,
        Start::Value(0.0),
        &mut out,
        columns,
        Some(n),
    );
    db.fill(0.0);
    for delta_row in delta.chunks_exact(columns.max(1)) {
        for (db_j, &delta_ij) in db.iter_mut().zip(delta_row) {
            *db_j += delta_ij;
        }
    }
    db.iter_mut().for_each(|g| *g /= n);
}

/// `g = delta·Wᵀ` for a batch: `delta` is rows × columns, `w` is `fan_in` ×
/// columns; writes `g`, rows × `fan_in`. Each entry is the dot product of a
/// row of delta and a row of W, summed from −0.0 in order (as
/// `Iterator::sum` does). Computed as gᵀ = W·deltaᵀ, written transposed, so
/// only delta (the smaller matrix for a minibatch) is copied: into
/// `delta_transposed` (rows × columns numbers of scratch).
pub(crate) fn times_transpose(
    delta: &[f64],
    w: &[f64],
    columns: usize,
    delta_transposed: &mut [f64],
    g: &mut [f64],
) {
    let (fan_in, rows) = (w.len() / columns, delta.len() / columns);
    let delta_transposed = &mut delta_transposed[..delta.len()];
    transpose(delta, columns, delta_transposed);
    let left = Strided {
        values: w,
        row_stride: columns,
        depth_stride: 1,
    };
    let mut out = Out {
        values: g,
        row_stride: 1,
        column_stride: fan_in,
    };
    product(
        (left, fan_in),
        delta_transposed,
        Start::Value(-0.0),
        &mut out,
        rows,
        None,
    );
}

/// Writes the transpose of `m` (rows × columns, row-major) into `out` (columns × rows).
fn transpose(m: &[f64], columns: usize, out: &mut [f64]) {
    let rows = m.len() / columns;
    for (i, m_row) in m.chunks_exact(columns).enumerate() {
        for (o, &value) in out[i..].iter_mut().step_by(rows).zip(m_row) {
            *o = value;
        }
    }
}

#[cfg(test)]
mod tests;
