#!/usr/bin/env bash
# Measures everything in docs/PERFORMANCE.md and rewrites that file (never edit it by hand):
#
#   bash scripts/perf.sh [--dist DIR] [--out FILE] [--baseline REF] [--baseline-dist DIR] [--rounds N]
#
#   1. the core benchmark natively: examples/report.rs of crates/bench (every workload of
#      aliansi_bench::workloads(): one run and a 10,000-run batch of the default scenario, one
#      run of a 30-partner 600-month scenario), ns per partner-month; then the pieces of its
#      maths alone (maths_workloads(): libm's log, cos and exp, the square root, the generator's
#      uniform and normal draws), ns per call;
#   2. the same benchmark compiled to wasm, in headless Chromium (crates/bench/tests/browser.rs
#      through wasm-bindgen-test-runner), and the wasm/native ratio (same machine, same run: in
#      --rounds rounds, 5 unless given, each timing native and wasm back to back; the ratio is
#      the median over the rounds of each round's ratio);
#      then the same workloads paired: wasm samples and native ones timed in turn, seconds
#      apart (crates/bench/tests/browser.rs `paired_with_native`, asking examples/report.rs
#      --serve for each native sample), and the median of each pair's ratio;
#   3. the command line's 10,000-run batch on every core;
#   4. the built app (`scripts/build.sh`, into a temporary folder unless --dist is given):
#      page weight and time to interactive (scripts/pageweight.mjs), the 10,000-run batch in
#      the page's web workers with the longest main-thread task (scripts/batchtime.mjs), also
#      with the page's CPU slowed 2x, 3x and 4x (an older laptop than this machine), and a
#      30-partner scenario played and edited at 4x (scripts/bigclass.mjs).
#
# --baseline REF also times the native benchmark of commit REF (its crates, built from
# `git archive` in a temporary folder; its crates/bench must have examples/report.rs), right
# after the current one, for a before/after table; --baseline-dist DIR also times the browser
# batch and the 30-partner page of an older build of the app.
#
# Uses CARGO_TARGET_DIR if set. Takes about 15 minutes on 2 cores (longer when busy).
# The load average is recorded at the start and the end: figures from a busy machine are
# upper bounds.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" >/dev/null
cd "$ALIANSI_ROOT"

dist=""
out="docs/PERFORMANCE.md"
baseline=""
baseline_dist=""
rounds=5
while [ $# -gt 0 ]; do
  case "$1" in
    --dist) dist="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --baseline) baseline="$2"; shift 2 ;;
    --baseline-dist) baseline_dist="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    *) die "unknown argument $1 (usage: bash scripts/perf.sh [--dist DIR] [--out FILE] [--baseline REF] [--baseline-dist DIR] [--rounds N])" ;;
  esac
done

