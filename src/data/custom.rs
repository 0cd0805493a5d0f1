//! The reader's own data: points placed by hand or loaded from a CSV, each
//! snapped to the grid a link stores (see `code`), with a class label
//! (2 to 4 classes) or a regression value.

use std::fmt;

use super::dataset::{Dataset, DOMAIN, POINTS};

/// Most classes drawn data may have.
pub const MAX_CLASSES: usize = 4;
/// Regression values lie in −VALUE_LIMIT … VALUE_LIMIT.
pub const VALUE_LIMIT: f64 = 10.0;
/// Fewest points that can be split into a training and a test set.
pub const MIN_POINTS: usize = 2;
/// Grid steps across the domain for each coordinate (0.012 apart; 10 bits).
pub const COORDINATE_STEPS: u32 = 1000;
/// Grid steps across −VALUE_LIMIT … VALUE_LIMIT for a value (0.005 apart; 12 bits).
pub const VALUE_STEPS: u32 = 4000;

/// One point: x1, x2 and its label (a class index as a number, or a value).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CustomPoint {
    pub x: [f64; 2],
    pub label: f64,
}

/// Points drawn or loaded by the reader; `classes` is 2 to 4, or 0 for regression.
#[derive(Clone, Debug, PartialEq)]
pub struct CustomData {
    classes: usize,
    points: Vec<CustomPoint>,
}

impl Default for CustomData {
    /// No points, two classes.
    fn default() -> Self {
        CustomData {
            classes: 2,
            points: Vec::new(),
        }
    }
}

/// Why a point or a set of points was not taken.
#[derive(Clone, Debug, PartialEq)]
pub enum CustomError {
    Classes(usize),
    Coordinate(f64),
    Class(f64),
    Value(f64),
    Full,
}

impl fmt::Display for CustomError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CustomError::Classes(k) => write!(
                f,
                "classes must be 0 (regression) or from 2 to {MAX_CLASSES}, got {k}"
            ),
            CustomError::Coordinate(v) => write!(
                f,
                "a coordinate must be a number from -{DOMAIN} to {DOMAIN}, got {v}"
            ),
            CustomError::Class(v) => write!(
                f,
                "a class must be a whole number from 0 to {}, got {v}",
                MAX_CLASSES - 1
            ),
            CustomError::Value(v) => write!(
                f,
                "a value must be a number from -{VALUE_LIMIT} to {VALUE_LIMIT}, got {v}"
            ),
            CustomError::Full => write!(f, "the data is full: at most {} points", POINTS.end()),
        }
    }
}

impl std::error::Error for CustomError {}

/// `v` (in `-limit … limit`) on a grid of `steps` steps across that range.
pub(super) fn quantise(v: f64, limit: f64, steps: u32) -> u32 {
    let t = ((v + limit) / (2.0 * limit)).clamp(0.0, 1.0);
    (t * f64::from(steps)).round() as u32
}

/// The grid value of step `q` (the inverse of `quantise`).
pub(super) fn dequantise(q: u32, limit: f64, steps: u32) -> f64 {
    let v = -limit + 2.0 * limit * f64::from(q.min(steps)) / f64::from(steps);
    v + 0.0 // turns −0 into 0
}

fn snap_coordinate(v: f64) -> f64 {
    dequantise(
        quantise(v, DOMAIN, COORDINATE_STEPS),
        DOMAIN,
        COORDINATE_STEPS,
    )
}

fn snap_value(v: f64) -> f64 {
    dequantise(
        quantise(v, VALUE_LIMIT, VALUE_STEPS),
        VALUE_LIMIT,
        VALUE_STEPS,
    )
}

impl CustomData {
    /// No points, with `classes` 2 to 4 (or 0 for regression).
    pub fn new(classes: usize) -> Result<Self, CustomError> {
        if classes != 0 && !(2..=MAX_CLASSES).contains(&classes) {
            return Err(CustomError::Classes(classes));
        }
        Ok(CustomData {
            classes,
            points: Vec::new(),
        })
    }

