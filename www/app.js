// nnplay's front end: composes the page once the loader has a wasm module
// ready (the explorer-first one draws the first curves, the full one the rest:
// scripts/first-module.mjs). All mathematics lives in Rust; the panels read controls, call
// the JS API and write text. Each panel owns its section of the page; this
// module makes them, hands the stage and race panels what the training panel
// shares, and gives the page's parts (links, keys, plot texts, PNG buttons)
// the panels to ask.
import { PlotTexts } from "./js/describe.js";
import { $ } from "./js/dom.js";
import { Explorer } from "./js/explorer.js";
import { guard, keepLink, stopped } from "./js/guard.js";
import { pngButtons } from "./js/export.js";
import { startKeys } from "./js/keys.js";
import { linkInAddress, startLinks } from "./js/link.js";
import { loadSettings } from "./js/settings.js";
import { RacePanel } from "./js/race/race.js";
import { SoftmaxPanel } from "./js/softmax.js";
import { Stages } from "./js/stages/stages.js";
import { eachInTask } from "./js/tasks.js";
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

/** Runs `work` as a named part of the start, timed for bench/startup.mjs (which lists the parts). */
function part(name, work) {
  const begin = performance.now();
  try {
    return work();
  } finally {
    performance.measure(`nnplay:start ${name}`, { start: begin, end: performance.now() });
  }
}

/**
 * Ends the current task: the start runs a part a task, so the first curve
 * is drawn (and painted) before the training view, the stages and the race
 * are built, and no one task keeps the page from answering for long
 * (bench/startup.mjs: none over 50 ms unthrottled).
 */
const nextTask = () => (globalThis.scheduler?.yield ? globalThis.scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0)));

/** Runs the work `give` hands its `later`, each in a task of its own, timed as parts named `name`. */
const inTasks = (name, give) => eachInTask(give, nextTask, (work) => part(name, work));

/**
 * Starts the page once the module's exports are available (guarded: see
 * guard.js). The page is ready (`data-ready`) once every part has run and
 * the link is applied; until then its controls do nothing, as before the
 * module arrived.
 */
async function start(bindings) {
  // The explorer-first module when the loader fetched it (its exports draw the explorer and softmax), else the full one.
  const firstApi = guard(bindings);
  try {
    part("settings", () => { loadSettings(firstApi); startTheme(); });
    await nextTask();
    const explorer = part("explorer", () => new Explorer(firstApi, $("explorer")));
    part("explorer draw", () => explorer.update());
    await nextTask();
    const softmax = part("softmax", () => new SoftmaxPanel(firstApi, $("softmax")));
    part("softmax draw", () => softmax.draw());
    await nextTask();
    // Every other panel, links and window.nnplay take the whole API, fetched once the first curves are drawn.
    const full = await fullModule();
    const api = full === bindings ? firstApi : guard(full);
    window.nnplay = api;
    if (api !== firstApi) part("settings", () => loadSettings(api));
    await nextTask();
    const training = part("training", () => new Training(api, $("train"), $("stages")));
    const run = training.shared();
    // A link builds its own run and race (link.js `open`): the default ones would be thrown away.
    const linked = linkInAddress();
    if (!linked) {
      await nextTask();
      if (part("training build", () => training.build())) await inTasks("training draw", (later) => training.drawLater(later));
    }
    await nextTask();
    const stages = part("stages", () => new Stages($("stages"), run));
    await nextTask();
    const race = part("race", () => new RacePanel(api, $("race"), run));
    if (!linked) {
      await nextTask();
      part("race build", () => race.build());
      await inTasks("race draw", (later) => race.drawLater(later));
    }
    // The order a link is applied in: the race follows the training view's settings.
    const panels = [explorer, softmax, training, stages, race];
    // The link's pieces, a task each, are timed as parts named "link" (the bench adds them up).
    await nextTask();
    let piece = performance.now();
    const endPiece = () => performance.measure("nnplay:start link", { start: piece, end: performance.now() });
    const link = await startLinks(api, panels, async () => {
      endPiece();
      await nextTask();
      piece = performance.now();
    });
    endPiece();
    // The panels by name, for the browser tests of the house (tests/e2e/house.test.js) and the console.
    window.nnplayPanels = Object.freeze({ explorer, softmax, training, stages, race });
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
    const texts = new PlotTexts(run.playing);
    for (const panel of panels) for (const { canvas, text } of panel.plots?.() ?? []) texts.add(canvas, text);
    run.onDraw(() => texts.update());
    link.onSync(() => texts.update());
    run.onPlayButton(() => texts.update());
    part("texts", () => texts.write());
    pngButtons(document.querySelector("main"), (text) => training.saySaved(text));
    startKeys(panels);
    document.documentElement.dataset.ready = "true";
    explorer.measureCosts(() => panels.some((panel) => panel.busy?.()));
  } catch (error) {
    showFailure(error);
    throw error;
  }
}

window.addEventListener("error", (e) => showFailure(e.error || e.message));
window.addEventListener("unhandledrejection", (e) => showFailure(e.reason));
/** The full module's exports (the loader's `wasmBindings`), asking the loader for it if it has not yet. */
function fullModule() {
  if (window.wasmBindings) return Promise.resolve(window.wasmBindings);
  // Release builds: scripts/first-module.mjs's loader; debug builds: Trunk's, which loads it at once.
  if (window.nnplayFull) return window.nnplayFull();
  return new Promise((resolve) => window.addEventListener("TrunkApplicationStarted", () => resolve(window.wasmBindings), { once: true }));
}

// The first module to arrive starts the page: the explorer-first one (`nnplayFirst`) or the full one.
if (window.nnplayFirst || window.wasmBindings) start(window.nnplayFirst ?? window.wasmBindings);
else {
  const begin = () => {
    window.removeEventListener("nnplay:first", begin);
    window.removeEventListener("TrunkApplicationStarted", begin);
    start(window.nnplayFirst ?? window.wasmBindings);
  };
  window.addEventListener("nnplay:first", begin);
  window.addEventListener("TrunkApplicationStarted", begin);
}