[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || die "--rounds takes a whole number from 1 (got '$rounds')"

work="$(mktemp -d)"
serve_pid=""
# The measurements are kept if something fails.
cleanup() {
  local rc=$?
  if [ -n "$serve_pid" ]; then kill "$serve_pid" 2>/dev/null || true; fi
  if [ $rc -eq 0 ]; then rm -rf "$work"; else echo "measurements kept in $work" >&2; fi
}
trap cleanup EXIT
CHROMIUM="${CHROMIUM:-$(command -v chromium)}"
export CHROMIUM
export WASM_BINDGEN_TEST_TIMEOUT=900
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
[ -d tests/e2e/node_modules/playwright-core ] ||
  npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error

load() { cut -d' ' -f1-3 /proc/loadavg; }
load_start="$(load)"
started="$(date -u '+%Y-%m-%d %H:%M UTC')"
cpu="$(lscpu | sed -n 's/^Model name: *//p' | head -n1)"
# The clock too: a virtual machine may name its processor by family alone ("AMD EPYC").
mhz="$(awk -F': *' '/^cpu MHz/ { printf "%.0f", $2; exit }' /proc/cpuinfo 2>/dev/null || true)"
[ -n "$mhz" ] && cpu="$cpu at $mhz MHz"
cores="$(nproc)"
mem="$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
rustc_v="$(rustc --version)"
chromium_v="$("$CHROMIUM" --version 2>/dev/null | head -n1)"
commit="$(git rev-parse --short HEAD)"
dirty=""
git diff --quiet HEAD -- crates src index.html Cargo.toml Cargo.lock styles || dirty=" (with uncommitted changes)"

native_cmd="cargo run --release -p aliansi-bench --example report"
wasm_cmd="cargo test -p aliansi-bench --release --target wasm32-unknown-unknown --test browser -- --nocapture"
# The core benchmark, natively and in headless Chromium, in $rounds rounds: each round times
# native and wasm back to back (native first in odd rounds, wasm first in even ones), and the
# ratio is taken within each round. The speed of this shared machine drifts over minutes, so
# that a ratio of two sides timed minutes apart says more about the drift than about wasm.
echo "==> 1-2. core benchmark, native and wasm in headless Chromium, $rounds rounds"
cargo build --release --quiet -p aliansi-bench --example report
target_dir="$(cargo metadata --format-version 1 --no-deps | node -p 'JSON.parse(require("fs").readFileSync(0)).target_directory')"
# The native side of the paired samples: a local server the browser asks for each native sample
# (its address is compiled into the wasm test).
"$target_dir/release/examples/report" --serve >"$work/serve.txt" &
serve_pid=$!
for _ in $(seq 50); do grep -q '^SERVING port=' "$work/serve.txt" && break; sleep 0.1; done
serve_port="$(sed -n 's/^SERVING port=//p' "$work/serve.txt")"
[ -n "$serve_port" ] || die "the native benchmark server (report --serve) did not start"
export ALIANSI_BENCH_NATIVE="http://127.0.0.1:$serve_port"
cargo test --release --quiet --no-run -p aliansi-bench --target wasm32-unknown-unknown --test browser 2>/dev/null
: >"$work/native.txt"
: >"$work/wasm.txt"
bench_native() {
  $native_cmd 2>/dev/null | sed "s/^BENCH /BENCH round=$1 /" | tee -a "$work/native.txt"
}
bench_wasm() {
  # (Tried twice: on a busy machine chromedriver may fail to start in time.)
  for attempt in 1 2; do
    if $wasm_cmd core_benchmark_in_the_browser >"$work/wasm-full-$1.txt" 2>&1; then break; fi
    echo "wasm benchmark failed (round $1, attempt $attempt):" >&2
    tail -n 20 "$work/wasm-full-$1.txt" >&2
  done
  grep '^BENCH' "$work/wasm-full-$1.txt" | sed "s/^BENCH /BENCH round=$1 /" | tee -a "$work/wasm.txt" || true
}
for round in $(seq 1 "$rounds"); do
  echo "--- round $round of $rounds"
  if [ $((round % 2)) -eq 1 ]; then bench_native "$round"; bench_wasm "$round"; else bench_wasm "$round"; bench_native "$round"; fi
done
[ -s "$work/wasm.txt" ] || die "no BENCH lines from the wasm benchmark (see above)"

echo "==> 2b. core benchmark, wasm and native samples paired"
pair_cmd="ALIANSI_BENCH_NATIVE=http://127.0.0.1:PORT $wasm_cmd paired_with_native"
serve_cmd="cargo run --release -p aliansi-bench --example report -- --serve"
for attempt in 1 2; do
  if $wasm_cmd paired_with_native >"$work/pairs-full.txt" 2>&1; then break; fi
  echo "paired benchmark failed (attempt $attempt):" >&2
  tail -n 20 "$work/pairs-full.txt" >&2
done
grep '^PAIR' "$work/pairs-full.txt" >"$work/pairs.txt" || die "no PAIR lines from the paired benchmark (see $work/pairs-full.txt)"
kill "$serve_pid" 2>/dev/null || true

: >"$work/baseline.txt"
if [ -n "$baseline" ]; then
  echo "==> 1b. core benchmark, native, at $baseline"
  baseline_rev="$(git rev-parse --short "$baseline")"
  mkdir -p "$work/baseline"
  git archive "$baseline" | tar -x -C "$work/baseline"
  # The benchmark itself as it is now (the same workloads and clocks), over that core.
  rm -rf "$work/baseline/crates/bench"
  cp -r crates/bench "$work/baseline/crates/bench"
  (cd "$work/baseline" && CARGO_TARGET_DIR="$work/baseline-target" cargo run --release -p aliansi-bench --example report 2>/dev/null) |
    tee "$work/baseline.txt"
  # And the current build once more, right after, so that both see the same machine load.
  $native_cmd 2>/dev/null | sed 's/^BENCH target=native/BENCH target=native-again/' | tee "$work/native-again.txt"
  # Instructions, counted exactly (callgrind): a measure the machine's load cannot disturb.
  : >"$work/instructions.txt"
  if command -v valgrind >/dev/null; then
    for name in default_one_run default_batch_10000 large_one_run; do
      for side in before now; do
        bin="$target_dir/release/examples/report"
        [ "$side" = before ] && bin="$work/baseline-target/release/examples/report"
        n="$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" --once "$name" 2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p')"
        echo "INSTR name=$name side=$side instructions=$n" | tee -a "$work/instructions.txt"
      done
    done
  fi
fi

echo "==> 3. command line batch on every core"
cargo build --release --quiet --bin aliansi
cli_cmd="aliansi batch --preset default --runs 10000"
: >"$work/cli.txt"
for _ in 1 2 3; do
  "$target_dir/release/aliansi" batch --preset default --runs 10000 | grep -E '^(Checksum|[0-9]+ runs in)' | tee -a "$work/cli.txt"
done

echo "==> 4. the built app"
app_build="built by this run from the working tree"
if [ -n "$dist" ]; then
  app_build="given with --dist ($(ls -ld --time-style=+'%Y-%m-%d %H:%M UTC' "$dist" | awk '{print $6, $7, $8}'))"
fi
if [ -z "$dist" ]; then
  dist="$work/dist"
  bash scripts/build.sh --dist "$dist" 2>&1 | grep -E 'ERROR|error|WARNING|success' || true
  [ -f "$dist/index.html" ] || die "the release build (scripts/build.sh) failed"
fi
pw_cmd="node scripts/pageweight.mjs DIST --slow-network"
node scripts/pageweight.mjs "$dist" --slow-network --json "$work/pageweight.json" --max-kb 100000 | tee "$work/pageweight.txt"
bt_cmd="node scripts/batchtime.mjs DIST --reps 5"
node scripts/batchtime.mjs "$dist" --reps 5 --json "$work/batchtime.json" | tee "$work/batchtime.txt"
slow_cmd="node scripts/batchtime.mjs DIST --reps 3 --cpu-slowdown N"
for n in 2 3 4; do
  node scripts/batchtime.mjs "$dist" --reps 3 --cpu-slowdown "$n" --json "$work/batchtime-slow$n.json" | tee "$work/batchtime-slow$n.txt"
done
bc_cmd="node scripts/bigclass.mjs DIST --cpu-slowdown 4"
node scripts/bigclass.mjs "$dist" --cpu-slowdown 4 --json "$work/bigclass.json" | tee "$work/bigclass.txt"
if [ -n "$baseline_dist" ]; then
  node scripts/batchtime.mjs "$baseline_dist" --json "$work/batchtime-baseline.json" | tee "$work/batchtime-baseline.txt"
  node scripts/bigclass.mjs "$baseline_dist" --cpu-slowdown 4 --json "$work/bigclass-baseline.json" | tee "$work/bigclass-baseline.txt"
fi

load_end="$(load)"

# --- the page ---------------------------------------------------------------------------------
node - "$work" "$out" <<EOF
const fs = require("fs");
const [work, out] = process.argv.slice(2);
const parse = (f) =>
  fs.readFileSync(work + "/" + f, "utf8").split("\n").filter((l) => l.startsWith("BENCH ")).map((l) =>
    Object.fromEntries(l.slice(6).split(" ").map((kv) => kv.split("="))));
// Each side's lines, one per workload and round. The baseline section compares with each
// workload's quietest native round (the lowest median), the fastest sample of every round kept.
const quieter = (rows) => {
  const by = new Map();
  for (const r of rows) {
    const b = by.get(r.name);
    if (!b) by.set(r.name, { ...r, rounds: 1 });
    else {
      const best = Number(r.median_ns) < Number(b.median_ns) ? { ...r } : { ...b };
      best.min_ns = String(Math.min(Number(r.min_ns), Number(b.min_ns)));
      best.rounds = b.rounds + 1;
      if (r.checksum !== b.checksum) best.checksum = "differs between rounds";
      by.set(r.name, best);
    }
  }
  return [...by.values()];
};
const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const nativeRows = parse("native.txt");
const wasmRows = parse("wasm.txt");
const native = quieter(nativeRows);
// The core table: per workload, each side's median over the rounds of its round medians, the
// fastest sample of all rounds, and the ratio within each round (wasm's median over native's,
// both timed back to back), with its median over the rounds.
const allCore = native.map((n0) => {
  const byRound = (rows) => new Map(rows.filter((r) => r.name === n0.name).map((r) => [r.round, r]));
  const nr = byRound(nativeRows), wr = byRound(wasmRows);
  const rounds = [...nr.keys()].filter((k) => wr.has(k)).sort((a, b) => a - b);
  const ratios = rounds.map((k) => Number(wr.get(k).median_ns) / Number(nr.get(k).median_ns));
  const side = (m) => {
    const rs = [...m.values()];
    if (!rs.length) return null;
    const med = median(rs.map((r) => Number(r.median_ns)));
    const cpu = rs.filter((r) => r.cpu_median_ns).map((r) => Number(r.cpu_median_ns));
    const sums = new Set(rs.map((r) => r.checksum));
    return {
      median_ns: med,
      min_ns: Math.min(...rs.map((r) => Number(r.min_ns))),
      ns_per_pm: med / Number(n0.partner_months),
      cpu_ns_per_pm: cpu.length ? median(cpu) / Number(n0.partner_months) : null,
      checksum: sums.size === 1 ? [...sums][0] : "differs between rounds",
    };
  };
  return { name: n0.name, partner_months: n0.partner_months, n: side(nr), w: side(wr), ratios };
});
// The pieces of the core's maths (crates/bench: maths_workloads), per call, in a table of their own.
const isMaths = (name) => name.startsWith("maths_");
const core = allCore.filter((c) => !isMaths(c.name));
const maths = allCore.filter((c) => isMaths(c.name));
const pw = JSON.parse(fs.readFileSync(work + "/pageweight.json", "utf8"));
const bt = JSON.parse(fs.readFileSync(work + "/batchtime.json", "utf8"));
const cli = fs.readFileSync(work + "/cli.txt", "utf8");
const cliSecs = [...cli.matchAll(/runs in ([\d.]+) s .*?(\d+) threads?\)/g)].map((m) => [Number(m[1]), m[2]]);
const cliSum = cli.match(/Checksum: (\w+)/)?.[1] ?? "?";

