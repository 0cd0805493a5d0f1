// Animation frames that run only while a panel can be seen: on screen (an
// IntersectionObserver) in a tab that is not hidden. A course page with four
// embeds then trains only in the ones the student is looking at.

export /** Schedules a panel's frames while it is visible, and holds them while it is not. */
class VisibleFrames {
  /**
   * Watches `elements` (one or a list; visible when any of them is on screen).
   * Until the first report they count as visible.
   */
  constructor(elements) {
    this.onScreen = true;
    const watched = [elements].flat().filter(Boolean);
    /** Whether the observer has reported once (always, without one). */
    this.reported = watched.length === 0 || !("IntersectionObserver" in window);
    /** Whether each watched element is on screen. */
    const seen = new Map(watched.map((element) => [element, true]));
    /** Frame callbacks held while hidden, one per loop (`slot`). */
    this.held = new Map();
    /** Frames requested for released callbacks, by slot, so `cancel` reaches them. */
    this.released = new Map();
    if (watched.length > 0 && "IntersectionObserver" in window) {
      const observer = new IntersectionObserver((entries) => {
        this.reported = true;
        for (const entry of entries) seen.set(entry.target, entry.isIntersecting);
        this.onScreen = [...seen.values()].some(Boolean);
        this.release();
      });
      for (const element of watched) observer.observe(element);
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

  /**
   * For work that ends (the race's repeat): like `request`
   * in an embed; on the whole page it goes on while the reader scrolls away,
   * so it is done when they come back.
   */
  requestFinite(callback, slot = "play") {
    if (!document.documentElement.classList.contains("embed")) return requestAnimationFrame(callback);
    return this.request(callback, slot);
  }

  /**
   * For a link's catch-up: an animation frame wherever the panel is, even an
   * embed below the fold. The catch-up brings the panel to the state its
   * link names, so the reader who scrolls to it finds it there, as the
   * teacher who wrote the link meant; it ends, and goes a piece at a time
   * (slices.js), so it never holds up the page around it.
   */
  requestCatchUp(callback) {
    return requestAnimationFrame(callback);
  }

  /**
   * Runs `callback` now while the panel is visible; while it is not, or
   * before the first report says it is (a panel off-screen at the start
   * draws once seen, not in the start), holds it (the latest per `slot`)
   * and runs it on the first frame the panel is seen.
   */
  whenVisible(callback, slot) {
    if (this.visible && this.reported) {
      this.held.delete(slot);
      callback();
    } else {
      this.held.set(slot, callback);
    }
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
