#![cfg(not(target_arch = "wasm32"))]
//! Native tests of the activation race: its contestants share the data, the
//! batch order and (where shapes allow) the initial weights exactly;
//! steps-to-target is read correctly from a run's checks; and racing is
//! deterministic for a given seed.

use nnplay::activation::Kind;
use nnplay::config::{HiddenLayer, PlaygroundConfig};
use nnplay::data::DatasetKind;
use nnplay::network::{LayerKind, Network};
use nnplay::race::{Contestant, Progress, Race, RaceConfig, Target, CHECK_EVERY};
use nnplay::train::TrainSettings;

fn race_of(contestants: Vec<Contestant>, base: PlaygroundConfig) -> Race {
    let config = RaceConfig {
        base,
        contestants,
        target: Target::Loss(0.3),
    };
    Race::new(config).expect("the race builds")
}

fn spiral() -> PlaygroundConfig {
    PlaygroundConfig {
        dataset: DatasetKind::Spiral,
        seed: 11,
        hidden: vec![
            HiddenLayer::new(6, Kind::Tanh),
            HiddenLayer::new(5, Kind::Tanh),
        ],
        train: TrainSettings {
            learning_rate: 0.1,
            ..TrainSettings::default()
        },
        ..PlaygroundConfig::default()
    }
}

/// ReLU, sigmoid, PReLU and Maxout with 3 pieces: every kind of layout.
fn mixed_race() -> Race {
    race_of(
        vec![
            Contestant::new(Kind::Relu),
            Contestant::new(Kind::Sigmoid),
            Contestant::with_param(Kind::Prelu, 0.1),
            Contestant::with_param(Kind::Maxout, 3.0),
        ],
        spiral(),
    )
}

fn network(race: &Race, i: usize) -> &Network {
    race.session(i).unwrap().trainer().network()
}

#[test]
fn contestants_share_the_data_and_the_test_set_exactly() {
    let race = mixed_race();
    let first = race.session(0).unwrap();
    for i in 1..race.len() {
        let other = race.session(i).unwrap();
        assert_eq!(other.trainer().train_set().x, first.trainer().train_set().x);
        assert_eq!(other.trainer().train_set().y, first.trainer().train_set().y);
        assert_eq!(other.test_set().x, first.test_set().x);
        assert_eq!(other.test_set().y, first.test_set().y);
    }
}

#[test]
fn contestants_draw_the_same_batches_in_the_same_order() {
    // The sampler is seeded from the config's seed alone, so networks of any
    // activation and shape (Maxout has more parameters) draw alike; 80 steps
    // of 10 cross three epoch boundaries (200 training points), where the
    // order is shuffled again.
    let mut race = mixed_race();
    let mut seen = std::collections::HashSet::new();
    for _ in 0..80 {
        let mut batches = Vec::new();
        for i in 0..race.len() {
            let trainer = race.session_mut(i).unwrap().trainer_mut();
            trainer.step().expect("no divergence");
            batches.push(trainer.batch_indices().to_vec());
        }
        assert!(batches.iter().all(|b| *b == batches[0]), "{batches:?}");
        seen.insert(batches[0].clone());
    }
    assert_eq!(seen.len(), 80, "every step took a new batch");
}

#[test]
fn contestants_of_equal_shape_start_from_bit_identical_weights() {
    let kinds = [Kind::Relu, Kind::Sigmoid, Kind::Tanh, Kind::Elu];
    let race = race_of(kinds.map(Contestant::new).to_vec(), spiral());
    let first = network(&race, 0).params().to_vec();
    for i in 1..race.len() {
        assert_eq!(network(&race, i).params(), &first[..], "contestant {i}");
    }
    // Glorot's scheme for every contestant, whatever its activation.
    for layer in network(&race, 0).layers() {
        let limit = (6.0 / (layer.fan_in() + layer.columns()) as f64).sqrt();
        let w = &first[layer.w_range()];
        assert!(w.iter().all(|v| v.abs() <= limit), "within Glorot's limit");
        assert!(
            w.iter().any(|v| v.abs() > limit / 2.0),
            "and spread over it"
        );
    }
}

#[test]
fn prelu_and_maxout_share_every_weight_their_shape_allows() {
    let race = mixed_race();
    let relu = network(&race, 0);
    let prelu = network(&race, 2);
    let maxout = network(&race, 3);
    for (l, shared) in relu.layers().iter().enumerate() {
        let (p, m) = (&prelu.layers()[l], &maxout.layers()[l]);
        let w = &relu.params()[shared.w_range()];
        assert_eq!(&prelu.params()[p.w_range()], w, "PReLU layer {l}: W");
        assert_eq!(
            &prelu.params()[p.b_range()],
            &relu.params()[shared.b_range()]
        );
        if let LayerKind::Prelu { .. } = p.kind() {
            assert!(prelu.params()[p.slope_range()].iter().all(|&s| s == 0.1));
        }
        // Maxout: piece 1 of unit j holds unit j's weights; the others differ.
        let k = m.columns() / m.units();
        let mw = &maxout.params()[m.w_range()];
        for row in 0..m.fan_in() {
            for j in 0..m.units() {
                let unit = w[row * shared.columns() + j];
                assert_eq!(
                    mw[row * m.columns() + j * k],
                    unit,
                    "layer {l} row {row} unit {j}"
                );
                for piece in 1..k {
                    assert_ne!(mw[row * m.columns() + j * k + piece], unit);
                }
            }
        }
    }
}