const fmtT = (ns) => (ns >= 1e9 ? (ns / 1e9).toFixed(2) + " s" : ns >= 1e6 ? (ns / 1e6).toFixed(1) + " ms" : (ns / 1e3).toFixed(0) + " µs");
const int = (n) => Number(n).toLocaleString("en-US");
const kb = (b) => (b / 1000).toFixed(1) + " KB";
const what = {
  default_one_run: "one run of the default scenario (seed 7)",
  default_batch_10000: "a 10,000-run batch of the default scenario (master seed 2024), one thread",
  large_one_run: "one run of a large scenario: 30 partners, 600 months (seed 7)",
};

let L = [];
L.push("# Performance", "");
L.push("Generated by \`bash scripts/perf.sh\` (do not edit: run it again). Every figure below was");
L.push("measured in that one run, with the command given for each.", "");
L.push("| | |", "|---|---|");
L.push("| measured | ${started}, commit ${commit}${dirty} |");
L.push("| app measured | ${app_build} |");
L.push("| machine | ${cpu}, ${cores} cores, ${mem}, Linux $(uname -m) |");
L.push("| Rust | ${rustc_v} (release profile: fat LTO, codegen-units 1; opt-level 3 for the core, its generator and libm, \"z\" for the rest; the app as \`scripts/build.sh\` builds it: the standard library compiled for it with \`optimize_for_size\`, panics as immediate aborts, no MIR inlining; the core benchmark with the standard library as shipped) |");
L.push("| browser | ${chromium_v}, headless |");
L.push("| load average (1, 5, 15 min) | ${load_start} at the start, ${load_end} at the end |");
L.push("");
L.push("The machine is shared (other builds may run at the same time): with a load average above the");
L.push("number of cores, treat the times as upper bounds. Medians are over several samples; the");
L.push("fastest sample is given too.", "");

