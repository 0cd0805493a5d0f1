//! The training view's data at the JS boundary: a run on the reader's own
//! points, those points back out, hard regions on the heatmap, and the
//! test-set metrics.

use super::{js_error, Playground};
use crate::data::{CustomData, DatasetKind};
use crate::session::Session;
use crate::web::convert::text;
use crate::web::data::CustomPoints;
use crate::web::link::strict_link;
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

    /// The test-set metrics now: `[classes, R², m00, m01, …]`, where the
    /// matrix (classes × classes, row-major) counts rows of the true class
    /// against columns of the predicted one. Classes 0 is regression (no
    /// matrix; R² NaN when every target is equal); R² is NaN for classes.
    pub fn metrics(&self) -> Vec<f64> {
        let metrics = self.session.metrics();
        let mut out = Vec::with_capacity(2 + metrics.confusion().len());
        out.push(metrics.classes() as f64);
        out.push(metrics.r_squared());
        out.extend(metrics.confusion().iter().map(|&c| f64::from(c)));
        out
    }
}
