#![cfg(not(target_arch = "wasm32"))]
//! The optimisers, schedules and regularisation against hand-computed steps.
//!
//! The tiny problem: one point x = (1, 2) with target y = 3, a linear
//! network ŷ = w1·x1 + w2·x2 + b with squared error ½(ŷ − y)², starting at
//! (w1, w2, b) = (0.5, −0.5, 0), one point per batch, lr = 0.1. With
//! e = ŷ − y the gradient is (e·1, e·2, e). At the start ŷ = −0.5, so
//! e = −3.5 and g1 = (−3.5, −7, −3.5). ε = 1e-8, left out of the hand
//! arithmetic, moves the numbers below by less than 1e-8, the tolerance.

mod counting;

use counting::allocations_during;
use nnplay::config::parse_link;
use nnplay::data::{generate, Dataset, DatasetKind};
use nnplay::network::Network;
use nnplay::train::{Optimizer, Regularization, Schedule, TrainSettings, Trainer};

#[global_allocator]
static ALLOCATOR: counting::CountingAllocator = counting::CountingAllocator;

const START: [f64; 3] = [0.5, -0.5, 0.0];

fn settings(optimizer: Optimizer) -> TrainSettings {
    TrainSettings {
        learning_rate: 0.1,
        batch_size: 1,
        optimizer,
        shuffle: false,
        ..TrainSettings::default()
    }
}

/// A trainer of the tiny problem at `START`.
fn tiny(settings: TrainSettings) -> Trainer {
    let config = r#"{"inputs": 2, "seed": 1, "layers": [{"units": 1, "activation": "identity"}]}"#;
    let network = Network::from_json(config).unwrap();
    let point = Dataset {
        x: vec![1.0, 2.0],
        y: vec![3.0],
        classes: 0,
    };
    let mut trainer = Trainer::new(network, point, settings).unwrap();
    trainer.restart_from(&START).unwrap();
    trainer
}

/// The parameters after each of two steps.
fn two_steps(settings: TrainSettings) -> [Vec<f64>; 2] {
    let mut trainer = tiny(settings);
    trainer.step().unwrap();
    let first = trainer.network().params().to_vec();
    trainer.step().unwrap();
    [first, trainer.network().params().to_vec()]
}

fn assert_close(got: &[f64], expected: [f64; 3], what: &str) {
    for (g, e) in got.iter().zip(expected) {
        assert!(
            (g - e).abs() < 1e-8,
            "{what}: got {got:?}, expected {expected:?}"
        );
    }
}

fn check(optimizer: Optimizer, first: [f64; 3], second: [f64; 3]) {
    let [one, two] = two_steps(settings(optimizer));
    assert_close(&one, first, &format!("{optimizer:?}, update 1"));
    assert_close(&two, second, &format!("{optimizer:?}, update 2"));
}

#[test]
fn sgd_matches_hand_computed_steps() {
    // 1: p − 0.1·(−3.5, −7, −3.5) = (0.85, 0.2, 0.35); ŷ = 0.85 + 0.4 + 0.35 = 1.6, e = −1.4.
    // 2: (0.85, 0.2, 0.35) − 0.1·(−1.4, −2.8, −1.4) = (0.99, 0.48, 0.49).
    check(Optimizer::Sgd, [0.85, 0.2, 0.35], [0.99, 0.48, 0.49]);
}

#[test]
fn momentum_matches_hand_computed_steps() {
    // 1: v = g1, so the step is SGD's: (0.85, 0.2, 0.35); g2 = (−1.4, −2.8, −1.4).
    // 2: v = 0.9·(−3.5, −7, −3.5) + g2 = (−4.55, −9.1, −4.55);
    //    (0.85, 0.2, 0.35) + 0.1·(4.55, 9.1, 4.55) = (1.305, 1.11, 0.805).
    let momentum = Optimizer::Momentum { momentum: 0.9 };
    check(momentum, [0.85, 0.2, 0.35], [1.305, 1.11, 0.805]);
}

#[test]
fn nesterov_matches_hand_computed_steps() {
    // 1: v = g1; d = g1 + 0.9·g1 = (−6.65, −13.3, −6.65); p = (1.165, 0.83, 0.665).
    //    ŷ = 1.165 + 1.66 + 0.665 = 3.49, e = 0.49, g2 = (0.49, 0.98, 0.49).
    // 2: v = 0.9·g1 + g2 = (−2.66, −5.32, −2.66); d = g2 + 0.9·v = (−1.904, −3.808, −1.904);
    //    p = (1.165 + 0.1904, 0.83 + 0.3808, 0.665 + 0.1904) = (1.3554, 1.2108, 0.8554).
    let nesterov = Optimizer::Nesterov { momentum: 0.9 };
    check(nesterov, [1.165, 0.83, 0.665], [1.3554, 1.2108, 0.8554]);
}

