// Frame time while playing: the training view's frames (250 samples of
// training, train and test loss, the 100 × 100 heatmap, the network drawing,
// every panel that follows the run; a wide network spreads them over a few
// frames), in the built site in headless Chromium.
// Run after a release build: `NNPLAY_DIST=/tmp/x-dist node bench/frame.mjs`
// (or against dist/ without NNPLAY_DIST). Prints one table.
//
// The page is opened with `?bench`, which makes www/js/training/playing.js time each
// played frame ("frame") and its parts ("train", "heatmap", "loss", "network",
// "follow": the panels that follow the run); nothing is timed without it.
// Network evaluations per second over the heatmap's grid are timed
// separately, through Model.predict on a network of the same shape.
import { loadavg } from "node:os";
import { launch, openPage, serveDist } from "../tests/e2e/harness.js";
import { record } from "./results.js";

/** The views measured: a link fragment each ("" is the default view). */
const VIEWS = [
  { key: "default", name: "default ([2, 4, 2, 2])", fragment: "", hidden: [4, 2] },
  { key: "64x64x2", name: "[2, 64, 64, 2]", fragment: "layers=64:tanh,64:tanh", hidden: [64, 64] },
  { key: "64x64x1", name: "[2, 64, 64, 1] (regression: plane)", fragment: "data=plane&layers=64:tanh,64:tanh", hidden: [64, 64] },
  { key: "6x64", name: "6 × 64 ([2, 64 ×6, 2])", fragment: `layers=${Array(6).fill("64:tanh").join(",")}`, hidden: Array(6).fill(64), playingGrid: 50 },
];
/** Frames played before measuring (JIT, first buffer growth), then how many to time. */
const WARMUP_FRAMES = 10;
const FRAMES = 120;
/** Longest time measured per view. */
const MAX_MS = 8000;
/** The heatmap's grid side (a wide network plays on `playingGrid` instead). */
const GRID = 100;
/** Key presses timed per view, for the input delay. */
const KEY_PRESSES = 20;

/** Median and 95th percentile (nearest rank) of `values`. */
function percentiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95), max: sorted.at(-1) };
}

/** In the page: waits for `count` played frames (or `maxMs`), returns their measures. */
async function collect({ warmup, count, maxMs }) {
  const frames = () => performance.getEntriesByName("frame", "measure");
  const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
  const step = () => Number(/^Step (\d+)/.exec(document.querySelector("#train-status").textContent)[1]);
  while (frames().length < warmup) await sleep(20);
  performance.clearMeasures();
  const start = performance.now();
  const firstStep = step();
  while (frames().length < count && performance.now() - start < maxMs) await sleep(20);
  const elapsed = performance.now() - start;
  const steps = step() - firstStep;
  const durations = (name) => performance.getEntriesByName(name, "measure").map((e) => e.duration);
  const parts = Object.fromEntries(["train", "heatmap", "loss", "network", "follow"].map((n) => [n, durations(n)]));
  return { frames: durations("frame"), parts, elapsed, steps };
}

/** In the page: network evaluations per second over the heatmap's grid, via Model.predict. */
function gridRate({ hidden, grid }) {
  const layers = [...hidden.map((units) => ({ units, activation: "tanh" })), { units: 2, activation: "softmax" }];
  const model = new window.nnplay.Model(JSON.stringify({ inputs: 2, seed: 1, layers }));
  const xs = new Float64Array(grid * grid * 2);
  for (let i = 0; i < grid * grid; i++) {
    xs[2 * i] = -6 + (12 * (i % grid)) / (grid - 1);
    xs[2 * i + 1] = 6 - (12 * Math.floor(i / grid)) / (grid - 1);
  }
  for (let i = 0; i < 3; i++) model.predict(xs);
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < 600 || calls < 3) {
    model.predict(xs);
    calls += 1;
  }
  const rate = (calls * grid * grid * 1000) / (performance.now() - start);
  model.free();
  return rate;
}

/**
 * In the page: records how long each Shift key press waited before the page
 * handled it (the event's timestamp is when the browser received it), the
 * delay a student's click or key meets while the page plays.
 */
function listenForKeys() {
  window.keyDelays = [];
  document.addEventListener("keydown", (e) => e.key === "Shift" && window.keyDelays.push(performance.now() - e.timeStamp), true);
}

