//! The words crate's invariants, checked on its manifest and source: it depends on the core
//! and nothing of the web or the wire (the command line links it natively, the app in the
//! browser), and its one call into the browser is JavaScript's `parseFloat` (`number.rs`).

use std::path::Path;

fn manifest() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).unwrap()
}

#[test]
fn the_words_depend_on_the_core_alone() {
    let m = manifest();
    // Every dependency table: for all targets, and for wasm32 alone.
    let tables: Vec<(&str, &str)> = m
        .split("\n[")
        .filter_map(|t| t.split_once("]\n"))
        .filter(|(head, _)| head.ends_with("dependencies"))
        .collect();
    let names = |body: &str| -> Vec<String> {
        body.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| l.split([' ', '=']).next().unwrap().to_string())
            .collect()
    };
    let all: Vec<String> = tables
        .iter()
        .filter(|(h, _)| *h == "dependencies")
        .flat_map(|(_, b)| names(b))
        .collect();
    assert_eq!(all, ["aliansi-sim"], "{m}");
    let wasm: Vec<String> = tables
        .iter()
        .filter(|(h, _)| h.contains("wasm32"))
        .flat_map(|(_, b)| names(b))
        .collect();
    assert_eq!(wasm, ["js-sys"], "{m}");
}

#[test]
fn only_the_number_reader_calls_into_the_browser() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut stack = vec![src];
    let mut seen = 0;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            seen += 1;
            let text = std::fs::read_to_string(&path).unwrap();
            for (k, line) in text.lines().enumerate() {
                let code = line.trim_start();
                if code.starts_with("//") {
                    continue;
                }
                for web in ["js_sys", "web_sys", "wasm_bindgen", "yew", "gloo", "serde"] {
                    let allowed = web == "js_sys" && path.ends_with("src/number.rs");
                    assert!(
                        allowed || !code.contains(&format!("{web}::")),
                        "{}:{}: {web}: {line}",
                        path.display(),
                        k + 1
                    );
                }
            }
        }
    }
    assert!(seen >= 14, "read only {seen} files");
}