#[test]
fn adagrad_matches_hand_computed_steps() {
    // 1: G = g1² = (12.25, 49, 12.25); d = g1/√G = (−1, −1, −1); p = (0.6, −0.4, 0.1).
    //    ŷ = 0.6 − 0.8 + 0.1 = −0.1, e = −3.1, g2 = (−3.1, −6.2, −3.1).
    // 2: G = (12.25 + 9.61, 49 + 38.44, …) = (21.86, 87.44, 21.86); √87.44 = 2·√21.86,
    //    so every d = −3.1/√21.86 = −3.1/4.6754679… = −0.6630352…;
    //    p = (0.6663035…, −0.3336965…, 0.1663035…).
    let d = 3.1 / 21.86f64.sqrt();
    let adagrad = Optimizer::Adagrad { epsilon: 1e-8 };
    check(
        adagrad,
        [0.6, -0.4, 0.1],
        [0.6 + 0.1 * d, -0.4 + 0.1 * d, 0.1 + 0.1 * d],
    );
    assert!((d - 0.663_035_24).abs() < 1e-8);
}

#[test]
fn rmsprop_matches_hand_computed_steps() {
    // 1: s = 0.1·g1²; d = g1/(√0.1·|g1|) = −1/√0.1 = −3.1622777 each; p = START + √0.1
    //    = (0.8162278, −0.1837722, 0.3162278); ŷ = 0.5 − 1 + 4·√0.1 = 0.7649111,
    //    e = −2.2350889, g2 = (e, 2e, e).
    // 2: s(w1) = 0.9·1.225 + 0.1·e² = 1.1025 + 0.4995623 = 1.6020623, d(w1) = e/√s = −1.7658553;
    //    s(w2) = 4·s(w1), d(w2) = d(w1): every parameter moves by 0.17658553 more.
    let r = 0.1f64.sqrt();
    let e = 4.0 * r - 3.5;
    let d = e / (1.1025 + 0.1 * e * e).sqrt();
    let rmsprop = Optimizer::RmsProp {
        decay: 0.9,
        epsilon: 1e-8,
    };
    let first = [0.5 + r, -0.5 + r, r];
    check(rmsprop, first, first.map(|p| p - 0.1 * d));
    assert!((d + 1.765_855_3).abs() < 1e-7, "{d}");
}

#[test]
fn adam_matches_hand_computed_steps() {
    // 1: m = 0.1·g1, v = 0.001·g1², m̂ = g1, v̂ = g1², d = g1/|g1| = −1: p = (0.6, −0.4, 0.1);
    //    g2 = (−3.1, −6.2, −3.1).
    // 2: m(w1) = 0.9·0.1·(−3.5) + 0.1·(−3.1) = −0.625;
    //    v(w1) = 0.999·0.001·12.25 + 0.001·9.61 = 0.02184775;
    //    m̂ = −0.625/(1 − 0.81) = −3.2894737, v̂ = 0.02184775/(1 − 0.998001) = 10.929340,
    //    d = −3.2894737/3.3059552 = −0.9950146: w1 = 0.6 + 0.0995015 = 0.6995015.
    //    w2's m and v are 2 and 4 times w1's, so d is the same; so is b's.
    let d = (-0.625 / 0.19) / (0.021_847_75f64 / 0.001_999).sqrt();
    let adam = Optimizer::Adam {
        beta1: 0.9,
        beta2: 0.999,
        epsilon: 1e-8,
    };
    let first = [0.6, -0.4, 0.1];
    check(adam, first, first.map(|p| p - 0.1 * d));
    assert!((d + 0.995_014_6).abs() < 1e-7, "{d}");
}

#[test]
fn l2_shrinks_each_weight_by_one_minus_lr_lambda() {
    // w ← w·(1 − 0.1·0.5) − 0.1·g: w1 = 0.5·0.95 + 0.35 = 0.825, w2 = −0.475 + 0.7 = 0.225;
    // the bias has no penalty: b = 0.35.
    let [one, _] = two_steps(TrainSettings {
        regularization: Regularization::L2(0.5),
        ..settings(Optimizer::Sgd)
    });
    assert_close(&one, [0.825, 0.225, 0.35], "L2");
}

