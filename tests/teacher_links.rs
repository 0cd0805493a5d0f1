#![cfg(not(target_arch = "wasm32"))]
//! Native tests of a teacher's link keys: `hide`, `lock`, `compact`,
//! `autoplay`, `fit`, and TensorFlow Playground's `<name>_hide=true`.

use nnplay::config::{parse_link, write_link, LinkState, TeacherState};

#[test]
fn teacher_keys_are_read_and_written_back_in_a_fixed_order() {
    let (state, problems) = parse_link("#fit=1&lock=lr,data&hide=seeds,noise&autoplay=1&compact=1");
    assert_eq!(problems, vec![]);
    assert_eq!(
        state.teacher,
        TeacherState {
            hide: vec!["noise", "seeds"],
            lock: vec!["data", "lr"],
            compact: true,
            autoplay: true,
            fit: true,
        }
    );
    assert_eq!(
        write_link(&state),
        "hide=noise,seeds&lock=data,lr&compact=1&autoplay=1&fit=1"
    );
}

#[test]
fn teacher_keys_at_their_defaults_are_left_out() {
    let (state, problems) = parse_link("hide=&lock=&compact=0&autoplay=0&fit=0");
    assert_eq!(problems, vec![]);
    assert_eq!(state, LinkState::default());
    assert_eq!(write_link(&state), "");
}

#[test]
fn bad_teacher_values_are_named_and_the_rest_applies() {
    for (fragment, key, says) in [
        (
            "hide=lr,nope&lr=0.1",
            "hide",
            "distinct setting keys from theme, data",
        ),
        ("hide=lr,lr&lr=0.1", "hide", "distinct setting keys"),
        ("lock=embed&lr=0.1", "lock", "distinct setting keys"),
        ("compact=yes&lr=0.1", "compact", "0 (the usual layout) or 1"),
        (
            "autoplay=2&lr=0.1",
            "autoplay",
            "1 (start playing on opening)",
        ),
        ("fit=true&lr=0.1", "fit", "1 (the panel fills its frame)"),
    ] {
        let (state, problems) = parse_link(fragment);
        assert_eq!(problems.len(), 1, "{fragment}: {problems:?}");
        assert_eq!(problems[0].key, key, "{fragment}");
        let message = problems[0].to_string();
        assert!(message.contains(says), "{fragment}: {message}");
        assert!(message.contains("; got \""), "{fragment}: {message}");
        assert_eq!(state.teacher, TeacherState::default(), "{fragment}");
        assert_eq!(state.training.train.learning_rate, 0.1, "{fragment}");
    }
}

#[test]
fn tensorflow_playground_hide_keys_hide_the_matching_settings() {
    let (state, problems) = parse_link(
        "learningRate_hide=true&showTestData_hide=true&numHiddenLayers_hide=true\
         &batchSize_hide=false&hide=seeds,lr",
    );
    assert_eq!(problems, vec![]);
    assert_eq!(state.teacher.hide, vec!["test", "layers", "lr", "seeds"]);
    assert_eq!(write_link(&state), "hide=test,layers,lr,seeds");
}

#[test]
fn tensorflow_playground_names_without_a_match_are_a_notice_not_a_panic() {
    let (state, problems) =
        parse_link("playButton_hide=true&cosX_hide=true&noise_hide=maybe&noise=10");
    let keys: Vec<&str> = problems.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(
        keys,
        ["playButton_hide", "cosX_hide", "noise_hide"],
        "{problems:?}"
    );
    assert!(
        problems[0].problem.contains("no playButton control"),
        "{problems:?}"
    );
    assert!(
        problems[1].problem.contains("is not a key nnplay knows")
            && problems[1].problem.contains("learningRate"),
        "{problems:?}"
    );
    assert!(
        problems[2]
            .problem
            .contains("accepts true (hide noise) or false; got \"maybe\""),
        "{problems:?}"
    );
    assert_eq!(state.teacher.hide, Vec::<&str>::new());
    assert_eq!(state.training.noise, 0.1);
    let (_, lone) = parse_link("_hide=true");
    assert_eq!(lone.len(), 1);
    assert_eq!(lone[0].key, "_hide");
}
