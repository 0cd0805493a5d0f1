// The race's results as text: the status line, the results table, the
// verdict sentences ("ReLU reached test loss 0.1 in 3.8× fewer steps than
// Sigmoid") and the repeat's table. Every number comes from the wasm Race;
// this module only words it, in the race panel's elements (`$` finds them).
import { lossText, row } from "../dom.js";

/** Numbers per contestant in `Race.results()` and `Race.repeat_results()`. */
export const FIELDS = 10;
export const REPEAT_FIELDS = 7;

/** "test loss 0.1" or "test accuracy 90%". */
export function targetText(measure, value) {
  return measure === "accuracy" ? `test accuracy ${value}%` : `test loss ${value}`;
}

/** A ratio to one decimal, "3.8×". */
const times = (r) => `${r >= 9.95 ? Math.round(r) : r.toFixed(1)}×`;
/** A whole number of steps with thousands separated. */
const steps = (n) => Math.round(n).toLocaleString("en-GB");
/** A loss or an accuracy for a cell. */
const loss = lossText;
const percent = (x) => (Number.isNaN(x) ? "—" : `${(100 * x).toFixed(1)}%`);

/** The speed-up cell: `kind` 0 times, 1 at least, 2 at most, 3 unknown (see Race.results). */
function speedup(kind, value, first) {
  if (first) return "reference";
  if (kind === 0 && Math.abs(value - 1) < 0.05) return "about as many steps";
  if (kind === 0) return value >= 1 ? `${times(value)} fewer steps` : `${times(1 / value)} more steps`;
  if (kind === 1 && value >= 1) return `at least ${times(value)} fewer steps`;
  if (kind === 2 && value <= 1) return `at least ${times(1 / value)} more steps`;
  return "not known yet";
}

/** One verdict sentence comparing contestant `i` with the first, or null. */
function verdict(labels, i, kind, value, target) {
  const [first, other] = [labels[0], labels[i]];
  if (kind === 0 && Math.abs(value - 1) < 0.05) return `${other} and ${first} reached ${target} in about the same number of steps.`;
  if (kind === 0 && value > 1) return `${other} reached ${target} in ${times(value)} fewer steps than ${first}.`;
  if (kind === 0) return `${first} reached ${target} in ${times(1 / value)} fewer steps than ${other}.`;
  if (kind === 1 && value >= 1) return `${other} reached ${target}; ${first} has not yet: at least ${times(value)} fewer steps so far.`;
  if (kind === 2 && value <= 1) return `${first} reached ${target}; ${other} has not yet: at least ${times(1 / value)} more steps so far.`;
  return null;
}

/** Fills the status line, the results table and the verdicts from `race`. */
export function showResults($, race, labels, colors, target) {
  const results = race.results();
  const step = race.step_count();
  const rows = [];
  const verdicts = [];
  let reached = 0;
  labels.forEach((label, i) => {
    const r = results.slice(i * FIELDS, (i + 1) * FIELDS);
    const [at, , testLoss, , testAcc, dead, units, diverged, kind, value] = r;
    if (!Number.isNaN(at)) reached++;
    const finish = !Number.isNaN(at) ? `step ${steps(at)}`
      : !Number.isNaN(diverged) ? `diverged at step ${steps(diverged)}` : "not yet";
    rows.push(row([label, finish, loss(testLoss), percent(testAcc), `${dead} of ${units}`, speedup(kind, value, i === 0)], { color: colors[i] }));
    const sentence = i > 0 && verdict(labels, i, kind, value, target);
    if (sentence) verdicts.push(sentence);
  });
  $("race-rows").replaceChildren(...rows);
  $("race-verdict").replaceChildren(...verdicts.map((text) => Object.assign(document.createElement("li"), { textContent: text })));
  $("race-status").textContent = `Race at step ${steps(step)} · ${reached} of ${labels.length} reached ${target}`;
  $("race-status").dataset.step = String(step);
}

/** Fills the repeat's table and its status from `race` (after `repeat_step` or a cancel). */
export function showRepeat($, race, labels, colors, target, cancelled = false) {
  const status = race.repeat_status();
  if (status.length === 0) {
    $("race-repeat-rows").replaceChildren();
    return;
  }
  const [progress, finished, seeds, limit] = status;
  $("race-progress").value = progress;
  $("race-progress").setAttribute("aria-valuetext", `${Math.round(100 * progress)}%`);
  $("race-repeat-status").textContent = cancelled
    ? `Repeat cancelled after ${finished} of ${seeds} seeds; the table shows those.`
    : finished === seeds ? `Repeat done: ${seeds} seeds, each run until ${target} or ${steps(limit)} steps.`
      : `Repeating: ${finished} of ${seeds} seeds done (${Math.round(100 * progress)}%).`;
  const results = race.repeat_results();
  const never = `> ${steps(limit)}`;
  $("race-repeat-rows").replaceChildren(...labels.map((label, i) => {
    const [median, fastest, slowest, reached, runs, kind, value] = results.slice(i * REPEAT_FIELDS, (i + 1) * REPEAT_FIELDS);
    const show = (x) => (Number.isNaN(x) ? never : steps(x));
    const range = runs === 0 ? "—" : reached === 0 ? never : `${show(fastest)} – ${show(slowest)}`;
    return row([label, runs === 0 ? "—" : show(median), range, `${reached} of ${runs}`, speedup(kind, value, i === 0)], { color: colors[i] });
  }));
}
