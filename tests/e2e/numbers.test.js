// Node tests of how the page writes a number in tight places and words
// (www/js/dom.js `short`): the same text, case by case, as the network
// drawing writes under its units (tests/pictures.rs reads the same table),
// so the stage's words and the drawing read alike.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";

// dom.js reads window.matchMedia as it loads; Node has no window.
globalThis.window ??= {};
const { short } = await import("../../www/js/dom.js");
const { networkWords } = await import("../../www/js/stages/stages.js");

/** The shared cases: [value, text]. */
const CASES = (await readFile(resolve(import.meta.dirname, "../common/short_numbers.txt"), "utf8"))
  .split("\n").filter((line) => line && !line.startsWith("#")).map((line) => {
    const [value, text] = line.split("\t");
    return [Number(value), text];
  });

test("short writes every shared case as the drawing does", () => {
  assert.ok(CASES.length >= 20, `${CASES.length} cases`);
  for (const [value, text] of CASES) assert.equal(short(value), text, `${value}`);
});

test("the stage's words write a unit's negative value as the drawing does: −0.42, not -0.42", () => {
  const words = networkWords({
    stage: "Forward", example: 0, point: 4, rows: 10, link_name: null, links: [],
    columns: [{ name: "x", values: [0.5, -1] }, { name: "a1", values: [-0.4219, 0.000321, -0.125] }, { name: "y_hat", values: [0.3, 0.7] }],
  });
  assert.equal(words, "Forward, example 1 of 10 (training point 5): inputs: x = 0.5, −1; layer 1: a1 = −0.42, 3.2e−4, −0.13; output: ŷ = 0.3, 0.7.");
  assert.doesNotMatch(words, /-/, "no ASCII hyphen-minus");
});
