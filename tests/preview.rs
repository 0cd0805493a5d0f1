#![cfg(not(target_arch = "wasm32"))]
//! The f32 pass that paints the heatmap and thumbnails agrees with the f64
//! network to well within what a colour can show.

use nnplay::network::fast::preview::Preview;
use nnplay::network::Network;

/// A network of two hidden layers of `hidden` (with its param) and an output of `output`.
fn network(hidden: &str, output: &str, weight_scale: f64) -> Network {
    let json = format!(
        r#"{{"inputs":2,"seed":7,"layers":[{{"units":9,{hidden}}},{{"units":6,{hidden}}},{{"units":3,{output}}}]}}"#
    );
    let mut network = Network::from_json(&json).unwrap();
    let scaled: Vec<f64> = network.params().iter().map(|p| p * weight_scale).collect();
    network.set_params(&scaled).unwrap();
    network
}

/// Points across and beyond the input plane (rows × 2), an odd number of rows.
fn points() -> Vec<f64> {
    (0..2 * 301)
        .map(|i| 9.0 * (i as f64 * 0.731).sin())
        .collect()
}

/// Per layer, the largest |f32 − f64| over its outputs for `xs`, and the
/// largest |output| (at least 1).
fn gaps(network: &mut Network, xs: &[f64]) -> Vec<(f64, f64)> {
    let mut preview = Preview::default();
    preview.forward(network, xs);
    network.predict(xs).unwrap();
    let workspace = network.workspace();
    (0..network.layers().len())
        .map(|l| {
            let (exact, fast) = (workspace.a(l), preview.a(l));
            assert_eq!(fast.len(), exact.len(), "layer {l} has every row");
            let pairs = exact.iter().zip(fast);
            let gap = pairs
                .map(|(e, &f)| (e - f64::from(f)).abs())
                .fold(0.0, f64::max);
            (gap, exact.iter().fold(1.0, |m: f64, v| m.max(v.abs())))
        })
        .collect()
}

#[test]
fn every_layer_kind_agrees_with_the_f64_pass() {
    let hidden = [
        r#""activation":"tanh""#,
        r#""activation":"sigmoid""#,
        r#""activation":"relu""#,
        r#""activation":"identity""#,
        r#""activation":"leaky_relu","param":0.1"#,
        r#""activation":"elu","param":1.5"#,
        r#""activation":"prelu""#,
        r#""activation":"maxout","pieces":3"#,
        r#""activation":"swish""#,
        r#""activation":"gelu""#,
    ];
    for kind in hidden {
        for output in [r#""activation":"softmax""#, r#""activation":"identity""#] {
            for scale in [1.0, 8.0] {
                let mut net = network(kind, output, scale);
                let gaps = gaps(&mut net, &points());
                let (last, hidden) = gaps.split_last().unwrap();
                // Unbounded layers reach |a| ~ 10⁴ with large weights: f32's
                // error is relative there.
                for (l, &(gap, size)) in hidden.iter().enumerate() {
                    assert!(
                        gap <= 1e-5 * size,
                        "{kind} at ×{scale}, layer {l}: gap {gap:e} (size {size})"
                    );
                }
                // A probability or value within a quarter of one colour step (1/255).
                let (gap, size) = *last;
                assert!(
                    gap <= 1e-3 * size,
                    "{kind} → {output} at ×{scale}: gap {gap:e} (size {size})"
                );
            }
        }
    }
}

#[test]
fn saturated_and_extreme_inputs_stay_finite_and_exact_at_the_ends() {
    // Weights of ×50 drive tanh, sigmoid and softmax far into saturation.
    for kind in [r#""activation":"tanh""#, r#""activation":"sigmoid""#] {
        let net = network(kind, r#""activation":"softmax""#, 50.0);
        let mut preview = Preview::default();
        preview.forward(&net, &points());
        let outputs = preview.outputs();
        assert!(outputs
            .iter()
            .all(|p| p.is_finite() && (0.0..=1.0).contains(p)));
        for row in outputs.chunks_exact(3) {
            assert!(
                (row.iter().sum::<f32>() - 1.0).abs() < 1e-5,
                "{row:?} sums to 1"
            );
        }
        for l in 0..2 {
            let a = preview.a(l);
            let (low, high) = if kind.contains("tanh") {
                (-1.0, 1.0)
            } else {
                (0.0, 1.0)
            };
            assert!(
                a.iter().all(|v| (low..=high).contains(v)),
                "{kind} stays within its range"
            );
        }
    }
}

#[test]
fn buffers_follow_the_rows_asked_for() {
    let net = network(r#""activation":"tanh""#, r#""activation":"softmax""#, 1.0);
    let mut preview = Preview::default();
    preview.forward(&net, &points());
    assert_eq!(preview.outputs().len(), 301 * 3);
    preview.forward(&net, &points()[..2 * 5]);
    assert_eq!(
        preview.outputs().len(),
        5 * 3,
        "fewer rows, shorter outputs"
    );
    assert_eq!(preview.a(0).len(), 5 * 9);
}

#[test]
fn narrow_outputs_of_wide_layers_agree_with_the_f64_pass() {
    // 37 units feed one to three outputs: their sums take four terms at a
    // time, with a remainder of one (and 7 columns: a tile of four, three left).
    for (width, outputs, activation) in [
        (37, 1, "identity"),
        (37, 2, "softmax"),
        (37, 3, "softmax"),
        (8, 2, "identity"),
        (18, 7, "identity"),
    ] {
        let json = format!(
            r#"{{"inputs":2,"seed":3,"layers":[{{"units":{width},"activation":"tanh"}},{{"units":{outputs},"activation":"{activation}"}}]}}"#
        );
        let mut net = Network::from_json(&json).unwrap();
        let gaps = gaps(&mut net, &points());
        let (gap, size) = *gaps.last().unwrap();
        assert!(
            gap <= 1e-5 * size,
            "{width} → {outputs} ({activation}): gap {gap:e} (size {size})"
        );
    }
}
