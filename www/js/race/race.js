// The activation race: two to four copies of the training view's network,
// each with another hidden activation, trained side by side (wasm `Race`).
// This module reads the race's controls, owns its animation frames and the
// repeat's, and draws; race-results.js words the numbers.
import { $, fillSelect, fitCanvas, prefersDark } from "../dom.js";
import { fragment } from "../link.js";
import { showRepeat, showResults, targetText } from "./results.js";
import { VisibleFrames } from "../visible.js";

/** Contestant rows offered; the first two are always in the race. */
const ROWS = 4;
const REQUIRED = 2;
/** Samples per animation frame while playing, as the training view trains. */
const SAMPLES_PER_FRAME = 250;
/** Milliseconds of work per frame while catching up or repeating. */
const FRAME_BUDGET = 12;
/** Most steps per call while catching up with a link's `race_steps`, and per repeat call. */
const SLICE = 200;

/**
 * Steps for the next call of a loop that has `left` ms of its frame's budget,
 * from `msPerStep` as the last call measured (one step before any is known):
 * a 6 × 64 race of four contestants takes ~15 ms a step, so a fixed slice of
 * 200 would block the page for seconds.
 */
function stepsFor(left, msPerStep) {
  if (!(msPerStep > 0)) return 1;
  return Math.max(1, Math.min(SLICE, Math.floor(left / msPerStep)));
}

/** Runs `call(steps)` with `steps` from `stepsFor`; returns the new ms per step. */
function timedSlice(start, msPerStep, call) {
  const steps = stepsFor(FRAME_BUDGET - (performance.now() - start), msPerStep);
  const before = performance.now();
  const done = call(steps);
  return (performance.now() - before) / Math.max(1, done ?? steps);
}
/** Each target measure's default and limits (as the core checks them). */
const MEASURES = {
  loss: { value: 0.1, min: 0.001, max: 10, step: "any" },
  accuracy: { value: 90, min: 1, max: 100, step: 1 },
};
/** Maxout's pieces, offered as its parameter. */
const PIECES = { name: "pieces", default: 2, min: 2, max: 4 };

export /** The race panel: controls → Race (wasm) → canvases, tables and status. */
class RacePanel {
  constructor(api, training) {
    this.api = api;
    this.training = training;
    this.playing = false;
    this.repeating = false;
    this.frame = 0;
    this.repeatFrame = 0;
    /** Frames run only while the race panel is visible. */
    this.frames = new VisibleFrames($("race"));
    this.cancelled = false;
    this.shared = null;
    this.kinds = api.activations().filter((a) => a.name !== "softmax");
    this.buildRows();
    this.bind();
    this.setContestants([{ activation: "relu" }, { activation: "tanh" }, { activation: "sigmoid" }]);
    this.rebuild();
    // The training view redraws after every rebuild; a retune (learning rate,
    // batch size, L2) only changes its controls.
    training.onDraw(() => this.follow());
    $("train-controls").addEventListener("change", () => this.follow());
  }

  /** One menu and one parameter field per contestant row. */
  buildRows() {
    const rows = Array.from({ length: ROWS }, (_, i) => {
      const row = document.createElement("div");
      row.className = "slider race-row";
      const menu = document.createElement("select");
      menu.id = `race-kind-${i + 1}`;
      const label = Object.assign(document.createElement("label"), { htmlFor: menu.id, textContent: `Contestant ${i + 1}` });
      const none = i < REQUIRED ? [] : [["", "none"]];
      fillSelect(menu, [...none, ...this.kinds.map((k) => [k.name, k.label])], "");
      const param = Object.assign(document.createElement("input"), { type: "number", id: `race-param-${i + 1}`, step: "any" });
      param.setAttribute("aria-label", `Contestant ${i + 1} parameter`);
      menu.addEventListener("change", () => { param.value = ""; this.showParam(i); this.rebuild(); });
      param.addEventListener("change", () => this.rebuild());
      row.append(label, menu, param);
      return row;
    });
    $("race-contestants").replaceChildren(...rows);
  }

  /** The parameter field of row `i`: shown for kinds with one, with their range and default. */
  showParam(i) {
    const kind = $(`race-kind-${i + 1}`).value;
    const spec = kind === "maxout" ? PIECES : this.kinds.find((k) => k.name === kind)?.param;
    const field = $(`race-param-${i + 1}`);
    field.hidden = !spec;
    if (!spec) return;
    Object.assign(field, { min: String(spec.min), max: String(spec.max), placeholder: `${spec.name} ${spec.default}` });
    field.step = kind === "maxout" ? "1" : "any";
    field.setAttribute("aria-label", `Contestant ${i + 1} ${spec.name}`);
  }

