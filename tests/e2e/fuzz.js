// The API fuzzer: seeded calls of every function and method reachable from
// `window.nnplay` with wrong types, non-finite numbers, huge and sparse
// arrays, non-canvases and freed objects. `fuzzApi` runs inside the page
// (page.evaluate), so it is self-contained; it returns counts by outcome.

/** Link fragments an attacker would try: injection, overflow, huge values. */
export function hostileLinks(seed, count) {
  let s = seed >>> 0;
  const random = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (list) => list[Math.floor(random() * list.length)];
  const keys = ["data", "layers", "lr", "batch", "steps", "seed", "edits", "noise", "split", "opt", "beta1", "beta2",
    "eps", "momentum", "rho", "schedule", "lr_every", "lr_factor", "l2", "reg", "reg_rate", "features", "points",
    "race", "race_steps", "target", "seeds", "curves", "xmin", "xmax", "x", "logits", "t", "view", "embed", "panels",
    "theme", "activation", "test", "discrete", "maxout", "leaky", "prelu", "elu"];
  const values = [
    "1e308", "-1e308", "3e307", "1e999", "NaN", "Infinity", "-0", "0x10", "9007199254740993", "1e-320",
    "<img src=x onerror=window.__injected=1>", "\"><script>window.__injected=1</script>", "javascript:window.__injected=1",
    "%3Cscript%3Ewindow.__injected%3D1%3C%2Fscript%3E", "%00", "%E0%A4%A", "%", "&&&", "=", "\u202e", "\ufeff1",
    "64:maxout:4,64:maxout:4,64:maxout:4,64:maxout:4,64:maxout:4,64:maxout:4", "0:0:1e308", "0:0:3e307,1:1:-1e308",
    "1000000", "99999999999", "-1", "relu,relu,relu,relu,relu", "loss:1e-300", "accuracy:101",
    "x".repeat(600), "[".repeat(2000), "8:relu,".repeat(40), "adam", "sgd", "xor", "custom", "train",
  ];
  // Values that parse, so that half the links build a run that then trains on them.
  const fair = {
    layers: ["4:relu", "64:maxout:4,64:maxout:4,64:maxout:4", "8:tanh,8:elu", "3:identity"], lr: ["10", "1", "0.03"],
    opt: ["adam", "sgd", "momentum"], beta1: ["0.999999999", "0.9"], edits: ["0:0:1e308", "0:0:3e307", "0:1:-1e308"],
    activation: ["relu", "identity", "tanh"], data: ["xor", "spiral", "plane"], batch: ["1", "250"], seed: ["1", "99"],
  };
  const links = [];
  for (let i = 0; i < count; i++) {
    const pairs = [];
    const n = 1 + Math.floor(random() * 5);
    const fairOnly = random() < 0.5;
    for (let j = 0; j < n; j++) {
      if (fairOnly) {
        const key = pick(Object.keys(fair));
        pairs.push(`${key}=${pick(fair[key])}`);
      } else pairs.push(`${pick(keys)}=${pick(values)}`);
    }
    if (!fairOnly && random() < 0.1) pairs.push(`${pick(values)}=${pick(values)}`);
    links.push(pairs.join("&"));
  }
  return links;
}