/** Presses Shift (which does nothing on the page) KEY_PRESSES times, at irregular moments. */
async function pressKeys(page) {
  const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
  await sleep(300); // past the warm-up frames
  for (let i = 0; i < KEY_PRESSES; i++) {
    await sleep(40 + ((i * 37) % 90));
    await page.keyboard.press("Shift");
  }
}

/** Plays `view` in a fresh page and returns its row of figures. */
async function measure(browser, url, view) {
  const { page, problems } = await openPage(browser, `${url}?bench#${view.fragment}`);
  try {
    const training = page.getByRole("group", { name: "Training" });
    await page.evaluate(listenForKeys);
    await training.getByRole("button", { name: "Play" }).click();
    const [run] = await Promise.all([
      page.evaluate(collect, { warmup: WARMUP_FRAMES, count: FRAMES, maxMs: MAX_MS }),
      pressKeys(page),
    ]);
    const delays = await page.evaluate(() => window.keyDelays);
    await training.getByRole("button", { name: "Pause" }).click();
    const rate = await page.evaluate(gridRate, { hidden: view.hidden, grid: GRID });
    return { ...run, delays, rate, problems };
  } finally {
    await page.close();
  }
}

/** A rate readably: 2.59 M, 848 k. */
function readable(n) {
  if (n >= 1e6) return `${(n / 1e6).toPrecision(3)} M`;
  if (n >= 1e3) return `${(n / 1e3).toPrecision(3)} k`;
  return n.toPrecision(3);
}

const ms = (x) => x.toFixed(1);

const server = await serveDist();
const browser = await launch();
try {
  console.log(`headless Chromium ${browser.version()}; load average ${loadavg()[0].toFixed(2)}`);
  console.log(`${WARMUP_FRAMES} frames of warm-up, then up to ${FRAMES} frames or ${MAX_MS / 1000} s per view; batch 10, 250 samples per frame; circle data.\n`);
  const lines = [
    "| view | frames | frame ms: median | p95 | max | frames/s | heatmaps/s | steps/s | train | heatmap | loss | network | follow | input delay ms: median | max | heatmap grid points/s while playing | grid evaluations/s (Model.predict, f64) |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  const problems = [];
  const figures = {};
  for (const view of VIEWS) {
    const result = await measure(browser, server.url, view);
    const frame = percentiles(result.frames);
    const fps = (result.frames.length * 1000) / result.elapsed;
    // A frame that cannot fit its drawing leaves parts to the next frames: the heatmap's own rate.
    const refreshes = (result.parts.heatmap.length * 1000) / result.elapsed;
    const stepsPerSecond = (result.steps * 1000) / result.elapsed;
    const delay = percentiles(result.delays);
    const parts = Object.values(result.parts).map((durations) => ms(percentiles(durations).median));
    // The page's own heatmap pass (f32, four lanes), with its colouring and drawing.
    const side = view.playingGrid ?? GRID;
    const heatmapRate = (side * side * 1000) / percentiles(result.parts.heatmap).median;
    lines.push(`| ${view.name} | ${result.frames.length} | ${ms(frame.median)} | ${ms(frame.p95)} | ${ms(frame.max)} | ${fps.toFixed(1)} | ${refreshes.toFixed(1)} | ${readable(stepsPerSecond)} | ${parts.join(" | ")} | ${ms(delay.median)} | ${ms(delay.max)} | ${readable(heatmapRate)} (${side} × ${side}) | ${readable(result.rate)} |`);
    figures[view.key] = { frame, fps, refreshes, stepsPerSecond, delay, gridRate: result.rate, heatmapRate };
    problems.push(...result.problems);
  }
  console.log(lines.join("\n"));
  record("frame", figures);
  console.log("\ntrain … follow: median ms of each part of a frame (follow: the stage, diagnostics, metrics and link panels).");
  console.log("Frame ms is the page's own work; the browser rasterises the canvases after it, which frames/s includes.");
  console.log("Heatmap grid points/s: the grid's points over the heatmap part's median ms, so it counts the f32 pass with its colouring and drawing; Model.predict is the f64 pass alone.");
  console.log("Frames/s counts played frames; heatmaps/s the heatmap's refreshes (a frame whose work does not fit its budget leaves parts of the drawing to the next frames); steps/s the samples trained.");
  console.log(`Input delay: how long each of ${KEY_PRESSES} key presses while playing waited for the page.`);
  console.log(`\nload average at the end: ${loadavg()[0].toFixed(2)}`);
  if (problems.length) console.log(`\npage problems:\n  ${problems.join("\n  ")}`);
} finally {
  await browser.close();
  await server.close();
}
