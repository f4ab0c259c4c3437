//! Total decoding: whatever text or bytes reach `decode_link`, `decode_shared` or the scenario
//! JSON parser, the answer is a value or a one-line error, never a panic, and whatever decodes
//! re-encodes to itself. The checks are `aliansi_wire::fuzz::*`, the same code the cargo-fuzz
//! targets run; here they replay the committed fuzz corpus (on stable, without cargo-fuzz) and
//! run a few thousand random cases.

use std::path::{Path, PathBuf};

use aliansi_sim::presets;
use aliansi_wire::fuzz::{
    check_json, check_json_text, check_link, check_link_text, check_part, check_part_text,
};
use aliansi_wire::*;
use base64::Engine;
use proptest::prelude::*;

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every valid link we know of: the golden fixtures (s1 to s4, and e1).
fn valid_links() -> &'static [String] {
    static LINKS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    LINKS.get_or_init(read_valid_links)
}

fn read_valid_links() -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(manifest().join("tests/fixtures/links"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| std::fs::read_to_string(p).unwrap().trim().to_string())
        .collect();
    out.sort();
    assert!(out.len() > 10);
    out
}

fn valid_json() -> &'static [String] {
    static JSON: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    JSON.get_or_init(read_valid_json)
}

fn read_valid_json() -> Vec<String> {
    let mut out =
        vec![std::fs::read_to_string(manifest().join("tests/fixtures/default.v1.json")).unwrap()];
    for p in presets::all() {
        out.push(to_json(&p.scenario));
    }
    out
}

fn corpus(target: &str) -> Vec<PathBuf> {
    let dir = manifest().join("fuzz/corpus").join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

#[test]
fn the_link_fuzz_corpus_replays() {
    let files = corpus("link_decode");
    assert!(files.len() >= 20, "only {} corpus files", files.len());
    let (mut scenarios, mut runs, mut experiments) = (0, 0, 0);
    for f in files {
        let data = std::fs::read(&f).unwrap();
        // A panic names the file (the check's message has the input too).
        eprintln!("{}", f.display());
        check_link(&data);
        let b64 = b64(&data);
        for text in [
            String::from_utf8_lossy(&data).into_owned(),
            format!("s1.{b64}"),
            format!("s2.{b64}"),
            format!("e1.{b64}"),
        ] {
            match decode_shared(&text) {
                Ok(Shared::Scenario { choices, .. }) if choices.is_empty() => scenarios += 1,
                Ok(Shared::Scenario { .. }) => runs += 1,
                Ok(Shared::Experiment(_)) => experiments += 1,
                Err(_) => {}
            }
        }
    }
    // The corpus reaches the round trips, not only the refusals.
    assert!(
        scenarios >= 1 && runs >= 1 && experiments >= 1,
        "{scenarios} scenarios, {runs} runs with choices, {experiments} experiments"
    );
}

#[test]
fn the_json_fuzz_corpus_replays() {
    let files = corpus("scenario_json");
    assert!(files.len() >= 10, "only {} corpus files", files.len());
    let mut ok = 0;
    for f in files {
        eprintln!("{}", f.display());
        let data = std::fs::read(&f).unwrap();
        check_json(&data);
        ok += usize::from(parse_json(&String::from_utf8_lossy(&data)).is_ok());
    }
    eprintln!("{ok} corpus files parse");
    assert!(ok >= 1, "no corpus file parses");
}

/// The part files' corpus: partial batches and sweeps of `--chunk`, as written and edited.
#[test]
fn the_part_file_fuzz_corpus_replays() {
    let files = corpus("part_file");
    assert!(files.len() >= 5, "only {} corpus files", files.len());
    let (mut batches, mut sweeps) = (0, 0);
    for f in files {
        eprintln!("{}", f.display());
        let data = std::fs::read(&f).unwrap();
        check_part(&data);
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&String::from_utf8_lossy(&data)) {
            batches += usize::from(partial_from_value(&v).is_ok());
            sweeps += usize::from(partial_sweep_from_value(&v).is_ok());
        }
    }
    // The corpus reaches the round trips and the merges, not only the refusals.
    assert!(
        batches >= 1 && sweeps >= 1,
        "{batches} batches, {sweeps} sweeps read"
    );
}

