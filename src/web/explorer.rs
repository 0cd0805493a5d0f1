//! The explorer (docs/js-api.md, "The explorer"): a `CurveView` that JS
//! configures from its controls and draws on a canvas, and the softmax bars.

use super::common::canvas::theme;
use super::common::canvas::{drawable, Canvas, NO_2D_CONTEXT};
use super::common::convert::{finite_numbers, name, optional_finite};
use super::common::fields::{list, Fields};
use crate::activation::{Activation, Piece};
use crate::plot::curves::{self, Curve, CurvePlot, PlotGeometry};
use crate::plot::{softmax, Theme};
use js_sys::Array;
use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// Most curves one view draws (the explorer offers a dozen).
const MAX_CURVES: usize = 32;

/// Most bars the softmax chart draws (one per class).
const MAX_BARS: usize = 100;

/// The widest x range the explorer accepts, either way.
const X_LIMIT: f64 = 1000.0;

fn backend(canvas: HtmlCanvasElement) -> Result<Canvas, JsError> {
    Canvas::new(canvas).ok_or_else(|| JsError::new(NO_2D_CONTEXT))
}

/// The curve explorer's state: which curves, the x range and the cursor.
#[wasm_bindgen]
pub struct CurveView {
    plot: CurvePlot,
    geometry: Option<PlotGeometry>,
}

impl Default for CurveView {
    fn default() -> Self {
        Self::new()
    }
}

#[wasm_bindgen]
impl CurveView {
    /// An empty view over the notes' range, x from −10 to 10.
    #[wasm_bindgen(constructor)]
    pub fn new() -> CurveView {
        CurveView {
            plot: CurvePlot {
                curves: Vec::new(),
                x_min: -10.0,
                x_max: 10.0,
                cursor: None,
                scale: 1.0,
                theme: Theme::LIGHT,
            },
            geometry: None,
        }
    }

    /// Removes every curve.
    pub fn clear(&mut self) {
        self.plot.curves.clear();
    }

    /// Adds the element-wise activation `name` with its optional parameter.
    pub fn add(&mut self, name_value: JsValue, param: JsValue) -> Result<(), JsError> {
        let activation = Activation::parse(
            &name(&name_value, "name")?,
            optional_finite(&param, "param")?,
        )
        .map_err(|e| JsError::new(&e.to_string()))?;
        self.push(Curve::Activation(activation))
    }

    /// Adds `curve` unless the view already holds `MAX_CURVES`.
    fn push(&mut self, curve: Curve) -> Result<(), JsError> {
        if self.plot.curves.len() >= MAX_CURVES {
            return Err(JsError::new(&format!(
                "the view holds at most {MAX_CURVES} curves; clear() it first"
            )));
        }
        self.plot.curves.push(curve);
        Ok(())
    }

    /// Adds Maxout of the two lines `w1·x + b1` and `w2·x + b2`.
    pub fn add_maxout(&mut self, w1: f64, b1: f64, w2: f64, b2: f64) -> Result<(), JsError> {
        let values = [w1, b1, w2, b2];
        if values.iter().any(|v| !v.is_finite()) {
            return Err(JsError::new(&format!(
                "maxout's w1, b1, w2, b2 must be finite numbers, got {values:?}"
            )));
        }
        self.push(Curve::Maxout([
            Piece { w: w1, b: b1 },
            Piece { w: w2, b: b2 },
        ]))
    }

    /// Sets the x range; `x_min < x_max`, both within ±1000.
    pub fn set_range(&mut self, x_min: f64, x_max: f64) -> Result<(), JsError> {
        let inside = |x: f64| x.is_finite() && x.abs() <= X_LIMIT;
        if !(inside(x_min) && inside(x_max) && x_min < x_max) {
            return Err(JsError::new(&format!(
                "the x range must have x_min < x_max, both from −{X_LIMIT} to {X_LIMIT}; got {x_min} to {x_max}"
            )));
        }
        self.plot.x_min = x_min;
        self.plot.x_max = x_max;
        Ok(())
    }

    /// Puts the cursor at x (`undefined` hides it).
    pub fn set_cursor(&mut self, x: Option<f64>) {
        self.plot.cursor = x.filter(|x| x.is_finite());
    }

    /// Draws on `canvas` at its pixel size; `scale` is the device pixel ratio.
    pub fn draw(
        &mut self,
        canvas: HtmlCanvasElement,
        scale: f64,
        dark: bool,
    ) -> Result<(), JsError> {
        let canvas = drawable(canvas)?;
        self.plot.scale = if scale.is_finite() && scale > 0.0 {
            scale
        } else {
            1.0
        };
        self.plot.theme = theme(dark);
        let root = backend(canvas)?.into_drawing_area();
        let geometry = curves::draw(&root, &self.plot)
            .map_err(|e| JsError::new(&format!("drawing the curves failed: {e}")))?;
        self.geometry = Some(geometry);
        Ok(())
    }

    /// The x under canvas pixel column `px` (after a draw; x_min before).
    pub fn x_at(&self, px: f64) -> f64 {
        match self.geometry {
            Some(g) => g.x_at(px, self.plot.x_min, self.plot.x_max),
            None => self.plot.x_min,
        }
    }

    /// `[{value, derivative}, …]`: f(x) and f′(x) of each curve in the order added.
    pub fn readout(&self, x: f64) -> Array {
        list(self.plot.curves.iter().map(|curve| {
            let (f, df) = curve.eval(x);
            Fields::new().with("value", f).with("derivative", df)
        }))
    }
}

/// Draws the softmax bars of `probabilities` on `canvas`.
#[wasm_bindgen]
pub fn draw_softmax(
    canvas: HtmlCanvasElement,
    probabilities: JsValue,
    scale: f64,
    dark: bool,
) -> Result<(), JsError> {
    let canvas = drawable(canvas)?;
    let probabilities = finite_numbers(&probabilities, "probabilities")?;
    if probabilities.len() > MAX_BARS {
        return Err(JsError::new(&format!(
            "probabilities holds {} numbers; at most {MAX_BARS} bars are drawn",
            probabilities.len()
        )));
    }
    let scale = if scale.is_finite() && scale > 0.0 {
        scale
    } else {
        1.0
    };
    let root = backend(canvas)?.into_drawing_area();
    softmax::draw(&root, &probabilities, scale, theme(dark))
        .map_err(|e| JsError::new(&format!("drawing the softmax bars failed: {e}")))
}
