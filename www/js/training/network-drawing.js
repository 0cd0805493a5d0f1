// The training view's network drawing, paced for Play: a dense network's is
// redrawn every other frame and a wide one's in a task of its own. Part of
// the training panel.
import { fitCanvas, prefersDark } from "../dom.js";
import { timed } from "./playing.js";

/** Links above which a playing network's diagram is redrawn every other frame (two layers of 64 have 4 352). */
const DENSE_LINKS = 2000;

export /** The network's canvas and when it is drawn. */
class NetworkDrawing {
  /** Draws on `canvas` the run `playground()` gives, paced by whether `playing()`. */
  constructor(canvas, playground, playing) {
    this.canvas = canvas;
    this.playground = playground;
    this.playing = playing;
    /** Whether a drawing waits in a task of its own, and whether the last frame's was skipped. */
    this.pending = false;
    this.skipped = false;
  }

  /**
   * Draws the network and crosses out its dead units. While a dense network
   * (over DENSE_LINKS links) plays, that happens every other frame; while a
   * wide one plays (tens of thousands of links), in a task of its own right
   * after this one, rasterised there, so a click or a key waits for one of
   * the two, never both.
   */
  draw(dark) {
    if (this.playing() && this.playground().link_count() > DENSE_LINKS && !this.playground().is_wide()) {
      // A dense network's diagram changes little from one frame to the next:
      // it is redrawn every other frame, so the heatmap keeps its full rate.
      this.skipped = !this.skipped;
      if (this.skipped) return;
    }
    if (!this.playing() || !this.playground().is_wide()) {
      this.paint(dark);
    } else if (!this.pending) {
      this.pending = true;
      setTimeout(() => {
        this.pending = false;
        this.paint(prefersDark());
        // Reading a pixel makes the browser draw the lines now, not in the next frame.
        this.canvas.getContext("2d").getImageData(0, 0, 1, 1);
      }, 0);
    }
  }

  paint(dark) {
    const playground = this.playground();
    if (!playground) return;
    timed("network", () => {
      const ratio = fitCanvas(this.canvas);
      playground.draw_network(this.canvas, ratio, dark);
      playground.draw_dead_units(this.canvas, ratio, dark);
    });
  }
}
