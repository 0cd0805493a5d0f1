#!/usr/bin/env node
// Tries nnplay's embeds in real course-notes hosts, as docs/teaching.md tells
// a teacher to write them: MkDocs Material, Jupyter Book 1 and reveal.js. A
// manual check (it needs pip and npm packages that CI does not install); its
// results are recorded in docs/teaching.md. Each host's page is built from
// the doc's own examples, served on a second origin, with nnplay's dist/ on
// the first, and opened in headless Chromium: the embed loads, sizes without
// shifting the notes, follows the host's theme, plays and pauses; in
// reveal.js, slide:stop/start, fit=1 in the 16:9 slide, the run kept after
// leaving the slide, and Escape handing the arrow keys back to the deck.
//
//   python3 -m venv /tmp/hosts && /tmp/hosts/bin/pip install mkdocs-material "jupyter-book<2"
//   (cd /tmp/reveal && npm install reveal.js)
//   HOSTS_BIN=/tmp/hosts/bin REVEAL_DIR=/tmp/reveal/node_modules/reveal.js node scripts/hosts.mjs
//
// Needs a built dist/ (trunk build --release). Prints one line per check and
// exits non-zero if any failed.
import { execFileSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { launch, serveDist } from "../tests/e2e/harness.js";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = process.env.HOSTS_BIN ?? "";
const REVEAL = process.env.REVEAL_DIR;
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".woff2": "font/woff2" };
const results = [];

/** Records one check's outcome. */
function check(host, what, ok, detail = "") {
  results.push({ host, what, ok });
  console.log(`${ok ? "ok  " : "FAIL"} ${host}: ${what}${detail ? ` (${detail})` : ""}`);
}

