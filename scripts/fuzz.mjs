// The big fuzz run: `node scripts/fuzz.mjs [calls] [links] [page loads]`
// (defaults 10000, 3000 and 150) against the built dist/, with the same
// seeded fuzzers the browser test runs at smaller counts: API calls; links
// through every door a link takes (read, rewrite, build, train, draw); and
// full page loads of hostile links. Prints the counts by outcome as JSON.
import { launch, serveDist } from "../tests/e2e/harness.js";
import { fuzzApi, fuzzLinkDoors, hostileLinks } from "../tests/e2e/fuzz.js";

const calls = Number(process.argv[2] ?? 10000);
const linkCount = Number(process.argv[3] ?? 3000);
const pageLoads = Number(process.argv[4] ?? 150);
const server = await serveDist();
const browser = await launch();
const report = { api: { calls: 0, returned: 0, clean: 0, traps: 0, panics: 0, rawErrors: 0, slow: 0, freedCalls: 0, injected: 0, stateLost: 0 } };
try {
  // The API calls, in pages of 1000 calls each (a fresh page per seed).
  for (let seed = 1; report.api.calls < calls; seed++) {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForSelector("html[data-ready=true]", { timeout: 20000 });
    const counts = await page.evaluate(fuzzApi, { seed, calls: Math.min(1000, calls - report.api.calls), slowMs: 2000 });
    for (const key of ["calls", "returned", "clean", "traps", "panics", "rawErrors", "slow", "freedCalls"]) report.api[key] += counts[key];
    report.api.injected += counts.injected;
    report.api.stateLost += counts.stillAnswers ? 0 : 1;
    if (counts.traps || counts.rawErrors || counts.slow || counts.panics) console.error(JSON.stringify(counts.samples));
    await page.close();
  }
  // The links through the doors, 500 to a page.
  const doors = { links: 0, built: 0, clean: 0, traps: 0, rawErrors: 0, slow: 0, injected: 0, stateLost: 0 };
  const all = hostileLinks(2026, linkCount);
  for (let at = 0; at < all.length; at += 500) {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForSelector("html[data-ready=true]", { timeout: 20000 });
    const counts = await page.evaluate(fuzzLinkDoors, { links: all.slice(at, at + 500), slowMs: 2000 });
    for (const key of ["links", "built", "clean", "traps", "rawErrors", "slow", "injected"]) doors[key] += counts[key];
    doors.stateLost += counts.stillAnswers ? 0 : 1;
    if (counts.samples.length) console.error(JSON.stringify(counts.samples));
    await page.close();
  }
  report.linkDoors = doors;
  // Full page loads of hostile links, each from a blank page.
  const links = hostileLinks(4242, pageLoads);
  const page = await browser.newPage();
  let pageErrors = 0;
  page.on("pageerror", () => { pageErrors += 1; });
  const tally = { opened: 0, ready: 0, hangs: 0, panics: 0, injected: 0, stateLost: 0, withNotice: 0 };
  for (const link of links) {
    tally.opened += 1;
    await page.goto("about:blank");
    await page.goto(`${server.url}#${link}`);
    try {
      await page.waitForSelector("html[data-ready=true]", { timeout: 20000 });
      tally.ready += 1;
    } catch {
      tally.hangs += 1;
      continue;
    }
    const state = await page.evaluate(() => ({
      injected: Boolean(window.__injected),
      panic: !document.getElementById("panic").hidden,
      notice: !document.getElementById("link-notice").hidden,
      answers: Array.from(window.nnplay.activate("relu", [1])).join() === "1",
    }));
    tally.injected += state.injected ? 1 : 0;
    tally.panics += state.panic ? 1 : 0;
    tally.withNotice += state.notice ? 1 : 0;
    tally.stateLost += state.answers ? 0 : 1;
  }
  tally.pageErrors = pageErrors;
  report.pageLoads = tally;
} finally {
  await browser.close();
  await server.close();
}
console.log(JSON.stringify(report, null, 2));
