//! The race's shared start: every contestant's weights come from one draw.
//!
//! Networks with different activations would be initialised differently
//! (Glorot for sigmoid and tanh, He for the ReLU family), so a race draws
//! once, with Glorot's scheme, for a reference network of the same shape,
//! and gives every contestant those very numbers. Where a contestant's layer
//! is Maxout (k pieces per unit), piece 1 of unit j gets the reference's
//! unit j and the extra pieces are drawn, at the same scale, from a second
//! stream of the same seed: two contestants never differ in the weights they
//! share, and two Maxout contestants with as many pieces start identically.

use rand::{Rng, SeedableRng};
use rand_pcg::Pcg64Mcg;

use crate::activation::Kind;
use crate::network::{uniform_limit, ConfigError, Layer, Network};
use crate::session::PlaygroundConfig;

/// Mixed into the seed for Maxout's extra pieces, a stream of their own.
const PIECES_SALT: u64 = 0x5241_4345_5049_4543;

/// The reference network: `config`'s shape with every hidden layer tanh, so
/// every layer is drawn with Glorot's scheme.
pub fn reference(config: &PlaygroundConfig) -> Result<Network, ConfigError> {
    let mut config = config.clone();
    for layer in &mut config.hidden {
        (layer.activation, layer.param) = (Kind::Tanh, None);
    }
    Network::new(config.network_config())
}

/// `network`'s parameters with the reference's weights and biases, layer by
/// layer (PReLU slopes stay at their initial value). `network` must have the
/// reference's units in every layer; a Maxout layer takes them as its first
/// pieces.
pub fn shared_params(network: &Network, reference: &Network) -> Vec<f64> {
    let mut params = network.params().to_vec();
    let seed = network.config().seed;
    let mut pieces_rng = Pcg64Mcg::seed_from_u64(seed ^ PIECES_SALT);
    for (layer, shared) in network.layers().iter().zip(reference.layers()) {
        let limit = uniform_limit(shared);
        let pieces = layer.columns() / shared.columns().max(1);
        let w = shared.w_range();
        for (i, slot) in params[layer.w_range()].iter_mut().enumerate() {
            let (row, column) = (i / layer.columns(), i % layer.columns());
            *slot = if column % pieces == 0 {
                reference.params()[w.start + row * shared.columns() + column / pieces]
            } else {
                limit * (2.0 * pieces_rng.random::<f64>() - 1.0)
            };
        }
        copy_biases(&mut params, layer, shared, reference.params(), pieces);
    }
    params
}

/// Biases: piece 1 of each unit gets the reference unit's bias, extra pieces 0.
fn copy_biases(params: &mut [f64], layer: &Layer, shared: &Layer, from: &[f64], pieces: usize) {
    let b = shared.b_range();
    for (column, slot) in params[layer.b_range()].iter_mut().enumerate() {
        *slot = if column % pieces == 0 {
            from[b.start + column / pieces]
        } else {
            0.0
        };
    }
}
