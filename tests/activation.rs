#![cfg(not(target_arch = "wasm32"))]
//! Native tests of the activations: known values, derivatives against central
//! finite differences, the notes' conventions at 0, stability at ±1000, softmax.

use nnplay::activation::{
    maxout, saturated_intervals, softmax, Activation, ActivationError, Kind, Piece,
};
use proptest::prelude::*;

/// Every element-wise activation, with default and non-default parameters.
fn all_elementwise() -> Vec<Activation> {
    vec![
        Activation::Identity,
        Activation::Sigmoid,
        Activation::Tanh,
        Activation::Relu,
        Activation::LeakyRelu { alpha: 0.01 },
        Activation::LeakyRelu { alpha: 0.1 },
        Activation::Prelu { slope: 0.25 },
        Activation::Prelu { slope: -0.5 },
        Activation::Elu { alpha: 1.0 },
        Activation::Elu { alpha: 0.3 },
        Activation::Swish,
        Activation::Gelu,
    ]
}

#[test]
fn the_list_above_has_every_element_wise_kind() {
    for kind in Kind::ALL.into_iter().filter(|k| k.is_elementwise()) {
        assert!(all_elementwise().iter().any(|a| a.kind() == kind), "{kind}");
    }
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * (1.0 + a.abs().max(b.abs()))
}

#[test]
fn known_values() {
    // Reference values from Python's math module (math.tanh, math.exp, math.expm1).
    let cases: [(&str, Option<f64>, f64, f64, f64); 12] = [
        ("sigmoid", None, 0.0, 0.5, 0.25),
        ("sigmoid", None, 3.0_f64.ln(), 0.75, 0.1875),
        ("tanh", None, 0.0, 0.0, 1.0),
        ("tanh", None, 0.5, 0.46211715726000974, 0.7864477329659274),
        ("relu", None, -2.0, 0.0, 0.0),
        ("relu", None, 3.0, 3.0, 1.0),
        ("leaky_relu", None, -2.0, -0.02, 0.01),
        ("leaky_relu", Some(0.1), -10.0, -1.0, 0.1),
        ("prelu", None, -2.0, -0.5, 0.25),
        ("elu", None, -1.0, -0.6321205588285577, 0.36787944117144233),
        (
            "elu",
            Some(2.0),
            -1.0,
            -1.2642411176571153,
            0.7357588823428847,
        ),
        ("identity", None, -7.5, -7.5, 1.0),
    ];
    for (name, param, x, f, df) in cases {
        let act = Activation::parse(name, param).unwrap();
        let (got_f, got_df) = act.value_and_derivative(x);
        assert!(
            close(got_f, f, 1e-15),
            "{name}({x}) = {got_f}, expected {f}"
        );
        assert!(
            close(got_df, df, 1e-15),
            "{name}'({x}) = {got_df}, expected {df}"
        );
    }
}

#[test]
fn conventions_at_zero_follow_the_notes() {
    assert_eq!(Activation::Relu.df(0.0), 1.0, "notes: if x = 0, dz = 1");
    assert_eq!(Activation::Relu.f(0.0), 0.0);
    assert_eq!(Activation::LeakyRelu { alpha: 0.01 }.df(0.0), 0.01);
    assert_eq!(Activation::Prelu { slope: 0.25 }.df(0.0), 0.25);
    assert_eq!(Activation::Elu { alpha: 1.0 }.df(0.0), 1.0);
    assert_eq!(Activation::Elu { alpha: 1.0 }.f(0.0), 0.0);
}

#[test]
fn derivatives_match_central_finite_differences() {
    let h = 1e-6;
    for act in all_elementwise() {
        for i in -400..=400 {
            let x = i as f64 * 0.025 + 0.0123; // never exactly on the kink at 0
            if x.abs() < 1e-3 {
                continue;
            }
            let numeric = (act.f(x + h) - act.f(x - h)) / (2.0 * h);
            let analytic = act.df(x);
            assert!(
                (numeric - analytic).abs() < 1e-7,
                "{act:?} at x = {x}: analytic {analytic}, numeric {numeric}"
            );
        }
    }
}

#[test]
fn derivative_in_terms_of_output_agrees_with_derivative_in_x() {
    for act in [Activation::Sigmoid, Activation::Tanh] {
        for i in -200..=200 {
            let x = i as f64 * 0.05;
            let z = act.f(x);
            let from_output = act.df_from_output(z).unwrap();
            assert!(close(from_output, act.df(x), 1e-15), "{act:?} at {x}");
        }
    }
    // The notes' tanh slip, z(1 − z²), is not the derivative: at x = 1 it is 0.32, not 0.42.
    let z = Activation::Tanh.f(1.0);
    assert!((z * (1.0 - z * z) - Activation::Tanh.df(1.0)).abs() > 0.05);
    assert_eq!(Activation::Relu.df_from_output(1.0), None);
}

