//! The core's training speed natively: `Model::fit` on the shapes and data
//! `bench/fit.mjs` times in the browser, so the two tables side by side show
//! what the wasm boundary and engine cost. Run: `cargo bench --bench fit`.
//!
//! Criterion measures 10 epochs per iteration (throughput in samples/s, shown
//! as elem/s; each `fit` call ends with a loss over all 500 points, which more
//! epochs per call amortise, as in the browser bench); then one table in
//! `bench/fit.mjs`'s form follows: 7 timed runs of about 400 ms each, each from
//! the same initial parameters, median (min–max). `-- --table-only` prints
//! the table alone, `--shape "[2, 8, 8, 1]"` keeps one shape, and `--json`
//! makes it one line of JSON, which `bench/fit.mjs --native` reads just
//! before and just after the browser times each shape.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;
    use std::time::{Duration, Instant};

    use criterion::{BenchmarkId, Criterion, Throughput};
    use nnplay::activation::Kind;
    use nnplay::network::{LayerConfig, Network, NetworkConfig};
    use nnplay::train::Model;

    /// Layer sizes [inputs, hidden…, output]: tanh hidden layers, identity output.
    const SHAPES: [&[usize]; 4] = [
        &[2, 4, 2, 1],
        &[2, 8, 8, 1],
        &[2, 64, 64, 1],
        &[2, 64, 64, 64, 64, 64, 64, 1],
    ];
    const POINTS: usize = 500;
    const BATCH: usize = 10;
    const LEARNING_RATE: f64 = 0.01;
    const SEED: u64 = 7;
    const RUNS: usize = 7;
    const TARGET_RUN: Duration = Duration::from_millis(400);
    /// Epochs per criterion iteration.
    const EPOCHS: usize = 10;

    /// `bench/fit.mjs`'s data: 500 points of the R2 sequence on [−1, 1]² and a
    /// smooth target; xs is points × 2, ys points × 1.
    fn data() -> (Vec<f64>, Vec<f64>) {
        let g = 1.324717957244746; // the plastic number: R2's generator
        let (mut xs, mut ys) = (Vec::new(), Vec::new());
        for i in 1..=POINTS {
            let i = i as f64;
            let (x0, x1) = (
                2.0 * ((i / g) % 1.0) - 1.0,
                2.0 * ((i / (g * g)) % 1.0) - 1.0,
            );
            xs.extend([x0, x1]);
            let pi = std::f64::consts::PI;
            ys.push((pi * x0).sin() * (0.5 * pi * x1).cos());
        }
        (xs, ys)
    }

    fn network(sizes: &[usize]) -> Model {
        let last = sizes.len() - 2;
        let layers = sizes[1..]
            .iter()
            .enumerate()
            .map(|(l, &units)| {
                let kind = if l == last {
                    Kind::Identity
                } else {
                    Kind::Tanh
                };
                LayerConfig::new(units, kind)
            })
            .collect();
        let config = NetworkConfig {
            inputs: sizes[0],
            seed: SEED,
            layers,
        };
        Model::new(Network::new(config).expect("a valid bench network"))
    }

    fn name(sizes: &[usize]) -> String {
        format!("{sizes:?}")
    }

    /// From `initial`, `epochs` epochs of fit; returns the final loss.
    fn train(net: &mut Model, initial: &[f64], (xs, ys): (&[f64], &[f64]), epochs: usize) -> f64 {
        let params = net.network_mut().set_params(initial);
        params.expect("the network's own params");
        let loss = net.fit(xs, ys, LEARNING_RATE, BATCH, epochs);
        black_box(loss.expect("the bench run does not diverge"))
    }

    fn criterion_runs(c: &mut Criterion, (xs, ys): (&[f64], &[f64])) {
        let mut group = c.benchmark_group("fit");
        group.throughput(Throughput::Elements((POINTS * EPOCHS) as u64));
        group
            .sample_size(20)
            .measurement_time(Duration::from_secs(3));
        for sizes in SHAPES {
            let mut net = network(sizes);
            let initial = net.network().params().to_vec();
            group.bench_function(BenchmarkId::new("10 epochs", name(sizes)), |b| {
                b.iter(|| train(&mut net, &initial, (xs, ys), EPOCHS))
            });
        }
        group.finish();
    }

    /// Samples/s of `RUNS` runs of about `TARGET_RUN` each, as `bench/fit.mjs` times them.
    fn timed_runs(sizes: &[usize], data: (&[f64], &[f64])) -> Vec<f64> {
        let mut net = network(sizes);
        let initial = net.network().params().to_vec();
        let start = Instant::now();
        let mut warm_up = 0;
        while start.elapsed() < TARGET_RUN {
            train(&mut net, &initial, data, 1);
            warm_up += 1;
        }
        let per_epoch = start.elapsed().as_secs_f64() / warm_up as f64;
        let epochs = (TARGET_RUN.as_secs_f64() / per_epoch).ceil().max(1.0) as usize;
        (0..RUNS)
            .map(|_| {
                let run = Instant::now();
                train(&mut net, &initial, data, epochs);
                (POINTS * epochs) as f64 / run.elapsed().as_secs_f64()
            })
            .collect()
    }

    /// A rate readably, to 3 significant digits: 2.59 M, 848 k, 24.1 k.
    fn rate(n: f64) -> String {
        let (value, unit) = match n {
            n if n >= 1e6 => (n / 1e6, " M"),
            n if n >= 1e3 => (n / 1e3, " k"),
            n => (n, ""),
        };
        let decimals = (2 - value.log10().floor() as i32).clamp(0, 2) as usize;
        format!("{value:.decimals$}{unit}")
    }

    /// The table; with `json`, one line of JSON instead: each shape's name
    /// and median samples/s (what `bench/fit.mjs --native` reads).
    fn table(data: (&[f64], &[f64]), json: bool, only: Option<&str>) {
        if !json {
            println!("\n| shape | native Model::fit, samples/s: median (min–max) |");
            println!("| --- | --- |");
        }
        let mut medians = Vec::new();
        let shapes = SHAPES
            .iter()
            .filter(|sizes| only.is_none_or(|o| o == name(sizes)));
        for sizes in shapes {
            let mut rates = timed_runs(sizes, data);
            rates.sort_by(f64::total_cmp);
            let (median, min, max) = (rates[RUNS / 2], rates[0], rates[RUNS - 1]);
            if json {
                medians.push(format!("\"{}\":{median:.0}", name(sizes)));
            } else {
                let cell = format!("{} ({}–{})", rate(median), rate(min), rate(max));
                println!("| {} | {cell} |", name(sizes));
            }
        }
        if json {
            println!("{{{}}}", medians.join(","));
        }
    }

    /// `cargo bench --bench fit`: criterion, then the table.
    /// `cargo bench --bench fit -- --table-only [--json] [--shape "[2, 8, 8, 1]"]`:
    /// the table alone, of every shape or the one named.
    pub fn main() {
        let (xs, ys) = data();
        let args: Vec<String> = std::env::args().collect();
        let has = |flag: &str| args.iter().any(|a| a == flag);
        let shape = args
            .iter()
            .position(|a| a == "--shape")
            .and_then(|i| args.get(i + 1));
        if !has("--table-only") {
            let mut c = Criterion::default().configure_from_args();
            criterion_runs(&mut c, (&xs, &ys));
        }
        table((&xs, &ys), has("--json"), shape.map(String::as_str));
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

/// Criterion runs natively only; the wasm build of this bench is empty.
#[cfg(target_arch = "wasm32")]
fn main() {}
