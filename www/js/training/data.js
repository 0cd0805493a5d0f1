// The reader's own data: clicking the heatmap adds a point (shift-click or a
// long press removes the nearest), a keyboard crosshair does the same, a CSV
// replaces the points all or nothing, Clear data empties them; Regenerate
// draws new data with a new data seed, Discretize output paints hard regions.
// Rust (CustomPoints) checks and holds the points; this module moves events.
// Part of the training panel, which hands it the run's parts it uses.
import { fillSelect } from "../dom.js";
import { fragment, setting } from "../settings.js";

/** Milliseconds a press must last to remove the nearest point. */
const LONG_PRESS = 500;
/** Pixels a press may move and still count as a click or a long press. */
const SLOP = 8;
/** Input-plane units the crosshair moves per arrow key (the plane's half-width is the catalogue's points.x). */
const CROSSHAIR_STEP = 0.25;

export /** The data controls: drawn points, CSV, Clear data, Regenerate, Discretize output. */
class DataPanel {
  /**
   * `$` finds the training panel's elements; `run` is what the panel shares
   * with it: `playground()` (the run shown, or none yet), `runKeys()`,
   * `rebuild()` and `draw()`. The panel calls `update()` after each redraw.
   */
  constructor(api, $, run) {
    this.api = api;
    this.$ = $;
    this.run = run;
    this.points = new api.CustomPoints(2);
    this.lastData = $("dataset").value;
    this.dataSeed = null;
    this.cross = null;
    this.press = null;
    this.discreteFor = null;
    const own = setting("data").choices.find((c) => c.name === "custom");
    $("dataset").append(new Option(own.label, own.name));
    const classes = setting("points.class").max + 1;
    fillSelect($("point-class"), [...Array(classes).keys()].map((c) => [c, String(c)]), 0);
    this.crosshair = document.createElement("div");
    this.crosshair.className = "crosshair";
    this.crosshair.hidden = true;
    $("heatmap").parentElement.classList.add("heatmap-figure");
    $("heatmap").after(this.crosshair);
    this.bind();
    this.update();
  }

  /** Wires the heatmap's pointer and keys, the buttons and the toggles. */
  bind() {
    const $ = this.$;
    const map = $("heatmap");
    map.addEventListener("pointerdown", (e) => this.pressStart(e));
    map.addEventListener("pointerup", (e) => this.pressEnd(e));
    map.addEventListener("pointercancel", () => this.pressCancel());
    map.addEventListener("contextmenu", (e) => e.preventDefault());
    map.addEventListener("keydown", (e) => this.onKey(e));
    map.addEventListener("blur", () => { this.crosshair.hidden = true; });
    $("clear-data").addEventListener("click", () => this.edit((p) => { p.clear(); return "Cleared the data"; }));
    $("load-csv").addEventListener("click", () => this.loadCsv($("csv-text").value));
    $("csv-file").addEventListener("change", () => this.loadFile());
    $("regenerate").addEventListener("click", () => this.regenerate());
    $("discretize").addEventListener("change", () => { this.discreteFor = null; this.run.draw(); });
  }

  /** The data's keys of a run: `data_seed` when set, `points` for drawn data (empty past the link's limit). */
  keys() {
    const keys = {};
    if (this.dataSeed !== null) keys.data_seed = String(this.dataSeed);
    if (this.$("dataset").value === "custom") keys.points = this.points.link_code();
    return keys;
  }

  /** A new run from the controls: drawn data goes in whole (any number of points), not through the link. */
  build() {
    const { data, points, ...rest } = this.run.runKeys();
    if (data !== "custom") {
      this.lastData = data;
      return this.api.Playground.from_link(fragment({ data, ...rest }));
    }
    if (this.lastData !== "custom" && this.run.playground()) this.replace(this.run.playground().points());
    this.lastData = "custom";
    return this.api.Playground.with_points(fragment(rest), this.points);
  }

