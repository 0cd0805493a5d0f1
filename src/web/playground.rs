//! `Playground`, the training view's run (docs/js-api.md, "The training
//! view's run"): a `Session` kept in wasm memory between frames, with the
//! drawing buffers of its pictures. This file makes one; the files beside
//! it follow the section's parts: `training`, `stages` (one step, stage by
//! stage, and the diagnostics), `data` (data and metrics),
//! `features_and_weights`, `keeping` and `drawing`.

mod data;
mod drawing;
mod features_and_weights;
mod keeping;
mod network_canvas;
mod stages;
mod training;
mod work;

use super::common::convert::{js_error, parse_json, text};
use super::common::heatmap::HeatmapCanvas;
use super::common::strict::strict_link;
use super::custom_points::CustomPoints;
use crate::data::DatasetKind;
use crate::export;
use crate::plot::network::{self as diagram, Thumbnails};
use crate::session::Session;
use wasm_bindgen::prelude::*;

/// Points per side of the decision-boundary grid.
const HEATMAP_RESOLUTION: usize = 100;

/// The training view's state, kept in wasm memory between frames.
#[wasm_bindgen]
pub struct Playground {
    session: Session,
    heatmap: HeatmapCanvas,
    thumbnails: Thumbnails,
    /// The network drawing's links by style, their buffers kept between frames.
    links: diagram::Links,
    /// Where the thumbnails are stacked before they are drawn.
    thumbnail_sheet: network_canvas::ThumbnailSheet,
    /// The stage stepper on the drawing: the chosen example's row in the
    /// batch, and how many layers the stage has lit (`None`: all).
    stage_example: usize,
    stage_lit: Option<usize>,
    /// Whether the page plays (`set_playing`).
    playing: bool,
}

impl Playground {
    /// The view of `session`, its drawing buffers empty until the first draw.
    fn with_session(session: Session) -> Playground {
        Playground {
            session,
            heatmap: HeatmapCanvas::new(HEATMAP_RESOLUTION),
            thumbnails: Thumbnails::new(2),
            links: Default::default(),
            thumbnail_sheet: Default::default(),
            stage_example: 0,
            stage_lit: None,
            playing: false,
        }
    }
}

#[wasm_bindgen]
impl Playground {
    /// A new run from a link's fragment (`data=xor&layers=4:relu,2:tanh&lr=0.1`,
    /// docs/link-keys.md): its training keys, every other key at its
    /// default. Other keys (`curves`, `steps`, …) are checked but not used
    /// here. Throws an Error naming each bad key and what it accepts.
    pub fn from_link(fragment: JsValue) -> Result<Playground, JsError> {
        let state = strict_link(&text(&fragment, "fragment")?)?;
        Ok(Playground::with_session(
            Session::new(state.training).map_err(js_error)?,
        ))
    }

    /// A new run as `from_link` makes, on the reader's own `points` (any
    /// number, so more than a link carries); the fragment's `data` and
    /// `points` keys are replaced by them. Throws as `from_link` does, and
    /// when there are fewer than 2 points. A batch larger than the training
    /// set shrinks to it.
    pub fn with_points(fragment: JsValue, points: &CustomPoints) -> Result<Playground, JsError> {
        let mut state = strict_link(&text(&fragment, "fragment")?)?;
        state.training.dataset = DatasetKind::Custom;
        state.training.custom = points.data().clone();
        state.training.fit_batch_to_data();
        Ok(Playground::with_session(
            Session::new(state.training).map_err(js_error)?,
        ))
    }

    /// A new run from a network file's text, starting from its weights
    /// (which Reset returns to). Throws an Error saying what is wrong with
    /// the text.
    pub fn import_network(text: JsValue) -> Result<Playground, JsError> {
        let tree = parse_json(&text, "the network file")?;
        let file = export::read_network_file(&tree).map_err(js_error)?;
        Ok(Playground::with_session(
            file.into_session().map_err(js_error)?,
        ))
    }
}
