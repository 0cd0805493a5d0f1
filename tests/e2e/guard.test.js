// Node tests of the page's guard around the module (www/js/guard.js) and of
// the loss text: a trap stops every later call, freed objects are named,
// BigInt and Symbol arguments are refused, and huge losses print briefly.
import { test } from "node:test";
import assert from "node:assert/strict";
import { guard, keepLink, stopped } from "../../www/js/guard.js";

// dom.js reads window.matchMedia as it loads; Node has no window.
globalThis.window ??= {};
const { lossText } = await import("../../www/js/dom.js");

/** A stand-in for the wasm-bindgen module: a class with a pointer, and functions. */
function fakeModule() {
  class Thing {
    constructor(n) {
      this.__wbg_ptr = 1;
      this.n = n;
    }
    static make(n) {
      return new Thing(n);
    }
    value() {
      return this.n;
    }
    get twice() {
      return 2 * this.n;
    }
    free() {
      this.__wbg_ptr = 0;
    }
  }
  return {
    Thing,
    echo: (x) => x,
    trap: () => {
      throw new WebAssembly.RuntimeError("unreachable");
    },
    refuse: () => {
      throw new Error("x must be a number, got string");
    },
  };
}

test("losses print in three decimals, and in powers of ten from a million", () => {
  assert.equal(lossText(0.693147), "0.693");
  assert.equal(lossText(123456.7), "123456.700");
  assert.equal(lossText(2.23974763696495e21), "2.240 × 10^21");
  assert.equal(lossText(Infinity), "too large to compute");
  assert.equal(lossText(NaN), "too large to compute");
});

test("the guard names freed objects and refuses BigInt and Symbol arguments", () => {
  const api = guard(fakeModule());
  const thing = new api.Thing(3);
  assert.ok(thing instanceof api.Thing);
  assert.equal(thing.value(), 3);
  assert.equal(thing.twice, 6);
  assert.equal(api.Thing.make(4).value(), 4);
  thing.free();
  assert.throws(() => thing.value(), /^Error: this Thing was freed \(free\(\) was called on it\), so value cannot run; make a new Thing$/);
  assert.throws(() => thing.twice, /this Thing was freed/);
  assert.throws(() => api.echo(thing), /echo's argument 1, a Thing, was freed/);
  assert.throws(() => api.echo(1n), /echo's argument 1 is a bigint; nnplay accepts numbers, strings/);
  assert.throws(() => api.echo(Symbol("s")), /is a symbol/);
  assert.throws(() => api.refuse(), /^Error: x must be a number, got string$/, "a refusal passes through");
  assert.equal(stopped(), false, "a refusal is not a trap");
  assert.equal(api.echo("ok"), "ok");
});

test("after a trap every call is refused, and the kept link is not replaced", () => {
  const api = guard(fakeModule());
  keepLink("http://x/#data=xor");
  assert.throws(() => api.trap(), WebAssembly.RuntimeError);
  assert.equal(stopped(), true);
  keepLink("http://x/#after");
  for (const call of [() => api.echo(1), () => new api.Thing(1), () => api.Thing.make(1)]) {
    assert.throws(call, /^Error: nnplay stopped after an internal error \(trap: unreachable\); reload the page/);
  }
});
