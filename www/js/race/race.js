// The activation race: two to four copies of the training view's network,
// each with another hidden activation, trained side by side (wasm `Race`).
// This module reads the race's controls, owns its animation frames and the
// repeat's, and draws; results.js words the numbers and contestants.js holds
// the contestant rows. A panel (docs/architecture.md): it finds its elements
// inside its section and gives and takes the race's link keys (race, target,
// seeds, race_steps); the training view's settings come from what the
// training panel shares.
import { fitCanvas, onControls, prefersDark, swatch, within } from "../dom.js";
import { applySettings, fragment, settingKeys } from "../settings.js";
import { catchUp, repeat } from "./catch-up.js";
import { Contestants } from "./contestants.js";
import { FinishLine } from "./finish.js";
import { showRepeat, showResults } from "./results.js";
import { VisibleFrames } from "../visible.js";

/** Samples per animation frame while playing, as the training view trains. */
const SAMPLES_PER_FRAME = 250;
export /** The race panel: controls → Race (wasm) → canvases, tables and status. */
class RacePanel {
  /** `root` is the race's section; `training` is what the training panel shares (training.js `shared()`). */
  constructor(api, root, training) {
    this.api = api;
    this.root = root;
    this.$ = within(root);
    this.training = training;
    this.playing = false;
    /** Whether the frames are a link's catch-up, which Pause leaves drawn where it got to. */
    this.catching = false;
    this.repeating = false;
    this.frame = 0;
    this.repeatFrame = 0;
    /** Frames run only while the race panel is visible. */
    this.frames = new VisibleFrames(root);
    this.cancelled = false;
    this.shared = null;
    this.followDue = false; // a rebuild that follows the training view is scheduled (`follow`)
    /** Called when a link's catch-up has reached its step (autoplay starts then). */
    this.caughtUp = [];
    const kinds = api.activations().filter((a) => a.name !== "softmax");
    this.contestants = new Contestants(this.$, kinds, () => this.rebuild());
    this.finish = new FinishLine(this.$, () => this.retarget());
    this.bind();
    this.contestants.set([{ activation: "relu" }, { activation: "tanh" }, { activation: "sigmoid" }]);
    // No race yet: the composer (app.js) builds and draws it, each in a task
    // of its own, or the link it opens does.
    // The training view redraws after every rebuild; a retune (learning rate,
    // batch size, L2) only changes its controls.
    training.onDraw(() => this.follow());
    training.onSettings(() => this.follow());
  }

  /** Wires the race's buttons and target and repeat controls. */
  bind() {
    this.$("race-step").addEventListener("click", () => { this.pause(); this.run(1); });
    this.$("race-play").addEventListener("click", () => (this.playing ? this.pause() : this.play()));
    this.$("race-reset").addEventListener("click", () => { this.pause(); this.race?.reset(); this.draw(); });
    this.$("race-repeat").addEventListener("click", () => this.startRepeat());
    this.$("race-cancel").addEventListener("click", () => this.stopRepeat(true));
    this.$("race-controls").addEventListener("submit", (e) => e.preventDefault());
    window.addEventListener("resize", () => this.draw());
  }

  /** The race's own keys as the controls hold them (docs/link-keys.md). */
  runKeys() {
    return { race: this.contestants.key(), target: this.finish.key() };
  }

  /** Every key of the race: its own, the repeat's seeds and the steps raced. */
  keys() {
    return { ...this.runKeys(), ...settingKeys(this.root), race_steps: this.race ? String(this.race.step_count()) : "0" };
  }

  /** Calls `listener()` each time a link's catch-up ends at its `race_steps`. */
  onCaughtUp(listener) {
    this.caughtUp.push(listener);
  }

  /** Calls `listener()` whenever the reader may have changed a control. */
  onChange(listener) {
    onControls(this.root, listener);
  }

  /** Whether the race is catching up with a link's `race_steps` (not played by the reader). */
  get catchingUp() {
    return this.catching;
  }

  /** Whether frames are running, during which the link waits. */
  busy() {
    return this.playing;
  }

  /**
   * Sets the race's controls from a link's state (`read_link`), rebuilds,
   * and races `race_steps`; the drawing and the race go to `later`, as the
   * training view's do (training.js `apply`).
   */
  apply(state, later = (work) => work()) {
    this.contestants.set(state.race);
    this.finish.set(state.target);
    applySettings(this.root, state); // the repeat's seeds
    this.build();
    this.drawLater(later);
    later(() => {
      if (state.race_steps > 0 && this.race) this.catchUp(state.race_steps);
    });
  }

  /**
   * Hands `later` the drawing a part at a time (the page's start runs each
   * in a task of its own), each held until the panel is first seen: the
   * race is below the fold on the page, and hidden in other panels' embeds.
   */
  drawLater(later) {
    if (!this.race) return void later(() => this.draw());
    const race = this.race;
    // A part still due when the race has been replaced has nothing to draw: the new race is drawn whole.
    this.drawParts().forEach(([, part], i) => {
      later(() => this.frames.whenVisible(() => this.race === race && part(), `first drawing ${i}`));
    });
  }

  /**
   * Rebuilds the race when the training view's shared settings change (once
   * it has been built), in a task of its own: the training view's rebuild
   * and the race's are two tasks, not one long one, and a link, whose race
   * is built by its own `apply` in the piece after the training view's, is
   * built once (the due rebuild then finds nothing changed).
   */
  follow() {
    const changed = () => this.shared !== null && fragment(this.training.runKeys()) !== this.shared;
    if (this.followDue || !changed()) return;
    this.followDue = true;
    setTimeout(() => {
      this.followDue = false;
      if (changed()) this.rebuild();
    }, 0);
  }

