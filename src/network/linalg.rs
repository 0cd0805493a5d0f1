//! Row-major batched matrix products, with loops ordered so the innermost runs
//! over contiguous memory.
//!
//! No fused multiply-add and a fixed summation order: every target computes
//! the same bits.

/// `z = a·W + b` for a batch: `a` is rows × `fan_in`, `w` is `fan_in` × columns
/// (row-major), `b` has columns entries; writes `z`, rows × columns.
pub(crate) fn affine(a: &[f64], w: &[f64], b: &[f64], fan_in: usize, z: &mut [f64]) {
    let columns = b.len();
    for (a_row, z_row) in a.chunks_exact(fan_in).zip(z.chunks_exact_mut(columns)) {
        z_row.copy_from_slice(b);
        // Order i-k-j: row k of W is added, scaled by a[i][k], to row i of z.
        for (&a_ik, w_row) in a_row.iter().zip(w.chunks_exact(columns)) {
            for (z_ij, &w_kj) in z_row.iter_mut().zip(w_row) {
                *z_ij += a_ik * w_kj;
            }
        }
    }
}

/// `dW = aᵀ·delta / rows` and `db = column sums of delta / rows`: `a` is
/// rows × `fan_in`, `delta` rows × columns; `dw` (`fan_in` × columns) and `db`
/// (columns) are overwritten.
pub(crate) fn weight_gradient(
    a: &[f64],
    delta: &[f64],
    fan_in: usize,
    dw: &mut [f64],
    db: &mut [f64],
) {
    let columns = db.len();
    dw.fill(0.0);
    db.fill(0.0);
    let mut rows = 0;
    for (a_row, delta_row) in a.chunks_exact(fan_in).zip(delta.chunks_exact(columns)) {
        rows += 1;
        for (&a_ik, dw_row) in a_row.iter().zip(dw.chunks_exact_mut(columns)) {
            for (dw_kj, &delta_ij) in dw_row.iter_mut().zip(delta_row) {
                *dw_kj += a_ik * delta_ij;
            }
        }
        for (db_j, &delta_ij) in db.iter_mut().zip(delta_row) {
            *db_j += delta_ij;
        }
    }
    // The loss is a mean over the batch, so is its gradient.
    let n = rows.max(1) as f64;
    dw.iter_mut().chain(db.iter_mut()).for_each(|g| *g /= n);
}

/// `g = delta·Wᵀ` for a batch: `delta` is rows × columns, `w` is `fan_in` ×
/// columns; writes `g`, rows × `fan_in`. Each entry is a dot product of two
/// contiguous rows.
pub(crate) fn times_transpose(delta: &[f64], w: &[f64], columns: usize, g: &mut [f64]) {
    let fan_in = w.len() / columns;
    for (delta_row, g_row) in delta.chunks_exact(columns).zip(g.chunks_exact_mut(fan_in)) {
        for (g_ik, w_row) in g_row.iter_mut().zip(w.chunks_exact(columns)) {
            *g_ik = delta_row.iter().zip(w_row).map(|(d, w)| d * w).sum();
        }
    }
}