L.push("## Core: native and wasm", "");
L.push("Native: \`${native_cmd}\`.  ");
L.push("Wasm: \`${wasm_cmd}\` (the same workloads, timed with \`performance.now()\` in a dedicated web worker in headless Chromium, where the app runs its batches).  ");
L.push("Both sides are timed in ${rounds} rounds; each round times native and wasm back to back (native first in odd rounds, wasm first in even ones), because the speed of this shared machine drifts over minutes: the ratio is taken within each round, and the table gives its median over the rounds with every round's ratio after it. A side's median is the median of its rounds' medians; its fastest sample is the fastest of all rounds.  ");
L.push("Each workload is called for a second before it is timed (\`WARM_UP_MS\` in crates/bench/src/lib.rs), on both sides: the browser first runs wasm through a quick baseline compiler and optimises the hot functions in the background, and timing from the first call measured the baseline code too (one run of the default scenario about 15 % slower).  ");
L.push("Partner-months: the partners present, summed over the months simulated. Both builds must give");
L.push("the same checksum for each workload (checked).", "");
L.push("| benchmark | partner-months | native median (fastest) | native ns per partner-month (CPU time) | wasm median (fastest) | wasm ns per partner-month | wasm / native: median of the rounds (each round) |");
L.push("|---|---|---|---|---|---|---|");
let mismatch = [];
for (const c of core) {
  const { n, w } = c;
  if (w && w.checksum !== n.checksum) mismatch.push(c.name);
  L.push("| " + (what[c.name] ?? c.name) + " | " + int(c.partner_months) + " | " + fmtT(n.median_ns) + " (" + fmtT(n.min_ns) + ") | " +
    n.ns_per_pm.toFixed(0) + (n.cpu_ns_per_pm ? " (" + n.cpu_ns_per_pm.toFixed(0) + ")" : "") + " | " +
    (w ? fmtT(w.median_ns) + " (" + fmtT(w.min_ns) + ") | " + w.ns_per_pm.toFixed(0) + " | **" +
      median(c.ratios).toFixed(2) + "x** (" + c.ratios.map((r) => r.toFixed(2)).join(", ") + ")" : "- | - | -") + " |");
}
L.push("");
L.push(mismatch.length ? "**Checksums differ between native and wasm for: " + mismatch.join(", ") + ".**" :
  "Checksums equal natively and in wasm: " + core.map((c) => c.name + " " + c.n.checksum).join(", ") + ".");