  /** Builds a new race from the training view's settings and the race's controls, and draws it. */
  rebuild() {
    this.build();
    this.draw();
  }

  /** `rebuild` without the drawing. */
  build() {
    this.catching = false; // the race is replaced: nothing of it to draw
    this.pause();
    this.stopRepeat(false);
    this.shared = fragment(this.training.runKeys());
    this.race?.free();
    this.race = null;
    try {
      this.race = this.api.Race.from_link(`${this.shared}&${fragment(this.runKeys())}`);
      this.$("race-alert").hidden = true;
    } catch (e) {
      this.$("race-alert").textContent = `The race cannot start: ${e.message}.`;
      this.$("race-alert").hidden = false;
    }
    this.labels = this.race ? this.race.labels() : [];
    this.colors = this.race ? this.race.colors() : [];
    this.buildBoundaries();
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
      caption.append(swatch(this.colors[i]), document.createTextNode(label));
      figure.append(canvas, caption);
      return figure;
    });
    this.$("race-boundaries").replaceChildren(...figures);
  }

  /** Applies a new target; steps-to-target is read back from the checks already made. */
  retarget() {
    if (!this.race) return this.rebuild();
    this.stopRepeat(false);
    try {
      this.race.set_target(this.finish.measure(), this.finish.value());
      this.$("race-alert").hidden = true;
    } catch (e) {
      this.$("race-alert").textContent = `${e.message}.`;
      this.$("race-alert").hidden = false;
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
      const batch = Math.max(1, this.training.batchSize());
      this.run(Math.max(1, Math.round(SAMPLES_PER_FRAME / batch)));
      // Once every contestant met the target or diverged, no step changes the results.
      if (this.race.finished()) return this.pause();
      this.frame = this.frames.request(tick);
    };
    this.frame = this.frames.request(tick);
  }

  /** Races to step `target` (a link's `race_steps`) a piece at a time (catch-up.js); Pause stops it and draws where it got to. */
  catchUp(target) {
    this.setPlaying(true);
    const race = this.race;
    this.catching = true;
    catchUp(race, target, {
      going: () => this.playing && this.race === race,
      schedule: (tick) => { this.frame = this.frames.requestCatchUp(tick); },
      drawJobs: () => this.drawJobs(),
      say: (text) => { this.$("race-status").textContent = text; },
      done: () => {
        this.catching = false;
        this.pause();
        for (const listener of this.caughtUp) listener();
      },
    });
  }

  pause() {
    this.setPlaying(false);
    this.frames.cancel(this.frame);
    // A catch-up stopped part-way shows where it got to.
    if (this.catching && this.race) this.draw();
    this.catching = false;
  }

  setPlaying(playing) {
    this.playing = playing;
    this.$("race-play").textContent = playing ? "Pause" : "Play";
    this.$("race-play").setAttribute("aria-pressed", String(playing));
  }

  /** Repeats the race over the chosen number of seeds, a frame's budget at a time. */
  startRepeat() {
    if (!this.race) return;
    try {
      this.race.start_repeat(Number(this.$("race-seeds").value));
    } catch (e) {
      this.$("race-repeat-status").textContent = `${e.message}.`;
      return;
    }
    this.setRepeating(true);
    this.cancelled = false;
    repeat(this.race, {
      going: () => this.repeating,
      schedule: (tick) => { this.repeatFrame = this.frames.requestFinite(tick, "repeat"); },
      draw: () => this.drawRepeat(),
      done: () => this.setRepeating(false),
    });
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
      this.$("race-repeat-status").textContent = "";
      this.$("race-progress").value = 0;
    }
  }

  setRepeating(repeating) {
    this.repeating = repeating;
    this.$("race-repeat").disabled = repeating;
    this.$("race-cancel").disabled = !repeating;
  }

  target() {
    return this.finish.text();
  }

  /** Redraws the loss chart, the boundaries, the table and the status. */
  draw() {
    if (!this.race) {
      this.$("race-rows").replaceChildren();
      this.$("race-verdict").replaceChildren();
      this.$("race-status").textContent = "No race: see the message above.";
      return;
    }
    this.drawParts().forEach(([, part]) => part());
  }

  /** What `draw` does, as [kind, part] in order, for a catch-up that draws a part per piece. */
  drawParts() {
    const dark = prefersDark();
    const boundaries = [...this.$("race-boundaries").querySelectorAll("canvas")].map((canvas, i) => [
      "race boundary", () => this.race.draw_boundary(i, canvas, fitCanvas(canvas), true, dark),
    ]);
    return [
      ["race loss chart", () => this.race.draw_loss(this.$("race-loss"), fitCanvas(this.$("race-loss")), dark)],
      ...boundaries,
      ["race results", () => { showResults(this.$, this.race, this.labels, this.colors, this.target()); this.drawRepeat(); }],
    ];
  }

  /** Records every contestant, then draws: the parts a catch-up runs, a piece each. */
  drawJobs() {
    const records = this.labels.map((_, i) => ["race record", () => this.race.record(i)]);
    return [...records, ...this.drawParts()];
  }

  /** Redraws the repeat's dot plot and table. */
  drawRepeat() {
    this.race.draw_repeat(this.$("race-dots"), fitCanvas(this.$("race-dots")), prefersDark());
    showRepeat(this.$, this.race, this.labels, this.colors, this.target(), this.cancelled);
  }
}
