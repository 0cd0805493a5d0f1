// The training view's network drawing, paced for Play: a dense network's is
// redrawn every other frame and a wide one's rasterised as it is drawn; and under
// it, at the same rate, the diagnostics strip: each layer's mean |dL/dW|
// (with a bar on a log scale), dead units and saturated share, in a column
// under the layer's own column of the drawing. Part of the training panel.
import { fitCanvas, prefersDark, short } from "../dom.js";
import { layerFigures } from "../describe.js";
import { timed } from "./playing.js";

/** Decades of mean |dL/dW| below the largest layer's that the strip's bars span. */
const BAR_DECADES = 5;

/** A span of `className` holding `text`. */
function span(className, text = "") {
  const element = document.createElement("span");
  element.className = className;
  element.textContent = text;
  return element;
}

export /** The per-layer diagnostics strip, one column per layer under the drawing's. */
class Strip {
  /** Fills `root`, whose first child (the legend) stands under the drawing's inputs. */
  constructor(root) {
    this.root = root;
    this.playground = null;
    /** Per layer: its figures' spans and its bar. */
    this.cells = [];
  }

  /** One layer's column: each figure with its name for screen readers, and the bar. */
  cell(label) {
    const div = document.createElement("div");
    div.className = "strip-layer";
    div.title = label;
    const figures = { gradient: span("strip-value"), dead: span("strip-value"), saturated: span("strip-value") };
    const bar = span("strip-bar");
    bar.setAttribute("aria-hidden", "true");
    bar.append(span("strip-fill"));
    div.append(span("visually-hidden", `${label}: mean |dL/dW|`), figures.gradient, bar,
      span("visually-hidden", ", dead units"), figures.dead, span("visually-hidden", ", saturated"), figures.saturated);
    return { figures, fill: bar.firstChild };
  }

  /** Shows `playground`'s latest diagnostics, writing only what changed. */
  fill(playground) {
    const layers = playground.diagnostics();
    if (playground !== this.playground || this.cells.length !== layers.length) {
      this.playground = playground;
      const labels = playground.diagnostic_labels();
      this.cells = labels.map((label) => this.cell(label));
      this.root.replaceChildren(this.root.firstElementChild, ...this.cells.map((c) => c.figures.gradient.parentElement));
      this.root.style.setProperty("--strip-columns", String(layers.length + 1));
    }
    const largest = Math.max(0, ...layers.map((d) => d.gradient).filter(Number.isFinite));
    layers.forEach((d, l) => {
      const { figures, fill } = this.cells[l];
      const words = { ...layerFigures(d), gradient: Number.isFinite(d.gradient) ? short(d.gradient) : "—" };
      for (const key of ["gradient", "dead", "saturated"]) {
        if (figures[key].textContent !== words[key]) figures[key].textContent = words[key];
      }
      const decades = largest > 0 && d.gradient > 0 ? Math.log10(d.gradient / largest) : -BAR_DECADES;
      const width = `${Math.max(0, 100 * (1 + decades / BAR_DECADES)).toFixed(1)}%`;
      if (fill.style.width !== width) fill.style.width = width;
    });
  }
}

/** Links above which a playing network's diagram is redrawn every other frame (two layers of 64 have 4 352). */
const DENSE_LINKS = 2000;

export /** The network's canvas and when it is drawn. */
class NetworkDrawing {
  /** Draws on `canvas` the run `playground()` gives, paced by whether `playing()`, and fills the strip `strip` (if any). */
  constructor(canvas, strip, playground, playing) {
    this.canvas = canvas;
    this.strip = strip ? new Strip(strip) : null;
    this.playground = playground;
    this.playing = playing;
    /** Whether the last frame's drawing was skipped. */
    this.skipped = false;
  }

  /**
   * Draws the network and crosses out its dead units. While a dense network
   * (over DENSE_LINKS links) plays, that happens every other frame. While a
   * wide one plays (tens of thousands of links), the browser is made to
   * rasterise the lines here, so the time they take counts in the part of
   * the frame that drew them (Play gives that part a frame of its own when
   * it does not fit: playing.js), not unseen in the paint after it.
   */
  draw(dark) {
    if (this.playing() && this.playground().link_count() > DENSE_LINKS && !this.playground().is_wide()) {
      // A dense network's diagram changes little from one frame to the next:
      // it is redrawn every other frame, so the heatmap keeps its full rate.
      this.skipped = !this.skipped;
      if (this.skipped) return;
    }
    this.paint(dark);
    // Reading a pixel makes the browser draw the lines now, not in the next paint.
    if (this.playing() && this.playground().is_wide()) this.canvas.getContext("2d").getImageData(0, 0, 1, 1);
  }

  paint(dark) {
    const playground = this.playground();
    if (!playground) return;
    timed("network", () => {
      const ratio = fitCanvas(this.canvas);
      playground.draw_network(this.canvas, ratio, dark);
      playground.draw_dead_units(this.canvas, ratio, dark);
      this.strip?.fill(playground);
    });
  }
}
