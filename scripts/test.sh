#!/usr/bin/env bash
# Quick start 2: installs what is missing, then runs every test:
#   1. native tests of the core, wire formats and command line, and the model validation
#   2. native unit tests of the app (chart geometry, i18n, reducer)
#   3. wasm tests in headless Chromium (the core gives the native golden checksum in a browser)
#   4. the release build (scripts/build.sh: `trunk build --release` with its size options), the
#      page weight check (see PAGE_WEIGHT_BUDGET_KB), then the Playwright end-to-end test of the
#      built page
# Stops at the first failure with a non-zero exit status.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ALIANSI_ROOT"

E2E_DIR="$ALIANSI_ROOT/tests/e2e"
T_START=$SECONDS
SUMMARY=()

# step NAME COMMAND...: runs one test step; on failure says which and stops.
step() {
  local name="$1" t0=$SECONDS
  shift
  echo ""
  echo "==> $name"
  echo "    \$ $*"
  if ! "$@"; then
    echo "" >&2
    echo "FAILED: $name (after $((SECONDS - t0)) s)" >&2
    echo "  command: $*" >&2
    exit 1
  fi
  SUMMARY+=("$(printf '%5d s  %s' $((SECONDS - t0)) "$name")")
}

# step_noexit NAME COMMAND...: as `step`, but on failure returns 1 instead of stopping.
step_noexit() {
  local name="$1" t0=$SECONDS
  shift
  echo ""
  echo "==> $name"
  echo "    \$ $*"
  if ! "$@"; then
    echo "FAILED: $name (after $((SECONDS - t0)) s); going on, the script will exit 1" >&2
    SUMMARY+=("$(printf '%5d s  %s (FAILED)' $((SECONDS - t0)) "$name")")
    return 1
  fi
  SUMMARY+=("$(printf '%5d s  %s' $((SECONDS - t0)) "$name")")
}

# step_twice NAME COMMAND...: as `step`, for steps that drive a browser: on failure, prints the
# lines that say what failed, and runs the step once more. Passing then, the script goes on and
# repeats those lines at its very end under "FAILED ONCE", so that a flaky check is seen (the
# CI keeps only the end of the output); failing again, it stops there.
FAILED_ONCE=()
step_twice() {
  local name="$1" t0=$SECONDS log
  shift
  log="$(mktemp)"
  echo ""
  echo "==> $name"
  echo "    \$ $*"
  if "$@" 2>&1 | tee "$log"; then
    SUMMARY+=("$(printf '%5d s  %s' $((SECONDS - t0)) "$name")")
    rm -f "$log"
    return 0
  fi
  local digest
  digest="$(failure_lines "$log")"
  echo "" >&2
  echo "FAILED: $name (after $((SECONDS - t0)) s); what failed:" >&2
  echo "$digest" >&2
  echo "==> running it once more, to tell a flaky check from a broken one" >&2
  if "$@" 2>&1 | tee "$log"; then
    SUMMARY+=("$(printf '%5d s  %s (failed once, passed when run again)' $((SECONDS - t0)) "$name")")
    FAILED_ONCE+=("$name:" "$digest")
    rm -f "$log"
    return 0
  fi
  echo "" >&2
  echo "FAILED again: $name (after $((SECONDS - t0)) s); the first time:" >&2
  echo "$digest" >&2
  echo "the second time:" >&2
  failure_lines "$log" >&2
  echo "  command: $*" >&2
  rm -f "$log"
  exit 1
}

# failure_lines LOG: the lines of a test log that say what failed (at most 40): a panic with
# the line after it (its message), and lines naming a failure, an assertion or a timeout.
failure_lines() {
  awk 'after { print; after = 0; next }
       /panicked at/ { print; after = 1; next }
       /^[ \t]+[0-9]+: |^[ \t]+at / { next }
       tolower($0) ~ /assert|test result:|fail|timed out|timeout|error:|crash/ { print }' "$1" \
    | head -n 40 | sed 's/^/    | /'
}

# --- test-only tools ---------------------------------------------------------------------
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  install_step "chromium, chromium-driver and fonts-liberation (apt)" apt_install chromium chromium-driver fonts-liberation
fi
CHROMIUM="$(command -v chromium)"
CHROMEDRIVER="$(command -v chromedriver)"
export CHROMIUM CHROMEDRIVER

# playwright-core only (it never downloads a browser; the system Chromium is used).
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
want_pw="$(node -p 'require("./tests/e2e/package-lock.json").packages["node_modules/playwright-core"].version')"
have_pw="$(node -p 'try { require("./tests/e2e/node_modules/playwright-core/package.json").version } catch { "" }')"
if [ "$want_pw" != "$have_pw" ]; then
  install_step "playwright-core $want_pw (npm ci in tests/e2e)" \
    npm ci --prefix "$E2E_DIR" --no-audit --no-fund --loglevel=error
