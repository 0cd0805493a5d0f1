//! The training view's state, from which a run is built: dataset, network
//! shape and SGD settings, with their limits, and how they become data and a
//! network. Links read and write it (`config`).

use std::fmt;

use crate::activation::Kind;
use crate::data::custom::MIN_POINTS;
use crate::data::{self, DataError, Dataset, DatasetKind};
use crate::edits::Edit;
use crate::features::FeatureSet;
use crate::network::{check_learning_rate, ConfigError, LayerConfig, NetworkConfig};
use crate::network::{HIDDEN_LAYERS, HIDDEN_UNITS, LEARNING_RATE_ACCEPTS};
use crate::train::{Optimizer, Regularization, Schedule, TrainError};

/// One hidden layer of the training view's network.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HiddenLayer {
    pub units: usize,
    pub activation: Kind,
    /// Alpha (leaky_relu, elu), the initial slope (prelu), or pieces (maxout).
    pub param: Option<f64>,
}

/// Everything the training view needs to build a run.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaygroundConfig {
    pub dataset: DatasetKind,
    pub points: usize,
    /// 0 … 0.5.
    pub noise: f64,
    /// Fraction of the points used for training, 0.1 … 0.9.
    pub train_fraction: f64,
    /// Drives the data, the initial weights and the batch order.
    pub seed: u64,
    pub hidden: Vec<HiddenLayer>,
    pub learning_rate: f64,
    pub batch_size: usize,
    /// None, L1 or L2 on the weights, with a rate of 0 to 10.
    pub regularization: Regularization,
    /// SGD (the notes') or an optimiser with memory.
    pub optimizer: Optimizer,
    /// The learning rate over the steps.
    pub schedule: Schedule,
    /// Drives the data alone (Regenerate); `None` means the same as `seed`.
    pub data_seed: Option<u64>,
    /// The reader's own points, used when `dataset` is `Custom`.
    pub custom: data::CustomData,
    /// What the network is fed of each point; x1 and x2 by default.
    pub features: FeatureSet,
    /// Weights and biases the student set by hand, in step order (replayed
    /// at their steps); at most `edits::MAX_EDITS`.
    pub edits: Vec<Edit>,
}

impl Default for PlaygroundConfig {
    /// The notes' setting: tanh units, plain SGD on a small net.
    fn default() -> Self {
        PlaygroundConfig {
            dataset: DatasetKind::Circle,
            points: data::DEFAULT_POINTS,
            noise: 0.0,
            train_fraction: 0.5,
            seed: 1,
            hidden: vec![
                HiddenLayer::new(4, Kind::Tanh),
                HiddenLayer::new(2, Kind::Tanh),
            ],
            learning_rate: 0.03,
            batch_size: 10,
            regularization: Regularization::None,
            optimizer: Optimizer::Sgd,
            schedule: Schedule::Constant,
            data_seed: None,
            custom: data::CustomData::default(),
            features: FeatureSet::default(),
            edits: Vec::new(),
        }
    }
}

impl HiddenLayer {
    pub fn new(units: usize, activation: Kind) -> Self {
        HiddenLayer {
            units,
            activation,
            param: None,
        }
    }
}

/// A setting outside what the playground accepts.
#[derive(Clone, Debug, PartialEq)]
pub struct SettingError {
    pub name: &'static str,
    pub accepts: String,
    pub got: String,
}

impl fmt::Display for SettingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} must be {}, got {}",
            self.name, self.accepts, self.got
        )
    }
}

impl std::error::Error for SettingError {}

impl From<ConfigError> for SettingError {
    fn from(error: ConfigError) -> Self {
        SettingError {
            name: "network",
            accepts: "a valid network".into(),
            got: error.to_string(),
        }
    }
}

impl PlaygroundConfig {
    /// Checks the settings that the data and the network do not check themselves.
    pub fn validate(&self) -> Result<(), SettingError> {
        let fail = |name, accepts: &str, got: String| {
            Err(SettingError {
                name,
                accepts: accepts.into(),
                got,
            })
        };
        if check_learning_rate(self.learning_rate).is_err() {
            let got = self.learning_rate.to_string();
            return fail("learning_rate", LEARNING_RATE_ACCEPTS, got);
        }
        let tuning = self.regularization.validate();
        let tuning = tuning.and(self.optimizer.validate());
        let tuning = tuning.and(self.schedule.validate());
        if let Err(TrainError::Setting { name, accepts, got }) = tuning {
            return fail(name, &accepts, got);
        }
        if !HIDDEN_LAYERS.contains(&self.hidden.len()) {
            return fail(
                "hidden layers",
                "0 to 6 layers",
                self.hidden.len().to_string(),
            );
        }
        for layer in &self.hidden {
            if !HIDDEN_UNITS.contains(&layer.units) {
                return fail("units", "1 to 64 per layer", layer.units.to_string());
            }
            if layer.activation == Kind::Softmax {
                return fail(
                    "activation",
                    "an activation for hidden layers",
                    "softmax".into(),
                );
            }
        }
        Ok(())
    }

    /// The network this state describes: one input per feature, the hidden layers, and an
    /// output of softmax over the classes or one identity unit for regression.
    pub fn network_config(&self) -> NetworkConfig {
        let mut layers: Vec<LayerConfig> = self.hidden.iter().map(layer_config).collect();
        layers.push(match self.classes() {
            0 => LayerConfig::new(1, Kind::Identity),
            classes => LayerConfig::new(classes, Kind::Softmax),
        });
        NetworkConfig::new(self.features.len(), self.seed, layers)
    }
}

/// The network config of one hidden layer: maxout's param is its pieces;
/// a parameter is only passed to activations that take one.
fn layer_config(layer: &HiddenLayer) -> LayerConfig {
    let config = LayerConfig::new(layer.units, layer.activation);
    match (layer.activation, layer.param) {
        (Kind::Maxout, Some(pieces)) => config.with_pieces(pieces as usize),
        (kind, Some(param)) if kind.param().is_some() => config.with_param(param),
        _ => config,
    }
}

impl PlaygroundConfig {
    /// Classes of the data (2 to 4), or 0 for regression; drawn data's
    /// points decide theirs.
    pub fn classes(&self) -> usize {
        match self.dataset {
            DatasetKind::Custom => self.custom.classes(),
            kind => kind.classes(),
        }
    }

    /// Lowers the batch size to the training set's size when drawn data has
    /// fewer training points than a batch (a few drawn points still train).
    pub fn fit_batch_to_data(&mut self) {
        if self.dataset == DatasetKind::Custom && self.custom.len() >= MIN_POINTS {
            let train = data::train_count(self.custom.len(), self.train_fraction);
            self.batch_size = self.batch_size.min(train);
        }
    }

    /// The seed the data is drawn and split with: `data_seed`, else `seed`.
    pub fn data_seed(&self) -> u64 {
        self.data_seed.unwrap_or(self.seed)
    }

    /// The (train, test) sets this config describes: generated from the data
    /// seed, or the drawn points split with it.
    pub fn data_sets(&self) -> Result<(Dataset, Dataset), DataError> {
        match self.dataset {
            DatasetKind::Custom => {
                data::split_custom(&self.custom, self.train_fraction, self.data_seed())
            }
            kind => data::generate(
                kind,
                self.points,
                self.noise,
                self.train_fraction,
                self.data_seed(),
            ),
        }
    }
}
