// Browser tests of shareable links and embedding: a link restores every
// control and the same run, bad links show a notice naming each key, embeds
// fit 320 px and report their height, the page runs under its CSP, and wasm
// reproduces a native run bit for bit.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { openPage, startSite, stopSite } from "./harness.js";

let server;
let browser;
before(async () => ({ server, browser } = await startSite()));
after(() => stopSite({ server, browser }));

const statusOf = (page) => page.locator("#train-status").textContent();
const step = (page) => page.getByRole("group", { name: "Training" }).getByRole("button", { name: "Step", exact: true }).click();

/** Every form control's value (checkboxes as booleans), keyed by id, name or accessible label. */
function controls(page) {
  return page.evaluate(() => {
    const out = {};
    for (const el of document.querySelectorAll("input, select, textarea")) {
      if (el.closest("#embed-box, #copy-fallback")) continue;
      const key = el.id || el.getAttribute("aria-label") || `${el.name}:${el.value}`;
      out[key] = el.type === "checkbox" ? el.checked : el.value;
    }
    out.cursor = document.querySelector("#curve-canvas").getAttribute("aria-valuenow");
    out.hidden = ["explorer", "train", "stages", "softmax"].filter((id) => document.getElementById(id)?.hidden);
    return out;
  });
}

/** Waits until the URL has stopped changing and holds `text`. */
async function settledUrl(page, text) {
  await page.waitForFunction((t) => location.hash.includes(t), text);
  let url = page.url();
  for (;;) {
    await page.waitForTimeout(300);
    if (page.url() === url) return url;
    url = page.url();
  }
}

/** The notice's items, or null when it is hidden. */
async function notice(page) {
  const box = page.locator("#link-notice");
  if (await box.isHidden()) return null;
  return box.locator("li").allTextContents();
}