#[test]
fn l1_cuts_a_weight_that_crosses_zero_and_holds_one_the_data_pulls_weakly() {
    // λ = 5. 1: w1: g = −3.5 + 5 = 1.5 → 0.35; w2: g = −7 − 5 = −12 → −0.5 + 1.2 = 0.7,
    //    across 0, so exactly 0; b = 0.35 (no penalty).
    // 2: ŷ = 0.7, e = −2.3; w1: g = −2.3 + 5 = 2.7 → 0.08; w2 sits at 0 and the data's
    //    pull |−4.6| ≤ 5, so it stays exactly 0; b = 0.35 + 0.23 = 0.58.
    let [one, two] = two_steps(TrainSettings {
        regularization: Regularization::L1(5.0),
        ..settings(Optimizer::Sgd)
    });
    assert_close(&one, [0.35, 0.0, 0.35], "L1, update 1");
    assert_eq!(one[1].to_bits(), 0.0f64.to_bits(), "exactly +0");
    assert_close(&two, [0.08, 0.0, 0.58], "L1, update 2");
    assert_eq!(two[1].to_bits(), 0.0f64.to_bits());
    // λ = 1: w2 is cut in step 1 as before (−0.5 + 0.8 crosses 0), but in step 2 the
    // data pulls harder than λ (|−3.8| > 1), so it moves off 0: 0 + 0.38.
    let [_, two] = two_steps(TrainSettings {
        regularization: Regularization::L1(1.0),
        ..settings(Optimizer::Sgd)
    });
    assert_close(&two, [0.84, 0.38, 0.54], "L1 at λ = 1, update 2");
}

#[test]
fn l1_at_a_large_rate_makes_every_weight_exactly_zero_with_any_optimizer() {
    for optimizer in Optimizer::ALL {
        let (train, _) = generate(DatasetKind::Circle, 200, 0.1, 0.5, 4).unwrap();
        let config = r#"{"inputs": 2, "seed": 3, "layers": [{"units": 6, "activation": "tanh"},
            {"units": 3, "activation": "relu"}, {"units": 2, "activation": "softmax"}]}"#;
        let network = Network::from_json(config).unwrap();
        let settings = TrainSettings {
            learning_rate: 0.03,
            regularization: Regularization::L1(10.0),
            optimizer,
            ..TrainSettings::default()
        };
        let mut trainer = Trainer::new(network, train, settings).unwrap();
        for _ in 0..300 {
            trainer.step().unwrap();
        }
        let network = trainer.network();
        for layer in network.layers() {
            let weights = &network.params()[layer.w_range()];
            assert!(
                weights.iter().all(|&w| w == 0.0),
                "{optimizer:?}: {weights:?}"
            );
        }
    }
}

#[test]
fn schedules_give_the_documented_rates() {
    let step = Schedule::Step {
        every: 10,
        factor: 0.5,
    };
    let rates = [0, 9, 10, 25].map(|t| step.rate(0.1, t));
    assert_eq!(rates, [0.1, 0.1, 0.05, 0.025]);
    let exp = Schedule::Exponential {
        every: 10,
        factor: 0.5,
    };
    // 0.1·0.5^(5/10) = 0.1/√2; 0.1·0.5^(20/10) = 0.025.
    assert!((exp.rate(0.1, 5) - 0.1 / 2f64.sqrt()).abs() < 1e-15);
    assert!((exp.rate(0.1, 20) - 0.025).abs() < 1e-15);
    assert_eq!(Schedule::Constant.rate(0.1, 1_000_000), 0.1);
}

#[test]
fn the_trainer_steps_at_the_schedules_rate() {
    // Halving every update: 1 at lr 0.1 → (0.85, 0.2, 0.35), g2 = (−1.4, −2.8, −1.4);
    // 2 at lr 0.05 → (0.92, 0.34, 0.42); the next update's rate is 0.025.
    let halving = TrainSettings {
        schedule: Schedule::Step {
            every: 1,
            factor: 0.5,
        },
        ..settings(Optimizer::Sgd)
    };
    let mut trainer = tiny(halving);
    trainer.step().unwrap();
    trainer.step().unwrap();
    assert_close(trainer.network().params(), [0.92, 0.34, 0.42], "step decay");
    assert_eq!(trainer.next_learning_rate(), 0.025);
    trainer.reset();
    assert_eq!(trainer.next_learning_rate(), 0.1);
}

#[test]
fn reset_clears_the_optimizers_memory() {
    let adam = Optimizer::ALL[5];
    let mut trainer = tiny(settings(adam));
    let run = |trainer: &mut Trainer| {
        (0..5).for_each(|_| {
            trainer.step().unwrap();
        });
        trainer.network().params().to_vec()
    };
    let first = run(&mut trainer);
    trainer.reset();
    assert_eq!(trainer.optimizer_state().updates(), 0);
    assert_eq!(run(&mut trainer), first);
}

