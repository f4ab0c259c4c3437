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
step "native tests: core, wire, words, cli" \
  cargo test -p aliansi-sim -p aliansi-wire -p aliansi-text -p aliansi-cli

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
step "wasm tests in headless Chromium (${wasm_tests[*]})" \
  cargo test -p aliansi-app --target wasm32-unknown-unknown "${wasm_tests[@]}"

BUILD_REPORT="$(mktemp)"
step "release build (scripts/build.sh)" \
  env ALIANSI_BUILD_REPORT="$BUILD_REPORT" bash "$ALIANSI_ROOT/scripts/build.sh"

# Page weight: the gzipped total of everything the first load fetches (the page and its service
# worker's offline cache; scripts/pageweight.mjs, which also prints the time to interactive).
# The goal is 300 KB (issue 6), not met yet: the first load is about 360 KB (docs/PERFORMANCE.md;
# 429.5 KB before the wasm was sent compressed by xz, 359.6 KB before scripts/build.sh's size
# options). Until the app is shrunk, this budget stops it from growing; lower it as it shrinks,
# never raise it without saying why. Raised once, 345 -> 350 KB, on 2026-11-29: a reload that
# brings back the variants, the lesson, the modes and the run with the class's decisions, and
# the mending of two audits (import and link errors worded in both languages, among others)
# took the first load from 337.9 to 344.8 KB, leaving no room. Raised again, 350 -> 355 KB, on
# 2026-11-29 (a later stop): what three audits found (a watchdog for workers that never start,
# undo in the library, bringing back a scenario a load replaced, links that survive chat apps,
# touch-sized controls, a lesson's jump to its comparison, the offline notice, titles on
# exported charts) took the first load from 345.3 to 351.0 KB, after taking 1.8 KB out (the
# wire errors' Display no longer in the wasm). Raised a third time, 355 -> 357 KB, on 2026-11-29
# (a later stop): the xz decoder's wasm taken out of its script saved 2.3 KB, and what two
# audits found (accessibility: announced results, named charts, focus, forced colours, a
# switch for single-key shortcuts; a trainer's class: a verdict that no longer contradicts its
# table, a run's story that no longer contradicts itself and explains a regulator's ending, the
# decision card holding the run) and undo for a removed variant spent 4.8 KB: 353.3 -> 355.8 KB.
# No compiler or wasm-opt option found 1 KB (-Zlocation-detail=none 0.1 KB, wasm-opt passes at
# most 0.15 KB). Raised a fourth time, 357 -> 361 KB, on 2026-11-29 (a later stop): what a
# student on a phone in Bahasa Indonesia found (a bar that keeps Pause and the month at hand
# while a run plays, the heat map kept readable, trust no longer the "worst trouble" of an
# alliance with one partner left, thousands marks in whole numbers, words that explain units,
# workers and verdicts), Back and Forward bringing back the variants, partners of one name told
# apart and the decision card's follow-up line took 356.0 to about 358.7 KB, and the run
# charts' numbers as tables (the accessibility audit's last open item) to 359.8 KB; the CLI's
# checks of part files were kept out of the app (0.9 KB). Tried again and not kept: the core at
# opt-level "s" (2.9 KB less, batches 10% slower), -Zinline-mir=no (0.2 KB more),
# -Zfmt-debug=none (0.1 KB less); str::to_lowercase costs 4 KB (Unicode tables: not used).
# Raised a fifth time, 361 -> 364 KB, on 2026-11-29 (stop 25): two numbers audits' fixes (a
# leaver's last month in its charts and CSV, exit penalties said where payoffs are, the hazard's
# short last year and its small bars labelled, what final trust counts; reviews that reopen
# disputes said in the log, Share's word on a class's choices, downloaded titles wrapped), CSVs
# in the Indonesian spreadsheet form and a notice for scenario links took 360.2 to 362.3 KB;
# a claims audit's corrections (22 texts that said more than the model does, rewritten in both
# languages so that they say what it does) took it to 363.3 KB.
# serde_json without its std feature was tried for the io error strings in the wasm: no
# smaller (they come from elsewhere).
# Raised a sixth time, 364 -> 367 KB, on 2026-11-29 (stop 26): links of a run that carry the
# class's choices in decision mode (the s2 link format, its encoder and decoder in the app, the
# replay of planned choices, two notices in both languages) took 362.9 to 365.3 KB; shares that
# add up to 100%, the run CSV's month-0 row and saved dates as people read them to 366.7 KB;
# the network's name halos, the '?' column and the Run-again button in its card took 0.1 KB off.
# Then 367 -> 369 -> 370 KB in the same stop: what a classroom audit found in that flow (the comparison
# naming where the class's choices differ, a shared run saying when its choices are set aside,
# a revealed lesson part scrolled into view, the decision card fitting the screen, a notice's
# horizon in the page's language, Compare fairly's differences as printed and its note on
# decision mode) took 366.6 to 368.6 KB; on a projector, Space bringing the run into view and a
# re-shared run saying it goes without the class's choices, to 369.1 KB: 370 KB.
# Raised 370 -> 371 KB on 2026-11-30 (stop 27): the decision card saying what the gauges did
# since the class's last choice, and Share and an opened run counting the choices the ladder
# would not have made, took 369.5 to 370.6 KB (dropping serde_path_to_error would save 3.5 KB,
# at the cost of the field path in a scenario file's errors: not done). Then 371 -> 372 KB in
# the same stop: what an offline-classroom audit found (asking the browser to keep the offline
# copy, the offline line while an update waits, exported files named after their scenario)
# and a 1024x768 projector's layout took it to 371.2 KB. Raised 372 -> 373 KB on 2026-11-30
# (stop 28): the model's changes and what users must be told of them (edge case E5 in About,
# the model's version there in both languages, the editor's help for volatility, reviews and
# the legal form saying what they now do; the texts shortened once; the printed debrief naming
# the model) took it to 372.0 KB. Raised 373 -> 374 KB on 2026-11-30 (stop 29): two more
# mended levers that users must be told of (edge cases E6 and E7 in About; the editor's help
# for monitoring, transparency and learning intent and About's trust text saying what they
# now do, in both languages; the help texts shortened once) took it to 372.9 KB, and the
# workers' fix (worker.js keeping the messages that come while the app loads) to 373.3 KB.
# Raised 374 -> 375 KB on 2026-11-30 (stop 30), with 0.04 KB left under 374: links that name
# the model they were made with and the notice's word when one comes from another model (both
# languages), edge case E8 in About, the adaptation lesson's third variant and question, and
# the model's name under every downloaded chart took it to 374.0 KB (six strings no code used
# any more were removed: 0.03 KB).
# Lowered 375 -> 374 KB on 2026-11-30 (stop 31): scripts/build.sh's third size option
# (-Zinline-mir=no) took the first load from 374.1 KB to 373.6 KB.
# Raised 374 -> 376 KB on 2026-11-30 (stop 33): issue 5 asks that any choice of the scenario
# can be swept, and the page could not sweep the resolution ladder. Sweeping it over eight
# common ladders (the core's catalogue, their names in both languages) took 373.5 to 374.0 KB;
# lettering a chart's ticks when its labels are too long even turned, with a key under the
# chart and the map (the ladders' names run to 500 units, and overflowed into the legend), to
# 375.4 KB. The tick labels of the line chart and the map were made one function (no smaller).
# In the same stop: ten ladders rather than eight, the scenario's own value said under a
# choice's options, and the conflict lesson's pointer to the sweep took it to 375.9 KB.
# Raised 376 -> 378 KB on 2026-11-30 (stop 34): charts set for a phone's 360 px (their margins
# for the phone's 24-unit labels, a left margin as wide as the y axis's values) took 375.8 to
# 375.9 KB; "Export all saved scenarios", and Import adding such a file to the saved ones
# (issue 6: never lose a scenario; a browser whose data is cleared lost the whole library unless
# each scenario had been exported on its own), to 377.4 KB; boot.js telling a browser too old
# for the app's WebAssembly so at once (a 76-byte feature probe and the message), to 377.7 KB.
# Raised 378 -> 381 KB on 2026-11-30 (stop 35): fixes of what exploratory testing found,
# each with its test: a number reads the same in every field in either language (thousands
# marks in decimal fields; 1,200 as the page's language writes it), Compare fairly numbering a
# repeated variant name, a notice when a removed partner's scripted shocks go, the limit of 30
# partners said, races (a lesson's experiment handed over mid-comparison, a restored scenario
# kept, a reload's banner, Share's history entry, the address's language after Back), a run's
# network back in view after a class's decision, import refusing non-UTF-8 files and naming
# library items as Save does, its messages in both languages (negative or too large numbers,
# a repeated key, a version written as "1", an empty library file), a tampered experiment link
# refused, CSV cells a spreadsheet would run as formulas: 377.7 to 380.5 KB (to_lowercase, which
# brought Unicode's case tables, was replaced by the editor's ASCII comparison: 3.6 KB less).
# Raised 381 -> 382 KB in the same stop: the offline copy checked (sw.js keeps the app's .xz only
# as the build made it, against its SHA-384 written in by minify-js.mjs: a copy damaged on the
# way broke offline use while the page said it worked offline), a host refusing .xz files
# falling back to the plain wasm, and the manifest and icon optional for the offline copy;
# the hazard's years that no alliance reached shown as none: 380.5 to 381.2 KB.
# Raised 382 -> 385 KB on 2026-11-30 (stop 36): fixes of what audits of scale, accessibility
# and the documents found, each with its test: a number typed and not yet applied kept when
# the page goes away (issue 6: never lose a scenario; the working copy written at once on
# pagehide, which took ops::apply out of the editor's closure: 381.2 to 382.4 KB); the notice's
# live regions always in the page, the hazard chart's values and who left in words for a
# screen reader, field errors as alerts, the play bar leaving the focused control in view;
# an export named as saved and 'dan 2' in Indonesian; a duplicate partner name marked; a run
# keeping its pace on a slow computer (the part of a month a late tick owes carried over);
# the 50 x 50 sweep in seconds (shared points, the form checked once per change); typographic
# quotes: 382.4 to 384.3 KB; the middle half of each Many futures histogram in words, to 384.6 KB (384.7 KB after the review that followed).
# Raised 385 -> 386 -> 387 -> 388 KB on 2026-11-30 (stop 37): a page that keeps up on an old laptop with
# 30 partners (a key typed in a name: 396 to 222 ms of main-thread work at 4x CPU slowdown;
# 6 s of a run playing: script 640 to 430 ms). The event log became a component with a cache of
# its sentences (a component's generic Yew code is about 1.5 KB), the three batch panels take
# the language and the scenario instead of the state; the string index and the editor's memory
# of custom cultures dropped their hash maps (0.2 KB back): 384.7 to 385.5 KB. Then, raised to
# 387 KB: the run's drawings laid out only in sight while it plays (CSS, 0.2 KB); fixes from an
# audit of a trainer's class on a projector: the notice no longer held over the decision card
# in classroom mode, a line in What to try next on leaving classroom mode (in both languages),
# the log-rank statistic grouped by thousands (narrate::grouped): 386.5 KB; a dissolved
# alliance's gauges mark the challenge that ended it (Cause::challenge): 386.7 KB; "Works
# offline" said by a screen reader once, as news, not at every load: 386.9 KB. Then to 388 KB:
# the printed debriefs of a ladder sweep and of six or more partners' shares on one page with
# labels readable on paper (print CSS): 387.1 KB; 386.8 KB after the review that followed.
# Raised 388 -> 391 -> 392 -> 393 -> 394 KB on 2026-12-01 (stop 38): the event log's Show list (one kind of event,
# or one partner's, among thousands: log::LogFilter and its select), 386.8 to 388.8 KB; from an
# audit of a student's path on a phone in Bahasa Indonesia: the page saying what is open above
# the preset picker (a shared link opened under the default's description), fields holding
# refused values said beside Run with a way to the first, Many futures' findings in sentences
# on screen, Edit the scenario ↓ in Run again with a change's note, the play bar on any screen
# of one column, a notice not held over a short screen: 390.9 KB. Raised to 392 KB: from an
# audit of a trainer preparing a class, a printed debrief showing the scenario its results were
# run on (it printed the editor's), the plain address bringing back edits made under a link,
# the decision card's month of the last choice, classroom mode showing the lesson when turned
# on: 391.4 KB (391.6 KB with the last); a scenario file carrying the name it is exported under,
# and Import putting it back in the name field: 391.9 KB. Raised to 393 KB: Undo for the
# variants of Compare fairly that a lesson or an experiment link replaced: 392.4 KB. Raised to
# 394 KB: Open now naming a saved or imported scenario by its name, and saying when it was
# changed since (State::loaded_name): 393.0 KB; the decision card giving the focus back to Pause
# (or Run), not to Reset, when the run stopped a moment before it came: 393.1 KB.
# Raised to 396 KB on 2026-12-01 (stop 39), from an audit of a trainer's live demonstration on a
# 1024x768 projector: the ladder of Run again with a change chosen in its note, in classroom
# mode too (the editor is hidden there, and screens away elsewhere), the dispute card saying
# where its two parties stand (the network and gauges sit below it), the newest two events
# under the network in classroom mode, the weakest gauge's mark placed so that the gauges no
# longer jump, Esc kept from leaving classroom mode under a card, Page Down and Page Up turning
# a lesson's parts: 395.5 KB. Raised to 397 KB: in classroom mode, the end of a run and a
# comparison's results brought into view, and the network and gauges after the class's
# choice; the card's sentence on the two parties in classroom mode only (it overflowed a
# laptop's 768 px screen): 396.0 KB. Raised to 398 KB (stop 40), the rest of that audit: the
# network marking the pairs in a dispute (the one the class decides on thicker, its circles
# ringed), a presenter's blank-screen key (B or .) and + and - for the speed: 397.6 KB. Raised
# to 399 KB, from an audit of a student on a phone: a reload after Share keeping the run, the
# comparison of Run again with a change kept over a reload, the picker showing no preset when
# the open scenario is not one, a link's unedited scenario offered back when another is loaded
# over it, a link cut before its '#' saying so: 398.8 KB. Raised to 401 KB, the same audit: the
# phone's bar saying how a run ended (with Why), and that a dispute awaits the class (with
# Choose); a comparison's verdict in words, its charts over the months the runs lived: 400.1 KB;
# the news of an opened link kept at the top of a phone's page, with To Run and To the
# variants: 400.5 KB. Raised to 402 KB: a link broken across lines put back together (the
# wire's readings of a link): 401.3 KB. Raised to 403 KB: Open now naming the preset a
# scenario was made from, with the settings changed (a lecturer's link): 402.0 KB. Raised to
# 405 KB (stop 41): a sweep's points queued on the whole worker pool (a 50 x 50 sweep 9.7 s ->
# 2.6 s): 403.1 KB; from an audit of a class on a phone hotspot: a note for a boot script
# that never arrives, the offline copy saved again once the network is back (403.3 KB), links
# with WhatsApp's italics, a break in the prefix, invisible characters or an encoded '#' or '?'
# mended, and a batch's progress brought above a phone's foot bar: 404.6 KB. Raised to 407 KB
# (stop 42): a download that breaks off taken up where it stopped (boot.js, 0.3 KB more); from
# audits of a class, a phone, a screen reader and a researcher: a comparison's exported charts
# captioned, the run kept in view on a projector, a name box left as typed, the class's choices
# compared over the disputes both runs had, the focus on a month's second dispute, numbers on
# the colour scale at 4.5:1, a link opened over a tab's work offering it back: 406.1 KB; a
# ready-made scenario's load said to a screen reader: 406.5 KB. Raised to 409 KB (stop 43):
# the net value reported beside survival (its words in both languages), a run's news said to a
# screen reader as it plays, Many futures' result in its status, a variant added or removed
# said, the choices of a decision named by their step, Escape closing a "?" help, the network's
# names growing at 200 % zoom, the library's news said under its buttons on a phone: 408.3 KB.
# Raised to 412 KB (stop 44): every live region quiet for a second after a language switch, so
# that a screen reader does not read the page's news again in the other language (a `hush`
# prop: 1.3 KB; a Yew context for it cost 2.9 KB): 409.5 KB; a run with the class's choices
# that Reset set aside, offered back under the outcome (a stray 'r' wiped a class's decisions):
# 410.3 KB; a printed debrief naming its ready-made scenario, the weakest gauge's mark moved off
# its bar's end, a sweep's whole numbers read as the editor's: 411.0 KB. Where the rest goes (twiggy on
# the wasm before wasm-opt, stop 44): the app's own code about a third (its components: the
# sweep 66 KB, the library 52, the editor 48, Compare fairly 38 of 1,606 KB of code), Yew's
# generic code for the app's components another 10 %, serde and serde_json with
# serde_path_to_error (an imported file's errors by field) 6 %, the core 5 %.
# Measured in stop 34: without Many futures,
# Compare fairly and the sweep (the page's three batch features) the first load is 312.8 KB,
# so the goal of 300 KB is out of reach by leaving features out of the first load. Stop 42:
# without those three, About, the lessons and the decision card, the wasm's .xz is 299.7 KB
# against 376.8 KB (the first load about 328 KB): splitting them into a module loaded later
# would not reach 300 KB alone, and the offline copy would still fetch them on a first visit.
# A Rust that refuses the size options builds bigger (400.7 KB against 372.9 KB on
# 2026-11-30, `ALIANSI_SIZE_OPTIONS=0 bash scripts/build.sh`: 27.8 KB more): that build is held
# to the budget plus 29 KB, with a warning. Over budget, the step fails; the end-to-end tests
# still run, then the script exits 1.
# Stop 45 (2026-12-02): 414.7 KB, up from 411.0, for a session of audit fixes (a closed tab's
# unsaved scenario offered back, an import naming the fields it defaulted, keyboard focus
# after Add and Why, a comparison kept under a lesson, their words in both languages).
PAGE_WEIGHT_BUDGET_KB=415
if ! grep -qx 'size-options=on' "$BUILD_REPORT"; then
  without=$((PAGE_WEIGHT_BUDGET_KB + 29))
  echo "WARNING: the release build was made without scripts/build.sh's size options (see its" >&2
  echo "         output above): page-weight budget $without KB instead of $PAGE_WEIGHT_BUDGET_KB KB." >&2
  PAGE_WEIGHT_BUDGET_KB=$without
fi
rm -f "$BUILD_REPORT"
PAGE_WEIGHT_FAILED=""
if ! step_noexit "page weight of dist/ (at most $PAGE_WEIGHT_BUDGET_KB KB gzipped; goal 300 KB)" \
  node "$ALIANSI_ROOT/scripts/pageweight.mjs" "$ALIANSI_ROOT/dist" --max-kb "$PAGE_WEIGHT_BUDGET_KB" --loads 3; then
  PAGE_WEIGHT_FAILED=1
fi

step "end-to-end test of dist/ (Playwright, headless Chromium)" \
  node "$E2E_DIR/run-all.mjs" "$ALIANSI_ROOT/dist"

if [ -n "$PAGE_WEIGHT_FAILED" ]; then
  echo "" >&2
  echo "FAILED: page weight of dist/ is above $PAGE_WEIGHT_BUDGET_KB KB gzipped (see the step's output above)" >&2
  exit 1
fi

echo ""
echo "All tests passed in $((SECONDS - T_START)) s:"
printf '%s\n' "${SUMMARY[@]}"
