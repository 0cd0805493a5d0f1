// Lighthouse 12.2.3 (pinned in package.json; 13 needs Node 22), mobile
// preset with its simulated throttling, on the page, the explorer embed and
// the training embed: RUNS runs each, alternating, the median of each figure
// and its spread. Lighthouse's layout-shift and LCP-element audits error on
// Chromium 156, so bench/startup.mjs lists each shift's sources with a
// PerformanceObserver; a score alone is not trusted on a noisy machine.
// The site is served with its precompressed .br/.gz copies, as a static host
// would. Run: node bench/lighthouse.mjs (bench/all.sh runs it).
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { serveDist } from "../tests/e2e/harness.js";
import { record } from "./results.js";

const RUNS = Number(process.env.NNPLAY_LIGHTHOUSE_RUNS ?? 3);
const VIEWS = [
  { name: "page", hash: "" },
  { name: "#embed=curves", hash: "#embed=curves" },
  { name: "#embed=train", hash: "#embed=train" },
];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];

const server = await serveDist({ compressed: true });
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run"],
});
const runs = Object.fromEntries(VIEWS.map((v) => [v.name, []]));
try {
  for (let i = 0; i < RUNS; i++) {
    for (const v of VIEWS) {
      const { lhr } = await lighthouse(server.url + v.hash, {
        port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES,
      });
      const score = (c) => Math.round((lhr.categories[c]?.score ?? NaN) * 100);
      const numeric = (a) => lhr.audits[a]?.numericValue ?? NaN;
      const failed = Object.values(lhr.audits)
        .filter((a) => a.scoreDisplayMode === "error")
        .map((a) => a.id);
      runs[v.name].push({
        performance: score("performance"),
        accessibility: score("accessibility"),
        bestPractices: score("best-practices"),
        seo: score("seo"),
        tbtMs: numeric("total-blocking-time"),
        cls: numeric("cumulative-layout-shift"),
        lcpMs: numeric("largest-contentful-paint"),
        fcpMs: numeric("first-contentful-paint"),
        erroredAudits: failed,
      });
    }
  }
} finally {
  await chrome.kill();
  await server.close();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const figures = {};
console.log(`Lighthouse 12.2.3, mobile preset (simulated throttling), median (min–max) of ${RUNS} runs\n`);
console.log("| view | performance | total blocking time | CLS | LCP | accessibility | best practices | SEO |");
console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
for (const v of VIEWS) {
  const r = runs[v.name];
  const pick = (k) => r.map((x) => x[k]).filter((x) => Number.isFinite(x));
  const span = (k, f) => {
    const xs = pick(k);
    return xs.length ? `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})` : "errored";
  };
  figures[v.name] = Object.fromEntries(
    ["performance", "accessibility", "bestPractices", "seo", "tbtMs", "cls", "lcpMs"].map((k) => [k, pick(k).length ? median(pick(k)) : null]),
  );
  figures[v.name].runs = r;
  const ms = (x) => `${x.toFixed(0)} ms`;
  const n = (x) => `${x}`;
  console.log(`| ${v.name} | ${span("performance", n)} | ${span("tbtMs", ms)} | ${span("cls", (x) => x.toFixed(3))} | ${span("lcpMs", ms)} | ${span("accessibility", n)} | ${span("bestPractices", n)} | ${span("seo", n)} |`);
}
const errored = [...new Set(Object.values(runs).flat().flatMap((x) => x.erroredAudits))];
if (errored.length) console.log(`\naudits that errored on this Chromium: ${errored.join(", ")}`);
record("lighthouse", figures);
