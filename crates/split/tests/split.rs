//! The splitter on a small module written for it: both halves are checked as wasm, and run
//! together in Node.js (as the page runs them) to give what the whole module gives.

use std::collections::HashSet;
use std::process::Command;

/// A module with what the app's wasm has: a memory, a mutable global (a stack pointer), a table
/// of functions called indirectly, an import from JavaScript, and functions calling each other.
const WAT: &str = r#"
(module
  (import "env" "twice" (func $twice (param i32) (result i32)))
  (memory (export "memory") 1)
  (global $sp (mut i32) (i32.const 1024))
  (table 2 funcref)
  (elem (i32.const 0) $hot_add $cold_square)
  (data (i32.const 16) "\05\00\00\00")
  (type $binary (func (param i32 i32) (result i32)))
  (func $hot_add (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func $cold_square (param i32 i32) (result i32) (i32.mul (local.get 0) (local.get 0)))
  ;; Reads memory written by the primary's data, moves the global, calls a hot function
  ;; directly, another cold one directly and one through the table, and JavaScript.
  (func $cold_mix (param $x i32) (result i32)
    (global.set $sp (i32.sub (global.get $sp) (i32.const 16)))
    (call $hot_add
      (call $cold_square (local.get $x) (i32.const 0))
      (i32.add
        (call_indirect (type $binary) (local.get $x) (i32.load (i32.const 16)) (i32.const 0))
        (call $twice (global.get $sp)))))
  (func $run (export "run") (param i32) (result i32)
    (i32.add (call $cold_mix (local.get 0)) (call $hot_add (local.get 0) (i32.const 1))))
  (func (export "sp") (result i32) (global.get $sp))
)
"#;

fn module() -> Vec<u8> {
    wat::parse_str(WAT).expect("the test module parses")
}

fn cold(names: &[&str]) -> HashSet<String> {
    names.iter().map(|s| s.to_string()).collect()
}

#[test]
fn normalize_drops_crate_hashes_only() {
    assert_eq!(
        aliansi_split::normalize(
            "<aliansi_app[7d5f0717a1904c7b]::app::App as yew[2319b8081197576b]::Component>::view"
        ),
        "<aliansi_app::app::App as yew::Component>::view"
    );
    assert_eq!(aliansi_split::normalize("slice[T]::len"), "slice[T]::len");
    assert_eq!(aliansi_split::normalize("a[]b[12ab]c["), "a[]bc[");
}

#[test]
fn the_halves_are_valid_and_share_what_the_secondary_imports() {
    let s = aliansi_split::split(&module(), &cold(&["cold_square", "cold_mix"])).unwrap();
    assert_eq!((s.functions, s.cold), (5, 2));
    let primary = walrus::Module::from_buffer(&s.primary).unwrap();
    let secondary = walrus::Module::from_buffer(&s.secondary).unwrap();
    let exported: HashSet<&str> = primary.exports.iter().map(|e| e.name.as_str()).collect();
    assert!(exported.contains("__split_table") && exported.contains("__split_loaded"));
    assert!(primary
        .imports
        .iter()
        .any(|i| i.module == "__split" && i.name == "load"));
    // The secondary holds the two cold bodies, imports what it uses, and exports nothing.
    assert_eq!(secondary.funcs.iter_local().count(), 2);
    assert_eq!(secondary.exports.iter().count(), 0);
    assert_eq!(
        secondary.data.iter().count(),
        0,
        "memory is the primary's to fill"
    );
    for i in secondary.imports.iter() {
        match i.module.as_str() {
            "__primary" => assert!(
                exported.contains(i.name.as_str()),
                "{} not exported by the primary",
                i.name
            ),
            "env" => assert_eq!(i.name, "twice"),
            other => panic!("unexpected import module {other}"),
        }
    }
    // No names are left in either (the build's names stay out of the download).
    for bytes in [&s.primary, &s.secondary] {
        assert!(!String::from_utf8_lossy(bytes).contains("cold_mix"));
    }
}

#[test]
fn a_profile_that_names_nothing_here_is_an_error() {
    assert!(aliansi_split::split(&module(), &cold(&["elsewhere"])).is_err());
}

#[test]
fn instrumenting_marks_every_local_function_and_names_them() {
    let (wasm, names) = aliansi_split::instrument(&module()).unwrap();
    assert_eq!(names, ["hot_add", "cold_square", "cold_mix", "run", ""]);
    let m = walrus::Module::from_buffer(&wasm).unwrap();
    let hits = m
        .exports
        .iter()
        .filter(|e| e.name.starts_with("__hit"))
        .count();
    assert_eq!(hits, 5);
    assert!(m.exports.iter().any(|e| e.name == "__split_loaded"));
}

/// Runs the module whole, then split (the secondary loaded by the primary's first call of a
/// cold function, as the app's glue module does), in Node.js: same results, one load.
#[test]
fn split_runs_as_the_whole_does() {
    let dir = std::env::temp_dir().join(format!("aliansi-split-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let s = aliansi_split::split(&module(), &cold(&["cold_square", "cold_mix"])).unwrap();
    std::fs::write(dir.join("whole.wasm"), module()).unwrap();
    std::fs::write(dir.join("primary.wasm"), &s.primary).unwrap();
    std::fs::write(dir.join("secondary.wasm"), &s.secondary).unwrap();
    let script = r#"
const fs = require("fs");
const dir = process.argv[1];
const env = { twice: (x) => 2 * x };
const whole = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(dir + "/whole.wasm")), { env }).exports;
let loads = 0, primary;
const load = () => {
  loads++;
  new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(dir + "/secondary.wasm")), { env, __primary: primary });
  primary.__split_loaded.value = 1;
};
primary = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(dir + "/primary.wasm")), { env, __split: { load } }).exports;
for (const x of [3, 7, -2]) console.log([whole.run(x), primary.run(x), whole.sp(), primary.sp()].join(" "));
console.log("loads " + loads);
"#;
    let node = Command::new("node")
        .arg("-e")
        .arg(script)
        .arg(&dir)
        .output()
        .expect("node runs (Node.js is needed for the app's build)");
    std::fs::remove_dir_all(&dir).ok();
    assert!(
        node.status.success(),
        "{}",
        String::from_utf8_lossy(&node.stderr)
    );
    let text = String::from_utf8(node.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.last(),
        Some(&"loads 1"),
        "the secondary loads once, on the first cold call: {text}"
    );
    assert_eq!(lines.len(), 4, "{text}");
    for line in &lines[..3] {
        let n: Vec<i64> = line.split(' ').map(|x| x.parse().unwrap()).collect();
        assert_eq!(n[0], n[1], "run: whole {} split {} ({text})", n[0], n[1]);
        assert_eq!(n[2], n[3], "the shared global moved alike ({text})");
    }
}
