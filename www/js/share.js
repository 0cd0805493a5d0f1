// Sharing: `Copy link` copies the page's link (or shows it in a field to copy
// by hand), and `Embed` opens the embed builder: the teacher picks the panel,
// the settings students may change (the rest are locked or hidden), compact,
// autoplay and the theme, sees a live preview, and copies the code in both
// forms (<nn-play> with embed.js, or a plain <iframe> for hosts that strip
// scripts). The code's address is where nnplay is published, never a local
// one: students cannot reach the teacher's 127.0.0.1.
import { $, fillSelect } from "./dom.js";
import { PANELS } from "./panels.js";
import { allSettings } from "./settings.js";

/** Height of the iframe code before the preview has reported one. */
const INITIAL_HEIGHT = { curves: 900, softmax: 520, train: 1100, stages: 800, race: 1500 };
/** The address the code names while this page is served locally and the teacher has typed none. */
const PLACEHOLDER = "https://example.org/nnplay/";
/** How long the choices stay still before the preview reloads, in ms. */
const PREVIEW_DELAY = 400;
/** Names of the settings shown by several controls with no legend of their own. */
const GROUP_NAMES = { layers: "hidden layers", maxout: "maxout pieces", logits: "logits", features: "input features" };
/** Settings the builder does not offer to lock or hide (the theme has its own choice). */
const NOT_OFFERED = ["theme"];

/** Whether `url` is one only this computer reaches (localhost, 127.x, ::1, 0.0.0.0, a file). */
function isLocal(url) {
  if (url.protocol === "file:") return true;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host.endsWith(".localhost") || /^127\./.test(host) || host === "::1" || host === "0.0.0.0";
}

export /** The Copy link and Embed controls. */
class Share {
  /** `link` is the page's LinkSync; `view()` the panel the reader is at (the link's `view`), or "". */
  constructor(link, view) {
    this.link = link;
    this.view = view;
    /** The height the preview last reported, by panel. */
    this.measured = {};
    this.previewTimer = 0;
    this.previewSrc = "";
    const panels = PANELS.filter((p) => $(p.id));
    fillSelect($("embed-panel"), panels.map((p) => [p.name, p.label[0].toUpperCase() + p.label.slice(1)]), "train");
    this.here = new URL(".", location.href);
    if (!isLocal(this.here)) $("embed-site").value = this.here.href;
    $("copy-link").addEventListener("click", () => this.copy());
    $("embed-button").addEventListener("click", () => this.toggleEmbed());
    $("embed-close").addEventListener("click", () => this.toggleEmbed(false));
    $("embed-box").addEventListener("keydown", (e) => {
      if (e.key === "Escape" && !e.defaultPrevented) { e.preventDefault(); this.toggleEmbed(false); }
    });
    $("embed-panel").addEventListener("change", () => { this.fillSettings(); this.fillSnippet(); });
    $("embed-box").querySelector(".builder-choices").addEventListener("change", (e) => { if (e.target.id !== "embed-panel") this.fillSnippet(); });
    $("embed-site").addEventListener("input", () => this.fillSnippet());
    $("copy-script").addEventListener("click", () => this.copyCode("embed-script", "the script code"));
    $("copy-code").addEventListener("click", () => this.copyCode("embed-code", "the iframe code"));
    addEventListener("message", (e) => this.heard(e));
    link.onSync(() => this.refresh());
  }

  /** Copies the link; where the clipboard is unavailable, shows it selected in a field. */
  async copy() {
    this.link.sync();
    const url = this.link.url();
    $("share-url").value = url;
    // Said plainly, never silently: what the link cannot replay of this run.
    const caveats = this.link.panels.map((panel) => panel.linkCaveat?.()).filter(Boolean).join(" ");
    try {
      await navigator.clipboard.writeText(url);
      $("copy-fallback").hidden = true;
      $("share-status").textContent = caveats ? `Link copied. ${caveats}` : "Link copied.";
    } catch {
      $("copy-fallback").hidden = false;
      $("share-url").select();
      $("share-status").textContent = `Copying is not available here: copy the link from the field below.${caveats ? ` ${caveats}` : ""}`;
    }
  }

