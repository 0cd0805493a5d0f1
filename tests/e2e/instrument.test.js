// Browser tests of the training view as one instrument (issue #16): on a
// 1280 × 720 screen the controls that start and steer a run, the input
// features, the network drawing, the heatmap and the loss chart are seen
// together, left to right, while the run plays; the rest of the run's
// settings are one click away in drawers; on a phone Step, Play and the
// heatmap share one screen, nothing scrolls sideways and axe-core finds
// nothing to fix. Controls are found by the names a reader hears.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { openPage, startSite, stopSite } from "./harness.js";

/** axe-core from node_modules; the site itself never ships it. */
const AXE = await readFile(resolve(import.meta.dirname, "../../node_modules/axe-core/axe.min.js"), "utf8");

let server;
let browser;
before(async () => ({ server, browser } = await startSite()));
after(() => stopSite({ server, browser }));

const DESKTOP = { viewport: { width: 1280, height: 720 } };
/** Phones as a student holds them: touch (so every control is 44 px high) and the browser's mobile viewport. */
const PHONES = [
  { name: "375 × 667", viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  { name: "320 × 568", viewport: { width: 320, height: 568 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
];

/** The training view's bar (the race has its own Step, Play and Reset). */
const bar = (page) => page.getByRole("group", { name: "Training" });
const stepOf = async (page) => Number(/^Step (\d+)/.exec(await page.locator("#train-status").textContent())[1]);

/** The pieces a student must see together, by the names a screen reader gives them. */
function pieces(page) {
  const view = page.getByRole("region", { name: "Train a network with SGD" });
  return {
    Step: bar(page).getByRole("button", { name: "Step", exact: true }),
    "Play or Pause": bar(page).getByRole("button", { name: /^(Play|Pause)$/ }),
    Epoch: bar(page).getByRole("button", { name: "Epoch", exact: true }),
    Reset: bar(page).getByRole("button", { name: "Reset", exact: true }),
    "learning rate": view.getByLabel("Learning rate", { exact: true }),
    activation: view.getByLabel("Activation", { exact: true }),
    dataset: view.getByLabel("Dataset", { exact: true }),
    features: view.getByRole("group", { name: /^Input features/ }),
    network: view.getByRole("img", { name: /^The network:/ }),
    heatmap: view.getByRole("img", { name: /^Decision boundary/ }),
    "loss chart": view.getByRole("img", { name: "Train and test loss over the steps", exact: true }),
  };
}

/** The names of every piece, in the order the flow reads. */
const ALL = ["Step", "Play or Pause", "Epoch", "Reset", "learning rate", "activation", "dataset", "features", "network", "heatmap", "loss chart"];

/** Each named piece's box in the viewport, {name: {x, y, width, height}}, with the viewport's size. */
async function boxesOf(page, names) {
  const all = pieces(page);
  const boxes = {};
  for (const name of names) {
    assert.equal(await all[name].count(), 1, `one ${name}`);
    boxes[name] = await all[name].boundingBox();
    assert.ok(boxes[name], `${name} is laid out`);
  }
  const view = await page.evaluate(() => ({ width: innerWidth, height: innerHeight, scrollY }));
  return { boxes, view };
}

/** Asserts every box lies wholly inside the viewport, as it is scrolled now. */
function assertInside({ boxes, view }, when) {
  const outside = Object.entries(boxes)
    .filter(([, b]) => b.x < 0 || b.y < 0 || b.x + b.width > view.width + 0.5 || b.y + b.height > view.height + 0.5)
    .map(([name, b]) => `${name} at x ${Math.round(b.x)}–${Math.round(b.x + b.width)}, y ${Math.round(b.y)}–${Math.round(b.y + b.height)}`);
  assert.deepEqual(outside, [], `${when}: outside the ${view.width} × ${view.height} screen (scrolled to ${view.scrollY})`);
}

/** axe-core's violations inside `selector` (the whole document when null), one line each. */
async function violations(page, selector = null) {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE);
  const found = await page.evaluate(async (s) => (await window.axe.run(s ?? document)).violations, selector);
  return found.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
}

describe("the instrument at 1280 × 720", () => {
  test("a link to the training view shows the run's controls, the features, the network, the heatmap and the loss chart together, left to right, while it plays", async () => {
    const { page, problems } = await openPage(browser, `${server.url}#view=train`, DESKTOP);
    const still = await boxesOf(page, ALL);
    assertInside(still, "opened at the training view");
    const { features, network, heatmap } = still.boxes;
    assert.ok(features.x + features.width <= network.x, `the features (x ${features.x}–${features.x + features.width}) stand before the network (x ${network.x})`);
    assert.ok(network.x + network.width <= heatmap.x, `the network (to x ${network.x + network.width}) stands before the heatmap (x ${heatmap.x})`);
    await bar(page).getByRole("button", { name: "Play", exact: true }).click();
    await page.waitForFunction(() => Number(/^Step (\d+)/.exec(document.getElementById("train-status").textContent)[1]) > 50);
    const playing = await boxesOf(page, ALL);
    assert.equal(playing.view.scrollY, still.view.scrollY, "nothing scrolled");
    assertInside(playing, "while playing");
    assert.equal(await pieces(page)["Play or Pause"].textContent(), "Pause");
    await bar(page).getByRole("button", { name: "Pause", exact: true }).click();
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("the header's link brings the training view into view and keeps the run as it is", async () => {
    const { page, problems } = await openPage(browser, `${server.url}#lr=0.1`, DESKTOP);
    await page.keyboard.press("s"); // a click would scroll the button into view
    assert.equal(await stepOf(page), 1);
    const outside = await boxesOf(page, ["network", "heatmap"]);
    assert.ok(outside.boxes.network.y > outside.view.height, "the page opens above the training view");
    await page.getByRole("navigation", { name: "Panels of this page" }).getByRole("link", { name: "Train a network" }).click();
    await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get("view") === "train");
    assertInside(await boxesOf(page, ALL), "after the header's link");
    // A plain #train anchor is not read as a link: it would have reset every setting and the run.
    assert.equal(await stepOf(page), 1);
    assert.equal(await pieces(page)["learning rate"].inputValue(), "0.1");
    assert.equal(new URLSearchParams(new URL(page.url()).hash.slice(1)).get("lr"), "0.1");
    assert.ok(await page.locator("#link-notice").isHidden(), "no notice of a bad link");
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("each picture's buffer is its box times the device pixel ratio: crisp and not stretched in its column", async () => {
    const { page, problems } = await openPage(browser, `${server.url}#view=train`, { ...DESKTOP, deviceScaleFactor: 2 });
    await pieces(page).Epoch.click();
    const sizes = await page.$$eval("#network, #heatmap, #loss-chart", (canvases) => canvases.map((c) => ({
      id: c.id, css: [c.clientWidth, c.clientHeight], buffer: [c.width, c.height], ratio: devicePixelRatio,
    })));
    for (const { id, css, buffer, ratio } of sizes) {
      assert.deepEqual(buffer, css.map((n) => Math.round(n * ratio)), `${id}: buffer ${buffer} for a box of ${css} at ${ratio}×`);
    }
    const heatmap = sizes.find((s) => s.id === "heatmap");
    assert.equal(heatmap.css[0], heatmap.css[1], "the heatmap is square");
    const loss = sizes.find((s) => s.id === "loss-chart");
    assert.ok(loss.css[1] >= 150 && loss.css[1] <= 220, `the loss chart is short (${loss.css[1]} px high)`);
    const network = sizes.find((s) => s.id === "network");
    assert.ok(network.css[1] > 300, `the network drawing is taller than the 300 px it had below the plots (${network.css[1]} px)`);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("the rest of a run's settings wait one click away, in drawers named for what they hold", async () => {
    const { page, problems } = await openPage(browser, `${server.url}#view=train`, DESKTOP);
    const drawers = [
      ["Optimiser, schedule and regularisation", page.getByLabel("Optimiser", { exact: true })],
      ["Layers: 2 hidden layers", page.getByRole("button", { name: "Add layer" })],
      ["Seed and display", page.getByLabel("Seed", { exact: true })],
      ["Your own data", page.getByLabel("CSV data")],
      ["Metrics", page.getByRole("table", { name: /Confusion matrix/ })],
    ];
    for (const [name, control] of drawers) {
      assert.ok(await control.isHidden(), `${name}: closed at first`);
      await page.locator("summary", { hasText: name }).click();
      assert.ok(await control.isVisible(), `${name}: one click shows it`);
    }
    // A drawer is a disclosure a keyboard opens too.
    await page.reload();
    await page.waitForSelector("html[data-ready=true]");
    await page.locator("summary", { hasText: "Optimiser, schedule and regularisation" }).focus();
    await page.keyboard.press("Enter");
    assert.ok(await page.getByLabel("Optimiser", { exact: true }).isVisible());
    assert.equal(await stepOf(page), 0, "Enter on a drawer does not train");
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe("the instrument on a phone", () => {
  for (const phone of PHONES) {
    test(`at ${phone.name} Step, Play and the heatmap share one screen, nothing scrolls sideways, and axe finds nothing`, async () => {
      const { viewport, ...options } = phone;
      const { page, problems } = await openPage(browser, `${server.url}#view=train`, { viewport, ...options });
      const names = ["Step", "Play or Pause", "heatmap"];
      // One scroll position: the bar at the top of the screen.
      await pieces(page).Step.evaluate((el) => el.scrollIntoView({ block: "start", behavior: "instant" }));
      assertInside(await boxesOf(page, names), "the bar scrolled to the top");
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: innerWidth }));
      assert.ok(widths.scroll <= widths.inner, `the page scrolls sideways: ${JSON.stringify(widths)}`);
      // The settings come after the output, folded into drawers.
      const { heatmap } = (await boxesOf(page, ["heatmap"])).boxes;
      const dataset = await pieces(page).dataset.boundingBox();
      assert.ok(dataset.y > heatmap.y + heatmap.height, "the controls follow the heatmap");
      assert.ok(await page.getByLabel("Optimiser", { exact: true }).isHidden(), "the optimiser waits in its drawer");
      await bar(page).getByRole("button", { name: "Play", exact: true }).click();
      await page.waitForFunction(() => Number(/^Step (\d+)/.exec(document.getElementById("train-status").textContent)[1]) > 20);
      assertInside(await boxesOf(page, names), "while playing");
      await bar(page).getByRole("button", { name: "Pause", exact: true }).click();
      assert.deepEqual(await violations(page), [], `the page at ${phone.name}`);
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
});
