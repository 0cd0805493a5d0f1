#![cfg(not(target_arch = "wasm32"))]
//! Native tests of the race repeated over seeds (bounded chunks, the same
//! answers as single races, medians), of the speed-ups and dead units the
//! results table shows, and of the messages a bad race gets.

use nnplay::activation::Kind;
use nnplay::config::{HiddenLayer, PlaygroundConfig};
use nnplay::data::DatasetKind;
use nnplay::race::{compare, median, Comparison, Contestant, Race, RaceConfig, Repeat, Target};
use nnplay::train::TrainSettings;

fn config(target: Target) -> RaceConfig {
    RaceConfig {
        base: PlaygroundConfig {
            hidden: vec![
                HiddenLayer::new(4, Kind::Tanh),
                HiddenLayer::new(4, Kind::Tanh),
            ],
            train: TrainSettings {
                learning_rate: 0.1,
                ..TrainSettings::default()
            },
            ..PlaygroundConfig::default()
        },
        contestants: vec![Contestant::new(Kind::Relu), Contestant::new(Kind::Sigmoid)],
        target,
    }
}

#[test]
fn a_repeat_works_in_chunks_no_larger_than_its_budget() {
    // A target no run reaches: every run goes to the limit, so the progress
    // counts the steps done exactly: 2 contestants × 3 seeds × 200 steps.
    let mut repeat = Repeat::new(config(Target::Loss(0.001)), 3, 200).unwrap();
    let total = 2.0 * 3.0 * 200.0;
    let mut calls = 0;
    while !repeat.step(30).unwrap() {
        calls += 1;
        let done = repeat.progress() * total;
        assert!(
            (done - 30.0 * f64::from(calls)).abs() < 1e-6,
            "call {calls}: {done} steps"
        );
    }
    assert_eq!(
        calls, 39,
        "1200 steps in chunks of 30, the last call finishing"
    );
    assert_eq!(repeat.progress(), 1.0);
    assert_eq!(repeat.finished(), 3);
    assert!(repeat.outcomes(0).iter().all(Option::is_none));
    assert_eq!(repeat.spread(1).median, None);
}

#[test]
fn each_seed_gives_what_a_single_race_with_that_seed_gives() {
    let config = config(Target::Loss(0.2));
    let mut repeat = Repeat::new(config.clone(), 3, 1000).unwrap();
    while !repeat.step(777).unwrap() {}
    for k in 0..3 {
        let mut race = Race::new(config.with_seed(config.base.seed + k)).unwrap();
        race.run(1000);
        for i in 0..2 {
            assert_eq!(
                repeat.outcomes(i)[k as usize],
                race.reached(i),
                "seed {k}, contestant {i}"
            );
        }
    }
    assert!(
        repeat.outcomes(0).iter().any(Option::is_some),
        "ReLU gets there"
    );
    let mut again = Repeat::new(config, 3, 1000).unwrap();
    while !again.step(50).unwrap() {}
    assert_eq!(
        again.outcomes(0),
        repeat.outcomes(0),
        "the budget does not change the answer"
    );
    assert_eq!(again.outcomes(1), repeat.outcomes(1));
}

#[test]
fn the_median_ranks_runs_that_never_arrived_last() {
    assert_eq!(median(&[Some(30), None, Some(10)]), Some(30.0));
    assert_eq!(
        median(&[Some(40), Some(10), Some(30), Some(20)]),
        Some(25.0)
    );
    assert_eq!(median(&[Some(10), None]), None);
    assert_eq!(
        median(&[Some(50), Some(10), None, None, Some(20)]),
        Some(50.0)
    );
    assert_eq!(median(&[None]), None);
    assert_eq!(median(&[]), None);
    // Against sorting, on every list of up to 6 runs from {10, 20, 20, never}.
    let values = [Some(10), Some(20), Some(20), None];
    for n in 1..=6u32 {
        for code in 0..4usize.pow(n) {
            let runs: Vec<Option<u64>> = (0..n).map(|i| values[code / 4usize.pow(i) % 4]).collect();
            let mut sorted: Vec<u64> = runs.iter().map(|r| r.unwrap_or(u64::MAX)).collect();
            sorted.sort_unstable();
            let at = |i: usize| Some(sorted[i]).filter(|&s| s != u64::MAX).map(|s| s as f64);
            let expected = match sorted.len() {
                n if n % 2 == 1 => at(n / 2),
                n => at(n / 2 - 1).zip(at(n / 2)).map(|(a, b)| (a + b) / 2.0),
            };
            assert_eq!(median(&runs), expected, "{runs:?}");
        }
    }
}

