//! The core's invariants, checked on its source (in the manner of rust-analyzer's tidy tests):
//! no platform maths, no hash-map iteration, no clock, no OS randomness, no web or wire crates.

use std::path::Path;

fn sources() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            out.push((
                path.display().to_string(),
                std::fs::read_to_string(&path).unwrap(),
            ));
        }
    }
    assert!(out.len() > 10);
    out
}

#[test]
fn no_platform_maths_hash_maps_clocks_or_os_randomness() {
    // Platform `exp`, `ln`, `powf`... may differ in the last bit between native and wasm; take
    // them from `libm`. `sqrt` is exact in IEEE 754 and allowed.
    let forbidden = [
        ".exp()",
        ".ln()",
        ".log(",
        ".log10()",
        ".log2()",
        ".powf(",
        ".powi(",
        ".sin()",
        ".cos()",
        ".tan()",
        ".tanh()",
        ".exp_m1()",
        ".ln_1p()",
        "HashMap",
        "HashSet",
        "Instant",
        "SystemTime",
        "thread_rng",
        "getrandom",
        "StdRng",
    ];
    for (path, text) in sources() {
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap();
            for f in forbidden {
                assert!(
                    !code.contains(f),
                    "{path}:{}: `{f}` is not allowed in the core: {line}",
                    n + 1
                );
            }
        }
    }
}

#[test]
fn the_core_depends_on_no_web_wire_or_io_crate() {
    let manifest =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).unwrap();
    let deps = manifest
        .split("[dependencies]")
        .nth(1)
        .unwrap()
        .split("\n[")
        .next()
        .unwrap();
    for name in [
        "serde",
        "yew",
        "web-sys",
        "wasm-bindgen",
        "js-sys",
        "gloo",
        "postcard",
        "rand =",
        "getrandom",
    ] {
        assert!(!deps.contains(name), "crates/sim must not depend on {name}");
    }
}

#[test]
fn square_roots_are_the_languages() {
    // `f64::sqrt` is exactly rounded (IEEE 754), so it gives libm's bits; in wasm it is one
    // instruction, where `libm::sqrt` is a software routine (it was a fifth of a batch's time
    // in the browser).
    for (path, text) in sources() {
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap();
            assert!(
                !code.contains("libm::sqrt"),
                "{path}:{}: use `f64::sqrt`, not `libm::sqrt`: {line}",
                n + 1
            );
        }
    }
}
