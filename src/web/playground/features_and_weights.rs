//! Input features and hand-set weights (docs/js-api.md): the input features
//! (list, toggle) and setting one weight or bias, picked by a click on the
//! network drawing or by a form.

use super::{js_error, Playground};
use crate::features::{Feature, FeatureSet};
use crate::plot::network::{column_units, layout};
use crate::plot::network_edit::{cut_links, hit, label, parameter_index, Target};
use crate::web::common::convert::text;
use crate::web::common::fields::{list, maybe, Fields};
use js_sys::Array;
use wasm_bindgen::prelude::*;

/// Pixels (before the device scale) a click may miss a link or unit by.
const TOLERANCE: f64 = 4.0;

/// Every input feature, in the network's input order: `[{name, label}]`.
#[wasm_bindgen]
pub fn input_features() -> Array {
    list(Feature::ALL.into_iter().map(|feature| {
        Fields::new()
            .with("name", feature.name())
            .with("label", feature.label())
    }))
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

/// A target from the page's values: kind "input" an input unit (`to`),
/// "bias" a bias (`layer`, `to`), "weight" a weight (`layer`, `from`, `to`).
fn target(kind: &JsValue, layer: u32, from: u32, to: u32) -> Result<Target, JsError> {
    let kind = text(kind, "the kind of target")?;
    let (layer, from, to) = (layer as usize, from as usize, to as usize);
    match kind.as_str() {
        "input" => Ok(Target::Input { unit: to }),
        "bias" => Ok(Target::Bias { layer, unit: to }),
        "weight" => Ok(Target::Weight { layer, from, to }),
        _ => Err(JsError::new(&format!(
            "the kind of target must be \"input\", \"bias\" or \"weight\", got \"{kind}\""
        ))),
    }
}

/// A target as the page holds it: `{kind, layer, from, to}`, as `target` reads it.
fn target_fields(target: Target) -> Fields {
    let (kind, layer, from, to) = match target {
        Target::Input { unit } => ("input", 0, 0, unit),
        Target::Bias { layer, unit } => ("bias", layer, 0, unit),
        Target::Weight { layer, from, to } => ("weight", layer, from, to),
    };
    Fields::new()
        .with("kind", kind)
        .with("layer", layer as u32)
        .with("from", from as u32)
        .with("to", to as u32)
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
    /// at `scale`: `{kind, layer, from, to}` as `parameter_label` takes them
    /// (kind "input" with `to` its unit, "bias" or "weight"), or `null` for
    /// empty space.
    pub fn network_target(&self, width: f64, height: f64, scale: f64, x: f64, y: f64) -> JsValue {
        let network = self.session.trainer().network();
        let layout = layout(&column_units(network), width, height, scale);
        let hit = hit(&layout, (x, y), TOLERANCE * scale.max(1.0));
        maybe(hit.map(target_fields))
    }

    /// The name of a target (`Weight from x₁ to unit 1 of layer 1`); for an
    /// input unit, its feature's link name. Throws when it is out of range.
    pub fn parameter_label(
        &self,
        kind: JsValue,
        layer: u32,
        from: u32,
        to: u32,
    ) -> Result<String, JsError> {
        let target = target(&kind, layer, from, to)?;
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
        kind: JsValue,
        layer: u32,
        from: u32,
        to: u32,
    ) -> Result<f64, JsError> {
        let network = self.session.trainer().network();
        let index = parameter_index(network, target(&kind, layer, from, to)?);
        index.map(|i| network.params()[i]).ok_or_else(out_of_range)
    }

    /// Sets a weight or bias to `value` in the current weights; the run goes
    /// on from there. Throws on a non-finite value, a target out of range or
    /// part-way through a step (finish the step first).
    pub fn set_parameter(
        &mut self,
        kind: JsValue,
        layer: u32,
        from: u32,
        to: u32,
        value: f64,
    ) -> Result<(), JsError> {
        let network = self.session.trainer().network();
        let index =
            parameter_index(network, target(&kind, layer, from, to)?).ok_or_else(out_of_range)?;
        self.session.set_parameter(index, value).map_err(js_error)
    }
}

fn out_of_range() -> JsError {
    JsError::new("no such weight or bias in this network: check the layer and unit numbers")
}
