//! The datasets (docs/js-api.md, "Datasets"): `datasets`.

use super::common::fields::{list, Fields};
use crate::data::DatasetKind;
use js_sys::Array;
use wasm_bindgen::prelude::*;

/// The training view's datasets: `[{name, label, classes}]` (classes 0 = regression).
#[wasm_bindgen]
pub fn datasets() -> Array {
    list(DatasetKind::ALL.into_iter().map(|kind| {
        Fields::new()
            .with("name", kind.name())
            .with("label", kind.label())
            .with("classes", kind.classes() as u32)
    }))
}
