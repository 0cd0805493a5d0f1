// Long work cut into tasks that each fit a time budget: a link's catch-up
// (the training view's `steps`, the race's `race_steps`) and the race's
// repeat call the core a piece at a time, and draw in pieces too, so no task
// outlasts a frame however wide the network. Each kind of work is timed as
// it runs: the first call of a kind does one unit (nothing is known yet),
// later calls as many units as the last pace says fit, at most twice the
// last call's, so one cheap unit cannot make the next call long.

/** Milliseconds of work per task: a 60 Hz frame is 16.7 ms, and the page must still paint and answer. */
export const TASK_BUDGET = 12;

/** The animation frame whose task is under way, and when its work began. */
const frame = { stamp: undefined, start: 0 };

export /** One task's clock and the pace of each kind of work, kept from task to task. */
class Slicer {
  constructor(budget = TASK_BUDGET) {
    this.budget = budget;
    /** Milliseconds a unit of each kind took, as last measured. */
    this.paces = new Map();
    /** Units each kind was last given. */
    this.sizes = new Map();
    this.start = performance.now();
    /** Whether the current task has run anything (the first piece always runs). */
    this.ran = false;
  }

  /**
   * Starts a task. Animation-frame callbacks of one frame run in one task,
   * so loops that pass their frame's `stamp` share one clock: a second loop
   * in the same frame gets what the first left (and always its first piece).
   */
  begin(stamp) {
    if (stamp === undefined || stamp !== frame.stamp) {
      frame.stamp = stamp;
      frame.start = performance.now();
    }
    this.start = frame.start;
    this.ran = false;
  }

  /** Milliseconds left in the task's budget. */
  left() {
    return this.budget - (performance.now() - this.start);
  }

  /**
   * Runs `call(units)` (which returns the units it did) with as many units
   * of `kind` as fit what is left of the task, and returns what it did; or
   * null, running nothing, when the task has run something and not one more
   * unit fits.
   */
  scaled(kind, call) {
    const pace = this.paces.get(kind);
    let units = 1;
    if (pace !== undefined) {
      const fit = Math.floor(this.left() / Math.max(pace, 1e-3));
      units = Math.min(fit, 2 * (this.sizes.get(kind) ?? 1));
    }
    if (units < 1 || (pace === undefined && this.ran)) {
      if (this.ran) return null;
      units = 1;
    }
    const before = performance.now();
    const done = call(units);
    this.time(kind, performance.now() - before, done);
    this.sizes.set(kind, units);
    return done;
  }

  /**
   * Runs `call()`, one unit of `kind` (a drawing, a record), if the task has
   * run nothing yet or its last timing fits what is left; returns whether
   * it ran. A kind never timed waits for a task of its own.
   */
  once(kind, call) {
    const pace = this.paces.get(kind);
    if (this.ran && (pace === undefined || pace > this.left())) return false;
    const before = performance.now();
    call();
    this.time(kind, performance.now() - before, 1);
    return true;
  }

  /**
   * Keeps the pace of `kind`: a slower measure is taken at once, a faster
   * one halfway, so a run of cheap units after a costly one does not make
   * the next call long.
   */
  time(kind, took, units) {
    this.ran = true;
    if (!(units > 0)) return;
    const pace = took / units;
    const last = this.paces.get(kind);
    this.paces.set(kind, last === undefined || pace > last ? pace : (last + pace) / 2);
  }
}
