// Animation frames that run only while a panel can be seen: on screen (an
// IntersectionObserver) in a tab that is not hidden. A course page with four
// embeds then trains only in the ones the student is looking at.

export /** Schedules a panel's frames while it is visible, and holds them while it is not. */
class VisibleFrames {
  /** Watches `element`; until the first report it counts as visible. */
  constructor(element) {
    this.onScreen = true;
    /** Frame callbacks held while hidden, one per loop (`slot`). */
    this.held = new Map();
    /** Frames requested for released callbacks, by slot, so `cancel` reaches them. */
    this.released = new Map();
    if (element && "IntersectionObserver" in window) {
      const observer = new IntersectionObserver((entries) => {
        this.onScreen = entries.some((entry) => entry.isIntersecting);
        this.release();
      });
      observer.observe(element);
    }
    document.addEventListener("visibilitychange", () => this.release());
  }

  /** Whether the panel is on screen in a shown tab. */
  get visible() {
    return this.onScreen && !document.hidden;
  }

  /**
   * Like `requestAnimationFrame(callback)` while the panel is visible; while
   * it is not, holds `callback` (replacing any held for the same `slot`) until
   * it is. Returns the frame's id, or 0 when held.
   */
  request(callback, slot = "play") {
    if (this.visible) return requestAnimationFrame(callback);
    this.held.set(slot, callback);
    return 0;
  }

  /** Cancels frame `id` and whatever is held for `slot`. */
  cancel(id, slot = "play") {
    cancelAnimationFrame(id);
    cancelAnimationFrame(this.released.get(slot));
    this.held.delete(slot);
    this.released.delete(slot);
  }

  /** Whether a callback is being held for `slot` (the loop is paused by visibility). */
  holding(slot = "play") {
    return this.held.has(slot);
  }

  /** Once visible again, runs every held callback on the next frame. */
  release() {
    if (!this.visible) return;
    for (const [slot, callback] of this.held) this.released.set(slot, requestAnimationFrame(callback));
    this.held.clear();
  }
}
