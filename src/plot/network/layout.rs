//! Where the network drawing puts its units, and what it draws between
//! them: the columns of boxes, their frames, and the weight each link shows.

use crate::network::Network;

/// Where each unit's box sits: `columns[c][u]` is the top-left corner of unit
/// u in column c (inputs, hidden layers…, output), and `size` its side.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub columns: Vec<Vec<(f64, f64)>>,
    pub size: f64,
}

/// Lays out columns of `units` boxes across a `width` × `height` picture.
pub fn layout(units: &[usize], width: f64, height: f64, scale: f64) -> Layout {
    let most = units.iter().copied().max().unwrap_or(1) as f64;
    let gap_x = width / units.len().max(1) as f64;
    let size = (height / (most * 1.35))
        .min(gap_x * 0.45)
        .min(34.0 * scale)
        .max(3.0);
    let columns = units
        .iter()
        .enumerate()
        .map(|(c, &n)| {
            let x = gap_x * (c as f64 + 0.5) - size / 2.0;
            let step = height / n as f64;
            (0..n)
                .map(|u| (x, step * (u as f64 + 0.5) - size / 2.0))
                .collect()
        })
        .collect();
    Layout { columns, size }
}

/// Units per column of the drawing: the inputs, then every layer's units.
pub fn column_units(network: &Network) -> Vec<usize> {
    std::iter::once(network.inputs())
        .chain(network.layers().iter().map(|l| l.units()))
        .collect()
}

/// Links in the drawing: one per pair of units in neighbouring columns
/// (fan-in × units, summed over the layers).
pub fn link_count(network: &Network) -> usize {
    network
        .layers()
        .iter()
        .map(|l| l.fan_in() * l.units())
        .sum()
}

/// The weight drawn for the link from unit `i` of the previous column to unit
/// `j` of `layer`: for maxout, the piece with the largest |w| (`link_piece`).
pub fn link_weight(network: &Network, layer: usize, i: usize, j: usize) -> f64 {
    let l = &network.layers()[layer];
    network.params()[l.w_range()][i * l.columns() + link_piece(network, layer, i, j)]
}

/// The column of `layer`'s W that the link from unit `i` to unit `j` draws:
/// `j` itself, or for maxout the piece of unit `j` with the largest |w| (the
/// first on a tie), so the stage overlay shows the same piece's values.
pub fn link_piece(network: &Network, layer: usize, i: usize, j: usize) -> usize {
    let l = &network.layers()[layer];
    let w = &network.params()[l.w_range()];
    let pieces = l.columns() / l.units();
    let column = |p: usize| j * pieces + p;
    (0..pieces).map(column).fold(column(0), |best, c| {
        match w[i * l.columns() + c].abs() > w[i * l.columns() + best].abs() {
            true => c,
            false => best,
        }
    })
}

/// Each unit's frame, a 1-pixel line just outside its box, as
/// `[left, top, right, bottom]` in whole pixels, column by column.
pub fn frames(layout: &Layout) -> impl Iterator<Item = [i32; 4]> + '_ {
    let size = layout.size;
    layout.columns.iter().flatten().map(move |&(x, y)| {
        let (left, top) = (x as i32 - 1, y as i32 - 1);
        [left, top, (x + size) as i32 + 1, (y + size) as i32 + 1]
    })
}
