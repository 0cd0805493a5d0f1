// The budget table of the whole benchmark (bash bench/all.sh): reads the
// figures bench/budget.mjs, bench/size.mjs, bench/fit.mjs --native and bench/frame.mjs wrote
// into one folder and prints each budget, what was measured, and whether it
// holds. Run: node bench/summary.mjs <folder>.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const folder = process.argv[2];
if (!folder) {
  console.error("usage: node bench/summary.mjs <folder of budget.json, fit.json, frame.json>");
  process.exit(2);
}

/** The figures a script wrote, or null when it wrote none (it failed, or was not run). */
function read(name) {
  const file = join(folder, `${name}.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
}

const budget = read("budget");
const fit = read("fit");
const frame = read("frame");
const startup = read("startup");
const lighthouse = read("lighthouse");
const longtasks = read("longtasks");
const size = read("size");
const rows = [];

/** One budget: `measured()` gives [text, holds] from the figures, or null if they are missing. */
function row(name, limit, figures, measured) {
  if (!figures) return rows.push([name, "not measured", limit, "—"]);
  const [text, holds] = measured(figures);
  rows.push([name, text, limit, holds ? "met" : "**over**"]);
}

const shape = (name) => (rows) => rows.find((r) => r.shape === name);
for (const [name, least] of [["[2, 8, 8, 1]", 3], ["[2, 64, 64, 1]", 6]]) {
  row(`Model.fit / plain JS, ${name}`, `≥ ${least}×`, fit && shape(name)(fit), (r) => {
    const ratio = r.wasm / r.js;
    return [`${ratio.toFixed(2)}×`, ratio >= least];
  });
}
for (const name of ["[2, 4, 2, 1]", "[2, 8, 8, 1]", "[2, 64, 64, 1]", "[2, 64, 64, 64, 64, 64, 64, 1]"]) {
  const r = fit && shape(name)(fit);
  row(`native / Model.fit, ${name}`, "≤ 1.5×", r?.native ? r : null, ({ wasm, native }) => {
    const ratio = (native[0] + native[1]) / 2 / wasm;
    return [`${ratio.toFixed(2)}×`, ratio <= 1.5];
  });
}
const ms = (x) => `${x.toFixed(1)} ms`;
row("default view: frame median", "< 4 ms", frame?.default, (f) => [ms(f.frame.median), f.frame.median < 4]);
row("default view: frames/s, p95 frame", "60, p95 < 12 ms", frame?.default, (f) => [
  `${f.fps.toFixed(1)}, p95 ${ms(f.frame.p95)}`,
  // A 60 Hz display's frames, give or take the timer's rounding.
  f.fps >= 59 && f.frame.p95 < 12,
]);
// A frame whose work does not fit leaves parts of its drawing to the next frames: the heatmap's refreshes are counted apart.
row("[2, 64, 64, 1]: full heatmap refreshes/s", "≥ 30", frame?.["64x64x1"], (f) => [f.refreshes.toFixed(1), f.refreshes >= 30]);
row("6 × 64 while playing: frames/s (issue #18)", "60", frame?.["6x64"], (f) => [f.fps.toFixed(1), f.fps >= 59]);
row("6 × 64: longest wait of a key press", "≤ 50 ms", frame?.["6x64"], (f) => [ms(f.delay.max), f.delay.max <= 50]);
// Coarse (50 × 50) while a wide network plays.
row("6 × 64: heatmap refreshes/s", "≥ 5", frame?.["6x64"], (f) => [f.refreshes.toFixed(1), f.refreshes >= 5]);
row("first drawn curve, median", "< 300 ms", budget, (b) => [`${b.firstCurveMs.median.toFixed(0)} ms`, b.firstCurveMs.median < 300]);

// The start (issue #18): unthrottled long tasks, layout shift and bytes, then Lighthouse's mobile run.
const views = ["page", "#embed=curves", "#embed=train"];
for (const view of views) {
  row(`${view}: longest task before it is drawn (worst of runs)`, "≤ 50 ms", startup?.[view], (s) => [ms(s.longestBeforeMax), s.longestBeforeMax <= 50]);
}
for (const view of views) {
  row(`${view}: layout shift, unthrottled (worst of runs)`, "≤ 0.02", startup?.[view], (s) => [s.clsMax.toFixed(3), s.clsMax <= 0.02]);
}
for (const view of views) {
  row(`${view}: layout shift, mobile 412 × 823 (worst of runs)`, "≤ 0.02", startup?.[`mobile ${view}`], (s) => [s.clsMax.toFixed(3), s.clsMax <= 0.02]);
  row(`${view}: layout shift, mobile with the CPU 4× slower (worst of runs)`, "≤ 0.02", startup?.[`slow ${view}`], (s) => [s.clsMax.toFixed(3), s.clsMax <= 0.02]);
}
// Bytes come from bench/size.mjs (playwright's network events against the first-curve mark, and dist/ as built).
for (const view of ["page", "#embed=curves"]) {
  row(`${view}: gzip bytes before the first curve`, "≤ 150 kB", size?.[view], (s) => [`${(s.bytesBeforeCurve / 1000).toFixed(1)} kB`, s.bytesBeforeCurve <= 150_000]);
}
row("whole site, gzip (dist/, every file)", "≤ 250 kB", size?.site, (s) => [`${(s.bytes / 1000).toFixed(1)} kB`, s.bytes <= 250_000]);
// Long catch-ups (issue #19): every piece of work fits a frame, so no task is long.
for (const name of ["training steps=1000000", "race race_steps=1000000"]) {
  row(`6 × 64 ${name}: longest task while catching up`, "≤ 50 ms", longtasks?.[name], (l) => [`${ms(l.longestMs)} (${l.count} over 50 ms)`, l.longestMs <= 50]);
}
for (const view of views) {
  const l = lighthouse?.[view];
  row(`Lighthouse mobile ${view}: performance`, "≥ 90", l, (x) => [`${x.performance}`, x.performance >= 90]);
  row(`Lighthouse mobile ${view}: total blocking time`, "≤ 200 ms", l, (x) => [ms(x.tbtMs), x.tbtMs <= 200]);
  row(`Lighthouse mobile ${view}: CLS`, "≤ 0.02", l?.cls == null ? null : l, (x) => [x.cls.toFixed(3), x.cls <= 0.02]);
  row(`Lighthouse mobile ${view}: accessibility, best practices, SEO`, "100, 100, 100", l, (x) => [
    `${x.accessibility}, ${x.bestPractices}, ${x.seo}`, x.accessibility === 100 && x.bestPractices === 100 && x.seo === 100,
  ]);
}

console.log("\n## Budgets (issues #4 and #18)\n");
console.log("| budget | measured | limit | status |");
console.log("| --- | --- | --- | --- |");
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
if (frame) {
  const rates = (key) => Object.entries(frame).map(([view, f]) => `${view} ${(f[key] / 1e3).toFixed(0)} k`).join(", ");
  console.log(`\nHeatmap grid points/s while playing (the page's f32 pass, coloured and drawn): ${rates("heatmapRate")}.`);
  console.log(`Grid evaluations/s through Model.predict (f64): ${rates("gridRate")}.`);
}
console.log("Not timed here: memory over 10⁶ steps (node scripts/soak.mjs), no allocation per step or frame (cargo tests), only visible panels running (tests/e2e/visible.test.js).");
