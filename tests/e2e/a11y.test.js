// Browser tests for every student: axe-core finds no violations on the page
// and on each embed in both themes; a keyboard-only walk reaches every
// control in document order with a visible focus ring; the shortcuts work
// and never fire while typing; the Theme menu (kept in the link) recolours
// the page and its plots.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { openPage, pixelHash, startSite, stopSite } from "./harness.js";

/** axe-core from node_modules; the site itself never ships it. */
const AXE = await readFile(resolve(import.meta.dirname, "../../node_modules/axe-core/axe.min.js"), "utf8");

/** A button of the training view's bar (the race has its own Step, Play and Reset). */
const trainButton = (page, name) => page.getByRole("group", { name: "Training" }).getByRole("button", { name, exact: true });

let server;
let browser;
before(async () => ({ server, browser } = await startSite()));
after(() => stopSite({ server, browser }));

const statusOf = (page) => page.locator("#train-status").textContent();
/** Waits until the link's `theme` key is `value` (null: left out). */
const linkTheme = (page, value) =>
  page.waitForFunction((v) => new URLSearchParams(location.hash.slice(1)).get("theme") === v, value);
const stepOf = async (page) => Number(/^Step (\d+) /.exec(await statusOf(page))[1]);

/**
 * axe-core's violations on the page as it is now, one line each. (axe is run
 * through evaluate, not a <script> tag, so the page's strict CSP stays on.)
 */
async function violations(page, within) {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE);
  const found = await page.evaluate(async (within) => (await window.axe.run(within ?? document)).violations, within);
  return found.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
}

/** The names of the panels this page can embed (the Embed menu lists them, so a new panel joins in). */
function embeddable(page) {
  return page.$$eval("#embed-panel option", (options) => options.map((o) => o.value));
}

describe("axe-core", () => {
  for (const colorScheme of ["light", "dark"]) {
    test(`finds no violations on the page and on every embed (${colorScheme} system theme)`, async () => {
      const { page, problems } = await openPage(browser, server.url, { colorScheme });
      assert.deepEqual(await violations(page), [], "the whole page");
      const panels = await embeddable(page);
      assert.ok(panels.length >= 4, `${panels}`);
      for (const panel of panels) {
        await page.goto(`${server.url}#embed=${panel}`);
        await page.reload();
        await page.waitForSelector("html[data-ready=true].embed");
        assert.deepEqual(await violations(page), [], `embed=${panel}`);
      }
      assert.deepEqual(problems, []);
      await page.close();
    });
    // On a phone the wide tables scroll sideways: each must be reachable from the keyboard.
    for (const width of [320, 375]) {
      test(`finds no violations at ${width} px on the page and on every embed (${colorScheme} system theme)`, async () => {
        const { page, problems } = await openPage(browser, server.url, { colorScheme, viewport: { width, height: 700 } });
        assert.deepEqual(await violations(page), [], `the whole page at ${width} px`);
        for (const panel of await embeddable(page)) {
          await page.goto(`${server.url}#embed=${panel}`);
          await page.reload();
          await page.waitForSelector("html[data-ready=true].embed");
          assert.deepEqual(await violations(page), [], `embed=${panel} at ${width} px`);
        }
        assert.deepEqual(problems, []);
        await page.close();
      });
    }
  }

  test("finds none in the states the page passes through, in the dark theme chosen on a light system", async () => {
    const { page, problems } = await openPage(browser, `${server.url}#theme=dark&lr=abc`, { colorScheme: "light" });
    await page.getByRole("alert").filter({ hasText: "lr accepts" }).waitFor();
    assert.deepEqual(await violations(page), [], "with the link notice");
    for (const stage of ["Sample batch", "Forward", "Backward"]) await page.getByRole("button", { name: stage }).click();
    await page.getByRole("button", { name: "Embed" }).click();
    await page.getByRole("button", { name: "Save network (JSON)" }).click();
    assert.deepEqual(await violations(page), [], "stages run, embed code shown, a file saved");
    await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
    await page.getByRole("dialog", { name: "Keyboard shortcuts" }).waitFor();
    assert.deepEqual(await violations(page), [], "the shortcuts dialog");
    assert.deepEqual(problems, []);
    await page.close();
  });
});

/**
 * Presses Tab from the top until focus comes round again; returns the
 * controls reached (by their index among the page's visible, enabled
 * controls in document order) and those whose focus was not visible.
 */
