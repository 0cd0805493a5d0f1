//! Numbers that overflow (z of ±Infinity, weights near f64::MAX, losses that
//! blow up) end in a clean "diverged" stop and charts that say so, never a
//! loop that cannot end.

mod common;

use common::svg_of;
use nnplay::activation::Kind;
use nnplay::config::{parse_link, HiddenLayer, PlaygroundConfig};
use nnplay::edits::Edit;
use nnplay::plot::diagnostics as charts;
use nnplay::plot::Theme;
use nnplay::session::Session;
use nnplay::train::{diverged, TrainError, LOSS_GROWTH_LIMIT};

fn edited(value: f64) -> Session {
    Session::new(PlaygroundConfig {
        hidden: vec![HiddenLayer::new(4, Kind::Tanh)],
        edits: vec![Edit {
            step: 0,
            index: 0,
            value,
        }],
        ..PlaygroundConfig::default()
    })
    .unwrap()
}

#[test]
fn a_weight_of_1e308_draws_its_histograms_and_stops_as_diverged() {
    for value in [1e308, 3e307, -1e308, f64::MAX] {
        let mut run = edited(value);
        let svg = svg_of((800, 300), |root| {
            nnplay::plot::histograms::draw(root, run.diagnostics(), 1.0, Theme::LIGHT).unwrap()
        });
        assert!(
            svg.contains("z of layer 1"),
            "{value}: the histograms are drawn"
        );
        let _ = run.run(5);
        assert!(run
            .trainer()
            .network()
            .params()
            .iter()
            .all(|p| p.is_finite()));
        let d = run.diagnostics();
        svg_of((600, 300), |r| {
            charts::draw_gradients(r, d, 1.0, Theme::LIGHT).unwrap()
        });
        svg_of((600, 300), |r| {
            charts::draw_units(r, d, 1.0, Theme::LIGHT).unwrap()
        });
        svg_of((600, 300), |r| {
            charts::draw_activations(r, d, 1.0, Theme::LIGHT).unwrap()
        });
    }
    // With ReLU nothing saturates: z and the loss overflow, and the run stops.
    let mut run = Session::new(PlaygroundConfig {
        hidden: vec![HiddenLayer::new(4, Kind::Relu)],
        edits: vec![Edit {
            step: 0,
            index: 0,
            value: 1e308,
        }],
        ..PlaygroundConfig::default()
    })
    .unwrap();
    svg_of((800, 300), |root| {
        nnplay::plot::histograms::draw(root, run.diagnostics(), 1.0, Theme::LIGHT).unwrap()
    });
    assert!(matches!(run.run(5), Err(TrainError::Diverged { step: 1 })));
}

/// Runs `link`'s training as the page would: `steps` at a time, drawing the
/// charts between, until it stops or `limit` steps have run.
fn train_and_draw(link: &str, steps: usize, limit: u64) -> (Session, Option<TrainError>) {
    let (state, problems) = parse_link(link);
    assert!(problems.is_empty(), "{problems:?}");
    let mut run = Session::new(state.training).unwrap();
    let mut stop = None;
    while run.trainer().step_count() < limit {
        if let Err(e) = run.run(steps) {
            stop = Some(e);
            break;
        }
        svg_of((800, 300), |root| {
            nnplay::plot::histograms::draw(root, run.diagnostics(), 1.0, Theme::LIGHT).unwrap()
        });
        let records = run.history().records();
        svg_of((600, 300), |root| {
            nnplay::plot::loss::draw(root, records, true, 1.0, Theme::LIGHT).unwrap()
        });
    }
    (run, stop)
}

#[test]
fn six_maxout_layers_of_64_blow_up_into_a_diverged_stop_not_a_hang() {
    let layers = ["64:maxout:4"; 6].join(",");
    let (run, stop) = train_and_draw(&format!("layers={layers}"), 5, 200);
    let Some(TrainError::Diverged { step }) = stop else {
        panic!("expected a diverged stop, got {stop:?}");
    };
    assert_eq!(run.trainer().diverged_at(), Some(step));
    let records = run.history().records();
    let last = records.last().unwrap();
    assert!(last.train_loss.is_finite() || last.train_loss.is_nan());
}

#[test]
fn adam_with_beta1_near_one_and_rate_10_is_stopped_as_diverged() {
    // Its loss climbs far past where it started long before it overflows.
    let link = "opt=adam&beta1=0.999999999&lr=10&activation=identity";
    let (run, stop) = train_and_draw(link, 250, 50_000);
    let Some(TrainError::Diverged { step }) = stop else {
        panic!(
            "expected a diverged stop, got {stop:?} at loss {:?}",
            run.latest()
        );
    };
    assert!(step < 50_000, "{step}");
    let highest = run
        .history()
        .records()
        .iter()
        .map(|r| r.train_loss)
        .fold(0.0, f64::max);
    let first = run.history().records()[0].train_loss;
    assert!(
        highest < 1e13 && highest < 10.0 * LOSS_GROWTH_LIMIT * first.max(1.0),
        "{highest}"
    );
}

#[test]
fn adam_with_beta1_near_one_and_rate_10_on_the_default_network_never_blows_up_unstopped() {
    // The issue's own setting on the default network (circle, 4 and 2 tanh
    // units, softmax): played 25 steps a frame as the page plays batch 10,
    // every batch's loss either stays under the divergence limit or the run
    // stops as diverged at that step: it cannot end at 1.1e13 unstopped.
    let (state, problems) = parse_link("opt=adam&beta1=0.999999999&lr=10");
    assert!(problems.is_empty(), "{problems:?}");
    let mut run = Session::new(state.training).unwrap();
    let mut first = f64::NAN;
    let mut highest = 0.0_f64;
    while run.trainer().step_count() < 20_000 {
        for _ in 0..25 {
            let before = run.trainer().step_count();
            match run.trainer_mut().step() {
                Ok(loss) => {
                    first = if first.is_nan() { loss } else { first };
                    highest = highest.max(loss);
                    assert!(
                        !diverged(loss, first),
                        "step {before}: {loss} went on unstopped"
                    );
                }
                Err(TrainError::Diverged { step }) => {
                    assert_eq!(step, before + 1);
                    return;
                }
                Err(e) => panic!("{e}"),
            }
        }
        let _ = run.run(0);
        let latest = run.latest();
        assert!(
            latest.train_loss.is_finite() && latest.train_loss < 1e13,
            "{latest:?}"
        );
    }
    assert!(highest < LOSS_GROWTH_LIMIT * first.max(1.0), "{highest}");
}

#[test]
fn the_divergence_rule_stops_blow_ups_and_leaves_noisy_training_alone() {
    assert!(diverged(f64::INFINITY, 0.7) && diverged(f64::NAN, 0.7));
    assert!(diverged(1.1e13, 0.7), "Adam's blow-up");
    assert!(
        diverged(2e6, f64::NAN),
        "no first loss yet: measured against 1"
    );
    assert!(!diverged(50.0, 0.7), "a bad step is not a divergence");
    assert!(
        !diverged(5e8, 1000.0),
        "large regression targets scale the limit"
    );
    assert!(diverged(2e9, 1000.0));
}
