#![cfg(not(target_arch = "wasm32"))]
//! The network against independent references: central finite differences for
//! every gradient, hand computations for the parameter layout, and the config
//! and length errors a student can run into.

mod common;

use common::{distance_to_kink, numerical_gradient, random_xs, random_ys, worst_relative_error};
use nnplay::network::{Network, NetworkConfig};
use nnplay::train::Model;

/// Step of the central differences.
const H: f64 = 1e-6;
/// Largest relative error allowed between analytic and numerical gradients.
const TOLERANCE: f64 = 1e-6;
/// Denominator floor. A central difference carries a rounding error of about
/// ε·|L|/h ≈ 1e-10, so a relative error of 1e-6 is only measurable for
/// components of at least 1e-4; smaller ones (a PReLU slope's 9e-6, say) are
/// held to an absolute 1e-10 instead. Dead units (exactly 0 both ways) pass.
const FLOOR: f64 = 1e-4;
/// No z may sit closer than this to a kink, so ±h never crosses one.
const KINK_MARGIN: f64 = 1e-4;

/// The hidden layers under test, as JSON fragments (units filled in).
const HIDDEN: [&str; 12] = [
    r#""activation": "identity""#,
    r#""activation": "sigmoid""#,
    r#""activation": "tanh""#,
    r#""activation": "relu""#,
    r#""activation": "leaky_relu""#,
    r#""activation": "leaky_relu", "param": 0.2"#,
    r#""activation": "prelu""#,
    r#""activation": "elu""#,
    r#""activation": "swish""#,
    r#""activation": "gelu""#,
    r#""activation": "maxout", "pieces": 2"#,
    r#""activation": "maxout", "pieces": 3"#,
];

/// Two hidden layers of `hidden` (5 and 4 units) over 3 inputs, then `output`.
fn two_hidden(hidden: &str, output: &str, seed: u64) -> String {
    format!(
        r#"{{"inputs": 3, "seed": {seed}, "layers": [{{"units": 5, {hidden}}}, {{"units": 4, {hidden}}}, {output}]}}"#
    )
}

/// Checks `gradient` against finite differences for the first seed whose
/// batch stays clear of every kink; returns the worst relative error.
fn gradient_check(config: impl Fn(u64) -> String) -> f64 {
    for seed in 0..200 {
        let mut net = Network::from_json(&config(seed)).unwrap();
        let xs = random_xs(6, net.inputs(), seed);
        if distance_to_kink(&net, &xs) < KINK_MARGIN {
            continue;
        }
        let ys = random_ys(&net, 6, seed);
        let analytic = net.gradient(&xs, &ys).unwrap();
        let numerical = numerical_gradient(&mut net, &xs, &ys, H);
        let (error, k) = worst_relative_error(&analytic, &numerical, FLOOR);
        assert!(
            error <= TOLERANCE,
            "{}: parameter {k}: analytic {} vs numerical {} (relative error {error:e})",
            config(seed),
            analytic[k],
            numerical[k]
        );
        return error;
    }
    panic!("no seed in 0..200 keeps {} clear of kinks", config(0));
}

#[test]
fn gradient_matches_finite_differences_for_every_hidden_activation_with_softmax() {
    let output = r#"{"units": 3, "activation": "softmax"}"#;
    for hidden in HIDDEN {
        let error = gradient_check(|seed| two_hidden(hidden, output, seed));
        eprintln!("softmax / {hidden}: {error:e}");
    }
}

#[test]
fn gradient_matches_finite_differences_for_every_hidden_activation_with_squared_error() {
    let output = r#"{"units": 2, "activation": "identity"}"#;
    for hidden in HIDDEN {
        let error = gradient_check(|seed| two_hidden(hidden, output, seed));
        eprintln!("identity / {hidden}: {error:e}");
    }
}

#[test]
fn gradient_matches_finite_differences_for_three_mixed_hidden_layers() {
    let softmax = |seed: u64| {
        format!(
            r#"{{"inputs": 3, "seed": {seed}, "layers": [
                {{"units": 6, "activation": "tanh"}},
                {{"units": 4, "activation": "maxout", "pieces": 3}},
                {{"units": 5, "activation": "prelu"}},
                {{"units": 4, "activation": "softmax"}}]}}"#
        )
    };
    let identity = |seed: u64| {
        format!(
            r#"{{"inputs": 2, "seed": {seed}, "layers": [
                {{"units": 5, "activation": "sigmoid"}},
                {{"units": 6, "activation": "elu", "param": 0.7}},
                {{"units": 3, "activation": "maxout", "pieces": 4}},
                {{"units": 3, "activation": "identity"}}]}}"#
        )
    };
    gradient_check(softmax);
    gradient_check(identity);
}

