#![cfg(not(target_arch = "wasm32"))]
//! Native tests of a race worked a piece at a time (`Race::work`), as the
//! page catches up with a link's `race_steps`: every piece is one stage of
//! one contestant's step or one check, and however the pieces fall the runs
//! end with the same bits as `Race::run` gives.

use nnplay::activation::Kind;
use nnplay::config::{HiddenLayer, PlaygroundConfig};
use nnplay::data::DatasetKind;
use nnplay::race::{Contestant, Race, RaceConfig, Repeat, Target, CHECK_EVERY};
use nnplay::train::{Stage, TrainSettings};

fn race(learning_rate: f64) -> Race {
    let base = PlaygroundConfig {
        dataset: DatasetKind::Spiral,
        seed: 5,
        hidden: vec![
            HiddenLayer::new(6, Kind::Tanh),
            HiddenLayer::new(5, Kind::Tanh),
        ],
        train: TrainSettings {
            learning_rate,
            ..TrainSettings::default()
        },
        ..PlaygroundConfig::default()
    };
    let contestants = vec![
        Contestant::new(Kind::Relu),
        Contestant::new(Kind::Sigmoid),
        Contestant::with_param(Kind::Prelu, 0.1),
        Contestant::with_param(Kind::Maxout, 3.0),
    ];
    let config = RaceConfig {
        base,
        contestants,
        target: Target::Accuracy(60),
    };
    Race::new(config).expect("the race builds")
}

/// A contestant's parameters as bits, its step, its steps-to-target and its divergence.
type RunState = (Vec<u64>, u64, Option<u64>, Option<u64>);

/// Every contestant's `RunState`.
fn state(race: &Race) -> Vec<RunState> {
    (0..race.len())
        .map(|i| {
            let trainer = race.session(i).unwrap().trainer();
            let bits = trainer.network().params().iter().map(|p| p.to_bits());
            (
                bits.collect(),
                trainer.step_count(),
                race.reached(i),
                race.diverged_at(i),
            )
        })
        .collect()
}

#[test]
fn a_race_worked_in_pieces_ends_with_the_bits_of_one_run_whole() {
    let mut whole = race(0.1);
    whole.run(437);
    assert!(
        whole.reached(0).is_some(),
        "the comparison covers a target met"
    );
    // Pieces of every size, with records (as the page makes before drawing)
    // between them, some of them part-way through a contestant's step.
    let mut pieces = race(0.1);
    let sizes = [1, 2, 3, 5, 8, 13, 21, 34, 55, 89];
    let mut calls = 0;
    while pieces.work(437, sizes[calls % sizes.len()]) > 0 {
        calls += 1;
        if calls % 7 == 0 {
            pieces.record(calls % pieces.len());
        }
    }
    assert_eq!(pieces.step_count(), 437);
    assert_eq!(state(&pieces), state(&whole));
    for i in 0..whole.len() {
        pieces.record(i);
        let (a, b) = (
            whole.session(i).unwrap().latest(),
            pieces.session(i).unwrap().latest(),
        );
        assert_eq!(
            a.test_loss.to_bits(),
            b.test_loss.to_bits(),
            "contestant {i}"
        );
        assert_eq!(
            a.train_loss.to_bits(),
            b.train_loss.to_bits(),
            "contestant {i}"
        );
    }
    // `run` after pieces goes on from where they stopped, as one run would.
    whole.run(63);
    pieces.run(63);
    assert_eq!(state(&pieces), state(&whole));
}

#[test]
fn a_piece_is_one_stage_of_one_contestant_or_one_check() {
    let mut race = race(0.1);
    let stages = |race: &Race| -> Vec<(u64, Stage)> {
        (0..race.len())
            .map(|i| {
                let trainer = race.session(i).unwrap().trainer();
                (trainer.step_count(), trainer.next_stage())
            })
            .collect()
    };
    let start = stages(&race);
    // One piece moves the first contestant on by one stage and no one else.
    assert_eq!(race.work(1, 1), 1);
    let after = stages(&race);
    assert_eq!(after[0], (0, Stage::Forward));
    assert_eq!(&after[1..], &start[1..]);
    assert_eq!(race.step_count(), 0);
    // Four stages a contestant: step 1 is done after 16 pieces in all.
    assert_eq!(race.work(1, 14), 14);
    assert_eq!(race.step_count(), 0, "the last contestant's update is due");
    assert_eq!(race.work(1, 100), 1);
    assert_eq!(race.step_count(), 1);
    assert_eq!(race.work(1, 100), 0, "nothing is left to reach step 1");
    // Steps 2 to 10: 4 × 4 pieces each, and a check for every contestant at step 10.
    assert_eq!(race.work(CHECK_EVERY, u64::MAX), 9 * 16 + 4);
    assert_eq!(race.step_count(), CHECK_EVERY);
}

