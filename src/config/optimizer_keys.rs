//! The link keys of the optimiser (`opt` and its hyper-parameters) and the
//! learning-rate schedule (`schedule`, `lr_every`, `lr_factor`), followed by
//! the regularisation's (`regularization_keys`). A hyper-parameter
//! key is read after the key that chooses its owner and is only accepted
//! with an owner that has it; values at their standard defaults are left out.

use super::choices;
use super::key::{none, owned, put, unless_default, Key};
use super::regularization_keys;
use super::setting::Values;
use super::state::LinkState;
use super::values::number;
use crate::train::{self, Limit, Optimizer, Schedule};

/// The numbers `limit` accepts: from its min up to but not including its max.
fn within(limit: Limit) -> Values {
    Values::number(limit.min..=limit.max).open(false, true)
}

/// An optimiser's hyper-parameter as a link key: the optimisers that have
/// it, the numbers it accepts, and its standard default.
struct Hyper {
    key: &'static str,
    label: &'static str,
    help: &'static str,
    owners: &'static str,
    limit: Limit,
    default: f64,
}

const HYPERS: [Hyper; 5] = [
    Hyper {
        key: "momentum",
        label: "Momentum (μ)",
        help: "How much of the last update each update keeps.",
        owners: "opt=momentum or opt=nesterov",
        limit: train::FRACTION,
        default: train::DEFAULT_MOMENTUM,
    },
    Hyper {
        key: "rho",
        label: "Decay (ρ)",
        help: "How slowly RMSProp forgets the squared gradients.",
        owners: "opt=rmsprop",
        limit: train::FRACTION,
        default: train::DEFAULT_DECAY,
    },
    Hyper {
        key: "beta1",
        label: "Beta 1 (β1)",
        help: "How slowly Adam forgets the gradients.",
        owners: "opt=adam",
        limit: train::FRACTION,
        default: train::DEFAULT_BETA1,
    },
    Hyper {
        key: "beta2",
        label: "Beta 2 (β2)",
        help: "How slowly Adam forgets the squared gradients.",
        owners: "opt=adam",
        limit: train::FRACTION,
        default: train::DEFAULT_BETA2,
    },
    Hyper {
        key: "eps",
        label: "Epsilon (ε)",
        help: "Keeps the division by the running size away from zero.",
        owners: "opt=adagrad, opt=rmsprop or opt=adam",
        limit: train::EPSILON,
        default: train::DEFAULT_EPSILON,
    },
];

/// The hyper-parameter of link key `key` (one of `HYPERS`).
fn hyper(key: &str) -> &'static Hyper {
    HYPERS
        .iter()
        .find(|h| h.key == key)
        .expect("a key of HYPERS")
}

/// The optimiser's hyper-parameter behind link key `key`, if it has one.
fn slot<'a>(optimizer: &'a mut Optimizer, key: &str) -> Option<&'a mut f64> {
    match (key, optimizer) {
        ("momentum", Optimizer::Momentum { momentum } | Optimizer::Nesterov { momentum }) => {
            Some(momentum)
        }
        ("rho", Optimizer::RmsProp { decay, .. }) => Some(decay),
        ("beta1", Optimizer::Adam { beta1, .. }) => Some(beta1),
        ("beta2", Optimizer::Adam { beta2, .. }) => Some(beta2),
        (
            "eps",
            Optimizer::Adagrad { epsilon }
            | Optimizer::RmsProp { epsilon, .. }
            | Optimizer::Adam { epsilon, .. },
        ) => Some(epsilon),
        _ => None,
    }
}

/// The link key of the hyper-parameter `$key`, `HYPERS[$index]`: accepted only
/// with an optimiser that has it, left out at its standard default.
macro_rules! hyper_key {
    ($index:literal, $key:literal) => {
        Key {
            name: $key,
            label: HYPERS[$index].label,
            values: |_| within(hyper($key).limit),
            note: |s| owned(hyper($key).owners, "opt", s.training.optimizer.name()),
            help: HYPERS[$index].help,
            read: |s, v| {
                let x = within(hyper($key).limit).read_number(v)?;
                put(slot(&mut s.training.optimizer, $key)?, x)
            },
            write: |s| {
                let mut optimizer = s.training.optimizer;
                let value = slot(&mut optimizer, $key).map(|x| *x);
                unless_default(value, hyper($key).default)
            },
        }
    };
}

