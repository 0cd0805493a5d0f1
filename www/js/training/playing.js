// Playing a run: Play's animation frames (a frame's budget of training, then
// a redraw), a link's catch-up to its `steps`, and Pause. With `?bench` in
// the page's URL, each played frame and its parts are timed. Part of the
// training panel.
import { Slicer } from "../slices.js";
import { VisibleFrames } from "../visible.js";

/**
 * Milliseconds of the page's own work in a played frame: training, then the
 * drawing in its three parts, as many as fit. A 60 Hz frame is 16.7 ms, and
 * the browser still has to paint the canvases after it; a frame whose work
 * does not fit leaves the rest for the next frames, so a wide network plays
 * at the display's rate and refreshes its plots every few frames.
 */
const PLAY_BUDGET = 12;
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
    /** Play's frame budget and the pace of its steps and drawing parts, kept from one Play to the next of the same run. */
    this.slicer = new Slicer(PLAY_BUDGET);
    this.pacedFor = null;
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

  /**
   * Every animation frame until Pause: a record's worth of training (250
   * samples, as TensorFlow Playground trains a frame), its record (the
   * losses over the whole data), then the redraw, a part at a time. The
   * frame's work shares one budget (PLAY_BUDGET): the training goes a piece
   * at a time (a stage of a step), each piece and part costing what it took
   * last time, and what does not fit waits for the next frame; a frame
   * starts at most one training, once the last one is drawn. A small network
   * trains and draws in every frame; a wide one (6 × 64) spreads a training
   * and its drawing over a few frames, none longer than the budget, so the
   * page keeps the display's rate and a key or a click waits for one part.
   */
  play() {
    const view = this.view;
    const playground = view.playground;
    if (view.status().diverged_at !== null) return; // a diverged run waits for Reset
    if (this.pacedFor !== playground) {
      // Another run (a new network) keeps none of the last one's paces.
      this.slicer = new Slicer(PLAY_BUDGET);
      this.pacedFor = playground;
    }
    const slicer = this.slicer;
    this.start();
    /** The step the training under way reaches (null: none is), and the parts of its record and drawing still due. */
    let end = null;
    let due = [];
    const tick = (stamp) => {
      if (!this.playing || view.playground !== playground) return;
      if (BENCH) performance.mark("frame-start");
      slicer.begin(stamp);
      let started = false;
      for (;;) {
        if (due.length) {
          const [kind, part] = due[0];
          if (!slicer.once(kind, part)) break;
          due.shift();
          if (!this.playing) return; // a part's listener paused
        } else if (end === null && started) {
          break;
        } else {
          if (end === null) [end, started] = [playground.step_count() + playground.steps_to_record(), true];
          let done;
          try {
            done = slicer.scaled("steps", (pieces) => timed("train", () => playground.work(end, pieces)));
          } catch (e) {
            view.fail(e); // pauses, and Pause draws what was trained
            return;
          }
          if (done === null) break;
          if (playground.step_count() >= end) {
            // The heatmap shows the weights alone; the record (the losses over the whole data) comes before the parts that show it.
            const [heatmap, ...rest] = view.drawParts();
            due = [heatmap, ["record", () => timed("train", () => playground.record())], ...rest];
            end = null;
          }
        }
      }
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
    /** A run of steps is done and waits for its record; the record waits for a redraw, whose parts are `drawing`. */
    let recordDue = false;
    let drawDue = false;
    let drawing = [];
    const tick = (stamp) => {
      if (!this.playing || view.playground !== playground) return;
      slicer.begin(stamp);
      let drew = false;
      for (;;) {
        if (drawDue) {
          // One redraw a frame at most, a part at a time.
          if (drew && !drawing.length) break;
          if (!drawing.length) drawing = view.drawParts();
          const [kind, part] = drawing[0];
          if (!slicer.once(`training ${kind}`, part)) break;
          drawing.shift();
          if (!drawing.length) [drawDue, drew, this.undrawn] = [false, true, false];
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
