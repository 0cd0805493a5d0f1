#![cfg(not(target_arch = "wasm32"))]
//! Native tests of what a student keeps: the network file loads back to the
//! same weights bit for bit (so the same predictions), a bad file is refused
//! with a message naming what is wrong, and the loss history's CSV has one
//! row per recorded step.

use nnplay::activation::Kind;
use nnplay::config::{HiddenLayer, PlaygroundConfig};
use nnplay::data::DatasetKind;
use nnplay::export::{loss_csv, network_file, read_network_file, NetworkFile};
use nnplay::json::{parse_text, Json};
use nnplay::network::{Network, NetworkConfig};
use nnplay::session::{Record, Session, HISTORY_LIMIT};
use nnplay::train::{Regularization, TrainSettings};

fn session(config: PlaygroundConfig) -> Session {
    Session::new(config).expect("a valid config")
}

/// A 21 × 21 grid over the data's square, row-major (x1, x2).
fn grid() -> Vec<f64> {
    let steps = (0..21).map(|i| -6.0 + 0.6 * f64::from(i));
    steps
        .clone()
        .flat_map(|x1| steps.clone().flat_map(move |x2| [x1, x2]))
        .collect()
}

fn predict(run: &mut Session, xs: &[f64]) -> Vec<u64> {
    let outputs = run.trainer().network().outputs();
    let mut out = vec![0.0; xs.len() / 2 * outputs];
    run.trainer_mut().predict_into(xs, &mut out).unwrap();
    out.iter().map(|y| y.to_bits()).collect()
}

fn bits(values: &[f64]) -> Vec<u64> {
    values.iter().map(|v| v.to_bits()).collect()
}

/// The file's text read back as a tree, as the page reads an uploaded file.
fn reread(file: &Json) -> Json {
    parse_text(&file.to_string()).expect("the file is valid JSON")
}

fn layer(units: usize, activation: Kind, param: Option<f64>) -> HiddenLayer {
    HiddenLayer {
        units,
        activation,
        param,
    }
}

/// Runs that cover every kind of layer and both outputs.
fn configs() -> Vec<PlaygroundConfig> {
    let base = PlaygroundConfig::default();
    vec![
        base.clone(),
        PlaygroundConfig {
            dataset: DatasetKind::Spiral3,
            hidden: vec![
                layer(8, Kind::Relu, None),
                layer(5, Kind::LeakyRelu, Some(0.1)),
                layer(3, Kind::Maxout, Some(3.0)),
            ],
            train: TrainSettings {
                learning_rate: 0.1,
                ..base.train
            },
            ..base.clone()
        },
        PlaygroundConfig {
            dataset: DatasetKind::Xor,
            noise: 0.2,
            seed: 9_007_199_254_740_991,
            hidden: vec![layer(6, Kind::Prelu, Some(-0.5)), layer(4, Kind::Elu, None)],
            train: TrainSettings {
                batch_size: 3,
                regularization: Regularization::L2(0.001),
                ..base.train
            },
            ..base.clone()
        },
        PlaygroundConfig {
            dataset: DatasetKind::Plane,
            hidden: vec![layer(4, Kind::Sigmoid, None)],
            ..base
        },
    ]
}

#[test]
fn a_saved_network_loads_back_to_the_same_weights_and_predictions() {
    let xs = grid();
    for config in configs() {
        let mut run = session(config.clone());
        run.run(137).unwrap();
        // A learning rate changed midway is kept (a link's `steps` could not replay it).
        let retuned = PlaygroundConfig {
            train: TrainSettings {
                learning_rate: 0.01,
                ..config.train
            },
            ..config.clone()
        };
        run.retune(&retuned).unwrap();
        run.run(50).unwrap();
        let file = read_network_file(&reread(&network_file(&run))).expect("a valid file");
        assert_eq!(file.step, 187);
        assert_eq!(file.training, *run.config());
        assert_eq!(file.training.train.learning_rate, 0.01);
        assert_eq!(bits(&file.params), bits(run.trainer().network().params()));
        let mut loaded = file.into_session().unwrap();
        assert_eq!(
            predict(&mut loaded, &xs),
            predict(&mut run, &xs),
            "{config:?}"
        );
        assert_eq!(
            loaded.latest().train_loss.to_bits(),
            run.latest().train_loss.to_bits()
        );
    }
}

#[test]
fn a_loaded_network_is_the_runs_new_start_which_reset_returns_to() {
    let mut run = session(PlaygroundConfig::default());
    run.run(300).unwrap();
    let saved = bits(run.trainer().network().params());
    let mut loaded = read_network_file(&reread(&network_file(&run)))
        .unwrap()
        .into_session()
        .unwrap();
    assert_eq!(loaded.trainer().step_count(), 0);
    assert_eq!(loaded.history().records().len(), 1);
    loaded.run(25).unwrap();
    assert_ne!(bits(loaded.trainer().network().params()), saved);
    loaded.reset();
    assert_eq!(bits(loaded.trainer().network().params()), saved);
}

#[test]
fn every_bit_survives_even_negative_zero_and_tiny_weights() {
    let mut run = session(PlaygroundConfig::default());
    let mut params = run.trainer().network().params().to_vec();
    let odd = [
        -0.0,
        5e-324,
        -1.7976931348623157e308,
        0.1 + 0.2,
        1.0 / 3.0,
        4503599627370497.5,
    ];
    params[..odd.len()].copy_from_slice(&odd);
    run.start_from(&params).unwrap();
    let file = read_network_file(&reread(&network_file(&run))).unwrap();
    assert_eq!(bits(&file.params), bits(&params));
}