  /** Opens or closes the builder (`open` forces it); opening moves the focus into it, closing back to Embed. */
  toggleEmbed(open = $("embed-box").hidden) {
    const box = $("embed-box");
    box.hidden = !open;
    $("embed-button").setAttribute("aria-expanded", String(open));
    if (open) {
      const view = this.view();
      if (view && [...$("embed-panel").options].some((o) => o.value === view)) $("embed-panel").value = view;
      this.fillSettings();
      this.fillSnippet();
      $("embed-panel").focus();
    } else {
      clearTimeout(this.previewTimer);
      // An unseen preview would go on running the app: it is emptied until the builder opens again.
      $("embed-preview").removeAttribute("src");
      this.previewSrc = "";
      if (box.contains(document.activeElement) || document.activeElement === document.body) $("embed-button").focus();
    }
  }

  /** One checkbox per setting whose control the chosen panel shows, ticked: students may change it. */
  fillSettings() {
    const section = $(PANELS.find((p) => p.name === $("embed-panel").value).id);
    const shown = allSettings().filter(({ key }) => !NOT_OFFERED.includes(key) &&
      section.querySelector(`[data-setting="${key}"], [data-setting^="${key}."], [data-teacher="${key}"]`));
    const list = $("embed-setting-list");
    const before = new Map([...list.querySelectorAll("input")].map((box) => [box.value, box.checked]));
    list.replaceChildren(...shown.map(({ key, label }) => {
      const box = Object.assign(document.createElement("input"), { type: "checkbox", value: key, checked: before.get(key) ?? true });
      box.id = `embed-may-${key}`;
      const wrapper = document.createElement("label");
      wrapper.append(box, ` ${capital(label || nameOf(section, key))}`);
      return wrapper;
    }));
    $("embed-no-settings").hidden = shown.length > 0;
  }

  /** The teacher's choices: {panel, fixed (keys students may not change), how ("lock" or "hide"), compact, autoplay, theme}. */
  choices() {
    return {
      panel: $("embed-panel").value,
      fixed: [...$("embed-setting-list").querySelectorAll("input:not(:checked)")].map((box) => box.value),
      how: $("embed-fixed-hide").checked ? "hide" : "lock",
      compact: $("embed-compact").checked,
      autoplay: $("embed-autoplay").checked,
      theme: $("embed-theme").value,
    };
  }

  /**
   * The address the code names: the one typed, else this page's own unless
   * it is local; a local or malformed one is refused with a note saying why.
   */
  site() {
    const typed = $("embed-site").value.trim();
    let url = null;
    let note = "";
    if (typed) {
      try {
        url = new URL(typed);
        if (!/^https?:$/.test(url.protocol)) throw new Error("not http");
      } catch {
        url = null;
        note = `"${typed}" is not a web address: type one such as ${PLACEHOLDER}.`;
      }
      if (url && isLocal(url)) {
        note = `${url.host} is this computer, which your students cannot reach: type the address nnplay is published at.`;
        url = null;
      }
    } else if (isLocal(this.here)) {
      note = `This page is served from ${this.here.host || "a file"}, which your students cannot reach: type the address nnplay is published at.`;
    }
    if (url) {
      url.hash = "";
      url.search = "";
      url.pathname = url.pathname.replace(/index\.html$/, "").replace(/\/?$/, "/");
    }
    if (!url) note += ` Until then the code says ${PLACEHOLDER}, for you to replace.`;
    else note = "Students' browsers load the embed from this address.";
    return { base: url ? url.href : PLACEHOLDER, note: note.trim() };
  }

  /** The fragment of an embed of the current state with the teacher's choices. */
  fragment({ panel, fixed, how, compact, autoplay, theme }) {
    return this.link.canonical({
      embed: panel, view: "", fit: "0", theme,
      hide: how === "hide" ? fixed.join(",") : "", lock: how === "lock" ? fixed.join(",") : "",
      compact: compact ? "1" : "0", autoplay: autoplay ? "1" : "0",
    });
  }

