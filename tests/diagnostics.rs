#![cfg(not(target_arch = "wasm32"))]
//! The diagnostics: dead units and saturation on hand-built cases, the
//! histogram and statistics, the session's bounded, allocation-free record,
//! and the charts and marks drawn on SVG.

mod common;
mod counting;

use common::svg_of;
use counting::allocations_during;
use nnplay::activation::Kind;
use nnplay::config::{HiddenLayer, PlaygroundConfig};
use nnplay::diagnostics::{
    dead_units, mean_abs, mean_and_spread, saturated_fraction, Histogram, BINS, FIELDS,
};
use nnplay::network::{Network, Workspace};
use nnplay::plot::diagnostics::{self as charts, layer_color};
use nnplay::plot::{heatmap, hex, network as diagram, Theme};
use nnplay::session::{Session, HISTORY_LIMIT};
use nnplay::train::{Stage, TrainSettings};

#[global_allocator]
static ALLOCATOR: counting::CountingAllocator = counting::CountingAllocator;

/// A 2 → 3 `activation` → 2 softmax network whose first layer is set by hand:
/// unit 0 has z = −1 everywhere, unit 1 has z = x1, unit 2 has z = 0 everywhere.
fn hand_built(activation: &str) -> (Network, Vec<f64>) {
    let json = format!(
        r#"{{"inputs": 2, "seed": 1, "layers": [{{"units": 3, "activation": "{activation}"}},
            {{"units": 2, "activation": "softmax"}}]}}"#
    );
    let mut net = Network::from_json(&json).unwrap();
    let mut params = net.params().to_vec();
    let layer = net.layers()[0].clone();
    let w = layer.w_range();
    params[w.clone()].copy_from_slice(&[0.0, 1.0, 0.0, 0.0, 0.0, 0.0]);
    params[layer.b_range()].copy_from_slice(&[-1.0, 0.0, 0.0]);
    net.set_params(&params).unwrap();
    let xs = vec![-2.0, 1.0, -0.5, 3.0, 0.7, -1.0, 2.5, 0.0];
    (net, xs)
}

/// Dead units of `net`'s first layer over `xs`, with `params` in place.
fn dead_of(net: &Network, params: &[f64], xs: &[f64]) -> (usize, Vec<bool>) {
    let mut net = net.clone();
    net.set_params(params).unwrap();
    let mut workspace = Workspace::default();
    net.forward(&mut workspace, xs).unwrap();
    let mut dead = vec![true; 3];
    let count = dead_units(&net.layers()[0], params, workspace.z(0), &mut dead);
    (count, dead)
}

#[test]
fn a_relu_unit_is_dead_when_it_outputs_zero_with_zero_slope_on_every_point() {
    let (net, xs) = hand_built("relu");
    // Unit 2 sits at z = 0 exactly: relu'(0) = 1 (the notes' convention), so it still learns.
    assert_eq!(
        dead_of(&net, net.params(), &xs),
        (1, vec![true, false, false])
    );
    // One point with z > 0 revives unit 0.
    let mut params = net.params().to_vec();
    params[net.layers()[0].w_range().start] = 1.0; // unit 0: z = x1 − 1, positive for x1 = 2.5
    assert_eq!(dead_of(&net, &params, &xs), (0, vec![false; 3]));
    // An empty batch has no dead units.
    let mut dead = vec![true; 3];
    assert_eq!(
        dead_units(&net.layers()[0], net.params(), &[], &mut dead),
        0
    );
    assert_eq!(dead, [false; 3]);
}

