//! The one kernel behind every product: `out = start + left·right`, two rows
//! by up to eight columns of sums at a time in `F64x2` lane pairs (an odd
//! last column eight rows at a time), each sum taken in order of the inner
//! index (see `network::linalg` for why).

use super::lanes::F64x2;

/// A left factor read one number at a time: entry (i, k) is
/// `values[i·row_stride + k·depth_stride]`, so a transpose costs nothing.
#[derive(Clone, Copy, Debug)]
pub(in crate::network) struct Strided<'a> {
    pub values: &'a [f64],
    pub row_stride: usize,
    pub depth_stride: usize,
}

/// Where a product's entry (i, j) goes: `values[i·row_stride + j·column_stride]`,
/// so a product can be written transposed.
#[derive(Debug)]
pub(in crate::network) struct Out<'a> {
    pub values: &'a mut [f64],
    pub row_stride: usize,
    pub column_stride: usize,
}

impl<'a> Out<'a> {
    /// Entry (i, j) is `value`.
    #[inline(always)]
    fn set(&mut self, i: usize, j: usize, value: f64) {
        self.values[i * self.row_stride + j * self.column_stride] = value;
    }

    /// Entries (i, j) and (i, j + 1) are the lanes of `pair`.
    #[inline(always)]
    fn set_pair(&mut self, i: usize, j: usize, pair: F64x2) {
        let at = i * self.row_stride + j * self.column_stride;
        if self.column_stride == 1 {
            pair.store(
                (&mut self.values[at..at + 2])
                    .try_into()
                    .expect("two numbers"),
            );
        } else {
            let [even, odd] = pair.to_array();
            self.values[at] = even;
            self.values[at + self.column_stride] = odd;
        }
    }

    /// A row-major rows × `columns` matrix.
    pub fn rows_of(values: &'a mut [f64], columns: usize) -> Out<'a> {
        Out {
            values,
            row_stride: columns,
            column_stride: 1,
        }
    }
}

/// What each sum starts from: a row (one number per column) or one number.
#[derive(Clone, Copy, Debug)]
pub(in crate::network) enum Start<'a> {
    Row(&'a [f64]),
    Value(f64),
}

/// Column pairs per tile of the kernel: eight columns by two rows of
/// accumulators fill eight 128-bit registers, leaving room for the operands.
const TILE_PAIRS: usize = 4;

/// `out[i][j] = (start[j] + Σ_k left[i][k]·right[k][j]) / divisor`, the sum
/// taken in order k = 0, 1, … (no division when `divisor` is `None`).
/// `right` is depth × columns (row-major); `left` holds rows × depth entries
/// and `out` rows × columns.
pub(in crate::network) fn product(
    (left, rows): (Strided, usize),
    right: &[f64],
    start: Start,
    out: &mut Out,
    columns: usize,
    divisor: Option<f64>,
) {
    if columns == 0 {
        return;
    }
    let kernel = Kernel {
        left,
        right,
        start,
        divisor,
        columns,
        depth: right.len() / columns,
    };
    // Two rows at a time across every column, so a tall left factor (the
    // heatmap's grid) streams through the cache once. An odd last row is
    // computed twice and stored once (one kernel, less code to download).
    for i in (0..rows).step_by(2) {
        let pair = Rows {
            top: i,
            bottom: (i + 1).min(rows - 1),
        };
        kernel.rows(pair, out);
    }
    if columns % 2 == 1 {
        kernel.last_column(rows, out);
    }
}

/// The two rows a kernel call computes; `bottom == top` for an odd last row.
#[derive(Clone, Copy)]
struct Rows {
    top: usize,
    bottom: usize,
}

impl Rows {
    /// The rows to store: both, or just `top`.
    fn stored(self) -> impl Iterator<Item = (usize, usize)> {
        let count = if self.bottom == self.top { 1 } else { 2 };
        [self.top, self.bottom].into_iter().enumerate().take(count)
    }
}

/// One product's operands and shape.
struct Kernel<'a> {
    left: Strided<'a>,
    right: &'a [f64],
    start: Start<'a>,
    divisor: Option<f64>,
    columns: usize,
    depth: usize,
}

