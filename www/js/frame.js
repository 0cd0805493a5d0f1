// The iframe protocol: an embedded page takes commands from the page around
// it and tells that page what the run does (docs/links.md lists the
// messages). In: {type: "nnplay:command", command}, {type: "nnplay:set-state",
// state}, {type: "nnplay:get-state", id}, {type: "nnplay:theme", theme} and
// reveal.js's "slide:start" / "slide:stop"; out: "nnplay:ready",
// "nnplay:state" (at most STATE_RATE a second while playing),
// "nnplay:escape" (and "nnplay:height", panels.js). Messages are taken only
// from the parent window; Escape hands the keyboard back to it.
import { setTheme } from "./theme.js";

/** Most state messages a second while playing. */
const STATE_RATE = 10;

/** The commands a host may send, and the longest state fragment it may set. */
const COMMANDS = ["play", "pause", "step", "reset"];
const MAX_STATE = 100_000;
/** The themes a host may ask for (embed.js follows the notes' colour scheme with it). */
const THEMES = ["auto", "light", "dark"];
/** The keys an embed keeps when the host sets a state that leaves them out. */
const KEPT = ["embed", "hide", "lock", "compact", "autoplay", "fit", "theme"];

/** A number for the host: finite, or null (no test set, a diverged loss). */
const finite = (x) => (Number.isFinite(x) ? x : null);

/** A warning about a message the frame ignores, naming what it accepts. */
function ignore(why) {
  console.warn(`nnplay: ignored a message from the page around this frame: ${why}. ` +
    `Accepted: {type: "nnplay:command", command: "${COMMANDS.join('" | "')}"}, {type: "nnplay:set-state", state: "key=value&…"}, ` +
    `{type: "nnplay:get-state", id}, {type: "nnplay:theme", theme: "${THEMES.join('" | "')}"}, "slide:start", "slide:stop".`);
}

export /** Speaks the iframe protocol with the parent window (does nothing outside an iframe). */
class Frame {
  /** `link` is the LinkSync (its layout, training and race views, and `teaching`). */
  constructor(link) {
    this.link = link;
    this.last = "";
    this.sentAt = 0;
    this.timer = 0;
    if (window.parent === window) return;
    addEventListener("message", (e) => this.receive(e));
    addEventListener("keydown", (e) => this.escape(e));
    link.teaching.training.shared().onDraw(() => this.changed());
    link.onSync(() => this.changed());
    // The race tells no listeners; its status line changes whenever it does.
    const raceStatus = link.teaching.race?.root.querySelector("[role=status]");
    if (raceStatus) new MutationObserver(() => this.changed()).observe(raceStatus, { childList: true, characterData: true, subtree: true });
  }

  /** Tells the parent the page is ready, with the state it starts in. */
  ready() {
    if (window.parent === window) return;
    this.link.layout.postHeight();
    window.parent.postMessage({ type: "nnplay:ready", panel: this.link.layout.embed, ...this.state() }, "*");
    this.send();
  }

  /** The run as the host hears it: {step, trainLoss, testLoss, accuracy, playing, link}. */
  state() {
    const teaching = this.link.teaching;
    const view = teaching.view;
    let step = 0;
    let trainLoss = null;
    let testLoss = null;
    let accuracy = null;
    if (teaching.panel === "race") {
      step = view.race ? view.race.step_count() : 0;
    } else if (view.playground) {
      const s = view.status();
      step = s.step;
      trainLoss = finite(s.train_loss);
      testLoss = finite(s.test_loss);
      accuracy = finite(s.test_accuracy);
    }
    let link = "";
    try {
      link = this.link.url();
    } catch {
      // A control mid-edit can make the link unwritable for a moment.
      link = location.href;
    }
    return { step, trainLoss, testLoss, accuracy, playing: view.playing, link };
  }

  /** Something changed: a state message now, or (while playing) once STATE_RATE allows. */
  changed() {
    if (window.parent === window || !this.link.ready) return;
    // Also the height: a cross-origin frame off screen gets no resize observations until it is seen.
    this.link.layout.postHeight();
    const wait = this.sentAt + 1000 / STATE_RATE - performance.now();
    if (wait <= 0) this.send();
    else if (!this.timer) this.timer = setTimeout(() => this.send(), wait);
  }

  /** Posts the state if it differs from the last one posted (or always, when answering `id`). */
  send(id) {
    clearTimeout(this.timer);
    this.timer = 0;
    const state = this.state();
    const text = JSON.stringify(state);
    if (id === undefined && text === this.last) return;
    this.last = text;
    this.sentAt = performance.now();
    window.parent.postMessage({ type: "nnplay:state", ...state, ...(id === undefined ? {} : { id }) }, "*");
  }

  /** One message: from the parent window only, and only the ones the protocol names. */
  receive(event) {
    if (event.source !== window.parent) return;
    const data = event.data;
    const teaching = this.link.teaching;
    if (data === "slide:stop") return teaching.slideStop();
    if (data === "slide:start") return teaching.slideStart();
    if (typeof data !== "object" || data === null || typeof data.type !== "string") {
      return ignore(`${typeof data === "string" ? JSON.stringify(data.slice(0, 80)) : typeof data} is not an object with a type`);
    }
    if (!this.link.ready) return ignore(`${data.type} came before the page was ready (wait for nnplay:ready)`);
    switch (data.type) {
      case "nnplay:command":
        if (!COMMANDS.includes(data.command)) return ignore(`nnplay:command has command ${JSON.stringify(data.command)}`);
        teaching.command(data.command);
        return this.changed();
      case "nnplay:set-state":
        if (typeof data.state !== "string" || data.state.length > MAX_STATE) {
          return ignore(`nnplay:set-state needs state, a fragment of up to ${MAX_STATE} characters`);
        }
        return this.setState(data.state);
      case "nnplay:get-state":
        return this.send(data.id ?? null);
      case "nnplay:theme":
        if (!THEMES.includes(data.theme)) return ignore(`nnplay:theme has theme ${JSON.stringify(data.theme)}`);
        setTheme(data.theme);
        return this.link.schedule();
      default:
        return ignore(`its type ${JSON.stringify(data.type).slice(0, 80)} is not one nnplay takes`);
    }
  }

  /** Opens fragment `text` as the page's link, keeping the embed's own keys it leaves out. */
  setState(text) {
    const fragment = this.link.keeping(text.replace(/^#/, ""), KEPT);
    history.replaceState(history.state, "", `#${fragment}`);
    this.link.open(`#${fragment}`);
  }

  /** Escape, where nothing in the frame takes it, hands the keyboard back to the page around the frame. */
  escape(event) {
    if (event.key !== "Escape" || event.defaultPrevented || document.querySelector("dialog[open]")) return;
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    window.parent.postMessage({ type: "nnplay:escape" }, "*");
    try {
      window.parent.focus();
    } catch {
      // A host that forbids it still hears nnplay:escape and can take the focus itself.
    }
  }
}
