// The race's contestant rows: a menu and a parameter field each, and the
// `race` key they make. Part of the race panel.
import { fillSelect } from "../dom.js";

/** Contestant rows offered; the first two are always in the race. */
const ROWS = 4;
const REQUIRED = 2;
/** Maxout's pieces, offered as its parameter. */
const PIECES = { name: "pieces", default: 2, min: 2, max: 4 };

export /** The contestant rows. */
class Contestants {
  /** `$` finds the race panel's elements; `kinds` are the hidden activations; `rebuild()` runs when a row changes. */
  constructor($, kinds, rebuild) {
    this.$ = $;
    this.kinds = kinds;
    this.rebuild = rebuild;
    this.buildRows();
  }

  /**
   * One menu and one parameter field per contestant row. index.html writes
   * the rows, so the race has its size in the first frame; a row missing
   * from the markup is built here.
   */
  buildRows() {
    const box = this.$("race-contestants");
    for (let i = 0; i < ROWS; i++) {
      let menu = box.querySelector(`#race-kind-${i + 1}`);
      let param = box.querySelector(`#race-param-${i + 1}`);
      if (!menu || !param) {
        const row = document.createElement("div");
        row.className = "slider race-row";
        menu = document.createElement("select");
        menu.id = `race-kind-${i + 1}`;
        const label = Object.assign(document.createElement("label"), { htmlFor: menu.id, textContent: `Contestant ${i + 1}` });
        param = Object.assign(document.createElement("input"), { type: "number", id: `race-param-${i + 1}`, step: "any" });
        param.setAttribute("aria-label", `Contestant ${i + 1} parameter`);
        row.append(label, menu, param);
        box.querySelectorAll(".race-row")[i]?.remove();
        box.append(row);
      }
      const none = i < REQUIRED ? [] : [["", "none"]];
      fillSelect(menu, [...none, ...this.kinds.map((k) => [k.name, k.label])], "");
      menu.addEventListener("change", () => { param.value = ""; this.showParam(i); this.rebuild(); });
      param.addEventListener("change", () => this.rebuild());
    }
  }

  /** The parameter field of row `i`: shown for kinds with one, with their range and default. */
  showParam(i) {
    const kind = this.$(`race-kind-${i + 1}`).value;
    const spec = kind === "maxout" ? PIECES : this.kinds.find((k) => k.name === kind)?.param;
    const field = this.$(`race-param-${i + 1}`);
    field.hidden = !spec;
    if (!spec) return;
    Object.assign(field, { min: String(spec.min), max: String(spec.max), placeholder: `${spec.name} ${spec.default}` });
    field.step = kind === "maxout" ? "1" : "any";
    field.setAttribute("aria-label", `Contestant ${i + 1} ${spec.name}`);
  }

  /** Sets the rows from `[{activation, param}]` (rows past the list are emptied). */
  set(contestants) {
    for (let i = 0; i < ROWS; i++) {
      const c = contestants[i];
      this.$(`race-kind-${i + 1}`).value = c ? c.activation : "";
      this.$(`race-param-${i + 1}`).value = c && c.param !== null && c.param !== undefined ? String(c.param) : "";
      this.showParam(i);
    }
  }

  /** The rows as link values: `relu,leaky_relu:0.1` (empty parameters left out). */
  key() {
    const items = [];
    for (let i = 0; i < ROWS; i++) {
      const kind = this.$(`race-kind-${i + 1}`).value;
      const param = this.$(`race-param-${i + 1}`);
      if (kind) items.push(param.hidden || param.value === "" ? kind : `${kind}:${param.value}`);
    }
    return items.join(",");
  }
}