#[test]
fn leaky_relu_elu_and_maxout_units_never_die_and_prelu_dies_only_at_slope_zero() {
    for activation in ["leaky_relu", "elu", "sigmoid", "tanh", "identity"] {
        let (net, xs) = hand_built(activation);
        assert_eq!(dead_of(&net, net.params(), &xs).0, 0, "{activation}");
    }
    let (net, xs) = hand_built("prelu");
    assert_eq!(dead_of(&net, net.params(), &xs).0, 0, "slope 0.25");
    let mut params = net.params().to_vec();
    params[net.layers()[0].slope_range()].copy_from_slice(&[0.0, 0.0, 0.0]);
    // At slope 0, PReLU is ReLU except at z = 0, where its slope is the slope (as
    // leaky_relu'(0) = alpha in the notes): unit 2, at z = 0, is dead too.
    assert_eq!(dead_of(&net, &params, &xs), (2, vec![true, false, true]));
    let json = r#"{"inputs": 2, "layers": [{"units": 2, "activation": "maxout"}, {"units": 2, "activation": "softmax"}]}"#;
    let maxout = Network::from_json(json).unwrap();
    let mut workspace = Workspace::default();
    maxout.forward(&mut workspace, &xs).unwrap();
    let mut dead = vec![false; 2];
    assert_eq!(
        dead_units(
            &maxout.layers()[0],
            maxout.params(),
            workspace.z(0),
            &mut dead
        ),
        0
    );
}

#[test]
fn saturation_counts_the_z_where_sigmoid_or_tanh_has_slope_below_001() {
    // sigmoid'(±10) ≈ 4.5e-5 and tanh'(±10) ≈ 8e-9 are saturated; sigmoid'(3) ≈ 0.045 is
    // not; tanh'(3) = 1 − tanh²(3) ≈ 0.0099 is, tanh'(2.9) ≈ 0.0120 is not.
    let z = [-10.0, 0.0, 10.0, 3.0, 2.9];
    let layer = |activation: &str| hand_built(activation).0.layers()[0].clone();
    assert_eq!(saturated_fraction(&layer("sigmoid"), &z), Some(2.0 / 5.0));
    assert_eq!(saturated_fraction(&layer("tanh"), &z), Some(3.0 / 5.0));
    assert_eq!(saturated_fraction(&layer("tanh"), &[]), None);
    for activation in ["relu", "leaky_relu", "elu", "identity"] {
        assert_eq!(
            saturated_fraction(&layer(activation), &z),
            None,
            "{activation}"
        );
    }
}

#[test]
fn histogram_counts_sum_to_the_number_of_values_and_land_in_their_bins() {
    let mut histogram = Histogram::new(10);
    let values = [-3.0, -1.0, 0.0, 0.5, 7.0, f64::NAN, f64::INFINITY, -7.0];
    histogram.fill_symmetric(&values, 4.0);
    assert_eq!(
        (histogram.lo, histogram.hi),
        (-7.0, 7.0),
        "±max |finite value|"
    );
    assert_eq!(histogram.total(), values.len() as u64);
    assert_eq!((histogram.edge(0), histogram.edge(10)), (-7.0, 7.0));
    assert_eq!(histogram.counts[9], 2, "7 and +∞ in the last bin");
    histogram.fill_symmetric(&[0.1, -0.2], 4.0);
    assert_eq!(
        (histogram.lo, histogram.hi, histogram.total()),
        (-4.0, 4.0, 2)
    );
    let values: Vec<f64> = (0..1000)
        .map(|i| ((i * 7919) % 1000) as f64 / 37.0 - 13.0)
        .collect();
    histogram.fill(&values, -13.0, 14.0);
    assert_eq!(histogram.total(), 1000);
    // Bins [−13, −10.3), [−10.3, −7.6), …, the last closed at 14.
    let mut expected = [0u32; 10];
    for &v in &values {
        let bin =
            (0..10).find(|&i| v >= -13.0 + 2.7 * i as f64 && v < -13.0 + 2.7 * (i + 1) as f64);
        expected[bin.unwrap_or(9)] += 1;
    }
    assert_eq!(histogram.counts, expected);
}

#[test]
fn mean_spread_and_gradient_size_are_the_textbook_ones() {
    assert_eq!(
        mean_and_spread(&[1.0, 2.0, 3.0, 4.0]),
        (2.5, 1.25f64.sqrt())
    );
    assert_eq!(mean_abs(&[-1.0, 2.0, -3.0]), 2.0);
    assert!(mean_abs(&[]).is_nan() && mean_and_spread(&[]).0.is_nan());
}

fn session(hidden: Vec<HiddenLayer>, learning_rate: f64) -> Session {
    Session::new(PlaygroundConfig {
        hidden,
        train: TrainSettings {
            learning_rate,
            ..TrainSettings::default()
        },
        ..PlaygroundConfig::default()
    })
    .unwrap()
}

