#![cfg(not(target_arch = "wasm32"))]
//! The reader's own data: the CSV reader (valid files, every bad row named by
//! line and column, limits, never a panic), adding and removing points, the
//! link's compact code and its 200-point limit, and the test-set metrics
//! (confusion matrix, R²) against values worked out by hand.

use nnplay::config::{parse_link, write_link, LinkState, PlaygroundConfig};
use nnplay::data::code::{decode, encode, LINK_POINTS};
use nnplay::data::csv::{parse, MAX_REPORTED};
use nnplay::data::{CustomData, CustomError, DatasetKind};
use nnplay::metrics::{confusion_into, r_squared};
use nnplay::session::Session;
use proptest::collection::vec;
use proptest::prelude::*;

#[test]
fn a_valid_csv_with_header_blank_lines_and_spaces_loads_as_classes() {
    let text = "x1,x2,label\n\n 1.5 , -2 , 0\r\n-3,4,2\n\n0,0,1\n";
    let data = parse(text).expect("a valid file");
    assert_eq!(data.len(), 3);
    assert_eq!(data.classes(), 3, "labels 0..2 make three classes");
    let first = data.points()[0];
    assert!((first.x[0] - 1.5).abs() < 0.01 && (first.x[1] + 2.0).abs() < 0.01);
    assert_eq!(first.label, 0.0);
}

#[test]
fn labels_that_are_not_whole_classes_make_regression() {
    let data = parse("1,1,0.25\n2,2,-1\n3,3,7").expect("a valid file");
    assert_eq!(data.classes(), 0);
    assert!((data.points()[0].label - 0.25).abs() < 0.005);
    assert!((data.points()[2].label - 7.0).abs() < 0.005);
}

#[test]
fn one_class_still_makes_two() {
    assert_eq!(parse("1,1,0\n2,2,0").unwrap().classes(), 2);
}

#[test]
fn every_bad_row_is_named_by_line_and_column_and_nothing_loads() {
    let text = "x1,x2,label\n1,2,0\n1,abc,0\n\n9,0,1\n1,2\n1,2,3,4\n0,0,nan\n";
    let error = parse(text).expect_err("bad rows");
    let places: Vec<(usize, usize)> = error.problems.iter().map(|p| (p.line, p.column)).collect();
    assert_eq!(places, vec![(3, 2), (5, 1), (6, 3), (7, 0), (8, 3)]);
    let message = error.to_string();
    assert!(
        message.contains("line 3, column 2 (x2): expected a number from -6 to 6, got \"abc\""),
        "{message}"
    );
    assert!(message.contains("line 5, column 1 (x1)"), "{message}");
    assert!(
        message.contains("line 6, column 3 (label): expected 3 comma-separated fields"),
        "{message}"
    );
    assert!(
        message.contains("line 7: expected 3 comma-separated fields (x1,x2,label), found 4"),
        "{message}"
    );
    assert!(
        message.contains("line 8, column 3 (label): expected a class from 0 to 3 or a value"),
        "{message}"
    );
}

#[test]
fn too_few_and_too_many_rows_are_refused() {
    let one = parse("x1,x2,label\n1,1,0").expect_err("one row");
    assert_eq!(one.problems[0].line, 0);
    assert!(one.to_string().contains("at least 2"), "{one}");
    assert!(parse("").is_err());
    let rows = "0,0,0\n".repeat(5001);
    let many = parse(&rows).expect_err("5001 rows");
    assert_eq!((many.problems[0].line, many.problems[0].column), (5001, 0));
    assert!(many.to_string().contains("at most 5000"), "{many}");
    assert_eq!(parse(&"0,0,1\n".repeat(5000)).unwrap().len(), 5000);
}

#[test]
fn the_problem_list_is_capped_and_counts_the_rest() {
    let error = parse(&"a,0,0\n".repeat(30).replacen("a,0,0", "1,1,0", 1)).unwrap_err();
    assert_eq!(error.problems.len(), MAX_REPORTED);
    assert_eq!(error.more, 29 - MAX_REPORTED);
    assert!(error.to_string().ends_with("… and 9 more bad rows"));
}

