//! Four f32 lanes at a time: wasm `simd128` when the build enables it, an
//! array of four anywhere else (which LLVM turns into SSE on x86-64).

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod imp {
    use core::arch::wasm32::{f32x4, f32x4_add, f32x4_extract_lane, f32x4_mul, f32x4_splat, v128};

    pub type Quad = v128;

    #[inline(always)]
    pub fn load(x: &[f32; 4]) -> Quad {
        f32x4(x[0], x[1], x[2], x[3])
    }
    #[inline(always)]
    pub fn splat(x: f32) -> Quad {
        f32x4_splat(x)
    }
    #[inline(always)]
    pub fn add_product(sum: Quad, a: Quad, b: Quad) -> Quad {
        f32x4_add(sum, f32x4_mul(a, b))
    }
    #[inline(always)]
    pub fn lanes(a: Quad) -> [f32; 4] {
        [
            f32x4_extract_lane::<0>(a),
            f32x4_extract_lane::<1>(a),
            f32x4_extract_lane::<2>(a),
            f32x4_extract_lane::<3>(a),
        ]
    }
}

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
mod imp {
    pub type Quad = [f32; 4];

    #[inline(always)]
    pub fn load(x: &[f32; 4]) -> Quad {
        *x
    }
    #[inline(always)]
    pub fn splat(x: f32) -> Quad {
        [x; 4]
    }
    #[inline(always)]
    pub fn add_product(sum: Quad, a: Quad, b: Quad) -> Quad {
        core::array::from_fn(|i| sum[i] + a[i] * b[i])
    }
    #[inline(always)]
    pub fn lanes(a: Quad) -> [f32; 4] {
        a
    }
}

/// Four f32s operated on together.
#[derive(Clone, Copy, Debug)]
pub(super) struct F32x4(imp::Quad);

impl F32x4 {
    /// The first four numbers of `values`.
    #[inline(always)]
    pub fn load(values: &[f32]) -> F32x4 {
        F32x4(imp::load(values[..4].try_into().expect("four numbers")))
    }

    #[inline(always)]
    pub fn splat(x: f32) -> F32x4 {
        F32x4(imp::splat(x))
    }

    /// `self + a·b` lane by lane.
    #[inline(always)]
    pub fn add_product(self, a: F32x4, b: F32x4) -> F32x4 {
        F32x4(imp::add_product(self.0, a.0, b.0))
    }

    /// The sum of the four lanes.
    #[inline(always)]
    pub fn total(self) -> f32 {
        let [a, b, c, d] = imp::lanes(self.0);
        (a + b) + (c + d)
    }

    /// Writes the four lanes to the first four numbers of `to`.
    #[inline(always)]
    pub fn store(self, to: &mut [f32]) {
        to[..4].copy_from_slice(&imp::lanes(self.0));
    }
}
