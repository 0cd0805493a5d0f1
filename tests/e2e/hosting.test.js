// Browser tests of the built site as a static host serves it: the release
// build ships a Brotli and a gzip copy beside each asset (docs/hosting.md),
// each decompressing to exactly the file beside it, and the page starts when
// a host serves those copies with Content-Encoding.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { extname, join, resolve } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { launch, openPage, serveDist } from "./harness.js";

const DIST = resolve(process.env.NNPLAY_DIST ?? resolve(import.meta.dirname, "../../dist"));

test("every text and wasm asset of dist/ has .br and .gz copies that decompress to it", async () => {
  const entries = await readdir(DIST, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && [".html", ".js", ".css", ".wasm", ".svg"].includes(extname(e.name)))
    .map((e) => join(e.parentPath ?? e.path, e.name));
  assert.ok(files.some((f) => f.endsWith(".wasm")), "the build has a wasm module");
  assert.ok(files.some((f) => f.endsWith("index.html")), "the build has index.html");
  for (const file of files) {
    const body = await readFile(file);
    const brotli = await readFile(`${file}.br`).catch(() => null);
    const gzip = await readFile(`${file}.gz`).catch(() => null);
    // A copy may be skipped only when it would not be smaller (a tiny file).
    if (body.length > 1024) {
      assert.ok(brotli, `${file}.br exists`);
      assert.ok(gzip, `${file}.gz exists`);
    }
    if (brotli) {
      assert.ok(brotli.length < body.length, `${file}.br is smaller than the file`);
      assert.ok(brotliDecompressSync(brotli).equals(body), `${file}.br decompresses to ${file}`);
    }
    if (gzip) assert.ok(gunzipSync(gzip).equals(body), `${file}.gz decompresses to ${file}`);
  }
});

let server;
let browser;
before(async () => {
  server = await serveDist({ compressed: true });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("the page starts and draws when the host serves the Brotli copies", async () => {
  const context = await browser.newContext();
  const encodings = new Map();
  context.on("response", (r) => encodings.set(new URL(r.url()).pathname.split("/").pop(), r.headers()["content-encoding"]));
  const { page, problems } = await openPage(context, server.url);
  const wasm = [...encodings].find(([name]) => name.endsWith(".wasm"));
  assert.ok(wasm, "the module was fetched");
  assert.equal(wasm[1], "br", "the module came as its .br copy");
  assert.equal(encodings.get(""), "br", "index.html came as its .br copy");
  assert.ok(await page.locator("#curve-canvas, canvas").first().isVisible());
  assert.equal(await page.evaluate(() => typeof window.nnplay.activate("tanh", new Float64Array([0.5]))[0]), "number");
  assert.deepEqual(problems, []);
  await context.close();
});