#[test]
fn the_session_records_diagnostics_over_the_training_set_with_each_loss_record() {
    let mut run = session(
        vec![
            HiddenLayer::new(4, Kind::Tanh),
            HiddenLayer::new(2, Kind::Tanh),
        ],
        0.03,
    );
    let diagnostics = run.diagnostics();
    assert_eq!(
        diagnostics.labels(),
        ["layer 1 · tanh", "layer 2 · tanh", "output · softmax"]
    );
    assert_eq!(diagnostics.series().len(), 1);
    let latest = diagnostics.latest();
    assert_eq!(
        latest.iter().map(|s| s.units).collect::<Vec<_>>(),
        [4, 2, 2]
    );
    assert!(latest[2].dead.is_nan() && latest[2].saturated.is_nan());
    assert!(latest.iter().all(|s| s.gradient > 0.0 && s.a_spread > 0.0));
    // The z histogram holds every training point's z of every unit.
    let train = run.trainer().train_set().len() as u64;
    assert_eq!(diagnostics.histogram(0).unwrap().total(), train * 4);
    assert_eq!(diagnostics.histogram(0).unwrap().counts.len(), BINS);
    run.run(10).unwrap();
    run.run_stage(Stage::SampleBatch).unwrap();
    assert_eq!(
        run.diagnostics().series().len(),
        2,
        "a stage short of Update records nothing"
    );
    for stage in [Stage::Forward, Stage::Backward, Stage::Update] {
        run.run_stage(stage).unwrap();
    }
    let steps: Vec<f64> = run.diagnostics().series().records().map(|r| r[0]).collect();
    // Step 10 was the tail (records are kept every 25 steps); the Update moved it to 11.
    assert_eq!(steps, [0.0, 11.0]);
    assert_eq!(run.diagnostics().series().width(), 1 + FIELDS * 3);
    run.reset();
    assert_eq!(run.diagnostics().series().len(), 1);
}

#[test]
fn the_record_stays_bounded_in_order_and_allocation_free() {
    let mut run = session(vec![HiddenLayer::new(3, Kind::Relu)], 0.03);
    run.run(1).unwrap();
    let allocations = allocations_during(|| {
        // A step to a tail record, then on to the next kept record, past
        // HISTORY_LIMIT kept records (so the history decimates).
        for _ in 0..2 * HISTORY_LIMIT + 7 {
            run.run(1).unwrap();
            let to_record = run.steps_to_record() as usize;
            run.run(to_record).unwrap();
        }
    });
    assert_eq!(allocations, 0, "a step and its record allocated");
    let series = run.diagnostics().series();
    assert!(series.len() <= HISTORY_LIMIT && series.len() > HISTORY_LIMIT / 4);
    let steps: Vec<f64> = series.records().map(|r| r[0]).collect();
    assert!(steps.windows(2).all(|w| w[0] < w[1]), "in order");
    assert_eq!(steps[0], 0.0);
}

fn polylines_in(svg: &str, color: &str) -> usize {
    svg.match_indices("<polyline")
        .filter(|(at, _)| svg[*at..].split('>').next().unwrap().contains(color))
        .count()
}

#[test]
fn the_gradient_chart_draws_one_line_per_layer_with_its_label() {
    let mut run = session(vec![HiddenLayer::new(4, Kind::Sigmoid); 3], 0.3);
    run.run(20).unwrap();
    run.run(20).unwrap();
    let diagnostics = run.diagnostics();
    let svg = svg_of((600, 300), |root| {
        charts::draw_gradients(root, diagnostics, 1.0, Theme::LIGHT).unwrap()
    });
    for l in 0..4 {
        let color = hex(layer_color(l, 4, Theme::LIGHT)).to_uppercase();
        assert!(polylines_in(&svg, &color) >= 1, "layer {l}'s line");
        assert!(svg.contains(&diagnostics.labels()[l]));
    }
    assert!(svg.contains("log scale"));
    assert_eq!(charts::decades([3e-6, 0.2].into_iter()), (1e-6, 1.0));
}