/** A static server of `dir` on its own port (the notes' origin). */
async function serve(dir) {
  const server = createServer(async (req, res) => {
    let path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (path.endsWith("/")) path += "index.html";
    try {
      const body = await readFile(join(dir, path));
      res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

/** docs/teaching.md's HTML examples, naming the nnplay under test. */
async function examples(site) {
  const text = await readFile(join(ROOT, "docs/teaching.md"), "utf8");
  return [...text.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1].replaceAll("https://example.org/nnplay/", site));
}

/** A layout-shift sum and each frame's first height, from the page's start. */
const OBSERVE = `
  window.shifts = 0;
  window.shiftSources = [];
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) {
      if (e.hadRecentInput) continue;
      window.shifts += e.value;
      for (const s of e.sources) {
        const n = s.node;
        const name = n ? (n.nodeType === 1 ? n.tagName.toLowerCase() + (n.id ? "#" + n.id : "") : "#text") : "?";
        window.shiftSources.push(\`\${Math.round(e.startTime)} ms \${e.value.toFixed(3)} \${name} y \${s.previousRect.y}→\${s.currentRect.y} h \${s.previousRect.height}→\${s.currentRect.height}\`);
      }
    }
  }).observe({ type: "layout-shift", buffered: true });
`;

/** The training step an embed's frame shows. */
const stepOf = (frame) => frame.evaluate(() => Number(/^Step (\d+)/.exec(document.getElementById("train-status").textContent)[1]));

/** Checks a built notes page with <nn-play> elements: loads, no shift, theme, play and pause. */
async function notesPage(browser, host, url, setDark, site) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  // The host's own scripts' errors are the host's (Jupyter Book 1 declares THEBE_JS_URL twice); nnplay's are counted.
  page.on("pageerror", (e) => { if (`${e.stack}`.includes(new URL(site).origin)) errors.push(e.message); });
  await page.addInitScript(OBSERVE);
  await page.goto(url);
  const elements = await page.locator("nn-play").count();
  check(host, `the page has the doc's <nn-play> elements`, elements >= 2, `${elements}`);
  const first = page.locator("nn-play").first();
  await first.scrollIntoViewIfNeeded();
  const frame = await (await first.locator("iframe").elementHandle({ timeout: 20000 })).contentFrame();
  await frame.waitForSelector("html[data-ready=true].embed", { timeout: 30000 });
  check(host, "the first embed loads its panel", true);
  await page.waitForTimeout(2500);
  const sized = await first.evaluate((el) => ({ box: Math.round(el.getBoundingClientRect().height), frame: Math.round(el.querySelector("iframe").getBoundingClientRect().height) }));
  const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  check(host, "it is as tall as its content", Math.abs(sized.box - content) <= 2, `${sized.box} px for ${content} px`);
  const shift = await page.evaluate(() => window.shifts);
  check(host, "layout shift in the host ≤ 0.05", shift <= 0.05, shift.toFixed(4));
  await page.evaluate(() => scrollTo(0, 0));
  await page.waitForTimeout(300);
  // Play and pause through the element's methods.
  await first.evaluate((el) => el.play());
  await frame.waitForFunction(() => /^Step [1-9]/.test(document.getElementById("train-status").textContent), null, { timeout: 10000 });
  await first.evaluate((el) => el.pause());
  await page.waitForTimeout(400);
  const paused = await stepOf(frame);
  await page.waitForTimeout(800);
  check(host, "play() trains and pause() stops", paused > 0 && (await stepOf(frame)) === paused, `step ${paused}`);
  // The theme: the host's dark palette, then the frame's.
  const before = await frame.evaluate(() => document.documentElement.dataset.theme);
  await page.evaluate(setDark);
  await frame.waitForFunction(() => document.documentElement.dataset.theme === "dark", null, { timeout: 5000 }).catch(() => {});
  const after = await frame.evaluate(() => document.documentElement.dataset.theme);
  check(host, "the embed follows the host's dark theme", before === "light" && after === "dark", `${before} → ${after}`);
  check(host, "no page errors", errors.length === 0, errors.join("; "));
  await page.close();
}

/** Markdown of the doc's examples for a host that passes raw HTML through (the reveal.js one is a slide). */
function markdown(found) {
  const blocks = found.filter((e) => !e.includes("<section>"));
  return `# Activation functions\n\nText before the embeds, as course notes have it.\n\n${blocks.map((b) => `${b}\n\nA paragraph of notes between the embeds.\n`).join("\n")}`;
}

async function mkdocs(browser, site, work) {
  const dir = join(work, "mkdocs");
  await mkdir(join(dir, "docs"), { recursive: true });
  await writeFile(join(dir, "mkdocs.yml"), `site_name: Notes\ntheme:\n  name: material\n  palette:\n    - scheme: default\n    - scheme: slate\n`);
  await writeFile(join(dir, "docs/index.md"), markdown(await examples(site)));
  execFileSync(join(BIN, "mkdocs"), ["build", "-q", "-d", "site"], { cwd: dir, stdio: "inherit" });
  const notes = await serve(join(dir, "site"));
  await notesPage(browser, "MkDocs Material", notes.url, () => document.body.setAttribute("data-md-color-scheme", "slate"), site);
  await notes.close();
}

/**
 * MkDocs with embed.js from mkdocs.yml instead of the page. `extra_javascript`
 * puts the script after the content, so the notes may be painted before the
 * element is defined (recorded as a note: the host's order, not a fault of
 * the element); the theme's `extrahead` block puts it in the head, where it
 * defines the element before the first paint.
 */
async function mkdocsExtra(browser, site, work) {
  const found = (await examples(site)).map((e) => e.replace(/<script src="[^"]*embed\.js"><\/script>\n/, ""));
  for (const way of ["extra_javascript", "extrahead"]) {
    const dir = join(work, `mkdocs-${way}`);
    await mkdir(join(dir, "docs"), { recursive: true });
    if (way === "extra_javascript") {
      await writeFile(join(dir, "mkdocs.yml"), `site_name: Notes\ntheme:\n  name: material\nextra_javascript:\n  - ${site}embed.js\n`);
    } else {
      await mkdir(join(dir, "overrides"), { recursive: true });
      await writeFile(join(dir, "mkdocs.yml"), "site_name: Notes\ntheme:\n  name: material\n  custom_dir: overrides\n");
      // The doc's own override, as a teacher copies it.
      const text = await readFile(join(ROOT, "docs/teaching.md"), "utf8");
      const override = /```jinja\n([\s\S]*?)```/.exec(text)[1].replaceAll("https://example.org/nnplay/", site);
      await writeFile(join(dir, "overrides/main.html"), override);
    }
    await writeFile(join(dir, "docs/index.md"), markdown(found));
    execFileSync(join(BIN, "mkdocs"), ["build", "-q", "-d", "site"], { cwd: dir, stdio: "inherit" });
    const notes = await serve(join(dir, "site"));
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(OBSERVE);
    await page.goto(notes.url);
    await page.locator("nn-play iframe").first().waitFor({ timeout: 20000 });
    await page.waitForTimeout(2500);
    const shift = await page.evaluate(() => window.shifts);
    const sources = await page.evaluate(() => window.shiftSources);
    const detail = shift.toFixed(4) + (shift > 0.05 ? `: ${sources.slice(0, 4).join("; ")}` : "");
    if (way === "extra_javascript") console.log(`note MkDocs Material, extra_javascript: layout shift in the host ${detail}`);
    else check("MkDocs Material, the theme's extrahead", "layout shift in the host ≤ 0.05", shift <= 0.05, detail);
    await page.close();
    await notes.close();
  }
}

async function jupyterBook(browser, site, work) {
  const dir = join(work, "jb1");
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "_config.yml"), "title: Notes\nexecute:\n  execute_notebooks: off\n");
  await writeFile(join(dir, "_toc.yml"), "format: jb-book\nroot: intro\n");
  await writeFile(join(dir, "intro.md"), markdown(await examples(site)));
  execFileSync(join(BIN, "jupyter-book"), ["build", "-q", dir], { stdio: "inherit" });
  const notes = await serve(join(dir, "_build/html"));
  await notesPage(browser, "Jupyter Book 1", `${notes.url}intro.html`, () => document.documentElement.setAttribute("data-theme", "dark"), site);
  await notes.close();
}

async function reveal(browser, site, work) {
  const dir = join(work, "reveal");
  await cp(join(REVEAL, "dist"), join(dir, "dist"), { recursive: true });
  const slide = (await examples(site)).find((e) => e.includes("<section>"));
  await writeFile(join(dir, "index.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Deck</title>
<link rel="stylesheet" href="dist/reveal.css"><link rel="stylesheet" href="dist/theme/black.css"></head>
<body><div class="reveal"><div class="slides">
<section><h2>Activation functions</h2><p>A slide before.</p></section>
${slide}
<section><h2>After</h2><p>A slide after.</p></section>
</div></div>
<script src="dist/reveal.js"></script>
<script>Reveal.initialize({ width: 960, height: 700, hash: true });</script></body></html>`);
  const notes = await serve(dir);
  const host = "reveal.js";
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.addInitScript(OBSERVE);
  await page.goto(notes.url);
  await page.waitForFunction(() => window.Reveal?.isReady());
  await page.evaluate(() => Reveal.slide(1));
  const frame = await (await page.locator("section.present iframe").elementHandle()).contentFrame();
  await frame.waitForSelector("html[data-ready=true].embed", { timeout: 30000 });
  await frame.waitForFunction(() => Number(/^Step (\d+)/.exec(document.getElementById("train-status").textContent)[1]) > 20, null, { timeout: 15000 });
  check(host, "autoplay=1 trains on the shown slide", true);
  // The deck's black theme is dark; a plain iframe without theme= follows the browser's scheme (docs/teaching.md).
  const theme = await frame.evaluate(() => (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light"));
  console.log(`note ${host}: the frame's scheme in the black deck, without theme=: ${theme}, background ${await frame.evaluate(() => getComputedStyle(document.body).backgroundColor)}`);
  await page.waitForTimeout(1500);
  const fit = await frame.evaluate(() => ({ client: document.documentElement.clientHeight, width: document.documentElement.clientWidth, heatmap: document.getElementById("heatmap").getBoundingClientRect().bottom }));
  const box = await page.locator("section.present iframe").evaluate((el) => {
    const frame = el.getBoundingClientRect();
    const slide = el.closest("section").getBoundingClientRect();
    const view = document.querySelector(".reveal").getBoundingClientRect();
    return { w: el.offsetWidth, h: el.offsetHeight, inside: frame.bottom <= Math.min(slide.bottom, view.bottom) + 1 && frame.right <= view.right,
      rects: JSON.stringify([frame, slide, view].map((r) => [Math.round(r.left), Math.round(r.top), Math.round(r.right), Math.round(r.bottom)])) };
  });
  check(host, "fit=1 keeps the frame a 16:9 box inside the slide, the panel laid out to it",
    Math.abs(box.w / box.h - 16 / 9) < 0.01 && box.inside && fit.client === box.h && fit.heatmap <= fit.client,
    `${box.w}×${box.h}, inside ${fit.width}×${fit.client}, heatmap to ${Math.round(fit.heatmap)}; frame, slide, deck [left, top, right, bottom]: ${box.rects}`);
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => Reveal.getIndices().h === 2);
  await page.waitForTimeout(500);
  const left = await stepOf(frame);
  await page.waitForTimeout(1000);
  check(host, "leaving the slide (slide:stop) pauses the run", (await stepOf(frame)) === left, `step ${left}`);
  await page.keyboard.press("ArrowLeft");
  await page.waitForFunction(() => Reveal.getIndices().h === 1);
  await frame.waitForFunction((n) => Number(/^Step (\d+)/.exec(document.getElementById("train-status").textContent)[1]) > n, left, { timeout: 10000 }).catch(() => {});
  const back = await stepOf(frame);
  check(host, "coming back (slide:start) resumes the same run, not a new one", back > left, `step ${left} → ${back}`);
  // The focus: into the frame (Play), then Escape gives the arrow keys back to the deck.
  await page.frameLocator("section.present iframe").getByRole("button", { name: "Pause" }).click();
  await page.keyboard.press("ArrowRight");
  const stayed = await page.evaluate(() => Reveal.getIndices().h);
  await page.keyboard.press("Escape");
  await page.waitForTimeout(300);
  await page.keyboard.press("ArrowRight");
  await page.waitForTimeout(500);
  const moved = await page.evaluate(() => Reveal.getIndices().h);
  check(host, "with the focus in the frame the arrows stay there; after Escape they change slides", stayed === 1 && moved === 2, `${stayed}, then ${moved}`);
  check(host, "layout shift in the deck ≤ 0.05", (await page.evaluate(() => window.shifts)) <= 0.05, (await page.evaluate(() => window.shifts)).toFixed(4));
  await page.close();
  await notes.close();
}

const dist = await serveDist();
const browser = await launch();
const work = await mkdtemp(join(tmpdir(), "nnplay-hosts-"));
try {
  if (BIN) {
    await mkdocs(browser, dist.url, work).catch((e) => check("MkDocs Material", `build and check: ${e.message}`, false));
    await mkdocsExtra(browser, dist.url, work).catch((e) => check("MkDocs Material, extra_javascript", `build and check: ${e.message}`, false));
    await jupyterBook(browser, dist.url, work).catch((e) => check("Jupyter Book 1", `build and check: ${e.message}`, false));
  }
  if (REVEAL) await reveal(browser, dist.url, work).catch((e) => check("reveal.js", `check: ${e.message}`, false));
} finally {
  await browser.close();
  await dist.close();
}
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} of ${results.length} checks passed`);
process.exit(failed || results.length === 0 ? 1 : 0);
