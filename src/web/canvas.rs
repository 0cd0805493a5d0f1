//! A canvas backend for plotters that measures text with the canvas's own
//! `measureText`. Plotters' default on wasm measures a `<span>` it gives an
//! inline `style` attribute, which the page's Content-Security-Policy
//! (`style-src 'self'`) blocks; everything else is `CanvasBackend`'s. Also
//! the page's theme and 2d context, and off-DOM canvases filled from RGBA
//! pixels (the heatmap's and the thumbnails' images before they are scaled).

use crate::plot::Theme;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::JsError;
use wasm_bindgen::{Clamped, JsCast};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

type Error = DrawingErrorKind<<CanvasBackend as DrawingBackend>::ErrorType>;

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

/// `CanvasBackend`, with text measured on the canvas.
pub struct Canvas {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
}

impl Canvas {
    /// A backend drawing on `canvas`; `None` if it has no 2d context.
    pub fn new(canvas: HtmlCanvasElement) -> Option<Canvas> {
        let context = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        let inner = CanvasBackend::with_canvas_object(canvas)?;
        Some(Canvas { inner, context })
    }
}

impl DrawingBackend for Canvas {
    type ErrorType = <CanvasBackend as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), Error> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), Error> {
        self.inner.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), Error> {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), Error> {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), Error> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), Error> {
        self.inner.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), Error> {
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Result<(), Error> {
        self.inner.fill_polygon(vertices, style)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), Error> {
        self.inner.draw_text(text, style, pos)
    }

    /// Width from `measureText` in the font `draw_text` sets; height from the font's box.
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), Error> {
        let size = style.size();
        self.context.save();
        self.context.set_font(&format!(
            "{} {}px {}",
            style.style().as_str(),
            size,
            style.family().as_str()
        ));
        let metrics = self.context.measure_text(text).ok();
        self.context.restore();
        let width = metrics
            .as_ref()
            .map_or(0.6 * size * text.chars().count() as f64, |m| m.width());
        let height = metrics
            .map(|m| m.font_bounding_box_ascent() + m.font_bounding_box_descent())
            .filter(|h| h.is_finite() && *h > 0.0)
            .unwrap_or(1.2 * size);
        Ok((width.ceil() as u32, height.ceil() as u32))
    }
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
