//! One step, stage by stage, and the diagnostics (docs/js-api.md): the four
//! stage buttons, the stage view (one call per click) and the latest
//! diagnostics per layer (per frame); their charts are in `drawing`.

use super::{js_error, Playground};
use crate::diagnostics::LayerStats;
use crate::stage_view;
use crate::train::Stage;
use crate::web::common::fields::{json, known, list, Fields};
use js_sys::Array;
use wasm_bindgen::prelude::*;

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

    /// The current step, stage by stage, as an object (docs/js-api.md gives its shape).
    pub fn stage_view(&mut self) -> JsValue {
        let view = stage_view::build(self.session.trainer_mut());
        json(&stage_view::to_tree(&view))
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
}
