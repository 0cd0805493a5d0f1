// The training view: controls → Playground (wasm) → canvases and status.
import { $, button, chooseNumber, fillSelect, fitCanvas, fmt, lossText, prefersDark } from "./dom.js";
import { fragment } from "./link.js";
import { setting } from "./settings.js";
import { Tuning } from "./tuning.js";
import { Player, timed } from "./playing.js";

/** Links above which a playing network's diagram is redrawn every other frame (two layers of 64 have 4 352). */
const DENSE_LINKS = 2000;
/** The Activation menu's entry while the layers differ. */
const MIXED = "mixed";
/** One hidden layer as the controls hold it; `param` is null for the default. */
const hiddenLayer = (units, activation = "tanh", param = null) => ({ units, activation, param });

export /** The training view: controls → Playground (wasm) → canvases and status. */
class Training {
  constructor(api) {
    this.api = api;
    this.layers = [hiddenLayer(4), hiddenLayer(2)];
    /** The input features fed to the network, as the `features` key writes them. */
    this.features = "x1,x2";
    /** A link's weight edits, used by the next rebuild only (any other rebuild starts without edits). */
    this.linkEdits = "";
    /** Whether a network drawing waits in a task of its own, and whether the last frame's was skipped (see drawNetwork). */
    this.networkPending = false;
    this.networkSkipped = false;
    /** Play, a link's catch-up and Pause. */
    this.player = new Player(this);
    /** Called with this view after every redraw (other panels follow the run). */
    this.listeners = [];
    this.buildControls();
    /** Optimiser, schedule and regularisation: changed between steps, as the learning rate is. */
    this.tuning = new Tuning(() => this.retune());
    this.bind();
    this.rebuild();
  }

  /** Fills the menus from the module's lists. */
  buildControls() {
    fillSelect($("dataset"), this.api.datasets().map((d) => [d.name, d.label]), "circle");
    this.hiddenKinds = this.api.activations().filter((a) => a.name !== "softmax").map((a) => [a.name, a.label]);
    fillSelect($("activation"), [...this.hiddenKinds, [MIXED, "Mixed (set per layer)"]], "tanh");
  }

