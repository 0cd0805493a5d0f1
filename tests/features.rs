#![cfg(not(target_arch = "wasm32"))]
//! Native tests of input features: each transform against hand values,
//! feature-set parsing and its errors, the default set changing nothing, a
//! circle learnt from squares alone, the `features=` link key, the input
//! thumbnails, the stage view's x and the race.

use nnplay::config::{parse_link, write_link, LinkState, PlaygroundConfig};
use nnplay::data::{self, DatasetKind};
use nnplay::features::{Feature, FeatureError, FeatureSet};
use nnplay::network::Network;
use nnplay::session::Session;
use nnplay::train::{TrainSettings, Trainer};

fn set(text: &str) -> FeatureSet {
    text.parse().expect("a valid feature list")
}

#[test]
fn feature_transforms_are_right() {
    let (x1, x2) = (1.5, -2.0);
    let expected = [
        (Feature::X1, 1.5),
        (Feature::X2, -2.0),
        (Feature::X1Squared, 2.25),
        (Feature::X2Squared, 4.0),
        (Feature::X1X2, -3.0),
        (Feature::SinX1, 0.997_494_986_604_054_4),
        (Feature::SinX2, -0.909_297_426_825_681_7),
        (Feature::CosX1, 0.070_737_201_667_702_9),
        (Feature::CosX2, -0.416_146_836_547_142_4),
    ];
    for (feature, value) in expected {
        let got = feature.value(x1, x2);
        assert!((got - value).abs() < 1e-15, "{feature:?}: {got} vs {value}");
    }
    // Rows come out in Feature::ALL's order, whatever order the list names them.
    let rows = set("cosx2,x1sq,x1x2").transform(&[1.5, -2.0, 0.0, 3.0]);
    let want = [2.25, -3.0, (-2.0f64).cos(), 0.0, 0.0, 3.0f64.cos()];
    assert_eq!(rows, want);
}

#[test]
fn the_default_features_are_x1_and_x2_and_copy_the_points() {
    let default = FeatureSet::default();
    assert_eq!(default.to_string(), "x1,x2");
    assert_eq!(default.len(), 2);
    let points = [0.1, -0.2, 3.5, 4.25];
    assert_eq!(default.transform(&points), points);
    let all = set("x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2,cosx1,cosx2");
    assert_eq!(all.len(), 9);
    assert!(all.iter().eq(Feature::ALL));
}

#[test]
fn feature_lists_with_errors_say_what_is_accepted() {
    let unknown = "x1,x3".parse::<FeatureSet>().unwrap_err();
    assert_eq!(unknown, FeatureError::Unknown("x3".into()));
    let message = unknown.to_string();
    assert!(message.contains("\"x3\"") && message.contains("x1sq") && message.contains("cosx2"));
    let twice = "x1,x2,x1".parse::<FeatureSet>().unwrap_err();
    assert_eq!(twice, FeatureError::Repeated("x1".into()));
    assert_eq!("".parse::<FeatureSet>(), Err(FeatureError::Empty));
    assert!(matches!(
        "x1,,x2".parse::<FeatureSet>(),
        Err(FeatureError::Unknown(_))
    ));
    assert!(FeatureError::Empty.to_string().contains("at least one"));
}

#[test]
fn toggling_adds_and_removes_but_never_the_last_feature() {
    let with_square = FeatureSet::default().toggled(Feature::X1Squared).unwrap();
    assert_eq!(with_square.to_string(), "x1,x2,x1sq");
    let back = with_square.toggled(Feature::X1Squared).unwrap();
    assert_eq!(back, FeatureSet::default());
    let alone = set("sinx2");
    assert_eq!(alone.toggled(Feature::SinX2), Err(FeatureError::Empty));
}

#[test]
fn the_default_features_leave_a_run_bit_for_bit_as_before() {
    // The trainer built the old way (raw points, no features) against the session's.
    let config = PlaygroundConfig::default();
    let (train, _) = data::generate(
        config.dataset,
        config.points,
        config.noise,
        config.train_fraction,
        config.seed,
    )
    .unwrap();
    let network = Network::new(config.network_config()).unwrap();
    let settings = TrainSettings {
        learning_rate: config.train.learning_rate,
        batch_size: config.train.batch_size,
        ..TrainSettings::default()
    };
    let mut plain = Trainer::new(network, train, settings).unwrap();
    let mut session = Session::new(config).unwrap();
    for _ in 0..200 {
        plain.step().unwrap();
    }
    session.run(200).unwrap();
    let bits = |p: &[f64]| p.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
    assert_eq!(
        bits(plain.network().params()),
        bits(session.trainer().network().params())
    );
}

/// A circle run with no hidden layer on `features`: its test accuracy after training.
fn circle_without_hidden_layers(features: &str) -> f64 {
    let mut run = Session::new(PlaygroundConfig {
        dataset: DatasetKind::Circle,
        hidden: vec![],
        features: set(features),
        train: TrainSettings {
            learning_rate: 0.1,
            ..TrainSettings::default()
        },
        ..PlaygroundConfig::default()
    })
    .unwrap();
    assert_eq!(run.trainer().network().inputs(), set(features).len());
    run.run(3000).unwrap();
    run.latest().test_accuracy
}

