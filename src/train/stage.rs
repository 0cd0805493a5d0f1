//! The four stages of the notes' SGD loop, and the error of a stage called
//! out of order.

use std::fmt;

/// One stage of the loop: sample a batch, forward, backward, update, repeat.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stage {
    SampleBatch,
    Forward,
    Backward,
    Update,
}

impl Stage {
    /// The four stages in the order they run.
    pub const ALL: [Stage; 4] = [
        Stage::SampleBatch,
        Stage::Forward,
        Stage::Backward,
        Stage::Update,
    ];

    /// The stage that follows this one (Update wraps round to SampleBatch).
    pub fn next(self) -> Stage {
        match self {
            Stage::SampleBatch => Stage::Forward,
            Stage::Forward => Stage::Backward,
            Stage::Backward => Stage::Update,
            Stage::Update => Stage::SampleBatch,
        }
    }

    /// The name of the stage's button on the page.
    pub fn label(self) -> &'static str {
        match self {
            Stage::SampleBatch => "Sample batch",
            Stage::Forward => "Forward",
            Stage::Backward => "Backward",
            Stage::Update => "Update",
        }
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A stage called out of order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StageError {
    /// The stage that must run next.
    pub expected: Stage,
    /// The stage that was called.
    pub called: Stage,
}

impl fmt::Display for StageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot run {} now: the next stage is {} (the loop runs Sample batch → Forward → Backward → Update)",
            self.called, self.expected
        )
    }
}

impl std::error::Error for StageError {}