#[test]
fn stable_at_plus_and_minus_1000() {
    for act in all_elementwise() {
        for x in [-1000.0, 1000.0, -1e300, 1e300] {
            let (f, df) = act.value_and_derivative(x);
            assert!(f.is_finite() && df.is_finite(), "{act:?} at {x}: {f}, {df}");
        }
    }
    assert_eq!(Activation::Sigmoid.f(1000.0), 1.0);
    assert_eq!(Activation::Sigmoid.f(-1000.0), 0.0);
    assert_eq!(Activation::Sigmoid.df(-1000.0), 0.0);
    assert_eq!(Activation::Tanh.f(-1000.0), -1.0);
    assert_eq!(Activation::Elu { alpha: 1.5 }.f(-1000.0), -1.5);
    assert_eq!(Activation::Elu { alpha: 1.5 }.df(-1000.0), 0.0);
    // expm1 keeps tiny negative inputs exact where exp(x) − 1 would round to 0.
    assert_eq!(Activation::Elu { alpha: 1.0 }.f(-1e-20), -1e-20);
}

#[test]
fn softmax_sums_to_one_and_is_shift_invariant() {
    let logits = [1.0, 2.0, 3.0];
    let p = softmax(&logits, 1.0).unwrap();
    // Reference: numpy.exp(l) / numpy.exp(l).sum() for l = [1, 2, 3].
    let expected = [0.09003057317038046, 0.24472847105479767, 0.6652409557748219];
    for (got, want) in p.iter().zip(expected) {
        assert!(close(*got, want, 1e-15), "{got} vs {want}");
    }
    assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-15);
    let shifted = softmax(&[101.0, 102.0, 103.0], 1.0).unwrap();
    for (a, b) in p.iter().zip(&shifted) {
        assert!(close(*a, *b, 1e-14));
    }
}

#[test]
fn softmax_is_stable_for_huge_logits() {
    let p = softmax(&[1000.0, 0.0, -1000.0], 1.0).unwrap();
    assert_eq!(p[0], 1.0);
    assert!(p.iter().all(|v| v.is_finite() && *v >= 0.0));
    let even = softmax(&[1000.0, 1000.0], 1.0).unwrap();
    assert_eq!(even, vec![0.5, 0.5]);
}

#[test]
fn softmax_temperature_flattens_or_sharpens() {
    let logits = [1.0, 2.0, 3.0];
    let hot = softmax(&logits, 100.0).unwrap();
    let cold = softmax(&logits, 0.01).unwrap();
    assert!(hot.iter().all(|p| (p - 1.0 / 3.0).abs() < 0.01), "{hot:?}");
    assert!(cold[2] > 0.999_999, "{cold:?}");
}

#[test]
fn softmax_rejects_bad_input_with_a_clear_message() {
    let empty = softmax(&[], 1.0).unwrap_err().to_string();
    assert!(empty.contains("at least one logit"), "{empty}");
    let nan = softmax(&[1.0, f64::NAN], 1.0).unwrap_err().to_string();
    assert!(nan.contains("logit 1") && nan.contains("finite"), "{nan}");
    let t = softmax(&[1.0], 0.0).unwrap_err().to_string();
    assert!(
        t.contains("temperature") && t.contains("greater than 0"),
        "{t}"
    );
}

#[test]
fn names_round_trip_and_bad_names_list_the_accepted_ones() {
    for kind in Kind::ALL {
        assert_eq!(kind.name().parse::<Kind>().unwrap(), kind);
    }
    // Mish is one nnplay does not have (swish, once the example here, is one now).
    let err = Activation::parse("mish", None).unwrap_err();
    assert_eq!(err, ActivationError::UnknownName("mish".into()));
    let message = err.to_string();
    assert!(
        message.contains("\"mish\"") && message.contains("leaky_relu, prelu, elu, swish, gelu"),
        "{message}"
    );
    let maxout = Activation::parse("maxout", None).unwrap_err().to_string();
    assert!(maxout.contains("layer kind"), "{maxout}");
    let softmax = Activation::parse("softmax", None).unwrap_err().to_string();
    assert!(softmax.contains("softmax()"), "{softmax}");
}

