// Every JavaScript example in README.md and docs/*.md runs verbatim in the
// page, against window.nnplay: none throws, every `catch` in it is reached,
// and each `console.log(…);  // value` prints what its comment says (the
// comment's "…" stands for any text; words after a printed value, such as
// "true: the same network", explain it). A comment that is prose ("three
// probabilities summing to 1") is read, not compared.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { openPage, startSite, stopSite } from "./harness.js";

let server;
let browser;
before(async () => ({ server, browser } = await startSite()));
after(() => stopSite({ server, browser }));

const ROOT = resolve(import.meta.dirname, "../..");
const FILES = ["README.md", ...readdirSync(resolve(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];

/** Each ```js block of `file`: {file, line, code}. */
function blocks(file) {
  const lines = readFileSync(resolve(ROOT, file), "utf8").split("\n");
  const found = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(js|javascript)\s*$/.test(lines[i])) continue;
    const start = i + 1;
    while (++i < lines.length && !/^```/.test(lines[i]));
    found.push({ file, line: start + 1, code: lines.slice(start, i).join("\n") });
  }
  return found;
}

/** The block with each `console.log(…)` numbered, so its output can be found again. */
function instrument(code) {
  const checks = [];
  const lines = code.split("\n").map((line, n) => {
    const m = /^(\s*)console\.log\((.*)\);\s*(?:\/\/\s*(.*))?$/.exec(line);
    if (!m) return line;
    checks.push({ id: checks.length, line: n, expected: m[3] ?? null, inCatch: /\be\.message\b/.test(m[2]) });
    return `${m[1]}__log(${checks.length - 1}, ${m[2]});`;
  });
  return { code: lines.join("\n"), checks };
}

/**
 * Whether the printed `shown` is what `expected` says: all of it ("…" stands
 * for any text), or its start followed by an explanation (": …" or " …").
 */
function agrees(shown, expected) {
  const norm = (s) => s.replace(/\\"/g, '"').replace(/'/g, '"').replace(/\s+/g, " ").trim();
  const [got, want] = [norm(shown), norm(expected)];
  const pattern = want.split("…").map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("[^]*?");
  if (new RegExp(`^${pattern}$`).test(got)) return true;
  return want.startsWith(got) && /^[: ]/.test(want.slice(got.length));
}

describe("the docs' examples", () => {
  const all = FILES.flatMap(blocks).filter((b) => b.code.includes("nnplay"));

  test("there are examples to run: the API reference's blocks among them", () => {
    assert.ok(all.filter((b) => b.file === "docs/js-api.md").length >= 10, `${all.length} blocks`);
  });

  test("each runs verbatim and prints what its comments say", async () => {
    const { page, problems } = await openPage(browser, server.url);
    for (const block of all) {
      const where = `${block.file}:${block.line}`;
      const { code, checks } = instrument(block.code);
      const printed = await page.evaluate(async (source) => {
        const out = {};
        const show = (v, top) => {
          if (typeof v === "string") return top ? v : JSON.stringify(v);
          if (v === null || typeof v !== "object") return String(v);
          if (ArrayBuffer.isView(v)) return `${v.constructor.name} [${Array.from(v).join(", ")}]`;
          if (Array.isArray(v)) return `[${v.map((x) => show(x, false)).join(", ")}]`;
          return `{${Object.entries(v).map(([k, x]) => `${k}: ${show(x, false)}`).join(", ")}}`;
        };
        const __log = (id, ...values) => { out[id] = values.map((v) => show(v, true)).join(" "); };
        try {
          await new Function("__log", `return (async () => {\n${source}\n})();`)(__log);
        } catch (e) {
          return { out, error: `${e.message}` };
        }
        return { out, error: null };
      }, code);
      assert.equal(printed.error, null, `${where} threw`);
      for (const check of checks) {
        const shown = printed.out[check.id];
        assert.notEqual(shown, undefined, `${where}: line ${check.line + 1} never ran${check.inCatch ? " (nothing was thrown)" : ""}`);
        if (check.expected === null) continue;
        // Prose comments are read, not compared: a value's comment starts as its printout does.
        if (!check.inCatch && shown[0] !== check.expected[0]) continue;
        assert.ok(agrees(shown, check.expected), `${where}: line ${check.line + 1} printed\n  ${shown}\nbut its comment says\n  ${check.expected}`);
      }
    }
    assert.deepEqual(problems, []);
    await page.close();
  });
});
