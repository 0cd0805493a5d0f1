// The race's results as text: the status line, the results table, the
// verdict sentences ("ReLU reached test loss 0.1 in 3.8× fewer steps than
// Sigmoid") and the repeat's table. Every number comes from the wasm Race;
// this module only words it, in the race panel's elements (`$` finds them).
import { lossText, row } from "../dom.js";

/** "test loss 0.1" or "test accuracy 90%". */
export function targetText(measure, value) {
  return measure === "accuracy" ? `test accuracy ${value}%` : `test loss ${value}`;
}

/** A ratio to one decimal, "3.8×". */
const times = (r) => `${r >= 9.95 ? Math.round(r) : r.toFixed(1)}×`;
/**
 * A whole number of steps with thousands separated by commas, as en-GB
 * writes them (by hand: the first toLocaleString loads the browser's locale
 * data, 25 ms in the page's start).
 */
const steps = (n) => String(Math.round(n)).replace(/\B(?=(\d{3})+$)/g, ",");
/** A loss or an accuracy for a cell. */
const loss = lossText;
const percent = (x) => (x === null ? "—" : `${(100 * x).toFixed(1)}%`);

/** The speed-up cell: `kind` "times", "at_least", "at_most" or "unknown" (see Race.results). */
function speedup(kind, value, first) {
  // A contestant that blew up is out of the race, whatever it reached before: never the reference, never faster.
  if (kind === "diverged") return "diverged";
  if (kind === "no_reference") return "no reference (it diverged)";
  if (first) return "reference";
  if (kind === "times" && Math.abs(value - 1) < 0.05) return "about as many steps";
  if (kind === "times") return value >= 1 ? `${times(value)} fewer steps` : `${times(1 / value)} more steps`;
  if (kind === "at_least" && value >= 1) return `at least ${times(value)} fewer steps`;
  if (kind === "at_most" && value <= 1) return `at least ${times(1 / value)} more steps`;
  return "not known yet";
}

/** One verdict sentence comparing contestant `i` with the first, or null. */
function verdict(labels, i, kind, value, target, divergedAt) {
  const [first, other] = [labels[0], labels[i]];
  if (kind === "diverged") return `${other} diverged after step ${steps(divergedAt[i] - 1)}: it is out of the race.`;
  if (kind === "no_reference") return `${first} diverged after step ${steps(divergedAt[0] - 1)}, so there is no reference to compare ${other} with.`;
  if (kind === "times" && Math.abs(value - 1) < 0.05) return `${other} and ${first} reached ${target} in about the same number of steps.`;
  if (kind === "times" && value > 1) return `${other} reached ${target} in ${times(value)} fewer steps than ${first}.`;
  if (kind === "times") return `${first} reached ${target} in ${times(1 / value)} fewer steps than ${other}.`;
  if (kind === "at_least" && value >= 1) return `${other} reached ${target}; ${first} has not yet: at least ${times(value)} fewer steps so far.`;
  if (kind === "at_most" && value <= 1) return `${first} reached ${target}; ${other} has not yet: at least ${times(1 / value)} more steps so far.`;
  return null;
}

/** Fills the status line, the results table and the verdicts from `race`. */
export function showResults($, race, labels, colors, target) {
  const results = race.results();
  const step = race.step_count();
  const rows = [];
  const verdicts = [];
  let reached = 0;
  const divergedAt = results.map((r) => r.diverged_at);
  labels.forEach((label, i) => {
    const { reached_at: at, test_loss: testLoss, test_accuracy: testAcc, dead_units: dead, hidden_units: units, diverged_at: diverged,
      speedup: { kind, value } } = results[i];
    if (at !== null && diverged === null) reached++;
    // The step it diverged after is the last one it did (its chart's last point).
    const finish = diverged !== null ? `diverged after step ${steps(diverged - 1)}${at !== null ? ` (had reached it at step ${steps(at)})` : ""}`
      : at !== null ? `step ${steps(at)}` : "not yet";
    rows.push(row([label, finish, loss(testLoss), percent(testAcc), `${dead} of ${units}`, speedup(kind, value, i === 0)], { color: colors[i] }));
    const sentence = i > 0 ? verdict(labels, i, kind, value, target, divergedAt)
      : kind === "diverged" && `${label} diverged after step ${steps(diverged - 1)}, so there is no reference.`;
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
  if (status === null) {
    $("race-repeat-rows").replaceChildren();
    return;
  }
  const { progress, finished, seeds, limit } = status;
  $("race-progress").value = progress;
  $("race-progress").setAttribute("aria-valuetext", `${Math.round(100 * progress)}%`);
  $("race-repeat-status").textContent = cancelled
    ? `Repeat cancelled after ${finished} of ${seeds} seeds; the table shows those.`
    : finished === seeds ? `Repeat done: ${seeds} seeds, each run until ${target} or ${steps(limit)} steps.`
      : `Repeating: ${finished} of ${seeds} seeds done (${Math.round(100 * progress)}%).`;
  const results = race.repeat_results();
  const never = `> ${steps(limit)}`;
  $("race-repeat-rows").replaceChildren(...labels.map((label, i) => {
    const { median, fastest, slowest, reached, runs, speedup: { kind, value } } = results[i];
    const show = (x) => (x === null ? never : steps(x));
    const range = runs === 0 ? "—" : reached === 0 ? never : `${show(fastest)} – ${show(slowest)}`;
    return row([label, runs === 0 ? "—" : show(median), range, `${reached} of ${runs}`, speedup(kind, value, i === 0)], { color: colors[i] });
  }));
}
