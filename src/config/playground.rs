//! The training view's rates as the catalogue offers them (the settings
//! themselves, `PlaygroundConfig`, are the run's: `session::config`).

use std::ops::RangeInclusive;

use super::setting::Values;

/// The learning rates the page accepts, as everywhere (its slider is logarithmic).
pub use crate::network::LEARNING_RATE;
/// The regularisation rates the page accepts.
pub const L2: RangeInclusive<f64> = crate::train::REGULARIZATION_RATE;

/// The learning rates the page's menu offers, on a logarithmic scale.
const PRESET_RATES: [f64; 13] = [
    0.00001, 0.00003, 0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0,
];

/// The learning rates accepted (`LEARNING_RATE`), with those the menu offers.
pub fn learning_rates() -> Values {
    Values::number(LEARNING_RATE).presets(&PRESET_RATES)
}