describe("links", () => {
  test("a link restores every control, and the same steps give the same status line", async () => {
    const { page, problems } = await openPage(browser, server.url);
    const entries = await page.evaluate(() => history.length);
    await page.getByRole("heading", { name: "nnplay", exact: true }).click();
    await page.waitForTimeout(400);
    assert.equal(new URL(page.url()).hash, "", "the page's controls start at the link's defaults");
    await page.getByLabel("Dataset").selectOption("xor");
    await page.getByLabel("Noise (%)").fill("10");
    await page.locator("summary", { hasText: "Seed and display" }).click();
    await page.getByLabel("Seed").fill("7");
    await page.getByLabel("Seed").blur();
    await page.locator("summary", { hasText: "Layers:" }).click();
    await page.getByRole("button", { name: "Add a unit to layer 1" }).click();
    await page.getByLabel("Activation of layer 2").selectOption("relu");
    await page.getByLabel("Learning rate").selectOption("0.1");
    await page.getByLabel("Batch size").fill("5");
    await page.getByLabel("Batch size").blur();
    await page.locator("summary", { hasText: "Optimiser, schedule and regularisation" }).click();
    await page.getByLabel("Regularisation", { exact: true }).selectOption("l2");
    await page.getByLabel("Show test data").uncheck();
    await page.getByRole("checkbox", { name: "ELU", exact: true }).check();
    await page.getByLabel("ELU alpha", { exact: true }).fill("2.5");
    await page.getByLabel("x from").fill("-4");
    await page.getByLabel("x to").fill("6");
    await page.getByRole("slider", { name: "Curve cursor" }).focus();
    await page.keyboard.press("End");
    await page.getByLabel("Number of classes").selectOption("4");
    await page.getByLabel("Logit 4").fill("-2.5");
    await page.getByLabel("Temperature").fill("0.5");
    await page.getByLabel("Show softmax").uncheck();
    for (let i = 0; i < 3; i++) await step(page);
    const url = await settledUrl(page, "steps=3");
    const hash = new URL(url).hash;
    for (const part of ["data=xor", "noise=10", "seed=7", "layers=5:tanh,2:relu", "lr=0.1", "batch=5", "reg=l2",
      "test=0", "curves=sigmoid,relu,elu", "elu=2.5", "xmin=-4", "xmax=6", "x=6", "logits=2,1,0.1,-2.5", "t=0.5",
      "panels=curves,train,stages", "steps=3"]) {
      assert.ok(hash.includes(part), `${part} in ${hash}`);
    }
    const before = await controls(page);
    assert.deepEqual(before.hidden, ["softmax"]);
    assert.equal(await page.evaluate(() => history.length), entries, "the URL follows without new history entries");

    const fresh = await openPage(browser, url);
    assert.deepEqual(await controls(fresh.page), before, "every control matches");
    assert.equal(await statusOf(fresh.page), await statusOf(page));
    for (let i = 0; i < 4; i++) {
      await step(page);
      await step(fresh.page);
    }
    const status = await statusOf(page);
    assert.match(status, /^Step 7 · train loss/);
    assert.equal(await statusOf(fresh.page), status);
    const losses = (p) => p.locator("#train-status").evaluate((e) => [e.dataset.trainLoss, e.dataset.testLoss]);
    assert.deepEqual(await losses(fresh.page), await losses(page), "to the last digit");
    assert.deepEqual(fresh.problems, []);
    assert.deepEqual(problems, []);
    await fresh.page.close();
    await page.close();
  });

  test("each bad link renders the page with a notice naming the key, and the rest applies", async () => {
    const bad = [
      ["foo=1", "foo is not a key"],
      ["lr=abc", "lr accepts a number from 0.00001 to 10"],
      ["lr=1e9", "lr accepts a number from 0.00001 to 10"],
      ["layers=999", "layers accepts up to 6"],
      ["activation=foo", "activation accepts an activation for every hidden layer"],
      ["data=mnist", "data accepts one of circle"],
      ["seed=3&seed=4", "seed is given 2 times"],
      ["data=%zz", "data has a value that is not valid percent-encoding"],
      ["%E2%82=1", "%E2%82 is not a valid percent-encoded key"],
      [`layers=${"4:tanh,".repeat(3000)}`, "layers has a value 21000 characters long"],
      ["embed=sidebar", "embed accepts one of curves, softmax, train, stages"],
    ];
    for (const [fragment, message] of bad) {
      const { page, problems } = await openPage(browser, `${server.url}#${fragment}&l2=0.01`);
      const items = await notice(page);
      assert.ok(items?.some((item) => item.startsWith(message)), `${fragment.slice(0, 40)}: ${items}`);
      assert.equal(await page.getByLabel("Regularisation", { exact: true }).inputValue(), "l2", "the rest of the link applies");
      assert.equal(await page.getByLabel("Regularisation rate").inputValue(), "0.01", "an older link's l2 is L2 at that rate");
      assert.match(await statusOf(page), /^Step 0 · train loss \d\.\d{3} · test loss \d\.\d{3}$/);
      assert.equal(await page.locator("#panic").isHidden(), true);
      const alert = page.getByRole("alert").filter({ hasText: message.slice(0, 20) });
      await alert.getByRole("button", { name: "Dismiss" }).click();
      assert.equal(await notice(page), null, "the notice can be dismissed");
      assert.deepEqual(problems, []);
      await page.close();
    }
  });

  test("a link of a run whose learning rate changed midway says, when copied, that it cannot carry that", async () => {
    const { page, problems } = await openPage(browser, server.url);
    const step = page.getByRole("group", { name: "Training" }).getByRole("button", { name: "Step", exact: true });
    await step.click();
    await page.getByRole("button", { name: "Copy link" }).click();
    const said = page.locator("#share-status");
    await page.waitForFunction(() => document.getElementById("share-status").textContent !== "");
    assert.doesNotMatch(await said.textContent(), /cannot carry/, "nothing changed midway");
    await step.click();
    await page.getByLabel("Learning rate").selectOption("0.3");
    await step.click();
    await page.getByRole("button", { name: "Copy link" }).click();
    await page.waitForFunction(() => /cannot carry/.test(document.getElementById("share-status").textContent));
    assert.match(await said.textContent(), /It cannot carry the settings you changed at step 2: it replays the whole run with today's settings/);
    await page.getByRole("group", { name: "Training" }).getByRole("button", { name: "Reset" }).click();
    await page.getByRole("button", { name: "Copy link" }).click();
    await page.waitForFunction(() => !/cannot carry/.test(document.getElementById("share-status").textContent));
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("Copy link copies the page's link, or shows it in a field when there is no clipboard", async () => {
    const context = await browser.newContext();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(server.url).origin });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector("html[data-ready=true]");
    await page.getByLabel("Dataset").selectOption("moons");
    await page.getByRole("button", { name: "Copy link" }).click();
    await page.getByRole("status").filter({ hasText: "Link copied." }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, page.url());
    assert.match(copied, /#(view=train&)?data=moons$/);
    await context.close();

    const { page: bare } = await openPage(browser, `${server.url}#seed=4`);
    await bare.evaluate(() => Object.defineProperty(navigator, "clipboard", { value: undefined }));
    await bare.getByRole("button", { name: "Copy link" }).click();
    const field = bare.getByLabel("Link to this view");
    await field.waitFor();
    assert.equal(await field.inputValue(), `${server.url}#seed=4`);
    await bare.close();
  });

  test("Embed shows an iframe snippet for the chosen panel and the current state", async () => {
    const { page, problems } = await openPage(browser, `${server.url}#data=xor&curves=tanh`);
    await page.getByRole("button", { name: "Embed" }).click();
    await page.getByLabel("Panel to embed").selectOption("curves");
    const snippet = await page.getByLabel("Embed code (plain iframe)").inputValue();
    // Served from 127.0.0.1, the code names a placeholder for the published address, never this one.
    assert.match(snippet, /^<iframe src="https:\/\/example\.org\/nnplay\/index\.html#embed=curves&amp;data=xor&amp;curves=tanh" title="nnplay: Activation functions"/);
    const src = /src="([^"]+)"/.exec(snippet)[1].replaceAll("&amp;", "&").replace("https://example.org/nnplay/", server.url);
    const embed = await openPage(browser, src);
    assert.equal(await embed.page.locator("#explorer").isVisible(), true);
    for (const hidden of ["header", "footer", "#train", "#softmax", "#stages"]) {
      assert.equal(await embed.page.locator(hidden).isVisible(), false, hidden);
    }
    const open = embed.page.getByRole("link", { name: "Open in nnplay" });
    assert.equal(await open.getAttribute("href"), `${server.url}index.html#view=curves&data=xor&curves=tanh`, "the whole page, at the embedded panel");
    assert.deepEqual(problems, []);
    assert.deepEqual(embed.problems, []);
    await embed.page.close();
    await page.close();
  });
});

