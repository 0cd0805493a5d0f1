// Browser tests of keeping your work: every plot saves as a valid PNG; a
// saved network loads back into a fresh page with the same settings and the
// same weights bit for bit (so the same predictions); a bad file is refused
// with a message; the loss history's CSV has one row per recorded step.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { downloadFrom, openPage, pixelHash, startSite, stopSite } from "./harness.js";

/** A button of the training view's bar (the race has its own Step, Play and Reset). */
const trainButton = (page, name) => page.getByRole("group", { name: "Training" }).getByRole("button", { name, exact: true });

let server;
let browser;
let scratch;

before(async () => {
  ({ server, browser } = await startSite());
  scratch = await mkdtemp(join(tmpdir(), "nnplay-export-"));
});

after(() => stopSite({ server, browser }));

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const stepOf = async (page) => Number(/^Step (\d+) /.exec(await page.locator("#train-status").textContent())[1]);

/** Every number's bits as hex, so equal means equal to the last bit. */
const BITS = `(values) => Array.from(new Float64Array(Float64Array.from(values).buffer.slice(0)), (v) => {
  const view = new DataView(new ArrayBuffer(8)); view.setFloat64(0, v); return view.getBigUint64(0).toString(16); })`;

/** A 15 × 15 grid over the data's square, row-major (x1, x2). */
const GRID = Array.from({ length: 15 * 15 }, (_, i) => [-6 + 12 * (i % 15) / 14, -6 + 12 * Math.floor(i / 15) / 14]).flat();

/** Predictions of the JS API's Model built from a network file (its model and params). */
function modelPredictions(page, text) {
  return page.evaluate(([text, grid, bits]) => {
    const file = JSON.parse(text);
    const model = new window.nnplay.Model(JSON.stringify(file.model));
    model.set_params(file.params);
    return (0, eval)(bits)(model.predict(new Float64Array(grid)));
  }, [text, GRID, BITS]);
}

describe("saving plots", () => {
  test("every plot has a Save as PNG button that downloads a valid PNG of it", async () => {
    // Chromium holds back a page's eleventh download in a row, so each page saves at most eight plots.
    const PER_PAGE = 8;
    let total = 0;
    for (let first = 0; first < total || first === 0; first += PER_PAGE) {
      const { page, problems } = await openPage(browser, server.url);
      await trainButton(page, "Epoch").click();
      // The measured costs fill in after load and move what is below them; wait, so no click lands beside its button.
      // The timings start once the table is seen.
      await page.locator("#properties").scrollIntoViewIfNeeded();
      await page.waitForFunction(() => [...document.querySelectorAll("[data-cost]")].every((cell) => cell.textContent !== "…"));
      const buttons = page.getByRole("button", { name: /^Save .+ as PNG$/ });
      const canvases = await page.$$eval("main canvas", (all) => all.map((c) => ({ id: c.id, width: c.width, height: c.height })));
      assert.equal(await buttons.count(), canvases.length, "one button per plot");
      assert.ok(canvases.length >= 9);
      total = canvases.length;
      for (let i = first; i < Math.min(first + PER_PAGE, total); i++) {
        const button = buttons.nth(i);
        const name = await button.getAttribute("aria-label") ?? await button.textContent();
        // A plot off-screen is drawn when it is first seen (the stage panel's network, for one), so
        // its size is read once its button is in view: a canvas still at the browser's default
        // 300 × 150 was never drawn, and saving it would give an empty picture.
        const id = canvases[i].id;
        const canvas = page.locator("main canvas").nth(i);
        await button.scrollIntoViewIfNeeded();
        await canvas.evaluate((c) => new Promise((drawn, never) => {
          const until = performance.now() + 10000;
          const check = () => {
            if (!(c.width === 300 && c.height === 150)) drawn();
            else if (performance.now() > until) never(new Error(`${c.id || "a canvas"} was not drawn within 10 s of being seen`));
            else requestAnimationFrame(check);
          };
          check();
        }));
        const { name: file, bytes } = await downloadFrom(page, button);
        assert.deepEqual([...bytes.subarray(0, 8)], PNG_SIGNATURE, `${name}: PNG signature`);
        assert.equal(bytes.toString("latin1", 12, 16), "IHDR");
        const size = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
        const now = await canvas.evaluate((c) => [c.width, c.height]);
        assert.deepEqual(size, now, `${file} is the ${id} canvas at its pixel size`);
        assert.match(file, /^nnplay-[a-z0-9-]+\.png$/);
      }
      assert.match(await page.locator("#keep-status").textContent(), /^Saved the .+ as nnplay-.+\.png\.$/);
      assert.deepEqual(problems, []);
      await page.close();
    }
  });
});

