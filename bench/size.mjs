// The transfer budget of issue #18, in headless Chromium: the gzip bytes a
// browser fetches before the first drawn curve, for the page and for the
// explorer embed (#embed=curves), and the whole site. What counts is what
// playwright sees on the network (every finished request of the page,
// preloads and dynamic imports included), each body gzipped at level 9 as a
// static host's .gz copy would be; a request counts as "before the first
// curve" when its response ended before the page's nnplay:first-curve mark,
// both read on the page's own clock (resource timing). The whole site is
// dist/ as built (every file but the .br/.gz copies) and, beside it, what one
// full session of the page loads with every panel scrolled into view.
// Run after a release build: node bench/size.mjs. bench/all.sh runs it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { launch, serveDist } from "../tests/e2e/harness.js";
import { record } from "./results.js";

const DIST = resolve(process.env.NNPLAY_DIST ?? resolve(import.meta.dirname, "../dist"));
const RUNS = Number(process.env.NNPLAY_SIZE_RUNS ?? 3);
const FIRST_VIEW = 150_000;
const WHOLE_SITE = 250_000;
const VIEWS = [
  { name: "page", hash: "" },
  { name: "#embed=curves", hash: "#embed=curves" },
];

const gzip = (body) => gzipSync(body, { level: 9 }).length;
const kB = (n) => (n / 1000).toFixed(1);
const status = (n, limit) => (n <= limit ? "met" : "**over**");
const fileName = (url) => new URL(url).pathname.split("/").pop() || "index.html";

/** Every finished request of `page` as {url, body}, filled in as they finish. */
function network(page) {
  const seen = [];
  page.on("requestfinished", async (request) => {
    const entry = { url: request.url(), body: null };
    seen.push(entry);
    try {
      entry.body = await (await request.response())?.body() ?? null;
    } catch {
      // A redirect or an aborted body has nothing to count.
    }
  });
  return seen;
}

/** Waits until nothing has been fetched for `quiet` ms (the page's later loads have landed). */
async function settle(page, seen, quiet = 1000) {
  let count = -1;
  while (count !== seen.length) {
    count = seen.length;
    await page.waitForTimeout(quiet);
  }
}

/** One fresh load of `url`: every response with when it ended, and when the first curve was drawn. */
async function loadOnce(browser, url, { scrollAll = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const seen = network(page);
  await page.goto(url);
  await page.waitForSelector("html[data-ready=true]", { timeout: 30000 });
  await page.waitForFunction(() => performance.getEntriesByName("nnplay:first-curve").length > 0, null, { timeout: 30000 });
  if (scrollAll) {
    for (const id of await page.$$eval("main section[id]", (s) => s.map((e) => e.id))) {
      await page.$eval(`#${id}`, (e) => e.scrollIntoView());
      await page.waitForTimeout(300);
    }
  }
  await settle(page, seen);
  const clock = await page.evaluate(() => {
    const ends = {};
    for (const e of performance.getEntriesByType("resource")) ends[e.name] = Math.max(ends[e.name] ?? 0, e.responseEnd);
    const nav = performance.getEntriesByType("navigation")[0];
    return { curve: performance.getEntriesByName("nnplay:first-curve")[0].startTime, ends, document: nav.name, documentEnd: nav.responseEnd };
  });
  await context.close();
  const unique = new Map();
  for (const { url: u, body } of seen) if (body && !unique.has(u)) unique.set(u, body);
  return [...unique].map(([u, body]) => {
    const end = u.split("#")[0] === clock.document.split("#")[0] ? clock.documentEnd : clock.ends[u];
    return { url: u, file: fileName(u), raw: body.length, gzip: gzip(body), beforeCurve: end !== undefined && end <= clock.curve, curveMs: clock.curve };
  });
}

/** Every file of dist/ but the precompressed copies, with its gzip size. */
function distFiles(dir = DIST, prefix = "") {
  const files = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...distFiles(path, `${prefix}${name}/`));
    else if (!/\.(br|gz)$/.test(name)) {
      const body = readFileSync(path);
      files.push({ file: prefix + name, raw: body.length, gzip: gzip(body) });
    }
  }
  return files;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sum = (files) => files.reduce((a, f) => a + f.gzip, 0);
const server = await serveDist();
const browser = await launch();
const figures = {};
try {
  const runs = Object.fromEntries(VIEWS.map((v) => [v.name, []]));
  // The views alternate run by run, so the machine's noise falls on both alike.
  for (let i = 0; i < RUNS; i++) for (const v of VIEWS) runs[v.name].push(await loadOnce(browser, server.url + v.hash));
  console.log("| view | gzip kB before the first curve (median of runs) | files before it | limit | status |");
  console.log("| --- | --- | --- | --- | --- |");
  for (const v of VIEWS) {
    const totals = runs[v.name].map((files) => sum(files.filter((f) => f.beforeCurve)));
    const bytes = median(totals);
    const typical = runs[v.name][totals.indexOf(bytes)].filter((f) => f.beforeCurve);
    figures[v.name] = { bytesBeforeCurve: bytes, runs: totals, files: typical.map(({ file, raw, gzip: g }) => ({ file, raw, gzip: g })) };
    const list = typical.sort((a, b) => b.gzip - a.gzip).map((f) => `${f.file} ${kB(f.gzip)}`).join(", ");
    console.log(`| ${v.name} | ${kB(bytes)} (${totals.map(kB).join(", ")}) | ${list} | ≤ ${kB(FIRST_VIEW)} kB | ${status(bytes, FIRST_VIEW)} |`);
  }
  const session = await loadOnce(browser, server.url, { scrollAll: true });
  const dist = distFiles();
  const site = sum(dist);
  const fetched = new Set(session.map((f) => f.file));
  figures.session = { bytes: sum(session), files: session.map(({ file, raw, gzip: g }) => ({ file, raw, gzip: g })) };
  figures.site = { bytes: site, files: dist };
  console.log(`\nWhole site, gzip: dist/ ${kB(site)} kB (limit ${kB(WHOLE_SITE)} kB: ${status(site, WHOLE_SITE)}); one full session of the page (every panel scrolled into view) fetched ${kB(sum(session))} kB.`);
  console.log("\n| file in dist/ | raw kB | gzip kB | fetched by the page's session |");
  console.log("| --- | --- | --- | --- |");
  for (const f of dist.sort((a, b) => b.gzip - a.gzip)) console.log(`| ${f.file} | ${kB(f.raw)} | ${kB(f.gzip)} | ${fetched.has(f.file.split("/").pop()) ? "yes" : "no"} |`);
  record("size", figures);
} finally {
  await browser.close();
  await server.close();
}
