// Embed churn: a host page opens an embed in an iframe, waits until it is
// ready, lets it run, removes it, and does so COUNT times; every STEP embeds
// it collects garbage and samples the renderer's memory (the resident and
// proportional set of Chromium's renderer processes, read from /proc), the
// JS heap (CDP Performance.getMetrics) and the documents, nodes and event
// listeners alive (CDP Memory.getDOMCounters). A bench, not a test: it prints
// what grows per embed.
//
// To tell growth of ours from the browser's, the same churn runs with three
// kinds of iframe, each in a fresh browser: the embed itself; a page that
// only loads the wasm module through its glue (no page script of ours); and
// a blank page.
//
//   node scripts/embed-churn.mjs                 # 50 embeds of #embed=train, then the two controls
//   options: --count N (default 50), --step N (default 10), --hash "#embed=race",
//            --only embed|wasm|blank, --dist DIR (default dist/, or NNPLAY_DIST)
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: {
    count: { type: "string", default: "50" },
    step: { type: "string", default: "10" },
    hash: { type: "string", default: "#embed=train" },
    only: { type: "string" },
    dist: { type: "string" },
    hold: { type: "string", default: "1500" },
  },
});
if (args.dist) process.env.NNPLAY_DIST = args.dist;
const { launch, serveDist } = await import("../tests/e2e/harness.js");
const count = Number(args.count);
const step = Number(args.step);
const hold = Number(args.hold);
if (!(Number.isInteger(count) && count > 0 && Number.isInteger(step) && step > 0)) {
  throw new Error(`--count and --step must be positive whole numbers, got ${args.count} and ${args.step}`);
}

const dist = resolve(process.env.NNPLAY_DIST ?? resolve(import.meta.dirname, "../dist"));
const glue = readdirSync(dist).find((f) => /^nnplay-.*\.js$/.test(f) && !f.endsWith(".gz") && !f.endsWith(".br"));
// Trunk gives the module a hashed name, so the glue is told where it is (its default is nnplay_bg.wasm).
const wasm = readdirSync(dist).find((f) => /^nnplay-.*_bg\.wasm$/.test(f));
if (!glue || !wasm) throw new Error(`no nnplay-*.js glue and nnplay-*_bg.wasm in ${dist}; build the site first`);

/** The iframe pages besides the embed, served by the test routes on the site's own origin. */
const PAGES = {
  "churn-host.html": "<!doctype html><html lang=en><title>host</title><body></body></html>",
  "churn-blank.html": "<!doctype html><html lang=en><title>blank</title><body><p>blank</p><script>document.documentElement.dataset.ready = 'true'</script></body></html>",
  "churn-wasm.html": `<!doctype html><html lang=en><title>wasm only</title><body><script type=module>
    import init from "./${glue}";
    await init({ module_or_path: "./${wasm}" });
    document.documentElement.dataset.ready = "true";
  </script></body></html>`,
};
const KINDS = {
  embed: (url) => `${url}${args.hash}`,
  wasm: (url) => `${url}churn-wasm.html`,
  blank: (url) => `${url}churn-blank.html`,
};

/** Resident and proportional set of every renderer process, in MB. */
async function rendererMemory(browserCdp) {
  const { processInfo } = await browserCdp.send("SystemInfo.getProcessInfo");
  let rss = 0;
  let pss = 0;
  for (const { id, type } of processInfo) {
    if (type !== "renderer") continue;
    try {
      const rollup = readFileSync(`/proc/${id}/smaps_rollup`, "utf8");
      const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(rollup)?.[1] ?? 0);
      rss += kb("Rss");
      pss += kb("Pss");
    } catch { /* the process ended */ }
  }
  return { rss: rss / 1024, pss: pss / 1024 };
}

async function churn(kind) {
  const server = await serveDist();
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.route(/churn-[a-z]+\.html$/, (route) => {
      const name = new URL(route.request().url()).pathname.split("/").at(-1);
      route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: PAGES[name] });
    });
    const cdp = await page.context().newCDPSession(page);
    const browserCdp = await browser.newBrowserCDPSession();
    await cdp.send("Performance.enable");
    await page.goto(`${server.url}churn-host.html`);
    const sample = async (n) => {
      await cdp.send("HeapProfiler.collectGarbage");
      await page.waitForTimeout(300);
      await cdp.send("HeapProfiler.collectGarbage");
      const { metrics } = await cdp.send("Performance.getMetrics");
      const metric = (name) => metrics.find((m) => m.name === name)?.value ?? NaN;
      const dom = await cdp.send("Memory.getDOMCounters");
      const memory = await rendererMemory(browserCdp);
      return { n, ...memory, heap: metric("JSHeapUsedSize") / 2 ** 20, documents: dom.documents, nodes: dom.nodes, listeners: dom.jsEventListeners };
    };
    const rows = [await sample(0)];
    const src = KINDS[kind](server.url);
    for (let n = 1; n <= count; n++) {
      await page.evaluate((src) => {
        const frame = document.createElement("iframe");
        frame.src = src;
        frame.width = "800";
        frame.height = "700";
        frame.title = "embed";
        document.body.append(frame);
      }, src);
      // The handle is let go of before the frame is removed: a live ElementHandle keeps its node
      // (and what hangs on it) alive, which would count as the embed's growth.
      const handle = await page.waitForSelector("iframe");
      const frame = await handle.contentFrame();
      await handle.dispose();
      await frame.waitForSelector("html[data-ready=true]", { state: "attached", timeout: 30000 });
      await page.waitForTimeout(hold);
      await page.evaluate(() => document.querySelector("iframe").remove());
      if (n % step === 0) rows.push(await sample(n));
    }
    return rows;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The least-squares slope of `y` over `n`, per embed. */
function slope(rows, key) {
  const xs = rows.map((r) => r.n);
  const ys = rows.map((r) => r[key]);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const num = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0);
  const den = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  return num / den;
}

const kinds = args.only ? [args.only] : Object.keys(KINDS);
for (const kind of kinds) {
  if (!KINDS[kind]) throw new Error(`--only accepts embed, wasm or blank, got ${kind}`);
  const rows = await churn(kind);
  const what = kind === "embed" ? `${args.hash} embeds` : kind === "wasm" ? "iframes that only load the wasm module" : "blank iframes";
  console.log(`\n${count} ${what}, opened, held ${hold} ms and removed; after garbage collection every ${step}:`);
  console.log("| embeds | renderer RSS MB | renderer PSS MB | JS heap MB | documents | nodes | listeners |");
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  for (const r of rows) {
    console.log(`| ${r.n} | ${r.rss.toFixed(1)} | ${r.pss.toFixed(1)} | ${r.heap.toFixed(2)} | ${r.documents} | ${r.nodes} | ${r.listeners} |`);
  }
  // The first sample is before any embed loaded its code: the slope is taken from the first embed sample on.
  const later = rows.slice(1);
  console.log(`growth per embed (from ${later[0].n} on): RSS ${(slope(later, "rss") * 1024).toFixed(0)} kB, PSS ${(slope(later, "pss") * 1024).toFixed(0)} kB, JS heap ${(slope(later, "heap") * 1024).toFixed(0)} kB`);
}
