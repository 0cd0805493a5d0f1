//! Input features: what the network is fed of a point (x1, x2) of the plane —
//! x1 and x2 themselves, their squares and product, their sines and cosines.

use std::fmt;
use std::str::FromStr;

/// One input feature, a function of the point (x1, x2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Feature {
    X1,
    X2,
    X1Squared,
    X2Squared,
    X1X2,
    SinX1,
    SinX2,
    CosX1,
    CosX2,
}

impl Feature {
    /// Every feature, in the order the network's inputs take them.
    pub const ALL: [Feature; 9] = [
        Feature::X1,
        Feature::X2,
        Feature::X1Squared,
        Feature::X2Squared,
        Feature::X1X2,
        Feature::SinX1,
        Feature::SinX2,
        Feature::CosX1,
        Feature::CosX2,
    ];

    /// The name used in links (`features=x1,x2,x1sq`).
    pub fn name(self) -> &'static str {
        match self {
            Feature::X1 => "x1",
            Feature::X2 => "x2",
            Feature::X1Squared => "x1sq",
            Feature::X2Squared => "x2sq",
            Feature::X1X2 => "x1x2",
            Feature::SinX1 => "sinx1",
            Feature::SinX2 => "sinx2",
            Feature::CosX1 => "cosx1",
            Feature::CosX2 => "cosx2",
        }
    }

    /// The label the page shows (`x₁²`, `sin x₂`).
    pub fn label(self) -> &'static str {
        match self {
            Feature::X1 => "x₁",
            Feature::X2 => "x₂",
            Feature::X1Squared => "x₁²",
            Feature::X2Squared => "x₂²",
            Feature::X1X2 => "x₁·x₂",
            Feature::SinX1 => "sin x₁",
            Feature::SinX2 => "sin x₂",
            Feature::CosX1 => "cos x₁",
            Feature::CosX2 => "cos x₂",
        }
    }

    /// The feature's value at the point (x1, x2).
    pub fn value(self, x1: f64, x2: f64) -> f64 {
        match self {
            Feature::X1 => x1,
            Feature::X2 => x2,
            Feature::X1Squared => x1 * x1,
            Feature::X2Squared => x2 * x2,
            Feature::X1X2 => x1 * x2,
            Feature::SinX1 => libm::sin(x1),
            Feature::SinX2 => libm::sin(x2),
            Feature::CosX1 => libm::cos(x1),
            Feature::CosX2 => libm::cos(x2),
        }
    }

    fn bit(self) -> u16 {
        1 << Feature::ALL.iter().position(|&f| f == self).unwrap_or(0)
    }
}

/// The features a run feeds its network: at least one, always in
/// `Feature::ALL`'s order. The default, x1 and x2, feeds the raw point.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FeatureSet(u16);

impl Default for FeatureSet {
    fn default() -> Self {
        FeatureSet(Feature::X1.bit() | Feature::X2.bit())
    }
}

/// Why a feature set could not be made or changed.
#[derive(Clone, Debug, PartialEq)]
pub enum FeatureError {
    Unknown(String),
    Repeated(String),
    Empty,
}

impl fmt::Display for FeatureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FeatureError::Unknown(name) => write!(
                f,
                "unknown input feature {name:?}; accepted: {}",
                accepted_names()
            ),
            FeatureError::Repeated(name) => {
                write!(f, "input feature {name:?} is listed twice; list each once")
            }
            FeatureError::Empty => f.write_str("the network needs at least one input feature"),
        }
    }
}

impl std::error::Error for FeatureError {}

/// The accepted feature names, for error messages.
pub fn accepted_names() -> String {
    Feature::ALL.map(Feature::name).join(", ")
}

impl FeatureSet {
    /// The set of `features` (any order, each once, at least one).
    pub fn new(features: &[Feature]) -> Result<FeatureSet, FeatureError> {
        let mut bits = 0;
        for &feature in features {
            if bits & feature.bit() != 0 {
                return Err(FeatureError::Repeated(feature.name().into()));
            }
            bits |= feature.bit();
        }
        match bits {
            0 => Err(FeatureError::Empty),
            _ => Ok(FeatureSet(bits)),
        }
    }

    pub fn contains(self, feature: Feature) -> bool {
        self.0 & feature.bit() != 0
    }

    /// Number of features: the network's inputs.
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// Never true: a set holds at least one feature.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The features, in `Feature::ALL`'s order.
    pub fn iter(self) -> impl Iterator<Item = Feature> + Clone {
        Feature::ALL.into_iter().filter(move |&f| self.contains(f))
    }

    /// The set with `feature` switched on or off; switching off the last
    /// one is refused.
    pub fn toggled(self, feature: Feature) -> Result<FeatureSet, FeatureError> {
        match self.0 ^ feature.bit() {
            0 => Err(FeatureError::Empty),
            bits => Ok(FeatureSet(bits)),
        }
    }

    /// Feeds `points` (n × 2, rows of x1, x2) through the features into
    /// `out`, which becomes n × `len()`; `out`'s capacity is reused.
    pub fn transform_into(self, points: &[f64], out: &mut Vec<f64>) {
        out.clear();
        out.reserve(points.len() / 2 * self.len());
        for point in points.chunks_exact(2) {
            out.extend(self.iter().map(|f| f.value(point[0], point[1])));
        }
    }

    /// `transform_into` a new vector.
    pub fn transform(self, points: &[f64]) -> Vec<f64> {
        let mut out = Vec::new();
        self.transform_into(points, &mut out);
        out
    }
}

impl fmt::Display for FeatureSet {
    /// The names joined by commas, as links write them: `x1,x2,x1sq`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.iter().map(Feature::name).collect();
        f.write_str(&names.join(","))
    }
}

impl FromStr for Feature {
    type Err = FeatureError;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Feature::ALL
            .into_iter()
            .find(|f| f.name() == name)
            .ok_or_else(|| FeatureError::Unknown(name.to_owned()))
    }
}

impl FromStr for FeatureSet {
    type Err = FeatureError;

    /// Comma-separated feature names, each once, at least one (`x1,x2,x1sq`).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if text.is_empty() {
            return Err(FeatureError::Empty);
        }
        let features = text
            .split(',')
            .map(str::parse)
            .collect::<Result<Vec<Feature>, _>>()?;
        FeatureSet::new(&features)
    }
}
