//! The network's limits: how many inputs, layers, units and maxout pieces a
//! network may have, and the learning rates every door accepts, with their
//! words. The config checks a network against them; the links, the page's
//! settings and the trainer read them from here.

use std::ops::RangeInclusive;

use crate::activation::Kind;

/// How many numbers one input row may hold.
pub const INPUTS: RangeInclusive<usize> = 1..=16;
/// How many hidden layers a network may have (the output layer comes on top).
pub const HIDDEN_LAYERS: RangeInclusive<usize> = 0..=6;
/// Units of a hidden layer.
pub const HIDDEN_UNITS: RangeInclusive<usize> = 1..=64;
/// Units of a softmax output layer (classes).
pub const SOFTMAX_UNITS: RangeInclusive<usize> = 2..=8;
/// Units of an identity (regression) output layer.
pub const IDENTITY_UNITS: RangeInclusive<usize> = 1..=8;
/// Learning rates accepted everywhere: the page, links and the JS API's
/// `step`/`fit`. Every door checks it with `check_learning_rate`, except the
/// link key, which reads it through the catalogue (`Values::number`).
pub const LEARNING_RATE: RangeInclusive<f64> = 1e-5..=10.0;
/// `LEARNING_RATE` in words, as every refusal of a learning rate says it
/// (the catalogue's words for the range; tests/links.rs checks they agree).
pub const LEARNING_RATE_ACCEPTS: &str = "a number from 0.00001 to 10";
/// Linear pieces per maxout unit.
pub const PIECES: RangeInclusive<usize> = 2..=4;
/// Pieces of a maxout unit when the config does not say.
pub const DEFAULT_PIECES: usize = 2;

/// The units a layer of `kind` accepts, hidden or output.
pub(crate) fn units_range(kind: Kind, is_output: bool) -> RangeInclusive<usize> {
    match (is_output, kind) {
        (true, Kind::Softmax) => SOFTMAX_UNITS,
        (true, _) => IDENTITY_UNITS,
        (false, _) => HIDDEN_UNITS,
    }
}

/// "a whole number from 1 to 64".
pub(crate) fn describe_range(range: &RangeInclusive<usize>) -> String {
    format!("a whole number from {} to {}", range.start(), range.end())
}
