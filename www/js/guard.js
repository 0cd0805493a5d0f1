// The guard around the wasm module's exports, which the page and
// `window.nnplay` use: a call on a freed object names it, BigInt and Symbol
// arguments are refused before they reach the module, and if the module
// ever traps, the page says so, keeps the run's link and refuses every later
// call instead of pretending to work.

/** What the guard knows: whether the module stopped, and the last link kept. */
const state = { stopped: null, link: "", classes: new Map() };

/** Whether `error` means the module itself broke (a trap or a panic), not a refused argument. */
function isTrap(error) {
  if (typeof WebAssembly !== "undefined" && error instanceof WebAssembly.RuntimeError) return true;
  if (error instanceof RangeError && /call stack/i.test(error.message)) return true;
  const message = String(error && error.message);
  return /recursive use of an object|unreachable|memory access out of bounds/i.test(message);
}

/** Throws the refusal every call gets once the module has stopped. */
function refuseStopped() {
  throw new Error(
    `nnplay stopped after an internal error (${state.stopped}); reload the page to use it again`,
  );
}

/** Checks `args` of `what` before the module sees them. */
function checkArgs(what, args) {
  args.forEach((arg, i) => {
    const type = typeof arg;
    if (type === "bigint" || type === "symbol") {
      throw new Error(
        `${what}'s argument ${i + 1} is a ${type}; nnplay accepts numbers, strings, booleans, arrays, objects and canvases`,
      );
    }
    if (arg !== null && type === "object" && state.classes.has(arg.constructor) && arg.__wbg_ptr === 0) {
      const name = state.classes.get(arg.constructor);
      throw new Error(`${what}'s argument ${i + 1}, a ${name}, was freed (free() was called on it); make a new one`);
    }
  });
}

/** Runs `call` (the module's `what`), turning a trap into the page's stop. */
function run(what, args, call) {
  if (state.stopped) refuseStopped();
  checkArgs(what, args);
  try {
    return call();
  } catch (error) {
    if (isTrap(error)) stop(`${what}: ${error.message}`);
    throw error;
  }
}

/** Marks the module stopped and shows the panel with the run's last link. */
function stop(reason) {
  if (state.stopped) return;
  state.stopped = reason;
  showStopped();
}

/** The `#panic` panel: what happened, the link to reopen the run, and a reload button. */
function showStopped() {
  if (typeof document === "undefined") return;
  const panel = document.getElementById("panic") || document.body.appendChild(document.createElement("div"));
  panel.id = "panic";
  panel.setAttribute("role", "alert");
  const text = document.createElement("p");
  text.textContent =
    `nnplay stopped because of an internal error, so nothing more can run on this page: ${state.stopped}. ` +
    "Your run is kept in the link below; reloading at it starts the run again from its settings.";
  const children = [text];
  if (state.link) {
    const link = document.createElement("a");
    link.href = state.link;
    link.textContent = "Link to your run";
    link.className = "stopped-link";
    const reload = document.createElement("button");
    reload.type = "button";
    reload.textContent = "Reload at this state";
    reload.addEventListener("click", () => {
      location.replace(state.link);
      location.reload();
    });
    children.push(link, " ", reload);
  }
  panel.replaceChildren(...children);
  panel.hidden = false;
}

/** Wraps the methods (and getters) of an exported class's prototype and its statics. */
function guardClass(name, Class) {
  state.classes.set(Class, name);
  const proto = Class.prototype;
  for (const key of Object.getOwnPropertyNames(proto)) {
    if (key === "constructor") continue;
    const descriptor = Object.getOwnPropertyDescriptor(proto, key);
    const freed = (self) => {
      if (self.__wbg_ptr === 0) {
        throw new Error(`this ${name} was freed (free() was called on it), so ${key} cannot run; make a new ${name}`);
      }
    };
    if (typeof descriptor.value === "function") {
      const method = descriptor.value;
      descriptor.value = function (...args) {
        if (key === "free") return method.apply(this, args);
        return run(`${name}.${key}`, args, () => {
          freed(this);
          return method.apply(this, args);
        });
      };
    } else if (descriptor.get) {
      const get = descriptor.get;
      descriptor.get = function () {
        return run(`${name}.${key}`, [], () => {
          freed(this);
          return get.call(this);
        });
      };
    }
    Object.defineProperty(proto, key, descriptor);
  }
  for (const key of Object.getOwnPropertyNames(Class)) {
    const value = Class[key];
    if (typeof value !== "function" || ["length", "name", "prototype", "__wrap"].includes(key)) continue;
    Class[key] = (...args) => run(`${name}.${key}`, args, () => value.apply(Class, args));
  }
  return new Proxy(Class, {
    construct: (target, args, newTarget) =>
      run(`new ${name}`, args, () => Reflect.construct(target, args, newTarget)),
  });
}

/** Whether `value` is an exported class (it has a prototype with `free`). */
const isClass = (value) => typeof value === "function" && value.prototype && typeof value.prototype.free === "function";

/**
 * The module's exports, each guarded: functions and classes (methods,
 * getters, statics, constructor). `start` never runs again after a stop.
 */
export function guard(api) {
  const guarded = {};
  for (const [name, value] of Object.entries(api)) {
    if (isClass(value)) guarded[name] = guardClass(name, value);
    else if (typeof value === "function") guarded[name] = (...args) => run(name, args, () => value(...args));
    else guarded[name] = value;
  }
  return guarded;
}

/** Keeps `url` as the link the stop panel offers (call it while the module works). */
export function keepLink(url) {
  if (!state.stopped) state.link = url;
}

/** Whether the module has stopped. */
export function stopped() {
  return state.stopped !== null;
}
