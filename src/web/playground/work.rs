//! A run worked a piece at a time: a link's catch-up to its `steps` calls
//! `work` with as many pieces as its time budget allows and `record`s at
//! the end of each run of steps Play would have recorded, so no call
//! outlasts a frame however wide the network, and the history comes out as
//! Play's.

use super::{js_error, Playground};
use wasm_bindgen::prelude::*;

/// Most pieces of work one `work` call may do.
const MAX_PIECES_PER_CALL: u32 = 100_000;

#[wasm_bindgen]
impl Playground {
    /// Does at most `pieces` pieces of the work of reaching step `target`
    /// (at most 100 000 per call) and returns how many it did: 0 once the
    /// run is there. A piece is one stage of a step (sample a batch,
    /// forward, backward, update), edits replayed between steps, so the run
    /// reaches the bits `run` gives. Nothing is recorded: call `record`
    /// before drawing. Throws as `run` does when training diverges (that
    /// step is recorded).
    pub fn work(&mut self, target: u32, pieces: u32) -> Result<u32, JsError> {
        let pieces = u64::from(pieces.min(MAX_PIECES_PER_CALL));
        let done = self
            .session
            .work(u64::from(target), pieces)
            .map_err(js_error)?;
        // At most MAX_PIECES_PER_CALL, so it fits.
        Ok(done as u32)
    }

    /// Measures the losses and accuracies now and records them, as `run`
    /// does: a kept record at a step of the grid (`steps_to_record`), else
    /// the chart's tail, which the next record replaces.
    pub fn record(&mut self) {
        self.session.settle();
    }

    /// Steps from now to the run's next kept record (1 to 250 / batch size):
    /// Play trains at most that many in a frame, and a catch-up records there,
    /// so the loss chart has the same points however the run was driven.
    pub fn steps_to_record(&self) -> f64 {
        self.session.steps_to_record() as f64
    }

    /// The steps the run has taken.
    pub fn step_count(&self) -> f64 {
        self.session.trainer().step_count() as f64
    }
}
