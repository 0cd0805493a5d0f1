// The network drawing's edits: a toggle button per input feature (also a
// click on an input unit), and a form to set one weight or bias — opened by a
// click on a link or unit, or from the keyboard by "Edit a weight". Rust finds
// what a click hit, names it, and checks and sets the value.
import { $, fillSelect } from "./dom.js";

/** Kinds of target, as `Playground.network_target` returns them. */
const INPUT = "input";
const BIAS = "bias";
const WEIGHT = "weight";

export /** Feature toggles and weight editing for the training view. */
class NetworkEdit {
  constructor(api, training) {
    this.api = api;
    this.training = training;
    /** The target the form edits: {kind, layer, from, to}. */
    this.target = null;
    this.buildToggles();
    this.bind();
    training.onDraw(() => this.showPressed());
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
    $("feature-toggles").replaceChildren(...buttons);
    this.showPressed();
  }

  bind() {
    $("network").addEventListener("click", (e) => this.onCanvasClick(e));
    $("edit-weight").addEventListener("click", () => this.open(null));
    $("weight-form").addEventListener("submit", (e) => { e.preventDefault(); this.apply(); });
    $("weight-cancel").addEventListener("click", () => $("weight-dialog").close());
    for (const id of ["weight-kind", "weight-layer", "weight-from", "weight-to"]) {
      $(id).addEventListener("change", () => this.pickFromForm(id));
    }
  }

  /** Marks each toggle pressed or not from the run's features. */
  showPressed() {
    const on = new Set(this.training.features.split(","));
    for (const b of $("feature-toggles").children) b.setAttribute("aria-pressed", String(on.has(b.dataset.feature)));
  }

  /** Switches feature `name` on or off and rebuilds the run; the last one is refused with a message. */
  toggle(name) {
    try {
      this.training.features = this.api.toggle_feature(this.training.features, name);
    } catch (e) {
      this.say(e.message);
      return;
    }
    this.say("");
    this.training.rebuild();
    this.showPressed();
  }

  say(message) {
    $("feature-alert").textContent = message;
    $("feature-alert").hidden = !message;
  }

  /** A click on the drawing: an input unit toggles its feature, a unit or link opens the form. */
  onCanvasClick(event) {
    const playground = this.training.playground;
    if (!playground) return;
    const canvas = $("network");
    const ratio = canvas.width / Math.max(1, canvas.clientWidth);
    const hit = playground.network_target(canvas.width, canvas.height, window.devicePixelRatio || 1,
      event.offsetX * ratio, event.offsetY * ratio);
    if (hit === null) return;
    const { kind, layer, from, to } = hit;
    if (kind === INPUT) this.toggle(playground.parameter_label(INPUT, 0, 0, to));
    else this.open({ kind, layer, from, to });
  }

  /** Opens the form on `target`, or (null) with the pickers for the keyboard route. */
  open(target) {
    if (!this.training.playground) return;
    this.training.pause();
    $("weight-pick").hidden = target !== null;
    this.target = target ?? { kind: WEIGHT, layer: 0, from: 0, to: 0 };
    if (target === null) this.fillPickers();
    this.showTarget();
    $("weight-error").hidden = true;
    $("weight-dialog").showModal();
    $("weight-value").select();
  }

  /** Fills the layer, from and to menus for the current target. */
  fillPickers() {
    const columns = [...this.training.playground.network_columns()];
    const { kind, layer } = this.target;
    const layers = columns.length - 1;
    $("weight-kind").value = kind;
    fillSelect($("weight-layer"), columns.slice(1).map((_, l) => [l, l + 1 === layers ? "Output layer" : `Layer ${l + 1}`]), layer);
    const sources = layer === 0
      ? this.training.features.split(",").map((name, i) => [i, this.api.input_features().find((f) => f.name === name).label])
      : Array.from({ length: columns[layer] }, (_, i) => [i, `Unit ${i + 1}`]);
    fillSelect($("weight-from"), sources, this.target.from);
    $("weight-from").disabled = kind === BIAS;
    fillSelect($("weight-to"), Array.from({ length: columns[layer + 1] }, (_, i) => [i, `Unit ${i + 1}`]), this.target.to);
  }

  /** A picker changed: the target follows (a new layer starts at its first units). */
  pickFromForm(id) {
    const value = (x) => Number($(x).value);
    const layerChanged = id === "weight-layer";
    this.target = {
      kind: $("weight-kind").value, layer: value("weight-layer"),
      from: layerChanged ? 0 : value("weight-from"), to: layerChanged ? 0 : value("weight-to"),
    };
    this.fillPickers();
    this.showTarget();
  }

  /** Labels the value field with the target's name and fills in its current value. */
  showTarget() {
    const { kind, layer, from, to } = this.target;
    const playground = this.training.playground;
    $("weight-label").textContent = playground.parameter_label(kind, layer, from, to);
    $("weight-value").value = String(playground.parameter_value(kind, layer, from, to));
  }

  /** Sets the typed value; a bad one keeps the form open with a message. */
  apply() {
    const text = $("weight-value").value.trim();
    const value = text === "" ? NaN : Number(text);
    const { kind, layer, from, to } = this.target;
    try {
      if (Number.isNaN(value)) throw new Error(`type a number such as 0.5 or -1.25 (got "${text}")`);
      this.training.playground.set_parameter(kind, layer, from, to, value);
    } catch (e) {
      $("weight-error").textContent = `${$("weight-label").textContent}: ${e.message}.`;
      $("weight-error").hidden = false;
      $("weight-value").focus();
      return;
    }
    $("weight-dialog").close();
    this.say(this.training.playground.edits_lost()
      ? "This run has more weight edits than a link can carry (50, or fewer when their values are long): " +
        "its link reproduces the run without the later ones."
      : "");
    this.training.draw();
  }
}
