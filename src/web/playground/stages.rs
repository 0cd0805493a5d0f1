//! The stage-by-stage door of `Playground`: the four stage buttons, the stage
//! view as JSON (one call per click), the diagnostics as typed arrays and
//! their charts (per frame), and the marks over the heatmap and network.

use super::{js_error, theme, Playground};
use crate::diagnostics::LayerStats;
use crate::plot::{diagnostics as charts, heatmap, histograms, network as diagram};
use crate::stage_view;
use crate::train::Stage;
use crate::web::canvas::{drawable, Canvas, NO_2D_CONTEXT};
use crate::web::fields::{known, list, Fields};
use js_sys::Array;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// A drawing area on `canvas`, measuring text on the canvas itself (see `web::canvas`).
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
    /// Stage 1 of a step: picks the next batch. Throws if another stage is due.
    pub fn sample_batch(&mut self) -> Result<(), JsError> {
        self.session.run_stage(Stage::SampleBatch).map_err(js_error)
    }

    /// Stage 2: z and a of every layer for the batch, and its loss.
    pub fn forward(&mut self) -> Result<(), JsError> {
        self.session.run_stage(Stage::Forward).map_err(js_error)
    }

    /// Stage 3: every delta and the gradient.
    pub fn backward(&mut self) -> Result<(), JsError> {
        self.session.run_stage(Stage::Backward).map_err(js_error)
    }

    /// Stage 4: `W ← W − lr·dL/dW`; completes the step (the step counter moves).
    pub fn update(&mut self) -> Result<(), JsError> {
        self.session.run_stage(Stage::Update).map_err(js_error)
    }

    /// The label of the stage due next: "Sample batch", "Forward", "Backward" or "Update".
    pub fn next_stage(&self) -> String {
        self.session.trainer().next_stage().label().to_owned()
    }

    /// The current step, stage by stage, as JSON (docs/js-api.md gives its shape).
    pub fn stage_view(&mut self) -> String {
        stage_view::to_json(&stage_view::build(self.session.trainer_mut()))
    }

    /// The latest diagnostics, one object per layer (the output layer
    /// last): `{gradient, dead, units, saturated, a_mean, a_spread, z_min,
    /// z_max}`: mean |dL/dW|, dead units (`null` for the output), units,
    /// the saturated fraction (`null` unless sigmoid or tanh), the mean and
    /// spread of a, and the smallest and largest z.
    pub fn diagnostics(&self) -> Array {
        let latest = self.session.diagnostics().latest();
        let layer = |s: &LayerStats| {
            Fields::new()
                .with("gradient", s.gradient)
                .with("dead", known(s.dead))
                .with("units", s.units as f64)
                .with("saturated", known(s.saturated))
                .with("a_mean", s.a_mean)
                .with("a_spread", s.a_spread)
                .with("z_min", s.z_min)
                .with("z_max", s.z_max)
        };
        list(latest.iter().map(layer))
    }

    /// A name per layer for the diagnostics: "layer 1 · tanh", …, "output · softmax".
    pub fn diagnostic_labels(&self) -> Vec<String> {
        self.session.diagnostics().labels().to_vec()
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
