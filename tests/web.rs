#![cfg(target_arch = "wasm32")]
//! Wasm tests of the JS API's conversions and errors, run in headless Chromium.

use js_sys::{Array, Float64Array, Reflect};
use nnplay::web::activations::{activate, activations, derivative, softmax, time_per_evaluation};
use nnplay::web::explorer::CurveView;
use wasm_bindgen::{JsError, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn numbers(xs: &[f64]) -> JsValue {
    Float64Array::from(xs).into()
}

/// The message of the JS `Error` a failed call throws.
fn message(error: JsError) -> String {
    let value: JsValue = error.into();
    let error: js_sys::Error = value.into();
    error.message().into()
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &key.into()).unwrap()
}

/// The field names of a result object, in the order it has them.
fn keys(object: &JsValue) -> Vec<String> {
    let object: &js_sys::Object = wasm_bindgen::JsCast::dyn_ref(object).expect("an object");
    let names = js_sys::Object::keys(object);
    names.iter().map(|k| k.as_string().unwrap()).collect()
}

/// A result's numeric field, which must be a number (not `null`).
fn number(object: &JsValue, key: &str) -> f64 {
    let value = get(object, key);
    value
        .as_f64()
        .unwrap_or_else(|| panic!("{key} is not a number: {value:?}"))
}

#[wasm_bindgen_test]
fn activations_lists_every_function_with_properties() {
    let list = activations();
    let names: Vec<String> = list
        .iter()
        .map(|entry| get(&entry, "name").as_string().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "identity",
            "sigmoid",
            "tanh",
            "relu",
            "leaky_relu",
            "prelu",
            "elu",
            "swish",
            "gelu",
            "maxout",
            "softmax"
        ]
    );
    let leaky = list.get(4);
    assert_eq!(get(&leaky, "label").as_string().unwrap(), "Leaky ReLU");
    assert_eq!(get(&get(&leaky, "param"), "default").as_f64(), Some(0.01));
    assert_eq!(get(&get(&leaky, "param"), "max").as_f64(), Some(1.0));
    assert_eq!(get(&get(&leaky, "param"), "step").as_f64(), Some(0.01));
    for (i, label, color, cost) in [
        (7, "Swish (SiLU)", "#a000f0", "costly: needs exp()"),
        (8, "GELU", "#dc003c", "costly: needs erfc() and exp()"),
    ] {
        let entry = list.get(i);
        assert_eq!(get(&entry, "label").as_string().unwrap(), label);
        assert_eq!(get(&entry, "color").as_string().unwrap(), color);
        assert_eq!(get(&entry, "cost").as_string().unwrap(), cost);
        assert_eq!(get(&entry, "monotonic").as_bool(), Some(false));
        assert_eq!(get(&entry, "elementwise").as_bool(), Some(true));
        assert!(get(&entry, "param").is_undefined());
    }
    let sigmoid = list.get(1);
    assert_eq!(get(&sigmoid, "zero_centered").as_bool(), Some(false));
    assert_eq!(get(&sigmoid, "range").as_string().unwrap(), "(0, 1)");
    assert!(get(&list.get(3), "param").is_undefined());
}

#[wasm_bindgen_test]
fn activate_and_derivative_accept_typed_and_plain_arrays() {
    let xs = numbers(&[-1.0, 0.0, 2.0]);
    let relu = activate("relu".into(), xs.clone(), JsValue::UNDEFINED).unwrap();
    assert_eq!(relu, vec![0.0, 0.0, 2.0]);
    let relu_slope = derivative("relu".into(), xs.clone(), JsValue::UNDEFINED).unwrap();
    assert_eq!(relu_slope, vec![0.0, 1.0, 1.0]);
    let leaky = activate("leaky_relu".into(), xs, JsValue::from_f64(0.1)).unwrap();
    assert_eq!(leaky, vec![-0.1, 0.0, 2.0]);
    let plain: JsValue = Array::of2(&0.0.into(), &1000.0.into()).into();
    let sigmoid = activate("sigmoid".into(), plain, JsValue::UNDEFINED).unwrap();
    assert_eq!(sigmoid, vec![0.5, 1.0]);
    // Swish and GELU in wasm, against the 60-digit references of
    // tests/modern_activations.rs (the same bits as native: libm in both).
    let xs = numbers(&[-1000.0, -10.0, 1.0]);
    let swish = activate("swish".into(), xs.clone(), JsValue::UNDEFINED).unwrap();
    let gelu = activate("gelu".into(), xs.clone(), JsValue::UNDEFINED).unwrap();
    let gelu_slope = derivative("gelu".into(), xs, JsValue::UNDEFINED).unwrap();
    let close = |got: f64, want: f64| (got - want).abs() <= 1e-9 * want.abs();
    assert!(swish[0] == 0.0 && gelu[0] == 0.0 && gelu_slope[0] == 0.0);
    assert!(close(swish[1], -0.00045397868702434395) && close(swish[2], 0.7310585786300049));
    assert!(close(gelu[1], -7.619853024160526e-23) && close(gelu[2], 0.8413447460685429));
    assert!(
        close(gelu_slope[1], -7.618400096464814e-22) && close(gelu_slope[2], 1.0833154705876864)
    );
}

