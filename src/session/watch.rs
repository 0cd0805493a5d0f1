//! A blow-up seen while it builds, before any number overflows: a training
//! loss far above where the run started (or chance, if that is higher), or
//! a weight grown far past any a healthy run reaches. Too large a learning
//! rate gives both: at a rate of 10 the default tanh network's loss thrashes
//! between 1.5 and 7 on the circle (chance is 0.69) and never overflows, so
//! the trainer's rule (a non-finite loss, or one a million times its first)
//! never fires. The run goes on: the student may lower the rate and watch it
//! recover.
//!
//! The limits were chosen by sweeping every dataset and every activation at
//! sane rates (tests/blow_up.rs): no healthy run comes near them.

use std::fmt;

use super::Record;
use crate::network::Network;

/// How many times its reference (its first recorded training loss, or
/// chance if that is higher) the training loss may reach before the run
/// counts as blowing up. Healthy runs stay below their start, give or take
/// noise; a run at twice chance has learnt worse than guessing.
pub const LOSS_RATIO_LIMIT: f64 = 3.0;

/// The largest |parameter| a run may reach before it counts as blowing up
/// (or 10 times its largest at the start, if that is more). Weights start
/// near 1 and healthy runs on these data keep them within tens.
pub const WEIGHT_LIMIT: f64 = 1000.0;

/// What was seen, at which recorded step.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum BlowUp {
    /// The training loss reached `ratio` times the reference.
    Loss {
        step: u64,
        ratio: f64,
        since_retune: bool,
    },
    /// A parameter reached `largest` in size.
    Weights { step: u64, largest: f64 },
    /// The trainer stopped: the loss or a weight would no longer have been a
    /// finite number (or the loss grew a million-fold) in the step after
    /// `step`, which is the last one done and the status line's step.
    Diverged { step: u64 },
}

impl BlowUp {
    /// The recorded step at which it was seen (the status line's step).
    pub fn step(&self) -> u64 {
        match *self {
            BlowUp::Loss { step, .. }
            | BlowUp::Weights { step, .. }
            | BlowUp::Diverged { step } => step,
        }
    }

    /// The short form for the status line: "learning rate too large: loss 9× its starting value".
    pub fn summary(&self) -> String {
        match *self {
            BlowUp::Loss {
                ratio,
                since_retune,
                ..
            } => {
                let from = if since_retune {
                    "its value when the settings last changed"
                } else {
                    "its starting value"
                };
                format!("learning rate too large: loss {}× {from}", times(ratio))
            }
            BlowUp::Weights { largest, .. } => format!(
                "learning rate too large: a weight has grown to {}",
                crate::format::number(largest)
            ),
            BlowUp::Diverged { .. } => "diverged: the numbers overflowed".to_string(),
        }
    }

    /// Whether the trainer stopped (a divergence), not merely warned.
    pub fn stopped(&self) -> bool {
        matches!(self, BlowUp::Diverged { .. })
    }
}

impl fmt::Display for BlowUp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let BlowUp::Diverged { step } = *self {
            return write!(
                f,
                "diverged after step {step}: the next step's loss or weights were no longer finite numbers — lower the learning rate, then press Reset"
            );
        }
        write!(
            f,
            "{} at step {} — lower the learning rate (the run goes on; Reset starts it again)",
            self.summary(),
            self.step()
        )
    }
}

/// A ratio as a reader takes it in: whole from 10, else one decimal.
fn times(ratio: f64) -> String {
    if ratio >= 9.5 {
        format!("{}", ratio.round())
    } else {
        format!("{:.1}", ratio)
    }
}

/// The watch over one run: its reference loss and the first blow-up seen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Watch {
    /// The loss a blow-up is measured against; NaN until the first record.
    reference: f64,
    /// Whether the reference was raised by a change of settings.
    retuned: bool,
    /// The largest |parameter| at the first record: weights set by hand
    /// (a link's edits) may start far above `WEIGHT_LIMIT`; only growth counts.
    start_weight: f64,
    seen: Option<BlowUp>,
}

impl Default for Watch {
    fn default() -> Self {
        Watch {
            reference: f64::NAN,
            retuned: false,
            start_weight: f64::NAN,
            seen: None,
        }
    }
}

impl Watch {
    /// The first blow-up seen since the start or the last change of settings.
    pub(super) fn seen(&self) -> Option<BlowUp> {
        self.seen
    }

    /// Looks at a new record of `network`'s run.
    pub(super) fn check(&mut self, record: &Record, network: &Network) {
        let loss = record.train_loss;
        let largest = network.params().iter().fold(0.0f64, |m, p| m.max(p.abs()));
        if self.start_weight.is_nan() {
            self.start_weight = largest;
        }
        if self.reference.is_nan() && loss.is_finite() {
            let chance = if network.is_classifier() {
                libm::log(network.outputs().max(2) as f64)
            } else {
                0.0
            };
            self.reference = loss.max(chance);
        }
        if self.seen.is_some() {
            return;
        }
        let step = record.step;
        let ratio = loss / self.reference;
        if self.reference > 0.0 && ratio > LOSS_RATIO_LIMIT {
            self.seen = Some(BlowUp::Loss {
                step,
                ratio,
                since_retune: self.retuned,
            });
            return;
        }
        if largest > WEIGHT_LIMIT.max(10.0 * self.start_weight) {
            self.seen = Some(BlowUp::Weights { step, largest });
        }
    }

    /// The settings changed: a blow-up is judged afresh, against the loss
    /// now if that is higher than the reference (a run recovering after the
    /// rate was lowered is not flagged again for where it already was).
    pub(super) fn retuned(&mut self, latest: &Record) {
        self.seen = None;
        if latest.train_loss.is_finite() && latest.train_loss > self.reference {
            self.reference = latest.train_loss;
            self.retuned = true;
        }
    }
}