proptest! {
    #[test]
    fn the_csv_reader_never_panics(text in any::<String>()) {
        let _ = parse(&text);
    }

    #[test]
    fn the_csv_reader_never_panics_on_csv_like_text(
        text in "([-0-9.,e a-z\n\r]|nan|inf|x1,x2,label){0,200}"
    ) {
        if let Ok(data) = parse(&text) {
            prop_assert!(data.len() >= 2);
            prop_assert!(data.points().iter().all(|p| p.x.iter().all(|v| v.abs() <= 6.0)));
        }
    }

    #[test]
    fn drawn_data_round_trips_through_its_code(
        classes in prop::sample::select(vec![0usize, 2, 3, 4]),
        points in vec((-6.0..=6.0f64, -6.0..=6.0f64, 0..4usize, -10.0..=10.0f64), 0..=LINK_POINTS),
        data_seed in proptest::option::of(0..=(1u64 << 53) - 1),
    ) {
        let data = custom(classes, &points);
        let text = encode(&data);
        prop_assert_eq!(decode(&text), Some(data.clone()));
        prop_assert!(text.len() <= 1100, "{} characters", text.len());
        let mut state = custom_state(data);
        state.training.data_seed = data_seed;
        let (read, problems) = parse_link(&write_link(&state));
        prop_assert_eq!(problems, vec![]);
        prop_assert_eq!(read, state);
    }

    #[test]
    fn any_code_decodes_without_panicking(text in "[A-Za-z0-9_-]{0,60}") {
        if let Some(data) = decode(&text) {
            prop_assert_eq!(encode(&data), text);
        }
    }
}

/// Drawn data of `classes` from (x1, x2, class, value) tuples.
fn custom(classes: usize, points: &[(f64, f64, usize, f64)]) -> CustomData {
    let mut data = CustomData::new(classes).unwrap();
    for &(x1, x2, class, value) in points {
        let label = if classes == 0 {
            value
        } else {
            (class % classes) as f64
        };
        data.add([x1, x2], label).unwrap();
    }
    data
}

fn custom_state(data: CustomData) -> LinkState {
    let mut state = LinkState::default();
    state.training.dataset = if data.len() >= 2 {
        DatasetKind::Custom
    } else {
        DatasetKind::Circle
    };
    state.training.custom = data;
    state
}

#[test]
fn adding_checks_its_point_and_grows_the_classes() {
    let mut data = CustomData::default();
    data.add([1.0, 2.0], 0.0).unwrap();
    data.add([-1.0, -2.0], 3.0).unwrap();
    assert_eq!(data.classes(), 4, "class 3 brings classes up to 4");
    assert_eq!(data.add([7.0, 0.0], 0.0), Err(CustomError::Coordinate(7.0)));
    assert_eq!(data.add([0.0, 0.0], 4.0), Err(CustomError::Class(4.0)));
    assert_eq!(data.add([0.0, 0.0], 0.5), Err(CustomError::Class(0.5)));
    assert!(data.add([f64::NAN, 0.0], 0.0).is_err());
    let mut values = CustomData::new(0).unwrap();
    assert_eq!(values.add([0.0, 0.0], 11.0), Err(CustomError::Value(11.0)));
    values.add([0.0, 0.0], -2.5).unwrap();
    assert_eq!(values.classes(), 0);
    assert_eq!(data.len(), 2, "refused points change nothing");
    assert!(CustomData::new(1).is_err() && CustomData::new(5).is_err());
}

#[test]
fn removing_takes_the_nearest_point_and_clearing_takes_all() {
    let mut data = CustomData::default();
    for (x, class) in [([0.0, 0.0], 0.0), ([3.0, 3.0], 1.0), ([-4.0, 1.0], 0.0)] {
        data.add(x, class).unwrap();
    }
    let removed = data.remove_nearest([2.5, 2.0]).unwrap();
    assert_eq!((removed.x, removed.label), ([3.0, 3.0], 1.0));
    assert_eq!(data.len(), 2);
    data.clear();
    assert!(data.is_empty());
    assert_eq!(data.classes(), 2);
    assert_eq!(data.remove_nearest([0.0, 0.0]), None);
}

