#!/usr/bin/env bash
# The whole test suite: set-up (idempotent), formatting and lints, the native tests, the
# CLI-level JavaScript tests, the WebAssembly package in Node and headless Chromium, and the
# demo page in a real browser. `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "set-up"
scripts/setup.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh

step "format and lints"
cargo fmt --all -- --check
cargo clippy --all-targets -- -D warnings
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps
cargo test --all-targets --no-default-features --no-fail-fast

step "native tests (library, rules, properties, CLI end to end, doctests)"
cargo test --no-fail-fast

step "CLI output checked against the SARIF 2.1.0 schema"
(cd tests/node && CLOUDAUDIT_LINT_BIN="$PWD/../../target/debug/cloudaudit-lint" node --test)

step "WebAssembly bindings in Node and Chromium, and the npm package"
scripts/test-wasm.sh --no-setup

step "the demo page, end to end in headless Chromium"
scripts/test-www.sh
