#![cfg(not(target_arch = "wasm32"))]
//! Native tests of the training view's state: building a run from the page's
//! settings, running, resetting, bounded history, divergence and limits.

use nnplay::activation::Kind;
use nnplay::config::{HiddenLayer, PlaygroundConfig};
use nnplay::data::DatasetKind;
use nnplay::metrics::Evaluator;
use nnplay::session::{Session, HISTORY_LIMIT};
use nnplay::train::{Regularization, TrainError, TrainSettings};

fn session(config: PlaygroundConfig) -> Session {
    Session::new(config).expect("a valid config")
}

#[test]
fn the_default_run_learns_the_circle() {
    // The page's default: circle, 500 points, half for training, tanh 4-2, lr 0.03, batch 10.
    let mut run = session(PlaygroundConfig::default());
    assert_eq!(run.latest().step, 0);
    let initial = run.latest();
    assert!((initial.train_loss - 2f64.ln()).abs() < 0.1, "{initial:?}");
    run.run(3000).unwrap();
    let now = run.latest();
    assert_eq!(now.step, 3000);
    assert!(now.test_accuracy >= 0.95, "{now:?}");
    assert!(now.test_loss < 0.15, "{now:?}");
}

#[test]
fn reset_returns_to_the_initial_weights_and_the_same_trajectory() {
    let mut run = session(PlaygroundConfig::default());
    let initial = run.latest();
    run.run(40).unwrap();
    let after_40 = run.latest();
    run.reset();
    assert_eq!(
        run.latest().train_loss.to_bits(),
        initial.train_loss.to_bits()
    );
    assert_eq!(run.history().records().len(), 1);
    run.run(40).unwrap();
    assert_eq!(
        run.latest().test_loss.to_bits(),
        after_40.test_loss.to_bits()
    );
}

#[test]
fn the_same_settings_give_the_same_run() {
    let config = PlaygroundConfig {
        dataset: DatasetKind::Spiral3,
        noise: 0.2,
        seed: 42,
        hidden: vec![
            HiddenLayer::new(8, Kind::Relu),
            HiddenLayer::new(8, Kind::Elu),
        ],
        ..PlaygroundConfig::default()
    };
    let (mut a, mut b) = (session(config.clone()), session(config));
    a.run(77).unwrap();
    b.run(77).unwrap();
    assert_eq!(
        a.latest().train_loss.to_bits(),
        b.latest().train_loss.to_bits()
    );
    assert_eq!(
        a.latest().test_accuracy.to_bits(),
        b.latest().test_accuracy.to_bits()
    );
}

#[test]
fn history_stays_bounded_and_in_order_over_long_runs() {
    let mut run = session(PlaygroundConfig {
        hidden: vec![HiddenLayer::new(2, Kind::Relu)],
        points: 40,
        ..PlaygroundConfig::default()
    });
    // A step (a tail record) and on to the next kept one, 1500 times:
    // past HISTORY_LIMIT kept records, so the history decimates.
    for _ in 0..1500 {
        run.run(1).unwrap();
        let to_record = run.steps_to_record() as usize;
        run.run(to_record).unwrap();
    }
    let end = 1500 * run.record_every();
    let records = run.history().records();
    assert!(records.len() <= HISTORY_LIMIT, "{}", records.len());
    assert!(records.len() >= HISTORY_LIMIT / 2, "{}", records.len());
    assert_eq!(records[0].step, 0);
    assert!(records.windows(2).all(|w| w[0].step < w[1].step));
    assert!(
        records.last().unwrap().step > end * 4 / 5,
        "{:?}",
        records.last()
    );
    assert_eq!(run.latest().step, end);
}

#[test]
fn a_huge_learning_rate_diverges_and_stays_stopped() {
    let mut run = session(PlaygroundConfig {
        dataset: DatasetKind::Plane,
        hidden: vec![HiddenLayer::new(4, Kind::Sigmoid)],
        train: TrainSettings {
            learning_rate: 10.0,
            ..TrainSettings::default()
        },
        ..PlaygroundConfig::default()
    });
    let error = run.run(10_000).unwrap_err();
    let TrainError::Diverged { step } = error else {
        panic!("expected divergence, got {error:?}");
    };
    assert!(step < 10_000);
    assert_eq!(
        error.to_string(),
        format!("diverged at step {step} — lower the learning rate")
    );
    assert_eq!(run.run(1).unwrap_err(), TrainError::Diverged { step });
    assert_eq!(
        run.trainer().step_count(),
        step - 1,
        "the diverging step did not count"
    );
    assert!(run
        .trainer()
        .network()
        .params()
        .iter()
        .all(|p| p.is_finite()));
    run.reset();
    assert_eq!(run.latest().step, 0);
    run.set_settings(0.01, 10, 0.0).unwrap();
    run.run(100).unwrap();
}

