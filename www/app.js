// nnplay's front end: wires the page's controls to the wasm module and redraws.
// All mathematics lives in Rust; this file reads controls, calls the JS API and
// writes text. It runs once Trunk's loader has started the module.
"use strict";

/** Element-wise curves first drawn: the notes' two classics. */
const INITIAL_CURVES = ["sigmoid", "relu"];
/** The x positions the notes ask about. */
const MARKERS = [-10, 0, 10];
/** Points timed per function for the measured cost column. */
const TIMED_POINTS = 1_000_000;

const $ = (id) => document.getElementById(id);

/** Formats a number for a table cell: short, with a sign, never "-0". */
function fmt(x) {
  if (Object.is(x, -0) || x === 0) return "0";
  const abs = Math.abs(x);
  if (abs >= 1e5 || abs < 1e-3) return x.toExponential(2);
  return Number(x.toPrecision(4)).toString();
}

/** True when the page is in the dark colour scheme. */
function prefersDark() {
  return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
}

/** Sizes a canvas's pixel buffer to its CSS box times the device pixel ratio. */
function fitCanvas(canvas) {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.max(1, Math.round(canvas.clientWidth * ratio));
  const height = Math.max(1, Math.round(canvas.clientHeight * ratio));
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  return ratio;
}

/** Shows an unexpected failure in the page's error panel, never a dead page. */
function showFailure(error) {
  const panel = $("panic");
  panel.hidden = false;
  panel.textContent = `nnplay hit an error: ${error && error.message ? error.message : error}`;
}

/** The activation explorer: controls → CurveView → canvas and tables. */
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
    const rows = labels.map((label, i) => row([label, fmt(values[2 * i]), fmt(values[2 * i + 1])]));
    $("readout-rows").replaceChildren(...rows);
    $("readout-caption").textContent = `Values at x = ${fmt(this.cursor)}`;
    const spoken = labels.map((l, i) => `${l} ${fmt(values[2 * i])}, slope ${fmt(values[2 * i + 1])}`);
    this.canvas.setAttribute("aria-valuenow", String(this.cursor));
    this.canvas.setAttribute("aria-valuetext", `x = ${fmt(this.cursor)}: ${spoken.join("; ")}`);
    this.canvas.setAttribute("aria-valuemin", $("x-min").value);
    this.canvas.setAttribute("aria-valuemax", $("x-max").value);
  }

  /** The table of values at x = −10, 0 and 10. */
  fillMarkers() {
    const at = MARKERS.map((x) => this.view.readout(x));
    const rows = this.labels().map((label, i) =>
      row([label, ...at.map((v) => `${fmt(v[2 * i])} / ${fmt(v[2 * i + 1])}`)]));
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
      setTimeout(next, 0);
    };
    setTimeout(next, 50);
  }
}

/** A table row: a header cell, then data cells. */
function row(cells) {
  const tr = document.createElement("tr");
  cells.forEach((text, i) => {
    const cell = document.createElement(i === 0 ? "th" : "td");
    if (i === 0) cell.scope = "row";
    cell.textContent = text;
    tr.append(cell);
  });
  return tr;
}

/** The softmax panel: logit and temperature sliders → probabilities and bars. */
class SoftmaxPanel {
  constructor(api) {
    this.api = api;
    this.canvas = $("softmax-canvas");
    this.buildSliders();
    $("softmax-count").addEventListener("change", () => { this.buildSliders(); this.draw(); });
    $("softmax-controls").addEventListener("input", () => this.draw());
    $("softmax-controls").addEventListener("submit", (e) => e.preventDefault());
    window.addEventListener("resize", () => this.draw());
  }

  /** One slider per logit, keeping the values already set. */
  buildSliders() {
    const count = Number($("softmax-count").value);
    const box = $("logit-sliders");
    const old = [...box.querySelectorAll("input")].map((i) => i.value);
    const defaults = [2, 1, 0.1, -1, 0.5];
    const sliders = [];
    for (let i = 0; i < count; i++) {
      const id = `logit-${i + 1}`;
      const div = document.createElement("div");
      div.className = "slider";
      div.innerHTML = `<label for="${id}">Logit ${i + 1}</label>` +
        `<input id="${id}" type="range" min="-5" max="5" step="0.1">` +
        `<output for="${id}" id="${id}-value"></output>`;
      div.querySelector("input").value = old[i] ?? String(defaults[i]);
      sliders.push(div);
    }
    box.replaceChildren(...sliders);
  }

