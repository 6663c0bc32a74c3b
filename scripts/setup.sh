#!/usr/bin/env bash
# Installs what building and testing cloudaudit-lint needs. Idempotent: a re-run with everything
# present prints one "present" line per component and takes well under a second.
#
#   scripts/setup.sh [rust] [wasm] [browser] [editor] [node] [python] [fuzz] [mutants]
#                    (no argument: rust wasm browser editor node python)
#
#   rust     rustfmt and clippy for the active toolchain
#   wasm     wasm32-unknown-unknown target; wasm-bindgen-cli at the wasm-bindgen version in
#            Cargo.lock; the pinned nightly (scripts/env.sh) with its wasm32 target and
#            rust-src, which the browser module is built with
#   browser  Debian's chromium, chromium-driver and a CJK font (wasm-bindgen tests and www/)
#   editor   Debian's neovim (the language server's test drives its built-in LSP client)
#   node     npm ci in pkg/, pkg/test/interop/, pkg/test/packaging/, www/, tests/node/ and
#            benches/node/ (each only if it has a package.json)
#   python   a venv in target/py with pre-commit and junitparser (the CI-format tests use them)
#   fuzz     cargo-fuzz and the pinned nightly (for the fuzz script; not part of the default set)
#   mutants  cargo-mutants (for the mutation-testing script; not part of the default set)
#
# cargo installs go to $CARGO_HOME/bin (default ~/.cargo/bin). Other scripts put that and
# pkg/node_modules/.bin on PATH with `source scripts/env.sh`.
set -euo pipefail

CARGO_FUZZ_VERSION=0.13.2
CARGO_MUTANTS_VERSION=27.1.0

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
CARGO_BIN="$CARGO_HOME/bin"
CALLER_PATH="$PATH"
# shellcheck source=scripts/env.sh
source scripts/env.sh

LOG_DIR=""            # logs of background installs and quiet steps (made in main, kept on failure)
declare -a BG_PIDS=() # background `cargo install`s: pid, then what, then its log, repeated

