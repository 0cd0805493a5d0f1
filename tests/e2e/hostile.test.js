// Browser tests of hostile input: every reproduction of "nothing a link, a
// file, a message or a call can do breaks the page" (overflowing links,
// deep JSON, wrong types, huge and sparse arrays, non-canvases, freed
// objects, unbounded work, a CSP that blocks the loader), then a seeded,
// bounded fuzz of every function on window.nnplay and a hostile links corpus.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { downloadFrom, openPage, startSite, stopSite } from "./harness.js";
import { fuzzApi, fuzzLinkDoors, hostileLinks } from "./fuzz.js";

let server;
let browser;
before(async () => ({ server, browser } = await startSite()));
after(() => stopSite({ server, browser }));

const statusOf = (page) => page.locator("#train-status").textContent();
const alertOf = (page) => page.locator("#train-alert").textContent();

/** Runs `body` in a fresh page and returns what it returned, with the page's problems. */
async function inPage(body, arg) {
  const { page, problems } = await openPage(browser, server.url);
  const result = await page.evaluate(body, arg);
  const panic = await page.locator("#panic").evaluate((p) => (p.hidden ? "" : p.textContent));
  await page.close();
  return { result, problems, panic };
}

/**
 * Runs in the page before its scripts (openPage's `init`): as the page puts
 * the module on `window.nnplay`, wraps `Playground.draw_histograms` to log
 * each call in `window.histograms` as {step, range, ms, error}: the run's
 * step, the widest z range of any layer it drew (not finite once a layer's
 * z holds ±Infinity or its range overflows, as the call that never returned
 * had), how long it took and what it threw.
 */
function watchHistograms() {
  window.histograms = [];
  let api;
  Object.defineProperty(window, "nnplay", {
    configurable: true,
    get: () => api,
    set: (value) => {
      api = value;
      const proto = value.Playground.prototype;
      const original = proto.draw_histograms;
      proto.draw_histograms = function (...args) {
        // NaN where a layer's z holds ±Infinity, Infinity where only its range overflows.
        const range = Math.max(...this.diagnostics().map((d) => d.z_max - d.z_min));
        const call = { step: this.step_count(), range, ms: NaN, error: "" };
        window.histograms.push(call);
        const start = performance.now();
        try {
          return original.apply(this, args);
        } catch (e) {
          call.error = `${e.constructor.name}: ${e.message}`;
          throw e;
        } finally {
          call.ms = performance.now() - start;
        }
      };
    },
  });
}

/**
 * Brings the histograms on screen (off screen the diagnostics' charts wait,
 * and draw the latest record once seen), waits for a drawing of the run's
 * step now, of an overflowed z with `overflowed`, and asserts that every
 * drawing returned cleanly.
 */
async function assertHistogramsDrawn(page, what, { overflowed }) {
  await page.locator("#histogram-chart").scrollIntoViewIfNeeded();
  const step = Number(/^Step (\d+)/.exec(await statusOf(page))[1]);
  await page.waitForFunction(([step, overflowed]) => window.histograms.some((c) => c.step === step && c.ms >= 0 &&
    (!overflowed || !Number.isFinite(c.range))), [step, overflowed], { timeout: 20000 });
  const calls = await page.evaluate(() => window.histograms);
  for (const call of calls) {
    assert.equal(call.error, "", `${what}: ${JSON.stringify(call)}`);
    assert.ok(call.ms < 5000, `${what}: a drawing took ${call.ms} ms`);
  }
}

