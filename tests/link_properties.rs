#![cfg(not(target_arch = "wasm32"))]
//! Property tests of shareable links: every state the page can be in writes
//! a link that reads back to it, and any text at all parses without
//! panicking to a state that writes and reads back, and that builds a run.

use nnplay::activation::Kind;
use nnplay::config::{parse_link, write_link, HiddenLayer, LinkState, Panel, PlaygroundConfig};
use nnplay::config::{ColorTheme, ExplorerState, RaceState, SoftmaxState, MAX_STEPS};
use nnplay::config::{TeacherState, HIDEABLE};
use nnplay::data::DatasetKind;
use nnplay::race::{Contestant, Target};
use nnplay::session::Session;
use nnplay::train::{Optimizer, Regularization, Schedule, TrainSettings};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{select, subsequence};

fn hidden_layer() -> impl Strategy<Value = HiddenLayer> {
    let kinds: Vec<Kind> = Kind::ALL
        .into_iter()
        .filter(|&k| k != Kind::Softmax)
        .collect();
    (1..=64usize, select(kinds), any::<bool>(), 0.0..1.0f64).prop_map(
        |(units, activation, with_param, u)| {
            let param = match activation {
                Kind::LeakyRelu => Some(u),
                Kind::Prelu => Some(2.0 * u - 1.0),
                Kind::Elu => Some(5.0 * (1.0 - u)),
                Kind::Maxout => Some((2.0 + 3.0 * u).floor()),
                _ => None,
            };
            HiddenLayer {
                units,
                activation,
                param: param.filter(|_| with_param),
            }
        },
    )
}

/// A number in `[0, 1)`, sometimes at 0 or the standard default.
fn fraction(default: f64) -> impl Strategy<Value = f64> {
    prop_oneof![0.0..1.0f64, Just(0.0), Just(default)]
}

fn optimizer() -> impl Strategy<Value = Optimizer> {
    let epsilon = || prop_oneof![1e-12..1.0f64, Just(1e-8)];
    prop_oneof![
        Just(Optimizer::Sgd),
        fraction(0.9).prop_map(|momentum| Optimizer::Momentum { momentum }),
        fraction(0.9).prop_map(|momentum| Optimizer::Nesterov { momentum }),
        epsilon().prop_map(|epsilon| Optimizer::Adagrad { epsilon }),
        (fraction(0.9), epsilon())
            .prop_map(|(decay, epsilon)| Optimizer::RmsProp { decay, epsilon }),
        (fraction(0.9), fraction(0.999), epsilon()).prop_map(|(beta1, beta2, epsilon)| {
            Optimizer::Adam {
                beta1,
                beta2,
                epsilon,
            }
        }),
    ]
}

fn schedule() -> impl Strategy<Value = Schedule> {
    let every = prop_oneof![1..=1_000_000u64, Just(1000)];
    let factor = prop_oneof![1e-9..=1.0f64, Just(0.5), Just(1.0)];
    prop_oneof![
        Just(Schedule::Constant),
        (every.clone(), factor.clone())
            .prop_map(|(every, factor)| Schedule::Step { every, factor }),
        (every, factor).prop_map(|(every, factor)| Schedule::Exponential { every, factor }),
    ]
}

fn regularization() -> impl Strategy<Value = Regularization> {
    let rate = || prop_oneof![0.0..=10.0f64, Just(0.001), Just(10.0)];
    prop_oneof![
        Just(Regularization::None),
        rate().prop_map(Regularization::L1),
        rate().prop_map(Regularization::L2),
    ]
}

fn training() -> impl Strategy<Value = PlaygroundConfig> {
    (
        select(DatasetKind::ALL.to_vec()),
        0..=10u32,
        1..=9u32,
        0..=(1u64 << 53) - 1,
        vec(hidden_layer(), 0..=6),
        1e-5..=10.0f64,
        (optimizer(), schedule(), regularization()),
        0.0..1.0f64,
    )
        .prop_map(
            |(dataset, noise, split, seed, hidden, learning_rate, tuning, batch)| {
                let train = (split * 50) as f64;
                PlaygroundConfig {
                    dataset,
                    noise: f64::from(noise * 5) / 100.0,
                    train_fraction: f64::from(split * 10) / 100.0,
                    seed,
                    hidden,
                    train: TrainSettings {
                        learning_rate,
                        batch_size: 1 + (batch * train) as usize,
                        optimizer: tuning.0,
                        schedule: tuning.1,
                        regularization: tuning.2,
                        ..TrainSettings::default()
                    },
                    ..PlaygroundConfig::default()
                }
            },
        )
}

/// A number of the explorer's range, sometimes tiny or at the ends.
fn x() -> impl Strategy<Value = f64> {
    prop_oneof![
        -1000.0..=1000.0f64,
        Just(1000.0),
        Just(-1000.0),
        Just(5e-324),
        -1e-300..1e-300f64,
    ]
}

fn tenths(range: std::ops::RangeInclusive<i32>, per_unit: i32) -> impl Strategy<Value = f64> {
    range.prop_map(move |k| f64::from(k) / f64::from(per_unit))
}

