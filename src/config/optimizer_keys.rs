//! The link keys of the optimiser (`opt` and its hyper-parameters), the
//! learning-rate schedule (`schedule`, `lr_every`, `lr_factor`) and the
//! regularisation (`reg`, `reg_rate`, and the older `l2`). A hyper-parameter
//! key is read after the key that chooses its owner and is only accepted
//! with an owner that has it; values at their standard defaults are left out.

use super::key::Key;
use super::state::LinkState;
use super::values::{finite, number, number_in, whole_in};
use crate::train::{self, Limit, Optimizer, Regularization, Schedule};

/// The value to write: `x`, or nothing at the standard default.
fn unless_default(x: Option<f64>, default: f64) -> String {
    x.filter(|&x| x != default).map_or(String::new(), number)
}

/// Puts `x` in `slot`: the key was used.
fn put(slot: &mut f64, x: f64) -> Option<()> {
    *slot = x;
    Some(())
}

/// A number `limit` accepts.
fn within(text: &str, limit: Limit) -> Option<f64> {
    finite(text).filter(|&x| limit.contains(x))
}

/// What a hyper-parameter key accepts, and for which choice of its owner.
fn owned(accepts: &str, owners: &str, key: &str, now: &str) -> String {
    format!("{accepts}, with {owners} (this link has {key}={now})")
}

/// An optimiser's hyper-parameter as a link key: the optimisers that have
/// it, the numbers it accepts, and its standard default.
struct Hyper {
    key: &'static str,
    owners: &'static str,
    limit: Limit,
    default: f64,
}

const HYPERS: [Hyper; 5] = [
    Hyper {
        key: "momentum",
        owners: "opt=momentum or opt=nesterov",
        limit: train::FRACTION,
        default: train::DEFAULT_MOMENTUM,
    },
    Hyper {
        key: "rho",
        owners: "opt=rmsprop",
        limit: train::FRACTION,
        default: train::DEFAULT_DECAY,
    },
    Hyper {
        key: "beta1",
        owners: "opt=adam",
        limit: train::FRACTION,
        default: train::DEFAULT_BETA1,
    },
    Hyper {
        key: "beta2",
        owners: "opt=adam",
        limit: train::FRACTION,
        default: train::DEFAULT_BETA2,
    },
    Hyper {
        key: "eps",
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

/// The link key of the hyper-parameter `$key` of `HYPERS`: accepted only
/// with an optimiser that has it, left out at its standard default.
macro_rules! hyper_key {
    ($key:literal) => {
        Key {
            name: $key,
            accepts: |s| {
                let (h, now) = (hyper($key), s.training.optimizer.name());
                owned(h.limit.accepts, h.owners, "opt", now)
            },
            read: |s, v| {
                let x = within(v, hyper($key).limit)?;
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
        accepts: |_| format!("one of {}", Optimizer::names()),
        read: |s, v| Optimizer::named(v).map(|x| s.training.optimizer = x),
        write: |s| s.training.optimizer.name().into(),
    },
    hyper_key!("momentum"),
    hyper_key!("rho"),
    hyper_key!("beta1"),
    hyper_key!("beta2"),
    hyper_key!("eps"),
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

/// The schedule's keys.
const SCHEDULE: &[Key] = &[
    Key {
        name: "schedule",
        accepts: |_| format!("one of {}", Schedule::names()),
        read: |s, v| Schedule::named(v).map(|x| s.training.schedule = x),
        write: |s| s.training.schedule.name().into(),
    },
    Key {
        name: "lr_every",
        accepts: |s| {
            let accepts = "a whole number of steps from 1 to 1000000";
            let now = s.training.schedule.name();
            owned(accepts, "schedule=step or schedule=exp", "schedule", now)
        },
        read: |s, v| {
            let every = whole_in(v, &train::EVERY)?;
            set_decay(s, Some(every), None)
        },
        write: |s| match s.training.schedule.decay() {
            Some((every, _)) if every != train::DEFAULT_EVERY => every.to_string(),
            _ => String::new(),
        },
    },
    Key {
        name: "lr_factor",
        accepts: |s| {
            let now = s.training.schedule.name();
            owned(
                train::FACTOR_ACCEPTS,
                "schedule=step or schedule=exp",
                "schedule",
                now,
            )
        },
        read: |s, v| {
            let factor = finite(v).filter(|&x| train::factor_ok(x))?;
            set_decay(s, None, Some(factor))
        },
        write: |s| {
            let factor = s.training.schedule.decay().map(|(_, f)| f);
            unless_default(factor, train::DEFAULT_FACTOR)
        },
    },
];

/// The regularisation's keys.
const REGULARIZATION: &[Key] = &[
    Key {
        // Older links' L2 rate: `l2=0.01` is `reg=l2&reg_rate=0.01`, and
        // `l2=0` no regularisation. Links are written with `reg`, never with it.
        name: "l2",
        accepts: |_| "a number from 0 to 10".into(),
        read: |s, v| {
            let rate = number_in(v, &train::REGULARIZATION_RATE)?;
            s.training.regularization = if rate > 0.0 {
                Regularization::L2(rate)
            } else {
                Regularization::None
            };
            Some(())
        },
        write: |_| String::new(),
    },
    Key {
        name: "reg",
        accepts: |_| "one of none, l1, l2".into(),
        read: |s, v| {
            let rate = s.training.regularization.rate();
            let rate = rate.unwrap_or(train::DEFAULT_RATE);
            Regularization::named(v, rate).map(|x| s.training.regularization = x)
        },
        write: |s| s.training.regularization.name().into(),
    },
    Key {
        name: "reg_rate",
        accepts: |s| {
            let now = s.training.regularization.name();
            owned("a number from 0 to 10", "reg=l1 or reg=l2", "reg", now)
        },
        read: |s, v| {
            let x = number_in(v, &train::REGULARIZATION_RATE)?;
            match &mut s.training.regularization {
                Regularization::None => None,
                Regularization::L1(rate) | Regularization::L2(rate) => put(rate, x),
            }
        },
        write: |s| unless_default(s.training.regularization.rate(), train::DEFAULT_RATE),
    },
];

/// Every key of this file, owners before their hyper-parameters.
pub fn all() -> impl Iterator<Item = &'static Key> {
    OPTIMIZER.iter().chain(SCHEDULE).chain(REGULARIZATION)
}
