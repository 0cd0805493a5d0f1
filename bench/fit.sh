#!/usr/bin/env bash
# Builds the release site and prints the training throughput of the wasm core
# against plain JavaScript (samples per second), after checking both compute
# the same losses.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
trunk --config Trunkfile.toml build --release
node bench/fit.mjs
