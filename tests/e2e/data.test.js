// Browser tests of the reader's own data and the metrics: drawing points,
// loading a CSV, the confusion matrix, Regenerate and Discretize output,
// finding controls by their accessible names.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { openPage, pixelHash, startSite, stopSite } from "./harness.js";

let server;
let browser;
before(async () => ({ server, browser } = await startSite()));
after(() => stopSite({ server, browser }));

const heatmapOf = (page) =>
  page.getByRole("region", { name: "Train a network with SGD" }).getByRole("img", { name: /^Decision boundary/ });

/** The data's count line, as numbers: {total, train, test}. */
async function countOf(page) {
  const text = await page.locator("#data-count").textContent();
  const match = /^(\d+) points?(?: \(train (\d+), test (\d+)\))?/.exec(text);
  assert.ok(match, `a count line: ${text}`);
  return { total: Number(match[1]), train: Number(match[2]), test: Number(match[3]) };
}

/** The `points` value of the page's link once it has synced to drawn data other than `previous`. */
async function linkPoints(page, previous = null) {
  const handle = await page.waitForFunction((old) => {
    const m = /[#&]points=([^&]*)/.exec(location.hash);
    return location.hash.includes("data=custom") && m && m[1] !== old ? m[1] : false;
  }, previous);
  return handle.jsonValue();
}

/** Opens "Your own data" (closed by default: the notes' path comes first); the heatmap then takes points. */
const openOwnData = (page) => page.locator("summary", { hasText: "Your own data" }).click();
/** Opens the Metrics drawer beside the loss chart (closed by default, so the instrument fits one screen). */
const openMetrics = (page) => page.locator("summary", { hasText: "Metrics" }).click();

describe("your own data", () => {
  test("clicking the heatmap adds a point to the data and to the link; shift-click removes it", async () => {
    const { page, problems } = await openPage(browser, server.url);
    const heatmap = heatmapOf(page);
    assert.equal((await countOf(page)).total, 500);
    await heatmap.click({ position: { x: 40, y: 40 } });
    assert.equal((await countOf(page)).total, 500, "with the section closed, a click on the heatmap changes nothing");
    await openOwnData(page);
    await heatmap.click({ position: { x: 40, y: 40 } });
    assert.equal((await countOf(page)).total, 501, "the first click starts from the 500 points shown");
    assert.equal(await page.getByLabel("Dataset").inputValue(), "custom");
    await assert.doesNotReject(page.getByText(/The link cannot carry the drawn data: it has 501 points .* at most 200/).waitFor());
    await heatmap.click({ position: { x: 40, y: 40 }, modifiers: ["Shift"] });
    assert.equal((await countOf(page)).total, 500);
    const box = await heatmap.boundingBox();
    await page.mouse.move(box.x + 40, box.y + 40);
    await page.mouse.down();
    await page.waitForTimeout(700);
    await page.mouse.up();
    assert.equal((await countOf(page)).total, 499, "a long press removes the nearest point");

    await page.getByRole("button", { name: "Clear data" }).click();
    assert.equal((await countOf(page)).total, 0);
    await heatmap.click({ position: { x: 30, y: 30 } });
    await page.getByLabel("Class", { exact: true }).selectOption("1");
    await heatmap.click({ position: { x: 200, y: 200 } });
    assert.deepEqual(await countOf(page), { total: 2, train: 1, test: 1 });
    const two = await linkPoints(page);
    assert.ok(two, "the link carries the two points");
    assert.match(await page.evaluate(() => location.hash), /data=custom/);
    await heatmap.focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    assert.equal((await countOf(page)).total, 3, "Enter adds a point at the crosshair");
    const three = await linkPoints(page, two);
    assert.notEqual(three, two);
    await page.keyboard.press("Delete");
    assert.equal((await countOf(page)).total, 2, "Delete removes the nearest point");
    assert.equal(await linkPoints(page, three), two, "the same two points, the same link");

    // The link rebuilds the drawn data.
    const url = await page.evaluate(() => location.href);
    const { page: again, problems: later } = await openPage(browser, url);
    assert.deepEqual(await countOf(again), { total: 2, train: 1, test: 1 });
    assert.equal(await again.locator("#own-data").getAttribute("open"), "", "a link with drawn data opens Your own data");
    assert.deepEqual([...problems, ...later], []);
    await page.close();
    await again.close();
  });

  test("a bad CSV shows each bad row's line and column and leaves the data unchanged", async () => {
    const { page, problems } = await openPage(browser, server.url);
    const before = await countOf(page);
    await openOwnData(page);
    await page.getByLabel("CSV data").fill("x1,x2,label\n1,2,0\n1,abc,1\n\n9,0,1\n");
    await page.getByRole("button", { name: "Load CSV" }).click();
    const alert = page.locator("#csv-alert");
    assert.equal(await alert.getAttribute("role"), "alert");
    assert.ok(await alert.isVisible());
    const text = await alert.textContent();
    assert.match(text, /data is unchanged/);
    assert.match(text, /line 3, column 2 \(x2\): expected a number from -6 to 6, got "abc"/);
    assert.match(text, /line 5, column 1 \(x1\): expected a number from -6 to 6, got "9"/);
    assert.deepEqual(await countOf(page), before);
    assert.equal(await page.getByLabel("Dataset").inputValue(), "circle");
    await page.waitForTimeout(300);
    assert.doesNotMatch(await page.evaluate(() => location.hash), /data=|points=/, "the link's data is unchanged too");

    await page.getByLabel("CSV data").fill("x1,x2,label\n1,2,0\n-1,-2,1\n2,-3,2\n-3,1,0\n");
    await page.getByRole("button", { name: "Load CSV" }).click();
    assert.ok(await alert.isHidden());
    assert.equal((await countOf(page)).total, 4);
    await openMetrics(page);
    const table = page.getByRole("table", { name: /Confusion matrix/ });
    assert.equal(await table.getByRole("columnheader").count(), 3, "three classes: three predicted columns");
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("the confusion matrix's total equals the test set's size", async () => {
    const { page, problems } = await openPage(browser, server.url + "#data=blobs3&split=70");
    await openMetrics(page);
    const table = page.getByRole("table", { name: /Confusion matrix/ });
    await page.getByRole("group", { name: "Training" }).getByRole("button", { name: "Epoch" }).click();
    const { test: testSize } = await countOf(page);
    assert.equal(testSize, 150);
    const caption = await table.locator("caption").textContent();
    assert.equal(Number(/total (\d+)/.exec(caption)[1]), testSize);
    const cells = await table.locator("tbody td").allTextContents();
    assert.equal(cells.length, 9);
    assert.equal(cells.reduce((sum, c) => sum + Number(c), 0), testSize);
    // Regression shows R² instead.
    await page.getByLabel("Dataset").selectOption("plane");
    assert.ok(await table.isHidden());
    assert.match(await page.locator("#r-squared").textContent(), /^R² on the test set: -?\d+\.\d{3}/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("Regenerate changes the data but not the initial weights", async () => {
    const { page, problems } = await openPage(browser, server.url);
    const heatmap = await pixelHash(page, "#heatmap");
    const network = await pixelHash(page, "#network");
    await page.locator("summary", { hasText: "Seed and display" }).click();
    await page.getByRole("button", { name: "Regenerate" }).click();
    assert.notEqual(await pixelHash(page, "#heatmap"), heatmap, "new points");
    assert.equal(await pixelHash(page, "#network"), network, "the same initial weights");
    await page.waitForFunction(() => location.hash.includes("data_seed=2"));
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("Discretize output paints hard regions", async () => {
    const { page, problems } = await openPage(browser, server.url);
    const blended = await pixelHash(page, "#heatmap");
    await page.locator("summary", { hasText: "Seed and display" }).click();
    const box = page.getByRole("checkbox", { name: "Discretize output" });
    await box.check();
    const hard = await pixelHash(page, "#heatmap");
    assert.notEqual(hard, blended);
    await box.uncheck();
    assert.equal(await pixelHash(page, "#heatmap"), blended);
    assert.equal(await page.getByRole("checkbox", { name: "Show test data", exact: true }).count(), 1);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