#[wasm_bindgen_test]
fn bad_names_parameters_and_arrays_throw_clear_errors() {
    let xs = numbers(&[1.0]);
    let unknown = message(activate("mish".into(), xs.clone(), JsValue::UNDEFINED).unwrap_err());
    assert!(
        unknown.contains("\"mish\"") && unknown.contains("accepted: identity"),
        "{unknown}"
    );
    let layer = message(activate("maxout".into(), xs.clone(), JsValue::UNDEFINED).unwrap_err());
    assert!(layer.contains("layer kind"), "{layer}");
    let not_a_string =
        message(activate(JsValue::from_f64(3.0), xs.clone(), JsValue::UNDEFINED).unwrap_err());
    assert!(
        not_a_string.contains("name must be a string, got number"),
        "{not_a_string}"
    );
    let nan_param =
        message(activate("elu".into(), xs.clone(), JsValue::from_f64(f64::NAN)).unwrap_err());
    assert!(nan_param.contains("param is NaN"), "{nan_param}");
    let bad_alpha =
        message(derivative("leaky_relu".into(), xs, JsValue::from_f64(2.0)).unwrap_err());
    assert!(bad_alpha.contains("alpha for leaky_relu"), "{bad_alpha}");
    let empty = message(activate("tanh".into(), numbers(&[]), JsValue::UNDEFINED).unwrap_err());
    assert!(empty.contains("xs is empty"), "{empty}");
    let infinite = message(
        activate(
            "tanh".into(),
            numbers(&[0.0, f64::INFINITY]),
            JsValue::UNDEFINED,
        )
        .unwrap_err(),
    );
    assert!(infinite.contains("xs[1] is inf"), "{infinite}");
    let wrong_type =
        message(activate("tanh".into(), JsValue::from_str("1,2"), JsValue::UNDEFINED).unwrap_err());
    assert!(
        wrong_type.contains("Float64Array or an array of numbers, got string"),
        "{wrong_type}"
    );
    let not_number: JsValue = Array::of1(&"a".into()).into();
    let item = message(activate("tanh".into(), not_number, JsValue::UNDEFINED).unwrap_err());
    assert!(item.contains("xs[0] is not a number"), "{item}");
}

#[wasm_bindgen_test]
fn softmax_converts_and_checks_its_input() {
    let p = softmax(numbers(&[1000.0, 1000.0]), JsValue::UNDEFINED).unwrap();
    assert_eq!(p, vec![0.5, 0.5]);
    let hot = softmax(numbers(&[1.0, 2.0]), JsValue::from_f64(1e6)).unwrap();
    assert!((hot[0] - 0.5).abs() < 1e-6);
    let zero_t = message(softmax(numbers(&[1.0]), JsValue::from_f64(0.0)).unwrap_err());
    assert!(
        zero_t.contains("temperature must be a finite number greater than 0"),
        "{zero_t}"
    );
    let empty = message(softmax(numbers(&[]), JsValue::UNDEFINED).unwrap_err());
    assert!(empty.contains("logits is empty"), "{empty}");
}

#[wasm_bindgen_test]
fn curve_view_reads_out_each_curve_and_checks_its_range() {
    let mut view = CurveView::new();
    view.add("sigmoid".into(), JsValue::UNDEFINED).unwrap();
    view.add_maxout(1.0, 0.0, -1.0, 0.0).unwrap();
    let pairs = |readout: Array| -> Vec<[f64; 2]> {
        let curves = readout.iter();
        let pair = |c: JsValue| {
            assert_eq!(keys(&c), ["value", "derivative"]);
            [number(&c, "value"), number(&c, "derivative")]
        };
        curves.map(pair).collect()
    };
    assert_eq!(pairs(view.readout(0.0)), [[0.5, 0.25], [0.0, 1.0]]);
    let at_minus_two = pairs(view.readout(-2.0));
    // σ(−2) and σ′(−2) from Python's math module; within an ulp or two.
    let expected = [[0.11920292202211755, 0.10499358540350652], [2.0, -1.0]];
    for (got, want) in at_minus_two.iter().flatten().zip(expected.iter().flatten()) {
        assert!((got - want).abs() < 1e-15, "{at_minus_two:?}");
    }
    let range = message(view.set_range(5.0, -5.0).unwrap_err());
    assert!(range.contains("x_min < x_max"), "{range}");
    let bad = message(view.add("softmax".into(), JsValue::UNDEFINED).unwrap_err());
    assert!(bad.contains("softmax()"), "{bad}");
    let maxout = message(view.add_maxout(f64::NAN, 0.0, 1.0, 0.0).unwrap_err());
    assert!(maxout.contains("finite"), "{maxout}");
}

#[wasm_bindgen_test]
fn timing_reports_a_positive_cost_and_rejects_bad_names() {
    let ns = time_per_evaluation("tanh".into(), JsValue::UNDEFINED, 100_000).unwrap();
    assert!(ns.is_finite() && ns >= 0.0, "{ns}");
    let bad = message(time_per_evaluation("nope".into(), JsValue::UNDEFINED, 1000).unwrap_err());
    assert!(bad.contains("unknown activation"), "{bad}");
}

mod training {
    use super::{get, keys, message, number, numbers};
    use nnplay::web::model::Model;
    use nnplay::web::playground::Playground;
    use wasm_bindgen::JsValue;
    use wasm_bindgen_test::*;

    const CONFIG: &str = r#"{"inputs": 2, "seed": 7, "layers": [{"units": 3, "activation": "relu"}, {"units": 1, "activation": "identity"}]}"#;

