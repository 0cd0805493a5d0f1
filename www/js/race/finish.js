// The race's finish line: the target measure (test loss or accuracy) and its
// value, and the `target` key they make. Part of the race panel.
import { targetText } from "./results.js";

/** Each target measure's default and limits (as the core checks them). */
const MEASURES = {
  loss: { value: 0.1, min: 0.001, max: 10, step: "any" },
  accuracy: { value: 90, min: 1, max: 100, step: 1 },
};

export /** The Target measure menu and the Target value field. */
class FinishLine {
  /** `$` finds the race panel's elements; `onChange()` runs when the reader changes the target. */
  constructor($, onChange) {
    this.$ = $;
    $("race-measure").addEventListener("change", () => {
      this.limit(MEASURES[this.measure()].value);
      onChange();
    });
    $("race-target").addEventListener("change", () => onChange());
  }

  /** Gives the value field the measure's limits and `value`. */
  limit(value) {
    const m = MEASURES[this.measure()];
    Object.assign(this.$("race-target"), { min: String(m.min), max: String(m.max), step: String(m.step), value: String(value) });
  }

  measure() {
    return this.$("race-measure").value;
  }

  value() {
    return Number(this.$("race-target").value);
  }

  /** The `target` key: `loss:0.1`. */
  key() {
    return `${this.measure()}:${this.$("race-target").value}`;
  }

  /** Takes a link's target ({measure, value}). */
  set(target) {
    this.$("race-measure").value = target.measure;
    this.limit(target.value);
  }

  /** "test loss 0.1" or "test accuracy 90%". */
  text() {
    return targetText(this.measure(), this.$("race-target").value);
  }
}
