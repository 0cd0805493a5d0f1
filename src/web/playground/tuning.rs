//! The tuning door of `Playground`: the optimiser, the learning-rate
//! schedule and the regularisation, changed between steps from link keys,
//! and the controls' values that `read_link` reports for them.

use super::{js_error, Playground};
use crate::config::PlaygroundConfig;
use crate::train::{self, Optimizer};
use crate::web::convert::text;
use crate::web::link::strict_link;
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Playground {
    /// Takes the learning rate, batch size, optimiser (`opt` and its
    /// hyper-parameters), schedule and regularisation from a link's fragment
    /// (docs/link-keys.md; keys left out take their defaults),
    /// keeping the weights and the step. Throws an Error naming each bad key
    /// and what it accepts; an error changes nothing.
    pub fn retune(&mut self, fragment: JsValue) -> Result<(), JsError> {
        let state = strict_link(&text(&fragment, "fragment")?)?;
        self.session.retune(&state.training).map_err(js_error)
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
}

/// The tuning controls' values for `read_link`, keyed by link key: `opt`,
/// `momentum`, `rho`, `beta1`, `beta2`, `eps`, `schedule`, `lr_every`,
/// `lr_factor`, `reg`, `reg_rate`. A hyper-parameter the choice lacks is
/// reported at its default, for the control that waits hidden.
pub(in crate::web) fn link_controls(out: &Object, t: &PlaygroundConfig) {
    let set = |key: &str, value: JsValue| {
        // Setting a plain data property on a fresh object cannot fail.
        let _ = Reflect::set(out, &key.into(), &value);
    };
    let o = t.optimizer;
    set("opt", o.name().into());
    let momentum = o.momentum().unwrap_or(train::DEFAULT_MOMENTUM);
    set("momentum", momentum.into());
    let (rho, beta1, beta2) = match o {
        Optimizer::RmsProp { decay, .. } => (decay, train::DEFAULT_BETA1, train::DEFAULT_BETA2),
        Optimizer::Adam { beta1, beta2, .. } => (train::DEFAULT_DECAY, beta1, beta2),
        _ => (
            train::DEFAULT_DECAY,
            train::DEFAULT_BETA1,
            train::DEFAULT_BETA2,
        ),
    };
    set("rho", rho.into());
    set("beta1", beta1.into());
    set("beta2", beta2.into());
    set("eps", o.epsilon().unwrap_or(train::DEFAULT_EPSILON).into());
    set("schedule", t.schedule.name().into());
    let (every, factor) = t
        .schedule
        .decay()
        .unwrap_or((train::DEFAULT_EVERY, train::DEFAULT_FACTOR));
    set("lr_every", (every as f64).into());
    set("lr_factor", factor.into());
    let regularization = t.regularization;
    set("reg", regularization.name().into());
    let rate = regularization.rate().unwrap_or(train::DEFAULT_RATE);
    set("reg_rate", rate.into());
}