    #[wasm_bindgen_test]
    fn model_converts_arrays_and_maps_errors() {
        let mut model = Model::new(CONFIG.into()).unwrap();
        let params = model.params();
        assert_eq!(params.len(), 2 * 3 + 3 + 3 + 1);
        let mut zeros = vec![0.0; params.len()];
        zeros[params.len() - 1] = 0.5; // the output bias
        model.set_params(numbers(&zeros)).unwrap();
        assert_eq!(
            model.predict(numbers(&[1.0, 2.0, 3.0, 4.0])).unwrap(),
            vec![0.5, 0.5]
        );
        let loss = model.loss(numbers(&[1.0, 2.0]), numbers(&[1.5])).unwrap();
        assert_eq!(loss, 0.5, "½·(0.5 − 1.5)²");
        let short = message(model.set_params(numbers(&[1.0])).unwrap_err());
        assert!(short.contains('1') && short.contains("13"), "{short}");
        let ragged = message(model.predict(numbers(&[1.0, 2.0, 3.0])).unwrap_err());
        assert!(ragged.contains('3'), "{ragged}");
        let epochs = message(
            model
                .fit(numbers(&[1.0, 2.0]), numbers(&[1.0]), 0.1, 1.0, 0.5)
                .unwrap_err(),
        );
        assert!(epochs.contains("epochs must be a whole number"), "{epochs}");
        let not_json = message(Model::new("{".into()).err().unwrap());
        assert!(!not_json.is_empty());
        let not_string = message(Model::new(JsValue::from_f64(1.0)).err().unwrap());
        assert!(not_string.contains("must be a string"), "{not_string}");
    }

    fn playground(
        dataset: &str,
        activation: &str,
        learning_rate: f64,
    ) -> Result<Playground, String> {
        Playground::from_link(wasm_bindgen::JsValue::from(format!(
            "data={dataset}&layers=4:{activation},2:{activation}&lr={learning_rate}"
        )))
        .map_err(message)
    }

    #[wasm_bindgen_test]
    fn playground_runs_reports_and_resets() {
        let mut run = playground("xor", "tanh", 0.03).unwrap();
        let start = run.status();
        assert_eq!(
            keys(&start),
            [
                "step",
                "epoch",
                "train_loss",
                "test_loss",
                "train_accuracy",
                "test_accuracy",
                "diverged_at",
                "train_size",
                "warning",
                "warning_text"
            ]
        );
        assert_eq!(number(&start, "step"), 0.0);
        assert_eq!(number(&start, "epoch"), 0.0);
        assert!(get(&start, "diverged_at").is_null(), "not diverged");
        assert!(get(&start, "warning").is_null(), "no warning");
        assert!(get(&start, "warning_text").is_null(), "no warning");
        assert_eq!(
            number(&start, "train_size"),
            250.0,
            "half of 500 points train"
        );
        let loss = number(&start, "train_loss");
        assert!(loss > 0.0 && loss.is_finite(), "{loss}");
        for accuracy in ["train_accuracy", "test_accuracy"] {
            let fraction = number(&start, accuracy);
            assert!((0.0..=1.0).contains(&fraction), "{accuracy} {fraction}");
        }
        run.run(250).unwrap();
        let later = run.status();
        assert_eq!(number(&later, "step"), 250.0);
        assert_eq!(
            number(&later, "epoch"),
            10.0,
            "250 steps of batches of 10 over 250 points"
        );
        assert_ne!(
            number(&later, "train_loss"),
            loss,
            "training moved the loss"
        );
        run.reset();
        assert_eq!(
            number(&run.status(), "train_loss").to_bits(),
            loss.to_bits()
        );
        assert!(run.is_classifier());
        // Regression has no accuracy: null, not NaN.
        let plane = Playground::from_link(JsValue::from("data=plane")).unwrap();
        let status = plane.status();
        assert!(get(&status, "train_accuracy").is_null());
        assert!(get(&status, "test_accuracy").is_null());
        assert!(number(&status, "test_loss").is_finite());
    }

    #[wasm_bindgen_test]
    fn playground_names_bad_settings_and_divergence() {
        let dataset = playground("mnist", "tanh", 0.03).err().unwrap();
        assert!(
            dataset.contains("mnist") && dataset.contains("circle"),
            "{dataset}"
        );
        let activation = playground("xor", "mish", 0.03).err().unwrap();
        assert!(
            activation.contains("mish") && activation.contains("relu"),
            "{activation}"
        );
        let lr = playground("xor", "tanh", 100.0).err().unwrap();
        assert_eq!(lr, "lr accepts a number from 0.00001 to 10; got \"100\"");
        let mut wild = playground("plane", "sigmoid", 10.0).unwrap();
        let diverged = message(wild.run(10_000).unwrap_err());
        assert!(
            diverged.starts_with("diverged at step ")
                && diverged.ends_with(" — lower the learning rate"),
            "{diverged}"
        );
        let at = number(&wild.status(), "diverged_at");
        assert_eq!(
            diverged,
            format!("diverged at step {at} — lower the learning rate")
        );
        assert_eq!(
            number(&wild.status(), "step"),
            at - 1.0,
            "the diverging step did not count"
        );
        // The notice names the status line's step, the last one done.
        let text = get(&wild.status(), "warning_text").as_string().unwrap();
        assert!(
            text.starts_with(&format!("diverged after step {}:", at - 1.0)),
            "{text}"
        );
        // A wrong call still throws a named Error, and the status still reads.
        let again = message(wild.run(1).unwrap_err());
        assert!(again.starts_with("diverged at step"), "{again}");
        assert_eq!(keys(&wild.status()).len(), 10);
    }
}

mod named_results {
    use super::{get, keys, number};
    use nnplay::web::custom_points::{heatmap_pixel, heatmap_point};
    use nnplay::web::playground::Playground;
    use wasm_bindgen::JsValue;
    use wasm_bindgen_test::*;

