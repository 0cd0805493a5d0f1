//! Test-set measures beside the loss and accuracy: the confusion matrix of a
//! classifier and R² of a regression, with buffers kept between calls so a
//! redraw allocates nothing once the test set's size is stable.

use crate::data::Dataset;
use crate::network::argmax;
use crate::train::Trainer;

/// Counts of (true class, predicted class) into `matrix` (classes × classes,
/// row-major, rows the true class, columns the prediction: the arg max of
/// each `y_hat` row). `y` and `y_hat` are n × classes; `matrix` is zeroed first.
pub fn confusion_into(classes: usize, y: &[f64], y_hat: &[f64], matrix: &mut [u32]) {
    matrix.fill(0);
    if classes == 0 {
        return;
    }
    for (truth, guess) in y.chunks_exact(classes).zip(y_hat.chunks_exact(classes)) {
        let cell = argmax(truth) * classes + argmax(guess);
        if let Some(count) = matrix.get_mut(cell) {
            *count += 1;
        }
    }
}

/// The coefficient of determination, 1 − Σ(y − ŷ)² / Σ(y − ȳ)², of targets
/// `y` and predictions `y_hat` (the same length); NaN when there are none or
/// every target is the same (the ratio is then undefined).
pub fn r_squared(y: &[f64], y_hat: &[f64]) -> f64 {
    if y.is_empty() || y.len() != y_hat.len() {
        return f64::NAN;
    }
    let mean = y.iter().sum::<f64>() / y.len() as f64;
    let total: f64 = y.iter().map(|v| (v - mean).powi(2)).sum();
    let residual: f64 = y.iter().zip(y_hat).map(|(v, p)| (v - p).powi(2)).sum();
    if total == 0.0 {
        return f64::NAN;
    }
    1.0 - residual / total
}

/// The network's predictions on the test set and the measures taken from them.
#[derive(Clone, Debug, Default)]
pub struct Evaluator {
    inputs: Vec<f64>,
    outputs: Vec<f64>,
    matrix: Vec<u32>,
    classes: usize,
    r_squared: f64,
}

impl Evaluator {
    /// Runs the network over `test` (its raw x1, x2 rows, turned into the
    /// trainer's features) and measures: the confusion matrix for classes,
    /// R² for regression. A set that does not fit the network leaves the
    /// matrix zero and R² NaN.
    pub fn evaluate(&mut self, trainer: &mut Trainer, test: &Dataset) {
        let outputs = trainer.network().outputs();
        trainer.features().transform_into(&test.x, &mut self.inputs);
        let mut y_hat = std::mem::take(&mut self.outputs);
        y_hat.resize(test.len() * outputs, 0.0);
        let fits =
            outputs == test.outputs() && trainer.predict_into(&self.inputs, &mut y_hat).is_ok();
        self.measure(test, fits.then_some(&y_hat[..]));
        self.outputs = y_hat;
    }

    /// Measures `test` from `y_hat`, the network's outputs for its rows
    /// (rows × outputs, as `test.y`): the confusion matrix for classes, R²
    /// for regression. Without outputs, or with outputs of another shape,
    /// the matrix is zero and R² NaN.
    pub fn measure(&mut self, test: &Dataset, y_hat: Option<&[f64]>) {
        self.classes = test.classes;
        self.matrix.resize(self.classes * self.classes, 0);
        self.r_squared = f64::NAN;
        match y_hat.filter(|y_hat| y_hat.len() == test.y.len()) {
            None => self.matrix.fill(0),
            Some(y_hat) if self.classes == 0 => self.r_squared = r_squared(&test.y, y_hat),
            Some(y_hat) => confusion_into(self.classes, &test.y, y_hat, &mut self.matrix),
        }
    }

    /// Classes of the last evaluated set; 0 for regression.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// The last confusion matrix (classes × classes, rows the true class).
    pub fn confusion(&self) -> &[u32] {
        &self.matrix
    }

    /// The last R² (NaN for classes).
    pub fn r_squared(&self) -> f64 {
        self.r_squared
    }
}
