//! A small multi-layer network: its layers, one flat parameter vector, and
//! forward, loss, gradient and the SGD update over row-major batches (the
//! loop that trains it is the trainer's, `crate::train`).
//!
//! Parameters, layer by layer: `W` (fan_in × columns, row-major), `b`
//! (columns), then PReLU slopes (units). Gradients share that layout.

mod check;
mod config;
mod error;
mod init;
mod layer;
mod limits;
mod linalg;
mod parse;
mod stages;
mod workspace;

// The speed kernels, after the mathematics they speed up (the f32 preview
// is public: `network::fast::preview`).
pub mod fast;

pub use check::check_learning_rate;
pub use config::{LayerConfig, NetworkConfig};
pub use error::{ConfigError, ModelError, Problem};
pub use init::uniform_limit;
pub use layer::{Layer, LayerKind};
pub use limits::{
    DEFAULT_PIECES, HIDDEN_LAYERS, HIDDEN_UNITS, IDENTITY_UNITS, INPUTS, LEARNING_RATE,
    LEARNING_RATE_ACCEPTS, PIECES, SOFTMAX_UNITS,
};
pub use workspace::Workspace;

use crate::loss::Loss;

/// A network with its parameters and its own scratch buffers.
#[derive(Clone, Debug)]
pub struct Network {
    config: NetworkConfig,
    layers: Vec<Layer>,
    loss: Loss,
    params: Vec<f64>,
    workspace: Workspace,
}

impl Network {
    /// Builds and initialises the network `config` describes (validated first).
    pub fn new(config: NetworkConfig) -> Result<Network, ConfigError> {
        config.validate()?;
        let mut layers = Vec::with_capacity(config.layers.len());
        let (mut fan_in, mut offset) = (config.inputs, 0);
        for layer_config in &config.layers {
            let layer = Layer::new(layer_config, fan_in, offset);
            (fan_in, offset) = (layer.units(), layer.param_range().end);
            layers.push(layer);
        }
        let output = config.layers.last().map(|layer| layer.activation);
        let loss = output
            .and_then(Loss::for_output)
            .unwrap_or(Loss::SquaredError);
        let mut params = vec![0.0; offset];
        init::initialise(&layers, &mut params, config.seed);
        Ok(Network {
            config,
            layers,
            loss,
            params,
            workspace: Workspace::default(),
        })
    }

