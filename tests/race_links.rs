#![cfg(not(target_arch = "wasm32"))]
//! Native tests of the race's link keys (round trip, defaults left out, bad
//! values named) and of its plots, rendered to SVG.

use nnplay::activation::Kind;
use nnplay::config::{parse_link, write_link, LinkState, Panel, RaceState};
use nnplay::plot::dots::{self, DotRow};
use nnplay::plot::race::{self as chart, contestant_colors, Entry};
use nnplay::plot::{color_of, hex, Theme};
use nnplay::race::{Contestant, Race, RaceConfig, Target};
use nnplay::train::Regularization;
use plotters::prelude::*;

#[test]
fn a_race_link_reads_back_to_the_same_race() {
    let link = "embed=race&data=spiral&layers=8:relu,8:relu&lr=0.1\
                &race=leaky_relu:0.1,relu,maxout:3,elu&target=accuracy:95&seeds=12&race_steps=400";
    let (state, problems) = parse_link(link);
    assert_eq!(problems, vec![]);
    assert_eq!(state.embed, Some(Panel::Race));
    let race = &state.race;
    assert_eq!(
        race.contestants,
        vec![
            Contestant::with_param(Kind::LeakyRelu, 0.1),
            Contestant::new(Kind::Relu),
            Contestant::with_param(Kind::Maxout, 3.0),
            Contestant::new(Kind::Elu),
        ]
    );
    assert_eq!(race.target, Target::Accuracy(95));
    assert_eq!((race.seeds, race.steps), (12, 400));
    assert_eq!(write_link(&state), link);
    assert_eq!(parse_link(&write_link(&state)).0, state);
    let (loss, problems) = parse_link("target=loss:0.025&race=sigmoid,tanh");
    assert_eq!(problems, vec![]);
    assert_eq!(loss.race.target, Target::Loss(0.025));
    assert_eq!(write_link(&loss), "race=sigmoid,tanh&target=loss:0.025");
}

#[test]
fn the_default_race_is_left_out_of_links() {
    let state = LinkState::default();
    assert_eq!(state.race, RaceState::default());
    assert_eq!(state.race.target, Target::Loss(0.1));
    let (written, _) = parse_link("race=relu,tanh,sigmoid&target=loss:0.1&seeds=5&race_steps=0");
    assert_eq!(write_link(&written), "");
}

#[test]
fn bad_race_values_are_named_and_fall_back_to_the_defaults() {
    let cases = [
        (
            "race=relu",
            "race",
            "2 to 4 distinct comma-separated activations",
        ),
        ("race=relu,relu", "race", "distinct"),
        ("race=leaky_relu,leaky_relu:0.01", "race", "distinct"),
        ("race=relu,tanh,sigmoid,elu,prelu", "race", "2 to 4"),
        ("race=relu,mish", "race", "identity, sigmoid, tanh"),
        ("race=relu,softmax", "race", "identity, sigmoid, tanh"),
        ("race=relu,elu:9", "race", "param as in layers"),
        ("race=relu,maxout:7", "race", "activation[:param]"),
        ("target=loss:0", "target", "a test loss L from 0.001 to 10"),
        ("target=loss:abc", "target", "loss:L"),
        (
            "target=accuracy:101",
            "target",
            "a whole number from 1 to 100",
        ),
        ("target=accuracy:9.5", "target", "accuracy:P"),
        ("target=speed:1", "target", "loss:L"),
        ("target=0.1", "target", "loss:L"),
        ("seeds=0", "seeds", "from 1 to 20"),
        ("seeds=21", "seeds", "from 1 to 20"),
        ("seeds=2.5", "seeds", "a whole number"),
        ("race_steps=2000000", "race_steps", "from 0 to 1000000"),
        ("embed=racetrack", "embed", "stages, race"),
    ];
    for (fragment, key, accepts) in cases {
        let (state, problems) = parse_link(&format!("{fragment}&l2=0.5"));
        assert_eq!(problems.len(), 1, "{fragment}: {problems:?}");
        let text = problems[0].to_string();
        assert!(text.starts_with(key), "{text}");
        assert!(text.contains(accepts), "{fragment}: {text}");
        let mut expected = LinkState::default();
        expected.training.train.regularization = Regularization::L2(0.5);
        assert_eq!(state, expected, "{fragment} falls back to the defaults");
    }
}

