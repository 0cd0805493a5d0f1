// The stage stepper: the four stage buttons, and each stage's equations with
// the batch's matrices as tables. Rust builds the stage view (one JSON string
// per click); this module only renders it. Each stage also plays on the
// network drawing, the training view's and this panel's own beside the
// equations (the Playground draws both): Forward lights the layers
// from the inputs, Backward from the output, one layer a beat, for the
// example the reader chooses, and a polite live region says the same values
// in words. A panel (docs/architecture.md):
// it finds its elements inside its section, presses its own keys (1 to 4),
// and follows the training panel through what that panel shares; it has no
// link keys of its own.
import { ShownDrawing, fmt, onControls, prefersDark, row, short, within } from "../dom.js";
import { DIAGNOSTICS } from "../describe.js";
import { Diagnostics } from "./diagnostics.js";

/** The stages: button, panel and the Playground method that runs each. */
const STAGES = [
  { label: "Sample batch", button: "stage-sample", panel: "stage-panel-sample", run: (p) => p.sample_batch() },
  { label: "Forward", button: "stage-forward", panel: "stage-panel-forward", run: (p) => p.forward() },
  { label: "Backward", button: "stage-backward", panel: "stage-panel-backward", run: (p) => p.backward() },
  { label: "Update", button: "stage-update", panel: "stage-panel-update", run: (p) => p.update() },
];

/** Milliseconds between two layers lighting up on the network drawing. */
const SWEEP_MS = 180;

/** The reader asked for less motion: the drawing lights every layer at once. */
const REDUCED_MOTION = window.matchMedia?.("(prefers-reduced-motion: reduce)");

export /** The stage stepper and the diagnostics, following the training view. */
class Stages {
  /**
   * `root` is the stage panel's section; `training` is what the training
   * panel shares (training.js `shared()`): its Playground, Pause, redraw and events.
   */
  constructor(root, training) {
    this.root = root;
    this.$ = within(root);
    this.training = training;
    /** The stage view waits while the panel is not rendered (an embed of another panel, its toggle off). */
    this.shown = new ShownDrawing(root, () => this.render());
    this.diagnostics = new Diagnostics(this.$, root);
    /** The run's network on this panel's own canvas, drawn while it can be seen (and once when it comes into view). */
    this.drawing = training.networkOn(this.$("stage-network"));
    this.drawingSeen = false;
    new IntersectionObserver(([entry]) => {
      this.drawingSeen = entry.isIntersecting;
      if (this.drawingSeen && this.training.playground()) this.drawing.paint(prefersDark());
    }).observe(this.$("stage-network"));
    /** The layers lit on the drawing (null: all), and the timer lighting the next. */
    this.lit = null;
    this.sweep = null;
    for (const stage of STAGES) this.$(stage.button).addEventListener("click", () => this.run(stage));
    this.$("stage-example").addEventListener("change", () => this.chooseExample());
    // Pausing ends a run of frames in which the stage view was not rebuilt.
    training.onPlayButton(() => { if (!training.playing()) this.render(); });
    training.onDraw(() => this.follow());
    this.follow();
  }

  /** Runs one stage, then redraws everything (the heatmap rings the batch, the drawing lights the layers). */
  run(stage) {
    this.training.pause();
    try {
      stage.run(this.training.playground());
      this.$("stage-alert").hidden = true;
    } catch (e) {
      this.$("stage-alert").textContent = e.message;
      this.$("stage-alert").hidden = false;
    }
    this.light(stage.label);
  }

  /**
   * Lights the drawing's layers for the stage just run: Forward from the
   * inputs and Backward from the output, one layer every SWEEP_MS (all at
   * once for the other stages, or when the reader asks for less motion).
   */
  light(label) {
    clearTimeout(this.sweep);
    const playground = this.training.playground();
    const layers = playground.network_stage()?.layers ?? 0;
    const sweeps = (label === "Forward" || label === "Backward") && layers > 1 && !REDUCED_MOTION?.matches;
    this.lit = sweeps ? 1 : null;
    const beat = () => {
      if (this.training.playground() !== playground || this.training.playing()) return;
      this.show();
      if (this.lit !== null && this.lit < layers) {
        this.lit += 1;
        this.sweep = setTimeout(beat, SWEEP_MS);
      }
    };
    beat();
  }

