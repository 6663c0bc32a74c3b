# shellcheck shell=bash
# Source me (`source scripts/env.sh`): puts the tools that scripts/setup.sh installs on PATH.
#   - ${CARGO_HOME:-~/.cargo}/bin: wasm-bindgen, wasm-bindgen-test-runner, cargo-fuzz
#   - pkg/node_modules/.bin: wasm-opt from the npm package binaryen (first, so it wins over any
#     other wasm-opt, Debian's broken one included)
# It also names the pinned nightly toolchain (NIGHTLY_TOOLCHAIN), the one home of that fact.
# Safe to source more than once; it changes nothing but PATH and that name.
_ca_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
for _ca_dir in "${CARGO_HOME:-$HOME/.cargo}/bin" "$_ca_root/pkg/node_modules/.bin"; do
    case ":$PATH:" in
        *":$_ca_dir:"*) ;;
        *) PATH="$_ca_dir:$PATH" ;;
    esac
done
# rustup's proxies (cargo, rustc, rustup) live in ~/.cargo/bin even when CARGO_HOME points
# elsewhere: keep them reachable, after everything else.
if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
    PATH="$PATH:$HOME/.cargo/bin"
fi
export PATH
# The nightly the browser's size-first module is built with (scripts/build-wasm.sh: the
# standard library rebuilt for size, panics as bare traps) and the fuzz targets
# (scripts/fuzz.sh). Pinned, so that every machine builds the same module; scripts/setup.sh
# installs it (minimal profile, the wasm32 target, rust-src).
NIGHTLY_TOOLCHAIN=nightly-2026-05-20
unset _ca_root _ca_dir
