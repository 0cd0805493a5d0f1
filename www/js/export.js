// Keeping your work: every plot as a PNG (a button after each canvas of the
// page, this module), the network (settings and weights) as a JSON file that
// loads back exactly, and the loss history as CSV (the training panel's
// training/keep.js). Rust writes and checks the files; these modules move
// them between the page and the reader's downloads.

/** Short names of the plots, for their Save buttons and file names (others use their label). */
const PLOT_NAMES = {
  "curve-canvas": "activation curves",
  "softmax-canvas": "softmax bars",
  heatmap: "output plot",
  "loss-chart": "loss chart",
  network: "network drawing",
  "stage-network": "stage network drawing",
  "gradient-chart": "gradient chart",
  "unit-chart": "dead and saturated units chart",
  "activation-chart": "activation chart",
  "histogram-chart": "z histograms",
  "race-loss": "race loss chart",
  "race-dots": "race steps chart",
};

/**
 * Offers `data` (a Blob, or a data: URL) as a download named `name`, within
 * the click that asked for it (browsers hold back downloads started later).
 */
export function download(data, name) {
  const url = typeof data === "string" ? data : URL.createObjectURL(data);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  if (url !== data) setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A plot's name made into a file name: "loss chart" → "nnplay-loss-chart.png". */
const fileName = (name) => `nnplay-${name.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}.png`;

/** A plot's short name: from PLOT_NAMES, else the first words of its accessible name. */
function plotName(canvas) {
  const label = canvas.getAttribute("aria-label") ?? canvas.id.replace(/-/g, " ");
  return PLOT_NAMES[canvas.id] ?? label.split(/[:,;]/)[0].split(" ").slice(0, 8).join(" ").replace(/^\w/, (c) => c.toLowerCase());
}

/**
 * A "Save as PNG" button after `canvas`, named for screen readers "Save <plot>
 * as PNG". The page's own plots have theirs in the markup (so the first frame
 * already holds it, and nothing moves when the module starts): that one is
 * wired; a plot a panel adds later gets a new one.
 */
function pngButton(canvas, say) {
  // The plot's live text (describe.js) or a crosshair (data.js) may stand between the canvas and its button.
  let next = canvas.nextElementSibling;
  while (next && next.localName !== "canvas" && !next.classList.contains("png-button")) next = next.nextElementSibling;
  if (next?.classList.contains("png-button") && next.dataset.wired) return;
  const name = plotName(canvas);
  const button = next?.classList.contains("png-button") ? next : document.createElement("button");
  button.type = "button";
  button.className = "png-button";
  button.dataset.wired = "true";
  const hidden = document.createElement("span");
  hidden.className = "visually-hidden";
  hidden.textContent = `${name} `;
  button.replaceChildren("Save ", hidden, "as PNG");
  button.addEventListener("click", () => {
    const png = canvas.toDataURL("image/png");
    if (!png.startsWith("data:image/png")) return say(`The ${name} could not be saved: the browser made no image of it.`);
    download(png, fileName(name));
    say(`Saved the ${name} as ${fileName(name)}.`);
  });
  if (button !== next) canvas.after(button);
}

/**
 * A "Save as PNG" button after every canvas inside `main`, now and whenever
 * a panel adds one; `say(text)` tells what a button did.
 */
export function pngButtons(main, say) {
  const addButtons = () => main.querySelectorAll("canvas").forEach((canvas) => pngButton(canvas, say));
  addButtons();
  // Panels that make plots later (one per contestant, say) get their buttons
  // too. Only added canvases count: tables and readouts change their text
  // every frame while a run plays.
  const addsCanvas = (node) => node.nodeType === Node.ELEMENT_NODE && (node.localName === "canvas" || node.querySelector("canvas"));
  const observer = new MutationObserver((records) => {
    if (records.some((record) => [...record.addedNodes].some(addsCanvas))) addButtons();
  });
  observer.observe(main, { childList: true, subtree: true });
}
