// Browser tests: animation loops run only while their panel can be seen
// (IntersectionObserver and the tab's visibility), so a page of embeds
// trains only where the reader is looking.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { openPage, startSite, stopSite } from "./harness.js";

let server;
let browser;
before(async () => ({ server, browser } = await startSite()));
after(() => stopSite({ server, browser }));

const stepOf = async (page) => Number(/^Step (\d+)/.exec(await page.locator("#train-status").textContent())[1]);

const trainedPast = (page, n) =>
  page.waitForFunction((n) => Number(/^Step (\d+)/.exec(document.querySelector("#train-status").textContent)[1]) > n, n);

/** The step reached after the loop had time to settle, checked to stay there. */
async function heldStep(page) {
  await page.waitForTimeout(300);
  const held = await stepOf(page);
  await page.waitForTimeout(600);
  assert.equal(await stepOf(page), held, "a panel that cannot be seen does not train");
  assert.equal(await page.locator("#play").getAttribute("aria-pressed"), "true", "the run is still playing, only held");
  return held;
}

test("a playing run holds while its panel is off-screen or hidden, and goes on when seen again", async () => {
  const { page, problems } = await openPage(browser, server.url);
  const training = page.getByRole("group", { name: "Training" });
  await training.getByRole("button", { name: "Play" }).click();
  await trainedPast(page, 50);

  await page.evaluate(() => scrollTo(0, 0));
  for (const panel of ["#train", "#stages"]) {
    assert.ok(await page.locator(panel).evaluate((e) => e.getBoundingClientRect().top > innerHeight), `${panel} is scrolled away`);
  }
  let held = await heldStep(page);
  await page.locator("#train").scrollIntoViewIfNeeded();
  await trainedPast(page, held + 50);

  // Hiding the panel and the stage stepper that follows it by their toggles, without scrolling to them.
  const toggles = ["Show training", "Show stage stepper"].map((name) => page.getByRole("checkbox", { name }));
  for (const toggle of toggles) await toggle.dispatchEvent("click");
  held = await heldStep(page);
  for (const toggle of toggles) await toggle.dispatchEvent("click");
  await page.locator("#train").scrollIntoViewIfNeeded();
  await trainedPast(page, held + 50);
  await training.getByRole("button", { name: "Pause" }).click();
  assert.deepEqual(problems, []);
  await page.close();
});

test("in the course notes, an embed below the fold plays only once scrolled to", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 700 } });
  await page.goto(`${server.url}course-notes.html`);
  const frame = page.locator('iframe[src*="embed=train"]');
  assert.ok(await frame.evaluate((f) => f.getBoundingClientRect().top > innerHeight), "the training embed starts off-screen");
  const train = page.frameLocator('iframe[src*="embed=train"]');
  await train.getByRole("status").filter({ hasText: /^Step 300 / }).waitFor();
  await train.locator("#play").dispatchEvent("click");
  await page.waitForTimeout(500);
  assert.match(await train.locator("#train-status").textContent(), /^Step 300 /, "off-screen, Play holds");
  await frame.scrollIntoViewIfNeeded();
  await train.getByRole("status").filter({ hasText: /^Step (3[1-9]\d|[4-9]\d\d|\d{4,}) / }).waitFor();
  await page.close();
});

test("an embed below the fold reaches its link's steps however long the catch-up takes, and a race its race_steps", async () => {
  // A 6 × 64 catch-up outlasts the embed's first visibility report: once,
  // that report paused the catch-up as if it were Play, leaving it short.
  const page = await browser.newPage({ viewport: { width: 1280, height: 700 } });
  await page.goto(`${server.url}course-notes.html`);
  const layers = Array(6).fill("64").join(",");
  await page.evaluate((srcs) => {
    for (const src of srcs) {
      const frame = Object.assign(document.createElement("iframe"), { src, width: "800", height: "600", className: "probe" });
      document.body.append(frame);
    }
  }, [`index.html#embed=train&layers=${layers}&steps=1500`, `index.html#embed=race&layers=${layers}&race_steps=300`]);
  const probes = page.locator("iframe.probe");
  for (const i of [0, 1]) {
    assert.ok(await probes.nth(i).evaluate((f) => f.getBoundingClientRect().top > innerHeight), "the embed is off-screen");
  }
  const [train, race] = [0, 1].map((i) => page.frameLocator("iframe.probe").nth(i));
  await train.getByRole("status").filter({ hasText: /^Step 1500 / }).waitFor({ timeout: 90000 });
  await race.locator("#race-status").filter({ hasText: /^Race at step 300\b/ }).waitFor({ timeout: 90000 });
  assert.equal(await train.locator("#play").getAttribute("aria-pressed"), "false", "the catch-up ended; nothing plays off-screen");
  await page.close();
});

/** How many times `#id` (the explorer's canvas) has been drawn. */
const drawnCount = (page, id) => page.locator(`#${id}`).evaluate((c) => Number(c.dataset.drawn ?? 0));
/** Whether canvas `#id` holds no pixel at all. */
const blank = (page, id) =>
  page.locator(`#${id}`).evaluate((c) => c.getContext("2d").getImageData(0, 0, c.width, c.height).data.every((v) => v === 0));

