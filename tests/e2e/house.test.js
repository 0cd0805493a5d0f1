// Browser tests of the front end's house (docs/architecture.md): each panel
// owns its section of the page, its controls and its link keys, and reaches
// no other's elements. A static scan of www/ finds every element a module
// looks up by id and every import; the page then says where those elements
// are.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { join, relative, resolve, dirname } from "node:path";
import { openPage, startSite, stopSite } from "./harness.js";

const WWW = resolve(import.meta.dirname, "../../www");
/** Each panel's name on `window.nnplayPanels`, its section's id, and its modules: a file or a folder of www/js/. */
const PANELS = [
  { name: "explorer", root: "explorer", modules: "js/explorer.js" },
  { name: "softmax", root: "softmax", modules: "js/softmax.js" },
  { name: "training", root: "train", modules: "js/training/" },
  { name: "stages", root: "stages", modules: "js/stages/" },
  { name: "race", root: "race", modules: "js/race/" },
];

/** The panel a module (path relative to www/) belongs to, or null for the page's own modules. */
const panelOf = (path) => PANELS.find((p) => (p.modules.endsWith("/") ? path.startsWith(p.modules) : path === p.modules)) ?? null;

/** Every module of www/ (app.js and js/**), as {path, source}. */
async function modules() {
  const found = [{ path: "app.js", source: await readFile(join(WWW, "app.js"), "utf8") }];
  const walk = async (dir) => {
    for (const entry of await readdir(join(WWW, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith(".js")) found.push({ path, source: await readFile(join(WWW, path), "utf8") });
    }
  };
  await walk("js");
  return found;
}

/** Source without comments, so prose that names an id or a call is not mistaken for code. */
const code = (source) => source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");

/**
 * The ids a module looks up with a `$` finder: a plain string, or a template
 * whose text before its first `${` is kept as a prefix (a template that
 * starts with `${` is left to the finder's own check when it runs).
 */
function lookups(source) {
  const ids = [];
  for (const m of code(source).matchAll(/(?<![\w.])(?:this\.)?\$\(\s*(["'`])((?:(?!\1).)*)\1/g)) {
    const [, quote, text] = m;
    if (quote !== "`" || !text.includes("${")) ids.push({ id: text });
    else if (!text.startsWith("${")) ids.push({ prefix: text.slice(0, text.indexOf("${")) });
  }
  return ids;
}

/** The www/-relative paths a module imports. */
function imports(path, source) {
  return [...code(source).matchAll(/^\s*import\s[^"']*["']([^"']+)["']/gm)]
    .map((m) => relative(WWW, resolve(WWW, dirname(path), m[1])).replaceAll("\\", "/"));
}

let server;
let browser;
before(async () => ({ server, browser } = await startSite()));
after(() => stopSite({ server, browser }));

describe("the house", () => {
  test("panel modules find their elements only through their own panel's finder, and use others only by calls", async () => {
    for (const { path, source } of await modules()) {
      if (!panelOf(path)) continue;
      const body = code(source);
      assert.doesNotMatch(body, /document\s*\.\s*(getElementById|getElementsBy\w+|querySelector(All)?)\s*\(/, `${path} looks up elements in the whole document`);
      assert.doesNotMatch(body, /import\s*\{[^}]*(?<![\w.])\$(?![\w])[^}]*\}\s*from/, `${path} imports the page-wide $ lookup`);
      // What one panel hands another (training.shared()), or a panel its parts (`run`), is functions:
      // each use is a call, never a field read or written.
      for (const m of body.matchAll(/(?<![\w.])(?:this\.)?(training|run)\.(\w+)(?!\w)(?!\s*\()/g)) {
        assert.fail(`${path} reads or writes ${m[1]}.${m[2]}, a field of another module, not a call`);
      }
    }
  });

  test("every id a module looks up lies inside its own panel, and the page's own modules keep out of the panels", async () => {
    const { page, problems } = await openPage(browser, server.url);
    const all = await modules();
    let checked = 0;
    for (const { path, source } of all) {
      const panel = panelOf(path);
      const ids = lookups(source);
      const where = await page.evaluate(({ ids, roots }) => ids.map(({ id, prefix }) => {
        const found = id !== undefined ? [document.getElementById(id)].filter(Boolean)
          : [...document.querySelectorAll("[id]")].filter((el) => el.id.startsWith(prefix));
        return {
          name: id ?? `${prefix}…`, count: found.length,
          roots: found.map((el) => roots.find((r) => document.getElementById(r)?.contains(el) && el.id !== r) ?? null),
        };
      }), { ids, roots: PANELS.map((p) => p.root) });
      for (const { name, count, roots } of where) {
        assert.ok(count > 0, `${path} looks up #${name}, which the page does not have`);
        for (const root of roots) {
          if (panel) assert.equal(root, panel.root, `${path} (the ${panel.name} panel) looks up #${name}, inside #${root ?? "no panel"}`);
          else assert.equal(root, null, `${path}, a module of the page, looks up #${name} inside the panel #${root}`);
        }
        checked++;
      }
    }
    assert.ok(checked >= 150, `only ${checked} lookups found: the scan has lost track of them`);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("a panel's modules are imported only inside it, through its entry module from the page", async () => {
    const all = await modules();
    const entries = new Set(PANELS.map((p) => (p.modules.endsWith("/") ? `${p.modules}${p.modules.split("/").at(-2)}.js` : p.modules)));
    let edges = 0;
    for (const { path, source } of all) {
      for (const target of imports(path, source)) {
        edges++;
        assert.ok(all.some((m) => m.path === target), `${path} imports ${target}, which is not a module of www/`);
        const to = panelOf(target);
        const from = panelOf(path);
        if (!to || to === from) continue;
        assert.ok(path === "app.js" && entries.has(target), `${path} imports ${target}, a module of the ${to.name} panel`);
      }
    }
    assert.ok(edges >= 40, `only ${edges} imports found`);
  });

  test("one table-row builder: only dom.js makes table rows", async () => {
    for (const { path, source } of await modules()) {
      if (path === "js/dom.js") continue;
      assert.doesNotMatch(code(source), /createElement\(\s*["']tr["']\s*\)|insertRow\(/, `${path} builds a table row of its own`);
    }
  });

  test("each panel's controls and keyboard keys are inside its own section, and each key belongs to one panel", async () => {
    const { page, problems } = await openPage(browser, server.url);
    const result = await page.evaluate((panels) => {
      const out = { owners: {}, outside: [], shortcuts: [] };
      for (const { name, root } of panels) {
        const panel = window.nnplayPanels[name];
        if (panel.root !== document.getElementById(root)) out.outside.push(`${name}'s root is not #${root}`);
        for (const key of Object.keys(panel.keys?.() ?? {})) (out.owners[key] ??= []).push(name);
        for (const [key, { button }] of Object.entries(panel.shortcuts?.() ?? {})) {
          out.shortcuts.push(key);
          if (!panel.root.contains(button)) out.outside.push(`${name}'s key ${key} presses #${button.id}, outside its section`);
        }
      }
      // A control marked with a link key lies in the section of the panel that writes that key
      // (a hyper-parameter of another optimiser is written only while it applies).
      out.marked = 0;
      for (const control of document.querySelectorAll("main [data-setting]")) {
        const key = control.dataset.setting.split(".")[0];
        const home = panels.find((p) => document.getElementById(p.root).contains(control));
        const owners = out.owners[key] ?? [];
        if (owners.length > 0) out.marked++;
        if (!home || owners.some((o) => o !== home.name)) out.outside.push(`#${control.id} (key ${key}) lies in #${home?.root}, but ${owners.join(", ")} writes ${key}`);
      }
      // Every control of the page's main part lies in one panel's section.
      const roots = panels.map((p) => document.getElementById(p.root));
      for (const control of document.querySelectorAll("main input, main select, main textarea, main button")) {
        if (roots.filter((r) => r.contains(control)).length !== 1) out.outside.push(`#${control.id || control.textContent} is in no panel's section`);
      }
      return out;
    }, PANELS);
    assert.deepEqual(result.outside, []);
    assert.ok(result.marked >= 15, `${result.marked} marked controls whose key a panel writes`);
    for (const [key, owners] of Object.entries(result.owners)) assert.equal(owners.length, 1, `${key} is written by ${owners.join(" and ")}`);
    assert.ok(Object.keys(result.owners).length >= 25, `${Object.keys(result.owners).length} keys`);
    assert.deepEqual(result.shortcuts.sort(), [" ", "1", "2", "3", "4", "r", "s"]);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("applying a link's state through each panel's apply() reproduces the link, and changes only that panel's keys", async () => {
    const link = "curves=tanh,elu,maxout&xmin=-4&xmax=3&elu=2&leaky=0.2&maxout=1,0.5,-0.5,0.2&x=1.5" +
      "&logits=1,2,3,0.5&t=2" +
      "&data=xor&noise=10&split=60&seed=7&layers=3:relu,2:elu&lr=0.1&batch=5&opt=adam&beta1=0.8" +
      "&schedule=step&lr_every=50&lr_factor=0.3&reg=l2&reg_rate=0.03&test=0&discrete=1&features=x1,x2,x1x2" +
      "&race=relu,tanh,leaky_relu:0.05&target=accuracy:80&seeds=3";
    const { page, problems } = await openPage(browser, server.url);
    const result = await page.evaluate(({ link, names }) => {
      const api = window.nnplay;
      const panels = window.nnplayPanels;
      const { state, problems } = api.read_link(link);
      const fragment = (keys) => Object.entries(keys).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&");
      const keysOf = (name) => JSON.stringify(panels[name].keys?.() ?? {});
      const changedOthers = [];
      for (const name of names) {
        const before = names.filter((n) => n !== name).map(keysOf);
        panels[name].apply?.(state);
        const after = names.filter((n) => n !== name).map(keysOf);
        names.filter((n) => n !== name).forEach((other, i) => { if (before[i] !== after[i]) changedOthers.push(`${name} changed ${other}'s keys`); });
      }
      const all = Object.assign({}, ...names.map((n) => panels[n].keys?.() ?? {}));
      return { problems, want: api.write_link(link), got: api.write_link(fragment(all)), changedOthers };
    }, { link, names: PANELS.map((p) => p.name) });
    assert.deepEqual(result.problems, [], "the test's link is a valid one");
    assert.equal(result.got, result.want);
    // Every key the link set is in its canonical form, so each was reproduced, not left out.
    for (const pair of link.split("&")) assert.ok(result.want.split("&").some((p) => p.split("=")[0] === pair.split("=")[0]), `${pair} in ${result.want}`);
    assert.deepEqual(result.changedOthers, []);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
