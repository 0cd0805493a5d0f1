// Training throughput of the wasm core (Model.fit) against a careful plain-JS
// implementation of the same network and SGD (bench/plain_sgd.js), both run
// inside the built page in headless Chromium.
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
const PLAIN_SGD = resolve(import.meta.dirname, "plain_sgd.js");
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

/** 500 points of a 2-D low-discrepancy (R2) sequence on [−1, 1]², with a smooth 1-D target. */
function makeData(points) {
  const g = 1.324717957244746; // the plastic number: R2's generator
  const xs = [], ys = [];
  for (let i = 1; i <= points; i++) {
    const x0 = 2 * ((i / g) % 1) - 1, x1 = 2 * ((i / (g * g)) % 1) - 1;
    xs.push(x0, x1);
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
  const plain = new globalThis.PlainSgd(sizes, initial);
  const rows = [{ what: "initial loss", wasm: model.loss(x, y), js: plain.loss(x, y) }];
  for (const batch of batches) {
    model.set_params(initial);
    plain.setParams(initial);
    const wasm = model.fit(x, y, lr, batch, 1);
    const js = plain.fit(x, y, lr, batch, 1);
    const params = model.params();
    let paramDiff = 0;
    for (let i = 0; i < params.length; i++) {
      paramDiff = Math.max(paramDiff, Math.abs(params[i] - plain.params[i]));
    }
    rows.push({ what: `1 epoch, batch ${batch}`, wasm, js, paramDiff });
  }
  model.free();
  return rows;
}

/**
 * In the page: warms both up, then times `runs` runs of fit for each (the two
 * alternating, each from the same initial params) and returns samples/s.
 */
function timeInPage({ config, sizes, xs, ys, lr, batch, runs, warmupMs, targetMs }) {
  const x = new Float64Array(xs), y = new Float64Array(ys), points = y.length;
  const model = new window.nnplay.Model(config);
  const initial = model.params();
  const plain = new globalThis.PlainSgd(sizes, initial);
  const trainers = {
    wasm: { reset: () => model.set_params(initial), fit: (e) => model.fit(x, y, lr, batch, e) },
    js: { reset: () => plain.setParams(initial), fit: (e) => plain.fit(x, y, lr, batch, e) },
  };
  const timed = (trainer, epochs) => {
    trainer.reset();
    const start = performance.now();
    trainer.fit(epochs);
    return performance.now() - start;
  };
  // Warm-up (lets the JIT optimise PlainSgd), then epochs per run sized from
  // runs of that length, so each timed run lasts about targetMs.
  const epochs = {};
  for (const [name, trainer] of Object.entries(trainers)) {
    let done = 0, spent = 0;
    while (spent < warmupMs) {
      spent += timed(trainer, 1);
      done += 1;
    }
    epochs[name] = Math.max(1, Math.ceil((targetMs * done) / spent));
    for (let trial = 0; trial < 3; trial++) {
      const ms = timed(trainer, epochs[name]);
      if (ms >= 0.9 * targetMs) break;
      epochs[name] = Math.ceil((epochs[name] * targetMs) / ms);
    }
  }
  const result = { wasm: [], js: [], ms: { wasm: [], js: [] }, epochs };
  for (let r = 0; r < runs; r++) {
    const order = r % 2 === 0 ? ["wasm", "js"] : ["js", "wasm"];
    for (const name of order) {
      const ms = timed(trainers[name], epochs[name]);
      result.ms[name].push(ms);
      result[name].push((points * epochs[name] * 1000) / ms);
    }
  }
  model.free();
  return result;
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
    const script = new URL("bench/plain_sgd.js", url).href;
    await page.route(script, (route) => route.fulfill({ path: PLAIN_SGD, contentType: "text/javascript" }));
    await page.addScriptTag({ url: script });
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
      runs: RUNS, warmupMs: WARMUP_MS, targetMs: TARGET_RUN_MS,
    }));
    native.push(NATIVE ? [before, nativeRate(name)] : null);
  }
  const lines = [
    `| shape | wasm Model.fit, samples/s: median (min–max) | plain JS, samples/s: median (min–max) | wasm / JS |${NATIVE ? " native, before / after | native / wasm |" : ""}`,
    `| --- | --- | --- | --- |${NATIVE ? " --- | --- |" : ""}`,
  ];
  const notes = [];
  const rows = [];
  for (const [i, sizes] of SHAPES.entries()) {
    const result = results[i];
    const name = `[${sizes.join(", ")}]`;
    const wasm = summary(result.wasm).median;
    const ratio = wasm / summary(result.js).median;
    let nativeCells = "";
    if (NATIVE) {
      const [before, after] = native[i];
      nativeCells = ` ${rate(before)} / ${rate(after)} | ${((before + after) / 2 / wasm).toFixed(2)}× |`;
    }
    lines.push(`| ${name} | ${cell(result.wasm)} | ${cell(result.js)} | ${ratio.toFixed(2)}× |${nativeCells}`);
    rows.push({ shape: name, wasm, js: summary(result.js).median, native: native[i] });
    const shortest = Math.min(...result.ms.wasm, ...result.ms.js);
    notes.push(`[${sizes.join(", ")}]: ${result.epochs.wasm} / ${result.epochs.js} epochs per run (wasm / JS), shortest run ${shortest.toFixed(0)} ms`);
    if (shortest < MIN_RUN_MS) notes.push(`  warning: a run took under ${MIN_RUN_MS} ms`);
  }
  console.log(`\n${RUNS} timed runs each (wasm and JS alternating, a fresh page per shape) after ${WARMUP_MS} ms of warm-up; ${POINTS} points, batch ${BATCH}, lr ${LR}, tanh hidden layers, identity output; samples = points × epochs.`);
  for (const note of notes) console.log(`  ${note}`);
  if (NATIVE) console.log("  native: benches/fit.rs's median of 7 runs of about 400 ms, run just before and just after the browser's runs of the shape; native / wasm uses their mean.");
  console.log(`\n${lines.join("\n")}`);
  record("fit", rows);
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
