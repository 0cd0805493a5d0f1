// Trunk post-build hook: runs the staging steps one after the other, each as
// its own process (Trunk starts the hooks of one stage together, and these
// edit the same files; a step that has nothing to do exits without stopping
// the ones after it): bundle and minify the JavaScript (release builds),
// build the explorer-first module and the loader that picks a module
// (release builds), allow the inline loader in the CSP by its hash, and last write
// precompressed copies of every asset (release builds).
import { execFileSync } from "node:child_process";
import { join } from "node:path";

for (const step of ["bundle-js.mjs", "first-module.mjs", "csp-hashes.mjs", "precompress.mjs"]) {
  execFileSync(process.execPath, [join(import.meta.dirname, step)], { stdio: "inherit" });
}
