#!/usr/bin/env bash
# The release build of the app: installs what is missing (scripts/setup.sh), then
# `trunk build --release` with the size options below, into dist/. This is the build to publish,
# and the one scripts/test.sh and scripts/perf.sh check. Extra arguments go to trunk
# (e.g. --dist DIR).
#
# Size options (about 28 KB less for a first visit to download, 7 % of it):
#   - the standard library is compiled for the app (-Zbuild-std) with its `optimize_for_size`
#     feature, instead of the prebuilt copy that rustup ships;
#   - a panic stops the wasm at once (-Cpanic=immediate-abort) without formatting its message.
#     In the browser nothing ever shows that message (wasm32-unknown-unknown has no stderr and
#     the app sets no panic hook), so nothing visible is lost: either way the wasm traps.
#   - no inlining in MIR, before LLVM (-Zinline-mir=no; LLVM still inlines): 0.5 KB less
#     (xz), the 10,000-run batch in the browser as fast (0.58 s against 0.59 s with it, median
#     of 5 each, scripts/batchtime.mjs, 2026-11-30).
# These are unstable options of the stable compiler. RUSTC_BOOTSTRAP=1 allows them for this one
# build and nothing else: debug builds (serve.sh), the tests' builds and the native command line
# use Rust as shipped. The model's numbers do not change (the e2e tests compare the browser's
# checksums with the native ones).
#
# A later Rust may rename these options. If the build with them fails, this script says so and
# builds without them: the app still works, but is about 28 KB bigger (scripts/test.sh then
# holds it to the budget of a build without them, and says so).
# ALIANSI_SIZE_OPTIONS=0 builds without them on purpose. If ALIANSI_BUILD_REPORT names a file,
# the script writes into it `size-options=on` or `size-options=off` (scripts/test.sh reads it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ALIANSI_ROOT"

size_env=(
  RUSTC_BOOTSTRAP=1
  CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS=-Zunstable-options -Cpanic=immediate-abort -Zinline-mir=no"
)

if [ "${ALIANSI_SIZE_OPTIONS:-1}" = 0 ]; then
  echo "==> release build without the size options (ALIANSI_SIZE_OPTIONS=0)"
  size_env=()
else
  # Trunk runs cargo offline, and the standard library's own dependencies (dlmalloc and a few
  # more) are not in Cargo.lock: this first cargo build fetches them, then compiles everything,
  # so that Trunk's cargo build below finds nothing left to do.
  echo "==> release build with the size options: cargo build (the standard library too; about a minute the first time)"
  if ! env "${size_env[@]}" cargo build --release --target wasm32-unknown-unknown --bin aliansi-app; then
    echo "" >&2
    echo "WARNING: the build with the size options failed with $(rustc --version); building without" >&2
    echo "         them. If this Rust refused the options, the app will work but be about 28 KB" >&2
    echo "         bigger (see scripts/build.sh). If the next build fails too, the error is in the code." >&2
    size_env=()
  fi
fi

if [ -n "${ALIANSI_BUILD_REPORT:-}" ]; then
  echo "size-options=$([ ${#size_env[@]} -gt 0 ] && echo on || echo off)" >"$ALIANSI_BUILD_REPORT"
fi

# The wasm splitter (crates/split), a native tool that scripts/minify-js.mjs runs after Trunk's
# wasm-opt: the first visit downloads the part of the wasm it runs, the rest comes after.
if [ "${ALIANSI_SPLIT:-on}" != off ]; then
  echo "==> cargo build --release -p aliansi-split (the wasm splitter)"
  cargo build --release -p aliansi-split
  export ALIANSI_SPLITTER="${CARGO_TARGET_DIR:-$ALIANSI_ROOT/target}/release/aliansi-split"
fi

echo "==> trunk build --release $*"
exec env "${size_env[@]}" trunk build --release "$@"
