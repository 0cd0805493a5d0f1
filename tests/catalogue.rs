#![cfg(not(target_arch = "wasm32"))]
//! Native tests of the settings catalogue: it names every link key once,
//! its defaults and ranges are the ones links read, and the checked-in
//! `docs/link-keys.md` is the one it writes; a setting checked in several
//! places (the learning rate, an activation's parameter) has one range and
//! one wording wherever it is refused.

use nnplay::activation::{Activation, Kind};
use nnplay::config::{learning_rates, plain_values, HiddenLayer, Plain, PlaygroundConfig};
use nnplay::config::{link_keys_markdown, parse_link, settings, write_link, LinkState, Values};
use nnplay::network::{Network, LEARNING_RATE, LEARNING_RATE_ACCEPTS};
use nnplay::session::Session;
use nnplay::train::{Model, TrainSettings};

#[test]
fn every_key_is_listed_once_with_a_line_of_help() {
    let all = settings();
    assert!(all.len() >= 50, "{}", all.len());
    for (i, s) in all.iter().enumerate() {
        assert!(all[..i].iter().all(|o| o.key != s.key), "{} twice", s.key);
        assert!(!s.help.is_empty() && !s.accepts.is_empty(), "{}", s.key);
    }
}

#[test]
fn each_default_is_one_the_link_reads_and_says_what_it_accepts() {
    for s in settings().into_iter().filter(|s| !s.default.is_empty()) {
        // Keys that need an owner are read with one that has them.
        let owner = match s.key {
            "momentum" => "opt=momentum&",
            "rho" => "opt=rmsprop&",
            "beta1" | "beta2" | "eps" => "opt=adam&",
            "lr_every" | "lr_factor" => "schedule=step&",
            "reg_rate" => "reg=l2&",
            _ => "",
        };
        let (state, problems) = parse_link(&format!("{owner}{}={}", s.key, s.default));
        assert_eq!(problems, vec![], "{}", s.key);
        if owner.is_empty() {
            assert_eq!(state, LinkState::default(), "{}", s.key);
        }
        let (_, refused) = parse_link(&format!("{owner}{}=%00", s.key));
        let said = &refused[0].problem;
        assert!(said.contains(&s.values.describe()), "{}: {said}", s.key);
        if owner.is_empty() {
            assert!(said.contains(&s.accepts), "{}: {said}", s.key);
        }
    }
    assert_eq!(write_link(&LinkState::default()), "");
}

#[test]
fn numbers_are_refused_just_outside_their_range_and_read_inside() {
    for s in settings() {
        let Values::Number {
            min,
            max,
            min_open,
            max_open,
            step,
            ..
        } = s.values
        else {
            continue;
        };
        let inside = if min_open { (min + max) / 2.0 } else { min };
        assert!(s.values.contains(inside), "{}", s.key);
        assert!(!s.values.contains(max + step.unwrap_or(1e-3)), "{}", s.key);
        assert!(!s.values.contains(min - step.unwrap_or(1e-3)), "{}", s.key);
        assert_eq!(s.values.contains(max), !max_open, "{}", s.key);
        assert_eq!(s.values.contains(min), !min_open, "{}", s.key);
    }
}

#[test]
fn the_checked_in_link_keys_doc_is_the_catalogues() {
    let doc = include_str!("../docs/link-keys.md");
    assert!(
        doc == link_keys_markdown(),
        "docs/link-keys.md differs from the catalogue; regenerate it with \
         `cargo run --example link_keys > docs/link-keys.md`"
    );
}

#[test]
fn the_learning_rate_has_one_range_and_one_wording() {
    assert_eq!(learning_rates().describe(), LEARNING_RATE_ACCEPTS);
    let (lo, hi) = (*LEARNING_RATE.start(), *LEARNING_RATE.end());
    for bad in [0.0, lo / 2.0, hi * 1.5, f64::NAN] {
        let expected = format!("learning_rate must be {LEARNING_RATE_ACCEPTS}, got {bad}");
        // The page's config.
        let config = PlaygroundConfig {
            train: TrainSettings {
                learning_rate: bad,
                ..TrainSettings::default()
            },
            ..PlaygroundConfig::default()
        };
        let session = Session::new(config).unwrap_err().to_string();
        assert_eq!(session, expected);
        // The JS API's Model.
        let mut model = Model::from_json(
            r#"{"inputs": 1, "layers": [{"units": 1, "activation": "identity"}]}"#,
        )
        .unwrap();
        let fit = model
            .fit(&[1.0], &[1.0], bad, 1, 1)
            .unwrap_err()
            .to_string();
        assert_eq!(fit, expected);
        // The trainer's settings.
        let settings = TrainSettings {
            learning_rate: bad,
            ..TrainSettings::default()
        };
        assert_eq!(settings.validate(10).unwrap_err().to_string(), expected);
        // The link key: its own form, with the same words for the range.
        let (_, problems) = parse_link(&format!("lr={bad}"));
        let link = problems[0].to_string();
        assert_eq!(
            link,
            format!("lr accepts {LEARNING_RATE_ACCEPTS}; got \"{bad}\"")
        );
    }
    for good in [lo, 0.03, hi] {
        assert!(parse_link(&format!("lr={good}")).1.is_empty());
        let config = PlaygroundConfig {
            train: TrainSettings {
                learning_rate: good,
                ..TrainSettings::default()
            },
            ..PlaygroundConfig::default()
        };
        assert!(Session::new(config).is_ok());
    }
}