L.push("", "The ratio compares wall-clock times (the browser has no CPU clock). The CPU time in brackets is the");
L.push("native thread's own time on a CPU (/proc/thread-self/schedstat), which other work on the machine disturbs less.");
// The paired samples: per workload, each pair's ratio (wasm over native, timed seconds apart).
const pairRows = fs.readFileSync(work + "/pairs.txt", "utf8").split("\n").filter((l) => l.startsWith("PAIR ")).map((l) =>
  Object.fromEntries(l.slice(5).split(" ").map((kv) => kv.split("="))));
const quantile = (xs, q) => {
  const s = xs.slice().sort((a, b) => a - b);
  const i = (s.length - 1) * q, lo = Math.floor(i), hi = Math.ceil(i);
  return s[lo] + (s[hi] - s[lo]) * (i - lo);
};
const paired = core.map((c) => {
  const rows = pairRows.filter((r) => r.name === c.name);
  const ratios = rows.map((r) => Number(r.wasm_ns) / Number(r.native_ns));
  return { name: c.name, rows, ratios, sums: new Set(rows.map((r) => r.checksum)) };
}).filter((p) => p.rows.length);
L.push("", "### The ratio from paired samples", "");
L.push("\`${pair_cmd}\`, with \`${serve_cmd}\` answering at PORT.  ");
L.push("The rounds above time one side for a minute or two, then the other; on this shared machine the speed drifts between them, and a round's ratio ranges widely. Here the two sides take turns sample by sample (native first in every other pair): the wasm benchmark, in its worker, asks a native process for one sample and waits for it (a synchronous request: the two never run at once), then times its own, so the two samples of a pair are seconds apart. The ratio is each pair's, and its median over the pairs.", "");
const pairMismatch = [];
L.push("| benchmark | pairs | native median | wasm median | wasm / native: median of the pairs | middle half of the pairs | range |");
L.push("|---|---|---|---|---|---|---|");
for (const p of paired) {
  if (p.sums.size !== 1 || [...p.sums][0] !== core.find((c) => c.name === p.name).n.checksum) pairMismatch.push(p.name);
  L.push("| " + (what[p.name] ?? p.name) + " | " + p.rows.length + " | " + fmtT(median(p.rows.map((r) => Number(r.native_ns)))) + " | " +
    fmtT(median(p.rows.map((r) => Number(r.wasm_ns)))) + " | **" + median(p.ratios).toFixed(2) + "x** | " +
    quantile(p.ratios, 0.25).toFixed(2) + " to " + quantile(p.ratios, 0.75).toFixed(2) + " | " +
    Math.min(...p.ratios).toFixed(2) + " to " + Math.max(...p.ratios).toFixed(2) + " |");
}
L.push("");
L.push(pairMismatch.length ? "**The paired samples' checksums differ from the rounds' for: " + pairMismatch.join(", ") + ".**" :
  "The paired samples' checksums equal the rounds'.", "");
const over = paired.filter((p) => median(p.ratios) > 1.3).map((p) => what[p.name] ?? p.name);
L.push("Target: wasm within 1.3x of native. " + (paired.length === 0 ? "No paired samples." : over.length
  ? "**Not met** by the paired samples' medians for: " + over.join("; ") + "."
  : "Met by the paired samples' medians for every benchmark."), "");

