//! Live diagnostics of a training run: per layer, the size of the gradient,
//! dead units, saturation, a histogram of z and the mean and spread of a —
//! the notes' warnings (saturated neurons kill the gradient, ReLU units die,
//! early layers learn slowly) made measurable.
//!
//! Everything is measured over the whole training set at once (one forward
//! and backward pass in the recorder's own buffers), when the session
//! records, not at every step; so the lines do not jitter with each
//! minibatch, and a unit is dead only if it is silent on every training point.

mod measure;

pub use measure::{
    dead_units, mean_abs, mean_and_spread, saturated_fraction, unit_activation, Histogram,
    SATURATION_THRESHOLD,
};

/// The diagnostics over time: fixed-width records (see `Diagnostics::series`).
pub type Series = crate::history::History<crate::history::Rows>;

use crate::activation::Activation;
use crate::network::{Layer, LayerKind, Network, Workspace};
use crate::train::Trainer;

/// Bins of each layer's z histogram.
pub const BINS: usize = 40;
/// The z histograms span at least −4 … 4, where sigmoid and tanh bend.
pub const HISTOGRAM_LEAST: f64 = 4.0;
/// Numbers recorded per layer at each moment, in this order: mean |dL/dW|,
/// dead units, saturated fraction, mean of a, spread of a.
pub const FIELDS: usize = 5;

/// One layer's measurements at one moment.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayerStats {
    /// Mean |dL/dW| of the layer's weights (the training set's gradient, without L2).
    pub gradient: f64,
    /// Dead units (see `dead_units`); NaN for the output layer.
    pub dead: f64,
    pub units: usize,
    /// Fraction of z with |f'(z)| < 0.01 for sigmoid and tanh layers; NaN otherwise.
    pub saturated: f64,
    /// Mean and spread (standard deviation) of the layer's activations a.
    pub a_mean: f64,
    pub a_spread: f64,
    /// Smallest and largest z.
    pub z_min: f64,
    pub z_max: f64,
}

impl LayerStats {
    const EMPTY: LayerStats = LayerStats {
        gradient: f64::NAN,
        dead: f64::NAN,
        units: 0,
        saturated: f64::NAN,
        a_mean: f64::NAN,
        a_spread: f64::NAN,
        z_min: f64::NAN,
        z_max: f64::NAN,
    };

    /// The fields that are recorded over time, in `FIELDS` order.
    fn fields(&self) -> [f64; FIELDS] {
        [
            self.gradient,
            self.dead,
            self.saturated,
            self.a_mean,
            self.a_spread,
        ]
    }
}

/// The recorder: the latest measurements, their history, and the buffers
/// they are measured in, all sized once for a network and training set.
#[derive(Clone, Debug)]
pub struct Diagnostics {
    workspace: Workspace,
    /// Whether the last `record`'s pass over the training set ran.
    passed: bool,
    labels: Vec<String>,
    latest: Vec<LayerStats>,
    step: u64,
    dead: Vec<Vec<bool>>,
    histograms: Vec<Histogram>,
    curves: Vec<Option<Activation>>,
    series: Series,
    scratch: Vec<f64>,
}

impl Diagnostics {
    /// A recorder for `network` (nothing measured yet).
    pub fn new(network: &Network) -> Diagnostics {
        let layers = network.layers();
        let count = layers.len();
        Diagnostics {
            workspace: Workspace::default(),
            passed: false,
            labels: layer_labels(network),
            latest: vec![LayerStats::EMPTY; count],
            step: 0,
            dead: layers.iter().map(|l| vec![false; l.units()]).collect(),
            histograms: vec![Histogram::new(BINS); count],
            curves: vec![None; count],
            series: Series::new(1 + FIELDS * count),
            scratch: vec![f64::NAN; 1 + FIELDS * count],
        }
    }

    /// Measures the trainer's network over its training set now and adds the
    /// moment to the history. Allocates nothing once the buffers are sized
    /// (at the first call).
    pub fn record(&mut self, trainer: &Trainer, how: crate::history::Offer) {
        let (network, train) = (trainer.network(), trainer.train_set());
        let x = trainer.train_inputs();
        let passed = network.forward(&mut self.workspace, x).is_ok()
            && network.backward(&mut self.workspace, x, &train.y).is_ok();
        self.passed = passed;
        let last = network.layers().len().saturating_sub(1);
        self.step = trainer.step_count();
        self.scratch[0] = self.step as f64;
        for (l, layer) in network.layers().iter().enumerate() {
            let stats = if passed {
                self.measure(network, l, layer, l == last)
            } else {
                LayerStats::EMPTY
            };
            self.latest[l] = stats;
            self.scratch[1 + FIELDS * l..1 + FIELDS * (l + 1)].copy_from_slice(&stats.fields());
        }
        self.series.offer(&self.scratch, how);
    }

