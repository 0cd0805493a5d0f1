#![cfg(not(target_arch = "wasm32"))]
//! One SGD step, stage by stage, as the page runs and shows it: the session's
//! stage path gives exactly the parameters of whole steps, each stage's
//! values agree with the definitions and with finite differences, and the
//! stage view has the right equations, shapes and elisions.

mod common;

use nnplay::activation::Kind;
use nnplay::config::{HiddenLayer, PlaygroundConfig};
use nnplay::session::Session;
use nnplay::stage_view::{self, shown, Equation, Matrix, StageView, BIAS_SLIP, TANH_SLIP};
use nnplay::train::{Regularization, Stage, TrainError, TrainSettings, Trainer};

fn session(hidden: Vec<HiddenLayer>, batch_size: usize, l2: f64) -> Session {
    Session::new(PlaygroundConfig {
        hidden,
        train: TrainSettings {
            batch_size,
            regularization: if l2 > 0.0 {
                Regularization::L2(l2)
            } else {
                Regularization::None
            },
            learning_rate: 0.3,
            ..TrainSettings::default()
        },
        ..PlaygroundConfig::default()
    })
    .expect("a valid config")
}

fn tanh_session() -> Session {
    let hidden = vec![
        HiddenLayer::new(4, Kind::Tanh),
        HiddenLayer::new(3, Kind::Tanh),
    ];
    session(hidden, 10, 0.0)
}

fn bits(values: &[f64]) -> Vec<u64> {
    values.iter().map(|v| v.to_bits()).collect()
}

/// Runs the four stages of one step through the session, as the buttons do.
fn staged_step(run: &mut Session) {
    for stage in Stage::ALL {
        run.run_stage(stage).unwrap();
    }
}

#[test]
fn the_stage_buttons_give_exactly_the_parameters_and_history_of_whole_steps() {
    let hidden = vec![
        HiddenLayer::new(5, Kind::Relu),
        HiddenLayer {
            units: 3,
            activation: Kind::Prelu,
            param: None,
        },
        HiddenLayer {
            units: 2,
            activation: Kind::Maxout,
            param: Some(3.0),
        },
    ];
    let (mut staged, mut whole) = (session(hidden.clone(), 7, 0.01), session(hidden, 7, 0.01));
    for step in 1..=30 {
        staged_step(&mut staged);
        whole.run(1).unwrap();
        assert_eq!(staged.trainer().step_count(), step);
        assert_eq!(staged.latest(), whole.latest(), "step {step}");
    }
    let (a, b) = (staged.trainer().network(), whole.trainer().network());
    assert_eq!(bits(a.params()), bits(b.params()));
    assert_eq!(staged.history().records(), whole.history().records());
    // Step finishes a step begun stage by stage, and the counter only moves on Update.
    staged.run_stage(Stage::SampleBatch).unwrap();
    staged.run_stage(Stage::Forward).unwrap();
    assert_eq!(staged.trainer().step_count(), 30);
    staged.run(1).unwrap();
    whole.run(1).unwrap();
    assert_eq!(staged.trainer().step_count(), 31);
    let (a, b) = (staged.trainer().network(), whole.trainer().network());
    assert_eq!(bits(a.params()), bits(b.params()));
}

#[test]
fn a_stage_out_of_order_is_refused_and_changes_nothing() {
    let mut run = tanh_session();
    let before = bits(run.trainer().network().params());
    for stage in [Stage::Forward, Stage::Backward, Stage::Update] {
        match run.run_stage(stage) {
            Err(TrainError::Stage(error)) => assert_eq!(error.expected, Stage::SampleBatch),
            other => panic!("{stage} out of order gave {other:?}"),
        }
    }
    assert_eq!(bits(run.trainer().network().params()), before);
    assert_eq!(run.history().records().len(), 1, "nothing was recorded");
    assert!(run.staged_batch().is_empty());
    run.run_stage(Stage::SampleBatch).unwrap();
    assert_eq!(
        run.staged_batch().len(),
        10,
        "the batch is shown once sampled"
    );
    run.run(1).unwrap();
    assert!(run.staged_batch().is_empty(), "whole steps show no batch");
}

/// `a_prev·W + b` by plain loops, independent of the network's own code.
fn affine(a_prev: &[f64], w: &[f64], b: &[f64], fan_in: usize) -> Vec<f64> {
    let columns = b.len();
    let rows = a_prev.len() / fan_in;
    let mut z = vec![0.0; rows * columns];
    for r in 0..rows {
        for j in 0..columns {
            z[r * columns + j] = b[j]
                + (0..fan_in)
                    .map(|k| a_prev[r * fan_in + k] * w[k * columns + j])
                    .sum::<f64>();
        }
    }
    z
}

