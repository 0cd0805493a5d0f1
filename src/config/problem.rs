//! A link's problem: one key that could not be used, and why.

use std::fmt;

/// Why one key of a link was not used, phrased to follow the key:
/// `lr` + `accepts a number from 0.00001 to 10; got "abc"`.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkProblem {
    pub key: String,
    pub problem: String,
}

impl LinkProblem {
    pub fn new(key: impl Into<String>, problem: String) -> Self {
        LinkProblem {
            key: key.into(),
            problem,
        }
    }
}

impl fmt::Display for LinkProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.key, self.problem)
    }
}
