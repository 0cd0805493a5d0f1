// Trunk post-build hook (release builds): bundles the page's JavaScript —
// app.js and the www/js/ modules it imports — into one minified file, and
// minifies wasm-bindgen's glue, so the page makes fewer, smaller requests.
// Rewrites the integrity hashes in the staged index.html to match. Run by
// post-build.mjs before csp-hashes.mjs. Debug builds are left as written.
// (Trunk's minifier may leave attributes unquoted; the patterns allow both.)
import { createHash } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { build, transform } from "esbuild";
import { stagedDir } from "./staging.mjs";

const dir = stagedDir("bundle-js", { releaseOnly: "scripts left as written" });
const page = join(dir, "index.html");
let html = await readFile(page, "utf8");

/** The `src`/`href` of the first tag matching `pattern`, which must exist. */
function reference(pattern, what) {
  const match = html.match(pattern);
  if (!match) {
    console.error(`bundle-js: no ${what} in ${page}`);
    process.exit(1);
  }
  return match[1];
}

/** Replaces the integrity attribute of the tag that references `file`. */
function updateIntegrity(file, code) {
  const digest = `sha384-${createHash("sha384").update(code).digest("base64")}`;
  const name = file.replace(/[.]/g, "\\.");
  const tag = new RegExp(`<[^>]*\\./${name}[^>]*>`);
  const found = html.match(tag);
  if (!found || !/integrity=/.test(found[0])) {
    console.error(`bundle-js: no integrity attribute for ${file}`);
    process.exit(1);
  }
  const updated = found[0].replace(/integrity=("[^"]*"|'[^']*'|[^\s>]+)/, `integrity="${digest}"`);
  html = html.replace(found[0], updated);
}

const app = reference(/<script[^>]*src=["']?\.\/(app-[^"'\s>]+\.js)/, "app script");
const bundled = await build({
  entryPoints: [join(dir, app)],
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2020",
  write: false,
  logLevel: "error",
});
const appCode = bundled.outputFiles[0].contents;
await writeFile(join(dir, app), appCode);
updateIntegrity(app, appCode);
await rm(join(dir, "js"), { recursive: true, force: true });

const glue = reference(/<link(?=[^>]*rel=["']?modulepreload)[^>]*href=["']?\.\/([^"'\s>]+\.js)/, "wasm-bindgen glue");
const glueSource = await readFile(join(dir, glue), "utf8");
const glueCode = (await transform(glueSource, { minify: true, format: "esm", target: "es2020" })).code;
await writeFile(join(dir, glue), glueCode);
updateIntegrity(glue, glueCode);

await writeFile(page, html);
console.log(`bundle-js: ${app} ${appCode.length} bytes, ${glue} ${glueCode.length} bytes`);
