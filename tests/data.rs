#![cfg(not(target_arch = "wasm32"))]
//! The datasets: deterministic for a seed, split as asked, one-hot and
//! balanced, shaped as named, and refusing bad arguments by name.

use nnplay::data::{accepted_names, generate, DataError, Dataset, DatasetKind, DEFAULT_POINTS};

fn bits(values: &[f64]) -> Vec<u64> {
    values.iter().map(|v| v.to_bits()).collect()
}

#[test]
fn the_same_seed_gives_bit_identical_data_and_another_seed_other_data() {
    for kind in DatasetKind::ALL {
        let (train, test) = generate(kind, 200, 0.2, 0.6, 42).unwrap();
        let (train_again, test_again) = generate(kind, 200, 0.2, 0.6, 42).unwrap();
        assert_eq!(
            (bits(&train.x), bits(&train.y)),
            (bits(&train_again.x), bits(&train_again.y)),
            "{kind}"
        );
        assert_eq!(
            (bits(&test.x), bits(&test.y)),
            (bits(&test_again.x), bits(&test_again.y)),
            "{kind}"
        );
        let (other, _) = generate(kind, 200, 0.2, 0.6, 43).unwrap();
        assert_ne!(bits(&train.x), bits(&other.x), "{kind}");
    }
}

#[test]
fn sizes_and_the_train_test_split_are_as_asked() {
    for kind in DatasetKind::ALL {
        for (points, fraction, train_len) in [
            (DEFAULT_POINTS, 0.5, 250),
            (500, 0.7, 350),
            (101, 0.1, 10),
            (10, 0.9, 9),
        ] {
            let (train, test) = generate(kind, points, 0.1, fraction, 1).unwrap();
            assert_eq!(
                (train.len(), test.len()),
                (train_len, points - train_len),
                "{kind}"
            );
            for set in [&train, &test] {
                assert_eq!(set.x.len(), set.len() * Dataset::INPUTS);
                assert_eq!(set.y.len(), set.len() * kind.outputs());
                assert_eq!(set.classes, kind.classes());
                assert!(set.x.iter().chain(&set.y).all(|v| v.is_finite()));
            }
        }
    }
}

#[test]
fn labels_are_one_hot_and_classes_balanced() {
    for kind in DatasetKind::ALL.into_iter().filter(|k| !k.is_regression()) {
        let (train, test) = generate(kind, 500, 0.3, 0.5, 9).unwrap();
        for set in [&train, &test] {
            for row in set.y.chunks(set.classes) {
                assert_eq!(
                    row.iter().filter(|&&v| v == 1.0).count(),
                    1,
                    "{kind}: {row:?}"
                );
                assert_eq!(
                    row.iter().filter(|&&v| v == 0.0).count(),
                    set.classes - 1,
                    "{kind}: {row:?}"
                );
            }
        }
        // Classes take turns, so all 500 points split as evenly as they can.
        let total: Vec<usize> = train
            .class_counts()
            .iter()
            .zip(test.class_counts())
            .map(|(a, b)| a + b)
            .collect();
        let even = 500 / kind.classes();
        assert!(
            total.iter().all(|&c| c == even || c == even + 1),
            "{kind}: {total:?}"
        );
        // The random split keeps each class near its share.
        let share = train.len() as f64 / kind.classes() as f64;
        for count in train.class_counts() {
            assert!(
                (count as f64 - share).abs() < 0.2 * share,
                "{kind}: {:?}",
                train.class_counts()
            );
        }
    }
}

#[test]
fn points_lie_in_the_playground_square() {
    for kind in DatasetKind::ALL {
        let (clean, _) = generate(kind, 500, 0.0, 0.5, 4).unwrap();
        assert!(
            clean.x.iter().all(|v| v.abs() <= 6.0),
            "{kind} without noise"
        );
        let (noisy, _) = generate(kind, 500, 0.5, 0.5, 4).unwrap();
        let inside = noisy
            .x
            .chunks(2)
            .filter(|p| p[0].abs() <= 6.0 && p[1].abs() <= 6.0)
            .count();
        assert!(
            inside as f64 >= 0.85 * noisy.len() as f64,
            "{kind} with noise 0.5: {inside} of {}",
            noisy.len()
        );
    }
}

