//! Checks on what callers hand the network: lengths that fit the batch and
//! numbers that are finite.

use super::error::ModelError;
use super::limits::LEARNING_RATE;

/// Rows of `xs` (rows × `inputs`), which must be non-empty and finite.
pub(crate) fn rows_of(xs: &[f64], inputs: usize) -> Result<usize, ModelError> {
    if xs.is_empty() {
        return Err(ModelError::EmptyBatch { inputs });
    }
    if !xs.len().is_multiple_of(inputs) {
        return Err(ModelError::InputLength {
            len: xs.len(),
            inputs,
        });
    }
    finite("xs", xs)?;
    Ok(xs.len() / inputs)
}

/// `ys` must be rows × `outputs` finite numbers.
pub(crate) fn targets(ys: &[f64], rows: usize, outputs: usize) -> Result<(), ModelError> {
    if ys.len() != rows * outputs {
        return Err(ModelError::TargetLength {
            len: ys.len(),
            rows,
            outputs,
        });
    }
    finite("ys", ys)
}

/// Every number of `values` (named `what` in the error) must be finite.
pub(crate) fn finite(what: &'static str, values: &[f64]) -> Result<(), ModelError> {
    match values.iter().position(|v| !v.is_finite()) {
        None => Ok(()),
        Some(index) => Err(ModelError::NonFinite {
            what,
            index,
            value: values[index],
        }),
    }
}

/// The one check of a learning rate: within `LEARNING_RATE` (1e-5 to 10),
/// or `ModelError::LearningRate`, "learning_rate must be a number from
/// 0.00001 to 10, got …", for the JS API, the trainer and the page's config.
pub fn check_learning_rate(value: f64) -> Result<(), ModelError> {
    if LEARNING_RATE.contains(&value) {
        Ok(())
    } else {
        Err(ModelError::LearningRate(value))
    }
}
