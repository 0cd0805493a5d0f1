//! The stage view: a serialisable description of the current SGD step for
//! the page's stage-by-stage panel. Each of the four stages lists its
//! equations in the notes' notation for the network as built, and, once the
//! stage has run in this step, the actual matrices of the batch beside them;
//! `network` gives the same values as the network drawing shows them.

mod equation;
mod equations;
mod matrix;
pub mod network;
mod notation;
mod update;

pub use equation::Equation;
pub use matrix::{short, shown, Matrix, MAX_SHOWN};
pub use notation::{BIAS_SLIP, MEAN_NOTE, TANH_SLIP};

use crate::json::Json;
use crate::train::{Stage, Trainer};
use equations::Pass;

/// One stage's panel.
#[derive(Clone, Debug, PartialEq)]
pub struct StagePanel {
    /// The stage's button label: "Sample batch", "Forward", "Backward", "Update".
    pub stage: &'static str,
    /// Whether it has run in the current step (its matrices are filled).
    pub done: bool,
    /// Whether it is the stage that ran last.
    pub current: bool,
    pub equations: Vec<Equation>,
}

/// The whole step as the page shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct StageView {
    /// Completed SGD steps.
    pub step: u64,
    /// The stage that ran last in this step (`None` before the first Sample batch).
    pub current: Option<&'static str>,
    /// The stage whose button is enabled.
    pub next: &'static str,
    /// The batch's indices into the training set, and the training set's size.
    pub batch: Vec<usize>,
    pub train_size: usize,
    pub learning_rate: f64,
    /// The batch's loss before the update (after Forward) and after it (after Update).
    pub loss_before: Option<f64>,
    pub loss_after: Option<f64>,
    /// The step that diverged, if one did.
    pub diverged: Option<u64>,
    pub stages: Vec<StagePanel>,
}

/// The stage that ran last in the current step, if any.
pub fn current_stage(trainer: &Trainer) -> Option<Stage> {
    if trainer.batch_indices().is_empty() {
        return None;
    }
    Some(match trainer.next_stage() {
        Stage::Forward => Stage::SampleBatch,
        Stage::Backward => Stage::Forward,
        Stage::Update => Stage::Backward,
        Stage::SampleBatch => Stage::Update,
    })
}

/// Describes the trainer's current step. (Mutable only to compute the
/// batch's loss after an update, which the trainer caches.)
pub fn build(trainer: &mut Trainer) -> StageView {
    let loss_after = trainer.batch_loss_after();
    let current = current_stage(trainer);
    let ran = |stage: Stage| current.is_some_and(|c| c as usize >= stage as usize);
    let pass = Pass::of(trainer, ran);
    let panels = [
        (Stage::SampleBatch, equations::sample(trainer)),
        (Stage::Forward, pass.forward(trainer.batch_loss())),
        (Stage::Backward, pass.backward(trainer.gradient())),
        (Stage::Update, pass.update(trainer, loss_after)),
    ];
    let stages = panels
        .into_iter()
        .map(|(stage, mut equations)| {
            let done = ran(stage);
            if !done {
                equations.iter_mut().for_each(|e| e.matrices.clear());
            }
            StagePanel {
                stage: stage.label(),
                done,
                current: current == Some(stage),
                equations,
            }
        })
        .collect();
    StageView {
        step: trainer.step_count(),
        current: current.map(Stage::label),
        next: trainer.next_stage().label(),
        batch: trainer.batch_indices().to_vec(),
        train_size: trainer.train_set().len(),
        learning_rate: trainer.update_learning_rate(),
        loss_before: trainer.batch_loss(),
        loss_after,
        diverged: trainer.diverged_at(),
        stages,
    }
}

/// The view as JSON text (`to_tree` written out).
pub fn to_json(view: &StageView) -> String {
    to_tree(view).to_string()
}

/// The view as a JSON tree, for the page (one call per click, not per
/// frame). Keys are the fields' names.
pub fn to_tree(view: &StageView) -> Json {
    let panel = |p: &StagePanel| {
        Json::object([
            ("stage", p.stage.into()),
            ("done", p.done.into()),
            ("current", p.current.into()),
            (
                "equations",
                Json::Array(p.equations.iter().map(equation).collect()),
            ),
        ])
    };
    Json::object([
        ("step", (view.step as f64).into()),
        ("current", view.current.into()),
        ("next", view.next.into()),
        ("batch", view.batch.clone().into()),
        ("train_size", view.train_size.into()),
        ("learning_rate", view.learning_rate.into()),
        ("loss_before", view.loss_before.into()),
        ("loss_after", view.loss_after.into()),
        ("diverged", view.diverged.map(|s| s as f64).into()),
        (
            "stages",
            Json::Array(view.stages.iter().map(panel).collect()),
        ),
    ])
}

fn equation(e: &Equation) -> Json {
    let text = |s: &Option<String>| s.as_deref().into();
    Json::object([
        ("text", e.text.as_str().into()),
        ("detail", text(&e.detail)),
        ("note", text(&e.note)),
        (
            "matrices",
            Json::Array(e.matrices.iter().map(Matrix::to_tree).collect()),
        ),
    ])
}