#[test]
fn a_new_optimizer_starts_afresh_and_new_hyper_parameters_keep_the_memory() {
    let mut trainer = tiny(settings(Optimizer::Momentum { momentum: 0.9 }));
    trainer.step().unwrap();
    let velocity = trainer.optimizer_state().first().to_vec();
    trainer
        .set_settings(settings(Optimizer::Momentum { momentum: 0.5 }))
        .unwrap();
    assert_eq!(trainer.optimizer_state().first(), &velocity[..]);
    trainer.set_settings(settings(Optimizer::ALL[5])).unwrap();
    assert!(trainer.optimizer_state().first().iter().all(|&v| v == 0.0));
}

#[test]
fn momentum_at_a_huge_rate_still_diverges_cleanly() {
    let mut trainer = tiny(TrainSettings {
        learning_rate: 10.0,
        ..settings(Optimizer::Momentum { momentum: 0.99 })
    });
    let error = (0..2000)
        .find_map(|_| trainer.step().err())
        .expect("diverges");
    assert!(error.to_string().starts_with("diverged at step"), "{error}");
    assert!(trainer.network().params().iter().all(|p| p.is_finite()));
}

#[test]
fn bad_hyper_parameters_give_errors_naming_them() {
    let message = |settings: TrainSettings| {
        let config =
            r#"{"inputs": 2, "seed": 1, "layers": [{"units": 1, "activation": "identity"}]}"#;
        let point = Dataset {
            x: vec![1.0, 2.0],
            y: vec![3.0],
            classes: 0,
        };
        let network = Network::from_json(config).unwrap();
        Trainer::new(network, point, settings)
            .unwrap_err()
            .to_string()
    };
    let cases = [
        (
            settings(Optimizer::Momentum { momentum: 1.0 }),
            "momentum must be a number from 0 up to but not including 1, got 1",
        ),
        (
            settings(Optimizer::RmsProp {
                decay: -0.1,
                epsilon: 1e-8,
            }),
            "RMSProp decay must be a number from 0 up to but not including 1, got -0.1",
        ),
        (
            settings(Optimizer::Adam {
                beta1: 0.9,
                beta2: f64::NAN,
                epsilon: 1e-8,
            }),
            "Adam beta2 must be a number from 0 up to but not including 1, got NaN",
        ),
        (
            settings(Optimizer::Adagrad { epsilon: 0.0 }),
            "epsilon must be a number from 1e-12 up to but not including 1, got 0",
        ),
        (
            TrainSettings {
                schedule: Schedule::Step {
                    every: 0,
                    factor: 0.5,
                },
                ..settings(Optimizer::Sgd)
            },
            "decay interval must be a whole number of updates from 1 to 1000000, got 0",
        ),
        (
            TrainSettings {
                schedule: Schedule::Exponential {
                    every: 5,
                    factor: 1.5,
                },
                ..settings(Optimizer::Sgd)
            },
            "decay factor must be a number above 0 and at most 1, got 1.5",
        ),
        (
            TrainSettings {
                regularization: Regularization::L1(11.0),
                ..settings(Optimizer::Sgd)
            },
            "regularisation rate must be a number from 0 to 10, got 11",
        ),
    ];
    for (settings, expected) in cases {
        assert_eq!(message(settings), expected);
    }
}

#[test]
fn link_keys_choose_the_optimizer_schedule_and_regularization() {
    let (state, problems) = parse_link(
        "opt=adam&beta1=0.8&eps=1e-6&schedule=exp&lr_every=50&lr_factor=0.9&reg=l1&reg_rate=0.3",
    );
    assert_eq!(problems, vec![]);
    let t = &state.training.train;
    let adam = Optimizer::Adam {
        beta1: 0.8,
        beta2: 0.999,
        epsilon: 1e-6,
    };
    assert_eq!(t.optimizer, adam);
    let exp = Schedule::Exponential {
        every: 50,
        factor: 0.9,
    };
    assert_eq!(t.schedule, exp);
    assert_eq!(t.regularization, Regularization::L1(0.3));
    // Older links' l2 still means L2 at that rate; 0 means none.
    assert_eq!(
        parse_link("l2=0.01").0.training.train.regularization,
        Regularization::L2(0.01)
    );
    assert_eq!(
        parse_link("l2=0").0.training.train.regularization,
        Regularization::None
    );
    // Defaults are left out of written links.
    let written = nnplay::config::write_link(&parse_link("opt=momentum&momentum=0.9&reg=l2").0);
    assert_eq!(written, "opt=momentum&reg=l2");
}

