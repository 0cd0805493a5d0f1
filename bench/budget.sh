#!/usr/bin/env bash
# Builds the release site and prints the page budgets (gzip transfer, first curve).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
trunk --config Trunkfile.toml build --release
node bench/budget.mjs
