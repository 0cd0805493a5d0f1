// The notice a bad link shows: each key that could not be used and what it
// accepts, with a button to dismiss it.
import { $ } from "./dom.js";

/** Shows `problems` ([{key, message}]) in the link notice, or hides it when there are none. */
export function showNotice(problems) {
  const notice = $("link-notice");
  const items = problems.map(({ message }) => {
    const li = document.createElement("li");
    li.textContent = message;
    return li;
  });
  $("link-notice-list").replaceChildren(...items);
  notice.hidden = problems.length === 0;
}

/** Wires the notice's Dismiss button. */
export function bindNotice() {
  $("link-notice-close").addEventListener("click", () => { $("link-notice").hidden = true; });
}
