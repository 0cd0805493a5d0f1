// Shareable links: the URL fragment follows the controls (history.replaceState,
// no history entries), and opening a link sets every control. Rust reads and
// writes the fragment (read_link / write_link); this module only moves values
// between it and the page: each panel with link keys gives them (`keys()`),
// takes a link's state (`apply(state)`) and says when its controls may have changed
// (`onChange`); the page's own keys are the layout's, the theme's and a
// teacher's.
import { Frame } from "./frame.js";
import { bindNotice, showNotice } from "./notice.js";
import { Layout } from "./panels.js";
import { fragment } from "./settings.js";
import { Share } from "./share.js";
import { eachInTask } from "./tasks.js";
import { Teacher } from "./teacher.js";
import { chosenTheme, onThemeChange, setTheme } from "./theme.js";

/** The keys of fragment `text` ("a=1&b=2" → ["a", "b"]). */
const keysOf = (text) => text.split("&").map((pair) => pair.split("=")[0]).filter(Boolean);

/**
 * The keys an embed keeps when a link followed inside it leaves them out:
 * its panel, a teacher's shaping and the theme. Not autoplay: the link's
 * text tells the reader what to press, and a run that starts by itself
 * would do it for them.
 */
const EMBED_KEYS = ["embed", "hide", "lock", "compact", "fit", "theme"];

/** Milliseconds of quiet before the URL follows the controls. */
const SYNC_DELAY = 150;

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
  /** `panels` are the page's panels, in the order a link is applied to them; `layout` shows them (panels.js). */
  constructor(api, panels, layout) {
    this.api = api;
    this.panels = panels;
    this.layout = layout;
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

  /**
   * Applies the page's link (a bare address or a plain #anchor keeps the
   * page as built), then follows the controls; `nextTask` as for `open`.
   */
  async start(nextTask) {
    if (linkInAddress()) await this.open(location.hash, { nextTask });
    else {
      this.ready = true;
      this.notify();
    }
    const later = () => this.schedule();
    for (const panel of this.panels) panel.onChange(later);
    this.layout.onChange(later);
    onThemeChange(later);
    // The in-page link the reader follows (an experiment): its hashchange comes next.
    document.addEventListener("click", (e) => {
      this.followed = e.target instanceof Element ? e.target.closest('a[href^="#"]') : null;
    }, true);
    window.addEventListener("hashchange", () => {
      // A plain #anchor naming a part of the page (the header's links) only
      // scrolls there: read as a link it would reset every setting.
      if (document.getElementById(location.hash.slice(1))) return;
      const followed = this.followed?.hash === location.hash ? this.followed : null;
      this.followed = null;
      if (location.hash.slice(1) === this.written) return;
      let hash = location.hash;
      if (this.layout.embed) {
        // Read as it stands, a link without embed= would turn the frame into the whole page.
        hash = `#${this.inEmbed(hash.slice(1))}`;
        history.replaceState(history.state, "", hash);
      }
      this.open(hash, { part: followed && this.layout.partOf(followed) });
    });
  }

  /**
   * Fragment `given` as this embed opens it: a link that names no embed stays
   * one, of the panel its `view` names (where the link's text points; the
   * stages embed's "A ReLU dies" opens the training panel) or else of this
   * embed's panel, with this embed's teacher's keys and theme.
   */
  inEmbed(given) {
    if (keysOf(given).includes("embed")) return given;
    const view = given.split("&").find((pair) => pair.startsWith("view="))?.slice("view=".length);
    return this.keeping(this.layout.has(view) ? `embed=${view}&${given}` : given, EMBED_KEYS);
  }

  /** Fragment `given` with those of the page's current `keys` it leaves out. */
  keeping(given, keys) {
    const named = new Set(keysOf(given));
    const kept = this.canonical().split("&").filter((pair) => keys.includes(pair.split("=")[0]) && !named.has(pair.split("=")[0]));
    return [given, ...kept].filter(Boolean).join("&");
  }

  /**
   * Reads `hash` in Rust, sets every control from it and lists its problems;
   * then scrolls to `part` (an element), or else to the link's view. Given
   * `nextTask` (the page's start, which must not hold the page for long),
   * each panel takes the link in a task of its own, and what it leaves for
   * later (its drawing) in another; without, all at once.
   */
  async open(hash, { part = null, nextTask = null } = {}) {
    this.ready = false;
    const { state, problems } = this.api.read_link(hash);
    this.teacher = teacherKeys(state);
    const missing = this.layout.apply(state);
    setTheme(state.theme);
    for (const panel of this.panels) {
      if (!nextTask) {
        panel.apply?.(state);
        continue;
      }
      await nextTask();
      await eachInTask((later) => panel.apply?.(state, later), nextTask);
    }
    showNotice(this.teaching.apply(state, [...problems, ...missing]));
    this.layout.scrollToView(part);
    this.ready = true;
    this.notify();
  }

  /** Every key as the controls hold them (not yet canonical). */
  keys() {
    const keys = { ...this.layout.linkKeys(), theme: chosenTheme(), ...this.teacher };
    for (const panel of this.panels) Object.assign(keys, panel.keys?.());
    return keys;
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
    if (this.panels.some((panel) => panel.busy?.())) return;
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

/** Whether the page's address holds a link to open (not a bare address or a plain #anchor). */
export function linkInAddress() {
  return location.hash.includes("=");
}

/**
 * Starts links: the layout, the notice and sharing, then opens the page's
 * own link, a panel a task (`nextTask`, see `open`); resolves to the LinkSync.
 */
export async function startLinks(api, panels, nextTask) {
  bindNotice();
  const layout = new Layout();
  const link = new LinkSync(api, panels, layout);
  new Share(link, () => layout.linkKeys().view);
  const frame = new Frame(link);
  await link.start(nextTask);
  frame.ready();
  return link;
}
