//! Rules for the code that the browser downloads (the app and the crates it compiles in),
//! checked on the source, in the manner of the core's `crates/sim/tests/tidy.rs`.
//!
//! Some standard functions pull large tables into the wasm: Unicode case conversion
//! (`to_lowercase`, `to_uppercase`) and the Unicode letter classes (`is_alphabetic`,
//! `is_alphanumeric`, `is_lowercase`, `is_uppercase`). Calling them once costs every first load
//! 2 to 16 KB gzipped (measured: the two case conversions in the shortcut keys were 16.4 KB).
//! What the app compares is ASCII (key names, tag names), so it uses the ASCII forms.
//!
//! Rust's float parser (`str::parse::<f64>`) costs 13.2 KB gzipped (its tables of powers of
//! five and its code): the app reads numbers with `number::parse_f64`, which in the browser is
//! JavaScript's. A parse whose type is inferred cannot be seen in the text; this catches the
//! spelled-out ones. Tests (after `#[cfg(test)]`) may use anything.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_unicode_tables_in_the_download() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in [
        "src",
        "crates/sim/src",
        "crates/wire/src",
        "crates/text/src",
    ] {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 40, "found only {} files", files.len());
    let forbidden = [
        ".to_lowercase()",
        ".to_uppercase()",
        "is_alphabetic()",
        "is_alphanumeric()",
        "is_lowercase()",
        "is_uppercase()",
        "char::is_alphabetic",
        "char::is_alphanumeric",
        "parse::<f64>",
    ];
    let mut found = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        for (k, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("#[cfg(test)]") {
                break;
            }
            if line.trim_start().starts_with("//") {
                continue;
            }
            for f in forbidden {
                // The one parser: natively, Rust's (the browser build uses JavaScript's).
                let allowed = f == "parse::<f64>" && path.ends_with("src/number.rs");
                if line.contains(f) && !allowed {
                    found.push(format!(
                        "{}:{}: {f}: {}",
                        path.display(),
                        k + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "Unicode tables or Rust's float parser in the download (use the ASCII forms, number::parse_f64):\n{}",
        found.join("\n")
    );
}
