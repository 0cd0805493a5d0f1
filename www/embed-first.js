// A classic script in <head>, run before the body is parsed. A link with
// `embed=<panel>` marks <html> at once, so style.css lays out that panel
// alone from the first frame; without it the browser paints the whole page
// and collapses it once the module has read the link, which shifts the
// whole view (Lighthouse measured a CLS of 1.0 on `#embed=train`).
// `compact=1` and `fit=1` change an embed's layout as much, so they are
// marked as early. The module's reading of the link (www/js/panels.js,
// www/js/teacher.js) stays the authority: it confirms or clears each mark.
(() => {
  const PANELS = ["curves", "softmax", "train", "stages", "race"];
  const keys = new Map(location.hash.slice(1).split("&").map((pair) => pair.split("=")));
  const panel = keys.get("embed");
  if (!PANELS.includes(panel)) return;
  const root = document.documentElement;
  root.dataset.embed = panel;
  root.classList.add("embed");
  if (keys.get("compact") === "1") root.classList.add("compact");
  if (keys.get("fit") === "1") root.classList.add("fit");
})();
