// Training throughput of the wasm core (Model.fit) against the two fastest
// plain-JS implementations of the same network and SGD we could write — the
// batched twin (bench/plain_sgd.js) and a per-sample loop with unit-major
// weights (bench/plain_sgd_unit.js) — all run inside the built page in
// headless Chromium, with the same calling pattern: fit() of 10 epochs a call,
// whose result is the loss over all rows, on data over the playground's
// domain (±6). The headline ratio is against the faster of the two.
// Run: bash bench/fit.sh (builds the release site first). Checks that both
// compute the same losses, then prints one table of samples per second.
// With --native (bash bench/fit.sh --native) it also runs the same core
// natively (benches/fit.rs's table) just before and just after the browser
// times each shape, and adds the native / wasm ratio: this machine's speed
// drifts by more than that ratio within minutes, so only figures taken
// together compare.
// Each shape runs in a fresh page: how fast V8 runs PlainSgd depends on what
// the page ran before (after another shape it measured up to 2× slower), while
// the wasm does not, so one page for all shapes would flatter the wasm.
import { execFileSync } from "node:child_process";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { launch, openPage, serveDist } from "../tests/e2e/harness.js";
import { record } from "./results.js";

/** Layer sizes [inputs, hidden…, output]: tanh hidden layers, identity output. */
const SHAPES = [
  [2, 4, 2, 1],
  [2, 8, 8, 1],
  [2, 64, 64, 1],
  [2, 64, 64, 64, 64, 64, 64, 1],
];
const POINTS = 500;
const BATCH = 10;
const LR = 0.01;
const SEED = 7;
/** Relative tolerance of the loss check (Math.tanh and libm's tanh may differ in the last bit). */
const TOLERANCE = 1e-9;
const RUNS = 7;
const WARMUP_MS = 600;
const TARGET_RUN_MS = 400;
const MIN_RUN_MS = 200;
/** Epochs in one fit() call, the same on every side. */
const EPOCHS_PER_CALL = 10;
/** The playground's domain: inputs in [−DOMAIN, DOMAIN]². */
const DOMAIN = 6;
const RIVALS = { js: "plain_sgd.js", unit: "plain_sgd_unit.js" };
/** Whether to bracket the browser's runs with native ones (--native). */
const NATIVE = process.argv.includes("--native");