#[test]
fn the_files_model_and_params_build_the_same_network_with_the_model_api() {
    let mut run = session(configs()[1].clone());
    run.run(40).unwrap();
    let tree = reread(&network_file(&run));
    let config = NetworkConfig::from_tree(tree.get("model").unwrap()).unwrap();
    let mut model = Network::new(config).unwrap();
    let file = read_network_file(&tree).unwrap();
    model.set_params(&file.params).unwrap();
    let xs = grid();
    let y_hat = model.predict(&xs).unwrap();
    assert_eq!(bits(&y_hat), predict(&mut run, &xs));
}

/// The saved file of a fresh default run, as text, with `from` replaced by `to`.
fn edited(from: &str, to: &str) -> Result<NetworkFile, String> {
    let text = network_file(&session(PlaygroundConfig::default())).to_string();
    assert!(text.contains(from), "{from} in {text}");
    let tree = parse_text(&text.replacen(from, to, 1)).expect("still JSON");
    read_network_file(&tree).map_err(|e| e.to_string())
}

#[test]
fn a_bad_file_is_refused_with_a_message_naming_what_is_wrong() {
    let cases = [
        (
            "\"format\":\"nnplay-network\"",
            "\"format\":\"other\"",
            "not an nnplay network file",
        ),
        ("\"version\":1", "\"version\":2", "version must be 1, got 2"),
        (
            "\"link\":\"\"",
            "\"link\":\"lr=abc\"",
            "link: lr accepts a number",
        ),
        ("\"link\":\"\"", "\"link\":5", "link must be a string"),
        ("\"step\":0", "\"step\":-3", "step must be a whole number"),
        (
            "\"units\":4",
            "\"units\":5",
            "is not the network its link describes",
        ),
        ("\"units\":4", "\"units\":0", "model: layers[0].units"),
        (
            "\"params\":[",
            "\"params\":[1,",
            "params hold 29 numbers; this network has 28",
        ),
        ("\"params\":[", "\"params\":[null,", "params hold 29"),
        (
            "\"params\":[",
            "\"params\":{\"a\":0},\"other\":[",
            "params must be an array of 28 numbers",
        ),
    ];
    for (from, to, message) in cases {
        let error = edited(from, to).expect_err(to);
        assert!(error.contains(message), "{to}: {error}");
    }
    let mut text = network_file(&session(PlaygroundConfig::default())).to_string();
    let start = text.find("\"params\":[").unwrap() + "\"params\":[".len();
    let end = start + text[start..].find(',').unwrap();
    text.replace_range(start..end, "\"0.5\"");
    let error = read_network_file(&parse_text(&text).unwrap()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the network file's params[0] must be a finite number, got \"0.5\""
    );
    let not_a_file = read_network_file(&parse_text("[1, 2]").unwrap()).unwrap_err();
    assert!(not_a_file
        .to_string()
        .contains("not an nnplay network file"));
}

#[test]
fn the_csv_has_a_header_and_one_row_per_recorded_step() {
    let mut run = session(PlaygroundConfig::default());
    for _ in 0..5 {
        run.run(1).unwrap();
    }
    run.run(20).unwrap();
    run.run(3).unwrap();
    let csv = loss_csv(run.history().records());
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "step,train_loss,test_loss,train_accuracy,test_accuracy"
    );
    assert!(csv.ends_with('\n'));
    let steps: Vec<&str> = lines[1..]
        .iter()
        .map(|l| l.split(',').next().unwrap())
        .collect();
    // Kept records every 25 steps (250 samples in batches of 10), then where the run stands.
    assert_eq!(steps, ["0", "25", "28"]);
    for (line, record) in lines[1..].iter().zip(run.history().records()) {
        let cells: Vec<f64> = line.split(',').map(|c| c.parse().unwrap()).collect();
        let expected = [
            record.step as f64,
            record.train_loss,
            record.test_loss,
            record.train_accuracy,
            record.test_accuracy,
        ];
        assert_eq!(bits(&cells), bits(&expected), "{line}");
    }
}

#[test]
fn the_csv_follows_the_decimated_history_of_a_long_run() {
    let mut run = session(PlaygroundConfig::default());
    for _ in 0..(HISTORY_LIMIT + 300) {
        run.run(2).unwrap();
    }
    let records = run.history().records();
    assert!(records.len() <= HISTORY_LIMIT);
    let csv = loss_csv(records);
    assert_eq!(csv.lines().count(), records.len() + 1);
    let last = csv.lines().last().unwrap();
    assert!(last.starts_with(&format!("{},", records.last().unwrap().step)));
}

#[test]
fn the_csv_leaves_missing_accuracies_empty_and_writes_overflow_as_inf() {
    let records = [
        Record {
            step: 0,
            train_loss: 0.5,
            test_loss: f64::INFINITY,
            train_accuracy: f64::NAN,
            test_accuracy: f64::NAN,
        },
        Record {
            step: 7,
            train_loss: 1e-7,
            test_loss: 2.0,
            train_accuracy: 1.0,
            test_accuracy: 0.75,
        },
    ];
    assert_eq!(
        loss_csv(&records),
        "step,train_loss,test_loss,train_accuracy,test_accuracy\n0,0.5,inf,,\n7,1e-7,2.0,1.0,0.75\n"
    );
    let regression = PlaygroundConfig {
        dataset: DatasetKind::Plane,
        ..PlaygroundConfig::default()
    };
    let csv = loss_csv(session(regression).history().records());
    assert!(csv.lines().nth(1).unwrap().ends_with(",,"), "{csv}");
}
