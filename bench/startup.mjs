// The start, unthrottled, in headless Chromium: for the page, the explorer
// embed and the training embed, loaded fresh RUNS times each — the long
// tasks (over 50 ms) before the view is drawn, the layout shift with each
// shift's sources (a PerformanceObserver, since Lighthouse 12's own
// layout-shift audit errors on this Chromium), and the gzip bytes that
// arrived before the first curve. At a desktop viewport and at Lighthouse's
// mobile one (412 × 823 CSS px, a touch screen), where the panels stack and
// late-filled controls push the plots down. Prints a table per viewport;
// bench/all.sh runs it. NNPLAY_STARTUP_RUNS sets the loads per view.
import { gzipSync } from "node:zlib";
import { collectBodies, launch, serveDist } from "../tests/e2e/harness.js";
import { record } from "./results.js";

const RUNS = Number(process.env.NNPLAY_STARTUP_RUNS ?? 5);
/** The desktop run (its figures keep their old keys) and Lighthouse 12's mobile screen emulation. */
const VIEWPORTS = [
  { name: "desktop", key: "", options: { viewport: { width: 1280, height: 720 } } },
  {
    name: "mobile", key: "mobile ",
    options: { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true },
  },
  // Lighthouse's mobile preset slows the CPU 4×. Unthrottled, this machine
  // runs the module before the first paint, so late layout never shows as a
  // shift (the mobile run above read 0 where Lighthouse read 0.48–1.0);
  // slowed down, the first paint comes first, as on a phone.
  {
    name: "mobile, CPU 4× slower",
    key: "slow ",
    cpuSlowdown: 4,
    options: { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true },
  },
];
/** NNPLAY_STARTUP_VIEWPORTS picks viewports by key ("desktop,mobile,slow"; all by default). */
const CHOSEN = process.env.NNPLAY_STARTUP_VIEWPORTS?.split(",");
const CHOSEN_VIEWPORTS = VIEWPORTS.filter((vp) => !CHOSEN || CHOSEN.includes(vp.key.trim() || "desktop"));
const VIEWS = [
  { name: "page", hash: "" },
  { name: "#embed=curves", hash: "#embed=curves" },
  { name: "#embed=train", hash: "#embed=train" },
];

