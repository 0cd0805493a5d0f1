// The softmax panel: logit and temperature sliders → probabilities and bars.
import { $, fitCanvas, prefersDark } from "./dom.js";

export /** The softmax panel: logit and temperature sliders → probabilities and bars. */
class SoftmaxPanel {
  constructor(api) {
    this.api = api;
    this.canvas = $("softmax-canvas");
    this.buildSliders();
    $("softmax-count").addEventListener("change", () => { this.buildSliders(); this.draw(); });
    $("softmax-controls").addEventListener("input", () => this.draw());
    $("softmax-controls").addEventListener("submit", (e) => e.preventDefault());
    window.addEventListener("resize", () => this.draw());
  }

  /** One slider per logit, keeping the values already set. */
  buildSliders() {
    const count = Number($("softmax-count").value);
    const box = $("logit-sliders");
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

  /** Computes the probabilities in wasm, draws the bars and writes them as text. */
  draw() {
    const inputs = [...$("logit-sliders").querySelectorAll("input")];
    const logits = new Float64Array(inputs.map((i) => Number(i.value)));
    inputs.forEach((i) => { $(`${i.id}-value`).textContent = i.value; });
    const temperature = Number($("temperature").value);
    $("temperature-value").textContent = String(temperature);
    const p = this.api.softmax(logits, temperature);
    const ratio = fitCanvas(this.canvas);
    this.api.draw_softmax(this.canvas, p, ratio, prefersDark());
    const parts = [...p].map((v, i) => `class ${i + 1}: ${v.toFixed(3)}`);
    $("softmax-summary").textContent = `Probabilities — ${parts.join(", ")}.`;
    const total = p.reduce((a, b) => a + b, 0);
    $("softmax-sum").textContent = `Sum of probabilities: ${total.toFixed(3)}`;
    this.canvas.dataset.probabilities = JSON.stringify([...p]);
  }
}
