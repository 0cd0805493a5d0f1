#![cfg(not(target_arch = "wasm32"))]
//! Native tests of the blow-up watch: a run at too large a learning rate is
//! flagged while its loss is still finite, with the figure and the step the
//! status line shows; healthy runs over every dataset, activation and
//! optimiser at sane rates are never flagged.

use nnplay::activation::Kind;
use nnplay::config::{HiddenLayer, PlaygroundConfig};
use nnplay::data::DatasetKind;
use nnplay::session::{BlowUp, Session, LOSS_RATIO_LIMIT, WEIGHT_LIMIT};
use nnplay::train::{Optimizer, TrainSettings};

fn session(config: PlaygroundConfig) -> Session {
    Session::new(config).expect("a valid config")
}

fn with_rate(learning_rate: f64) -> PlaygroundConfig {
    PlaygroundConfig {
        train: TrainSettings {
            learning_rate,
            ..TrainSettings::default()
        },
        ..PlaygroundConfig::default()
    }
}

/// Plays `run` as the page does, `per_frame` steps between records, until a
/// blow-up is seen or `steps` are done.
fn play(run: &mut Session, steps: u64, per_frame: usize) -> Option<BlowUp> {
    while run.latest().step < steps {
        if run.run(per_frame).is_err() {
            break;
        }
        if run.blow_up().is_some() {
            break;
        }
    }
    run.blow_up()
}

#[test]
fn learning_rate_10_on_the_default_network_is_flagged_while_the_loss_is_finite() {
    let mut run = session(with_rate(10.0));
    let seen = play(&mut run, 500, 1).expect("a blow-up at learning rate 10");
    let BlowUp::Loss { step, ratio, .. } = seen else {
        panic!("the loss grows first: {seen:?}");
    };
    assert!(ratio > LOSS_RATIO_LIMIT, "{ratio}");
    // Seen at the step the status line shows, before any overflow.
    assert_eq!(step, run.latest().step);
    assert!(run.latest().train_loss.is_finite());
    assert_eq!(run.trainer().diverged_at(), None, "the run goes on");
    let text = seen.to_string();
    assert!(
        text.starts_with("learning rate too large: loss ")
            && text.contains("× its starting value")
            && text.contains(&format!("at step {step} ")),
        "{text}"
    );
    // Sticky until Reset.
    run.run(5).unwrap();
    assert_eq!(run.blow_up(), Some(seen));
    run.reset();
    assert_eq!(run.blow_up(), None);
}

#[test]
fn adam_with_beta1_near_1_at_rate_10_is_flagged() {
    let mut run = session(PlaygroundConfig {
        train: TrainSettings {
            learning_rate: 10.0,
            optimizer: Optimizer::Adam {
                beta1: 0.999_999_999,
                beta2: 0.999,
                epsilon: 1e-8,
            },
            ..TrainSettings::default()
        },
        ..PlaygroundConfig::default()
    });
    let seen = play(&mut run, 500, 1).expect("a blow-up");
    assert_eq!(seen.step(), run.latest().step);
    assert!(run.latest().train_loss.is_finite(), "{:?}", run.latest());
}

#[test]
fn lowering_the_rate_clears_the_flag_and_judges_afresh() {
    let mut run = session(with_rate(10.0));
    play(&mut run, 500, 1).expect("a blow-up");
    run.set_settings(0.03, 10, 0.0).unwrap();
    assert_eq!(run.blow_up(), None);
    run.run(300).unwrap();
    assert_eq!(run.blow_up(), None, "{:?}", run.latest());
    run.set_settings(10.0, 10, 0.0).unwrap();
    let seen = play(&mut run, 3000, 1);
    if let Some(BlowUp::Loss { since_retune, .. }) = seen {
        // Measured from the loss when the rate went back up, and said so.
        assert!(since_retune || run.latest().train_loss > 0.69 * LOSS_RATIO_LIMIT);
    }
}

#[test]
fn healthy_runs_are_never_flagged() {
    // Every kind a hidden layer takes (softmax is an output).
    let activations: Vec<Kind> = Kind::ALL
        .into_iter()
        .filter(|k| *k != Kind::Softmax)
        .collect();
    let mut worst_ratio = 0.0f64;
    let mut worst_weight = 0.0f64;
    for dataset in DatasetKind::ALL {
        for (i, &activation) in activations.iter().enumerate() {
            // Sane rates: the page's default and the notes' 0.1 for SGD,
            // 0.01 with momentum (its steps are 10× SGD's) and Adam; the
            // regression sets' squared errors take 0.01.
            let sane: &[(f64, Optimizer)] = if dataset.is_regression() {
                &[(0.01, Optimizer::Sgd), (0.01, Optimizer::ALL[5])]
            } else {
                &[
                    (0.03, Optimizer::Sgd),
                    (0.1, Optimizer::Sgd),
                    (0.01, Optimizer::ALL[1]),
                    (0.01, Optimizer::ALL[5]),
                ]
            };
            for &(learning_rate, optimizer) in sane {
                let config = PlaygroundConfig {
                    dataset,
                    seed: i as u64 + 1,
                    hidden: vec![
                        HiddenLayer::new(8, activation),
                        HiddenLayer::new(8, activation),
                    ],
                    train: TrainSettings {
                        learning_rate,
                        optimizer,
                        ..TrainSettings::default()
                    },
                    ..PlaygroundConfig::default()
                };
                let Ok(mut run) = Session::new(config) else {
                    panic!("{activation:?} as a hidden layer");
                };
                let start = run.latest().train_loss;
                let mut largest = 0.0f64;
                let mut highest = 0.0f64;
                for _ in 0..20 {
                    let ran = run.run(50);
                    assert_eq!(
                        ran,
                        Ok(()),
                        "{dataset:?} {activation:?} lr {learning_rate} {optimizer:?}"
                    );
                    highest = highest.max(run.latest().train_loss / start);
                    let w = run.trainer().network().params().iter();
                    largest = w.fold(largest, |m, p| m.max(p.abs()));
                }
                assert_eq!(
                    run.blow_up(),
                    None,
                    "{dataset:?} {activation:?} lr {learning_rate} {optimizer:?}"
                );
                worst_ratio = worst_ratio.max(highest);
                worst_weight = worst_weight.max(largest);
            }
        }
    }
    println!("worst loss ratio {worst_ratio:.2}, largest weight {worst_weight:.1}");
    // The limits keep a wide margin over the worst healthy run.
    assert!(worst_ratio < LOSS_RATIO_LIMIT / 2.0, "{worst_ratio}");
    assert!(worst_weight < WEIGHT_LIMIT / 10.0, "{worst_weight}");
}

#[test]
fn a_divergence_is_told_at_the_step_the_status_line_shows() {
    let mut run = session(PlaygroundConfig {
        dataset: DatasetKind::Plane,
        hidden: vec![HiddenLayer::new(4, Kind::Sigmoid)],
        ..with_rate(10.0)
    });
    assert!(
        run.run(10_000).is_err(),
        "a learning rate of 10 diverges on the plane"
    );
    let seen = run.blow_up().expect("told");
    assert!(seen.stopped());
    assert_eq!(seen.step(), run.latest().step);
    assert_eq!(seen.step(), run.trainer().step_count());
    assert!(
        seen.to_string()
            .starts_with(&format!("diverged after step {}:", run.latest().step)),
        "{seen}"
    );
}
