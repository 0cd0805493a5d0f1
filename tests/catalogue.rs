#![cfg(not(target_arch = "wasm32"))]
//! Native tests of the settings catalogue: it names every link key once,
//! its defaults and ranges are the ones links read, and the checked-in
//! `docs/link-keys.md` is the one it writes.

use nnplay::config::{link_keys_markdown, parse_link, settings, write_link, LinkState, Values};

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