/** Runs `calls` seeded hostile calls in the page; resolves to the outcome counts. */
export function fuzzApi({ seed, calls, slowMs }) {
  const api = window.nnplay;
  let s = seed >>> 0;
  const random = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (list) => list[Math.floor(random() * list.length)];
  const config = JSON.stringify({ inputs: 2, seed: 1, layers: [{ units: 3, activation: "tanh" }, { units: 1, activation: "identity" }] });
  const makers = {
    Model: () => new api.Model(config),
    Playground: () => api.Playground.from_link("layers=3:tanh"),
    Race: () => api.Race.from_link("layers=3&race=relu,tanh"),
    CustomPoints: () => new api.CustomPoints(2),
    CurveView: () => new api.CurveView(),
  };
  const freed = {};
  for (const [name, make] of Object.entries(makers)) {
    const object = make();
    object.free();
    freed[name] = object;
  }
  const div = document.createElement("div");
  const canvas = document.createElement("canvas");
  canvas.width = 40;
  canvas.height = 30;
  const webgl = document.createElement("canvas");
  webgl.getContext("webgl");
  const hostile = () => pick([
    undefined, null, true, false, 0, -0, 1, -1, 0.5, 3, 250, 3e9, -3e9, 2 ** 53, 1e308, -1e308,
    Infinity, -Infinity, NaN, 1n, Symbol("s"), "", "relu", "tanh", "loss", "accuracy", "x1", "x1,x2",
    "[".repeat(8000) + "]".repeat(8000), "{", "1,0.5,0\n-1,0.5,1", "\ufeff1,0.5,0\n-1,0.5,1",
    "layers=64:maxout:4&steps=5", "edits=0:0:1e308", "<script>window.__injected=1</script>",
    {}, { length: 3e9 }, [], ["a"], [1, 2], [1, NaN], [, , 1], new Array(3e8), new Array(2e8),
    new Float64Array(0), new Float64Array([1, 2, 3, 4]), new Float64Array([Infinity]),
    div, canvas, webgl, () => 1, new Date(0), ...Object.values(freed),
  ]);
  const good = () => pick([0, 1, 2, 3, 0.1, "relu", "tanh", "", "x1,x2", canvas, new Float64Array([0.5, -0.5]), [1, -1], true, false]);
  const args = (n) => Array.from({ length: n }, () => (random() < 0.7 ? hostile() : good()));
  // Methods that restart or stop what the page measures are not called; `free` is called separately.
  const skip = new Set(["constructor", "free", "__destroy_into_raw"]);
  const targets = [];
  for (const [name, value] of Object.entries(api)) {
    if (typeof value !== "function") continue;
    if (makers[name]) {
      targets.push({ name: `new ${name}`, call: (a) => new value(...a) });
      for (const key of Object.getOwnPropertyNames(value)) {
        if (["length", "name", "prototype", "__wrap"].includes(key) || typeof value[key] !== "function") continue;
        targets.push({ name: `${name}.${key}`, call: (a) => value[key](...a) });
      }
      for (const key of Object.getOwnPropertyNames(value.prototype)) {
        if (skip.has(key)) continue;
        const descriptor = Object.getOwnPropertyDescriptor(value.prototype, key);
        if (typeof descriptor.value !== "function" && !descriptor.get) continue;
        targets.push({
          name: `${name}#${key}`,
          instance: name,
          call: (a, self) => (descriptor.get ? descriptor.get.call(self) : descriptor.value.apply(self, a)),
        });
      }
    } else if (!["start", "initSync", "default"].includes(name)) {
      targets.push({ name, call: (a) => value(...a) });
    }
  }
  const live = {};
  for (const [name, make] of Object.entries(makers)) live[name] = make();
  const counts = { calls: 0, returned: 0, clean: 0, traps: 0, panics: 0, rawErrors: 0, slow: 0, freedCalls: 0 };
  const samples = { traps: [], rawErrors: [], slow: [] };
  for (let i = 0; i < calls; i++) {
    const target = pick(targets);
    const a = args(Math.floor(random() * 5));
    let self = target.instance ? live[target.instance] : undefined;
    if (target.instance && random() < 0.08) {
      self = freed[target.instance];
      counts.freedCalls += 1;
    }
    const start = performance.now();
    try {
      target.call(a, self);
      counts.returned += 1;
    } catch (error) {
      const message = String(error && error.message);
      if (error instanceof WebAssembly.RuntimeError || /recursive use|null pointer passed|unreachable|memory access|stopped after an internal error/.test(message)) {
        counts.traps += 1;
        if (samples.traps.length < 10) samples.traps.push(`${target.name}: ${message}`);
      } else if (error && error.constructor === Error && typeof error.message === "string" && error.message.length > 0) {
        counts.clean += 1;
      } else {
        counts.rawErrors += 1;
        if (samples.rawErrors.length < 10) samples.rawErrors.push(`${target.name}: ${error && error.name}: ${error && error.message}`);
      }
    }
    const took = performance.now() - start;
    if (took > slowMs) {
      counts.slow += 1;
      if (samples.slow.length < 10) samples.slow.push(`${target.name}: ${Math.round(took)} ms`);
    }
    counts.calls += 1;
    // Now and then an object is freed and made again, as a careless script would.
    if (target.instance && random() < 0.02) {
      live[target.instance].free();
      live[target.instance] = makers[target.instance]();
    }
  }
  const panel = document.getElementById("panic");
  counts.panics = panel && !panel.hidden && /internal error|panicked/.test(panel.textContent) ? 1 : 0;
  counts.panicText = counts.panics ? panel.textContent.slice(0, 300) : "";
  counts.injected = window.__injected ? 1 : 0;
  counts.targets = targets.length;
  counts.samples = samples;
  counts.stillAnswers = Array.from(api.activate("relu", [1, -1])).join(",") === "1,0";
  return counts;
}

