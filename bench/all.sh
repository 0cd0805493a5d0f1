#!/usr/bin/env bash
# The whole benchmark in one command: builds the release site once, then
# prints every table — the page's transfer size and first curve
# (bench/budget.mjs), the bytes before the first curve and the whole site
# (bench/size.mjs), training throughput beside plain JavaScript and the same
# core natively (bench/fit.mjs --native), frame times while playing
# (bench/frame.mjs), the start (bench/startup.mjs: long tasks, layout shift
# and its sources, bytes before the first curve), the long tasks while a
# link catches up at 6 × 64 (bench/longtasks.mjs), Lighthouse's mobile run
# (bench/lighthouse.mjs) — and last, one table of the budgets with what was
# measured and whether each holds (bench/summary.mjs). About 12 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
trunk --config Trunkfile.toml build --release
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
export NNPLAY_BENCH_RESULTS=$results
printf '\n## Transfer and first curve\n\n'
node bench/budget.mjs
printf '\n## Bytes before the first curve, and the whole site\n\n'
node bench/size.mjs
printf '\n## Training throughput\n\n'
node bench/fit.mjs --native
printf '\n## Frames while playing\n\n'
node bench/frame.mjs
printf '\n## The start\n\n'
node bench/startup.mjs
printf '\n## Long tasks while a link catches up\n\n'
node bench/longtasks.mjs
printf '\n## Lighthouse\n\n'
CHROME_PATH=/usr/bin/chromium node bench/lighthouse.mjs
node bench/summary.mjs "$results"
