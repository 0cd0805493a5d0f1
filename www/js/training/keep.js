// The training view's Save and Load: the network (settings and weights) as a
// JSON file that loads back exactly, and the loss history as CSV. Rust writes
// and checks the files. Part of the training panel, which hands it the run's
// parts it uses.
import { download } from "../export.js";

export /** The training view's Save and Load buttons and their status line. */
class Keep {
  /**
   * `$` finds the training panel's elements; `run` is what the panel shares:
   * `playground()`, `status()`, `adopt(playground, state)` (show a loaded
   * run) and `showAlert(message)`.
   */
  constructor(api, $, run) {
    this.api = api;
    this.$ = $;
    this.run = run;
    $("save-network").addEventListener("click", () => this.saveNetwork());
    $("save-history").addEventListener("click", () => this.saveHistory());
    $("load-network").addEventListener("click", () => $("network-file").click());
    $("network-file").addEventListener("change", () => this.loadChosen());
  }

  /** Says what happened in the Save/Load status line. */
  say(text) {
    this.$("keep-status").textContent = text;
  }

  /** Downloads the network file of the current weights. */
  saveNetwork() {
    const step = this.run.status().step;
    const name = `nnplay-network-step-${step}.json`;
    download(new Blob([this.run.playground().export_network()], { type: "application/json" }), name);
    this.say(`Saved the network at step ${step} as ${name}.`);
  }

  /** Downloads the loss history, one row per recorded step. */
  saveHistory() {
    const name = "nnplay-loss-history.csv";
    download(new Blob([this.run.playground().loss_csv()], { type: "text/csv" }), name);
    this.say(`Saved the loss history as ${name}.`);
  }

  /** Loads the chosen network file: its settings into the controls, its weights into a new run. */
  async loadChosen() {
    const input = this.$("network-file");
    const file = input.files[0];
    input.value = "";
    if (!file) return;
    try {
      const playground = this.api.Playground.import_network(await file.text());
      this.run.adopt(playground, this.api.read_link(playground.training_link()).state);
      this.say(`Loaded ${file.name}. Training goes on from its weights and Reset returns to them; ` +
        "a link keeps the settings, not these weights.");
    } catch (e) {
      this.say("");
      this.run.showAlert(`Could not load ${file.name}: ${e.message}`);
    }
  }
}
