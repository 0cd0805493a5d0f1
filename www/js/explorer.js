// The activation explorer: controls → CurveView (wasm) → canvas and tables.
import { $, fitCanvas, fmt, prefersDark, row } from "./dom.js";
import { VisibleFrames } from "./visible.js";

/** Element-wise curves first drawn: the notes' two classics. */
const INITIAL_CURVES = ["sigmoid", "relu"];
/** The x positions the notes ask about. */
const MARKERS = [-10, 0, 10];
/** Points timed per function for the measured cost column. */
const TIMED_POINTS = 1_000_000;

export /** The activation explorer: controls → CurveView → canvas and tables. */
class Explorer {
  constructor(api) {
    this.api = api;
    this.view = new api.CurveView();
    this.kinds = api.activations().filter((a) => a.elementwise || a.name === "maxout");
    this.cursor = 0;
    this.canvas = $("curve-canvas");
    this.buildChoices();
    this.buildProperties();
    this.bind();
  }

  /** One labelled checkbox per function, with its colour. */
  buildChoices() {
    const box = $("curve-choices");
    for (const kind of this.kinds) {
      const label = document.createElement("label");
      label.className = "choice";
      const input = document.createElement("input");
      input.type = "checkbox";
      input.name = "curve";
      input.value = kind.name;
      input.checked = INITIAL_CURVES.includes(kind.name);
      const swatch = document.createElement("span");
      swatch.className = "swatch";
      swatch.style.background = kind.color;
      label.append(input, swatch, document.createTextNode(kind.label));
      box.append(label);
    }
  }

  /** The properties table, one row per function; the cost cell fills in later. */
  buildProperties() {
    const yesNo = (b) => (b ? "yes" : "no");
    const rows = this.kinds.map((k) => {
      const tr = document.createElement("tr");
      const cells = [k.label, k.range, yesNo(k.zero_centered), yesNo(k.monotonic), yesNo(k.smooth), k.saturates, k.cost, "…"];
      cells.forEach((text, i) => {
        const cell = document.createElement(i === 0 ? "th" : "td");
        if (i === 0) cell.scope = "row";
        cell.textContent = text;
        tr.append(cell);
      });
      tr.lastChild.dataset.cost = k.name;
      return tr;
    });
    $("properties-rows").replaceChildren(...rows);
  }

  /** Listens to every control and to the pointer and keys on the plot. */
  bind() {
    $("curve-controls").addEventListener("input", () => this.update());
    $("curve-controls").addEventListener("submit", (e) => e.preventDefault());
    this.canvas.addEventListener("pointermove", (e) => this.pointAt(e));
    this.canvas.addEventListener("pointerdown", (e) => this.pointAt(e));
    this.canvas.addEventListener("keydown", (e) => this.onKey(e));
    window.addEventListener("resize", () => this.draw());
  }

  /** The functions ticked, in the order of the list. */
  chosen() {
    return [...document.querySelectorAll('#curve-choices input:checked')].map((i) => i.value);
  }

  /** Reads a slider and mirrors its value into its output element. */
  slider(id) {
    const value = Number($(id).value);
    $(`${id}-value`).textContent = String(value);
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
        const param = $(`param-${name}`) ? this.slider(`param-${name}`) : undefined;
        view.add(name, param);
      }
    }
    this.setRange();
    this.draw();
  }

  /** Applies the x range fields, or says what is wrong with them. */
  setRange() {
    const error = $("range-error");
    try {
      this.view.set_range(Number($("x-min").value), Number($("x-max").value));
      error.hidden = true;
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
    }
  }

  /** Draws the plot and fills the readout and marker tables. */
  draw() {
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
    $("readout-rows").replaceChildren(...rows);
    $("readout-caption").textContent = `Values at x = ${fmt(this.cursor)}`;
    const spoken = labels.map((l, i) => `${l} ${fmt(values[i].value)}, slope ${fmt(values[i].derivative)}`);
    this.canvas.setAttribute("aria-valuenow", String(this.cursor));
    this.canvas.setAttribute("aria-valuetext", `x = ${fmt(this.cursor)}: ${spoken.join("; ")}`);
    this.canvas.setAttribute("aria-valuemin", $("x-min").value);
    this.canvas.setAttribute("aria-valuemax", $("x-max").value);
  }

  /** The table of values at x = −10, 0 and 10. */
  fillMarkers() {
    const at = MARKERS.map((x) => this.view.readout(x));
    const rows = this.labels().map((label, i) =>
      row([label, ...at.map((v) => `${fmt(v[i].value)} / ${fmt(v[i].derivative)}`)]));
    $("marker-rows").replaceChildren(...rows);
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
    const lo = Number($("x-min").value);
    const hi = Number($("x-max").value);
    const step = (hi - lo) / (event.shiftKey ? 20 : 200);
    const moves = { ArrowLeft: -step, ArrowDown: -step, ArrowRight: step, ArrowUp: step };
    if (event.key in moves) this.cursor = Math.min(hi, Math.max(lo, this.cursor + moves[event.key]));
    else if (event.key === "Home") this.cursor = lo;
    else if (event.key === "End") this.cursor = hi;
    else return;
    event.preventDefault();
    this.draw();
  }

  /** Times each function in this browser, one per idle slice, and fills the cost column. */
  measureCosts() {
    const queue = [...this.kinds];
    const next = () => {
      const kind = queue.shift();
      if (!kind) return;
      const cell = document.querySelector(`[data-cost="${kind.name}"]`);
      const ns = this.api.time_per_evaluation(kind.name, undefined, TIMED_POINTS);
      cell.textContent = `${ns.toFixed(1)} ns`;
      setTimeout(later, 0);
    };
    // Timing runs only while the explorer can be seen (not in other panels' embeds).
    const frames = new VisibleFrames($("explorer"));
    const later = () => frames.request(next, "cost");
    setTimeout(later, 50);
  }
}