describe("embedding", () => {
  /** Opens the course notes, scrolled and focused, and adds one iframe per `src`, `width` wide. */
  async function framesIn(width, srcs) {
    const { page, problems } = await openNotes();
    await page.evaluate(({ width, srcs }) => {
      window.heights = [];
      addEventListener("message", (e) => {
        const index = [...document.querySelectorAll(".probe")].findIndex((f) => f.contentWindow === e.source);
        if (index >= 0 && e.data?.type === "nnplay:height") window.heights.push([index, e.data.height]);
      });
      window.scrollTo(0, 200);
      for (const src of srcs) {
        const frame = document.createElement("iframe");
        frame.className = "probe";
        frame.width = String(width);
        frame.height = "400";
        frame.src = src;
        document.body.append(frame);
      }
    }, { width, srcs });
    return { page, problems };
  }

  async function openNotes() {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = [];
    page.on("console", (msg) => { if (msg.type() === "error") problems.push(`console: ${msg.text()}`); });
    page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
    await page.goto(`${server.url}course-notes.html`);
    return { page, problems };
  }

  for (const width of [320, 1200]) {
    test(`embeds ${width} px wide have no horizontal scroll and post their height`, async () => {
      const panels = ["curves", "softmax", "train", "stages"];
      const { page, problems } = await framesIn(width, panels.map((p) => `index.html#embed=${p}&steps=20`));
      await page.waitForFunction((n) => new Set(window.heights.map(([i]) => i)).size === n, panels.length, { timeout: 20000 });
      await page.waitForTimeout(500);
      const frames = page.frames().filter((f) => f.url().includes("&steps=20"));
      assert.equal(frames.length, panels.length);
      for (const frame of frames) {
        const panel = /embed=(\w+)/.exec(frame.url())[1];
        await frame.waitForSelector("html[data-ready=true]");
        const size = await frame.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
          height: Math.ceil(document.documentElement.getBoundingClientRect().height),
        }));
        assert.ok(size.scroll <= size.client, `${panel} at ${width}px scrolls sideways: ${JSON.stringify(size)}`);
        const index = panels.indexOf(panel);
        const last = (await page.evaluate(() => window.heights)).filter(([i]) => i === index).at(-1)[1];
        assert.equal(last, size.height, `${panel} posted its height`);
      }
      const parent = await page.evaluate(() => ({ y: scrollY, focus: document.activeElement.tagName }));
      assert.deepEqual(parent, { y: 200, focus: "BODY" }, "no embed scrolls the parent or takes the focus");
      assert.deepEqual(problems, []);
      await page.close();
    });
  }

  test("the course notes' four embeds size themselves and run independently", async () => {
    const { page, problems } = await openNotes();
    const frames = page.locator("iframe");
    assert.equal(await frames.count(), 4);
    await page.waitForFunction(() => [...document.querySelectorAll("iframe")].every((f) => f.style.height), null, { timeout: 20000 });
    assert.deepEqual(await page.evaluate(() => ({ y: scrollY, focus: document.activeElement.tagName })), { y: 0, focus: "BODY" },
      "loading the embeds neither scrolls the notes nor takes the focus");
    const train = page.frameLocator('iframe[src*="embed=train"]');
    await train.getByRole("status").filter({ hasText: /^Step 300 / }).waitFor();
    const stages = page.frameLocator('iframe[src*="embed=stages"]');
    const stagesStart = await stages.locator("#train-status").textContent();
    await train.getByRole("button", { name: "Step", exact: true }).click();
    assert.match(await train.locator("#train-status").textContent(), /^Step 301 /);
    await stages.getByRole("button", { name: "Sample batch" }).click();
    assert.equal(await train.locator("#train-status").textContent().then((t) => /^Step (\d+)/.exec(t)[1]), "301",
      "a stage in one embed leaves the others alone");
    assert.equal(await stages.locator("#train-status").textContent(), stagesStart);
    assert.match(await page.frameLocator('iframe[src*="embed=curves"]').locator("#readout-caption").textContent(), /x = -10/);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe("security and exactness", () => {
  test("the page loads under its CSP with no violation and no request to another origin", async () => {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      window.violations = [];
      document.addEventListener("securitypolicyviolation", (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
    });
    const problems = [];
    const requests = [];
    page.on("console", (msg) => { if (msg.type() === "error") problems.push(msg.text()); });
    page.on("request", (req) => requests.push(req.url()));
    for (const path of ["#embed=train&steps=5", "", "course-notes.html"]) {
      await page.goto(`${server.url}${path}`);
      if (path !== "course-notes.html") await page.waitForSelector("html[data-ready=true]");
      else await page.waitForFunction(() => [...document.querySelectorAll("iframe")].every((f) => f.style.height), null, { timeout: 20000 });
      await page.waitForTimeout(300);
      const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
      assert.match(policy, /default-src 'self'/);
      assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'/);
      const violations = [];
      for (const frame of page.frames()) violations.push(...await frame.evaluate(() => window.violations));
      assert.deepEqual(violations, [], path);
    }
    const index = await (await fetch(server.url)).text();
    assert.match(index, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]{43}='; /, "Trunk's loader is allowed by its hash");
    const origin = new URL(server.url).origin;
    assert.deepEqual(requests.filter((r) => !r.startsWith(origin)), []);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("a link trains to the same losses, bit for bit, in wasm as natively", async () => {
    const fragment = "data=spiral&noise=10&seed=9&layers=6:elu:0.5,4:leaky_relu:0.1,3:maxout:3,3:sigmoid&lr=0.1&batch=7&l2=0.001&steps=300";
    const root = resolve(import.meta.dirname, "../..");
    const native = execFileSync("cargo", ["run", "--quiet", "--locked", "--example", "link_run", "--", fragment],
      { cwd: root, encoding: "utf8", timeout: 600000 }).trim();
    const { page, problems } = await openPage(browser, `${server.url}#${fragment}`);
    await page.getByRole("status").filter({ hasText: /^Step 300 / }).waitFor();
    const wasm = await page.locator("#train-status").evaluate((e) => {
      const bits = (x) => {
        const view = new DataView(new ArrayBuffer(8));
        view.setFloat64(0, Number(x));
        return view.getBigUint64(0).toString(16).padStart(16, "0");
      };
      const step = /^Step (\d+)/.exec(e.textContent)[1];
      return `step ${step} train ${bits(e.dataset.trainLoss)} test ${bits(e.dataset.testLoss)}`;
    });
    assert.equal(wasm, native);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
