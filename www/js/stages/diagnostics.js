// The live diagnostics: four charts drawn by Rust, and a table of the latest
// numbers (one object per layer, each frame) as their text alternative.
import { fitCanvas, fmt, row } from "../dom.js";
import { layerFigures } from "../describe.js";
import { VisibleFrames } from "../visible.js";

/** The charts: canvas id and the Playground method that draws it. */
const CHARTS = [
  ["gradient-chart", "draw_gradient_chart"],
  ["unit-chart", "draw_unit_chart"],
  ["activation-chart", "draw_activation_chart"],
  ["histogram-chart", "draw_histograms"],
];

/** A number for the table, or a dash when there is none. */
const num = (x) => (Number.isFinite(x) ? fmt(x) : "—");

export /** The diagnostics charts and table. Part of the stage panel. */
class Diagnostics {
  /** `$` finds the stage panel's elements inside its section `root`. */
  constructor($, root) {
    this.$ = $;
    this.playground = null;
    this.labels = [];
    /** The charts are drawn only while the stage panel can be seen; the table always. */
    this.frames = new VisibleFrames(root);
  }

  /** Draws the charts and fills the table for `playground`'s latest record. */
  draw(playground, dark) {
    if (playground !== this.playground) {
      this.playground = playground;
      this.labels = playground.diagnostic_labels();
    }
    this.frames.whenVisible(() => this.drawCharts(playground, dark), "charts");
    this.fill(playground.diagnostics());
  }

  /** The four charts, as of `playground`'s latest record. */
  drawCharts(playground, dark) {
    if (playground !== this.playground) return; // a newer run has replaced it
    for (const [id, method] of CHARTS) {
      const canvas = this.$(id);
      if (canvas.clientWidth > 0) playground[method](canvas, fitCanvas(canvas), dark);
    }
  }

  /** One row per layer: gradient size, dead units, saturation, mean ± spread of a, range of z. */
  fill(layers) {
    const body = this.$("diagnostics-rows");
    if (body.rows.length !== this.labels.length) {
      body.replaceChildren(...this.labels.map(() => row(Array(6).fill(""))));
    }
    this.labels.forEach((label, l) => {
      const { gradient, dead, units, saturated, a_mean: mean, a_spread: spread, z_min: zMin, z_max: zMax } = layers[l];
      const figures = layerFigures({ gradient, dead, units, saturated });
      const cells = [
        figures.gradient,
        figures.dead,
        figures.saturated,
        `${num(mean)} ± ${num(spread)}`,
        `${num(zMin)} … ${num(zMax)}`,
      ];
      const row = body.rows[l].cells;
      [label, ...cells].forEach((text, i) => { if (row[i].textContent !== text) row[i].textContent = text; });
    });
  }
}
