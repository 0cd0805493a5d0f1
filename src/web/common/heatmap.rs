//! The decision-boundary heatmap on a page canvas: the core's pieces
//! (`plot::heatmap`) composed the browser's way, and a coarser grid for a
//! wide network while it plays.

use super::canvas::{context, Image};
use crate::data::Dataset;
use crate::plot::heatmap::{Heatmap, PointStyle, PointsLayer};
use crate::plot::Theme;
use crate::train::Trainer;
use wasm_bindgen::prelude::JsError;
use web_sys::HtmlCanvasElement;

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
    cells: Image,
    points: Image,
    /// `points` shows the `PointsLayer` as it is now.
    points_current: bool,
}

impl Layers {
    fn new() -> Result<Layers, JsError> {
        Ok(Layers {
            cells: Image::new()?,
            points: Image::new()?,
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
        layers.cells.fill(heatmap.cell_image(trainer, theme), n)?;
        let size = (width as usize, height as usize);
        if self
            .points
            .update(trainer.train_set(), test, size, style, theme)
        {
            layers.points_current = false;
        }
        if !layers.points_current {
            layers.points.fill(self.points.pixels(), size.0)?;
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
                layers.cells.canvas(),
                0.5,
                0.5,
                span,
                span,
                0.0,
                0.0,
                w,
                h,
            )
            .and_then(|()| {
                context.draw_image_with_html_canvas_element(layers.points.canvas(), 0.0, 0.0)
            })
            .map_err(|_| JsError::new("could not draw the heatmap's layers on the canvas"))
    }
}
