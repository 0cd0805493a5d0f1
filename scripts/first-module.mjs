// Trunk post-build hook (release builds), after bundle-js.mjs: builds the
// explorer-first module and gives the page a loader that picks a module.
//
// The explorer-first module is the same crate built without its `full`
// feature (the activations, the explorer, softmax and the first view's
// settings: docs/performance.md, "The transfer budget"), about a quarter of
// the full module's bytes. The page and the explorer's and softmax's embeds
// draw their first curve with it and fetch the full module afterwards
// (www/app.js); every other embed loads the full module at once.
//
// Trunk's own loader (an inline module script that instantiates the full
// module, and its preloads) is replaced by a classic inline script that
// starts fetching the chosen module while the page is parsed:
// - `window.nnplayFirst` and the event `nnplay:first`: the first module, when
//   the page starts with it;
// - `window.nnplayFull()`: starts loading the full module (once) and returns
//   a promise of it;
// - `window.wasmBindings` and the event `TrunkApplicationStarted` (with
//   `detail.wasm`, the module's exports): the full module, as Trunk's loader
//   sets them (debug builds keep Trunk's loader: the full module only).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { transform } from "esbuild";
import { stagedDir } from "./staging.mjs";

const dir = stagedDir("first-module", { releaseOnly: "the page loads the full module only" });
const root = join(import.meta.dirname, "..");
const page = join(dir, "index.html");
let html = await readFile(page, "utf8");

/** Fails the build with `message`. */
function fail(message) {
  console.error(`first-module: ${message}`);
  process.exit(1);
}

const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"] });

// Debian's binaryen 108 writes a broken module: use the pinned one (Trunkfile.toml, npm binaryen).
const version = execFileSync("wasm-opt", ["--version"], { encoding: "utf8" });
if (!/version 132\b/.test(version)) fail(`wasm-opt is "${version.trim()}"; put npm's binaryen 132 first on PATH (source scripts/env.sh)`);

// Its own target directory: the full build's artifact (the same crate, other features) stays as Trunk left it.
const target = join(root, "target", "first");
run("cargo", ["build", "--release", "--locked", "--lib", "--target", "wasm32-unknown-unknown", "--no-default-features", "--target-dir", target]);
const out = await mkdtemp(join(tmpdir(), "nnplay-first-"));
try {
  run("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", out, "--out-name", "nnplay-first", join(target, "wasm32-unknown-unknown", "release", "nnplay.wasm")]);
  // The same passes as Trunk's for the full module (index.html: data-wasm-opt="3").
  run("wasm-opt", ["-O3", join(out, "nnplay-first_bg.wasm"), "-o", join(out, "optimized.wasm")]);
  const wasm = await readFile(join(out, "optimized.wasm"));
  const glueSource = await readFile(join(out, "nnplay-first.js"), "utf8");
  const glue = (await transform(glueSource, { minify: true, format: "esm", target: "es2020" })).code;
  const hash = createHash("sha256").update(wasm).update(glue).digest("hex").slice(0, 16);
  const firstGlue = `nnplay-first-${hash}.js`;
  const firstWasm = `nnplay-first-${hash}_bg.wasm`;
  await writeFile(join(dir, firstGlue), glue);
  await writeFile(join(dir, firstWasm), wasm);

  // Trunk's loader names the full module's files.
  const loader = html.match(/<script type=["']?module["']?>\s*import init, \* as bindings from '\.\/([^']+\.js)';[\s\S]*?module_or_path: '\.\/([^']+\.wasm)'[\s\S]*?<\/script>/);
  if (!loader) fail(`no Trunk loader in ${page}`);
  const [, fullGlue, fullWasm] = loader;
  const preloads = [...html.matchAll(/<link\b[^>]*\brel=["']?(?:modulepreload|preload)\b[^>]*>/g)].map((m) => m[0]);
  if (preloads.length !== 2 || !preloads.every((tag) => tag.includes(fullGlue.replace(/\.js$/, "")))) {
    fail(`expected Trunk's two preloads of ${fullGlue} and its wasm, found ${preloads.length}`);
  }
  for (const tag of preloads) html = html.replace(tag, "");
  // embed-first.js, which runs before this, has marked an embed's panel on <html>.
  const script = `(() => {
const load = (glue, wasm) => {
  const link = document.createElement("link");
  Object.assign(link, { rel: "preload", as: "fetch", crossOrigin: "anonymous", href: wasm });
  document.head.append(link);
  return import(glue).then(async (bindings) => ({ bindings, wasm: await bindings.default({ module_or_path: wasm }) }));
};
let full;
window.nnplayFull = () => (full ??= load("./${fullGlue}", "./${fullWasm}").then(({ bindings, wasm }) => {
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
  return bindings;
}));
const embed = document.documentElement.dataset.embed;
if (embed && embed !== "curves" && embed !== "softmax") window.nnplayFull();
else load("./${firstGlue}", "./${firstWasm}").then(({ bindings }) => {
  window.nnplayFirst = bindings;
  dispatchEvent(new CustomEvent("nnplay:first"));
});
})();`;
  const minified = (await transform(script, { minify: true, target: "es2020" })).code.trim();
  html = html.replace(loader[0], `<script>${minified}</script>`);
  const embedFirst = html.indexOf("embed-first.js");
  if (embedFirst < 0 || embedFirst > html.indexOf(minified)) fail("the loader must follow embed-first.js");
  await writeFile(page, html);
  console.log(`first-module: ${firstWasm} ${wasm.length} bytes, ${firstGlue} ${glue.length} bytes`);
} finally {
  await rm(out, { recursive: true, force: true });
}
