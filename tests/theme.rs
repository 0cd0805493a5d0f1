#![cfg(not(target_arch = "wasm32"))]
//! Native tests of the `theme` link key: auto (the default, left out of
//! links), light and dark round-trip; anything else is reported by key and
//! falls back to auto while the rest of the link applies.

use nnplay::config::{parse_link, write_link, ColorTheme, LinkState};

#[test]
fn every_theme_round_trips_and_auto_is_left_out() {
    assert_eq!(LinkState::default().theme, ColorTheme::Auto);
    for theme in ColorTheme::ALL {
        let state = LinkState {
            theme,
            ..LinkState::default()
        };
        let link = write_link(&state);
        let expected = match theme {
            ColorTheme::Auto => String::new(),
            other => format!("theme={}", other.name()),
        };
        assert_eq!(link, expected);
        let (read, problems) = parse_link(&link);
        assert_eq!(problems, vec![]);
        assert_eq!(read, state);
    }
    let (state, problems) = parse_link("#theme=auto");
    assert_eq!((state.theme, problems), (ColorTheme::Auto, vec![]));
}

#[test]
fn the_theme_is_written_after_the_panels_and_before_the_training_keys() {
    let (state, problems) = parse_link("data=xor&theme=dark&panels=curves");
    assert_eq!(problems, vec![]);
    assert_eq!(write_link(&state), "panels=curves&theme=dark&data=xor");
}

#[test]
fn a_bad_theme_is_reported_and_falls_back_to_auto() {
    for bad in ["blue", "Dark", "", "dark,light", "1"] {
        let (state, problems) = parse_link(&format!("theme={bad}&lr=0.1"));
        assert_eq!(problems.len(), 1, "{bad}: {problems:?}");
        assert_eq!(problems[0].key, "theme");
        assert_eq!(
            problems[0].to_string(),
            format!("theme accepts one of auto, light, dark; got \"{bad}\"")
        );
        assert_eq!(state.theme, ColorTheme::Auto);
        assert_eq!(state.training.train.learning_rate, 0.1, "the rest applies");
    }
    let (_, problems) = parse_link("theme=dark&theme=light");
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].to_string().contains("given 2 times"),
        "{problems:?}"
    );
}

#[test]
fn a_mistyped_theme_key_is_pointed_to_theme() {
    let (_, problems) = parse_link("theem=dark");
    assert!(
        problems[0].to_string().ends_with("did you mean theme?"),
        "{problems:?}"
    );
}
