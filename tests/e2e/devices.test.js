// Browser tests for phones, tablets and readers who ask for less motion: the
// page and every embed fit 320 px and 1280 px without sideways scrolling
// (screenshots go to the system's temp directory, not the repository);
// touch reads out a plot's values; controls are big enough to tap on a
// touch screen; with reduced motion a link's steps train without animating.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openPage, startSite, stopSite } from "./harness.js";

/** Where the screenshots go. */
const SHOTS = join(tmpdir(), "nnplay-screenshots");

/** A button of the training view's bar (the race has its own Step, Play and Reset). */
const trainButton = (page, name) => page.getByRole("group", { name: "Training" }).getByRole("button", { name, exact: true });

let server;
let browser;
before(async () => {
  ({ server, browser } = await startSite());
  await mkdir(SHOTS, { recursive: true });
});

after(() => stopSite({ server, browser }));

/** The document's scroll width and client width, and the widest elements past the edge (to say what overflows). */
function widths(page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const over = [...document.body.querySelectorAll("*")]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5)
      .filter((el) => !el.closest(".table-scroll, .matrices"))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}#${el.id}.${el.className}`);
    return { scroll: root.scrollWidth, client: root.clientWidth, body: document.body.scrollWidth, over };
  });
}

describe("every width", () => {
  for (const width of [320, 1280]) {
    test(`the page and each embed fit ${width} px without scrolling sideways`, async () => {
      const { page, problems } = await openPage(browser, server.url, { viewport: { width, height: 800 } });
      // Fill the stage panels' matrices and open the embed code too.
      for (const stage of ["Sample batch", "Forward", "Backward", "Update"]) await page.getByRole("button", { name: stage }).click();
      await page.getByRole("button", { name: "Embed" }).click();
      const whole = await widths(page);
      assert.ok(whole.scroll <= whole.client && whole.body <= whole.client, `the page at ${width}: ${JSON.stringify(whole)}`);
      await page.screenshot({ path: join(SHOTS, `page-${width}.png`), fullPage: true });
      const panels = await page.$$eval("#embed-panel option", (options) => options.map((o) => o.value));
      for (const panel of panels) {
        await page.goto(`${server.url}#embed=${panel}`);
        await page.reload();
        await page.waitForSelector("html[data-ready=true].embed");
        const embed = await widths(page);
        assert.ok(embed.scroll <= embed.client && embed.body <= embed.client, `embed=${panel} at ${width}: ${JSON.stringify(embed)}`);
        await page.screenshot({ path: join(SHOTS, `embed-${panel}-${width}.png`), fullPage: true });
      }
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
});

describe("touch screens", () => {
  test("touching the plot reads out its values, and every control is at least 44 px high", async () => {
    const { page, problems } = await openPage(browser, server.url, { viewport: { width: 320, height: 700 }, hasTouch: true, isMobile: true });
    assert.ok(await page.evaluate(() => matchMedia("(pointer: coarse)").matches));
    const canvas = page.getByRole("slider", { name: "Curve cursor" });
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    await page.touchscreen.tap(box.x + box.width * 0.8, box.y + box.height * 0.3);
    const caption = await page.locator("#readout-caption").textContent();
    const x = Number(/^Values at x = (\S+)$/.exec(caption)[1]);
    assert.ok(x > 2 && x < 10, caption);
    assert.match(await canvas.getAttribute("aria-valuetext"), /^x = \S+: Sigmoid /);

    const small = await page.evaluate(() => {
      const targets = [...document.querySelectorAll("button, select, textarea, input[type=range], input[type=number], input[type=text]")]
        .concat([...document.querySelectorAll("input[type=checkbox]")].map((box) => box.closest("label")));
      return targets
        .filter((el) => el && el.getClientRects().length > 0 && !el.closest(".visually-hidden"))
        .map((el) => ({ name: `${el.tagName.toLowerCase()}#${el.id} ${el.textContent.trim().slice(0, 20)}`, height: el.getBoundingClientRect().height }))
        .filter(({ height }) => height < 44 - 0.01);
    });
    assert.deepEqual(small, [], "tap targets under 44 px");
    assert.deepEqual(problems, []);
    await page.close();
  });
});

/**
 * Opens `fragment` on a page already up and records, every animation frame
 * until the status reaches `target`, the heatmap's fingerprint and the status.
 */
function watchCatchUp(page, fragment, target) {
  return page.evaluate(([fragment, target]) => new Promise((done) => {
    const canvas = document.getElementById("heatmap");
    const status = document.getElementById("train-status");
    const frames = [];
    const hash = () => {
      const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
      let h = 0;
      for (let i = 0; i < data.length; i += 16) h = (h * 31 + data[i] * 7 + data[i + 1] * 3 + data[i + 2]) >>> 0;
      return h;
    };
    const frame = () => {
      frames.push({ hash: hash(), status: status.textContent });
      if (status.textContent.startsWith(`Step ${target} `)) done(frames);
      else requestAnimationFrame(frame);
    };
    location.hash = fragment;
    requestAnimationFrame(frame);
  }), [fragment, target]);
}

describe("reduced motion", () => {
  const link = "#layers=8:tanh,8:tanh&steps=40000";

  test("a link's steps train without animating the plots; Play still works", async () => {
    const { page, problems } = await openPage(browser, server.url, { reducedMotion: "reduce" });
    const frames = await watchCatchUp(page, link, 40000);
    const progress = frames.filter((f) => /^Training to step 40000: \d+ done$/.test(f.status));
    assert.ok(progress.length >= 3, `it took several frames: ${frames.map((f) => f.status).join(" | ")}`);
    const during = new Set(progress.map((f) => f.hash));
    assert.equal(during.size, 1, `while it catches up the heatmap stays as it was drawn at the start, not ${during.size} pictures`);
    assert.notEqual(frames.at(-1).hash, progress[0].hash, "the end is drawn");
    await trainButton(page, "Play").click();
    await page.waitForFunction(() => Number(/^Step (\d+)/.exec(document.querySelector("#train-status").textContent)[1]) > 40100);
    await trainButton(page, "Pause").click();
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("without it, the same link animates the plots as it trains", async () => {
    const { page, problems } = await openPage(browser, server.url);
    const frames = await watchCatchUp(page, link, 40000);
    assert.ok(new Set(frames.map((f) => f.hash)).size > 2, "the heatmap changes frame by frame");
    assert.ok(frames.every((f) => f.status.startsWith("Step ")));
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("Pause during a catch-up with reduced motion draws what was trained", async () => {
    const { page, problems } = await openPage(browser, `${server.url}#layers=8:tanh,8:tanh&steps=1000000`, { reducedMotion: "reduce" });
    await page.waitForFunction(() => /^Training to step 1000000: [1-9]\d* done$/.test(document.querySelector("#train-status").textContent));
    await trainButton(page, "Pause").click();
    const status = await page.locator("#train-status").textContent();
    assert.match(status, /^Step \d+ · train loss/);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
