//! What the API's files share, none of it exported to JavaScript: arguments
//! read with errors that name what was wrong (`convert`), result objects
//! with named fields (`fields`), the page's canvases and the plotters
//! backend on them (`canvas`), and the decision-boundary heatmap drawn the
//! browser's way (`heatmap`), which the training view and the race share.

pub mod canvas;
pub(crate) mod convert;
pub(crate) mod fields;
pub(crate) mod heatmap;