#[test]
fn settings_outside_the_limits_are_refused_with_their_name() {
    let bad = |config: PlaygroundConfig| Session::new(config).unwrap_err().to_string();
    let base = PlaygroundConfig::default;
    let lr = bad(PlaygroundConfig {
        train: TrainSettings {
            learning_rate: 0.0,
            ..base().train
        },
        ..base()
    });
    assert_eq!(
        lr,
        "learning_rate must be a number from 0.00001 to 10, got 0"
    );
    let big = bad(PlaygroundConfig {
        train: TrainSettings {
            learning_rate: 1e9,
            ..base().train
        },
        ..base()
    });
    assert_eq!(
        big,
        "learning_rate must be a number from 0.00001 to 10, got 1000000000"
    );
    let units = bad(PlaygroundConfig {
        hidden: vec![HiddenLayer::new(65, Kind::Tanh)],
        ..base()
    });
    assert_eq!(units, "units must be 1 to 64 per layer, got 65");
    let layers = bad(PlaygroundConfig {
        hidden: vec![HiddenLayer::new(2, Kind::Tanh); 7],
        ..base()
    });
    assert_eq!(layers, "hidden layers must be 0 to 6 layers, got 7");
    let softmax = bad(PlaygroundConfig {
        hidden: vec![HiddenLayer::new(2, Kind::Softmax)],
        ..base()
    });
    assert!(softmax.contains("activation"), "{softmax}");
    let noise = bad(PlaygroundConfig {
        noise: 0.9,
        ..base()
    });
    assert!(noise.contains("noise"), "{noise}");
    let batch = bad(PlaygroundConfig {
        train: TrainSettings {
            batch_size: 0,
            ..base().train
        },
        ..base()
    });
    assert!(batch.contains("batch_size"), "{batch}");
    let l2 = bad(PlaygroundConfig {
        train: TrainSettings {
            regularization: Regularization::L2(-1.0),
            ..base().train
        },
        ..base()
    });
    assert_eq!(
        l2,
        "regularisation rate must be a number from 0 to 10, got -1"
    );
}

#[test]
fn settings_change_without_losing_the_weights() {
    let mut run = session(PlaygroundConfig::default());
    run.run(10).unwrap();
    let params = run.trainer().network().params().to_vec();
    run.set_settings(0.1, 25, 0.001).unwrap();
    assert_eq!(run.trainer().network().params(), &params[..]);
    assert_eq!(run.trainer().settings().batch_size, 25);
    let error = run.set_settings(0.1, 251, 0.0).unwrap_err().to_string();
    assert!(
        error.contains("batch_size") && error.contains("250"),
        "{error}"
    );
    assert_eq!(
        run.trainer().settings().batch_size,
        25,
        "a refused change changes nothing"
    );
}

#[test]
fn every_hidden_activation_and_dataset_builds_and_trains() {
    for dataset in DatasetKind::ALL {
        for kind in [
            Kind::Identity,
            Kind::Sigmoid,
            Kind::Tanh,
            Kind::Relu,
            Kind::LeakyRelu,
            Kind::Prelu,
            Kind::Elu,
            Kind::Maxout,
        ] {
            let mut run = session(PlaygroundConfig {
                dataset,
                points: 60,
                hidden: vec![HiddenLayer::new(3, kind)],
                ..PlaygroundConfig::default()
            });
            run.run(5).unwrap();
            let latest = run.latest();
            assert!(
                latest.train_loss.is_finite(),
                "{dataset} {kind}: {latest:?}"
            );
            assert_eq!(latest.test_accuracy.is_nan(), dataset.is_regression());
        }
    }
}

#[test]
fn the_recorded_training_loss_is_the_trainers_own_to_the_bit() {
    // The record takes the training set's loss and accuracy from the
    // diagnostics' pass over it: the same bits as the trainer's own pass.
    for (dataset, kind) in [
        (DatasetKind::Spiral3, Kind::Tanh),
        (DatasetKind::Plane, Kind::Relu),
    ] {
        let mut run = session(PlaygroundConfig {
            dataset,
            hidden: vec![HiddenLayer::new(6, kind), HiddenLayer::new(3, kind)],
            ..PlaygroundConfig::default()
        });
        run.run(37).unwrap();
        let latest = run.latest();
        let (loss, accuracy) = run.trainer_mut().loss_and_accuracy(None);
        assert_eq!(latest.train_loss.to_bits(), loss.to_bits(), "{dataset:?}");
        assert_eq!(
            latest.train_accuracy.to_bits(),
            accuracy.to_bits(),
            "{dataset:?}"
        );
        assert_eq!(
            accuracy.is_nan(),
            dataset == DatasetKind::Plane,
            "accuracy only for classes"
        );
    }
}

#[test]
fn the_recorded_metrics_are_those_of_a_fresh_evaluation() {
    // The test set's confusion matrix or R² comes from the record's own pass
    // over the test set: the same numbers as evaluating the network anew.
    for dataset in [DatasetKind::Spiral3, DatasetKind::Plane] {
        let mut run = session(PlaygroundConfig {
            dataset,
            ..PlaygroundConfig::default()
        });
        run.run(53).unwrap();
        let recorded = run.metrics().clone();
        let mut fresh = Evaluator::default();
        let (trainer, test) = run.trainer_and_test();
        fresh.evaluate(trainer, test);
        assert_eq!(recorded.classes(), fresh.classes(), "{dataset:?}");
        assert_eq!(recorded.confusion(), fresh.confusion(), "{dataset:?}");
        assert_eq!(
            recorded.r_squared().to_bits(),
            fresh.r_squared().to_bits(),
            "{dataset:?}"
        );
        let counted: u32 = recorded.confusion().iter().sum();
        match recorded.classes() {
            0 => assert!(recorded.r_squared().is_finite(), "R² of a regression"),
            _ => assert_eq!(
                counted as usize,
                test.len(),
                "every test point counted once"
            ),
        }
    }
}

#[test]
fn a_change_of_settings_midway_is_remembered_until_reset() {
    let mut run = session(PlaygroundConfig::default());
    run.set_settings(0.1, 10, 0.0).unwrap();
    assert_eq!(
        run.retuned_at(),
        None,
        "at step 0 a link carries it exactly"
    );
    run.run(7).unwrap();
    run.set_settings(0.1, 10, 0.0).unwrap();
    assert_eq!(run.retuned_at(), None, "the same settings change nothing");
    run.set_settings(0.3, 10, 0.0).unwrap();
    run.run(3).unwrap();
    run.set_settings(0.03, 20, 0.0).unwrap();
    assert_eq!(run.retuned_at(), Some(7), "the first change after step 0");
    run.reset();
    assert_eq!(run.retuned_at(), None);
}
