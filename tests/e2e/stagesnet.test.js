// Browser tests of the stage stepper on the network drawing: each stage
// changes the drawing, the live words name the stage, the example and the
// values the Playground gives (network_stage()), Forward and Backward light
// the layers one at a time, and the chosen example is the reader's.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { followLink, openPage, pixelHash, startSite, stopSite } from "./harness.js";

let server;
let browser;
before(async () => ({ server, browser } = await startSite()));
after(() => stopSite({ server, browser }));

const stageButton = (page, name) => page.getByRole("button", { name, exact: true });
/** The live words about the drawing: the status region that starts with a stage's name. */
const words = (page) => page.getByRole("status").filter({ hasText: /^(Sample batch|Forward|Backward|Update)[,:]/ });
/** What the Playground says the drawing shows (the door's own answer). */
const shown = (page) => page.evaluate(() => {
  const view = window.nnplayPanels.training.playground.network_stage();
  return view && { ...view, columns: view.columns.map((c) => ({ name: c.name, values: [...c.values] })), links: view.links.map((l) => [...l]) };
});
/** A value as the words write it: two significant digits, a true minus sign. */
function short(x) {
  if (x === 0) return "0";
  const abs = Math.abs(x);
  return (abs >= 1e5 || abs < 1e-3 ? x.toExponential(1).replace("e+", "e") : String(Number(x.toPrecision(2)))).replaceAll("-", "−");
}

