// The network drawing's edits: a toggle button per input feature (also a
// click on an input unit), and a form to set one weight or bias — opened by a
// click on a link or unit, or from the keyboard by "Edit a weight". Rust finds
// what a click hit, names it, and checks and sets the value. Part of the
// training panel, which hands it the run's parts it uses.
import { fillSelect } from "../dom.js";

/** Kinds of target, as `Playground.network_target` returns them. */
const INPUT = "input";
const BIAS = "bias";
const WEIGHT = "weight";

export /** Feature toggles and weight editing for the training view. */
class NetworkEdit {
  /**
   * `$` finds the training panel's elements; `run` is what the panel shares:
   * `playground()`, `features()` and `setFeatures(names)` (the `features`
   * key), `rebuild()`, `pause()` and `draw()`. The panel calls
   * `showPressed()` after each redraw.
   */
  constructor(api, $, run) {
    this.api = api;
    this.$ = $;
    this.run = run;
    /** The target the form edits: {kind, layer, from, to}. */
    this.target = null;
    this.buildToggles();
    this.bind();
  }

  /** One button per feature, pressed while the run feeds it to the network. */
  buildToggles() {
    const buttons = this.api.input_features().map(({ name, label }) => {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = label;
      b.dataset.feature = name;
      b.setAttribute("aria-label", `Input ${label}`);
      b.addEventListener("click", () => this.toggle(name));
      return b;
    });
    this.$("feature-toggles").replaceChildren(...buttons);
    this.showPressed();
  }

  bind() {
    this.$("network").addEventListener("click", (e) => this.onCanvasClick(e));
    this.$("edit-weight").addEventListener("click", () => this.open(null));
    this.$("weight-form").addEventListener("submit", (e) => { e.preventDefault(); this.apply(); });
    this.$("weight-cancel").addEventListener("click", () => this.$("weight-dialog").close());
    for (const id of ["weight-kind", "weight-layer", "weight-from", "weight-to"]) {
      this.$(id).addEventListener("change", () => this.pickFromForm(id));
    }
  }

  /** Marks each toggle pressed or not from the run's features. */
  showPressed() {
    const on = new Set(this.run.features().split(","));
    for (const b of this.$("feature-toggles").children) b.setAttribute("aria-pressed", String(on.has(b.dataset.feature)));
  }

  /** Switches feature `name` on or off and rebuilds the run; the last one is refused with a message. */
  toggle(name) {
    try {
      this.run.setFeatures(this.api.toggle_feature(this.run.features(), name));
    } catch (e) {
      this.say(e.message);
      return;
    }
    this.say("");
    this.run.rebuild();
    this.showPressed();
  }

  say(message) {
    this.$("feature-alert").textContent = message;
    this.$("feature-alert").hidden = !message;
  }

  /** A click on the drawing: an input unit toggles its feature, a unit or link opens the form. */
  onCanvasClick(event) {
    const playground = this.run.playground();
    if (!playground) return;
    const canvas = this.$("network");
    const ratio = canvas.width / Math.max(1, canvas.clientWidth);
    const hit = playground.network_target(canvas.width, canvas.height, window.devicePixelRatio || 1,
      event.offsetX * ratio, event.offsetY * ratio);
    if (hit === null) return;
    const { kind, layer, from, to } = hit;
    if (kind === INPUT) this.toggleFromDrawing(playground.parameter_label(INPUT, 0, 0, to));
    else this.open({ kind, layer, from, to });
  }

  /**
   * A click on input unit `name`: it toggles the feature only where its
   * button could, so a teacher's lock or hide (which disable or remove the
   * buttons) holds against the drawing too.
   */
  toggleFromDrawing(name) {
    const button = [...this.$("feature-toggles").children].find((b) => b.dataset.feature === name);
    if (button && !button.disabled && button.checkVisibility()) return this.toggle(name);
    this.say(`The input features are fixed here: ${button?.textContent ?? name} stays ${button?.getAttribute("aria-pressed") === "false" ? "off" : "on"}.`);
  }

  /** Opens the form on `target`, or (null) with the pickers for the keyboard route. */
  open(target) {
    if (!this.run.playground()) return;
    this.run.pause();
    this.$("weight-pick").hidden = target !== null;
    this.target = target ?? { kind: WEIGHT, layer: 0, from: 0, to: 0 };
    if (target === null) this.fillPickers();
    this.showTarget();
    this.$("weight-error").hidden = true;
    this.$("weight-dialog").showModal();
    this.$("weight-value").select();
  }

  /** Fills the layer, from and to menus for the current target. */
  fillPickers() {
    const columns = [...this.run.playground().network_columns()];
    const { kind, layer } = this.target;
    const layers = columns.length - 1;
    this.$("weight-kind").value = kind;
    fillSelect(this.$("weight-layer"), columns.slice(1).map((_, l) => [l, l + 1 === layers ? "Output layer" : `Layer ${l + 1}`]), layer);
    const sources = layer === 0
      ? this.run.features().split(",").map((name, i) => [i, this.api.input_features().find((f) => f.name === name).label])
      : Array.from({ length: columns[layer] }, (_, i) => [i, `Unit ${i + 1}`]);
    fillSelect(this.$("weight-from"), sources, this.target.from);
    this.$("weight-from").disabled = kind === BIAS;
    fillSelect(this.$("weight-to"), Array.from({ length: columns[layer + 1] }, (_, i) => [i, `Unit ${i + 1}`]), this.target.to);
  }

  /** A picker changed: the target follows (a new layer starts at its first units). */
  pickFromForm(id) {
    const value = (x) => Number(this.$(x).value);
    const layerChanged = id === "weight-layer";
    this.target = {
      kind: this.$("weight-kind").value, layer: value("weight-layer"),
      from: layerChanged ? 0 : value("weight-from"), to: layerChanged ? 0 : value("weight-to"),
    };
    this.fillPickers();
    this.showTarget();
  }

  /** Labels the value field with the target's name and fills in its current value. */
  showTarget() {
    const { kind, layer, from, to } = this.target;
    const playground = this.run.playground();
    this.$("weight-label").textContent = playground.parameter_label(kind, layer, from, to);
    this.$("weight-value").value = String(playground.parameter_value(kind, layer, from, to));
  }

  /** Sets the typed value; a bad one keeps the form open with a message. */
  apply() {
    const text = this.$("weight-value").value.trim();
    const value = text === "" ? NaN : Number(text);
    const { kind, layer, from, to } = this.target;
    try {
      if (Number.isNaN(value)) throw new Error(`type a number such as 0.5 or -1.25 (got "${text}")`);
      this.run.playground().set_parameter(kind, layer, from, to, value);
    } catch (e) {
      this.$("weight-error").textContent = `${this.$("weight-label").textContent}: ${e.message}.`;
      this.$("weight-error").hidden = false;
      this.$("weight-value").focus();
      return;
    }
    this.$("weight-dialog").close();
    this.say(this.run.playground().edits_lost()
      ? "This run has more weight edits than a link can carry (50, or fewer when their values are long): " +
        "its link reproduces the run without the later ones."
      : "");
    this.run.draw();
  }
}