#[test]
fn bad_link_keys_name_the_key_and_what_it_accepts() {
    let cases = [
        (
            "opt=lion",
            "opt",
            "one of sgd, momentum, nesterov, adagrad, rmsprop, adam",
        ),
        (
            "momentum=0.5",
            "momentum",
            "with opt=momentum or opt=nesterov (this link has opt=sgd)",
        ),
        (
            "opt=adam&beta2=1",
            "beta2",
            "from 0 up to but not including 1",
        ),
        ("opt=rmsprop&eps=0", "eps", "from 1e-12"),
        ("schedule=cosine", "schedule", "one of constant, step, exp"),
        (
            "lr_factor=0.5",
            "lr_factor",
            "(this link has schedule=constant)",
        ),
        ("schedule=step&lr_every=0", "lr_every", "from 1 to 1000000"),
        ("reg=l3", "reg", "one of none, l1, l2"),
        ("reg=l1&reg_rate=20", "reg_rate", "a number from 0 to 10"),
        ("reg_rate=1", "reg_rate", "(this link has reg=none)"),
    ];
    for (fragment, key, accepts) in cases {
        let (_, problems) = parse_link(fragment);
        assert_eq!(problems.len(), 1, "{fragment}: {problems:?}");
        let text = problems[0].to_string();
        assert!(text.starts_with(key), "{text}");
        assert!(text.contains(accepts), "{fragment}: {text}");
    }
}

#[test]
fn an_adam_step_allocates_nothing_once_its_buffers_are_sized() {
    let (train, _) = generate(DatasetKind::Spiral3, 100, 0.1, 0.5, 3).unwrap();
    let config = r#"{"inputs": 2, "seed": 3, "layers": [{"units": 8, "activation": "tanh"},
        {"units": 3, "activation": "softmax"}]}"#;
    let network = Network::from_json(config).unwrap();
    let settings = TrainSettings {
        optimizer: Optimizer::ALL[5],
        regularization: Regularization::L1(0.01),
        schedule: Schedule::ALL[2],
        ..TrainSettings::default()
    };
    let mut trainer = Trainer::new(network, train, settings).unwrap();
    trainer.step().unwrap(); // sizes the batch's buffers
    let allocations = allocations_during(|| {
        for _ in 0..50 {
            trainer.step().unwrap();
        }
    });
    assert_eq!(allocations, 0, "an Adam step allocated");
}

#[test]
fn the_update_stage_shows_the_rule_applied_with_the_optimizers_memory() {
    use nnplay::session::Session;
    use nnplay::stage_view;
    use nnplay::train::Stage;
    let link = "opt=adam&schedule=step&lr_every=1&lr_factor=0.5&reg=l1&reg_rate=0.01&lr=0.1";
    let mut run = Session::new(parse_link(link).0.training).unwrap();
    run.run(1).unwrap();
    for stage in Stage::ALL {
        run.run_stage(stage).unwrap();
    }
    let trainer = run.trainer_mut();
    let (m, v) = {
        let state = trainer.optimizer_state();
        (state.first().to_vec(), state.second().to_vec())
    };
    let view = stage_view::build(trainer);
    let update = &view.stages[3];
    assert_eq!(update.stage, "Update");
    let texts: Vec<&str> = update.equations.iter().map(|e| e.text.as_str()).collect();
    // The second update: t = 1 update before it, so lr = 0.1·0.5^1.
    assert_eq!(texts[0], "lr = 0.1·0.5^(⌊t / 1⌋) = 0.05", "{texts:?}");
    let w1 = &update.equations[1];
    assert_eq!(
        w1.text,
        "m_W1 ← 0.9·m_W1 + 0.1·dL/dW1;  v_W1 ← 0.999·v_W1 + 0.001·(dL/dW1)²;  \
         W1 ← W1 − 0.05·m̂ / (√v̂ + ε)"
    );
    assert!(
        w1.detail.as_deref().unwrap().contains("t = 2"),
        "{:?}",
        w1.detail
    );
    let names: Vec<&str> = w1.matrices.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["W1 before", "m_W1", "v_W1", "−lr·d", "W1 after"]);
    assert!(m.iter().any(|&x| x != 0.0) && v.iter().all(|&x| x >= 0.0));
    assert!(texts
        .iter()
        .any(|t| t.starts_with("L1: a weight that crossed 0")));
}
