//! Work a piece at a time through the door, as the page's catch-ups use it:
//! `Playground.work`/`record`, `Race.work`/`record` and `Race.repeat_work`
//! do a bounded number of pieces per call and reach what `run` and
//! `repeat_step` reach.

use nnplay::web::playground::Playground;
use nnplay::web::race::Race;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

const RUN: &str = "data=spiral&layers=6:tanh,5:relu&lr=0.1&edits=0:2:0.5,37:7:-1.25";
const RACE: &str = "layers=6,5&lr=0.1&race=relu,tanh,maxout:3&target=accuracy:60";

#[wasm_bindgen_test]
fn a_playground_worked_in_pieces_and_recorded_every_25_steps_matches_run() {
    let mut whole = Playground::from_link(JsValue::from(RUN)).unwrap();
    let mut pieces = Playground::from_link(JsValue::from(RUN)).unwrap();
    let mut calls = 0;
    for end in (25..=100).step_by(25) {
        whole.run(25).unwrap();
        // Pieces of 1 to 7 stages: a call does at most what it is given.
        loop {
            let asked = 1 + calls % 7;
            let done = pieces.work(end, asked).unwrap();
            assert!(done <= asked, "{done} pieces for {asked} asked");
            calls += 1;
            if done == 0 {
                break;
            }
        }
        assert_eq!(pieces.step_count(), f64::from(end));
        pieces.record();
    }
    assert!(
        calls > 100,
        "{calls} calls: four stages a step, at most seven a call"
    );
    assert_eq!(pieces.params(), whole.params());
    assert_eq!(
        pieces.loss_csv(),
        whole.loss_csv(),
        "the same history, record for record"
    );
    // One piece is one stage.
    pieces.work(101, 1).unwrap();
    assert_eq!(pieces.next_stage(), "Forward");
}

#[wasm_bindgen_test]
fn a_diverging_playground_worked_in_pieces_throws_as_run_does() {
    let link = "data=spiral&layers=6:relu&lr=10";
    let mut whole = Playground::from_link(JsValue::from(link)).unwrap();
    let expected = super::message(whole.run(1000).unwrap_err());
    let mut pieces = Playground::from_link(JsValue::from(link)).unwrap();
    let error = loop {
        match pieces.work(1000, 5) {
            Ok(0) => panic!("a learning rate of 10 diverges"),
            Ok(_) => {}
            Err(error) => break super::message(error),
        }
    };
    assert_eq!(error, expected);
    assert!(error.starts_with("diverged at step"), "{error}");
}

#[wasm_bindgen_test]
fn a_race_worked_in_pieces_matches_run_and_records_each_contestant() {
    let mut whole = Race::from_link(JsValue::from(RACE)).unwrap();
    let mut pieces = Race::from_link(JsValue::from(RACE)).unwrap();
    whole.run(120);
    let mut calls = 0;
    loop {
        let asked = 1 + calls % 11;
        let done = pieces.work(120, asked);
        assert!(done <= asked);
        calls += 1;
        if done == 0 {
            break;
        }
    }
    assert_eq!(pieces.step_count(), 120.0);
    // 3 contestants × 4 stages × 120 steps, and 12 checks each.
    assert!(calls >= (3 * 4 * 120 + 3 * 12) / 11, "{calls} calls");
    for i in 0..3 {
        pieces.record(i).unwrap();
    }
    let (a, b) = (whole.results(), pieces.results());
    // JSON writes each number in its shortest round-trip form, so equal
    // texts mean equal values, bit for bit.
    let text = |v: &JsValue| String::from(js_sys::JSON::stringify(v).unwrap());
    assert_eq!(
        text(&a.into()),
        text(&b.into()),
        "the same losses, steps-to-target and speed-ups"
    );
    let missing = super::message(pieces.record(3).unwrap_err());
    assert_eq!(missing, "contestant 3 does not exist; the race has 3");
}

#[wasm_bindgen_test]
fn a_repeat_worked_in_pieces_gives_the_results_of_repeat_step() {
    let mut whole = Race::from_link(JsValue::from(RACE)).unwrap();
    let mut pieces = Race::from_link(JsValue::from(RACE)).unwrap();
    assert!(super::message(pieces.repeat_work(1).unwrap_err()).contains("start_repeat"));
    whole.start_repeat(2).unwrap();
    while whole.repeat_step(5000).unwrap() < 1.0 {}
    pieces.start_repeat(2).unwrap();
    let mut progress = 0.0;
    let mut calls = 0;
    while progress < 1.0 {
        let next = pieces.repeat_work(13).unwrap();
        assert!(next >= progress, "progress only grows");
        progress = next;
        calls += 1;
    }
    assert!(calls > 10, "{calls} calls");
    // JSON writes each number in its shortest round-trip form, so equal
    // texts mean equal values, bit for bit.
    let text = |v: &JsValue| String::from(js_sys::JSON::stringify(v).unwrap());
    assert_eq!(
        text(&pieces.repeat_results().into()),
        text(&whole.repeat_results().into())
    );
    assert_eq!(text(&pieces.repeat_status()), text(&whole.repeat_status()));
}
