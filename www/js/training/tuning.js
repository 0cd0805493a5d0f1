// The training view's optimiser, learning-rate schedule and regularisation
// controls: menus, the hyper-parameters of the current choice, and their
// link keys. Rust checks every value (Playground.retune); this module only
// moves values between the controls and the keys.
import { $, chooseNumber } from "../dom.js";
import { setting } from "../settings.js";

/** The hyper-parameters (link keys) each optimiser has. */
const HYPER = { sgd: [], momentum: ["momentum"], nesterov: ["momentum"], adagrad: ["eps"], rmsprop: ["rho", "eps"], adam: ["beta1", "beta2", "eps"] };
/** The input of each hyper-parameter key. */
const INPUTS = { momentum: "momentum", rho: "rho", beta1: "beta1", beta2: "beta2", eps: "epsilon", lr_every: "lr-every", lr_factor: "lr-factor" };

export /** The optimiser, schedule and regularisation controls. */
class Tuning {
  /** Follows the menus (filled from the settings catalogue); `onChange()` runs when any of these controls changes. */
  constructor(onChange) {
    const ids = ["optimizer", "schedule", "regularization", "reg-rate", ...Object.values(INPUTS)];
    for (const id of ids) {
      $(id).addEventListener("change", () => {
        this.show();
        onChange();
      });
    }
    this.show();
  }

  /** Shows the current choices' settings only, and the optimiser's rule. */
  show() {
    const opt = $("optimizer").value;
    for (const div of document.querySelectorAll("[data-hyper]")) div.hidden = !HYPER[opt].includes(div.dataset.hyper);
    for (const div of document.querySelectorAll("[data-decay]")) div.hidden = $("schedule").value === "constant";
    document.querySelector("[data-rate]").hidden = $("regularization").value === "none";
    $("optimizer-rule").textContent = setting("opt").choices.find((c) => c.name === opt).help;
  }

  /** True when the learning rate changes over the steps. */
  scheduled() {
    return $("schedule").value !== "constant";
  }

  /** The link keys of the current choices (docs/link-keys.md), as the controls hold them. */
  keys() {
    const opt = $("optimizer").value;
    const keys = { opt };
    for (const key of HYPER[opt]) keys[key] = $(INPUTS[key]).value;
    keys.schedule = $("schedule").value;
    if (this.scheduled()) Object.assign(keys, { lr_every: $("lr-every").value, lr_factor: $("lr-factor").value });
    keys.reg = $("regularization").value;
    if (keys.reg !== "none") keys.reg_rate = $("reg-rate").value;
    return keys;
  }

  /** Sets the controls from a link's state (from `read_link`). */
  apply(state) {
    $("optimizer").value = state.opt;
    for (const [key, id] of Object.entries(INPUTS)) $(id).value = String(state[key]);
    $("schedule").value = state.schedule;
    $("regularization").value = state.reg;
    chooseNumber($("reg-rate"), state.reg_rate);
    // A link that goes beyond the notes' plain SGD shows where it does.
    if (state.opt !== "sgd" || state.schedule !== "constant" || state.reg !== "none") $("sgd-extras").open = true;
    this.show();
  }
}