  /** Both forms of the code for the choices and the current state, and the preview. */
  fillSnippet() {
    const choices = this.choices();
    const { panel, fixed, how, compact, autoplay, theme } = choices;
    const label = $("embed-panel").selectedOptions[0]?.textContent ?? panel;
    const { base, note } = this.site();
    $("embed-site-note").textContent = note;
    const fragment = this.fragment(choices);
    // The state alone: the element's attributes carry the panel and the teacher's keys.
    const state = this.link.canonical({ embed: "", view: "", fit: "0", theme: "auto", hide: "", lock: "", compact: "0", autoplay: "0" });
    const attributes = [`panel="${panel}"`];
    if (state) attributes.push(`state="${escape(state)}"`);
    if (fixed.length) attributes.push(`${how}="${fixed.join(",")}"`);
    if (compact) attributes.push("compact");
    if (autoplay) attributes.push("autoplay");
    if (theme !== "auto") attributes.push(`theme="${theme}"`);
    $("embed-script").value = `<script src="${escape(`${base}embed.js`)}"></script>\n<nn-play ${attributes.join(" ")}></nn-play>`;
    const height = this.measured[panel]?.fragment === fragment ? this.measured[panel].height : INITIAL_HEIGHT[panel] ?? 800;
    $("embed-code").value = `<iframe src="${escape(`${base}index.html#${fragment}`)}" title="nnplay: ${escape(label)}" ` +
      `style="width: 100%; height: ${height}px; border: 0" loading="lazy"></iframe>`;
    this.schedulePreview(`${this.here.href}index.html#${fragment}`);
  }

  /** Reloads the preview with `src` once the choices have been still a moment (this page's own address: it is local too). */
  schedulePreview(src) {
    if (src === this.previewSrc) return;
    clearTimeout(this.previewTimer);
    this.previewTimer = setTimeout(() => {
      if ($("embed-box").hidden) return;
      this.previewSrc = src;
      // A new frame each time: a changed fragment alone would not reload a frame on the same page.
      const old = $("embed-preview");
      const frame = old.cloneNode(false);
      frame.src = src;
      old.replaceWith(frame);
    }, PREVIEW_DELAY);
  }

  /** The preview's height report: the iframe code takes it as its height. */
  heard(event) {
    const preview = $("embed-preview");
    if (event.source !== preview.contentWindow || event.data?.type !== "nnplay:height") return;
    const { height, panel } = event.data;
    if (!Number.isFinite(height) || height <= 0) return;
    const fragment = this.previewSrc.split("#")[1] ?? "";
    const before = this.measured[panel];
    this.measured[panel] = { height: Math.ceil(height), fragment };
    if (before?.height !== Math.ceil(height) && !$("embed-box").hidden) this.fillSnippet();
  }

  /** Copies the code in textarea `id`, saying so (or, without a clipboard, selecting it to copy by hand). */
  async copyCode(id, what) {
    const status = $("embed-copied");
    status.textContent = "";
    try {
      await navigator.clipboard.writeText($(id).value);
      status.textContent = `Copied ${what}.`;
    } catch {
      $(id).focus();
      $(id).select();
      status.textContent = `Copying is not available here: ${what} is selected, copy it with Ctrl+C (⌘C).`;
    }
  }

  /** Keeps the open builder, the fallback field and the embed's own link current. */
  refresh() {
    if (!$("embed-box").hidden) this.fillSnippet();
    if (!$("copy-fallback").hidden) $("share-url").value = this.link.url();
    // The whole page at the embedded panel, without the embed's layout keys (the teacher's hide and lock stay).
    const layout = this.link.layout;
    $("open-full").href = this.link.url({ embed: "", view: layout.embed ?? layout.view ?? "", compact: "0", autoplay: "0", fit: "0" });
  }
}

/** "Word …" of "word …". */
const capital = (text) => text[0].toUpperCase() + text.slice(1);

/**
 * What `section` calls setting `key` whose catalogue entry has no label (its
 * controls are several, e.g. the layer list): the legend or name of its
 * marked wrapper, else the name in GROUP_NAMES.
 */
function nameOf(section, key) {
  const marked = section.querySelector(`[data-teacher="${key}"]`);
  const name = marked?.querySelector(":scope > legend")?.textContent || marked?.getAttribute("aria-label");
  return name?.trim().replace(/:$/, "") || GROUP_NAMES[key] || key;
}

/** Escapes text for an HTML attribute. */
function escape(text) {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}
