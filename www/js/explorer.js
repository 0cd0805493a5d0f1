// The activation explorer: controls → CurveView (wasm) → canvas and tables.
// A panel (docs/architecture.md): it finds its elements inside its own
// section, and gives and takes its link keys (curves, xmin, xmax, leaky,
// prelu, elu, maxout, x) with keys() and apply(state).
import { ShownDrawing, fitCanvas, fmt, onControls, prefersDark, row, swatch, within } from "./dom.js";
import { curvesText } from "./describe.js";
import { applySettings, settingKeys } from "./settings.js";
import { VisibleFrames } from "./visible.js";

/** Element-wise curves first drawn: the notes' two classics. */
const INITIAL_CURVES = ["sigmoid", "relu"];
/** The x positions the notes ask about. */
const MARKERS = [-10, 0, 10];
/** Points per timing for the measured cost column: the browser's coarse clock (0.1 ms) reads to 0.1 ns over them. */
const TIMED_POINTS = 1_000_000;
/** Timings per function: the cell shows their median and range. */
const REPEATS = 5;
/** Milliseconds between two looks at whether the page is still busy, while the timings wait for it. */
const BUSY_RETRY = 250;

/** "3.1 ns (2.9–3.6)": the median of `ns` and its range; Maxout's says what was timed. */
function costText(name, ns) {
  const sorted = [...ns].sort((a, b) => a - b);
  const text = `${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ns (${sorted[0].toFixed(1)}–${sorted.at(-1).toFixed(1)})`;
  return name === "maxout" ? `${text} for the max of 2 pieces; its layer also computes 2 pre-activations per unit` : text;
}
/** The explorer's Maxout sliders, in the order of the `maxout` key. */
const MAXOUT = ["maxout-w1", "maxout-b1", "maxout-w2", "maxout-b2"];

export /** The activation explorer: controls → CurveView → canvas and tables. */
class Explorer {
  /** `root` is the explorer's section. */
  constructor(api, root) {
    this.api = api;
    this.root = root;
    this.$ = within(root);
    this.view = new api.CurveView();
    this.kinds = api.activations().filter((a) => a.elementwise || a.name === "maxout");
    this.cursor = 0;
    this.canvas = this.$("curve-canvas");
    this.shown = new ShownDrawing(this.canvas, () => this.draw());
    this.buildChoices();
    this.buildProperties();
    this.bind();
  }

  /**
   * One labelled checkbox per function, with its colour. index.html writes
   * them, so the controls have their size in the first frame; they are
   * rebuilt here only if the markup's list is not the module's.
   */
  buildChoices() {
    const box = this.$("curve-choices");
    const written = [...box.querySelectorAll("input")];
    const matches = written.length === this.kinds.length
      && written.every((input, i) => input.value === this.kinds[i].name && input.parentElement.textContent.trim() === this.kinds[i].label);
    if (!matches) {
      box.replaceChildren(...this.kinds.map((kind) => {
        const label = document.createElement("label");
        label.className = "choice";
        const input = document.createElement("input");
        input.type = "checkbox";
        input.name = "curve";
        input.value = kind.name;
        input.checked = INITIAL_CURVES.includes(kind.name);
        label.append(input, swatch(kind.color), document.createTextNode(kind.label));
        return label;
      }));
      return;
    }
    // A style attribute in the markup would need 'unsafe-inline' in the CSP; the CSSOM does not.
    box.querySelectorAll(".swatch").forEach((span, i) => { span.style.background = this.kinds[i].color; });
  }

  /** The properties table, one row per function; the cost cell fills in later. */
  buildProperties() {
    const yesNo = (b) => (b ? "yes" : "no");
    const rows = this.kinds.map((k) => {
      const tr = row([k.label, k.range, yesNo(k.zero_centered), yesNo(k.monotonic), yesNo(k.smooth), k.saturates, k.cost, "…"]);
      tr.lastChild.dataset.cost = k.name;
      return tr;
    });
    this.$("properties-rows").replaceChildren(...rows);
  }

