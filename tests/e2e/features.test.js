// Browser tests of input features and weight editing under the network
// drawing, finding controls by their accessible names.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { openPage, pixelHash, startSite, stopSite } from "./harness.js";

let server;
let browser;
before(async () => ({ server, browser } = await startSite()));
after(() => stopSite({ server, browser }));

/** Waits until the network drawing's text alternative matches `pattern`. */
const waitForNetworkText = (page, pattern) => page.waitForFunction((source) => {
  const canvas = document.querySelector("#network");
  const ids = (canvas.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
  return new RegExp(source).test(ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" "));
}, pattern.source);
const trainLoss = (page) => page.locator("#train-status").getAttribute("data-train-loss");
const waitForHash = (page, text) => page.waitForFunction((t) => location.hash.includes(t), text);

describe("input features", () => {
  test("toggling a feature adds an input unit and changes the boundary", async () => {
    const { page, problems } = await openPage(browser, server.url);
    const square = page.getByRole("button", { name: "Input x₁²" });
    assert.equal(await square.getAttribute("aria-pressed"), "false");
    assert.equal(await page.getByRole("button", { name: "Input x₁", exact: true }).getAttribute("aria-pressed"), "true");
    const boundary = await pixelHash(page, "#heatmap");
    const drawing = await pixelHash(page, "#network");
    await square.click();
    assert.equal(await square.getAttribute("aria-pressed"), "true");
    await waitForHash(page, "features=x1,x2,x1sq");
    await waitForNetworkText(page, /inputs x₁, x₂, x₁²;/);
    assert.notEqual(await pixelHash(page, "#heatmap"), boundary, "the boundary changed");
    assert.notEqual(await pixelHash(page, "#network"), drawing, "the drawing changed");
    // Off again: the same run as before, pixel for pixel, and the key leaves the link.
    await square.click();
    assert.equal(await square.getAttribute("aria-pressed"), "false");
    await page.waitForFunction(() => !location.hash.includes("features="));
    assert.equal(await pixelHash(page, "#heatmap"), boundary);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("a link's features are restored, and the last input cannot be switched off", async () => {
    const { page, problems } = await openPage(browser, `${server.url}#features=x1sq`);
    for (const [name, pressed] of [["Input x₁²", "true"], ["Input x₁", "false"], ["Input x₂", "false"]]) {
      assert.equal(await page.getByRole("button", { name, exact: true }).getAttribute("aria-pressed"), pressed, name);
    }
    const boundary = await pixelHash(page, "#heatmap");
    await page.getByRole("button", { name: "Input x₁²" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "only input left" });
    assert.match(await alert.textContent(), /x₁² is the only input left: the network needs at least one/);
    assert.equal(await page.getByRole("button", { name: "Input x₁²" }).getAttribute("aria-pressed"), "true");
    assert.equal(await pixelHash(page, "#heatmap"), boundary, "nothing was rebuilt");
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("a bad features key is named in the notice and the default kept", async () => {
    const { page } = await openPage(browser, `${server.url}#features=x1,x9`);
    assert.match(await page.locator("#link-notice").textContent(), /features accepts .*x1sq.*got "x1,x9"/s);
    assert.equal(await page.getByRole("button", { name: "Input x₂", exact: true }).getAttribute("aria-pressed"), "true");
    await page.close();
  });

  test("clicking an input unit on the drawing switches its feature off", async () => {
    const { page, problems } = await openPage(browser, server.url);
    const canvas = page.locator("#network");
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    // The default drawing has four columns; x₁ is the first unit of the first, centred at (w/8, h/4).
    await canvas.click({ position: { x: box.width / 8, y: box.height / 4 } });
    await waitForHash(page, "features=x2");
    assert.equal(await page.getByRole("button", { name: "Input x₁", exact: true }).getAttribute("aria-pressed"), "false");
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe("editing weights", () => {
  test("a weight set by its form changes the predictions; bad values are refused", async () => {
    const { page, problems } = await openPage(browser, server.url);
    const boundary = await pixelHash(page, "#heatmap");
    const loss = await trainLoss(page);
    await page.getByRole("button", { name: "Edit a weight" }).click();
    const dialog = page.getByRole("dialog", { name: "Set a weight or bias" });
    await dialog.getByLabel("To", { exact: true }).selectOption({ label: "Unit 2" });
    const field = dialog.getByLabel("Weight from x₁ to unit 2 of layer 1");
    assert.match(await field.inputValue(), /^-?\d/);
    await field.fill("abc");
    await field.press("Enter");
    assert.match(await dialog.getByRole("alert").textContent(), /Weight from x₁ to unit 2 of layer 1: type a number/);
    await field.fill("1e999");
    await field.press("Enter");
    assert.match(await dialog.getByRole("alert").textContent(), /finite number/);
    assert.equal(await trainLoss(page), loss, "a refused value changes nothing");
    await field.fill("4.5");
    await field.press("Enter");
    assert.equal(await dialog.isVisible(), false);
    assert.notEqual(await trainLoss(page), loss, "the loss follows the new weight");
    assert.notEqual(await pixelHash(page, "#heatmap"), boundary, "the boundary moved");
    // Opened again, the form shows the weight as set.
    await page.getByRole("button", { name: "Edit a weight" }).click();
    await dialog.getByLabel("To", { exact: true }).selectOption({ label: "Unit 2" });
    assert.equal(await dialog.getByLabel("Weight from x₁ to unit 2 of layer 1").inputValue(), "4.5");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("the link carries an edit made mid-run, and Reset then training replays it", async () => {
    const { page, problems } = await openPage(browser, server.url);
    const training = page.getByRole("group", { name: "Training" });
    for (let i = 0; i < 3; i++) await training.getByRole("button", { name: "Step", exact: true }).click();
    await page.getByRole("button", { name: "Edit a weight" }).click();
    const dialog = page.getByRole("dialog", { name: "Set a weight or bias" });
    await dialog.getByLabel("Parameter", { exact: true }).selectOption({ label: "Bias" });
    await dialog.getByLabel("Layer", { exact: true }).selectOption({ label: "Layer 2" });
    const field = dialog.getByLabel("Bias of unit 1 of layer 2");
    await field.fill("-2.5");
    await field.press("Enter");
    for (let i = 0; i < 2; i++) await training.getByRole("button", { name: "Step", exact: true }).click();
    await waitForHash(page, "steps=5");
    const url = await page.evaluate(() => location.href);
    assert.match(url, /edits=3:\d+:-2\.5/);
    const boundary = await pixelHash(page, "#heatmap");
    const loss = await trainLoss(page);
    // Reset, then five steps again: the edit comes back at step 3.
    await training.getByRole("button", { name: "Reset" }).click();
    for (let i = 0; i < 5; i++) await training.getByRole("button", { name: "Step", exact: true }).click();
    assert.equal(await trainLoss(page), loss);
    // The link, opened afresh, trains to step 5 with the edit: the same boundary, bit for bit.
    const again = await openPage(browser, url);
    await again.page.waitForFunction(() => /^Step 5 /.test(document.querySelector("#train-status").textContent));
    assert.equal(await trainLoss(again.page), loss);
    assert.equal(await pixelHash(again.page, "#heatmap"), boundary);
    assert.deepEqual([...problems, ...again.problems], []);
    await again.page.close();
    await page.close();
  });

  test("clicking a unit opens its bias; Escape cancels", async () => {
    const { page, problems } = await openPage(browser, server.url);
    const loss = await trainLoss(page);
    const canvas = page.locator("#network");
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    // Hidden layer 1 (four units) is the second of four columns: unit 1 is centred at (3w/8, h/8).
    await canvas.click({ position: { x: (3 * box.width) / 8, y: box.height / 8 } });
    const field = page.getByRole("dialog").getByLabel("Bias of unit 1 of layer 1");
    await field.fill("2");
    await field.press("Escape");
    assert.equal(await page.getByRole("dialog").count(), 0);
    assert.equal(await trainLoss(page), loss, "Escape set nothing");
    assert.deepEqual(problems, []);
    await page.close();
  });
});
