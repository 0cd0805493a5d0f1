// nnplay's embed script for course notes: one file, no dependencies, served
// beside the site. It defines <nn-play>:
//
//   <script src="https://…/embed.js"></script>
//   <nn-play panel="train" state="data=spiral&layers=8:relu,8:relu" lock="lr" hide="batch" compact autoplay></nn-play>
//
// Each element holds an iframe of nnplay's page showing one panel. It takes
// its height at once from a table of measured heights (so the notes do not
// jump and a deep link lands where it should), creates the frame when it
// nears the viewport, follows the height the frame reports, and follows the
// notes' colour scheme. Methods: play(), pause(), step(), reset(),
// setState(fragment), getState() (a promise of the fragment); events:
// nnplay-ready and nnplay-state (detail {step, trainLoss, testLoss,
// accuracy, playing, link}). Styles are set through the CSSOM only, so a
// strict style-src in the notes' policy does not block them.
(() => {
  if (window.customElements?.get("nn-play")) return;

  /** nnplay's page, beside this script (an element's `site` attribute may name another). */
  const SITE = new URL("index.html", document.currentScript?.src ?? location.href).href;
  /** The panels an element may show. */
  const PANELS = ["curves", "softmax", "train", "stages", "race"];
  /** How far outside the viewport an element's frame is already created. */
  const NEAR = "150% 0px";

  // Each panel's height in px at frame widths from 320 to 1200 px, in its
  // usual and its compact layout, as scripts/embed-heights.mjs measured them
  // in Chromium at the default settings (a browser test checks they are
  // current). The frame's own report corrects them for other settings.
  // heights:begin
  const HEIGHTS = {
    "curves": [[320,3904],[420,3359],[421,3348],[560,3088],[760,2914],[761,2336],[900,2244],[901,2220],[1040,2035],[1099,1989],[1100,1862],[1200,1769]],
    "curves:compact": [[320,1764],[420,1543],[421,1532],[560,1481],[760,1423],[761,822],[900,822],[901,803],[1040,803],[1099,803],[1100,803],[1200,803]],
    "softmax": [[320,926],[420,879],[421,879],[560,833],[760,787],[761,603],[900,580],[901,580],[1040,580],[1099,580],[1100,580],[1200,580]],
    "softmax:compact": [[320,713],[420,713],[421,713],[560,690],[760,690],[761,506],[900,483],[901,483],[1040,483],[1099,483],[1100,483],[1200,483]],
    "train": [[320,2983],[420,2857],[421,2846],[560,2782],[760,2768],[761,1316],[900,1299],[901,1300],[1040,1327],[1099,1357],[1100,982],[1200,982]],
    "train:compact": [[320,2643],[420,2586],[421,2576],[560,2558],[760,2590],[761,1138],[900,1145],[901,1145],[1040,1173],[1099,1203],[1100,869],[1200,869]],
    "stages": [[320,7778],[420,6544],[421,6544],[560,5888],[760,5227],[761,5227],[900,5139],[901,4534],[1040,4442],[1099,4345],[1100,4045],[1200,4001]],
    "stages:compact": [[320,4836],[420,4371],[421,4371],[560,4132],[760,3843],[761,3843],[900,3801],[901,3196],[1040,3104],[1099,3031],[1100,2716],[1200,2695]],
    "race": [[320,3780],[420,3043],[421,3033],[560,2616],[760,2314],[761,1841],[900,1796],[901,1796],[1040,1750],[1099,1750],[1100,1750],[1200,1750]],
    "race:compact": [[320,3503],[420,2835],[421,2825],[560,2454],[760,2176],[761,1702],[900,1658],[901,1658],[1040,1612],[1099,1612],[1100,1612],[1200,1612]],
  };
  // heights:end

  /** The table's height of `panel` at `width` (linear between the measured widths). */
  function tableHeight(panel, compact, width) {
    const rows = HEIGHTS[compact ? `${panel}:compact` : panel] ?? HEIGHTS[panel];
    if (!rows || rows.length === 0) return 600;
    if (width <= rows[0][0]) return rows[0][1];
    for (let i = 1; i < rows.length; i++) {
      const [w1, h1] = rows[i];
      const [w0, h0] = rows[i - 1];
      if (width <= w1) return Math.round(h0 + ((h1 - h0) * (width - w0)) / (w1 - w0));
    }
    return rows.at(-1)[1];
  }

  /** "light" or "dark": how the notes around `element` look (their color-scheme, else their background). */
  function hostScheme(element) {
    for (let node = element.parentElement; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      const scheme = style.colorScheme.split(" ");
      if (scheme.length === 1 && (scheme[0] === "dark" || scheme[0] === "light")) return scheme[0];
      const rgba = style.backgroundColor.match(/[\d.]+/g)?.map(Number);
      if (rgba && (rgba.length < 4 || rgba[3] > 0.5)) {
        const [r, g, b] = rgba;
        return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? "dark" : "light";
      }
    }
    return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }

  class NnPlay extends HTMLElement {
    static get observedAttributes() {
      return ["panel", "state", "lock", "hide", "compact", "autoplay", "fit", "theme", "site"];
    }

    constructor() {
      super();
      this.frame = null;
      this.isReady = false;
      /** Messages held until the frame says it is ready. */
      this.queue = [];
      /** getState() calls waiting for their answer, by id. */
      this.waiting = new Map();
      this.asked = 0;
      /** Whether the frame has reported its height (then the table is no longer used). */
      this.measured = false;
      this.onMessage = (e) => this.receive(e);
    }

    connectedCallback() {
      this.style.display = "block";
      this.style.position = "relative";
      this.style.overflow = "hidden";
      this.tabIndex = -1;
      this.size();
      addEventListener("message", this.onMessage);
      this.resizer = new ResizeObserver(() => this.size());
      this.resizer.observe(this);
      if ("IntersectionObserver" in window) {
        this.near = new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) this.load(); }, { rootMargin: NEAR });
        this.near.observe(this);
      } else {
        this.load();
      }
      this.schemeWatch = new MutationObserver(() => this.followScheme());
      for (const node of [document.documentElement, document.body]) {
        if (node) this.schemeWatch.observe(node, { attributes: true, attributeFilter: ["class", "data-theme", "data-md-color-scheme", "style"] });
      }
      matchMedia("(prefers-color-scheme: dark)").addEventListener?.("change", this.onScheme = () => this.followScheme());
    }

    disconnectedCallback() {
      removeEventListener("message", this.onMessage);
      this.resizer?.disconnect();
      this.near?.disconnect();
      this.schemeWatch?.disconnect();
      matchMedia("(prefers-color-scheme: dark)").removeEventListener?.("change", this.onScheme);
    }

    attributeChangedCallback(name, before, after) {
      if (before === after || !this.frame) return;
      if (name === "state" && this.isReady) this.post({ type: "nnplay:set-state", state: this.fragment() });
      else if (name === "theme") this.followScheme();
      else this.reload();
    }

    /** nnplay's page: the `site` attribute (widget.js sets it), else the one beside this script. */
    get site() {
      const site = this.getAttribute("site");
      return site ? new URL(site, location.href).href : SITE;
    }

    /** The panel this element shows. */
    get panel() {
      const panel = this.getAttribute("panel") ?? "train";
      if (!PANELS.includes(panel)) console.warn(`<nn-play>: panel accepts one of ${PANELS.join(", ")}; got "${panel}"`);
      return panel;
    }

    /** The theme to ask for: the theme attribute, else the notes' own scheme. */
    theme() {
      const chosen = this.getAttribute("theme");
      return chosen === "light" || chosen === "dark" || chosen === "auto" ? chosen : hostScheme(this);
    }

    /** The frame's link fragment: the panel, the state and the teacher's attributes. */
    fragment() {
      const parts = [`embed=${encodeURIComponent(this.panel)}`];
      const state = (this.getAttribute("state") ?? "").replace(/^#/, "");
      if (state) parts.push(state);
      for (const key of ["lock", "hide"]) {
        const value = this.getAttribute(key);
        if (value) parts.push(`${key}=${encodeURIComponent(value.replace(/\s+/g, ""))}`);
      }
      for (const key of ["compact", "autoplay", "fit"]) if (this.hasAttribute(key)) parts.push(`${key}=1`);
      if (!/(^|&)theme=/.test(state)) parts.push(`theme=${(this.sentTheme = this.theme())}`);
      return parts.join("&");
    }

    /** Sets the height: the table's until the frame reports its own; with fit, the box the notes give (else 16:9). */
    size(reported) {
      if (this.hasAttribute("fit")) {
        if (!this.style.height && !this.style.aspectRatio) this.style.aspectRatio = "16 / 9";
        return;
      }
      if (reported !== undefined) {
        this.measured = true;
        this.style.height = `${reported}px`;
      } else if (!this.measured) {
        this.style.height = `${tableHeight(this.panel, this.hasAttribute("compact"), this.clientWidth || 800)}px`;
      }
    }

    /** Creates the frame (once). */
    load() {
      if (this.frame) return;
      this.near?.disconnect();
      const frame = document.createElement("iframe");
      frame.title = this.getAttribute("title") ?? `nnplay: the ${this.panel} panel`;
      Object.assign(frame.style, { display: "block", width: "100%", height: "100%", border: "0", colorScheme: "normal" });
      frame.src = `${this.site}#${this.fragment()}`;
      this.frame = frame;
      this.append(frame);
    }

    /** Loads the frame again from the attributes (a new panel or teacher's key). */
    reload() {
      this.isReady = false;
      this.measured = false;
      this.frame.remove();
      this.frame = null;
      this.size();
      this.load();
    }

    /** Sends `message` to the frame, or holds it until the frame is ready. */
    post(message) {
      if (this.isReady) this.frame.contentWindow.postMessage(message, new URL(this.site).origin);
      else {
        this.queue.push(message);
        this.load();
      }
    }

    /** A message from this element's frame (others are another element's). */
    receive(event) {
      if (!this.frame || event.source !== this.frame.contentWindow || event.origin !== new URL(this.site).origin) return;
      const data = event.data ?? {};
      if (data.type === "nnplay:height" && Number.isFinite(data.height)) this.size(Math.ceil(data.height));
      else if (data.type === "nnplay:ready") {
        this.isReady = true;
        for (const message of this.queue.splice(0)) this.post(message);
        this.dispatchEvent(new CustomEvent("nnplay-ready", { bubbles: true, detail: detail(data) }));
      } else if (data.type === "nnplay:state") {
        const answer = this.waiting.get(data.id);
        if (answer) {
          this.waiting.delete(data.id);
          answer(new URL(data.link).hash.slice(1));
        }
        this.dispatchEvent(new CustomEvent("nnplay-state", { bubbles: true, detail: detail(data) }));
      } else if (data.type === "nnplay:escape") {
        this.focus({ preventScroll: true });
      }
    }

    /** Tells the frame the notes' scheme when it changes (unless a theme is fixed). */
    followScheme() {
      const theme = this.theme();
      if (theme === this.sentTheme) return;
      this.sentTheme = theme;
      if (this.isReady) this.post({ type: "nnplay:theme", theme });
    }

    play() { this.post({ type: "nnplay:command", command: "play" }); }
    pause() { this.post({ type: "nnplay:command", command: "pause" }); }
    step() { this.post({ type: "nnplay:command", command: "step" }); }
    reset() { this.post({ type: "nnplay:command", command: "reset" }); }

    /** Opens `fragment` (keys such as "data=spiral&lr=0.1") in the frame; the panel and the teacher's keys stay. */
    setState(fragment) {
      this.post({ type: "nnplay:set-state", state: String(fragment).replace(/^#/, "") });
    }

    /** A promise of the frame's state as a link fragment. */
    getState() {
      const id = `nn-play-${++this.asked}`;
      return new Promise((resolve) => {
        this.waiting.set(id, resolve);
        this.post({ type: "nnplay:get-state", id });
      });
    }
  }

  /** What the events carry. */
  function detail({ step, trainLoss, testLoss, accuracy, playing, link }) {
    return { step, trainLoss, testLoss, accuracy, playing, link };
  }

  customElements.define("nn-play", NnPlay);
})();
