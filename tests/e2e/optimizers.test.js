// Browser tests of the optimisers, learning-rate schedules and
// regularisation: chosen by their labels, written into the link, checked by
// Rust with named errors, and L1 cutting weights to exactly zero.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { downloadFrom, openPage, startSite, stopSite } from "./harness.js";

let server;
let browser;

before(async () => {
  ({ server, browser } = await startSite());
});

after(() => stopSite({ server, browser }));

const statusOf = (page) => page.locator("#train-status").textContent();
const training = (page) => page.getByRole("group", { name: "Training" });
const stepButton = (page) => training(page).getByRole("button", { name: "Step", exact: true });

/** The weights (W entries, not biases) of a parameter vector of the layer sizes `units` on 2 inputs. */
function weightsOf(params, units) {
  const weights = [];
  let fanIn = 2;
  let at = 0;
  for (const n of units) {
    weights.push(...params.slice(at, at + fanIn * n));
    at += fanIn * n + n; // W, then b
    fanIn = n;
  }
  assert.equal(at, params.length, "the layout covers every parameter");
  return weights;
}

/** Waits until the URL's fragment holds every one of `parts`. */
function urlHas(page, parts) {
  return page.waitForFunction((ps) => ps.every((p) => location.hash.includes(p)), parts);
}

/** Opens the SGD extras (closed by default: the notes' plain SGD comes first). */
const openExtras = (page) => page.locator("summary", { hasText: "Optimiser, schedule and regularisation" }).click();

