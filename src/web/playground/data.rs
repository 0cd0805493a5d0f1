//! Data and metrics (docs/js-api.md): the run's points back out as
//! `CustomPoints`, the test set's size, its metrics, and hard regions on
//! the heatmap.

use super::Playground;
use crate::data::CustomData;
use crate::web::common::fields::{known, Fields};
use crate::web::custom_points::CustomPoints;
use js_sys::Uint32Array;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Playground {
    /// Every point of the run (training, then test) as drawn data, to edit.
    pub fn points(&self) -> CustomPoints {
        let sets = [self.session.trainer().train_set(), self.session.test_set()];
        CustomPoints::wrap(CustomData::from_sets(&sets))
    }

    /// Points in the test set.
    pub fn test_size(&self) -> u32 {
        self.session.test_set().len() as u32
    }

    /// Paints hard regions (each cell its predicted class, or the sign of
    /// the value) from the next draw on, or blended confidence.
    pub fn set_discrete(&mut self, discrete: bool) {
        self.heatmap.set_discrete(discrete);
    }

    /// The test-set metrics now: `{classes, r_squared, confusion}`, where
    /// `confusion` (a Uint32Array, classes × classes, row-major) counts rows
    /// of the true class against columns of the predicted one. Classes 0 is
    /// regression: no matrix, and R² (`null` when every target is equal);
    /// `r_squared` is `null` for classes.
    pub fn metrics(&self) -> JsValue {
        let metrics = self.session.metrics();
        let r_squared = match metrics.classes() {
            0 => known(metrics.r_squared()),
            _ => JsValue::NULL,
        };
        Fields::new()
            .with("classes", metrics.classes() as u32)
            .with("r_squared", r_squared)
            .with("confusion", Uint32Array::from(metrics.confusion()))
            .into()
    }
}
