// The settings catalogue, read from Rust (settings()) once at start: every
// control marked data-setting="key" (or "key.part" for a part of a
// structured key, e.g. "maxout.w") takes its range, step, menu and default
// from it, so the page keeps no copy of them. A panel's link keys come from
// the same marks: `settingKeys` reads the marked controls inside the panel's
// root and `applySettings` sets them from a link's state, so a new control
// with its mark needs no code of its own to travel in links.
import { chooseNumber, fillSelect } from "./dom.js";

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

/** Every setting of the catalogue, in its order: [{key, label, …}]. */
export function allSettings() {
  return [...catalogue.values()];
}

/** The controls already filled: a control keeps what its reader chose when a later module's catalogue arrives. */
const filled = new WeakSet();

/**
 * Reads the catalogue from `api` and fills every control marked with
 * data-setting that is not filled yet. The explorer-first module's catalogue
 * holds only the first view's settings, so its controls are filled first and
 * the rest once the full module's arrives; with the full module's, a control
 * whose key it lacks is an error.
 */
export function loadSettings(api) {
  const keys = new Set();
  for (const entry of api.settings()) {
    catalogue.set(entry.key, entry);
    keys.add(entry.key);
  }
  const partial = !api.Playground;
  for (const control of document.querySelectorAll("[data-setting]")) {
    if (filled.has(control) || (partial && !keys.has(control.dataset.setting.split(".")[0]))) continue;
    fillControl(control, setting(control.dataset.setting));
    filled.add(control);
  }
}

/** `key=value&…` of an object's entries, each value percent-encoded. */
export function fragment(keys) {
  return Object.entries(keys).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&");
}

/** The controls inside `root` (and not inside `except`) that hold one whole link key: data-setting="key", not "key.part". */
function keyed(root, except) {
  return [...root.querySelectorAll("[data-setting]")]
    .filter((c) => !c.dataset.setting.includes(".") && !except?.contains(c));
}

/** The link keys of the marked controls inside `root` (and not inside `except`) as they hold them: {key: value}. */
export function settingKeys(root, except = null) {
  return Object.fromEntries(keyed(root, except).map((c) => [c.dataset.setting, c.type === "checkbox" ? (c.checked ? "1" : "0") : c.value]));
}

/** Sets the marked controls inside `root` (and not inside `except`) from a link's state, whose fields are named by link key. */
export function applySettings(root, state, except = null) {
  for (const control of keyed(root, except)) {
    const value = state[control.dataset.setting];
    if (control.type === "checkbox") control.checked = Boolean(value);
    // A menu of numbers takes a link's value even when it is not one of its presets.
    else if (control.tagName === "SELECT" && setting(control.dataset.setting).kind === "number") chooseNumber(control, value);
    else control.value = String(value);
  }
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
