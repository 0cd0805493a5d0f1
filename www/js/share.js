// Sharing: `Copy link` copies the page's link (or shows it in a field to copy
// by hand), and `Embed` shows a ready <iframe> snippet for one panel.
import { $, fillSelect } from "./dom.js";
import { PANELS } from "./panels.js";

/** Height of a new embed before its first height message arrives. */
const INITIAL_HEIGHT = { curves: 900, softmax: 520, train: 1100, stages: 800, race: 1500 };

export /** The Copy link and Embed controls. */
class Share {
  /** `link` is the page's LinkSync; `view()` the panel the reader is at (the link's `view`), or "". */
  constructor(link, view) {
    this.link = link;
    this.view = view;
    const panels = PANELS.filter((p) => $(p.id));
    fillSelect($("embed-panel"), panels.map((p) => [p.name, p.label[0].toUpperCase() + p.label.slice(1)]), "train");
    $("copy-link").addEventListener("click", () => this.copy());
    $("embed-button").addEventListener("click", () => this.toggleEmbed());
    $("embed-panel").addEventListener("change", () => this.fillSnippet());
    link.onSync(() => this.refresh());
  }

  /** Copies the link; where the clipboard is unavailable, shows it selected in a field. */
  async copy() {
    this.link.sync();
    const url = this.link.url();
    $("share-url").value = url;
    try {
      await navigator.clipboard.writeText(url);
      $("copy-fallback").hidden = true;
      $("share-status").textContent = "Link copied.";
    } catch {
      $("copy-fallback").hidden = false;
      $("share-url").select();
      $("share-status").textContent = "Copying is not available here: copy the link from the field below.";
    }
  }

  /** Shows or hides the embed snippet. */
  toggleEmbed() {
    const box = $("embed-box");
    box.hidden = !box.hidden;
    $("embed-button").setAttribute("aria-expanded", String(!box.hidden));
    if (!box.hidden) {
      const view = this.view();
      if (view && [...$("embed-panel").options].some((o) => o.value === view)) $("embed-panel").value = view;
      this.fillSnippet();
    }
  }

  /** The <iframe> snippet for the chosen panel and the current state. */
  fillSnippet() {
    const panel = $("embed-panel").value;
    const label = $("embed-panel").selectedOptions[0]?.textContent ?? panel;
    const src = this.link.url({ embed: panel, view: "" });
    $("embed-code").value = `<iframe src="${escape(src)}" title="nnplay: ${escape(label)}" ` +
      `style="width: 100%; height: ${INITIAL_HEIGHT[panel] ?? 800}px; border: 0" loading="lazy"></iframe>`;
  }

  /** Keeps the open snippet, the fallback field and the embed's own link current. */
  refresh() {
    if (!$("embed-box").hidden) this.fillSnippet();
    if (!$("copy-fallback").hidden) $("share-url").value = this.link.url();
    // The whole page at the embedded panel, without the embed's layout keys (the teacher's hide and lock stay).
    const layout = this.link.layout;
    $("open-full").href = this.link.url({ embed: "", view: layout.embed ?? layout.view ?? "", compact: "0", autoplay: "0", fit: "0" });
  }
}

/** Escapes text for an HTML attribute. */
function escape(text) {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}
