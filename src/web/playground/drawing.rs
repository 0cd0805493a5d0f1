//! Drawing (docs/js-api.md): every picture of the training view on a
//! `<canvas>`, at its pixel size, with `scale` the device pixel ratio and
//! `dark` the dark theme's colours: the heatmap, the loss chart, the network
//! (straight on the 2d context, `network_canvas`), the marks over them, and
//! the diagnostics charts.

use super::{network_canvas, Playground};
use crate::plot::heatmap::PointStyle;
use crate::plot::network::{self as diagram, Thumbnails};
use crate::plot::{diagnostics as charts, heatmap, histograms, loss};
use crate::web::common::canvas::{context, drawable, theme, Canvas, NO_2D_CONTEXT};
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// Most grid points per side of a unit's thumbnail (a box is up to 34 CSS
/// pixels, 68 device pixels on a fine screen; the browser scales the rest).
const THUMBNAIL_GRID: f64 = 20.0;
/// Links a wide network's drawing keeps while it plays (`Links::set_limit`):
/// about 2 000 one-pixel lines rasterise in a few ms; six layers of 64 have 20 736.
const PLAYING_LINKS: usize = 2_000;

/// A drawing area on `canvas`, measuring text on the canvas itself (see `common::canvas`).
fn area(canvas: HtmlCanvasElement) -> Result<DrawingArea<Canvas, Shift>, JsError> {
    Canvas::new(canvas)
        .map(IntoDrawingArea::into_drawing_area)
        .ok_or_else(|| JsError::new(NO_2D_CONTEXT))
}

fn drawn<E: std::fmt::Debug>(what: &str, result: Result<(), E>) -> Result<(), JsError> {
    result.map_err(|e| JsError::new(&format!("drawing {what} failed: {e:?}")))
}

#[wasm_bindgen]
impl Playground {
    /// Paints the decision boundary and the data on `canvas` at its pixel size.
    pub fn draw_heatmap(
        &mut self,
        canvas: HtmlCanvasElement,
        scale: f64,
        show_test: bool,
        dark: bool,
    ) -> Result<(), JsError> {
        let canvas = drawable(canvas)?;
        let style = PointStyle {
            radius: 4.0 * scale.clamp(0.5, 4.0),
            show_test,
        };
        let (trainer, test) = self.session.trainer_and_test();
        self.heatmap
            .draw(&canvas, trainer, test, style, theme(dark))
    }

    /// Draws the train and test loss (and accuracy) over the steps.
    pub fn draw_loss(
        &self,
        canvas: HtmlCanvasElement,
        scale: f64,
        dark: bool,
    ) -> Result<(), JsError> {
        let canvas = drawable(canvas)?;
        let root = Canvas::new(canvas)
            .ok_or_else(|| JsError::new(NO_2D_CONTEXT))?
            .into_drawing_area();
        let records = self.session.history().records();
        loss::draw(&root, records, self.is_classifier(), scale, theme(dark))
            .map_err(|e| JsError::new(&format!("drawing the loss chart failed: {e}")))
    }

    /// Draws the network: links by weight, and each unit's thumbnail.
    pub fn draw_network(
        &mut self,
        canvas: HtmlCanvasElement,
        scale: f64,
        dark: bool,
    ) -> Result<(), JsError> {
        let canvas = drawable(canvas)?;
        let (width, height) = (f64::from(canvas.width()), f64::from(canvas.height()));
        let network = self.session.trainer().network();
        let layout = diagram::layout(&diagram::column_units(network), width, height, scale);
        // Grid points per thumbnail side; the browser scales them to the box.
        let side = layout.size.round().clamp(2.0, THUMBNAIL_GRID) as usize;
        if self.thumbnails.resolution() != side {
            self.thumbnails = Thumbnails::new(side);
        }
        let context = context(&canvas)?;
        let quick = self.playing && self.is_wide();
        self.links.set_limit(quick.then_some(PLAYING_LINKS));
        let stage = self.network_view();
        let lit = stage.as_ref().map(|view| {
            let layers = network.layers().len();
            diagram::lit_columns(view.stage, layers, Some(self.layers_lit()))
        });
        match (&stage, &lit) {
            // A lit layer's links show the stage's dL/dW or ΔW; the others keep the weights.
            (Some(view), Some(lit)) if view.link_name.is_some() => {
                (self.links).fill_stage(network, &layout, scale, theme(dark), &view.links, lit)
            }
            _ => self.links.fill(network, &layout, scale, theme(dark)),
        }
        network_canvas::draw(&context, (width, height), &self.links, &layout, theme(dark))?;
        let images = self.thumbnails.render(self.session.trainer());
        self.thumbnail_sheet.draw(&context, images, side, &layout)?;
        let (Some(view), Some(lit)) = (stage, lit) else {
            return Ok(());
        };
        let marks = diagram::StageMarks {
            units: &view.units,
            lit: &lit,
        };
        let result = diagram::draw_stage(&area(canvas)?, &layout, &marks, scale, theme(dark));
        drawn("the stage on the network", result)
    }