    /// The training set's loss and accuracy (NaN for regression) from the
    /// last `record`'s forward pass, the bits `Trainer::loss_and_accuracy`
    /// gives without a pass of its own; `None` if that pass did not run.
    pub fn train_loss_and_accuracy(&self, trainer: &Trainer) -> Option<(f64, f64)> {
        let y = &trainer.train_set().y;
        let measured = trainer
            .network()
            .batch_loss_and_accuracy(&self.workspace, y);
        let (loss, accuracy) = measured.ok().filter(|_| self.passed)?;
        Some((loss, accuracy.unwrap_or(f64::NAN)))
    }

    fn measure(&mut self, network: &Network, l: usize, layer: &Layer, output: bool) -> LayerStats {
        let (z, a) = (self.workspace.z(l), self.workspace.a(l));
        let params = network.params();
        let dead = dead_units(layer, params, z, &mut self.dead[l]);
        self.histograms[l].fill_symmetric(z, HISTOGRAM_LEAST);
        self.curves[l] = histogram_curve(layer, params);
        let (a_mean, a_spread) = mean_and_spread(a);
        let z_min = z.iter().copied().fold(f64::INFINITY, f64::min);
        let z_max = z.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        LayerStats {
            gradient: mean_abs(&self.workspace.gradient()[layer.w_range()]),
            dead: if output { f64::NAN } else { dead as f64 },
            units: layer.units(),
            saturated: saturated_fraction(layer, z).unwrap_or(f64::NAN),
            a_mean,
            a_spread,
            z_min,
            z_max,
        }
    }

    /// Forgets the history (the next `record` starts it again).
    pub fn clear(&mut self) {
        self.series.clear();
    }

    /// The step of the latest measurement.
    pub fn step(&self) -> u64 {
        self.step
    }

    /// Per layer (the last is the output layer): "layer 1 · tanh", …, "output · softmax".
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// The latest measurements, one per layer.
    pub fn latest(&self) -> &[LayerStats] {
        &self.latest
    }

    /// Which units of layer `layer` are dead (units), as of the latest measurement.
    pub fn dead(&self, layer: usize) -> &[bool] {
        self.dead.get(layer).map_or(&[], |d| d)
    }

    /// The latest histogram of layer `layer`'s z.
    pub fn histogram(&self, layer: usize) -> Option<&Histogram> {
        self.histograms.get(layer)
    }

    /// The element-wise function to draw behind layer `layer`'s histogram
    /// (PReLU with its units' mean slope); `None` for maxout and softmax.
    pub fn curve(&self, layer: usize) -> Option<Activation> {
        self.curves.get(layer).copied().flatten()
    }

    /// The history: records of `1 + FIELDS × layers` numbers, the step
    /// first, then each layer's fields in `FIELDS` order.
    pub fn series(&self) -> &Series {
        &self.series
    }
}

/// The curve behind a layer's histogram.
fn histogram_curve(layer: &Layer, params: &[f64]) -> Option<Activation> {
    match layer.kind() {
        LayerKind::Elementwise(f) => Some(f),
        LayerKind::Prelu { .. } => {
            let (slope, _) = mean_and_spread(&params[layer.slope_range()]);
            Some(Activation::Prelu { slope })
        }
        LayerKind::Maxout { .. } | LayerKind::Softmax => None,
    }
}

/// A short name per layer: "layer 1 · tanh", …, "output · softmax".
pub fn layer_labels(network: &Network) -> Vec<String> {
    let last = network.layers().len().saturating_sub(1);
    network
        .layers()
        .iter()
        .enumerate()
        .map(|(l, layer)| {
            let name = kind_name(layer.kind());
            if l == last {
                format!("output · {name}")
            } else {
                format!("layer {} · {name}", l + 1)
            }
        })
        .collect()
}

/// The activation's name as the API spells it.
pub fn kind_name(kind: LayerKind) -> &'static str {
    match kind {
        LayerKind::Elementwise(f) => f.kind().name(),
        LayerKind::Prelu { .. } => "prelu",
        LayerKind::Maxout { .. } => "maxout",
        LayerKind::Softmax => "softmax",
    }
}
