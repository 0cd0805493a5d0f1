#![cfg(not(target_arch = "wasm32"))]
//! Native tests of shareable links: the writer and the parser round-trip
//! every state, and every kind of bad link is reported by key while the
//! rest of the link still applies.

use nnplay::activation::Kind;
use nnplay::config::{
    parse_link, write_link, HiddenLayer, LinkProblem, LinkState, Panel, PlaygroundConfig,
};
use nnplay::data::DatasetKind;
use nnplay::session::Session;
use nnplay::train::{Regularization, TrainSettings};

/// Parses a link that must have no problems.
fn clean(fragment: &str) -> LinkState {
    let (state, problems) = parse_link(fragment);
    assert_eq!(problems, vec![], "{fragment}");
    state
}

/// Parses a link that must have exactly one problem, on `key`.
fn one_problem(fragment: &str, key: &str) -> (LinkState, LinkProblem) {
    let (state, problems) = parse_link(fragment);
    assert_eq!(problems.len(), 1, "{fragment}: {problems:?}");
    assert_eq!(problems[0].key, key, "{fragment}: {problems:?}");
    (state, problems[0].clone())
}

#[test]
fn the_default_state_is_the_empty_link() {
    assert_eq!(write_link(&LinkState::default()), "");
    assert_eq!(clean(""), LinkState::default());
    assert_eq!(clean("#"), LinkState::default());
}

#[test]
fn a_link_reads_every_part_of_the_state() {
    let state = clean(
        "#embed=train&view=softmax&panels=curves,train&data=xor&noise=15&split=70&seed=42&test=0\
         &layers=4:tanh,2:leaky_relu:0.1,3:maxout:3&lr=0.1&batch=25&l2=0.001&steps=500\
         &curves=tanh,elu&xmin=-3&xmax=4.5&leaky=0.2&prelu=-0.35&elu=2.5&maxout=1,-1,0.5,2\
         &x=1.25&logits=1,0,-1.5,2&t=0.5",
    );
    let training = PlaygroundConfig {
        dataset: DatasetKind::Xor,
        noise: 0.15,
        train_fraction: 0.7,
        seed: 42,
        hidden: vec![
            HiddenLayer::new(4, Kind::Tanh),
            HiddenLayer {
                param: Some(0.1),
                ..HiddenLayer::new(2, Kind::LeakyRelu)
            },
            HiddenLayer {
                param: Some(3.0),
                ..HiddenLayer::new(3, Kind::Maxout)
            },
        ],
        train: TrainSettings {
            learning_rate: 0.1,
            batch_size: 25,
            regularization: Regularization::L2(0.001),
            ..TrainSettings::default()
        },
        ..PlaygroundConfig::default()
    };
    assert_eq!(state.training, training);
    assert!(!state.show_test);
    assert_eq!(state.steps, 500);
    assert_eq!(state.explorer.curves, vec![Kind::Tanh, Kind::Elu]);
    assert_eq!((state.explorer.x_min, state.explorer.x_max), (-3.0, 4.5));
    assert_eq!(state.explorer.leaky_alpha, 0.2);
    assert_eq!(state.explorer.prelu_slope, -0.35);
    assert_eq!(state.explorer.elu_alpha, 2.5);
    assert_eq!(state.explorer.maxout, [1.0, -1.0, 0.5, 2.0]);
    assert_eq!(state.explorer.cursor, 1.25);
    assert_eq!(state.softmax.logits, vec![1.0, 0.0, -1.5, 2.0]);
    assert_eq!(state.softmax.temperature, 0.5);
    assert_eq!(state.panels, vec![Panel::Curves, Panel::Train]);
    assert_eq!(state.view, Some(Panel::Softmax));
    assert_eq!(state.embed, Some(Panel::Train));
    Session::new(state.training).expect("the link's run builds");
}

#[test]
fn links_are_written_short_in_a_fixed_order() {
    let state = clean("steps=500&lr=0.1&layers=4:tanh,2:leaky_relu:0.1&data=xor&embed=train");
    assert_eq!(
        write_link(&state),
        "embed=train&data=xor&layers=4:tanh,2:leaky_relu:0.1&lr=0.1&steps=500"
    );
    // Sets are written in one order however they were given.
    let curves = clean("curves=relu,sigmoid,tanh&panels=train,curves");
    assert_eq!(
        write_link(&curves),
        "panels=curves,train&curves=sigmoid,tanh,relu"
    );
    // Tiny and huge numbers keep every bit and stay short.
    let tiny = clean("x=1e-300&lr=0.00001");
    assert_eq!(write_link(&tiny), "lr=1e-5&x=1e-300");
}

