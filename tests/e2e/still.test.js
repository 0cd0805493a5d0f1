// Browser tests of a still start (issue #18): on a phone's screen and a
// desktop's, the page and its embeds load without layout shift. An embed
// lays out its panel alone from the first frame (www/embed-first.js), and
// controls the module used to fill in (the Panels toggles, the curve
// choices) are in the markup with their final size.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { startSite, stopSite } from "./harness.js";

let server;
let browser;
before(async () => ({ server, browser } = await startSite()));
after(() => stopSite({ server, browser }));

const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };
/**
 * Lighthouse 12's phone (412 × 823 CSS px, touch), also with the CPU 4×
 * slower as its mobile preset has it: unthrottled, this machine runs the
 * module before the first paint, which hides a late layout from the
 * layout-shift observer.
 */
const SCREENS = [
  { name: "phone", options: PHONE },
  { name: "phone with a CPU 4× slower", options: PHONE, slowdown: 4 },
  { name: "desktop", options: { viewport: { width: 1280, height: 720 } } },
];

/** Installed before the page's scripts: every layout shift without recent input, with what moved. */
function recordShifts() {
  window.__shifts = [];
  const describe = (node) => (node && node.nodeType === 1 ? `${node.localName}${node.id ? `#${node.id}` : ""}` : "(gone)");
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (!e.hadRecentInput) window.__shifts.push({ value: e.value, sources: e.sources.map((s) => describe(s.node)) });
    }
  }).observe({ type: "layout-shift", buffered: true });
}

/** Opens `hash` on `screen`, waits past the start, and returns the page, its errors and its layout shifts. */
async function shiftsOf(screen, hash) {
  const context = await browser.newContext(screen.options);
  await context.addInitScript(recordShifts);
  const page = await context.newPage();
  const problems = [];
  page.on("console", (msg) => { if (msg.type() === "error") problems.push(`console: ${msg.text()}`); });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  if (screen.slowdown) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: screen.slowdown });
  }
  await page.goto(server.url + hash);
  await page.waitForSelector("html[data-ready=true]", { timeout: 60000 });
  await page.waitForTimeout(500); // shifts from work after the start
  const shifts = await page.evaluate(() => window.__shifts);
  return { context, page, problems, shifts };
}

describe("a still start", () => {
  for (const screen of SCREENS) {
    for (const hash of ["", "#embed=curves", "#embed=softmax", "#embed=train", "#embed=stages", "#embed=race", "#embed=train&compact=1"]) {
      test(`${hash || "the page"} on a ${screen.name} loads without layout shift`, async () => {
        const { context, problems, shifts } = await shiftsOf(screen, hash);
        const total = shifts.reduce((sum, s) => sum + s.value, 0);
        assert.ok(total <= 0.02, `layout shift ${total.toFixed(4)}: ${JSON.stringify(shifts)}`);
        assert.deepEqual(problems, []);
        await context.close();
      });
    }
  }

  test("the markup's first frame already holds the module's curve choices, panel toggles, header menu, Save buttons and stage status", async () => {
    const { context, page } = await shiftsOf(SCREENS[2], "");
    const { written, module, toggles, panels, themeWritten, themeModule, buttonsWritten, buttonsModule, buttonCount, stageStatus, logits } = await page.evaluate(async () => {
      const html = new DOMParser().parseFromString(await (await fetch(location.pathname)).text(), "text/html");
      const button = (b) => b && [b.localName, b.className, b.type, b.textContent, b.querySelector(".visually-hidden")?.textContent];
      const choice = (label) => [label.querySelector("input").value, label.textContent.trim(), label.querySelector("input").checked];
      return {
        written: [...html.querySelectorAll("#curve-choices label")].map(choice),
        module: window.nnplay.activations().filter((a) => a.elementwise || a.name === "maxout").map((a) => [a.name, a.label]),
        toggles: [...html.querySelectorAll("#panel-toggles label")].map((l) => l.textContent.trim()),
        panels: [...document.querySelectorAll("#panel-toggles label")].map((l) => l.textContent.trim()),
        // The header's Theme menu: filled later, it widened and wrapped the header on a phone, moving the page down.
        themeWritten: [...html.querySelectorAll("#theme option")].map((o) => [o.value, o.textContent, o.selected]),
        themeModule: (({ choices, default: d }) => choices.map((c) => [c.name, c.label, c.name === d]))(window.nnplay.settings().find((s) => s.key === "theme")),
        // Each plot's Save button, and the stage stepper's status line: added or filled later, they moved what follows them.
        buttonsWritten: [...html.querySelectorAll("main canvas")].map((c) => [c.id, button(c.nextElementSibling)]),
        buttonsModule: [...document.querySelectorAll("main canvas[id]")].filter((c) => html.getElementById(c.id)).map((c) => {
          let next = c.nextElementSibling; // past the plot's live text (describe.js) and the heatmap's crosshair
          while (!next.classList.contains("png-button")) next = next.nextElementSibling;
          return [c.id, button(next)];
        }),
        buttonCount: [document.querySelectorAll("main .png-button").length, document.querySelectorAll("main canvas").length],
        stageStatus: [html.getElementById("stage-status").textContent, document.getElementById("stage-status").textContent],
        logits: [html, document].map((d) => [...d.querySelectorAll("#logit-sliders .slider")]
          .map((row) => [row.textContent.trim(), ...[...row.querySelectorAll("[id]")].map((e) => [e.localName, e.id, e.value, e.min, e.max, e.step])])),
      };
    });
    assert.deepEqual(written.map(([name, label]) => [name, label]), module);
    assert.deepEqual(written.filter((c) => c[2]).map((c) => c[0]), ["sigmoid", "relu"], "the notes' two classics are ticked");
    assert.deepEqual(toggles, panels);
    assert.deepEqual(themeWritten, themeModule, "the Theme menu in the markup is the catalogue's");
    assert.deepEqual(buttonsWritten, buttonsModule, "every plot's Save as PNG button is in the markup as the module makes it");
    assert.ok(buttonsWritten.length >= 12, `${buttonsWritten.length} plots`);
    assert.equal(buttonCount[0], buttonCount[1], "one Save button per plot, none twice");
    assert.equal(stageStatus[0], stageStatus[1], "the stage stepper's first status line is in the markup");
    assert.deepEqual(logits[0], logits[1], "the softmax panel's three logit sliders are in the markup as the module makes them");
    // Each swatch takes its function's colour from the module.
    const colours = await page.locator("#curve-choices .swatch").evaluateAll((spans) => spans.map((s) => getComputedStyle(s).backgroundColor));
    assert.equal(new Set(colours).size, module.length, `one colour per function: ${colours}`);
    await context.close();
  });

  test("a link that names no panel it can embed shows the whole page", async () => {
    const { context, page } = await shiftsOf(SCREENS[2], "#embed=sidebar");
    for (const id of ["explorer", "train", "race"]) assert.equal(await page.locator(`#${id}`).isVisible(), true, id);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.embed), undefined);
    await context.close();
  });

  test("an embed shows its panel alone before the module has started", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    // The module never arrives: what is laid out is the markup and embed-first.js alone.
    await page.route(/\.wasm$/, (route) => route.abort());
    await page.goto(`${server.url}#embed=train`);
    await page.waitForLoadState("domcontentloaded");
    assert.equal(await page.locator("#train").isVisible(), true);
    for (const id of ["explorer", "softmax", "stages", "race"]) assert.equal(await page.locator(`#${id}`).isVisible(), false, id);
    assert.equal(await page.locator("header.page-header").isVisible(), false, "the page's header is not the embed's");
    await context.close();
  });
});
