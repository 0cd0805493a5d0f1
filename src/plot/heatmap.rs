//! The decision-boundary heatmap: the network's output over a grid of the
//! input plane, as RGBA pixels (ready for an `ImageData`), with the data on
//! top. The pieces compose cheaply: the grid's colours as a small image
//! (`Heatmap::cell_image`), the points as a transparent layer at full size
//! (`PointsLayer`, repainted only when they change), and `Heatmap::render`
//! blending both into one picture.

mod pixels;
mod points;

pub use pixels::{from_pixel, to_pixel};
pub use points::{PointStyle, PointsLayer};

use pixels::{value_scale, write_rgba};

use super::palette::{class_color, diverging, mix, Rgb};
use super::Theme;
use crate::data::Dataset;
use crate::features::FeatureSet;
use crate::network::argmax;
use crate::network::fast::preview::Preview;
use crate::train::Trainer;

/// The input plane shown: x1 and x2 from −DOMAIN to DOMAIN.
pub const DOMAIN: f64 = crate::data::DOMAIN;

/// Grid points run through the network per call.
const GRID_SLICE: usize = 1000;

/// Grid, outputs and pixels, all kept between frames so a redraw allocates
/// nothing once the canvas size is stable.
#[derive(Clone, Debug)]
pub struct Heatmap {
    resolution: usize,
    grid: Vec<f64>,
    /// The grid through the trainer's features (resolution² × inputs),
    /// remade only when the features change.
    inputs: Vec<f64>,
    inputs_for: Option<FeatureSet>,
    outputs: Vec<f64>,
    cells: Vec<Rgb>,
    /// `cells` as RGBA bytes (resolution² × 4).
    cell_pixels: Vec<u8>,
    pixels: Vec<u8>,
    /// Each grid row interpolated across the picture's width (resolution × width).
    rows: Vec<Rgb>,
    /// Hard regions (each cell its predicted class, or the sign of the
    /// value) instead of blended confidence.
    discrete: bool,
    /// The points `render` draws on top.
    points: PointsLayer,
    /// The f32 pass the grid runs through.
    preview: Preview,
}

/// The input-plane coordinate of grid line `i` of `n`.
fn grid_coordinate(i: usize, n: usize) -> f64 {
    -DOMAIN + 2.0 * DOMAIN * i as f64 / (n - 1) as f64
}

impl Heatmap {
    /// A heatmap evaluating the network on `resolution` × `resolution` points (≥ 2).
    pub fn new(resolution: usize) -> Heatmap {
        let n = resolution.max(2);
        let mut grid = Vec::with_capacity(n * n * 2);
        for row in 0..n {
            // Row 0 is the top of the picture: x2 = +DOMAIN.
            let x2 = grid_coordinate(n - 1 - row, n);
            for col in 0..n {
                grid.extend([grid_coordinate(col, n), x2]);
            }
        }
        Heatmap {
            resolution: n,
            grid,
            inputs: Vec::new(),
            inputs_for: None,
            outputs: Vec::new(),
            cells: vec![[0.0; 3]; n * n],
            cell_pixels: vec![0; n * n * 4],
            pixels: Vec::new(),
            rows: Vec::new(),
            discrete: false,
            points: PointsLayer::new(),
            preview: Preview::default(),
        }
    }

    /// Paints hard regions from now on (`true`) or blended confidence.
    pub fn set_discrete(&mut self, discrete: bool) {
        self.discrete = discrete;
    }

    /// Grid points per side.
    pub fn resolution(&self) -> usize {
        self.resolution
    }

    /// The grid's input rows (resolution² × 2), top row first.
    pub fn grid(&self) -> &[f64] {
        &self.grid
    }

    /// The network's outputs at the grid after the last `cell_image` or `render`
    /// (resolution² × outputs).
    pub fn outputs(&self) -> &[f64] {
        &self.outputs
    }

    /// Evaluates the network over the grid and paints `width` × `height`
    /// RGBA pixels: the output as colour (`cell_image` interpolated between
    /// grid points, the first and last on the picture's edges), then the
    /// `PointsLayer` over it.
    pub fn render(
        &mut self,
        trainer: &Trainer,
        test: &Dataset,
        (width, height): (usize, usize),
        points: PointStyle,
        theme: Theme,
    ) -> &[u8] {
        self.cell_image(trainer, theme);
        self.paint_cells(width, height);
        let train = trainer.train_set();
        self.points
            .update(train, test, (width, height), points, theme);
        self.points.composite_onto(&mut self.pixels);
        &self.pixels
    }