  /** Sets the points and the data seed from a link's state (before the run is built). */
  setControls(state) {
    this.dataSeed = state.data_seed;
    this.lastData = state.data;
    if (state.data === "custom") this.$("own-data").open = true;
    try {
      this.replace(this.api.CustomPoints.from_code(state.points));
    } catch {
      this.replace(new this.api.CustomPoints(2));
    }
  }

  /** Makes `points` the drawn data, freeing the old. */
  replace(points) {
    this.points?.free();
    this.points = points;
  }

  /** Applies `change(points)` (which returns what it did) to the drawn data, starting from the current points. */
  edit(change) {
    if (this.$("dataset").value !== "custom" && this.run.playground()) this.replace(this.run.playground().points());
    let said;
    try {
      said = change(this.points);
    } catch (e) {
      this.say(e.message);
      return;
    }
    this.$("dataset").value = "custom";
    this.lastData = "custom";
    this.run.rebuild();
    this.update();
    if (said) this.say(`${said}; ${this.countText()}`);
  }

  /** The label a new point gets: the chosen class, or the value for regression. */
  label() {
    return this.$("value-field").hidden ? Number(this.$("point-class").value) : Number(this.$("point-value").value);
  }

  /** Clicks and keys on the heatmap edit the data only while "Your own data" is open. */
  drawing() {
    return this.$("own-data").open;
  }

  pressStart(event) {
    if (event.button !== 0 || !this.drawing()) return;
    const at = [event.offsetX, event.offsetY];
    const timer = setTimeout(() => { this.press.done = true; this.removeAt(at); }, LONG_PRESS);
    this.press = { at, timer, done: false };
  }

  pressEnd(event) {
    const press = this.press;
    this.pressCancel();
    if (!press || press.done) return;
    const [x, y] = press.at;
    if (Math.hypot(event.offsetX - x, event.offsetY - y) > SLOP) return;
    if (event.shiftKey) this.removeAt(press.at);
    else this.addAt(press.at);
  }

  pressCancel() {
    if (this.press) clearTimeout(this.press.timer);
    this.press = null;
  }

  /** The heatmap's CSS size, as the pixel helpers take it. */
  size() {
    const map = this.$("heatmap");
    return [Math.max(1, Math.round(map.clientWidth)), Math.max(1, Math.round(map.clientHeight))];
  }

  addAt([x, y]) {
    const label = this.label();
    this.edit((p) => { p.add_at(x, y, ...this.size(), label); return `Added a point (${this.labelText(label)})`; });
  }

  removeAt([x, y]) {
    this.edit((p) => (p.remove_at(x, y, ...this.size()) ? "Removed the nearest point" : "No point to remove"));
  }

  /** Arrows move the crosshair, Enter adds a point there, Delete or Backspace removes the nearest, Escape hides it. */
  onKey(event) {
    if (!this.drawing()) return;
    const moves = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
    const move = moves[event.key];
    if (!move && !["Enter", "Delete", "Backspace", "Escape"].includes(event.key)) return;
    event.preventDefault();
    event.stopPropagation();
    if (event.key === "Escape") { this.cross = null; this.placeCrosshair(); return; }
    this.cross ??= [0, 0];
    const [x1, x2] = this.cross;
    if (move) {
      const domain = setting("points.x").max;
      const clamp = (v) => Math.min(domain, Math.max(-domain, v));
      this.cross = [clamp(x1 + move[0] * CROSSHAIR_STEP), clamp(x2 + move[1] * CROSSHAIR_STEP)];
      this.say(`Crosshair at x1 ${this.cross[0]}, x2 ${this.cross[1]}`);
    } else if (event.key === "Enter") {
      const label = this.label();
      this.edit((p) => { p.add(x1, x2, label); return `Added a point (${this.labelText(label)}) at x1 ${x1}, x2 ${x2}`; });
    } else {
      this.edit((p) => (p.remove_nearest(x1, x2) ? `Removed the point nearest x1 ${x1}, x2 ${x2}` : "No point to remove"));
    }
    this.placeCrosshair();
  }

