#![cfg(not(target_arch = "wasm32"))]
//! Native tests of the one decimating history behind a run's losses and its
//! diagnostics: which records it keeps, in both of its stores.

use nnplay::history::{History, Rows, HISTORY_LIMIT};

/// The offers a decimating history keeps after `offered` offers, worked out
/// independently: the stride is the least power of two that leaves at most
/// `HISTORY_LIMIT` multiples of it below `offered` once the limit was first
/// reached; the kept offers are exactly those multiples.
fn expected(offered: u64) -> Vec<u64> {
    let limit = HISTORY_LIMIT as u64;
    let mut stride = 1;
    // The stride doubles when a kept offer finds the store full.
    while offered.div_ceil(stride) > limit {
        stride *= 2;
    }
    (0..offered).filter(|i| i % stride == 0).collect()
}

fn whole(offered: u64) -> History<Vec<u64>> {
    let mut history = History::default();
    for i in 0..offered {
        history.push(&i);
    }
    history
}

fn rows(offered: u64) -> History<Rows> {
    let mut history = History::new(2);
    for i in 0..offered {
        history.push(&[i as f64, -(i as f64)]);
    }
    history
}

#[test]
fn both_stores_keep_the_same_offers() {
    for offered in [0, 1, 999, 1000, 1001, 1002, 1003, 2000, 2001, 4003, 5000] {
        let kept = whole(offered).records().to_vec();
        assert_eq!(kept, expected(offered), "{offered} offered");
        let history = rows(offered);
        assert_eq!(history.len(), kept.len(), "{offered} offered");
        for (row, &i) in history.records().zip(&kept) {
            assert_eq!(row, [i as f64, -(i as f64)], "{offered} offered");
        }
    }
}

#[test]
fn the_limit_halves_the_resolution_and_the_next_offer_is_skipped() {
    let history = whole(HISTORY_LIMIT as u64 + 1);
    let kept = history.records();
    assert_eq!(kept.len(), HISTORY_LIMIT / 2 + 1);
    assert_eq!(&kept[..3], [0, 2, 4]);
    assert_eq!(*kept.last().unwrap(), HISTORY_LIMIT as u64);
    let mut history = history;
    history.push(&1001);
    assert_eq!(
        history.len(),
        HISTORY_LIMIT / 2 + 1,
        "an odd offer is skipped"
    );
    history.push(&1002);
    assert_eq!(*history.records().last().unwrap(), 1002);
}

#[test]
fn a_cleared_history_keeps_every_offer_again() {
    let mut history = rows(3000);
    assert!(history.len() <= HISTORY_LIMIT);
    history.clear();
    assert!(history.is_empty());
    for i in 0..3 {
        history.push(&[i as f64]);
    }
    let first: Vec<f64> = history.records().map(|r| r[0]).collect();
    assert_eq!(first, [0.0, 1.0, 2.0]);
}

#[test]
fn rows_are_padded_with_nan_and_cut_to_their_width() {
    let mut history = History::new(3);
    assert_eq!(history.width(), 3);
    history.push(&[1.0]);
    history.push(&[1.0, 2.0, 3.0, 4.0]);
    let records: Vec<&[f64]> = history.records().collect();
    assert_eq!(records[0][0], 1.0);
    assert!(records[0][1].is_nan() && records[0][2].is_nan());
    assert_eq!(records[1], [1.0, 2.0, 3.0]);
    assert_eq!(History::new(0).width(), 1, "a width of 0 is taken as 1");
}