/** Native median samples/s of the shape named ("[2, 4, 2, 1]"), from benches/fit.rs's table. */
function nativeRate(name) {
  const args = ["bench", "--quiet", "--bench", "fit", "--", "--table-only", "--json", "--shape", name];
  const output = execFileSync("cargo", args, {
    cwd: resolve(import.meta.dirname, ".."),
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(output.trim().split("\n").at(-1))[name];
}

/** 500 points of a 2-D low-discrepancy (R2) sequence on the playground's [−6, 6]², with a smooth 1-D target. */
function makeData(points) {
  const g = 1.324717957244746; // the plastic number: R2's generator
  const xs = [], ys = [];
  for (let i = 1; i <= points; i++) {
    const x0 = 2 * ((i / g) % 1) - 1, x1 = 2 * ((i / (g * g)) % 1) - 1;
    xs.push(DOMAIN * x0, DOMAIN * x1);
    ys.push(Math.sin(Math.PI * x0) * Math.cos(0.5 * Math.PI * x1));
  }
  return { xs, ys };
}

/** The Model config (the JSON of docs/js-api.md) for layer sizes `sizes`. */
function configFor(sizes) {
  const layers = sizes.slice(1).map((units, l, rest) => ({
    units,
    activation: l === rest.length - 1 ? "identity" : "tanh",
  }));
  return JSON.stringify({ inputs: sizes[0], seed: SEED, layers });
}

/**
 * In the page: from the same initial params, the loss before training and
 * after one epoch of fit (batch 10, and batch 7 whose last batch is short),
 * for the wasm Model and PlainSgd.
 */
function checkInPage({ config, sizes, xs, ys, lr, batches }) {
  const x = new Float64Array(xs), y = new Float64Array(ys);
  const model = new window.nnplay.Model(config);
  const initial = model.params();
  const rivals = { js: new globalThis.PlainSgd(sizes, initial), unit: new globalThis.PlainSgdUnit(sizes, initial) };
  const rows = [];
  for (const [name, plain] of Object.entries(rivals)) {
    model.set_params(initial);
    rows.push({ what: `${name}: initial loss`, wasm: model.loss(x, y), js: plain.loss(x, y) });
    for (const batch of batches) {
      model.set_params(initial);
      plain.setParams(initial);
      const wasm = model.fit(x, y, lr, batch, 1);
      const js = plain.fit(x, y, lr, batch, 1);
      const params = model.params();
      const theirs = plain.modelParams ? plain.modelParams() : plain.params;
      let paramDiff = 0;
      for (let i = 0; i < params.length; i++) {
        paramDiff = Math.max(paramDiff, Math.abs(params[i] - theirs[i]));
      }
      rows.push({ what: `${name}: 1 epoch, batch ${batch}`, wasm, js, paramDiff });
    }
  }
  model.free();
  return rows;
}

/**
 * In the page: warms all three up, then times `runs` runs of each (in turn,
 * the order rotating, each from the same initial params) and returns
 * samples/s. A run is a number of fit() calls of `perCall` epochs each.
 */
function timeInPage({ config, sizes, xs, ys, lr, batch, runs, warmupMs, targetMs, perCall }) {
  const x = new Float64Array(xs), y = new Float64Array(ys), points = y.length;
  const model = new window.nnplay.Model(config);
  const initial = model.params();
  const plain = new globalThis.PlainSgd(sizes, initial);
  const unit = new globalThis.PlainSgdUnit(sizes, initial);
  // `calls` fit() calls of `perCall` epochs: the same calling pattern on every side.
  const calling = (fit) => (calls) => { for (let c = 0; c < calls; c++) fit(perCall); };
  const trainers = {
    wasm: { reset: () => model.set_params(initial), fit: calling((e) => model.fit(x, y, lr, batch, e)) },
    js: { reset: () => plain.setParams(initial), fit: calling((e) => plain.fit(x, y, lr, batch, e)) },
    unit: { reset: () => unit.setParams(initial), fit: calling((e) => unit.fit(x, y, lr, batch, e)) },
  };
  const timed = (trainer, calls) => {
    trainer.reset();
    const start = performance.now();
    trainer.fit(calls);
    return performance.now() - start;
  };
  // Warm-up (lets the JIT optimise the JS), then calls per run sized from
  // runs of that length, so each timed run lasts about targetMs.
  const calls = {};
  for (const [name, trainer] of Object.entries(trainers)) {
    let done = 0, spent = 0;
    while (spent < warmupMs) {
      spent += timed(trainer, 1);
      done += 1;
    }
    calls[name] = Math.max(1, Math.ceil((targetMs * done) / spent));
    for (let trial = 0; trial < 3; trial++) {
      const ms = timed(trainer, calls[name]);
      if (ms >= 0.9 * targetMs) break;
      calls[name] = Math.ceil((calls[name] * targetMs) / ms);
    }
  }
  const names = Object.keys(trainers);
  const result = { wasm: [], js: [], unit: [], ms: { wasm: [], js: [], unit: [] }, calls };
  for (let r = 0; r < runs; r++) {
    const order = names.map((_, i) => names[(i + r) % names.length]);
    for (const name of order) {
      const ms = timed(trainers[name], calls[name]);
      result.ms[name].push(ms);
      result[name].push((points * perCall * calls[name] * 1000) / ms);
    }
  }
  model.free();
  return result;
}

/**
 * In the page: what a fit() call costs beyond its epochs. Times the wasm
 * Model at 1 and at 10 epochs a call, and loss() alone (the contract's final
 * loss over all rows, which every call ends with), `runs` times each in turn.
 */
function overheadInPage({ config, xs, ys, lr, batch, runs, targetMs }) {
  const x = new Float64Array(xs), y = new Float64Array(ys), points = y.length;
  const model = new window.nnplay.Model(config);
  const initial = model.params();
  const perSecond = (work, samplesPerCall) => {
    model.set_params(initial);
    let calls = 0;
    const start = performance.now();
    while (performance.now() - start < targetMs) { work(); calls++; }
    return (calls * samplesPerCall * 1000) / (performance.now() - start);
  };
  const out = { one: [], ten: [], lossMs: [] };
  for (let r = 0; r < runs; r++) {
    out.one.push(perSecond(() => model.fit(x, y, lr, batch, 1), points));
    out.ten.push(perSecond(() => model.fit(x, y, lr, batch, 10), 10 * points));
    const start = performance.now();
    let n = 0;
    while (performance.now() - start < targetMs / 4) { model.loss(x, y); n++; }
    out.lossMs.push((performance.now() - start) / n);
  }
  model.free();
  return out;
}

/** A rate readably: 2.59 M, 848 k, 24.1 k. */
function rate(n) {
  if (n >= 1e6) return `${(n / 1e6).toPrecision(3)} M`;
  if (n >= 1e3) return `${(n / 1e3).toPrecision(3)} k`;
  return n.toPrecision(3);
}

/** Median, min and max of `values`. */
function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1) };
}