    #[wasm_bindgen_test]
    fn metrics_give_the_confusion_matrix_or_r_squared_by_name() {
        let mut run = Playground::from_link(JsValue::from("data=blobs3&layers=6:relu")).unwrap();
        run.run(100).unwrap();
        let metrics = run.metrics();
        assert_eq!(keys(&metrics), ["classes", "r_squared", "confusion"]);
        assert_eq!(number(&metrics, "classes"), 3.0);
        assert!(get(&metrics, "r_squared").is_null(), "no R² for classes");
        let confusion = js_sys::Uint32Array::from(get(&metrics, "confusion")).to_vec();
        assert_eq!(confusion.len(), 9, "3 × 3");
        let total: u32 = confusion.iter().sum();
        assert_eq!(total, run.test_size(), "every test point counted once");
        let mut plane = Playground::from_link(JsValue::from("data=plane&layers=4:tanh")).unwrap();
        plane.run(200).unwrap();
        let metrics = plane.metrics();
        assert_eq!(number(&metrics, "classes"), 0.0, "regression");
        let r2 = number(&metrics, "r_squared");
        assert!(r2 <= 1.0 && r2.is_finite(), "{r2}");
        let confusion = js_sys::Uint32Array::from(get(&metrics, "confusion"));
        assert_eq!(confusion.length(), 0, "no matrix for regression");
    }

    #[wasm_bindgen_test]
    fn heatmap_points_and_pixels_are_named_and_inverse() {
        let corner = heatmap_point(0.0, 0.0, 100, 100);
        assert_eq!(keys(&corner), ["x1", "x2"]);
        assert_eq!(
            [number(&corner, "x1"), number(&corner, "x2")],
            [-6.0, 6.0],
            "the top left corner"
        );
        let point = heatmap_point(25.0, 75.0, 100, 100);
        assert_eq!([number(&point, "x1"), number(&point, "x2")], [-3.0, -3.0]);
        let pixel = heatmap_pixel(-3.0, -3.0, 100, 100);
        assert_eq!(keys(&pixel), ["px", "py"]);
        assert_eq!([number(&pixel, "px"), number(&pixel, "py")], [25.0, 75.0]);
        let outside = heatmap_point(f64::NAN, 1e9, 100, 100);
        assert_eq!(
            [number(&outside, "x1"), number(&outside, "x2")],
            [0.0, -6.0],
            "a pixel off the map lands on it, never NaN"
        );
    }
}

mod links {
    use super::get;
    use js_sys::Array;
    use nnplay::web::link::{read_link, write_link};
    use wasm_bindgen_test::*;

    #[wasm_bindgen_test]
    fn read_link_gives_the_controls_values_and_names_bad_keys() {
        let read = read_link(wasm_bindgen::JsValue::from(
            "#data=xor&noise=15&layers=4:leaky_relu:0.1,2&lr=abc",
        ))
        .unwrap();
        let state = get(&read, "state");
        assert_eq!(get(&state, "data").as_string().unwrap(), "xor");
        assert_eq!(get(&state, "noise").as_f64(), Some(15.0), "in percent");
        let layers: Array = get(&state, "layers").into();
        assert_eq!(layers.length(), 2);
        assert_eq!(get(&layers.get(0), "units").as_f64(), Some(4.0));
        assert_eq!(get(&layers.get(0), "param").as_f64(), Some(0.1));
        assert_eq!(
            get(&layers.get(1), "activation").as_string().unwrap(),
            "tanh"
        );
        assert!(get(&layers.get(1), "param").is_null());
        assert_eq!(get(&state, "lr").as_f64(), Some(0.03), "the default");
        assert!(get(&state, "embed").is_null());
        let problems: Array = get(&read, "problems").into();
        assert_eq!(problems.length(), 1);
        assert_eq!(get(&problems.get(0), "key").as_string().unwrap(), "lr");
        let message = get(&problems.get(0), "message").as_string().unwrap();
        assert!(message.contains("0.00001 to 10"), "{message}");
    }

    #[wasm_bindgen_test]
    fn write_link_gives_the_canonical_fragment() {
        assert_eq!(
            write_link(wasm_bindgen::JsValue::from("lr=0.1&data=xor&seed=1")).unwrap(),
            "data=xor&lr=0.1"
        );
        assert_eq!(
            write_link(wasm_bindgen::JsValue::from("lr=abc")).unwrap(),
            ""
        );
    }
}

mod stages {
    use super::{get, keys, message, number};
    use nnplay::web::playground::Playground;
    use wasm_bindgen_test::*;

    #[wasm_bindgen_test]
    fn stage_methods_run_in_order_and_name_the_stage_due() {
        let mut run =
            Playground::from_link(wasm_bindgen::JsValue::from("layers=4:relu,3:tanh")).unwrap();
        assert_eq!(run.next_stage(), "Sample batch");
        let early = message(run.forward().unwrap_err());
        assert!(early.contains("the next stage is Sample batch"), "{early}");
        run.sample_batch().unwrap();
        run.forward().unwrap();
        run.backward().unwrap();
        assert_eq!(
            number(&run.status(), "step"),
            0.0,
            "the counter waits for Update"
        );
        run.update().unwrap();
        assert_eq!(number(&run.status(), "step"), 1.0);
        let view = run.stage_view();
        let at = |value: &wasm_bindgen::JsValue, key: &str| {
            js_sys::Reflect::get(value, &key.into()).unwrap()
        };
        let index =
            |value: &wasm_bindgen::JsValue, i: u32| js_sys::Reflect::get_u32(value, i).unwrap();
        assert_eq!(at(&view, "current").as_string().unwrap(), "Update");
        assert_eq!(number(&view, "step"), 1.0, "an object, not JSON text");
        assert!(get(&view, "diverged").is_null(), "not diverged");
        let forward = index(&at(&view, "stages"), 1);
        let first = index(&at(&forward, "equations"), 0);
        assert_eq!(at(&first, "text").as_string().unwrap(), "z1 = x·W1 + b1");
        assert_eq!(
            run.diagnostic_labels(),
            ["layer 1 · relu", "layer 2 · tanh", "output · softmax"]
        );
    }

