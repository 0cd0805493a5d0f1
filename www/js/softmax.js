// The softmax panel: logit and temperature sliders → probabilities and bars.
// A panel (docs/architecture.md): its elements are found inside its own
// section; its link keys are `logits` and `t`.
import { ShownDrawing, fitCanvas, onControls, prefersDark, within } from "./dom.js";
import { applySettings, settingKeys } from "./settings.js";

export /** The softmax panel: logit and temperature sliders → probabilities and bars. */
class SoftmaxPanel {
  /** `root` is the softmax section. */
  constructor(api, root) {
    this.api = api;
    this.root = root;
    this.$ = within(root);
    this.canvas = this.$("softmax-canvas");
    this.shown = new ShownDrawing(this.canvas, () => this.draw());
    this.buildSliders();
    this.$("softmax-count").addEventListener("change", () => { this.buildSliders(); this.draw(); });
    this.$("softmax-controls").addEventListener("input", () => this.draw());
    this.$("softmax-controls").addEventListener("submit", (e) => e.preventDefault());
    window.addEventListener("resize", () => this.draw());
  }

  /** One slider per logit, keeping the values already set (the markup holds the first three, as this makes them). */
  buildSliders() {
    const count = Number(this.$("softmax-count").value);
    const box = this.$("logit-sliders");
    const old = [...box.querySelectorAll("input")].map((i) => i.value);
    const defaults = [2, 1, 0.1, -1, 0.5];
    const sliders = [];
    for (let i = 0; i < count; i++) {
      const id = `logit-${i + 1}`;
      const div = document.createElement("div");
      div.className = "slider";
      div.innerHTML = `<label for="${id}">Logit ${i + 1}</label>` +
        `<input id="${id}" type="range" min="-5" max="5" step="0.1">` +
        `<output for="${id}" id="${id}-value"></output>`;
      div.querySelector("input").value = old[i] ?? String(defaults[i]);
      sliders.push(div);
    }
    box.replaceChildren(...sliders);
  }

  /** The logit sliders. */
  logits() {
    return [...this.$("logit-sliders").querySelectorAll("input")];
  }

  /** The panel's link keys as its controls hold them. */
  keys() {
    return { logits: this.logits().map((i) => i.value).join(","), ...settingKeys(this.root) };
  }

  /** Sets the number of classes, the logits and the temperature from a link's state, then redraws. */
  apply(state) {
    this.$("softmax-count").value = String(state.logits.length);
    this.$("softmax-count").dispatchEvent(new Event("change"));
    state.logits.forEach((v, i) => { this.$(`logit-${i + 1}`).value = String(v); });
    applySettings(this.root, state);
    this.draw();
  }

  /** Calls `listener()` whenever the reader may have changed a control. */
  onChange(listener) {
    onControls(this.root, listener);
  }

  /** Computes the probabilities in wasm, draws the bars (once the panel is shown) and writes them as text. */
  draw() {
    const inputs = this.logits();
    const logits = new Float64Array(inputs.map((i) => Number(i.value)));
    inputs.forEach((i) => { this.$(`${i.id}-value`).textContent = i.value; });
    const temperature = Number(this.$("temperature").value);
    this.$("temperature-value").textContent = String(temperature);
    const p = this.api.softmax(logits, temperature);
    // The bars wait for their panel to be shown; the numbers below are written at once.
    if (this.shown.due()) this.api.draw_softmax(this.canvas, p, fitCanvas(this.canvas), prefersDark());
    const parts = [...p].map((v, i) => `class ${i + 1}: ${v.toFixed(3)}`);
    this.$("softmax-summary").textContent = `Probabilities — ${parts.join(", ")}.`;
    const total = p.reduce((a, b) => a + b, 0);
    this.$("softmax-sum").textContent = `Sum of probabilities: ${total.toFixed(3)}`;
    this.canvas.dataset.probabilities = JSON.stringify([...p]);
  }
}
