//! A canvas backend for plotters that measures text with the canvas's own
//! `measureText`. Plotters' default on wasm measures a `<span>` it gives an
//! inline `style` attribute, which the page's Content-Security-Policy
//! (`style-src 'self'`) blocks; everything else is `CanvasBackend`'s.

use crate::data::Dataset;
use crate::plot::heatmap::{Heatmap, PointStyle, PointsLayer};
use crate::plot::Theme;
use crate::train::Trainer;
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

/// Above this many parameters a network is wide: while it plays, its heatmap
/// is drawn on the coarse grid (100 × 100 points through six layers of 64
/// units, 21 000 parameters, take about 40 ms, too long for a frame that must
/// answer input) and the page draws its network in a task of its own.
pub(crate) const WIDE_ABOVE_PARAMS: usize = 10_000;

/// The decision-boundary heatmap drawn the browser's way: the grid's colours
/// put on a small off-DOM canvas and scaled up with image smoothing, the
/// points on a second off-DOM canvas at full size, put again only when they
/// change, both drawn onto the visible canvas. Kept between frames.
pub(crate) struct HeatmapCanvas {
    heatmap: Heatmap,
    /// Half the resolution, for a wide network's frames while it plays.
    coarse: Heatmap,
    /// Wide networks are drawn on `coarse` (set while playing).
    quick: bool,
    points: PointsLayer,
    /// The off-DOM canvases, made at the first draw.
    layers: Option<Layers>,
}

struct Layers {
    cells: HtmlCanvasElement,
    points: HtmlCanvasElement,
    /// `points` shows the `PointsLayer` as it is now.
    points_current: bool,
}

impl Layers {
    fn new() -> Result<Layers, JsError> {
        Ok(Layers {
            cells: off_dom_canvas()?,
            points: off_dom_canvas()?,
            points_current: false,
        })
    }
}

impl HeatmapCanvas {
    /// A heatmap over a `resolution` × `resolution` grid (≥ 2).
    pub(crate) fn new(resolution: usize) -> HeatmapCanvas {
        HeatmapCanvas {
            heatmap: Heatmap::new(resolution),
            coarse: Heatmap::new(resolution / 2),
            quick: false,
            points: PointsLayer::new(),
            layers: None,
        }
    }

    /// Paints hard regions from the next draw on (`true`) or blended confidence.
    pub(crate) fn set_discrete(&mut self, discrete: bool) {
        self.heatmap.set_discrete(discrete);
        self.coarse.set_discrete(discrete);
    }

    /// While `quick`, a network of over `WIDE_ABOVE_PARAMS` parameters is
    /// drawn on a grid of half the resolution (a quarter of the work), so a
    /// playing frame stays short; full resolution again once not `quick`.
    pub(crate) fn set_quick(&mut self, quick: bool) {
        self.quick = quick;
    }

    /// Paints the network's output over the plane on `canvas` at its pixel
    /// size, then the training points and, if `style.show_test`, the test
    /// points (`test`); nothing on a canvas with no pixels.
    pub(crate) fn draw(
        &mut self,
        canvas: &HtmlCanvasElement,
        trainer: &Trainer,
        test: &Dataset,
        style: PointStyle,
        theme: Theme,
    ) -> Result<(), JsError> {
        let (width, height) = (canvas.width(), canvas.height());
        if width == 0 || height == 0 {
            return Ok(());
        }
        let layers = match self.layers.as_mut() {
            Some(layers) => layers,
            None => self.layers.insert(Layers::new()?),
        };
        let wide = trainer.network().param_count() > WIDE_ABOVE_PARAMS;
        let heatmap = match self.quick && wide {
            true => &mut self.coarse,
            false => &mut self.heatmap,
        };
        let n = heatmap.resolution();
        fill_canvas(&layers.cells, heatmap.cell_image(trainer, theme), n)?;
        let size = (width as usize, height as usize);
        if self
            .points
            .update(trainer.train_set(), test, size, style, theme)
        {
            layers.points_current = false;
        }
        if !layers.points_current {
            fill_canvas(&layers.points, self.points.pixels(), size.0)?;
            layers.points_current = true;
        }
        let context = context(canvas)?;
        context.set_image_smoothing_enabled(true);
        // Texel i's centre is grid point i: grid point 0 lands on the first
        // pixel and grid point n − 1 on the last, as `Heatmap::render` blends.
        let span = (n - 1) as f64;
        let (w, h) = (f64::from(width), f64::from(height));
        context
            .draw_image_with_html_canvas_element_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
                &layers.cells,
                0.5,
                0.5,
                span,
                span,
                0.0,
                0.0,
                w,
                h,
            )
            .and_then(|()| context.draw_image_with_html_canvas_element(&layers.points, 0.0, 0.0))
            .map_err(|_| JsError::new("could not draw the heatmap's layers on the canvas"))
    }
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