    /// Every point of `sets` (their classes, or regression), clamped into the
    /// domain and the value range and snapped to the grid; at most `POINTS`.
    pub fn from_sets(sets: &[&Dataset]) -> Self {
        let classes = sets.first().map_or(2, |s| s.classes.min(MAX_CLASSES));
        let mut data = CustomData::new(classes).unwrap_or_default();
        for set in sets {
            for i in 0..set.len() {
                let x = [set.x[2 * i], set.x[2 * i + 1]].map(|v| v.clamp(-DOMAIN, DOMAIN));
                let label = match set.label(i) {
                    Some(class) => class as f64,
                    None => set.y[i].clamp(-VALUE_LIMIT, VALUE_LIMIT),
                };
                // Clamped coordinates and labels below MAX_CLASSES always fit.
                let _ = data.add(x, label);
            }
        }
        data
    }

    /// Number of classes; 0 for regression.
    pub fn classes(&self) -> usize {
        self.classes
    }

    pub fn points(&self) -> &[CustomPoint] {
        &self.points
    }

    pub fn len(&self) -> usize {
        self.points.len()
    }

    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    /// Adds a point at `x` (each coordinate in −6 … 6) with `label`: a class
    /// 0 … 3 (a class past the current ones adds classes up to it) or, for
    /// regression, a value in −10 … 10. Snapped to the link's grid. An
    /// error changes nothing.
    pub fn add(&mut self, x: [f64; 2], label: f64) -> Result<(), CustomError> {
        if let Some(&bad) = x.iter().find(|v| !(v.is_finite() && v.abs() <= DOMAIN)) {
            return Err(CustomError::Coordinate(bad));
        }
        let label = self.check_label(label)?;
        if self.points.len() >= *POINTS.end() {
            return Err(CustomError::Full);
        }
        if self.classes > 0 {
            self.classes = self.classes.max(label as usize + 1);
        }
        self.points.push(CustomPoint {
            x: x.map(snap_coordinate),
            label,
        });
        Ok(())
    }

    /// The label as stored, or why it does not fit this data's kind.
    fn check_label(&self, label: f64) -> Result<f64, CustomError> {
        if self.classes == 0 {
            let fits = label.is_finite() && label.abs() <= VALUE_LIMIT;
            return fits
                .then(|| snap_value(label))
                .ok_or(CustomError::Value(label));
        }
        let whole = label.is_finite() && label.fract() == 0.0;
        (whole && (0.0..MAX_CLASSES as f64).contains(&label))
            .then_some(label + 0.0)
            .ok_or(CustomError::Class(label))
    }

    /// Removes the point nearest to `x` and returns it (`None` when empty).
    pub fn remove_nearest(&mut self, x: [f64; 2]) -> Option<CustomPoint> {
        let distance = |p: &CustomPoint| (p.x[0] - x[0]).powi(2) + (p.x[1] - x[1]).powi(2);
        let nearest = (0..self.points.len())
            .min_by(|&a, &b| distance(&self.points[a]).total_cmp(&distance(&self.points[b])))?;
        Some(self.points.remove(nearest))
    }

    /// Removes every point, keeping the number of classes.
    pub fn clear(&mut self) {
        self.points.clear();
    }

    /// All the points as one dataset (one-hot rows, or one value per row).
    pub fn to_dataset(&self) -> Dataset {
        let outputs = self.classes.max(1);
        let mut set = Dataset {
            x: Vec::with_capacity(self.len() * Dataset::INPUTS),
            y: Vec::with_capacity(self.len() * outputs),
            classes: self.classes,
        };
        for point in &self.points {
            set.x.extend(point.x);
            if self.classes == 0 {
                set.y.push(point.label);
            } else {
                let class = point.label as usize;
                set.y
                    .extend((0..outputs).map(|c| f64::from(u8::from(c == class))));
            }
        }
        set
    }
}

/// Points built from parts already checked (the link decoder and the CSV reader).
pub(super) fn assemble(classes: usize, points: Vec<CustomPoint>) -> CustomData {
    CustomData { classes, points }
}
