// Long tasks while a link catches up at 6 × 64 (issue #19), in headless
// Chromium: the training view's `steps` and a race of four contestants at
// batch 250 (`race_steps`), each far more steps than WINDOW_MS can train, so
// the window sees catching up only. Every long task (a PerformanceObserver
// of 'longtask': over 50 ms) is kept with its start; the one that opens the
// link (building the run and the race) is counted apart from the catch-up's.
// Prints a table and the longest tasks; bench/all.sh runs it. Run it on
// another build with NNPLAY_DIST=<its dist> to compare; with --calls it also
// prints each call into the module that took over 30 ms, by name.
import { launch, serveDist } from "../tests/e2e/harness.js";
import { record } from "./results.js";

/** Milliseconds of catching up watched per link. */
const WINDOW_MS = 15000;
const RUNS = 2;
const WIDE = Array(6).fill("64").join(",");
const LINKS = [
  { name: "training steps=1000000", hash: `layers=${WIDE}&steps=1000000`, status: "#train-status" },
  { name: "race race_steps=1000000", hash: `layers=${WIDE}&race=relu,tanh,elu,sigmoid&batch=250&race_steps=1000000`, status: "#race-status" },
];

/** Installed before the page's scripts: keeps every long task. */
function observe() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask" });
}

/** The step a status line shows: "Step 120 · …", "Training to step N: 120 done", "Catching up to step N: 120 done". */
function stepOf(text) {
  const match = /^Step (\d+)/.exec(text) ?? /: (\d+) done$/.exec(text) ?? /^Race at step (\d+)/.exec(text);
  return match ? Number(match[1]) : 0;
}

/**
 * Wraps every method of the module's classes so each call over 30 ms is
 * kept by name (with `--calls`): which call a long task spent its time in.
 */
function timeCalls() {
  window.__longCalls = {};
  for (const name of ["Playground", "Race", "CurveView"]) {
    const proto = window.nnplay[name]?.prototype;
    if (!proto) continue;
    for (const method of Object.getOwnPropertyNames(proto)) {
      const original = proto[method];
      if (method === "constructor" || typeof original !== "function") continue;
      proto[method] = function (...args) {
        const start = performance.now();
        try {
          return original.apply(this, args);
        } finally {
          const took = performance.now() - start;
          if (took > 30) (window.__longCalls[`${name}.${method}`] ??= []).push(Math.round(took));
        }
      };
    }
  }
}

const CALLS = process.argv.includes("--calls");

async function watch(browser, url, link) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(observe);
  await page.goto(url);
  await page.waitForSelector("html[data-ready=true]", { timeout: 30000 });
  await page.waitForTimeout(1000); // the start's own tasks are over
  if (CALLS) await page.evaluate(timeCalls);
  const opened = await page.evaluate((hash) => {
    const at = performance.now();
    location.hash = hash;
    return at;
  }, link.hash);
  await page.waitForTimeout(WINDOW_MS);
  const { tasks, status, calls } = await page.evaluate((selector) => ({
    tasks: window.__longTasks,
    status: document.querySelector(selector).textContent,
    calls: window.__longCalls,
  }), link.status);
  if (CALLS) console.log(`${link.name}: calls over 30 ms`, JSON.stringify(calls));
  await page.close();
  const after = tasks.filter((t) => t.start >= opened);
  // The link's own task (from_link of the run and the race) starts as the hash changes.
  const opening = after.filter((t) => t.start < opened + 100);
  const catchingUp = after.filter((t) => t.start >= opened + 100);
  return {
    openingMs: Math.max(0, ...opening.map((t) => t.duration)),
    count: catchingUp.length,
    longestMs: Math.max(0, ...catchingUp.map((t) => t.duration)),
    totalMs: catchingUp.reduce((sum, t) => sum + t.duration, 0),
    steps: stepOf(status),
    longest: catchingUp.map((t) => Math.round(t.duration)).sort((a, b) => b - a).slice(0, 5),
  };
}

const server = await serveDist();
const browser = await launch();
const figures = {};
try {
  const runs = Object.fromEntries(LINKS.map((l) => [l.name, []]));
  // Alternate the links run by run, so the machine's noise falls on both alike.
  for (let i = 0; i < RUNS; i++) {
    for (const link of LINKS) runs[link.name].push(await watch(browser, server.url, link));
  }
  console.log(`${WINDOW_MS / 1000} s of catching up after opening each link, ${RUNS} runs each (run 1 / run 2)\n`);
  console.log("| link | long tasks | longest | blocked in all | steps reached | opening the link | five longest |");
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  const both = (r, f) => r.map(f).join(" / ");
  for (const link of LINKS) {
    const r = runs[link.name];
    figures[link.name] = {
      count: Math.max(...r.map((x) => x.count)),
      longestMs: Math.max(...r.map((x) => x.longestMs)),
      openingMs: Math.max(...r.map((x) => x.openingMs)),
      steps: Math.min(...r.map((x) => x.steps)),
    };
    console.log(`| ${link.name} | ${both(r, (x) => x.count)} | ${both(r, (x) => `${x.longestMs.toFixed(0)} ms`)} | ${both(r, (x) => `${x.totalMs.toFixed(0)} ms`)} | ${both(r, (x) => x.steps)} | ${both(r, (x) => `${x.openingMs.toFixed(0)} ms`)} | ${both(r, (x) => x.longest.join(", ") || "none")} |`);
  }
  record("longtasks", figures);
} finally {
  await browser.close();
  await server.close();
}
