//! One step, stage by stage, and the diagnostics (docs/js-api.md): the four
//! stage buttons, the stage view (one call per click), the stage on the
//! network drawing (its example, the layers lit, and its values) and the
//! latest diagnostics per layer (per frame); their pictures are in `drawing`.

use super::{js_error, Playground};
use crate::diagnostics::LayerStats;
use crate::stage_view::{self, network::NetworkStage};
use crate::train::Stage;
use crate::web::common::convert::whole_in;
use crate::web::common::fields::{json, known, list, maybe, Fields};
use js_sys::{Array, Float64Array};
use wasm_bindgen::prelude::*;

impl Playground {
    /// The stage the network drawing shows, for the chosen example: `None`
    /// unless the last stage ran from the stage buttons (whole steps clear it).
    pub(super) fn network_view(&self) -> Option<NetworkStage> {
        if self.session.staged_batch().is_empty() {
            return None;
        }
        stage_view::network::build(self.session.trainer(), self.stage_example)
    }

    /// How many layers the shown stage has lit.
    pub(super) fn layers_lit(&self) -> usize {
        let layers = self.session.trainer().network().layers().len();
        self.stage_lit.unwrap_or(layers).min(layers)
    }
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

    /// The current step, stage by stage, as an object (docs/js-api.md gives its shape).
    pub fn stage_view(&mut self) -> JsValue {
        let view = stage_view::build(self.session.trainer_mut());
        json(&stage_view::to_tree(&view))
    }

    /// Chooses what the network drawing shows of the stage stepper's step:
    /// `example`, the batch row whose values the units show (0 up to the
    /// batch size − 1), and `lit`, how many layers the stage has lit (0 up to
    /// the number of layers; `undefined` or `null` for all): Forward lights
    /// them from the inputs, Backward from the output. Kept across stages
    /// and steps. Throws an Error naming the argument and the range accepted.
    pub fn set_network_stage(&mut self, example: JsValue, lit: JsValue) -> Result<(), JsError> {
        let trainer = self.session.trainer();
        let rows = trainer.settings().batch_size.min(trainer.train_set().len());
        let layers = trainer.network().layers().len();
        let example = whole_in(&example, "example", 0, rows.saturating_sub(1))?;
        let lit = match lit.is_undefined() || lit.is_null() {
            true => None,
            false => Some(whole_in(&lit, "lit", 0, layers)?),
        };
        (self.stage_example, self.stage_lit) = (example, lit);
        Ok(())
    }

    /// What the network drawing shows of the stage that ran last, or `null`
    /// when none has since the last whole step: `{stage, example, point,
    /// rows, layers, lit, columns, link_name, links}`. `columns` has one
    /// `{name, values}` per column of the drawing (inputs, then each
    /// layer): the quantity's name ("x", "a1", "y_hat", "delta2", "Δb1") and
    /// a Float64Array per unit, or `name` `null` and no values. `links` has
    /// a Float64Array per layer, `fan_in × units` (from unit i to unit j at
    /// `i·units + j`), of what `link_name` names ("dL/dW", "ΔW"); `null` and
    /// empty when the links show the weights.
    pub fn network_stage(&self) -> JsValue {
        let Some(view) = self.network_view() else {
            return JsValue::NULL;
        };
        let column = |(name, values): (&Option<String>, &Vec<f64>)| {
            Fields::new()
                .with("name", maybe(name.as_deref()))
                .with("values", Float64Array::from(values.as_slice()))
        };
        let columns = list(view.unit_names.iter().zip(&view.units).map(column));
        let links = list(view.links.iter().map(|l| Float64Array::from(l.as_slice())));
        Fields::new()
            .with("stage", view.stage.label())
            .with("example", view.example as f64)
            .with("point", view.point as f64)
            .with("rows", view.rows as f64)
            .with(
                "layers",
                self.session.trainer().network().layers().len() as f64,
            )
            .with("lit", self.layers_lit() as f64)
            .with("columns", columns)
            .with("link_name", maybe(view.link_name))
            .with("links", links)
            .into()
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
