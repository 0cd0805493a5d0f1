// Browser tests of embedding as course notes do it: the notes are served from
// a second origin (another local port) and embed nnplay with <nn-play>
// (www/embed.js) or a plain iframe. A teacher's hide, lock, compact and
// autoplay keys; the iframe protocol's commands, events and slides; heights
// right from the first paint with no layout shift; and a message from any
// window but the parent changes nothing.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { followLink, openPage, startSite, stopSite } from "./harness.js";
import { measure } from "../../scripts/embed-heights.mjs";

/** The built site, as the harness serves it. */
const DIST = resolve(process.env.NNPLAY_DIST ?? resolve(import.meta.dirname, "../../dist"));
const TYPES = { ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8" };

let server;
let browser;
/** The notes' server (the second origin): path → HTML. */
const notes = new Map();
let notesServer;
let notesUrl;
before(async () => {
  ({ server, browser } = await startSite());
  notesServer = createServer((req, res) => {
    const body = notes.get(new URL(req.url, "http://x").pathname);
    if (body === undefined) res.writeHead(404).end("not found");
    else res.writeHead(200, { "content-type": TYPES[extname(req.url)] ?? "text/html; charset=utf-8" }).end(body);
  });
  await new Promise((ok) => notesServer.listen(0, "127.0.0.1", ok));
  notesUrl = `http://127.0.0.1:${notesServer.address().port}`;
});
after(async () => {
  await stopSite({ server, browser });
  await new Promise((ok) => notesServer?.close(ok));
});

const PARAGRAPH = "<p>Course notes go on around the embed, paragraph after paragraph, as a teacher writes them, " +
  "so that text below each frame would move if the frame changed its height after the first paint.</p>";

/**
 * Serves `body` as a page of course notes on the second origin, with a
 * layout-shift observer and a log of every nnplay event, and opens it.
 */
async function openNotes(name, body, { viewport = { width: 1000, height: 900 }, colorScheme = "light", style = "", script = true } = {}) {
  notes.set(`/${name}.html`, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Notes</title><link rel="icon" href="data:,">
<script>
  window.shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.shifts.push(e.value);
  }).observe({ type: "layout-shift", buffered: true });
  window.events = [];
  for (const type of ["nnplay-ready", "nnplay-state"]) {
    addEventListener(type, (e) => window.events.push({ type, id: e.target.id, t: performance.now(), ...e.detail }));
  }
  window.firstHeights = null;
  // The first paint with the whole page parsed (the frames have not loaded yet).
  addEventListener("DOMContentLoaded", () => requestAnimationFrame(() => {
    window.firstHeights = [...document.querySelectorAll("nn-play")].map((el) => el.getBoundingClientRect().height);
  }));
</script>
${script ? `<script src="${server.url}embed.js"></script>` : ""}
<style>body { max-width: 760px; margin: 0 auto; font: 16px/1.5 serif; } ${style}</style>
</head><body><main><h1>Activation functions</h1>${body}</main></body></html>`);
  const page = await browser.newPage({ viewport, colorScheme });
  const problems = [];
  const warnings = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console: ${msg.text()}`);
    if (msg.type() === "warning") warnings.push(msg.text());
  });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  await page.goto(`${notesUrl}/${name}.html`);
  return { page, problems, warnings };
}

/** Waits until the elements with `ids` are ready and their heights have been still for a second. */
async function settled(page, ids) {
  await page.waitForFunction((ids) => ids.every((id) => window.events.some((e) => e.type === "nnplay-ready" && e.id === id)), ids, { timeout: 30000 });
  let before = "";
  for (;;) {
    await page.waitForTimeout(1000);
    const now = await page.evaluate(() => JSON.stringify([...document.querySelectorAll("nn-play")].map((e) => e.style.height)));
    if (now === before) return;
    before = now;
  }
}

/** The frame of the <nn-play> with `id`. */
async function frameOf(page, id) {
  return (await page.locator(`#${id} iframe`).elementHandle()).contentFrame();
}

/** The step of the training run shown in `frame`. */
const stepIn = async (frame) => Number(/^Step (\d+)/.exec(await frame.locator("#train-status").textContent())[1]);