#[test]
fn past_two_hundred_points_the_link_leaves_the_data_out() {
    let points: Vec<_> = (0..=LINK_POINTS)
        .map(|i| (i as f64 / 40.0 - 2.5, 1.0, i % 2, 0.0))
        .collect();
    let mut state = custom_state(custom(2, &points[..LINK_POINTS]));
    assert!(write_link(&state).contains("points="));
    state = custom_state(custom(2, &points));
    let written = write_link(&state);
    assert!(!written.contains("points="), "{written}");
    let (read, problems) = parse_link(&written);
    assert_eq!(read.training.dataset, DatasetKind::Circle);
    assert!(
        problems[0].to_string().contains("at most 200"),
        "{}",
        problems[0]
    );
}

#[test]
fn a_bad_points_value_is_a_link_problem() {
    for bad in ["!!", "AgA", "BQ", "Ag_"] {
        let (state, problems) = parse_link(&format!("data=custom&points={bad}"));
        assert!(
            problems.iter().any(|p| p.key == "points"),
            "{bad}: {problems:?}"
        );
        assert_eq!(state.training.dataset, DatasetKind::Circle);
    }
}

#[test]
fn custom_data_builds_a_run_whose_output_fits_its_classes() {
    let points: Vec<_> = (0..40)
        .map(|i| (i as f64 / 8.0 - 2.5, (i % 5) as f64, i % 3, 0.0))
        .collect();
    let config = PlaygroundConfig {
        dataset: DatasetKind::Custom,
        custom: custom(3, &points),
        ..PlaygroundConfig::default()
    };
    let session = Session::new(config.clone()).unwrap();
    assert_eq!(session.trainer().network().outputs(), 3);
    assert_eq!(
        session.trainer().train_set().len() + session.test_set().len(),
        40
    );
    let too_few = PlaygroundConfig {
        custom: custom(3, &points[..1]),
        ..config
    };
    let error = Session::new(too_few).unwrap_err().to_string();
    assert!(error.contains("at least 2 points"), "{error}");
}

#[test]
fn the_data_seed_changes_the_data_but_not_the_initial_weights() {
    let base = PlaygroundConfig::default();
    let moved = PlaygroundConfig {
        data_seed: Some(base.seed + 1),
        ..base.clone()
    };
    let (a, b) = (Session::new(base).unwrap(), Session::new(moved).unwrap());
    assert_ne!(a.trainer().train_set().x, b.trainer().train_set().x);
    assert_eq!(
        a.trainer().network().params(),
        b.trainer().network().params()
    );
}

#[test]
fn the_confusion_matrix_counts_true_rows_against_predicted_columns() {
    // Four points of three classes: (true, predicted) = (0,0), (1,2), (2,2), (1,1).
    let y = [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 1.0, 0.0];
    let y_hat = [0.7, 0.2, 0.1, 0.1, 0.3, 0.6, 0.2, 0.2, 0.6, 0.3, 0.4, 0.3];
    let mut matrix = [9; 9];
    confusion_into(3, &y, &y_hat, &mut matrix);
    assert_eq!(matrix, [1, 0, 0, 0, 1, 1, 0, 0, 1]);
}

#[test]
fn r_squared_matches_hand_values() {
    // y = 1, 2, 3 (mean 2, total 2); ŷ = 1, 2, 4 (residual 1): R² = 1 − 1/2.
    assert_eq!(r_squared(&[1.0, 2.0, 3.0], &[1.0, 2.0, 4.0]), 0.5);
    assert_eq!(r_squared(&[1.0, 2.0, 3.0], &[1.0, 2.0, 3.0]), 1.0);
    // Predicting the mean scores 0; worse than the mean is negative.
    assert_eq!(r_squared(&[1.0, 3.0], &[2.0, 2.0]), 0.0);
    assert_eq!(r_squared(&[1.0, 3.0], &[3.0, 1.0]), -3.0);
    assert!(r_squared(&[2.0, 2.0], &[1.0, 3.0]).is_nan());
    assert!(r_squared(&[], &[]).is_nan());
}