async function tabWalk(page) {
  const count = await page.evaluate(() => {
    // Inside a closed <details> only its summary takes the focus.
    const folded = (el) => el.closest("details:not([open])") && !el.closest("summary");
    const controls = [...document.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]")]
      .filter((el) => !el.disabled && el.tabIndex >= 0 && el.getClientRects().length > 0 && !folded(el));
    controls.forEach((el, i) => { el.dataset.walk = String(i); });
    document.activeElement?.blur();
    return controls.length;
  });
  const reached = [];
  const unseen = [];
  for (let presses = 0; presses < count + 10; presses++) {
    await page.keyboard.press("Tab");
    const at = await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      const ring = el.matches(":focus-visible") && style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
      return { walk: el.dataset?.walk ?? null, ring, name: `${el.tagName} ${el.id || el.textContent.trim().slice(0, 30)}` };
    });
    if (at.walk === null) continue; // the page itself, between the last control and the first
    if (reached.length > 0 && Number(at.walk) === reached[0]) break;
    reached.push(Number(at.walk));
    if (!at.ring) unseen.push(at.name);
  }
  return { count, reached, unseen };
}

describe("the embed builder", () => {
  for (const width of [320, 375, 1280]) {
    test(`is axe clean at ${width} px, fits without scrolling sideways, and works from the keyboard`, async () => {
      const { page, problems } = await openPage(browser, server.url, { viewport: { width, height: 800 } });
      await page.getByRole("button", { name: "Embed" }).focus();
      await page.keyboard.press("Enter");
      assert.equal(await page.evaluate(() => document.activeElement.id), "embed-panel", "Enter opens it and moves the focus in");
      await page.keyboard.press("Tab");
      assert.match(await page.evaluate(() => document.activeElement.id), /^embed-may-/, "Tab reaches the first setting");
      await page.keyboard.press("Space");
      assert.equal(await page.evaluate(() => document.activeElement.checked), false, "Space unticks it");
      await page.waitForFunction(() => /lock=/.test(document.getElementById("embed-code").value));
      await page.frameLocator("#embed-preview").locator("html[data-ready=true]").waitFor({ timeout: 15000 });
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(sideways <= 0, `the page does not scroll sideways (${sideways} px)`);
      // The builder itself (the page around it at 320 px is the keyboard walk's and the first axe test's).
      assert.deepEqual(await violations(page, "#embed-box"), [], `the builder open at ${width} px`);
      await page.keyboard.press("Escape");
      assert.equal(await page.evaluate(() => document.activeElement.id), "embed-button");
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
});

describe("keyboard", () => {
  test("Tab reaches every control of the page and of each embed, in document order, with a visible focus ring", async () => {
    const { page, problems } = await openPage(browser, server.url);
    const views = ["", ...(await embeddable(page)).map((p) => `#embed=${p}`)];
    for (const view of views) {
      await page.goto(`${server.url}${view}`);
      await page.reload();
      await page.waitForSelector("html[data-ready=true]");
      const { count, reached, unseen } = await tabWalk(page);
      assert.ok(count > (view ? 5 : 60), `${view}: ${count} controls`);
      assert.deepEqual(reached, [...Array(count).keys()], `${view || "the page"}: every control once, in document order`);
      assert.deepEqual(unseen, [], `${view || "the page"}: focus must be visible`);
    }
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("every view works from the keyboard alone", async () => {
    const { page, problems } = await openPage(browser, server.url);
    // The activation explorer: tick tanh, move the cursor to the end.
    await page.getByRole("checkbox", { name: "tanh" }).focus();
    await page.keyboard.press("Space");
    assert.ok(await page.getByRole("row", { name: /^tanh / }).first().isVisible());
    await page.getByRole("slider", { name: "Curve cursor" }).focus();
    await page.keyboard.press("End");
    assert.equal(await page.locator("#readout-caption").textContent(), "Values at x = 10");
    // Softmax: nudge a logit.
    await page.getByRole("slider", { name: "Logit 1" }).focus();
    await page.keyboard.press("ArrowRight");
    assert.equal(await page.getByRole("slider", { name: "Logit 1" }).inputValue(), "2.1");
    // Training: Enter presses Step.
    await trainButton(page, "Step").focus();
    await page.keyboard.press("Enter");
    assert.equal(await stepOf(page), 1);
    // Stages: each stage button in turn, then the counter moves.
    for (const stage of ["Sample batch", "Forward", "Backward", "Update"]) {
      await page.getByRole("button", { name: stage }).focus();
      await page.keyboard.press("Enter");
    }
    assert.equal(await stepOf(page), 2);
    // The Theme menu.
    await page.getByLabel("Theme", { exact: true }).focus();
    await page.keyboard.press("ArrowDown");
    assert.equal(await page.getByLabel("Theme", { exact: true }).inputValue(), "light");
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("Space, S, R, 1–4 and ? work from the page, and ? lists them", async () => {
    const { page, problems } = await openPage(browser, server.url);
    await page.keyboard.press("s");
    await page.keyboard.press("S");
    assert.equal(await stepOf(page), 2);
    await page.keyboard.press("Space");
    assert.equal(await trainButton(page, "Pause").getAttribute("aria-pressed"), "true");
    await page.waitForFunction(() => Number(/^Step (\d+)/.exec(document.querySelector("#train-status").textContent)[1]) > 50);
    await page.locator("body").focus();
    await page.keyboard.press("Space");
    assert.equal(await trainButton(page, "Play").getAttribute("aria-pressed"), "false");
    await page.keyboard.press("r");
    assert.equal(await stepOf(page), 0);
    await page.keyboard.press("1");
    assert.match(await page.locator("#stage-status").textContent(), /^Next: Forward/);
    await page.keyboard.press("3");
    assert.equal(await page.getByRole("alert").filter({ hasText: "next stage" }).textContent(),
      "Backward is not the next stage; the next is Forward (key 2).");
    for (const key of ["2", "3", "4"]) await page.keyboard.press(key);
    assert.equal(await stepOf(page), 1);
    await page.keyboard.press("?");
    const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    assert.ok(await dialog.isVisible());
    assert.match(await dialog.textContent(), /Space.*Play or pause training.*S.*One SGD step.*R.*Reset/s);
    await page.keyboard.press("s"); // behind an open dialog nothing runs
    assert.equal(await stepOf(page), 1);
    await page.keyboard.press("Escape");
    assert.ok(!(await dialog.isVisible()));
    await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
    assert.ok(await dialog.isVisible());
    await page.getByRole("button", { name: "Close" }).click();
    assert.ok(!(await dialog.isVisible()));
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("shortcuts never fire while typing in a field, with a modifier, or where Space presses a control", async () => {
    const { page, problems } = await openPage(browser, server.url);
    await page.locator("summary", { hasText: "Seed and display" }).click();
    await page.getByLabel("Seed", { exact: true }).focus();
    // A field in a closed drawer cannot take focus: the keys would reach the page instead.
    assert.equal(await page.evaluate(() => document.activeElement.id), "seed");
    await page.keyboard.type("s r 1?");
    await page.getByLabel("Batch size", { exact: true }).focus();
    await page.keyboard.press("s");
    await page.getByRole("button", { name: "Embed" }).click();
    await page.getByLabel("Embed code (plain iframe)", { exact: true }).focus();
    await page.keyboard.press("r");
    await page.keyboard.press("Space");
    await page.locator("body").focus();
    await page.keyboard.press("Alt+s");
    await page.keyboard.press("Control+1");
    assert.equal(await stepOf(page), 0);
    assert.equal(await trainButton(page, "Play").getAttribute("aria-pressed"), "false");
    assert.ok(!(await page.getByRole("dialog").isVisible()));
    assert.match(await page.locator("#stage-status").textContent(), /^Next: Sample batch/);
    // Space on a focused button presses that button, not Play.
    await trainButton(page, "Epoch").focus();
    await page.keyboard.press("Space");
    assert.equal(await stepOf(page), 25);
    assert.equal(await trainButton(page, "Play").getAttribute("aria-pressed"), "false");
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("shortcuts only press buttons the page shows", async () => {
    const { page, problems } = await openPage(browser, `${server.url}#embed=curves`);
    await page.locator("body").focus();
    await page.keyboard.press("s");
    await page.keyboard.press("1");
    const status = await page.evaluate(() => document.querySelector("#train-status").textContent);
    assert.match(status, /^Step 0 /);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe("themes", () => {
  test("the Theme menu recolours the page and redraws the plots, and the link keeps it", async () => {
    const { page, problems } = await openPage(browser, server.url, { colorScheme: "light" });
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(await background(), "rgb(255, 255, 255)");
    const plots = ["#heatmap", "#curve-canvas", "#loss-chart", "#softmax-canvas"];
    const light = await Promise.all(plots.map((p) => pixelHash(page, p)));
    await page.getByLabel("Theme", { exact: true }).selectOption("dark");
    assert.equal(await background(), "rgb(24, 26, 31)");
    const dark = await Promise.all(plots.map((p) => pixelHash(page, p)));
    plots.forEach((p, i) => assert.notEqual(dark[i], light[i], `${p} redrawn in the dark theme`));
    await linkTheme(page, "dark");
    const link = page.url();
    await page.close();

    const again = await openPage(browser, link, { colorScheme: "light" });
    assert.equal(await again.page.getByLabel("Theme", { exact: true }).inputValue(), "dark");
    assert.equal(await again.page.evaluate(() => getComputedStyle(document.body).backgroundColor), "rgb(24, 26, 31)");
    assert.equal(await pixelHash(again.page, "#heatmap"), dark[0]);
    await again.page.getByLabel("Theme", { exact: true }).selectOption("auto");
    assert.equal(await again.page.evaluate(() => getComputedStyle(document.body).backgroundColor), "rgb(255, 255, 255)");
    assert.equal(await pixelHash(again.page, "#heatmap"), light[0]);
    await linkTheme(again.page, null);
    assert.deepEqual([...problems, ...again.problems], []);
    await again.page.close();
  });

  test("the system's dark scheme applies unless the menu chooses light", async () => {
    const { page, problems } = await openPage(browser, server.url, { colorScheme: "dark" });
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(await background(), "rgb(24, 26, 31)");
    const dark = await pixelHash(page, "#heatmap");
    await page.getByLabel("Theme", { exact: true }).selectOption("light");
    assert.equal(await background(), "rgb(255, 255, 255)");
    assert.notEqual(await pixelHash(page, "#heatmap"), dark);
    await linkTheme(page, "light");
    // Back to the system's setting, then the system changes: the plots follow.
    await page.getByLabel("Theme", { exact: true }).selectOption("auto");
    assert.equal(await pixelHash(page, "#heatmap"), dark);
    await page.emulateMedia({ colorScheme: "light" });
    await page.waitForFunction(() => getComputedStyle(document.body).backgroundColor === "rgb(255, 255, 255)");
    assert.notEqual(await pixelHash(page, "#heatmap"), dark);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("a bad theme in a link is named in the notice and the system's theme applies", async () => {
    const { page, problems } = await openPage(browser, `${server.url}#theme=blue`, { colorScheme: "light" });
    const notice = page.getByRole("alert").filter({ hasText: "theme accepts" });
    assert.match(await notice.textContent(), /theme accepts one of auto, light, dark; got "blue"/);
    assert.equal(await page.getByLabel("Theme", { exact: true }).inputValue(), "auto");
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe("screen readers", () => {
  test("each plot has a name and a polite text alternative that says what it shows", async () => {
    const { page, problems } = await openPage(browser, server.url);
    const plots = await page.$$eval("main canvas", (canvases) => canvases.map((c) => {
      const described = (c.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id));
      const live = described.find((el) => el?.getAttribute("aria-live") === "polite");
      return { id: c.id, role: c.getAttribute("role"), name: c.getAttribute("aria-label") ?? c.getAttribute("aria-labelledby"), text: live?.textContent ?? null };
    }));
    for (const plot of plots) {
      assert.ok(["img", "slider"].includes(plot.role), `${plot.id}: ${plot.role}`);
      assert.ok(plot.name, `${plot.id} has an accessible name`);
    }
    const described = ["curve-canvas", "heatmap", "loss-chart", "network", "gradient-chart", "unit-chart", "activation-chart", "histogram-chart"];
    for (const id of described) {
      const plot = plots.find((p) => p.id === id);
      assert.ok(plot?.text && plot.text.length > 30, `${id}: ${plot?.text}`);
    }
    const text = (id) => page.locator(`#${id}-text`).textContent();
    assert.match(await text("heatmap"), /Circle data at step 0, coloured by class: it classifies \d+\.\d% of the 250 training points/);
    await trainButton(page, "Epoch").click();
    assert.match(await text("loss-chart"), /^Loss from step 0 to step 25: train loss 0\.\d+ to 0\.\d+/);
    assert.match(await text("curve-canvas"), /^sigmoid, ReLU: f\(x\) drawn above/i);
    await trainButton(page, "Play").click();
    await page.waitForFunction(() => Number(/^Step (\d+)/.exec(document.querySelector("#train-status").textContent)[1]) > 300);
    const whilePlaying = await text("heatmap");
    assert.match(whilePlaying, /at step 25,/, "not rewritten every frame while playing");
    await trainButton(page, "Pause").click();
    const step = /^Step (\d+)/.exec(await statusOf(page))[1];
    assert.match(await text("heatmap"), new RegExp(`at step ${step},`), "rewritten at once on Pause");
    assert.deepEqual(problems, []);
    await page.close();
  });
});