#[test]
fn worked_in_pieces_a_diverging_contestant_stops_while_the_others_race_on() {
    let mut whole = race(10.0);
    whole.run(300);
    let mut pieces = race(10.0);
    while pieces.work(300, 3) > 0 {}
    assert!(
        (0..whole.len()).any(|i| whole.diverged_at(i).is_some()),
        "a learning rate of 10 makes some contestant diverge"
    );
    assert!((0..whole.len()).any(|i| whole.diverged_at(i).is_none()));
    assert_eq!(pieces.step_count(), 300);
    assert_eq!(state(&pieces), state(&whole));
}

#[test]
fn reset_part_way_through_a_step_starts_the_race_afresh() {
    let mut fresh = race(0.1);
    fresh.run(25);
    let mut race = race(0.1);
    race.work(30, 39);
    race.reset();
    assert_eq!(race.step_count(), 0);
    race.run(25);
    assert_eq!(state(&race), state(&fresh));
}

#[test]
fn a_repeat_worked_in_pieces_gives_the_outcomes_of_one_stepped_whole() {
    let config = |target| RaceConfig {
        target,
        ..race(0.1).config().clone()
    };
    // Targets some runs meet within the limit and some do not.
    for target in [Target::Accuracy(60), Target::Accuracy(65)] {
        let mut whole = Repeat::new(config(target), 3, 300).unwrap();
        while !whole.step(1000).unwrap() {}
        let mut pieces = Repeat::new(config(target), 3, 300).unwrap();
        let sizes = [1, 2, 3, 5, 8, 13, 21, 34, 55, 89];
        let mut calls = 0;
        let mut progress = 0.0;
        while pieces.work(sizes[calls % sizes.len()]).unwrap() > 0 {
            calls += 1;
            assert!(pieces.progress() >= progress, "progress only grows");
            progress = pieces.progress();
        }
        assert!(pieces.is_finished());
        assert_eq!(pieces.progress(), 1.0);
        for i in 0..4 {
            assert_eq!(
                pieces.outcomes(i),
                whole.outcomes(i),
                "{target:?}, contestant {i}"
            );
        }
        let outcomes: Vec<_> = (0..4).flat_map(|i| whole.outcomes(i).to_vec()).collect();
        let reached = outcomes.iter().flatten().count();
        assert!(reached > 0 && reached < 12, "{target:?}: {outcomes:?}");
        if target == Target::Accuracy(65) {
            // The check at the limit itself counts: a run worked in pieces
            // must make it before the run counts as finished.
            assert!(outcomes.contains(&Some(300)), "{outcomes:?}");
        }
    }
}

#[test]
fn a_repeat_piece_is_one_stage_one_check_or_one_contestant_built() {
    let mut repeat = Repeat::new(race(0.1).config().clone(), 2, 20).unwrap();
    // The first seed's race: its shared start, then one contestant a piece.
    assert_eq!(repeat.work(4).unwrap(), 4);
    assert_eq!(repeat.progress(), 0.0);
    assert_eq!(repeat.work(1).unwrap(), 1, "the fourth contestant is built");
    assert_eq!(repeat.progress(), 0.0);
    // The first run's 10 steps of 4 stages and its check, then 30 more pieces.
    assert_eq!(repeat.work(41).unwrap(), 41);
    let first = repeat.progress();
    assert!(first > 0.0, "{first}");
    assert_eq!(repeat.work(30).unwrap(), 30);
    assert!(repeat.progress() > first);
    while repeat.work(1).unwrap() > 0 {}
    assert!(repeat.is_finished());
    assert_eq!(repeat.work(100).unwrap(), 0, "nothing is left");
}

#[test]
fn a_repeat_stepped_after_pieces_began_a_race_finishes_that_race() {
    let config = race(0.1).config().clone();
    let mut whole = Repeat::new(config.clone(), 2, 100).unwrap();
    while !whole.step(1000).unwrap() {}
    let mut mixed = Repeat::new(config, 2, 100).unwrap();
    mixed.work(3).unwrap();
    while !mixed.step(7).unwrap() {
        mixed.work(2).unwrap();
    }
    for i in 0..4 {
        assert_eq!(mixed.outcomes(i), whole.outcomes(i), "contestant {i}");
    }
}
