// Runs every tests/e2e/*.test.mjs against one built dist/, one after another, and exits
// non-zero if any failed (after running them all, so one report lists every failure).
// A file that fails is run once more at the end, to tell a flaky check from a broken one: one
// that passes then counts as passed, but is listed under "FAILED ONCE" with the lines that said
// what failed, here and (with E2E_FAILED_ONCE_FILE set, as scripts/test.sh sets it) in that
// file, which scripts/test.sh repeats at the very end of its output.
// Usage: node run-all.mjs [DIST_DIR]   (scripts/test.sh runs it after the release build, `scripts/build.sh`)
import { spawn } from "node:child_process";
import { appendFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(process.argv[2] ?? join(here, "..", "..", "dist"));
const files = readdirSync(here)
  .filter((f) => f.endsWith(".test.mjs"))
  .sort((a, b) => (a === "home.test.mjs" ? -1 : b === "home.test.mjs" ? 1 : a.localeCompare(b)));

/** Runs one file, its output passed through as it comes; resolves to { ok, output, seconds }. */
function runFile(f) {
  const t0 = Date.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(here, f), dist], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (b) => ((output += b), process.stdout.write(b)));
    child.stderr.on("data", (b) => ((output += b), process.stderr.write(b)));
    child.on("close", (code) => done({ ok: code === 0, output, seconds: (Date.now() - t0) / 1000 }));
  });
}

/** The lines of a file's output that say what failed (at most 30). */
function failureLines(output) {
  return output
    .split("\n")
    .filter((l) => /FAIL|assert|Error|expected|timed out|timeout|crash/i.test(l) && !/^\s+at /.test(l))
    .slice(0, 30)
    .map((l) => `    | ${l}`);
}

const summary = [];
const failed = [];
for (const f of files) {
  const r = await runFile(f);
  summary.push({ f, first: r, again: null });
  if (!r.ok) failed.push(summary.at(-1));
}
for (const s of failed) {
  console.log(`\n==> ${s.f} failed; running it once more, to tell a flaky check from a broken one`);
  s.again = await runFile(s.f);
}
const line = (s) => {
  const secs = `${s.first.seconds.toFixed(1)} s${s.again ? ` + ${s.again.seconds.toFixed(1)} s` : ""}`;
  if (s.first.ok) return `  ok   ${s.f} (${secs})`;
  return s.again.ok ? `  ok   ${s.f} (${secs}; FAILED ONCE, passed when run again)` : `  FAIL ${s.f} (${secs}; failed twice)`;
};
console.log(`\nend-to-end tests (${dist}):\n${summary.map(line).join("\n")}`);
const once = failed.filter((s) => s.again.ok);
if (once.length) {
  const report = once.flatMap((s) => [`e2e ${s.f}:`, ...failureLines(s.first.output)]).join("\n");
  console.log(`\nFAILED ONCE (passed when run again; a flaky check to mend):\n${report}`);
  if (process.env.E2E_FAILED_ONCE_FILE) appendFileSync(process.env.E2E_FAILED_ONCE_FILE, `${report}\n`);
}
const broken = failed.filter((s) => !s.again.ok);
if (broken.length) {
  for (const s of broken) console.error(`\ne2e ${s.f} failed twice; the first time:\n${failureLines(s.first.output).join("\n")}`);
  console.error("e2e: some files FAILED");
  process.exit(1);
}
