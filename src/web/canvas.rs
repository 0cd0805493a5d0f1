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

/// The plots' colours for the page's theme.
pub(crate) fn theme(dark: bool) -> Theme {
    if dark {
        Theme::DARK
    } else {
        Theme::LIGHT
    }
}

/// The 2d context of `canvas`, or an error saying it has none.
pub(crate) fn context(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, JsError> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .ok_or_else(|| JsError::new("the canvas has no 2d context"))
}

/// Copies RGBA `pixels` (width × height) onto the canvas at (x, y).
fn put_pixels(
    context: &CanvasRenderingContext2d,
    pixels: &[u8],
    width: usize,
    x: f64,
    y: f64,
) -> Result<(), JsError> {
    let image = ImageData::new_with_u8_clamped_array(Clamped(pixels), width as u32)
        .map_err(|_| JsError::new("could not make an ImageData of the pixels"))?;
    context
        .put_image_data(&image, x, y)
        .map_err(|_| JsError::new("could not draw the pixels on the canvas"))
}

/// A canvas that is in no document, to draw from.
pub(crate) fn off_dom_canvas() -> Result<HtmlCanvasElement, JsError> {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.create_element("canvas").ok())
        .and_then(|element| element.dyn_into().ok())
        .ok_or_else(|| JsError::new("could not make a canvas: the page has no document"))
}

/// Sizes `canvas` to `pixels` (RGBA rows of `width`) and copies them onto it.
pub(crate) fn fill_canvas(
    canvas: &HtmlCanvasElement,
    pixels: &[u8],
    width: usize,
) -> Result<(), JsError> {
    let height = pixels.len() / 4 / width.max(1);
    // Setting a canvas's size clears it, even to the same size: only on a change.
    if canvas.width() as usize != width || canvas.height() as usize != height {
        canvas.set_width(width as u32);
        canvas.set_height(height as u32);
    }
    put_pixels(&context(canvas)?, pixels, width, 0.0, 0.0)
}
