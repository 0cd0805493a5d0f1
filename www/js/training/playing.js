// Playing a run: Play's animation frames (a frame's budget of training, then
// a redraw), a link's catch-up to its `steps`, and Pause. With `?bench` in
// the page's URL, each played frame and its parts are timed. Part of the
// training panel.
import { VisibleFrames } from "../visible.js";

/** Samples trained per animation frame while playing (as TensorFlow Playground does). */
const SAMPLES_PER_FRAME = 250;
/**
 * Most milliseconds a played frame spends training: a network so wide that
 * 250 samples take longer trains fewer per frame, so the page still answers
 * a click or a key within a frame.
 */
const TRAIN_BUDGET = 12;
/** Milliseconds of training per frame while catching up, so the page stays responsive. */
const FRAME_BUDGET = 12;
/**
 * Steps per played frame: SAMPLES_PER_FRAME samples in batches of the Batch
 * size field. A link's catch-up trains in runs of the same length, so its
 * loss history (one record per run) has the points Play recorded for the
 * sender, and the loss chart and its CSV come out the same.
 */
function stepsPerFrame(batchSize) {
  const batch = Math.max(1, Number(batchSize.value));
  return Math.max(1, Math.round(SAMPLES_PER_FRAME / batch));
}

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
      const full = stepsPerFrame(this.$("batch-size"));
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
   * Trains to step `target` (a link's `steps`) a frame's budget at a time, as
   * Play does, so a long run never freezes the page; Pause stops it. With
   * reduced motion the plots are drawn once, at the end; only the status moves.
   */
  catchUp(target) {
    const view = this.view;
    this.start();
    const tick = () => {
      if (!this.playing) return;
      const start = performance.now();
      let step = view.status().step;
      while (this.playing && step < target && performance.now() - start < FRAME_BUDGET) {
        const slice = Math.min(stepsPerFrame(this.$("batch-size")), target - step);
        try {
          view.playground.run(slice);
        } catch (e) {
          view.fail(e);
        }
        step = view.status().step;
      }
      if (step >= target || !REDUCED_MOTION.matches) {
        this.undrawn = false;
        view.draw();
      } else {
        this.$("train-status").textContent = `Training to step ${target}: ${step} done`;
        this.undrawn = true; // Pause draws what was trained
      }
      if (step >= target) this.pause();
      else if (this.playing) this.frame = this.frames.requestFinite(tick);
    };
    tick();
  }

  /** Stops playing or catching up, and draws what the frames left undrawn. */
  pause() {
    const wasPlaying = this.playing;
    this.playing = false;
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
