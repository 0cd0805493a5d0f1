#![cfg(not(target_arch = "wasm32"))]
//! Swish (SiLU) and GELU, the two activations of today's transformers: their
//! values and derivatives against references computed at 60 digits, their
//! derivatives against central differences, no NaN or infinity at the
//! extremes, and their place everywhere the registry puts them (properties,
//! colours, hidden layers, links, the race, the stage view).

use nnplay::activation::{saturated_intervals, Activation, Cost, Init, Kind, Saturation};
use nnplay::config::{parse_link, write_link, HiddenLayer, PlaygroundConfig};
use nnplay::network::Network;
use nnplay::plot::{color_of, Theme};
use nnplay::race::Contestant;
use nnplay::session::Session;
use nnplay::stage_view;
use nnplay::train::Model;
use plotters::style::RGBColor;

// (x, f(x), f'(x)), each rounded from mpmath at 60 digits by this script
// (Python 3.11, mpmath 1.3.0); x is the double the literal parses to:
//
//     from mpmath import mp, mpf, exp, erfc, sqrt, pi
//     mp.dps = 60
//     def swish(x): return x / (1 + exp(-x))
//     def dswish(x):
//         s = 1 / (1 + exp(-x)); return s * (1 + x * (1 - s))
//     def Phi(x): return erfc(-x / sqrt(2)) / 2
//     def gelu(x): return x * Phi(x)
//     def dgelu(x): return Phi(x) + x * exp(-x * x / 2) / sqrt(2 * pi)
//     for p in points: x = mpf(float(p)); print(float(p), float(f(x)), float(df(x)))
//
// At x = −1000 (and −50 for GELU) the exact value is below the smallest
// double (GELU(−50) ≈ −1e−543), so the reference is −0.
const SWISH: [(f64, f64, f64); 29] = [
    (-1000.0, -0.0, -0.0),
    (-50.0, -9.643749239819589e-21, -9.450874255023197e-21),
    (-37.0, -3.1572276215253042e-15, -3.071897145267863e-15),
    (-30.0, -2.8072868906517896e-12, -2.713710660963134e-12),
    (-20.0, -4.122307236380407e-08, -3.9161918660646786e-08),
    (-10.0, -0.00045397868702434395, -0.0004085602086570823),
    (-5.0, -0.03346425462142428, -0.02654743242966592),
    (-2.5, -0.18964545005310887, -0.09940111134152683),
    (
        -1.278464542761074,
        -0.2784645427610738,
        -2.452007938935708e-17,
    ),
    (-1.0, -0.2689414213699951, 0.07232948812851327),
    (
        -0.7517915246935645,
        -0.24089735661124098,
        0.15672470111994974,
    ),
    (-0.5, -0.18877033439907273, 0.2600388126973482),
    (-0.001, -0.0004997500000208334, 0.49950000008333334),
    (-1e-08, -4.9999999750000005e-09, 0.499999995),
    (-1e-300, -5e-301, 0.5),
    (0.0, 0.0, 0.5),
    (1e-300, 5e-301, 0.5),
    (1e-08, 5.000000025e-09, 0.500000005),
    (0.001, 0.0005002499999791667, 0.5004999999166667),
    (0.5, 0.3112296656009273, 0.7399611873026518),
    (1.0, 0.7310585786300049, 0.9276705118714867),
    (2.5, 2.310354549946891, 1.0994011113415267),
    (5.0, 4.966535745378576, 1.026547432429666),
    (10.0, 9.999546021312975, 1.000408560208657),
    (20.0, 19.99999995877693, 1.0000000391619186),
    (30.0, 29.999999999997193, 1.0000000000027136),
    (37.0, 37.0, 1.000000000000003),
    (50.0, 50.0, 1.0),
    (1000.0, 1000.0, 1.0),
];
const GELU: [(f64, f64, f64); 29] = [
    (-1000.0, -0.0, -0.0),
    (-50.0, -0.0, -0.0),
    (-37.0, -2.1184613523340935e-298, -7.838298669418516e-297),
    (-30.0, -1.472014178144456e-196, -4.416031690708495e-195),
    (-20.0, -5.507248237212468e-88, -1.1014360483133464e-86),
    (-10.0, -7.619853024160526e-23, -7.618400096464814e-22),
    (-5.0, -1.4332578593959695e-06, -7.146946001792295e-06),
    (-2.5, -0.015524163314440337, -0.03761108590814521),
    (
        -1.278464542761074,
        -0.1285404554123842,
        -0.12471388146295276,
    ),
    (-1.0, -0.15865525393145705, -0.0833154705876863),
    (
        -0.7517915246935645,
        -0.16997120747990366,
        -6.453751729367753e-18,
    ),
    (-0.5, -0.15426876936299344, 0.13250487534383715),
    (-0.001, -0.000499601057786089, 0.4992021157051586),
    (-1e-08, -4.999999960105772e-09, 0.4999999920211544),
    (-1e-300, -5e-301, 0.5),
    (0.0, 0.0, 0.5),
    (1e-300, 5e-301, 0.5),
    (1e-08, 5.000000039894228e-09, 0.5000000079788456),
    (0.001, 0.000500398942213911, 0.5007978842948414),
    (0.5, 0.34573123063700656, 0.8674951246561629),
    (1.0, 0.8413447460685429, 1.0833154705876864),
    (2.5, 2.4844758366855597, 1.037611085908145),
    (5.0, 4.999998566742141, 1.000007146946002),
    (10.0, 10.0, 1.0),
    (20.0, 20.0, 1.0),
    (30.0, 30.0, 1.0),
    (37.0, 37.0, 1.0),
    (50.0, 50.0, 1.0),
    (1000.0, 1000.0, 1.0),
];