#[test]
fn forward_values_follow_the_equations_z_equals_a_w_plus_b_and_a_equals_f_of_z() {
    let mut run = tanh_session();
    run.run(5).unwrap();
    for stage in [Stage::SampleBatch, Stage::Forward] {
        run.run_stage(stage).unwrap();
    }
    let trainer = run.trainer();
    let network = trainer.network();
    let mut input = trainer.batch_x().to_vec();
    for (l, layer) in network.layers().iter().enumerate() {
        let params = network.params();
        let z = affine(
            &input,
            &params[layer.w_range()],
            &params[layer.b_range()],
            layer.fan_in(),
        );
        let worst = z
            .iter()
            .zip(trainer.z(l))
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        assert!(worst < 1e-12, "z{} differs by {worst}", l + 1);
        if l + 1 < network.layers().len() {
            let a: Vec<f64> = z.iter().map(|&v| v.tanh()).collect();
            let worst = a
                .iter()
                .zip(trainer.a(l))
                .map(|(a, b)| (a - b).abs())
                .fold(0.0, f64::max);
            assert!(worst < 1e-12, "a{} differs by {worst}", l + 1);
        }
        input = trainer.a(l).to_vec();
    }
    let y_hat = trainer.a(network.layers().len() - 1);
    for row in y_hat.chunks_exact(2) {
        assert!(
            (row[0] + row[1] - 1.0).abs() < 1e-12,
            "y_hat rows are probabilities"
        );
    }
}

#[test]
fn backward_values_match_central_finite_differences() {
    let mut run = tanh_session();
    run.run(3).unwrap();
    for stage in [Stage::SampleBatch, Stage::Forward, Stage::Backward] {
        run.run_stage(stage).unwrap();
    }
    let trainer = run.trainer();
    let (xs, ys) = (trainer.batch_x().to_vec(), trainer.batch_y().to_vec());
    let mut net = trainer.network().clone();
    // dL/dW and dL/db of every layer: the whole gradient against the batch's loss.
    let numerical = common::numerical_gradient(&mut net, &xs, &ys, 1e-6);
    let (worst, at) = common::worst_relative_error(trainer.gradient(), &numerical, 1e-7);
    assert!(worst < 1e-5, "gradient entry {at} is off by {worst}");
    for (l, layer) in net.layers().iter().enumerate() {
        assert_eq!(trainer.dw(l), &trainer.gradient()[layer.w_range()]);
        assert_eq!(trainer.db(l), &trainer.gradient()[layer.b_range()]);
    }
    // delta = dL/dz per example: for a batch of one row, dL/db of the layer is its delta.
    for row in 0..ys.len() / 2 {
        let (x, y) = (&xs[row * 2..row * 2 + 2], &ys[row * 2..row * 2 + 2]);
        let one = common::numerical_gradient(&mut net, x, y, 1e-6);
        for (l, layer) in net.layers().iter().enumerate() {
            let columns = layer.columns();
            let delta = &trainer.delta(l)[row * columns..(row + 1) * columns];
            let (worst, at) = common::worst_relative_error(delta, &one[layer.b_range()], 1e-7);
            assert!(
                worst < 1e-5,
                "delta{} row {row} column {at} is off by {worst}",
                l + 1
            );
        }
    }
}

#[test]
fn update_moves_each_parameter_by_minus_lr_times_its_gradient() {
    let mut run = tanh_session();
    staged_step(&mut run);
    let trainer = run.trainer_mut();
    let lr = trainer.settings().learning_rate;
    let before = trainer.params_before().to_vec();
    let gradient = trainer.gradient().to_vec();
    for ((new, old), g) in trainer
        .network()
        .params()
        .iter()
        .zip(&before)
        .zip(&gradient)
    {
        assert_eq!(new.to_bits(), (old - lr * g).to_bits());
    }
    let (loss_before, loss_after) = (
        trainer.batch_loss().unwrap(),
        trainer.batch_loss_after().unwrap(),
    );
    assert!(
        loss_after < loss_before,
        "the step lowered the batch's loss: {loss_before} → {loss_after}"
    );
}

fn panel<'a>(view: &'a StageView, stage: &str) -> &'a [Equation] {
    &view
        .stages
        .iter()
        .find(|p| p.stage == stage)
        .unwrap()
        .equations
}