  /** Shows the crosshair over the heatmap where the keyboard put it. */
  placeCrosshair() {
    const map = this.$("heatmap");
    this.crosshair.hidden = this.cross === null || document.activeElement !== map;
    if (this.crosshair.hidden) return;
    const { px, py } = this.api.heatmap_pixel(this.cross[0], this.cross[1], ...this.size());
    this.crosshair.style.left = `${map.offsetLeft + px}px`;
    this.crosshair.style.top = `${map.offsetTop + py}px`;
  }

  labelText(label) {
    return this.$("value-field").hidden ? `class ${label}` : `value ${label}`;
  }

  /**
   * Replaces the drawn data with a CSV's, or shows every bad row and changes
   * nothing; returns whether it loaded.
   */
  loadCsv(text) {
    let next;
    try {
      next = new this.api.CustomPoints(2);
      next.load_csv(text);
    } catch (e) {
      next?.free();
      this.$("csv-alert").textContent = `The CSV was not loaded; the data is unchanged.\n${e.message}`;
      this.$("csv-alert").hidden = false;
      return false;
    }
    this.$("csv-alert").hidden = true;
    this.edit(() => { this.replace(next); return `Loaded ${next.count()} points from the CSV`; });
    return true;
  }

  /** Loads the chosen file; only a file that loads replaces the CSV box's text. */
  async loadFile() {
    const file = this.$("csv-file").files[0];
    if (!file) return;
    const text = await file.text();
    if (this.loadCsv(text)) this.$("csv-text").value = text;
  }

  /** New data from a new data seed; the network's initial weights stay. */
  regenerate() {
    this.dataSeed = (this.dataSeed ?? Number(this.$("seed").value)) + 1;
    this.run.rebuild();
    this.say(`Regenerated the data with data seed ${this.dataSeed}`);
  }

  /** "N points (train a, test b)". */
  countText() {
    const run = this.run.playground();
    const custom = this.$("dataset").value === "custom";
    const total = custom ? this.points.count() : run ? run.status().train_size + run.test_size() : 0;
    if (custom && total < 2) return `${total} point${total === 1 ? "" : "s"}: add at least ${2 - total} more to train`;
    if (!run) return `${total} points`;
    return `${total} points (train ${run.status().train_size}, test ${run.test_size()})`;
  }

  /** Announces what an edit did (a live region; the count below is not one). */
  say(text) {
    this.$("data-status").textContent = text;
  }

  /** After each redraw: the label control, the hard regions, the count and the link's limit. */
  update() {
    const run = this.run.playground();
    const custom = this.$("dataset").value === "custom";
    const regression = custom ? this.points.classes() === 0 : run && !run.is_classifier();
    this.$("class-field").hidden = Boolean(regression);
    this.$("value-field").hidden = !regression;
    if (run && this.discreteFor !== run) {
      this.discreteFor = run;
      run.set_discrete(this.$("discretize").checked);
      this.run.draw();
      return;
    }
    const over = custom && this.points.count() > this.api.CustomPoints.link_limit();
    this.$("data-link-note").hidden = !over;
    this.$("data-link-note").textContent = over
      ? `The link cannot carry the drawn data: it has ${this.points.count()} points and a link carries at most ` +
        `${this.api.CustomPoints.link_limit()}. Opening the link shows the circle data instead.`
      : "";
    const train = run?.status().train_size;
    if (custom && train && Number(this.$("batch-size").value) > train) this.$("batch-size").value = String(train);
    const count = this.countText();
    if (this.$("data-count").textContent !== count) this.$("data-count").textContent = count;
    if (custom && this.points.count() < 2) {
      const map = this.$("heatmap");
      map.getContext("2d").clearRect(0, 0, map.width, map.height);
    }
    this.placeCrosshair();
  }
}
