// Shareable links: the URL fragment follows the controls (history.replaceState,
// no history entries), and opening a link sets every control. Rust reads and
// writes the fragment (read_link / write_link); this module only moves values
// between it and the page.
import { $ } from "./dom.js";
import { Frame } from "./frame.js";
import { bindNotice, showNotice } from "./notice.js";
import { Layout } from "./panels.js";
import { Share } from "./share.js";
import { Teacher } from "./teacher.js";
import { chosenTheme, setTheme } from "./theme.js";

/** Milliseconds of quiet before the URL follows the controls. */
const SYNC_DELAY = 150;
/** The explorer's sliders, in the order of the `maxout` key. */
const MAXOUT = ["maxout-w1", "maxout-b1", "maxout-w2", "maxout-b2"];

/** `key=value&…` of an object's entries, each value percent-encoded. */
export function fragment(keys) {
  return Object.entries(keys).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&");
}

/** The link keys of a teacher's settings in read_link's `state`. */
function teacherKeys(state) {
  const flag = (on) => (on ? "1" : "0");
  return {
    hide: state.hide.join(","), lock: state.lock.join(","),
    compact: flag(state.compact), autoplay: flag(state.autoplay), fit: flag(state.fit),
  };
}

export /** Keeps the URL's fragment and the page's controls in step. */
class LinkSync {
  /** `panels` are the page's views: {explorer, softmax, training, race, layout} (layout: panels.js). */
  constructor(api, panels) {
    this.api = api;
    Object.assign(this, panels);
    this.ready = false;
    this.timer = 0;
    this.written = null;
    /** A teacher's keys as the opened link gave them (hide, lock, compact, autoplay, fit), kept in every written link. */
    this.teacher = {};
    /** Called with this object after a link is opened and after each sync. */
    this.listeners = [];
    /** Hide, lock, compact, autoplay and fit, applied to the page. */
    this.teaching = new Teacher(this);
  }

  /** Applies the page's link (a bare address or a plain #anchor keeps the page as built), then follows the controls. */
  start() {
    if (location.hash.includes("=")) this.open(location.hash);
    else {
      this.ready = true;
      this.notify();
    }
    const later = () => this.schedule();
    for (const type of ["input", "change", "click", "keyup", "pointerup"]) document.addEventListener(type, later);
    this.training.onDraw(later);
    this.layout.onChange(later);
    window.addEventListener("hashchange", () => {
      if (location.hash.slice(1) !== this.written) this.open(location.hash);
    });
  }

  /** Reads `hash` in Rust, sets every control from it and lists its problems. */
  open(hash) {
    this.ready = false;
    const { state, problems } = this.api.read_link(hash);
    this.teacher = teacherKeys(state);
    const missing = this.layout.apply(state);
    setTheme(state.theme);
    this.applyExplorer(state);
    this.applySoftmax(state);
    this.training.applyLink(state);
    this.race.applyLink(state);
    showNotice(this.teaching.apply(state, [...problems, ...missing]));
    this.layout.scrollToView();
    this.ready = true;
    this.notify();
  }

  /** Sets the explorer's ticks, sliders, range and cursor, then redraws it. */
  applyExplorer(state) {
    for (const box of document.querySelectorAll("#curve-choices input")) box.checked = state.curves.includes(box.value);
    $("x-min").value = String(state.xmin);
    $("x-max").value = String(state.xmax);
    $("param-leaky_relu").value = String(state.leaky);
    $("param-prelu").value = String(state.prelu);
    $("param-elu").value = String(state.elu);
    MAXOUT.forEach((id, i) => { $(id).value = String(state.maxout[i]); });
    this.explorer.cursor = state.x;
    this.explorer.update();
  }

  /** Sets the number of classes, the logits and the temperature, then redraws. */
  applySoftmax(state) {
    $("softmax-count").value = String(state.logits.length);
    $("softmax-count").dispatchEvent(new Event("change"));
    state.logits.forEach((v, i) => { $(`logit-${i + 1}`).value = String(v); });
    $("temperature").value = String(state.t);
    this.softmax.draw();
  }

  /** Every key as the controls hold it (not yet canonical). */
  keys() {
    const checked = [...document.querySelectorAll("#curve-choices input:checked")].map((i) => i.value);
    const logits = [...$("logit-sliders").querySelectorAll("input")].map((i) => i.value);
    return {
      ...this.layout.linkKeys(),
      theme: chosenTheme(),
      ...this.training.linkKeys(),
      ...this.race.linkKeys(),
      ...this.teacher,
      curves: checked.join(","), xmin: $("x-min").value, xmax: $("x-max").value,
      leaky: $("param-leaky_relu").value, prelu: $("param-prelu").value, elu: $("param-elu").value,
      maxout: MAXOUT.map((id) => $(id).value).join(","), x: String(this.explorer.cursor),
      logits: logits.join(","), t: $("temperature").value,
    };
  }

  /** The canonical fragment of the page's state, with `overrides` (e.g. {embed: "train"}). */
  canonical(overrides = {}) {
    return this.api.write_link(fragment({ ...this.keys(), ...overrides }));
  }

  /** The page's address with the canonical fragment (and `overrides`). */
  url(overrides = {}) {
    const f = this.canonical(overrides);
    return location.href.split("#")[0] + (f ? `#${f}` : "");
  }

  /** Syncs the URL once the controls have been quiet for a moment. */
  schedule() {
    if (!this.ready) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.sync(), SYNC_DELAY);
  }

  /** Writes the fragment with replaceState (while paused; Play ends with a Pause click). */
  sync() {
    if (this.training.playing || this.race.playing) return;
    const f = this.canonical();
    if (f !== location.hash.slice(1)) {
      history.replaceState(history.state, "", f ? `#${f}` : location.pathname + location.search);
    }
    this.written = f;
    this.notify();
  }

  /** Calls `listener(link)` after the link is opened and after each sync. */
  onSync(listener) {
    this.listeners.push(listener);
  }

  notify() {
    for (const listener of this.listeners) listener(this);
  }
}

/** Starts links: the layout, the notice and sharing, then opens the page's own link. */
export function startLinks(api, panels) {
  bindNotice();
  const link = new LinkSync(api, { ...panels, layout: new Layout() });
  new Share(link);
  const frame = new Frame(link);
  link.start();
  frame.ready();
  return link;
}
