// The training view: controls → Playground (wasm) → canvases and status. A
// panel (docs/architecture.md): it finds its elements inside its section,
// gives and takes the run's link keys (keys() / apply(state)), presses its
// own keys (Space, S, R), and composes its parts: the data (data.js), the
// layers (layers.js), the optimiser (tuning.js), the input features and
// weights (network-edit.js), the network's drawing (network-drawing.js), the
// metrics (metrics.js), Play (playing.js) and Save and Load (keep.js). Other
// panels follow the run through what `shared()` hands them.
import { fillSelect, fitCanvas, fmt, lossText, onControls, prefersDark, within } from "../dom.js";
import { heatmapText, lossText as lossChartText, networkText } from "../describe.js";
import { applySettings, fragment, settingKeys } from "../settings.js";
import { DataPanel } from "./data.js";
import { Keep } from "./keep.js";
import { Layers } from "./layers.js";
import { Metrics } from "./metrics.js";
import { NetworkDrawing } from "./network-drawing.js";
import { NetworkEdit } from "./network-edit.js";
import { Tuning } from "./tuning.js";
import { Player, timed } from "./playing.js";
import { showWarning, warningSuffix } from "./warning.js";

export /** The training view: controls → Playground (wasm) → canvases and status. */
class Training {
  /** `root` is the training section; its frames also run while `seenWith` (the stage panel, which follows it) shows. */
  constructor(api, root, seenWith = null) {
    this.api = api;
    this.root = root;
    const $ = (this.$ = within(root));
    /** The input features fed to the network, as the `features` key writes them. */
    this.features = "x1,x2";
    /** A link's weight edits, used by the next rebuild only (any other rebuild starts without edits). */
    this.linkEdits = "";
    /** Play, a link's catch-up and Pause. */
    this.player = new Player(this, $, [root, seenWith]);
    this.network = new NetworkDrawing($("network"), $("network-strip"), () => this.playground, () => this.playing);
    /** Called with this view after every redraw, after the Play button, and after a control of the run changes. */
    this.listeners = { draw: [], toggle: [], settings: [] };
    fillSelect($("dataset"), this.api.datasets().map((d) => [d.name, d.label]), "circle");
    const hidden = this.api.activations().filter((a) => a.name !== "softmax");
    const params = Object.fromEntries(hidden.filter((a) => a.param).map((a) => [a.name, a.param]));
    this.layers = new Layers($, hidden.map((a) => [a.name, a.label]), params, () => this.rebuild());
    /** Optimiser, schedule and regularisation: changed between steps, as the learning rate is. */
    this.tuning = new Tuning($("sgd-extras"), () => this.retune());
    const run = {
      playground: () => this.playground, runKeys: () => this.runKeys(), rebuild: () => this.rebuild(), draw: () => this.draw(),
      pause: () => this.pause(), status: () => this.status(), showAlert: (message) => this.showAlert(message),
      features: () => this.features, setFeatures: (names) => { this.features = names; },
      adopt: (playground, state) => this.adopt(playground, state),
    };
    this.data = new DataPanel(api, $, run);
    this.metrics = new Metrics($);
    this.edit = new NetworkEdit(api, $, run);
    this.keep = new Keep(api, $, run);
    this.bind();
    // No run yet: the composer (app.js) builds and draws it, each in a task
    // of its own, or the link it opens does.
  }

  /** Wires the buttons and controls. */
  bind() {
    const $ = this.$;
    $("step").addEventListener("click", () => { this.pause(); this.train(() => this.playground.run(1)); });
    $("epoch").addEventListener("click", () => { this.pause(); this.train(() => this.playground.epoch()); });
    $("play").addEventListener("click", () => {
      if (this.playing) this.pause(); else this.play();
      for (const listener of this.listeners.toggle) listener();
    });
    $("reset").addEventListener("click", () => { this.pause(); this.playground.reset(); this.hideAlert(); this.draw(); });
    $("new-seed").addEventListener("click", () => { $("seed").value = String(Number($("seed").value) + 1); this.rebuild(); });
    for (const id of ["dataset", "noise", "split", "seed"]) {
      $(id).addEventListener("change", () => this.rebuild());
    }
    for (const id of ["noise", "split"]) $(id).addEventListener("input", () => this.mirror());
    for (const id of ["learning-rate", "batch-size"]) {
      $(id).addEventListener("change", () => this.retune());
    }
    $("show-test").addEventListener("change", () => this.draw());
    $("train-controls").addEventListener("submit", (e) => e.preventDefault());
    $("train-controls").addEventListener("change", () => { for (const listener of this.listeners.settings) listener(); });
    window.addEventListener("resize", () => this.draw());
  }

