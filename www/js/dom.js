// Small helpers the panels share: lookup, number formatting, canvas sizing,
// table rows, buttons and menus.

/** The element with this id, for the page's own parts outside the panels (header, notices, dialogs). */
export const $ = (id) => document.getElementById(id);

/**
 * A panel's lookup: the element with `id` inside `root`. An id elsewhere on
 * the page is refused, so a panel cannot reach into another's elements.
 */
export function within(root) {
  return (id) => {
    const element = document.getElementById(id);
    if (!element || !root.contains(element)) throw new Error(`#${root.id} holds no element #${id}`);
    return element;
  };
}

/** The events after which a panel's controls may hold new values. */
const CHANGES = ["input", "change", "click", "keyup", "pointerup"];

/** Calls `listener()` after each event inside `root` that may have changed what its controls hold. */
export function onControls(root, listener) {
  for (const type of CHANGES) root.addEventListener(type, listener);
}

/**
 * A loss for a status line or a table cell: three decimals, in powers of ten
 * from a million up (toFixed gives up at 1e21 and prints every digit), or a
 * plain word when it overflowed.
 */
export function lossText(x) {
  if (!Number.isFinite(x)) return "too large to compute";
  return Math.abs(x) < 1e6 ? x.toFixed(3) : x.toExponential(3).replace("e+", " × 10^");
}

/** Formats a number for a table cell: short, with a sign, never "-0". */
export function fmt(x) {
  if (Object.is(x, -0) || x === 0) return "0";
  const abs = Math.abs(x);
  if (abs >= 1e5 || abs < 1e-3) return x.toExponential(2);
  return Number(x.toPrecision(4)).toString();
}

/**
 * A value for tight places and words: two significant digits ("−0.42",
 * "0.0042", "12000"), in e-notation below 0.001 and from 100 000 up ("3.2e−4",
 * "1.2e5"), with the true minus sign. It is the rule the network drawing
 * writes its units' values by (`short` in src/plot/network/stage.rs, which
 * rounds a half away from zero as toPrecision does), so the stage's words
 * and the drawing read the same; tests/common/short_numbers.txt holds both.
 */
export function short(x) {
  if (x === 0) return "0";
  const abs = Math.abs(x);
  const text = abs >= 1e5 || abs < 1e-3 ? x.toExponential(1).replace("e+", "e") : String(Number(x.toPrecision(2)));
  return text.replaceAll("-", "−");
}

/** The system's colour scheme, as a live query (made once: every frame reads it). */
export const SYSTEM_DARK = window.matchMedia?.("(prefers-color-scheme: dark)");

/** True when the page is in the dark theme: the Theme menu's choice (www/js/theme.js), else the system's. */
export function prefersDark() {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === "dark" || chosen === "light") return chosen === "dark";
  return Boolean(SYSTEM_DARK?.matches);
}

/**
 * CSS box sizes of the canvases measured in the current task. A frame reads
 * each canvas's box before it writes any text, and its later readers (the
 * panels that follow the run) reuse the figure instead of forcing the
 * browser to lay the page out again mid-frame. Cleared when the task ends.
 */
const boxes = new Map();

/** `canvas`'s CSS box as [width, height], measured at most once per task. */
function box(canvas) {
  let size = boxes.get(canvas);
  if (!size) {
    if (boxes.size === 0) queueMicrotask(() => boxes.clear());
    size = [canvas.clientWidth, canvas.clientHeight];
    boxes.set(canvas, size);
  }
  return size;
}

/** Sizes a canvas's pixel buffer to its CSS box times the device pixel ratio. */
export function fitCanvas(canvas) {
  const ratio = window.devicePixelRatio || 1;
  const [cssWidth, cssHeight] = box(canvas);
  const width = Math.max(1, Math.round(cssWidth * ratio));
  const height = Math.max(1, Math.round(cssHeight * ratio));
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  return ratio;
}

/**
 * Holds an element's drawing (a canvas's plot, a panel's rendering) while
 * the element is not rendered (its panel is hidden: an embed of another
 * panel, a closed panel), where drawing would only cost time (the
 * explorer's first curves, 20–40 ms, in a training embed's start) and paint
 * a 1 × 1 buffer. `due()` says whether to draw now; when it says no, `draw`
 * runs in the frame after a ResizeObserver sees the element take a size
 * (drawing inside the observer's callback would resize what it observes,
 * which the browser reports as an error: "ResizeObserver loop completed
 * with undelivered notifications"). After the observer's first report its
 * figure answers, so asking costs no layout.
 */
export class ShownDrawing {
  constructor(element, draw) {
    this.element = element;
    this.waiting = false;
    /** Whether the observer's last report gave the element a box (null before its first). */
    this.reported = null;
    if (typeof ResizeObserver !== "function") return;
    new ResizeObserver((entries) => {
      const { width, height } = entries[entries.length - 1].contentRect;
      this.reported = width > 0 || height > 0;
      if (this.waiting && this.reported) {
        this.waiting = false;
        requestAnimationFrame(() => draw());
      }
    }).observe(element);
    this.observed = true;
  }

  /** Whether the element has a box (display: none somewhere above gives it none). */
  rendered() {
    if (this.reported !== null) return this.reported;
    const [width, height] = box(this.element);
    return width > 0 || height > 0;
  }

  /** Whether to draw now: true while the element is rendered; else false, and the drawing runs once it is. */
  due() {
    this.waiting = Boolean(this.observed) && !this.rendered();
    return !this.waiting;
  }
}

/** A small square of `color`, before a label. */
export function swatch(color) {
  const span = document.createElement("span");
  span.className = "swatch";
  span.style.background = color;
  return span;
}

export /**
 * A table row, the page's one builder of them: a header cell (scope row),
 * then data cells, each from its text. With `color`, a swatch of it comes
 * before the header's text; with `header: false` every cell is a data cell
 * (a matrix's rows).
 */
function row(cells, { color = null, header = true } = {}) {
  const tr = document.createElement("tr");
  cells.forEach((text, i) => {
    const head = header && i === 0;
    const cell = document.createElement(head ? "th" : "td");
    if (head) cell.scope = "row";
    if (head && color !== null) cell.append(swatch(color), document.createTextNode(text));
    else cell.textContent = text;
    tr.append(cell);
  });
  return tr;
}

export /** Fills a select with options, choosing `selected`. */
function fillSelect(select, options, selected) {
  select.replaceChildren(...options.map(([value, label]) => {
    const option = document.createElement("option");
    option.value = String(value);
    option.textContent = label;
    option.selected = String(value) === String(selected);
    return option;
  }));
}

export /** A small button with an accessible name, disabled when `off`. */
function button(text, name, off, onClick) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = text;
  b.setAttribute("aria-label", name);
  b.disabled = off;
  b.addEventListener("click", onClick);
  return b;
}

/** Selects the option whose value is `value` as a number, adding one if the menu lacks it (a link may carry any value). */
export function chooseNumber(select, value) {
  let option = [...select.options].find((o) => Number(o.value) === value);
  if (!option) {
    option = new Option(String(value), String(value));
    select.append(option);
  }
  select.value = option.value;
}