    /// Reads a config in its JSON form (docs/js-api.md's `Model`) and builds the network.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json(json: &str) -> Result<Network, ConfigError> {
        Network::new(NetworkConfig::from_json(json)?)
    }

    pub fn config(&self) -> &NetworkConfig {
        &self.config
    }

    /// Numbers per input row.
    pub fn inputs(&self) -> usize {
        self.config.inputs
    }

    /// Numbers per output row (classes for softmax).
    pub fn outputs(&self) -> usize {
        self.layers.last().map_or(0, Layer::units)
    }

    /// The layers, the last being the output layer.
    pub fn layers(&self) -> &[Layer] {
        &self.layers
    }

    pub fn loss_kind(&self) -> Loss {
        self.loss
    }

    /// True for a softmax (classification) output.
    pub fn is_classifier(&self) -> bool {
        self.loss == Loss::CrossEntropy
    }

    /// The parameters, in the layout above (`param_count()` numbers).
    pub fn params(&self) -> &[f64] {
        &self.params
    }

    pub fn param_count(&self) -> usize {
        self.params.len()
    }

    /// Replaces every parameter; `params` must have `param_count()` finite numbers.
    pub fn set_params(&mut self, params: &[f64]) -> Result<(), ModelError> {
        if params.len() != self.params.len() {
            return Err(ModelError::ParamsLength {
                len: params.len(),
                expected: self.params.len(),
            });
        }
        check::finite("params", params)?;
        self.params.copy_from_slice(params);
        Ok(())
    }

    /// What the network's own last call (predict, loss, gradient) left behind.
    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    /// `y_hat` for `xs` (rows × inputs): rows × outputs, each row a probability
    /// vector for softmax.
    pub fn predict(&mut self, xs: &[f64]) -> Result<Vec<f64>, ModelError> {
        let rows = check::rows_of(xs, self.inputs())?;
        let mut out = vec![0.0; rows * self.outputs()];
        self.predict_into(xs, &mut out)?;
        Ok(out)
    }

    /// `predict` into `out` (rows × outputs), allocating nothing once the
    /// buffers fit this many rows.
    pub fn predict_into(&mut self, xs: &[f64], out: &mut [f64]) -> Result<(), ModelError> {
        let rows = check::rows_of(xs, self.inputs())?;
        if out.len() != rows * self.outputs() {
            let (len, outputs) = (out.len(), self.outputs());
            return Err(ModelError::OutputLength { len, rows, outputs });
        }
        self.workspace.forward(&self.layers, &self.params, xs);
        out.copy_from_slice(self.workspace.y_hat());
        Ok(())
    }

    /// Mean loss over the batch `xs` (rows × inputs), `ys` (rows × outputs).
    pub fn loss(&mut self, xs: &[f64], ys: &[f64]) -> Result<f64, ModelError> {
        self.check_batch(xs, ys)?;
        self.workspace.forward(&self.layers, &self.params, xs);
        Ok(self.workspace.loss(self.loss, ys))
    }

    /// dLoss/dparams for the batch, in the parameter layout.
    pub fn gradient(&mut self, xs: &[f64], ys: &[f64]) -> Result<Vec<f64>, ModelError> {
        self.check_batch(xs, ys)?;
        let ws = &mut self.workspace;
        ws.forward(&self.layers, &self.params, xs);
        ws.backward(&self.layers, &self.params, self.loss, xs, ys);
        Ok(ws.gradient().to_vec())
    }

    /// Fraction of rows whose largest `y_hat` is at the largest `y` (softmax only).
    pub fn accuracy(&mut self, xs: &[f64], ys: &[f64]) -> Result<f64, ModelError> {
        if !self.is_classifier() {
            return Err(ModelError::NotClassifier);
        }
        self.check_batch(xs, ys)?;
        self.workspace.forward(&self.layers, &self.params, xs);
        Ok(fraction_right(self.workspace.y_hat(), ys, self.outputs()))
    }

    /// `loss` and, for softmax, `accuracy` (`None` for regression) from one
    /// forward pass: the same numbers as the two calls, for half the work.
    pub fn loss_and_accuracy(
        &mut self,
        xs: &[f64],
        ys: &[f64],
    ) -> Result<(f64, Option<f64>), ModelError> {
        self.check_batch(xs, ys)?;
        self.workspace.forward(&self.layers, &self.params, xs);
        let loss = self.workspace.loss(self.loss, ys);
        let outputs = self.outputs();
        let accuracy = self
            .is_classifier()
            .then(|| fraction_right(self.workspace.y_hat(), ys, outputs));
        Ok((loss, accuracy))
    }

    /// The rows of the batch `xs` (rows × inputs), `ys` (rows × outputs), or
    /// why it does not fit the network (a wrong length, a non-finite number).
    pub fn check_batch(&self, xs: &[f64], ys: &[f64]) -> Result<usize, ModelError> {
        let rows = check::rows_of(xs, self.inputs())?;
        check::targets(ys, rows, self.outputs())?;
        Ok(rows)
    }
}

/// Index of the largest value (0 for none), the first on a tie: the class a
/// row of outputs predicts, or a maxout unit's winning piece.
pub fn argmax(values: &[f64]) -> usize {
    let mut best = 0;
    for (i, &v) in values.iter().enumerate() {
        if v > values[best] {
            best = i;
        }
    }
    best
}

/// The fraction of rows whose largest output in `y_hat` is at the largest
/// target in `ys` (both rows × `outputs`).
pub(crate) fn fraction_right(y_hat: &[f64], ys: &[f64], outputs: usize) -> f64 {
    let rows = ys.chunks_exact(outputs);
    let count = rows.len();
    let correct = y_hat
        .chunks_exact(outputs)
        .zip(rows)
        .filter(|(p, t)| argmax(p) == argmax(t))
        .count();
    correct as f64 / count as f64
}
