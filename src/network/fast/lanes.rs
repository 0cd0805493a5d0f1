//! Two f64 lanes at a time: wasm `simd128` when the build enables it, plain
//! pairs of scalars anywhere else. Each operation is the IEEE operation on
//! each lane, rounded as the scalar one is (no fused multiply-add), so code
//! written with `F64x2` gives the same bits on every target as the scalar
//! loop it replaces.

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod imp {
    use core::arch::wasm32::{
        f64x2, f64x2_add, f64x2_div, f64x2_extract_lane, f64x2_mul, f64x2_splat, v128,
    };

    pub type Pair = v128;

    #[inline(always)]
    pub fn new(a: f64, b: f64) -> Pair {
        f64x2(a, b)
    }
    #[inline(always)]
    pub fn splat(x: f64) -> Pair {
        f64x2_splat(x)
    }
    #[inline(always)]
    pub fn add(a: Pair, b: Pair) -> Pair {
        f64x2_add(a, b)
    }
    #[inline(always)]
    pub fn mul(a: Pair, b: Pair) -> Pair {
        f64x2_mul(a, b)
    }
    #[inline(always)]
    pub fn div(a: Pair, b: Pair) -> Pair {
        f64x2_div(a, b)
    }
    #[inline(always)]
    pub fn lanes(a: Pair) -> [f64; 2] {
        [f64x2_extract_lane::<0>(a), f64x2_extract_lane::<1>(a)]
    }
    #[inline(always)]
    pub fn store(a: Pair, to: &mut [f64; 2]) {
        *to = lanes(a);
    }
}

// Elsewhere, pairs of scalars (which LLVM turns into SSE2 on x86-64).
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
mod imp {
    pub type Pair = [f64; 2];

    #[inline(always)]
    pub fn new(a: f64, b: f64) -> Pair {
        [a, b]
    }
    #[inline(always)]
    pub fn splat(x: f64) -> Pair {
        [x, x]
    }
    #[inline(always)]
    pub fn add(a: Pair, b: Pair) -> Pair {
        [a[0] + b[0], a[1] + b[1]]
    }
    #[inline(always)]
    pub fn mul(a: Pair, b: Pair) -> Pair {
        [a[0] * b[0], a[1] * b[1]]
    }
    #[inline(always)]
    pub fn div(a: Pair, b: Pair) -> Pair {
        [a[0] / b[0], a[1] / b[1]]
    }
    #[inline(always)]
    pub fn lanes(a: Pair) -> [f64; 2] {
        a
    }
    #[inline(always)]
    pub fn store(a: Pair, to: &mut [f64; 2]) {
        *to = a;
    }
}

/// Two f64s operated on together.
#[derive(Clone, Copy, Debug)]
pub(crate) struct F64x2(imp::Pair);

impl F64x2 {
    #[inline(always)]
    pub fn load(pair: &[f64; 2]) -> F64x2 {
        F64x2(imp::new(pair[0], pair[1]))
    }

    /// The lanes `a`, `b`.
    #[inline(always)]
    pub fn new(a: f64, b: f64) -> F64x2 {
        F64x2(imp::new(a, b))
    }

    #[inline(always)]
    pub fn splat(x: f64) -> F64x2 {
        F64x2(imp::splat(x))
    }

    /// `self + a·b` lane by lane: the product rounded, then the sum rounded.
    #[inline(always)]
    pub fn add_product(self, a: F64x2, b: F64x2) -> F64x2 {
        F64x2(imp::add(self.0, imp::mul(a.0, b.0)))
    }

    /// `self / divisor` lane by lane.
    #[inline(always)]
    pub fn div(self, divisor: F64x2) -> F64x2 {
        F64x2(imp::div(self.0, divisor.0))
    }

    /// Writes both lanes to `to`.
    #[inline(always)]
    pub fn store(self, to: &mut [f64; 2]) {
        imp::store(self.0, to);
    }

    #[inline(always)]
    pub fn to_array(self) -> [f64; 2] {
        imp::lanes(self.0)
    }
}
