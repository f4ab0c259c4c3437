//! Experiment links (`e1.`) and `decode_shared`: round trips, validation, clear errors.

use aliansi_sim::presets;
use aliansi_wire::*;
use base64::Engine;

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The postcard bytes of a scenario's `LinkV1` (an `s3.` link's bytes without their checksum),
/// as an experiment link holds them.
fn link_bytes(s: &aliansi_sim::Scenario, name: Option<&str>) -> Vec<u8> {
    let mut b = unb64(&encode_link_named(s, name)[3..]);
    b.truncate(b.len() - 4);
    b
}

fn unb64(text: &str) -> Vec<u8> {
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(text)
        .unwrap()
}

fn sample() -> Experiment {
    let d = presets::default_scenario();
    let mut alt = presets::all()[1].scenario.clone();
    alt.governance.monitoring = 0.8;
    Experiment {
        scenario: d.clone(),
        name: Some("Kelas MBA — minggu 3".into()),
        variants: vec![("Dasar".into(), d), ("Pemantauan 🔍".into(), alt)],
        runs: 2000,
    }
}

fn err(text: &str) -> String {
    decode_shared(text).unwrap_err().to_string()
}

#[test]
fn experiments_round_trip() {
    let x = sample();
    assert_eq!(x.validate(), Ok(()));
    let link = encode_experiment_link(&x);
    assert!(link.starts_with("e1."), "{link}");
    assert!(link[3..]
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    assert_eq!(decode_shared(&link), Ok(Shared::Experiment(x.clone())));
    // Pasted as a URL, with a '#', padded, with whitespace.
    let pad = "=".repeat((4 - (link.len() - 3) % 4) % 4);
    for text in [
        format!("#{link}"),
        format!("https://example.org/aliansi/?lang=id#{link}"),
        format!("  {link}{pad}\n"),
    ] {
        assert_eq!(decode_shared(&text), Ok(Shared::Experiment(x.clone())));
    }
    // Without a name and without variants.
    let bare = Experiment {
        name: None,
        variants: vec![],
        runs: MIN_RUNS,
        ..x.clone()
    };
    assert_eq!(
        decode_shared(&encode_experiment_link(&bare)),
        Ok(Shared::Experiment(bare))
    );
    // Four variants, the most runs.
    let mut four = x;
    four.variants = (0..MAX_VARIANTS)
        .map(|k| (format!("v{k}"), presets::all()[k].scenario.clone()))
        .collect();
    four.runs = MAX_RUNS;
    assert_eq!(
        decode_shared(&encode_experiment_link(&four)),
        Ok(Shared::Experiment(four))
    );
}

#[test]
fn decode_shared_reads_scenario_links_as_decode_link_does() {
    for p in presets::all() {
        let link = encode_link(&p.scenario);
        assert_eq!(
            decode_shared(&link),
            Ok(Shared::Scenario {
                scenario: p.scenario.clone(),
                name: None,
                choices: vec![],
            })
        );
        let named = encode_link_named(&p.scenario, Some("Judul"));
        assert_eq!(
            decode_shared(&format!("https://x.y/#{named}")),
            Ok(Shared::Scenario {
                scenario: p.scenario,
                name: Some("Judul".into()),
                choices: vec![],
            })
        );
    }
    // decode_link keeps reading only scenario links.
    let e = decode_link(&encode_experiment_link(&sample()))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("expected a fragment starting with \"s3.\""),
        "{e}"
    );
}

#[test]
fn the_payload_is_a_scenario_link_then_the_variants_then_the_runs() {
    // The documented layout: LinkV1 (name = experiment name), varint count, that many LinkV1
    // (name = variant name), varint runs.
    let x = sample();
    let link = encode_experiment_link(&x);
    let bytes = unb64(&link[3..]);
    let head = link_bytes(&x.scenario, x.name.as_deref());
    assert!(bytes.starts_with(&head));
    let mut expect = head;
    expect.push(2);
    for (name, s) in &x.variants {
        expect.extend(link_bytes(s, Some(name)));
    }
    expect.extend([0xD0, 0x0F]); // 2000 as a varint
    assert_eq!(bytes, expect);
}

#[test]
fn a_variant_without_a_name_is_refused() {
    let s = presets::default_scenario();
    let mut bytes = link_bytes(&s, None);
    bytes.push(1);
    bytes.extend(link_bytes(&s, None)); // name None
    bytes.push(100);
    let e = err(&format!("e1.{}", b64(&bytes)));
    assert_eq!(e, "invalid share link: variants.0.name: missing");
}

