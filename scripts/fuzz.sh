#!/usr/bin/env bash
# Fuzzes cloudaudit-lint with libFuzzer (cargo-fuzz, the pinned nightly of scripts/env.sh): each
# target in fuzz/ for a bounded time, then a table of executions and crashes per target.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 60 seconds, every target)
#
# The seed corpus comes from tests/fixtures, tests/adversarial, examples and the inputs of past
# crashes in fuzz/regressions/TARGET/, copied into fuzz/corpus/TARGET/ (git-ignored; what the
# fuzzer adds there is kept between runs). A crash
# is saved in fuzz/artifacts/TARGET/ and makes the script exit 1; reproduce it with
#   cargo +NIGHTLY_TOOLCHAIN fuzz run --fuzz-dir fuzz -s none TARGET fuzz/artifacts/TARGET/crash-...
# Not part of scripts/test.sh: the nightly instrumented build alone takes minutes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

SECONDS_PER_TARGET=${1:-60}
shift || true
ALL_TARGETS=(validate_bytes validate_value plan tf_source fix name region action_type resource_type event_names storage config)
TARGETS=("$@")
((${#TARGETS[@]})) || TARGETS=("${ALL_TARGETS[@]}")
[[ $SECONDS_PER_TARGET =~ ^[0-9]+$ ]] || { echo "fuzz: SECONDS_PER_TARGET must be a number" >&2; exit 2; }

scripts/setup.sh fuzz
# shellcheck source=scripts/env.sh
source scripts/env.sh
if ! cargo +"$NIGHTLY_TOOLCHAIN" --version >/dev/null 2>&1; then
    echo "fuzz: $NIGHTLY_TOOLCHAIN is needed (libFuzzer's instrumentation): scripts/setup.sh fuzz" >&2
    exit 1
fi

# No sanitizer: the crate has no unsafe code, and without ASan the fuzzer runs about twice as
# fast. Debug assertions stay on, so an arithmetic overflow is a crash.
FUZZ=(cargo +"$NIGHTLY_TOOLCHAIN" fuzz)
BUILD_FLAGS=(--fuzz-dir fuzz --sanitizer none --release --debug-assertions)

echo "== building the fuzz targets (nightly, instrumented)"
"${FUZZ[@]}" build "${BUILD_FLAGS[@]}"

# Seeds: each file as it is, and for the byte-level targets also behind an options byte
# (their first byte chooses region, limit and the fix path); the plan and fix targets read an
# options byte first, so their seeds are always behind one.
seed() {
    local target=$1 dir=fuzz/corpus/$1 file name
    mkdir -p "$dir"
    # Inputs that once failed (fixed since, each with a test of its own) are replayed first.
    if [[ -d fuzz/regressions/$target ]]; then
        cp fuzz/regressions/"$target"/* "$dir"/
    fi
    case $target in
        plan)
            for file in tests/fixtures/terraform/*.json tests/fixtures/*.json; do
                [[ -f $file ]] || continue
                name=seed-$(basename "$file")
                { printf '\x00'; cat "$file"; } >"$dir/$name.provider-region"
                { printf '\x01'; cat "$file"; } >"$dir/$name.caller-region"
            done
            ;;
        tf_source)
            find tests/fixtures/terraform -name '*.tf' -print0 | while IFS= read -r -d '' file; do
                name=seed-$(echo "${file#tests/fixtures/terraform/}" | tr / -)
                { printf '\x00\x00'; cat "$file"; } >"$dir/$name.provider-region"
                { printf '\x03\x80'; cat "$file"; } >"$dir/$name.caller-region-cut"
            done
            ;;
        fix)
            for file in tests/fixtures/*.json tests/adversarial/* examples/*.json; do
                [[ -f $file ]] || continue
                name=seed-$(basename "$file")
                { printf '\x01'; cat "$file"; } >"$dir/$name.create"
                { printf '\x03'; cat "$file"; } >"$dir/$name.modify"
            done
            ;;
        config)
            find tests/fixtures -name '*.toml' -print0 | while IFS= read -r -d '' file; do
                cp "$file" "$dir/seed-$(basename "$(dirname "$file")")-$(basename "$file")"
            done
            ;;
        *)
            for file in tests/fixtures/*.json tests/fixtures/config/team/*.json tests/adversarial/* examples/*.json; do
                [[ -f $file ]] || continue
                name=seed-$(basename "$file")
                cp "$file" "$dir/$name"
                if [[ $target == validate_bytes || $target == validate_value ]]; then
                    { printf '\x05'; cat "$file"; } >"$dir/$name.region-fix"
                    { printf '\x01'; cat "$file"; } >"$dir/$name.structured"
                fi
            done
            ;;
    esac
}

options_for() {
    case $1 in
        validate_bytes | validate_value | fix) echo "-max_len=16384 -dict=fuzz/dict/request.dict" ;;
        plan) echo "-max_len=32768 -dict=fuzz/dict/request.dict" ;;
        tf_source) echo "-max_len=16384 -dict=fuzz/dict/tf.dict" ;;
        config) echo "-max_len=4096 -dict=fuzz/dict/config.dict" ;;
        *) echo "-max_len=2048" ;;
    esac
}

declare -a ROWS=()
failed=0
for target in "${TARGETS[@]}"; do
    seed "$target"
    mkdir -p "fuzz/artifacts/$target"
    before=$(find "fuzz/artifacts/$target" -type f | wc -l)
    log=$(mktemp "${TMPDIR:-/tmp}/fuzz-$target.XXXXXX")
    echo "== $target: ${SECONDS_PER_TARGET}s"
    # shellcheck disable=SC2046 # the options are words
    if "${FUZZ[@]}" run "${BUILD_FLAGS[@]}" "$target" "fuzz/corpus/$target" -- \
        -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=4096 \
        -print_final_stats=1 $(options_for "$target") >"$log" 2>&1; then
        status=ok
    else
        status=FAILED
        failed=1
        tail -n 40 "$log" >&2
    fi
    execs=$(awk '/stat::number_of_executed_units/ { print $NF }' "$log" | tail -n 1)
    corpus=$(find "fuzz/corpus/$target" -type f | wc -l)
    after=$(find "fuzz/artifacts/$target" -type f | wc -l)
    ROWS+=("$(printf '%-16s %8s %14s %8s %8s  %s' "$target" "${SECONDS_PER_TARGET}s" "${execs:-?}" \
        "$corpus" "$((after - before))" "$status")")
    rm -f "$log"
done

echo
printf '%-16s %8s %14s %8s %8s  %s\n' target time executions corpus crashes status
printf '%s\n' "${ROWS[@]}"
exit "$failed"
