#![cfg(not(target_arch = "wasm32"))]
//! Native tests of editing the network drawing: hit-testing links and units,
//! the parameter and the name of each, setting a weight, drawing a zero
//! weight cut, and replaying edits at their steps (Reset, links, limits).

use nnplay::config::{parse_link, write_link, LinkState, PlaygroundConfig};
use nnplay::network::Network;
use nnplay::plot::network::{column_units, layout};
use nnplay::plot::network_edit::{hit, label, parameter_index, Target};
use nnplay::session::Session;

fn set(text: &str) -> nnplay::features::FeatureSet {
    text.parse().expect("a valid feature list")
}

fn small_network(inputs: usize) -> Network {
    let config = PlaygroundConfig {
        hidden: vec![nnplay::config::HiddenLayer::new(
            3,
            nnplay::activation::Kind::Tanh,
        )],
        ..PlaygroundConfig::default()
    };
    let mut network_config = config.network_config();
    network_config.inputs = inputs;
    Network::new(network_config).unwrap()
}

#[test]
fn hit_testing_finds_units_links_and_empty_space() {
    let network = small_network(2);
    // Columns: 2 inputs, 3 hidden, 2 outputs across 300 × 120.
    let layout = layout(&column_units(&network), 300.0, 120.0, 1.0);
    let size = layout.size;
    let centre = |c: usize, u: usize| {
        let (x, y) = layout.columns[c][u];
        (x + size / 2.0, y + size / 2.0)
    };
    assert_eq!(
        hit(&layout, centre(0, 1), 3.0),
        Some(Target::Input { unit: 1 })
    );
    let bias = Target::Bias { layer: 0, unit: 2 };
    assert_eq!(hit(&layout, centre(1, 2), 3.0), Some(bias));
    assert_eq!(
        hit(&layout, centre(2, 0), 3.0),
        Some(Target::Bias { layer: 1, unit: 0 })
    );
    // The midpoint of the link from input 0 to hidden unit 1.
    let (x0, y0) = layout.columns[0][0];
    let (x1, y1) = layout.columns[1][1];
    let middle = ((x0 + size + x1) / 2.0, (y0 + y1) / 2.0 + size / 2.0);
    let weight = Target::Weight {
        layer: 0,
        from: 0,
        to: 1,
    };
    assert_eq!(hit(&layout, middle, 3.0), Some(weight));
    // A point in a corner of the picture, far from every link and unit.
    assert_eq!(hit(&layout, (1.0, 1.0), 3.0), None);
}

#[test]
fn targets_name_their_parameter_and_their_label() {
    let network = small_network(3);
    let features = set("x1,x2,x1sq");
    let first = &network.layers()[0];
    let weight = Target::Weight {
        layer: 0,
        from: 2,
        to: 1,
    };
    assert_eq!(
        parameter_index(&network, weight),
        Some(first.w_range().start + 2 * 3 + 1)
    );
    assert_eq!(
        label(&network, features, weight).unwrap(),
        "Weight from x₁² to unit 2 of layer 1"
    );
    let bias = Target::Bias { layer: 1, unit: 1 };
    let output = &network.layers()[1];
    assert_eq!(
        parameter_index(&network, bias),
        Some(output.b_range().start + 1)
    );
    assert_eq!(
        label(&network, features, bias).unwrap(),
        "Bias of unit 2 of the output layer"
    );
    let hidden_to_output = Target::Weight {
        layer: 1,
        from: 2,
        to: 0,
    };
    assert_eq!(
        label(&network, features, hidden_to_output).unwrap(),
        "Weight from unit 3 of layer 1 to unit 1 of the output layer"
    );
    let outside = Target::Weight {
        layer: 0,
        from: 3,
        to: 0,
    };
    assert_eq!(parameter_index(&network, outside), None);
    assert_eq!(label(&network, features, outside), None);
    assert_eq!(parameter_index(&network, Target::Input { unit: 0 }), None);
}

