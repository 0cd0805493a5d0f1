// Browser tests of the settings catalogue: each control the catalogue names
// (found by its accessible name) has the catalogue's range, step, menu and
// default, and a teacher's link keys are kept in the links the page writes.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { openPage, startSite, stopSite } from "./harness.js";

let server;
let browser;
before(async () => ({ server, browser } = await startSite()));
after(() => stopSite({ server, browser }));

/** What a control holds: its min, max, step and value, or its options. */
const shape = (el) => el.tagName === "SELECT"
  ? { options: [...el.options].map((o) => [o.value, o.textContent]), value: el.value }
  : { type: el.type, min: el.min, max: el.max, step: el.step, value: el.value, checked: el.checked };

/** What the catalogue says the control must hold (number inputs stay 1e-6 inside an open end). */
function expected(s) {
  if (s.kind === "choice") return { options: s.choices.map((c) => [c.name, c.label]), value: s.default };
  if (s.kind === "number" && s.presets.length > 0) return { options: s.presets.map((x) => [String(x), String(x)]), value: s.default };
  if (s.kind === "flag") return { checked: s.default === "1" };
  const min = s.min_open ? s.min + 1e-6 : s.min;
  const max = s.max_open ? s.max - 1e-6 : s.max;
  return { min: String(min), max: String(max), step: s.step === null ? "any" : String(s.step), value: s.default };
}

describe("settings catalogue", () => {
  test("every labelled setting's control has the catalogue's range, step, menu and default", async () => {
    const { page, problems } = await openPage(browser, server.url);
    const settings = await page.evaluate(() => window.nnplay.settings());
    const labelled = settings.filter((s) => s.label && s.kind !== "text");
    assert.ok(labelled.length >= 29, `${labelled.length} labelled settings`);
    // Menus the page extends beyond the catalogue: the dataset menu adds drawn data itself,
    // the Activation menu adds "Mixed"; both are checked to start with the catalogue's choices.
    const extended = { data: 0, activation: 1 };
    for (const s of labelled) {
      const control = page.getByLabel(s.label, { exact: true });
      assert.equal(await control.count(), 1, `one control named ${s.label}`);
      const got = await control.evaluate(shape);
      const want = expected(s);
      // The embed menu starts its labels with a capital: "Activation functions".
      if (s.key === "embed") want.options = want.options.map(([n, l]) => [n, l[0].toUpperCase() + l.slice(1)]);
      if (s.key in extended && got.options) {
        const extra = got.options.length - want.options.length;
        assert.ok(extra <= 1, `${s.key}: ${JSON.stringify(got.options)}`);
        if (s.key === "data") want.options = want.options.filter(([name]) => name !== "custom");
        got.options = got.options.filter(([name]) => want.options.some(([w]) => w === name));
      }
      if (!s.default) delete want.value; // a shorthand (activation) or a key without a default (embed)
      for (const [field, value] of Object.entries(want)) {
        assert.deepEqual(got[field], value, `${s.key} (${s.label}): ${field}`);
      }
    }
    const maxout = await page.getByLabel("Maxout w1", { exact: true }).evaluate(shape);
    const w = settings.find((s) => s.key === "maxout").parts.find((p) => p.name === "w");
    assert.deepEqual([maxout.min, maxout.max, maxout.step], [String(w.min), String(w.max), String(w.step)]);
    assert.ok(await page.getByRole("group", { name: "Panels" }).count() >= 1);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("a teacher's keys stay in the link the page writes", async () => {
    const { page, problems } = await openPage(browser, `${server.url}#hide=lr,noise&lock=data&compact=1&autoplay=1&fit=1&seed=3`);
    const state = await page.evaluate(() => window.nnplay.read_link(location.hash).state);
    assert.deepEqual([state.hide, state.lock, state.compact, state.autoplay, state.fit], [["noise", "lr"], ["data"], true, true, true]);
    await page.locator("summary", { hasText: "Seed and display" }).click();
    await page.getByLabel("Seed", { exact: true }).fill("4");
    await page.getByLabel("Seed", { exact: true }).dispatchEvent("change");
    // autoplay=1 plays the new run too, and the link is written once it pauses.
    await page.getByRole("group", { name: "Training" }).getByRole("button", { name: "Pause" }).click();
    await page.waitForFunction(() => location.hash.includes("seed=4"));
    const hash = await page.evaluate(() => location.hash);
    assert.match(hash, /hide=noise,lr&lock=data&compact=1&autoplay=1&fit=1/);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
