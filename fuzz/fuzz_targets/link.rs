//! Fuzzes the link parser: any bytes (read as text) parse without panicking,
//! and the state they give writes a link that reads back to the same state
//! without a problem.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nnplay::config::{parse_link, write_link};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (state, _) = parse_link(&text);
    let written = write_link(&state);
    let (again, problems) = parse_link(&written);
    assert!(problems.is_empty(), "{written}: {problems:?}");
    assert_eq!(again, state, "{written}");
});
