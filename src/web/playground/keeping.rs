//! Keeping the run (docs/js-api.md): the network as a JSON file (read back
//! by `Playground.import_network`), the run's settings as a link,
//! predictions, and the loss history as CSV and in brief.

use super::{js_error, Playground};
use crate::config::{write_link, LinkState};
use crate::export;
use crate::session::Record;
use crate::web::common::convert::finite_numbers;
use crate::web::common::fields::{maybe, Fields};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Playground {
    /// The network file (docs/page.md: "Keeping your work"): the run's settings,
    /// its model config and every weight, as JSON text.
    pub fn export_network(&self) -> String {
        export::network_file(&self.session).to_string()
    }

    /// The run's settings as a link fragment of its training keys (defaults left out).
    pub fn training_link(&self) -> String {
        write_link(&LinkState {
            training: self.session.config().clone(),
            ..LinkState::default()
        })
    }

    /// The loss history as CSV: a header, then one row per recorded step
    /// (`step,train_loss,test_loss,train_accuracy,test_accuracy`).
    pub fn loss_csv(&self) -> String {
        export::loss_csv(self.session.history().records())
    }

    /// The network's outputs for the points `xs` (rows × 2 of x1, x2, row-major;
    /// fed through the run's input features): rows × outputs.
    /// Throws on an odd length or a non-finite number.
    pub fn predict(&mut self, xs: JsValue) -> Result<Vec<f64>, JsError> {
        let xs = finite_numbers(&xs, "xs")?;
        if xs.len() % 2 != 0 {
            let got = xs.len();
            let message = format!("xs must be (x1, x2) pairs, an even count of numbers; got {got}");
            return Err(JsError::new(&message));
        }
        let trainer = self.session.trainer_mut();
        let mut out = vec![0.0; xs.len() / 2 * trainer.network().outputs()];
        let xs = trainer.features().transform(&xs);
        trainer.predict_into(&xs, &mut out).map_err(js_error)?;
        Ok(out)
    }

    /// The loss history in brief: `{records, first, last}`, the records
    /// kept and the first and last of them as `{step, train_loss,
    /// test_loss}` (`null` with no records).
    pub fn loss_summary(&self) -> JsValue {
        let records = self.session.history().records();
        let record = |r: &Record| {
            Fields::new()
                .with("step", r.step as f64)
                .with("train_loss", r.train_loss)
                .with("test_loss", r.test_loss)
        };
        Fields::new()
            .with("records", records.len() as u32)
            .with("first", maybe(records.first().map(record)))
            .with("last", maybe(records.last().map(record)))
            .into()
    }
}
