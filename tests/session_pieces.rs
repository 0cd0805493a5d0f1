#![cfg(not(target_arch = "wasm32"))]
//! Native tests of a run worked a piece at a time (`Session::work`), as the
//! training view catches up with a link's `steps`: a piece is one stage of a
//! step, edits are replayed between steps, and however the pieces fall the
//! run ends with the bits, and the history, that `Session::run` gives.

mod common;

use common::history;
use nnplay::activation::Kind;
use nnplay::config::{HiddenLayer, PlaygroundConfig};
use nnplay::data::DatasetKind;
use nnplay::edits::Edit;
use nnplay::session::Session;
use nnplay::train::{Stage, TrainSettings};

fn config(learning_rate: f64) -> PlaygroundConfig {
    PlaygroundConfig {
        dataset: DatasetKind::Spiral,
        seed: 3,
        hidden: vec![
            HiddenLayer::new(6, Kind::Tanh),
            HiddenLayer::new(5, Kind::Relu),
        ],
        train: TrainSettings {
            learning_rate,
            ..TrainSettings::default()
        },
        edits: vec![
            Edit {
                step: 0,
                index: 2,
                value: 0.5,
            },
            Edit {
                step: 37,
                index: 7,
                value: -1.25,
            },
            Edit {
                step: 120,
                index: 11,
                value: 2.0,
            },
        ],
        ..PlaygroundConfig::default()
    }
}

/// The run's parameters as bits and its step.
fn state(session: &Session) -> (Vec<u64>, u64) {
    let trainer = session.trainer();
    let bits = trainer.network().params().iter().map(|p| p.to_bits());
    (bits.collect(), trainer.step_count())
}

#[test]
fn a_run_worked_in_pieces_and_recorded_as_run_records_ends_with_the_same_bits_and_history() {
    // Runs of 25 steps, as a link's catch-up cuts them, each recorded once.
    let mut whole = Session::new(config(0.1)).unwrap();
    let mut pieces = Session::new(config(0.1)).unwrap();
    let sizes = [1, 2, 3, 5, 8, 13, 21, 34, 55, 89];
    let mut calls = 0;
    for end in (25..=200).step_by(25) {
        whole.run(25).unwrap();
        loop {
            let done = pieces.work(end, sizes[calls % sizes.len()]).unwrap();
            calls += 1;
            if done == 0 {
                break;
            }
        }
        pieces.record();
        assert_eq!(state(&pieces), state(&whole), "at step {end}");
    }
    assert!(calls > 8 * 4, "the steps were cut into many calls: {calls}");
    assert_eq!(history(&pieces), history(&whole));
    assert_eq!(pieces.latest(), whole.latest());
    // `run` after pieces goes on from where they stopped, as one run would.
    whole.run(13).unwrap();
    pieces.run(13).unwrap();
    assert_eq!(state(&pieces), state(&whole));
}

#[test]
fn a_piece_is_one_stage_and_nothing_is_recorded_until_asked() {
    let mut session = Session::new(config(0.1)).unwrap();
    let records = session.history().records().len();
    assert_eq!(session.work(1, 1).unwrap(), 1);
    assert_eq!(session.trainer().next_stage(), Stage::Forward);
    assert_eq!(session.trainer().step_count(), 0);
    assert_eq!(session.work(1, 2).unwrap(), 2);
    assert_eq!(session.trainer().next_stage(), Stage::Update);
    assert_eq!(session.work(1, 100).unwrap(), 1, "the update ends step 1");
    assert_eq!(session.trainer().step_count(), 1);
    assert_eq!(
        session.work(1, 100).unwrap(),
        0,
        "nothing is left to reach step 1"
    );
    assert_eq!(session.work(10, u64::MAX).unwrap(), 9 * 4);
    assert_eq!(
        session.history().records().len(),
        records,
        "work records nothing"
    );
    assert_eq!(session.latest().step, 0);
    session.record();
    assert_eq!(session.latest().step, 10);
    assert_eq!(session.history().records().len(), records + 1);
}

#[test]
fn worked_in_pieces_a_diverging_run_stops_recorded_as_run_stops() {
    let mut whole = Session::new(config(10.0)).unwrap();
    let whole_error = whole.run(500).unwrap_err();
    let mut pieces = Session::new(config(10.0)).unwrap();
    let error = loop {
        match pieces.work(500, 3) {
            Ok(0) => panic!("a learning rate of 10 diverges before step 500"),
            Ok(_) => {}
            Err(error) => break error,
        }
    };
    assert_eq!(error, whole_error);
    assert_eq!(state(&pieces), state(&whole));
    assert_eq!(
        pieces.latest(),
        whole.latest(),
        "the divergence is recorded"
    );
    assert!(
        pieces.work(500, 1).is_err(),
        "a diverged run takes no more pieces"
    );
}
