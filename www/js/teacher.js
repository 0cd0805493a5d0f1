// What a teacher's link asks of the page besides the settings: `hide` and
// `lock` (settings whose controls are removed, or shown frozen with a note),
// `compact` (the panel without its intro, notes and side tables) and
// `autoplay` (plays while the panel can be seen; `fit` is the layout's, in
// panels.js). The controls are found by their setting's key, never by a
// panel's own ids: a control built from the catalogue carries
// data-setting="key" (or "key.part"), and the markup marks the wrapper of a
// control a panel builds itself with data-teacher="key". In an embed, a
// link's problems go to the console and to a small marker in the embed's
// bar, never to a notice the students would read.
import { $ } from "./dom.js";

/** The class that removes a hidden setting's control. */
const HIDDEN = "teacher-hidden";
/** The note beside a locked control (its text is also the control's description). */
const LOCK_NOTE = "Set by the course notes";
/** The race's Step and Reset, found through its own finder (the training view gives its buttons as shortcuts). */
const RACE_BUTTONS = { step: "race-step", reset: "race-reset" };
/** Buttons after whose click the reader, not autoplay, decides whether the run plays. */
const READER_BUTTONS = ["play", "step", "epoch", "reset", "race-play", "race-step", "race-reset"];

/** The elements that show setting `key`: marked wrappers, and the wrappers of its catalogue-built controls. */
function targets(key) {
  const found = new Set(document.querySelectorAll(`[data-teacher="${key}"]`));
  for (const control of document.querySelectorAll(`[data-setting="${key}"], [data-setting^="${key}."]`)) {
    if ([...found].some((t) => t.contains(control))) continue;
    const wrapper = control.closest(".slider, label");
    if (wrapper) found.add(wrapper);
    else for (const el of [control, ...control.labels]) found.add(el);
  }
  return [...found];
}

/** The form controls in (or being) `target`. */
function controlsIn(target) {
  const inside = [...target.querySelectorAll("input, select, textarea, button")];
  return target.matches("input, select, textarea, button") ? [target, ...inside] : inside;
}

export /** Applies a teacher's keys to the page, and drives its playable panel for autoplay and the host. */
class Teacher {
  /** `link` is the LinkSync (its layout and panels). */
  constructor(link) {
    this.link = link;
    this.training = link.panels.find((p) => p.root?.id === "train");
    this.race = link.panels.find((p) => p.root?.id === "race");
    /** The wrappers locked now, and an observer that keeps their controls disabled as panels rebuild them. */
    this.locked = [];
    this.lockWatch = new MutationObserver(() => this.disableLocked());
    /** Whether the run should play while the panel is visible (autoplay, or the reader's or host's Play). */
    this.wantsPlay = false;
    /** autoplay=1 in the opened link. */
    this.autoplay = false;
    /** Whether the driven panel is on screen (until the first report: yes). */
    this.onScreen = true;
    this.watched = null;
    this.observer = "IntersectionObserver" in window
      ? new IntersectionObserver((entries) => this.seen(entries.at(-1).isIntersecting))
      : null;
    document.addEventListener("click", (e) => this.readerClicked(e), true);
    this.training.shared().onDraw(() => this.startWhenIdle());
    // The race's catch-up draws only the race: its end is where autoplay may start.
    this.race?.onCaughtUp(() => this.startWhenIdle());
  }

  /** Applies the teacher's part of a link's `state`; returns the `problems` the page's notice should show. */
  apply(state, problems) {
    const root = document.documentElement;
    root.classList.toggle("compact", state.compact);
    this.hide(state.hide);
    this.lock(state.lock.filter((k) => !state.hide.includes(k)));
    this.autoplay = state.autoplay;
    this.wantsPlay = state.autoplay;
    this.watch();
    this.startWhenIdle();
    this.mark(this.embedded ? problems : []);
    return this.embedded ? [] : problems;
  }

  /** Whether the page is an embed (one panel alone). */
  get embedded() {
    return Boolean(this.link.layout.embed);
  }

  /** Removes the controls of `keys`, and shows every other one again. */
  hide(keys) {
    for (const el of document.querySelectorAll(`.${HIDDEN}`)) el.classList.remove(HIDDEN);
    for (const key of keys) for (const el of targets(key)) el.classList.add(HIDDEN);
  }

  /** Freezes the controls of `keys`, each with a note saying the notes set it; unlocks the others. */
  lock(keys) {
    this.lockWatch.disconnect();
    for (const note of document.querySelectorAll(".teacher-lock")) note.remove();
    for (const control of document.querySelectorAll("[data-teacher-locked]")) {
      control.disabled = false;
      delete control.dataset.teacherLocked;
      const described = (control.getAttribute("aria-describedby") ?? "").split(" ").filter((id) => !id.startsWith("lock-note-"));
      if (described.length) control.setAttribute("aria-describedby", described.join(" "));
      else control.removeAttribute("aria-describedby");
    }
    this.locked = [];
    for (const key of keys) {
      targets(key).forEach((target, i) => {
        const note = document.createElement("span");
        note.className = "teacher-lock";
        note.id = `lock-note-${key}-${i}`;
        note.textContent = LOCK_NOTE;
        (target.matches("input, select, textarea, button") ? target.parentElement : target).append(note);
        this.locked.push({ target, note: note.id });
      });
    }
    this.disableLocked();
    for (const { target } of this.locked) {
      this.lockWatch.observe(target, { subtree: true, childList: true, attributes: true, attributeFilter: ["disabled"] });
    }
  }

