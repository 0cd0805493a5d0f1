// Text alternatives for the plots: beside each canvas a visually hidden,
// polite live region says what the plot shows now, and the canvas names it
// in aria-describedby. While training plays they are rewritten at most every
// few seconds, so a screen reader is not flooded; otherwise at once.
import { $, fmt } from "./dom.js";

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

/** The explorer's curves. */
function curvesText() {
  const names = [...document.querySelectorAll("#curve-choices input:checked")].map((i) => i.parentElement.textContent.trim());
  if (names.length === 0) return "No functions are drawn: tick one under Functions to draw.";
  return `${names.join(", ")}: f(x) drawn above and f′(x) below, for x from ${$("x-min").value} to ${$("x-max").value}; ` +
    "shaded where |f′(x)| < 0.01, where the gradient dies.";
}

/** The decision boundary and the data. */
function heatmapText(playground) {
  const { step, train_loss: trainLoss, test_loss: testLoss, train_accuracy: trainAcc, test_accuracy: testAcc, train_size: trainSize } = playground.status();
  const data = $("dataset").selectedOptions[0]?.textContent ?? $("dataset").value;
  const start = `The network's output over the input plane for the ${data} data at step ${step}`;
  if (trainAcc === null) {
    return `${start}: half the mean squared error is ${num(trainLoss)} on the ${trainSize} training points and ${num(testLoss)} on the test points.`;
  }
  return `${start}, coloured by class: it classifies ${percent(trainAcc)} of the ${trainSize} training points and ` +
    `${percent(testAcc)} of the test points correctly.`;
}

/** The loss chart, from its first record to its last. */
function lossText(playground) {
  const { first: { step: s0, train_loss: train0, test_loss: test0 }, last: { step: s1, train_loss: train1, test_loss: test1 } } = playground.loss_summary();
  if (s0 === s1) return `Train loss ${num(train0)} and test loss ${num(test0)} at step ${s0}; the chart grows as training goes on.`;
  return `Loss from step ${s0} to step ${s1}: train loss ${num(train0)} to ${num(train1)}, test loss ${num(test0)} to ${num(test1)}.`;
}

/** The network drawing: its layers and any dead units. */
function networkText(playground) {
  const layers = perLayer(playground, (label, d) => `${label} with ${d.units} units`);
  const dead = perLayer(playground, (label, d) => (d.dead > 0 ? `${d.dead} of ${d.units} in ${label}` : ""));
  const cut = playground.cut_links();
  return `The network: inputs ${playground.feature_labels()}; ${layers}. Links are blue for positive weights and orange for negative, ` +
    `wider for larger ones.${cut > 0 ? ` ${cut} links are cut (a weight of exactly 0), drawn dashed.` : ""}` +
    `${dead ? ` Dead units, crossed out: ${dead}.` : ""}`;
}

/** The four diagnostics charts, each from the latest record. */
const DIAGNOSTICS = {
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
  /** `training` is the training view; `link` (www/js/link.js) tells when other controls settled. */
  constructor(training, link) {
    this.training = training;
    this.entries = [];
    this.last = -Infinity;
    this.timer = 0;
    const run = (text) => () => (training.playground ? text(training.playground) : "");
    this.add("curve-canvas", curvesText);
    this.add("heatmap", run(heatmapText));
    this.add("loss-chart", run(lossText));
    this.add("network", run(networkText));
    for (const [id, text] of Object.entries(DIAGNOSTICS)) this.add(id, run(text));
    training.onDraw(() => this.update());
    link.onSync(() => this.update());
    $("play").addEventListener("click", () => this.update());
    this.write();
  }

  /** A hidden live region after the canvas `id`, which the canvas's description names. */
  add(id, text) {
    const canvas = $(id);
    if (!canvas) return;
    const region = document.createElement("p");
    region.id = `${id}-text`;
    region.className = "visually-hidden";
    region.setAttribute("aria-live", "polite");
    canvas.after(region);
    const described = [canvas.getAttribute("aria-describedby"), region.id].filter(Boolean).join(" ");
    canvas.setAttribute("aria-describedby", described);
    this.entries.push({ region, text });
  }

  /** Rewrites the texts now, or while training plays once QUIET has passed since the last time. */
  update() {
    if (!this.training.playing) return this.write();
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
