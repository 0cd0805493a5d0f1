// The settings catalogue, read from Rust (settings()) once at start: every
// control marked data-setting="key" (or "key.part" for a part of a
// structured key, e.g. "maxout.w") takes its range, step, menu and default
// from it, so the page keeps no copy of them.
import { fillSelect } from "./dom.js";

/** How far inside an open end (0 ≤ μ < 1) a number input's bound is set. */
const OPEN_END = 1e-6;
/** The catalogue by link key, once `loadSettings` has run. */
const catalogue = new Map();

/** The setting of link key `key` (optionally `key.part`): {key, label, kind, min, max, …}. */
export function setting(name) {
  const [key, part] = name.split(".");
  const entry = catalogue.get(key);
  if (!entry) throw new Error(`no setting ${key}`);
  if (!part) return entry;
  const found = entry.parts.find((p) => p.name === part);
  if (!found) throw new Error(`no part ${part} of setting ${key}`);
  return found;
}

/** Reads the catalogue from `api` and fills every control marked with data-setting. */
export function loadSettings(api) {
  for (const entry of api.settings()) catalogue.set(entry.key, entry);
  for (const control of document.querySelectorAll("[data-setting]")) fillControl(control, setting(control.dataset.setting));
}

/** A number input's bounds: the setting's, or just inside an open end. */
function bounds(s) {
  return { min: s.min_open ? s.min + OPEN_END : s.min, max: s.max_open ? s.max - OPEN_END : s.max };
}

/** Gives `control` the setting's menu, or its range, step and default. */
function fillControl(control, s) {
  if (control.tagName === "SELECT") {
    const options = s.kind === "choice" ? s.choices.map((c) => [c.name, c.label]) : s.presets.map((x) => [x, String(x)]);
    fillSelect(control, options, s.default);
    return;
  }
  const { min, max } = bounds(s);
  control.min = String(min);
  control.max = String(max);
  control.step = s.step === null ? "any" : String(s.step);
  // The value is set again once the range allows it (a range input first
  // rounds its value attribute to the default 0 to 100 in steps of 1).
  const value = s.default || control.defaultValue;
  if (value) control.value = value;
}
