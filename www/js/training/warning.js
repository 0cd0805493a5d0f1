// A blow-up told while it builds: the core's status names it (a loss far
// above where the run started, a weight grown without bound, a divergence)
// with the step the status line shows; this module only places the words,
// on the status line and in the training alert.

/** " · learning rate too large: loss 9× its starting value", or "" for a healthy run. */
export function warningSuffix(status) {
  return status.warning === null ? "" : ` · ${status.warning}`;
}

/** The sentence for the alert, capitalised, or null for a healthy run. */
export function warningNotice(status) {
  const text = status.warning_text;
  return text === null ? null : `${text[0].toUpperCase()}${text.slice(1)}.`;
}

/**
 * Shows the run's warning in `alert` (once: a screen reader hears it when it
 * appears, not every frame), and hides it when the run is healthy again if
 * it was this module that showed it.
 */
export function showWarning(alert, status) {
  const notice = warningNotice(status);
  if (notice !== null) {
    if (alert.textContent !== notice || alert.hidden) {
      alert.textContent = notice;
      alert.hidden = false;
    }
    alert.dataset.warning = "true";
  } else if (alert.dataset.warning === "true") {
    alert.hidden = true;
    delete alert.dataset.warning;
  }
}
