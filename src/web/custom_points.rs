//! Your own points (docs/js-api.md, "Your own points"): `CustomPoints`,
//! added and removed by pixel or by coordinate, a CSV loaded all or nothing,
//! and the text a link carries; `heatmap_point` and `heatmap_pixel` between
//! a heatmap's pixels and the input plane. Every check lives in the core's
//! `data`.

use super::common::convert::{js_error, text};
use super::common::fields::Fields;
use crate::data::code::{self, LINK_POINTS};
use crate::data::{csv, CustomData};
use crate::plot::heatmap::{from_pixel, to_pixel};
use wasm_bindgen::prelude::*;

/// Drawn or loaded points, kept in wasm memory while the page edits them.
#[wasm_bindgen]
pub struct CustomPoints {
    data: CustomData,
}

impl CustomPoints {
    pub(crate) fn data(&self) -> &CustomData {
        &self.data
    }

    pub(crate) fn wrap(data: CustomData) -> CustomPoints {
        CustomPoints { data }
    }
}

#[wasm_bindgen]
impl CustomPoints {
    /// No points, with `classes` 2 to 4 (0 for regression); throws otherwise.
    #[wasm_bindgen(constructor)]
    pub fn new(classes: u32) -> Result<CustomPoints, JsError> {
        CustomData::new(classes as usize)
            .map(CustomPoints::wrap)
            .map_err(js_error)
    }

    /// The points a link's `points` value holds ("" for none, two classes).
    pub fn from_code(code: JsValue) -> Result<CustomPoints, JsError> {
        let code = text(&code, "code")?;
        if code.is_empty() {
            return Ok(CustomPoints::wrap(CustomData::default()));
        }
        code::decode(&code)
            .map(CustomPoints::wrap)
            .ok_or_else(|| JsError::new("the drawn points in the link are not valid"))
    }

    /// Number of points.
    pub fn count(&self) -> u32 {
        self.data.len() as u32
    }

    /// Classes 2 to 4, or 0 for regression.
    pub fn classes(&self) -> u32 {
        self.data.classes() as u32
    }

    /// Adds a point at (x1, x2) with `label` (a class 0 … 3, or a value
    /// −10 … 10 for regression). Throws, changing nothing, when it does not fit.
    pub fn add(&mut self, x1: f64, x2: f64, label: f64) -> Result<(), JsError> {
        self.data.add([x1, x2], label).map_err(js_error)
    }

    /// Adds a point at pixel (px, py) of a `width` × `height` heatmap.
    pub fn add_at(
        &mut self,
        px: f64,
        py: f64,
        width: u32,
        height: u32,
        label: f64,
    ) -> Result<(), JsError> {
        let x = from_pixel(px, py, width as usize, height as usize);
        self.data.add(x, label).map_err(js_error)
    }

    /// Removes the point nearest to (x1, x2); false when there are none.
    pub fn remove_nearest(&mut self, x1: f64, x2: f64) -> bool {
        self.data.remove_nearest([x1, x2]).is_some()
    }

    /// Removes the point nearest to pixel (px, py) of a `width` × `height` heatmap.
    pub fn remove_at(&mut self, px: f64, py: f64, width: u32, height: u32) -> bool {
        let [x1, x2] = from_pixel(px, py, width as usize, height as usize);
        self.remove_nearest(x1, x2)
    }

    /// Removes every point.
    pub fn clear(&mut self) {
        self.data.clear();
    }

    /// Replaces the points with a CSV's (`x1,x2,label` rows). All or nothing:
    /// throws, changing nothing, with one line per bad row naming its line
    /// and column and what is accepted.
    pub fn load_csv(&mut self, csv_text: JsValue) -> Result<(), JsError> {
        let csv_text = text(&csv_text, "the CSV text")?;
        self.data = csv::parse(&csv_text).map_err(js_error)?;
        Ok(())
    }

    /// The `points` value of a link: "" when there are more than `link_limit()`.
    pub fn link_code(&self) -> String {
        if self.data.len() > LINK_POINTS {
            return String::new();
        }
        code::encode(&self.data)
    }

    /// Most points a link carries (200).
    pub fn link_limit() -> u32 {
        LINK_POINTS as u32
    }
}

/// The input point `{x1, x2}` at pixel (px, py) of a `width` × `height` heatmap.
#[wasm_bindgen]
pub fn heatmap_point(px: f64, py: f64, width: u32, height: u32) -> JsValue {
    let [x1, x2] = from_pixel(px, py, width as usize, height as usize);
    Fields::new().with("x1", x1).with("x2", x2).into()
}

/// The pixel `{px, py}` of input point (x1, x2) on a `width` × `height` heatmap.
#[wasm_bindgen]
pub fn heatmap_pixel(x1: f64, x2: f64, width: u32, height: u32) -> JsValue {
    let (px, py) = to_pixel(&[x1, x2], width as usize, height as usize);
    Fields::new().with("px", px).with("py", py).into()
}