/// Relative agreement to `rel`, or within `floor` of a reference near 0.
fn agrees(got: f64, want: f64, rel: f64, floor: f64) -> bool {
    (got - want).abs() <= rel * want.abs() || (got - want).abs() <= floor
}

/// Checks `f` and `f'` against a table: values to 1e-9 relative (0 only
/// where the reference is 0), derivatives to 1e-9 relative with a floor of
/// 1e-15 where they cross 0 (at each function's minimum).
fn check_table(activation: Activation, table: &[(f64, f64, f64)]) {
    for &(x, f, df) in table {
        let (got_f, got_df) = activation.value_and_derivative(x);
        assert!(
            got_f.is_finite() && got_df.is_finite(),
            "{activation:?} at {x}: {got_f}, {got_df}"
        );
        assert!(
            agrees(got_f, f, 1e-9, 0.0),
            "{activation:?}({x}) = {got_f:e}, reference {f:e}"
        );
        assert!(
            agrees(got_df, df, 1e-9, 1e-15),
            "{activation:?}'({x}) = {got_df:e}, reference {df:e}"
        );
    }
}

#[test]
fn swish_matches_a_60_digit_reference_from_minus_1000_to_1000() {
    check_table(Activation::Swish, &SWISH);
}

#[test]
fn gelu_matches_a_60_digit_reference_from_minus_1000_to_1000() {
    check_table(Activation::Gelu, &GELU);
}

#[test]
fn the_tails_are_signed_zeros_or_tiny_numbers_never_nan() {
    for activation in [Activation::Swish, Activation::Gelu] {
        // Where e^x (swish) or Φ(x) (gelu) is below the smallest double.
        let tails: &[f64] = match activation {
            Activation::Swish => &[-1e300, -1e6, -1000.0, -800.0],
            _ => &[-1e300, -1e6, -1000.0, -50.0, -38.6],
        };
        for &x in tails {
            let (f, df) = activation.value_and_derivative(x);
            assert!(f <= 0.0 && f > -1e-300, "{activation:?}({x}) = {f:e}");
            assert!(df.abs() < 1e-300, "{activation:?}'({x}) = {df:e}");
        }
        for x in [1000.0, 1e6, 1e300] {
            assert_eq!(
                activation.value_and_derivative(x),
                (x, 1.0),
                "{activation:?} at {x}"
            );
        }
        assert_eq!(activation.value_and_derivative(0.0), (0.0, 0.5));
        // Tiny inputs: f(x) = x/2 exactly, the slope 1/2.
        for x in [1e-300, -1e-300, 5e-324, -5e-324] {
            assert_eq!(
                activation.value_and_derivative(x),
                (x / 2.0, 0.5),
                "{activation:?} at {x:e}"
            );
        }
    }
    // GELU's Φ(x) for x < 0 comes from erfc: (1 + erf(x/√2))/2 would give 0 at −10.
    assert!(Activation::Gelu.f(-10.0) < -7.6e-23);
    // Swish at −1000 is −0: x times a σ(x) that underflows, not 0·∞.
    let f = Activation::Swish.f(-1000.0);
    assert!(f == 0.0 && f.is_sign_negative(), "{f}");
}

#[test]
fn derivatives_match_central_differences() {
    for activation in [Activation::Swish, Activation::Gelu] {
        for i in -1200..=1200 {
            let x = i as f64 / 100.0 + 0.0037;
            let h = 1e-5 * x.abs().max(1.0);
            let numeric = (activation.f(x + h) - activation.f(x - h)) / (2.0 * h);
            let analytic = activation.df(x);
            // The error of the difference quotient: h²·f'''/6 and the rounding of f over 2h.
            assert!(
                (numeric - analytic).abs() < 1e-9,
                "{activation:?}'({x}): analytic {analytic}, numeric {numeric}"
            );
        }
    }
}

