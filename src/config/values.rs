//! The small value grammars of link keys: whole numbers, numbers in a range
//! and comma-separated lists, each read strictly
//! and written so that reading it back gives the same value.

use std::ops::RangeInclusive;

pub use crate::format::number;

/// A finite number, or `None`.
pub fn finite(text: &str) -> Option<f64> {
    text.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// A whole number (digits only) inside `range`.
pub fn whole_in(text: &str, range: &RangeInclusive<u64>) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse::<u64>().ok().filter(|n| range.contains(n))
}

/// Reads a comma-separated list (empty text is the empty list), each item
/// with `item`; `None` if any item fails or the count is outside `counts`.
pub fn list<T>(
    text: &str,
    counts: &RangeInclusive<usize>,
    item: impl Fn(&str) -> Option<T>,
) -> Option<Vec<T>> {
    let items: Vec<T> = if text.is_empty() {
        Vec::new()
    } else {
        text.split(',').map(item).collect::<Option<_>>()?
    };
    counts.contains(&items.len()).then_some(items)
}

/// Reads a list of distinct names from `all` (empty text is none) and
/// returns them in `all`'s order, so every set has one spelling.
pub fn name_set<T: Copy + PartialEq>(
    text: &str,
    all: &[T],
    name: impl Fn(T) -> &'static str,
) -> Option<Vec<T>> {
    let chosen = list(text, &(0..=all.len()), |item| {
        all.iter().copied().find(|&t| name(t) == item)
    })?;
    let distinct = chosen
        .iter()
        .enumerate()
        .all(|(i, t)| !chosen[..i].contains(t));
    distinct.then(|| all.iter().copied().filter(|t| chosen.contains(t)).collect())
}

/// Writes names joined by commas.
pub fn names<T: Copy>(items: &[T], name: impl Fn(T) -> &'static str) -> String {
    items.iter().map(|&t| name(t)).collect::<Vec<_>>().join(",")
}

/// Writes numbers joined by commas.
pub fn numbers(items: &[f64]) -> String {
    items
        .iter()
        .map(|&x| number(x))
        .collect::<Vec<_>>()
        .join(",")
}