    #[wasm_bindgen_test]
    fn diagnostics_name_each_layers_measurements() {
        let mut run =
            Playground::from_link(wasm_bindgen::JsValue::from("layers=4:relu,3:tanh")).unwrap();
        run.run(20).unwrap();
        let layers = run.diagnostics();
        assert_eq!(layers.length(), 3, "one object per layer, the output last");
        let (relu, tanh, output) = (layers.get(0), layers.get(1), layers.get(2));
        for layer in [&relu, &tanh, &output] {
            assert_eq!(
                keys(layer),
                [
                    "gradient",
                    "dead",
                    "units",
                    "saturated",
                    "a_mean",
                    "a_spread",
                    "z_min",
                    "z_max"
                ]
            );
            assert!(number(layer, "gradient") > 0.0);
            assert!(number(layer, "z_min") <= number(layer, "z_max"));
            assert!(number(layer, "a_spread") >= 0.0);
        }
        assert_eq!(
            [&relu, &tanh, &output].map(|l| number(l, "units")),
            [4.0, 3.0, 2.0]
        );
        let dead = number(&relu, "dead");
        assert!(dead.fract() == 0.0 && (0.0..=4.0).contains(&dead), "{dead}");
        assert!(
            get(&output, "dead").is_null(),
            "the output layer has no dead units"
        );
        assert!(
            get(&relu, "saturated").is_null(),
            "only sigmoid and tanh saturate"
        );
        let saturated = number(&tanh, "saturated");
        assert!((0.0..=1.0).contains(&saturated), "{saturated}");
        let mean = number(&tanh, "a_mean");
        assert!(mean.abs() < 1.0, "tanh's a lies in (−1, 1): {mean}");
        // A wrong call names what is wrong; the diagnostics still read after it.
        let early = message(run.forward().unwrap_err());
        assert!(early.contains("the next stage is Sample batch"), "{early}");
        assert_eq!(run.diagnostics().length(), 3);
    }

    /// The stage on the network drawing: nothing until a stage button runs,
    /// then the chosen example's values per column and, after Backward, a
    /// dL/dW per link; wrong arguments throw naming the argument and range.
    #[wasm_bindgen_test]
    fn the_network_stage_follows_the_stage_buttons_and_refuses_bad_arguments() {
        use js_sys::{Array, Float64Array};
        use wasm_bindgen::JsValue;
        let mut run =
            Playground::from_link(JsValue::from("layers=4:relu,3:tanh&batch=10")).unwrap();
        assert!(run.network_stage().is_null(), "no stage has run");
        run.sample_batch().unwrap();
        run.forward().unwrap();
        run.set_network_stage(JsValue::from(9), JsValue::from(1))
            .unwrap();
        let shown = run.network_stage();
        assert_eq!(get(&shown, "stage").as_string().unwrap(), "Forward");
        assert_eq!(
            [number(&shown, "example"), number(&shown, "rows")],
            [9.0, 10.0]
        );
        assert_eq!(
            [number(&shown, "layers"), number(&shown, "lit")],
            [3.0, 1.0]
        );
        let columns = Array::from(&get(&shown, "columns"));
        let names: Vec<String> = columns
            .iter()
            .map(|c| get(&c, "name").as_string().unwrap())
            .collect();
        assert_eq!(names, ["x", "a1", "a2", "y_hat"]);
        let values = |c: u32| Float64Array::from(get(&columns.get(c), "values")).to_vec();
        assert_eq!(
            [2, 4, 3, 2].map(|n| n as usize),
            [0, 1, 2, 3].map(|c| values(c).len())
        );
        let y_hat = values(3);
        assert!(
            (y_hat.iter().sum::<f64>() - 1.0).abs() < 1e-12,
            "softmax: {y_hat:?}"
        );
        assert!(
            get(&shown, "link_name").is_null(),
            "Forward keeps the weights"
        );
        // The drawing draws with the stage lit, at every count of layers.
        let canvas = super::canvas::canvas().0;
        for lit in [JsValue::from(0), JsValue::from(3), JsValue::NULL] {
            run.set_network_stage(JsValue::from(0), lit).unwrap();
            run.draw_network(canvas.clone(), 1.0, false).unwrap();
        }
        assert_eq!(number(&run.network_stage(), "lit"), 3.0, "null lights all");
        run.backward().unwrap();
        let shown = run.network_stage();
        assert_eq!(get(&shown, "link_name").as_string().unwrap(), "dL/dW");
        let links = Array::from(&get(&shown, "links"));
        let sizes: Vec<u32> = links
            .iter()
            .map(|l| Float64Array::from(l).length())
            .collect();
        assert_eq!(sizes, [2 * 4, 4 * 3, 3 * 2]);
        run.draw_network(canvas.clone(), 2.0, true).unwrap();
        for (example, lit, says) in [
            (
                JsValue::from(10),
                JsValue::NULL,
                "example must be a whole number from 0 to 9, got 10",
            ),
            (
                JsValue::from(-1),
                JsValue::NULL,
                "example must be a whole number from 0 to 9, got -1",
            ),
            (
                JsValue::from(1.5),
                JsValue::NULL,
                "example must be a whole number from 0 to 9, got 1.5",
            ),
            (
                JsValue::from("2"),
                JsValue::NULL,
                "example must be a whole number from 0 to 9, got string",
            ),
            (
                JsValue::UNDEFINED,
                JsValue::NULL,
                "example must be a whole number from 0 to 9, got undefined",
            ),
            (
                JsValue::from(0),
                JsValue::from(4),
                "lit must be a whole number from 0 to 3, got 4",
            ),
            (
                JsValue::from(0),
                JsValue::from(f64::NAN),
                "lit must be a whole number from 0 to 3, got NaN",
            ),
            (
                JsValue::from(0),
                JsValue::from(true),
                "lit must be a whole number from 0 to 3, got boolean",
            ),
        ] {
            let error = message(run.set_network_stage(example, lit).unwrap_err());
            assert_eq!(error, says);
        }
        assert_eq!(
            number(&run.network_stage(), "example"),
            0.0,
            "an error changes nothing"
        );
        run.update().unwrap();
        assert_eq!(
            get(&run.network_stage(), "link_name").as_string().unwrap(),
            "ΔW"
        );
        run.run(1).unwrap();
        assert!(run.network_stage().is_null(), "a whole step clears it");
    }
}