fi
echo "==> test tools ready: $("$CHROMIUM" --version 2>/dev/null), $("$CHROMEDRIVER" --version | cut -d' ' -f1-2), playwright-core $want_pw"

# --- tests ---------------------------------------------------------------------------------
step "native tests: core, wire, words, cli, wasm splitter" \
  cargo test -p aliansi-sim -p aliansi-wire -p aliansi-text -p aliansi-cli -p aliansi-split

# The research findings F1-F12 and the edge cases, at a size that fits CI (exits 1 on a failure).
step "model validation (aliansi validate --quick)" \
  cargo run --release --quiet --bin aliansi -- validate --quick

step "native tests: app (chart geometry, i18n, state; tidy rules of the download)" \
  cargo test -p aliansi-app --lib --test tidy

# Every tests/wasm_*.rs file, in headless Chromium (flags in webdriver.json).
wasm_tests=()
for f in tests/wasm_*.rs; do
  wasm_tests+=(--test "$(basename "$f" .rs)")
done
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-300}"
step_twice "wasm tests in headless Chromium (${wasm_tests[*]})" \
  cargo test -p aliansi-app --target wasm32-unknown-unknown "${wasm_tests[@]}"

BUILD_REPORT="$(mktemp)"
step "release build (scripts/build.sh)" \
  env ALIANSI_BUILD_REPORT="$BUILD_REPORT" bash "$ALIANSI_ROOT/scripts/build.sh"

# Page weight: the gzipped total of what a first visit fetches before the page is interactive
# (scripts/pageweight.mjs, which also prints the time to interactive, and what comes after: the
# second part of the wasm and the offline copy). The budget is issue 6's 300 KB. The release
# build splits the wasm in two (crates/split, scripts/minify-js.mjs): what a first visit runs,
# and the rest, fetched once the page runs. The split follows crates/split/cold.txt, the
# profile of a first visit (scripts/split-profile.mjs): new code that a first visit does not run
# stays in the first part until the profile is made again, so when this check fails, make the
# profile again first (DEVELOPERS.md, "The wasm in two parts"), then look for what grew.
# History: the single wasm grew from 337.9 KB (2026-11-29) to 414.7 KB (2026-12-02) under
# budgets raised with each stop's features; the split (2026-12-03) took the first load to
# about 288 KB.
# A Rust that refuses the size options builds bigger (27.8 KB more on 2026-11-30,
# `ALIANSI_SIZE_OPTIONS=0 bash scripts/build.sh`): that build is held to the budget plus 29 KB,
# with a warning. Over budget, the step fails; the end-to-end tests still run, then the script
# exits 1.
PAGE_WEIGHT_BUDGET_KB=300
if ! grep -qx 'size-options=on' "$BUILD_REPORT"; then
  without=$((PAGE_WEIGHT_BUDGET_KB + 29))
  echo "WARNING: the release build was made without scripts/build.sh's size options (see its" >&2
  echo "         output above): page-weight budget $without KB instead of $PAGE_WEIGHT_BUDGET_KB KB." >&2
  PAGE_WEIGHT_BUDGET_KB=$without
fi
rm -f "$BUILD_REPORT"
PAGE_WEIGHT_FAILED=""
if ! step_noexit "page weight of dist/ (at most $PAGE_WEIGHT_BUDGET_KB KB gzipped before the page is interactive)" \
  node "$ALIANSI_ROOT/scripts/pageweight.mjs" "$ALIANSI_ROOT/dist" --max-kb "$PAGE_WEIGHT_BUDGET_KB" --loads 3; then
  PAGE_WEIGHT_FAILED=1
fi

# run-all.mjs runs a file that fails once more itself, and lists here one that then passed.
E2E_FAILED_ONCE_FILE="$(mktemp)"
export E2E_FAILED_ONCE_FILE
step "end-to-end test of dist/ (Playwright, headless Chromium)" \
  node "$E2E_DIR/run-all.mjs" "$ALIANSI_ROOT/dist"
if [ -s "$E2E_FAILED_ONCE_FILE" ]; then
  FAILED_ONCE+=("end-to-end test of dist/:" "$(cat "$E2E_FAILED_ONCE_FILE")")
fi
rm -f "$E2E_FAILED_ONCE_FILE"

if [ -n "$PAGE_WEIGHT_FAILED" ]; then
  echo "" >&2
  echo "FAILED: page weight of dist/ is above $PAGE_WEIGHT_BUDGET_KB KB gzipped (see the step's output above)" >&2
  exit 1
fi

echo ""
echo "All tests passed in $((SECONDS - T_START)) s:"
printf '%s\n' "${SUMMARY[@]}"
if [ ${#FAILED_ONCE[@]} -gt 0 ]; then
  echo ""
  echo "FAILED ONCE (passed when run again; a flaky check to mend):"
  printf '%s\n' "${FAILED_ONCE[@]}"
fi