  /** Mirrors the sliders' values into their outputs. */
  mirror() {
    this.$("noise-value").textContent = this.$("noise").value;
    this.$("split-value").textContent = this.$("split").value;
  }

  /** Builds a new run from every control (new data, new initial weights), or shows `imported`, and draws it. */
  rebuild(imported = null) {
    if (this.build(imported)) this.draw();
  }

  /** `rebuild` without the drawing: true when there is a new run to draw, false when an alert says why not. */
  build(imported = null) {
    this.pause();
    this.mirror();
    this.layers.render();
    try {
      const next = imported ?? this.data.build();
      this.playground?.free();
      this.playground = next;
      this.linkEdits = "";
      this.hideAlert();
    } catch (e) {
      this.showAlert(e.message);
      return false;
    }
    return true;
  }

  /** The keys that define a run (docs/link-keys.md), as the controls hold them. */
  runKeys() {
    const own = settingKeys(this.root, this.tuning.root); // noise, split, seed, lr, batch
    return {
      data: this.$("dataset").value, ...own, ...this.data.keys(),
      layers: this.layers.key(), features: this.features, edits: this.linkEdits, ...this.tuning.keys(),
    };
  }

  /** Every key of the training view: the run's, whether test data shows, and the steps taken. */
  keys() {
    return {
      ...this.runKeys(), edits: this.playground ? this.playground.edits() : "",
      test: this.$("show-test").checked ? "1" : "0", discrete: this.$("discretize").checked ? "1" : "0",
      steps: this.playground ? String(this.status().step) : "0",
    };
  }

  /**
   * Sets every control from a link's state (from `read_link`), builds the
   * run and trains `steps`. What follows the build (the drawing, the
   * catch-up) goes to `later`, which the page's start runs in a task of its own.
   */
  apply(state, later = (work) => work()) {
    this.setControls(state);
    if (!this.build()) return;
    this.drawLater(later);
    later(() => {
      if (state.steps > 0 && this.playground) this.catchUp(state.steps);
    });
  }

  /** Shows `playground` (a loaded network file's run) with the controls set from its link `state`. */
  adopt(playground, state) {
    this.setControls(state);
    this.rebuild(playground);
  }

  /** Sets the training controls from a link's state. */
  setControls(state) {
    this.$("dataset").value = state.data;
    applySettings(this.root, state, this.tuning.root); // noise, split, seed, lr, batch
    this.data.setControls(state); // drawn points and the data seed
    this.$("show-test").checked = state.test;
    this.$("discretize").checked = state.discrete;
    this.layers.set(state.layers);
    this.features = state.features;
    this.linkEdits = state.edits;
    this.tuning.apply(state);
  }

  /** Whether the run is playing (or catching up with a link). */
  get playing() {
    return this.player.playing;
  }

  /** Whether the run is catching up with a link's `steps` (not played by the reader). */
  get catchingUp() {
    return this.player.catching;
  }

  /** Whether frames are running, during which the link waits. */
  busy() {
    return this.playing;
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
      const keys = { lr: this.$("learning-rate").value, batch: this.$("batch-size").value, ...this.tuning.keys() };
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
    // A divergence is told by the status (its step is the status line's); another error by its message.
    if (this.status().warning_text === null) this.showAlert(`${error.message[0].toUpperCase()}${error.message.slice(1)}, then press Reset.`);
  }

  status() {
    return this.playground.status();
  }

  /** What a copied link cannot carry of this run, in words, or null: settings changed midway are not replayed. */
  linkCaveat() {
    const at = this.playground?.settings_changed_at();
    return at === undefined || at === null ? null
      : `It cannot carry the settings you changed at step ${at}: it replays the whole run with today's settings, so its losses will differ. Reset, then train, for a link that replays exactly.`;
  }

  showAlert(message) {
    delete this.$("train-alert").dataset.warning;
    this.$("train-alert").textContent = message;
    this.$("train-alert").hidden = false;
  }

  hideAlert() {
    this.$("train-alert").hidden = true;
  }

  /** Redraws the three canvases and the status line. */
  draw() {
    for (const [, part] of this.drawParts()) part();
  }

