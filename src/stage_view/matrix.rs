//! A matrix as the stage view shows it: its shape, and its numbers in full
//! up to 8 × 8, with the middle rows or columns left out beyond that.

use crate::json::Json;

/// Rows or columns shown in full; a longer side is elided.
pub const MAX_SHOWN: usize = 8;
/// An elided side shows its first `HEAD` and last `TAIL` entries around a gap,
/// so it still takes `MAX_SHOWN` places.
const HEAD: usize = 4;
const TAIL: usize = 3;

/// One named matrix of the current step, ready to render as a table.
#[derive(Clone, Debug, PartialEq)]
pub struct Matrix {
    /// The notes' name, e.g. `z1`, `dL/dW2`, `W1 before`.
    pub name: String,
    pub rows: usize,
    pub cols: usize,
    /// The rows shown, in order (0-based); `null` marks where rows are left out.
    pub row_index: Vec<Option<usize>>,
    /// The columns shown, likewise.
    pub col_index: Vec<Option<usize>>,
    /// `row_index.len()` rows of `col_index.len()` cells; `null` in a gap
    /// (and for a non-finite number).
    pub cells: Vec<Vec<Option<f64>>>,
    /// True for the values the stage just computed (the page marks them).
    pub computed: bool,
}

impl Matrix {
    /// The JSON form: the fields by name, `null` for gaps.
    pub fn to_tree(&self) -> Json {
        let cells = self.cells.iter().map(|row| Json::from(row.clone()));
        Json::object([
            ("name", self.name.as_str().into()),
            ("rows", self.rows.into()),
            ("cols", self.cols.into()),
            ("row_index", self.row_index.clone().into()),
            ("col_index", self.col_index.clone().into()),
            ("cells", Json::Array(cells.collect())),
            ("computed", self.computed.into()),
        ])
    }

    /// `values` read row-major as `rows` × `cols`; entries past the end of
    /// `values` show as gaps.
    pub fn new(name: impl Into<String>, values: &[f64], rows: usize, cols: usize) -> Matrix {
        let (row_index, col_index) = (shown(rows), shown(cols));
        let cells = row_index
            .iter()
            .map(|r| {
                col_index
                    .iter()
                    .map(|c| match (r, c) {
                        (Some(r), Some(c)) => values.get(r * cols + c).copied(),
                        _ => None,
                    })
                    .collect()
            })
            .collect();
        Matrix {
            name: name.into(),
            rows,
            cols,
            row_index,
            col_index,
            cells,
            computed: false,
        }
    }

    /// The same matrix, marked as just computed.
    pub fn computed(self) -> Matrix {
        Matrix {
            computed: true,
            ..self
        }
    }

    /// "rows × cols", as the page labels the shape.
    pub fn shape(&self) -> String {
        format!("{} × {}", self.rows, self.cols)
    }
}

/// The indices shown of a side of length `n`: all of them up to `MAX_SHOWN`,
/// else the first `HEAD`, a gap (`None`) and the last `TAIL`.
pub fn shown(n: usize) -> Vec<Option<usize>> {
    if n <= MAX_SHOWN {
        return (0..n).map(Some).collect();
    }
    (0..HEAD)
        .map(Some)
        .chain(std::iter::once(None))
        .chain((n - TAIL..n).map(Some))
        .collect()
}

/// A number for the view's text: four significant digits, exponent form
/// when very large or small, never "-0".
pub fn short(x: f64) -> String {
    if x == 0.0 {
        return "0".into();
    }
    if !x.is_finite() {
        return x.to_string();
    }
    let abs = x.abs();
    if !(1e-3..1e5).contains(&abs) {
        return format!("{x:.2e}");
    }
    let decimals = (3 - libm::log10(abs).floor() as i32).max(0) as usize;
    let text = format!("{x:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}
