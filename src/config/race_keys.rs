//! The race's link keys: the contestants (`race`), the `target`, the number
//! of `seeds` a repeat runs and the steps the race has run (`race_steps`).

use super::key::Key;
use super::layers::{hidden_names, read_activation, write_activation};
use super::state::MAX_STEPS;
use super::values::{list, number, number_in, whole_in};
use crate::race::{Contestant, Target, ACCURACY_TARGET, CONTESTANTS, LOSS_TARGET, SEEDS};

/// The race's keys.
pub const KEYS: &[Key] = &[
    Key {
        name: "race",
        accepts: |_| {
            format!(
                "2 to 4 distinct comma-separated activations, each activation[:param] from {} \
                 (param as in layers)",
                hidden_names()
            )
        },
        read: |s, v| read_contestants(v).map(|x| s.race.contestants = x),
        write: |s| {
            let names = s.race.contestants.iter();
            let names = names.map(|c| write_activation(c.activation, c.param));
            names.collect::<Vec<_>>().join(",")
        },
    },
    Key {
        name: "target",
        accepts: |_| {
            "loss:L, a test loss L from 0.001 to 10, or accuracy:P, a test accuracy of P percent, \
             a whole number from 1 to 100"
                .into()
        },
        read: |s, v| read_target(v).map(|x| s.race.target = x),
        write: |s| write_target(s.race.target),
    },
    Key {
        name: "seeds",
        accepts: |_| "a whole number of seeds from 1 to 20".into(),
        read: |s, v| {
            let seeds = *SEEDS.start() as u64..=*SEEDS.end() as u64;
            whole_in(v, &seeds).map(|x| s.race.seeds = x as usize)
        },
        write: |s| s.race.seeds.to_string(),
    },
    Key {
        name: "race_steps",
        accepts: |_| format!("a whole number of race steps from 0 to {MAX_STEPS}"),
        read: |s, v| whole_in(v, &(0..=MAX_STEPS)).map(|x| s.race.steps = x),
        write: |s| s.race.steps.to_string(),
    },
];

/// Distinct contestants (`leaky_relu` and `leaky_relu:0.01` are the same one).
fn read_contestants(text: &str) -> Option<Vec<Contestant>> {
    let contestants = list(text, &CONTESTANTS, |item| {
        let (activation, param) = read_activation(item)?;
        Some(Contestant { activation, param })
    })?;
    let distinct = contestants
        .iter()
        .enumerate()
        .all(|(i, c)| !contestants[..i].iter().any(|o| o.same_as(c)));
    distinct.then_some(contestants)
}

fn read_target(text: &str) -> Option<Target> {
    match text.split_once(':')? {
        ("loss", value) => number_in(value, &LOSS_TARGET).map(Target::Loss),
        ("accuracy", value) => {
            let percent = *ACCURACY_TARGET.start() as u64..=*ACCURACY_TARGET.end() as u64;
            whole_in(value, &percent).map(|p| Target::Accuracy(p as u32))
        }
        _ => None,
    }
}

fn write_target(target: Target) -> String {
    match target {
        Target::Loss(loss) => format!("loss:{}", number(loss)),
        Target::Accuracy(percent) => format!("accuracy:{percent}"),
    }
}