  /** Hands `later` the drawing a part at a time (the page's start runs each in a task of its own). */
  drawLater(later) {
    const playground = this.playground;
    // A part still due when the run has been replaced has nothing to draw: the new run is drawn whole.
    for (const [, part] of this.drawParts()) later(() => this.playground === playground && part());
  }

  /**
   * What `draw` does, in three parts, each with its name (Play and the
   * catch-up time them apart and may run them in different frames): the
   * heatmap; the loss chart and the network; the status and the panels that
   * follow the run.
   */
  drawParts() {
    if (!this.playground) return [];
    const dark = prefersDark();
    return [
      ["heatmap", () => {
        const heatmap = this.$("heatmap");
        const ratio = fitCanvas(heatmap);
        timed("heatmap", () => this.playground.draw_heatmap(heatmap, ratio, this.$("show-test").checked, dark));
        // The batch a stage of the stage panel sampled, ringed.
        this.playground.draw_batch_marks(heatmap, ratio, dark);
      }],
      ["loss and network", () => {
        timed("loss", () => this.playground.draw_loss(this.$("loss-chart"), fitCanvas(this.$("loss-chart")), dark));
        this.network.draw(dark);
      }],
      ["status", () => this.drawStatus()],
    ];
  }

  /** The status line, the accuracy and the panels that follow the run. */
  drawStatus() {
    const status = this.status();
    const { step, train_loss: train, test_loss: test, train_accuracy: trainAcc, test_accuracy: testAcc } = status;
    const rate = this.tuning.scheduled() ? ` · learning rate ${fmt(this.playground.learning_rate_now())}` : "";
    this.$("train-status").textContent = `Step ${step} · train loss ${lossText(train)} · test loss ${lossText(test)}${rate}${warningSuffix(status)}`;
    showWarning(this.$("train-alert"), status);
    // Every digit, for tools and tests that compare runs bit for bit.
    Object.assign(this.$("train-status").dataset, { trainLoss: String(train), testLoss: String(test) });
    this.$("accuracy").textContent = testAcc === null
      ? "Regression: the loss is half the mean squared error."
      : `Accuracy: train ${(100 * trainAcc).toFixed(1)}% · test ${(100 * testAcc).toFixed(1)}%`;
    timed("follow", () => {
      this.data.update();
      this.metrics.update(this.playground);
      this.edit.showPressed();
      for (const listener of this.listeners.draw) listener(this);
    });
  }

  /**
   * What other panels may use of the run, handed to them by the composer
   * (app.js): the Playground shown (or none), whether it plays, Pause, a
   * redraw, the run's keys and batch size, and three events: after every
   * redraw, after the Play button, and after a control of the run changes.
   */
  shared() {
    return Object.freeze({
      playground: () => this.playground, playing: () => this.playing, pause: () => this.pause(), draw: () => this.draw(),
      runKeys: () => this.runKeys(), batchSize: () => Number(this.$("batch-size").value),
      // The run's network drawn on another panel's canvas, paced for Play as this one's is.
      networkOn: (canvas) => new NetworkDrawing(canvas, null, () => this.playground, () => this.playing),
      onDraw: (listener) => this.listeners.draw.push(listener),
      onPlayButton: (listener) => this.listeners.toggle.push(listener),
      onSettings: (listener) => this.listeners.settings.push(listener),
    });
  }

  /** Calls `listener()` whenever the reader may have changed a control, and after every redraw. */
  onChange(listener) {
    onControls(this.root, listener);
    this.listeners.draw.push(() => listener());
  }

  /** The keys this panel presses: Space plays or pauses, S steps, R resets. */
  shortcuts() {
    return { " ": { button: this.$("play") }, s: { button: this.$("step") }, r: { button: this.$("reset") } };
  }

  /** Its plots and the texts that say what they show (describe.js). */
  plots() {
    const text = (words) => () => (this.playground ? words(this.playground) : "");
    const data = () => this.$("dataset").selectedOptions[0]?.textContent ?? this.$("dataset").value;
    return [
      { canvas: this.$("heatmap"), text: text((p) => heatmapText(p, data())) },
      { canvas: this.$("loss-chart"), text: text(lossChartText) },
      { canvas: this.$("network"), text: text(networkText) },
    ];
  }

  /** Says what a Save button did, in the Save and Load status line. */
  saySaved(text) {
    this.keep.say(text);
  }
}
