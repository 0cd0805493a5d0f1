#!/usr/bin/env bash
# The one test command: installs what is missing, then lints and runs all
# three tiers — native cargo tests, wasm-bindgen tests in headless Chromium,
# browser tests of the built site.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh

step() { printf '\n==> %s\n' "$*"; }

step "format";                 cargo fmt --check
step "clippy (native)";        cargo clippy --all-targets --locked -- -D warnings
step "clippy (wasm32)";        cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings
step "clippy (wasm32, explorer-first)"; cargo clippy --lib --locked --target wasm32-unknown-unknown --no-default-features -- -D warnings
step "tier 1: native tests";   cargo test --locked
step "tier 2: wasm tests";     cargo test --locked --target wasm32-unknown-unknown --test web
step "build the site";         trunk --config Trunkfile.toml build --release
step "tier 3: browser tests";  node --test tests/e2e/