describe("overflowing numbers end in a clean stop, never a hang", () => {
  test("the issue's own links #edits=0:0:1e308 and #edits=0:0:3e307 become ready, draw z's histograms and still step", async () => {
    for (const link of ["#edits=0:0:1e308", "#edits=0:0:3e307"]) {
      // openPage waits for data-ready: the link that never became ready fails here.
      const { page, problems } = await openPage(browser, server.url + link, { init: watchHistograms });
      assert.match(await statusOf(page), /^Step 0\b/, link);
      await assertHistogramsDrawn(page, link, { overflowed: true });
      await page.getByRole("group", { name: "Training" }).getByRole("button", { name: "Step", exact: true }).click();
      await assertHistogramsDrawn(page, `${link}, a step on`, { overflowed: true });
      assert.match(await statusOf(page), /^Step 1\b/, link);
      assert.equal(await page.evaluate(() => Array.from(window.nnplay.activate("relu", [2])).join()), "2", link);
      assert.deepEqual(problems, [], link);
      await page.close();
    }
  });

  test("#edits=0:0:1e308 and 3e307 become ready and train; ReLU's overflow stops as diverged", async () => {
    for (const link of ["#edits=0:0:1e308&steps=5", "#edits=0:0:3e307&steps=5", "#edits=0:0:1e308&activation=relu&steps=5"]) {
      const { page, problems } = await openPage(browser, server.url + link);
      await page.waitForFunction(() => /^Step 5\b/.test(document.getElementById("train-status").textContent) ||
        !document.getElementById("train-alert").hidden, null, { timeout: 20000 });
      if (link.includes("relu")) assert.match(await alertOf(page), /^Diverged after step 0\b/, link);
      else assert.match(await statusOf(page), /^Step 5\b/, link);
      assert.equal(await page.evaluate(() => Array.from(window.nnplay.activate("relu", [2])).join()), "2", link);
      assert.deepEqual(problems, [], link);
      await page.close();
    }
  });

  test("six maxout layers of 64 stepped 5 at a time, histograms on screen, stop as diverged and the page still answers", async () => {
    const layers = Array(6).fill("64:maxout:4").join(",");
    const { page, problems } = await openPage(browser, `${server.url}#layers=${layers}&steps=5`, { init: watchHistograms });
    const step = page.getByRole("group", { name: "Training" }).getByRole("button", { name: "Step", exact: true });
    for (let i = 0; i < 40 && (await page.locator("#train-alert").isHidden()); i++) await step.click({ timeout: 20000 });
    assert.match(await alertOf(page), /^Diverged after step \d+/);
    // The run stops before the numbers that overflowed are kept, so what is drawn is finite.
    await assertHistogramsDrawn(page, "six maxout layers", { overflowed: false });
    assert.equal(await page.evaluate(() => Array.from(window.nnplay.activate("relu", [2])).join()), "2");
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe("every door checks its arguments", () => {
  test("deep JSON is refused with the limit named, and the module still answers", async () => {
    const { result, problems, panic } = await inPage(() => {
      const errors = [];
      // 8,000 levels was the trap; just below 7,250 it was a RangeError of the call stack.
      for (const levels of [8000, 7000]) {
        const deep = "[".repeat(levels) + "]".repeat(levels);
        for (const call of [() => new window.nnplay.Model(deep), () => window.nnplay.Playground.import_network(deep)]) {
          try {
            call();
            errors.push("no error");
          } catch (e) {
            errors.push(`${e.constructor.name}: ${e.message}`);
          }
        }
      }
      return { errors, answers: Array.from(window.nnplay.activate("relu", [-1, 3])).join() };
    });
    assert.equal(result.errors.length, 4);
    for (const error of result.errors) assert.match(error, /^Error: .*more than 64 levels deep/);
    assert.equal(result.answers, "0,3");
    assert.equal(panic, "");
    assert.deepEqual(problems, []);
  });

  test("the thirteen string parameters refuse numbers, booleans, BigInt, objects, Symbols, null and arrays by name", async () => {
    const { result } = await inPage(() => {
      const api = window.nnplay;
      const points = new api.CustomPoints(2);
      const run = api.Playground.from_link("");
      const race = api.Race.from_link("race=relu,tanh");
      const doors = {
        read_link: (v) => api.read_link(v),
        write_link: (v) => api.write_link(v),
        toggle_feature: (v) => api.toggle_feature(v, "x1"),
        "toggle_feature name": (v) => api.toggle_feature("x1,x2", v),
        "Playground.from_link": (v) => api.Playground.from_link(v),
        "Playground.import_network": (v) => api.Playground.import_network(v),
        "Playground.with_points": (v) => api.Playground.with_points(v, points),
        "Race.from_link": (v) => api.Race.from_link(v),
        retune: (v) => run.retune(v),
        load_csv: (v) => points.load_csv(v),
        "CustomPoints.from_code": (v) => api.CustomPoints.from_code(v),
        set_target: (v) => race.set_target(v, 0.2),
      };
      const values = [3, true, 1n, { length: 3e9 }, Symbol("s"), null, ["a"], []];
      const out = [];
      for (const [door, call] of Object.entries(doors)) {
        for (const value of values) {
          try {
            const got = call(value);
            out.push(`${door}: returned ${String(got)}`);
          } catch (e) {
            out.push(`${door}: ${e.constructor.name}: ${e.message}`);
          }
        }
      }
      out.push(`still: ${api.write_link("lr=0.1")}`);
      return out;
    });
    const last = result.pop();
    assert.equal(last, "still: lr=0.1");
    for (const line of result) {
      assert.match(line, /: Error: .*(must be a string, got|is a (bigint|symbol); nnplay accepts)/, line);
    }
  });

  test("huge and sparse arrays are refused before wasm memory grows; the object stays usable", async () => {
    const { result, panic } = await inPage(() => {
      const api = window.nnplay;
      const model = new api.Model(JSON.stringify({ inputs: 1, layers: [{ units: 1, activation: "identity" }] }));
      const tries = {
        activate: () => api.activate("relu", new Array(3e8)),
        softmax: () => api.softmax(new Array(2e8)),
        predict: () => model.predict(new Array(3e8)),
        set_params: () => model.set_params(new Array(3e8)),
        fit: () => model.fit(new Array(3e8), [1], 0.1, 1, 1),
        sparse: () => api.activate("relu", [, , 1]),
        "params 1e999": () => model.set_params([1e999, 0]),
      };
      const out = {};
      for (const [name, call] of Object.entries(tries)) {
        try {
          call();
          out[name] = "no error";
        } catch (e) {
          out[name] = `${e.constructor.name}: ${e.message}`;
        }
      }
      out.after = Array.from(model.predict([2])).length;
      return out;
    });
    for (const name of ["activate", "softmax", "predict", "set_params", "fit"]) {
      assert.match(result[name], /^Error: .* holds \d+ numbers; at most 4194304 are accepted/, name);
    }
    assert.match(result.sparse, /^Error: xs\[0\] is not a number/);
    assert.match(result["params 1e999"], /^Error: params\[0\] is inf; params must hold finite numbers/);
    assert.equal(result.after, 1);
    assert.equal(panic, "");
  });

  test("each of the eight array doors refuses new Array(3e8), new Array(2e8) and a sparse array; memory stays; the object lives", async () => {
    // Trunk's loader hands the instance's exports to its start event: the only way to its memory.
    const init = () => addEventListener("TrunkApplicationStarted", (e) => { window.wasmMemory = e.detail.wasm.memory; });
    const { page, problems } = await openPage(browser, server.url, { init });
    const result = await page.evaluate(() => {
      const api = window.nnplay;
      const model = new api.Model(JSON.stringify({ inputs: 1, layers: [{ units: 1, activation: "identity" }] }));
      const bytes = () => window.wasmMemory.buffer.byteLength;
      const before = bytes();
      const out = [];
      for (const [label, bad] of [["new Array(3e8)", () => new Array(3e8)], ["new Array(2e8)", () => new Array(2e8)],
        ["sparse", () => [, , 1]]]) {
        const doors = {
          activate: (xs) => api.activate("relu", xs),
          softmax: (xs) => api.softmax(xs),
          predict: (xs) => model.predict(xs),
          loss: (xs) => model.loss(xs, [1]),
          "loss ys": (ys) => model.loss([1], ys),
          gradient: (xs) => model.gradient(xs, [1]),
          step: (xs) => model.step(xs, [1], 0.1),
          fit: (xs) => model.fit(xs, [1], 0.1, 1, 1),
          "fit ys": (ys) => model.fit([1], ys, 0.1, 1, 1),
          set_params: (xs) => model.set_params(xs),
        };
        for (const [door, call] of Object.entries(doors)) {
          let error;
          try {
            call(bad());
            error = "no error";
          } catch (e) {
            error = `${e.constructor.name}: ${e.message}`;
          }
          // The object answers after each refusal ("recursive use of an object" was the dead one).
          let after;
          try {
            after = Array.from(model.predict([2])).length;
          } catch (e) {
            after = e.message;
          }
          out.push({ label, door, error, after });
        }
      }
      return { out, before, grown: bytes() - before };
    });
    for (const { label, door, error, after } of result.out) {
      const what = `${door} with ${label}`;
      if (label === "sparse") assert.match(error, /^Error: (xs|ys|logits|params)\[0\] is not a number; \w+ must hold finite numbers/, what);
      else assert.match(error, /^Error: (xs|ys|logits|params) holds [23]00000000 numbers; at most 4194304 are accepted/, what);
      assert.equal(after, 1, what);
    }
    assert.equal(result.out.length, 30);
    // Refused before anything is copied in: the 1.5 GB of new Array(2e8) never arrives.
    assert.ok(result.before > 0 && result.grown <= 1 << 20, `wasm memory grew by ${result.grown} bytes from ${result.before}`);
    assert.equal(await page.locator("#panic").isVisible(), false);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("non-canvases to draw functions throw a clear error and leave the object usable", async () => {
    const { result, panic } = await inPage(() => {
      const api = window.nnplay;
      const run = api.Playground.from_link("");
      const view = new api.CurveView();
      view.add("relu");
      const webgl = document.createElement("canvas");
      webgl.getContext("webgl");
      const out = [];
      for (const bad of [document.createElement("div"), null, 3, webgl]) {
        for (const call of [
          () => api.draw_softmax(bad, [0.5, 0.5], 1, false),
          () => view.draw(bad, 1, false),
          () => run.draw_heatmap(bad, 1, false, false),
          () => run.draw_histograms(bad, 1, false),
        ]) {
          try {
            call();
            out.push("no error");
          } catch (e) {
            out.push(`${e.constructor.name}: ${e.message}`);
          }
        }
      }
      const canvas = document.createElement("canvas");
      canvas.width = 100;
      canvas.height = 80;
      run.draw_heatmap(canvas, 1, false, false);
      run.run(1);
      return { out, step: run.status().step };
    });
    for (const line of result.out) {
      assert.match(line, /^Error: (canvas must be a <canvas> element, got (a <div> element|null|number)|the canvas has no 2d context)/, line);
    }
    assert.equal(result.step, 1);
    assert.equal(panic, "");
  });

  test("freed objects say which class was freed; unbounded work is capped", async () => {
    const { result } = await inPage(() => {
      const api = window.nnplay;
      const out = {};
      const model = new api.Model(JSON.stringify({ inputs: 1, layers: [{ units: 1, activation: "identity" }] }));
      const points = new api.CustomPoints(2);
      model.free();
      points.free();
      for (const [name, call] of Object.entries({
        model: () => model.params(),
        points: () => points.count(),
        argument: () => api.Playground.with_points("", points),
        epochs: () => new api.Model(JSON.stringify({ inputs: 1, layers: [{ units: 1, activation: "identity" }] })).fit([1], [1], 0.1, 1, 1e9),
        logits: () => api.draw_softmax(document.createElement("canvas"), new Float64Array(1e6).fill(1e-6), 1, false),
      })) {
        const start = performance.now();
        try {
          call();
          out[name] = "no error";
        } catch (e) {
          out[name] = `${e.message} (${Math.round(performance.now() - start)} ms)`;
        }
      }
      return out;
    });
    assert.match(result.model, /^this Model was freed \(free\(\) was called on it\)/);
    assert.match(result.points, /^this CustomPoints was freed/);
    assert.match(result.argument, /argument 2, a CustomPoints, was freed/);
    assert.match(result.epochs, /^epochs × rows must be at most 10000000 per call/);
    assert.match(result.logits, /at most 100 bars are drawn/);
  });
});

describe("a trap never takes the run with it", () => {
  test("after a trap the page names it, keeps the run's link with a reload button, and refuses later calls", async () => {
    const { page } = await openPage(browser, `${server.url}#data=xor&lr=0.1`);
    await page.waitForTimeout(1200); // the link is kept once a second
    // No checked door traps any more, so the trap is raised from inside the
    // module: an array whose length, read by Rust, throws a RuntimeError that
    // unwinds through wasm as a real trap would.
    const result = await page.evaluate(() => {
      const api = window.nnplay;
      const out = {};
      const trapping = new Proxy([], {
        get: (target, key) => {
          if (key === "length") throw new WebAssembly.RuntimeError("unreachable");
          return Reflect.get(target, key);
        },
      });
      try {
        api.activate("relu", trapping);
        out.trap = "no error";
      } catch (e) {
        out.trap = `${e.constructor.name}: ${e.message}`;
      }
      for (const [name, call] of Object.entries({ later: () => api.activate("relu", [1]), start: () => api.start() })) {
        try {
          call();
          out[name] = "ran";
        } catch (e) {
          out[name] = e.message;
        }
      }
      return out;
    });
    assert.equal(result.trap, "RuntimeError: unreachable");
    const panel = page.locator("#panic");
    assert.match(await panel.textContent(), /nnplay stopped because of an internal error.*activate: unreachable/);
    const link = await page.getByRole("link", { name: "Link to your run" }).getAttribute("href");
    assert.match(link, /data=xor/);
    assert.match(link, /lr=0\.1/);
    assert.ok(await page.getByRole("button", { name: "Reload at this state" }).isVisible());
    assert.match(result.later, /^nnplay stopped after an internal error/);
    assert.match(result.start, /^nnplay stopped after an internal error/);
    // The page's own controls do not pretend either: Step leaves the status alone.
    const before = await statusOf(page);
    await page.getByRole("group", { name: "Training" }).getByRole("button", { name: "Step", exact: true }).click();
    assert.equal(await statusOf(page), before);
    await page.getByRole("button", { name: "Reload at this state" }).click();
    await page.waitForSelector("html[data-ready=true]", { timeout: 15000 });
    assert.match(page.url(), /data=xor/);
    assert.equal(await page.locator("#panic").isVisible(), false);
    await page.unrouteAll({ behavior: "ignoreErrors" });
    await page.close();
  });
});

describe("long catch-ups slice by time", () => {
  /**
   * Wraps `Class.prototype[name]` on the page so each call is logged in
   * `window.calls` as [name, its first two arguments, what it returned], and
   * logs each text `selector` shows in `window.progress`.
   */
  async function logCalls(page, wrapped, selector) {
    await page.evaluate(([wrapped, selector]) => {
      window.calls = [];
      for (const [cls, names] of Object.entries(wrapped)) {
        const proto = window.nnplay[cls].prototype;
        for (const name of names) {
          const original = proto[name];
          proto[name] = function (...args) {
            const out = original.apply(this, args);
            window.calls.push([name, args.slice(0, 2), out]);
            return out;
          };
        }
      }
      window.progress = [];
      new MutationObserver(() => window.progress.push(document.querySelector(selector).textContent))
        .observe(document.querySelector(selector), { childList: true, characterData: true, subtree: true });
    }, [wrapped, selector]);
  }

  /** Asserts that `calls` of `name` start with one piece and at most double from call to call. */
  function assertPaced(calls, name) {
    const asked = calls.filter(([n]) => n === name).map(([, [, pieces]]) => pieces);
    assert.ok(asked.length > 0, `${name} was called`);
    assert.equal(asked[0], 1, `the first call does one piece, before any is timed: ${asked}`);
    asked.forEach((pieces, i) => {
      assert.ok(pieces >= 1 && (i === 0 || pieces <= 2 * asked[i - 1]), `call ${i} asked ${pieces} after ${asked[i - 1]}: ${asked}`);
    });
    return asked;
  }

  const layers = Array(6).fill("64").join(",");

  /**
   * Traces `page` for `ms` and returns the thread time in milliseconds of
   * each task its main thread ran: the CPU the task used, which a busy
   * machine taking the core away does not add to, as it does to wall time.
   */
  async function taskTimes(page, ms) {
    await browser.startTracing(page, { categories: ["disabled-by-default-devtools.timeline"] });
    await page.waitForTimeout(ms);
    const trace = JSON.parse(String(await browser.stopTracing()));
    const events = trace.traceEvents ?? trace;
    const main = new Set(events.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args.name === "CrRendererMain")
      .map((e) => `${e.pid}:${e.tid}`));
    return events.filter((e) => e.name === "RunTask" && e.ph === "X" && main.has(`${e.pid}:${e.tid}`) && e.tdur !== undefined)
      .map((e) => e.tdur / 1000);
  }

  test("the issue's catch-ups of a million steps at 6 × 64, batch 250 (a race of four, a training link): no task over 50 ms", async () => {
    for (const [hash, name, selector, shows] of [
      [`layers=${layers}&race=relu,tanh,elu,sigmoid&batch=250&race_steps=1000000`, "Race", "#race-status", /^Catching up to step 1000000: (\d+) done$/],
      [`layers=${layers}&batch=250&steps=1000000`, "Playground", "#train-status", /^Step (\d+) ·/],
    ]) {
      const { page, problems } = await openPage(browser, server.url);
      await logCalls(page, { [name]: ["run", "work"] }, selector);
      await page.evaluate((hash) => { location.hash = hash; }, hash);
      // The task that applies the link builds the runs and draws them; the catch-up's own tasks follow.
      await page.waitForFunction(() => window.calls.some(([n]) => n === "work"), null, { timeout: 30000 });
      const tasks = await taskTimes(page, 4000);
      const { calls, progress } = await page.evaluate(() => ({ calls: window.calls, progress: window.progress }));
      const longest = Math.max(...tasks);
      console.log(`${name} catch-up: ${tasks.length} tasks, the longest ${longest.toFixed(1)} ms of thread time`);
      assert.ok(tasks.length > 20, `${tasks.length} tasks traced`);
      assert.ok(longest <= 50, `${hash}: a task took ${longest.toFixed(1)} ms`);
      // A fixed slice of 200 steps would call run; the pieces are paced from one.
      assert.deepEqual(calls.filter(([n]) => n === "run"), [], "run is not called");
      assertPaced(calls, "work");
      assert.ok(calls.filter(([n]) => n === "work").every(([, [target]]) => target <= 1000000), "the catch-up heads for the link's step");
      const shown = progress.map((p) => shows.exec(p)?.[1]).filter(Boolean).map(Number);
      assert.ok(new Set(shown).size >= 3, `progress shown: ${progress.slice(-5).join(" | ")}`);
      assert.ok(shown.every((n, i) => i === 0 || n >= shown[i - 1]), `progress only grows: ${shown}`);
      assert.deepEqual(problems, []);
      await page.close();
    }
  });

  test("a 6 × 64 race of four contestants catches up a piece at a time, with progress shown", async () => {
    const { page, problems } = await openPage(browser, server.url);
    await logCalls(page, { Race: ["run", "work", "record", "draw_boundary"] }, "#race-status");
    await page.evaluate((hash) => { location.hash = hash; }, `layers=${layers}&race=relu,tanh,elu,sigmoid&batch=250&race_steps=40`);
    await page.waitForFunction(() => /^Race at step 40\b/.test(document.getElementById("race-status").textContent), null, { timeout: 90000 });
    const { calls, progress } = await page.evaluate(() => ({ calls: window.calls, progress: window.progress }));
    // The catch-up works in pieces (a stage of one contestant's step, or a
    // check): never a whole step of every contestant in one call, as `run`
    // does (a fixed slice of 200 steps once ran all 40 in one call of seconds).
    assert.deepEqual(calls.filter(([n]) => n === "run"), [], "run is not called");
    const asked = assertPaced(calls, "work");
    const work = calls.filter(([n]) => n === "work");
    assert.ok(work.every(([, [target, pieces], done]) => target === 40 && done <= pieces), "no call does more than it is asked");
    assert.equal(work.reduce((sum, [, , done]) => sum + done, 0), 40 * 4 * 4 + 4 * 4, "every stage of 4 contestants × 40 steps, and 4 checks each");
    // Before the last drawing every contestant is recorded, and each boundary drawn.
    const last = calls.findLastIndex(([n]) => n === "work");
    const after = calls.slice(last + 1);
    assert.deepEqual(after.filter(([n]) => n === "record").map(([, [i]]) => i), [0, 1, 2, 3]);
    assert.deepEqual(after.filter(([n]) => n === "draw_boundary").map(([, [i]]) => i), [0, 1, 2, 3]);
    // Progress is shown as it goes, step by step.
    const shown = progress.map((p) => /^Catching up to step 40: (\d+) done$/.exec(p)?.[1]).filter(Boolean).map(Number);
    assert.ok(new Set(shown).size >= 3, `progress shown: ${progress.join(" | ")}`);
    assert.ok(shown.every((n, i) => i === 0 || n >= shown[i - 1]), `progress only grows: ${shown}`);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("a 6 × 64 training link's steps catch up a piece at a time, recorded once per 25 steps as Play records", async () => {
    const { page, problems } = await openPage(browser, server.url, { reducedMotion: "reduce" });
    await logCalls(page, { Playground: ["run", "work", "record"] }, "#train-status");
    // 1,010 steps: a piece of this network takes about 0.03 ms on a quiet machine,
    // so a shorter catch-up ends in two or three frames, too few to see it move.
    await page.evaluate((hash) => { location.hash = hash; }, `layers=${layers}&steps=1010`);
    await page.waitForFunction(() => /^Step 1010 ·/.test(document.getElementById("train-status").textContent), null, { timeout: 90000 });
    const { calls, progress } = await page.evaluate(() => ({ calls: window.calls, progress: window.progress }));
    assert.deepEqual(calls.filter(([n]) => n === "run"), [], "run is not called");
    assertPaced(calls, "work");
    const work = calls.filter(([n]) => n === "work");
    assert.equal(work.reduce((sum, [, , done]) => sum + done, 0), 1010 * 4, "four stages a step");
    // Runs of 25 steps at batch 10, as Play's frames: records at steps 25, 50, …, 1000 and 1010.
    const ends = [...Array.from({ length: 40 }, (_, i) => 25 * (i + 1)), 1010];
    assert.deepEqual([...new Set(work.map(([, [target]]) => target))], ends);
    assert.equal(calls.filter(([n]) => n === "record").length, ends.length);
    const shown = progress.map((p) => /^Training to step 1010: (\d+) done$/.exec(p)?.[1]).filter(Boolean).map(Number);
    assert.ok(new Set(shown).size >= 3, `progress shown: ${progress.join(" | ")}`);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe("the page's own doors", () => {
  const train = (page, name) => page.getByRole("group", { name: "Training" }).getByRole("button", { name, exact: true });

  test("a weight of 1e308 set in the weight dialog steps to a clean stop or on, histograms drawn, never a hang", async () => {
    const { page, problems } = await openPage(browser, server.url, { init: watchHistograms });
    await page.getByRole("button", { name: "Edit a weight" }).click();
    const dialog = page.getByRole("dialog", { name: "Set a weight or bias" });
    await dialog.getByLabel("To", { exact: true }).selectOption({ label: "Unit 2" });
    const field = dialog.getByLabel("Weight from x₁ to unit 2 of layer 1");
    await field.fill("1e308");
    await field.press("Enter");
    assert.equal(await dialog.isVisible(), false, "a finite weight is accepted");
    for (let i = 0; i < 5; i++) await train(page, "Step").click();
    await page.waitForFunction(() => /^Step 5\b/.test(document.getElementById("train-status").textContent) ||
      !document.getElementById("train-alert").hidden, null, { timeout: 20000 });
    await assertHistogramsDrawn(page, "a weight of 1e308", { overflowed: true });
    const alert = await page.locator("#train-alert").evaluate((a) => (a.hidden ? "" : a.textContent));
    // A clean stop, or the blow-up watch's warning (the weight is already far past its start).
    if (alert) assert.match(alert, /^(Diverged at step \d+|Learning rate too large: a weight has grown to [\d.e+]+ at step \d+)/);
    assert.equal(await page.evaluate(() => Array.from(window.nnplay.activate("relu", [2])).join()), "2");
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("a 16 kB network file of 8,000 nested [ is refused, and the run still steps and saves", async () => {
    const { page, problems } = await openPage(browser, server.url);
    await train(page, "Epoch").click();
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      page.getByRole("button", { name: "Load network (JSON)…" }).click(),
    ]);
    const deep = "[".repeat(8000) + "]".repeat(8000);
    await chooser.setFiles({ name: "deep.json", mimeType: "application/json", buffer: Buffer.from(deep) });
    const alert = page.getByRole("alert").filter({ hasText: "Could not load deep.json" });
    await alert.waitFor();
    assert.match(await alert.textContent(), /more than 64 levels deep/);
    await train(page, "Step").click();
    assert.match(await statusOf(page), /^Step 26 ·/, "Step still trains the kept run");
    const saved = JSON.parse((await downloadFrom(page, page.getByRole("button", { name: "Save network (JSON)" }))).bytes.toString("utf8"));
    assert.equal(saved.format, "nnplay-network", "the run can still be saved");
    assert.equal(await page.locator("#panic").isVisible(), false);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("a network file whose params hold 1e999 names the number, not null, by the API and by Load network", async () => {
    const { page, problems } = await openPage(browser, server.url);
    await train(page, "Epoch").click();
    const saved = (await downloadFrom(page, page.getByRole("button", { name: "Save network (JSON)" }))).bytes.toString("utf8");
    // The text a JSON writer cannot produce but a hand edit can: 1e999 reads as infinity.
    const edited = saved.replace(/("params":\s*\[)\s*[-0-9.e+]+/, "$11e999");
    assert.notEqual(edited, saved);
    const byApi = await page.evaluate((text) => {
      try {
        window.nnplay.Playground.import_network(text);
        return "no error";
      } catch (e) {
        return `${e.constructor.name}: ${e.message}`;
      }
    }, edited);
    assert.match(byApi, /^Error: the network file's params\[0\] must be a finite number, got a number too large to hold/);
    assert.doesNotMatch(byApi, /null/);
    const status = await statusOf(page);
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      page.getByRole("button", { name: "Load network (JSON)…" }).click(),
    ]);
    await chooser.setFiles({ name: "huge.json", mimeType: "application/json", buffer: Buffer.from(edited) });
    const alert = page.getByRole("alert").filter({ hasText: "Could not load huge.json" });
    await alert.waitFor();
    assert.match(await alert.textContent(), /params\[0\] must be a finite number, got a number too large to hold/);
    assert.doesNotMatch(await alert.textContent(), /null/);
    assert.equal(await statusOf(page), status, "the run stays");
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("a loss from 1e21 up prints in powers of ten on the status line, not as 2.23974763696495e+21", async () => {
    // A regression run whose first weight is 10^12: its loss starts near 10^24, which is not a divergence.
    const { page, problems } = await openPage(browser, `${server.url}#data=plane&activation=identity&edits=0:0:1e12`);
    const status = await statusOf(page);
    assert.match(status, /^Step 0 · train loss \d\.\d{3} × 10\^2\d · test loss \d\.\d{3} × 10\^2\d\b/, status);
    assert.doesNotMatch(status, /e\+/);
    const loss = await page.evaluate(() => window.nnplayPanels.training.playground.status().train_loss);
    assert.ok(loss >= 1e21, `the loss is ${loss}`);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("Adam with β1 0.999999999 and lr 10 never ends at a loss of 1e13 unstopped; on identity units it stops as diverged", async () => {
    for (const [link, stops] of [["opt=adam&beta1=0.999999999&lr=10", false], ["opt=adam&beta1=0.999999999&lr=10&activation=identity", true]]) {
      // Reduced motion: the catch-up trains without drawing, so 20,000 steps take seconds.
      const { page, problems } = await openPage(browser, `${server.url}#${link}&steps=20000`, { reducedMotion: "reduce" });
      await page.waitForFunction(() => /^Step 20000 ·/.test(document.getElementById("train-status").textContent) ||
        /^Diverged/.test(document.getElementById("train-alert").textContent), null, { timeout: 90000 });
      const alert = await page.locator("#train-alert").evaluate((a) => (a.hidden ? "" : a.textContent));
      if (stops) assert.match(alert, /^Diverged after step \d+/, link);
      const losses = await page.evaluate(() => window.nnplayPanels.training.playground.loss_csv().trim().split("\n").slice(1)
        .map((line) => Number(line.split(",")[1])));
      assert.ok(losses.length > 1, link);
      const highest = Math.max(...losses.filter(Number.isFinite));
      assert.ok(highest < 1e13, `${link}: the loss reached ${highest}`);
      if (!/^Diverged/.test(alert)) assert.ok(Number.isFinite(losses.at(-1)) && losses.at(-1) < 1e13, `${link}: ends at ${losses.at(-1)} unstopped`);
      assert.deepEqual(problems, [], link);
      await page.close();
    }
  });

  test("a pasted CSV beginning with a byte order mark loads; a rejected CSV file keeps the box's text", async () => {
    const { page, problems } = await openPage(browser, server.url);
    await page.locator("summary", { hasText: "Your own data" }).click();
    const box = page.getByLabel("CSV data");
    // Without a header the mark sits before the first number: the refusal, 'got "\ufeff1"'.
    await box.fill("\ufeff1,2,0\n-1,-2,1\n0.5,0.5,1\n");
    await page.getByRole("button", { name: "Load CSV" }).click();
    assert.ok(await page.locator("#csv-alert").isHidden(), await page.locator("#csv-alert").textContent());
    assert.match(await page.locator("#data-count").textContent(), /^3 points/);
    const good = "\ufeffx1,x2,label\n1,2,0\n-1,-2,1\n";
    await box.fill(good);
    await page.getByRole("button", { name: "Load CSV" }).click();
    assert.ok(await page.locator("#csv-alert").isHidden(), await page.locator("#csv-alert").textContent());
    assert.match(await page.locator("#data-count").textContent(), /^2 points/);
    await page.getByLabel("CSV file").setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from("x1,x2,label\n1,abc,0\n") });
    await page.locator("#csv-alert").waitFor({ state: "visible" });
    assert.match(await page.locator("#csv-alert").textContent(), /got "abc"/);
    assert.equal(await box.inputValue(), good, "the box keeps the text that loaded");
    assert.match(await page.locator("#data-count").textContent(), /^2 points/, "and the data stays");
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe("a CSP that blocks the loader is named on the page", () => {
  test("a stricter header without the loader's hash shows a visible, named error", async () => {
    const page = await browser.newPage();
    await page.route("**/*", async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      if (route.request().resourceType() === "document") {
        headers["content-security-policy"] = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
      }
      await route.fulfill({ response, headers });
    });
    await page.goto(server.url);
    const panel = page.locator("#panic");
    await panel.waitFor({ state: "visible", timeout: 10000 });
    const text = await panel.textContent();
    assert.match(text, /nnplay could not start: this page's Content-Security-Policy blocked its loader/);
    assert.match(text, /script-src/);
    assert.match(text, /csp-header\.txt/);
    // Requests the page still makes must not reach a route whose page is gone.
    await page.unrouteAll({ behavior: "ignoreErrors" });
    await page.close();
  });

  test("the page under the header the build writes starts normally", async () => {
    const header = await (await fetch(`${server.url}csp-header.txt`)).text();
    const policy = header.replace(/^Content-Security-Policy:\s*/, "").trim();
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
    const page = await browser.newPage();
    await page.route("**/*", async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      if (route.request().resourceType() === "document") headers["content-security-policy"] = policy;
      await route.fulfill({ response, headers });
    });
    await page.goto(server.url);
    await page.waitForSelector("html[data-ready=true]", { timeout: 15000 });
    assert.equal(await page.locator("#panic").isVisible(), false);
    await page.unrouteAll({ behavior: "ignoreErrors" });
    await page.close();
  });
});

describe("fuzzing", () => {
  test("a seeded fuzz of every function on window.nnplay: no trap, no panic, still answering", async () => {
    const { page, problems } = await openPage(browser, server.url);
    const counts = await page.evaluate(fuzzApi, { seed: 19, calls: Number(process.env.FUZZ_CALLS ?? 1500), slowMs: 5000 });
    console.log(`fuzz: ${JSON.stringify(counts)}`);
    assert.ok(counts.targets > 100, `${counts.targets} targets`);
    assert.equal(counts.traps, 0, counts.samples.traps.join("\n"));
    assert.equal(counts.panics, 0, counts.panicText);
    assert.equal(counts.rawErrors, 0, counts.samples.rawErrors.join("\n"));
    assert.equal(counts.slow, 0, counts.samples.slow.join("\n"));
    assert.equal(counts.injected, 0);
    assert.ok(counts.stillAnswers);
    // The page's own run still trains.
    await page.getByRole("group", { name: "Training" }).getByRole("button", { name: "Step", exact: true }).click();
    assert.match(await statusOf(page), /^Step 1\b/);
    assert.deepEqual(problems.filter((p) => !/^console: /.test(p)), []);
    await page.close();
  });

  test("a hostile links corpus through every door a link takes: no trap, no hang", async () => {
    const { page, problems } = await openPage(browser, server.url);
    const links = hostileLinks(7, Number(process.env.FUZZ_LINK_DOORS ?? 300));
    const counts = await page.evaluate(fuzzLinkDoors, { links, slowMs: 5000 });
    console.log(`link doors: ${JSON.stringify(counts)}`);
    assert.equal(counts.traps, 0, counts.samples.join("\n"));
    assert.equal(counts.rawErrors, 0, counts.samples.join("\n"));
    assert.equal(counts.slow, 0, counts.samples.join("\n"));
    assert.ok(counts.built > 0 && counts.clean > 0, "both kinds of link are in the corpus");
    assert.ok(counts.stillAnswers);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("a hostile links corpus: each opens to a ready page, runs nothing injected and keeps the module", async () => {
    const links = hostileLinks(19, Number(process.env.FUZZ_LINKS ?? 25));
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    let opened = 0;
    for (const link of links) {
      await page.goto("about:blank");
      await page.goto(`${server.url}#${link}`);
      await page.waitForSelector("html[data-ready=true]", { timeout: 20000 });
      const state = await page.evaluate(() => ({
        injected: Boolean(window.__injected),
        panic: document.getElementById("panic").hidden ? "" : document.getElementById("panic").textContent,
        answers: Array.from(window.nnplay.activate("relu", [1])).join(),
      }));
      assert.equal(state.injected, false, link);
      assert.equal(state.panic, "", link);
      assert.equal(state.answers, "1", link);
      opened += 1;
    }
    assert.equal(opened, links.length);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
