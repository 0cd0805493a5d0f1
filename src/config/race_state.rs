//! The race panel's settings, as a link carries them.

use crate::activation::Kind;
use crate::race::{Contestant, Target};

/// The race panel's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct RaceState {
    /// 2 to 4 distinct contestants.
    pub contestants: Vec<Contestant>,
    pub target: Target,
    /// Seeds a repeat runs (1 to 20).
    pub seeds: usize,
    /// SGD steps to race on opening (0 to `MAX_STEPS`).
    pub steps: u64,
}

impl Default for RaceState {
    /// The notes' claim to test: ReLU against tanh and sigmoid, to a test loss of 0.1.
    fn default() -> Self {
        RaceState {
            contestants: vec![
                Contestant::new(Kind::Relu),
                Contestant::new(Kind::Tanh),
                Contestant::new(Kind::Sigmoid),
            ],
            target: Target::default(),
            seeds: 5,
            steps: 0,
        }
    }
}