fn equation<'a>(view: &'a StageView, stage: &str, text: &str) -> &'a Equation {
    panel(view, stage)
        .iter()
        .find(|e| e.text == text)
        .unwrap_or_else(|| {
            panic!(
                "{stage} has no equation {text:?}: {:?}",
                panel(view, stage)
                    .iter()
                    .map(|e| &e.text)
                    .collect::<Vec<_>>()
            )
        })
}

fn shapes(equation: &Equation) -> Vec<(String, usize, usize, bool)> {
    equation
        .matrices
        .iter()
        .map(|m| (m.name.clone(), m.rows, m.cols, m.computed))
        .collect()
}

fn s(name: &str, rows: usize, cols: usize, computed: bool) -> (String, usize, usize, bool) {
    (name.to_owned(), rows, cols, computed)
}

#[test]
fn each_stage_shows_its_equations_with_the_batch_matrices_once_it_has_run() {
    // 2 → 12 relu → 3 tanh → 2 softmax, batch 10.
    let hidden = vec![
        HiddenLayer::new(12, Kind::Relu),
        HiddenLayer::new(3, Kind::Tanh),
    ];
    let mut run = session(hidden, 10, 0.0);
    let view = stage_view::build(run.trainer_mut());
    assert_eq!((view.current, view.next), (None, "Sample batch"));
    assert!(view
        .stages
        .iter()
        .all(|p| !p.done && p.equations.iter().all(|e| e.matrices.is_empty())));
    assert!(panel(&view, "Backward")
        .iter()
        .any(|e| e.text == "delta1 = (delta2·W2ᵀ) ⊙ relu'(z1)"));

    run.run_stage(Stage::SampleBatch).unwrap();
    let view = stage_view::build(run.trainer_mut());
    assert_eq!(
        (view.current, view.next, view.batch.len()),
        (Some("Sample batch"), "Forward", 10)
    );
    let sample = equation(&view, "Sample batch", "x, y = sample batch of data");
    assert_eq!(shapes(sample), [s("x", 10, 2, true), s("y", 10, 2, true)]);
    assert!(panel(&view, "Forward")
        .iter()
        .all(|e| e.matrices.is_empty()));

    run.run_stage(Stage::Forward).unwrap();
    let view = stage_view::build(run.trainer_mut());
    assert!(view.stages[1].current && view.stages[1].done && !view.stages[2].done);
    let z1 = equation(&view, "Forward", "z1 = x·W1 + b1");
    assert_eq!(
        shapes(z1),
        [
            s("x", 10, 2, false),
            s("W1", 2, 12, false),
            s("b1", 1, 12, false),
            s("z1", 10, 12, true)
        ]
    );
    assert_eq!(
        shapes(equation(&view, "Forward", "a1 = relu(z1)")),
        [s("a1", 10, 12, true)]
    );
    assert_eq!(
        shapes(equation(&view, "Forward", "z2 = a1·W2 + b2"))[0],
        s("W2", 12, 3, false)
    );
    assert!(equation(&view, "Forward", "a2 = tanh(z2)")
        .detail
        .as_ref()
        .unwrap()
        .contains("values of z2 are saturated"));
    assert_eq!(
        shapes(equation(&view, "Forward", "y_hat = softmax(z3)")),
        [s("y_hat", 10, 2, true)]
    );
    let loss = equation(&view, "Forward", "loss = −Σ y·ln(y_hat) / n");
    assert!(
        loss.detail.as_ref().unwrap().starts_with("= 0."),
        "{:?}",
        loss.detail
    );

    run.run_stage(Stage::Backward).unwrap();
    let view = stage_view::build(run.trainer_mut());
    assert_eq!(
        shapes(equation(&view, "Backward", "delta3 = y_hat − y")),
        [s("delta3", 10, 2, true)]
    );
    assert_eq!(
        shapes(equation(&view, "Backward", "dL/dW3 = a2ᵀ·delta3 / n")),
        [s("dL/dW3", 3, 2, true)]
    );
    assert_eq!(
        shapes(equation(&view, "Backward", "dL/db3 = Σ delta3 / n")),
        [s("dL/db3", 1, 2, true)]
    );
    let delta2 = equation(&view, "Backward", "delta2 = (delta3·W3ᵀ) ⊙ tanh'(z2)");
    assert_eq!(
        shapes(delta2),
        [s("tanh'(z2)", 10, 3, true), s("delta2", 10, 3, true)]
    );
    assert_eq!(delta2.detail.as_deref(), Some("tanh'(z) = 1 − tanh²(z)"));
    assert_eq!(delta2.note.as_deref(), Some(TANH_SLIP));
    assert_eq!(
        shapes(equation(&view, "Backward", "dL/dW1 = xᵀ·delta1 / n")),
        [s("dL/dW1", 2, 12, true)]
    );
    assert_eq!(
        equation(&view, "Backward", "dL/db1 = Σ delta1 / n")
            .note
            .as_deref(),
        Some(BIAS_SLIP)
    );

    run.run_stage(Stage::Update).unwrap();
    let view = stage_view::build(run.trainer_mut());
    assert_eq!(
        (view.step, view.current, view.next),
        (1, Some("Update"), "Sample batch")
    );
    let w1 = equation(&view, "Update", "W1 ← W1 − 0.3·dL/dW1");
    assert_eq!(
        shapes(w1),
        [
            s("W1 before", 2, 12, false),
            s("−lr·dL/dW1", 2, 12, true),
            s("W1 after", 2, 12, true)
        ]
    );
    assert!(view.loss_after.unwrap() < view.loss_before.unwrap());
    assert!(
        view.stages.iter().all(|p| p.done),
        "every stage's values stay until the next batch"
    );
}