#[test]
fn an_edited_weight_changes_the_run_and_bad_edits_change_nothing() {
    let mut run = Session::new(PlaygroundConfig::default()).unwrap();
    run.run(10).unwrap();
    let before = run.latest();
    let index = parameter_index(
        run.trainer().network(),
        Target::Weight {
            layer: 0,
            from: 0,
            to: 0,
        },
    )
    .unwrap();
    run.set_parameter(index, 4.0).unwrap();
    assert_eq!(run.trainer().network().params()[index], 4.0);
    assert_eq!(run.latest().step, 10);
    assert_ne!(run.latest().train_loss, before.train_loss);
    let params = run.trainer().network().params().to_vec();
    let count = params.len();
    let nan = run.set_parameter(index, f64::NAN).unwrap_err().to_string();
    assert!(nan.contains("finite"), "{nan}");
    let far = run.set_parameter(count, 1.0).unwrap_err().to_string();
    assert!(
        far.contains(&format!("one of the {count} parameters")),
        "{far}"
    );
    run.run_stage(nnplay::train::Stage::SampleBatch).unwrap();
    let mid = run.set_parameter(index, 1.0).unwrap_err().to_string();
    assert!(mid.contains("between steps"), "{mid}");
    assert_eq!(run.trainer().network().params(), &params[..]);
}

#[test]
fn a_weight_of_exactly_zero_is_drawn_cut() {
    use nnplay::plot::network::draw;
    use nnplay::plot::network_edit::cut_links;
    use nnplay::plot::Theme;
    use plotters::prelude::*;
    let mut run = Session::new(PlaygroundConfig::default()).unwrap();
    let render = |run: &Session| {
        let network = run.trainer().network();
        let layout = layout(&column_units(network), 600.0, 300.0, 1.0);
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (600, 300)).into_drawing_area();
            draw(&root, network, &layout, 1.0, Theme::LIGHT).unwrap();
        }
        svg
    };
    assert_eq!(cut_links(run.trainer().network()), 0);
    let whole = render(&run).matches("<polyline").count();
    let target = Target::Weight {
        layer: 0,
        from: 1,
        to: 2,
    };
    let index = parameter_index(run.trainer().network(), target).unwrap();
    run.set_parameter(index, 0.0).unwrap();
    assert_eq!(cut_links(run.trainer().network()), 1);
    // The cut link is drawn as many short dashes instead of one line.
    let cut = render(&run).matches("<polyline").count();
    assert!(cut > whole + 3, "{whole} lines, then {cut}");
}

#[test]
fn an_edit_is_replayed_at_its_step_after_reset_and_from_a_link() {
    let mut run = Session::new(PlaygroundConfig::default()).unwrap();
    run.run(30).unwrap();
    let target = Target::Weight {
        layer: 1,
        from: 2,
        to: 0,
    };
    let index = parameter_index(run.trainer().network(), target).unwrap();
    run.set_parameter(index, -3.25).unwrap();
    run.run(20).unwrap();
    let seen = run.trainer().network().params().to_vec();
    assert_eq!(run.edits().len(), 1);
    assert_eq!((run.edits()[0].step, run.edits()[0].value), (30, -3.25));
    // Reset and train again: the edit comes back at step 30.
    run.reset();
    run.run(50).unwrap();
    assert_eq!(run.trainer().network().params(), &seen[..]);
    // A link with the edits and the steps gives the same weights, whatever the slices.
    let link = write_link(&LinkState {
        training: run.config().clone(),
        ..LinkState::default()
    });
    assert!(link.contains(&format!("edits=30:{index}:-3.25")), "{link}");
    let (state, problems) = parse_link(&link);
    assert!(problems.is_empty(), "{problems:?}");
    let mut again = Session::new(state.training).unwrap();
    for slice in [7, 23, 20] {
        again.run(slice).unwrap();
    }
    assert_eq!(again.trainer().network().params(), &seen[..]);
    // An edit at step 0 applies as the run is built; one epoch passes step 25.
    let mut config = run.config().clone();
    config.edits.insert(
        0,
        nnplay::edits::Edit {
            step: 0,
            index,
            value: 1.5,
        },
    );
    let mut early = Session::new(config).unwrap();
    assert_eq!(early.trainer().network().params()[index], 1.5);
    early.epoch().unwrap();
    early.run(5).unwrap();
    assert_eq!(early.trainer().network().params()[index], -3.25);
}

