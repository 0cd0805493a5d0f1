//! When a run counts as diverged: a loss that is no longer finite, or one
//! that has grown far past where the run started (a blow-up on its way to
//! overflow, as Adam with β1 near 1 and a large rate gives). Kept in one
//! place so that further signs of divergence join these.

/// How many times its first loss (or 1, if that was smaller) a batch's loss
/// may reach before the run counts as diverged. Training that is merely
/// noisy never comes near it; a run that does will not come back.
pub const LOSS_GROWTH_LIMIT: f64 = 1e6;

/// Whether a batch's `loss` means the run diverged, given the `first` loss of
/// the run (its first batch after a reset; NaN when not yet known).
pub fn diverged(loss: f64, first: f64) -> bool {
    let reference = if first.is_finite() {
        first.max(1.0)
    } else {
        1.0
    };
    !loss.is_finite() || loss > LOSS_GROWTH_LIMIT * reference
}

/// Which losses a trainer counts as diverged: the page's rule (`diverged`),
/// or only a loss that is no longer finite, as the JS API's `Model` has it
/// (its callers see the loss and judge a blow-up themselves).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Rule {
    #[default]
    Growth,
    NotFinite,
}

impl Rule {
    /// Whether `loss` ends the run, given the run's `first` loss.
    pub(crate) fn diverged(self, loss: f64, first: f64) -> bool {
        match self {
            Rule::Growth => diverged(loss, first),
            Rule::NotFinite => !loss.is_finite(),
        }
    }
}