/// The shown numbers of `matrix`, by (row, column) of the full matrix.
fn cell(matrix: &Matrix, row: usize, col: usize) -> Option<f64> {
    let r = matrix.row_index.iter().position(|&i| i == Some(row))?;
    let c = matrix.col_index.iter().position(|&i| i == Some(col))?;
    matrix.cells[r][c]
}

#[test]
fn the_views_numbers_are_the_trainers_and_the_update_shows_old_change_and_new() {
    let mut run = tanh_session();
    staged_step(&mut run);
    let view = stage_view::build(run.trainer_mut());
    let trainer: &Trainer = run.trainer();
    let z1 = &equation(&view, "Forward", "z1 = x·W1 + b1").matrices[3];
    for (r, c) in [(0, 0), (3, 2), (9, 3)] {
        assert_eq!(cell(z1, r, c), Some(trainer.z(0)[r * 4 + c]));
    }
    let update = equation(&view, "Update", "W2 ← W2 − 0.3·dL/dW2");
    let (old, change, new) = (
        &update.matrices[0],
        &update.matrices[1],
        &update.matrices[2],
    );
    let range = trainer.network().layers()[1].w_range();
    for k in 0..range.len() {
        let (r, c) = (k / 3, k % 3);
        assert_eq!(
            cell(old, r, c),
            Some(trainer.params_before()[range.start + k])
        );
        assert_eq!(
            cell(new, r, c),
            Some(trainer.network().params()[range.start + k])
        );
        assert_eq!(
            cell(change, r, c),
            Some(-0.3 * trainer.gradient()[range.start + k])
        );
    }
    // The Forward panel keeps showing the weights the pass used: those before the update.
    let w1 = &equation(&view, "Forward", "z1 = x·W1 + b1").matrices[1];
    assert_eq!(
        cell(w1, 1, 2),
        Some(trainer.params_before()[trainer.network().layers()[0].w_range().start + 6])
    );
}

#[test]
fn matrices_show_in_full_up_to_8_by_8_and_elide_the_middle_beyond() {
    assert_eq!(shown(8), (0..8).map(Some).collect::<Vec<_>>());
    assert_eq!(
        shown(9),
        [
            Some(0),
            Some(1),
            Some(2),
            Some(3),
            None,
            Some(6),
            Some(7),
            Some(8)
        ]
    );
    assert_eq!(shown(0), []);
    let values: Vec<f64> = (0..20 * 8).map(f64::from).collect();
    let tall = Matrix::new("m", &values, 20, 8);
    assert_eq!(
        (tall.rows, tall.cols, tall.cells.len(), tall.cells[0].len()),
        (20, 8, 8, 8)
    );
    assert_eq!(tall.row_index[4], None);
    assert!(
        tall.cells[4].iter().all(Option::is_none),
        "the gap row is empty"
    );
    assert_eq!(tall.cells[5][7], Some(17.0 * 8.0 + 7.0), "row 17, column 7");
    let values: Vec<f64> = (0..3 * 64).map(f64::from).collect();
    let wide = Matrix::new("w", &values, 3, 64);
    assert_eq!((wide.cells.len(), wide.cells[0].len()), (3, 8));
    assert_eq!(
        wide.col_index,
        [
            Some(0),
            Some(1),
            Some(2),
            Some(3),
            None,
            Some(61),
            Some(62),
            Some(63)
        ]
    );
    assert_eq!(wide.cells[2][7], Some(2.0 * 64.0 + 63.0));
    assert_eq!(wide.shape(), "3 × 64");
    let full = Matrix::new("f", &[1.0, 2.0, 3.0, 4.0], 2, 2);
    assert_eq!(full.cells, [[Some(1.0), Some(2.0)], [Some(3.0), Some(4.0)]]);
}