mod keeping {
    use super::{get, keys, message, number, numbers};
    use nnplay::web::playground::Playground;
    use wasm_bindgen_test::*;

    #[wasm_bindgen_test]
    fn a_network_file_loads_back_exactly_and_a_bad_one_is_named() {
        let mut run = Playground::from_link(wasm_bindgen::JsValue::from(
            "data=xor&layers=5:elu,3:maxout:3&lr=0.1",
        ))
        .unwrap();
        run.run(200).unwrap();
        let xs = [0.5, -1.0, 2.0, 3.0, -4.0, 0.25];
        let bits = |ys: Vec<f64>| ys.iter().map(|y| y.to_bits()).collect::<Vec<_>>();
        let before = bits(run.predict(numbers(&xs)).unwrap());
        let mut loaded =
            Playground::import_network(wasm_bindgen::JsValue::from(run.export_network())).unwrap();
        assert_eq!(bits(loaded.predict(numbers(&xs)).unwrap()), before);
        assert_eq!(
            loaded.training_link(),
            "data=xor&layers=5:elu,3:maxout:3&lr=0.1"
        );
        assert_eq!(
            number(&loaded.status(), "step"),
            0.0,
            "the loaded weights are the run's new start"
        );
        assert_eq!(
            number(&loaded.status(), "train_loss").to_bits(),
            number(&run.status(), "train_loss").to_bits()
        );
        let rows = run.loss_csv().lines().count() - 1;
        let summary = run.loss_summary();
        assert_eq!(keys(&summary), ["records", "first", "last"]);
        assert_eq!(
            number(&summary, "records"),
            rows as f64,
            "one row per record"
        );
        let (first, last) = (get(&summary, "first"), get(&summary, "last"));
        for record in [&first, &last] {
            assert_eq!(keys(record), ["step", "train_loss", "test_loss"]);
        }
        assert_eq!(number(&first, "step"), 0.0, "the first record's step");
        assert_eq!(number(&last, "step"), 200.0, "the last record's step");
        assert_eq!(
            number(&last, "test_loss").to_bits(),
            number(&run.status(), "test_loss").to_bits(),
            "the last record is the latest"
        );
        assert_ne!(number(&first, "train_loss"), number(&last, "train_loss"));
        let not_json = message(
            Playground::import_network(wasm_bindgen::JsValue::from("{"))
                .err()
                .unwrap(),
        );
        assert!(
            not_json.starts_with("the network file is not valid JSON"),
            "{not_json}"
        );
        let not_a_file = message(
            Playground::import_network(wasm_bindgen::JsValue::from("[]"))
                .err()
                .unwrap(),
        );
        assert!(
            not_a_file.contains("not an nnplay network file"),
            "{not_a_file}"
        );
        let odd = message(run.predict(numbers(&[1.0, 2.0, 3.0])).unwrap_err());
        assert!(odd.contains('3'), "{odd}");
    }
}

mod race {
    use super::{get, keys, message, number};
    use nnplay::web::race::Race;
    use wasm_bindgen_test::*;

    /// The message of the Error `Race.from_link(fragment)` throws.
    fn refused(fragment: &str) -> String {
        message(
            Race::from_link(wasm_bindgen::JsValue::from(fragment))
                .err()
                .expect("the race is refused"),
        )
    }