  /** The example the reader chose (1 up), or null with the reason shown when it is not one. */
  example() {
    const field = this.$("stage-example");
    const rows = Math.max(1, this.training.batchSize() || 1);
    field.max = String(rows);
    const value = Number(field.value);
    if (!Number.isInteger(value) || value < 1 || value > rows) {
      this.$("stage-alert").textContent = `Example must be a whole number from 1 to ${rows} (the batch's size), got ${field.value || "nothing"}.`;
      this.$("stage-alert").hidden = false;
      return null;
    }
    return value;
  }

  /** The reader chose another example: the drawing and the words show it. */
  chooseExample() {
    if (this.example() === null) return;
    this.$("stage-alert").hidden = true;
    this.show();
  }

  /** Hands the drawing the chosen example and the layers lit, and redraws. */
  show() {
    const playground = this.training.playground();
    const example = this.example();
    try {
      if (playground && example !== null) playground.set_network_stage(example - 1, this.lit);
    } catch (e) {
      this.$("stage-alert").textContent = e.message;
      this.$("stage-alert").hidden = false;
    }
    this.training.draw();
  }

  /** After each redraw of the training view: diagnostics, and (unless playing) the stages. */
  follow() {
    const playground = this.training.playground();
    if (!playground) return;
    this.diagnostics.draw(playground, prefersDark());
    if (this.drawingSeen) this.drawing.draw(prefersDark());
    if (!this.training.playing()) this.render();
  }

  /** Rebuilds the buttons and the four panels from the Rust stage view (once the panel is shown). */
  render() {
    const playground = this.training.playground();
    if (!playground || !this.shown.due()) return;
    const view = playground.stage_view();
    for (const stage of STAGES) {
      const button = this.$(stage.button);
      button.disabled = stage.label !== view.next || view.diverged !== null;
      button.classList.toggle("next", stage.label === view.next);
      const data = view.stages.find((p) => p.stage === stage.label);
      const panel = this.$(stage.panel);
      panel.classList.toggle("current", data.current);
      panel.classList.toggle("done", data.done);
      if (data.current) panel.setAttribute("aria-current", "step"); else panel.removeAttribute("aria-current");
      panel.querySelector(".equations").replaceChildren(...data.equations.map((e) => equation(e, data.current)));
    }
    this.$("stage-status").textContent = statusText(view);
    this.root.classList.add("rendered");
    // Said once a stage has run (the values do not change while the layers light).
    const words = networkWords(playground.network_stage());
    if (this.$("stage-network-text").textContent !== words) this.$("stage-network-text").textContent = words;
  }

  /** The keys 1 to 4 press the stages' buttons; one not due says which is. */
  shortcuts() {
    const keys = {};
    STAGES.forEach((stage, i) => {
      keys[i + 1] = { button: this.$(stage.button), refused: (button) => this.tellNextStage(button) };
    });
    return keys;
  }

  /** For a stage that is not due: says which one is (the button itself is disabled). */
  tellNextStage(button) {
    const next = this.root.querySelector(".stage-bar button.next");
    const alert = this.$("stage-alert");
    const key = next && STAGES.findIndex((stage) => stage.button === next.id) + 1;
    alert.textContent = next && !next.disabled
      ? `${button.textContent} is not the next stage; the next is ${next.textContent} (key ${key}).`
      : `${button.textContent} cannot run now: press Reset to start again.`;
    alert.hidden = false;
  }

  /** Calls `listener()` whenever the reader may have changed a control. */
  onChange(listener) {
    onControls(this.root, listener);
  }

  /** The diagnostics charts and the texts that say what they show (describe.js). */
  plots() {
    return Object.entries(DIAGNOSTICS).map(([id, words]) => ({
      canvas: this.$(id), text: () => (this.training.playground() ? words(this.training.playground()) : ""),
    }));
  }
}

/** The stepper's status line (it never starts with "Step", which the training view's status does). */
function statusText(view) {
  if (view.diverged !== null) return `Diverged after step ${view.step}: lower the learning rate and press Reset.`;
  const parts = [`Next: ${view.next}`, `${view.step} ${view.step === 1 ? "step" : "steps"} done`];
  if (view.current) parts.push(`batch of ${view.batch.length} points`);
  if (view.loss_before !== null) parts.push(`batch loss ${fmt(view.loss_before)}`);
  if (view.loss_after !== null) parts.push(`after the update ${fmt(view.loss_after)}`);
  return parts.join(" · ");
}

