#!/usr/bin/env bash
# The WebAssembly build and the npm package, tested: the bindings from Rust (wasm-bindgen-test)
# in Node.js and in headless Chromium, then the package built as it ships and tested with
# `node --test` (API, parity with the CLI's JSON output on the fixture corpus, the packed
# tarball installed and type-checked in a throw-away project, a page in Chromium, the size; the
# guard against the official Node SDKs and schema() through form libraries, from pkg/test/interop/;
# @arethetypeswrong/cli, publint, and esbuild and webpack builds run in Chromium, from
# pkg/test/packaging/); then the same tests once more with the package loaded from the packed
# tarball, installed by name in a throw-away project (pkg/test/tarball/run.mjs).
#
#   scripts/test-wasm.sh [--no-setup]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

step() { printf '\n== %s\n' "$*"; }

if [[ ${1:-} != --no-setup ]]; then
    scripts/setup.sh wasm browser node
fi
# shellcheck source=scripts/env.sh
source scripts/env.sh

# The WebAssembly build leaves the command-line program (and its dependencies) out.
wasm_test=(cargo test --target wasm32-unknown-unknown --no-default-features)

step "bindings in Node.js (wasm-bindgen-test)"
"${wasm_test[@]}" --test wasm_node

step "bindings in headless Chromium (wasm-bindgen-test, chromedriver)"
"${wasm_test[@]}" --test wasm_browser

step "npm package build"
scripts/build-wasm.sh --no-setup

step "the CLI the parity test compares with"
cargo build --bin cloudaudit-lint
bin="$(cargo metadata --format-version 1 --no-deps | node -e '
let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => console.log(JSON.parse(s).target_directory))')/debug/cloudaudit-lint"

step "npm package tests (node --test)"
(cd pkg && CLOUDAUDIT_LINT_BIN="$bin" node --test test/*.test.mjs test/interop/*.test.mjs test/packaging/*.test.mjs)

step "npm package tests again, on the packed tarball installed by name (pkg/test/tarball/run.mjs)"
(cd pkg && CLOUDAUDIT_LINT_BIN="$bin" node test/tarball/run.mjs)