describe("the stage stepper on the network drawing", () => {
  test("each stage changes the drawing, and the words name the stage, the example and the door's values", async () => {
    const { page, problems } = await openPage(browser, server.url, { viewport: { width: 1280, height: 720 }, reducedMotion: "reduce" });
    const network = page.getByRole("img", { name: /^The network:/ });
    const hashes = [await pixelHash(null, network)];
    assert.equal(await shown(page), null, "nothing is shown before a stage runs");

    await stageButton(page, "Sample batch").click();
    let view = await shown(page);
    assert.equal(view.stage, "Sample batch");
    const x = view.columns[0].values.map(short).join(", ");
    assert.equal(await words(page).textContent(),
      `Sample batch: 10 points, ringed on the output plot; example 1 of 10 (training point ${view.point + 1}), inputs: x = ${x}.`);
    hashes.push(await pixelHash(null, network));

    await stageButton(page, "Forward").click();
    view = await shown(page);
    assert.equal(view.lit, view.layers, "with less motion every layer lights at once");
    const text = await words(page).textContent();
    assert.match(text, /^Forward, example 1 of 10 \(training point \d+\): inputs: x = /);
    const a1 = view.columns[1].values.map(short).join(", ");
    assert.ok(text.includes(`; layer 1: a1 = ${a1};`), `${text} names layer 1's a = ${a1}`);
    const yHat = view.columns.at(-1).values.map(short).join(", ");
    assert.ok(text.endsWith(`output: ŷ = ${yHat}.`), text);
    hashes.push(await pixelHash(null, network));

    await stageButton(page, "Backward").click();
    view = await shown(page);
    assert.equal(view.link_name, "dL/dW");
    const back = await words(page).textContent();
    const output = view.columns.length - 1;
    const delta = view.columns[output].values.map(short).join(", ");
    assert.ok(back.startsWith(`Backward, example 1 of 10 (training point ${view.point + 1}): output: delta${output} = ${delta}; layer ${output - 1}: `), back);
    const largest = (l) => short(l.reduce((m, v) => (Math.abs(v) > Math.abs(m) ? v : m), 0));
    assert.ok(back.endsWith(`Largest dL/dW per layer: output ${largest(view.links.at(-1))}, layer ${output - 1} ${largest(view.links.at(-2))}, layer 1 ${largest(view.links[0])}.`), back);
    hashes.push(await pixelHash(null, network));

    await stageButton(page, "Update").click();
    view = await shown(page);
    assert.equal(view.link_name, "ΔW");
    assert.match(await words(page).textContent(), /^Update, example 1 of 10 .*: layer 1: Δb1 = .* Largest ΔW per layer: layer 1 /);
    hashes.push(await pixelHash(null, network));
    assert.equal(new Set(hashes).size, 5, `the drawing differs between every stage: ${hashes}`);

    // A whole step draws the weights again and the words go quiet.
    await page.getByRole("group", { name: "Training" }).getByRole("button", { name: "Step", exact: true }).click();
    assert.equal(await shown(page), null);
    assert.equal(await page.locator("#stage-network-text").textContent(), "");
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("the reader chooses the example by keyboard, and a wrong one is refused in words", async () => {
    const { page, problems } = await openPage(browser, server.url, { reducedMotion: "reduce" });
    for (const name of ["Sample batch", "Forward"]) await stageButton(page, name).click();
    const field = page.getByRole("spinbutton", { name: "Example on the drawing" });
    const before = await pixelHash(page, "#network");
    await field.focus();
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await field.dispatchEvent("change");
    const view = await shown(page);
    assert.equal(view.example, 2, "the third example (rows count from 1 on the page)");
    assert.match(await words(page).textContent(), new RegExp(`^Forward, example 3 of 10 \\(training point ${view.point + 1}\\)`));
    assert.notEqual(await pixelHash(page, "#network"), before, "the units show the other example's a");
    await field.fill("11");
    await field.dispatchEvent("change");
    assert.equal(await page.getByRole("alert").filter({ hasText: "Example must" }).textContent(),
      "Example must be a whole number from 1 to 10 (the batch's size), got 11.");
    assert.equal((await shown(page)).example, 2, "a refused example changes nothing");
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("Forward lights the layers from the inputs and Backward from the output, one at a time", async () => {
    const { page, problems } = await openPage(browser, server.url);
    await page.evaluate(() => {
      // Every count of lit layers the drawing is handed, in order.
      const playground = window.nnplayPanels.training.playground;
      const set = playground.set_network_stage.bind(playground);
      window.litSeen = [];
      playground.set_network_stage = (example, lit) => { window.litSeen.push(lit); return set(example, lit); };
    });
    await stageButton(page, "Sample batch").click();
    await stageButton(page, "Forward").click();
    const layers = (await shown(page)).layers;
    await page.waitForFunction((n) => window.litSeen.at(-1) === n, layers);
    assert.deepEqual(await page.evaluate(() => window.litSeen), [null, ...Array.from({ length: layers }, (_, i) => i + 1)]);
    await stageButton(page, "Backward").click();
    await page.waitForFunction((n) => window.litSeen.length === 1 + 2 * n, layers);
    assert.equal((await shown(page)).lit, layers);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe("the stage panel's own network drawing", () => {
  test("beside the stage bar at 1280 × 720, and in the stages embed, it changes with each stage", async () => {
    for (const hash of ["", "#embed=stages"]) {
      const { page, problems } = await openPage(browser, server.url + hash, { viewport: { width: 1280, height: 720 }, reducedMotion: "reduce" });
      const drawing = page.getByRole("img", { name: /^The network at this stage/ });
      await stageButton(page, "Sample batch").click();
      const hashes = [await pixelHash(null, drawing)];
      for (const name of ["Forward", "Backward", "Update"]) {
        await stageButton(page, name).click();
        // The stage's button and the drawing it plays on are seen together.
        const [button, box] = await Promise.all([stageButton(page, name).boundingBox(), drawing.boundingBox()]);
        assert.ok(box.height > 200 && box.y >= 0 && box.y + box.height <= 720 && button.y >= 0 && button.y + button.height <= 720,
          `${hash || "the page"}: ${name} at ${JSON.stringify(button)}, the drawing at ${JSON.stringify(box)}`);
        hashes.push(await pixelHash(null, drawing));
      }
      assert.equal(new Set(hashes).size, 4, `${hash || "the page"}: the drawing differs between every stage`);
      assert.deepEqual(problems, []);
      await page.close();
    }
  });
});

describe("the diagnostics strip beside the network", () => {
  /** Opens the page and follows the experiment link `name` (it changes the settings). */
  async function experiment(name) {
    const opened = await openPage(browser, server.url, { viewport: { width: 1280, height: 720 } });
    await followLink(opened.page, name);
    return opened;
  }

  /** The strip's layers as a reader sees them: {gradient, dead, saturated}, in order. */
  function strip(page) {
    return page.getByRole("group", { name: "Diagnostics per layer" }).locator(".strip-layer").evaluateAll((cells) => cells.map((cell) => {
      const [gradient, dead, saturated] = [...cell.querySelectorAll(".strip-value")].map((s) => s.textContent);
      const number = (text) => (text === "—" ? null : Number(text.replaceAll("−", "-")));
      return { gradient: number(gradient), dead: dead === "—" ? null : Number(dead.split(" of ")[0]), saturated, label: cell.title };
    }));
  }

  test("each layer's figures sit under the layer's column of the drawing, in a strip whose height never changes", async () => {
    const { page, problems } = await openPage(browser, server.url, { viewport: { width: 1280, height: 720 } });
    const group = page.getByRole("group", { name: "Diagnostics per layer" });
    const canvas = await page.getByRole("img", { name: /^The network:/ }).boundingBox();
    const height = (await group.boundingBox()).height;
    assert.ok(height > 0 && height <= 6 * 16, `the strip is at most 6rem high: ${height}`);
    const columns = await page.evaluate(() => window.nnplayPanels.training.playground.network_columns().length);
    const cells = await group.locator(":scope > div").evaluateAll((divs) => divs.map((d) => {
      const box = d.getBoundingClientRect();
      return box.x + box.width / 2;
    }));
    assert.equal(cells.length, columns, "the legend under the inputs, then one column per layer");
    cells.forEach((centre, c) => {
      const drawn = canvas.x + (canvas.width * (c + 0.5)) / columns;
      assert.ok(Math.abs(centre - drawn) < 3, `column ${c}: strip at ${centre}, drawing at ${drawn}`);
    });
    const before = await strip(page);
    assert.deepEqual(before.map((l) => l.label), ["layer 1 · tanh", "layer 2 · tanh", "output · softmax"]);
    // Its text is the diagnostics table's (one source): the saturated share and the dead units.
    const table = await page.$$eval("#diagnostics-rows tr", (rows) => rows.map((tr) => [tr.cells[2].textContent, tr.cells[3].textContent]));
    assert.deepEqual(before.map((l) => l.saturated), table.map((r) => r[1]));
    assert.deepEqual(before.map((l) => (l.dead === null ? "—" : `${l.dead} of`)), table.map((r) => (r[0] === "—" ? "—" : r[0].replace(/ \d+$/, ""))));
    const bar = page.getByRole("group", { name: "Training" });
    await bar.getByRole("button", { name: "Play" }).click();
    await page.waitForFunction(() => /^Step [1-9]\d{2,} /.test(document.getElementById("train-status").textContent));
    const playing = await strip(page);
    await bar.getByRole("button", { name: "Pause" }).click();
    assert.notDeepEqual(playing.map((l) => l.gradient), before.map((l) => l.gradient), "updated while playing");
    assert.equal((await group.boundingBox()).height, height, "the same height while filled and playing");
    // The full charts are one click away.
    await page.getByRole("link", { name: "all diagnostics charts" }).click();
    await page.waitForFunction(() => document.getElementById("diagnostics-title").getBoundingClientRect().top < window.innerHeight);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("A ReLU dies: the strip counts dead units after two epochs", async () => {
    const { page, problems } = await experiment("A ReLU dies");
    assert.equal(await page.getByLabel("Learning rate").inputValue(), "1");
    const epoch = page.getByRole("group", { name: "Training" }).getByRole("button", { name: "Epoch" });
    for (let i = 0; i < 2; i++) await epoch.click();
    const layers = await strip(page);
    const dead = layers.slice(0, -1).reduce((sum, l) => sum + l.dead, 0);
    assert.ok(dead > 0, `dead units in the strip: ${JSON.stringify(layers)}`);
    assert.equal(layers.at(-1).dead, null, "the output has no dead units");
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("Sigmoid's early layers learn slowly: the first layer's mean |dL/dW| is decades below the last's", async () => {
    const { page, problems } = await experiment("Sigmoid's early layers learn slowly");
    const layers = await strip(page);
    assert.equal(layers.length, 7);
    const ratio = layers[6].gradient / layers[0].gradient;
    assert.ok(ratio > 1000, `output ${layers[6].gradient} vs layer 1 ${layers[0].gradient}`);
    const bars = await page.locator("#network-strip .strip-fill").evaluateAll((fills) => fills.map((f) => f.getBoundingClientRect().width));
    assert.ok(bars[0] < bars[6] / 2, `layer 1's bar is shorter: ${bars}`);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
