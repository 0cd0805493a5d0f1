#![cfg(not(target_arch = "wasm32"))]
//! The races the page offers from the notes show what their text says, over
//! seeds (as Repeat runs them): checked here on the links as the page has them.

use nnplay::config::parse_link;
use nnplay::race::{Race, RaceConfig};

/// The fragment of the page's race preset whose link text is `title`.
fn preset(title: &str) -> String {
    let page = include_str!("../www/index.html");
    let at = page
        .find(&format!("\">{title}</a>"))
        .expect("the preset is on the page");
    let start = page[..at].rfind("href=\"#").expect("a link") + "href=\"#".len();
    page[start..at].replace("&amp;", "&")
}

fn race(fragment: &str, seed: u64) -> Race {
    let (state, problems) = parse_link(fragment);
    assert!(problems.is_empty(), "{problems:?}");
    let mut base = state.training;
    base.seed += seed;
    Race::new(RaceConfig {
        base,
        contestants: state.race.contestants,
        target: state.race.target,
    })
    .unwrap()
}

/// The preset's races over `seeds` seeds, each run `steps` steps.
fn over_seeds(fragment: &str, seeds: u64, steps: u64) -> Vec<Race> {
    (0..seeds)
        .map(|seed| {
            let mut race = race(fragment, seed);
            while race.step_count() < steps && !race.finished() {
                race.run(500);
            }
            race
        })
        .collect()
}

#[test]
fn leaky_relu_against_relu_shows_what_its_text_says() {
    // The text: at a learning rate of 1 many ReLU units die and ReLU stalls;
    // Leaky ReLU's units never die, but in most seeds its weights blow up and
    // it diverges (out of the race, never the reference winner); at 0.3 both
    // reach the target within a hundred steps.
    let fragment = preset("Leaky ReLU against ReLU at a high learning rate");
    assert!(fragment.contains("lr=1&"), "{fragment}");
    let races = over_seeds(&fragment, 5, 3000);
    let mut diverged = 0;
    for (seed, race) in races.iter().enumerate() {
        let (dead, units) = race.dead_units(1);
        assert_eq!(race.reached(1), None, "seed {seed}: ReLU stalls");
        assert!(
            dead * 3 >= units,
            "seed {seed}: {dead} of {units} ReLU units dead"
        );
        assert_eq!(
            race.dead_units(0).0,
            0,
            "seed {seed}: no Leaky ReLU unit dies"
        );
        if race.diverged_at(0).is_some() {
            diverged += 1;
            assert_eq!(race.speedup(0), nnplay::race::Comparison::Diverged);
            assert_eq!(race.speedup(1), nnplay::race::Comparison::NoReference);
        }
    }
    assert!(
        diverged >= 3,
        "Leaky ReLU diverged in {diverged} of 5 seeds"
    );
    let page = include_str!("../www/index.html");
    assert!(page.contains("in most seeds its weights blow up"));
    for race in over_seeds(&fragment.replace("lr=1&", "lr=0.3&"), 5, 3000) {
        assert!(race.finished(), "both met the target: Play stops by itself");
        for i in 0..2 {
            assert!(
                race.reached(i).is_some_and(|s| s <= 100),
                "{:?}",
                race.reached(i)
            );
            assert_eq!(race.diverged_at(i), None);
        }
    }
}
