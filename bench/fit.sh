#!/usr/bin/env bash
# Builds the release site and prints the training throughput of the wasm core
# against plain JavaScript (samples per second), after checking both compute
# the same losses. `bash bench/fit.sh --native` adds the same core run
# natively just before and after, and the native / wasm ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
trunk --config Trunkfile.toml build --release
node bench/fit.mjs "$@"