  /** Computes the probabilities in wasm, draws the bars and writes them as text. */
  draw() {
    const inputs = [...$("logit-sliders").querySelectorAll("input")];
    const logits = new Float64Array(inputs.map((i) => Number(i.value)));
    inputs.forEach((i) => { $(`${i.id}-value`).textContent = i.value; });
    const temperature = Number($("temperature").value);
    $("temperature-value").textContent = String(temperature);
    const p = this.api.softmax(logits, temperature);
    const ratio = fitCanvas(this.canvas);
    this.api.draw_softmax(this.canvas, p, ratio, prefersDark());
    const parts = [...p].map((v, i) => `class ${i + 1}: ${v.toFixed(3)}`);
    $("softmax-summary").textContent = `Probabilities — ${parts.join(", ")}.`;
    const total = p.reduce((a, b) => a + b, 0);
    $("softmax-sum").textContent = `Sum of probabilities: ${total.toFixed(3)}`;
    this.canvas.dataset.probabilities = JSON.stringify([...p]);
  }
}

/** Learning rates offered, on a logarithmic scale from 1e-5 to 10. */
const LEARNING_RATES = [0.00001, 0.00003, 0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
/** L2 rates offered (0 is none). */
const L2_RATES = [0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
/** Hidden-layer limits, as the core checks them. */
const MAX_LAYERS = 6;
const MAX_UNITS = 64;
/** Samples trained per animation frame while playing (as TensorFlow Playground does). */
const SAMPLES_PER_FRAME = 250;

/** Fills a select with options, choosing `selected`. */
function fillSelect(select, options, selected) {
  select.replaceChildren(...options.map(([value, label]) => {
    const option = document.createElement("option");
    option.value = String(value);
    option.textContent = label;
    option.selected = String(value) === String(selected);
    return option;
  }));
}

/** The training view: controls → Playground (wasm) → canvases and status. */
class Training {
  constructor(api) {
    this.api = api;
    this.units = [4, 2];
    this.playing = false;
    this.frame = 0;
    this.buildControls();
    this.bind();
    this.rebuild();
  }

  /** Fills the menus from the module's lists. */
  buildControls() {
    fillSelect($("dataset"), this.api.datasets().map((d) => [d.name, d.label]), "circle");
    const hidden = this.api.activations().filter((a) => a.name !== "softmax");
    fillSelect($("activation"), hidden.map((a) => [a.name, a.label]), "tanh");
    fillSelect($("learning-rate"), LEARNING_RATES.map((r) => [r, String(r)]), 0.03);
    fillSelect($("l2"), L2_RATES.map((r) => [r, r === 0 ? "none" : String(r)]), 0);
  }

  /** Wires the buttons and controls. */
  bind() {
    $("step").addEventListener("click", () => { this.pause(); this.train(() => this.playground.run(1)); });
    $("epoch").addEventListener("click", () => { this.pause(); this.train(() => this.playground.epoch()); });
    $("play").addEventListener("click", () => (this.playing ? this.pause() : this.play()));
    $("reset").addEventListener("click", () => { this.pause(); this.playground.reset(); this.hideAlert(); this.draw(); });
    $("new-seed").addEventListener("click", () => { $("seed").value = String(Number($("seed").value) + 1); this.rebuild(); });
    $("add-layer").addEventListener("click", () => { this.units.push(4); this.rebuild(); });
    $("remove-layer").addEventListener("click", () => { this.units.pop(); this.rebuild(); });
    for (const id of ["dataset", "activation", "noise", "split", "seed"]) {
      $(id).addEventListener("change", () => this.rebuild());
    }
    for (const id of ["noise", "split"]) $(id).addEventListener("input", () => this.mirror());
    for (const id of ["learning-rate", "batch-size", "l2"]) {
      $(id).addEventListener("change", () => this.retune());
    }
    $("show-test").addEventListener("change", () => this.draw());
    $("train-controls").addEventListener("submit", (e) => e.preventDefault());
    window.addEventListener("resize", () => this.draw());
  }

  /** Mirrors the sliders' values into their outputs. */
  mirror() {
    $("noise-value").textContent = $("noise").value;
    $("split-value").textContent = $("split").value;
  }

  /** The layer list: one row per hidden layer with its unit buttons. */
  renderLayers() {
    const items = this.units.map((n, i) => {
      const li = document.createElement("li");
      const label = document.createElement("span");
      label.className = "units";
      label.textContent = `${n} unit${n === 1 ? "" : "s"}`;
      const less = button("−", `Remove a unit from layer ${i + 1}`, n <= 1, () => { this.units[i]--; this.rebuild(); });
      const more = button("+", `Add a unit to layer ${i + 1}`, n >= MAX_UNITS, () => { this.units[i]++; this.rebuild(); });
      li.append(label, less, more);
      return li;
    });
    $("layers").replaceChildren(...items);
    const count = this.units.length;
    $("layer-count").textContent = `${count} hidden layer${count === 1 ? "" : "s"}`;
    $("add-layer").disabled = count >= MAX_LAYERS;
    $("remove-layer").disabled = count === 0;
  }

  /** Builds a new run from every control (new data, new initial weights). */
  rebuild() {
    this.pause();
    this.mirror();
    this.renderLayers();
    try {
      const next = new this.api.Playground(
        $("dataset").value, Number($("noise").value) / 100, Number($("split").value) / 100,
        Number($("seed").value), new Uint32Array(this.units), $("activation").value, undefined,
        Number($("learning-rate").value), Number($("batch-size").value), Number($("l2").value));
      this.playground?.free();
      this.playground = next;
      this.hideAlert();
    } catch (e) {
      this.showAlert(e.message);
      return;
    }
    this.draw();
  }

  /** Applies learning rate, batch size and L2 to the current run. */
  retune() {
    try {
      this.playground.set_training(Number($("learning-rate").value), Number($("batch-size").value), Number($("l2").value));
      this.hideAlert();
    } catch (e) {
      this.showAlert(e.message);
    }
  }

  /** Runs `work` (which trains), then redraws; a divergence pauses and says so. */
  train(work) {
    try {
      work();
    } catch (e) {
      this.pause();
      this.showAlert(`${e.message[0].toUpperCase()}${e.message.slice(1)}, then press Reset.`);
    }
    this.draw();
  }

  play() {
    const divergedAt = this.status()[6];
    if (!Number.isNaN(divergedAt)) return; // a diverged run waits for Reset
    this.playing = true;
    $("play").textContent = "Pause";
    $("play").setAttribute("aria-pressed", "true");
    const tick = () => {
      if (!this.playing) return;
      const batch = Math.max(1, Number($("batch-size").value));
      this.train(() => this.playground.run(Math.max(1, Math.round(SAMPLES_PER_FRAME / batch))));
      this.frame = requestAnimationFrame(tick);
    };
    this.frame = requestAnimationFrame(tick);
  }

  pause() {
    this.playing = false;
    cancelAnimationFrame(this.frame);
    $("play").textContent = "Play";
    $("play").setAttribute("aria-pressed", "false");
  }

  status() {
    return this.playground.status();
  }

  showAlert(message) {
    $("train-alert").textContent = message;
    $("train-alert").hidden = false;
  }

  hideAlert() {
    $("train-alert").hidden = true;
  }

  /** Redraws the three canvases and the status line. */
  draw() {
    if (!this.playground) return;
    const dark = prefersDark();
    const ratio = fitCanvas($("heatmap"));
    this.playground.draw_heatmap($("heatmap"), ratio, $("show-test").checked, dark);
    this.playground.draw_loss($("loss-chart"), fitCanvas($("loss-chart")), dark);
    this.playground.draw_network($("network"), fitCanvas($("network")), dark);
    const [step, , train, test, trainAcc, testAcc] = this.status();
    $("train-status").textContent = `Step ${step} · train loss ${showLoss(train)} · test loss ${showLoss(test)}`;
    $("accuracy").textContent = Number.isNaN(testAcc)
      ? "Regression: the loss is half the mean squared error."
      : `Accuracy: train ${(100 * trainAcc).toFixed(1)}% · test ${(100 * testAcc).toFixed(1)}%`;
  }
}

/** A loss for the status line: three decimals, or a plain word when it overflowed. */
function showLoss(loss) {
  return Number.isFinite(loss) ? loss.toFixed(3) : "too large to compute";
}

/** A small button with an accessible name, disabled when `off`. */
function button(text, name, off, onClick) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = text;
  b.setAttribute("aria-label", name);
  b.disabled = off;
  b.addEventListener("click", onClick);
  return b;
}

/** Starts the page once the module's exports are available. */
function start(api) {
  window.nnplay = api;
  try {
    const explorer = new Explorer(api);
    explorer.update();
    new SoftmaxPanel(api).draw();
    window.nnplayTraining = new Training(api);
    document.documentElement.dataset.ready = "true";
    explorer.measureCosts();
  } catch (error) {
    showFailure(error);
    throw error;
  }
}

window.addEventListener("error", (e) => showFailure(e.error || e.message));
window.addEventListener("unhandledrejection", (e) => showFailure(e.reason));
if (window.wasmBindings) start(window.wasmBindings);
else window.addEventListener("TrunkApplicationStarted", () => start(window.wasmBindings), { once: true });
