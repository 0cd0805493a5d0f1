//! A network (docs/js-api.md, "A network: Model"): `Model`, a thin wrapper
//! that converts arrays, delegates to the core's `train::Model` (a network
//! and the trainer that trains it) and turns its errors into JS `Error`s.

use super::common::convert::{finite_numbers, js_error, parse_json};
use crate::network::{Network, NetworkConfig};
use crate::train;
use wasm_bindgen::prelude::*;

/// Most rows one `fit` call trains on (epochs × rows), a few seconds at most.
const MAX_FIT_ROWS: usize = 10_000_000;

/// A whole number from 1 up, or an error naming `what`.
fn count(value: f64, what: &str) -> Result<usize, JsError> {
    if value.is_finite() && value >= 1.0 && value.fract() == 0.0 && value <= 1e9 {
        Ok(value as usize)
    } else {
        Err(JsError::new(&format!(
            "{what} must be a whole number from 1 up, got {value}"
        )))
    }
}

/// A multi-layer network built from a JSON config (see docs/js-api.md).
#[wasm_bindgen]
pub struct Model {
    model: train::Model,
}

#[wasm_bindgen]
impl Model {
    /// `new Model(configJson)`; throws an Error naming the bad field.
    #[wasm_bindgen(constructor)]
    pub fn new(config_json: JsValue) -> Result<Model, JsError> {
        let tree = parse_json(&config_json, "the model config")?;
        let config = NetworkConfig::from_tree(&tree).map_err(js_error)?;
        let network = Network::new(config).map_err(js_error)?;
        let model = train::Model::new(network);
        Ok(Model { model })
    }

    /// Every parameter, in the layout docs/js-api.md gives (`Network::params`).
    pub fn params(&self) -> Vec<f64> {
        self.model.network().params().to_vec()
    }

    /// Replaces every parameter; throws on a wrong length or a non-finite value.
    pub fn set_params(&mut self, params: JsValue) -> Result<(), JsError> {
        let params = finite_numbers(&params, "params")?;
        self.model
            .network_mut()
            .set_params(&params)
            .map_err(js_error)
    }

    /// Outputs for `xs` (rows × inputs, row-major): rows × outputs.
    pub fn predict(&mut self, xs: JsValue) -> Result<Vec<f64>, JsError> {
        let xs = finite_numbers(&xs, "xs")?;
        self.model.network_mut().predict(&xs).map_err(js_error)
    }

    /// Mean loss over the batch.
    pub fn loss(&mut self, xs: JsValue, ys: JsValue) -> Result<f64, JsError> {
        let (xs, ys) = (finite_numbers(&xs, "xs")?, finite_numbers(&ys, "ys")?);
        self.model.network_mut().loss(&xs, &ys).map_err(js_error)
    }

    /// dLoss/dparams for the batch, laid out as `params()`.
    pub fn gradient(&mut self, xs: JsValue, ys: JsValue) -> Result<Vec<f64>, JsError> {
        let (xs, ys) = (finite_numbers(&xs, "xs")?, finite_numbers(&ys, "ys")?);
        self.model
            .network_mut()
            .gradient(&xs, &ys)
            .map_err(js_error)
    }

    /// One SGD update on this batch; returns the loss before it.
    pub fn step(&mut self, xs: JsValue, ys: JsValue, lr: f64) -> Result<f64, JsError> {
        let (xs, ys) = (finite_numbers(&xs, "xs")?, finite_numbers(&ys, "ys")?);
        self.model.step(&xs, &ys, lr).map_err(js_error)
    }

    /// Minibatch SGD through the rows in order; returns the final loss.
    pub fn fit(
        &mut self,
        xs: JsValue,
        ys: JsValue,
        lr: f64,
        batch_size: f64,
        epochs: f64,
    ) -> Result<f64, JsError> {
        let (xs, ys) = (finite_numbers(&xs, "xs")?, finite_numbers(&ys, "ys")?);
        // The core names the batch sizes this data allows (1 to its rows).
        let batch_size = if batch_size.is_finite() && batch_size.fract() == 0.0 {
            batch_size.clamp(0.0, 1e9) as usize
        } else {
            return Err(count(batch_size, "batchSize").unwrap_err());
        };
        let epochs = count(epochs, "epochs")?;
        let rows = ys.len() / self.model.network().outputs().max(1);
        if epochs.saturating_mul(rows) > MAX_FIT_ROWS {
            return Err(JsError::new(&format!(
                "epochs × rows must be at most {MAX_FIT_ROWS} per call (so one call cannot \
                 freeze the page), got {epochs} × {rows}; call fit again to train on"
            )));
        }
        self.model
            .fit(&xs, &ys, lr, batch_size, epochs)
            .map_err(js_error)
    }
}