/** "median (min–max)" of rates. */
function cell(values) {
  const { median, min, max } = summary(values);
  return `${rate(median)} (${rate(min)}–${rate(max)})`;
}

/** Relative difference of two losses. */
function relative(a, b) {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE);
}

/**
 * Runs `inPage(args)` in a fresh page of the site with plain_sgd.js loaded, so
 * each shape starts from a clean JIT state; collects page problems. The
 * script is served from the site's own origin, which its Content-Security-Policy
 * allows (an inline script tag it would block).
 */
async function inFreshPage(browser, url, problems, inPage, args) {
  const { page, problems: found } = await openPage(browser, url);
  try {
    for (const file of Object.values(RIVALS)) {
      const script = new URL(`bench/${file}`, url).href;
      const path = resolve(import.meta.dirname, file);
      await page.route(script, (route) => route.fulfill({ path, contentType: "text/javascript" }));
      await page.addScriptTag({ url: script });
    }
    return await page.evaluate(inPage, args);
  } finally {
    problems.push(...found);
    await page.close();
  }
}

/** Runs the loss check for every shape; prints it and returns whether all agree. */
async function check(run, data) {
  console.log(`loss check: wasm Model vs plain JS from the same params (relative tolerance ${TOLERANCE})`);
  let ok = true;
  for (const sizes of SHAPES) {
    const rows = await run(checkInPage, {
      config: configFor(sizes), sizes, ...data, lr: LR, batches: [BATCH, 7],
    });
    const parts = rows.map(({ what, wasm, js, paramDiff }) => {
      const diff = relative(wasm, js);
      ok &&= diff <= TOLERANCE;
      const params = paramDiff === undefined ? "" : `, max |Δparam| ${paramDiff.toExponential(1)}`;
      return `${what}: ${wasm.toPrecision(12)} vs ${js.toPrecision(12)} (rel ${diff.toExponential(1)}${params})`;
    });
    console.log(`  [${sizes.join(", ")}] ${parts.join("; ")}`);
  }
  console.log(ok ? "loss check: PASS" : "loss check: FAIL");
  return ok;
}

