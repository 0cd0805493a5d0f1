//! `Playground`, the training view's door: builds a `Session` from the page's
//! controls, runs a bounded number of steps per call, and draws the heatmap,
//! the loss chart and the network on canvases.

mod data;
mod edit;
mod export;
mod network_canvas;
mod stages;
pub(super) mod tuning;
mod work;

use super::canvas::{context, drawable, theme, Canvas, NO_2D_CONTEXT};
use super::convert::{js_error, text};
use super::heatmap::{HeatmapCanvas, WIDE_ABOVE_PARAMS};
use super::link::strict_link;
use crate::plot::heatmap::PointStyle;
use crate::plot::loss;
use crate::plot::network::{self as diagram, Thumbnails};
use crate::session::Session;
use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// Points per side of the decision-boundary grid.
const HEATMAP_RESOLUTION: usize = 100;
/// Most grid points per side of a unit's thumbnail (a box is up to 34 CSS
/// pixels, 68 device pixels on a fine screen; the browser scales the rest).
const THUMBNAIL_GRID: f64 = 20.0;
/// Most steps one `run` call may take, so a frame stays bounded.
const MAX_STEPS_PER_CALL: u32 = 100_000;

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

    /// Runs `steps` minibatch SGD steps (at most 100 000 per call). Throws
    /// "diverged at step N — lower the learning rate" when training blows up.
    pub fn run(&mut self, steps: u32) -> Result<(), JsError> {
        self.session
            .run(steps.min(MAX_STEPS_PER_CALL) as usize)
            .map_err(js_error)
    }

    /// Runs one epoch: enough steps for one pass over the training set.
    pub fn epoch(&mut self) -> Result<(), JsError> {
        self.session.epoch().map_err(js_error)
    }

    /// Back to step 0 and the initial weights.
    pub fn reset(&mut self) {
        self.session.reset();
    }

    /// Changes the learning rate, batch size and L2 rate, keeping the weights.
    pub fn set_training(
        &mut self,
        learning_rate: f64,
        batch_size: u32,
        l2: f64,
    ) -> Result<(), JsError> {
        self.session
            .set_settings(learning_rate, batch_size as usize, l2)
            .map_err(js_error)
    }

    /// `[step, epoch, train loss, test loss, train accuracy, test accuracy,
    /// diverged at step (NaN if not), training-set size]`; accuracies are NaN for regression.
    pub fn status(&self) -> Vec<f64> {
        let latest = self.session.latest();
        let trainer = self.session.trainer();
        vec![
            trainer.step_count() as f64,
            trainer.epoch_count() as f64,
            latest.train_loss,
            latest.test_loss,
            latest.train_accuracy,
            latest.test_accuracy,
            trainer.diverged_at().map_or(f64::NAN, |s| s as f64),
            trainer.train_set().len() as f64,
        ]
    }

    /// True when the output is softmax over classes (not regression).
    pub fn is_classifier(&self) -> bool {
        self.session.trainer().network().is_classifier()
    }

    /// Paints the decision boundary and the data on `canvas` at its pixel size.
    pub fn draw_heatmap(
        &mut self,
        canvas: HtmlCanvasElement,
        scale: f64,
        show_test: bool,
        dark: bool,
    ) -> Result<(), JsError> {
        let canvas = drawable(canvas)?;
        let style = PointStyle {
            radius: 4.0 * scale.clamp(0.5, 4.0),
            show_test,
        };
        let (trainer, test) = self.session.trainer_and_test();
        self.heatmap
            .draw(&canvas, trainer, test, style, theme(dark))
    }

    /// True while the page plays: a wide network's heatmap (see `is_wide`)
    /// is then drawn on a 50 × 50 grid so each frame stays short, and at
    /// full resolution once stopped.
    pub fn set_playing(&mut self, playing: bool) {
        self.heatmap.set_quick(playing);
    }

    /// Links in the network drawing: one per pair of units in neighbouring
    /// columns (fan-in × units, summed over the layers).
    pub fn link_count(&self) -> usize {
        diagram::link_count(self.session.trainer().network())
    }

    /// Whether the network has over 10 000 parameters (six layers of 64
    /// units have 21 000): the page then plays it with a coarse heatmap and
    /// draws its network in a task of its own.
    pub fn is_wide(&self) -> bool {
        self.session.trainer().network().param_count() > WIDE_ABOVE_PARAMS
    }

    /// Draws the train and test loss (and accuracy) over the steps.
    pub fn draw_loss(
        &self,
        canvas: HtmlCanvasElement,
        scale: f64,
        dark: bool,
    ) -> Result<(), JsError> {
        let canvas = drawable(canvas)?;
        let root = Canvas::new(canvas)
            .ok_or_else(|| JsError::new(NO_2D_CONTEXT))?
            .into_drawing_area();
        let records = self.session.history().records();
        loss::draw(&root, records, self.is_classifier(), scale, theme(dark))
            .map_err(|e| JsError::new(&format!("drawing the loss chart failed: {e}")))
    }

    /// Draws the network: links by weight, and each unit's thumbnail.
    pub fn draw_network(
        &mut self,
        canvas: HtmlCanvasElement,
        scale: f64,
        dark: bool,
    ) -> Result<(), JsError> {
        let canvas = drawable(canvas)?;
        let (width, height) = (f64::from(canvas.width()), f64::from(canvas.height()));
        let network = self.session.trainer().network();
        let layout = diagram::layout(&diagram::column_units(network), width, height, scale);
        // Grid points per thumbnail side; the browser scales them to the box.
        let side = layout.size.round().clamp(2.0, THUMBNAIL_GRID) as usize;
        if self.thumbnails.resolution() != side {
            self.thumbnails = Thumbnails::new(side);
        }
        let context = context(&canvas)?;
        self.links.fill(network, &layout, scale, theme(dark));
        network_canvas::draw(&context, (width, height), &self.links, &layout, theme(dark))?;
        let images = self.thumbnails.render(self.session.trainer());
        self.thumbnail_sheet.draw(&context, images, side, &layout)
    }
}
