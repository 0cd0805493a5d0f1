// The training view's Metrics: the confusion matrix of the test set for a
// classifier (rows the true class, columns the predicted one) and R² for
// regression, refreshed with each redraw. Rust measures (Playground.metrics).
// Part of the training panel, which calls `update` after each redraw.
import { row } from "../dom.js";

export /** The Metrics area, following the training view's redraws. */
class Metrics {
  /** `$` finds the training panel's elements. */
  constructor($) {
    this.$ = $;
    this.classes = -1;
    this.cells = [];
  }

  /** Reads `{classes, r_squared, confusion}` from the run and shows it. */
  update(run) {
    if (!run) return;
    const { classes, r_squared: r2, confusion: matrix } = run.metrics();
    this.$("confusion").hidden = classes === 0;
    this.$("r-squared").hidden = classes !== 0;
    if (classes === 0) {
      this.$("r-squared").textContent = r2 === null
        ? "R² on the test set: undefined (every test target is the same)"
        : `R² on the test set: ${r2.toFixed(3)} (1 is a perfect fit, 0 no better than the mean)`;
      return;
    }
    if (classes !== this.classes) this.build(classes);
    matrix.forEach((count, i) => {
      const text = String(count);
      if (this.cells[i].textContent !== text) this.cells[i].textContent = text;
    });
    const total = matrix.reduce((sum, count) => sum + count, 0);
    const caption = `Confusion matrix of the test set (rows: true class, columns: predicted class); total ${total}`;
    if (this.$("confusion-caption").textContent !== caption) this.$("confusion-caption").textContent = caption;
    this.$("confusion").dataset.total = String(total);
  }

  /** Lays out the table's header and rows for `classes` classes. */
  build(classes) {
    this.classes = classes;
    const head = [document.createElement("td")];
    for (let c = 0; c < classes; c++) head.push(header(`Predicted ${c}`, "col"));
    this.$("confusion-head").replaceChildren(...head);
    this.cells = [];
    const rows = [];
    for (let t = 0; t < classes; t++) {
      const tr = row([`True ${t}`, ...Array(classes).fill("")]);
      this.cells.push(...[...tr.cells].slice(1));
      rows.push(tr);
    }
    this.$("confusion-body").replaceChildren(...rows);
  }
}

/** A header cell of `scope` ("col" or "row"). */
function header(text, scope) {
  const th = document.createElement("th");
  th.scope = scope;
  th.textContent = text;
  return th;
}
