//! The network drawing: units in columns, links coloured by the sign of their
//! weight and as wide as its size, and in each unit a thumbnail of what that
//! unit computes over the input plane. A weight of exactly zero (L1 cuts
//! weights to zero) is drawn as a thin dashed line: the link is cut.

use super::heatmap::DOMAIN;
use super::palette::{bytes, diverging};
use super::Theme;
use crate::features::FeatureSet;
use crate::network::fast::preview::Preview;
use crate::network::Network;
use crate::train::Trainer;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

mod layout;
mod links;
mod stage;
pub use layout::{column_units, frames, layout, link_count, link_piece, link_weight, Layout};
pub use links::{Bucket, Links, LEVELS};
pub use stage::{draw_stage, lit_columns, short, StageMarks};

/// Draws the links and the units' frames (thumbnails are laid in by the caller).
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    network: &Network,
    layout: &Layout,
    scale: f64,
    theme: Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&theme.background)?;
    let mut links = Links::default();
    links.fill(network, layout, scale, theme);
    let point = |(x, y): (f64, f64)| (x as i32, y as i32);
    for bucket in links.buckets() {
        let [r, g, b] = bucket.color;
        let style = RGBColor(r, g, b).stroke_width(bucket.width);
        for (from, to) in bucket.lines() {
            let ends = [point(from), point(to)];
            match bucket.dash {
                Some(dash) => {
                    let dash = dash as i32;
                    root.draw(&DashedPathElement::new(ends, dash, dash, style))?
                }
                None => root.draw(&PathElement::new(ends, style))?,
            }
        }
    }
    for [left, top, right, bottom] in frames(layout) {
        let style = theme.foreground.stroke_width(1);
        root.draw(&Rectangle::new([(left, top), (right, bottom)], style))?;
    }
    root.present()?;
    Ok(())
}

/// Each unit's output over a coarse grid of the input plane, as small RGBA
/// images, reusing its buffers between frames.
#[derive(Clone, Debug)]
pub struct Thumbnails {
    resolution: usize,
    grid: Vec<f64>,
    /// The grid through the trainer's features (resolution² × inputs).
    inputs: Vec<f64>,
    inputs_for: Option<FeatureSet>,
    /// The f32 pass the grid runs through (every unit's output, for pictures).
    preview: Preview,
    images: Vec<Vec<u8>>,
}

impl Thumbnails {
    pub fn new(resolution: usize) -> Thumbnails {
        let n = resolution.max(2);
        let coordinate = |i: usize| -DOMAIN + 2.0 * DOMAIN * i as f64 / (n - 1) as f64;
        let grid = (0..n)
            .flat_map(|row| (0..n).flat_map(move |col| [coordinate(col), coordinate(n - 1 - row)]))
            .collect();
        Thumbnails {
            resolution: n,
            grid,
            inputs: Vec::new(),
            inputs_for: None,
            preview: Preview::default(),
            images: Vec::new(),
        }
    }

    pub fn resolution(&self) -> usize {
        self.resolution
    }

    /// Renders every unit, column by column as `layout` orders them; returns
    /// the images (resolution² RGBA each), inputs (one per feature) first.
    pub fn render(&mut self, trainer: &Trainer) -> &[Vec<u8>] {
        let features = trainer.features();
        if self.inputs_for != Some(features) {
            features.transform_into(&self.grid, &mut self.inputs);
            self.inputs_for = Some(features);
        }
        let network = trainer.network();
        self.preview.forward(network, &self.inputs);
        let units: usize = network.layers().iter().map(|l| l.units()).sum();
        let inputs = features.len();
        self.images.resize_with(inputs + units, Vec::new);
        let mut index = 0;
        for input in 0..inputs {
            let values = self.inputs.iter().skip(input).step_by(inputs).copied();
            let extent = values.clone().fold(1e-9_f64, |m, v| m.max(v.abs()));
            paint(&mut self.images[index], values, extent);
            index += 1;
        }
        for (layer, l) in network.layers().iter().enumerate() {
            let a = self.preview.a(layer);
            for unit in 0..l.units() {
                let values = a
                    .iter()
                    .skip(unit)
                    .step_by(l.units())
                    .map(|&v| f64::from(v));
                let extent = values.clone().fold(1e-9_f64, |m, v| m.max(v.abs()));
                paint(&mut self.images[index], values, extent);
                index += 1;
            }
        }
        &self.images
    }
}

/// Fills `image` with `values` coloured on the diverging scale, ±`extent` at full colour.
fn paint(image: &mut Vec<u8>, values: impl Iterator<Item = f64>, extent: f64) {
    image.clear();
    for v in values {
        image.extend(bytes(diverging(v / extent)));
        image.push(255);
    }
}

/// Marks dead units with a cross over their box: `dead` gives, layer by
/// layer (hidden layers first, as `layout`'s columns after the inputs), a
/// flag per unit. Drawn after the thumbnails, so the cross sits on top.
pub fn draw_dead<'a, DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    layout: &Layout,
    dead: impl IntoIterator<Item = &'a [bool]>,
    scale: f64,
    theme: Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let style = theme
        .foreground
        .stroke_width((2.0 * scale).round().max(1.0) as u32);
    for (column, flags) in layout.columns.iter().skip(1).zip(dead) {
        for (&(x, y), _) in column.iter().zip(flags).filter(|(_, &dead)| dead) {
            let (x0, y0) = (x as i32, y as i32);
            let (x1, y1) = ((x + layout.size) as i32, (y + layout.size) as i32);
            let veil = theme.background.mix(0.55).filled();
            root.draw(&Rectangle::new([(x0, y0), (x1, y1)], veil))?;
            root.draw(&PathElement::new(vec![(x0, y0), (x1, y1)], style))?;
            root.draw(&PathElement::new(vec![(x0, y1), (x1, y0)], style))?;
        }
    }
    root.present()
}