    #[wasm_bindgen_test]
    fn a_race_runs_its_contestants_together_and_reports_each() {
        let mut race = Race::from_link(wasm_bindgen::JsValue::from(
            "layers=8,8&lr=0.1&race=relu,tanh,maxout:3&target=loss:0.2",
        ))
        .unwrap();
        assert_eq!(race.labels(), ["ReLU", "tanh", "Maxout (3 pieces)"]);
        assert_eq!(race.colors().len(), 3);
        race.run(200);
        assert_eq!(race.step_count(), 200.0);
        let results = race.results();
        assert_eq!(results.length(), 3, "one object per contestant");
        let first = results.get(0);
        assert_eq!(
            keys(&first),
            [
                "reached_at",
                "train_loss",
                "test_loss",
                "train_accuracy",
                "test_accuracy",
                "dead_units",
                "hidden_units",
                "diverged_at",
                "speedup"
            ]
        );
        assert_eq!(
            number(&first, "hidden_units"),
            16.0,
            "hidden units of the first"
        );
        let reached = number(&first, "reached_at");
        assert!(
            reached > 0.0 && reached <= 200.0 && reached % 10.0 == 0.0,
            "ReLU reaches test loss 0.2 by step 200, at a check: {reached}"
        );
        let loss = number(&first, "test_loss");
        assert!(loss > 0.0 && loss.is_finite(), "{loss}");
        assert!(get(&first, "diverged_at").is_null(), "nobody diverged");
        let speedup = get(&first, "speedup");
        assert_eq!(keys(&speedup), ["kind", "value"]);
        assert_eq!(
            get(&speedup, "kind").as_string().unwrap(),
            "times",
            "the first is its own reference: times …"
        );
        assert_eq!(number(&speedup, "value"), 1.0, "… one");
        for other in [results.get(1), results.get(2)] {
            let kind = get(&get(&other, "speedup"), "kind").as_string().unwrap();
            let reached = !get(&other, "reached_at").is_null();
            // The first reached the target: the others are measured or bounded above.
            let expected = if reached { "times" } else { "at_most" };
            assert_eq!(kind, expected, "{}", keys(&other).join(","));
        }
        race.start_repeat(2).unwrap();
        let mut progress = 0.0;
        while progress < 1.0 {
            let next = race.repeat_step(500).unwrap();
            assert!(next >= progress, "progress only grows");
            progress = next;
        }
        let status = race.repeat_status();
        assert_eq!(keys(&status), ["progress", "finished", "seeds", "limit"]);
        assert_eq!(
            ["progress", "finished", "seeds", "limit"].map(|k| number(&status, k)),
            [1.0, 2.0, 2.0, 10_000.0],
            "both seeds finished"
        );
        let repeats = race.repeat_results();
        assert_eq!(repeats.length(), 3, "one object per contestant");
        let relu = repeats.get(0);
        assert_eq!(
            keys(&relu),
            ["median", "fastest", "slowest", "reached", "runs", "speedup"]
        );
        assert_eq!(number(&relu, "runs"), 2.0);
        let arrived = number(&relu, "reached");
        assert!((0.0..=2.0).contains(&arrived), "{arrived}");
        if arrived == 2.0 {
            assert!(number(&relu, "fastest") <= number(&relu, "median"));
            assert!(number(&relu, "median") <= number(&relu, "slowest"));
        } else {
            assert!(get(&relu, "slowest").is_null(), "not every run arrived");
        }
        race.cancel_repeat();
        assert!(race.repeat_status().is_null(), "no repeat: null");
        assert_eq!(race.repeat_results().length(), 0);
    }

    #[wasm_bindgen_test]
    fn a_bad_race_or_target_throws_a_named_error() {
        assert!(refused("race=relu").starts_with("race accepts 2 to 4 distinct"));
        assert!(refused("target=speed:1").starts_with("target accepts loss:L"));
        assert!(refused("layers=&race=relu,tanh").contains("at least one hidden layer"));
        assert!(refused("data=plane&target=accuracy:90").contains("classification dataset"));
        let mut race = Race::from_link(wasm_bindgen::JsValue::from("race=relu,tanh")).unwrap();
        let measure = message(
            race.set_target(wasm_bindgen::JsValue::from("speed"), 1.0)
                .unwrap_err(),
        );
        assert!(measure.contains("\"loss\" or \"accuracy\""), "{measure}");
        let percent = message(
            race.set_target(wasm_bindgen::JsValue::from("accuracy"), 90.5)
                .unwrap_err(),
        );
        assert!(percent.contains("1% to 100%"), "{percent}");
        let repeat = message(race.start_repeat(21).unwrap_err());
        assert!(repeat.contains("1 to 20 seeds"), "{repeat}");
        let none = message(race.repeat_step(10).unwrap_err());
        assert!(none.contains("start_repeat"), "{none}");
    }
}

/// The fast paths (SIMD products, the branch-free tanh) give the native build's
/// bits in wasm. The expected fingerprints were printed by the same code
/// compiled natively (x86-64), so a link trains alike on both.
mod same_bits_as_native {
    use nnplay::activation::{tanh, Kind};
    use nnplay::network::{LayerConfig, Network, NetworkConfig};
    use nnplay::train::Model;
    use wasm_bindgen_test::*;

    fn fingerprint(values: &[f64]) -> u64 {
        values
            .iter()
            .fold(0, |h: u64, v| h.rotate_left(7) ^ v.to_bits())
    }

    #[wasm_bindgen_test]
    fn tanh_and_a_tanh_network_train_to_the_native_bits() {
        let xs: Vec<f64> = (0..64).map(|i| (i as f64 - 31.5) / 3.0).collect();
        let ys: Vec<f64> = xs.iter().map(|&x| tanh(x)).collect();
        assert_eq!(fingerprint(&ys), 0x16c3_71aa_596b_ed0c);
        // 61 rows in batches of 7 (a short last batch, an odd last row),
        // 9 and 5 units (every strip width of the products).
        let (mut x, mut y) = (Vec::new(), Vec::new());
        for i in 0..61 {
            let (a, b) = ((i as f64 * 0.37) % 2.0 - 1.0, (i as f64 * 0.61) % 2.0 - 1.0);
            x.extend([a, b]);
            y.push(a * b - 0.5 * a);
        }
        let layers = vec![
            LayerConfig::new(9, Kind::Tanh),
            LayerConfig::new(5, Kind::Tanh),
            LayerConfig::new(1, Kind::Identity),
        ];
        let config = NetworkConfig {
            inputs: 2,
            seed: 11,
            layers,
        };
        let mut net = Model::new(Network::new(config).unwrap());
        let loss = net.fit(&x, &y, 0.05, 7, 3).unwrap();
        assert_eq!(loss.to_bits(), 0x3fae_bf85_4696_3dc4);
        assert_eq!(fingerprint(net.network().params()), 0xd65d_0ab7_6509_b9d5);
    }
}

