//! Splits a link's fragment into `key=value` pairs: percent-decoding, and
//! the limits that keep a hostile or mangled link harmless (too many keys,
//! over-long values, duplicated keys, bad encoding), each reported by key.

use percent_encoding::percent_decode_str;

use super::problem::LinkProblem;

/// Most `key=value` pairs read from one link.
pub const MAX_PAIRS: usize = 64;
pub use crate::format::MAX_VALUE;
/// Longest value of `points` (200 drawn regression points take 1068).
pub const MAX_POINTS_VALUE: usize = 1100;
/// Longest key or value quoted back in a notice.
const QUOTE: usize = 40;

/// One decoded pair, with the key as written.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    pub key: String,
    pub value: String,
}

/// The pairs of `fragment` (with or without its leading `#`), decoded, each
/// key at most once, plus a problem for every pair that could not be used.
/// A fragment without any `=` is an ordinary in-page anchor: no pairs.
pub fn pairs(fragment: &str) -> (Vec<Pair>, Vec<LinkProblem>) {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let mut problems = Vec::new();
    if !fragment.contains('=') {
        return (Vec::new(), problems);
    }
    let mut segments = fragment.split('&').filter(|s| !s.is_empty());
    let mut pairs: Vec<Pair> = Vec::new();
    for segment in segments.by_ref().take(MAX_PAIRS) {
        match decode_pair(segment) {
            Ok(pair) => pairs.push(pair),
            Err(problem) => problems.push(problem),
        }
    }
    if segments.next().is_some() {
        problems.push(LinkProblem::new(
            "link",
            format!("holds more than {MAX_PAIRS} keys; only the first {MAX_PAIRS} were read"),
        ));
    }
    (drop_duplicates(pairs, &mut problems), problems)
}

/// Decodes one `key=value` segment, or says what is wrong with it.
fn decode_pair(segment: &str) -> Result<Pair, LinkProblem> {
    let Some((raw_key, raw_value)) = segment.split_once('=') else {
        return Err(LinkProblem::new(
            quote(&decode(segment).unwrap_or_else(|| segment.to_owned())),
            "has no value; write it as key=value".to_owned(),
        ));
    };
    let key = decode(raw_key).ok_or_else(|| {
        LinkProblem::new(
            quote(raw_key),
            "is not a valid percent-encoded key (% must be followed by two hex digits of UTF-8)"
                .to_owned(),
        )
    })?;
    let max_value = if key == "points" {
        MAX_POINTS_VALUE
    } else {
        MAX_VALUE
    };
    if raw_value.len() > max_value {
        return Err(LinkProblem::new(
            quote(&key),
            format!(
                "has a value {} characters long; values of at most {max_value} are read",
                raw_value.len()
            ),
        ));
    }
    let value = decode(raw_value).ok_or_else(|| {
        LinkProblem::new(
            quote(&key),
            format!(
                "has a value that is not valid percent-encoding \
                 (% must be followed by two hex digits of UTF-8); got \"{}\"",
                quote(raw_value)
            ),
        )
    })?;
    Ok(Pair { key, value })
}

/// Keeps the keys given once; a key given more than once is reported and
/// dropped, so it falls back to its default.
fn drop_duplicates(pairs: Vec<Pair>, problems: &mut Vec<LinkProblem>) -> Vec<Pair> {
    let count = |key: &str| pairs.iter().filter(|p| p.key == key).count();
    let mut reported: Vec<&str> = Vec::new();
    for pair in &pairs {
        let times = count(&pair.key);
        if times > 1 && !reported.contains(&pair.key.as_str()) {
            reported.push(&pair.key);
            problems.push(LinkProblem::new(
                quote(&pair.key),
                format!("is given {times} times; give each key once (nnplay used its default)"),
            ));
        }
    }
    pairs
        .iter()
        .filter(|p| count(&p.key) == 1)
        .cloned()
        .collect()
}

/// Percent-decodes `text` as UTF-8; `None` when a `%` is not followed by two
/// hex digits or the bytes are not UTF-8.
fn decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let well_formed = bytes.iter().enumerate().all(|(i, &b)| {
        b != b'%'
            || (i + 2 < bytes.len()
                && bytes[i + 1].is_ascii_hexdigit()
                && bytes[i + 2].is_ascii_hexdigit())
    });
    if !well_formed {
        return None;
    }
    percent_decode_str(text)
        .decode_utf8()
        .ok()
        .map(|s| s.into_owned())
}

/// `text` cut to a length a notice can show.
pub fn quote(text: &str) -> String {
    match text.char_indices().nth(QUOTE) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}
