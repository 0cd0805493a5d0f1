//! `z = a·W + b` in f32: two rows by sixteen, eight or four columns of sums
//! at a time in `F32x4` lanes; the last columns (an output layer's one to
//! three) as dot products four terms at a time when the rows are long,
//! else one term at a time.

use super::lanes::F32x4;

/// Rows at least this long take the last columns four terms at a time.
const LONG_ROWS: usize = 8;

/// `z = a·W + b` for a batch: `a` is rows × `fan_in`, `w` is `fan_in` ×
/// columns (row-major), `b` has columns entries; writes `z`, rows × columns.
/// `scratch` holds the last columns of W transposed, kept between calls.
pub(super) fn affine(
    a: &[f32],
    w: &[f32],
    b: &[f32],
    fan_in: usize,
    z: &mut [f32],
    scratch: &mut Vec<f32>,
) {
    let columns = b.len();
    if columns == 0 || fan_in == 0 {
        return;
    }
    let rows = a.len() / fan_in;
    // Each last column of W made contiguous, so a row's dot product with it
    // loads four terms at a time.
    let tiled = columns - columns % 4;
    scratch.clear();
    if fan_in >= LONG_ROWS {
        for j in tiled..columns {
            scratch.extend(w[j..].iter().step_by(columns));
        }
    }
    for i in (0..rows).step_by(2) {
        // An odd last row is computed twice and stored once.
        let pair = [i, (i + 1).min(rows - 1)];
        let left = pair.map(|r| &a[r * fan_in..(r + 1) * fan_in]);
        let mut j = 0;
        while columns - j >= 16 {
            tile::<4>(left, w, b, columns, j, z, pair);
            j += 16;
        }
        if columns - j >= 8 {
            tile::<2>(left, w, b, columns, j, z, pair);
            j += 8;
        }
        if columns - j >= 4 {
            tile::<1>(left, w, b, columns, j, z, pair);
            j += 4;
        }
        for j in j..columns {
            for &r in &pair {
                let row = &a[r * fan_in..(r + 1) * fan_in];
                z[r * columns + j] = if scratch.is_empty() {
                    row.iter()
                        .zip(w[j..].iter().step_by(columns))
                        .fold(b[j], |sum, (&x, &w)| sum + x * w)
                } else {
                    let column = &scratch[(j - tiled) * fan_in..(j - tiled + 1) * fan_in];
                    b[j] + dot(row, column)
                };
            }
        }
    }
}

/// Σ x·y over two slices of one length, four terms at a time, then the rest.
#[inline(always)]
fn dot(xs: &[f32], ys: &[f32]) -> f32 {
    let (x_quads, y_quads) = (xs.chunks_exact(4), ys.chunks_exact(4));
    let rest = x_quads
        .remainder()
        .iter()
        .zip(y_quads.remainder())
        .fold(0.0, |sum, (&x, &y)| sum + x * y);
    let sums = x_quads.zip(y_quads).fold(F32x4::splat(0.0), |sum, (x, y)| {
        sum.add_product(F32x4::load(x), F32x4::load(y))
    });
    sums.total() + rest
}

/// Rows `pair` by columns `j … j + 4V − 1`, as V quads per row.
#[inline(always)]
fn tile<const V: usize>(
    left: [&[f32]; 2],
    w: &[f32],
    b: &[f32],
    columns: usize,
    j: usize,
    z: &mut [f32],
    pair: [usize; 2],
) {
    let start: [F32x4; V] = core::array::from_fn(|v| F32x4::load(&b[j + 4 * v..]));
    let mut sums = [start; 2];
    for (k, w_row) in w.chunks_exact(columns).enumerate() {
        let w_row = &w_row[j..j + 4 * V];
        for (sums, left) in sums.iter_mut().zip(left) {
            let x = F32x4::splat(left[k]);
            for (v, sum) in sums.iter_mut().enumerate() {
                *sum = sum.add_product(x, F32x4::load(&w_row[4 * v..]));
            }
        }
    }
    for (sums, &r) in sums.iter().zip(&pair) {
        for (v, sum) in sums.iter().enumerate() {
            sum.store(&mut z[r * columns + j + 4 * v..]);
        }
    }
}
