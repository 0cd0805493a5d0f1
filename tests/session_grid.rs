#![cfg(not(target_arch = "wasm32"))]
//! Native tests of the loss history's grid: records are kept at every
//! `record_every` steps however the run was driven (Step, Play's frames,
//! Epoch, stages, a link's catch-up in pieces), with one tail record of
//! where the run stands, so a shared link brings back the sender's chart.

mod common;

use common::history;
use nnplay::activation::Kind;
use nnplay::config::{HiddenLayer, PlaygroundConfig};
use nnplay::data::DatasetKind;
use nnplay::session::Session;
use nnplay::train::{Stage, TrainSettings};

fn session() -> Session {
    with_batch(10)
}

fn with_batch(batch_size: usize) -> Session {
    Session::new(PlaygroundConfig {
        dataset: DatasetKind::Circle,
        seed: 5,
        hidden: vec![
            HiddenLayer::new(6, Kind::Tanh),
            HiddenLayer::new(4, Kind::Tanh),
        ],
        train: TrainSettings {
            batch_size,
            ..TrainSettings::default()
        },
        ..PlaygroundConfig::default()
    })
    .unwrap()
}

#[test]
fn a_run_of_steps_and_frames_keeps_the_chart_of_a_catch_up_to_the_same_step() {
    let mut mixed = session();
    let every = mixed.record_every();
    assert_eq!(every, 25, "250 samples in batches of 10");
    // Step three times, play four frames, step twice, an epoch, two stages' worth of a step.
    for _ in 0..3 {
        mixed.run(1).unwrap();
    }
    for _ in 0..4 {
        let frame = mixed.steps_to_record() as usize;
        mixed.run(frame).unwrap();
    }
    mixed.run(1).unwrap();
    mixed.run(1).unwrap();
    mixed.epoch().unwrap();
    for stage in [
        Stage::SampleBatch,
        Stage::Forward,
        Stage::Backward,
        Stage::Update,
    ] {
        mixed.run_stage(stage).unwrap();
    }
    let target = mixed.trainer().step_count();
    assert!(
        !target.is_multiple_of(every),
        "the run ends between records: {target}"
    );

    // The link's catch-up: pieces of work, a record at each record step and at the end.
    let mut replay = session();
    while replay.trainer().step_count() < target {
        let end = (replay.trainer().step_count() + replay.steps_to_record()).min(target);
        while replay.work(end, 3).unwrap() > 0 {}
        replay.settle();
    }
    assert_eq!(history(&replay), history(&mixed));
    let steps: Vec<u64> = mixed.history().records().iter().map(|r| r.step).collect();
    assert!(
        steps[..steps.len() - 1].iter().all(|s| s % every == 0),
        "{steps:?}"
    );
    assert_eq!(
        *steps.last().unwrap(),
        target,
        "the tail is where the run stands"
    );

    // One long run reaches the same chart too.
    let mut whole = session();
    whole.run(target as usize).unwrap();
    assert_eq!(history(&whole), history(&mixed));
}

#[test]
fn a_tail_is_replaced_and_never_counts_towards_decimation() {
    // A record every 3 steps at a batch of 100: past HISTORY_LIMIT records the stride doubles.
    let (mut stepped, mut played) = (with_batch(100), with_batch(100));
    assert_eq!(stepped.record_every(), 3);
    let steps = 3 * 1200 + 2;
    for _ in 0..steps {
        stepped.run(1).unwrap();
    }
    played.run(steps).unwrap();
    assert_eq!(history(&stepped), history(&played));
    assert!(stepped.history().records().len() <= nnplay::session::HISTORY_LIMIT + 1);
}