  /** Wires the buttons and controls. */
  bind() {
    $("step").addEventListener("click", () => { this.pause(); this.train(() => this.playground.run(1)); });
    $("epoch").addEventListener("click", () => { this.pause(); this.train(() => this.playground.epoch()); });
    $("play").addEventListener("click", () => (this.playing ? this.pause() : this.play()));
    $("reset").addEventListener("click", () => { this.pause(); this.playground.reset(); this.hideAlert(); this.draw(); });
    $("new-seed").addEventListener("click", () => { $("seed").value = String(Number($("seed").value) + 1); this.rebuild(); });
    $("add-layer").addEventListener("click", () => { this.layers.push(hiddenLayer(4, this.newLayerActivation())); this.rebuild(); });
    $("remove-layer").addEventListener("click", () => { this.layers.pop(); this.rebuild(); });
    $("activation").addEventListener("change", () => this.setEveryLayer($("activation").value));
    for (const id of ["dataset", "noise", "split", "seed"]) {
      $(id).addEventListener("change", () => this.rebuild());
    }
    for (const id of ["noise", "split"]) $(id).addEventListener("input", () => this.mirror());
    for (const id of ["learning-rate", "batch-size"]) {
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

  /** The Activation menu sets every hidden layer (its "mixed" entry changes nothing). */
  setEveryLayer(activation) {
    if (activation === MIXED) return;
    for (const layer of this.layers) Object.assign(layer, { activation, param: null });
    this.rebuild();
  }

  /** A new layer takes the layers' shared activation, else the last layer's. */
  newLayerActivation() {
    const chosen = $("activation").value;
    return chosen !== MIXED ? chosen : this.layers.at(-1)?.activation ?? "tanh";
  }

  /** The layer list: one row per hidden layer with its unit buttons and activation. */
  renderLayers() {
    const items = this.layers.map((layer, i) => {
      const n = layer.units;
      const li = document.createElement("li");
      const label = document.createElement("span");
      label.className = "units";
      label.textContent = `${n} unit${n === 1 ? "" : "s"}`;
      const less = button("−", `Remove a unit from layer ${i + 1}`, n <= 1, () => { layer.units--; this.rebuild(); });
      const more = button("+", `Add a unit to layer ${i + 1}`, n >= setting("layers.units").max, () => { layer.units++; this.rebuild(); });
      const menu = document.createElement("select");
      menu.setAttribute("aria-label", `Activation of layer ${i + 1}`);
      fillSelect(menu, this.hiddenKinds, layer.activation);
      menu.addEventListener("change", () => { Object.assign(layer, { activation: menu.value, param: null }); this.rebuild(); });
      li.append(label, less, more, menu);
      if (layer.param !== null) {
        const param = document.createElement("span");
        param.className = "layer-param";
        param.textContent = layer.activation === "maxout" ? `${layer.param} pieces` : `param ${layer.param}`;
        li.append(param);
      }
      return li;
    });
    $("layers").replaceChildren(...items);
    const kinds = new Set(this.layers.map((l) => l.activation));
    if (kinds.size > 0) $("activation").value = kinds.size === 1 ? [...kinds][0] : MIXED;
    const count = this.layers.length;
    $("layer-count").textContent = `${count} hidden layer${count === 1 ? "" : "s"}`;
    $("add-layer").disabled = count >= setting("layers.layers").max;
    $("remove-layer").disabled = count === 0;
  }

  /** Builds a new run from every control (new data, new initial weights), or shows `imported`. */
  rebuild(imported = null) {
    this.pause();
    this.mirror();
    this.renderLayers();
    try {
      const next = imported ?? (this.data ? this.data.build() : this.api.Playground.from_link(fragment(this.runKeys())));
      this.playground?.free();
      this.playground = next;
      this.linkEdits = "";
      this.hideAlert();
    } catch (e) {
      this.showAlert(e.message);
      return;
    }
    this.draw();
  }

  /** The keys that define a run (docs/link-keys.md), as the controls hold them. */
  runKeys() {
    const layers = this.layers.map((l) => [l.units, l.activation, l.param].filter((v) => v !== null).join(":"));
    return {
      data: $("dataset").value, noise: $("noise").value, split: $("split").value, seed: $("seed").value, ...this.data?.keys(),
      layers: layers.join(","), features: this.features, edits: this.linkEdits, lr: $("learning-rate").value, batch: $("batch-size").value,
      ...this.tuning.keys(),
    };
  }

  /** Every key of the training view: the run's, whether test data shows, and the steps taken. */
  linkKeys() {
    return {
      ...this.runKeys(), edits: this.playground ? this.playground.edits() : "",
      test: $("show-test").checked ? "1" : "0", discrete: $("discretize").checked ? "1" : "0", steps: this.playground ? String(this.status().step) : "0",
    };
  }

  /** Sets every control from a link's state (from `read_link`), builds the run and trains `steps`. */
  applyLink(state) {
    this.setControls(state);
    this.rebuild();
    if (state.steps > 0 && this.playground) this.catchUp(state.steps);
  }

  /** Shows `playground` (a loaded network file's run) with the controls set from its link `state`. */
  adopt(playground, state) {
    this.setControls(state);
    this.rebuild(playground);
  }

  /** Sets the training controls from a link's state. */
  setControls(state) {
    $("dataset").value = state.data;
    $("noise").value = String(state.noise);
    $("split").value = String(state.split);
    $("seed").value = String(state.seed);
    this.data?.setControls(state); // www/js/data.js: drawn points and the data seed
    $("show-test").checked = state.test;
    $("discretize").checked = state.discrete;
    this.layers = state.layers.map((l) => hiddenLayer(l.units, l.activation, l.param));
    this.features = state.features;
    this.linkEdits = state.edits;
    chooseNumber($("learning-rate"), state.lr);
    $("batch-size").value = String(state.batch);
    this.tuning.apply(state);
  }

  /** Whether the run is playing (or catching up with a link). */
  get playing() {
    return this.player.playing;
  }

  play() {
    this.player.play();
  }

  pause() {
    this.player.pause();
  }

  /** Trains to step `target` (a link's `steps`) a frame at a time, as Play does. */
  catchUp(target) {
    this.player.catchUp(target);
  }

  /** Applies learning rate, batch size, optimiser, schedule and regularisation to the current run. */
  retune() {
    try {
      const keys = { lr: $("learning-rate").value, batch: $("batch-size").value, ...this.tuning.keys() };
      this.playground.retune(fragment(keys));
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
      this.fail(e);
    }
    this.draw();
  }

  /** Pauses on a training error (a divergence) and says what to do. */
  fail(error) {
    this.pause();
    this.showAlert(`${error.message[0].toUpperCase()}${error.message.slice(1)}, then press Reset.`);
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
    timed("heatmap", () => this.playground.draw_heatmap($("heatmap"), ratio, $("show-test").checked, dark));
    timed("loss", () => this.playground.draw_loss($("loss-chart"), fitCanvas($("loss-chart")), dark));
    this.drawNetwork(dark);
    const { step, train_loss: train, test_loss: test, train_accuracy: trainAcc, test_accuracy: testAcc } = this.status();
    const rate = this.tuning.scheduled() ? ` · learning rate ${fmt(this.playground.learning_rate_now())}` : "";
    $("train-status").textContent = `Step ${step} · train loss ${showLoss(train)} · test loss ${showLoss(test)}${rate}`;
    // Every digit, for tools and tests that compare runs bit for bit.
    Object.assign($("train-status").dataset, { trainLoss: String(train), testLoss: String(test) });
    $("accuracy").textContent = testAcc === null
      ? "Regression: the loss is half the mean squared error."
      : `Accuracy: train ${(100 * trainAcc).toFixed(1)}% · test ${(100 * testAcc).toFixed(1)}%`;
    timed("follow", () => {
      for (const listener of this.listeners) listener(this);
    });
  }

  /**
   * Draws the network and crosses out its dead units. While a dense network
   * (over DENSE_LINKS links) plays, that happens every other frame; while a
   * wide one plays (tens of thousands of links), in a task of its own right
   * after this one, rasterised there, so a click or a key waits for one of
   * the two, never both.
   */
  drawNetwork(dark) {
    if (this.playing && this.playground.link_count() > DENSE_LINKS && !this.playground.is_wide()) {
      // A dense network's diagram changes little from one frame to the next:
      // it is redrawn every other frame, so the heatmap keeps its full rate.
      this.networkSkipped = !this.networkSkipped;
      if (this.networkSkipped) return;
    }
    if (!this.playing || !this.playground.is_wide()) {
      this.paintNetwork(dark);
    } else if (!this.networkPending) {
      this.networkPending = true;
      setTimeout(() => {
        this.networkPending = false;
        this.paintNetwork(prefersDark());
        // Reading a pixel makes the browser draw the lines now, not in the next frame.
        $("network").getContext("2d").getImageData(0, 0, 1, 1);
      }, 0);
    }
  }

  paintNetwork(dark) {
    if (!this.playground) return;
    timed("network", () => {
      const ratio = fitCanvas($("network"));
      this.playground.draw_network($("network"), ratio, dark);
      this.playground.draw_dead_units($("network"), ratio, dark);
    });
  }

  /** Calls `listener(view)` after every redraw. */
  onDraw(listener) {
    this.listeners.push(listener);
  }
}

/** A loss for the status line: three decimals, or a plain word when it overflowed. */
function showLoss(loss) {
  return lossText(loss);
}