if (maths.length) {
  const piece = {
    maths_normal: "a normal draw (Box-Muller: two uniform draws, a logarithm, a square root, a cosine)",
    maths_log: "libm's logarithm, over (0, 1]",
    maths_cos: "libm's cosine, over [0, 2π)",
    maths_exp: "libm's exponential, over [-3, 3]",
    maths_sqrt: "the square root",
    maths_uniform: "a uniform draw of the generator (xoshiro256++)",
  };
  L.push("### The pieces of the core's maths", "");
  L.push("The same rounds time the pieces a run leans on most, each alone (\`maths_workloads()\` in crates/bench/src/lib.rs: " + int(maths[0].partner_months) + " calls a workload), to tell where wasm loses time: in the maths, or in the model's own code around it.", "");
  L.push("| piece | native ns per call, median (fastest) | wasm ns per call, median (fastest) | wasm / native: median of the rounds (each round) |");
  L.push("|---|---|---|---|");
  for (const c of maths) {
    const { n, w } = c;
    if (w && w.checksum !== n.checksum) mismatch.push(c.name);
    const per = (x) => (x.median_ns / Number(c.partner_months)).toFixed(1) + " (" + (x.min_ns / Number(c.partner_months)).toFixed(1) + ")";
    L.push("| " + (piece[c.name] ?? c.name) + " | " + per(n) + " | " + (w ? per(w) + " | **" + median(c.ratios).toFixed(2) + "x** (" + c.ratios.map((r) => r.toFixed(2)).join(", ") + ")" : "- | -") + " |");
  }
  L.push("");
  L.push(mismatch.length ? "**Checksums differ between native and wasm for: " + mismatch.join(", ") + ".**" : "Their checksums are equal natively and in wasm too.");
  L.push("");
}

const base = parse("baseline.txt");
if (base.length) {
  const again = fs.existsSync(work + "/native-again.txt") ? parse("native-again.txt") : [];
  L.push("## Before and after (native)", "");
  L.push("\`bash scripts/perf.sh --baseline ${baseline}\`: the same report built from commit ${baseline_rev:-?} (\`git archive\`), run right");
  L.push("before the current code is timed a second time (the benchmark crate as it is now, over that commit's core);");
  L.push("the checksums are the same. CPU time (the thread's own, less disturbed by other work), with wall-clock");
  L.push("medians after it.", "");
  L.push("| benchmark | ${baseline_rev:-before}: CPU ns per partner-month (wall) | now: CPU ns per partner-month, two runs (wall) | now / before (CPU, mean of the two runs) |");
  L.push("|---|---|---|---|");
  for (const b of base.filter((r) => !isMaths(r.name))) {
    const nows = [native.find((x) => x.name === b.name), again.find((x) => x.name === b.name)].filter(Boolean);
    const cpu = (x) => +(x.cpu_ns_per_pm ?? x.ns_per_pm);
    const mean = nows.reduce((s, x) => s + cpu(x), 0) / nows.length;
    if (nows.some((x) => x.checksum !== b.checksum)) mismatch.push(b.name + " (baseline)");
    L.push("| " + (what[b.name] ?? b.name) + " | " + cpu(b).toFixed(0) + " (" + Number(b.ns_per_pm).toFixed(0) + ") | " +
      nows.map((x) => cpu(x).toFixed(0) + " (" + Number(x.ns_per_pm).toFixed(0) + ")").join(", ") + " | " + (mean / cpu(b)).toFixed(2) + " |");
  }
  L.push("");
  const instr = fs.existsSync(work + "/instructions.txt") ? fs.readFileSync(work + "/instructions.txt", "utf8").split("\n")
    .filter((l) => l.startsWith("INSTR ")).map((l) => Object.fromEntries(l.slice(6).split(" ").map((kv) => kv.split("=")))) : [];
  if (instr.length) {
    L.push("Instructions, counted exactly (\`valgrind --tool=callgrind report --once NAME\`: one call of the workload, plus the process's start), which the machine's load does not disturb:", "");
    L.push("| benchmark | ${baseline_rev:-before} | now | now / before |", "|---|---|---|---|");
    for (const name of [...new Set(instr.map((x) => x.name))]) {
      const b = Number(instr.find((x) => x.name === name && x.side === "before")?.instructions);
      const n = Number(instr.find((x) => x.name === name && x.side === "now")?.instructions);
      L.push("| " + (what[name] ?? name) + " | " + int(b) + " | " + int(n) + " | " + (n / b).toFixed(2) + " |");
    }
    L.push("");
  }
}

L.push("## 10,000-run batch on every core", "");
L.push("| what | time | command |", "|---|---|---|");
L.push("| command line, native threads | " + cliSecs.map((c) => c[0].toFixed(2) + " s").join(", ") + " (" + (cliSecs[0]?.[1] ?? "?") + " threads; 3 runs) | \`${cli_cmd}\` |");
L.push("| the app in headless Chromium, web workers | " + bt.reps.map((r) => (r.page_seconds ?? NaN).toFixed(1) + " s").join(", ") + " as the page reports it (" +
  (bt.reps[0]?.workers ?? "?") + " workers; " + bt.reps.length + " batches on one page, median " + bt.page_seconds_median + " s); " +
  bt.reps.map((r) => (r.click_to_results_ms / 1000).toFixed(2) + " s").join(", ") + " from the click to the results shown (median " + bt.click_to_results_s_median.toFixed(2) + " s) | \`${bt_cmd}\` |");
