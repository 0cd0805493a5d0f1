//! The network drawing's edits at the JS boundary: the input features (list,
//! toggle) and setting one weight or bias, picked by a click or by a form.

use super::{js_error, Playground};
use crate::features::{Feature, FeatureSet};
use crate::plot::network::{column_units, layout};
use crate::plot::network_edit::{cut_links, hit, label, parameter_index, Target};
use crate::web::convert::text;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

/// Pixels (before the device scale) a click may miss a link or unit by.
const TOLERANCE: f64 = 4.0;

/// Every input feature, in the network's input order: `[{name, label}]`.
#[wasm_bindgen]
pub fn input_features() -> Array {
    Feature::ALL
        .into_iter()
        .map(|feature| {
            let entry = Object::new();
            let _ = Reflect::set(&entry, &"name".into(), &feature.name().into());
            let _ = Reflect::set(&entry, &"label".into(), &feature.label().into());
            JsValue::from(entry)
        })
        .collect()
}

/// The feature list `features` (`x1,x2`) with feature `name` switched on or
/// off. Throws on an unknown name or a bad list, and when `name` is the
/// last feature left (the network needs one input).
#[wasm_bindgen]
pub fn toggle_feature(features: JsValue, name: JsValue) -> Result<String, JsError> {
    let set: FeatureSet = text(&features, "features")?.parse().map_err(js_error)?;
    let feature: Feature = text(&name, "name")?.parse().map_err(js_error)?;
    let toggled = set.toggled(feature).map_err(|_| {
        let label = feature.label();
        JsError::new(&format!(
            "{label} is the only input left: the network needs at least one, so switch another on first"
        ))
    })?;
    Ok(toggled.to_string())
}

/// A target from the page's numbers: kind 0 an input unit (`to`), 1 a bias
/// (`layer`, `to`), 2 a weight (`layer`, `from`, `to`).
fn target(kind: u32, layer: u32, from: u32, to: u32) -> Result<Target, JsError> {
    let (layer, from, to) = (layer as usize, from as usize, to as usize);
    match kind {
        0 => Ok(Target::Input { unit: to }),
        1 => Ok(Target::Bias { layer, unit: to }),
        2 => Ok(Target::Weight { layer, from, to }),
        _ => Err(JsError::new(&format!(
            "the kind of target must be 0 (input), 1 (bias) or 2 (weight), got {kind}"
        ))),
    }
}

#[wasm_bindgen]
impl Playground {
    /// The run's input features as a link writes them (`x1,x2,x1sq`).
    pub fn features(&self) -> String {
        self.session.config().features.to_string()
    }

    /// The input features' labels for a sentence: `x₁, x₂, x₁²`.
    pub fn feature_labels(&self) -> String {
        let features = self.session.config().features.iter();
        features.map(|f| f.label()).collect::<Vec<_>>().join(", ")
    }

    /// How many links the drawing shows cut (a weight of exactly 0).
    pub fn cut_links(&self) -> u32 {
        cut_links(self.session.trainer().network()) as u32
    }

    /// The weights set by hand that this run keeps, as the `edits` link key
    /// writes them (`120:3:0.5,…`; empty for none).
    pub fn edits(&self) -> String {
        crate::config::write_edits(self.session.edits())
    }

    /// True once an edit was made past the 50 a run (and its link) keeps.
    pub fn edits_lost(&self) -> bool {
        self.session.edits_lost()
    }

    /// Units per column of the network drawing: inputs, then each layer's.
    pub fn network_columns(&self) -> Vec<u32> {
        let units = column_units(self.session.trainer().network());
        units.into_iter().map(|u| u as u32).collect()
    }

    /// What is at pixel (x, y) of a `width` × `height` network canvas drawn
    /// at `scale`: `[kind, layer, from, to]` (kinds as `parameter_label`
    /// takes them), or an empty array for empty space.
    pub fn network_target(&self, width: f64, height: f64, scale: f64, x: f64, y: f64) -> Vec<u32> {
        let network = self.session.trainer().network();
        let layout = layout(&column_units(network), width, height, scale);
        match hit(&layout, (x, y), TOLERANCE * scale.max(1.0)) {
            None => Vec::new(),
            Some(Target::Input { unit }) => vec![0, 0, 0, unit as u32],
            Some(Target::Bias { layer, unit }) => vec![1, layer as u32, 0, unit as u32],
            Some(Target::Weight { layer, from, to }) => {
                vec![2, layer as u32, from as u32, to as u32]
            }
        }
    }

    /// The name of a target (`Weight from x₁ to unit 1 of layer 1`); for an
    /// input unit, its feature's link name. Throws when it is out of range.
    pub fn parameter_label(
        &self,
        kind: u32,
        layer: u32,
        from: u32,
        to: u32,
    ) -> Result<String, JsError> {
        let target = target(kind, layer, from, to)?;
        let features = self.session.config().features;
        if let Target::Input { unit } = target {
            let feature = features.iter().nth(unit);
            return feature
                .map(|f| f.name().to_owned())
                .ok_or_else(out_of_range);
        }
        label(self.session.trainer().network(), features, target).ok_or_else(out_of_range)
    }

    /// The current value of a weight or bias. Throws when it is out of range.
    pub fn parameter_value(
        &self,
        kind: u32,
        layer: u32,
        from: u32,
        to: u32,
    ) -> Result<f64, JsError> {
        let network = self.session.trainer().network();
        let index = parameter_index(network, target(kind, layer, from, to)?);
        index.map(|i| network.params()[i]).ok_or_else(out_of_range)
    }

    /// Sets a weight or bias to `value` in the current weights; the run goes
    /// on from there. Throws on a non-finite value, a target out of range or
    /// part-way through a step (finish the step first).
    pub fn set_parameter(
        &mut self,
        kind: u32,
        layer: u32,
        from: u32,
        to: u32,
        value: f64,
    ) -> Result<(), JsError> {
        let network = self.session.trainer().network();
        let index =
            parameter_index(network, target(kind, layer, from, to)?).ok_or_else(out_of_range)?;
        self.session.set_parameter(index, value).map_err(js_error)
    }
}

fn out_of_range() -> JsError {
    JsError::new("no such weight or bias in this network: check the layer and unit numbers")
}
