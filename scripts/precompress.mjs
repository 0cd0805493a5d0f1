// Trunk post-build hook, last step (release builds): writes a Brotli (.br)
// and a gzip (.gz) copy beside every text and wasm asset of the staged site,
// for static hosts that serve precompressed files (nginx gzip_static and
// brotli_static, Caddy's precompressed, Netlify, Cloudflare Pages).
// docs/hosting.md gives the headers. Copies that would not be smaller are
// skipped. Run by post-build.mjs after csp-hashes.mjs, which edits index.html.
import { readdir, readFile, writeFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { stagedDir } from "./staging.mjs";

const dir = stagedDir("precompress", { releaseOnly: "no compressed copies" });

/** The kinds of file worth compressing (images such as PNG already are). */
const KINDS = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".svg", ".json", ".txt"]);

let files = 0;
for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !KINDS.has(extname(entry.name))) continue;
  const path = join(entry.parentPath ?? entry.path, entry.name);
  const body = await readFile(path);
  const brotli = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
  const gzip = gzipSync(body, { level: 9 });
  if (brotli.length < body.length) await writeFile(`${path}.br`, brotli);
  if (gzip.length < body.length) await writeFile(`${path}.gz`, gzip);
  files++;
}
console.log(`precompress: .br and .gz beside ${files} files`);