  /** Listens to every control and to the pointer and keys on the plot. */
  bind() {
    this.$("curve-controls").addEventListener("input", () => this.update());
    this.$("curve-controls").addEventListener("submit", (e) => e.preventDefault());
    this.canvas.addEventListener("pointermove", (e) => this.pointAt(e));
    this.canvas.addEventListener("pointerdown", (e) => this.pointAt(e));
    this.canvas.addEventListener("keydown", (e) => this.onKey(e));
    window.addEventListener("resize", () => this.draw());
  }

  /** The functions ticked, in the order of the list. */
  chosen() {
    return [...this.$("curve-choices").querySelectorAll("input:checked")].map((i) => i.value);
  }

  /** The explorer's link keys as its controls hold them (docs/link-keys.md). */
  keys() {
    return {
      curves: this.chosen().join(","), ...settingKeys(this.root),
      maxout: MAXOUT.map((id) => this.$(id).value).join(","), x: String(this.cursor),
    };
  }

  /** Sets the ticks, sliders, range and cursor from a link's state (`read_link`), then redraws. */
  apply(state) {
    for (const box of this.$("curve-choices").querySelectorAll("input")) box.checked = state.curves.includes(box.value);
    applySettings(this.root, state);
    MAXOUT.forEach((id, i) => { this.$(id).value = String(state.maxout[i]); });
    this.cursor = state.x;
    this.update();
  }

  /** Calls `listener()` whenever the reader may have changed a control. */
  onChange(listener) {
    onControls(this.root, listener);
  }

  /** Its plot and the text that says what it shows (describe.js). */
  plots() {
    const names = () => [...this.$("curve-choices").querySelectorAll("input:checked")].map((i) => i.parentElement.textContent.trim());
    return [{ canvas: this.canvas, text: () => curvesText(names(), this.$("x-min").value, this.$("x-max").value) }];
  }

  /** Reads a slider and mirrors its value into its output element. */
  slider(id) {
    const value = Number(this.$(id).value);
    this.$(`${id}-value`).textContent = String(value);
    return value;
  }

  /** Rebuilds the view from the controls and redraws everything. */
  update() {
    const view = this.view;
    view.clear();
    for (const name of this.chosen()) {
      if (name === "maxout") {
        view.add_maxout(this.slider("maxout-w1"), this.slider("maxout-b1"), this.slider("maxout-w2"), this.slider("maxout-b2"));
      } else {
        const param = this.root.querySelector(`#param-${name}`) ? this.slider(`param-${name}`) : undefined;
        view.add(name, param);
      }
    }
    this.setRange();
    this.draw();
  }

  /** Applies the x range fields, or says what is wrong with them. */
  setRange() {
    const error = this.$("range-error");
    try {
      this.view.set_range(Number(this.$("x-min").value), Number(this.$("x-max").value));
      error.hidden = true;
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
    }
  }

  /** Draws the plot (once its panel is shown) and fills the readout and marker tables. */
  draw() {
    if (!this.shown.due()) {
      this.fillReadout();
      this.fillMarkers();
      return;
    }
    const ratio = fitCanvas(this.canvas);
    this.view.set_cursor(this.cursor);
    this.view.draw(this.canvas, ratio, prefersDark());
    if (!this.canvas.dataset.drawn) performance.mark("nnplay:first-curve");
    this.canvas.dataset.drawn = String(Number(this.canvas.dataset.drawn || 0) + 1);
    this.fillReadout();
    this.fillMarkers();
  }

  /** Labels of the drawn curves, in the order they were added. */
  labels() {
    const byName = new Map(this.kinds.map((k) => [k.name, k.label]));
    return this.chosen().map((n) => byName.get(n));
  }