fn explorer() -> impl Strategy<Value = ExplorerState> {
    let curves: Vec<Kind> = Kind::ALL
        .into_iter()
        .filter(|&k| k != Kind::Softmax)
        .collect();
    (
        subsequence(curves, 0..=8),
        (x(), x()).prop_filter("distinct ends", |(a, b)| a != b),
        x(),
        (
            tenths(0..=30, 100),
            tenths(-20..=20, 20),
            tenths(1..=30, 10),
        ),
        (tenths(-40..=40, 20), tenths(-50..=50, 10)),
        (tenths(-40..=40, 20), tenths(-50..=50, 10)),
    )
        .prop_map(
            |(curves, (a, b), cursor, (leaky, prelu, elu), (w1, b1), (w2, b2))| ExplorerState {
                curves,
                x_min: a.min(b),
                x_max: a.max(b),
                leaky_alpha: leaky,
                prelu_slope: prelu,
                elu_alpha: elu,
                maxout: [w1, b1, w2, b2],
                cursor,
            },
        )
}

/// 2 to 4 distinct contestants, a target, seeds and race steps.
fn race() -> impl Strategy<Value = RaceState> {
    let contestant = hidden_layer().prop_map(|l| Contestant {
        activation: l.activation,
        param: l.param,
    });
    let contestants = vec(contestant, 2..=4).prop_filter("distinct", |cs| {
        (0..cs.len()).all(|i| !cs[..i].iter().any(|c| c.same_as(&cs[i])))
    });
    let target = prop_oneof![
        (0.001..=10.0f64).prop_map(Target::Loss),
        (1..=100u32).prop_map(Target::Accuracy),
    ];
    (contestants, target, 1..=20usize, 0..=MAX_STEPS).prop_map(
        |(contestants, target, seeds, steps)| RaceState {
            contestants,
            target,
            seeds,
            steps,
        },
    )
}

fn teacher() -> impl Strategy<Value = TeacherState> {
    let keys = || subsequence(HIDEABLE.to_vec(), 0..=HIDEABLE.len());
    (keys(), keys(), any::<[bool; 3]>()).prop_map(|(hide, lock, [compact, autoplay, fit])| {
        TeacherState {
            hide,
            lock,
            compact,
            autoplay,
            fit,
        }
    })
}

fn state() -> impl Strategy<Value = LinkState> {
    let panel = || proptest::option::of(select(Panel::ALL.to_vec()));
    (
        training(),
        (any::<bool>(), any::<bool>()),
        0..=MAX_STEPS,
        explorer(),
        (vec(tenths(-50..=50, 10), 3..=5), tenths(1..=50, 10)),
        subsequence(Panel::ALL.to_vec(), 0..=Panel::ALL.len()),
        panel(),
        panel(),
        select(ColorTheme::ALL.to_vec()),
        race(),
        teacher(),
    )
        .prop_map(
            |(
                training,
                (show_test, discrete),
                steps,
                explorer,
                (logits, t),
                panels,
                view,
                embed,
                theme,
                race,
                teacher,
            )| {
                LinkState {
                    training,
                    show_test,
                    discrete,
                    steps,
                    explorer,
                    softmax: SoftmaxState {
                        logits,
                        temperature: t,
                    },
                    panels,
                    view,
                    embed,
                    theme,
                    race,
                    teacher,
                }
            },
        )
}

/// Text that looks like a link: known keys, odd values, separators, escapes.
fn link_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        select(vec![
            "data",
            "noise",
            "split",
            "seed",
            "test",
            "discrete",
            "layers",
            "activation",
            "lr",
            "batch",
            "l2",
            "opt",
            "momentum",
            "rho",
            "beta1",
            "beta2",
            "eps",
            "schedule",
            "lr_every",
            "lr_factor",
            "reg",
            "reg_rate",
            "steps",
            "curves",
            "xmin",
            "xmax",
            "leaky",
            "prelu",
            "elu",
            "maxout",
            "x",
            "logits",
            "t",
            "panels",
            "view",
            "embed",
            "theme",
            "race",
            "target",
            "seeds",
            "race_steps",
        ])
        .prop_map(str::to_owned),
        select(vec!["=", "&", ",", ":", "%", "%2", "%C3%A9", "#", "-", "."])
            .prop_map(str::to_owned),
        select(vec![
            "sgd", "nesterov", "adagrad", "rmsprop", "adam", "exp", "l1", "none"
        ])
        .prop_map(str::to_owned),
        "[0-9a-z_.e+-]{0,8}",
        any::<String>(),
    ];
    vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

proptest! {
    #[test]
    fn every_state_round_trips(state in state()) {
        let written = write_link(&state);
        let (read, problems) = parse_link(&written);
        prop_assert_eq!(problems, vec![], "{}", written);
        prop_assert_eq!(read, state);
    }

    #[test]
    fn any_text_parses_without_panicking_to_a_canonical_state(text in link_like()) {
        let (state, _) = parse_link(&text);
        let written = write_link(&state);
        let (again, problems) = parse_link(&written);
        prop_assert_eq!(problems, vec![], "{}", written);
        prop_assert_eq!(again, state);
    }

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        let _ = parse_link(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn every_state_a_link_gives_builds_a_run(text in link_like()) {
        let (state, _) = parse_link(&text);
        prop_assert!(Session::new(state.training).is_ok());
    }
}
