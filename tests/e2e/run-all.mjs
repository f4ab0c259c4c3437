// Runs every tests/e2e/*.test.mjs against one built dist/, one after another, and exits
// non-zero if any failed (after running them all, so one report lists every failure).
// Usage: node run-all.mjs [DIST_DIR]   (scripts/test.sh runs it after the release build, `scripts/build.sh`)
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(process.argv[2] ?? join(here, "..", "..", "dist"));
const files = readdirSync(here)
  .filter((f) => f.endsWith(".test.mjs"))
  .sort((a, b) => (a === "home.test.mjs" ? -1 : b === "home.test.mjs" ? 1 : a.localeCompare(b)));
const summary = [];
for (const f of files) {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [join(here, f), dist], { stdio: "inherit" });
  const ok = r.status === 0;
  summary.push(`${ok ? "  ok  " : "  FAIL"} ${f} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}
console.log(`\nend-to-end tests (${dist}):\n${summary.join("\n")}`);
if (summary.some((s) => s.includes("FAIL"))) {
  console.error("e2e: some files FAILED");
  process.exit(1);
}
