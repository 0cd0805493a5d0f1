// Trunk post-build hook: allows exactly the inline scripts Trunk wrote into
// the staged index.html (its wasm loader) by putting their sha256 hashes in
// the page's Content-Security-Policy, in place of the placeholder, and writes
// that policy as a header line to csp-header.txt. Fails the
// build if the placeholder is missing or the page has inline styles.
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { stagedDir } from "./staging.mjs";

const PLACEHOLDER = "{{inline-script-hashes}}";
const dir = stagedDir("csp-hashes");
const file = join(dir, "index.html");
const html = await readFile(file, "utf8");

/** 'sha256-…' of every <script> without a src, hashed as the browser hashes it: its text as written. */
const hashes = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
  .filter(([, attributes]) => !/\bsrc\s*=/i.test(attributes))
  .map(([, , text]) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`);

const places = html.split(PLACEHOLDER).length - 1;
if (places !== 1) {
  console.error(`csp-hashes: ${file} must hold ${PLACEHOLDER} once in its Content-Security-Policy, found ${places}`);
  process.exit(1);
}
if (/<style\b|\sstyle\s*=/i.test(html)) {
  console.error(`csp-hashes: ${file} has an inline style, which the policy (style-src 'self') blocks`);
  process.exit(1);
}
const written = html.replace(PLACEHOLDER, hashes.join(" "));
await writeFile(file, written);
// The same policy as an HTTP header line, for hosts that send their own
// (docs/security.md): a stricter header without the loader's hash stops the page.
const meta = written.match(/<meta\b[^>]*Content-Security-Policy[^>]*>/i);
const policy = meta && meta[0].match(/\bcontent=("([^"]*)"|'([^']*)')/i);
if (!policy) {
  console.error(`csp-hashes: no Content-Security-Policy meta element in ${file}`);
  process.exit(1);
}
await writeFile(join(dir, "csp-header.txt"), `Content-Security-Policy: ${policy[2] ?? policy[3]}\n`);
console.log(`csp-hashes: allowed ${hashes.length} inline script(s) by sha256`);
