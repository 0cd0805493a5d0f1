// Loaded as a classic script before the inline loader: if the host's
// Content-Security-Policy blocks that loader (or the WebAssembly compile),
// the page says so by name instead of sitting at "Step 0" with dead buttons.
(() => {
  const blocked = [];
  /** Shows the named error in the page's #panic panel (once the body exists). */
  const show = () => {
    const panel = document.getElementById("panic");
    if (!panel) return;
    const what = blocked.map((e) => `${e.effectiveDirective} blocked ${e.blockedURI || "an inline script"}`);
    panel.textContent =
      "nnplay could not start: this page's Content-Security-Policy blocked its loader " +
      `(${[...new Set(what)].join("; ")}). The host must send the policy the build writes to ` +
      "csp-header.txt, which allows the loader by its sha256 hash (see docs/security.md).";
    panel.hidden = false;
  };
  document.addEventListener("securitypolicyviolation", (event) => {
    if (!/^script-src/.test(event.effectiveDirective) || window.nnplayFirst || window.wasmBindings) return;
    blocked.push(event);
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show, { once: true });
    else show();
  });
})();