#[test]
fn gradient_matches_finite_differences_without_hidden_layers() {
    gradient_check(|seed| {
        format!(
            r#"{{"inputs": 4, "seed": {seed}, "layers": [{{"units": 3, "activation": "softmax"}}]}}"#
        )
    });
    gradient_check(|seed| {
        format!(
            r#"{{"inputs": 4, "seed": {seed}, "layers": [{{"units": 1, "activation": "identity"}}]}}"#
        )
    });
}

#[test]
fn prelu_slope_gradients_match_finite_differences_for_varied_slopes() {
    let config = r#"{"inputs": 2, "seed": 3, "layers": [
        {"units": 4, "activation": "prelu"}, {"units": 2, "activation": "softmax"}]}"#;
    let mut net = Network::from_json(config).unwrap();
    let slopes = net.layers()[0].slope_range();
    let mut params = net.params().to_vec();
    params[slopes].copy_from_slice(&[-0.4, 0.05, 0.6, 1.3]);
    net.set_params(&params).unwrap();
    let xs = random_xs(8, 2, 11);
    assert!(distance_to_kink(&net, &xs) > KINK_MARGIN);
    let ys = random_ys(&net, 8, 11);
    let analytic = net.gradient(&xs, &ys).unwrap();
    let numerical = numerical_gradient(&mut net, &xs, &ys, H);
    let (error, k) = worst_relative_error(&analytic, &numerical, FLOOR);
    assert!(
        error <= TOLERANCE,
        "parameter {k}: {} vs {} relative error {error:e}",
        analytic[k],
        numerical[k]
    );
    let slope_gradient = &analytic[net.layers()[0].slope_range()];
    assert!(
        slope_gradient.iter().any(|g| g.abs() > 1e-4),
        "slopes get a gradient: {slope_gradient:?}"
    );
}

/// inputs 2 → maxout (2 units × 2 pieces) → prelu (2 units) → identity (1).
const HAND_NET: &str = r#"{"inputs": 2, "layers": [
    {"units": 2, "activation": "maxout", "pieces": 2},
    {"units": 2, "activation": "prelu"},
    {"units": 1, "activation": "identity"}]}"#;

/// Parameters of HAND_NET in the layout docs/js-api.md gives.
#[rustfmt::skip]
const HAND_PARAMS: [f64; 23] = [
    // W0, 2 × 4: columns 0, 1 are unit 0's pieces, columns 2, 3 unit 1's.
    1.0, -1.0, 0.5, 2.0,
    0.0, 1.0, -1.0, -1.0,
    // b0
    0.0, 0.5, 1.0, 0.0,
    // W1, 2 × 2
    1.0, -2.0,
    3.0, 4.0,
    // b1
    -1.0, 0.5,
    // PReLU slopes of layer 1
    0.1, 0.3,
    // W2, 2 × 1, and b2
    2.0, -1.0,
    0.25,
];

#[test]
fn parameter_layout_matches_a_hand_computation() {
    let mut net = Network::from_json(HAND_NET).unwrap();
    assert_eq!(net.param_count(), 23);
    let layers = net.layers();
    assert_eq!((layers[0].w_range(), layers[0].b_range()), (0..8, 8..12));
    assert_eq!(
        (
            layers[1].w_range(),
            layers[1].b_range(),
            layers[1].slope_range()
        ),
        (12..16, 16..18, 18..20)
    );
    assert_eq!((layers[2].w_range(), layers[2].b_range()), (20..22, 22..23));
    net.set_params(&HAND_PARAMS).unwrap();
    // Row 1, x = (1, 2): z0 = (1, 1.5 | −0.5, 0) → a0 = (1.5, 0);
    // z1 = (0.5, −2.5) → a1 = (0.5, 0.3·−2.5) = (0.5, −0.75); y = 1 + 0.75 + 0.25.
    // Row 2, x = (−1, 0): z0 = (−1, 1.5 | 0.5, −2) → a0 = (1.5, 0.5);
    // z1 = (2, −0.5) → a1 = (2, −0.15); y = 4 + 0.15 + 0.25.
    let y_hat = net.predict(&[1.0, 2.0, -1.0, 0.0]).unwrap();
    assert_eq!(y_hat.len(), 2);
    assert!((y_hat[0] - 2.0).abs() < 1e-12, "{y_hat:?}");
    assert!((y_hat[1] - 4.4).abs() < 1e-12, "{y_hat:?}");
    assert_eq!(net.params(), &HAND_PARAMS[..]);
    assert_eq!(net.workspace().winners(0), &[1, 1, 1, 0]);
}

