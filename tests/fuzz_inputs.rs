#![cfg(not(target_arch = "wasm32"))]
//! The fuzz targets' inputs as a bounded property test (cargo-fuzz needs a
//! nightly toolchain; this runs in every `cargo test`): links, network files
//! and CSVs built from hostile pieces are read or refused, never a panic, a
//! stack overflow or a hang.

use nnplay::config::{parse_link, write_link};
use nnplay::data::csv::{parse as parse_csv, MAX_REPORTED};
use nnplay::export::read_network_file;
use nnplay::json::parse_text;
use nnplay::network::{Network, NetworkConfig};
use proptest::prelude::*;

/// Pieces an attacker would put together.
const PIECES: &[&str] = &[
    "[",
    "]",
    "{",
    "}",
    "\"",
    ",",
    ":",
    "=",
    "&",
    "#",
    "%",
    "\\",
    "\u{feff}",
    "\n",
    "\r\n",
    "1e308",
    "-1e308",
    "1e999",
    "NaN",
    "Infinity",
    "-0",
    "9007199254740993",
    "null",
    "true",
    "\"inputs\"",
    "\"layers\"",
    "\"units\"",
    "\"activation\"",
    "\"relu\"",
    "\"params\"",
    "\"format\"",
    "\"nnplay-network\"",
    "\"version\"",
    "\"link\"",
    "\"step\"",
    "layers=",
    "64:maxout:4",
    "edits=",
    "0:0:1e308",
    "lr=",
    "steps=",
    "1000000",
    "data=",
    "custom",
    "points=",
    "<script>",
    "x1,x2,label",
    "0.5",
    "3",
    "-1",
    "1,0.5,0",
];

fn hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..200).prop_map(|pieces| pieces.concat())
}

fn deep_text() -> impl Strategy<Value = String> {
    (
        0usize..10_000,
        prop::sample::select(&["[", "{\"a\":", "[{\"b\":"][..]),
    )
        .prop_map(|(depth, open)| format!("{}1", open.repeat(depth)))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn links_parse_and_write_back_without_a_problem(text in hostile_text()) {
        let (state, _) = parse_link(&text);
        let written = write_link(&state);
        let (again, problems) = parse_link(&written);
        prop_assert!(problems.is_empty(), "{}: {:?}", written, problems);
        prop_assert_eq!(again, state);
    }

    #[test]
    fn network_files_and_configs_are_read_or_refused(text in prop_oneof![hostile_text(), deep_text()]) {
        if let Ok(tree) = parse_text(&text) {
            if let Ok(file) = read_network_file(&tree) {
                let _ = file.into_session();
            }
        }
        if let Ok(config) = NetworkConfig::from_json(&text) {
            let _ = Network::new(config);
        }
    }

    #[test]
    fn csvs_are_loaded_or_refused_with_few_problems(text in hostile_text()) {
        match parse_csv(&text) {
            Ok(points) => prop_assert!((2..=5000).contains(&points.len())),
            Err(error) => prop_assert!(!error.to_string().is_empty() && error.problems.len() <= MAX_REPORTED),
        }
    }
}