  /** Disables every control of the locked wrappers, including ones a panel has just built. */
  disableLocked() {
    for (const { target, note } of this.locked) {
      for (const control of controlsIn(target)) {
        if (!control.disabled) control.disabled = true;
        if (control.dataset.teacherLocked) continue;
        control.dataset.teacherLocked = "true";
        const described = control.getAttribute("aria-describedby");
        control.setAttribute("aria-describedby", described ? `${described} ${note}` : note);
      }
    }
  }

  /** In an embed, lists a link's `problems` in the console and behind a small marker a teacher finds. */
  mark(problems) {
    this.marker?.remove();
    this.marker = null;
    if (problems.length === 0) return;
    for (const { message } of problems) console.warn(`nnplay: this embed's link: ${message}`);
    const marker = document.createElement("details");
    marker.id = "teacher-marker";
    marker.className = "teacher-marker";
    const summary = document.createElement("summary");
    summary.textContent = `Link: ${problems.length} key${problems.length === 1 ? "" : "s"} not used`;
    const list = document.createElement("ul");
    list.append(...problems.map(({ message }) => Object.assign(document.createElement("li"), { textContent: message })));
    marker.append(summary, list);
    document.querySelector(".embed-bar").prepend(marker);
    this.marker = marker;
  }

  /** The playable panel the page is about: the race when it is embedded or viewed, else training. */
  get panel() {
    const name = this.link.layout.embed ?? this.link.layout.view;
    return name === "race" ? "race" : "train";
  }

  /** The view that plays: the training view or the race. */
  get view() {
    return this.panel === "race" ? this.race : this.training;
  }

  /** Watches the driven panel's section (the stage panel plays the training run). */
  watch() {
    const name = this.link.layout.embed ?? this.panel;
    const section = $(name === "stages" ? "stages" : this.panel === "race" ? "race" : "train");
    if (!this.observer || section === this.watched) return;
    if (this.watched) this.observer.unobserve(this.watched);
    this.watched = section;
    this.observer.observe(section);
  }

  /** The panel came into view, or left it: a run that should play plays only while it is seen. */
  seen(visible) {
    this.onScreen = visible;
    // On the whole page a run goes on while the reader looks at another panel (visible.js holds its frames).
    // A link's catch-up goes on: it brings the embed to its link's step, and Pause would leave it short for good.
    if (!visible && this.embedded && this.view.playing && !this.view.catchingUp) this.view.pause();
    this.startWhenIdle();
  }

  /** Starts a run that should play, once it is visible and no link's catch-up is under way. */
  startWhenIdle() {
    if (!this.wantsPlay || !this.onScreen || this.view.playing || this.starting) return;
    this.starting = true;
    // After the current draw (a catch-up ends with a Pause that draws), never inside it.
    queueMicrotask(() => {
      this.starting = false;
      if (this.wantsPlay && this.onScreen && !this.view.playing && this.link.ready) this.view.play();
    });
  }

  /**
   * The reader pressed Play, Pause, Step or Reset (seen before the button
   * acts): autoplay lets go while the button acts, so a Pause is never undone;
   * afterwards, in an embed, a run they left playing plays whenever it is seen.
   */
  readerClicked(event) {
    const button = event.target instanceof Element && event.target.closest("button");
    if (!button || !READER_BUTTONS.includes(button.id)) return;
    this.wantsPlay = false;
    setTimeout(() => { this.wantsPlay = this.embedded && this.view.playing; }, 0);
  }

  /** The host's commands: play, pause, step and reset the playable panel. */
  command(name) {
    if (name === "play") {
      this.wantsPlay = true;
      if (!this.view.playing) this.view.play();
      return;
    }
    if (name === "pause") {
      this.wantsPlay = false;
      this.view.pause();
      return;
    }
    this.wantsPlay = false;
    const button = this.panel === "race" ? this.race.$(RACE_BUTTONS[name]) : this.training.shortcuts()[name[0]].button;
    button.click();
  }

  /** reveal.js left the slide: pause, remembering whether the run was playing. */
  slideStop() {
    this.resume = this.wantsPlay || this.view.playing;
    this.wantsPlay = false;
    this.view.pause();
  }

  /** reveal.js showed the slide again: a run that was playing goes on. */
  slideStart() {
    if (!this.resume) return;
    this.resume = false;
    this.command("play");
  }
}