describe("saving and loading the network", () => {
  test("a saved network loads back into a fresh page with the same settings and weights, bit for bit", async () => {
    const { page, problems } = await openPage(browser, `${server.url}#data=xor&layers=6:relu,3:prelu&seed=5&batch=7`);
    await trainButton(page, "Epoch").click();
    await page.getByLabel("Learning rate", { exact: true }).selectOption("0.1"); // changed midway: a link could not replay this
    for (let i = 0; i < 3; i++) await trainButton(page, "Epoch").click();
    const trainLoss = await page.locator("#train-status").getAttribute("data-train-loss");
    const testLoss = await page.locator("#train-status").getAttribute("data-test-loss");
    const heatmap = await pixelHash(page, "#heatmap");
    const saved = await downloadFrom(page, page.getByRole("button", { name: "Save network (JSON)" }));
    const step = await stepOf(page);
    assert.equal(saved.name, `nnplay-network-step-${step}.json`);
    const file = JSON.parse(saved.bytes.toString("utf8"));
    assert.equal(file.format, "nnplay-network");
    assert.equal(file.step, step);
    assert.equal(file.link, "data=xor&seed=5&layers=6:relu,3:prelu&lr=0.1&batch=7");
    const before = await modelPredictions(page, saved.bytes.toString("utf8"));
    await page.close();

    const fresh = await openPage(browser, server.url);
    const [chooser] = await Promise.all([
      fresh.page.waitForEvent("filechooser"),
      fresh.page.getByRole("button", { name: "Load network (JSON)…" }).click(),
    ]);
    await chooser.setFiles(saved.path);
    await fresh.page.getByRole("status").filter({ hasText: /^Loaded nnplay-network-step-\d+\.json\./ }).waitFor();
    assert.equal(await fresh.page.getByLabel("Dataset", { exact: true }).inputValue(), "xor");
    assert.equal(await fresh.page.getByLabel("Learning rate", { exact: true }).inputValue(), "0.1");
    assert.equal(await fresh.page.getByLabel("Batch size", { exact: true }).inputValue(), "7");
    await fresh.page.locator("summary", { hasText: "Layers:" }).click();
    assert.equal(await fresh.page.getByRole("combobox", { name: "Activation of layer 2" }).inputValue(), "prelu");
    assert.equal(await fresh.page.locator("#train-status").getAttribute("data-train-loss"), trainLoss);
    assert.equal(await fresh.page.locator("#train-status").getAttribute("data-test-loss"), testLoss);
    assert.equal(await pixelHash(fresh.page, "#heatmap"), heatmap);
    await fresh.page.waitForFunction(() => location.hash.includes("layers=6:relu,3:prelu"));

    // The loaded run's own predictions, and its file saved again, match the original to the bit.
    const again = await downloadFrom(fresh.page, fresh.page.getByRole("button", { name: "Save network (JSON)" }));
    const reloaded = JSON.parse(again.bytes.toString("utf8"));
    assert.deepEqual(reloaded.params, file.params);
    assert.equal(reloaded.link, file.link);
    const playground = await fresh.page.evaluate(([text, grid, bits]) => {
      const run = window.nnplay.Playground.import_network(text);
      const out = (0, eval)(bits)(run.predict(new Float64Array(grid)));
      run.free();
      return out;
    }, [again.bytes.toString("utf8"), GRID, BITS]);
    assert.deepEqual(playground, before, "Playground.predict after the round trip");
    assert.deepEqual(await modelPredictions(fresh.page, again.bytes.toString("utf8")), before, "Model.predict after the round trip");

    // Training goes on from the loaded weights; Reset returns to them.
    await trainButton(fresh.page, "Step").click();
    assert.notEqual(await fresh.page.locator("#train-status").getAttribute("data-train-loss"), trainLoss);
    await trainButton(fresh.page, "Reset").click();
    assert.equal(await fresh.page.locator("#train-status").getAttribute("data-train-loss"), trainLoss);
    assert.deepEqual(fresh.problems, []);
    assert.deepEqual(problems, []);
    await fresh.page.close();
  });

  test("a file that is not a network file is refused with a message, and the run is kept", async () => {
    const { page, problems } = await openPage(browser, server.url);
    await trainButton(page, "Epoch").click();
    const cases = [
      ["notes.json", "{not json", /^Could not load notes\.json: the network file is not valid JSON/],
      ["other.json", '{"format": "something"}', /^Could not load other\.json: this is not an nnplay network file/],
      ["future.json", '{"format": "nnplay-network", "version": 2}', /version must be 1, got 2/],
    ];
    for (const [name, text, message] of cases) {
      const path = join(scratch, name);
      await writeFile(path, text);
      const [chooser] = await Promise.all([
        page.waitForEvent("filechooser"),
        page.getByRole("button", { name: "Load network (JSON)…" }).click(),
      ]);
      await chooser.setFiles(path);
      const alert = page.getByRole("alert").filter({ hasText: `Could not load ${name}` });
      await alert.waitFor();
      assert.match(await alert.textContent(), message);
      assert.equal(await stepOf(page), 25, "the run is kept");
    }
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe("saving the loss history", () => {
  test("the CSV has a header and one row per recorded step: every 250 samples, and where the run stands", async () => {
    const { page, problems } = await openPage(browser, server.url);
    const csvRows = async () => {
      const { name, bytes } = await downloadFrom(page, page.getByRole("button", { name: "Save loss history (CSV)" }));
      assert.equal(name, "nnplay-loss-history.csv");
      const lines = bytes.toString("utf8").trimEnd().split("\n");
      assert.equal(lines[0], "step,train_loss,test_loss,train_accuracy,test_accuracy");
      return lines.slice(1).map((line) => line.split(",").map(Number));
    };
    // At batch 10 a record falls every 25 steps; between two, the newest row is where the run stands.
    for (let i = 0; i < 5; i++) await trainButton(page, "Step").click();
    assert.deepEqual((await csvRows()).map((r) => r[0]), [0, 5]);
    await trainButton(page, "Epoch").click();
    await trainButton(page, "Step").click();
    assert.deepEqual((await csvRows()).map((r) => r[0]), [0, 25, 26]);
    await trainButton(page, "Epoch").click();
    const rows = await csvRows();
    assert.deepEqual(rows.map((r) => r[0]), [0, 25, 50]);
    for (const row of rows) {
      assert.equal(row.length, 5);
      assert.ok(row.every(Number.isFinite) && row[3] >= 0 && row[3] <= 1 && row[4] >= 0 && row[4] <= 1, `${row}`);
    }
    const last = rows.at(-1);
    assert.equal(last[1], Number(await page.locator("#train-status").getAttribute("data-train-loss")), "to the last bit");
    assert.equal(last[2], Number(await page.locator("#train-status").getAttribute("data-test-loss")));

    // A long run: the rows follow the history, which stays bounded.
    await trainButton(page, "Play").click();
    await page.waitForFunction(() => Number(/^Step (\d+)/.exec(document.querySelector("#train-status").textContent)[1]) > 3000);
    await trainButton(page, "Pause").click();
    const long = (await downloadFrom(page, page.getByRole("button", { name: "Save loss history (CSV)" }))).bytes.toString("utf8");
    const steps = long.trimEnd().split("\n").slice(1).map((line) => Number(line.split(",")[0]));
    assert.ok(steps.length > 7 && steps.length <= 1000, `${steps.length} rows`);
    assert.ok(steps.every((s, i) => i === 0 || s > steps[i - 1]), "in step order");
    assert.equal(steps.at(-1), await stepOf(page));
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("a link to a run that mixed Step, Epoch and Play gives the same loss history, row for row", async () => {
    const { page, problems } = await openPage(browser, server.url);
    for (let i = 0; i < 7; i++) await trainButton(page, "Step").click();
    await trainButton(page, "Epoch").click();
    await trainButton(page, "Step").click();
    await trainButton(page, "Play").click();
    await page.waitForFunction(() => Number(/^Step (\d+)/.exec(document.querySelector("#train-status").textContent)[1]) >= 200);
    await trainButton(page, "Pause").click();
    for (let i = 0; i < 3; i++) await trainButton(page, "Step").click();
    const steps = await stepOf(page);
    const save = (p) => downloadFrom(p, p.getByRole("button", { name: "Save loss history (CSV)" }));
    const sent = (await save(page)).bytes.toString("utf8");
    const rows = sent.trimEnd().split("\n").slice(1).map((line) => Number(line.split(",")[0]));
    assert.equal(rows.at(-1), steps, "the newest row is where the run stands");
    assert.ok(rows.slice(0, -1).every((s) => s % 25 === 0), `the other rows fall every 25 steps: ${rows}`);

    const { page: opened, problems: openedProblems } = await openPage(browser, `${server.url}#steps=${steps}`);
    await opened.waitForFunction((n) => document.querySelector("#train-status").textContent.startsWith(`Step ${n} `)
      && document.querySelector("#play").textContent === "Play", steps);
    assert.equal((await save(opened)).bytes.toString("utf8"), sent);
    // The loss chart is drawn from those rows: it is the sender's, pixel for pixel.
    assert.equal(await pixelHash(opened, "#loss-chart"), await pixelHash(page, "#loss-chart"));
    assert.deepEqual([...problems, ...openedProblems], []);
    await page.close();
    await opened.close();
  });

  test("a link to a played run gives the same loss history, row for row", async () => {
    const { page, problems } = await openPage(browser, server.url);
    await trainButton(page, "Play").click();
    await page.waitForFunction(() => Number(/^Step (\d+)/.exec(document.querySelector("#train-status").textContent)[1]) >= 300);
    await trainButton(page, "Pause").click();
    const steps = await stepOf(page);
    const save = (p) => downloadFrom(p, p.getByRole("button", { name: "Save loss history (CSV)" }));
    const sent = (await save(page)).bytes.toString("utf8");
    // Play trains 25 steps a frame at batch 10 and records once a frame.
    assert.ok(sent.trimEnd().split("\n").length - 1 >= 300 / 25, "a row per played frame");

    const { page: opened, problems: openedProblems } = await openPage(browser, `${server.url}#steps=${steps}`);
    // The catch-up has ended: the step is reached and the button says Play again.
    await opened.waitForFunction((n) => document.querySelector("#train-status").textContent.startsWith(`Step ${n} `)
      && document.querySelector("#play").textContent === "Play", steps);
    assert.equal((await save(opened)).bytes.toString("utf8"), sent);
    assert.deepEqual([...problems, ...openedProblems], []);
    await page.close();
    await opened.close();
  });
});