#[test]
fn each_dataset_has_the_shape_its_name_promises() {
    let (circle, _) = generate(DatasetKind::Circle, 300, 0.0, 0.5, 5).unwrap();
    for i in 0..circle.len() {
        let radius = circle.x[2 * i].hypot(circle.x[2 * i + 1]);
        let inside = circle.label(i) == Some(0);
        assert!(
            if inside {
                radius <= 2.5
            } else {
                (3.5..=5.0).contains(&radius)
            },
            "point {i}: radius {radius}"
        );
    }
    let (xor, _) = generate(DatasetKind::Xor, 300, 0.0, 0.5, 5).unwrap();
    for i in 0..xor.len() {
        let same_sign = xor.x[2 * i] * xor.x[2 * i + 1] > 0.0;
        assert_eq!(xor.label(i) == Some(0), same_sign, "point {i}");
    }
    let (plane, _) = generate(DatasetKind::Plane, 300, 0.0, 0.5, 5).unwrap();
    for i in 0..plane.len() {
        assert!((plane.y[i] - (plane.x[2 * i] + plane.x[2 * i + 1]) / 12.0).abs() < 1e-12);
    }
    let (bumps, _) = generate(DatasetKind::GaussianRegression, 300, 0.0, 0.5, 5).unwrap();
    assert!(bumps.y.iter().all(|v| v.abs() <= 1.1) && bumps.y.iter().any(|v| v.abs() > 0.5));
    let (gaussians, _) = generate(DatasetKind::Gaussians, 300, 0.0, 0.5, 5).unwrap();
    for class in 0..2 {
        let points: Vec<&[f64]> = gaussians
            .x
            .chunks(2)
            .enumerate()
            .filter(|(i, _)| gaussians.label(*i) == Some(class))
            .map(|(_, p)| p)
            .collect();
        let mean_x = points.iter().map(|p| p[0]).sum::<f64>() / points.len() as f64;
        let centre = if class == 0 { 2.0 } else { -2.0 };
        assert!(
            (mean_x - centre).abs() < 0.3,
            "class {class} centred at x = {mean_x}"
        );
    }
}

#[test]
fn names_parse_and_unknown_names_list_the_accepted_ones() {
    for kind in DatasetKind::ALL {
        assert_eq!(kind.name().parse::<DatasetKind>(), Ok(kind));
        assert_eq!(kind.to_string(), kind.name());
    }
    assert_eq!(
        accepted_names(),
        "circle, xor, gaussians, spiral, moons, blobs3, spiral3, plane, gaussian_regression, custom"
    );
    assert_eq!("custom".parse::<DatasetKind>(), Ok(DatasetKind::Custom));
    let error = "spirals".parse::<DatasetKind>().unwrap_err();
    assert_eq!(error, DataError::UnknownKind("spirals".into()));
    assert_eq!(
        error.to_string(),
        format!(
            "unknown dataset \"spirals\"; accepted: {}",
            accepted_names()
        )
    );
}

#[test]
fn out_of_range_arguments_are_refused_by_name() {
    let message = |points, noise, fraction| {
        generate(DatasetKind::Moons, points, noise, fraction, 0)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        message(5, 0.1, 0.5),
        "points must be a whole number from 10 to 5000, got 5"
    );
    assert_eq!(
        message(10_000, 0.1, 0.5),
        "points must be a whole number from 10 to 5000, got 10000"
    );
    assert_eq!(
        message(100, 0.6, 0.5),
        "noise must be a number from 0 to 0.5, got 0.6"
    );
    assert_eq!(
        message(100, f64::NAN, 0.5),
        "noise must be a number from 0 to 0.5, got NaN"
    );
    assert_eq!(
        message(100, 0.1, 0.95),
        "train_fraction must be a number from 0.1 to 0.9, got 0.95"
    );
    assert_eq!(
        message(100, 0.1, -1.0),
        "train_fraction must be a number from 0.1 to 0.9, got -1"
    );
}
