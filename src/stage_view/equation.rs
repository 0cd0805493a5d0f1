//! One equation of the stage view, with the matrices that go with it.

use super::matrix::Matrix;

/// One equation with the matrices that go with it.
#[derive(Clone, Debug, PartialEq)]
pub struct Equation {
    /// In the notes' notation, e.g. `z1 = x·W1 + b1`.
    pub text: String,
    /// A definition or a measured fact that goes with it (e.g. the derivative used).
    pub detail: Option<String>,
    /// Where the notes slip, the correction and why.
    pub note: Option<String>,
    /// The batch's matrices (empty until the stage has run in this step).
    pub matrices: Vec<Matrix>,
}

impl Equation {
    pub(super) fn new(text: impl Into<String>, matrices: Vec<Matrix>) -> Equation {
        Equation {
            text: text.into(),
            detail: None,
            note: None,
            matrices,
        }
    }

    pub(super) fn detail(self, detail: impl Into<String>) -> Equation {
        let detail = Some(detail.into());
        Equation { detail, ..self }
    }

    pub(super) fn note(self, note: &str) -> Equation {
        let note = Some(note.to_owned());
        Equation { note, ..self }
    }
}
