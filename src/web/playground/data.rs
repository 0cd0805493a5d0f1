//! The training view's data at the JS boundary: a run on the reader's own
//! points, those points back out, hard regions on the heatmap, and the
//! test-set metrics.

use super::{js_error, Playground};
use crate::data::{CustomData, DatasetKind};
use crate::session::Session;
use crate::web::convert::text;
use crate::web::data::CustomPoints;
use crate::web::fields::{known, Fields};
use crate::web::link::strict_link;
use js_sys::Uint32Array;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Playground {
    /// A new run as `from_link` makes, on the reader's own `points` (any
    /// number, so more than a link carries); the fragment's `data` and
    /// `points` keys are replaced by them. Throws as `from_link` does, and
    /// when there are fewer than 2 points. A batch larger than the training
    /// set shrinks to it.
    pub fn with_points(fragment: JsValue, points: &CustomPoints) -> Result<Playground, JsError> {
        let mut state = strict_link(&text(&fragment, "fragment")?)?;
        state.training.dataset = DatasetKind::Custom;
        state.training.custom = points.data().clone();
        state.training.fit_batch_to_data();
        Ok(Playground::with_session(
            Session::new(state.training).map_err(js_error)?,
        ))
    }

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