#[test]
fn the_view_is_json_with_every_stage_in_order() {
    let mut run = tanh_session();
    run.run_stage(Stage::SampleBatch).unwrap();
    let json = stage_view::to_json(&stage_view::build(run.trainer_mut()));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let stages: Vec<&str> = value["stages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["stage"].as_str().unwrap())
        .collect();
    assert_eq!(stages, ["Sample batch", "Forward", "Backward", "Update"]);
    assert_eq!(value["next"], "Forward");
    assert_eq!(
        value["stages"][0]["equations"][0]["matrices"][0]["row_index"][4],
        serde_json::Value::Null
    );
    assert_eq!(
        value["stages"][0]["equations"][0]["matrices"][0]["rows"],
        10
    );
}

#[test]
fn deeper_and_other_networks_get_their_own_equations() {
    // 0 hidden layers: the notes' slip about dL/db1 does not arise.
    let mut run = session(Vec::new(), 10, 0.1);
    staged_step(&mut run);
    let view = stage_view::build(run.trainer_mut());
    assert_eq!(
        equation(&view, "Backward", "dL/db1 = Σ delta1 / n").note,
        None
    );
    assert!(
        equation(&view, "Backward", "dL/dW1 = xᵀ·delta1 / n + 0.1·W1")
            .detail
            .is_some()
    );
    // Maxout routes, PReLU learns its slopes, and six layers give equations down to z1.
    let hidden = vec![
        HiddenLayer {
            units: 3,
            activation: Kind::Maxout,
            param: Some(2.0),
        },
        HiddenLayer {
            units: 2,
            activation: Kind::Prelu,
            param: None,
        },
        HiddenLayer::new(2, Kind::Sigmoid),
        HiddenLayer::new(2, Kind::Elu),
        HiddenLayer::new(2, Kind::LeakyRelu),
        HiddenLayer::new(2, Kind::Identity),
    ];
    let mut run = session(hidden, 4, 0.0);
    staged_step(&mut run);
    let view = stage_view::build(run.trainer_mut());
    let routed = equation(
        &view,
        "Backward",
        "delta1 = delta2·W2ᵀ, routed to each unit's winning piece of z1",
    );
    assert_eq!(shapes(routed), [s("delta1", 4, 6, true)]);
    assert_eq!(
        shapes(equation(&view, "Forward", "z1 = x·W1 + b1"))[1],
        s("W1", 2, 6, false)
    );
    assert_eq!(
        shapes(equation(
            &view,
            "Backward",
            "dL/dslope2 = Σ (delta3·W3ᵀ) ⊙ min(z2, 0) / n"
        )),
        [s("dL/dslope2", 1, 2, true)]
    );
    assert_eq!(
        shapes(equation(
            &view,
            "Update",
            "slope2 ← slope2 − 0.3·dL/dslope2"
        ))[2],
        s("slope2 after", 1, 2, true)
    );
    for text in [
        "a3 = sigmoid(z3)",
        "a4 = elu(z4)",
        "a5 = leaky_relu(z5)",
        "a6 = z6",
        "y_hat = softmax(z7)",
    ] {
        equation(&view, "Forward", text);
    }
    equation(&view, "Backward", "delta6 = (delta7·W7ᵀ) ⊙ identity'(z6)");
    // A regression output: identity with squared error.
    let mut run = Session::new(PlaygroundConfig {
        dataset: nnplay::data::DatasetKind::Plane,
        ..PlaygroundConfig::default()
    })
    .unwrap();
    staged_step(&mut run);
    let view = stage_view::build(run.trainer_mut());
    equation(&view, "Forward", "y_hat = z3");
    equation(&view, "Forward", "loss = Σ ½·(y_hat − y)² / n");
}

/// The network drawing's stage overlay shows exactly the stage view's
/// numbers: the chosen example's row of x, a and delta, each link's entry of
/// dL/dW, and after Update each change of W and b.
#[test]
fn the_network_overlay_shows_the_stage_views_values() {
    let mut session = tanh_session();
    assert_eq!(
        stage_view::network::build(session.trainer(), 0),
        None,
        "nothing is shown before a stage runs"
    );
    let example = 3;
    let inputs = session.trainer().network().inputs();
    session.run_stage(Stage::SampleBatch).unwrap();
    let shown = stage_view::network::build(session.trainer(), example).unwrap();
    assert_eq!(shown.stage, Stage::SampleBatch);
    let x = &session.trainer().batch_x()[example * inputs..(example + 1) * inputs];
    assert_eq!(shown.units[0], x);
    assert!(shown.units[1..].iter().all(Vec::is_empty));
    assert_eq!(shown.point, session.trainer().batch_indices()[example]);

    session.run_stage(Stage::Forward).unwrap();
    let shown = stage_view::network::build(session.trainer(), example).unwrap();
    let view = stage_view::build(session.trainer_mut());
    let forward = &view.stages[1];
    for (l, name) in ["a1", "a2", "y_hat"].iter().enumerate() {
        let cells = example_row(matrix(forward, name), example);
        assert_eq!(shown.units[l + 1], cells, "{name} of example {example}");
        assert_eq!(shown.unit_names[l + 1].as_deref(), Some(*name));
    }
    assert_eq!(
        shown.link_name, None,
        "Forward links still show the weights"
    );

    session.run_stage(Stage::Backward).unwrap();
    let shown = stage_view::network::build(session.trainer(), example).unwrap();
    let view = stage_view::build(session.trainer_mut());
    let backward = &view.stages[2];
    assert_eq!(shown.link_name, Some("dL/dW"));
    for l in 0..3 {
        let cells = example_row(matrix(backward, &format!("delta{}", l + 1)), example);
        assert_eq!(
            shown.units[l + 1],
            cells,
            "delta{} of example {example}",
            l + 1
        );
        let dw = matrix(backward, &format!("dL/dW{}", l + 1));
        let flat: Vec<f64> = dw.cells.iter().flatten().map(|c| c.unwrap()).collect();
        assert_eq!(shown.links[l], flat, "dL/dW{}", l + 1);
        assert!(flat.iter().any(|&v| v != 0.0));
    }

    session.run_stage(Stage::Update).unwrap();
    let shown = stage_view::network::build(session.trainer(), example).unwrap();
    let trainer = session.trainer();
    let (before, after) = (trainer.params_before(), trainer.network().params());
    assert_eq!(shown.link_name, Some("ΔW"));
    for (l, layer) in trainer.network().layers().iter().enumerate() {
        let w = layer.w_range();
        let change: Vec<f64> = after[w.clone()]
            .iter()
            .zip(&before[w])
            .map(|(a, b)| a - b)
            .collect();
        assert_eq!(shown.links[l], change);
        // W ← W − lr·dL/dW: the change is −lr times the gradient shown at Backward.
        let lr = trainer.update_learning_rate();
        for (c, g) in change.iter().zip(&trainer.gradient()[layer.w_range()]) {
            assert!(
                (c + lr * g).abs() <= 1e-12 * (1.0 + g.abs()),
                "{c} vs −{lr}·{g}"
            );
        }
        let b = layer.b_range();
        let db: Vec<f64> = after[b.clone()]
            .iter()
            .zip(&before[b])
            .map(|(a, b)| a - b)
            .collect();
        assert_eq!(shown.units[l + 1], db);
    }
    // A chosen example past the batch's end shows its last row.
    let clamped = stage_view::network::build(session.trainer(), 999).unwrap();
    assert_eq!(clamped.example, clamped.rows - 1);
}

/// The values of matrix `m`'s row for batch example `example` (which it shows).
fn example_row(m: &Matrix, example: usize) -> Vec<f64> {
    let row = m
        .row_index
        .iter()
        .position(|&r| r == Some(example))
        .unwrap_or_else(|| panic!("{} does not show example {example}", m.name));
    m.cells[row].iter().map(|c| c.unwrap()).collect()
}

fn matrix<'a>(panel: &'a stage_view::StagePanel, name: &str) -> &'a Matrix {
    panel
        .equations
        .iter()
        .flat_map(|e| &e.matrices)
        .find(|m| m.name == name)
        .unwrap_or_else(|| panic!("no matrix {name}"))
}