/** Installed before any of the page's scripts: records long tasks and layout shifts with their sources. */
function observe() {
  const seen = { tasks: [], shifts: [] };
  window.__startup = seen;
  const describe = (node) => {
    if (!node || node.nodeType !== 1) return node ? node.nodeName : "(removed)";
    const id = node.id ? `#${node.id}` : "";
    const cls = node.classList?.length ? `.${[...node.classList].join(".")}` : "";
    return `${node.localName}${id}${cls}`;
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) seen.tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask" });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      seen.shifts.push({
        start: e.startTime,
        value: e.value,
        sources: e.sources.map((s) => `${describe(s.node)} ${s.previousRect.width}×${s.previousRect.height}→${s.currentRect.width}×${s.currentRect.height}`),
      });
    }
  }).observe({ type: "layout-shift", buffered: true });
  // An init script may run before <html> exists, so this watches the document (after the observers above, which must not miss a thing).
  new MutationObserver(() => {
    if (seen.ready === undefined && document.documentElement?.dataset.ready === "true") seen.ready = performance.now();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-ready"] });
}

/** The largest sum of shifts within one session window (1 s gap, 5 s span): how CLS is defined. */
function cumulativeShift(shifts) {
  let best = 0, sum = 0, first = -Infinity, last = -Infinity;
  for (const s of shifts) {
    if (s.start - last > 1000 || s.start - first > 5000) { sum = 0; first = s.start; }
    sum += s.value;
    last = s.start;
    best = Math.max(best, sum);
  }
  return best;
}

async function loadOnce(browser, url, options, cpuSlowdown = 1) {
  const page = await browser.newPage(options);
  await page.addInitScript(observe);
  if (cpuSlowdown > 1) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
  }
  const bodies = collectBodies(page);
  await page.goto(url);
  await page.waitForSelector("html[data-ready=true]", { timeout: 30000 });
  await page.waitForTimeout(1500); // late shifts and deferred work
  const result = await page.evaluate(() => {
    const mark = performance.getEntriesByName("nnplay:first-curve")[0];
    const drawn = mark?.startTime ?? window.__startup.ready ?? performance.now();
    const arrived = Object.fromEntries(performance.getEntriesByType("resource").map((r) => [r.name, r.responseEnd]));
    const parts = performance.getEntriesByType("measure")
      .filter((m) => m.name.startsWith("nnplay:"))
      .map((m) => ({ name: m.name.slice("nnplay:".length), start: m.startTime, duration: m.duration }));
    return { ...window.__startup, drawn, hasCurve: Boolean(mark), arrived, navigation: location.href, parts };
  });
  await page.close();
  const gzip = (b) => gzipSync(b, { level: 9 }).length;
  const beforeCurve = bodies
    .filter(({ url: u }) => u === result.navigation.split("#")[0] || (result.arrived[u] ?? Infinity) <= result.drawn)
    .reduce((sum, { body }) => sum + gzip(body), 0);
  const tasksBefore = result.tasks.filter((t) => t.start < result.drawn);
  return {
    drawnMs: result.drawn,
    hasCurve: result.hasCurve,
    longestBeforeMs: Math.max(0, ...tasksBefore.map((t) => t.duration)),
    longTasksBefore: tasksBefore.length,
    longestAnyMs: Math.max(0, ...result.tasks.map((t) => t.duration)),
    cls: cumulativeShift(result.shifts),
    shifts: result.shifts,
    parts: result.parts,
    bytesBeforeCurve: beforeCurve,
    bytesAll: bodies.reduce((sum, { body }) => sum + gzip(body), 0),
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const server = await serveDist();
const browser = await launch();
const figures = {};
try {
  for (const vp of CHOSEN_VIEWPORTS) {
    const runs = Object.fromEntries(VIEWS.map((v) => [v.name, []]));
    // Alternate the views run by run, so the machine's noise falls on all alike.
    for (let i = 0; i < RUNS; i++) {
      for (const v of VIEWS) runs[v.name].push(await loadOnce(browser, server.url + v.hash, vp.options, vp.cpuSlowdown));
    }
    const { width, height } = vp.options.viewport;
    console.log(`\n${vp.name}: ${vp.cpuSlowdown ? `CPU ${vp.cpuSlowdown}× slower` : "unthrottled"}, ${width} × ${height}, median (min–max) of ${RUNS} fresh loads each\n`);
    console.log("| view | drawn at | longest task before it | long tasks before it | longest task in all | CLS | gzip kB before first curve | gzip kB in all |");
    console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
    const span = (xs, f) => `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})`;
    const msf = (x) => `${x.toFixed(0)} ms`;
    for (const v of VIEWS) {
      const r = runs[v.name];
      const pick = (k) => r.map((x) => x[k]);
      figures[vp.key + v.name] = {
        drawnMs: median(pick("drawnMs")),
        longestBeforeMs: median(pick("longestBeforeMs")),
        longestBeforeMax: Math.max(...pick("longestBeforeMs")),
        longestAnyMs: median(pick("longestAnyMs")),
        cls: median(pick("cls")),
        clsMax: Math.max(...pick("cls")),
        bytesBeforeCurve: median(pick("bytesBeforeCurve")),
        bytesAll: median(pick("bytesAll")),
        hasCurve: r.every((x) => x.hasCurve),
      };
      console.log(`| ${v.name} | ${span(pick("drawnMs"), msf)} | ${span(pick("longestBeforeMs"), msf)} | ${median(pick("longTasksBefore"))} | ${span(pick("longestAnyMs"), msf)} | ${span(pick("cls"), (x) => x.toFixed(3))} | ${v.name === "#embed=train" ? "(no curve)" : (median(pick("bytesBeforeCurve")) / 1000).toFixed(1)} | ${(median(pick("bytesAll")) / 1000).toFixed(1)} |`);
    }
    const sources = new Map();
    for (const v of VIEWS) {
      for (const run of runs[v.name]) {
        for (const s of run.shifts) {
          for (const src of s.sources) {
            const key = `${v.name}: ${src}`;
            sources.set(key, Math.max(sources.get(key) ?? 0, s.value));
          }
        }
      }
    }
    // The start's parts (app.js phases, each panel's first paint), median ms per view.
    for (const v of VIEWS) {
      const names = [...new Set(runs[v.name].flatMap((r) => r.parts.map((p) => p.name)))];
      const text = names.map((n) => {
        const xs = runs[v.name].map((r) => r.parts.filter((p) => p.name === n).reduce((a, p) => a + p.duration, 0));
        return `${n} ${median(xs).toFixed(0)}`;
      });
      console.log(`\n${v.name} parts (ms): ${text.join(", ")}`);
      // The longest single part (a part may run as several tasks, such as the link's, one per panel).
      const longest = runs[v.name].map((r) => r.parts.filter((p) => p.name.startsWith("start ")).reduce((a, p) => (p.duration > a.duration ? p : a), { duration: 0 }));
      console.log(`${v.name} longest single part per load: ${longest.map((p) => `${p.name?.slice(6)} ${p.duration.toFixed(0)}`).join(", ")}`);
    }
    console.log(sources.size ? `\n${vp.name} layout-shift sources (largest shift each):` : `\n${vp.name}: no layout shift in any load`);
    for (const [key, value] of [...sources].sort((a, b) => b[1] - a[1]).slice(0, 16)) console.log(`  ${value.toFixed(4)}  ${key}`);
  }
  record("startup", figures);
} finally {
  await browser.close();
  await server.close();
}