/**
 * In the page: every door a link goes through, for each of `links`: read and
 * rewrite it, build a run and a race from it, step them and draw the run's
 * charts. Returns the counts by outcome.
 */
export function fuzzLinkDoors({ links, slowMs }) {
  const api = window.nnplay;
  const canvas = document.createElement("canvas");
  canvas.width = 120;
  canvas.height = 90;
  const counts = { links: 0, built: 0, clean: 0, traps: 0, rawErrors: 0, slow: 0 };
  const samples = [];
  const attempt = (what, call) => {
    const start = performance.now();
    try {
      call();
      return true;
    } catch (error) {
      const message = String(error && error.message);
      if (error instanceof WebAssembly.RuntimeError || /recursive use|null pointer passed|unreachable|memory access|stopped after an internal error/.test(message)) {
        counts.traps += 1;
        if (samples.length < 10) samples.push(`${what}: ${message}`);
      } else if (error && error.constructor === Error) counts.clean += 1;
      else {
        counts.rawErrors += 1;
        if (samples.length < 10) samples.push(`${what}: ${error && error.name}: ${message}`);
      }
      return false;
    } finally {
      if (performance.now() - start > slowMs) {
        counts.slow += 1;
        if (samples.length < 10) samples.push(`${what}: ${Math.round(performance.now() - start)} ms`);
      }
    }
  };
  for (const link of links) {
    counts.links += 1;
    attempt(`read_link ${link}`, () => api.write_link(link) + JSON.stringify(api.read_link(link).problems));
    attempt(`Playground ${link}`, () => {
      const run = api.Playground.from_link(link);
      counts.built += 1;
      try {
        for (let i = 0; i < 3; i++) {
          try {
            run.run(5);
          } catch (e) {
            if (!(e instanceof Error) || e instanceof WebAssembly.RuntimeError) throw e;
          }
          run.draw_heatmap(canvas, 1, false, false);
          run.draw_histograms(canvas, 1, false);
          run.draw_gradient_chart(canvas, 1, false);
          run.draw_activation_chart(canvas, 1, false);
          run.draw_loss(canvas, 1, false);
        }
      } finally {
        run.free();
      }
    });
    attempt(`Race ${link}`, () => {
      const race = api.Race.from_link(link);
      try {
        race.run(3);
      } finally {
        race.free();
      }
    });
  }
  counts.samples = samples;
  counts.injected = window.__injected ? 1 : 0;
  counts.stillAnswers = Array.from(api.activate("relu", [1, -1])).join(",") === "1,0";
  return counts;
}