/// On a maxout layer each link shows one piece: the piece of largest |w|
/// the drawing strokes, and the overlay gives that piece's dL/dW; a unit's
/// delta is its winning piece's (the others get none).
#[test]
fn the_network_overlay_of_maxout_shows_the_drawn_piece() {
    let hidden = vec![HiddenLayer {
        units: 2,
        activation: Kind::Maxout,
        param: Some(3.0),
    }];
    let mut session = session(hidden, 6, 0.0);
    for stage in [Stage::SampleBatch, Stage::Forward, Stage::Backward] {
        session.run_stage(stage).unwrap();
    }
    let trainer = session.trainer();
    let shown = stage_view::network::build(trainer, 1).unwrap();
    let network = trainer.network();
    let layer = &network.layers()[0];
    let (w, dw) = (&network.params()[layer.w_range()], trainer.dw(0));
    for i in 0..layer.fan_in() {
        for j in 0..layer.units() {
            let piece = nnplay::plot::network::link_piece(network, 0, i, j);
            assert!((j * 3..j * 3 + 3).contains(&piece), "a piece of unit {j}");
            let largest = (0..3)
                .map(|p| w[i * 6 + j * 3 + p].abs())
                .fold(0.0, f64::max);
            assert_eq!(w[i * 6 + piece].abs(), largest);
            assert_eq!(shown.links[0][i * 2 + j], dw[i * 6 + piece]);
        }
    }
    let delta = &trainer.delta(0)[6..12];
    let per_unit: Vec<f64> = delta.chunks(3).map(|p| p.iter().sum()).collect();
    assert_eq!(shown.units[1], per_unit);
    assert!(delta
        .chunks(3)
        .all(|p| p.iter().filter(|&&d| d != 0.0).count() <= 1));
}

