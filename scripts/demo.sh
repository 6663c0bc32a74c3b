#!/usr/bin/env bash
# Builds the WebAssembly package and serves the demo console form (www/) on 127.0.0.1; the URL
# is printed on start. Ctrl-C stops it.
#
#   scripts/demo.sh                 (a free port is chosen)
#   PORT=8080 scripts/demo.sh       (a fixed port)
#
# Installs what the build needs first (scripts/setup.sh wasm node: idempotent, well under a
# second when everything is present).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/setup.sh wasm node
# shellcheck source=scripts/env.sh
source scripts/env.sh

if [[ -x scripts/build-wasm.sh ]]; then
    scripts/build-wasm.sh --no-setup
elif ! compgen -G 'pkg/wasm/*.wasm' >/dev/null; then
    printf 'demo: error: pkg/ has no WebAssembly module and scripts/build-wasm.sh is missing\n' >&2
    exit 1
fi

printf 'demo: serving www/ with the package from pkg/ (Ctrl-C stops)\n'
exec node www/server.mjs
