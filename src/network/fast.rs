//! The speed kernels, kept apart from the mathematics they speed up. Each
//! computes exactly what a plain function elsewhere in `network` states, and
//! a test holds it to that reference:
//!
//! - `product`: the register-blocked kernel behind `linalg`'s `affine`
//!   (z = a·W + b), `weight_gradient` (dL/dW = a_prevᵀ·delta / rows) and
//!   `times_transpose` (dL/da_prev = delta·Wᵀ). Same bits as the plain
//!   loops in `linalg`'s tests, natively and in wasm.
//! - `lanes`: `F64x2`, the two-lane f64 arithmetic `product` is written in:
//!   wasm `simd128` or pairs of scalars, each lane rounded as a scalar is.
//! - `preview`: the forward pass in f32, four lanes at a time, for pictures
//!   only (the heatmap and the units' thumbnails); its reference is the f64
//!   `Network` forward pass (`Layer::forward`), within f32's precision.

pub(crate) mod lanes;
pub mod preview;
pub(crate) mod product;
