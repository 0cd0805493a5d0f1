// Playing a run: Play's animation frames (a frame's budget of training, then
// a redraw), a link's catch-up to its `steps`, and Pause. With `?bench` in
// the page's URL, each played frame and its parts are timed. Part of the
// training panel.
import { Slicer } from "../slices.js";
import { VisibleFrames } from "../visible.js";

/**
 * Most milliseconds a played frame spends training: a network so wide that
 * a frame's steps take longer trains fewer per frame, so the page still
 * answers a click or a key within a frame.
 */
const TRAIN_BUDGET = 12;
/** Milliseconds of training per frame while catching up, so the page stays responsive. */
const FRAME_BUDGET = 12;

/** The reader asked for less motion: a link's `steps` then trains without animating the plots. */
const REDUCED_MOTION = window.matchMedia("(prefers-reduced-motion: reduce)");

/**
 * `?bench` in the page's URL: every played frame (training plus every redraw)
 * and each of its parts are timed with performance measures, which
 * bench/frame.mjs reads: "frame", and within it "train", "heatmap", "loss",
 * "network" and "follow" (the panels that follow the run). Off otherwise.
 */
const BENCH = new URLSearchParams(location.search).has("bench");

/** Runs `work`; with `?bench`, as the performance measure `name`. */
export function timed(name, work) {
  if (!BENCH) return work();
  const start = performance.now();
  try {
    return work();
  } finally {
    performance.measure(name, { start, end: performance.now() });
  }
}

export /** Play, catch-up and Pause for the training view. */
class Player {
  /**
   * `view` is the training view: its `playground`, `train(work)`, `draw()`,
   * `fail(error)` and `status()`; `$` finds its elements; `seen` are the
   * sections whose visibility lets its frames run.
   */
  constructor(view, $, seen) {
    this.view = view;
    this.$ = $;
    this.playing = false;
    /** Whether the frames are a link's catch-up (which goes on off-screen) rather than Play. */
    this.catching = false;
    this.frame = 0;
    /** The plots wait for Pause (a reduced-motion catch-up trained without drawing). */
    this.undrawn = false;
    /** Frames run only while the training panel, or the stage panel that follows it, is visible. */
    this.frames = new VisibleFrames(seen);
  }

  /** Marks the run as playing: the button says Pause, and the core may draw wide networks coarsely. */
  start() {
    this.playing = true;
    this.view.playground.set_playing(true);
    this.$("play").textContent = "Pause";
    this.$("play").setAttribute("aria-pressed", "true");
  }

  /** A frame's worth of training and a redraw, every animation frame, until Pause. */
  play() {
    const view = this.view;
    const divergedAt = view.status().diverged_at;
    if (divergedAt !== null) return; // a diverged run waits for Reset
    this.start();
    /** Steps that fit TRAIN_BUDGET, from the last frame's pace. */
    let stepsInBudget = Infinity;
    const tick = () => {
      if (!this.playing) return;
      if (BENCH) performance.mark("frame-start");
      // Up to the run's next kept record (250 samples a frame, as TensorFlow
      // Playground trains): the loss chart gets the points a link brings back.
      const full = view.playground.steps_to_record();
      const steps = Math.max(1, Math.min(full, Math.floor(stepsInBudget)));
      view.train(() => {
        const start = performance.now();
        timed("train", () => view.playground.run(steps));
        const took = performance.now() - start;
        stepsInBudget = took > 0 ? (steps * TRAIN_BUDGET) / took : full;
      });
      if (BENCH) performance.measure("frame", "frame-start");
      this.frame = this.frames.request(tick);
    };
    this.frame = this.frames.request(tick);
  }

  /**
   * Trains to step `target` (a link's `steps`), recording at each of the
   * run's record steps (`steps_to_record`) as Play and Step do, so the loss
   * history comes out as the sender's. The steps are worked a piece at a
   * time (one stage of a step) and every frame does as many pieces as fit
   * its budget; a record and a redraw are pieces of their own, timed too, so
   * no task outlasts a frame however wide the network and a redraw never
   * lands in a frame whose budget the steps used. Pause stops it. With
   * reduced motion the plots are drawn once, at the end; only the status moves.
   */
  catchUp(target) {
    const view = this.view;
    const playground = view.playground;
    this.start();
    this.catching = true;
    const slicer = new Slicer(FRAME_BUDGET);
    const runEnd = () => Math.min(playground.step_count() + playground.steps_to_record(), target);
    let end = runEnd();
    /** A run of steps is done and waits for its record; the record waits for a redraw. */
    let recordDue = false;
    let drawDue = false;
    const tick = (stamp) => {
      if (!this.playing || view.playground !== playground) return;
      slicer.begin(stamp);
      let drew = false;
      for (;;) {
        if (drawDue) {
          if (drew || !slicer.once("training draw", () => view.draw())) break;
          [drawDue, drew, this.undrawn] = [false, true, false];
        } else if (recordDue) {
          if (!slicer.once("training record", () => playground.record())) break;
          recordDue = false;
          if (REDUCED_MOTION.matches) this.undrawn = true; // Pause draws what was trained
          else drawDue = playground.step_count() < target; // Pause draws the end
        } else if (playground.step_count() >= target) {
          break;
        } else {
          let done;
          try {
            done = slicer.scaled("training piece", (pieces) => playground.work(end, pieces));
          } catch (e) {
            view.fail(e);
            return;
          }
          if (done === null) break;
          if (playground.step_count() >= end) {
            recordDue = true;
            end = runEnd();
          }
        }
      }
      const step = playground.step_count();
      if (step >= target && !recordDue && !drawDue) {
        // The end is drawn in full by Pause, in a task of its own.
        this.frame = this.frames.requestCatchUp(() => this.playing && this.pause());
        return;
      }
      if (REDUCED_MOTION.matches) this.$("train-status").textContent = `Training to step ${target}: ${step} done`;
      this.frame = this.frames.requestCatchUp(tick);
    };
    tick();
  }

  /** Stops playing or catching up, and draws what the frames left undrawn. */
  pause() {
    const wasPlaying = this.playing;
    this.playing = false;
    this.catching = false;
    this.frames.cancel(this.frame);
    this.view.playground?.set_playing(false);
    this.$("play").textContent = "Play";
    this.$("play").setAttribute("aria-pressed", "false");
    // Playing may have drawn a wide network's heatmap coarsely: now in full.
    if (this.undrawn || wasPlaying) {
      this.undrawn = false;
      this.view.draw();
    }
  }
}