L.push("");
L.push("The first batch starts 3 s after the page is ready, as a reader would click; by then the page has started its workers (half a second after its first render) and they have run a small warm-up chunk. " +
  "The page's main thread was busy " + bt.reps.map((r) => (r.main_thread_busy_ms ?? NaN).toFixed(0) + " ms").join(", ") + " from each click to its results (Chromium's TaskDuration metric; drawing the results included).", "");
if (fs.existsSync(work + "/batchtime-baseline.json")) {
  const bb = JSON.parse(fs.readFileSync(work + "/batchtime-baseline.json", "utf8"));
  L.push("Before (an older build of the app, \`--baseline-dist\`, timed in the same run): " + bb.reps.map((r) => (r.page_seconds ?? NaN).toFixed(1) + " s").join(", ") +
    " as the page reports it (median " + bb.page_seconds_median + " s), checksum " + [...new Set(bb.reps.map((r) => r.checksum))].join(", ") + ".", "");
}
L.push("Checksums: command line " + cliSum + ", browser " + [...new Set(bt.reps.map((r) => r.checksum))].join(", ") + ".");
L.push("Target: under 1 second in the browser on 2 cores.", "");
L.push("Longest main-thread task during those batches (long-task PerformanceObserver, click to results): " +
  bt.longest_task_ms.toFixed(0) + " ms" + (bt.longest_task_ms === 0 ? " (none over 50 ms)" : "") + "; limit 50 ms, enforced by \`tests/e2e/longtask.test.mjs\`" +
  (fs.existsSync(work + "/batchtime-baseline.json") ? " (the older build: " + JSON.parse(fs.readFileSync(work + "/batchtime-baseline.json", "utf8")).longest_task_ms.toFixed(0) + " ms)." : "."), "");

L.push("### On a slower CPU", "");
L.push("The same batch with the page's CPU slowed by Chromium's CPU throttling (as DevTools' \"4x slowdown\"), standing in for an older laptop; 3 batches each: \`${slow_cmd}\`.", "");
L.push("| CPU slowed | batch, as the page reports it | main thread busy, click to results | main-thread tasks over 50 ms (all 3 batches) | longest task |", "|---|---|---|---|---|");
for (const n of [2, 3, 4]) {
  const f = work + "/batchtime-slow" + n + ".json";
  if (!fs.existsSync(f)) continue;
  const s = JSON.parse(fs.readFileSync(f, "utf8"));
  L.push("| " + n + "x | " + s.reps.map((r) => (r.page_seconds ?? NaN).toFixed(1) + " s").join(", ") + " | " +
    s.reps.map((r) => (r.main_thread_busy_ms ?? NaN).toFixed(0) + " ms").join(", ") + " | " + s.long_tasks + " | " + s.longest_task_ms.toFixed(0) + " ms |");
}
L.push("", "The throttling slows the workers too, so the batch takes longer. The long-task limit of issue 6 is enforced on this machine's own speed only.", "");

L.push("## A scenario of 30 partners on a slower CPU", "");
L.push("\`${bc_cmd}\`: 30 partners over 600 months (the preset calm-pair's first partner thirty times, made with Export and Import), the page's CPU slowed 4x. Playing at the default 10 months a second with the network in view, a slow computer draws fewer months a second, each stepping the months owed, rather than falling behind; the main thread is busy all the while. Then, the run ended, keys typed in a partner's name (each draws the page again).", "");
const bcRow = (label, b) => "| " + label + " | " + b.play_months_per_s_median.toFixed(1) + " | " + b.play_drawings_per_s_median.toFixed(1) +
  " | " + b.play_busy_ms_per_s_median.toFixed(0) + " ms | " + b.pause_ms.toFixed(0) + " ms | " + b.key_busy_ms_median.toFixed(0) + " ms (" + b.key_busy_ms.map((x) => x.toFixed(0)).join(", ") + ") |";
L.push("| build | months shown a second | drawings a second | main thread busy a second | Pause shown after | a key typed in a name: main thread, median (each) |", "|---|---|---|---|---|---|");
L.push(bcRow("this one", JSON.parse(fs.readFileSync(work + "/bigclass.json", "utf8"))));
if (fs.existsSync(work + "/bigclass-baseline.json")) L.push(bcRow("the older build (--baseline-dist)", JSON.parse(fs.readFileSync(work + "/bigclass-baseline.json", "utf8"))));
L.push("", "Medians of 3 windows of 6 s while playing; Pause is one click. Not enforced by a test (a shared machine's speed drifts); \`tests/e2e/watch.test.mjs\` holds the pace of such a run at 4x and checks that out-of-sight drawings are skipped while it plays.", "");

