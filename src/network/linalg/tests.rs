//! The products against the plain loops they replace, bit for bit.

use super::*;

/// Numbers with varied exponents and signs (and some zeros), so a change
/// in the order of additions would show in the bits.
fn numbers(n: usize, seed: u64) -> Vec<f64> {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..n)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let mantissa = (state >> 11) as f64 / (1u64 << 53) as f64 - 0.5;
            match state % 11 {
                0 => 0.0,
                1 => -0.0,
                e => mantissa * f64::powi(10.0, e as i32 - 5),
            }
        })
        .collect()
}

fn bits(values: &[f64]) -> Vec<u64> {
    values.iter().map(|v| v.to_bits()).collect()
}

const SHAPES: [(usize, usize, usize); 9] = [
    (1, 1, 1),
    (7, 2, 3),
    (10, 2, 4),
    (10, 8, 8),
    (3, 13, 21),
    (10, 64, 64),
    (11, 9, 17),
    // One output column (a regression's output layer), whose rows the kernel
    // takes eight, then two, at a time.
    (10, 8, 1),
    (10, 64, 1),
];

#[test]
fn affine_adds_each_product_in_order_as_the_plain_loop_does() {
    for (seed, (rows, fan_in, columns)) in SHAPES.into_iter().enumerate() {
        let seed = seed as u64;
        let a = numbers(rows * fan_in, seed);
        let w = numbers(fan_in * columns, seed + 100);
        let b = numbers(columns, seed + 200);
        let mut z = vec![f64::NAN; rows * columns];
        affine(&a, &w, &b, fan_in, &mut z);
        let mut expected = vec![0.0; rows * columns];
        for i in 0..rows {
            for j in 0..columns {
                let mut sum = b[j];
                for k in 0..fan_in {
                    sum += a[i * fan_in + k] * w[k * columns + j];
                }
                expected[i * columns + j] = sum;
            }
        }
        assert_eq!(bits(&z), bits(&expected), "{rows}×{fan_in}×{columns}");
    }
}

#[test]
fn weight_gradient_sums_rows_in_order_then_divides() {
    for (seed, (rows, fan_in, columns)) in SHAPES.into_iter().enumerate() {
        let seed = seed as u64;
        let a = numbers(rows * fan_in, seed + 300);
        let delta = numbers(rows * columns, seed + 400);
        let (mut dw, mut db) = (vec![f64::NAN; fan_in * columns], vec![f64::NAN; columns]);
        weight_gradient(&a, &delta, fan_in, &mut dw, &mut db);
        let n = rows as f64;
        for j in 0..columns {
            for k in 0..fan_in {
                let mut sum = 0.0;
                for i in 0..rows {
                    sum += a[i * fan_in + k] * delta[i * columns + j];
                }
                assert_eq!(dw[k * columns + j].to_bits(), (sum / n).to_bits());
            }
            let sum: f64 = (0..rows).fold(0.0, |s, i| s + delta[i * columns + j]);
            assert_eq!(db[j].to_bits(), (sum / n).to_bits());
        }
    }
}

#[test]
fn times_transpose_is_the_iterator_sum_of_each_dot_product() {
    for (seed, (rows, fan_in, columns)) in SHAPES.into_iter().enumerate() {
        let seed = seed as u64;
        let delta = numbers(rows * columns, seed + 500);
        let w = numbers(fan_in * columns, seed + 600);
        let mut scratch = vec![0.0; rows * columns];
        let mut g = vec![f64::NAN; rows * fan_in];
        times_transpose(&delta, &w, columns, &mut scratch, &mut g);
        for i in 0..rows {
            for k in 0..fan_in {
                let d = &delta[i * columns..(i + 1) * columns];
                let w_row = &w[k * columns..(k + 1) * columns];
                let sum: f64 = d.iter().zip(w_row).map(|(d, w)| d * w).sum();
                assert_eq!(g[i * fan_in + k].to_bits(), sum.to_bits());
            }
        }
    }
}