/** Values shown per column in the words; past them, how many more. */
const WORDS_PER_COLUMN = 8;

/** A column's name and values: "a1 = 0.42, −0.13" (ŷ for y_hat). */
function valuesText(name, values) {
  const shown = Array.from(values.slice(0, WORDS_PER_COLUMN), short).join(", ");
  const more = values.length > WORDS_PER_COLUMN ? `, … (${values.length - WORDS_PER_COLUMN} more)` : "";
  return `${name === "y_hat" ? "ŷ" : name} = ${shown}${more}`;
}

/**
 * The stage on the network drawing in words, for the live region: the
 * stage, the example, and each layer's values in the order the pass runs
 * (Backward from the output), with each layer's largest link value; empty
 * when no stage has run since the last whole step.
 */
export function networkWords(shown) {
  if (!shown) return "";
  const { stage, example, point, rows, columns, links, link_name: linkName } = shown;
  const layer = (c) => (c === columns.length - 1 ? "output" : c === 0 ? "inputs" : `layer ${c}`);
  const who = `example ${example + 1} of ${rows} (training point ${point + 1})`;
  const parts = columns.map((c, i) => [i, c]).filter(([, c]) => c.name !== null && c.values.length > 0);
  if (stage === "Backward") parts.reverse();
  const values = parts.map(([i, c]) => `${layer(i)}: ${valuesText(c.name, c.values)}`).join("; ");
  if (stage === "Sample batch") return `Sample batch: ${rows} points, ringed on the output plot; ${who}, ${values}.`;
  let text = `${stage}, ${who}: ${values}.`;
  if (linkName !== null) {
    const order = links.map((l, i) => [i + 1, l]);
    if (stage === "Backward") order.reverse();
    const largest = order.map(([c, l]) => `${layer(c)} ${short(l.reduce((m, v) => (Math.abs(v) > Math.abs(m) ? v : m), 0))}`);
    text += ` Largest ${linkName} per layer: ${largest.join(", ")}.`;
  }
  return text;
}

/** Digits ending a name (z1, dL/dW2, delta3ᵀ), not those of a number such as 1.5e3. */
const INDEX = /(?<=(?:^|[^\d.A-Za-z_])[A-Za-z_]+)(\d+)/;

/** Text with each name's index set as a subscript (z1 → z<sub>1</sub>). */
function formula(text, className) {
  const p = document.createElement("p");
  p.className = className;
  for (const piece of text.split(INDEX)) {
    if (/^\d+$/.test(piece)) {
      const sub = document.createElement("sub");
      sub.textContent = piece;
      p.append(sub);
    } else {
      p.append(piece);
    }
  }
  return p;
}

/** One equation: the formula, its detail and correction, and its matrices. */
function equation(e, current) {
  const div = document.createElement("div");
  div.className = "equation";
  div.append(formula(e.text, "formula"));
  if (e.detail) div.append(formula(e.detail, "detail"));
  if (e.note) {
    const note = document.createElement("p");
    note.className = "note";
    note.textContent = `Correction: ${e.note}`;
    div.append(note);
  }
  if (e.matrices.length) {
    const row = document.createElement("div");
    row.className = "matrices";
    row.append(...e.matrices.map((m) => matrix(m, current && m.computed)));
    div.append(row);
  }
  return div;
}

/** A matrix as a table captioned with its name and shape; gaps show ⋮ and ⋯. */
function matrix(m, marked) {
  const table = document.createElement("table");
  table.className = marked ? "matrix computed" : "matrix";
  const caption = document.createElement("caption");
  caption.textContent = `${m.name} (${m.rows} × ${m.cols})${marked ? ", just computed" : ""}`;
  const body = document.createElement("tbody");
  m.row_index.forEach((r, i) => {
    const cells = m.col_index.map((c, j) => {
      const value = m.cells[i][j];
      if (r === null) return c === null ? "⋱" : "⋮";
      if (c === null) return "⋯";
      return value === null ? "—" : fmt(value);
    });
    body.append(row(cells, { header: false }));
  });
  table.append(caption, body);
  return table;
}