#[test]
fn short_forms_a_teacher_might_write_are_accepted() {
    let state = clean("layers=8,8&activation=relu");
    assert_eq!(
        state.training.hidden,
        vec![
            HiddenLayer::new(8, Kind::Relu),
            HiddenLayer::new(8, Kind::Relu)
        ]
    );
    assert_eq!(write_link(&state), "layers=8:relu,8:relu");
    assert!(clean("layers=").training.hidden.is_empty());
    assert!(clean("curves=").explorer.curves.is_empty());
    // Percent-encoded text reads as the text.
    assert_eq!(clean("data=%78or").training.dataset, DatasetKind::Xor);
    // A fragment without any `=` is an in-page anchor, not a link.
    assert_eq!(clean("#train"), LinkState::default());
}

#[test]
fn unknown_keys_are_named_and_the_rest_applies() {
    let (state, problem) = one_problem("foo=1&seed=9", "foo");
    assert_eq!(state.training.seed, 9);
    assert!(problem.problem.contains("is not a key"), "{problem}");
    assert!(
        problem
            .problem
            .contains("nnplay's docs/link-keys.md lists the keys it accepts"),
        "{problem}"
    );
    // A typo gets the key it was probably meant to be.
    let (state, problem) = one_problem("lr_evry=5&seed=4", "lr_evry");
    assert!(
        problem.problem.ends_with("did you mean lr_every?"),
        "{problem}"
    );
    assert_eq!(state.training.seed, 4);
    let (state, problem) = one_problem("seeed=4", "seeed");
    assert!(problem.problem.ends_with("did you mean seed?"), "{problem}");
    assert_eq!(state.training.seed, 1, "the mistyped seed is not applied");
}

#[test]
fn malformed_and_out_of_range_values_fall_back_to_defaults() {
    let cases = [
        ("lr=abc", "lr", "a number from 0.00001 to 10"),
        ("lr=1e9", "lr", "a number from 0.00001 to 10"),
        ("lr=NaN", "lr", "a number from 0.00001 to 10"),
        ("layers=999", "layers", "1 to 64 units"),
        ("layers=1,2,3,4,5,6,7", "layers", "up to 6"),
        ("layers=4:softmax", "layers", "identity, sigmoid"),
        ("layers=4:tanh:0.5", "layers", "units:activation[:param]"),
        (
            "layers=4:leaky_relu:1.5",
            "layers",
            "alpha for leaky_relu, a number from 0 to 1;",
        ),
        (
            "layers=4:elu:5.5",
            "layers",
            "alpha for elu, a number from 0 to 5",
        ),
        ("layers=4:swish:0.5", "layers", "units:activation[:param]"),
        ("layers=4:maxout:9", "layers", "pieces for maxout, 2 to 4"),
        ("activation=foo", "activation", "identity, sigmoid, tanh"),
        ("data=mnist", "data", "circle, xor"),
        ("curves=mish", "curves", "identity, sigmoid"),
        ("curves=relu,relu", "curves", "distinct"),
        ("panels=sidebar", "panels", "curves, softmax, train, stages"),
        (
            "embed=header",
            "embed",
            "one of curves, softmax, train, stages",
        ),
        ("view=top", "view", "one of curves"),
        ("noise=7", "noise", "in steps of 5"),
        ("split=95", "split", "from 10 to 90"),
        (
            "seed=-1",
            "seed",
            "a whole number from 0 to 9007199254740991",
        ),
        ("seed=1.5", "seed", "a whole number"),
        ("test=yes", "test", "0 (hide the test data) or 1"),
        ("batch=300", "batch", "from 1 to 250"),
        ("batch=100&split=10", "batch", "from 1 to 50"),
        ("steps=2000000", "steps", "0 to 1000000"),
        ("leaky=0.015", "leaky", "in steps of 0.01"),
        (
            "leaky=1.01",
            "leaky",
            "accepts a number from 0 to 1 in steps of 0.01",
        ),
        (
            "elu=5.1",
            "elu",
            "accepts a number from 0 to 5 in steps of 0.1",
        ),
        ("maxout=1,2,3", "maxout", "four numbers"),
        ("logits=1,2", "logits", "3 to 5"),
        ("t=0", "t", "from 0.1 to 5"),
        ("x=1e4", "x", "from -1000 to 1000"),
        ("xmin=20", "xmin", "below xmax"),
    ];
    for (fragment, key, accepts) in cases {
        let (state, problem) = one_problem(&format!("{fragment}&l2=0.5"), key);
        let text = problem.to_string();
        assert!(text.starts_with(key), "{text}");
        assert!(text.contains(accepts), "{fragment}: {text}");
        let l2 = Regularization::L2(0.5);
        assert_eq!(state.training.train.regularization, l2, "the rest applies");
        let mut expected = LinkState::default();
        expected.training.train.regularization = l2;
        if fragment.contains("split=10") {
            expected.training.train_fraction = 0.1;
        }
        assert_eq!(state, expected, "{fragment} falls back to the defaults");
    }
}

