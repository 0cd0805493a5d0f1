// Browser tests of the stage stepper and the diagnostics: the four stage
// buttons, their panels' equations and matrices, and the experiments' links.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { followLink, openPage, pixelHash, startSite, stopSite } from "./harness.js";

let server;
let browser;
before(async () => ({ server, browser } = await startSite()));
after(() => stopSite({ server, browser }));

const STAGES = ["Sample batch", "Forward", "Backward", "Update"];
const trainStatus = (page) => page.getByRole("status").filter({ hasText: /^Step / }).textContent();
const stepOf = (text) => Number(/^Step (\d+) /.exec(text)[1]);
const stageButton = (page, name) => page.getByRole("button", { name, exact: true });
const panel = (page, number, name) => page.getByRole("region", { name: `${number}. ${name}` });

/** Which stage buttons are enabled, in order. */
async function enabled(page) {
  const states = [];
  for (const name of STAGES) states.push(await stageButton(page, name).isEnabled());
  return states;
}

/** The captions of a panel's matrices ("z1 (10 × 4), just computed", …). */
function captions(region) {
  return region.locator("table.matrix caption").allTextContents();
}

/** The diagnostics table: per layer {label, gradient, dead, saturated, mean}. */
function diagnostics(page) {
  return page.$$eval("#diagnostics-rows tr", (rows) => rows.map((tr) => {
    const cells = [...tr.cells].map((c) => c.textContent);
    return {
      label: cells[0],
      gradient: Number(cells[1]),
      dead: cells[2] === "—" ? null : Number(cells[2].split(" of ")[0]),
      saturated: cells[3] === "—" ? null : Number(cells[3].replace("%", "")) / 100,
      mean: Number(cells[4].split(" ± ")[0]),
    };
  }));
}

