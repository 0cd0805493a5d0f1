// Keyboard shortcuts: ? lists them (the "Keyboard shortcuts" dialog), and
// each panel names its own (`shortcuts()`: a key and the button it presses):
// the training panel Space, S and R, the stage panel 1–4. They never fire
// while typing in a field or with Ctrl, Alt or ⌘ held, and they only press
// buttons the page shows, exactly as a click would.
import { $ } from "./dom.js";

/** Where typing goes: no shortcut fires there. */
const FIELDS = "input, select, textarea, [contenteditable]:not([contenteditable='false'])";
/** Where Space already does something (presses, ticks, follows, moves). */
const SPACE_TAKEN = `${FIELDS}, button, a[href], summary, [role=button], [role=checkbox], [role=switch], ` +
  "[role=radio], [role=tab], [role=menuitem], [role=option], [role=slider]";
/** Each shortcut key (lower case) and what it presses: {button, refused(button)?}, from the panels. */
const shortcuts = new Map();

/** True when the element takes up space on the page (its panel is shown). */
const shown = (element) => element.getClientRects().length > 0;

/** Opens the shortcuts dialog, or closes it when it is open. */
function toggleHelp() {
  const dialog = $("shortcuts");
  if (dialog.open) dialog.close();
  else dialog.showModal();
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
  const shortcut = shortcuts.get(event.key.toLowerCase());
  if (!shortcut || $("shortcuts").open) return;
  // Space held down would flip Play and Pause over and over; where it presses a control it is left to it.
  if (event.key === " " && (event.repeat || target.closest(SPACE_TAKEN))) return;
  const { button, refused } = shortcut;
  if (!shown(button)) return;
  event.preventDefault();
  // The panel comes into view: what the key does is seen, and a panel off-screen would not run.
  bringIntoView(button);
  if (!button.disabled) button.click();
  else refused?.(button);
}

/** Takes each panel's shortcuts, listens for them, and wires the dialog's buttons. */
export function startKeys(panels) {
  for (const panel of panels) {
    for (const [key, shortcut] of Object.entries(panel.shortcuts?.() ?? {})) {
      if (shortcuts.has(key)) throw new Error(`two panels claim the key ${JSON.stringify(key)}`);
      shortcuts.set(key, shortcut);
    }
  }
  document.addEventListener("keydown", onKey);
  $("shortcuts-button").addEventListener("click", toggleHelp);
  $("shortcuts-close").addEventListener("click", () => $("shortcuts").close());
}
