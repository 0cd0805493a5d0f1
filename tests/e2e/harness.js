// Browser-test harness: serves dist/ on 127.0.0.1 (under a sub-path, to prove
// the site's URLs are relative) and drives Debian's Chromium with playwright-core.
import { createServer } from "node:http";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { chromium } from "playwright-core";

/** The built site: dist/, or NNPLAY_DIST when set (so parallel builds do not collide). */
const DIST = resolve(process.env.NNPLAY_DIST ?? resolve(import.meta.dirname, "../../dist"));
/** The sub-path the site is served under. */
export const BASE = "/course/nnplay/";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Starts a static server for dist/ and resolves to {url, close}. With
 * `compressed`, it serves a file's precompressed `.br` or `.gz` copy when the
 * browser accepts it, as a static host configured by docs/hosting.md does.
 */
export async function serveDist({ compressed = false } = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (!path.startsWith(BASE)) {
      res.writeHead(404).end("outside the site");
      return;
    }
    const relative = normalize(path.slice(BASE.length) || "index.html");
    const file = join(DIST, relative.endsWith("/") ? `${relative}index.html` : relative);
    if (!file.startsWith(DIST)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const type = TYPES[extname(file)] ?? "application/octet-stream";
      const accepted = compressed ? String(req.headers["accept-encoding"] ?? "") : "";
      for (const [encoding, suffix] of [["br", ".br"], ["gzip", ".gz"]]) {
        if (!accepted.includes(encoding)) continue;
        const body = await readFile(file + suffix).catch(() => null);
        if (!body) continue;
        res.writeHead(200, { "content-type": type, "content-encoding": encoding, vary: "accept-encoding" });
        res.end(body);
        return;
      }
      const body = await readFile(file);
      // As a static host such as GitHub Pages does: a notebook imports widget.js from another origin.
      res.writeHead(200, { "content-type": type, "access-control-allow-origin": "*" });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${BASE}`,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

/** Collects every response body `page` receives, as {url, body}, into the array it returns. */
export function collectBodies(page) {
  const bodies = [];
  page.on("response", async (response) => {
    try {
      bodies.push({ url: response.url(), body: await response.body() });
    } catch { /* redirects have no body */ }
  });
  return bodies;
}

/** Launches headless Debian Chromium with the flags this machine needs. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
}

/**
 * Opens the site in a new page, collecting console errors, page errors,
 * the window's error events and every request, and waits until the app says it is ready. `init`, if
 * given, runs in the page before any of its scripts (playwright's
 * addInitScript). Other `options` (hasTouch, reducedMotion, colorScheme, …)
 * go to playwright's newPage.
 */
export async function openPage(browser, url, { viewport = { width: 1280, height: 900 }, init, ...options } = {}) {
  const page = await browser.newPage({ viewport, ...options });
  // An error event on the window (the page's failure panel shows it) is a problem too, even one
  // the browser raises without an exception (a ResizeObserver loop): logged so it is collected below.
  await page.addInitScript(() => window.addEventListener("error", (e) => console.error(`window error: ${e.message}`)));
  if (init) await page.addInitScript(init);
  const problems = [];
  const requests = [];
  page.on("console", (msg) => { if (msg.type() === "error") problems.push(`console: ${msg.text()}`); });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("request", (req) => requests.push(req.url()));
  await page.goto(url);
  await page.waitForSelector("html[data-ready=true]", { timeout: 15000 });
  return { page, problems, requests };
}

/**
 * Follows the page's link named `name` (an experiment or a race from the
 * notes, which sets the controls) and resolves once the page has applied it:
 * a listener added after the page's own runs after it.
 */
export async function followLink(page, name) {
  await page.evaluate(() => window.addEventListener("hashchange", () => {
    document.documentElement.dataset.linkApplied = "true";
  }, { once: true }));
  await page.getByRole("link", { name, exact: true }).click();
  await page.waitForSelector("html[data-link-applied=true]");
}

/** Starts the site's server and Chromium for one test file: resolves to {server, browser}. */
export async function startSite() {
  return { server: await serveDist(), browser: await launch() };
}

/** Closes what `startSite` started (either may be missing if starting failed). */
export async function stopSite({ server, browser }) {
  await browser?.close();
  await server?.close();
}

/** A fingerprint of a canvas's pixels (`target`: a selector on `page`, or a locator when `page` is null). */
export function pixelHash(page, target) {
  const hash = (canvas) => {
    const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    let h = 0;
    for (let i = 0; i < data.length; i += 4) h = (h * 31 + data[i] * 7 + data[i + 1] * 3 + data[i + 2]) >>> 0;
    return h;
  };
  return page ? page.$eval(target, hash) : target.evaluate(hash);
}

/** Where downloadFrom keeps what it saved, made on first use. */
let downloads;

/**
 * Clicks `button` on `page` and returns the download's suggested name, its
 * bytes and the path it was saved at (under that name, so a file chooser
 * can take it back).
 */
export async function downloadFrom(page, button) {
  downloads ??= await mkdtemp(join(tmpdir(), "nnplay-downloads-"));
  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  const path = join(downloads, download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), bytes: await readFile(path), path };
}
