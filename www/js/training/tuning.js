// The training view's optimiser, learning-rate schedule and regularisation
// controls: menus, the hyper-parameters of the current choice, and their
// link keys. Rust checks every value (Playground.retune); this module only
// moves values between the controls and the keys. Part of the training
// panel: it works inside the "Optimiser, schedule and regularisation" box.
import { applySettings, setting, settingKeys } from "../settings.js";

/** The hyper-parameters (link keys) each optimiser has. */
const HYPER = { sgd: [], momentum: ["momentum"], nesterov: ["momentum"], adagrad: ["eps"], rmsprop: ["rho", "eps"], adam: ["beta1", "beta2", "eps"] };

export /** The optimiser, schedule and regularisation controls. */
class Tuning {
  /**
   * Follows the controls inside `root` (filled from the settings catalogue);
   * `onChange()` runs when any of them changes.
   */
  constructor(root, onChange) {
    this.root = root;
    root.addEventListener("change", () => {
      this.show();
      onChange();
    });
    this.show();
  }

  /** The value of the control of link key `key`. */
  value(key) {
    return this.root.querySelector(`[data-setting="${key}"]`).value;
  }

  /** Shows the current choices' settings only, and the optimiser's rule. */
  show() {
    const opt = this.value("opt");
    for (const div of this.root.querySelectorAll("[data-hyper]")) div.hidden = !HYPER[opt].includes(div.dataset.hyper);
    for (const div of this.root.querySelectorAll("[data-decay]")) div.hidden = !this.scheduled();
    this.root.querySelector("[data-rate]").hidden = this.value("reg") === "none";
    this.root.querySelector("#optimizer-rule").textContent = setting("opt").choices.find((c) => c.name === opt).help;
  }

  /** True when the learning rate changes over the steps. */
  scheduled() {
    return this.value("schedule") !== "constant";
  }

  /** The link keys of the current choices (docs/link-keys.md), as the controls hold them. */
  keys() {
    const all = settingKeys(this.root);
    const keys = { opt: all.opt };
    for (const key of HYPER[all.opt]) keys[key] = all[key];
    keys.schedule = all.schedule;
    if (this.scheduled()) Object.assign(keys, { lr_every: all.lr_every, lr_factor: all.lr_factor });
    keys.reg = all.reg;
    if (keys.reg !== "none") keys.reg_rate = all.reg_rate;
    return keys;
  }

  /** Sets the controls from a link's state (from `read_link`). */
  apply(state) {
    applySettings(this.root, state);
    // A link that goes beyond the notes' plain SGD shows where it does.
    if (state.opt !== "sgd" || state.schedule !== "constant" || state.reg !== "none") this.root.open = true;
    this.show();
  }
}
