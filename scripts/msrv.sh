#!/usr/bin/env bash
# Checks the minimum supported Rust version: installs the toolchain named by `rust-version` in
# Cargo.toml (or the version given) with rustup, then builds the library without default
# features and the library with the CLI, from the lock file. Its own target directory keeps
# the main build warm. With an older VERSION it shows that the code needs the one claimed
# (`--ignore-rust-version` lets cargo try).
#
#   scripts/msrv.sh [VERSION]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

version=${1:-$(sed -n 's/^rust-version = "\(.*\)"$/\1/p' Cargo.toml)}
[[ -n $version ]] || { echo "msrv: no rust-version in Cargo.toml" >&2; exit 1; }

rustup toolchain install "$version" --profile minimal --no-self-update
export CARGO_TARGET_DIR=target/msrv
cargo "+$version" build --locked --ignore-rust-version --lib --no-default-features
cargo "+$version" build --locked --ignore-rust-version
echo "msrv: Rust $version builds the library and the CLI"