#[test]
fn editing_the_same_weight_twice_at_one_step_keeps_one_edit_and_a_link_keeps_what_fits() {
    let mut run = Session::new(PlaygroundConfig::default()).unwrap();
    run.set_parameter(3, 1.0).unwrap();
    run.set_parameter(3, 2.0).unwrap();
    assert_eq!(run.edits().len(), 1);
    assert_eq!(run.edits()[0].value, 2.0);
    for step in 0..60 {
        run.run(1).unwrap();
        run.set_parameter(5, step as f64).unwrap();
    }
    // A link carries at most 50 edits and 512 characters (percent-encoded):
    // sixty short edits run out of characters before they reach 50.
    let kept = run.edits().len();
    assert!((30..nnplay::edits::MAX_EDITS).contains(&kept), "{kept}");
    assert!(nnplay::config::edits_fit_link(run.edits()));
    assert!(run.edits_lost());
    assert!(!nnplay::config::edits_fit_link(
        &[run.edits(), &run.edits()[..1]].concat()
    ));
    // The weights still follow the latest edit.
    assert_eq!(run.trainer().network().params()[5], 59.0);
}

#[test]
fn bad_edits_keys_are_named_and_a_run_refuses_edits_that_do_not_fit() {
    // The default network has 2·4 + 4 + 4·2 + 2 + 2·2 + 2 = 28 parameters.
    for bad in [
        "edits=5:28:1",
        "edits=5:3",
        "edits=5:3:1:2",
        "edits=9:3:1,5:3:1",
        "edits=5:3:inf",
        "edits=-1:3:1",
    ] {
        let (state, problems) = parse_link(bad);
        assert_eq!(problems.len(), 1, "{bad}: {problems:?}");
        assert_eq!(problems[0].key, "edits");
        assert!(
            problems[0].to_string().contains("below 28"),
            "{}",
            problems[0]
        );
        assert!(state.training.edits.is_empty());
    }
    let (state, problems) = parse_link("edits=0:27:-0,5:3:1e-7");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(state.training.edits[0].value.to_bits(), (-0.0f64).to_bits());
    assert_eq!(write_link(&state), "edits=0:27:-0,5:3:1e-7");
    let mut config = PlaygroundConfig {
        edits: state.training.edits.clone(),
        ..PlaygroundConfig::default()
    };
    config.edits[1].index = 28;
    let error = Session::new(config).unwrap_err().to_string();
    assert!(
        error.contains("edits must be parameters from 0 to 27"),
        "{error}"
    );
}

proptest::proptest! {
    /// Any kept edits (steps in order, parameters of the network, any finite
    /// value) write a link that reads back to the same bits.
    #[test]
    fn every_list_of_edits_round_trips_in_a_link(
        raw in proptest::collection::vec((0u64..5000, 0usize..28, -1e6..1e6f64), 0..=12),
    ) {
        let mut edits: Vec<nnplay::edits::Edit> = raw
            .into_iter()
            .map(|(step, index, value)| nnplay::edits::Edit { step, index, value })
            .collect();
        edits.sort_by_key(|e| e.step);
        let mut state = LinkState::default();
        proptest::prop_assume!(nnplay::config::edits_fit_link(&edits));
        state.training.edits = edits;
        let link = write_link(&state);
        let (read, problems) = parse_link(&link);
        proptest::prop_assert!(problems.is_empty(), "{link}: {problems:?}");
        proptest::prop_assert_eq!(&read, &state);
        proptest::prop_assert!(Session::new(read.training).is_ok());
    }
}

#[test]
fn loaded_weights_are_a_new_start_that_no_edit_is_replayed_over() {
    let mut run = Session::new(PlaygroundConfig::default()).unwrap();
    run.set_parameter(3, 9.0).unwrap();
    run.run(20).unwrap();
    let trained = run.trainer().network().params().to_vec();
    let mut loaded = Session::new(run.config().clone()).unwrap();
    loaded.start_from(&trained).unwrap();
    assert!(loaded.edits().is_empty());
    assert_eq!(loaded.trainer().network().params(), &trained[..]);
    loaded.reset();
    assert_eq!(loaded.trainer().network().params(), &trained[..]);
}
