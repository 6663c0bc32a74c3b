#!/usr/bin/env bash
# Builds the npm package in pkg/: the WebAssembly module and its JavaScript glue in pkg/wasm/
# (generated, not in git), next to the hand-written package.json, node.js and README.md.
# Idempotent; prints the size report at the end.
#
#   scripts/build-wasm.sh [--no-setup]
#
# Steps: set-up (wasm32 target, wasm-bindgen, the pinned nightly, pkg/ npm dependencies), then
# the cdylib with the size-tuned `wasm-release` profile and without the command-line program's
# dependencies, built by the pinned nightly with the standard library rebuilt for size (below),
# `wasm-bindgen --target web`, then wasm-opt from the npm package binaryen (Debian's breaks
# modules); the same code again with the speed-tuned `wasm-speed` profile and the stable
# toolchain for the Node entry (pkg/wasm/cloudaudit_lint_node.wasm, sharing the glue); then the
# size report.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

OUT=pkg/wasm
NAME=cloudaudit_lint

if [[ ${1:-} != --no-setup ]]; then
    scripts/setup.sh wasm node
fi
# shellcheck source=scripts/env.sh
source scripts/env.sh

WASM_OPT=pkg/node_modules/.bin/wasm-opt
[[ -x $WASM_OPT ]] || { echo "build-wasm: $WASM_OPT missing: run scripts/setup.sh node" >&2; exit 1; }
if ! rustup run "$NIGHTLY_TOOLCHAIN" rustc --version >/dev/null 2>&1; then
    echo "build-wasm: $NIGHTLY_TOOLCHAIN (the browser module's toolchain) missing: run scripts/setup.sh wasm" >&2
    exit 1
fi

# The JavaScript snippets of the bindings: written again below, each under its content's hash.
rm -rf "$OUT/snippets"

# The modules keep the source paths of their panic locations. Those of the crates cargo
# fetched name this machine's CARGO_HOME and the registry's folder; they are written as
# /cargo/<crate>/... instead, so the package holds no path of the machine that built it and is
# the same bytes whoever builds it (the standard library's are rustc's own, this crate's are
# relative). Only the two wasm profiles below see these flags, so no other build is redone.
cargo_home=${CARGO_HOME:-$HOME/.cargo}
cargo_homes=("$cargo_home")
# Through a symbolic link, cargo may name the sources by either path.
if [[ -d $cargo_home ]]; then
    resolved=$(cd "$cargo_home" && pwd -P)
    if [[ $resolved != "$cargo_home" ]]; then
        cargo_homes+=("$resolved")
    fi
