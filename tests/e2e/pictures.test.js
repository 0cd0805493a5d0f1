// Browser tests of "every picture finished" (#16): menus show their whole
// choices, the heatmap's caption says what its dots are, the step counter
// speaks of one step in the singular, and the explorer's readout sits beside
// its plot on a laptop and close under it on a phone.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { openPage, startSite, stopSite } from "./harness.js";

let server;
let browser;
before(async () => ({ server, browser } = await startSite()));
after(() => stopSite({ server, browser }));

/**
 * Every visible menu's choices that its closed box would cut short: the
 * text, measured in the menu's own font, with the room its arrow and padding take.
 */
function cutMenus(page) {
  return page.evaluate(() => {
    const measure = document.createElement("canvas").getContext("2d");
    const cut = [];
    for (const menu of document.querySelectorAll("select")) {
      if (!menu.checkVisibility()) continue;
      const style = getComputedStyle(menu);
      measure.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
      // Chromium's arrow takes about 20 px of the box.
      const room = menu.clientWidth - padding - 20;
      for (const option of menu.options) {
        const width = measure.measureText(option.text).width;
        if (width > room) cut.push(`${menu.id || menu.getAttribute("aria-label")}: "${option.text}" (${Math.round(width)} px in ${Math.round(room)})`);
      }
    }
    return cut;
  });
}

describe("every picture finished", () => {
  for (const width of [1280, 375]) {
    test(`no menu cuts a choice short at ${width} px`, async () => {
      const { page, problems } = await openPage(browser, server.url, { viewport: { width, height: 800 } });
      // The drawers hold menus too: open them all.
      await page.evaluate(() => { for (const d of document.querySelectorAll("details")) d.open = true; });
      // Mixed layers show a menu per layer.
      await page.locator("#activation").selectOption({ label: "Mixed (set per layer)" });
      const cut = await cutMenus(page);
      assert.deepEqual(cut, [], cut.join("\n"));
      assert.deepEqual(problems, []);
      await page.close();
    });
  }

  test("the heatmap's caption says what its dots are", async () => {
    const { page } = await openPage(browser, server.url);
    const caption = await page.locator("#heatmap + figcaption, figure:has(#heatmap) figcaption").first().textContent();
    assert.match(caption, /Dots ringed white: training; black: test\./);
    assert.doesNotMatch(caption, /rings: test|Filled dots/, "both kinds are filled dots");
    await page.close();
  });

  test("one step done is a step, not steps", async () => {
    // Reduced motion: Forward and Backward light the drawing at once, not over frames.
    const { page } = await openPage(browser, `${server.url}#view=stages`, { reducedMotion: "reduce" });
    for (const name of ["Sample batch", "Forward", "Backward", "Update"]) {
      await page.getByRole("button", { name, exact: true }).click();
    }
    const status = await page.locator("#stage-status").textContent();
    assert.match(status, /· 1 step done ·/);
    assert.doesNotMatch(status, /1 steps/);
    await page.close();
  });

  test("the explorer's readout sits beside the plot at 1280 px and right under it at 375 px", async () => {
    for (const width of [1280, 375]) {
      const { page } = await openPage(browser, server.url, { viewport: { width, height: 800 } });
      const plot = await page.getByRole("slider", { name: "Curve cursor" }).boundingBox();
      const readout = await page.getByRole("table", { name: /^Values at x = / }).boundingBox();
      if (width === 1280) {
        assert.ok(readout.x >= plot.x + plot.width, `right of the plot: ${JSON.stringify({ plot, readout })}`);
        assert.ok(readout.y < plot.y + plot.height && readout.y + readout.height > plot.y, "in the plot's band");
      } else {
        const gap = readout.y - (plot.y + plot.height);
        assert.ok(gap >= 0 && gap < 80, `under the plot, ${Math.round(gap)} px below it`);
      }
      await page.close();
    }
  });

  test("each layer's parameter has a field: Maxout's pieces, Leaky ReLU's alpha, PReLU's slope", async () => {
    const { page, problems } = await openPage(browser, server.url);
    const train = page.locator("#train");
    await train.getByText("Layers:").click();
    await train.getByLabel("Activation", { exact: true }).selectOption({ label: "Maxout" });
    const pieces = train.getByRole("spinbutton", { name: "Maxout pieces of layer 1" });
    await assert.doesNotReject(pieces.waitFor(), "Maxout pieces of layer 1");
    assert.equal(await train.getByRole("spinbutton", { name: "Maxout pieces of layer 2" }).count(), 1);
    // By keyboard: focus, type, Tab away.
    await pieces.focus();
    await page.keyboard.type("3");
    await page.keyboard.press("Tab");
    await page.waitForFunction(() => decodeURIComponent(location.hash).includes("layers=4:maxout:3,2:maxout"));
    // A value out of range is refused with what is accepted.
    const second = train.getByRole("spinbutton", { name: "Maxout pieces of layer 2" });
    await second.fill("9");
    await second.press("Enter");
    await page.waitForFunction(() => document.querySelector("#train [role=alert]:not([hidden])")?.textContent.includes("2 to 4"));
    await train.getByLabel("Activation", { exact: true }).selectOption({ label: "Leaky ReLU" });
    const alpha = train.getByRole("spinbutton", { name: "Leaky ReLU alpha of layer 1" });
    await alpha.fill("0.2");
    await alpha.press("Enter");
    await page.waitForFunction(() => decodeURIComponent(location.hash).includes("layers=4:leaky_relu:0.2,2:leaky_relu"));
    await train.getByLabel("Activation of layer 2").selectOption({ label: "PReLU" });
    assert.equal(await train.getByRole("spinbutton", { name: "PReLU slope of layer 2" }).count(), 1);
    assert.equal(await train.getByRole("spinbutton", { name: /of layer/ }).count(), 2, "tanh and ReLU have none");
    assert.deepEqual(problems.filter((p) => !/2 to 4/.test(p)), []);
    await page.close();
  });

  test("a link carries the layer parameters into their fields, and lock and hide cover them", async () => {
    const { page } = await openPage(browser, `${server.url}#layers=4:maxout:3,2:elu:0.5`);
    const train = page.locator("#train");
    await train.getByText("Layers:").click();
    assert.equal(await train.getByRole("spinbutton", { name: "Maxout pieces of layer 1" }).inputValue(), "3");
    assert.equal(await train.getByRole("spinbutton", { name: "ELU alpha of layer 2" }).inputValue(), "0.5");
    await page.close();
    const locked = await openPage(browser, `${server.url}#layers=4:maxout:3&lock=layers`);
    await locked.page.locator("#train").getByText("Layers:").click();
    assert.equal(await locked.page.getByRole("spinbutton", { name: "Maxout pieces of layer 1" }).isDisabled(), true, "locked");
    await locked.page.close();
    const hidden = await openPage(browser, `${server.url}#layers=4:maxout:3&hide=layers`);
    assert.equal(await hidden.page.getByRole("spinbutton", { name: "Maxout pieces of layer 1" }).isVisible(), false, "hidden");
    await hidden.page.close();
  });
});
