// Browser tests of the activation race, finding its controls by accessible
// names inside the "Race" group and the race's own tables and figures.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { followLink, openPage, pixelHash, startSite, stopSite } from "./harness.js";

let server;
let browser;
before(async () => ({ server, browser } = await startSite()));
after(() => stopSite({ server, browser }));

/** A race on the circle where ReLU and tanh reach a test loss of 0.2 within 300 steps and sigmoid does not. */
const QUICK = "layers=8,8&lr=0.1&race=relu,tanh,sigmoid&target=loss:0.2";

const bar = (page) => page.getByRole("group", { name: "Race", exact: true });
const raceStep = (page) => page.locator("#race-status").evaluate((e) => Number(e.dataset.step));

/** How many pixels of the canvas are exactly `hex` (#rrggbb). */
function pixelsOf(locator, hex) {
  return locator.evaluate((canvas, color) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
    const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] === r && data[i + 1] === g && data[i + 2] === b) count++;
    return count;
  }, hex);
}

/** The results table's rows as arrays of cell texts. */
function resultRows(page) {
  return page.getByRole("table", { name: "Race results" }).locator("tbody tr")
    .evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
}

/** Plays the race until it has run more than `steps` steps, then pauses. */
async function playPast(page, steps) {
  await bar(page).getByRole("button", { name: "Play" }).click();
  // Play stops by itself once every contestant met the target, perhaps before `steps`.
  await page.waitForFunction((n) => Number(document.querySelector("#race-status").dataset.step) > n ||
    document.querySelector("#race-play").getAttribute("aria-pressed") === "false", steps);
  // Pressed in the page in one go: Play may stop by itself between a check from here and a click,
  // and the click would then wait for a Pause button that is gone.
  await page.evaluate(() => [...document.querySelectorAll('[role="group"][aria-label="Race"] button')]
    .find((b) => b.textContent === "Pause")?.click());
  assert.equal(await bar(page).getByRole("button", { name: "Play" }).count(), 1, "the race is paused");
}