describe("<nn-play> in course notes on another origin", () => {
  test("two elements load and size to their content from the first paint, without scrolling, and the notes do not shift", async () => {
    // Both start within a screen and a half of the view, where <nn-play> creates its frame.
    const { page, problems } = await openNotes("two", `${PARAGRAPH}
<nn-play id="first" panel="curves" compact state="x=-2"></nn-play>
${PARAGRAPH}${PARAGRAPH}
<nn-play id="second" panel="train" state="data=spiral&layers=8:relu,8:relu" lock="lr" hide="batch"></nn-play>
${PARAGRAPH}<h2 id="later">Later</h2>${PARAGRAPH}`, { viewport: { width: 1280, height: 900 }, style: "body { max-width: 1100px; }" });
    await settled(page, ["first", "second"]);
    assert.equal(await page.evaluate(() => scrollY), 0, "nothing scrolled the notes");
    const first = await page.evaluate(() => window.firstHeights);
    for (const [i, id] of ["first", "second"].entries()) {
      const frame = await frameOf(page, id);
      const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      const shown = await page.locator(`#${id}`).evaluate((el) => el.getBoundingClientRect().height);
      assert.equal(shown, content, `${id} is as tall as its content`);
      assert.ok(Math.abs(first[i] - content) <= 0.05 * content, `${id}'s height at the first paint (${first[i]}) is within 5% of its content's (${content})`);
      const inner = await frame.evaluate(() => ({ scroll: document.documentElement.scrollHeight, client: document.documentElement.clientHeight }));
      assert.ok(inner.scroll <= inner.client, `${id} does not scroll inside: ${JSON.stringify(inner)}`);
    }
    const shift = await page.evaluate(() => window.shifts.reduce((a, b) => a + b, 0));
    assert.ok(shift <= 0.05, `layout shift in the notes ${shift.toFixed(4)} is at most 0.05`);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("lock disables and hide removes the named controls; compact drops the intro and the side tables", async () => {
    const { page, problems } = await openNotes("teacher", `<nn-play id="c" panel="curves" compact hide="xmin,xmax" lock="curves"></nn-play>
<nn-play id="t" panel="train" lock="lr,data" hide="batch,activation" compact></nn-play>`, { viewport: { width: 1280, height: 900 }, style: "body { max-width: 1100px; }" });
    await settled(page, ["t", "c"]);
    const train = page.frameLocator("#t iframe");
    const rate = train.getByLabel("Learning rate", { exact: true });
    assert.equal(await rate.isDisabled(), true, "Learning rate is locked");
    assert.equal(await train.getByLabel("Dataset").isDisabled(), true, "Dataset is locked");
    assert.match(await rate.evaluate((el) => [...el.getAttribute("aria-describedby").split(" ")].map((id) => document.getElementById(id).textContent).join(" ")),
      /Set by the course notes/, "the locked control says why");
    assert.equal(await train.getByText("Set by the course notes").first().isVisible(), true);
    assert.equal(await train.getByLabel("Batch size").count() === 0 || !(await train.getByLabel("Batch size").isVisible()), true, "Batch size is hidden");
    assert.equal(await train.getByLabel("Activation", { exact: true }).isVisible(), false, "Activation is hidden");
    assert.equal(await train.getByLabel("Noise (%)").isEnabled(), true, "other controls stay");
    assert.equal(await train.locator("#train .lead").isVisible(), false, "compact drops the intro");
    const curves = page.frameLocator("#c iframe");
    assert.equal(await curves.getByLabel("x from").isVisible(), false);
    assert.equal(await curves.getByRole("table", { name: /What happens at x/ }).isVisible(), false, "compact drops the side table");
    assert.equal(await curves.locator("#properties").isVisible(), false, "compact drops the properties table");
    for (const box of await curves.locator("#curve-choices input").all()) assert.equal(await box.isDisabled(), true, "the curve ticks are locked");
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("play() brings nnplay-state events with a rising step, at most about 10 a second; pause() stops them", async () => {
    const { page, problems } = await openNotes("play", `<nn-play id="p" panel="train" compact></nn-play>${PARAGRAPH}`);
    await settled(page, ["p"]);
    await page.evaluate(() => { window.events = []; document.getElementById("p").play(); });
    await page.waitForTimeout(2000);
    await page.evaluate(() => document.getElementById("p").pause());
    await page.waitForFunction(() => window.events.at(-1)?.playing === false, null, { timeout: 5000 });
    const states = await page.evaluate(() => window.events.filter((e) => e.type === "nnplay-state"));
    const steps = states.map((s) => s.step);
    assert.ok(states.length >= 5, `several state events while playing (${states.length})`);
    const seconds = (states.at(-1).t - states[0].t) / 1000;
    assert.ok(states.length - 1 <= 11 * seconds + 1, `at most about 10 a second (${states.length} in ${seconds.toFixed(2)} s)`);
    for (let i = 1; i < steps.length; i++) assert.ok(steps[i] >= steps[i - 1], `the step never goes back: ${steps}`);
    assert.ok(steps.at(-1) > steps[0] + 10, `the step rises: ${steps}`);
    const last = states.at(-1);
    assert.equal(last.playing, false, `the last event says the run paused: ${JSON.stringify(states.slice(-3))}`);
    assert.equal(typeof last.trainLoss, "number");
    assert.equal(typeof last.testLoss, "number");
    assert.equal(typeof last.accuracy, "number");
    assert.match(last.link, /#.*embed=train.*steps=\d+/);
    const fragment = await page.evaluate(() => document.getElementById("p").getState());
    assert.match(fragment, new RegExp(`steps=${last.step}(&|$)`), "getState gives the fragment at the step reached");
    const frame = await frameOf(page, "p");
    await page.evaluate(() => document.getElementById("p").setState("data=xor&lr=0.1"));
    await frame.waitForFunction(() => document.getElementById("dataset").value === "xor");
    assert.equal(await stepIn(frame), 0, "a new state starts a new run");
    assert.equal(await frame.evaluate(() => document.documentElement.classList.contains("compact")), true, "the teacher's keys stay");
    await page.evaluate(() => document.getElementById("p").step());
    await frame.waitForFunction(() => /^Step 1 /.test(document.getElementById("train-status").textContent));
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("slide:stop stops the step and slide:start resumes a run that was playing", async () => {
    const { page, problems } = await openNotes("slides", `<nn-play id="s" panel="train" compact></nn-play>`);
    await settled(page, ["s"]);
    const frame = await frameOf(page, "s");
    await page.evaluate(() => document.getElementById("s").play());
    await frame.waitForFunction(() => /^Step [1-9]/.test(document.getElementById("train-status").textContent));
    await page.evaluate(() => document.querySelector("#s iframe").contentWindow.postMessage("slide:stop", "*"));
    await page.waitForTimeout(300);
    const stopped = await stepIn(frame);
    await page.waitForTimeout(800);
    assert.equal(await stepIn(frame), stopped, "the step stays after slide:stop");
    await page.evaluate(() => document.querySelector("#s iframe").contentWindow.postMessage("slide:start", "*"));
    await frame.waitForFunction((n) => Number(/^Step (\d+)/.exec(document.getElementById("train-status").textContent)[1]) > n, stopped);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("a message from a window other than the parent changes nothing; a malformed one from the parent is ignored with a warning", async () => {
    const { page, problems, warnings } = await openNotes("others", `<nn-play id="o" panel="train"></nn-play><iframe id="other" srcdoc="<p>another frame</p>"></iframe>`);
    await settled(page, ["o"]);
    const frame = await frameOf(page, "o");
    const before = await stepIn(frame);
    await page.evaluate(() => {
      const target = document.querySelector("#o iframe").contentWindow;
      const other = document.getElementById("other").contentWindow;
      // The sibling frame posts with its own window as the source.
      other.eval("(t) => { t.postMessage({ type: 'nnplay:command', command: 'step' }, '*'); t.postMessage({ type: 'nnplay:set-state', state: 'data=xor' }, '*'); }")(target);
    });
    await page.waitForTimeout(600);
    assert.equal(await stepIn(frame), before, "a command from a sibling frame does nothing");
    assert.equal(await frame.evaluate(() => document.getElementById("dataset").value), "circle", "nor does a state from it");
    await page.evaluate(() => {
      const target = document.querySelector("#o iframe").contentWindow;
      target.postMessage({ type: "nnplay:command", command: "explode" }, "*");
      target.postMessage({ type: "nnplay:set-state", state: 42 }, "*");
      target.postMessage([1, 2, 3], "*");
    });
    await page.waitForTimeout(600);
    assert.equal(await stepIn(frame), before, "malformed messages change nothing");
    assert.equal(warnings.filter((w) => /nnplay: ignored a message/.test(w)).length, 3, `each is warned about: ${warnings}`);
    await page.evaluate(() => document.querySelector("#o iframe").contentWindow.postMessage({ type: "nnplay:command", command: "step" }, "*"));
    await frame.waitForFunction((n) => Number(/^Step (\d+)/.exec(document.getElementById("train-status").textContent)[1]) === n + 1, before);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("shortcuts in the frame never scroll the notes, and Escape hands the keyboard back to them", async () => {
    const { page, problems } = await openNotes("keys", `${PARAGRAPH.repeat(3)}<nn-play id="k" panel="train"></nn-play>${PARAGRAPH.repeat(8)}`,
      { viewport: { width: 1000, height: 600 } });
    await settled(page, ["k"]);
    const frame = await frameOf(page, "k");
    // The frame's title at the bottom of the view, its Step button below it: S scrolls to it on the page itself.
    await page.evaluate(() => scrollTo(0, document.getElementById("k").offsetTop - innerHeight + 80));
    await page.frameLocator("#k iframe").locator("#train-title").click();
    const y = await page.evaluate(() => scrollY);
    const before = await stepIn(frame);
    await page.keyboard.press("s");
    await frame.waitForFunction((n) => Number(/^Step (\d+)/.exec(document.getElementById("train-status").textContent)[1]) > n, before);
    assert.equal(await page.evaluate(() => scrollY), y, "S stepped without scrolling the notes");
    await page.frameLocator("#k iframe").getByRole("button", { name: "Reset" }).focus();
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => document.activeElement?.id === "k");
    assert.equal(await frame.evaluate(() => document.hasFocus()), false, "the frame gave the focus back");
    assert.equal(await page.evaluate(() => scrollY), y, "Escape did not scroll the notes");
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("the frame follows the notes' dark colour scheme", async () => {
    const { page, problems } = await openNotes("dark", `<nn-play id="d" panel="softmax" compact></nn-play>`,
      { style: "html { background: #111; color: #eee; }" });
    await settled(page, ["d"]);
    const frame = await frameOf(page, "d");
    assert.equal(await frame.evaluate(() => document.documentElement.dataset.theme), "dark");
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("with fit the frame keeps to the box the notes give it (a 16:9 slide) and scrolls inside it", async () => {
    const { page, problems } = await openNotes("fit", `<nn-play id="f" panel="train" compact fit style="width: 960px; height: 540px"></nn-play>`,
      { viewport: { width: 1280, height: 800 }, style: "body { max-width: none; }" });
    await settled(page, ["f"]);
    await page.waitForTimeout(500);
    assert.equal(await page.locator("#f").evaluate((el) => el.getBoundingClientRect().height), 540);
    const frame = await frameOf(page, "f");
    const inner = await frame.evaluate(() => ({ client: document.documentElement.clientHeight, square: document.getElementById("heatmap").getBoundingClientRect().height }));
    assert.equal(inner.client, 540);
    assert.ok(inner.square < 540, `the heatmap fits the box: ${JSON.stringify(inner)}`);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe("in a slide deck like reveal.js", () => {
  // What reveal.js does with a slide's iframe (scripts/hosts.mjs tries reveal.js itself): one slide
  // shown at a time, the others kept (hidden, the frames loaded); "slide:stop" posted to the frames of
  // the slide left and "slide:start" to those of the slide shown; the arrow keys, heard on the deck's
  // document, change slides; each slide scaled into a 16:9 stage.
  const DECK = (slide) => `<div class="deck">
<section><h2>Before</h2><p>A slide before.</p></section>
${slide}
<section><h2>After</h2><p>A slide after.</p></section>
</div>
<script>
  const slides = [...document.querySelectorAll(".deck > section")];
  window.current = 0;
  window.show = (n) => {
    if (n < 0 || n >= slides.length || n === window.current) return;
    for (const f of slides[window.current].querySelectorAll("iframe")) f.contentWindow.postMessage("slide:stop", "*");
    window.current = n;
    slides.forEach((s, i) => s.classList.toggle("present", i === n));
    for (const f of slides[n].querySelectorAll("iframe")) f.contentWindow.postMessage("slide:start", "*");
  };
  slides[0].classList.add("present");
  addEventListener("keydown", (e) => {
    if (e.key === "ArrowRight") window.show(window.current + 1);
    if (e.key === "ArrowLeft") window.show(window.current - 1);
  });
</script>`;
  const STYLE = "body { max-width: none; margin: 0; } .deck { position: relative; width: 960px; height: 700px; margin: 0 auto; transform: scale(1.5); transform-origin: top center; }" +
    " .deck > section { position: absolute; inset: 0; visibility: hidden; text-align: center; } .deck > section.present { visibility: visible; }" +
    " .deck iframe { max-width: 95%; max-height: 95%; }";

  test("the doc's slide: autoplay on its slide, fit=1 in 16:9, slide:stop/start keep the run, Escape gives the arrow keys back", async () => {
    const text = await readFile(join(import.meta.dirname, "../../docs/teaching.md"), "utf8");
    const slide = [...text.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]).find((e) => e.includes("<section>")).replaceAll("https://example.org/nnplay/", server.url);
    const { page, problems } = await openNotes("deck", DECK(slide), { viewport: { width: 1920, height: 1080 }, style: STYLE, script: false });
    const frame = await (await page.locator(".deck iframe").elementHandle()).contentFrame();
    await frame.waitForSelector("html[data-ready=true].embed");
    await page.keyboard.press("ArrowRight");
    await frame.waitForFunction(() => Number(/^Step (\d+)/.exec(document.getElementById("train-status").textContent)[1]) > 20, null, { timeout: 15000 });
    const box = await page.locator(".deck iframe").evaluate((el) => ({ w: el.offsetWidth, h: el.offsetHeight, bottom: el.getBoundingClientRect().bottom, slide: el.closest("section").getBoundingClientRect().bottom }));
    assert.ok(Math.abs(box.w / box.h - 16 / 9) < 0.01 && box.bottom <= box.slide + 1, `a 16:9 frame inside the slide: ${JSON.stringify(box)}`);
    const inner = await frame.evaluate(() => ({ client: document.documentElement.clientHeight, heatmap: document.getElementById("heatmap").getBoundingClientRect().bottom }));
    assert.equal(inner.client, box.h, "fit=1: the frame does not grow");
    assert.ok(inner.heatmap <= inner.client, `the panel lays out to the box: ${JSON.stringify(inner)}`);
    await page.keyboard.press("ArrowRight");
    await page.waitForTimeout(400);
    const left = await stepIn(frame);
    await page.waitForTimeout(800);
    assert.equal(await stepIn(frame), left, "leaving the slide pauses the run");
    await page.keyboard.press("ArrowLeft");
    await frame.waitForFunction((n) => Number(/^Step (\d+)/.exec(document.getElementById("train-status").textContent)[1]) > n, left);
    // The focus in the frame: the arrows are the frame's; Escape gives them back to the deck.
    await page.frameLocator(".deck iframe").getByRole("button", { name: "Pause" }).click();
    await page.keyboard.press("ArrowRight");
    assert.equal(await page.evaluate(() => window.current), 1, "with the focus in the frame the deck stays");
    await page.keyboard.press("Escape");
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction(() => window.current === 2);
    const shift = await page.evaluate(() => window.shifts.reduce((a, b) => a + b, 0));
    assert.ok(shift <= 0.05, `layout shift in the deck ${shift.toFixed(4)} is at most 0.05`);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe("a plain iframe", () => {
  test("embed=train&autoplay=1 trains on its own while it is seen, and pauses when scrolled away", async () => {
    const { page, problems } = await openNotes("autoplay", `<iframe id="a" title="nnplay" style="width: 100%; height: 1400px; border: 0"
      src="${server.url}index.html#embed=train&amp;autoplay=1&amp;compact=1"></iframe>${PARAGRAPH.repeat(40)}`);
    const frame = await page.locator("#a").elementHandle().then((h) => h.contentFrame());
    await frame.waitForSelector("html[data-ready=true]");
    await frame.waitForFunction(() => Number(/^Step (\d+)/.exec(document.getElementById("train-status").textContent)[1]) > 50, null, { timeout: 15000 });
    assert.equal(await frame.locator("#play").getAttribute("aria-pressed"), "true", "it plays");
    await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
    // Scrolled away, it stops: its own observer pauses it (or Chromium holds an unseen cross-origin frame's animation frames).
    let away = await stepIn(frame);
    for (let tries = 0; tries < 20; tries++) {
      await page.waitForTimeout(600);
      const now = await stepIn(frame);
      if (now === away) break;
      away = now;
    }
    await page.waitForTimeout(600);
    assert.equal(await stepIn(frame), away, "scrolled away, it stops");
    await page.evaluate(() => scrollTo(0, 0));
    await frame.waitForFunction((n) => Number(/^Step (\d+)/.exec(document.getElementById("train-status").textContent)[1]) > n, away);
    await frame.getByRole("button", { name: "Pause" }).click();
    const paused = await stepIn(frame);
    await page.waitForTimeout(800);
    assert.equal(await stepIn(frame), paused, "the reader's Pause holds: autoplay does not undo it");
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("an unknown key in an embed shows no notice: it goes to the console and a small marker", async () => {
    const warnings = [];
    const page = await browser.newPage();
    page.on("console", (msg) => { if (msg.type() === "warning") warnings.push(msg.text()); });
    await page.goto(`${server.url}#embed=train&activation_hide=true&learningRate_hide=true&bogus=1&theme=dark`);
    await page.waitForSelector("html[data-ready=true]");
    assert.equal(await page.locator("#link-notice").isVisible(), false, "no notice for the students");
    const marker = page.locator("#teacher-marker summary");
    assert.equal(await marker.textContent(), "Link: 1 key not used");
    await marker.click();
    assert.match(await page.locator("#teacher-marker li").first().textContent(), /bogus/);
    assert.ok(warnings.some((w) => /bogus/.test(w)), "the console says it too");
    assert.equal(await page.getByLabel("Activation", { exact: true }).isVisible(), false, "activation_hide=true hides Activation");
    assert.equal(await page.getByLabel("Learning rate").isVisible(), false, "learningRate_hide=true hides Learning rate");
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark", "theme= works in an embed");
    await page.close();
  });

  test("a locked or hidden feature holds against a click on its input unit in the drawing", async () => {
    for (const key of ["lock", "hide"]) {
      const { page, problems } = await openPage(browser, `${server.url}#embed=train&${key}=features`);
      const canvas = page.locator("#network");
      await canvas.scrollIntoViewIfNeeded();
      const box = await canvas.boundingBox();
      // The default drawing has four columns; x₁ is the first unit of the first, centred at (w/8, h/4).
      await canvas.click({ position: { x: box.width / 8, y: box.height / 4 } });
      await page.getByRole("alert").filter({ hasText: /input features are fixed here: x₁ stays on/ }).waitFor({ timeout: 3000 });
      await page.waitForTimeout(600);
      assert.doesNotMatch(await page.evaluate(() => location.hash), /features=/, `${key}: the features stay as the link set them`);
      assert.equal(await page.locator('#feature-toggles [data-feature="x1"]').getAttribute("aria-pressed"), "true", `${key}: x₁ stays on`);
      assert.deepEqual(problems, []);
      await page.close();
    }
    // Unlocked, the same click switches x₁ off (so the click above did hit the unit).
    const { page } = await openPage(browser, `${server.url}#embed=train&lock=lr`);
    const canvas = page.locator("#network");
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    await canvas.click({ position: { x: box.width / 8, y: box.height / 4 } });
    await page.waitForFunction(() => location.hash.includes("features=x2"));
    await page.close();
  });

  test("autoplay=1 on the race with race_steps plays on after catching up", async () => {
    const { page, problems } = await openPage(browser, `${server.url}#embed=race&autoplay=1&race_steps=1500`);
    const step = () => page.locator("#race-status").evaluate((e) => Number(e.dataset.step));
    await page.waitForFunction(() => Number(document.querySelector("#race-status").dataset.step) > 1600, null, { timeout: 20000 });
    assert.equal(await page.getByRole("button", { name: "Pause" }).getAttribute("aria-pressed"), "true", "it plays");
    const then = await step();
    await page.waitForTimeout(500);
    assert.ok(await step() > then, "and keeps playing");
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("an experiment followed in the stages embed keeps it an embed, with the teacher's keys, of the panel its text needs", async () => {
    const { page, problems } = await openNotes("experiments", `<iframe id="e" title="nnplay" style="width: 100%; height: 1500px; border: 0"
      src="${server.url}index.html#embed=stages&amp;lock=lr&amp;hide=batch&amp;theme=dark"></iframe>${PARAGRAPH}`, { viewport: { width: 1280, height: 900 }, style: "body { max-width: 1100px; }" });
    const frame = await page.locator("#e").elementHandle().then((h) => h.contentFrame());
    await frame.waitForSelector("html[data-ready=true]");
    const height = () => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    const embedOf = () => frame.evaluate(() => document.documentElement.classList.contains("embed") && document.documentElement.dataset.embed);
    const rows = () => frame.$$eval("#diagnostics-rows tr", (trs) => trs.map((tr) => tr.cells[0].textContent));
    const stages = await height();
    assert.ok(stages < 6000, `the stages embed is one panel (${stages} px)`);

    // An experiment of the stages panel stays in it.
    await followLink(frame, "tanh is zero-centred, sigmoid is not");
    assert.equal(await embedOf(), "stages", "still the stages embed");
    assert.deepEqual(await rows(), ["layer 1 · tanh", "layer 2 · sigmoid", "output · softmax"], "the experiment's network");
    assert.ok(Math.abs(await height() - stages) < 200, `one panel's height: ${await height()} px, from ${stages}`);
    assert.ok(await frame.getByRole("img", { name: /^Mean of each hidden layer's activations/ }).isVisible(), "its chart is in the embed");
    const keys = await frame.evaluate(() => location.hash);
    for (const pair of ["embed=stages", "lock=lr", "hide=batch", "theme=dark", "layers=6:tanh,6:sigmoid"]) assert.ok(keys.includes(pair), `the frame's link keeps ${pair}: ${keys}`);
    assert.equal(await frame.evaluate(() => document.documentElement.dataset.theme), "dark");

    // One that needs the training view's Epoch and drawing opens the training panel's embed, still one panel.
    await followLink(frame, "A ReLU dies");
    assert.equal(await embedOf(), "train", "the training panel's embed");
    const train = await height();
    assert.ok(train < 3000, `one panel's height: ${train} px, far below the whole page's`);
    assert.equal(await frame.locator("#stages").isVisible(), false, "the stages panel is not shown beside it");
    for (const piece of [frame.getByRole("button", { name: "Epoch", exact: true }), frame.getByRole("img", { name: /^The network:/ }), frame.getByRole("group", { name: "Diagnostics per layer" })]) {
      assert.ok(await piece.isVisible(), "the experiment's pieces are in the embed");
    }
    const rate = frame.getByLabel("Learning rate", { exact: true });
    assert.equal(await rate.inputValue(), "1", "the experiment's state applied");
    assert.ok(await rate.isDisabled(), "lr stays locked");
    assert.equal(await frame.getByLabel("Batch size").isVisible(), false, "batch stays hidden");
    await page.waitForTimeout(300);
    const hash = await frame.evaluate(() => location.hash);
    for (const pair of ["embed=train", "lock=lr", "hide=batch", "theme=dark", "lr=1"]) assert.ok(hash.includes(pair), `the frame's link keeps ${pair}: ${hash}`);
    // Back returns to the stages embed and its experiment.
    await frame.evaluate(() => history.back());
    await frame.waitForFunction(() => document.documentElement.dataset.embed === "stages");
    assert.deepEqual(await rows(), ["layer 1 · tanh", "layer 2 · sigmoid", "output · softmax"]);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("no text in an embed points at a part of the page it does not show", async () => {
    // "the network above", "the training view's network", "scroll down to …".
    const elsewhere = /\b(?:the|this) [\w′-]+(?: [\w′-]+)? (?:above|below)\b|\bthe training view\b|\b(?:scroll|further) (?:up|down)\b/gi;
    const seen = async (hash) => {
      const { page } = await openPage(browser, `${server.url}${hash}`);
      const text = await page.evaluate(() => document.body.innerText);
      await page.close();
      return text.match(elsewhere) ?? [];
    };
    // On the whole page the race's introduction speaks of the training view: the pattern finds it.
    assert.ok((await seen("#view=race")).some((m) => /training view/i.test(m)), "the whole page names the training view");
    for (const panel of ["curves", "softmax", "train", "stages", "race"]) {
      assert.deepEqual(await seen(`#embed=${panel}`), [], `#embed=${panel}`);
    }
  });

  test("on the whole page a bad key still shows the notice", async () => {
    const { page } = await openPage(browser, `${server.url}#bogus=1`);
    assert.equal(await page.locator("#link-notice").isVisible(), true);
    await page.close();
  });
});

describe("the embed builder (the page's Embed)", () => {
  test("the teacher picks the panel, what students may change, compact, autoplay and theme; the preview and both codes follow, and work in notes", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(server.url).origin });
    const page = await context.newPage();
    const problems = [];
    page.on("pageerror", (err) => problems.push(err.message));
    await page.goto(`${server.url}#data=xor&noise=10`);
    await page.waitForSelector("html[data-ready=true]");
    await page.getByRole("button", { name: "Embed" }).click();
    assert.equal(await page.evaluate(() => document.activeElement.id), "embed-panel", "the focus moves into the builder");
    const script = page.getByLabel("Code with the script (<nn-play>)");
    const iframe = page.getByLabel("Embed code (plain iframe)");
    // Served from 127.0.0.1: the code names a placeholder, and the builder says why.
    assert.match(await page.getByLabel("Address nnplay is published at").evaluate((el) => document.getElementById(el.getAttribute("aria-describedby")).textContent),
      /127\.0\.0\.1:\d+, which your students cannot reach.*https:\/\/example\.org\/nnplay\//);
    for (const code of [script, iframe]) assert.doesNotMatch(await code.inputValue(), /127\.0\.0\.1|localhost/);
    await page.getByLabel("Panel to embed").selectOption("train");
    await page.getByRole("checkbox", { name: "Learning rate", exact: true }).uncheck();
    await page.getByRole("checkbox", { name: "Batch size", exact: true }).uncheck();
    await page.getByRole("radio", { name: "hidden" }).check();
    await page.getByRole("checkbox", { name: /^Compact/ }).check();
    await page.getByRole("checkbox", { name: /^Autoplay/ }).check();
    await page.getByLabel("Theme of the embed").selectOption("dark");
    assert.equal(await script.inputValue(), '<script src="https://example.org/nnplay/embed.js"></script>\n' +
      '<nn-play panel="train" state="data=xor&amp;noise=10" hide="lr,batch" compact autoplay theme="dark"></nn-play>');
    const src = /src="([^"]+)"/.exec(await iframe.inputValue())[1].replaceAll("&amp;", "&");
    assert.equal(src, "https://example.org/nnplay/index.html#embed=train&theme=dark&data=xor&noise=10&hide=lr,batch&compact=1&autoplay=1");
    // The live preview is the embed itself, here.
    await page.waitForFunction(() => document.getElementById("embed-preview").src.includes("hide=lr,batch"));
    const preview = page.frameLocator("#embed-preview");
    await preview.locator("html[data-ready=true].embed.compact").waitFor({ timeout: 15000 });
    assert.equal(await preview.locator("html").getAttribute("data-theme"), "dark");
    assert.equal(await preview.getByLabel("Learning rate", { exact: true }).isVisible(), false, "hidden in the preview");
    assert.equal(await preview.getByLabel("Dataset").isEnabled(), true);
    // Lock instead of hide: the preview follows.
    await page.getByRole("radio", { name: "shown, locked" }).check();
    assert.match(await script.inputValue(), / lock="lr,batch" /);
    await page.waitForFunction(() => document.getElementById("embed-preview").src.includes("lock=lr,batch"));
    await page.frameLocator("#embed-preview").locator("html[data-ready=true]").waitFor({ timeout: 15000 });
    assert.equal(await page.frameLocator("#embed-preview").getByLabel("Learning rate", { exact: true }).isDisabled(), true, "locked in the preview");
    // The iframe code takes the height the preview measured.
    await page.waitForFunction(() => !/height: 1100px/.test(document.getElementById("embed-code").value), null, { timeout: 10000 });
    // The published address, typed; a local one is refused.
    const site = page.getByLabel("Address nnplay is published at");
    await site.fill("https://notes.example.edu/ml/nnplay");
    assert.match(await script.inputValue(), /^<script src="https:\/\/notes\.example\.edu\/ml\/nnplay\/embed\.js">/);
    assert.match(await iframe.inputValue(), /src="https:\/\/notes\.example\.edu\/ml\/nnplay\/index\.html#embed=train&amp;/);
    await site.fill("http://localhost:8080/");
    assert.match(await site.evaluate((el) => document.getElementById(el.getAttribute("aria-describedby")).textContent), /localhost:8080 is this computer/);
    assert.match(await script.inputValue(), /https:\/\/example\.org\/nnplay\/embed\.js/);
    await site.fill("");
    // Copy, with a spoken confirmation.
    await page.getByRole("button", { name: "Copy the script code" }).click();
    await page.getByRole("status").filter({ hasText: "Copied the script code." }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await script.inputValue());
    await page.getByRole("button", { name: "Copy the iframe code" }).click();
    await page.getByRole("status").filter({ hasText: "Copied the iframe code." }).waitFor();
    // Escape closes the builder and gives the focus back to Embed.
    await page.getByRole("button", { name: "Copy the iframe code" }).focus();
    await page.keyboard.press("Escape");
    assert.equal(await page.locator("#embed-box").isVisible(), false);
    assert.equal(await page.evaluate(() => document.activeElement.id), "embed-button");
    assert.equal(await page.getByRole("button", { name: "Embed" }).getAttribute("aria-expanded"), "false");
    const code = (await script.inputValue()).replaceAll("https://example.org/nnplay/", server.url);
    assert.deepEqual(problems, []);
    await context.close();

    // The script code, the placeholder replaced, works in notes on another origin.
    const notesPage = await openNotes("built", code.replace("<nn-play ", '<nn-play id="built" '));
    await settled(notesPage.page, ["built"]);
    const frame = notesPage.page.frameLocator("#built iframe");
    assert.equal(await frame.getByLabel("Learning rate", { exact: true }).isDisabled(), true);
    assert.equal(await frame.locator("#dataset").inputValue(), "xor");
    assert.deepEqual(notesPage.problems, []);
    await notesPage.page.close();
  });
});

test("served from a public address, the builder's code names the page's own address", async () => {
  // A name for this computer that is not a local one, as a published site has.
  const port = new URL(server.url).port;
  const named = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--host-resolver-rules=MAP notes-site.test 127.0.0.1"],
  });
  const site = `http://notes-site.test:${port}/course/nnplay/`;
  const { page, problems } = await openPage(named, `${site}index.html#data=xor`);
  await page.getByRole("button", { name: "Embed" }).click();
  assert.equal(await page.getByLabel("Address nnplay is published at").inputValue(), site);
  assert.match(await page.getByLabel("Code with the script (<nn-play>)").inputValue(), new RegExp(`^<script src="${site}embed\\.js"></script>`));
  assert.match(await page.getByLabel("Embed code (plain iframe)").inputValue(), new RegExp(`src="${site}index\\.html#embed=train&amp;data=xor"`));
  assert.doesNotMatch(await page.locator("#embed-site-note").textContent(), /cannot reach/);
  assert.deepEqual(problems, []);
  await named.close();
});

test("embed.js's height table matches the panels as built (else run scripts/embed-heights.mjs)", async () => {
  const source = await readFile(join(import.meta.dirname, "../../www/embed.js"), "utf8");
  const table = JSON.parse(`{${/const HEIGHTS = \{([\s\S]*?)\};/.exec(source)[1].replace(/,\s*$/, "")}}`);
  for (const [panel, keys, name] of [["train", "", "train"], ["curves", "&compact=1", "curves:compact"], ["race", "", "race"]]) {
    const widths = [320, 1040];
    const measured = await measure(browser, server.url, panel, keys, widths);
    for (const [width, height] of measured) {
      const listed = table[name].find(([w]) => w === width)[1];
      // Within 2%: a status line's length moves a narrow panel's height by a line or so from run to run.
      assert.ok(Math.abs(listed - height) <= 0.02 * height, `${name} at ${width} px: the table says ${listed}, the panel is ${height}`);
    }
  }
});

describe("docs/teaching.md", () => {
  /** The page's HTML examples, with the address of the site under test. */
  async function examples() {
    const text = await readFile(join(import.meta.dirname, "../../docs/teaching.md"), "utf8");
    return [...text.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1].replaceAll("https://example.org/nnplay/", server.url));
  }

  test("has examples of both ways in, of driving and of a slide", async () => {
    const found = await examples();
    assert.ok(found.length >= 4, `${found.length} examples`);
    assert.ok(found.some((e) => e.includes("<nn-play")) && found.some((e) => e.includes("<iframe")));
  });

  test("every example loads its panel from a page of notes on another origin", async () => {
    for (const [i, example] of (await examples()).entries()) {
      // The examples' scripts are the notes' own; the observers above are the test's.
      // Only the example's own script tag loads embed.js, where the example puts it.
      const { page, problems } = await openNotes(`example-${i}`, `${PARAGRAPH}${example}${PARAGRAPH}`, { viewport: { width: 1280, height: 900 }, script: false });
      const frame = await (await page.waitForSelector("iframe", { timeout: 15000 })).contentFrame();
      await frame.waitForSelector("html[data-ready=true].embed", { timeout: 30000 });
      const panel = /embed=(\w+)/.exec(frame.url())[1];
      assert.equal(await frame.locator({ train: "#train", curves: "#explorer" }[panel] ?? `#${panel}`).isVisible(), true, `example ${i} shows ${panel}`);
      if (example.includes('id="go"')) {
        await page.waitForFunction(() => window.events.some((e) => e.type === "nnplay-ready"));
        await page.getByRole("button", { name: "Train for two seconds" }).click();
        await page.waitForFunction(() => /^Step [1-9]/.test(document.getElementById("seen").textContent), null, { timeout: 10000 });
      }
      await page.waitForTimeout(1500);
      const shift = await page.evaluate(() => window.shifts.reduce((a, b) => a + b, 0));
      assert.ok(shift <= 0.05, `example ${i}: layout shift in the notes ${shift.toFixed(4)} is at most 0.05`);
      assert.deepEqual(problems, [], `example ${i}`);
      await page.close();
    }
  });
});

describe("docs/teaching.md's notebook examples", () => {
  test("the Python class declares every trait widget.js reads and writes (the three figures it names as optional)", async () => {
    const text = await readFile(join(import.meta.dirname, "../../docs/teaching.md"), "utf8");
    const python = /```python\n([\s\S]*?)```/.exec(text)[1];
    assert.match(python, /_esm = "https:\/\/example\.org\/nnplay\/widget\.js"/);
    const declared = new Set([...python.matchAll(/^\s+(\w+) = traitlets\./gm)].map((m) => m[1]));
    const widget = await readFile(join(import.meta.dirname, "../../www/widget.js"), "utf8");
    const read = new Set([...widget.matchAll(/model\.get\("(\w+)"\)/g)].map((m) => m[1]));
    for (const m of widget.matchAll(/\[((?:"\w+",?\s*)+)\]\) (?:element\.toggleAttribute|\{)/g)) for (const n of m[1].matchAll(/"(\w+)"/g)) read.add(n[1]);
    const written = new Set([...widget.matchAll(/model\.set\("(\w+)"/g)].map((m) => m[1]));
    assert.ok(read.size >= 5 && written.size >= 5, `the scan found the traits: ${[...read]} / ${[...written]}`);
    for (const name of read) assert.ok(declared.has(name), `widget.js reads ${name}, which the doc's class does not declare`);
    const optional = ["train_loss", "test_loss", "accuracy"];
    for (const name of written) assert.ok(declared.has(name) || optional.includes(name), `widget.js writes ${name}, which the doc's class does not declare`);
    for (const name of optional) assert.match(text, new RegExp(`\`${name}\``), `the doc names the optional ${name}`);
  });

  test("MyST's {anywidget} example renders from its JSON alone, with a model that cannot save, send or unsubscribe", async () => {
    const text = await readFile(join(import.meta.dirname, "../../docs/teaching.md"), "utf8");
    const [, url, body] = /```\{anywidget\} (\S+)\n([\s\S]*?)\n```/.exec(text);
    const module = url.replace("https://example.org/nnplay/", server.url);
    const { page, problems } = await openNotes("myst", `<div id="out"></div>
<script type="module">
  // As MyST's page host does: the directive's JSON is the state; set tells listeners; there is no kernel.
  const state = ${body};
  const target = new EventTarget();
  const model = {
    get: (name) => state[name],
    set: (name, value) => { state[name] = value; target.dispatchEvent(new CustomEvent("change:" + name)); },
    on: (name, f) => target.addEventListener(name, f),
    off: () => { throw new Error("off is not available here"); },
    save_changes: () => { throw new Error("save_changes is not available here"); },
    send: () => { throw new Error("send is not available here"); },
  };
  window.state = state;
  const { default: widget } = await import(${JSON.stringify(module)});
  window.cleanup = widget.render({ model, el: document.getElementById("out") });
</script>`, { viewport: { width: 1280, height: 900 }, script: false });
    const frame = await (await page.waitForSelector("#out nn-play iframe", { timeout: 15000 })).contentFrame();
    await frame.waitForSelector("html[data-ready=true].embed.compact", { timeout: 30000 });
    const traits = JSON.parse(body);
    assert.equal(await frame.locator("#dataset").inputValue(), new URLSearchParams(traits.state).get("data"), "the JSON's state");
    assert.equal(await frame.getByLabel("Learning rate", { exact: true }).isDisabled(), true, "the JSON's lock");
    await page.frameLocator("#out iframe").getByRole("group", { name: "Training" }).getByRole("button", { name: "Step", exact: true }).click();
    await page.waitForFunction(() => window.state.step === 1, null, { timeout: 10000 });
    await page.evaluate(() => window.cleanup());
    assert.equal(await page.locator("#out nn-play").count(), 0, "the cleanup removes it");
    assert.deepEqual(problems, [], "no errors from the model's missing parts");
    await page.close();
  });
});

test("the example course notes, copied to another origin, show their four embeds (its policy lets the frames in)", async () => {
  const html = await readFile(join(DIST, "course-notes.html"), "utf8");
  notes.set("/copy/course-notes.html", html.replaceAll('src="index.html', `src="${server.url}index.html`));
  for (const file of ["course-notes.js", "course-notes.css"]) notes.set(`/copy/${file}`, await readFile(join(DIST, file), "utf8"));
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const blocked = [];
  page.on("console", (msg) => { if (/Content Security Policy|frame-src/i.test(msg.text())) blocked.push(msg.text()); });
  await page.goto(`${notesUrl}/copy/course-notes.html`);
  await page.waitForFunction(() => [...document.querySelectorAll("iframe")].every((f) => f.style.height), null, { timeout: 30000 });
  assert.equal(await page.locator("iframe").count(), 4);
  assert.deepEqual(blocked, []);
  await page.close();
});

test("widget.js follows anywidget's contract: render({model, el}) shows the panel, commands drive it, the model hears the step", async () => {
  const { page, problems } = await openNotes("widget", `<div id="out"></div>
<script type="module">
  // A stand-in for anywidget's model: traits, change events, custom messages.
  const traits = { panel: "train", state: "data=xor&lr=0.1", lock: "lr", hide: "", compact: true, autoplay: false, step: 0 };
  const handlers = {};
  window.saved = [];
  window.model = {
    get: (name) => traits[name],
    set: (name, value) => { traits[name] = value; },
    save_changes: () => window.saved.push({ ...traits }),
    on: (event, f) => { (handlers[event] ??= []).push(f); },
    off: (event, f) => { handlers[event] = (handlers[event] ?? []).filter((g) => g !== f); },
    emit: (event, ...args) => (handlers[event] ?? []).forEach((f) => f(...args)),
    traits,
  };
  const { default: widget } = await import("${server.url}widget.js");
  window.cleanup = widget.render({ model: window.model, el: document.getElementById("out") });
</script>`);
  await page.waitForFunction(() => window.events.some((e) => e.type === "nnplay-ready"), null, { timeout: 30000 });
  const frame = await (await page.waitForSelector("#out nn-play iframe")).contentFrame();
  assert.equal(await frame.locator("#dataset").inputValue(), "xor", "the model's state");
  assert.equal(await frame.getByLabel("Learning rate", { exact: true }).isDisabled(), true, "the model's lock");
  await page.evaluate(() => window.model.emit("msg:custom", { command: "step" }));
  await page.waitForFunction(() => window.model.traits.step === 1, null, { timeout: 10000 });
  assert.match(await page.evaluate(() => window.model.traits.link), /steps=1/);
  await page.evaluate(() => { window.model.traits.state = "data=spiral"; window.model.emit("change:state"); });
  await frame.waitForFunction(() => document.getElementById("dataset").value === "spiral");
  await page.evaluate(() => window.cleanup());
  assert.equal(await page.locator("#out nn-play").count(), 0, "the cleanup removes it");
  assert.deepEqual(problems, []);
  await page.close();
});
