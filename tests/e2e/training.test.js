// Browser tests of the training view and the Model API, finding controls by
// their accessible names.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { openPage, pixelHash, startSite, stopSite } from "./harness.js";

let server;
let browser;
before(async () => ({ server, browser } = await startSite()));
after(() => stopSite({ server, browser }));

const statusOf = (page) => page.getByRole("status").filter({ hasText: /^Step / }).textContent();
const stepOf = (text) => Number(/^Step (\d+) /.exec(text)[1]);

describe("training view", () => {
  test("Step advances the status line by one minibatch step", async () => {
    const { page, problems } = await openPage(browser, server.url);
    const start = await statusOf(page);
    assert.match(start, /^Step 0 · train loss \d\.\d{3} · test loss \d\.\d{3}$/);
    await page.getByRole("group", { name: "Training" }).getByRole("button", { name: "Step", exact: true }).click();
    const one = await statusOf(page);
    assert.equal(stepOf(one), 1);
    assert.notEqual(one, start, "the loss moved");
    await page.getByRole("group", { name: "Training" }).getByRole("button", { name: "Step", exact: true }).click();
    assert.equal(stepOf(await statusOf(page)), 2);
    await page.getByRole("button", { name: "Epoch" }).click();
    assert.equal(stepOf(await statusOf(page)), 25, "to the end of the first pass: 250 training points in batches of 10");
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("Play trains until Pause, and the boundary and loss curve change", async () => {
    const { page, problems } = await openPage(browser, server.url);
    const heatmap = await pixelHash(page, "#heatmap");
    const chart = await pixelHash(page, "#loss-chart");
    await page.getByRole("group", { name: "Training" }).getByRole("button", { name: "Play" }).click();
    await page.waitForFunction(() => Number(/^Step (\d+)/.exec(document.querySelector("#train-status").textContent)[1]) > 500);
    await page.getByRole("group", { name: "Training" }).getByRole("button", { name: "Pause" }).click();
    const paused = await statusOf(page);
    await page.waitForTimeout(300);
    assert.equal(await statusOf(page), paused, "nothing trains after Pause");
    assert.equal(await page.getByRole("group", { name: "Training" }).getByRole("button", { name: "Play" }).getAttribute("aria-pressed"), "false");
    assert.notEqual(await pixelHash(page, "#heatmap"), heatmap);
    assert.notEqual(await pixelHash(page, "#loss-chart"), chart);
    const [, train, test] = /train loss (\S+) · test loss (\S+)/.exec(paused).map(Number);
    assert.ok(train < 0.6 && test < 0.6, `loss fell from ln 2: ${paused}`);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("a wide network, drawn coarsely while it plays (its heatmap and its links), is drawn in full once paused", async () => {
    const wide = Array(6).fill("64:tanh").join(",");
    const { page, problems } = await openPage(browser, `${server.url}#layers=${wide}`);
    const training = page.getByRole("group", { name: "Training" });
    await training.getByRole("button", { name: "Play" }).click();
    await page.waitForFunction(() => Number(/^Step (\d+)/.exec(document.querySelector("#train-status").textContent)[1]) >= 20);
    await training.getByRole("button", { name: "Pause" }).click();
    const paused = await pixelHash(page, "#heatmap");
    const pausedNetwork = await pixelHash(page, "#network");
    // Showing and hiding the test data redraws the same run, not playing.
    await page.locator("summary", { hasText: "Seed and display" }).click();
    const showTest = page.getByRole("checkbox", { name: /test data/i });
    await showTest.click();
    await showTest.click();
    assert.equal(await pixelHash(page, "#heatmap"), paused, "Pause left the full 100 × 100 heatmap");
    assert.equal(await pixelHash(page, "#network"), pausedNetwork, "Pause left the drawing with all 20 736 links");
    assert.deepEqual(problems, []);
    await page.close();
  });

  for (const [name, fragment] of [["the default network", ""], ["a wide network", `#layers=${Array(6).fill("64:tanh").join(",")}`]]) {
    test(`Play trains ${name} a record's worth at a time, and records and draws each before training again`, async () => {
      const { page, problems } = await openPage(browser, `${server.url}${fragment}`);
      // Every call Play makes of the run, in order, with the step it was made at.
      await page.evaluate(() => {
        const playground = window.nnplayPanels.training.playground;
        window.calls = [];
        for (const name of ["run", "work", "record", "draw_heatmap", "draw_loss", "draw_network"]) {
          const method = playground[name].bind(playground);
          playground[name] = (...args) => {
            window.calls.push([name, playground.step_count()]);
            return method(...args);
          };
        }
      });
      const training = page.getByRole("group", { name: "Training" });
      await training.getByRole("button", { name: "Play" }).click();
      await page.waitForFunction(() => window.calls.filter(([name]) => name === "record").length >= 6);
      const calls = await page.evaluate(() => window.calls.slice());
      await training.getByRole("button", { name: "Pause" }).click();
      assert.ok(!calls.some(([name]) => name === "run"), "Play trains by pieces of work, timed apart from the record");
      // Cut the calls into cycles, each beginning with its first piece of work; the last may be unfinished.
      const cycles = [];
      for (const call of calls) {
        if (call[0] === "work" && (!cycles.length || cycles.at(-1).at(-1)[0] !== "work")) cycles.push([]);
        cycles.at(-1)?.push(call);
      }
      for (const cycle of cycles.slice(0, -1)) {
        const names = cycle.map(([name]) => name).filter((name, i, all) => name !== "work" || all[i - 1] !== "work");
        assert.deepEqual(names, ["work", "draw_heatmap", "record", "draw_loss", "draw_network"], JSON.stringify(cycle));
        const [, from] = cycle[0];
        const [, at] = cycle.find(([name]) => name === "record");
        assert.equal(at - from, from % 25 === 0 ? 25 : 25 - (from % 25), "a record's worth: 250 samples in batches of 10");
        assert.equal(at % 25, 0, "records fall on the loss chart's grid");
        assert.ok(cycle.every(([name, step]) => name === "work" || step === at), "nothing trains between a record and its drawing");
      }
      assert.deepEqual(problems, []);
      await page.close();
    });
  }

  test("a dense network's drawing keeps moving while it plays", async () => {
    // Two layers of 64 (4 352 links) redraw their diagram every other frame.
    const { page, problems } = await openPage(browser, `${server.url}#layers=64:tanh,64:tanh&lr=0.3`);
    const training = page.getByRole("group", { name: "Training" });
    const stepAtLeast = (n) => page.waitForFunction((n) => Number(/^Step (\d+)/.exec(document.querySelector("#train-status").textContent)[1]) >= n, n);
    await training.getByRole("button", { name: "Play" }).click();
    await stepAtLeast(30);
    const early = await pixelHash(page, "#network");
    await stepAtLeast(300);
    assert.notEqual(await pixelHash(page, "#network"), early, "the weights' drawing changed while playing");
    await training.getByRole("button", { name: "Pause" }).click();
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("Reset restores step 0 and the initial loss exactly", async () => {
    const { page, problems } = await openPage(browser, server.url);
    const start = await statusOf(page);
    const startPixels = await pixelHash(page, "#heatmap");
    for (let i = 0; i < 5; i++) await page.getByRole("group", { name: "Training" }).getByRole("button", { name: "Step", exact: true }).click();
    assert.equal(stepOf(await statusOf(page)), 5);
    await page.getByRole("group", { name: "Training" }).getByRole("button", { name: "Reset" }).click();
    assert.equal(await statusOf(page), start);
    assert.equal(await pixelHash(page, "#heatmap"), startPixels);
    // The same steps again give the same trajectory.
    for (let i = 0; i < 5; i++) await page.getByRole("group", { name: "Training" }).getByRole("button", { name: "Step", exact: true }).click();
    const again = await statusOf(page);
    await page.getByRole("group", { name: "Training" }).getByRole("button", { name: "Reset" }).click();
    for (let i = 0; i < 5; i++) await page.getByRole("group", { name: "Training" }).getByRole("button", { name: "Step", exact: true }).click();
    assert.equal(await statusOf(page), again);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("changing Activation, Dataset or layers rebuilds the network", async () => {
    const { page, problems } = await openPage(browser, server.url);
    await page.getByRole("group", { name: "Training" }).getByRole("button", { name: "Step", exact: true }).click();
    const network = await pixelHash(page, "#network");
    await page.getByLabel("Activation", { exact: true }).selectOption("relu");
    assert.equal(stepOf(await statusOf(page)), 0, "a new run starts");
    assert.notEqual(await pixelHash(page, "#network"), network);
    // The two modern activations are in the menu by their labels, and train.
    for (const label of ["Swish (SiLU)", "GELU"]) {
      await page.getByLabel("Activation", { exact: true }).selectOption({ label });
      await page.getByRole("group", { name: "Training" }).getByRole("button", { name: "Step", exact: true }).click();
      assert.equal(stepOf(await statusOf(page)), 1, `${label} trains`);
      assert.doesNotMatch(await statusOf(page), /NaN|Infinity/);
    }
    await page.waitForFunction(() => location.hash.includes("gelu"));
    await page.getByLabel("Activation", { exact: true }).selectOption("relu");
    await page.locator("summary", { hasText: "Layers: 2 hidden layers" }).click();
    await page.getByRole("button", { name: "Add layer" }).click();
    assert.equal(await page.locator("#layer-count").textContent(), "3 hidden layers");
    await page.getByRole("button", { name: "Add a unit to layer 1" }).click();
    assert.equal(await page.locator("#layers li").first().locator(".units").textContent(), "5 units");
    await page.getByLabel("Dataset").selectOption("spiral3");
    assert.match(await page.locator("#accuracy").textContent(), /^Accuracy: train \d+\.\d% · test \d+\.\d%$/);
    await page.getByLabel("Dataset").selectOption("plane");
    assert.match(await page.locator("#accuracy").textContent(), /^Regression/);
    for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Remove layer" }).click();
    assert.equal(await page.locator("#layer-count").textContent(), "0 hidden layers");
    assert.equal(await page.getByRole("button", { name: "Remove layer" }).isDisabled(), true);
    await page.getByRole("group", { name: "Training" }).getByRole("button", { name: "Step", exact: true }).click();
    assert.equal(stepOf(await statusOf(page)), 1, "a network without hidden layers trains too");
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("a learning rate of 10 on sigmoid diverges with a message, never NaN", async () => {
    const { page, problems } = await openPage(browser, server.url);
    await page.getByLabel("Dataset").selectOption("plane");
    await page.getByLabel("Activation", { exact: true }).selectOption("sigmoid");
    await page.getByLabel("Learning rate").selectOption("10");
    await page.getByRole("group", { name: "Training" }).getByRole("button", { name: "Play" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Diverged" });
    await alert.waitFor({ timeout: 10000 });
    const told = await alert.textContent();
    assert.match(told, /^Diverged after step \d+: .* — lower the learning rate, then press Reset\.$/);
    assert.equal(await page.getByRole("group", { name: "Training" }).getByRole("button", { name: "Play" }).getAttribute("aria-pressed"), "false");
    const status = await statusOf(page);
    // The notice names the step the status line shows (the last one done).
    assert.equal(Number(/after step (\d+)/.exec(told)[1]), stepOf(status), `${told} / ${status}`);
    assert.match(status, / · diverged: the numbers overflowed$/);
    assert.doesNotMatch(status, /NaN|Infinity/);
    await page.getByRole("group", { name: "Training" }).getByRole("button", { name: "Reset" }).click();
    assert.equal(stepOf(await statusOf(page)), 0);
    assert.equal(await alert.isHidden(), true);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("a bad batch size is refused with a message naming it", async () => {
    const { page, problems } = await openPage(browser, server.url);
    await page.getByLabel("Batch size").fill("0");
    await page.getByLabel("Batch size").dispatchEvent("change");
    assert.match(await page.locator("#train-alert").textContent(), /batch accepts a whole number from 1 to 250, the training set's size; got "0"/);
    await page.getByLabel("Batch size").fill("250");
    await page.getByLabel("Batch size").dispatchEvent("change");
    assert.equal(await page.locator("#train-alert").isHidden(), true);
    await page.getByRole("group", { name: "Training" }).getByRole("button", { name: "Step", exact: true }).click();
    assert.equal(stepOf(await statusOf(page)), 1);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe("Model API", () => {
  test("builds from a config, predicts, fits, and names what is wrong", async () => {
    const { page, problems } = await openPage(browser, server.url);
    const result = await page.evaluate(() => {
      const { Model } = window.nnplay;
      const config = JSON.stringify({ inputs: 2, seed: 7, layers: [{ units: 8, activation: "tanh" }, { units: 2, activation: "softmax" }] });
      const model = new Model(config);
      const xs = new Float64Array([1, 1, -1, -1, 1, -1, -1, 1]);
      const ys = new Float64Array([1, 0, 1, 0, 0, 1, 0, 1]);
      const p = model.predict(xs);
      const before = model.loss(xs, ys);
      const after = model.fit(xs, ys, 0.5, 2, 200);
      const errors = [];
      for (const bad of [
        () => new Model('{"inputs": 2, "layers": [{"units": 999, "activation": "tanh"}, {"units": 2, "activation": "softmax"}]}'),
        () => new Model('{"inputs": 2, "layers": [{"units": 3, "activation": "mish"}, {"units": 2, "activation": "softmax"}]}'),
        () => new Model("not json"),
        () => model.set_params(new Float64Array(3)),
        () => model.predict(new Float64Array(3)),
        () => model.fit(xs, ys, 0.1, 0, 1),
        () => model.fit(xs, ys, 0.1, 5, 1),
        () => model.step(xs, ys, 100),
        () => model.fit(xs, ys, 0.000001, 2, 1),
      ]) {
        try { bad(); errors.push("no error"); } catch (e) { errors.push(`${e instanceof Error}:${e.message}`); }
      }
      return { rows: p.length, sum: p[0] + p[1], count: model.params().length, before, after, errors };
    });
    assert.equal(result.rows, 8);
    assert.ok(Math.abs(result.sum - 1) < 1e-12);
    assert.equal(result.count, 2 * 8 + 8 + 8 * 2 + 2);
    assert.ok(result.after < result.before / 4, `fit learns XOR: ${result.before} → ${result.after}`);
    for (const e of result.errors) assert.match(e, /^true:/, e);
    assert.match(result.errors[0], /layers\[0\]\.units/);
    assert.match(result.errors[1], /mish/);
    assert.match(result.errors[3], /params.*3.*42|42.*3/);
    assert.match(result.errors[4], /xs.*3|3.*xs/);
    assert.match(result.errors[5], /batch_size must be a whole number from 1 to 4 \(the rows of xs\), got 0/);
    assert.match(result.errors[6], /batch_size must be a whole number from 1 to 4 \(the rows of xs\), got 5/);
    assert.match(result.errors[7], /learning_rate must be a number from 0.00001 to 10, got 100/);
    assert.match(result.errors[8], /learning_rate must be a number from 0.00001 to 10, got 0.000001/);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
