#![cfg(not(target_arch = "wasm32"))]
//! The page's one-click experiments, read from www/index.html as the page
//! links them: each link parses cleanly and the state it loads shows the
//! effect its text promises.

use nnplay::activation::{softmax, Kind};
use nnplay::config::{parse_link, LinkState};
use nnplay::diagnostics::LayerStats;
use nnplay::session::Session;
use nnplay::train::TrainSettings;

/// The experiments' names and fragments, from the page's list.
fn experiments() -> Vec<(String, String)> {
    let page =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/index.html")).unwrap();
    let list = page
        .split(r#"<ul class="experiments""#)
        .nth(1)
        .expect("the experiments list");
    let list = list.split("</ul>").next().unwrap();
    list.split(r##"<a href="#"##)
        .skip(1)
        .map(|item| {
            // The href, then any other attributes (data-show) up to the tag's end.
            let (href, rest) = item.split_once('"').unwrap();
            let name = rest
                .split_once('>')
                .unwrap()
                .1
                .split("</a>")
                .next()
                .unwrap();
            (name.to_owned(), href.replace("&amp;", "&"))
        })
        .collect()
}

/// The state the experiment `name` loads; its link must have no problems.
fn load(name: &str) -> LinkState {
    let all = experiments();
    let (_, fragment) = all
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no experiment {name:?} in {all:?}"));
    let (state, problems) = parse_link(fragment);
    assert!(problems.is_empty(), "{name}: {problems:?}");
    state
}

/// A session as the page builds it from `state`, trained its `steps`.
fn session(state: &LinkState) -> Session {
    let mut run = Session::new(state.training.clone()).unwrap();
    run.run(state.steps as usize).unwrap();
    run
}

fn latest(run: &Session) -> Vec<LayerStats> {
    run.diagnostics().latest().to_vec()
}

#[test]
fn the_page_lists_the_six_experiments_of_the_notes_and_elus_second_link() {
    let names: Vec<String> = experiments().into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            "A ReLU dies",
            "Sigmoid's early layers learn slowly",
            "Saturation at x = ±10",
            "tanh is zero-centred, sigmoid is not",
            "ELU versus ReLU mean activation",
            "the same network with ReLU",
            "Softmax pushes one class to 1"
        ]
    );
}

#[test]
fn a_relu_dies_dead_units_appear_within_two_epochs() {
    let state = load("A ReLU dies");
    let mut run = session(&state);
    let dead = |run: &Session| {
        latest(run)
            .iter()
            .filter(|s| s.dead.is_finite())
            .map(|s| s.dead)
            .sum::<f64>()
    };
    assert_eq!(dead(&run), 0.0, "no unit is dead at the start");
    run.epoch().unwrap();
    run.epoch().unwrap();
    assert!(
        dead(&run) >= 2.0,
        "two epochs (Epoch pressed twice) kill units: {}",
        dead(&run)
    );
    // The same network at the default learning rate keeps every unit alive.
    let mut gentle = Session::new(nnplay::config::PlaygroundConfig {
        train: TrainSettings {
            learning_rate: 0.03,
            ..state.training.train
        },
        ..state.training
    })
    .unwrap();
    gentle.run(50).unwrap();
    assert_eq!(dead(&gentle), 0.0);
}

#[test]
fn sigmoid_s_early_layers_get_gradients_decades_smaller_than_the_last() {
    let state = load("Sigmoid's early layers learn slowly");
    assert!(state
        .training
        .hidden
        .iter()
        .all(|l| l.activation == Kind::Sigmoid));
    let mut run = session(&state);
    for steps in [0, 200] {
        run.run(steps).unwrap();
        let stats = latest(&run);
        let (first, output) = (stats[0].gradient, stats.last().unwrap().gradient);
        assert!(
            output / first > 1e3,
            "after {steps} more steps: layer 1 {first:e}, output {output:e}"
        );
        assert!(
            stats.windows(2).all(|w| w[0].gradient < w[1].gradient),
            "smaller layer by layer back"
        );
    }
}

#[test]
fn saturation_at_x_10_a_third_of_the_values_are_saturated_and_z_reaches_10() {
    let state = load("Saturation at x = ±10");
    assert!(state.steps > 0, "the link prepares the state by training");
    assert_eq!(state.explorer.curves, [Kind::Sigmoid, Kind::Tanh]);
    let run = session(&state);
    let stats = latest(&run);
    let hidden = &stats[..stats.len() - 1];
    let most = hidden.iter().map(|s| s.saturated).fold(0.0, f64::max);
    assert!(most > 1.0 / 3.0, "saturated fraction {most}");
    let widest = hidden
        .iter()
        .map(|s| s.z_min.abs().max(s.z_max.abs()))
        .fold(0.0, f64::max);
    assert!(widest > 10.0, "z reaches {widest}");
    let fresh = Session::new(state.training.clone()).unwrap();
    assert!(
        latest(&fresh)[0].saturated < 0.05,
        "untrained, the units are not saturated"
    );
}

#[test]
fn tanh_s_mean_activation_is_near_zero_and_sigmoid_s_near_a_half() {
    let state = load("tanh is zero-centred, sigmoid is not");
    let kinds: Vec<Kind> = state.training.hidden.iter().map(|l| l.activation).collect();
    assert_eq!(kinds, [Kind::Tanh, Kind::Sigmoid]);
    let mut run = session(&state);
    for steps in [0, 300] {
        run.run(steps).unwrap();
        let stats = latest(&run);
        assert!(stats[0].a_mean.abs() < 0.1, "tanh mean {}", stats[0].a_mean);
        assert!(
            (0.4..0.6).contains(&stats[1].a_mean),
            "sigmoid mean {}",
            stats[1].a_mean
        );
    }
}

#[test]
fn elu_s_mean_activation_is_closer_to_zero_than_relu_s() {
    let state = load("ELU versus ReLU mean activation");
    assert!(state
        .training
        .hidden
        .iter()
        .all(|l| l.activation == Kind::Elu));
    let mut relu_config = state.training.clone();
    relu_config
        .hidden
        .iter_mut()
        .for_each(|l| (l.activation, l.param) = (Kind::Relu, None));
    // The experiment's second link opens that network: the ELU one with ReLU.
    assert_eq!(load("the same network with ReLU").training, relu_config);
    let (mut elu, mut relu) = (session(&state), Session::new(relu_config).unwrap());
    for steps in [0, 300] {
        elu.run(steps).unwrap();
        relu.run(steps).unwrap();
        let (elu_stats, relu_stats) = (latest(&elu), latest(&relu));
        for l in 0..state.training.hidden.len() {
            let (e, r) = (elu_stats[l].a_mean, relu_stats[l].a_mean);
            assert!(
                e.abs() < r - 0.15,
                "layer {}: ELU mean {e}, ReLU mean {r}",
                l + 1
            );
        }
    }
}

#[test]
fn softmax_pushes_the_largest_logit_towards_1() {
    let state = load("Softmax pushes one class to 1");
    let p = softmax(&state.softmax.logits, state.softmax.temperature).unwrap();
    let largest = p.iter().copied().fold(0.0, f64::max);
    assert!(
        largest > 0.9 && p.iter().filter(|&&v| v < 0.06).count() == p.len() - 1,
        "{p:?}"
    );
    let colder = softmax(&state.softmax.logits, state.softmax.temperature / 2.0).unwrap();
    assert!(
        colder.iter().copied().fold(0.0, f64::max) > largest,
        "a lower temperature pushes further"
    );
}
