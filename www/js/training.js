// The training view: controls → Playground (wasm) → canvases and status.
import { $, button, fillSelect, fitCanvas, prefersDark } from "./dom.js";

/** Learning rates offered, on a logarithmic scale from 1e-5 to 10. */
const LEARNING_RATES = [0.00001, 0.00003, 0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
/** L2 rates offered (0 is none). */
const L2_RATES = [0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
/** Hidden-layer limits, as the core checks them. */
const MAX_LAYERS = 6;
const MAX_UNITS = 64;
/** Samples trained per animation frame while playing (as TensorFlow Playground does). */
const SAMPLES_PER_FRAME = 250;

export /** The training view: controls → Playground (wasm) → canvases and status. */
class Training {
  constructor(api) {
    this.api = api;
    this.units = [4, 2];
    this.playing = false;
    this.frame = 0;
    /** Called with this view after every redraw (other panels follow the run). */
    this.listeners = [];
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
    for (const listener of this.listeners) listener(this);
  }

  /** Calls `listener(view)` after every redraw. */
  onDraw(listener) {
    this.listeners.push(listener);
  }
}

/** A loss for the status line: three decimals, or a plain word when it overflowed. */
function showLoss(loss) {
  return Number.isFinite(loss) ? loss.toFixed(3) : "too large to compute";
}