#[test]
fn two_maxout_races_with_the_same_pieces_start_alike_and_reset_returns_there() {
    let maxout = |other: Kind| {
        vec![
            Contestant::with_param(Kind::Maxout, 2.0),
            Contestant::new(other),
        ]
    };
    let mut a = race_of(maxout(Kind::Relu), spiral());
    let b = race_of(maxout(Kind::Tanh), spiral());
    let start = network(&a, 0).params().to_vec();
    assert_eq!(network(&b, 0).params(), &start[..]);
    a.run(30);
    assert_ne!(network(&a, 0).params(), &start[..]);
    a.reset();
    assert_eq!(network(&a, 0).params(), &start[..]);
    assert_eq!(a.step_count(), 0);
}

/// The first step at which `history` (step, loss, accuracy) met `target`, by a plain scan.
fn scan(history: &[(u64, f64, f64)], target: Target) -> Option<u64> {
    history
        .iter()
        .find(|&&(_, loss, accuracy)| target.is_met(loss, accuracy))
        .map(|&(step, _, _)| step)
}

#[test]
fn steps_to_target_is_read_from_a_scripted_history() {
    let history = [
        (0, 0.69, 0.50),
        (10, 0.52, 0.71),
        (20, 0.55, 0.69),
        (30, f64::NAN, f64::NAN),
        (40, 0.31, 0.88),
        (50, 0.35, 0.95),
        (60, 0.099, 0.93),
        (70, 0.1, 1.0),
    ];
    let mut progress = Progress::default();
    for &(step, loss, accuracy) in &history {
        progress.offer(step, loss, accuracy);
    }
    let expected = [
        (Target::Loss(0.69), Some(0)),
        (Target::Loss(0.53), Some(10)),
        (Target::Loss(0.31), Some(40)),
        (Target::Loss(0.1), Some(60)),
        (Target::Loss(0.099), Some(60)),
        (Target::Loss(0.05), None),
        (Target::Accuracy(70), Some(10)),
        (Target::Accuracy(95), Some(50)),
        (Target::Accuracy(100), Some(70)),
    ];
    for (target, steps) in expected {
        assert_eq!(progress.reached(target), steps, "{target}");
        assert_eq!(progress.reached(target), scan(&history, target), "{target}");
    }
    for k in 1..=1000 {
        let target = Target::Loss(f64::from(k) / 1000.0);
        assert_eq!(progress.reached(target), scan(&history, target), "{target}");
    }
    for percent in 1..=100 {
        let target = Target::Accuracy(percent);
        assert_eq!(progress.reached(target), scan(&history, target), "{target}");
    }
}

#[test]
fn a_race_checks_on_whole_multiples_and_matches_its_runs_losses() {
    let mut race = race_of(
        vec![Contestant::new(Kind::Relu), Contestant::new(Kind::Tanh)],
        spiral(),
    );
    race.set_target(Target::Accuracy(60)).unwrap();
    race.run(2000);
    let reached = race
        .reached(0)
        .expect("ReLU reaches 60% on the spiral in 2000 steps");
    assert_eq!(reached % CHECK_EVERY, 0);
    assert!(reached > 0);
    // Lowering the bar can only bring the finish forward, and is read back without rerunning.
    race.set_target(Target::Accuracy(55)).unwrap();
    assert!(race.reached(0).unwrap() <= reached);
}

#[test]
fn racing_is_deterministic_however_it_is_stepped() {
    let contestants = vec![
        Contestant::new(Kind::Relu),
        Contestant::new(Kind::Tanh),
        Contestant::new(Kind::Sigmoid),
    ];
    let mut whole = race_of(contestants.clone(), spiral());
    let mut pieces = race_of(contestants.clone(), spiral());
    whole.run(1234);
    for chunk in [1, 7, 13, 250, 963] {
        pieces.run(chunk);
    }
    assert_eq!(whole.step_count(), 1234);
    assert_eq!(pieces.step_count(), 1234);
    for i in 0..whole.len() {
        assert_eq!(network(&whole, i).params(), network(&pieces, i).params());
        assert_eq!(whole.reached(i), pieces.reached(i));
        let (a, b) = (
            whole.session(i).unwrap().latest(),
            pieces.session(i).unwrap().latest(),
        );
        assert_eq!(a.test_loss.to_bits(), b.test_loss.to_bits());
    }
    let other = PlaygroundConfig {
        seed: 12,
        ..spiral()
    };
    let mut reseeded = race_of(contestants, other);
    reseeded.run(1234);
    assert_ne!(network(&reseeded, 0).params(), network(&whole, 0).params());
}

#[test]
fn a_diverging_contestant_stops_while_the_others_race_on() {
    let base = PlaygroundConfig {
        train: TrainSettings {
            learning_rate: 10.0,
            ..spiral().train
        },
        ..spiral()
    };
    let mut race = race_of(
        vec![Contestant::new(Kind::Elu), Contestant::new(Kind::Sigmoid)],
        base,
    );
    race.run(3000);
    let diverged = race
        .diverged_at(0)
        .expect("ELU at a learning rate of 10 blows up");
    assert!(race.session(0).unwrap().trainer().step_count() < diverged);
    assert_eq!(
        race.diverged_at(1),
        None,
        "sigmoid saturates instead of blowing up"
    );
    assert_eq!(race.session(1).unwrap().trainer().step_count(), 3000);
}