/// The optimiser's keys.
const OPTIMIZER: &[Key] = &[
    Key {
        name: "opt",
        label: "Optimiser",
        values: |_| Values::Choice(choices::optimizers()),
        note: none,
        help: "Plain SGD, or an optimiser with memory of past gradients.",
        read: |s, v| Optimizer::named(v).map(|x| s.training.optimizer = x),
        write: |s| s.training.optimizer.name().into(),
    },
    hyper_key!(0, "momentum"),
    hyper_key!(1, "rho"),
    hyper_key!(2, "beta1"),
    hyper_key!(3, "beta2"),
    hyper_key!(4, "eps"),
];

/// Sets the schedule's decay, if it has one.
fn set_decay(s: &mut LinkState, every: Option<u64>, factor: Option<f64>) -> Option<()> {
    match &mut s.training.schedule {
        Schedule::Constant => None,
        Schedule::Step {
            every: e,
            factor: f,
        }
        | Schedule::Exponential {
            every: e,
            factor: f,
        } => {
            *e = every.unwrap_or(*e);
            *f = factor.unwrap_or(*f);
            Some(())
        }
    }
}

/// The schedules that decay, which own `lr_every` and `lr_factor`.
const DECAYING: &str = "schedule=step or schedule=exp";

fn every() -> Values {
    Values::whole(train::EVERY, "steps")
}

/// Above 0 and at most 1.
fn factor() -> Values {
    Values::number(0.0..=1.0).open(true, false)
}

/// The schedule's keys.
const SCHEDULE: &[Key] = &[
    Key {
        name: "schedule",
        label: "Learning-rate schedule",
        values: |_| Values::Choice(choices::schedules()),
        note: none,
        help: "The learning rate over the steps: constant, or decayed.",
        read: |s, v| Schedule::named(v).map(|x| s.training.schedule = x),
        write: |s| s.training.schedule.name().into(),
    },
    Key {
        name: "lr_every",
        label: "Decay every (steps)",
        values: |_| every(),
        note: |s| owned(DECAYING, "schedule", s.training.schedule.name()),
        help: "Steps between two decays of the learning rate.",
        read: |s, v| {
            let every = every().read_whole(v)?;
            set_decay(s, Some(every), None)
        },
        write: |s| match s.training.schedule.decay() {
            Some((every, _)) if every != train::DEFAULT_EVERY => every.to_string(),
            _ => String::new(),
        },
    },
    Key {
        name: "lr_factor",
        label: "Decay factor",
        values: |_| factor(),
        note: |s| owned(DECAYING, "schedule", s.training.schedule.name()),
        help: "What each decay multiplies the learning rate by.",
        read: |s, v| {
            let factor = factor().read_number(v)?;
            set_decay(s, None, Some(factor))
        },
        write: |s| {
            let factor = s.training.schedule.decay().map(|(_, f)| f);
            unless_default(factor, train::DEFAULT_FACTOR)
        },
    },
];

/// The standard value of a key that links leave out until its owner is
/// chosen (a hyper-parameter, the decay's interval and factor, the
/// regularisation rate), as links write it.
pub fn standard(key: &str) -> Option<String> {
    let value = match key {
        "lr_every" => return Some(train::DEFAULT_EVERY.to_string()),
        "lr_factor" => train::DEFAULT_FACTOR,
        "reg_rate" => train::DEFAULT_RATE,
        _ => HYPERS.iter().find(|h| h.key == key)?.default,
    };
    Some(number(value))
}

/// Every key of this file, owners before their hyper-parameters.
pub fn all() -> impl Iterator<Item = &'static Key> {
    OPTIMIZER
        .iter()
        .chain(SCHEDULE)
        .chain(regularization_keys::KEYS)
}