L.push("## Page weight and time to interactive", "");
L.push("\`${pw_cmd}\`: every response of a first visit in a fresh browser context (the page's requests and its");
L.push("service worker's offline cache), each body gzipped at level 9; the first load is what was asked for before");
L.push("the page was interactive. The app's wasm comes in two parts (crates/split): what a first visit runs, and the");
L.push("rest, fetched once the page is interactive. \`scripts/test.sh\` runs it after \`scripts/build.sh\` and fails");
L.push("when the first load is above its budget (\`PAGE_WEIGHT_BUDGET_KB\` in \`scripts/test.sh\`: issue 6's 300 KB).", "");
L.push("| file | gzipped | raw |", "|---|---|---|");
for (const f of pw.first_load) L.push("| \`" + f.path + "\` | " + kb(f.gzip) + " | " + kb(f.raw) + " |");
L.push("| **total of the first load, until the page is interactive** | **" + kb(pw.total_gzip_bytes) + "** | " + kb(pw.total_raw_bytes) + " |");
for (const f of pw.after_interactive ?? []) L.push("| then: \`" + f.path + "\` | " + kb(f.gzip) + " | " + kb(f.raw) + " |");
if ((pw.after_interactive ?? []).length) L.push("| **the whole first visit** | **" + kb(pw.total_gzip_bytes + pw.after_interactive_gzip_bytes) + "** | |");
L.push("");
for (const w of pw.wasm_sections ?? []) L.push((w.path.endsWith(".xz") ? "Of the wasm in \`" + w.path + "\` (decoded)" : "Of \`" + w.path + "\`") + ", by section (each gzipped alone): " +
  w.sections.map((x) => x.section + " " + kb(x.gzip) + " gzipped (" + kb(x.raw) + " raw)").join(", ") +
  (/\/unxz-[0-9a-f]+\.wasm$/.test(w.path)
    ? ". The page's xz decoder (xz-embedded, C compiled to wasm, from the npm package xz-decompress)."
    : ". Code: the compiled Rust (Yew, the app's components, the core, serde, the standard library). Data: the constants (the interface's text in both languages, tables, messages)."), "");
if (pw.not_fetched.length) L.push("Not fetched by the first load: " + pw.not_fetched.map((f) => "\`" + f.path + "\` " + kb(f.gzip)).join(", ") + ".", "");
L.push("Service worker: " + pw.service_worker + ". Goal: 300 KB (1 KB = 1,000 bytes) gzipped; " +
  (pw.total_gzip_bytes > 300000 ? "**over the goal by " + kb(pw.total_gzip_bytes - 300000) + "**." : "within the goal."), "");
L.push("Time to interactive (navigation start to the \`#app-ready\` marker rendered with its status), " + pw.ready_ms.length +
  " fresh loads from the local server: median **" + pw.ready_ms_median.toFixed(0) + " ms** (" + pw.ready_ms.map((t) => t.toFixed(0)).join(", ") + " ms)." +
  (pw.whole_ms_median !== null && pw.whole_ms_median !== undefined ? " The page whole (the wasm's second part in, the panels that wait for it drawn): median " + pw.whole_ms_median.toFixed(0) + " ms (" + pw.whole_ms.map((t) => t.toFixed(0)).join(", ") + " ms)." : ""), "");
if ((pw.slow_networks ?? []).length) {
  const secs = (xs) => xs.map((t) => (t / 1000).toFixed(1)).join(", ");
  L.push("First visits over slow networks (Chromium's network throttling; the server compresses with gzip, as most static hosts do; " +
    pw.slow_networks[0].ready_ms.length + " fresh loads each, medians with every load in brackets). The loading screen (\`index.html\`'s \`#boot\`, with the download's progress) is the first paint; before it was there, the page stayed blank until the app was interactive.", "");
  L.push("| network | loading screen painted (first contentful paint) | interactive |", "|---|---|---|");
  for (const n of pw.slow_networks) L.push("| " + n.name + ": " + n.down_kbps + " kbit/s down, " + n.up_kbps + " up, " + n.rtt_ms + " ms round trip | " +
    (n.paint_ms_median === null ? "not reported" : (n.paint_ms_median / 1000).toFixed(1) + " s (" + secs(n.paint_ms) + ")") + " | " +
    (n.ready_ms_median / 1000).toFixed(1) + " s (" + secs(n.ready_ms) + ") |");
  L.push("");
}

L.push("## Divan", "");
L.push("\`cargo bench -p aliansi-bench\` times the same workloads with divan (not run by this script).", "");
fs.writeFileSync(out, L.join("\n"));
console.log("wrote " + out);
if (mismatch.length) process.exit(1);
EOF
