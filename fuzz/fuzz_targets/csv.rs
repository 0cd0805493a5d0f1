//! Fuzzes the CSV reader: any text is either loaded (2 to 5000 points, each
//! finite) or refused with at most `MAX_REPORTED` problems, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nnplay::data::csv::{parse, MAX_REPORTED};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match parse(&text) {
        Ok(points) => assert!((2..=5000).contains(&points.len())),
        Err(error) => assert!(!error.to_string().is_empty() && error.problems.len() <= MAX_REPORTED),
    }
});
