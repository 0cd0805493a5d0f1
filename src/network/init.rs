//! Initial parameters from the config's seed: Xavier/Glorot or He, as each
//! activation's `Definition::init` asks (He for the ReLU family, maxout, swish
//! and gelu); biases 0; PReLU slopes at their initial value. The same config and seed give the same bits.

use rand::{Rng, SeedableRng};
use rand_pcg::Pcg64Mcg;

use super::layer::{Layer, LayerKind};
use crate::activation::Init;

/// Fills `params` (the whole parameter vector) for `layers`, drawing every `W`
/// in layout order from one generator seeded with `seed`.
pub(crate) fn initialise(layers: &[Layer], params: &mut [f64], seed: u64) {
    let mut rng = Pcg64Mcg::seed_from_u64(seed);
    for layer in layers {
        let limit = uniform_limit(layer);
        for w in &mut params[layer.w_range()] {
            *w = limit * (2.0 * rng.random::<f64>() - 1.0);
        }
        params[layer.b_range()].fill(0.0);
        if let LayerKind::Prelu { initial_slope } = layer.kind() {
            params[layer.slope_range()].fill(initial_slope);
        }
    }
}

/// Half-width of the uniform distribution the layer's weights come from:
/// Glorot `√(6 / (fan_in + fan_out))` keeps the variance of saturating units
/// steady both ways; He `√(6 / fan_in)` makes up for the half of a ReLU-like
/// unit that is (nearly) zero.
pub fn uniform_limit(layer: &Layer) -> f64 {
    let fan_in = layer.fan_in() as f64;
    if uses_he(layer.kind()) {
        libm::sqrt(6.0 / fan_in)
    } else {
        libm::sqrt(6.0 / (fan_in + layer.columns() as f64))
    }
}

/// Whether the layer's activation asks for He's scheme (`Definition::init`:
/// the ReLU family, maxout, swish, gelu).
fn uses_he(kind: LayerKind) -> bool {
    kind.activation().definition().init == Init::He
}