  /** Wires the race's buttons and target and repeat controls. */
  bind() {
    $("race-step").addEventListener("click", () => { this.pause(); this.run(1); });
    $("race-play").addEventListener("click", () => (this.playing ? this.pause() : this.play()));
    $("race-reset").addEventListener("click", () => { this.pause(); this.race?.reset(); this.draw(); });
    $("race-measure").addEventListener("change", () => {
      const m = MEASURES[$("race-measure").value];
      Object.assign($("race-target"), { min: String(m.min), max: String(m.max), step: String(m.step), value: String(m.value) });
      this.retarget();
    });
    $("race-target").addEventListener("change", () => this.retarget());
    $("race-repeat").addEventListener("click", () => this.startRepeat());
    $("race-cancel").addEventListener("click", () => this.stopRepeat(true));
    $("race-controls").addEventListener("submit", (e) => e.preventDefault());
    window.addEventListener("resize", () => this.draw());
  }

  /** Sets the rows from `[{activation, param}]` (rows past the list are emptied). */
  setContestants(contestants) {
    for (let i = 0; i < ROWS; i++) {
      const c = contestants[i];
      $(`race-kind-${i + 1}`).value = c ? c.activation : "";
      $(`race-param-${i + 1}`).value = c && c.param !== null && c.param !== undefined ? String(c.param) : "";
      this.showParam(i);
    }
  }

  /** The rows as link values: `relu,leaky_relu:0.1` (empty parameters left out). */
  contestantKey() {
    const items = [];
    for (let i = 0; i < ROWS; i++) {
      const kind = $(`race-kind-${i + 1}`).value;
      const param = $(`race-param-${i + 1}`);
      if (kind) items.push(param.hidden || param.value === "" ? kind : `${kind}:${param.value}`);
    }
    return items.join(",");
  }

  /** The race's own keys as the controls hold them (docs/link-keys.md). */
  runKeys() {
    return { race: this.contestantKey(), target: `${$("race-measure").value}:${$("race-target").value}` };
  }

  /** Every key of the race: its own, the repeat's seeds and the steps raced. */
  linkKeys() {
    return { ...this.runKeys(), seeds: $("race-seeds").value, race_steps: this.race ? String(this.race.step_count()) : "0" };
  }

  /** Sets the race's controls from a link's state (`read_link`), rebuilds, and races `race_steps`. */
  applyLink(state) {
    this.setContestants(state.race);
    $("race-measure").value = state.target.measure;
    const m = MEASURES[state.target.measure];
    Object.assign($("race-target"), { min: String(m.min), max: String(m.max), step: String(m.step), value: String(state.target.value) });
    $("race-seeds").value = String(state.seeds);
    this.rebuild();
    if (state.race_steps > 0 && this.race) this.catchUp(state.race_steps);
  }

  /** Rebuilds the race when the training view's shared settings change. */
  follow() {
    if (fragment(this.training.runKeys()) !== this.shared) this.rebuild();
  }

  /** Builds a new race from the training view's settings and the race's controls. */
  rebuild() {
    this.pause();
    this.stopRepeat(false);
    this.shared = fragment(this.training.runKeys());
    this.race?.free();
    this.race = null;
    try {
      this.race = this.api.Race.from_link(`${this.shared}&${fragment(this.runKeys())}`);
      $("race-alert").hidden = true;
    } catch (e) {
      $("race-alert").textContent = `The race cannot start: ${e.message}.`;
      $("race-alert").hidden = false;
    }
    this.labels = this.race ? this.race.labels() : [];
    this.colors = this.race ? this.race.colors() : [];
    this.buildBoundaries();
    this.draw();
  }

  /** One small boundary plot per contestant, named after it (kept while the contestants stay the same). */
  buildBoundaries() {
    const key = JSON.stringify([this.labels, this.colors]);
    if (key === this.boundariesFor) return;
    this.boundariesFor = key;
    const figures = this.labels.map((label, i) => {
      const figure = document.createElement("figure");
      const canvas = document.createElement("canvas");
      canvas.setAttribute("role", "img");
      canvas.setAttribute("aria-label", `Decision boundary of the ${label} network`);
      const caption = document.createElement("figcaption");
      const swatch = document.createElement("span");
      swatch.className = "swatch";
      swatch.style.background = this.colors[i];
      caption.append(swatch, document.createTextNode(label));
      figure.append(canvas, caption);
      return figure;
    });
    $("race-boundaries").replaceChildren(...figures);
  }

