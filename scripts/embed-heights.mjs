// Measures each panel's embedded height at frame widths from 320 to 1200 px,
// in its usual and its compact layout, and writes the table into
// www/embed.js, which sizes a <nn-play> element from it before its frame has
// loaded. Run after a build whenever a panel's layout changes:
//   trunk --config Trunkfile.toml build --release && node scripts/embed-heights.mjs
// (tests/e2e/embed.test.js fails while the table is out of date).
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { launch, serveDist } from "../tests/e2e/harness.js";

/** The panels, the frame widths measured, and the layouts. */
export const PANELS = ["curves", "softmax", "train", "stages", "race"];
// Either side of each of the page's breakpoints (420, 760, 900 and 1100 px), where the layout jumps.
export const WIDTHS = [320, 420, 421, 560, 760, 761, 900, 901, 1040, 1099, 1100, 1200];
export const LAYOUTS = [{ name: "", keys: "" }, { name: ":compact", keys: "&compact=1" }];

/**
 * The heights of `panel` in frames of each of `widths` on a page of
 * `browser`, with extra link `keys`: each frame follows its own height
 * reports until they have been still for a second, as <nn-play> does.
 */
export async function measure(browser, siteUrl, panel, keys, widths = WIDTHS) {
  // Side by side, each frame on screen: Chromium pauses the rendering of cross-origin frames off screen.
  const page = await browser.newPage({ viewport: { width: widths.reduce((a, b) => a + b, 0), height: 900 } });
  await page.setContent("<!doctype html><body style='margin:0; display: flex; align-items: flex-start'></body>");
  const heights = await page.evaluate(async ({ src, widths }) => {
    const frames = widths.map((width) => {
      const frame = document.createElement("iframe");
      Object.assign(frame.style, { display: "block", flex: "none", width: `${width}px`, height: "400px", border: "0" });
      frame.src = src;
      document.body.append(frame);
      return frame;
    });
    const last = frames.map(() => 0);
    let changed = performance.now();
    addEventListener("message", (e) => {
      const i = frames.findIndex((f) => f.contentWindow === e.source);
      if (i < 0 || e.data?.type !== "nnplay:height") return;
      frames[i].style.height = `${e.data.height}px`;
      last[i] = e.data.height;
      changed = performance.now();
    });
    while (last.some((h) => h === 0) || performance.now() - changed < 1000) await new Promise((ok) => setTimeout(ok, 100));
    return last;
  }, { src: `${siteUrl}#embed=${panel}${keys}`, widths });
  await page.close();
  return widths.map((w, i) => [w, heights[i]]);
}

/** The table's source text, one panel and layout a line. */
function source(table) {
  const lines = Object.entries(table).map(([name, rows]) => `    ${JSON.stringify(name)}: ${JSON.stringify(rows)},`);
  return `  const HEIGHTS = {\n${lines.join("\n")}\n  };\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await serveDist();
  const browser = await launch();
  try {
    const table = {};
    for (const panel of PANELS) {
      for (const layout of LAYOUTS) table[`${panel}${layout.name}`] = await measure(browser, server.url, panel, layout.keys);
    }
    const file = join(import.meta.dirname, "../www/embed.js");
    const text = await readFile(file, "utf8");
    const updated = text.replace(/(\/\/ heights:begin\n)[\s\S]*?(\s*\/\/ heights:end)/, (_, begin, end) => begin + source(table).trimEnd() + end);
    await writeFile(file, updated);
    console.log(source(table));
  } finally {
    await browser.close();
    await server.close();
  }
}