describe("activation race", () => {
  test("a race of three runs: every curve and boundary draws and the table fills in", async () => {
    const { page, problems } = await openPage(browser, `${server.url}#${QUICK}`);
    const boundaries = page.getByRole("img", { name: /^Decision boundary of the .+ network$/ });
    assert.equal(await boundaries.count(), 3);
    const chart = page.getByRole("img", { name: /^Every contestant's test loss/ });
    const before = [await pixelHash(null, chart), ...await Promise.all([0, 1, 2].map((i) => pixelHash(null, boundaries.nth(i))))];
    await bar(page).getByRole("button", { name: "Step", exact: true }).click();
    assert.equal(await raceStep(page), 1);
    assert.match(await page.locator("#race-status").textContent(), /^Race at step 1 · 0 of 3 reached test loss 0\.2$/);
    await playPast(page, 300);
    const paused = await raceStep(page);
    await page.waitForTimeout(300);
    assert.equal(await raceStep(page), paused, "nothing races after Pause");
    const now = [await pixelHash(null, chart), ...await Promise.all([0, 1, 2].map((i) => pixelHash(null, boundaries.nth(i))))];
    now.forEach((hash, i) => assert.notEqual(hash, before[i], `plot ${i} changed`));
    // ReLU green, tanh blue, sigmoid vermillion (Okabe–Ito), each drawn as a curve.
    for (const color of ["#009e73", "#0072b2", "#d55e00"]) {
      assert.ok(await pixelsOf(chart, color) > 50, `a curve in ${color}`);
    }
    const rows = await resultRows(page);
    assert.deepEqual(rows.map((r) => r[0]), ["ReLU", "tanh", "Sigmoid"]);
    assert.match(rows[0][1], /^step \d+$/);
    assert.match(rows[1][1], /^step \d+$/);
    assert.equal(rows[2][1], "not yet");
    for (const r of rows) {
      assert.match(r[2], /^\d\.\d{3}$/, "test loss");
      assert.match(r[3], /^\d+\.\d%$/, "test accuracy");
      assert.match(r[4], /^\d+ of 16$/, "dead units");
    }
    assert.equal(rows[0][5], "reference");
    assert.match(rows[2][5], /^at least \d+(\.\d)?× more steps$/);
    const verdicts = await page.locator("#race-verdict li").allTextContents();
    assert.ok(verdicts.some((v) => /^(ReLU|tanh) reached test loss 0\.2 in \d+(\.\d)?× fewer steps than (ReLU|tanh)\.$/.test(v)), verdicts.join(" | "));
    await bar(page).getByRole("button", { name: "Reset" }).click();
    assert.equal(await raceStep(page), 0);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("the repeat over seeds reports progress, keeps the page responsive and can be cancelled", async () => {
    const { page, problems } = await openPage(browser, `${server.url}#layers=8,8&lr=0.1&race=relu,tanh,sigmoid&target=loss:0.001`);
    await page.getByLabel("Repeats").fill("20");
    await page.getByRole("button", { name: "Repeat over seeds" }).click();
    const progress = page.getByRole("progressbar", { name: "Repeat progress" });
    await page.waitForFunction(() => document.querySelector("#race-progress").value > 0.002);
    assert.match(await page.locator("#race-repeat-status").textContent(), /^Repeating: \d+ of 20 seeds done \(\d+%\)\.$/);
    // The page answers while the repeat runs: the training view still steps at once.
    const started = Date.now();
    await page.getByRole("group", { name: "Training" }).getByRole("button", { name: "Step", exact: true }).click();
    await page.locator("#train-status").filter({ hasText: /^Step 1 / }).waitFor({ timeout: 2000 });
    assert.ok(Date.now() - started < 2000);
    await page.getByRole("button", { name: "Cancel repeat" }).click();
    const stopped = Number(await progress.evaluate((p) => p.value));
    assert.ok(stopped > 0 && stopped < 1, `progress ${stopped}`);
    assert.match(await page.locator("#race-repeat-status").textContent(), /^Repeat cancelled after \d+ of 20 seeds/);
    await page.waitForTimeout(400);
    assert.equal(Number(await progress.evaluate((p) => p.value)), stopped, "nothing runs after Cancel");
    assert.equal(await page.getByRole("button", { name: "Cancel repeat" }).isDisabled(), true);
    // A small repeat runs to the end and fills its table and dot plot.
    await page.getByLabel("Target value").fill("0.2");
    await page.getByLabel("Target value").blur();
    const dots = page.getByRole("img", { name: /^Steps to the target in every repeat/ });
    const empty = await pixelHash(null, dots);
    await page.getByLabel("Repeats").fill("2");
    await page.getByRole("button", { name: "Repeat over seeds" }).click();
    await page.locator("#race-repeat-status").filter({ hasText: /^Repeat done: 2 seeds/ }).waitFor({ timeout: 60000 });
    const table = page.getByRole("table", { name: "Steps to the target over the seeds" });
    const cells = await table.locator("tbody tr").evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
    assert.deepEqual(cells.map((r) => r[3]), ["2 of 2", "2 of 2", "2 of 2"], "every run reached test loss 0.2");
    assert.match(cells[0][1], /^\d+(\.\d)?$/, "ReLU's median");
    assert.notEqual(await pixelHash(null, dots), empty, "the dots are drawn");
    assert.equal(Number(await progress.evaluate((p) => p.value)), 1);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("Play stops by itself once every contestant has met the target", async () => {
    const { page, problems } = await openPage(browser, `${server.url}#layers=8,8&lr=0.1&race=relu,tanh&target=loss:0.6&view=race`);
    await bar(page).getByRole("button", { name: "Play" }).click();
    await bar(page).getByRole("button", { name: "Play" }).waitFor({ timeout: 20000 });
    assert.equal(await bar(page).getByRole("button", { name: "Play" }).getAttribute("aria-pressed"), "false");
    assert.match(await page.locator("#race-status").textContent(), /· 2 of 2 reached test loss 0\.6$/);
    const step = await raceStep(page);
    await page.waitForTimeout(300);
    assert.equal(await raceStep(page), step, "no further steps");
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("a contestant that diverges is marked diverged, never the reference or faster", async () => {
    const { page, problems } = await openPage(browser, `${server.url}#data=xor&layers=8,8&lr=1&race=leaky_relu,relu&view=race`);
    await bar(page).getByRole("button", { name: "Play" }).click();
    const rows = page.locator("#race-rows tr");
    await page.waitForFunction(() => /diverged after step/.test(document.querySelector("#race-rows").textContent), null, { timeout: 30000 });
    await bar(page).getByRole("button", { name: "Pause" }).click();
    const first = await rows.nth(0).textContent();
    assert.match(first, /diverged after step [\d,]+/);
    assert.doesNotMatch(first, /reference/);
    assert.match(await rows.nth(1).textContent(), /no reference \(it diverged\)/);
    assert.match(await page.locator("#race-verdict").textContent(), /Leaky ReLU diverged after step [\d,]+, so there is no reference/);
    assert.doesNotMatch(await page.locator("#race-verdict").textContent(), /fewer steps/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("Swish and GELU race in their own colours", async () => {
    const { page, problems } = await openPage(browser, `${server.url}#${QUICK}&view=race`);
    await page.getByLabel("Contestant 2", { exact: true }).selectOption({ label: "Swish (SiLU)" });
    await page.getByLabel("Contestant 3", { exact: true }).selectOption({ label: "GELU" });
    await page.waitForFunction(() => location.hash.includes("race=relu,swish,gelu"));
    await playPast(page, 100);
    const chart = page.getByRole("img", { name: /^Every contestant's test loss/ });
    // ReLU green, swish violet, gelu crimson: the colours of src/activation/swish.rs and gelu.rs.
    for (const color of ["#009e73", "#a000f0", "#dc003c"]) {
      assert.ok(await pixelsOf(chart, color) > 50, `a curve in ${color}`);
    }
    assert.equal((await resultRows(page)).length, 3);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("the race's link reproduces the race, also embedded", async () => {
    const { page, problems } = await openPage(browser, `${server.url}#${QUICK}&view=race`);
    await page.getByLabel("Contestant 3", { exact: true }).selectOption("leaky_relu");
    await page.getByLabel("Contestant 3 alpha").fill("0.1");
    await page.getByLabel("Contestant 3 alpha").blur();
    await page.getByLabel("Contestant 4", { exact: true }).selectOption("maxout");
    await playPast(page, 150);
    await page.waitForFunction(() => location.hash.includes("race_steps="));
    const url = page.url();
    const steps = await raceStep(page);
    assert.match(url, new RegExp(`race=relu,tanh,leaky_relu:0\\.1,maxout&target=loss:0\\.2&race_steps=${steps}`));
    const rows = await resultRows(page);
    assert.equal(rows.length, 4);
    for (const view of [url, url.replace("#", "#embed=race&")]) {
      const opened = await openPage(browser, view);
      await opened.page.waitForFunction((n) => Number(document.querySelector("#race-status").dataset.step) === n, steps);
      assert.deepEqual(await resultRows(opened.page), rows, "the same race, to the last digit shown");
      assert.equal(await opened.page.getByLabel("Contestant 4", { exact: true }).inputValue(), "maxout");
      assert.equal(await opened.page.getByRole("region", { name: "Race activations" }).isVisible(), true);
      assert.deepEqual(opened.problems, []);
      await opened.page.close();
    }
    const embedded = await openPage(browser, url.replace("#", "#embed=race&"));
    assert.equal(await embedded.page.locator("#train").isVisible(), false, "the embed shows the race alone");
    await embedded.page.close();
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("the race follows the training view's settings, and a preset from the notes shows ReLU dying", async () => {
    const { page, problems } = await openPage(browser, `${server.url}#${QUICK}`);
    for (let i = 0; i < 3; i++) await bar(page).getByRole("button", { name: "Step", exact: true }).click();
    assert.equal(await raceStep(page), 3);
    await page.getByLabel("Learning rate").selectOption("0.3");
    // The race follows in a task of its own, after the training view's rebuild.
    await page.waitForFunction(() => document.getElementById("race-status").dataset.step === "0", null, { timeout: 5000 });
    assert.equal(await page.getByLabel("Learning rate", { exact: true }).inputValue(), "0.3");
    // A link's race is built once: by its own piece, not again by following the training view's rebuild.
    await page.evaluate(() => {
      const race = window.nnplay.Race;
      const build = race.from_link;
      window.raceBuilds = 0;
      race.from_link = (...args) => { window.raceBuilds++; return build(...args); };
    });
    await followLink(page, "Leaky ReLU against ReLU at a high learning rate");
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.raceBuilds), 1, "the link's race built once");
    assert.equal(await page.getByLabel("Learning rate").inputValue(), "1");
    await playPast(page, 300);
    const [leaky, relu] = await resultRows(page);
    assert.equal(leaky[0], "Leaky ReLU");
    assert.equal(leaky[4], "0 of 16");
    assert.ok(Number(/^(\d+) of 16$/.exec(relu[4])[1]) >= 4, `ReLU's dead units: ${relu[4]}`);
    assert.match(leaky[1], /^step \d+$/);
    assert.equal(relu[1], "not yet");
    assert.deepEqual(problems, []);
    await page.close();
  });
});