#[test]
fn parameters_are_checked() {
    assert_eq!(
        Activation::parse("leaky_relu", None).unwrap(),
        Activation::LeakyRelu { alpha: 0.01 }
    );
    assert_eq!(
        Activation::parse("prelu", None).unwrap(),
        Activation::Prelu { slope: 0.25 }
    );
    let leaky = Activation::parse("leaky_relu", Some(1.5))
        .unwrap_err()
        .to_string();
    assert!(
        leaky.contains("alpha") && leaky.contains("from 0"),
        "{leaky}"
    );
    let elu = Activation::parse("elu", Some(-1.0))
        .unwrap_err()
        .to_string();
    assert!(
        elu.contains("alpha for elu must be a number from 0 to 5, got -1"),
        "{elu}"
    );
    let nan = Activation::parse("prelu", Some(f64::NAN))
        .unwrap_err()
        .to_string();
    assert!(nan.contains("slope") && nan.contains("finite"), "{nan}");
    let extra = Activation::parse("relu", Some(0.5))
        .unwrap_err()
        .to_string();
    assert!(extra.contains("takes no parameter"), "{extra}");
}

#[test]
fn maxout_takes_the_larger_line_and_its_slope() {
    let pieces = [Piece { w: 1.0, b: 0.0 }, Piece { w: -0.5, b: 1.0 }];
    assert_eq!(maxout(&pieces, 2.0), (2.0, 1.0, 0));
    assert_eq!(maxout(&pieces, -2.0), (2.0, -0.5, 1));
    // Maxout of (x, 0.01x) is Leaky ReLU with alpha 0.01, as the notes' max(0.01x, x).
    let leaky_pieces = [Piece { w: 1.0, b: 0.0 }, Piece { w: 0.01, b: 0.0 }];
    let leaky = Activation::LeakyRelu { alpha: 0.01 };
    for x in [-5.0, -0.5, 0.5, 5.0] {
        let (value, slope, _) = maxout(&leaky_pieces, x);
        assert_eq!((value, slope), leaky.value_and_derivative(x));
    }
}

#[test]
fn saturation_regions_of_sigmoid_are_the_tails() {
    let intervals = saturated_intervals(|x| Activation::Sigmoid.df(x), -10.0, 10.0, 2001, 0.01);
    assert_eq!(intervals.len(), 2, "{intervals:?}");
    // σ'(x) = 0.01 at |x| ≈ 4.5848.
    assert!((intervals[0].1 + 4.59).abs() < 0.011, "{intervals:?}");
    assert!((intervals[1].0 - 4.59).abs() < 0.011, "{intervals:?}");
    assert_eq!(intervals[0].0, -10.0);
    assert_eq!(intervals[1].1, 10.0);
    let relu = saturated_intervals(|x| Activation::Relu.df(x), -10.0, 10.0, 2001, 0.01);
    assert_eq!(relu, vec![(-10.0, -0.01)]);
    let identity = saturated_intervals(|x| Activation::Identity.df(x), -10.0, 10.0, 201, 0.01);
    assert!(identity.is_empty());
}

#[test]
fn every_kind_has_properties_from_the_notes() {
    let sigmoid = Kind::Sigmoid.properties();
    assert_eq!(sigmoid.range, "(0, 1)");
    assert!(
        !sigmoid.zero_centered,
        "notes: sigmoid output is not zero centered"
    );
    let tanh = Kind::Tanh.properties();
    assert!(tanh.zero_centered, "notes: tanh is zero centered");
    assert!(!Kind::Relu.properties().smooth);
    for kind in Kind::ALL {
        assert!(!kind.properties().label.is_empty());
    }
}

proptest! {
    #[test]
    fn values_are_finite_and_in_range(x in -1e4f64..1e4) {
        for act in all_elementwise() {
            let (f, df) = act.value_and_derivative(x);
            prop_assert!(f.is_finite() && df.is_finite());
        }
        let s = Activation::Sigmoid.f(x);
        prop_assert!((0.0..=1.0).contains(&s));
        let t = Activation::Tanh.f(x);
        prop_assert!((-1.0..=1.0).contains(&t));
        prop_assert!(Activation::Relu.f(x) >= 0.0);
    }

    #[test]
    fn softmax_always_sums_to_one(logits in prop::collection::vec(-1e3f64..1e3, 1..8), t in 0.05f64..20.0) {
        let p = softmax(&logits, t).unwrap();
        prop_assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        prop_assert!(p.iter().all(|v| (0.0..=1.0).contains(v)));
    }
}