/** Times every shape and prints the table (with native columns when --native). */
async function measure(run, data) {
  const results = [];
  /** Per shape, native samples/s just before and just after the browser's runs. */
  const native = [];
  for (const sizes of SHAPES) {
    const name = `[${sizes.join(", ")}]`;
    const before = NATIVE ? nativeRate(name) : null;
    results.push(await run(timeInPage, {
      config: configFor(sizes), sizes, ...data, lr: LR, batch: BATCH,
      runs: RUNS, warmupMs: WARMUP_MS, targetMs: TARGET_RUN_MS, perCall: EPOCHS_PER_CALL,
    }));
    native.push(NATIVE ? [before, nativeRate(name)] : null);
  }
  const lines = [
    `| shape | wasm Model.fit, samples/s: median (min–max) | plain JS batched | plain JS per sample, unit-major | wasm / faster JS (spread) |${NATIVE ? " native, before / after | native / wasm |" : ""}`,
    `| --- | --- | --- | --- | --- |${NATIVE ? " --- | --- |" : ""}`,
  ];
  const notes = [];
  const rows = [];
  for (const [i, sizes] of SHAPES.entries()) {
    const result = results[i];
    const name = `[${sizes.join(", ")}]`;
    const wasm = summary(result.wasm).median;
    const faster = summary(result.js).median >= summary(result.unit).median ? "js" : "unit";
    const rival = summary(result[faster]).median;
    const ratio = wasm / rival;
    // The ratio's spread: run by run (the runs of one round were taken together).
    const ratios = result.wasm.map((w, r) => w / result[faster][r]);
    const spread = summary(ratios);
    let nativeCells = "";
    if (NATIVE) {
      const [before, after] = native[i];
      nativeCells = ` ${rate(before)} / ${rate(after)} | ${((before + after) / 2 / wasm).toFixed(2)}× |`;
    }
    const label = faster === "js" ? "batched" : "per sample";
    lines.push(`| ${name} | ${cell(result.wasm)} | ${cell(result.js)} | ${cell(result.unit)} | ${ratio.toFixed(2)}× vs ${label} (${spread.min.toFixed(2)}–${spread.max.toFixed(2)}) |${nativeCells}`);
    rows.push({ shape: name, wasm, js: rival, rival: faster, batched: summary(result.js).median, unit: summary(result.unit).median, ratioMin: spread.min, ratioMax: spread.max, native: native[i] });
    const shortest = Math.min(...result.ms.wasm, ...result.ms.js, ...result.ms.unit);
    notes.push(`[${sizes.join(", ")}]: ${result.calls.wasm} / ${result.calls.js} / ${result.calls.unit} calls per run (wasm / batched / per sample), shortest run ${shortest.toFixed(0)} ms`);
    if (shortest < MIN_RUN_MS) notes.push(`  warning: a run took under ${MIN_RUN_MS} ms`);
  }
  console.log(`\n${RUNS} timed runs each (the three in turn, the order rotating, a fresh page per shape) after ${WARMUP_MS} ms of warm-up; fit() of ${EPOCHS_PER_CALL} epochs a call on every side; ${POINTS} points on [−${DOMAIN}, ${DOMAIN}]², batch ${BATCH}, lr ${LR}, tanh hidden layers, identity output; samples = points × epochs.`);
  for (const note of notes) console.log(`  ${note}`);
  if (NATIVE) console.log("  native: benches/fit.rs's median of 7 runs of about 400 ms, run just before and just after the browser's runs of the shape; native / wasm uses their mean.");
  console.log(`\n${lines.join("\n")}`);
  record("fit", rows);

  console.log("\nPer-call overhead of Model.fit (wasm): samples/s at 1 and at 10 epochs a call, and loss() over all rows alone (the final loss each call returns)");
  console.log("| shape | 1 epoch a call | 10 epochs a call | 1 / 10 | loss() over all rows | one epoch's time |");
  console.log("| --- | --- | --- | --- | --- | --- |");
  for (const sizes of [[2, 8, 8, 1], [2, 64, 64, 1]]) {
    const o = await run(overheadInPage, { config: configFor(sizes), ...data, lr: LR, batch: BATCH, runs: 5, targetMs: 200 });
    const one = summary(o.one).median, ten = summary(o.ten).median, loss = summary(o.lossMs).median;
    const epochMs = (POINTS * 1000) / ten;
    console.log(`| [${sizes.join(", ")}] | ${rate(one)} | ${rate(ten)} | ${(one / ten).toFixed(2)} | ${loss.toFixed(3)} ms | ${epochMs.toFixed(3)} ms |`);
  }
}

/** The 1-minute load average, to judge how noisy a run was (other work on the machine). */
function load() {
  return loadavg()[0].toFixed(2);
}

const server = await serveDist();
const browser = await launch();
try {
  const problems = [];
  const run = (inPage, args) => inFreshPage(browser, server.url, problems, inPage, args);
  console.log(`headless Chromium ${browser.version()}; load average ${load()}\n`);
  const data = makeData(POINTS);
  if (await check(run, data)) {
    await measure(run, data);
  } else {
    process.exitCode = 1;
  }
  console.log(`\nload average at the end: ${load()}`);
  if (problems.length) console.log(`\npage problems:\n  ${problems.join("\n  ")}`);
} finally {
  await browser.close();
  await server.close();
}