fn small_race() -> Race {
    let (state, _) = parse_link("race=relu,sigmoid,leaky_relu&target=loss:0.3");
    let config = RaceConfig {
        base: state.training,
        contestants: state.race.contestants,
        target: state.race.target,
    };
    let mut race = Race::new(config).unwrap();
    for _ in 0..6 {
        race.run(50);
    }
    race
}

/// How many polylines are drawn in `color`.
fn lines_in(svg: &str, color: &str) -> usize {
    svg.match_indices("<polyline")
        .filter(|(at, _)| svg[*at..].split('>').next().unwrap().contains(color))
        .count()
}

#[test]
fn the_race_chart_overlays_every_contestant_with_a_legend() {
    let race = small_race();
    let kinds = [Kind::Relu, Kind::Sigmoid, Kind::LeakyRelu];
    let colors = contestant_colors(&kinds);
    assert_eq!(colors, kinds.map(color_of).to_vec());
    let labels = ["ReLU", "Sigmoid", "Leaky ReLU"];
    let entries: Vec<Entry> = (0..3)
        .map(|i| Entry {
            label: labels[i].to_owned(),
            color: colors[i],
            records: race.session(i).unwrap().history().records(),
        })
        .collect();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (500, 400)).into_drawing_area();
        chart::draw(&root, &entries, true, Target::Loss(0.3), 1.0, Theme::LIGHT).unwrap();
    }
    for (label, &color) in labels.iter().zip(&colors) {
        // Train and test, in the loss and the accuracy panel, and one legend
        // stroke: the panels share the legend.
        assert_eq!(
            lines_in(&svg, &hex(color).to_uppercase()),
            2 * 2 + 1,
            "{label}"
        );
        let entry = format!(">\n{label}\n</text>");
        assert_eq!(svg.matches(&entry).count(), 1, "{label} in the legend once");
    }
    assert!(
        svg.contains(">\n300\n<"),
        "the x axis reaches the last step"
    );
}

#[test]
fn contestants_of_one_kind_get_distinct_colours() {
    let colors = contestant_colors(&[Kind::LeakyRelu, Kind::Relu, Kind::LeakyRelu]);
    assert_eq!(colors[0], color_of(Kind::LeakyRelu));
    assert_eq!(colors[1], color_of(Kind::Relu));
    assert!(!colors[..2].contains(&colors[2]), "{colors:?}");
}

#[test]
fn the_dot_plot_has_a_dot_per_seed_and_a_bar_per_median() {
    let reached = [Some(120), Some(300), Some(180)];
    let mixed = [Some(900), None, None];
    let rows = [
        DotRow {
            label: "ReLU".into(),
            color: color_of(Kind::Relu),
            outcomes: &reached,
            median: Some(180.0),
        },
        DotRow {
            label: "Sigmoid".into(),
            color: color_of(Kind::Sigmoid),
            outcomes: &mixed,
            median: None,
        },
    ];
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (500, 200)).into_drawing_area();
        dots::draw(&root, &rows, 1000, 1.0, Theme::LIGHT).unwrap();
    }
    assert_eq!(svg.matches("<circle").count(), 6);
    let hollow = svg.match_indices("<circle").filter(|(at, _)| {
        let tag = svg[*at..].split('>').next().unwrap();
        tag.contains("fill=\"none\"")
    });
    assert_eq!(hollow.count(), 2, "the two runs that never arrived");
    assert!(
        svg.contains(">\nReLU\n<") && svg.contains(">\nSigmoid\n<"),
        "row labels"
    );
    assert!(svg.contains(">\n1000\n<"), "the axis ends at the limit");
    let bars = svg.match_indices("<polyline").filter(|(at, _)| {
        let tag = svg[*at..].split('>').next().unwrap();
        tag.contains("stroke-width=\"2\"")
    });
    assert_eq!(bars.count(), 1, "one median bar (ReLU's)");
}
