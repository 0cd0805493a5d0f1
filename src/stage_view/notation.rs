//! The notes' notation for a network as built: the names of its matrices,
//! each activation written out beside its derivative, and the notes' slips
//! with their corrections.

use crate::network::LayerKind;

use super::matrix::short;

/// The name of the input to layer `i` (0-based): `x` for the first, else `a{i}`.
pub fn input_name(i: usize) -> String {
    if i == 0 {
        "x".into()
    } else {
        format!("a{i}")
    }
}

/// The name of layer `i`'s activation (0-based): `a{i+1}`, or `y_hat` for the output.
pub fn output_name(i: usize, last: usize) -> String {
    if i == last {
        "y_hat".into()
    } else {
        format!("a{}", i + 1)
    }
}

/// The function's name in an equation: `tanh`, `relu`, …
pub fn name(kind: LayerKind) -> &'static str {
    kind.activation().name()
}

/// What the function computes, in terms of z: `f(z) = …`, from the
/// activation's own file (a learned PReLU's slope is no one number).
pub fn definition(kind: LayerKind) -> String {
    match kind {
        LayerKind::Prelu { .. } => "prelu(z) = max(a·z, z), with a slope a learned per unit".into(),
        _ => written(kind, kind.activation().definition().formula),
    }
}

/// The derivative, written beside the function: `f'(z) = …`. The notes'
/// conventions at z = 0: relu'(0) = 1, leaky_relu'(0) = alpha, elu'(0) = 1.
pub fn derivative(kind: LayerKind) -> String {
    match kind {
        LayerKind::Prelu { .. } => "prelu'(z) = 1 if z > 0, else the unit's slope a".into(),
        _ => written(kind, kind.activation().definition().derivative),
    }
}

/// `text` with `{param}` replaced by the layer's parameter (or pieces).
fn written(kind: LayerKind, text: &str) -> String {
    let param = match kind {
        LayerKind::Elementwise(f) => f.param().map(short),
        LayerKind::Maxout { pieces } => Some(pieces.to_string()),
        LayerKind::Prelu { .. } | LayerKind::Softmax => None,
    };
    match param {
        Some(value) => text.replace("{param}", &value),
        None => text.to_owned(),
    }
}

/// The notes print tanh's derivative wrongly; shown where tanh' is used.
pub const TANH_SLIP: &str = "The notes print tanh′ as z(1 − z²) with z = tanh(x); it is 1 − z², \
     that is 1 − tanh²(x): 1 at x = 0, where tanh is steepest, and near 0 where it flattens.";

/// The notes write dL/db1 = delta3; shown beside dL/db1 when there is a hidden layer.
pub const BIAS_SLIP: &str = "The notes write dL/db1 = delta3 (their name for the output's delta). \
     b1 is added into z1, so its gradient is layer 1's own delta, summed over the batch; \
     the output's delta reaches it only through the weights and f′ in between.";

/// Why every gradient is divided by n.
pub const MEAN_NOTE: &str = "n is the batch size: the loss is the mean over the batch, \
     so each gradient is the mean of the examples' gradients (the notes leave the 1/n out).";
