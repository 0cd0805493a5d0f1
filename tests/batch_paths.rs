#![cfg(not(target_arch = "wasm32"))]
//! The fast paths compute what the plain definitions do: batch activations
//! give the bits of `f` and `f'` one number at a time, the backward pass's
//! derivative from the output equals `f'(x)`, and the branch-free tanh stays
//! within 3 units in the last place of the platform's.

use nnplay::activation::{tanh, Activation};

fn elementwise() -> [Activation; 10] {
    [
        Activation::Identity,
        Activation::Sigmoid,
        Activation::Tanh,
        Activation::Relu,
        Activation::LeakyRelu { alpha: 0.1 },
        Activation::Prelu { slope: -0.5 },
        Activation::Elu { alpha: 1.0 },
        Activation::Elu { alpha: 0.3 },
        Activation::Swish,
        Activation::Gelu,
    ]
}

/// Inputs across every regime: zeros of both signs, tiny, ordinary, saturating, huge.
fn inputs() -> Vec<f64> {
    let mut xs = vec![
        0.0, -0.0, 1e-300, -1e-300, 19.0, 19.1, -19.1, 25.0, -800.0, 1e300,
    ];
    xs.extend((0..4001).map(|i| (i as f64 - 2000.0) / 97.0));
    xs
}

fn bits(values: &[f64]) -> Vec<u64> {
    values.iter().map(|v| v.to_bits()).collect()
}

#[test]
fn batch_activations_give_the_bits_of_the_scalar_functions() {
    let xs = inputs();
    let g: Vec<f64> = xs.iter().map(|x| 0.75 - x / 13.0).collect();
    for f in elementwise() {
        let (mut ys, mut dys, mut delta) = (
            vec![0.0; xs.len()],
            vec![0.0; xs.len()],
            vec![0.0; xs.len()],
        );
        f.apply(&xs, &mut ys);
        f.apply_derivative(&xs, &mut dys);
        assert_eq!(
            bits(&ys),
            bits(&xs.iter().map(|&x| f.f(x)).collect::<Vec<_>>()),
            "{f:?}"
        );
        assert_eq!(
            bits(&dys),
            bits(&xs.iter().map(|&x| f.df(x)).collect::<Vec<_>>()),
            "{f:?}"
        );
        f.backward(&xs, &ys, &g, &mut delta);
        let expected: Vec<f64> = xs.iter().zip(&g).map(|(&x, &g)| g * f.df(x)).collect();
        assert_eq!(bits(&delta), bits(&expected), "backward of {f:?}");
    }
}

/// Distance in units in the last place between two finite numbers of one sign.
fn ulps(a: f64, b: f64) -> u64 {
    (a.to_bits() as i64 - b.to_bits() as i64).unsigned_abs()
}

#[test]
fn tanh_is_within_3_ulps_of_the_platform_tanh() {
    let dense = (0..400_001).map(|i| (i as f64 - 200_000.0) / 8_000.0);
    let tiny = (0..3_000).map(|i| 10f64.powf(-300.0 + 0.1 * i as f64));
    let mut worst = (0, 0.0);
    for x in dense.chain(tiny.clone()).chain(tiny.map(|x| -x)) {
        let distance = ulps(tanh(x), x.tanh());
        if distance > worst.0 {
            worst = (distance, x);
        }
    }
    assert!(worst.0 <= 3, "tanh({}) is {} ulps off", worst.1, worst.0);
}

#[test]
fn tanh_is_odd_bounded_and_exact_at_the_ends() {
    for x in inputs() {
        assert_eq!(tanh(-x).to_bits(), (-tanh(x)).to_bits(), "odd at {x}");
        assert!(tanh(x).abs() <= 1.0, "|tanh({x})| ≤ 1");
    }
    assert!(tanh(-0.0).is_sign_negative() && tanh(0.0) == 0.0);
    assert_eq!((tanh(f64::INFINITY), tanh(f64::NEG_INFINITY)), (1.0, -1.0));
    assert_eq!((tanh(19.1), tanh(1e300)), (1.0, 1.0));
    assert!(
        tanh(f64::NAN).is_nan(),
        "NaN stays NaN, so divergence shows"
    );
    assert_eq!(tanh(1e-300), 1e-300);
}
