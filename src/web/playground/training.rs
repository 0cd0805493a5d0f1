//! Training (docs/js-api.md): steps, epochs and reset, where the run is
//! (`status`), the optimiser, schedule and regularisation changed between
//! steps from link keys (`retune`), the parameters, and what the page needs
//! to know to play the run.

use super::{js_error, Playground};
use crate::plot::network as diagram;
use crate::web::common::convert::text;
use crate::web::common::fields::{self, known, Fields};
use crate::web::common::heatmap::WIDE_ABOVE_PARAMS;
use crate::web::common::strict::strict_link;
use wasm_bindgen::prelude::*;

/// Most steps one `run` call may take, so a frame stays bounded.
const MAX_STEPS_PER_CALL: u32 = 100_000;

#[wasm_bindgen]
impl Playground {
    /// Runs `steps` minibatch SGD steps (at most 100 000 per call). Throws
    /// "diverged at step N — lower the learning rate" when training blows up.
    pub fn run(&mut self, steps: u32) -> Result<(), JsError> {
        self.session
            .run(steps.min(MAX_STEPS_PER_CALL) as usize)
            .map_err(js_error)
    }

    /// Runs one epoch: enough steps for one pass over the training set.
    pub fn epoch(&mut self) -> Result<(), JsError> {
        self.session.epoch().map_err(js_error)
    }

    /// Back to step 0 and the initial weights.
    pub fn reset(&mut self) {
        self.session.reset();
    }

    /// Where the run is: `{step, epoch, train_loss, test_loss,
    /// train_accuracy, test_accuracy, diverged_at, train_size, warning,
    /// warning_text}` (accuracies `null` for regression, `diverged_at` `null`
    /// unless it diverged). `warning` is a blow-up seen while it builds, or a
    /// divergence, for the status line ("learning rate too large: loss 9×
    /// its starting value"); `warning_text` is the notice's sentence, naming
    /// the status line's step; both `null` for a healthy run.
    pub fn status(&self) -> JsValue {
        let latest = self.session.latest();
        let trainer = self.session.trainer();
        let blow_up = self.session.blow_up();
        let or_null = |text: Option<String>| text.map_or(JsValue::NULL, JsValue::from);
        Fields::new()
            .with("step", trainer.step_count() as f64)
            .with("epoch", trainer.epoch_count() as f64)
            .with("train_loss", latest.train_loss)
            .with("test_loss", latest.test_loss)
            .with("train_accuracy", known(latest.train_accuracy))
            .with("test_accuracy", known(latest.test_accuracy))
            .with("diverged_at", fields::step(trainer.diverged_at()))
            .with("train_size", trainer.train_set().len() as f64)
            .with("warning", or_null(blow_up.map(|b| b.summary())))
            .with("warning_text", or_null(blow_up.map(|b| b.to_string())))
            .into()
    }

    /// True when the output is softmax over classes (not regression).
    pub fn is_classifier(&self) -> bool {
        self.session.trainer().network().is_classifier()
    }

    /// Takes the learning rate, batch size, optimiser (`opt` and its
    /// hyper-parameters), schedule and regularisation from a link's fragment
    /// (docs/link-keys.md; keys left out take their defaults),
    /// keeping the weights and the step. Throws an Error naming each bad key
    /// and what it accepts; an error changes nothing.
    pub fn retune(&mut self, fragment: JsValue) -> Result<(), JsError> {
        let state = strict_link(&text(&fragment, "fragment")?)?;
        self.session.retune(&state.training).map_err(js_error)
    }

    /// The first step after 0 at which the training settings changed
    /// (`undefined` if none since Reset): a link replays the whole run with
    /// today's settings, so it cannot reproduce such a run.
    pub fn settings_changed_at(&self) -> Option<f64> {
        self.session.retuned_at().map(|s| s as f64)
    }

    /// The learning rate the next update will use (the schedule's rate now).
    pub fn learning_rate_now(&self) -> f64 {
        self.session.trainer().next_learning_rate()
    }

    /// Every parameter in `Network::params`' layout (weights, biases, slopes
    /// layer by layer), as of now.
    pub fn params(&self) -> Vec<f64> {
        self.session.trainer().network().params().to_vec()
    }

    /// True while the page plays: a wide network's heatmap (see `is_wide`)
    /// is then drawn on a 50 × 50 grid and its drawing with its strongest
    /// 2 000 links, so each part of a frame stays short; in full once stopped.
    pub fn set_playing(&mut self, playing: bool) {
        self.heatmap.set_quick(playing);
        self.playing = playing;
    }

    /// Links in the network drawing: one per pair of units in neighbouring
    /// columns (fan-in × units, summed over the layers).
    pub fn link_count(&self) -> usize {
        diagram::link_count(self.session.trainer().network())
    }

    /// Whether the network has over 10 000 parameters (six layers of 64
    /// units have 21 000): the page then plays it with a coarse heatmap and
    /// its strongest links, and makes the browser rasterise the drawing
    /// in the part of the frame that drew it.
    pub fn is_wide(&self) -> bool {
        self.session.trainer().network().param_count() > WIDE_ABOVE_PARAMS
    }
}