#[test]
fn each_activation_parameter_has_one_range_and_one_wording() {
    for kind in Kind::ALL {
        let Some(spec) = kind.param() else { continue };
        let words = spec.describe();
        assert_eq!(Values::number(spec.min..=spec.max).describe(), words);
        // Just outside each end: refused by the JS API and Model configs, layers, the race.
        for bad in [spec.min - spec.step, spec.max + spec.step] {
            let api = Activation::new(kind, Some(bad)).unwrap_err().to_string();
            assert_eq!(
                api,
                format!("{} for {kind} must be {words}, got {bad}", spec.name)
            );
            let json = format!(
                r#"{{"inputs": 2, "layers": [{{"units": 2, "activation": "{kind}", "param": {bad}}}, {{"units": 2, "activation": "softmax"}}]}}"#
            );
            let model = Network::from_json(&json).unwrap_err().to_string();
            assert!(model.contains(&api), "{model}");
            for link in [
                format!("layers=3:{kind}:{bad}"),
                format!("race=relu,{kind}:{bad}"),
            ] {
                let (_, problems) = parse_link(&link);
                let text = problems[0].to_string();
                assert!(
                    text.contains(&format!("{} for {kind}, {words}", spec.name))
                        || text.contains("param as in layers"),
                    "{text}"
                );
            }
        }
        // Both ends are accepted everywhere, the explorer's slider key included.
        for good in [spec.min, spec.max] {
            assert!(Activation::new(kind, Some(good)).is_ok());
            let layer = HiddenLayer {
                param: Some(good),
                ..HiddenLayer::new(3, kind)
            };
            let link = write_link(&LinkState {
                training: PlaygroundConfig {
                    hidden: vec![layer],
                    ..PlaygroundConfig::default()
                },
                ..LinkState::default()
            });
            assert!(parse_link(&link).1.is_empty(), "{link}");
            assert!(parse_link(&format!("race=relu,{kind}:{good}")).1.is_empty());
        }
    }
    // The explorer's keys: the same range on the slider's grid.
    for (key, kind) in [
        ("leaky", Kind::LeakyRelu),
        ("prelu", Kind::Prelu),
        ("elu", Kind::Elu),
    ] {
        let spec = kind.param().unwrap();
        let setting = settings().into_iter().find(|s| s.key == key).unwrap();
        assert_eq!(
            setting.accepts,
            format!("{} in steps of {}", spec.describe(), spec.step)
        );
        for good in [spec.min, spec.max] {
            assert!(
                parse_link(&format!("{key}={good}")).1.is_empty(),
                "{key}={good}"
            );
        }
        let (_, problems) = parse_link(&format!("{key}={}", spec.max + spec.step));
        assert_eq!(problems.len(), 1, "{key}");
    }
}

#[test]
fn plain_values_are_what_the_controls_show_of_a_link() {
    let (state, problems) = parse_link(
        "opt=adam&beta1=0.8&noise=10&seed=77&test=0&lr=0.003&schedule=step&lr_every=50&embed=race",
    );
    assert_eq!(problems, vec![]);
    let values = plain_values(&state);
    let value = |key: &str| {
        let found = values.iter().find(|(k, _)| *k == key);
        found.map(|(_, v)| v.clone())
    };
    let number = |key: &str| value(key).unwrap_or_else(|| panic!("no value for {key}"));
    assert_eq!(number("lr"), Plain::Number(0.003));
    assert_eq!(
        number("noise"),
        Plain::Number(10.0),
        "in percent, as the link"
    );
    assert_eq!(number("split"), Plain::Number(50.0));
    assert_eq!(number("seed"), Plain::Number(77.0));
    assert_eq!(number("test"), Plain::Flag(false));
    assert_eq!(number("discrete"), Plain::Flag(false));
    assert_eq!(number("opt"), Plain::Name("adam".into()));
    assert_eq!(number("beta1"), Plain::Number(0.8));
    assert_eq!(number("beta2"), Plain::Number(0.999), "Adam's default");
    assert_eq!(
        number("momentum"),
        Plain::Number(0.9),
        "standard, for the hidden control"
    );
    assert_eq!(number("lr_every"), Plain::Number(50.0));
    assert_eq!(number("lr_factor"), Plain::Number(0.5));
    assert_eq!(number("reg_rate"), Plain::Number(0.001));
    assert_eq!(number("embed"), Plain::Name("race".into()));
    // Structured values and keys with nothing to write are their owners'.
    for key in [
        "layers",
        "points",
        "race",
        "target",
        "activation",
        "l2",
        "view",
    ] {
        assert_eq!(value(key), None, "{key}");
    }
    // Every setting whose control takes a plain value has one at the default state.
    let defaults = plain_values(&LinkState::default());
    for setting in settings() {
        let plain = !matches!(setting.values, Values::Text(_));
        if plain && !setting.default.is_empty() {
            assert!(
                defaults.iter().any(|(k, _)| *k == setting.key),
                "{}",
                setting.key
            );
        }
    }
}

#[test]
fn the_explorer_first_modules_settings_are_the_catalogues() {
    let file = include_str!("../src/web/first_view_settings.json");
    assert!(
        file == nnplay::config::first_view_settings_json(),
        "src/web/first_view_settings.json differs from the catalogue; regenerate it with \
         `cargo run --example first_view_settings > src/web/first_view_settings.json`"
    );
    let keys: Vec<&str> = nnplay::config::first_view_settings()
        .iter()
        .map(|s| s.key)
        .collect();
    assert_eq!(
        keys,
        [
            "theme", "curves", "xmin", "xmax", "leaky", "prelu", "elu", "maxout", "x", "logits",
            "t"
        ]
    );
}
