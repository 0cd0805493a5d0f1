// Which panels the page shows: the Panels toggles, the panel the reader is
// at (`view`), and embed mode (`embed=<panel>`: one panel alone, for an
// <iframe>, telling its parent its height).
import { $ } from "./dom.js";

/** The page's panels: their link names, section ids and labels. */
export const PANELS = [
  { name: "curves", id: "explorer", label: "activation functions" },
  { name: "softmax", id: "softmax", label: "softmax" },
  { name: "train", id: "train", label: "training" },
  { name: "stages", id: "stages", label: "stage stepper" },
  { name: "race", id: "race", label: "activation race" },
];

/** CSS pixels left above a part a link scrolls to, so it does not touch the window's edge. */
const PART_MARGIN = 8;

/** The message an embedded page posts to its parent when its height changes. */
export const HEIGHT_MESSAGE = "nnplay:height";

export /** The page's layout: shown panels, the current view and embed mode. */
class Layout {
  constructor() {
    this.open = new Set(PANELS.map((p) => p.name));
    this.view = null;
    this.embed = null;
    this.listeners = [];
    this.lastHeight = 0;
    this.buildToggles();
    document.addEventListener("focusin", (e) => this.follow(e.target));
    document.addEventListener("pointerdown", (e) => this.follow(e.target));
    // A header link (#train, …) scrolls to its panel, which becomes the view.
    window.addEventListener("hashchange", () => {
      const panel = PANELS.find((p) => `#${p.id}` === location.hash);
      if (panel && $(panel.id)) this.follow($(panel.id));
    });
  }

  /**
   * Binds the "Show …" checkboxes. They are written in index.html, so the
   * header has its size in the first frame; one is built here only if the
   * markup lacks it, and one for a panel this page lacks is dropped.
   */
  buildToggles() {
    const fieldset = $("panel-toggles");
    for (const panel of PANELS) {
      let box = fieldset.querySelector(`input[value="${panel.name}"]`);
      if (!$(panel.id)) {
        box?.closest("label").remove();
        continue;
      }
      if (!box) {
        const label = document.createElement("label");
        label.className = "check";
        box = document.createElement("input");
        box.type = "checkbox";
        box.name = "panel";
        box.value = panel.name;
        box.checked = true;
        label.append(box, document.createTextNode(` Show ${panel.label}`));
        fieldset.append(label);
      }
      box.addEventListener("change", () => {
        if (box.checked) this.open.add(panel.name); else this.open.delete(panel.name);
        this.show();
        this.changed();
      });
    }
  }

  /** Takes `panels`, `view` and `embed` from a link's state; returns problems the page adds. */
  apply(state) {
    this.open = new Set(state.panels);
    this.view = state.view;
    for (const box of $("panel-toggles").querySelectorAll("input")) box.checked = this.open.has(box.value);
    const problems = [];
    const embedded = state.embed && PANELS.find((p) => p.name === state.embed);
    if (embedded && !$(embedded.id)) {
      problems.push({ key: "embed", message: `embed names the ${embedded.label} panel, which this page does not have; showing the whole page` });
    }
    this.embed = embedded && $(embedded.id) ? state.embed : null;
    // fit=1: the embed lays out to its frame (a slide's fixed box) and asks for no height.
    document.documentElement.classList.toggle("fit", Boolean(this.embed && state.fit));
    this.show();
    return problems;
  }

  /** The keys this part of the page owns. */
  linkKeys() {
    const open = PANELS.filter((p) => this.open.has(p.name)).map((p) => p.name);
    return { embed: this.embed ?? "", view: this.view ?? "", panels: open.join(",") };
  }

  /** Hides closed panels, or in embed mode everything but the embedded panel. */
  show() {
    for (const panel of PANELS) {
      const section = $(panel.id);
      if (section) section.hidden = !this.embed && !this.open.has(panel.name);
      // The header's link to a panel goes with it.
      const link = document.querySelector(`.page-nav a[href="#${panel.id}"]`);
      if (link) link.hidden = !section || section.hidden;
    }
    document.documentElement.classList.toggle("embed", Boolean(this.embed));
    // embed-first.js's early mark, now confirmed or (for a link it could not check) cleared.
    if (this.embed) document.documentElement.dataset.embed = this.embed;
    else delete document.documentElement.dataset.embed;
    for (const el of document.querySelectorAll(".embed-hidden")) el.classList.remove("embed-hidden");
    if (!this.embed) return;
    const target = $(PANELS.find((p) => p.name === this.embed).id);
    target.hidden = false;
    for (let node = target; node.parentElement && node !== document.body; node = node.parentElement) {
      for (const sibling of node.parentElement.children) {
        if (sibling !== node && !sibling.hasAttribute("data-embed-keep")) sibling.classList.add("embed-hidden");
      }
    }
    this.postHeight();
    if (!this.observer) {
      this.observer = new ResizeObserver(() => this.postHeight());
      this.observer.observe(document.documentElement);
    }
  }

  /** Remembers the panel the reader works in as the link's `view`. */
  follow(target) {
    if (this.embed || !(target instanceof Element)) return;
    const panel = PANELS.find((p) => target.closest(`#${p.id}`));
    if (panel && panel.name !== this.view) {
      this.view = panel.name;
      this.changed();
    }
  }

  /** Whether this page has the panel named `name`. */
  has(name) {
    const panel = PANELS.find((p) => p.name === name);
    return Boolean(panel && $(panel.id));
  }

  /**
   * The part of its own panel a followed in-page link asks to show: the
   * element its `data-show` names (the diagnostics charts an experiment's
   * text points at), or null.
   */
  partOf(link) {
    const id = link.dataset.show;
    const section = id && PANELS.map((p) => $(p.id)).find((s) => s?.contains(link));
    return (section && section.querySelector(`#${CSS.escape(id)}`)) || null;
  }

  /**
   * Scrolls this window only (never scrollIntoView, which would scroll a
   * page around an embed too): to `part` where it is shown, in an embed as
   * well (a frame of fixed height scrolls inside); else, on the full page,
   * to the link's view.
   */
  scrollToView(part = null) {
    if (part?.getClientRects().length) {
      window.scrollTo({ top: part.getBoundingClientRect().top + window.scrollY - PART_MARGIN, behavior: "instant" });
      return;
    }
    const panel = PANELS.find((p) => p.name === this.view);
    const section = panel && $(panel.id);
    if (this.embed || !section || section.hidden) return;
    window.scrollTo({ top: section.getBoundingClientRect().top + window.scrollY, behavior: "instant" });
  }

  /** In an iframe, tells the parent the page's height whenever it changes. */
  postHeight() {
    if (!this.embed || window.parent === window || document.documentElement.classList.contains("fit")) return;
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === this.lastHeight) return;
    this.lastHeight = height;
    window.parent.postMessage({ type: HEIGHT_MESSAGE, height, panel: this.embed }, "*");
  }

  /** Calls `listener()` when the reader changes the panels or the view. */
  onChange(listener) {
    this.listeners.push(listener);
  }

  changed() {
    for (const listener of this.listeners) listener();
  }
}
