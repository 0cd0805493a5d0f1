//! The menus' choices, each with its link name and the label the page shows:
//! panels, themes, datasets, hidden-layer activations, optimisers (with the
//! rule each applies), schedules and regularisers.

use super::setting::Choice;
use super::state::Panel;
use super::theme::ColorTheme;
use crate::activation::Kind;
use crate::data::DatasetKind;
use crate::train::{Optimizer, Regularization, Schedule};

fn choice(name: &'static str, label: &'static str) -> Choice {
    Choice {
        name,
        label,
        help: "",
    }
}

pub fn panels() -> Vec<Choice> {
    let label = |p: Panel| match p {
        Panel::Curves => "activation functions",
        Panel::Softmax => "softmax",
        Panel::Train => "training",
        Panel::Stages => "stage stepper",
        Panel::Race => "activation race",
    };
    Panel::ALL.map(|p| choice(p.name(), label(p))).to_vec()
}

pub fn themes() -> Vec<Choice> {
    let label = |t: ColorTheme| match t {
        ColorTheme::Auto => "As the system",
        ColorTheme::Light => "Light",
        ColorTheme::Dark => "Dark",
    };
    ColorTheme::ALL.map(|t| choice(t.name(), label(t))).to_vec()
}

/// The generated datasets, then drawn data (`custom`).
pub fn datasets() -> Vec<Choice> {
    let all = DatasetKind::ALL.into_iter().chain([DatasetKind::Custom]);
    all.map(|d| choice(d.name(), d.label())).collect()
}

/// Every activation but softmax.
pub fn hidden_activations() -> Vec<Choice> {
    let kinds = Kind::ALL.into_iter().filter(|&k| k != Kind::Softmax);
    kinds
        .map(|k| choice(k.name(), k.properties().label))
        .collect()
}

/// Each optimiser with its update rule as help.
pub fn optimizers() -> Vec<Choice> {
    let about = |o: Optimizer| match o {
        Optimizer::Sgd => ("SGD (the notes')", "w ← w − lr·dL/dw"),
        Optimizer::Momentum { .. } => ("Momentum", "v ← μ·v + dL/dw;  w ← w − lr·v"),
        Optimizer::Nesterov { .. } => (
            "Nesterov momentum",
            "v ← μ·v + dL/dw;  w ← w − lr·(dL/dw + μ·v)",
        ),
        Optimizer::Adagrad { .. } => ("Adagrad", "G ← G + (dL/dw)²;  w ← w − lr·dL/dw / (√G + ε)"),
        Optimizer::RmsProp { .. } => (
            "RMSProp",
            "s ← ρ·s + (1 − ρ)·(dL/dw)²;  w ← w − lr·dL/dw / (√s + ε)",
        ),
        Optimizer::Adam { .. } => (
            "Adam",
            "m, v: running means of dL/dw and (dL/dw)²;  w ← w − lr·m̂ / (√v̂ + ε)",
        ),
    };
    let entry = |o: Optimizer| {
        let (label, help) = about(o);
        Choice {
            name: o.name(),
            label,
            help,
        }
    };
    Optimizer::ALL.map(entry).to_vec()
}

pub fn schedules() -> Vec<Choice> {
    let label = |s: Schedule| match s {
        Schedule::Constant => "Constant",
        Schedule::Step { .. } => "Step decay",
        Schedule::Exponential { .. } => "Exponential decay",
    };
    Schedule::ALL.map(|s| choice(s.name(), label(s))).to_vec()
}

pub fn regularizers() -> Vec<Choice> {
    let label = |r: Regularization| match r {
        Regularization::None => "None",
        Regularization::L1(_) => "L1",
        Regularization::L2(_) => "L2",
    };
    Regularization::ALL
        .map(|r| choice(r.name(), label(r)))
        .to_vec()
}
