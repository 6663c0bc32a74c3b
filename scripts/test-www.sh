#!/usr/bin/env bash
# The demo page's tests: its server, static checks of its files, and end to end in headless
# Chromium (Debian's, driven by playwright-core). Builds the WebAssembly package first when it
# is missing or older than its sources. Screenshots go to test-output/www/.
#
#   scripts/test-www.sh
#
# CHROMIUM=/path/to/chromium overrides the browser (default /usr/bin/chromium).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { printf 'test-www: %s\n' "$*"; }

# Prints why the package needs a (re)build, or nothing when pkg/wasm/ is newer than its sources.
package_stale() {
    local wasm
    wasm="$(compgen -G 'pkg/wasm/*.wasm' | head -n 1 || true)"
    if [[ -z $wasm ]]; then
        printf 'pkg/wasm/ has no module'
        return
    fi
    local newer
    newer="$(find src Cargo.toml Cargo.lock scripts/build-wasm.sh scripts/env.sh -newer "$wasm" -print -quit 2>/dev/null || true)"
    [[ -z $newer ]] || printf '%s is newer than %s' "$newer" "$wasm"
}

reason="$(package_stale)"
if [[ -z $reason ]]; then
    scripts/setup.sh browser node
elif [[ -x scripts/build-wasm.sh ]]; then
    scripts/setup.sh wasm browser node
    say "building the package: $reason"
    scripts/build-wasm.sh --no-setup
else
    say "error: the package needs building ($reason) and scripts/build-wasm.sh is missing" >&2
    exit 1
fi
# shellcheck source=scripts/env.sh
source scripts/env.sh

if command -v fc-list >/dev/null && [[ -z $(fc-list :lang=zh family 2>/dev/null) ]]; then
    say "note: no Chinese font is installed: the Chinese screenshots will show boxes"
    say "      (apt-get install fonts-wqy-microhei); the tests themselves read text, not pixels"
fi

mkdir -p test-output/www
cd www
node --test
