// Browser tests of the activation explorer and the softmax panel, driven the
// way a person (or a screen reader) finds controls: by their accessible names.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { openPage, startSite, stopSite } from "./harness.js";

let server;
let browser;
before(async () => ({ server, browser } = await startSite()));
after(() => stopSite({ server, browser }));

/** A cheap fingerprint of the canvas's pixels, and how many are not background. */
async function canvasPixels(page, selector) {
  return page.$eval(selector, (canvas) => {
    const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    let hash = 0;
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) {
      hash = (hash * 31 + data[i] * 7 + data[i + 1] * 3 + data[i + 2]) >>> 0;
      if (data[i] + data[i + 1] + data[i + 2] < 600) inked++;
    }
    return { hash, inked, total: data.length / 4 };
  });
}

/** The readout table as {label: [f, f']}. */
async function readout(page) {
  const rows = await page.$$eval("#readout-rows tr", (trs) =>
    trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  return Object.fromEntries(rows.map(([label, f, df]) => [label, [f, df]]));
}

describe("activation explorer", () => {
  test("loads with no console errors, draws the curves and stays on its own origin", async () => {
    const { page, problems, requests } = await openPage(browser, server.url);
    const pixels = await canvasPixels(page, "#curve-canvas");
    assert.ok(pixels.inked > pixels.total * 0.01, `canvas looks empty: ${JSON.stringify(pixels)}`);
    const origin = new URL(server.url).origin;
    assert.deepEqual(requests.filter((r) => !r.startsWith(origin)), []);
    assert.deepEqual(problems, []);
    assert.equal(await page.locator("#panic").isHidden(), true);
    await page.close();
  });

  test("reads out f(x) and f'(x) at the cursor, from the keyboard and the pointer", async () => {
    const { page, problems } = await openPage(browser, server.url);
    assert.deepEqual(await readout(page), { Sigmoid: ["0.5", "0.25"], ReLU: ["0", "1"] });
    const plot = page.getByRole("slider", { name: "Curve cursor" });
    await plot.focus();
    await page.keyboard.press("End");
    assert.deepEqual(await readout(page), { Sigmoid: ["1", "4.54e-5"], ReLU: ["10", "1"] });
    assert.equal(await page.locator("#readout-caption").textContent(), "Values at x = 10");
    await page.keyboard.press("Home");
    assert.deepEqual(await readout(page), { Sigmoid: ["4.54e-5", "4.54e-5"], ReLU: ["0", "0"] });
    assert.match(await plot.getAttribute("aria-valuetext"), /^x = -10: Sigmoid 4\.54e-5, slope 4\.54e-5; ReLU 0, slope 0$/);
    await page.keyboard.press("Shift+ArrowRight"); // one twentieth of the range: x = −9
    assert.equal(await page.locator("#readout-caption").textContent(), "Values at x = -9");

    const box = await plot.boundingBox();
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.3);
    const caption = await page.locator("#readout-caption").textContent();
    const x = Number(caption.replace("Values at x = ", ""));
    assert.ok(x < -3 && x > -9, `pointer at a fifth of the width reads x = ${x}`);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("switching activations redraws and the tables follow", async () => {
    const { page, problems } = await openPage(browser, server.url);
    const before = await canvasPixels(page, "#curve-canvas");
    await page.getByRole("checkbox", { name: "tanh" }).check();
    await page.getByRole("checkbox", { name: "ReLU", exact: true }).uncheck();
    const afterSwitch = await canvasPixels(page, "#curve-canvas");
    assert.notEqual(afterSwitch.hash, before.hash, "the canvas changed");
    assert.deepEqual(await readout(page), { Sigmoid: ["0.5", "0.25"], tanh: ["0", "1"] });
    const markers = await page.$$eval("#marker-rows tr", (trs) => trs.map((tr) => tr.textContent));
    assert.equal(markers.length, 2);
    assert.match(markers[1], /tanh-1 \/ 8\.24e-90 \/ 11 \/ 8\.24e-9/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("parameter sliders redraw at once with the new parameter", async () => {
    const { page, problems } = await openPage(browser, server.url);
    await page.getByRole("checkbox", { name: "Leaky ReLU" }).check();
    const before = await canvasPixels(page, "#curve-canvas");
    await page.getByRole("slider", { name: "Leaky ReLU alpha" }).fill("0.2");
    const after = await canvasPixels(page, "#curve-canvas");
    assert.notEqual(after.hash, before.hash);
    assert.equal(await page.locator("#param-leaky_relu-value").textContent(), "0.2");
    const leaky = await page.$$eval("#marker-rows tr", (trs) =>
      trs.map((tr) => tr.textContent).find((t) => t.startsWith("Leaky")));
    assert.equal(leaky, "Leaky ReLU-2 / 0.20 / 0.210 / 1");

    await page.getByRole("checkbox", { name: "Maxout" }).check();
    await page.getByRole("slider", { name: "Maxout b2" }).fill("2");
    const maxout = (await readout(page)).Maxout;
    assert.deepEqual(maxout, ["2", "0.1"], "at x = 0 the second line (0.1·x + 2) wins");
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("Swish and GELU are drawn, read out, listed with their properties and kept in the link", async () => {
    const { page, problems } = await openPage(browser, server.url);
    const before = await canvasPixels(page, "#curve-canvas");
    await page.getByRole("checkbox", { name: "Swish (SiLU)" }).check();
    await page.getByRole("checkbox", { name: "GELU" }).check();
    await page.getByRole("checkbox", { name: "Sigmoid" }).uncheck();
    await page.getByRole("checkbox", { name: "ReLU", exact: true }).uncheck();
    assert.notEqual((await canvasPixels(page, "#curve-canvas")).hash, before.hash, "the canvas changed");
    assert.deepEqual(await readout(page), { "Swish (SiLU)": ["0", "0.5"], GELU: ["0", "0.5"] });
    const plot = page.getByRole("slider", { name: "Curve cursor" });
    await plot.focus();
    await page.keyboard.press("Home");
    // swish(−10) = −4.54e−4, swish′(−10) = −4.09e−4; gelu(−10) = −7.62e−23 (from erfc, not 0), gelu′(−10) = −7.62e−22.
    assert.deepEqual(await readout(page), { "Swish (SiLU)": ["-4.54e-4", "-4.09e-4"], GELU: ["-7.62e-23", "-7.62e-22"] });
    await page.keyboard.press("End");
    assert.deepEqual(await readout(page), { "Swish (SiLU)": ["10", "1"], GELU: ["10", "1"] });
    const table = page.getByRole("table", { name: "Properties" });
    assert.match(await table.getByRole("row", { name: /^Swish \(SiLU\)/ }).textContent(), /^Swish \(SiLU\)\[−0\.278…, ∞\)nonoyesfor x < 0costly: needs exp\(\)/);
    assert.match(await table.getByRole("row", { name: /^GELU/ }).textContent(), /^GELU\[−0\.170…, ∞\)nonoyesfor x < 0costly: needs erfc\(\) and exp\(\)/);
    await page.waitForFunction(() => location.hash.includes("curves=swish,gelu"));
    const opened = await openPage(browser, page.url());
    assert.equal(await opened.page.getByRole("checkbox", { name: "GELU" }).isChecked(), true);
    assert.equal(await opened.page.getByRole("checkbox", { name: "Swish (SiLU)" }).isChecked(), true);
    assert.equal(await opened.page.getByRole("checkbox", { name: "Sigmoid" }).isChecked(), false);
    assert.deepEqual(opened.problems, []);
    await opened.page.close();
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("a bad x range names the problem and keeps the last good plot", async () => {
    const { page, problems } = await openPage(browser, server.url);
    await page.getByLabel("x from").fill("5");
    await page.getByLabel("x to").fill("-5");
    const alert = page.locator("#range-error");
    assert.match(await alert.textContent(), /x_min < x_max/);
    assert.equal(await alert.isVisible(), true);
    await page.getByLabel("x to").fill("50");
    assert.equal(await alert.isHidden(), true);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("the cost timings wait while a run plays, and never run inside an animation frame", async () => {
    const { page, problems } = await openPage(browser, server.url);
    await page.getByRole("group", { name: "Training" }).getByRole("button", { name: "Play" }).click();
    // Every call of the timing, and whether it ran inside an animation frame.
    await page.evaluate(() => {
      window.costCalls = [];
      let inFrame = false;
      const raf = window.requestAnimationFrame.bind(window);
      window.requestAnimationFrame = (callback) => raf((t) => { inFrame = true; try { callback(t); } finally { inFrame = false; } });
      // The explorer's own module: on a release build the explorer-first one, not window.nnplay's.
      const api = window.nnplayPanels.explorer.api;
      const time = api.time_per_evaluation;
      api.time_per_evaluation = (...args) => { window.costCalls.push(inFrame); return time(...args); };
    });
    await page.locator("#properties").scrollIntoViewIfNeeded();
    await page.waitForTimeout(1500);
    assert.deepEqual(await page.evaluate(() => window.costCalls), [], "no timing while the run plays");
    assert.equal(await page.locator("[data-cost]").first().textContent(), "…");
    await page.getByRole("group", { name: "Training" }).getByRole("button", { name: "Pause" }).click();
    await page.locator("#properties").scrollIntoViewIfNeeded();
    await page.waitForFunction(() => [...document.querySelectorAll("[data-cost]")].every((c) => / ns \(/.test(c.textContent)), null, { timeout: 30000 });
    const calls = await page.evaluate(() => window.costCalls);
    assert.equal(calls.length, 50, "5 timings of each of the 10 functions");
    assert.ok(calls.every((inFrame) => !inFrame), "no timing inside an animation frame");
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("the properties table measures each function's cost in the browser", async () => {
    const { page, problems } = await openPage(browser, server.url);
    const table = page.getByRole("table", { name: "Properties" });
    const sigmoid = table.getByRole("row", { name: /^Sigmoid/ });
    assert.match(await sigmoid.textContent(), /\(0, 1\)noyesyesboth tailscostly: needs exp\(\)/);
    // The timings start once the table is seen.
    await page.locator("#properties").scrollIntoViewIfNeeded();
    assert.equal(await page.locator("[data-cost]").first().textContent(), "…", "not timed before it was seen");
    await page.waitForFunction(() => [...document.querySelectorAll("[data-cost]")].every((c) => / ns \(/.test(c.textContent)), null, { timeout: 30000 });
    const cells = await page.$$eval("[data-cost]", (cells) => cells.map((c) => [c.dataset.cost, c.textContent]));
    assert.equal(cells.length, 10);
    for (const [name, text] of cells) {
      // The median of 5 timings, with their range around it.
      const m = /^(\d+\.\d) ns \((\d+\.\d)–(\d+\.\d)\)(.*)$/.exec(text);
      assert.ok(m, `${name}: ${text}`);
      const [median, low, high] = m.slice(1, 4).map(Number);
      assert.ok(low <= median && median <= high, `${name}: ${text}`);
      assert.equal(m[4], name === "maxout" ? " for the max of 2 pieces; its layer also computes 2 pre-activations per unit" : "", name);
    }
    assert.match(await page.locator("#cost-note").textContent(), /Why tanh measures cheaper than sigmoid although both need exp\(\)/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("a bad API call throws a clean Error and the module keeps working", async () => {
    const { page, problems } = await openPage(browser, server.url);
    const result = await page.evaluate(() => {
      const caught = [];
      for (const call of [
        () => window.nnplay.activate("mish", new Float64Array([1])),
        () => window.nnplay.derivative("elu", new Float64Array([1]), Number.NaN),
        () => window.nnplay.activate("tanh", new Float64Array([])),
        () => window.nnplay.softmax([1, 2], -1),
      ]) {
        try { call(); caught.push("no error"); } catch (e) { caught.push(`${e instanceof Error}:${e.message}`); }
      }
      caught.push(Array.from(window.nnplay.activate("relu", new Float64Array([-1, 3]))).join(","));
      return caught;
    });
    assert.match(result[0], /^true:unknown activation "mish"; accepted: identity, sigmoid, tanh, relu, leaky_relu, prelu, elu, swish, gelu, maxout, softmax$/);
    assert.match(result[1], /^true:param is NaN; it must be a finite number$/);
    assert.match(result[2], /^true:xs is empty/);
    assert.match(result[3], /^true:temperature must be a finite number greater than 0, got -1$/);
    assert.equal(result[4], "0,3");
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe("softmax panel", () => {
  test("bars show probabilities that sum to 1 and follow the sliders", async () => {
    const { page, problems } = await openPage(browser, server.url);
    const probabilities = async () => JSON.parse(await page.locator("#softmax-canvas").getAttribute("data-probabilities"));
    const sum = (ps) => ps.reduce((a, b) => a + b, 0);
    let p = await probabilities();
    assert.equal(p.length, 3);
    assert.ok(Math.abs(sum(p) - 1) < 1e-12);
    assert.equal(await page.locator("#softmax-sum").textContent(), "Sum of probabilities: 1.000");
    const canvas = await canvasPixels(page, "#softmax-canvas");
    assert.ok(canvas.inked > canvas.total * 0.02, "bars are drawn");

    await page.getByLabel("Number of classes").selectOption("5");
    p = await probabilities();
    assert.equal(p.length, 5);
    assert.ok(Math.abs(sum(p) - 1) < 1e-12);
    await page.getByRole("slider", { name: "Logit 3" }).fill("5");
    p = await probabilities();
    assert.ok(p[2] > 0.9, `logit 3 at 5 dominates: ${p}`);
    await page.getByRole("slider", { name: "Temperature" }).fill("5");
    const flat = await probabilities();
    assert.ok(flat[2] < p[2] && Math.max(...flat) < 0.5, `a hot softmax is flatter: ${flat}`);
    assert.match(await page.locator("#softmax-summary").textContent(), /^Probabilities — class 1: 0\.\d{3}, /);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