#[test]
fn the_closed_forms_hold_between_the_table_points() {
    // swish' = σ(x)(1 + x(1 − σ(x))) with σ = swish/x, and gelu' = Φ + xφ with Φ = gelu/x.
    for i in 1..=400 {
        let x = (i as f64 - 200.5) / 20.0;
        let s = Activation::Swish.f(x) / x;
        let closed = s * (1.0 + x * (1.0 - s));
        assert!(
            agrees(Activation::Swish.df(x), closed, 1e-12, 1e-15),
            "swish' at {x}"
        );
        let phi = Activation::Gelu.f(x) / x;
        let density = (-x * x / 2.0).exp() / (2.0 * std::f64::consts::PI).sqrt();
        let closed = phi + x * density;
        assert!(
            agrees(Activation::Gelu.df(x), closed, 1e-12, 1e-15),
            "gelu' at {x}"
        );
    }
}

#[test]
fn the_registry_lists_both_with_their_properties() {
    let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
    assert_eq!(
        names,
        [
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
            "softmax"
        ]
    );
    for (kind, label, cost) in [
        (Kind::Swish, "Swish (SiLU)", Cost::Exp),
        (Kind::Gelu, "GELU", Cost::Erf),
    ] {
        let p = kind.properties();
        assert_eq!((p.label, p.cost), (label, cost));
        assert!(
            p.smooth && !p.monotonic && !p.zero_centered,
            "{kind}: {p:?}"
        );
        assert_eq!(p.saturates, Saturation::NegativeSide);
        assert!(kind.is_elementwise() && kind.param().is_none());
        assert_eq!(kind.definition().init, Init::He);
        assert_eq!(Activation::parse(kind.name(), None).unwrap().kind(), kind);
        let extra = Activation::parse(kind.name(), Some(1.0))
            .unwrap_err()
            .to_string();
        assert!(extra.contains("takes no parameter"), "{extra}");
    }
    // The ranges printed: each minimum, rounded as the table prints it.
    assert!(Kind::Swish.properties().range.starts_with("[−0.278"));
    assert!(Kind::Gelu.properties().range.starts_with("[−0.170"));
    let swish_min = (-1.278464542761074f64, -0.2784645427610738);
    assert_eq!(Activation::Swish.f(swish_min.0), swish_min.1);
}

#[test]
fn saturation_shading_covers_the_left_tail_only() {
    for activation in [Activation::Swish, Activation::Gelu] {
        let intervals = saturated_intervals(|x| activation.df(x), -10.0, 10.0, 2001, 0.01);
        // Left tail, plus the dip where f' crosses 0 at the minimum.
        assert!(intervals[0].0 == -10.0, "{activation:?}: {intervals:?}");
        assert!(
            intervals.iter().all(|&(_, hi)| hi < 0.0),
            "{activation:?}: {intervals:?}"
        );
    }
}