test("a hidden panel's plot waits until it is shown: a training embed draws neither the explorer's curves nor softmax's bars, and each is drawn once its embed shows it", async () => {
  const { page, problems } = await openPage(browser, `${server.url}#embed=train&curves=relu,gelu,tanh`);
  assert.equal(await drawnCount(page, "curve-canvas"), 0, "the hidden explorer's curves are not drawn");
  assert.ok(await blank(page, "softmax-canvas"), "the hidden softmax bars are not drawn");
  // What the plots' text alternatives and tables say is kept up to date all the same.
  assert.equal(await page.locator("#readout-rows tr").count(), 3, "the readout has the link's three curves");
  assert.match(await page.locator("#softmax-summary").textContent(), /^Probabilities — class 1: 0\.\d{3}/);

  await page.evaluate(() => { location.hash = "#embed=curves&curves=relu,gelu,tanh"; });
  await page.waitForFunction(() => Number(document.querySelector("#curve-canvas").dataset.drawn ?? 0) > 0);
  assert.equal(await drawnCount(page, "curve-canvas"), 1, "shown, the curves are drawn once");
  assert.ok(!(await blank(page, "curve-canvas")), "the curves are on the canvas");
  assert.ok(await blank(page, "softmax-canvas"), "softmax, still hidden, is not drawn");

  await page.evaluate(() => { location.hash = "#embed=softmax"; });
  await page.waitForFunction(() => {
    const c = document.querySelector("#softmax-canvas");
    return c.getContext("2d").getImageData(0, 0, c.width, c.height).data.some((v) => v !== 0);
  });
  assert.ok(await page.locator("#panic").isHidden(), "no failure is shown");
  assert.deepEqual(problems, []);
  await page.close();
});

test("on the page, the explorer hidden by its toggle keeps its readout current without drawing, and draws the curves chosen meanwhile once shown", async () => {
  const { page, problems } = await openPage(browser, server.url);
  const before = await drawnCount(page, "curve-canvas");
  assert.ok(before > 0, "the explorer is drawn at the start");
  const picture = await page.locator("#curve-canvas").evaluate((c) => c.toDataURL());
  const toggle = page.getByRole("checkbox", { name: "Show activation functions" });
  await toggle.uncheck();
  // Ticking GELU while the panel is hidden (its controls are not on screen, so by their input event).
  await page.locator('#curve-choices input[value="gelu"]').evaluate((box) => {
    box.checked = true;
    box.dispatchEvent(new Event("input", { bubbles: true }));
  });
  assert.equal(await page.locator("#readout-rows tr").count(), 3, "the readout lists GELU");
  assert.equal(await drawnCount(page, "curve-canvas"), before, "hidden, the curves are not drawn");
  await toggle.check();
  await page.waitForFunction((n) => Number(document.querySelector("#curve-canvas").dataset.drawn) > n, before);
  assert.equal(await drawnCount(page, "curve-canvas"), before + 1, "shown, drawn once");
  assert.notEqual(await page.locator("#curve-canvas").evaluate((c) => c.toDataURL()), picture, "with GELU added");
  assert.ok(await page.locator("#panic").isHidden(), "no failure is shown");
  assert.deepEqual(problems, []);
  await page.close();
});

test("the stage stepper renders only while its panel is shown: hidden in a training embed and by its toggle, it renders the run as it then is once shown", async () => {
  const { page, problems } = await openPage(browser, `${server.url}#embed=train`);
  const status = () => page.locator("#stage-status").textContent();
  const markup = await status();
  await page.getByRole("button", { name: "Step", exact: true }).click();
  await page.getByRole("status").filter({ hasText: /^Step 1 / }).waitFor();
  assert.equal(await page.locator("#stages").evaluate((s) => s.classList.contains("rendered")), false, "hidden, it is not rendered");
  assert.equal(await status(), markup, "its status line is still the markup's");
  await page.evaluate(() => { location.hash = "#embed=stages&steps=3"; });
  await page.waitForFunction(() => document.querySelector("#stages").classList.contains("rendered"));
  await page.locator("#stage-status").filter({ hasText: /^Next: Sample batch · 3 steps done/ }).waitFor();
  await page.waitForTimeout(100); // a frame or two: a ResizeObserver's error would come at the end of one
  assert.ok(await page.locator("#panic").isHidden(), "no failure is shown");
  await page.close();

  // On the page, by the panel's toggle.
  const whole = await openPage(browser, server.url);
  const toggle = whole.page.getByRole("checkbox", { name: "Show stage stepper" });
  await toggle.uncheck();
  await whole.page.getByRole("group", { name: "Training" }).getByRole("button", { name: "Step", exact: true }).click();
  await whole.page.getByRole("status").filter({ hasText: /^Step 1 / }).waitFor();
  await whole.page.waitForTimeout(200);
  assert.match(await whole.page.locator("#stage-status").textContent(), /· 0 steps done/, "hidden, it is not rendered again");
  await toggle.check();
  await whole.page.locator("#stage-status").filter({ hasText: /^Next: Sample batch · 1 step done/ }).waitFor({ timeout: 5000 });
  await whole.page.waitForTimeout(100);
  assert.ok(await whole.page.locator("#panic").isHidden(), "no failure is shown");
  assert.deepEqual([...problems, ...whole.problems], []);
  await whole.page.close();
});