#[test]
fn out_of_range_experiments_are_refused_with_the_field() {
    type Edit = Box<dyn Fn(&mut Experiment)>;
    let cases: Vec<(Edit, &str)> = vec![
        (
            Box::new(|x| x.runs = 9),
            "runs: must be in [10, 100000], got 9",
        ),
        (
            Box::new(|x| x.runs = 100_001),
            "runs: must be in [10, 100000], got 100001",
        ),
        (
            Box::new(|x| x.runs = u64::MAX),
            "runs: must be in [10, 100000]",
        ),
        (
            Box::new(|x| x.name = Some("é".repeat(MAX_NAME_CHARS + 1))),
            "name: must be at most 80 characters, got 81",
        ),
        (
            Box::new(|x| x.name = Some("  ".into())),
            "name: must not be empty",
        ),
        (
            Box::new(|x| x.variants[1].0 = String::new()),
            "variants.1.name: must not be empty",
        ),
        (
            Box::new(|x| x.variants[0].0 = "x".repeat(81)),
            "variants.0.name: must be at most 80 characters",
        ),
        (
            Box::new(|x| {
                let v = x.variants[0].clone();
                x.variants = vec![v; MAX_VARIANTS + 1];
            }),
            "variants: at most 4 variants, got 5",
        ),
        (
            Box::new(|x| x.variants[1].1.partners[1].opportunism = 3.0),
            "variants.1.partners.1.opportunism: must be in [0, 1], got 3",
        ),
        (
            Box::new(|x| x.scenario.horizon_months = 0),
            "scenario.horizon_months: must be in [1, 1200], got 0",
        ),
    ];
    for (edit, want) in cases {
        let mut x = sample();
        edit(&mut x);
        let v = x.validate().unwrap_err().to_string();
        assert!(v.contains(want), "validate: got {v}, want {want}");
        let d = err(&encode_experiment_link(&x));
        assert!(d.starts_with("invalid share link: "), "{d}");
        assert!(d.contains(want), "decode: got {d}, want {want}");
    }
    // Exactly 80 characters is fine.
    let mut x = sample();
    x.name = Some("ü".repeat(MAX_NAME_CHARS));
    assert_eq!(x.validate(), Ok(()));
    assert_eq!(
        decode_shared(&encode_experiment_link(&x)),
        Ok(Shared::Experiment(x))
    );
}

#[test]
fn unknown_links_name_the_known_versions() {
    for (text, want) in [
        ("", "invalid share link: empty"),
        (
            "hello",
            "expected a fragment starting with \"s3.\" or \"s4.\" (scenario) or \"e1.\" (experiment)",
        ),
        ("https://example.org/#", "expected a fragment starting with"),
        (
            "e2.AAAA",
            "unsupported share link version \"e2\" (this build reads \"s1\" to \"s4\" scenario links and \"e1\" experiment links)",
        ),
        ("s9.AAAA", "unsupported share link version \"s9\""),
        ("x1.AAAA", "expected a fragment starting with"),
        ("e1.!!!", "the text after \"e1.\" is not base64url"),
        ("e1.", "damaged or truncated"),
    ] {
        let got = err(text);
        assert!(got.contains(want), "for {text:?}\n  got:  {got}\n  want: {want}");
    }
    let good = encode_experiment_link(&sample());
    // Cut where the base64 stays well formed (a payload length of 4k).
    let cut = 3 + ((good.len() - 3) / 2) / 4 * 4;
    let e = err(&good[..cut]);
    assert!(e.contains("damaged or truncated"), "{e}");
    assert!(err(&format!("{good}AAAA")).contains("unexpected bytes at the end"));
    let huge = format!("e1.{}", "A".repeat(MAX_LINK_CHARS));
    assert!(err(&huge).contains("too long"));
}

mod random {
    use super::*;
    use proptest::prelude::*;

    fn name() -> impl Strategy<Value = String> {
        ".{1,80}".prop_filter("not blank", |s| !s.trim().is_empty())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

        /// Any valid experiment (any names up to the limit, 0 to 4 variants from the presets
        /// with any seeds, any run count in range) comes back equal, and its link is canonical.
        #[test]
        fn valid_experiments_round_trip(
            title in proptest::option::of(name()),
            picks in proptest::collection::vec((name(), any::<prop::sample::Index>(), any::<u64>()), 0..=MAX_VARIANTS),
            base in any::<prop::sample::Index>(),
            seed in any::<u64>(),
            runs in MIN_RUNS..=MAX_RUNS,
        ) {
            let all = presets::all();
            let mut scenario = all[base.index(all.len())].scenario.clone();
            scenario.seed = seed;
            let variants = picks
                .into_iter()
                .map(|(n, k, seed)| {
                    let mut s = all[k.index(all.len())].scenario.clone();
                    s.seed = seed;
                    (n, s)
                })
                .collect();
            let x = Experiment { scenario, name: title, variants, runs };
            prop_assert_eq!(x.validate(), Ok(()));
            let link = encode_experiment_link(&x);
            prop_assert!(link.len() < MAX_LINK_CHARS);
            let back = decode_shared(&link);
            prop_assert_eq!(&back, &Ok(Shared::Experiment(x)));
            if let Ok(Shared::Experiment(y)) = back {
                prop_assert_eq!(encode_experiment_link(&y), link);
            }
        }
    }
}