  /** The table of f(x) and f′(x) at the cursor, and the slider's accessible value. */
  fillReadout() {
    const values = this.view.readout(this.cursor);
    const labels = this.labels();
    const rows = labels.map((label, i) => row([label, fmt(values[i].value), fmt(values[i].derivative)]));
    this.$("readout-rows").replaceChildren(...rows);
    this.$("readout-caption").textContent = `Values at x = ${fmt(this.cursor)}`;
    const spoken = labels.map((l, i) => `${l} ${fmt(values[i].value)}, slope ${fmt(values[i].derivative)}`);
    this.canvas.setAttribute("aria-valuenow", String(this.cursor));
    this.canvas.setAttribute("aria-valuetext", `x = ${fmt(this.cursor)}: ${spoken.join("; ")}`);
    this.canvas.setAttribute("aria-valuemin", this.$("x-min").value);
    this.canvas.setAttribute("aria-valuemax", this.$("x-max").value);
  }

  /** The table of values at x = −10, 0 and 10. */
  fillMarkers() {
    const at = MARKERS.map((x) => this.view.readout(x));
    const rows = this.labels().map((label, i) =>
      row([label, ...at.map((v) => `${fmt(v[i].value)} / ${fmt(v[i].derivative)}`)]));
    this.$("marker-rows").replaceChildren(...rows);
  }

  /** Moves the cursor to the pointer's x. */
  pointAt(event) {
    const rect = this.canvas.getBoundingClientRect();
    const px = (event.clientX - rect.left) * (this.canvas.width / rect.width);
    this.cursor = this.view.x_at(px);
    this.draw();
  }

  /** Arrow keys move the cursor by 1/200 of the range (Shift: 1/20); Home/End jump. */
  onKey(event) {
    const lo = Number(this.$("x-min").value);
    const hi = Number(this.$("x-max").value);
    const step = (hi - lo) / (event.shiftKey ? 20 : 200);
    const moves = { ArrowLeft: -step, ArrowDown: -step, ArrowRight: step, ArrowUp: step };
    if (event.key in moves) this.cursor = Math.min(hi, Math.max(lo, this.cursor + moves[event.key]));
    else if (event.key === "Home") this.cursor = lo;
    else if (event.key === "End") this.cursor = hi;
    else return;
    event.preventDefault();
    this.draw();
  }

  /**
   * Times each function in this browser and fills the cost column with the
   * median of REPEATS timings and their range. The functions take turns, one
   * timing a task, so a slow moment of the machine spreads over all of them
   * instead of landing on one. While `busy()` (another panel's frames run:
   * a run playing beside the table) the timings wait.
   */
  measureCosts(busy = () => false) {
    const queue = Array.from({ length: REPEATS }, () => this.kinds).flat();
    const times = new Map(this.kinds.map((k) => [k.name, []]));
    const next = () => {
      const kind = queue[0];
      if (!kind) return;
      // A timing lengthens the frame it lands in by as much as it takes
      // (tens of ms for GELU), so a playing run's frames go first.
      if (busy()) return void setTimeout(later, BUSY_RETRY);
      queue.shift();
      const cell = this.root.querySelector(`[data-cost="${kind.name}"]`);
      const measured = times.get(kind.name);
      measured.push(this.api.time_per_evaluation(kind.name, undefined, TIMED_POINTS));
      if (measured.length === REPEATS) cell.textContent = costText(kind.name, measured);
      setTimeout(later, 0);
    };
    // Timing blocks the page for a few ms per million points (four times
    // that on a slow phone), so it starts once the table itself is seen and
    // runs only while it can be seen, a timing a task of its own (not inside
    // an animation frame): never in the start, nor in other panels' embeds.
    const table = this.$("properties");
    const frames = new VisibleFrames(table);
    // Seen again after a while away, the timing still runs in a task of its own, not in the frame that saw it.
    const later = () => frames.whenVisible(() => setTimeout(next, 0), "cost");
    if (!("IntersectionObserver" in window)) return void setTimeout(later, 50);
    const seen = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      seen.disconnect();
      setTimeout(later, 50);
    });
    seen.observe(table);
  }
}
