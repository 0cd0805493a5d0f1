// The training view's hidden layers: the list with each layer's unit buttons
// and activation menu, Add layer and Remove layer, and the Activation menu
// that sets every layer. Part of the training panel: it holds the layers as
// the controls show them and writes the `layers` key; the panel rebuilds the
// run when they change.
import { button, fillSelect } from "../dom.js";
import { setting } from "../settings.js";

/** The Activation menu's entry while the layers differ. */
const MIXED = "mixed";
/** One hidden layer as the controls hold it; `param` is null for the default. */
const hiddenLayer = (units, activation = "tanh", param = null) => ({ units, activation, param });

export /** The hidden layers and their controls. */
class Layers {
  /**
   * `$` finds the training panel's elements; `kinds` are the hidden activations [name, label]; `params` their
   * parameters by name ({name, default, min, max, step}, as `activations()` gives them); `onChange()` rebuilds the run.
   */
  constructor($, kinds, params, onChange) {
    this.$ = $;
    this.kinds = kinds;
    this.params = params;
    this.onChange = onChange;
    this.list = [hiddenLayer(4), hiddenLayer(2)];
    fillSelect($("activation"), [...kinds, [MIXED, "Mixed (set per layer)"]], "tanh");
    $("add-layer").addEventListener("click", () => { this.list.push(hiddenLayer(4, this.newLayerActivation())); onChange(); });
    $("remove-layer").addEventListener("click", () => { this.list.pop(); onChange(); });
    $("activation").addEventListener("change", () => this.setEveryLayer($("activation").value));
  }

  /** The `layers` key: `4:tanh,2:relu,…` (a parameter after a second colon). */
  key() {
    return this.list.map((l) => [l.units, l.activation, l.param].filter((v) => v !== null).join(":")).join(",");
  }

  /** Takes the layers of a link's state ([{units, activation, param}]). */
  set(layers) {
    this.list = layers.map((l) => hiddenLayer(l.units, l.activation, l.param));
  }

  /** The Activation menu sets every hidden layer (its "mixed" entry changes nothing). */
  setEveryLayer(activation) {
    if (activation === MIXED) return;
    for (const layer of this.list) Object.assign(layer, { activation, param: null });
    this.onChange();
  }

  /** A new layer takes the layers' shared activation, else the last layer's. */
  newLayerActivation() {
    const chosen = this.$("activation").value;
    return chosen !== MIXED ? chosen : this.list.at(-1)?.activation ?? "tanh";
  }

  /**
   * A number field for the layer's parameter, where its activation has one: Maxout's pieces, Leaky ReLU's and
   * ELU's alpha, PReLU's starting slope. Empty is the default; a value out of range is refused by the rebuild,
   * whose alert names what is accepted.
   */
  paramField(layer, i) {
    const pieces = layer.activation === "maxout";
    const spec = pieces ? { name: "pieces", ...setting("layers.pieces"), step: 1 } : this.params[layer.activation];
    if (!spec) return null;
    const field = document.createElement("label");
    field.className = "layer-param";
    const input = Object.assign(document.createElement("input"), { type: "number", min: spec.min, max: spec.max, step: spec.step ?? "any" });
    const name = pieces ? "Maxout pieces" : `${this.kinds.find(([k]) => k === layer.activation)?.[1] ?? layer.activation} ${spec.name}`;
    input.setAttribute("aria-label", `${name} of layer ${i + 1}`);
    const standard = pieces ? setting("layers.pieces").default ?? 2 : spec.default;
    input.placeholder = String(standard);
    input.value = layer.param ?? "";
    input.addEventListener("change", () => {
      const value = input.value.trim();
      layer.param = value === "" ? null : Number(value);
      this.onChange();
    });
    field.append(pieces ? "pieces" : spec.name, input);
    return field;
  }

  /** The layer list: one row per hidden layer with its unit buttons and activation. */
  render() {
    const items = this.list.map((layer, i) => {
      const n = layer.units;
      const li = document.createElement("li");
      const label = document.createElement("span");
      label.className = "units";
      label.textContent = `${n} unit${n === 1 ? "" : "s"}`;
      const less = button("−", `Remove a unit from layer ${i + 1}`, n <= 1, () => { layer.units--; this.onChange(); });
      const more = button("+", `Add a unit to layer ${i + 1}`, n >= setting("layers.units").max, () => { layer.units++; this.onChange(); });
      const menu = document.createElement("select");
      menu.setAttribute("aria-label", `Activation of layer ${i + 1}`);
      fillSelect(menu, this.kinds, layer.activation);
      menu.addEventListener("change", () => { Object.assign(layer, { activation: menu.value, param: null }); this.onChange(); });
      li.append(label, less, more, menu);
      const param = this.paramField(layer, i);
      if (param) li.append(param);
      return li;
    });
    this.$("layers").replaceChildren(...items);
    const kinds = new Set(this.list.map((l) => l.activation));
    if (kinds.size > 0) this.$("activation").value = kinds.size === 1 ? [...kinds][0] : MIXED;
    const count = this.list.length;
    this.$("layer-count").textContent = `${count} hidden layer${count === 1 ? "" : "s"}`;
    this.$("add-layer").disabled = count >= setting("layers.layers").max;
    this.$("remove-layer").disabled = count === 0;
  }
}
