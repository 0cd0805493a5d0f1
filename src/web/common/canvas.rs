//! The page's canvases: the plotters backend that draws on them
//! (`backend`), the theme's colours, the 2d context, and off-DOM canvases
//! filled from RGBA pixels (the heatmap's and the thumbnails' images before
//! they are scaled).

mod backend;

pub use backend::Canvas;

use crate::plot::Theme;
use wasm_bindgen::prelude::JsError;
use wasm_bindgen::{Clamped, JsCast};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

/// Why a `<canvas>` cannot be drawn on.
pub(crate) const NO_2D_CONTEXT: &str =
    "the canvas has no 2d context (a canvas that already has a WebGL context cannot be drawn on)";

/// The plots' colours for the page's theme.
pub(crate) fn theme(dark: bool) -> Theme {
    if dark {
        Theme::DARK
    } else {
        Theme::LIGHT
    }
}

/// `canvas` if it really is a `<canvas>` element. Every drawing door checks
/// this first: reading a property of `null` or a `<div>` as a canvas would
/// throw through wasm and leave the object it was called on unusable.
pub(crate) fn drawable(canvas: HtmlCanvasElement) -> Result<HtmlCanvasElement, JsError> {
    if canvas.is_instance_of::<HtmlCanvasElement>() {
        return Ok(canvas);
    }
    let value: &wasm_bindgen::JsValue = canvas.as_ref();
    let got = match value.dyn_ref::<web_sys::Element>() {
        // The local name is already lower case for HTML elements; lower-casing
        // tagName would bring Unicode's case tables into the module.
        Some(element) => format!("a <{}> element", element.local_name()),
        None => super::convert::describe(value),
    };
    Err(JsError::new(&format!(
        "canvas must be a <canvas> element, got {got}"
    )))
}

/// The 2d context of `canvas`, or an error saying it has none.
pub(crate) fn context(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, JsError> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .ok_or_else(|| JsError::new(NO_2D_CONTEXT))
}

/// A canvas in no document with its 2d context, filled from RGBA pixels
/// and drawn from onto the page's canvases (scaled, or as a layer). The
/// context is asked for once: each ask crosses to JavaScript with a string.
#[derive(Debug)]
pub(crate) struct Image {
    canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
}

impl Image {
    /// An empty image; an error if the page has no document.
    pub(crate) fn new() -> Result<Image, JsError> {
        let canvas: HtmlCanvasElement = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.create_element("canvas").ok())
            .and_then(|element| element.dyn_into().ok())
            .ok_or_else(|| JsError::new("could not make a canvas: the page has no document"))?;
        let context = context(&canvas)?;
        Ok(Image { canvas, context })
    }

    /// The canvas, to draw from.
    pub(crate) fn canvas(&self) -> &HtmlCanvasElement {
        &self.canvas
    }

    /// Sizes the image to `pixels` (RGBA rows of `width`) and copies them in.
    pub(crate) fn fill(&self, pixels: &[u8], width: usize) -> Result<(), JsError> {
        let height = pixels.len() / 4 / width.max(1);
        // Setting a canvas's size clears it, even to the same size: only on a change.
        if self.canvas.width() as usize != width || self.canvas.height() as usize != height {
            self.canvas.set_width(width as u32);
            self.canvas.set_height(height as u32);
        }
        let image = ImageData::new_with_u8_clamped_array(Clamped(pixels), width as u32)
            .map_err(|_| JsError::new("could not make an ImageData of the pixels"))?;
        self.context
            .put_image_data(&image, 0.0, 0.0)
            .map_err(|_| JsError::new("could not draw the pixels on the canvas"))
    }
}
