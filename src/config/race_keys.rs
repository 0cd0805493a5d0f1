//! The race's link keys: the contestants (`race`), the `target`, the number
//! of `seeds` a repeat runs and the steps the race has run (`race_steps`).

use super::key::{none, Key};
use super::layers::{hidden_names, read_activation, write_activation};
use super::setting::Values;
use super::state::MAX_STEPS;
use super::values::{list, number};
use crate::race::{Contestant, Target, ACCURACY_TARGET, CONTESTANTS, LOSS_TARGET, SEEDS};

/// The named parts of `target`: a test loss, or a test accuracy in percent.
pub fn parts(key: &str) -> Option<Vec<(&'static str, Values)>> {
    (key == "target").then(|| vec![("loss", loss()), ("accuracy", accuracy())])
}

fn loss() -> Values {
    Values::number(LOSS_TARGET)
}

fn accuracy() -> Values {
    let percent = *ACCURACY_TARGET.start() as u64..=*ACCURACY_TARGET.end() as u64;
    Values::whole(percent, "%")
}

fn seeds() -> Values {
    Values::whole(*SEEDS.start() as u64..=*SEEDS.end() as u64, "seeds")
}

/// The race's keys.
pub const KEYS: &[Key] = &[
    Key {
        name: "race",
        label: "",
        note: none,
        help: "The activations that race, each with its parameter.",
        values: |_| {
            Values::Text(format!(
                "2 to 4 distinct comma-separated activations, each activation[:param] from {} \
                 (param as in layers)",
                hidden_names()
            ))
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
        label: "",
        note: none,
        help: "The finish line: a test loss to get below, or an accuracy to reach.",
        values: |_| {
            Values::Text(
                "loss:L, a test loss L from 0.001 to 10, or accuracy:P, a test accuracy of P percent, \
             a whole number from 1 to 100"
                    .into(),
            )
        },
        read: |s, v| read_target(v).map(|x| s.race.target = x),
        write: |s| write_target(s.race.target),
    },
    Key {
        name: "seeds",
        label: "Repeats",
        values: |_| seeds(),
        note: none,
        help: "Seeds a repeat races over.",
        read: |s, v| seeds().read_whole(v).map(|x| s.race.seeds = x as usize),
        write: |s| s.race.seeds.to_string(),
    },
    Key {
        name: "race_steps",
        label: "",
        values: |_| Values::whole(0..=MAX_STEPS, "race steps"),
        note: none,
        help: "Steps to race on opening.",
        read: |s, v| {
            let steps = Values::whole(0..=MAX_STEPS, "race steps").read_whole(v);
            steps.map(|x| s.race.steps = x)
        },
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
        ("loss", value) => loss().read_number(value).map(Target::Loss),
        ("accuracy", value) => accuracy()
            .read_whole(value)
            .map(|p| Target::Accuracy(p as u32)),
        _ => None,
    }
}

fn write_target(target: Target) -> String {
    match target {
        Target::Loss(loss) => format!("loss:{}", number(loss)),
        Target::Accuracy(percent) => format!("accuracy:{percent}"),
    }
}