/// Forward lights the drawing's columns from the inputs rightwards and
/// Backward from the output leftwards, one more per lit layer; Sample batch
/// lights only the inputs, Update the layers from the left.
#[test]
fn a_stage_lights_the_drawings_columns_in_the_direction_its_pass_runs() {
    use nnplay::plot::network::lit_columns;
    let (t, f) = (true, false);
    assert_eq!(lit_columns(Stage::SampleBatch, 3, None), [t, f, f, f]);
    assert_eq!(lit_columns(Stage::Forward, 3, Some(0)), [t, f, f, f]);
    assert_eq!(lit_columns(Stage::Forward, 3, Some(1)), [t, t, f, f]);
    assert_eq!(lit_columns(Stage::Forward, 3, None), [t, t, t, t]);
    assert_eq!(lit_columns(Stage::Backward, 3, Some(0)), [f, f, f, f]);
    assert_eq!(lit_columns(Stage::Backward, 3, Some(1)), [f, f, f, t]);
    assert_eq!(lit_columns(Stage::Backward, 3, Some(2)), [f, f, t, t]);
    assert_eq!(lit_columns(Stage::Backward, 3, None), [f, t, t, t]);
    assert_eq!(lit_columns(Stage::Update, 3, Some(1)), [f, t, f, f]);
    assert_eq!(
        lit_columns(Stage::Update, 3, Some(9)),
        [f, t, t, t],
        "more than all is all"
    );
}

/// The closed paths (rings) an SVG strokes: (first corner's x, y, stroke colour, stroke width).
fn rings(svg: &str) -> Vec<(f64, f64, String, f64)> {
    let attr = |tag: &str, name: &str| -> Option<String> {
        let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        Some(tag[start..].split('"').next()?.to_owned())
    };
    svg.split("<polyline")
        .skip(1)
        .filter_map(|tag| {
            let tag = tag.split('>').next()?;
            let width = attr(tag, "stroke-width")?.parse().ok()?;
            let points = attr(tag, "points")?;
            let corners: Vec<&str> = points.split_whitespace().collect();
            if corners.len() != 5 || corners[0] != corners[4] {
                return None;
            }
            let (x, y) = corners[0].split_once(',')?;
            Some((
                x.parse().ok()?,
                y.parse().ok()?,
                attr(tag, "stroke")?,
                width,
            ))
        })
        .collect()
}

/// A lit unit gets a ring coloured by its value's sign (blue positive,
/// orange negative) and thicker for a larger value, and its value written
/// under it; a column still to light is veiled, with no ring and no text.
#[test]
fn the_stage_marks_ring_lit_units_by_sign_and_size_and_write_their_values() {
    use nnplay::plot::network::{draw_stage, layout, short, StageMarks};
    use nnplay::plot::palette::{css, diverging};
    use nnplay::plot::Theme;
    use plotters::prelude::*;
    let layout = layout(&[2, 3, 2], 600.0, 300.0, 1.0);
    let units = vec![vec![], vec![0.5, -1.0, 0.0], vec![7.0, 8.0]];
    let lit = [false, true, false];
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (600, 300)).into_drawing_area();
        let marks = StageMarks {
            units: &units,
            lit: &lit,
        };
        draw_stage(&root, &layout, &marks, 1.0, Theme::LIGHT).unwrap();
    }
    let rings = rings(&svg);
    assert_eq!(rings.len(), 3, "a ring per lit unit: {rings:?}");
    let (half, full, zero) = (&rings[0], &rings[1], &rings[2]);
    let hex = |v: f64| css(diverging(v).map(f64::round)).to_uppercase();
    assert_eq!(
        full.2,
        hex(-1.0),
        "the largest negative value at full orange"
    );
    assert_eq!(
        half.2,
        hex(0.35 + 0.65 * 0.5f64.sqrt()),
        "a positive value blue"
    );
    assert!(
        full.3 > half.3 && half.3 > zero.3,
        "thicker for larger: {rings:?}"
    );
    for value in [0.5, -1.0, 0.0] {
        assert!(
            svg.contains(&format!("\n{}\n", short(value))),
            "{value} written"
        );
    }
    for value in [7.0, 8.0] {
        let written = svg.contains(&format!("\n{}\n", short(value)));
        assert!(!written, "{value} is not lit yet");
    }
    let veils = svg.matches("<rect").count();
    assert_eq!(veils, 2, "the column still to light is veiled unit by unit");
    assert_eq!(short(0.000321), "3.2e\u{2212}4");
    assert_eq!(short(-0.4219), "\u{2212}0.42");
}