#[test]
fn duplicated_keys_are_named_and_fall_back() {
    let (state, problem) = one_problem("seed=3&lr=0.1&seed=4", "seed");
    assert_eq!(state.training.seed, LinkState::default().training.seed);
    assert_eq!(state.training.train.learning_rate, 0.1);
    assert!(problem.problem.contains("given 2 times"), "{problem}");
    assert!(
        problem
            .problem
            .ends_with("it accepts a whole number from 0 to 9007199254740991"),
        "{problem}"
    );
}

#[test]
fn percent_encoding_garbage_is_named() {
    let (state, problem) = one_problem("data=%zz&seed=7", "data");
    assert_eq!(state.training.seed, 7);
    assert!(problem.problem.contains("percent-encoding"), "{problem}");
    let (_, problem) = one_problem("lr=%FF%FE&seed=7", "lr");
    assert!(problem.problem.contains("UTF-8"), "{problem}");
    let (state, problem) = one_problem("%E2%82=1&seed=7", "%E2%82");
    assert_eq!(state.training.seed, 7);
    assert!(problem.problem.contains("percent-encoded key"), "{problem}");
    let (_, problem) = one_problem("seed&lr=0.1", "seed");
    assert!(problem.problem.contains("no value"), "{problem}");
}

#[test]
fn enormous_fragments_are_cut_short_and_named() {
    let long_layers = format!("seed=5&layers={}", "4:tanh,".repeat(100_000));
    let (state, problem) = one_problem(&long_layers, "layers");
    assert_eq!(state.training.seed, 5);
    assert!(
        problem.problem.contains("700000 characters long"),
        "{problem}"
    );

    let many_keys = format!("seed=5&{}", "x=1&".repeat(100_000));
    let (state, problems) = parse_link(&many_keys);
    assert_eq!(state.training.seed, 5);
    assert!(problems.iter().any(|p| p.key == "link"), "{problems:?}");
    assert!(problems.iter().any(|p| p.key == "x"), "{problems:?}");

    let long_key = format!("{}=1&seed=5", "k".repeat(1_000_000));
    let (state, problem) = one_problem(&long_key, &format!("{}…", "k".repeat(40)));
    assert_eq!(state.training.seed, 5);
    assert!(problem.to_string().len() < 400, "the notice stays short");
}

#[test]
fn a_shown_range_must_run_left_to_right() {
    let (state, problem) = one_problem("xmax=-12", "xmax");
    assert_eq!((state.explorer.x_min, state.explorer.x_max), (-10.0, 10.0));
    assert!(
        problem.problem.contains("xmin=-10 and xmax=-12"),
        "{problem}"
    );
    let (state, problems) = parse_link("xmin=5&xmax=2&curves=tanh");
    let keys: Vec<&str> = problems.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(keys, ["xmin", "xmax"], "both given keys are named");
    assert_eq!((state.explorer.x_min, state.explorer.x_max), (-10.0, 10.0));
    assert_eq!(state.explorer.curves, vec![Kind::Tanh]);
    assert_eq!(clean("xmin=15&xmax=20").explorer.x_min, 15.0);
}
