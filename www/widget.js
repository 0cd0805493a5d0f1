// nnplay as a notebook widget: an ES module following anywidget's contract
// (a default export with render({model, el})), for Jupyter, Colab, marimo
// and MyST's {anywidget} directive. It shows a <nn-play> element (embed.js,
// beside this file) and keeps the model's traits in step with it:
//   panel, state, lock, hide (strings), compact, autoplay (booleans) in;
//   step, train_loss, test_loss, accuracy, link out, on every nnplay-state;
//   a custom message {command: "play" | "pause" | "step" | "reset"} drives it.
// docs/teaching.md gives the Python class and the MyST directive.
import "./embed.js";

/** nnplay's page, beside this module. */
const SITE = new URL("index.html", import.meta.url).href;
/** The commands a custom message may carry. */
const COMMANDS = ["play", "pause", "step", "reset"];

/**
 * Calls `model[name](...args)` where the host has it. MyST's {anywidget}
 * host renders from the page's JSON alone: its save_changes and off throw
 * (there is no kernel to sync with), so those are best-effort.
 */
function tryModel(model, name, ...args) {
  try {
    model[name]?.(...args);
  } catch {
    // Nothing to sync with; the widget works on.
  }
}

/** Sets (or removes) `element`'s attributes from the model's traits. */
function attributes(element, model) {
  element.setAttribute("site", SITE);
  element.setAttribute("panel", model.get("panel") || "train");
  for (const name of ["lock", "hide"]) {
    const value = model.get(name);
    if (value) element.setAttribute(name, value);
    else element.removeAttribute(name);
  }
  for (const name of ["compact", "autoplay"]) element.toggleAttribute(name, Boolean(model.get(name)));
}

export default {
  render({ model, el }) {
    const player = document.createElement("nn-play");
    attributes(player, model);
    const state = model.get("state");
    if (state) player.setAttribute("state", state);
    /** The fragment last heard from the frame, so the model's echo of it is not sent back. */
    let heard = state ?? "";
    const onState = (e) => {
      const { step, trainLoss, testLoss, accuracy, link } = e.detail;
      heard = new URL(link).hash.slice(1);
      model.set("step", step);
      model.set("train_loss", trainLoss);
      model.set("test_loss", testLoss);
      model.set("accuracy", accuracy);
      model.set("link", link);
      tryModel(model, "save_changes");
    };
    player.addEventListener("nnplay-state", onState);
    const onStateTrait = () => {
      const next = model.get("state") ?? "";
      if (next !== heard) player.setState(next);
    };
    const onLayout = () => attributes(player, model);
    const onMessage = (message) => {
      if (COMMANDS.includes(message?.command)) player[message.command]();
      else console.warn(`nnplay widget: a message needs command: ${COMMANDS.join(", ")}; got ${JSON.stringify(message)}`);
    };
    model.on("change:state", onStateTrait);
    for (const name of ["panel", "lock", "hide", "compact", "autoplay"]) model.on(`change:${name}`, onLayout);
    model.on("msg:custom", onMessage);
    el.append(player);
    return () => {
      tryModel(model, "off", "change:state", onStateTrait);
      for (const name of ["panel", "lock", "hide", "compact", "autoplay"]) tryModel(model, "off", `change:${name}`, onLayout);
      tryModel(model, "off", "msg:custom", onMessage);
      player.remove();
    };
  },
};