#[test]
fn the_unit_activation_and_histogram_charts_show_each_layer() {
    let mut run = session(
        vec![
            HiddenLayer::new(4, Kind::Relu),
            HiddenLayer::new(3, Kind::Tanh),
        ],
        0.1,
    );
    run.run(30).unwrap();
    let diagnostics = run.diagnostics();
    let units = svg_of((600, 400), |root| {
        charts::draw_units(root, diagnostics, 1.0, Theme::LIGHT).unwrap()
    });
    let (relu, tanh) = (
        hex(layer_color(0, 3, Theme::LIGHT)).to_uppercase(),
        hex(layer_color(1, 3, Theme::LIGHT)).to_uppercase(),
    );
    assert_eq!(
        polylines_in(&units, &relu),
        2,
        "dead-unit line and its legend sample; ReLU has no saturation line"
    );
    assert!(!units.contains("no sigmoid or tanh layer"));
    assert_eq!(
        polylines_in(&units, &tanh),
        3,
        "dead and saturation lines, and one legend sample: the panels share a legend"
    );
    let label = &diagnostics.labels()[1];
    assert_eq!(
        units.matches(label.as_str()).count(),
        1,
        "{label} named once"
    );
    let activations = svg_of((600, 300), |root| {
        charts::draw_activations(root, diagnostics, 1.0, Theme::LIGHT).unwrap()
    });
    assert!(activations.contains("± one spread") && activations.contains("layer 2 · tanh"));
    assert_eq!(
        activations.matches("<polygon").count(),
        2,
        "a spread band per hidden layer"
    );
    let histograms = svg_of((800, 300), |root| {
        nnplay::plot::histograms::draw(root, diagnostics, 1.0, Theme::LIGHT).unwrap()
    });
    let bars = histograms.matches("<rect").count();
    assert!(bars >= 3 * BINS, "{BINS} bars per layer, got {bars} rects");
    for label in [
        "z of layer 1 · relu",
        "z of layer 2 · tanh",
        "z of output · softmax",
    ] {
        assert!(histograms.contains(label), "{label}");
    }
    let curve = hex(nnplay::plot::color_of(Kind::Tanh)).to_uppercase();
    assert_eq!(
        polylines_in(&histograms, &curve),
        1,
        "tanh's curve behind its histogram"
    );
}

#[test]
fn the_batch_is_ringed_on_the_heatmap_and_dead_units_are_crossed_out() {
    let mut run = session(
        vec![
            HiddenLayer::new(8, Kind::Relu),
            HiddenLayer::new(8, Kind::Relu),
        ],
        3.0,
    );
    run.run_stage(Stage::SampleBatch).unwrap();
    let (train, batch) = (run.trainer().train_set(), run.staged_batch());
    let svg = svg_of((300, 300), |root| {
        heatmap::draw_marks(root, train, batch, 1.0, Theme::LIGHT).unwrap()
    });
    assert_eq!(
        svg.matches("<circle").count(),
        2 * 10,
        "two rings per point of the batch"
    );
    run.run(60).unwrap();
    let net = run.trainer().network();
    let dead: usize = (0..2)
        .map(|l| run.diagnostics().dead(l).iter().filter(|&&d| d).count())
        .sum();
    assert!(dead > 0, "a learning rate of 3 kills ReLU units");
    let layout = diagram::layout(&diagram::column_units(net), 600.0, 300.0, 1.0);
    let flags = (0..2).map(|l| run.diagnostics().dead(l));
    let svg = svg_of((600, 300), |root| {
        diagram::draw_dead(root, &layout, flags, 1.0, Theme::LIGHT).unwrap()
    });
    assert_eq!(
        svg.matches("<polyline").count(),
        2 * dead,
        "a cross per dead unit"
    );
    assert_eq!(svg.matches("<rect").count(), dead, "a veil per dead unit");
    let diagnostics = run.diagnostics();
    let units = svg_of((600, 400), |root| {
        charts::draw_units(root, diagnostics, 1.0, Theme::LIGHT).unwrap()
    });
    assert!(
        units.contains("no sigmoid or tanh layer: only they saturate"),
        "a ReLU net's saturation panel says why it is empty"
    );
}
