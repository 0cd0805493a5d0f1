// Keyboard shortcuts: Space plays or pauses, S steps, R resets, 1–4 run the
// stages of one step, ? lists them (the "Keyboard shortcuts" dialog). They
// never fire while typing in a field or with Ctrl, Alt or ⌘ held, and they
// only press buttons the page shows, exactly as a click would.
import { $ } from "./dom.js";

/** Where typing goes: no shortcut fires there. */
const FIELDS = "input, select, textarea, [contenteditable]:not([contenteditable='false'])";
/** Where Space already does something (presses, ticks, follows, moves). */
const SPACE_TAKEN = `${FIELDS}, button, a[href], summary, [role=button], [role=checkbox], [role=switch], ` +
  "[role=radio], [role=tab], [role=menuitem], [role=option], [role=slider]";
/** Each shortcut key (lower case) and the id of the button it presses. */
const SHORTCUTS = {
  " ": "play", s: "step", r: "reset",
  1: "stage-sample", 2: "stage-forward", 3: "stage-backward", 4: "stage-update",
};

/** True when the element takes up space on the page (its panel is shown). */
const shown = (element) => element.getClientRects().length > 0;

/** Opens the shortcuts dialog, or closes it when it is open. */
function toggleHelp() {
  const dialog = $("shortcuts");
  if (dialog.open) dialog.close();
  else dialog.showModal();
}

/** For a stage that is not due: says which one is (the button itself is disabled). */
function tellNextStage(button) {
  const next = document.querySelector(".stage-bar button.next");
  const alert = $("stage-alert");
  const key = next && Object.keys(SHORTCUTS).find((k) => SHORTCUTS[k] === next.id);
  alert.textContent = next && !next.disabled
    ? `${button.textContent} is not the next stage; the next is ${next.textContent} (key ${key}).`
    : `${button.textContent} cannot run now: press Reset to start again.`;
  alert.hidden = false;
}

/**
 * Scrolls `element` into view. In an iframe only the frame's own viewport
 * moves: scrollIntoView would scroll the course notes around the frame too.
 */
function bringIntoView(element) {
  if (window.parent === window) {
    element.scrollIntoView({ block: "nearest" });
    return;
  }
  const { top, bottom } = element.getBoundingClientRect();
  if (top < 0) window.scrollBy(0, top);
  else if (bottom > innerHeight) window.scrollBy(0, Math.min(top, bottom - innerHeight));
}

/** Handles one key press anywhere on the page. */
function onKey(event) {
  if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return;
  const target = event.target instanceof Element ? event.target : document.body;
  if (target.closest(FIELDS)) return;
  if (event.key === "?") {
    event.preventDefault();
    toggleHelp();
    return;
  }
  const id = SHORTCUTS[event.key.toLowerCase()];
  if (!id || $("shortcuts").open) return;
  // Space held down would flip Play and Pause over and over; where it presses a control it is left to it.
  if (event.key === " " && (event.repeat || target.closest(SPACE_TAKEN))) return;
  const button = $(id);
  if (!button || !shown(button)) return;
  event.preventDefault();
  // The panel comes into view: what the key does is seen, and a panel off-screen would not run.
  bringIntoView(button);
  if (button.disabled) tellNextStage(button);
  else button.click();
}

/** Listens for the shortcuts and wires the dialog's buttons. */
export function startKeys() {
  document.addEventListener("keydown", onKey);
  $("shortcuts-button").addEventListener("click", toggleHelp);
  $("shortcuts-close").addEventListener("click", () => $("shortcuts").close());
}