impl Kernel<'_> {
    /// Two rows of `out`, every column but an odd last one (`last_column`):
    /// tiles of 8, 4 and 2 columns.
    #[inline(always)]
    fn rows(&self, rows: Rows, out: &mut Out) {
        let mut j = 0;
        while self.columns - j >= 2 * TILE_PAIRS {
            self.tile::<TILE_PAIRS>(rows, j, out);
            j += 2 * TILE_PAIRS;
        }
        if self.columns - j >= 4 {
            self.tile::<2>(rows, j, out);
            j += 4;
        }
        if self.columns - j >= 2 {
            self.tile::<1>(rows, j, out);
        }
    }

    /// Two rows by columns `j … j + 2V − 1`, as V lane pairs per row.
    #[inline(always)]
    fn tile<const V: usize>(&self, rows: Rows, j: usize, out: &mut Out) {
        let start: [F64x2; V] = core::array::from_fn(|v| match self.start {
            Start::Row(row) => F64x2::load(pair(&row[j + 2 * v..])),
            Start::Value(value) => F64x2::splat(value),
        });
        let mut sums = [start; 2];
        let left = [self.left_row(rows.top), self.left_row(rows.bottom)];
        let stride = self.left.depth_stride;
        for (k, right_row) in self.right.chunks_exact(self.columns).enumerate() {
            let r = &right_row[j..j + 2 * V];
            for (sums, left) in sums.iter_mut().zip(left) {
                let x = F64x2::splat(left[k * stride]);
                for (v, sum) in sums.iter_mut().enumerate() {
                    *sum = sum.add_product(x, F64x2::load(pair(&r[2 * v..])));
                }
            }
        }
        let divisor = self.divisor.map(F64x2::splat);
        for (r, i) in rows.stored() {
            for (v, &sum) in sums[r].iter().enumerate() {
                let sum = divisor.map_or(sum, |d| sum.div(d));
                out.set_pair(i, j + 2 * v, sum);
            }
        }
    }

    /// The last column of every row, when `columns` is odd (a regression's
    /// output layer is one column): up to eight rows at a time, two per lane
    /// pair, so their sums run side by side, not one after another.
    fn last_column(&self, rows: usize, out: &mut Out) {
        let mut first = 0;
        while first < rows {
            // Fewer lane pairs for the last few rows, so little is computed twice.
            first += match rows - first {
                left if left > 4 => self.column_rows::<4>(first, rows - 1, out),
                left if left > 2 => self.column_rows::<2>(first, rows - 1, out),
                _ => self.column_rows::<1>(first, rows - 1, out),
            };
        }
    }

    /// Rows `first … first + 2P − 1` of the last column (those up to `last`
    /// stored, the rest computed as row `last`), as P lane pairs of two rows;
    /// each sum in order of k. Returns 2P.
    #[inline(always)]
    fn column_rows<const P: usize>(&self, first: usize, last: usize, out: &mut Out) -> usize {
        let j = self.columns - 1;
        let start = match self.start {
            Start::Row(row) => row[j],
            Start::Value(value) => value,
        };
        let left: [[&[f64]; 2]; P] = core::array::from_fn(|p| {
            let row = |r: usize| self.left_row((first + 2 * p + r).min(last));
            [row(0), row(1)]
        });
        let mut sums = [F64x2::splat(start); P];
        let stride = self.left.depth_stride;
        for (k, right_row) in self.right.chunks_exact(self.columns).enumerate() {
            let right = F64x2::splat(right_row[j]);
            for (sum, [top, bottom]) in sums.iter_mut().zip(&left) {
                let x = F64x2::new(top[k * stride], bottom[k * stride]);
                *sum = sum.add_product(x, right);
            }
        }
        let divisor = self.divisor.map(F64x2::splat);
        for (p, &sum) in sums.iter().enumerate() {
            let sum = divisor.map_or(sum, |d| sum.div(d));
            for (r, value) in sum.to_array().into_iter().enumerate() {
                let i = first + 2 * p + r;
                if i <= last {
                    out.set(i, j, value);
                }
            }
        }
        2 * P
    }

    /// Row `i` of the left factor: its `depth` numbers sit `depth_stride` apart.
    #[inline(always)]
    fn left_row(&self, i: usize) -> &[f64] {
        let left = self.left;
        let from = i * left.row_stride;
        let len = match self.depth {
            0 => 0,
            depth => (depth - 1) * left.depth_stride + 1,
        };
        &left.values[from..from + len]
    }
}

/// The first two numbers of `values`.
#[inline(always)]
fn pair(values: &[f64]) -> &[f64; 2] {
    values[..2].try_into().expect("two numbers")
}