    /// Evaluates the network over the grid and colours each grid point:
    /// resolution × resolution opaque RGBA pixels, row 0 the top (x2 =
    /// +DOMAIN), column 0 the left (x1 = −DOMAIN). Each pixel is a grid
    /// point's colour, to be interpolated between, not an area.
    pub fn cell_image(&mut self, trainer: &Trainer, theme: Theme) -> &[u8] {
        let outputs = trainer.network().outputs();
        self.outputs.resize(self.grid.len() / 2 * outputs, 0.0);
        // In f32 (`Preview`), a slice of the grid at a time: its buffers stay
        // small (in cache, and megabytes less wasm memory for wide networks).
        let features = trainer.features();
        if self.inputs_for != Some(features) {
            features.transform_into(&self.grid, &mut self.inputs);
            self.inputs_for = Some(features);
        }
        let slices = self.inputs.chunks(features.len() * GRID_SLICE);
        for (xs, out) in slices.zip(self.outputs.chunks_mut(GRID_SLICE * outputs)) {
            self.preview.forward(trainer.network(), xs);
            for (o, &p) in out.iter_mut().zip(self.preview.outputs()) {
                *o = f64::from(p);
            }
        }
        let background = rgb_of(theme.background);
        let scale = value_scale(trainer.train_set());
        let rows = self.outputs.chunks_exact(outputs);
        let cells = self
            .cells
            .iter_mut()
            .zip(self.cell_pixels.chunks_exact_mut(4));
        for ((cell, pixel), y_hat) in cells.zip(rows) {
            *cell = if self.discrete {
                discrete_color(y_hat, background)
            } else {
                output_color(y_hat, scale, background)
            };
            write_rgba(pixel, *cell, 1.0);
        }
        &self.cell_pixels
    }

    /// Bilinear interpolation of the grid's colours onto the pixels.
    fn paint_cells(&mut self, width: usize, height: usize) {
        let n = self.resolution;
        self.pixels.resize(width * height * 4, 255);
        if width == 0 {
            return; // a collapsed canvas: nothing to paint
        }
        let span = |pixels: usize| (n - 1) as f64 / (pixels.max(2) - 1) as f64;
        let (sx, sy) = (span(width), span(height));
        // Across first, once per grid row (each serves several pixel rows).
        self.rows.resize(n * width, [0.0; 3]);
        for px in 0..width {
            let u = px as f64 * sx;
            let (c0, fx) = (u.floor() as usize, u.fract());
            let c1 = (c0 + 1).min(n - 1);
            for (r, cells) in self.cells.chunks_exact(n).enumerate() {
                self.rows[r * width + px] = mix(cells[c0], cells[c1], fx);
            }
        }
        // Then down, between the two grid rows either side of each pixel row.
        let pixel_rows = self.pixels.chunks_exact_mut(width * 4);
        for (py, pixel_row) in pixel_rows.enumerate() {
            let v = py as f64 * sy;
            let (r0, fy) = (v.floor() as usize, v.fract());
            let r1 = (r0 + 1).min(n - 1);
            let (top, bottom) = (&self.rows[r0 * width..], &self.rows[r1 * width..]);
            let columns = top.iter().zip(bottom).zip(pixel_row.chunks_exact_mut(4));
            for ((&top, &bottom), pixel) in columns {
                write_rgba(pixel, mix(top, bottom, fy), 1.0);
            }
        }
    }
}

/// The colour of one output row: a class mix fading to the background as the
/// network grows unsure, or a diverging colour for a regression value.
fn output_color(y_hat: &[f64], scale: f64, background: Rgb) -> Rgb {
    if y_hat.len() == 1 {
        let strength = (y_hat[0].abs() / scale).min(1.0) * 0.8;
        return mix(background, diverging(y_hat[0].signum()), strength);
    }
    let k = y_hat.len() as f64;
    let mut color = [0.0; 3];
    for (class, &p) in y_hat.iter().enumerate() {
        let c = class_color(class);
        (0..3).for_each(|i| color[i] += p * c[i]);
    }
    let top = y_hat.iter().copied().fold(0.0, f64::max);
    let confidence = ((top - 1.0 / k) / (1.0 - 1.0 / k)).clamp(0.0, 1.0);
    mix(background, color, 0.15 + 0.65 * confidence)
}

/// The colour of one output row as a hard region: the predicted class's
/// colour, or the sign of a regression value (the background at exactly 0).
fn discrete_color(y_hat: &[f64], background: Rgb) -> Rgb {
    const STRENGTH: f64 = 0.6;
    match y_hat {
        [value] if *value == 0.0 || value.is_nan() => background,
        [value] => mix(background, diverging(value.signum()), STRENGTH),
        row => mix(background, class_color(argmax(row)), STRENGTH),
    }
}

fn rgb_of(color: plotters::style::RGBColor) -> Rgb {
    [f64::from(color.0), f64::from(color.1), f64::from(color.2)]
}

/// Rings around the training points at `indices` (the batch being stepped
/// through), drawn over a heatmap rendered at the same size; `scale` is the
/// device pixel ratio. A light and a dark ring, so they show on any colour.
pub fn draw_marks<DB: plotters::prelude::DrawingBackend>(
    root: &plotters::prelude::DrawingArea<DB, plotters::coord::Shift>,
    set: &Dataset,
    indices: &[usize],
    scale: f64,
    theme: Theme,
) -> Result<(), plotters::prelude::DrawingAreaErrorKind<DB::ErrorType>> {
    use plotters::prelude::{Circle, Color};
    let (width, height) = root.dim_in_pixel();
    let radius = (8.0 * scale).round() as i32;
    let stroke = (1.5 * scale).round().max(1.0) as u32;
    for x in indices.iter().filter_map(|&i| set.x.get(i * 2..i * 2 + 2)) {
        let (px, py) = to_pixel(x, width as usize, height as usize);
        let center = (px.round() as i32, py.round() as i32);
        let outer = theme.background.stroke_width(stroke + 2);
        root.draw(&Circle::new(center, radius, outer))?;
        root.draw(&Circle::new(
            center,
            radius,
            theme.foreground.stroke_width(stroke),
        ))?;
    }
    root.present()
}