say() { printf '%s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

usage() {
    sed -n '5,/^# cargo installs/{/^# cargo installs/!s/^# \{0,1\}//p}' scripts/setup.sh
}

log_file() { printf '%s/%s.log' "$LOG_DIR" "$1"; }

# Runs a noisy command with its output in a log; shows the end of the log if it fails.
quietly() {
    local name=$1 log
    shift
    log="$(log_file "$name")"
    if ! "$@" >"$log" 2>&1; then
        tail -n 40 "$log" >&2
        die "'$*' failed (full log: $log)"
    fi
}

as_root() {
    if [[ $EUID -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null; then
        sudo "$@"
    else
        die "need root (or sudo) for: $*"
    fi
}

duration() { # 65 -> "1m05s", 7 -> "7s"
    if (($1 >= 60)); then printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); else printf '%ds' "$1"; fi
}
elapsed() { duration $((SECONDS - $1)); } # time since $1 (a $SECONDS value)

# --- Rust toolchain ----------------------------------------------------------------------------

need_rustup() {
    if ! command -v rustup >/dev/null || ! command -v cargo >/dev/null; then
        die "rustup and cargo not found (neither on PATH nor in ~/.cargo/bin)"
    fi
}

# The sysroot of the toolchain this repo uses (rust-toolchain.toml, if any, is honoured because
# we run from the repo root). RUSTUP_AUTO_INSTALL=0 is set on these machines, so a toolchain
# named by a toolchain file is not installed on first use: do it explicitly.
SYSROOT=""
toolchain_sysroot() {
    [[ -n $SYSROOT ]] && return
    need_rustup
    if ! SYSROOT="$(rustc --print sysroot 2>/dev/null)"; then
        say "rust: installing the active toolchain..."
        quietly rustup-toolchain rustup toolchain install
        SYSROOT="$(rustc --print sysroot)"
    fi
}

setup_rust() {
    toolchain_sysroot
    # Looking for the binaries in the sysroot is much faster than `rustup component list`.
    if [[ -x $SYSROOT/bin/rustfmt && -x $SYSROOT/bin/cargo-clippy ]]; then
        say "rust: present ($(rustc --version | cut -d' ' -f1-2), rustfmt, clippy)"
        return
    fi
    local t0=$SECONDS
    say "rust: adding rustfmt and clippy..."
    quietly rustup-components rustup component add rustfmt clippy
    say "rust: installed rustfmt and clippy in $(elapsed "$t0")"
}

# --- cargo installs (run in the background, in parallel) --------------------------------------

# Prints the version a binary in $CARGO_BIN reports ("wasm-bindgen 0.2.130" -> "0.2.130"), or nothing.
# Only $CARGO_BIN counts: with a fresh CARGO_HOME, tools in ~/.cargo/bin must not be taken.
installed_version() {
    [[ -x $CARGO_BIN/$1 ]] || return 0
    "$CARGO_BIN/$1" --version 2>/dev/null | awk '{ print $2; exit }'
}

# Starts `cargo install CRATE@VERSION` in the background; wait_installs collects it.
# Building two or three tools side by side on 2 cores overlaps their single-threaded stretches
# (downloads, build scripts, the final crate and its link) and the apt/npm steps that follow.
start_install() {
    local crate=$1 version=$2 log
    log="$(log_file "$crate")"
    say "${3:-wasm}: building $crate $version with cargo install (this takes a while)..."
    # No --locked: wasm-bindgen-cli's own lock file wants a webpki-roots release the registry
    # does not serve, so a locked install fails here. --force replaces a different version.
    # --root makes the destination explicit ($CARGO_HOME/bin, also with a fresh CARGO_HOME);
    # CARGO_TARGET_DIR is dropped so each install gets its own temporary build directory
    # instead of all of them queueing on one lock.
    # set -m gives the job its own process group, so cleanup can stop cargo and its rustcs.
    set -m
    (
        t0=$SECONDS
        env -u CARGO_TARGET_DIR cargo install --force --root "$CARGO_HOME" \
            "$crate" --version "$version"
        echo "$((SECONDS - t0))" >"$log.seconds"
    ) >"$log" 2>&1 &
    set +m
    BG_PIDS+=("$!" "${3:-wasm}: $crate $version" "$log")
}

wait_installs() {
    local i pid what log failed=0
    for ((i = 0; i < ${#BG_PIDS[@]}; i += 3)); do
        pid=${BG_PIDS[i]} what=${BG_PIDS[i + 1]} log=${BG_PIDS[i + 2]}
        if wait "$pid"; then
            say "${what%%:*}: installed ${what#*: } in $(duration "$(<"$log.seconds")")"
        else
            tail -n 40 "$log" >&2
            printf 'setup: error: cargo install of %s failed (full log: %s)\n' "${what#*: }" "$log" >&2
            failed=1
        fi
    done
    BG_PIDS=()
    ((failed == 0)) || exit 1
}

# --- wasm ---------------------------------------------------------------------------------------

# The wasm-bindgen version in Cargo.lock: the CLI and test runner refuse modules made by any
# other version, so the CLI must match it exactly.
locked_wasm_bindgen_version() {
    [[ -f Cargo.lock ]] || die "no Cargo.lock: run 'cargo generate-lockfile' first"
    local v
    v="$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
    [[ -n $v ]] || die "Cargo.lock has no wasm-bindgen package"
    printf '%s' "$v"
}

# Whether the toolchain at sysroot $1 has the wasm32-unknown-unknown target's standard library.
has_wasm32() { [[ -d $1/lib/rustlib/wasm32-unknown-unknown/lib ]]; }

# The pinned nightly (NIGHTLY_TOOLCHAIN, scripts/env.sh), with the targets and components in
# "$@" (rustup's own flags). Returns 1 when it installed something, 0 when all was present.
setup_nightly() {
    local what=$1 sysroot t0
    shift
    need_rustup
    if sysroot="$(rustup run "$NIGHTLY_TOOLCHAIN" rustc --print sysroot 2>/dev/null)"; then
        local missing=0 arg
        for arg in "$@"; do
            case $arg in
                wasm32-unknown-unknown) has_wasm32 "$sysroot" || missing=1 ;;
                rust-src) [[ -f $sysroot/lib/rustlib/src/rust/library/Cargo.lock ]] || missing=1 ;;
            esac
        done
        ((missing)) || return 0
    fi
    t0=$SECONDS
    say "$what: installing $NIGHTLY_TOOLCHAIN ($*)..."
    quietly rustup-nightly rustup toolchain install "$NIGHTLY_TOOLCHAIN" --profile minimal \
        --no-self-update "$@"
    say "$what: installed $NIGHTLY_TOOLCHAIN in $(elapsed "$t0")"
    return 1
}

setup_wasm() {
    local want_bindgen have_bindgen todo=0 t0
    want_bindgen="$(locked_wasm_bindgen_version)"
    have_bindgen="$(installed_version wasm-bindgen)"
    toolchain_sysroot

    if [[ $have_bindgen != "$want_bindgen" || ! -x $CARGO_BIN/wasm-bindgen-test-runner ]]; then
        [[ -z $have_bindgen ]] || say "wasm: wasm-bindgen $have_bindgen installed, Cargo.lock wants $want_bindgen"
        start_install wasm-bindgen-cli "$want_bindgen"
        todo=1
    fi
    if ! has_wasm32 "$SYSROOT"; then
        t0=$SECONDS
        say "wasm: adding the wasm32-unknown-unknown target..."
        quietly rustup-target rustup target add wasm32-unknown-unknown
        say "wasm: added the wasm32-unknown-unknown target in $(elapsed "$t0")"
        todo=1
    fi
    setup_nightly wasm --target wasm32-unknown-unknown --component rust-src || todo=1
    # Debian's binaryen (wasm-opt 108) silently produces broken modules from current
    # wasm-bindgen output; the good wasm-opt comes from the npm package binaryen in pkg/.
    if [[ -x /usr/bin/wasm-opt ]]; then
        say "wasm: warning: /usr/bin/wasm-opt (Debian's binaryen) breaks modules: apt-get remove binaryen"
    fi
    ((todo)) || say "wasm: present (wasm32 target, wasm-bindgen $have_bindgen, $NIGHTLY_TOOLCHAIN)"
}

# --- browser ------------------------------------------------------------------------------------

major_version() { # first "N.N" in $1 -> N
    [[ $1 =~ ([0-9]+)\.[0-9]+ ]] && printf '%s' "${BASH_REMATCH[1]}"
}

# A CJK font, so that the demo page's Chinese renders as text in screenshots, not as boxes.
CJK_FONT_PACKAGE=fonts-wqy-microhei
CJK_FONT_FILE=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc

setup_browser() {
    local t0 chromium driver state=present
    if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || [[ ! -f $CJK_FONT_FILE ]]; then
        t0=$SECONDS
        say "browser: installing Debian's chromium, chromium-driver and $CJK_FONT_PACKAGE (apt-get)..."
        export DEBIAN_FRONTEND=noninteractive
        quietly apt-update as_root apt-get update
        quietly apt-install as_root apt-get install -y --no-install-recommends \
            chromium chromium-driver "$CJK_FONT_PACKAGE"
        say "browser: installed chromium, chromium-driver and $CJK_FONT_PACKAGE in $(elapsed "$t0")"
        state=installed
    fi
    # 2>/dev/null: Debian's launcher prints a harmless "[: ...: unexpected operator" here, from
    # /etc/chromium.d/dev-shm (findmnt lists /dev/shm twice on these machines).
    chromium="$(chromium --version 2>/dev/null)" || die "chromium is installed but 'chromium --version' fails"
    driver="$(chromedriver --version 2>/dev/null)" || die "'chromedriver --version' fails"
    if [[ $(major_version "$chromium") != "$(major_version "$driver")" ]]; then
        say "browser: warning: versions disagree: '$chromium' vs '$driver'"
        say "browser:   the test runner needs matching majors: apt-get install --only-upgrade chromium chromium-driver"
    else
        say "browser: $state (chromium and chromedriver $(major_version "$chromium"))"
    fi
}

# --- editor -------------------------------------------------------------------------------------

setup_editor() {
    local t0 state=present version
    if ! command -v nvim >/dev/null; then
        t0=$SECONDS
        say "editor: installing Debian's neovim (apt-get)..."
        export DEBIAN_FRONTEND=noninteractive
        quietly apt-update as_root apt-get update
        quietly apt-install-editor as_root apt-get install -y --no-install-recommends neovim
        say "editor: installed neovim in $(elapsed "$t0")"
        state=installed
    fi
    version="$(nvim --version 2>/dev/null | head -n 1)" || die "neovim is installed but 'nvim --version' fails"
    say "editor: $state ($version)"
}

# --- node ---------------------------------------------------------------------------------------

# A folder needs npm when it has no install stamp yet, or when package.json or package-lock.json
# changed since the last install. (A stamp of our own rather than node_modules' mtime: npm writes
# no node_modules at all for a package without dependencies, and `npm install` writes the lock
# file after node_modules.)
npm_needed() {
    local dir=$1 stamp=$1/node_modules/.setup-stamp
    [[ ! -f $stamp || $dir/package.json -nt $stamp ]] && return 0
    [[ -f $dir/package-lock.json && $dir/package-lock.json -nt $stamp ]]
}

# Every Node project in the repository: the npm package, its tests against the official SDKs and
# form libraries, the demo page, the CLI-level JS tests and the JavaScript benchmark.
NODE_PROJECTS=(pkg pkg/test/interop pkg/test/packaging www tests/node benches/node)

setup_node() {
    local dir t0 done_dirs=() present=()
    for dir in "${NODE_PROJECTS[@]}"; do
        [[ -f $dir/package.json ]] || continue
        if ! npm_needed "$dir"; then
            present+=("$dir/")
            continue
        fi
        command -v npm >/dev/null || die "npm not found (Node.js 20 is expected on these machines)"
        t0=$SECONDS
        if [[ -f $dir/package-lock.json ]]; then
            say "node: npm ci in $dir/..."
            (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
        else
            say "node: npm install in $dir/ (no package-lock.json)..."
            (cd "$dir" && npm install --no-audit --no-fund --loglevel=error)
        fi
        mkdir -p "$dir/node_modules" && touch "$dir/node_modules/.setup-stamp"
        done_dirs+=("$dir/")
        say "node: installed $dir/ dependencies in $(elapsed "$t0")"
    done
    if ((${#present[@]})); then
        say "node: present (${present[*]} node_modules up to date)"
    elif ((${#done_dirs[@]} == 0)); then
        say "node: present (no package.json in ${NODE_PROJECTS[*]}, nothing to install)"
    fi
}

# --- python -------------------------------------------------------------------------------------

# The tests of the pre-commit hooks and of the JUnit output run the real consumers from PyPI.
PYTHON_VENV=target/py
PYTHON_PACKAGES=(pre-commit==4.7.0 junitparser==5.0.3)

setup_python() {
    local want="${PYTHON_PACKAGES[*]}" t0
    if [[ -f $PYTHON_VENV/.setup-stamp && $(<"$PYTHON_VENV/.setup-stamp") == "$want" ]]; then
        say "python: present ($want in $PYTHON_VENV)"
        return
    fi
    command -v python3 >/dev/null || die "python3 not found (CPython 3.11 is expected on these machines)"
    t0=$SECONDS
    say "python: installing $want into $PYTHON_VENV..."
    quietly python-venv python3 -m venv "$PYTHON_VENV"
    quietly python-pip "$PYTHON_VENV/bin/pip" install --disable-pip-version-check "${PYTHON_PACKAGES[@]}"
    printf '%s' "$want" >"$PYTHON_VENV/.setup-stamp"
    say "python: installed $want in $(elapsed "$t0")"
}

# --- fuzz ---------------------------------------------------------------------------------------

setup_fuzz() {
    local have
    setup_nightly fuzz || true
    have="$(installed_version cargo-fuzz)"
    if [[ -n $have ]]; then
        say "fuzz: present (cargo-fuzz $have)"
    else
        start_install cargo-fuzz "$CARGO_FUZZ_VERSION" fuzz
    fi
}

# --- mutants ------------------------------------------------------------------------------------

setup_mutants() {
    local have=""
    # A cargo subcommand: it answers `--version` only after its own name.
    [[ -x $CARGO_BIN/cargo-mutants ]] && have="$("$CARGO_BIN/cargo-mutants" mutants --version | awk '{ print $2 }')"
    if [[ $have == "$CARGO_MUTANTS_VERSION" ]]; then
        say "mutants: present (cargo-mutants $have)"
    else
        start_install cargo-mutants "$CARGO_MUTANTS_VERSION" mutants
    fi
}

# --- main ---------------------------------------------------------------------------------------

cleanup() { # on an early exit, stop the background installs this script started
    local i
    for ((i = 0; i < ${#BG_PIDS[@]}; i += 3)); do
        kill -- "-${BG_PIDS[i]}" 2>/dev/null || true
    done
    if [[ $1 -eq 0 ]]; then rm -rf "$LOG_DIR"; fi
}

main() {
    local -A want=()
    local arg c
    (($#)) || set -- rust wasm browser editor node python
    for arg; do
        case $arg in
            rust | wasm | browser | editor | node | python | fuzz | mutants) want[$arg]=1 ;;
            -h | --help) usage; exit 0 ;;
            *) printf "setup: unknown component '%s'\n" "$arg" >&2; usage >&2; exit 2 ;;
        esac
    done
    LOG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/cloudaudit-setup.XXXXXX")"
    trap 'cleanup $?' EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    # Fixed order: the slow cargo installs (wasm, fuzz) build in the background while the
    # apt and npm steps run; wait_installs collects them at the end.
    for c in rust wasm fuzz mutants browser editor node python; do
        [[ -z ${want[$c]:-} ]] || "setup_$c"
    done
    wait_installs
    if [[ -n ${want[wasm]:-}${want[fuzz]:-}${want[mutants]:-} && ":$CALLER_PATH:" != *":$CARGO_BIN:"* ]]; then
        say "note: $CARGO_BIN is not on your PATH: 'source scripts/env.sh' puts it there"
    fi
}

main "$@"
