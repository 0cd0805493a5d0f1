// Soak test of a long session: opens the built site in headless Chromium,
// trains for a long run and prints, every few seconds, the step reached, the
// JS heap, the wasm memory, the DOM's size and the longest gap between two
// animation frames (how responsive the page stayed). A bench, not a test: it
// measures and prints; read the columns for growth.
//
//   node scripts/soak.mjs                      # a link's steps=1000000 (repeated run calls), default network
//   node scripts/soak.mjs --play --minutes 10  # press Play and let it run for 10 minutes
//   options: --steps N (1 to 1000000), --link "layers=8:relu,8:relu&lr=0.01" (more keys for the run),
//            --every S (seconds between lines, default 10), --dist DIR (default dist/, or NNPLAY_DIST)
import { parseArgs } from "node:util";
import { launch, serveDist } from "../tests/e2e/harness.js";

const { values: args } = parseArgs({
  options: {
    steps: { type: "string", default: "1000000" },
    play: { type: "boolean", default: false },
    minutes: { type: "string", default: "10" },
    link: { type: "string", default: "" },
    every: { type: "string", default: "10" },
    dist: { type: "string" },
  },
});
if (args.dist) process.env.NNPLAY_DIST = args.dist;
const steps = Number(args.steps);
const minutes = Number(args.minutes);
const every = Number(args.every);
if (!(Number.isInteger(steps) && steps >= 1 && steps <= 1_000_000)) throw new Error(`--steps must be a whole number from 1 to 1000000, got ${args.steps}`);
if (!(minutes > 0) || !(every > 0)) throw new Error("--minutes and --every must be positive numbers of minutes and seconds");

const server = await serveDist();
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
// Keep the wasm instance's exports (Trunk's loader passes them in its start event) to read its memory.
await page.addInitScript(() => {
  addEventListener("TrunkApplicationStarted", (e) => { window.soakWasm = e.detail.wasm; });
  // The longest gap between two animation frames since the last sample.
  window.soakGap = 0;
  let last = performance.now();
  const frame = (now) => { window.soakGap = Math.max(window.soakGap, now - last); last = now; requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
});
const cdp = await page.context().newCDPSession(page);
await cdp.send("Performance.enable");
page.on("pageerror", (e) => console.error(`page error: ${e.message}`));

const keys = [args.link, args.play ? "" : `steps=${steps}`].filter(Boolean).join("&");
await page.goto(`${server.url}${keys ? `#${keys}` : ""}`);
await page.waitForSelector("html[data-ready=true]", { timeout: 30000 });
if (args.play) await page.getByRole("group", { name: "Training" }).getByRole("button", { name: "Play" }).click();

/** One line of figures. */
async function sample(started) {
  const { metrics } = await cdp.send("Performance.getMetrics");
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? NaN;
  const page_ = await page.evaluate(() => {
    const gap = window.soakGap;
    window.soakGap = 0;
    return {
      status: document.getElementById("train-status").textContent,
      wasm: window.soakWasm?.memory?.buffer.byteLength ?? NaN,
      gap,
    };
  });
  const step = /(\d+)/.exec(page_.status)?.[1] ?? "?";
  const mb = (bytes) => (bytes / 2 ** 20).toFixed(2).padStart(8);
  console.log([
    ((performance.now() - started) / 1000).toFixed(0).padStart(6),
    step.padStart(8),
    mb(metric("JSHeapUsedSize")),
    mb(metric("JSHeapTotalSize")),
    mb(page_.wasm),
    String(metric("Nodes")).padStart(6),
    page_.gap.toFixed(0).padStart(8),
  ].join(" "));
  return page_.status;
}

console.log(`soak: ${args.play ? `Play for ${minutes} min` : `a link's steps=${steps}`}${args.link ? ` with ${args.link}` : ""}`);
console.log("     s     step  JS heap MB  total MB  wasm MB  nodes  max frame gap ms");
const started = performance.now();
const deadline = started + minutes * 60_000;
for (;;) {
  const status = await sample(started);
  const done = args.play ? performance.now() >= deadline : status.startsWith(`Step ${steps} `);
  if (done || / diverged|too large/.test(status)) {
    if (!done) console.log(`stopped: ${status}`);
    break;
  }
  if (!args.play && performance.now() >= deadline) {
    console.log(`stopped after ${minutes} min at: ${status}`);
    break;
  }
  await new Promise((ok) => setTimeout(ok, every * 1000));
}
// A last look after a collection, so growth is not mistaken for garbage not yet collected.
await cdp.send("HeapProfiler.collectGarbage");
console.log("after garbage collection:");
await sample(started);
await browser.close();
await server.close();
