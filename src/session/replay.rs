//! Weight edits in a run: a student's edit is applied and kept in the run's
//! config (so its link carries it), and replayed at the same step whenever
//! the run passes that step again (Reset and train, or a link's `steps`).
//! A refused list of edits reads as a run's `edits` setting.

use super::config::SettingError;
use super::Session;
use crate::edits::{self, edits_fit_link, Edit, EditError, MAX_EDITS};
use crate::train::{Stage, TrainError};

impl Session {
    /// Sets parameter `index` (in `Network::params`' layout) to `value` in the
    /// current parameters, between steps, keeps the edit for replay and
    /// records the losses it gives. Past `MAX_EDITS` kept edits, or past what
    /// a link's value can hold, the change still applies but is not kept
    /// (`edits_lost` says so). A refusal
    /// (mid-step, index out of range, non-finite) changes nothing.
    pub fn set_parameter(&mut self, index: usize, value: f64) -> Result<(), TrainError> {
        self.trainer.set_param(index, value)?;
        let step = self.trainer.step_count();
        let kept = &mut self.config.edits;
        match edits::slot(kept, self.applied_edits, step, index) {
            Ok(i) => kept[i].value = value,
            Err(_) if kept.len() >= MAX_EDITS => self.edits_lost = true,
            Err(i) => {
                kept.insert(i, Edit { step, index, value });
                if edits_fit_link(kept) {
                    self.applied_edits += 1;
                } else {
                    kept.remove(i);
                    self.edits_lost = true;
                }
            }
        }
        self.staged = false;
        self.settle();
        Ok(())
    }

    /// The edits this run keeps, in step order (what its link's `edits` holds).
    pub fn edits(&self) -> &[Edit] {
        &self.config.edits
    }

    /// True once an edit was made that the run could not keep (past
    /// `MAX_EDITS` or the link's length).
    pub fn edits_lost(&self) -> bool {
        self.edits_lost
    }

    /// Applies the kept edits due at the current step, if the trainer is
    /// between steps. One comparison when none is due.
    pub(super) fn apply_due_edits(&mut self) {
        let edits = &self.config.edits;
        while let Some(edit) = edits.get(self.applied_edits) {
            let between = self.trainer.next_stage() == Stage::SampleBatch;
            if edit.step > self.trainer.step_count() || !between {
                return;
            }
            // Checked when the run was built, so this cannot fail.
            let _ = self.trainer.set_param(edit.index, edit.value);
            self.applied_edits += 1;
        }
    }

    /// Steps to the end of the current pass over the training set, applying
    /// edits as their steps come.
    pub(super) fn epoch_with_edits(&mut self) -> Result<(), TrainError> {
        let epochs = self.trainer.epoch_count();
        while self.trainer.epoch_count() == epochs {
            self.step_on_grid()?;
        }
        self.apply_due_edits();
        Ok(())
    }
}

impl From<EditError> for SettingError {
    /// As a run's setting: "edits must be …, got …".
    fn from(error: EditError) -> Self {
        let (accepts, got) = match error {
            EditError::TooMany(n) => (format!("at most {MAX_EDITS} weight edits"), n.to_string()),
            EditError::OutOfOrder { step, after } => (
                "in order of step".to_owned(),
                format!("step {step} after step {after}"),
            ),
            EditError::Index { index, params } => (
                format!(
                    "parameters from 0 to {} (this network has {params})",
                    params.saturating_sub(1)
                ),
                index.to_string(),
            ),
            EditError::Value(v) => ("finite values".to_owned(), v.to_string()),
        };
        let name = "edits";
        SettingError { name, accepts, got }
    }
}
