// The training view's optimiser, learning-rate schedule and regularisation
// controls: menus, the hyper-parameters of the current choice, and their
// link keys. Rust checks every value (Playground.retune); this module only
// moves values between the controls and the keys.
import { $, chooseNumber, fillSelect } from "./dom.js";

/** The optimisers, by link name, with the rule each applies (shown under the menu). */
const OPTIMIZERS = [
  ["sgd", "SGD (the notes')", "w ← w − lr·dL/dw"],
  ["momentum", "Momentum", "v ← μ·v + dL/dw;  w ← w − lr·v"],
  ["nesterov", "Nesterov momentum", "v ← μ·v + dL/dw;  w ← w − lr·(dL/dw + μ·v)"],
  ["adagrad", "Adagrad", "G ← G + (dL/dw)²;  w ← w − lr·dL/dw / (√G + ε)"],
  ["rmsprop", "RMSProp", "s ← ρ·s + (1 − ρ)·(dL/dw)²;  w ← w − lr·dL/dw / (√s + ε)"],
  ["adam", "Adam", "m, v: running means of dL/dw and (dL/dw)²;  w ← w − lr·m̂ / (√v̂ + ε)"],
];
/** The hyper-parameters (link keys) each optimiser has. */
const HYPER = { sgd: [], momentum: ["momentum"], nesterov: ["momentum"], adagrad: ["eps"], rmsprop: ["rho", "eps"], adam: ["beta1", "beta2", "eps"] };
/** The input of each hyper-parameter key. */
const INPUTS = { momentum: "momentum", rho: "rho", beta1: "beta1", beta2: "beta2", eps: "epsilon", lr_every: "lr-every", lr_factor: "lr-factor" };
const SCHEDULES = [["constant", "Constant"], ["step", "Step decay"], ["exp", "Exponential decay"]];
const REGULARIZERS = [["none", "None"], ["l1", "L1"], ["l2", "L2"]];
/** Regularisation rates offered; a link may carry any from 0 to 10. */
const RATES = [0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];

export /** The optimiser, schedule and regularisation controls. */
class Tuning {
  /** Fills the menus; `onChange()` runs when any of these controls changes. */
  constructor(onChange) {
    fillSelect($("optimizer"), OPTIMIZERS.map(([name, label]) => [name, label]), "sgd");
    fillSelect($("schedule"), SCHEDULES, "constant");
    fillSelect($("regularization"), REGULARIZERS, "none");
    fillSelect($("reg-rate"), RATES.map((r) => [r, String(r)]), 0.001);
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
    $("optimizer-rule").textContent = OPTIMIZERS.find(([name]) => name === opt)[2];
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

