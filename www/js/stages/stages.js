// The stage stepper: the four stage buttons, and each stage's equations with
// the batch's matrices as tables. Rust builds the stage view (one JSON string
// per click); this module only renders it. A panel (docs/architecture.md):
// it finds its elements inside its section, presses its own keys (1 to 4),
// and follows the training panel through what that panel shares; it has no
// link keys of its own.
import { fmt, onControls, prefersDark, row, within } from "../dom.js";
import { DIAGNOSTICS } from "../describe.js";
import { Diagnostics } from "./diagnostics.js";

/** The stages: button, panel and the Playground method that runs each. */
const STAGES = [
  { label: "Sample batch", button: "stage-sample", panel: "stage-panel-sample", run: (p) => p.sample_batch() },
  { label: "Forward", button: "stage-forward", panel: "stage-panel-forward", run: (p) => p.forward() },
  { label: "Backward", button: "stage-backward", panel: "stage-panel-backward", run: (p) => p.backward() },
  { label: "Update", button: "stage-update", panel: "stage-panel-update", run: (p) => p.update() },
];

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
    this.diagnostics = new Diagnostics(this.$, root);
    for (const stage of STAGES) this.$(stage.button).addEventListener("click", () => this.run(stage));
    // Pausing ends a run of frames in which the stage view was not rebuilt.
    training.onPlayButton(() => { if (!training.playing()) this.render(); });
    training.onDraw(() => this.follow());
    this.follow();
  }

  /** Runs one stage, then redraws everything (the heatmap rings the batch). */
  run(stage) {
    this.training.pause();
    try {
      stage.run(this.training.playground());
      this.$("stage-alert").hidden = true;
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
    if (!this.training.playing()) this.render();
  }

  /** Rebuilds the buttons and the four panels from the Rust stage view. */
  render() {
    const playground = this.training.playground();
    if (!playground) return;
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
