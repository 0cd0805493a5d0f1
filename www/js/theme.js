// The colour theme: the page follows the reader's system setting
// (prefers-color-scheme) unless the Theme menu, or the link's `theme` key,
// forces light or dark. Every plot redraws in the new theme's colours.
import { $, prefersDark, SYSTEM_DARK } from "./dom.js";

/** The theme chosen: "auto", "light" or "dark". */
export function chosenTheme() {
  return document.documentElement.dataset.theme ?? "auto";
}

/** Chooses "auto", "light" or "dark", and redraws the plots if the colours changed. */
export function setTheme(name) {
  const dark = prefersDark();
  if (name === "light" || name === "dark") document.documentElement.dataset.theme = name;
  else delete document.documentElement.dataset.theme;
  $("theme").value = chosenTheme();
  if (prefersDark() !== dark) redrawPlots();
}

/** Every panel redraws its plots on a resize; a change of colours needs the same. */
function redrawPlots() {
  window.dispatchEvent(new Event("resize"));
}

/** Calls `listener()` when the reader picks a theme. */
export function onThemeChange(listener) {
  $("theme").addEventListener("change", listener);
}

/** Wires the Theme menu and follows the system's setting while it is "auto". */
export function startTheme() {
  $("theme").addEventListener("change", () => setTheme($("theme").value));
  // The system's preference is watched so plots follow it while the theme is "auto".
  SYSTEM_DARK?.addEventListener("change", () => { if (chosenTheme() === "auto") redrawPlots(); });
}