  /** Applies a new target; steps-to-target is read back from the checks already made. */
  retarget() {
    if (!this.race) return this.rebuild();
    this.stopRepeat(false);
    try {
      this.race.set_target($("race-measure").value, Number($("race-target").value));
      $("race-alert").hidden = true;
    } catch (e) {
      $("race-alert").textContent = `${e.message}.`;
      $("race-alert").hidden = false;
    }
    this.draw();
  }

  /** Runs `steps` steps in every contestant, then redraws. */
  run(steps) {
    if (!this.race) return;
    this.race.run(steps);
    this.draw();
  }

  play() {
    if (!this.race) return;
    this.setPlaying(true);
    const tick = () => {
      if (!this.playing) return;
      const batch = Math.max(1, Number($("batch-size").value));
      this.run(Math.max(1, Math.round(SAMPLES_PER_FRAME / batch)));
      this.frame = this.frames.request(tick);
    };
    this.frame = this.frames.request(tick);
  }

  /** Races to step `target` (a link's `race_steps`) a frame's budget at a time; Pause stops it. */
  catchUp(target) {
    this.setPlaying(true);
    const tick = () => {
      if (!this.playing) return;
      const start = performance.now();
      while (this.playing && this.race.step_count() < target && performance.now() - start < FRAME_BUDGET) {
        this.msPerStep = timedSlice(start, this.msPerStep, (steps) => {
          const run = Math.min(steps, target - this.race.step_count());
          this.race.run(run);
          return run;
        });
      }
      this.draw();
      if (this.race.step_count() >= target) this.pause();
      else {
        $("race-status").textContent = `Catching up to step ${target}: ${this.race.step_count()} done`;
        this.frame = this.frames.requestFinite(tick);
      }
    };
    tick();
  }

  pause() {
    this.setPlaying(false);
    this.frames.cancel(this.frame);
  }

  setPlaying(playing) {
    this.playing = playing;
    $("race-play").textContent = playing ? "Pause" : "Play";
    $("race-play").setAttribute("aria-pressed", String(playing));
  }

  /** Repeats the race over the chosen number of seeds, a frame's budget at a time. */
  startRepeat() {
    if (!this.race) return;
    try {
      this.race.start_repeat(Number($("race-seeds").value));
    } catch (e) {
      $("race-repeat-status").textContent = `${e.message}.`;
      return;
    }
    this.setRepeating(true);
    this.cancelled = false;
    const tick = () => {
      if (!this.repeating) return;
      const start = performance.now();
      let progress = 0;
      while (performance.now() - start < FRAME_BUDGET && progress < 1) {
        this.msPerStep = timedSlice(start, this.msPerStep, (steps) => {
          progress = this.race.repeat_step(steps);
        });
      }
      this.drawRepeat();
      if (progress >= 1) this.setRepeating(false);
      else this.repeatFrame = this.frames.requestFinite(tick, "repeat");
    };
    this.repeatFrame = this.frames.requestFinite(tick, "repeat");
  }

  /** Stops the repeat: a cancel keeps the seeds finished so far and says so; otherwise it is forgotten. */
  stopRepeat(cancel) {
    this.frames.cancel(this.repeatFrame, "repeat");
    this.setRepeating(false);
    if (cancel) {
      this.cancelled = true;
      this.drawRepeat();
    } else {
      this.race?.cancel_repeat();
      $("race-repeat-status").textContent = "";
      $("race-progress").value = 0;
    }
  }

  setRepeating(repeating) {
    this.repeating = repeating;
    $("race-repeat").disabled = repeating;
    $("race-cancel").disabled = !repeating;
  }

  target() {
    return targetText($("race-measure").value, $("race-target").value);
  }

  /** Redraws the loss chart, the boundaries, the table and the status. */
  draw() {
    if (!this.race) {
      $("race-rows").replaceChildren();
      $("race-verdict").replaceChildren();
      $("race-status").textContent = "No race: see the message above.";
      return;
    }
    const dark = prefersDark();
    this.race.draw_loss($("race-loss"), fitCanvas($("race-loss")), dark);
    $("race-boundaries").querySelectorAll("canvas").forEach((canvas, i) => {
      this.race.draw_boundary(i, canvas, fitCanvas(canvas), true, dark);
    });
    showResults(this.race, this.labels, this.colors, this.target());
    this.drawRepeat();
  }

  /** Redraws the repeat's dot plot and table. */
  drawRepeat() {
    this.race.draw_repeat($("race-dots"), fitCanvas($("race-dots")), prefersDark());
    showRepeat(this.race, this.labels, this.colors, this.target(), this.cancelled);
  }
}
