// Machine-readable results for bench/all.sh: when NNPLAY_BENCH_RESULTS names
// a folder, each bench script also writes its figures there as <name>.json,
// which bench/summary.mjs reads to print the budget table.
import { writeFileSync } from "node:fs";
import { join } from "node:path";

/** Writes `data` as `<name>.json` into $NNPLAY_BENCH_RESULTS, if it is set. */
export function record(name, data) {
  const folder = process.env.NNPLAY_BENCH_RESULTS;
  if (folder) writeFileSync(join(folder, `${name}.json`), `${JSON.stringify(data, null, 2)}\n`);
}