/// Part files as the command line writes them, of every preset, pass the checks; edited to
/// counts at the edge of what a number holds, they are refused or merge without overflow.
#[test]
fn part_files_pass_the_checks() {
    for p in presets::all() {
        let s = &p.scenario;
        let part = PartialBatch {
            tally: aliansi_sim::run_chunk(s, 5, 0..3).unwrap(),
            scenario: encode_link(s),
            seed: 5,
            runs_total: 6,
            range: (0, 3),
            part: Some((1, 2)),
            cli_version: None,
            model_version: Some(aliansi_sim::MODEL_VERSION.into()),
        };
        let v = partial_to_value(&part);
        check_part_text(&v.to_string());
        assert_eq!(partial_from_value(&v).unwrap(), part);
        let sweep = PartialSweep {
            param: "seed".into(),
            values: vec!["5".into()],
            second: None,
            part: (1, 2),
            cli_version: None,
            model_version: part.model_version.clone(),
            points: vec![part.clone()],
        };
        check_part_text(&partial_sweep_to_value(&sweep).to_string());
        for (field, big) in [
            ("runs", serde_json::json!(u64::MAX)),
            ("value_sum_fx", serde_json::json!(i128::MAX.to_string())),
            ("deaths", serde_json::json!([u64::MAX])),
        ] {
            let mut w = v.clone();
            w["tally"][field] = big;
            check_part_text(&w.to_string());
        }
    }
}

#[test]
fn valid_inputs_pass_the_checks() {
    for l in valid_links() {
        check_link(l.as_bytes());
        assert!(decode_shared(l).is_ok(), "{l}");
    }
    for j in valid_json() {
        check_json(j.as_bytes());
        assert!(parse_json(j).is_ok());
    }
}

#[test]
fn huge_inputs_are_refused_quickly() {
    for prefix in [
        "",
        "s1.",
        "s2.",
        "s3.",
        "s4.",
        "e1.",
        "#e1.",
        "https://example.org/#s3.",
    ] {
        for len in [
            MAX_LINK_CHARS - prefix.len(),
            MAX_LINK_CHARS + 1,
            3 * MAX_LINK_CHARS,
        ] {
            let text = format!("{prefix}{}", "A".repeat(len.saturating_sub(prefix.len())));
            let t = std::time::Instant::now();
            let e = decode_shared(&text).unwrap_err().to_string();
            assert!(!e.is_empty());
            assert!(decode_link(&text).is_err());
            if text.len() > MAX_LINK_CHARS {
                assert!(e.contains("too long"), "{e}");
            }
            assert!(t.elapsed().as_secs() < 5);
        }
    }
    // A valid experiment padded with whitespace past the limit is refused, not read.
    let l = &valid_links()[0];
    let padded = format!("{l}{}", " ".repeat(MAX_LINK_CHARS));
    assert!(decode_shared(&padded)
        .unwrap_err()
        .to_string()
        .contains("too long"));
    // JSON: a long string and deep nesting are errors, not crashes.
    let deep = "[".repeat(100_000);
    assert!(!parse_json(&deep).unwrap_err().to_string().is_empty());
    let long = format!("{{\"version\": 1, \"name\": \"{}\"}}", "x".repeat(1 << 20));
    assert!(parse_json(&long)
        .unwrap_err()
        .to_string()
        .contains("partners"));
}

#[test]
fn error_messages_stay_on_one_line() {
    // Input text that ends up in a message (unknown fields, country codes) is escaped.
    let e = parse_json("{\"version\": 1, \"a\\nb\": 1, \"partners\": []}")
        .unwrap_err()
        .to_string();
    assert!(!e.contains('\n') && e.contains("a\\nb"), "{e}");
    let e = parse_json(
        "{\"version\": 1, \"partners\": [{\"name\": \"A\", \"culture\": \"X\\r\\nY\"}, {\"name\": \"B\", \"culture\": \"ID\"}]}",
    )
    .unwrap_err()
    .to_string();
    assert!(!e.contains('\n') && !e.contains('\r'), "{e}");
    assert!(e.contains("X\\r\\nY"), "{e}");
}

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

fn unb64(text: &str) -> Vec<u8> {
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(text)
        .unwrap()
}