#[test]
fn softmax_output_matches_a_hand_computation() {
    let mut net =
        Network::from_json(r#"{"inputs": 1, "layers": [{"units": 2, "activation": "softmax"}]}"#)
            .unwrap();
    net.set_params(&[1.0, -1.0, 0.0, 0.0]).unwrap();
    // z = (ln 3, −ln 3): softmax = (3, 1/3) / (10/3) = (0.9, 0.1); CE of class 0 = −ln 0.9.
    let x = [libm::log(3.0)];
    let y_hat = net.predict(&x).unwrap();
    assert!(
        (y_hat[0] - 0.9).abs() < 1e-12 && (y_hat[1] - 0.1).abs() < 1e-12,
        "{y_hat:?}"
    );
    let loss = net.loss(&x, &[1.0, 0.0]).unwrap();
    assert!((loss + libm::log(0.9)).abs() < 1e-12, "{loss}");
}

#[test]
fn squared_error_is_half_the_mean_sum_of_squares() {
    let mut net =
        Network::from_json(r#"{"inputs": 1, "layers": [{"units": 2, "activation": "identity"}]}"#)
            .unwrap();
    net.set_params(&[1.0, 2.0, 0.0, 0.0]).unwrap();
    // Rows x = 1 and x = 2 give y_hat (1, 2) and (2, 4); errors (1, 2) and (0, 1).
    let loss = net.loss(&[1.0, 2.0], &[0.0, 0.0, 2.0, 3.0]).unwrap();
    assert_eq!(loss, (0.5 * (1.0 + 4.0) + 0.5 * (0.0 + 1.0)) / 2.0);
}

#[test]
fn same_config_and_seed_give_bit_identical_weights() {
    let config = two_hidden(
        r#""activation": "tanh""#,
        r#"{"units": 2, "activation": "softmax"}"#,
        7,
    );
    let a = Network::from_json(&config).unwrap();
    let b = Network::from_json(&config).unwrap();
    let bits = |net: &Network| net.params().iter().map(|p| p.to_bits()).collect::<Vec<_>>();
    assert_eq!(bits(&a), bits(&b));
    let other = two_hidden(
        r#""activation": "tanh""#,
        r#"{"units": 2, "activation": "softmax"}"#,
        8,
    );
    assert_ne!(bits(&a), bits(&Network::from_json(&other).unwrap()));
}

#[test]
fn initial_weights_follow_glorot_and_he_and_biases_start_at_zero() {
    let config = r#"{"inputs": 16, "seed": 1, "layers": [
        {"units": 64, "activation": "tanh"}, {"units": 64, "activation": "relu"},
        {"units": 32, "activation": "prelu"}, {"units": 3, "activation": "softmax"}]}"#;
    let net = Network::from_json(config).unwrap();
    let expected = [
        (6.0f64 / 80.0).sqrt(),
        (6.0f64 / 64.0).sqrt(),
        (6.0f64 / 64.0).sqrt(),
        (6.0f64 / 35.0).sqrt(),
    ];
    for (layer, limit) in net.layers().iter().zip(expected) {
        assert!((nnplay::network::uniform_limit(layer) - limit).abs() < 1e-15);
        let w = &net.params()[layer.w_range()];
        let largest = w.iter().fold(0.0f64, |m, v| m.max(v.abs()));
        assert!(
            largest <= limit && largest > 0.8 * limit,
            "largest |w| {largest} vs limit {limit}"
        );
        let mean = w.iter().sum::<f64>() / w.len() as f64;
        assert!(
            mean.abs() < 0.2 * limit,
            "weights centred on 0: mean {mean}"
        );
        assert!(net.params()[layer.b_range()].iter().all(|&b| b == 0.0));
    }
    assert!(net.params()[net.layers()[2].slope_range()]
        .iter()
        .all(|&s| s == 0.25));
}

/// The error message for `json`, which must be refused.
fn config_error(json: &str) -> String {
    match Network::from_json(json) {
        Ok(_) => panic!("{json} was accepted"),
        Err(error) => error.to_string(),
    }
}

