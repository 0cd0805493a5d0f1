#![cfg(not(target_arch = "wasm32"))]
//! Input from anyone (a network file, a config, a CSV) is refused with a
//! clear error when it is too deep or too big, and a BOM is not an error.

use nnplay::data::csv;
use nnplay::json::{check_text, parse_text, Json, MAX_DEPTH, MAX_TEXT_BYTES};
use nnplay::network::NetworkConfig;

#[test]
fn json_nested_8000_levels_is_refused_with_the_limit_named() {
    for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
        let deep = format!("{}{}", open.repeat(8000), close.repeat(8000));
        let error = check_text(&deep, "the network file").unwrap_err();
        assert!(
            error.contains(&format!("more than {MAX_DEPTH} levels")),
            "{error}"
        );
        assert!(parse_text(&deep).is_err());
        let error = NetworkConfig::from_json(&deep).unwrap_err().to_string();
        assert!(error.contains("levels deep"), "{error}");
    }
    // Brackets inside strings do not count, and a real config nests 4 levels.
    let inside = format!("{{\"name\": \"{}\"}}", "[".repeat(1000));
    assert!(check_text(&inside, "x").is_ok());
    let config = r#"{"inputs": 2, "layers": [{"units": 3, "activation": "relu"}, {"units": 1, "activation": "identity"}]}"#;
    assert!(NetworkConfig::from_json(config).is_ok());
    let just = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert!(check_text(&just, "x").is_ok());
    let huge = " ".repeat(MAX_TEXT_BYTES + 1);
    assert!(check_text(&huge, "the network file")
        .unwrap_err()
        .contains("bytes"));
}

#[test]
fn a_csv_beginning_with_a_byte_order_mark_is_read() {
    let data = csv::parse("\u{feff}1,0.5,0\n-1,0.5,1\n0.2,0.3,1\n").unwrap();
    assert_eq!(data.len(), 3);
    let with_header = csv::parse("\u{feff}x1,x2,label\n1,0.5,0\n-1,0.5,1\n").unwrap();
    assert_eq!(with_header.len(), 2);
}

#[test]
fn a_number_beyond_f64_is_named_not_shown_as_null() {
    // The browser's JSON.parse reads 1e999 as Infinity.
    let layer = Json::object([("units", 1.0.into()), ("activation", "identity".into())]);
    let config = Json::object([
        ("inputs", f64::INFINITY.into()),
        ("layers", Json::Array(vec![layer])),
    ]);
    let error = NetworkConfig::from_tree(&config).unwrap_err().to_string();
    assert!(
        error.contains("too large to hold") && !error.contains("null"),
        "{error}"
    );
}