/// The links can be drawn by any value (the stage's dL/dW): each link's
/// bucket takes the sign of its value, and the largest value gets the
/// strongest colour step.
#[test]
fn links_drawn_by_a_stages_values_take_their_sign_and_size() {
    use nnplay::plot::network::{column_units, layout, Links, LEVELS};
    use nnplay::plot::Theme;
    let session = tanh_session();
    let network = session.trainer().network();
    let layout = layout(&column_units(network), 600.0, 300.0, 1.0);
    let mut links = Links::default();
    // Negative into the first layer, positive after; one link far larger.
    let value = |l: usize, i: usize, j: usize| {
        let big = (l, i, j) == (1, 0, 0);
        let v = if big { 4.0 } else { 0.5 };
        (if l == 0 { -v } else { v }, 4.0)
    };
    links.fill_by(&layout, 1.0, Theme::LIGHT, value);
    let per_sign = |sign: i8| -> usize {
        links
            .buckets()
            .filter(|b| b.sign == sign)
            .map(|b| b.segments.len() / 4)
            .sum()
    };
    let layers = network.layers();
    let first = layers[0].fan_in() * layers[0].units();
    let total: usize = layers.iter().map(|l| l.fan_in() * l.units()).sum();
    assert_eq!(per_sign(-1), first);
    assert_eq!(per_sign(1), total - first);
    let strongest: Vec<_> = links.buckets().filter(|b| b.level == LEVELS - 1).collect();
    assert_eq!(strongest.len(), 1);
    assert_eq!(strongest[0].segments.len(), 4, "only the largest value");
}

/// `fill_stage` draws the lit layers' links by the stage's values and
/// leaves the others as `fill` draws them: with no layer lit the links are
/// the weights', bucket for bucket; with every layer lit and all values
/// negative, every link takes the negative colour.
#[test]
fn a_stage_draws_its_lit_layers_links_by_its_values_and_the_others_by_their_weights() {
    use nnplay::plot::network::{column_units, layout, Links};
    use nnplay::plot::Theme;
    let session = tanh_session();
    let network = session.trainer().network();
    let layout = layout(&column_units(network), 600.0, 300.0, 1.0);
    let layers = network.layers();
    let values: Vec<Vec<f64>> = layers
        .iter()
        .map(|l| vec![-0.5; l.fan_in() * l.units()])
        .collect();
    let segments = |links: &Links, sign: i8| -> Vec<(u8, u32, usize)> {
        let mut found: Vec<_> = (links.buckets())
            .filter(|b| b.sign == sign && !b.segments.is_empty())
            .map(|b| (b.level, b.width, b.segments.len()))
            .collect();
        found.sort();
        found
    };
    let mut weights = Links::default();
    weights.fill(network, &layout, 1.0, Theme::LIGHT);
    let mut none_lit = Links::default();
    let unlit = vec![false; layers.len() + 1];
    none_lit.fill_stage(network, &layout, 1.0, Theme::LIGHT, &values, &unlit);
    for sign in [-1, 0, 1] {
        assert_eq!(
            segments(&none_lit, sign),
            segments(&weights, sign),
            "sign {sign}"
        );
    }
    let mut all_lit = Links::default();
    let lit = vec![true; layers.len() + 1];
    all_lit.fill_stage(network, &layout, 1.0, Theme::LIGHT, &values, &lit);
    let total: usize = layers.iter().map(|l| l.fan_in() * l.units()).sum();
    let negative: usize = segments(&all_lit, -1).iter().map(|(_, _, n)| n / 4).sum();
    assert_eq!(negative, total);
    assert!(segments(&all_lit, 1).is_empty());
}
