// Browser tests of the two wasm modules of a release build
// (scripts/first-module.mjs): the explorer-first module draws the page's
// first curves and the full one is fetched only after them; an embed of
// another panel loads the full module alone; the first module's settings
// are the full module's, key for key.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { openPage, startSite, stopSite } from "./harness.js";

let server;
let browser;
before(async () => ({ server, browser } = await startSite()));
after(() => stopSite({ server, browser }));

const FIRST_WASM = /\/nnplay-first-[0-9a-f]{16}_bg\.wasm$/;
const FULL_WASM = /\/nnplay-[0-9a-f]{16}_bg\.wasm$/;

/** The page's wasm fetches, {name, start, end} on its clock, and when the first curve was drawn. */
function timeline(page) {
  return page.evaluate(() => ({
    curve: performance.getEntriesByName("nnplay:first-curve")[0]?.startTime ?? null,
    wasm: performance.getEntriesByType("resource")
      .filter((r) => r.name.endsWith(".wasm"))
      .map((r) => ({ name: r.name, start: r.startTime, end: r.responseEnd })),
  }));
}

describe("the explorer-first module", () => {
  test("the page draws its first curve with the explorer-first module and fetches the full one after it", async () => {
    const { page, problems } = await openPage(browser, server.url, { viewport: { width: 1280, height: 720 } });
    const { curve, wasm } = await timeline(page);
    assert.ok(curve !== null, "the first curve was drawn");
    const first = wasm.filter((r) => FIRST_WASM.test(r.name));
    const full = wasm.filter((r) => FULL_WASM.test(r.name));
    assert.equal(first.length, 1, `one explorer-first module: ${JSON.stringify(wasm)}`);
    assert.equal(full.length, 1, `one full module: ${JSON.stringify(wasm)}`);
    assert.ok(first[0].end <= curve, `the explorer-first module arrived (${first[0].end} ms) before the first curve (${curve} ms)`);
    assert.ok(full[0].start >= curve, `the full module was fetched (${full[0].start} ms) after the first curve (${curve} ms)`);
    // The explorer draws with the first module; window.nnplay is the whole API.
    const modules = await page.evaluate(() => ({
      explorer: Object.keys(window.nnplayPanels.explorer.api),
      page: Object.keys(window.nnplay),
    }));
    assert.ok(modules.explorer.includes("CurveView") && !modules.explorer.includes("Playground") && !modules.explorer.includes("read_link"),
      `the explorer's module: ${modules.explorer}`);
    for (const name of ["Playground", "Model", "Race", "read_link", "CurveView", "settings"]) assert.ok(modules.page.includes(name), `window.nnplay.${name}`);
    // The controls the first module's catalogue lacks took their ranges from the full module's.
    const train = page.getByRole("group", { name: "Training" });
    assert.ok(await page.getByLabel("Learning rate").locator("option").count() > 3, "the learning rate menu is filled");
    assert.equal(await page.getByLabel("Seed", { exact: true }).getAttribute("max"), String(2 ** 53 - 1));
    await train.getByRole("button", { name: "Step", exact: true }).click();
    await page.waitForFunction(() => /^Step 1 /.test(document.getElementById("train-status").textContent));
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("the explorer and softmax embeds start with it; another panel's embed loads the full module alone", async () => {
    for (const [hash, firstCount] of [["#embed=curves", 1], ["#embed=softmax", 1], ["#embed=train", 0], ["#embed=race", 0]]) {
      const { page, problems } = await openPage(browser, `${server.url}${hash}`);
      const { wasm } = await timeline(page);
      assert.equal(wasm.filter((r) => FIRST_WASM.test(r.name)).length, firstCount, `${hash}: ${JSON.stringify(wasm)}`);
      assert.equal(wasm.filter((r) => FULL_WASM.test(r.name)).length, 1, `${hash}: ${JSON.stringify(wasm)}`);
      assert.deepEqual(problems, [], hash);
      await page.close();
    }
  });

  test("its settings are the full module's, key for key", async () => {
    const { page, problems } = await openPage(browser, server.url);
    const { first, full } = await page.evaluate(() => ({
      first: window.nnplayPanels.explorer.api.settings(),
      full: window.nnplay.settings(),
    }));
    assert.deepEqual(first.map((s) => s.key), ["theme", "curves", "xmin", "xmax", "leaky", "prelu", "elu", "maxout", "x", "logits", "t"]);
    for (const setting of first) assert.deepEqual(setting, full.find((s) => s.key === setting.key), setting.key);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
