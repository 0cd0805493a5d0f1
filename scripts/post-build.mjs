// Trunk post-build hook: runs the staging steps one after the other (Trunk
// starts the hooks of one stage together, and these two edit the same file).
await import("./bundle-js.mjs");
await import("./csp-hashes.mjs");
