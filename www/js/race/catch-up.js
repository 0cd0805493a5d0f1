// The race's long work a piece at a time: a link's `race_steps` catch-up and
// the repeat over seeds call the core in pieces (../slices.js) and draw in
// pieces too, so no task outlasts a frame however wide the network. Part of
// the race panel, which hands each loop a small object of its own functions.
import { Slicer } from "../slices.js";

/** Milliseconds of work per frame while catching up or repeating. */
const FRAME_BUDGET = 12;
/** Milliseconds of catching up between redraws: the race is seen to move, and drawing takes a small share. */
const REDRAW_AFTER = 500;

/**
 * Races `race` to step `target` a piece at a time: each frame does as many
 * pieces (a stage of one contestant's step, or a check) as fit its budget,
 * and every REDRAW_AFTER ms of work the race is recorded and drawn, one
 * contestant's record or one plot per piece. `panel` gives `going()` (false
 * once paused or rebuilt), `schedule(tick)` (the next frame, which Pause
 * cancels), `drawJobs()` (the records and plots as [kind, job]), `say(text)`
 * (the status line) and `done()` (called once all is drawn at the target).
 */
export function catchUp(race, target, panel) {
  const slicer = new Slicer(FRAME_BUDGET);
  /** Drawing still to do, as [kind, job]; the last drawing is queued once the target is reached. */
  let pending = [];
  let worked = 0;
  let finished = false;
  const tick = (stamp) => {
    if (!panel.going()) return;
    slicer.begin(stamp);
    for (;;) {
      if (pending.length > 0) {
        if (!slicer.once(...pending[0])) break;
        pending.shift();
      } else if (race.step_count() >= target) {
        if (finished) break;
        finished = true;
        pending = panel.drawJobs();
      } else if (worked >= REDRAW_AFTER) {
        worked = 0;
        pending = panel.drawJobs();
      } else {
        const before = performance.now();
        if (slicer.scaled("race piece", (n) => race.work(target, n)) === null) break;
        worked += performance.now() - before;
      }
    }
    if (finished && pending.length === 0) {
      panel.done();
      return;
    }
    panel.say(`Catching up to step ${target}: ${race.step_count()} done`);
    panel.schedule(tick);
  };
  tick();
}

/**
 * Runs the race's repeat (`start_repeat` already called) a piece at a time
 * (`repeat_work`), its dot plot and table drawn as a piece of their own at
 * the end of every frame that has room. `panel` gives `going()`,
 * `schedule(tick)`, `draw()` and `done()` (called once the last seed is drawn).
 */
export function repeat(race, panel) {
  const slicer = new Slicer(FRAME_BUDGET);
  let progress = 0;
  /** Whether the dot plot and table wait for the next frame (this one's budget was spent). */
  let undrawn = false;
  const tick = (stamp) => {
    if (!panel.going()) return;
    slicer.begin(stamp);
    if (!undrawn) {
      while (progress < 1) {
        const worked = slicer.scaled("repeat piece", (n) => {
          progress = race.repeat_work(n);
          return n;
        });
        if (worked === null) break;
      }
    }
    undrawn = !slicer.once("repeat drawing", () => panel.draw());
    if (progress >= 1 && !undrawn) panel.done();
    else panel.schedule(tick);
  };
  panel.schedule(tick);
}