mod network_edits {
    use super::{get, keys, message, number};
    use nnplay::plot::network::layout;
    use nnplay::web::playground::Playground;
    use wasm_bindgen_test::*;

    #[wasm_bindgen_test]
    fn features_and_weight_edits_cross_and_bad_values_throw() {
        let mut run = Playground::from_link(wasm_bindgen::JsValue::from(
            "features=x1sq,x2sq&layers=3:tanh",
        ))
        .unwrap();
        assert_eq!(run.features(), "x1sq,x2sq");
        assert_eq!(run.feature_labels(), "x₁², x₂²");
        assert_eq!(run.network_columns(), vec![2, 3, 2]);
        let [input, bias, weight] = ["input", "bias", "weight"].map(wasm_bindgen::JsValue::from);
        let label = run.parameter_label(weight.clone(), 0, 1, 2).unwrap();
        assert_eq!(label, "Weight from x₂² to unit 3 of layer 1");
        assert_eq!(run.parameter_label(input, 0, 0, 1).unwrap(), "x2sq");
        run.set_parameter(bias.clone(), 1, 0, 0, -2.5).unwrap();
        assert_eq!(run.parameter_value(bias, 1, 0, 0).unwrap(), -2.5);
        assert!(run.edits().ends_with(":-2.5"), "{}", run.edits());
        let nan = message(
            run.set_parameter(weight.clone(), 0, 0, 0, f64::NAN)
                .unwrap_err(),
        );
        assert!(nan.contains("finite number"), "{nan}");
        let far = message(run.set_parameter(weight, 0, 2, 0, 1.0).unwrap_err());
        assert!(far.contains("no such weight or bias"), "{far}");
        let kind = message(run.parameter_value("unit".into(), 0, 0, 0).unwrap_err());
        assert_eq!(
            kind,
            "the kind of target must be \"input\", \"bias\" or \"weight\", got \"unit\""
        );
        let number_kind = message(run.parameter_value(2.into(), 0, 0, 0).unwrap_err());
        assert!(
            number_kind.contains("must be a string, got number"),
            "{number_kind}"
        );
        // What a click hits, by name: the middle of a unit's box, or nothing.
        let (width, height) = (400.0, 300.0);
        let boxes = layout(&[2, 3, 2], width, height, 1.0);
        let middle = |column: usize, unit: usize| {
            let (left, top) = boxes.columns[column][unit];
            (left + boxes.size / 2.0, top + boxes.size / 2.0)
        };
        let at = |(x, y): (f64, f64)| run.network_target(width, height, 1.0, x, y);
        let second_input = at(middle(0, 1));
        assert_eq!(keys(&second_input), ["kind", "layer", "from", "to"]);
        assert_eq!(get(&second_input, "kind").as_string().unwrap(), "input");
        assert_eq!(number(&second_input, "to"), 1.0);
        let output_unit = at(middle(2, 0));
        assert_eq!(get(&output_unit, "kind").as_string().unwrap(), "bias");
        assert_eq!(
            ["layer", "from", "to"].map(|k| number(&output_unit, k)),
            [1.0, 0.0, 0.0]
        );
        assert!(at((0.5, 0.5)).is_null(), "empty space: null");
        // Predictions take raw (x1, x2) rows whatever the features; an odd count throws.
        let odd = message(run.predict(super::numbers(&[1.0, 2.0, 3.0])).unwrap_err());
        assert!(odd.contains("(x1, x2) pairs"), "{odd}");
        assert_eq!(run.predict(super::numbers(&[1.0, 2.0])).unwrap().len(), 2);
    }
}

#[path = "web/canvas.rs"]
mod canvas;

#[wasm_bindgen_test]
fn settings_gives_each_key_with_named_fields() {
    let list = nnplay::web::settings::settings();
    let find = |key: &str| {
        list.iter()
            .find(|s| get(s, "key").as_string().as_deref() == Some(key))
            .unwrap()
    };
    let lr = find("lr");
    assert_eq!(get(&lr, "kind").as_string().unwrap(), "number");
    assert_eq!(get(&lr, "label").as_string().unwrap(), "Learning rate");
    assert_eq!(get(&lr, "min").as_f64(), Some(0.00001));
    assert_eq!(get(&lr, "max").as_f64(), Some(10.0));
    assert!(get(&lr, "step").is_null());
    assert_eq!(Array::from(&get(&lr, "presets")).length(), 13);
    assert_eq!(get(&lr, "default").as_string().unwrap(), "0.03");
    let beta2 = find("beta2");
    assert_eq!(get(&beta2, "max_open").as_bool(), Some(true));
    assert_eq!(get(&beta2, "default").as_string().unwrap(), "0.999");
    let noise = find("noise");
    assert_eq!(get(&noise, "kind").as_string().unwrap(), "whole");
    assert_eq!(get(&noise, "step").as_f64(), Some(5.0));
    assert_eq!(get(&noise, "unit").as_string().unwrap(), "%");
    let opt = find("opt");
    let choices = Array::from(&get(&opt, "choices"));
    assert_eq!(choices.length(), 6);
    let adam = choices.get(5);
    assert_eq!(get(&adam, "name").as_string().unwrap(), "adam");
    assert_eq!(get(&adam, "label").as_string().unwrap(), "Adam");
    assert!(get(&adam, "help").as_string().unwrap().contains("m̂"));
    let test = find("test");
    assert_eq!(get(&test, "kind").as_string().unwrap(), "flag");
    assert_eq!(get(&find("layers"), "kind").as_string().unwrap(), "text");
}

#[path = "web/pieces.rs"]
mod pieces;