fi
remaps=()
for home in "${cargo_homes[@]}"; do
    for source_dir in "$home"/registry/src/*/ "$home"/git/checkouts/; do
        [[ -d $source_dir ]] && remaps+=("--remap-path-prefix=${source_dir%/}=/cargo")
    done
done
# The caller's own flags (CARGO_ENCODED_RUSTFLAGS, else RUSTFLAGS) followed by "$@", as one
# CARGO_ENCODED_RUSTFLAGS value.
with_flags() {
    local separator=$'\x1f' added user_flags
    added=$(IFS=$separator; printf '%s' "$*")
    if [[ -n ${CARGO_ENCODED_RUSTFLAGS:-} ]]; then
        printf '%s' "$CARGO_ENCODED_RUSTFLAGS$separator$added"
    elif [[ -n ${RUSTFLAGS:-} ]]; then
        read -r -a user_flags <<<"$RUSTFLAGS"
        printf '%s' "$(IFS=$separator; printf '%s' "${user_flags[*]}")$separator$added"
    else
        printf '%s' "$added"
    fi
}
if ((${#remaps[@]})); then
    CARGO_ENCODED_RUSTFLAGS=$(with_flags "${remaps[@]}")
    export CARGO_ENCODED_RUSTFLAGS
    unset RUSTFLAGS
fi

# The browser's module, size first: the pinned nightly (scripts/env.sh) rebuilds the standard
# library with its `optimize_for_size` feature (its smaller sort and string code), a panic is
# the bare trap it already was (`-C panic=immediate-abort`: no panic message is formatted, and
# no hook would print one in a page anyway), and panic locations carry no file, line or column
# (`-Z location-detail=none`). 98.4 -> 89.4 KB gzip when first measured; the Node module gained
# no speed from the same build and stays on the stable toolchain.
size_flags=$(with_flags -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none)
# The crate is an rlib for Rust users; its cdylib is made here only, then wasm-bindgen writes
# the web glue and the declarations (wasm-opt runs below, with flags of our choosing).
CARGO_ENCODED_RUSTFLAGS=$size_flags cargo +"$NIGHTLY_TOOLCHAIN" rustc --quiet --lib \
    --crate-type cdylib --target wasm32-unknown-unknown --profile wasm-release --no-default-features \
    -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
target_dir=$(cargo metadata --format-version 1 --no-deps | node -e '
let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => console.log(JSON.parse(s).target_directory))')
wasm-bindgen "$target_dir/wasm32-unknown-unknown/wasm-release/$NAME.wasm" --out-dir "$OUT" \
    --out-name "$NAME" --typescript --target web

# The raw exports' signature file (`any` throughout) is not part of the package's API.
rm -f "$OUT/${NAME}_bg.wasm.d.ts"
# The product catalogue: an asset loaded on demand (loadCatalog), not compiled in.
cp src/catalog/catalog.tsv "$OUT/catalog.tsv"

# -Oz: size first. The name section goes because -g is absent; the producers and
# target-features sections are metadata no engine reads. A copy optimised alike keeps the
# names (-g), for the report of what the code is made of (scripts/wasm-size.mjs).
named=$target_dir/wasm-size/${NAME}_named.wasm
mkdir -p "$(dirname "$named")"
"$WASM_OPT" -Oz --converge -g --strip-producers --strip-target-features \
    "$OUT/${NAME}_bg.wasm" -o "$named"
"$WASM_OPT" -Oz --converge --strip-producers --strip-target-features \
    "$OUT/${NAME}_bg.wasm" -o "$OUT/${NAME}_bg.wasm"

# The Node.js entry's module: the same code at opt-level 3 (the `wasm-speed` profile), read
# from disk, where its size costs nothing in a page. It shares the glue, so the glue
# wasm-bindgen writes for it must be the browser module's to the byte (it is the same code:
# the same exports and imports); the build stops if it is not.
cargo rustc --quiet --lib --crate-type cdylib --target wasm32-unknown-unknown --profile wasm-speed \
    --no-default-features
speed_dir=$target_dir/wasm-speed-glue
rm -rf "$speed_dir"
wasm-bindgen "$target_dir/wasm32-unknown-unknown/wasm-speed/$NAME.wasm" --out-dir "$speed_dir" \
    --out-name "$NAME" --target web
if ! cmp -s "$speed_dir/$NAME.js" "$OUT/$NAME.js" || ! diff -r -q "$speed_dir/snippets" "$OUT/snippets" >/dev/null; then
    echo "build-wasm: the speed-first module's glue differs from the size-first module's: node.js cannot share it" >&2
    exit 1
fi
"$WASM_OPT" -O3 --strip-producers --strip-target-features \
    "$speed_dir/${NAME}_bg.wasm" -o "$OUT/${NAME}_node.wasm"
# Neither module names the machine that built it (the remapping above; the standard library
# the nightly rebuilt from its sources under the toolchain's folder keeps no locations).
nightly_sysroot=$(rustup run "$NIGHTLY_TOOLCHAIN" rustc --print sysroot)
for module in "$OUT/${NAME}_bg.wasm" "$OUT/${NAME}_node.wasm"; do
    for home in "${cargo_homes[@]}" "$nightly_sysroot"; do
        if LC_ALL=C grep -q -F -e "$home/" "$module"; then
            echo "build-wasm: $module holds source paths under $home" >&2
            exit 1
        fi
    done
done

# `InitOutput`, the type of what init() resolves to, lists the module's raw exports, typed
# `any`; users have no business with them. Keep only `memory` so that no `any` is public.
node -e '
const fs = require("fs");
const file = process.argv[1];
const text = fs.readFileSync(file, "utf8");
const raw = /export interface InitOutput \{\n[^}]*\n\}/;
if (!raw.test(text)) { console.error("build-wasm: InitOutput not found in " + file); process.exit(1); }
fs.writeFileSync(file, text.replace(raw,
  "/** What `init()` resolves to; the module'"'"'s internals are not part of the API. */\n" +
  "export interface InitOutput {\n    readonly memory: WebAssembly.Memory;\n}"));
' "$OUT/$NAME.d.ts"

# --- size report ---------------------------------------------------------------------------
gz() { gzip -9 -c "$1" | wc -c; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }
row() { printf '  %-28s %10s %10s\n' "$1" "$2" "$3"; }

wasm=$OUT/${NAME}_bg.wasm
glue=$OUT/$NAME.js
echo
echo "size of the npm package (gzip -9):"
row "file" "raw" "gzip"
total_raw=0
total_gz=0
mapfile -t snippets < <(find "$OUT/snippets" -type f -name '*.js' | sort)
for file in "$wasm" "$glue" pkg/index.js pkg/schema.js "${snippets[@]}"; do
    raw=$(wc -c <"$file")
    packed=$(gz "$file")
    total_raw=$((total_raw + raw))
    total_gz=$((total_gz + packed))
    row "${file#pkg/}" "$(kb "$raw")" "$(kb "$packed")"
done
row "loaded by init (the above)" "$(kb "$total_raw")" "$(kb "$total_gz")"
row "wasm/catalog.tsv (on demand)" "$(kb "$(wc -c <"$OUT/catalog.tsv")")" "$(kb "$(gz "$OUT/catalog.tsv")")"
row "wasm/${NAME}_node.wasm (Node)" "$(kb "$(wc -c <"$OUT/${NAME}_node.wasm")")" "$(kb "$(gz "$OUT/${NAME}_node.wasm")")"
tarball=$(cd pkg && npm pack --dry-run --json 2>/dev/null | node -e '
let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
  const [p] = JSON.parse(s); console.log(p.size + " " + p.unpackedSize + " " + p.entryCount); });')
read -r tar_size tar_unpacked tar_files <<<"$tarball"
row "npm tarball ($tar_files files)" "$(kb "$tar_unpacked")" "$(kb "$tar_size")"
echo "  (the module includes the messages in English and Chinese; the tarball adds node.js and"
echo "   the speed-first module it reads, the catalogue, the README and the TypeScript declarations)"
echo
# What the package promises the module does not hold: float formatting (core's, ryu's or
# zmij's), serde_json, and std's io error texts. A match fails the build, naming the functions.
node scripts/wasm-size.mjs "$named" --top 15 \
    --forbid '(^|[^a-z_])(zmij|ryu|serde_json)::|core::fmt::float|flt2dec|std::io::error'
