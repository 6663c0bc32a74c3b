#!/usr/bin/env bash
# Mutation testing of the rules and the validation walk with cargo-mutants: every mutant of
# src/rules/ and src/validate/ (an operator flipped, a function body replaced by a default,
# a match arm deleted) must make some test fail. Slow (hours on 2 cores): not part of
# scripts/test.sh.
#
#   scripts/mutants.sh [CARGO_MUTANTS_ARGS...]
#
# Examples:  scripts/mutants.sh --shard 0/4          one quarter of the mutants
#            scripts/mutants.sh --iterate            only those not caught in the last run
#            scripts/mutants.sh --file src/rules/name.rs
#            MUTANTS_JOBS=2 scripts/mutants.sh       two mutants at a time (twice the memory)
#
# Results in target/mutants/mutants.out/: caught.txt, missed.txt, timeout.txt, unviable.txt
# and outcomes.json. A surviving mutant (missed.txt) is either killed by a new test
# (tests/mutants_killers.rs) or explained in the README's section on testing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/setup.sh mutants
# shellcheck source=scripts/env.sh
source scripts/env.sh

# Tests run with light optimisation and no debug info: each mutant is a fresh build of the
# crate and its test binaries, and the property and hostile-input tests are several times
# faster than in a plain debug build.
export CARGO_PROFILE_DEV_OPT_LEVEL=1 CARGO_PROFILE_DEV_DEBUG=0
export CARGO_PROFILE_TEST_OPT_LEVEL=1 CARGO_PROFILE_TEST_DEBUG=0

has_file=0
for arg; do [[ $arg == --file || $arg == -f || $arg == --file=* ]] && has_file=1; done
files=()
((has_file)) || files=(--file 'src/rules/**' --file 'src/validate/**')

# nextest runs each test in its own process, in parallel, and stops at the first failure;
# doctests are left out (they add minutes per mutant and are covered by the table tests).
exec cargo mutants "${files[@]}" \
    --test-tool nextest \
    --jobs "${MUTANTS_JOBS:-1}" \
    --timeout "${MUTANTS_TIMEOUT:-300}" \
    --output target/mutants \
    "$@"