fn assert_mentions(message: &str, parts: &[&str]) {
    for part in parts {
        assert!(
            message.contains(part),
            "{message:?} should mention {part:?}"
        );
    }
}

#[test]
fn bad_configs_give_errors_naming_the_field_and_what_it_accepts() {
    let layers = |layer: &str| {
        format!(r#"{{"inputs": 2, "layers": [{layer}, {{"units": 2, "activation": "softmax"}}]}}"#)
    };
    let cases: [(String, &[&str]); 13] = [
        (
            layers(r#"{"units": 3, "activation": "mish"}"#),
            &[
                "layers[0].activation",
                "\"mish\"",
                "identity, sigmoid, tanh, relu, leaky_relu, prelu, elu, swish, gelu, maxout, softmax",
            ],
        ),
        (
            layers(r#"{"units": 0, "activation": "tanh"}"#),
            &[
                "layers[0].units",
                "must be a whole number from 1 to 64, got 0",
            ],
        ),
        (
            layers(r#"{"units": 999, "activation": "tanh"}"#),
            &[
                "layers[0].units",
                "must be a whole number from 1 to 64, got 999",
            ],
        ),
        (
            layers(r#"{"units": 2.5, "activation": "tanh"}"#),
            &["layers[0].units", "got 2.5"],
        ),
        (
            layers(r#"{"units": "8", "activation": "tanh"}"#),
            &["layers[0].units", "got \"8\""],
        ),
        (
            layers(r#"{"units": 3, "activation": "softmax"}"#),
            &[
                "layers[0].activation",
                "softmax is only allowed in the output",
                "maxout",
            ],
        ),
        (
            layers(r#"{"units": 3, "activation": "maxout", "pieces": 9}"#),
            &["layers[0].pieces", "from 2 to 4, got 9"],
        ),
        (
            layers(r#"{"units": 3, "activation": "tanh", "pieces": 2}"#),
            &["layers[0].pieces", "only maxout"],
        ),
        (
            layers(r#"{"units": 3, "activation": "sigmoid", "param": 0.5}"#),
            &["layers[0].param", "sigmoid takes no parameter"],
        ),
        (
            layers(r#"{"units": 3, "activation": "leaky_relu", "param": 2}"#),
            &["layers[0].param", "alpha for leaky_relu", "got 2"],
        ),
        (
            layers(r#"{"units": 3, "activation": "tanh", "colour": "red"}"#),
            &[
                "layers[0]",
                "unknown field \"colour\"",
                "accepted: units, activation, param, pieces",
            ],
        ),
        (
            layers(r#"{"activation": "tanh"}"#),
            &["layers[0].units is missing"],
        ),
        (layers("[3]"), &["layers[0] must be an object"]),
    ];
    for (json, parts) in &cases {
        assert_mentions(&config_error(json), parts);
    }
}

#[test]
fn bad_whole_configs_give_errors_naming_the_field() {
    let cases: [(&str, &[&str]); 10] = [
        (
            r#"{"inputs": 2, "layers": [{"units": 2, "activation": "softmax"}"#,
            &["not valid JSON", "line 1"],
        ),
        ("", &["not valid JSON"]),
        ("[]", &["config must be a JSON object"]),
        (
            r#"{"inputs": 2, "layers": [], "colour": 1}"#,
            &["unknown field \"colour\"", "accepted: inputs, seed, layers"],
        ),
        (
            r#"{"inputs": 0, "layers": [{"units": 2, "activation": "softmax"}]}"#,
            &["inputs must be a whole number from 1 to 16, got 0"],
        ),
        (
            r#"{"inputs": 2, "seed": -1, "layers": [{"units": 2, "activation": "softmax"}]}"#,
            &["seed must be a whole number", "got -1"],
        ),
        (r#"{"inputs": 2}"#, &["layers is missing"]),
        (
            r#"{"inputs": 2, "layers": []}"#,
            &["layers must be a list of 1 to 7 layers", "got 0 layers"],
        ),
        (
            r#"{"inputs": 2, "layers": [{"units": 2, "activation": "tanh"}]}"#,
            &[
                "layers[0].activation",
                "output (last) layer must be softmax",
                "or identity",
                "got tanh",
            ],
        ),
        (
            r#"{"inputs": 2, "layers": [{"units": 1, "activation": "softmax"}]}"#,
            &["layers[0].units must be a whole number from 2 to 8, got 1"],
        ),
    ];
    for (json, parts) in cases {
        assert_mentions(&config_error(json), parts);
    }
    let eight = r#"{"units": 2, "activation": "relu"}, "#.repeat(7);
    let too_deep =
        format!(r#"{{"inputs": 2, "layers": [{eight}{{"units": 2, "activation": "softmax"}}]}}"#);
    assert_mentions(
        &config_error(&too_deep),
        &["layers must be a list of 1 to 7 layers", "got 8 layers"],
    );
}

#[test]
fn the_design_example_parses_and_round_trips_through_json() {
    use nnplay::activation::Kind;
    use nnplay::network::{LayerConfig, NetworkConfig};
    let design = r#"{"inputs": 2, "seed": 7,
        "layers": [{"units": 8, "activation": "tanh"},
                   {"units": 4, "activation": "maxout", "pieces": 2},
                   {"units": 3, "activation": "leaky_relu", "param": 0.01},
                   {"units": 2, "activation": "softmax"}]}"#;
    let config = NetworkConfig::from_json(design).unwrap();
    let built = NetworkConfig::new(
        2,
        7,
        vec![
            LayerConfig::new(8, Kind::Tanh),
            LayerConfig::new(4, Kind::Maxout).with_pieces(2),
            LayerConfig::new(3, Kind::LeakyRelu).with_param(0.01),
            LayerConfig::new(2, Kind::Softmax),
        ],
    );
    assert_eq!(config, built);
    let json = built.to_json();
    assert_eq!(
        json,
        r#"{"inputs":2,"seed":7,"layers":[{"units":8,"activation":"tanh"},{"units":4,"activation":"maxout","pieces":2},{"units":3,"activation":"leaky_relu","param":0.01},{"units":2,"activation":"softmax"}]}"#
    );
    assert_eq!(NetworkConfig::from_json(&json).unwrap(), built);
    let net = Network::new(built).unwrap();
    // 2·8 + 8, 8·8 + 8 (4 units × 2 pieces), 4·3 + 3, 3·2 + 2.
    assert_eq!(net.param_count(), 24 + 72 + 15 + 8);
    assert_eq!((net.inputs(), net.outputs()), (2, 2));
    let seedless = r#"{"inputs": 1, "layers": [{"units": 1, "activation": "identity"}]}"#;
    assert_eq!(NetworkConfig::from_json(seedless).unwrap().seed, 0);
}

#[test]
fn configs_built_in_rust_are_validated_too() {
    use nnplay::activation::Kind;
    use nnplay::network::{LayerConfig, NetworkConfig};
    let config = NetworkConfig::new(
        2,
        0,
        vec![
            LayerConfig::new(65, Kind::Relu),
            LayerConfig::new(2, Kind::Softmax),
        ],
    );
    let message = Network::new(config).unwrap_err().to_string();
    assert_eq!(
        message,
        "layers[0].units must be a whole number from 1 to 64, got 65"
    );
}

fn small_net() -> Network {
    Network::from_json(r#"{"inputs": 2, "seed": 1, "layers": [{"units": 3, "activation": "relu"}, {"units": 2, "activation": "softmax"}]}"#).unwrap()
}

#[test]
fn wrong_lengths_and_non_finite_numbers_give_errors_naming_the_problem() {
    let mut net = small_net();
    let mut model = Model::new(small_net());
    let xs = [0.5, -0.5, 1.0, 2.0];
    let ys = [1.0, 0.0, 0.0, 1.0];
    let message =
        |result: Result<f64, nnplay::network::ModelError>| result.unwrap_err().to_string();
    assert_mentions(
        &net.predict(&[1.0, 2.0, 3.0]).unwrap_err().to_string(),
        &["xs has 3 numbers", "multiple of 2"],
    );
    assert_mentions(
        &net.predict(&[]).unwrap_err().to_string(),
        &["empty", "2 inputs"],
    );
    assert_mentions(
        &message(net.loss(&xs, &ys[..3])),
        &["ys has 3 numbers; expected 4 (2 rows × 2 outputs"],
    );
    assert_mentions(
        &message(net.loss(&[f64::NAN, 0.0], &ys[..2])),
        &["xs[0] is NaN", "finite"],
    );
    assert_mentions(
        &message(net.loss(&xs, &[1.0, f64::INFINITY, 0.0, 1.0])),
        &["ys[1] is inf"],
    );
    assert_mentions(
        &message(model.step(&xs, &ys, 0.0)),
        &["learning_rate must be a number from 0.00001 to 10, got 0"],
    );
    assert_mentions(&message(model.step(&xs, &ys, -1.0)), &["got -1"]);
    assert_mentions(&message(model.step(&xs, &ys, f64::NAN)), &["got NaN"]);
    assert_mentions(
        &message(model.step(&xs, &ys, 10.5)),
        &["from 0.00001 to 10, got 10.5"],
    );
    assert_mentions(&message(model.step(&xs, &ys, 9e-6)), &["got 0.000009"]);
    assert!(
        model.clone().step(&xs, &ys, 10.0).is_ok() && model.clone().step(&xs, &ys, 1e-5).is_ok()
    );
    assert_mentions(
        &message(model.fit(&xs, &ys, 0.1, 0, 1)),
        &["batch_size must be a whole number from 1 to 2 (the rows of xs), got 0"],
    );
    assert_mentions(
        &message(model.fit(&xs, &ys, 0.1, 3, 1)),
        &["from 1 to 2", "got 3"],
    );
    assert_mentions(
        &net.set_params(&[0.0; 3]).unwrap_err().to_string(),
        &["params has 3 numbers; this network has 17 parameters"],
    );
    let mut params = net.params().to_vec();
    params[4] = f64::NAN;
    assert_mentions(
        &net.set_params(&params).unwrap_err().to_string(),
        &["params[4] is NaN"],
    );
    let mut out = [0.0; 3];
    assert_mentions(
        &net.predict_into(&xs, &mut out).unwrap_err().to_string(),
        &["output buffer has 3 numbers; expected 4"],
    );
    let mut regression =
        Network::from_json(r#"{"inputs": 2, "layers": [{"units": 1, "activation": "identity"}]}"#)
            .unwrap();
    assert_mentions(
        &message(regression.accuracy(&xs, &[1.0, 0.0])),
        &["accuracy needs a softmax output"],
    );
}

#[test]
fn softmax_and_cross_entropy_stay_finite_for_huge_logits() {
    let mut net = small_net();
    let huge: Vec<f64> = net
        .params()
        .iter()
        .enumerate()
        .map(|(i, _)| if i % 2 == 0 { 1e150 } else { -1e150 })
        .collect();
    net.set_params(&huge).unwrap();
    let xs = [3.0, -2.0, -1.0, 4.0];
    let y_hat = net.predict(&xs).unwrap();
    assert!(
        y_hat
            .iter()
            .all(|p| p.is_finite() && (0.0..=1.0).contains(p)),
        "{y_hat:?}"
    );
    assert!((y_hat[0] + y_hat[1] - 1.0).abs() < 1e-12);
    // Wrong classes on purpose, so y_hat of the true class underflows to 0.
    let wrong: Vec<f64> = y_hat
        .iter()
        .map(|p| if *p > 0.5 { 0.0 } else { 1.0 })
        .collect();
    let loss = net.loss(&xs, &wrong).unwrap();
    assert!(loss.is_finite() && loss > 1e100, "{loss}");
    assert!(net
        .gradient(&xs, &wrong)
        .unwrap()
        .iter()
        .all(|g| g.is_finite()));
}

#[test]
fn step_returns_the_loss_before_and_lowers_it() {
    let mut model = Model::new(small_net());
    let net = model.network_mut();
    let xs = random_xs(16, 2, 5);
    let ys = random_ys(net, 16, 5);
    let before = net.loss(&xs, &ys).unwrap();
    let gradient = net.gradient(&xs, &ys).unwrap();
    let expected: Vec<f64> = net
        .params()
        .iter()
        .zip(&gradient)
        .map(|(w, g)| w - 0.1 * g)
        .collect();
    assert_eq!(model.step(&xs, &ys, 0.1).unwrap(), before);
    let net = model.network_mut();
    assert_eq!(net.params(), &expected[..]);
    assert!(net.loss(&xs, &ys).unwrap() < before);
}

#[test]
fn fit_is_minibatch_sgd_in_order_and_returns_the_final_loss() {
    let mut fitted = Model::new(small_net());
    let mut stepped = Model::new(small_net());
    let xs = random_xs(10, 2, 6);
    let ys = random_ys(fitted.network(), 10, 6);
    let final_loss = fitted.fit(&xs, &ys, 0.05, 4, 3).unwrap();
    for _ in 0..3 {
        // Batches of rows 0–3, 4–7 and the short 8–9.
        for (x, y) in xs.chunks(8).zip(ys.chunks(8)) {
            stepped.step(x, y, 0.05).unwrap();
        }
    }
    assert_eq!(fitted.network().params(), stepped.network().params());
    assert_eq!(final_loss, stepped.network_mut().loss(&xs, &ys).unwrap());
    assert_eq!(fitted.fit(&xs, &ys, 0.05, 4, 0).unwrap(), final_loss);
    // A batch of all the rows is one step on the whole data.
    let mut whole = Model::new(small_net());
    let mut once = Model::new(small_net());
    whole.fit(&xs, &ys, 0.05, 10, 1).unwrap();
    once.step(&xs, &ys, 0.05).unwrap();
    assert_eq!(whole.network().params(), once.network().params());
}

#[test]
fn a_diverging_step_is_an_error_and_leaves_the_parameters_alone() {
    let mut net = Model::from_json(r#"{"inputs": 2, "seed": 2, "layers": [{"units": 4, "activation": "tanh"}, {"units": 1, "activation": "identity"}]}"#).unwrap();
    // Large inputs saturate every tanh unit (|a| = 1), so at the largest
    // learning rate each step multiplies the output error by about 1 − 10·4.
    let xs: Vec<f64> = random_xs(8, 2, 7).iter().map(|x| 100.0 * x).collect();
    let ys = random_ys(net.network(), 8, 7);
    let error = net.fit(&xs, &ys, 10.0, 8, 200).unwrap_err();
    let message = error.to_string();
    assert_mentions(&message, &["diverged at step", "lower the learning rate"]);
    let nnplay::network::ModelError::Diverged { step } = error else {
        panic!("{error:?}")
    };
    assert!((1..=200).contains(&step), "{step}");
    assert!(net.network().params().iter().all(|p| p.is_finite()));
    // The step before the diverging one is still a finite step.
    let kept = net.network().params().to_vec();
    assert!(net.step(&xs, &ys, 10.0).is_err());
    assert_eq!(net.network().params(), &kept[..]);
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    /// Number-ish, string-ish and structural JSON fragments, valid or not.
    fn value() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<i64>().prop_map(|n| n.to_string()),
            any::<f64>().prop_map(|f| f.to_string()),
            (0u32..70).prop_map(|n| n.to_string()),
            prop::sample::select(vec![
                "\"tanh\"",
                "\"maxout\"",
                "\"softmax\"",
                "\"identity\"",
                "\"prelu\"",
                "null",
                "true",
                "[]",
                "{}",
                "\"\"",
                "1e999",
                "-0",
                "2.0"
            ])
            .prop_map(str::to_owned),
            "[a-z\"{}\\[\\]:,0-9. -]{0,12}",
        ]
    }

    fn layer() -> impl Strategy<Value = String> {
        let key = prop::sample::select(vec!["units", "activation", "param", "pieces", "alpha"]);
        prop::collection::vec((key, value()), 0..5).prop_map(|fields| {
            let body: Vec<String> = fields
                .iter()
                .map(|(k, v)| format!("\"{k}\": {v}"))
                .collect();
            format!("{{{}}}", body.join(", "))
        })
    }

    /// Mostly well-formed layers with values near the limits, so many build.
    fn plausible_layer() -> impl Strategy<Value = String> {
        let names = vec![
            "identity",
            "sigmoid",
            "tanh",
            "relu",
            "leaky_relu",
            "prelu",
            "elu",
            "swish",
            "gelu",
            "maxout",
            "softmax",
            "mish",
        ];
        let param = prop::option::of(prop::sample::select(vec![-1.0, 0.0, 0.01, 0.25, 0.99, 2.0]));
        (
            0usize..70,
            prop::sample::select(names),
            param,
            prop::option::of(0usize..6),
        )
            .prop_map(|(units, name, param, pieces)| {
                let mut layer = format!(r#"{{"units": {units}, "activation": "{name}""#);
                if let Some(param) = param {
                    layer += &format!(r#", "param": {param}"#);
                }
                if let Some(pieces) = pieces {
                    layer += &format!(r#", "pieces": {pieces}"#);
                }
                layer + "}"
            })
    }

    fn plausible_config() -> impl Strategy<Value = String> {
        let output = prop::sample::select(vec![
            r#"{"units": 3, "activation": "softmax"}"#,
            r#"{"units": 1, "activation": "identity"}"#,
        ]);
        (
            0usize..18,
            // Seeds are whole numbers a JSON number holds exactly.
            0u64..=9_007_199_254_740_991,
            prop::collection::vec(plausible_layer(), 0..8),
            output,
        )
            .prop_map(|(inputs, seed, hidden, output)| {
                let layers: Vec<String> = hidden.into_iter().chain([output.to_owned()]).collect();
                format!(
                    r#"{{"inputs": {inputs}, "seed": {seed}, "layers": [{}]}}"#,
                    layers.join(", ")
                )
            })
    }

    fn config() -> impl Strategy<Value = String> {
        (value(), value(), prop::collection::vec(layer(), 0..9)).prop_map(
            |(inputs, seed, layers)| {
                format!(
                    r#"{{"inputs": {inputs}, "seed": {seed}, "layers": [{}]}}"#,
                    layers.join(", ")
                )
            },
        )
    }

    proptest! {
        #[test]
        fn from_json_never_panics_on_arbitrary_text(text in "\\PC{0,80}") {
            let _ = Network::from_json(&text);
        }

        #[test]
        fn plausible_configs_build_and_train_or_give_an_error(json in plausible_config()) {
            match Network::from_json(&json) {
                Ok(mut net) => {
                    let xs = vec![0.5; net.inputs() * 2];
                    let ys = vec![if net.is_classifier() { 1.0 / 3.0 } else { 0.2 }; net.outputs() * 2];
                    prop_assert!(Model::new(net.clone()).step(&xs, &ys, 0.1).unwrap().is_finite());
                    prop_assert_eq!(net.gradient(&xs, &ys).unwrap().len(), net.param_count());
                }
                Err(error) => prop_assert!(error.to_string().contains("layers") || error.to_string().contains("inputs")),
            }
        }

        #[test]
        fn from_json_never_panics_on_json_like_configs(json in config()) {
            match Network::from_json(&json) {
                Ok(mut net) => {
                    let xs = vec![0.5; net.inputs() * 3];
                    let y_hat = net.predict(&xs).unwrap();
                    prop_assert_eq!(y_hat.len(), 3 * net.outputs());
                }
                Err(error) => prop_assert!(!error.to_string().is_empty()),
            }
        }
    }
}

#[test]
fn stages_on_a_workspace_without_this_networks_forward_pass_are_errors() {
    use nnplay::network::Workspace;
    let net = small_net();
    let (xs, ys) = ([0.5, -0.5], [1.0, 0.0]);
    let mut empty = Workspace::default();
    assert_mentions(
        &net.batch_loss(&empty, &ys).unwrap_err().to_string(),
        &["run forward on the same xs first"],
    );
    assert!(net.backward(&mut empty, &xs, &ys).is_err());
    let other =
        Network::from_json(r#"{"inputs": 2, "layers": [{"units": 2, "activation": "softmax"}]}"#)
            .unwrap();
    let mut foreign = Workspace::default();
    other.forward(&mut foreign, &xs).unwrap();
    assert!(net.backward(&mut foreign, &xs, &ys).is_err());
    let mut own = Workspace::default();
    net.forward(&mut own, &xs).unwrap();
    assert!(
        net.backward(&mut own, &[0.5, -0.5, 1.0, 1.0], &[1.0, 0.0, 0.0, 1.0])
            .is_err(),
        "a batch of other rows"
    );
    net.backward(&mut own, &xs, &ys).unwrap();
    assert_eq!(own.gradient().len(), net.param_count());
    assert!(net.add_weight_decay(&mut [0.0; 3], 0.1).is_err());
}

#[test]
fn configs_round_trip_through_json_text() {
    let json = r#"{"inputs": 2, "seed": 9007199254740991, "layers": [
        {"units": 8, "activation": "tanh"},
        {"units": 4, "activation": "maxout", "pieces": 3},
        {"units": 3, "activation": "leaky_relu", "param": 0.1},
        {"units": 2, "activation": "softmax"}]}"#;
    let config = NetworkConfig::from_json(json).unwrap();
    let text = config.to_json();
    assert_eq!(NetworkConfig::from_json(&text).unwrap(), config, "{text}");
    assert!(text.starts_with(r#"{"inputs":2,"seed":9007199254740991,"layers":[{"units":8,"#));
    let too_big = r#"{"inputs": 2, "seed": 9007199254740992, "layers": [{"units": 2, "activation": "softmax"}]}"#;
    let message = NetworkConfig::from_json(too_big).unwrap_err().to_string();
    assert!(
        message.contains("seed must be a whole number from 0 to 9007199254740991"),
        "{message}"
    );
}