describe("stage stepper", () => {
  test("the four stages in order advance the step counter by one and change the loss", async () => {
    const { page, problems } = await openPage(browser, server.url);
    const start = await trainStatus(page);
    assert.equal(stepOf(start), 0);
    const heatmap = await pixelHash(page, "#heatmap");
    for (const name of STAGES.slice(0, 3)) {
      await stageButton(page, name).click();
      assert.equal(await trainStatus(page), start, `${name} alone does not complete a step`);
    }
    assert.notEqual(await pixelHash(page, "#heatmap"), heatmap, "the batch is ringed on the heatmap");
    await stageButton(page, "Update").click();
    assert.equal(stepOf(await trainStatus(page)), 1);
    const status = await page.locator("#stage-status").textContent();
    const [, before, after] = /^Next: Sample batch · 1 step done · batch of 10 points · batch loss (\d\.\d+) · after the update (\d\.\d+)$/.exec(status);
    assert.ok(Number(after) < Number(before), `the batch's loss fell: ${status}`);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("only the next stage's button is enabled, and Step finishes a step begun", async () => {
    const { page, problems } = await openPage(browser, server.url);
    assert.deepEqual(await enabled(page), [true, false, false, false]);
    for (let i = 0; i < 3; i++) {
      await stageButton(page, STAGES[i]).click();
      assert.deepEqual(await enabled(page), STAGES.map((_, j) => j === i + 1), `after ${STAGES[i]}`);
    }
    assert.equal(await panel(page, 3, "Backward").getAttribute("aria-current"), "step", "the stage just run is highlighted");
    await page.getByRole("group", { name: "Training" }).getByRole("button", { name: "Step", exact: true }).click();
    assert.equal(stepOf(await trainStatus(page)), 1);
    assert.deepEqual(await enabled(page), [true, false, false, false]);
    await stageButton(page, "Sample batch").click();
    await page.getByRole("group", { name: "Training" }).getByRole("button", { name: "Reset" }).click();
    assert.equal(stepOf(await trainStatus(page)), 0);
    assert.deepEqual(await enabled(page), [true, false, false, false], "Reset starts a fresh step");
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("each stage's panel shows its equations and matrices of the right shape", async () => {
    const { page, problems } = await openPage(browser, server.url);
    // The default network: 2 → 4 tanh → 2 tanh → 2 softmax, batch 10.
    const sample = panel(page, 1, "Sample batch");
    const forward = panel(page, 2, "Forward");
    const backward = panel(page, 3, "Backward");
    const update = panel(page, 4, "Update");
    assert.match(await forward.textContent(), /z1 = x·W1 \+ b1/, "equations show before their stage runs");
    assert.deepEqual(await captions(forward), [], "but no matrices yet");

    await stageButton(page, "Sample batch").click();
    assert.deepEqual(await captions(sample), ["x (10 × 2), just computed", "y (10 × 2), just computed"]);

    await stageButton(page, "Forward").click();
    const text = await forward.textContent();
    for (const equation of ["z1 = x·W1 + b1", "a1 = tanh(z1)", "z2 = a1·W2 + b2", "a2 = tanh(z2)", "z3 = a2·W3 + b3", "y_hat = softmax(z3)", "loss = −Σ y·ln(y_hat) / n"]) {
      assert.ok(text.includes(equation), `Forward shows ${equation}`);
    }
    assert.deepEqual((await captions(forward)).slice(0, 5), ["x (10 × 2)", "W1 (2 × 4)", "b1 (1 × 4)", "z1 (10 × 4), just computed", "a1 (10 × 4), just computed"]);
    const z1 = forward.locator("table.matrix").nth(3);
    assert.equal(await z1.locator("tr").count(), 8, "10 rows elided to 8 lines");
    assert.equal(await z1.locator("tr").nth(4).textContent(), "⋮⋮⋮⋮");
    assert.match(await z1.locator("tr").first().locator("td").first().textContent(), /^-?\d/);
    assert.deepEqual(await captions(sample), ["x (10 × 2)", "y (10 × 2)"], "only the last stage's values are marked");

    await stageButton(page, "Backward").click();
    const back = await backward.textContent();
    for (const equation of ["delta3 = y_hat − y", "dL/dW3 = a2ᵀ·delta3 / n", "dL/db3 = Σ delta3 / n", "delta2 = (delta3·W3ᵀ) ⊙ tanh'(z2)", "delta1 = (delta2·W2ᵀ) ⊙ tanh'(z1)", "dL/dW1 = xᵀ·delta1 / n", "tanh'(z) = 1 − tanh²(z)"]) {
      assert.ok(back.includes(equation), `Backward shows ${equation}`);
    }
    const shapes = await captions(backward);
    for (const caption of ["delta3 (10 × 2), just computed", "dL/dW3 (2 × 2), just computed", "tanh'(z2) (10 × 2), just computed", "dL/dW1 (2 × 4), just computed", "dL/db1 (1 × 4), just computed"]) {
      assert.ok(shapes.includes(caption), `Backward has ${caption}: ${shapes}`);
    }
    const notes = await backward.locator(".note").allTextContents();
    assert.ok(notes.some((n) => /^Correction: The notes print tanh′ as z\(1 − z²\)/.test(n)), "the tanh′ slip is corrected");
    assert.ok(notes.some((n) => /^Correction: The notes write dL\/db1 = delta3/.test(n)), "the dL/db1 slip is corrected");

    await stageButton(page, "Update").click();
    assert.match(await update.textContent(), /W1 ← W1 − 0\.03·dL\/dW1/);
    assert.deepEqual((await captions(update)).slice(0, 3), ["W1 before (2 × 4)", "−lr·dL/dW1 (2 × 4), just computed", "W1 after (2 × 4), just computed"]);
    assert.match(await update.textContent(), /loss on the same batch, before → after the update\d\.\d+ → \d\.\d+/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("the diagnostics table and charts follow the run", async () => {
    const { page, problems } = await openPage(browser, server.url);
    const rows = await diagnostics(page);
    assert.deepEqual(rows.map((r) => r.label), ["layer 1 · tanh", "layer 2 · tanh", "output · softmax"]);
    assert.ok(rows.every((r) => r.gradient > 0));
    assert.deepEqual(rows.map((r) => r.dead), [0, 0, null]);
    const chart = await pixelHash(page, "#gradient-chart");
    await page.getByRole("button", { name: "Epoch" }).click();
    // Charts off-screen are drawn once they are seen.
    await page.locator("#gradient-chart").scrollIntoViewIfNeeded();
    let grown = false;
    for (let tries = 0; tries < 20 && !grown; tries++) {
      grown = (await pixelHash(page, "#gradient-chart")) !== chart;
      if (!grown) await page.waitForTimeout(100);
    }
    assert.ok(grown, "the gradient chart grew");
    for (const name of ["Mean size of each layer's weight gradient over the steps, on a log scale", "Dead units and saturated fraction per layer over the steps"]) {
      assert.equal(await page.getByRole("img", { name }).count(), 1);
    }
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe("experiments", () => {
  /** The screen a student follows an experiment on. */
  const SCREEN = { viewport: { width: 1280, height: 720 } };

  /** Opens the page at 1280 × 720 and follows the experiment link `name`. */
  async function experiment(name) {
    const opened = await openPage(browser, server.url, SCREEN);
    await followLink(opened.page, name);
    return opened;
  }

  /** The controls and pictures the experiments' texts name, by the names a reader hears. */
  function named(page) {
    const training = page.getByRole("group", { name: "Training" });
    const chart = (name) => page.getByRole("img", { name, exact: true });
    return {
      Epoch: training.getByRole("button", { name: "Epoch", exact: true }),
      Play: training.getByRole("button", { name: "Play", exact: true }),
      "the network drawing": page.getByRole("img", { name: /^The network:/ }),
      "the dead units and |dL/dW| under the drawing": page.getByRole("group", { name: "Diagnostics per layer" }),
      "the loss chart": chart("Train and test loss over the steps"),
      "the z histograms": chart("Histogram of each layer's pre-activations z, with the activation function drawn behind"),
      "the dead and saturated units chart": chart("Dead units and saturated fraction per layer over the steps"),
      "the chart of mean activations": chart("Mean of each hidden layer's activations over the steps, with a band of one spread"),
      "the softmax bars": page.getByRole("region", { name: "Softmax" }).getByRole("img"),
      "Logit 3": page.getByLabel("Logit 3", { exact: true }),
      Temperature: page.getByLabel("Temperature", { exact: true }),
    };
  }

  /** Asserts that each of `names` is one element lying wholly inside the viewport as it is scrolled now. */
  async function assertInView(page, names, when) {
    const all = named(page);
    const view = await page.evaluate(() => ({ width: innerWidth, height: innerHeight, scrollY }));
    const outside = [];
    for (const name of names) {
      assert.equal(await all[name].count(), 1, `one ${name}`);
      const b = await all[name].boundingBox();
      if (!b || b.x < 0 || b.y < 0 || b.x + b.width > view.width + 0.5 || b.y + b.height > view.height + 0.5) {
        outside.push(b ? `${name} at y ${Math.round(b.y)}–${Math.round(b.y + b.height)}` : `${name}, not laid out`);
      }
    }
    assert.deepEqual(outside, [], `${when}: outside the ${view.width} × ${view.height} screen (scrolled to ${view.scrollY})`);
  }

  test("A ReLU dies: the dead-unit count rises", async () => {
    const { page, problems } = await experiment("A ReLU dies");
    await assertInView(page, ["Epoch", "the network drawing", "the dead units and |dL/dW| under the drawing"], "A ReLU dies");
    const dead = async () => (await diagnostics(page)).reduce((sum, r) => sum + (r.dead ?? 0), 0);
    assert.equal(await page.getByLabel("Learning rate").inputValue(), "1");
    assert.equal(await dead(), 0);
    const network = await pixelHash(page, "#network");
    for (let i = 0; i < 2; i++) await page.getByRole("button", { name: "Epoch" }).click();
    assert.ok(await dead() >= 2, `dead units after two epochs: ${await dead()}`);
    assert.notEqual(await pixelHash(page, "#network"), network);
    // The strip under the drawing, which the text points at, counts them too.
    const strip = await page.getByRole("group", { name: "Diagnostics per layer" }).textContent();
    const counted = [...strip.matchAll(/dead units(\d+) of 8/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    assert.equal(counted, await dead(), `the strip: ${strip}`);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("Sigmoid's early layers learn slowly: layer 1's gradient is decades below the output's", async () => {
    const { page, problems } = await experiment("Sigmoid's early layers learn slowly");
    await assertInView(page, ["Play", "the network drawing", "the dead units and |dL/dW| under the drawing", "the loss chart"], "Sigmoid's early layers");
    const rows = await diagnostics(page);
    assert.equal(rows.length, 7);
    assert.ok(rows[6].gradient / rows[0].gradient > 1000, `${rows[0].gradient} vs ${rows[6].gradient}`);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("Saturation at x = ±10: a third of the values are saturated after the prepared steps", async () => {
    const { page, problems } = await experiment("Saturation at x = ±10");
    const shown = ["the z histograms", "the dead and saturated units chart"];
    await assertInView(page, shown, "Saturation, the link followed");
    // The link's catch-up goes a piece at a time, after the link is applied.
    await page.waitForFunction(() => /^Step 300 /.test(document.getElementById("train-status").textContent), null, { timeout: 20000 });
    assert.equal(stepOf(await trainStatus(page)), 300);
    await assertInView(page, shown, "Saturation, the steps caught up");
    const rows = await diagnostics(page);
    const most = Math.max(...rows.map((r) => r.saturated ?? 0));
    assert.ok(most > 1 / 3, `saturated fraction ${most}`);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("tanh is zero-centred, sigmoid is not: the mean activations show it", async () => {
    const { page, problems } = await experiment("tanh is zero-centred, sigmoid is not");
    await assertInView(page, ["the chart of mean activations"], "tanh is zero-centred");
    const [tanh, sigmoid] = await diagnostics(page);
    assert.equal(tanh.label, "layer 1 · tanh");
    assert.equal(sigmoid.label, "layer 2 · sigmoid");
    assert.ok(Math.abs(tanh.mean) < 0.1 && sigmoid.mean > 0.4 && sigmoid.mean < 0.6, `${tanh.mean} ${sigmoid.mean}`);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("ELU versus ReLU: the same network with ReLU raises each layer's mean activation", async () => {
    const { page, problems } = await experiment("ELU versus ReLU mean activation");
    await assertInView(page, ["the chart of mean activations"], "ELU");
    const elu = await diagnostics(page);
    assert.equal(elu[0].label, "layer 1 · elu");
    await followLink(page, "the same network with ReLU");
    await assertInView(page, ["the chart of mean activations"], "the same network with ReLU");
    const relu = await diagnostics(page);
    assert.equal(relu[0].label, "layer 1 · relu");
    for (const l of [0, 1]) assert.ok(relu[l].mean > elu[l].mean + 0.15, `layer ${l + 1}: ${elu[l].mean} → ${relu[l].mean}`);
    // The Activation menu makes the same network: the link is that switch, not another run.
    await followLink(page, "ELU versus ReLU mean activation");
    await page.getByLabel("Activation", { exact: true }).selectOption("relu");
    assert.deepEqual((await diagnostics(page)).map((r) => r.mean), relu.map((r) => r.mean));
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("Softmax pushes one class to 1", async () => {
    const { page, problems } = await experiment("Softmax pushes one class to 1");
    await assertInView(page, ["the softmax bars", "Logit 3", "Temperature"], "Softmax");
    assert.match(await page.locator("#softmax-summary").textContent(), /class 3: 0\.9[3-9]\d/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("an experiment's copied link opens the state it set", async () => {
    const { page, problems } = await experiment("Saturation at x = ±10");
    await page.waitForFunction(() => /^Step 300 /.test(document.getElementById("train-status").textContent), null, { timeout: 20000 });
    await page.waitForFunction(() => /steps=300/.test(location.hash));
    const link = page.url();
    const rows = await diagnostics(page);
    const again = await openPage(browser, link, SCREEN);
    await again.page.waitForFunction(() => /^Step 300 /.test(document.getElementById("train-status").textContent), null, { timeout: 20000 });
    assert.deepEqual(await diagnostics(again.page), rows, "the same run");
    assert.deepEqual([...problems, ...again.problems], []);
    await again.page.close();
    await page.close();
  });
});