/// WCAG contrast ratio of two sRGB colours.
fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    let luminance = |c: RGBColor| {
        let linear = |v: u8| {
            let v = v as f64 / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(c.0) + 0.7152 * linear(c.1) + 0.0722 * linear(c.2)
    };
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[test]
fn each_has_its_own_colour_readable_on_both_themes() {
    for kind in [Kind::Swish, Kind::Gelu] {
        let color = color_of(kind);
        for theme in [Theme::LIGHT, Theme::DARK] {
            let ratio = contrast(color, theme.background);
            assert!(ratio >= 3.0, "{kind} on {:?}: {ratio:.2}", theme.background);
        }
        for other in Kind::ALL.into_iter().filter(|&k| k != kind) {
            let o = color_of(other);
            let distance = [(color.0, o.0), (color.1, o.1), (color.2, o.2)]
                .map(|(a, b)| (a as f64 - b as f64).powi(2))
                .iter()
                .sum::<f64>()
                .sqrt();
            assert!(distance > 80.0, "{kind} and {other}: {color:?} vs {o:?}");
        }
    }
}

/// A small classifier with two hidden layers of `activation`.
fn network(activation: &str, seed: u64) -> Network {
    Network::from_json(&format!(
        r#"{{"inputs": 2, "seed": {seed}, "layers": [{{"units": 6, "activation": "{activation}"}}, {{"units": 4, "activation": "{activation}"}}, {{"units": 2, "activation": "softmax"}}]}}"#
    ))
    .unwrap()
}

#[test]
fn hidden_layers_train_and_their_gradient_matches_finite_differences() {
    let xs: Vec<f64> = (0..16)
        .flat_map(|i| [(i as f64 * 0.37).sin() * 2.0, (i as f64 * 0.91).cos() * 2.0])
        .collect();
    let ys: Vec<f64> = (0..16)
        .flat_map(|i| {
            if xs[2 * i] * xs[2 * i + 1] > 0.0 {
                [1.0, 0.0]
            } else {
                [0.0, 1.0]
            }
        })
        .collect();
    for name in ["swish", "gelu"] {
        let mut net = network(name, 3);
        let analytic = net.gradient(&xs, &ys).unwrap();
        let h = 1e-6;
        for k in 0..net.params().len() {
            let p = net.params()[k];
            let mut params = net.params().to_vec();
            params[k] = p + h;
            net.set_params(&params).unwrap();
            let up = net.loss(&xs, &ys).unwrap();
            params[k] = p - h;
            net.set_params(&params).unwrap();
            let down = net.loss(&xs, &ys).unwrap();
            params[k] = p;
            net.set_params(&params).unwrap();
            let numeric = (up - down) / (2.0 * h);
            assert!(
                (numeric - analytic[k]).abs() <= 1e-6 * (1.0 + numeric.abs()),
                "{name}: parameter {k}: analytic {} vs numeric {numeric}",
                analytic[k]
            );
        }
        let before = net.loss(&xs, &ys).unwrap();
        let after = Model::new(net).fit(&xs, &ys, 0.3, 8, 300).unwrap();
        assert!(after < before / 2.0, "{name} learns: {before} → {after}");
    }
}

#[test]
fn links_carry_them_in_layers_curves_and_the_race() {
    let link = "layers=4:swish,3:gelu&curves=swish,gelu&race=swish,gelu,relu";
    let (state, problems) = parse_link(link);
    assert_eq!(problems, vec![], "{link}");
    let hidden: Vec<Kind> = state.training.hidden.iter().map(|l| l.activation).collect();
    assert_eq!(hidden, [Kind::Swish, Kind::Gelu]);
    assert_eq!(state.explorer.curves, [Kind::Swish, Kind::Gelu]);
    assert_eq!(
        state.race.contestants,
        [
            Contestant::new(Kind::Swish),
            Contestant::new(Kind::Gelu),
            Contestant::new(Kind::Relu)
        ]
    );
    assert_eq!(write_link(&state), link);
    for bad in ["layers=4:swish:0.5", "race=gelu:1,relu"] {
        let (_, problems) = parse_link(bad);
        assert_eq!(problems.len(), 1, "{bad}: {problems:?}");
    }
}

/// Three units of `activation` with `param`.
fn layer(activation: Kind, param: f64) -> HiddenLayer {
    HiddenLayer {
        param: Some(param),
        ..HiddenLayer::new(3, activation)
    }
}

/// Every detail line of the stage view for a run with these hidden layers.
fn stage_details(hidden: Vec<HiddenLayer>) -> Vec<String> {
    let config = PlaygroundConfig {
        hidden,
        ..PlaygroundConfig::default()
    };
    let mut run = Session::new(config).unwrap();
    let view = stage_view::build(run.trainer_mut());
    let equations = view.stages.iter().flat_map(|stage| &stage.equations);
    equations.filter_map(|e| e.detail.clone()).collect()
}

#[test]
fn the_stage_view_writes_each_beside_its_derivative_from_its_file() {
    let hidden = vec![
        HiddenLayer::new(3, Kind::Swish),
        HiddenLayer::new(3, Kind::Gelu),
        layer(Kind::LeakyRelu, 0.1),
        layer(Kind::Elu, 0.5),
        layer(Kind::Maxout, 3.0),
    ];
    let details = stage_details(hidden);
    for expected in [
        "swish(z) = z·sigmoid(z) = z / (1 + e^(−z))",
        "swish'(z) = sigmoid(z)·(1 + z·(1 − sigmoid(z)))",
        "gelu(z) = z·Φ(z), Φ(z) = erfc(−z/√2) / 2, the normal distribution function",
        "gelu'(z) = Φ(z) + z·φ(z), φ(z) = e^(−z²/2) / √(2π)",
        // The others as they were written before they moved to their files.
        "leaky_relu(z) = max(0.1·z, z)",
        "leaky_relu'(z) = 1 if z > 0, else 0.1",
        "elu(z) = z if z ≥ 0, else 0.5·(e^z − 1)",
        "elu'(z) = 1 if z ≥ 0, else 0.5·e^z",
        "maxout: each unit outputs the largest of its 3 pieces of z",
        "maxout passes the gradient to each unit's winning piece, 0 to the others",
        "softmax(z)_j = e^(z_j) / Σ_k e^(z_k)",
    ] {
        assert!(
            details.iter().any(|d| d.starts_with(expected)),
            "no detail {expected:?} in {details:#?}"
        );
    }
}
