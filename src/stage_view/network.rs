//! The stage view on the network drawing: for the stage that ran last and
//! one chosen example of the batch, the value each unit shows and the value
//! each link shows. Read from the same buffers as the stage view's matrices
//! (so the picture and the tables never disagree): after Forward the
//! example's x and a = f(z); after Backward its delta per unit and each
//! link's dL/dW (the batch mean, as the update uses it); after Update each
//! unit's bias change and each link's weight change.

use crate::network::Network;
use crate::plot::network::link_piece;
use crate::train::{Stage, Trainer};

/// What the network drawing shows for one stage of the current step.
#[derive(Clone, Debug, PartialEq)]
pub struct NetworkStage {
    /// The stage that ran last.
    pub stage: Stage,
    /// The chosen example's row in the batch, and its index in the training set.
    pub example: usize,
    pub point: usize,
    /// The batch's size.
    pub rows: usize,
    /// Per column of the drawing (inputs, then each layer), the quantity's
    /// name ("x", "a1", "delta2", "Δb1", …), or `None` where the column shows nothing.
    pub unit_names: Vec<Option<String>>,
    /// Per column, per unit, the value shown (empty where nothing is shown).
    pub units: Vec<Vec<f64>>,
    /// What the links show ("dL/dW" or "ΔW"), or `None` when they keep
    /// showing the weights.
    pub link_name: Option<&'static str>,
    /// Per layer, `fan_in × units` link values row-major (link from unit i
    /// of the previous column to unit j at `i·units + j`); empty unless
    /// `link_name` is set. For maxout, the piece the drawing shows (`link_piece`).
    pub links: Vec<Vec<f64>>,
}

/// The picture of the trainer's current step for example `example` of its
/// batch (clamped to the batch), or `None` when no stage has run in this step.
pub fn build(trainer: &Trainer, example: usize) -> Option<NetworkStage> {
    let stage = super::current_stage(trainer)?;
    let rows = trainer.batch_indices().len();
    let example = example.min(rows.saturating_sub(1));
    let network = trainer.network();
    let layers = network.layers();
    let inputs = network.inputs();
    let x = row(trainer.batch_x(), inputs, example);
    let none = || (None, Vec::new());
    let mut columns: Vec<(Option<String>, Vec<f64>)> = Vec::new();
    let (link_name, links) = match stage {
        Stage::SampleBatch | Stage::Forward => {
            columns.push((Some("x".into()), x));
            for (l, layer) in layers.iter().enumerate() {
                let shown = stage == Stage::Forward;
                columns.push(match shown {
                    true => (
                        Some(a_name(l, layers.len())),
                        row(trainer.workspace().a(l), layer.units(), example),
                    ),
                    false => none(),
                });
            }
            (None, Vec::new())
        }
        Stage::Backward => {
            columns.push(none());
            for (l, layer) in layers.iter().enumerate() {
                let delta = row(trainer.workspace().delta(l), layer.columns(), example);
                let pieces = layer.columns() / layer.units();
                let per_unit = delta.chunks(pieces).map(|p| p.iter().sum()).collect();
                columns.push((Some(format!("delta{}", l + 1)), per_unit));
            }
            let gradient = trainer.gradient();
            (Some("dL/dW"), link_values(network, |l| &gradient[l]))
        }
        Stage::Update => {
            columns.push(none());
            let (before, after) = (trainer.params_before(), network.params());
            let change: Vec<f64> = after.iter().zip(before).map(|(a, b)| a - b).collect();
            for (l, layer) in layers.iter().enumerate() {
                let db = change[layer.b_range()].to_vec();
                let pieces = layer.columns() / layer.units();
                let per_unit = db.chunks(pieces).map(|p| p.iter().sum()).collect();
                columns.push((Some(format!("Δb{}", l + 1)), per_unit));
            }
            (Some("ΔW"), link_values(network, |l| &change[l]))
        }
    };
    let (unit_names, units) = columns.into_iter().unzip();
    Some(NetworkStage {
        stage,
        example,
        point: trainer.batch_indices()[example],
        rows,
        unit_names,
        units,
        link_name,
        links,
    })
}

/// "a1", …, and "y_hat" for the output layer.
fn a_name(layer: usize, layers: usize) -> String {
    match layer + 1 == layers {
        true => "y_hat".into(),
        false => format!("a{}", layer + 1),
    }
}

/// Row `r` of a `width`-wide row-major buffer (empty if it is not there).
fn row(values: &[f64], width: usize, r: usize) -> Vec<f64> {
    values
        .get(r * width..(r + 1) * width)
        .unwrap_or(&[])
        .to_vec()
}

/// Each layer's link values from a full parameter-shaped vector (`of` maps
/// an index of the parameter vector to its value's place).
fn link_values<'a>(network: &Network, of: impl Fn(usize) -> &'a f64) -> Vec<Vec<f64>> {
    network
        .layers()
        .iter()
        .enumerate()
        .map(|(l, layer)| {
            let start = layer.w_range().start;
            (0..layer.fan_in())
                .flat_map(|i| (0..layer.units()).map(move |j| (i, j)))
                .map(|(i, j)| *of(start + i * layer.columns() + link_piece(network, l, i, j)))
                .collect()
        })
        .collect()
}
