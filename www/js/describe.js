// Text alternatives for the plots: beside each canvas a visually hidden,
// polite live region says what the plot shows now, and the canvas names it
// in aria-describedby. While training plays they are rewritten at most every
// few seconds, so a screen reader is not flooded; otherwise at once. Each
// panel names its plots and their texts (`plots()`), from the words here.
import { fmt } from "./dom.js";

/** Milliseconds between rewrites while training plays. */
const QUIET = 5000;

const num = (x) => (Number.isFinite(x) ? fmt(x) : "none");
const percent = (x) => `${(100 * x).toFixed(1)}%`;

/** Per layer of the diagnostics: `item(label, layer)` for each, as "a; b; c". */
function perLayer(playground, item) {
  const layers = playground.diagnostics();
  return playground.diagnostic_labels()
    .map((label, l) => item(label, layers[l]))
    .filter(Boolean).join("; ");
}

/**
 * One layer's diagnostics as the table and the strip beside the network
 * write them: mean |dL/dW|, dead units ("2 of 8", "—" for the output) and
 * the saturated share ("—" unless sigmoid or tanh).
 */
export function layerFigures(d) {
  return {
    gradient: Number.isFinite(d.gradient) ? fmt(d.gradient) : "—",
    dead: d.dead === null ? "—" : `${d.dead} of ${d.units}`,
    saturated: d.saturated === null ? "—" : percent(d.saturated),
  };
}

/** The explorer's curves: the `names` drawn, for x from `from` to `to`. */
export function curvesText(names, from, to) {
  if (names.length === 0) return "No functions are drawn: tick one under Functions to draw.";
  return `${names.join(", ")}: f(x) drawn above and f′(x) below, for x from ${from} to ${to}; ` +
    "shaded where |f′(x)| < 0.01, where the gradient dies.";
}

/** The decision boundary and the `data` (the dataset's name). */
export function heatmapText(playground, data) {
  const { step, train_loss: trainLoss, test_loss: testLoss, train_accuracy: trainAcc, test_accuracy: testAcc, train_size: trainSize } = playground.status();
  const start = `The network's output over the input plane for the ${data} data at step ${step}`;
  if (trainAcc === null) {
    return `${start}: half the mean squared error is ${num(trainLoss)} on the ${trainSize} training points and ${num(testLoss)} on the test points.`;
  }
  return `${start}, coloured by class: it classifies ${percent(trainAcc)} of the ${trainSize} training points and ` +
    `${percent(testAcc)} of the test points correctly.`;
}

/** The loss chart, from its first record to its last. */
export function lossText(playground) {
  const { first: { step: s0, train_loss: train0, test_loss: test0 }, last: { step: s1, train_loss: train1, test_loss: test1 } } = playground.loss_summary();
  if (s0 === s1) return `Train loss ${num(train0)} and test loss ${num(test0)} at step ${s0}; the chart grows as training goes on.`;
  return `Loss from step ${s0} to step ${s1}: train loss ${num(train0)} to ${num(train1)}, test loss ${num(test0)} to ${num(test1)}.`;
}

/** The network drawing: its layers and any dead units. */
export function networkText(playground) {
  const layers = perLayer(playground, (label, d) => `${label} with ${d.units} units`);
  const dead = perLayer(playground, (label, d) => (d.dead > 0 ? `${d.dead} of ${d.units} in ${label}` : ""));
  const cut = playground.cut_links();
  return `The network: inputs ${playground.feature_labels()}; ${layers}. Links are blue for positive weights and orange for negative, ` +
    `wider for larger ones.${cut > 0 ? ` ${cut} links are cut (a weight of exactly 0), drawn dashed.` : ""}` +
    `${dead ? ` Dead units, crossed out: ${dead}.` : ""}`;
}

/** The four diagnostics charts (by canvas id), each from the latest record. */
export const DIAGNOSTICS = {
  "gradient-chart": (p) => `Mean |dL/dW| at step ${p.status().step}: ${perLayer(p, (label, d) => `${label} ${num(d.gradient)}`)}.`,
  "unit-chart": (p) => {
    const dead = perLayer(p, (label, d) => (d.dead === null ? "" : `${label} ${d.dead} of ${d.units}`));
    const saturated = perLayer(p, (label, d) => (d.saturated === null ? "" : `${label} ${percent(d.saturated)}`));
    return `At step ${p.status().step}, dead units: ${dead || "no ReLU layer"}. Saturated: ${saturated || "no sigmoid or tanh layer"}.`;
  },
  "activation-chart": (p) => `Mean of a ± one spread at step ${p.status().step}: ` +
    `${perLayer(p, (label, d) => (label.startsWith("output") ? "" : `${label} ${num(d.a_mean)} ± ${num(d.a_spread)}`)) || "no hidden layer"}.`,
  "histogram-chart": (p) => `Where each layer's z fall at step ${p.status().step}: ` +
    `${perLayer(p, (label, d) => `${label} from ${num(d.z_min)} to ${num(d.z_max)}`)}.`,
};

export /** The plots' live text alternatives. */
class PlotTexts {
  /** `playing()` says whether training plays (the texts then wait QUIET between rewrites). */
  constructor(playing) {
    this.playing = playing;
    this.entries = [];
    this.last = -Infinity;
    this.timer = 0;
  }

  /** A hidden live region after `canvas`, which the canvas's description names; `text()` is what it says. */
  add(canvas, text) {
    const region = document.createElement("p");
    region.id = `${canvas.id}-text`;
    region.className = "visually-hidden";
    region.setAttribute("aria-live", "polite");
    canvas.after(region);
    const described = [canvas.getAttribute("aria-describedby"), region.id].filter(Boolean).join(" ");
    canvas.setAttribute("aria-describedby", described);
    this.entries.push({ region, text });
  }

  /** Rewrites the texts now, or while training plays once QUIET has passed since the last time. */
  update() {
    if (!this.playing()) return this.write();
    const wait = this.last + QUIET - performance.now();
    if (wait <= 0) this.write();
    else if (!this.timer) this.timer = setTimeout(() => this.write(), wait);
  }

  write() {
    clearTimeout(this.timer);
    this.timer = 0;
    this.last = performance.now();
    for (const { region, text } of this.entries) {
      const value = text();
      if (region.textContent !== value) region.textContent = value;
    }
  }
}
