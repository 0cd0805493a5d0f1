//! The shape of each dataset: one point of a given class (or one regression
//! sample), drawn from the seeded generator. Points lie in roughly [−6, 6]².

use std::f64::consts::{PI, SQRT_2, TAU};

use rand::Rng;
use rand_pcg::Pcg64Mcg;

use super::kind::DatasetKind;

/// One sample: the point and, for regression, its target value.
pub(super) struct Sample {
    pub point: [f64; 2],
    pub value: f64,
}

/// A point of `class` (ignored for regression) with `noise` in 0 … 0.5.
pub(super) fn sample(kind: DatasetKind, class: usize, noise: f64, rng: &mut Pcg64Mcg) -> Sample {
    let classified = |point| Sample { point, value: 0.0 };
    match kind {
        DatasetKind::Circle => classified(circle(class, noise, rng)),
        DatasetKind::Xor => classified(xor(class, noise, rng)),
        DatasetKind::Gaussians => classified(blob(
            class_centre(class, 2, 2.0 * SQRT_2),
            gaussians_spread(noise),
            rng,
        )),
        DatasetKind::Spiral => classified(spiral(class, 2, noise, rng)),
        DatasetKind::Moons => classified(moons(class, noise, rng)),
        DatasetKind::Blobs3 => {
            classified(blob(class_centre(class, 3, 3.5), blobs3_spread(noise), rng))
        }
        DatasetKind::Spiral3 => classified(spiral(class, 3, noise, rng)),
        DatasetKind::Plane => plane(noise, rng),
        DatasetKind::GaussianRegression => gaussian_regression(noise, rng),
        // Never asked for: `generate` turns custom data away first.
        DatasetKind::Custom => classified([0.0, 0.0]),
    }
}

/// Class 0 inside radius 2.5, class 1 in the ring 3.5 … 5; jitter σ = 2·noise.
fn circle(class: usize, noise: f64, rng: &mut Pcg64Mcg) -> [f64; 2] {
    let radius = if class == 0 {
        uniform(rng, 0.0, 2.5)
    } else {
        uniform(rng, 3.5, 5.0)
    };
    let angle = uniform(rng, 0.0, TAU);
    jitter(
        [radius * libm::cos(angle), radius * libm::sin(angle)],
        2.0 * noise,
        rng,
    )
}

/// Class 0 in quadrants where x·y > 0, class 1 where x·y < 0; kept 0.3 off
/// the axes; jitter σ = 2·noise.
fn xor(class: usize, noise: f64, rng: &mut Pcg64Mcg) -> [f64; 2] {
    let sign_x = if rng.random::<bool>() { 1.0 } else { -1.0 };
    let sign_y = if class == 0 { sign_x } else { -sign_x };
    let point = [
        sign_x * uniform(rng, 0.3, 5.0),
        sign_y * uniform(rng, 0.3, 5.0),
    ];
    jitter(point, 2.0 * noise, rng)
}

/// Centre of `class` among `classes` evenly spaced on a circle of `radius`
/// (for two classes: (2, 2) and (−2, −2) when the radius is 2√2).
fn class_centre(class: usize, classes: usize, radius: f64) -> [f64; 2] {
    let angle = PI / 4.0 + TAU * class as f64 / classes as f64;
    [radius * libm::cos(angle), radius * libm::sin(angle)]
}

/// σ of the two Gaussians: √(0.5 + 7·noise), as TensorFlow Playground scales it.
fn gaussians_spread(noise: f64) -> f64 {
    libm::sqrt(0.5 + 7.0 * noise)
}

/// σ of the three blobs: √(0.3 + 4·noise).
fn blobs3_spread(noise: f64) -> f64 {
    libm::sqrt(0.3 + 4.0 * noise)
}

fn blob(centre: [f64; 2], sigma: f64, rng: &mut Pcg64Mcg) -> [f64; 2] {
    jitter(centre, sigma, rng)
}

/// Arm `class` of `arms` spiral arms: radius up to 5.5, 1.75 turns for two arms
/// and 0.65 for three; the angle jitters by σ = 0.4·noise radians and the point
/// by σ = noise.
fn spiral(class: usize, arms: usize, noise: f64, rng: &mut Pcg64Mcg) -> [f64; 2] {
    let turns = if arms == 2 { 1.75 } else { 0.65 };
    let t = uniform(rng, 0.0, 1.0);
    let radius = 5.5 * t;
    let angle = TAU * (turns * t + class as f64 / arms as f64) + 0.4 * noise * normal(rng);
    jitter(
        [radius * libm::sin(angle), radius * libm::cos(angle)],
        noise,
        rng,
    )
}

/// scikit-learn's two moons, scaled by 4 about their centre; jitter σ = 2.4·noise.
fn moons(class: usize, noise: f64, rng: &mut Pcg64Mcg) -> [f64; 2] {
    let t = uniform(rng, 0.0, PI);
    let (x, y) = if class == 0 {
        (libm::cos(t), libm::sin(t))
    } else {
        (1.0 - libm::cos(t), 0.5 - libm::sin(t))
    };
    jitter([4.0 * (x - 0.5), 4.0 * (y - 0.25)], 2.4 * noise, rng)
}

/// Regression: the plane `(x + y) / 12` over [−6, 6]², targets in [−1, 1]
/// plus noise of σ = 0.5·noise.
fn plane(noise: f64, rng: &mut Pcg64Mcg) -> Sample {
    let point = [uniform(rng, -6.0, 6.0), uniform(rng, -6.0, 6.0)];
    let value = (point[0] + point[1]) / 12.0 + 0.5 * noise * normal(rng);
    Sample { point, value }
}

/// Regression: six Gaussian bumps of height ±1 (σ = 1.5) on a 3 × 2 grid,
/// alternating in sign, plus noise of σ = 0.5·noise.
fn gaussian_regression(noise: f64, rng: &mut Pcg64Mcg) -> Sample {
    const BUMPS: [(f64, f64, f64); 6] = [
        (-4.0, 2.5, 1.0),
        (0.0, 2.5, -1.0),
        (4.0, 2.5, 1.0),
        (-4.0, -2.5, -1.0),
        (0.0, -2.5, 1.0),
        (4.0, -2.5, -1.0),
    ];
    let point = [uniform(rng, -6.0, 6.0), uniform(rng, -6.0, 6.0)];
    let height: f64 = BUMPS
        .iter()
        .map(|&(cx, cy, sign)| {
            let (dx, dy) = (point[0] - cx, point[1] - cy);
            let squared = dx * dx + dy * dy;
            sign * libm::exp(-squared / (2.0 * 1.5 * 1.5))
        })
        .sum();
    let value = height + 0.5 * noise * normal(rng);
    Sample { point, value }
}

/// Uniform in [lo, hi).
fn uniform(rng: &mut Pcg64Mcg, lo: f64, hi: f64) -> f64 {
    lo + (hi - lo) * rng.random::<f64>()
}

/// A standard normal number by Box–Muller (libm, so every target agrees).
fn normal(rng: &mut Pcg64Mcg) -> f64 {
    let u1 = 1.0 - rng.random::<f64>(); // in (0, 1], so ln is finite
    let u2 = rng.random::<f64>();
    libm::sqrt(-2.0 * libm::log(u1)) * libm::cos(TAU * u2)
}

/// `point` plus independent normal noise of σ = `sigma` on each axis.
fn jitter(point: [f64; 2], sigma: f64, rng: &mut Pcg64Mcg) -> [f64; 2] {
    if sigma == 0.0 {
        return point;
    }
    [
        point[0] + sigma * normal(rng),
        point[1] + sigma * normal(rng),
    ]
}
