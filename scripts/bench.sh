#!/usr/bin/env bash
# The benchmark against the peers (benches/README.md): builds the release benchmark, writes the
# seeded corpus to target/bench-corpus/, checks that cloudaudit-lint, jsonschema and ajv agree
# on which requests are invalid, then prints the native table, the scaling table, the linear-time
# table and the Node table. Takes a few minutes; not part of the test command.
#
#   scripts/bench.sh [native] [scaling] [linear] [node]     (no argument: all four)
#
# Numbers are noisy while something else runs: the machine section prints the load average.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/env.sh
source scripts/env.sh

step() { printf '\n== %s\n' "$*"; }

declare -A want=()
(($#)) || set -- native scaling linear node
for arg; do
    case $arg in
        native | scaling | linear | node) want[$arg]=1 ;;
        -h | --help) sed -n '2,9s/^# \{0,1\}//p' "$0"; exit 0 ;;
        *) printf "bench: unknown part '%s'\n" "$arg" >&2; exit 2 ;;
    esac
done

step "machine"
printf 'cpu: %s, %s cores\n' "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)" "$(nproc)"
printf 'load average: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%s; node %s\n' "$(rustc --version)" "$(node --version 2>/dev/null || echo 'not found')"

step "build (release) and corpus"
cargo bench --bench compare --no-run
cargo bench --quiet --bench compare -- corpus

if [[ -n ${want[native]:-} ]]; then
    step "native: agreement with jsonschema, then every path on the corpus"
    cargo bench --quiet --bench compare -- native
fi

if [[ -n ${want[scaling]:-} ]]; then
    step "native: scaling"
    cargo bench --quiet --bench compare -- scaling
fi

if [[ -n ${want[linear]:-} ]]; then
    step "native: linear time, each large input doubled"
    cargo bench --quiet --bench compare -- linear
fi

if [[ -n ${want[node]:-} ]]; then
    step "node: the npm package against ajv"
    if [[ -x scripts/build-wasm.sh ]]; then
        scripts/build-wasm.sh >/dev/null # measure the package built from this tree
    fi
    if [[ ! -d pkg/wasm ]]; then
        echo "bench: pkg/wasm/ is missing and scripts/build-wasm.sh cannot build it: Node part skipped" >&2
        exit 1
    fi
    scripts/setup.sh node >/dev/null
    node benches/node/bench.mjs
fi