/// A scenario JSON value with one number replaced, to reach the float round trip.
fn with_number(k: usize, x: f64) -> String {
    let mut v = to_value(&presets::default_scenario());
    let target = match k % 6 {
        0 => &mut v["initial_trust"],
        1 => &mut v["partners"][0]["capacity"],
        2 => &mut v["partners"][1]["goals"]["technology"],
        3 => &mut v["governance"]["transparency"],
        4 => &mut v["environment"]["growth"],
        _ => &mut v["governance"]["exit_penalty_months"],
    };
    *target = serde_json::Number::from_f64(x)
        .map(serde_json::Value::Number)
        .unwrap_or(serde_json::Value::Null);
    serde_json::to_string(&v).unwrap()
}

/// One valid link (picked by `k`) cut, with a character changed, with a payload bit flipped,
/// with its payload bytes cut, and under the other prefix: each must decode or be refused.
fn damage_link(
    k: prop::sample::Index,
    cut: prop::sample::Index,
    pos: prop::sample::Index,
    bit: u8,
    c: char,
) {
    let links = valid_links();
    let link = &links[k.index(links.len())];
    let cut = cut.index(link.len() + 1);
    check_link_text(&link[..cut]);
    // One character replaced by any character.
    let mut chars: Vec<char> = link.chars().collect();
    let i = pos.index(chars.len());
    chars[i] = c;
    check_link_text(&chars.iter().collect::<String>());
    // One bit of the payload flipped, re-encoded as valid base64url.
    let (prefix, payload) = link.split_at(3);
    let mut bytes = unb64(payload);
    let j = pos.index(bytes.len());
    bytes[j] ^= 1 << bit;
    check_link_text(&format!("{prefix}{}", b64(&bytes)));
    // Truncated payload bytes, and the other prefix on the same payload.
    let bytes = unb64(payload);
    check_link_text(&format!("{prefix}{}", b64(&bytes[..cut.min(bytes.len())])));
    for other in ["s1.", "s2.", "s3.", "s4.", "e1."] {
        if other != prefix {
            check_link_text(&format!("{other}{payload}"));
        }
    }
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Random base64url text (padding left to the caller), faster to make than from a regex.
fn base64url_text(max: usize) -> impl Strategy<Value = String> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    proptest::collection::vec(0..64usize, 0..max)
        .prop_map(|v| v.into_iter().map(|i| ALPHABET[i] as char).collect())
}

proptest! {
    #![proptest_config(config(3000))]

    /// Any bytes: as text, and as the payload of an s1, an s2 and an e1 link, and of an s3 and
    /// an s4 link with their checksum.
    #[test]
    fn any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        check_link(&bytes);
        check_json(&bytes);
    }

    /// Truncations, character changes and bit flips of valid links.
    #[test]
    fn damaged_valid_links(k in any::<prop::sample::Index>(), cut in any::<prop::sample::Index>(),
                           pos in any::<prop::sample::Index>(), bit in 0u8..8, c in proptest::char::any()) {
        damage_link(k, cut, pos, bit, c);
    }
}

proptest! {
    #![proptest_config(config(600))]

    /// Any text of any length, bare and after every prefix.
    #[test]
    fn any_text(s in ".{0,3000}") {
        check_link_text(&s);
        for prefix in ["s1.", "s2.", "s3.", "s4.", "e1.", "#e1.", "https://example.org/x?y#s3.", "s5.", "e0."] {
            check_link_text(&format!("{prefix}{s}"));
        }
        check_json_text(&s);
    }

    /// Random base64url after each prefix, of any length up to a few KB.
    #[test]
    fn random_base64url(s in base64url_text(5000), pad in 0usize..3) {
        for prefix in ["s1.", "s2.", "s3.", "s4.", "e1."] {
            check_link_text(&format!("{prefix}{s}"));
            check_link_text(&format!("{prefix}{s}{}", "=".repeat(pad)));
        }
    }

    /// Truncations and byte changes of valid scenario JSON.
    #[test]
    fn damaged_valid_json(k in any::<prop::sample::Index>(), cut in any::<prop::sample::Index>(),
                          pos in any::<prop::sample::Index>(), b in any::<u8>()) {
        let all = valid_json();
        let j = all[k.index(all.len())].as_bytes();
        check_json(&j[..cut.index(j.len() + 1)]);
        let mut v = j.to_vec();
        v[pos.index(j.len())] = b;
        check_json(&v);
    }

    /// Any float in a scenario field: refused, or read back to the same bits.
    #[test]
    fn any_number_in_json(k in 0usize..6, x in prop_oneof![any::<f64>(), 0.0..1.0f64, -1e-300..1e-300f64]) {
        check_json_text(&with_number(k, x));
    }
}