#[test]
fn a_circle_is_learnt_from_the_squares_alone_without_hidden_layers() {
    // x1² + x2² < r² is linear in the squares: a logistic unit finds it.
    let squares = circle_without_hidden_layers("x1sq,x2sq");
    assert!(squares >= 0.97, "squares alone: {squares}");
    // The raw coordinates cannot: no straight line splits a disc from a ring.
    let raw = circle_without_hidden_layers("x1,x2");
    assert!(raw < 0.8, "x1, x2 alone: {raw}");
}

#[test]
fn the_features_key_round_trips_and_is_left_out_by_default() {
    let mut state = LinkState::default();
    assert!(!write_link(&state).contains("features"));
    state.training.features = set("x1,x1sq,x2sq,cosx2");
    let link = write_link(&state);
    assert!(link.contains("features=x1,x1sq,x2sq,cosx2"), "{link}");
    let (read, problems) = parse_link(&link);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(read, state);
}

#[test]
fn a_bad_features_key_is_named_and_the_default_kept() {
    for bad in ["features=", "features=x1,x9", "features=x2,x2"] {
        let (state, problems) = parse_link(bad);
        assert_eq!(problems.len(), 1, "{bad}: {problems:?}");
        assert_eq!(problems[0].key, "features");
        assert!(problems[0].to_string().contains("sinx1"), "{}", problems[0]);
        assert_eq!(state.training.features, FeatureSet::default());
    }
}

proptest::proptest! {
    /// Every feature set (any non-empty choice of the nine) writes a link
    /// that reads back to it and builds a run with one input per feature.
    #[test]
    fn every_feature_set_round_trips_in_a_link(mask in 1u16..512, seed in 0u64..1000) {
        let chosen: Vec<Feature> = Feature::ALL
            .into_iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, f)| f)
            .collect();
        let mut state = LinkState::default();
        state.training.features = FeatureSet::new(&chosen).unwrap();
        state.training.seed = seed;
        let link = write_link(&state);
        let (read, problems) = parse_link(&link);
        proptest::prop_assert!(problems.is_empty(), "{link}: {problems:?}");
        proptest::prop_assert_eq!(&read, &state);
        let run = Session::new(read.training).unwrap();
        proptest::prop_assert_eq!(run.trainer().network().inputs(), chosen.len());
    }
}

#[test]
fn input_thumbnails_show_the_features_over_the_plane() {
    use nnplay::plot::network::Thumbnails;
    let mut run = Session::new(PlaygroundConfig {
        features: set("x1sq,cosx2"),
        ..PlaygroundConfig::default()
    })
    .unwrap();
    let mut thumbnails = Thumbnails::new(17);
    let images = thumbnails.render(run.trainer_mut());
    assert_eq!(images.len(), 2 + 4 + 2 + 2);
    let pixel = |image: &[u8], row: usize, col: usize| {
        let at = (row * 17 + col) * 4;
        [image[at], image[at + 1], image[at + 2]]
    };
    // x1² is 36 at both sides (full blue) and 0 in the middle column (white-ish, neutral).
    let square = &images[0];
    assert_eq!(pixel(square, 8, 0), pixel(square, 8, 16));
    assert!(pixel(square, 8, 0)[2] > pixel(square, 8, 0)[0]);
    assert_ne!(pixel(square, 8, 8), pixel(square, 8, 0));
    // cos x2 is the same along a row and changes down the picture.
    let cosine = &images[1];
    assert_eq!(pixel(cosine, 3, 0), pixel(cosine, 3, 16));
    assert_ne!(pixel(cosine, 0, 5), pixel(cosine, 8, 5));
}

#[test]
fn the_sample_batch_stage_names_the_input_features_as_x() {
    let mut run = Session::new(PlaygroundConfig {
        features: set("x1sq,x2sq,sinx1"),
        ..PlaygroundConfig::default()
    })
    .unwrap();
    run.run_stage(nnplay::train::Stage::SampleBatch).unwrap();
    let view = nnplay::stage_view::to_json(&nnplay::stage_view::build(run.trainer_mut()));
    assert!(
        view.contains("x its input features (x1sq, x2sq, sinx1)"),
        "{view}"
    );
    // The batch's x holds the features of its points: x1² of the first one.
    let first = run.trainer().batch_indices()[0];
    let point = &run.trainer().train_set().x[2 * first..2 * first + 2];
    assert_eq!(run.trainer().batch_x()[0], point[0] * point[0]);
    assert_eq!(run.trainer().batch_x()[2], point[0].sin());
}

#[test]
fn a_race_keeps_the_features_but_not_the_weight_edits() {
    use nnplay::activation::Kind;
    use nnplay::race::{Contestant, RaceConfig};
    let base = PlaygroundConfig {
        features: set("x1sq,x2sq"),
        edits: vec![nnplay::edits::Edit {
            step: 0,
            index: 3,
            value: 2.0,
        }],
        ..PlaygroundConfig::default()
    };
    let race = RaceConfig {
        base,
        contestants: vec![Contestant::new(Kind::Relu), Contestant::new(Kind::Maxout)],
        target: nnplay::race::Target::Loss(0.1),
    };
    let maxout = race.run_config(&Contestant::new(Kind::Maxout));
    assert_eq!(maxout.features, set("x1sq,x2sq"));
    assert!(maxout.edits.is_empty());
    assert!(Session::new(maxout).is_ok());
}