#[test]
fn a_batch_larger_than_the_drawn_training_set_shrinks_to_it() {
    let points = [(0.0, 0.0, 0, 0.0), (1.0, 1.0, 1, 0.0), (2.0, 2.0, 0, 0.0)];
    let mut config = PlaygroundConfig {
        dataset: DatasetKind::Custom,
        custom: custom(2, &points),
        ..PlaygroundConfig::default()
    };
    assert!(
        Session::new(config.clone()).is_err(),
        "a batch of 10 from 2 points"
    );
    config.fit_batch_to_data();
    assert_eq!(config.train.batch_size, 2, "3 points × 0.5, rounded, train");
    assert!(Session::new(config).is_ok());
}

#[test]
fn a_pixel_maps_back_to_the_point_drawn_there() {
    use nnplay::plot::heatmap::{from_pixel, to_pixel};
    for x in [[0.0, 0.0], [-6.0, 6.0], [2.5, -4.25], [6.0, -6.0]] {
        let (px, py) = to_pixel(&x, 300, 200);
        let back = from_pixel(px, py, 300, 200);
        assert!(
            (back[0] - x[0]).abs() < 1e-9 && (back[1] - x[1]).abs() < 1e-9,
            "{x:?} → {back:?}"
        );
    }
    assert_eq!(
        from_pixel(-50.0, 1e9, 300, 200),
        [-6.0, -6.0],
        "clamped into the plane"
    );
    assert_eq!(from_pixel(f64::NAN, 0.0, 0, 0), [0.0, 6.0]);
}

#[test]
fn discretized_output_paints_one_colour_per_predicted_class() {
    use nnplay::plot::heatmap::{Heatmap, PointStyle};
    use nnplay::plot::Theme;
    let mut session = Session::new(PlaygroundConfig::default()).unwrap();
    session.run(300).unwrap();
    // A negative radius covers no pixel: the plane alone.
    let style = PointStyle {
        radius: -1.0,
        show_test: false,
    };
    let mut colours = |discrete: bool| {
        let mut heatmap = Heatmap::new(30);
        heatmap.set_discrete(discrete);
        let (trainer, test) = session.trainer_and_test();
        let pixels = heatmap.render(trainer, test, (30, 30), style, Theme::LIGHT);
        let mut distinct: Vec<&[u8]> = pixels.chunks(4).collect();
        distinct.sort_unstable();
        distinct.dedup();
        distinct.len()
    };
    // Pixels on grid points (30 × 30 on a 30-point grid): one colour per class.
    assert_eq!(colours(true), 2);
    assert!(colours(false) > 10, "blended confidence shades the plane");
}

#[test]
fn the_evaluator_counts_every_test_point_once_and_agrees_with_the_accuracy() {
    use nnplay::metrics::Evaluator;
    let config = PlaygroundConfig {
        dataset: DatasetKind::Blobs3,
        ..PlaygroundConfig::default()
    };
    let mut session = Session::new(config).unwrap();
    session.run(200).unwrap();
    let mut evaluator = Evaluator::default();
    let (trainer, test) = session.trainer_and_test();
    evaluator.evaluate(trainer, test);
    assert_eq!(evaluator.classes(), 3);
    let matrix = evaluator.confusion();
    let total: u32 = matrix.iter().sum();
    assert_eq!(total as usize, session.test_set().len());
    let diagonal: u32 = (0..3).map(|c| matrix[c * 3 + c]).sum();
    let accuracy = f64::from(diagonal) / f64::from(total);
    assert!((accuracy - session.latest().test_accuracy).abs() < 1e-12);
    assert!(evaluator.r_squared().is_nan());

    let plane = PlaygroundConfig {
        dataset: DatasetKind::Plane,
        ..PlaygroundConfig::default()
    };
    let mut session = Session::new(plane).unwrap();
    session.run(500).unwrap();
    let (trainer, test) = session.trainer_and_test();
    evaluator.evaluate(trainer, test);
    assert_eq!((evaluator.classes(), evaluator.confusion().len()), (0, 0));
    assert!(evaluator.r_squared() > 0.5, "R² {}", evaluator.r_squared());
}
