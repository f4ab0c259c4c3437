//! Formats at the edge: fixtures that must keep reading forever, round trips, error messages,
//! and a totality property for share links.

use std::path::PathBuf;

use aliansi_sim::presets;
use aliansi_wire::*;
use base64::Engine;
use proptest::prelude::*;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(name)
}

/// Writes the golden fixtures from the current default scenario, only if they are missing and
/// only with `ALIANSI_WIRE_BLESS=1` (never by accident). Once committed they are never
/// rewritten: they pin what shipped.
fn ensure_fixtures() {
    let json_path = fixture("default.v1.json");
    let link_path = fixture("link_v1_default.txt");
    let bless = std::env::var_os("ALIANSI_WIRE_BLESS").is_some_and(|v| v == "1");
    assert!(
        bless || (json_path.exists() && link_path.exists()),
        "the golden fixtures default.v1.json and link_v1_default.txt are missing; write them \
         once, on purpose, with ALIANSI_WIRE_BLESS=1 cargo test -p aliansi-wire --test wire"
    );
    let s = presets::default_scenario();
    if !json_path.exists() {
        let mut v = from_core(&s);
        v.name = Some("Default".to_string());
        v.description = Some(presets::all()[0].description.to_string());
        std::fs::create_dir_all(json_path.parent().unwrap()).unwrap();
        std::fs::write(&json_path, to_json_v1(&v)).unwrap();
    }
    if !link_path.exists() {
        // The link fixture is made from the scenario in the JSON fixture, so the pair stays
        // consistent even if the core's default scenario is retuned later.
        let from_file = parse_json(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
        std::fs::write(&link_path, encode_link(&from_file) + "\n").unwrap();
    }
}

#[test]
fn golden_link_v1_still_decodes_to_its_scenario() {
    ensure_fixtures();
    let json = std::fs::read_to_string(fixture("default.v1.json")).unwrap();
    let expected = parse_json(&json).unwrap();
    let link = std::fs::read_to_string(fixture("link_v1_default.txt")).unwrap();
    let decoded = decode_link(link.trim()).unwrap();
    assert_eq!(decoded, expected);
    // Share now writes the same bytes with a checksum, as an s3 link (tests/golden_links.rs
    // holds every preset's s1 and s3 links byte for byte).
    let again = encode_link(&decoded);
    assert!(again.starts_with("s3."), "{again}");
    assert_eq!(decode_link(&again).unwrap(), expected);
}

#[test]
fn golden_json_round_trips() {
    ensure_fixtures();
    let json = std::fs::read_to_string(fixture("default.v1.json")).unwrap();
    let v1 = parse_v1(&json).unwrap();
    assert_eq!(v1.name.as_deref(), Some("Default"));
    let core = to_core(&v1).unwrap();
    let again = parse_json(&to_json(&core)).unwrap();
    assert_eq!(again, core);
    // The wire struct round-trips through text too (name and description kept).
    assert_eq!(parse_v1(&to_json_v1(&v1)).unwrap(), v1);
}

#[test]
fn every_preset_round_trips_through_json_and_links() {
    for p in presets::all() {
        let s = p.scenario;
        assert_eq!(parse_json(&to_json(&s)).unwrap(), s, "json {}", p.id);
        assert_eq!(from_value(&to_value(&s)).unwrap(), s, "value {}", p.id);
        let link = encode_link(&s);
        assert!(link.starts_with("s3."), "{link}");
        assert!(
            link[3..]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
            "{link}"
        );
        assert_eq!(decode_link(&link).unwrap(), s, "link {}", p.id);
        assert_eq!(decode_link(&format!("#{link}")).unwrap(), s);
        assert_eq!(
            decode_link(&format!("https://example.org/aliansi/?lang=id#{link}")).unwrap(),
            s
        );
        assert_eq!(decode_link(&format!("  {link}\n")).unwrap(), s);
    }
}

#[test]
fn padded_links_are_accepted() {
    for p in presets::all() {
        let link = encode_link(&p.scenario);
        let pad = (4 - (link.len() - 3) % 4) % 4;
        let padded = format!("{link}{}", "=".repeat(pad));
        assert_eq!(decode_link(&padded).unwrap(), p.scenario);
    }
}

#[test]
fn links_carry_an_optional_title() {
    let s = presets::default_scenario();
    let l = encode_link_named(&s, Some("Kelas MBA, minggu 3"));
    let (back, name) = decode_link_named(&l).unwrap();
    assert_eq!(back, s);
    assert_eq!(name.as_deref(), Some("Kelas MBA, minggu 3"));
    assert_eq!(decode_link_named(&encode_link(&s)).unwrap().1, None);
}

#[test]
fn custom_cultures_fixed_shares_and_odd_numbers_survive_links() {
    let mut s = presets::default_scenario();
    s.partners[0].culture = aliansi_sim::CultureSpec::Custom(aliansi_sim::Culture::from_dims([
        1.5, 2.0, 3.25, 119.999, 0.0, 60.0,
    ]));
    s.partners[1].capacity = 1.0 / 3.0;
    s.governance.sharing = aliansi_sim::Sharing::Fixed(vec![0.1, 0.2, 0.3, 0.4]);
    s.environment
        .scripted_shocks
        .push(aliansi_sim::ScriptedShock {
            month: 5,
            kind: aliansi_sim::ShockKind::PartnerCrisis,
            severity: 0.7,
            partner: Some(3),
        });
    s.seed = u64::MAX;
    assert_eq!(decode_link(&encode_link(&s)).unwrap(), s);
    assert_eq!(parse_json(&to_json(&s)).unwrap(), s);
}

fn err_of(json: &str) -> String {
    parse_json(json).unwrap_err().to_string()
}

const MINI: &str = r#"{"version": 1, "partners": [{"name": "A", "culture": "ID"}, {"name": "B", "culture": "JP"}]}"#;

#[test]
fn minimal_file_uses_defaults() {
    let s = parse_json(MINI).unwrap();
    assert_eq!(s.partners.len(), 2);
    assert_eq!(s.horizon_months, presets::default_scenario().horizon_months);
}

#[test]
fn errors_are_one_clear_line() {
    let cases: Vec<(String, &str)> = vec![
        ("{\n  \"version\": 1,\n  \"partners\": [,]\n}".into(), "not valid JSON at line 3 column"),
        ("".into(), "not valid JSON at line 1"),
        (r#"{"partners": []}"#.into(), "missing \"version\""),
        (r#"{"version": 7, "partners": []}"#.into(), "unsupported scenario version 7 (this build reads version 1)"),
        (r#"{"version": "1", "partners": []}"#.into(), "unsupported scenario version \"1\""),
        ("[1, 2]".into(), "must be a JSON object"),
        (MINI.replace("\"version\": 1,", "\"version\": 1, \"colour\": 3,"), "colour: unknown field `colour`, expected one of `version`"),
        (MINI.replace("\"culture\": \"JP\"", "\"culture\": \"JP\", \"capacty\": 5"), "partners.1.capacty: unknown field `capacty`, expected one of `name`"),
        (MINI.replace("\"culture\": \"JP\"", "\"culture\": \"JP\", \"capacity\": -5"), "partners.1.capacity: must be in"),
        (MINI.replace("\"culture\": \"JP\"", "\"culture\": \"JP\", \"capacity\": \"big\""), "partners.1.capacity: expected a number, got the text \"big\""),
        (MINI.replace("\"culture\": \"JP\"", "\"culture\": \"JP\", \"capacity\": \"12,5\""), "partners.1.capacity: expected a number, got the text \"12,5\" (decimals take a point: 12.5)"),
        (MINI.replace("\"JP\"", "\"XX\""), "partners.1.culture: unknown country code \"XX\""),
        (MINI.replace("\"JP\"", "{\"pdi\": 1}"), "partners.1.culture: a custom culture needs all six dimensions: pdi, idv, mas, uai, lto, ivr; idv is missing"),
        (MINI.replace("\"JP\"", "{\"pdi\":1,\"idv\":1,\"mas\":1,\"uai\":1,\"lto\":1}"), "partners.1.culture: a custom culture needs all six dimensions: pdi, idv, mas, uai, lto, ivr; ivr is missing"),
        (MINI.replace("\"JP\"", "5"), "partners.1.culture: expected a country code such as \"ID\" or an object"),
        (MINI.replace("\"version\": 1,", "\"version\": 1, \"horizon_months\": 1.5,"), "horizon_months: expected a whole number, got 1.5"),
        (MINI.replace("\"version\": 1,", "\"version\": 1, \"horizon_months\": -3,"), "horizon_months: expected a whole number from 0 to 4294967295, got -3"),
        (MINI.replace("\"version\": 1,", "\"version\": 1, \"seed\": \"x\","), "seed: expected a whole number, got the text \"x\""),
        (MINI.replace("{\"name\": \"A\", \"culture\": \"ID\"}", "5"), "partners.0: expected a partner (a JSON object), got 5"),
        (MINI.replace("]}", "], \"governance\": {\"alliance_manager\": \"yes\"}}"), "governance.alliance_manager: expected true or false, got the text \"yes\""),
        (MINI.replace("]}", "], \"governance\": {\"resolution\": \"mediation\"}}"), "governance.resolution: expected a list, got the text \"mediation\""),
        (MINI.replace("]}", "], \"environment\": 3}"), "environment: expected the environment (a JSON object), got 3"),
        (MINI.replace("\"JP\"", "{\"pdi\":1,\"idv\":1,\"mas\":1,\"uai\":1,\"lto\":1,\"ivr\":500}"), "partners.1.culture.ivr: must be a score in [0, 120], got 500"),
        (MINI.replace("\"JP\"}", "\"JP\", \"goals\": {\"fun\": 1}}"), "partners.1.goals.fun: unknown field `fun`"),
        (MINI.replace("]}", "], \"governance\": {\"form\": \"llc\"}}"), "governance.form: unknown variant `llc`"),
        (MINI.replace("]}", "], \"governance\": {\"resolution\": [\"prayer\"]}}"), "governance.resolution.0: unknown step \"prayer\""),
        (MINI.replace("]}", "], \"governance\": {\"fixed_shares\": [0.5, 0.5]}}"), "governance.fixed_shares: only allowed with"),
        (MINI.replace("]}", "], \"governance\": {\"sharing\": \"fixed\", \"fixed_shares\": [1]}}"), "governance.fixed_shares: needs one share per partner (2), got 1"),
        (MINI.replace("]}", "], \"environment\": {\"scripted_shocks\": [{\"month\": 3, \"kind\": \"meteor\", \"severity\": 1}]}}"), "environment.scripted_shocks.0.kind: unknown shock kind \"meteor\""),
        (MINI.replace("]}", "], \"environment\": {\"scripted_shocks\": [{\"month\": 999, \"kind\": \"demand_boom\", \"severity\": 1}]}}"), "environment.scripted_shocks.0.month: must be in [1, 120]"),
        (r#"{"version": 1, "partners": [{"name": "A", "culture": "ID"}]}"#.into(), "partners: an alliance needs 2 to"),
        (r#"{"version": 1}"#.into(), "missing field `partners`"),
        (format!("{MINI} x"), "not valid JSON at line 1"),
    ];
    for (json, want) in cases {
        let got = err_of(&json);
        assert!(
            got.contains(want),
            "for {json}\n  got:  {got}\n  want: {want}"
        );
        assert!(!got.contains('\n'), "{got}");
        // serde's type names are put into words.
        for rust in [
            "f64",
            "u32",
            "u64",
            "struct ",
            "V1",
            "invalid type",
            "invalid value",
        ] {
            assert!(!got.contains(rust), "for {json}: {got}");
        }
    }
}

#[test]
fn link_errors_are_clear() {
    let good = encode_link(&presets::default_scenario());
    let unchecked = std::fs::read_to_string(fixture("link_v1_default.txt")).unwrap();
    let unchecked = unchecked.trim();
    let cases: Vec<(String, &str)> = vec![
        ("".into(), "invalid share link: empty"),
        ("hello".into(), "expected a fragment starting with \"s3.\""),
        (
            "https://example.org/#".into(),
            "expected a fragment starting with",
        ),
        ("s7.AAAA".into(), "unsupported share link version \"s7\""),
        (
            "s1.!!!".into(),
            "not base64url ('!' at character 1 is not one of A-Z, a-z, 0-9, '-' and '_')",
        ),
        (format!("{good}=="), "'=' at character"),
        ("s1.A".into(), "no base64url text is 1 character long"),
        ("s1.".into(), "damaged or truncated"),
        (
            good[..good.len() / 4 * 4 - 1].to_string(),
            "does not match its checksum",
        ),
        (format!("{good}AAAA"), "does not match its checksum"),
        (unchecked[..unchecked.len() / 2].to_string(), "damaged"),
        (format!("{unchecked}AAAA"), "unexpected bytes at the end"),
    ];
    for (link, want) in cases {
        let got = decode_link(&link).unwrap_err().to_string();
        assert!(
            got.contains(want),
            "for {link:?}\n  got:  {got}\n  want: {want}"
        );
    }
}

#[test]
fn a_link_with_out_of_range_values_is_refused() {
    let mut s = presets::default_scenario();
    s.partners[2].opportunism = 3.0;
    // encode_link does not validate; decode_link must.
    let err = decode_link(&encode_link(&s)).unwrap_err().to_string();
    assert!(err.contains("partners.2.opportunism"), "{err}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn decode_link_is_total_on_strings(s in ".{0,300}") {
        let _ = decode_link(&s);
        let _ = decode_link(&format!("s1.{s}"));
        let _ = decode_link(&format!("https://x.y/#s1.{s}"));
    }

    #[test]
    fn decode_link_is_total_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&bytes);
        let _ = decode_link(&format!("s1.{b64}"));
    }

    #[test]
    fn damaged_links_never_panic(cut in 0usize..2000, pos in 0usize..2000, c in proptest::char::range('!', '~')) {
        let good = encode_link(&presets::default_scenario());
        let cut = cut % (good.len() + 1);
        let _ = decode_link(&good[..cut]);
        let mut chars: Vec<char> = good.chars().collect();
        let pos = pos % chars.len();
        chars[pos] = c;
        let damaged: String = chars.into_iter().collect();
        let _ = decode_link(&damaged);
    }

    #[test]
    fn parse_json_is_total(s in ".{0,200}") {
        let _ = parse_json(&s);
    }
}

#[test]
fn huge_input_is_refused_quickly() {
    let huge = "A".repeat(MAX_LINK_CHARS + 1);
    assert!(decode_link(&huge)
        .unwrap_err()
        .to_string()
        .contains("too long"));
    let big = format!("s1.{}", "A".repeat(MAX_LINK_CHARS - 10));
    assert!(decode_link(&big).is_err());
}

/// What chat apps and sentences do to a link is undone: punctuation stuck to its end, text
/// after it, percent-encoding, a capital version letter. A link whose data was cut or changed
/// is still refused.
#[test]
fn links_survive_what_chat_apps_do_to_them() {
    let s = presets::find("calm-pair").unwrap();
    let link = encode_link(&s);
    let x = encode_experiment_link(&Experiment {
        scenario: s.clone(),
        name: None,
        variants: vec![("Base".into(), s.clone())],
        runs: 200,
    });
    let url = format!("https://example.org/aliansi/#{link}");
    let payload = link.strip_prefix("s3.").unwrap();
    let encoded_a = format!("s3.%{:02X}{}", payload.as_bytes()[0], &payload[1..]);
    for text in [
        format!("{url}."),
        format!("({url})"),
        format!("{url},"),
        format!("\"{url}\""),
        format!("{url}…"),
        format!("{url}%20"),
        format!("{url} see you tomorrow"),
        format!("#s3%2E{payload}"),
        encoded_a,
        format!("S3.{payload}"),
    ] {
        assert_eq!(decode_link(&text).as_ref(), Ok(&s), "{text}");
        assert!(
            matches!(decode_shared(&text), Ok(Shared::Scenario { ref scenario, .. }) if *scenario == s),
            "{text}"
        );
    }
    for text in [format!("{x})."), format!("E1.{}", &x[3..])] {
        assert!(
            matches!(decode_shared(&text), Ok(Shared::Experiment(ref e)) if e.runs == 200),
            "{text}"
        );
    }
    // Cut short, or a character of the data changed: still refused.
    assert!(decode_link(&link[..link.len() - 6]).is_err());
    assert!(decode_link(&format!("{}.", &link[..link.len() - 6])).is_err());
}
