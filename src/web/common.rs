//! What the API's files share, none of it exported to JavaScript: arguments
//! read with errors that name what was wrong (`convert`), result objects
//! with named fields (`fields`), the page's canvases and the plotters
//! backend on them (`canvas`), the decision-boundary heatmap drawn the
//! browser's way (`heatmap`), and a link read strictly (`strict`), which the
//! training view and the race share.

// The explorer-first module (no `full` feature) uses only part of this.
#![cfg_attr(not(feature = "full"), allow(dead_code))]

pub mod canvas;
pub(crate) mod convert;
pub(crate) mod fields;
#[cfg(feature = "full")]
pub(crate) mod heatmap;
#[cfg(feature = "full")]
pub(crate) mod strict;