describe("optimisers, schedules and regularisation", () => {
  test("Adam chosen by its label trains: the status advances with a finite loss, and the link says so", async () => {
    const { page, problems } = await openPage(browser, server.url);
    assert.equal(await page.getByLabel("Optimiser").inputValue(), "sgd", "the notes' SGD is the default");
    assert.equal(await page.getByLabel("Optimiser").isHidden(), true, "the extras start closed");
    await openExtras(page);
    assert.equal(await page.getByLabel("Beta 1 (β1)").isHidden(), true, "no hyper-parameters for SGD");
    await page.getByLabel("Optimiser").selectOption({ label: "Adam" });
    for (const label of ["Beta 1 (β1)", "Beta 2 (β2)", "Epsilon (ε)"]) {
      assert.equal(await page.getByLabel(label).isVisible(), true, `${label} shows for Adam`);
    }
    assert.equal(await page.getByLabel("Momentum (μ)").isHidden(), true);
    await page.getByLabel("Beta 1 (β1)").fill("0.8");
    await page.getByLabel("Beta 1 (β1)").blur();
    await page.getByLabel("Learning-rate schedule").selectOption({ label: "Step decay" });
    await page.getByLabel("Decay every (steps)").fill("2");
    await page.getByLabel("Decay every (steps)").blur();
    for (let i = 0; i < 3; i++) await stepButton(page).click();
    const status = await statusOf(page);
    assert.match(status, /^Step 3 · train loss \d+\.\d{3} · test loss \d+\.\d{3} · learning rate 0\.015$/);
    const loss = Number(await page.locator("#train-status").getAttribute("data-train-loss"));
    assert.ok(Number.isFinite(loss), `finite loss ${loss}`);
    assert.equal(await page.locator("#train-alert").isHidden(), true);
    await urlHas(page, ["opt=adam", "beta1=0.8", "schedule=step", "lr_every=2", "steps=3"]);
    const hash = new URL(page.url()).hash;
    assert.ok(!hash.includes("beta2"), `defaults are left out: ${hash}`);

    // The link reopens the same run.
    const fresh = await openPage(browser, page.url());
    await fresh.page.getByRole("status").filter({ hasText: /^Step 3 / }).waitFor();
    assert.equal(await statusOf(fresh.page), status);
    assert.equal(await fresh.page.getByLabel("Optimiser").inputValue(), "adam");
    assert.ok(await fresh.page.getByLabel("Optimiser").isVisible(), "a link beyond plain SGD opens the extras");
    assert.equal(await fresh.page.getByLabel("Beta 1 (β1)").inputValue(), "0.8");
    assert.deepEqual(problems, []);
    assert.deepEqual(fresh.problems, []);
    await fresh.page.close();
    await page.close();
  });

  test("a hyper-parameter out of range is refused with an alert naming it, and training goes on unchanged", async () => {
    const { page, problems } = await openPage(browser, server.url);
    await openExtras(page);
    await page.getByLabel("Optimiser").selectOption({ label: "Momentum" });
    await page.getByLabel("Momentum (μ)").fill("1.5");
    await page.getByLabel("Momentum (μ)").blur();
    const alert = page.locator("#train-alert");
    await alert.waitFor();
    assert.match(await alert.textContent(), /momentum accepts a number from 0 up to but not including 1.*got "1\.5"/);
    await page.getByLabel("Momentum (μ)").fill("0.5");
    await page.getByLabel("Momentum (μ)").blur();
    assert.equal(await alert.isHidden(), true, "a good value clears the alert");
    await stepButton(page).click();
    assert.match(await statusOf(page), /^Step 1 · train loss \d\.\d{3}/);
    await urlHas(page, ["opt=momentum", "momentum=0.5"]);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("L1 at a large rate drives every weight of the page's run to exactly zero", async () => {
    const { page, problems } = await openPage(browser, server.url);
    await openExtras(page);
    await page.getByLabel("Regularisation", { exact: true }).selectOption("l1");
    await page.getByLabel("Regularisation rate").selectOption("10");
    for (let i = 0; i < 4; i++) await page.getByRole("button", { name: "Epoch" }).click();
    await urlHas(page, ["reg=l1", "reg_rate=10", "steps=100"]);
    const file = JSON.parse((await downloadFrom(page, page.getByRole("button", { name: "Save network (JSON)" }))).bytes.toString("utf8"));
    assert.match(file.link, /reg=l1&reg_rate=10/);
    const units = file.model.layers.map((l) => l.units);
    const weights = weightsOf(file.params, units);
    assert.ok(weights.length > 0 && weights.every((w) => w === 0), `all weights exactly 0: ${weights}`);
    assert.ok(file.params.some((p) => p !== 0), "biases are not penalised");
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("through the JS API, L1 gives exact zeros and a bad optimiser is a thrown Error", async () => {
    const { page, problems } = await openPage(browser, server.url);
    const result = await page.evaluate(() => {
      const run = window.nnplay.Playground.from_link("opt=rmsprop&reg=l1&reg_rate=3");
      run.run(200);
      const params = Array.from(run.params());
      let error = "";
      try {
        run.retune("opt=lion");
      } catch (e) {
        error = e.message;
      }
      run.free();
      return { params, error };
    });
    // The default network: 2 inputs → 4 → 2 → 2 classes.
    const weights = weightsOf(result.params, [4, 2, 2]);
    assert.ok(weights.every((w) => w === 0), `${weights}`);
    assert.match(result.error, /^opt accepts one of sgd, momentum, nesterov, adagrad, rmsprop, adam; got "lion"/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("a bad opt in a link shows a notice naming it, and SGD is used", async () => {
    const { page, problems } = await openPage(browser, `${server.url}#opt=lion&lr=0.1`);
    const notice = page.getByRole("alert").filter({ hasText: "opt accepts" });
    assert.match(await notice.textContent(), /opt accepts one of sgd, momentum, nesterov, adagrad, rmsprop, adam; got "lion"/);
    assert.equal(await page.getByLabel("Optimiser").inputValue(), "sgd");
    assert.equal(await page.getByLabel("Learning rate").inputValue(), "0.1", "the rest of the link applies");
    await stepButton(page).click();
    assert.match(await statusOf(page), /^Step 1 · train loss \d\.\d{3}/);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