    /// Mean |dL/dW| per layer over the steps, log scale.
    pub fn draw_gradient_chart(
        &self,
        canvas: HtmlCanvasElement,
        scale: f64,
        dark: bool,
    ) -> Result<(), JsError> {
        let canvas = drawable(canvas)?;
        let diagnostics = self.session.diagnostics();
        let result = charts::draw_gradients(&area(canvas)?, diagnostics, scale, theme(dark));
        drawn("the gradient chart", result)
    }

    /// Dead units and saturation per layer over the steps.
    pub fn draw_unit_chart(
        &self,
        canvas: HtmlCanvasElement,
        scale: f64,
        dark: bool,
    ) -> Result<(), JsError> {
        let canvas = drawable(canvas)?;
        let diagnostics = self.session.diagnostics();
        let result = charts::draw_units(&area(canvas)?, diagnostics, scale, theme(dark));
        drawn("the dead-unit and saturation chart", result)
    }

    /// Mean and spread of each hidden layer's activations over the steps.
    pub fn draw_activation_chart(
        &self,
        canvas: HtmlCanvasElement,
        scale: f64,
        dark: bool,
    ) -> Result<(), JsError> {
        let canvas = drawable(canvas)?;
        let diagnostics = self.session.diagnostics();
        let result = charts::draw_activations(&area(canvas)?, diagnostics, scale, theme(dark));
        drawn("the activation chart", result)
    }

    /// A histogram of each layer's z with its activation behind.
    pub fn draw_histograms(
        &self,
        canvas: HtmlCanvasElement,
        scale: f64,
        dark: bool,
    ) -> Result<(), JsError> {
        let canvas = drawable(canvas)?;
        let diagnostics = self.session.diagnostics();
        let result = histograms::draw(&area(canvas)?, diagnostics, scale, theme(dark));
        drawn("the z histograms", result)
    }

    /// Rings the batch being stepped through on the heatmap canvas (after
    /// `draw_heatmap`); nothing when the last steps ran whole.
    pub fn draw_batch_marks(
        &self,
        canvas: HtmlCanvasElement,
        scale: f64,
        dark: bool,
    ) -> Result<(), JsError> {
        let canvas = drawable(canvas)?;
        let batch = self.session.staged_batch();
        if batch.is_empty() {
            return Ok(());
        }
        let train = self.session.trainer().train_set();
        let result = heatmap::draw_marks(&area(canvas)?, train, batch, scale, theme(dark));
        drawn("the batch's marks", result)
    }

    /// Crosses out dead units on the network canvas (after `draw_network`).
    pub fn draw_dead_units(
        &self,
        canvas: HtmlCanvasElement,
        scale: f64,
        dark: bool,
    ) -> Result<(), JsError> {
        let canvas = drawable(canvas)?;
        let (width, height) = (f64::from(canvas.width()), f64::from(canvas.height()));
        let network = self.session.trainer().network();
        let layout = diagram::layout(&diagram::column_units(network), width, height, scale);
        let diagnostics = self.session.diagnostics();
        let hidden = network.layers().len().saturating_sub(1);
        let dead = (0..hidden).map(|l| diagnostics.dead(l));
        let result = diagram::draw_dead(&area(canvas)?, &layout, dead, scale, theme(dark));
        drawn("the dead units", result)
    }
}