#[test]
fn the_spread_gives_fastest_slowest_and_how_many_arrived() {
    let mut repeat = Repeat::new(config(Target::Loss(0.2)), 4, 1000).unwrap();
    while !repeat.step(5000).unwrap() {}
    for i in 0..2 {
        let outcomes = repeat.outcomes(i);
        let spread = repeat.spread(i);
        let reached: Vec<u64> = outcomes.iter().flatten().copied().collect();
        assert_eq!(spread.runs, 4);
        assert_eq!(spread.reached, reached.len());
        assert_eq!(spread.fastest, reached.iter().copied().min());
        let all = reached.len() == outcomes.len();
        assert_eq!(
            spread.slowest,
            reached.iter().copied().max().filter(|_| all)
        );
        assert_eq!(spread.median, median(outcomes));
    }
}

/// The message of the error building this race gives.
fn error_of(config: RaceConfig) -> String {
    Race::new(config)
        .expect_err("the race is refused")
        .to_string()
}

#[test]
fn a_bad_race_is_refused_with_a_message_naming_the_problem() {
    let with = |contestants: Vec<Contestant>| RaceConfig {
        contestants,
        ..config(Target::default())
    };
    let relu = Contestant::new(Kind::Relu);
    assert!(error_of(with(vec![relu])).contains("2 to 4 activations; got 1"));
    assert!(error_of(with(vec![relu; 5])).contains("2 to 4 activations; got 5"));
    let leaky = vec![
        Contestant::new(Kind::LeakyRelu),
        Contestant::with_param(Kind::LeakyRelu, 0.01),
    ];
    assert!(error_of(with(leaky)).contains("Leaky ReLU (alpha 0.01) is in the race twice"));
    let softmax = vec![relu, Contestant::new(Kind::Softmax)];
    assert!(error_of(with(softmax)).contains("softmax cannot race"));
    let elu = vec![relu, Contestant::with_param(Kind::Elu, -1.0)];
    assert!(error_of(with(elu)).starts_with("ELU (alpha -1) cannot race:"));
    let mut flat = config(Target::default());
    flat.base.hidden.clear();
    assert!(error_of(flat).contains("at least one hidden layer"));
    let mut regression = config(Target::Accuracy(90));
    regression.base.dataset = DatasetKind::Plane;
    assert!(error_of(regression).contains("accuracy target needs a classification dataset"));
    assert!(error_of(config(Target::Loss(0.0))).contains("a test loss from 0.001 to 10"));
    assert!(error_of(config(Target::Accuracy(101))).contains("got test accuracy 101%"));
    for seeds in [0, 21] {
        let refused = Repeat::new(config(Target::default()), seeds, 100).unwrap_err();
        assert!(refused.to_string().contains("1 to 20 seeds"), "{refused}");
    }
}

#[test]
fn speedups_compare_with_the_first_contestant() {
    assert_eq!(
        compare(Some(380.0), Some(100.0), 500.0, 500.0),
        Comparison::Times(3.8)
    );
    assert_eq!(
        compare(Some(100.0), Some(400.0), 500.0, 500.0),
        Comparison::Times(0.25)
    );
    assert_eq!(
        compare(None, Some(100.0), 600.0, 600.0),
        Comparison::AtLeast(6.0)
    );
    assert_eq!(
        compare(Some(300.0), None, 600.0, 600.0),
        Comparison::AtMost(0.5)
    );
    assert_eq!(compare(None, None, 600.0, 600.0), Comparison::Unknown);
    assert_eq!(
        compare(Some(0.0), Some(0.0), 0.0, 0.0),
        Comparison::Times(1.0)
    );
    assert_eq!(
        compare(Some(0.0), Some(20.0), 50.0, 50.0),
        Comparison::Unknown
    );
}

#[test]
fn dead_units_are_counted_over_the_hidden_layers() {
    // The notes' warning, raced: at a learning rate of 1 on xor, ReLU units die, Leaky ReLU's cannot.
    let base = PlaygroundConfig {
        dataset: DatasetKind::Xor,
        hidden: vec![
            HiddenLayer::new(8, Kind::Tanh),
            HiddenLayer::new(8, Kind::Tanh),
        ],
        train: TrainSettings {
            learning_rate: 1.0,
            ..TrainSettings::default()
        },
        ..PlaygroundConfig::default()
    };
    let contestants = vec![
        Contestant::new(Kind::LeakyRelu),
        Contestant::new(Kind::Relu),
    ];
    let mut race = Race::new(RaceConfig {
        base,
        contestants,
        target: Target::default(),
    })
    .unwrap();
    race.run(500);
    assert_eq!(race.dead_units(0), (0, 16));
    let (dead, units) = race.dead_units(1);
    assert_eq!(units, 16);
    assert!(dead >= 4, "{dead} ReLU units died");
}
