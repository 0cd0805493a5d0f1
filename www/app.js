// nnplay's front end: starts each panel once Trunk's loader has the wasm
// module ready. All mathematics lives in Rust; the panels read controls, call
// the JS API and write text.
import { PlotTexts } from "./js/describe.js";
import { $ } from "./js/dom.js";
import { DataPanel } from "./js/training/data.js";
import { Explorer } from "./js/explorer.js";
import { guard, keepLink, stopped } from "./js/guard.js";
import { Keeper } from "./js/export.js";
import { startKeys } from "./js/keys.js";
import { startLinks } from "./js/link.js";
import { loadSettings } from "./js/settings.js";
import { Metrics } from "./js/training/metrics.js";
import { NetworkEdit } from "./js/training/network-edit.js";
import { RacePanel } from "./js/race/race.js";
import { SoftmaxPanel } from "./js/softmax.js";
import { Stages } from "./js/stages/stages.js";
import { startTheme } from "./js/theme.js";
import { Training } from "./js/training/training.js";

/** Shows an unexpected failure in the page's error panel, never a dead page. */
function showFailure(error) {
  if (stopped()) return; // the guard's panel already says what happened and keeps the link
  const panel = $("panic");
  panel.hidden = false;
  panel.textContent = `nnplay hit an error: ${error && error.message ? error.message : error}`;
}

/** How often the link the stop panel would offer is refreshed, in ms. */
const KEEP_LINK_EVERY = 1000;

/** Starts the page once the module's exports are available (guarded: see guard.js). */
function start(bindings) {
  const api = guard(bindings);
  window.nnplay = api;
  try {
    loadSettings(api);
    startTheme();
    const explorer = new Explorer(api);
    explorer.update();
    const softmax = new SoftmaxPanel(api);
    softmax.draw();
    const training = new Training(api);
    new DataPanel(api, training);
    new Metrics(training);
    new Stages(training);
    new NetworkEdit(api, training);
    const race = new RacePanel(api, training);
    const link = startLinks(api, { explorer, softmax, training, race });
    // The run's link, kept while the module works, so a trap cannot lose it.
    const keep = () => {
      try {
        if (!stopped()) keepLink(link.url());
      } catch {
        // A control mid-edit can make the link unwritable for a moment; the last one stays.
      }
    };
    keep();
    link.onSync(keep);
    setInterval(keep, KEEP_LINK_EVERY);
    new PlotTexts(training, link);
    new Keeper(api, training);
    startKeys();
    document.documentElement.dataset.ready = "true";
    explorer.measureCosts();
  } catch (error) {
    showFailure(error);
    throw error;
  }
}

window.addEventListener("error", (e) => showFailure(e.error || e.message));
window.addEventListener("unhandledrejection", (e) => showFailure(e.reason));
if (window.wasmBindings) start(window.wasmBindings);
else window.addEventListener("TrunkApplicationStarted", () => start(window.wasmBindings), { once: true });
