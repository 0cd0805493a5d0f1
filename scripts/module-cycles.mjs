// Checks that the crate's module graph has no circles. Reads the graph
// cargo-modules draws (DOT) on stdin, keeps its "uses" edges (a module uses
// an item of another; "owns", a parent holding its child, is structure, not
// a dependency), and prints every group of modules that reach each other.
// Exits 1 if there is one. See docs/architecture.md, "No circles".
//
//   cargo modules dependencies --lib --no-fns --no-types --no-traits \
//     --no-externs --no-sysroot --layout dot | node scripts/module-cycles.mjs
//
// With --top it first folds every module into the top-level module it sits
// in (`config::keys` into `config`), for the layers of the core.
import { readFileSync } from "node:fs";

const top = process.argv.includes("--top");
const name = (path) => (top ? path.split("::").slice(0, 2).join("::") : path);
const uses = new Map();
const node = (path) => uses.get(path) ?? uses.set(path, new Set()).get(path);
const edge = /^\s*"([^"]+)" -> "([^"]+)" \[label="(\w+)"/;
for (const line of readFileSync(0, "utf8").split("\n")) {
  const [, from, to, kind] = line.match(edge) ?? [];
  if (!from) continue;
  const [a, b] = [name(from), name(to)];
  node(b);
  if (kind === "uses" && a !== b) node(a).add(b);
  else node(a);
}

// Tarjan's strongly connected components, without recursion.
const index = new Map(), low = new Map(), onStack = new Set(), stack = [], groups = [];
let next = 0;
for (const start of uses.keys()) {
  if (index.has(start)) continue;
  const work = [[start, [...uses.get(start)]]];
  index.set(start, next), low.set(start, next++), stack.push(start), onStack.add(start);
  while (work.length) {
    const [v, rest] = work.at(-1);
    const w = rest.pop();
    if (w !== undefined) {
      if (!index.has(w)) {
        index.set(w, next), low.set(w, next++), stack.push(w), onStack.add(w);
        work.push([w, [...uses.get(w)]]);
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
      continue;
    }
    work.pop();
    if (work.length) {
      const parent = work.at(-1)[0];
      low.set(parent, Math.min(low.get(parent), low.get(v)));
    }
    if (low.get(v) === index.get(v)) {
      const group = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) groups.push(group.sort());
    }
  }
}

const edges = [...uses.values()].reduce((n, to) => n + to.size, 0);
for (const group of groups) {
  console.log(`circle: ${group.join(", ")}`);
  for (const v of group) {
    const inside = [...uses.get(v)].filter((w) => group.includes(w)).sort();
    console.log(`  ${v} uses ${inside.join(", ")}`);
  }
}
console.log(`${uses.size} modules, ${edges} uses edges, ${groups.length} circles`);
process.exit(groups.length ? 1 : 0);
