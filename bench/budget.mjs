// Measures the page's budgets: the gzip size of everything it transfers and
// the time from navigation to the first drawn curve, in headless Chromium.
// Run: bash bench/budget.sh (builds the release site first). Prints a table.
import { gzipSync } from "node:zlib";
import { collectBodies, launch, openPage, serveDist } from "../tests/e2e/harness.js";
import { record } from "./results.js";

const RUNS = 7;

/** Gzip size (level 9) of every response the page loads, by file. */
async function transferSizes(browser, url) {
  const page = await browser.newPage();
  const bodies = collectBodies(page);
  await page.goto(url);
  await page.waitForSelector("html[data-ready=true]");
  await page.waitForTimeout(300);
  await page.close();
  return bodies.map(({ url: u, body }) => ({
    file: new URL(u).pathname.split("/").pop() || "index.html",
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
  }));
}

/** Milliseconds from navigation start to the first curve, one fresh page per run. */
async function firstCurveTimes(browser, url) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const { page } = await openPage(context, url);
    times.push(await page.evaluate(() => performance.getEntriesByName("nnplay:first-curve")[0].startTime));
    await context.close();
  }
  return times.sort((a, b) => a - b);
}

const server = await serveDist();
const browser = await launch();
try {
  const sizes = await transferSizes(browser, server.url);
  const times = await firstCurveTimes(browser, server.url);
  const kb = (n) => (n / 1024).toFixed(1);
  console.log("file                              raw KiB   gzip KiB");
  for (const s of sizes) console.log(`${s.file.padEnd(32)} ${kb(s.raw).padStart(8)} ${kb(s.gzip).padStart(10)}`);
  const total = sizes.reduce((a, s) => a + s.gzip, 0);
  console.log(`total gzip transfer: ${kb(total)} KiB (${(total / 1000).toFixed(1)} kB; what counts for the budgets: bench/size.mjs)`);
  const median = times[Math.floor(times.length / 2)];
  console.log(`first curve after navigation: median ${median.toFixed(0)} ms, min ${times[0].toFixed(0)}, max ${times.at(-1).toFixed(0)} over ${RUNS} loads (budget 300 ms)`);
  record("budget", { gzipBytes: total, files: sizes, firstCurveMs: { median, min: times[0], max: times.at(-1), runs: RUNS } });
} finally {
  await browser.close();
  await server.close();
}
