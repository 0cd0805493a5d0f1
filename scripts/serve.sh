#!/usr/bin/env bash
# Installs what is missing, then serves the playground at http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
exec trunk --config Trunkfile.toml serve --release --address 127.0.0.1 --port 8080
