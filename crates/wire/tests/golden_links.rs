//! Golden share links, one pair of files per fixture in `tests/fixtures/links/`:
//!
//! * `NAME.txt`: the link text, exactly as an encoder of its version wrote it;
//! * `NAME.json`: what it must decode to, in the version-1 scenario JSON (for `s2.` links, an
//!   object `{"choices": [{"dispute", "step"}], "scenario"}`; for experiments, an object
//!   `{"name", "runs", "scenario", "variants": [{"name", "scenario"}]}`; their scenarios are
//!   version-1 scenario JSON).
//!
//! Every fixture must decode to its expected value and re-encode to the same text, forever: a
//! change to a shipped wire struct, enum code or number encoding fails here. There is an `s3.`
//! fixture (what Share makes since 2026-12: the bytes of an `s1.` link and their checksum) and
//! an `s1.` fixture for every preset, two runs with a class's choices as `s4.` and as `s2.`
//! links, and a few `e1.` experiments. The encoder no longer writes `s1.` or `s2.` links: an
//! `s1.`/`s2.` fixture re-encodes to the bytes of its `s3.`/`s4.` link without the checksum.
//!
//! Fixtures are never rewritten. A missing one is only written with `ALIANSI_WIRE_BLESS=1`
//! (`ALIANSI_WIRE_BLESS=1 cargo test -p aliansi-wire --test golden_links`), from the current
//! presets and the cases below; without it a missing fixture fails the test.

use std::path::{Path, PathBuf};

use aliansi_sim::{
    presets, Country, Culture, CultureSpec, Resolution, Scenario, ScriptedShock, Sharing, ShockKind,
};
use aliansi_wire::*;
use serde::{Deserialize, Serialize};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/links")
}

fn blessing() -> bool {
    std::env::var_os("ALIANSI_WIRE_BLESS").is_some_and(|v| v == "1")
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExperimentJson {
    #[serde(skip_serializing_if = "Option::is_none", default)]
    name: Option<String>,
    runs: u64,
    scenario: ScenarioV1,
    variants: Vec<VariantJson>,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RunJson {
    choices: Vec<ChoiceJson>,
    scenario: ScenarioV1,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ChoiceJson {
    dispute: u32,
    /// `Resolution::key`: "avoidance", "negotiation", "mediation", "arbitration", "escalation".
    step: String,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct VariantJson {
    name: String,
    scenario: ScenarioV1,
}

/// What a fixture stands for, as first made.
#[derive(Clone)]
enum Case {
    /// A scenario, its title and the class's choices (an `s2.` link when there are any).
    Scenario(Scenario, Option<String>, Vec<(u32, Resolution)>),
    Experiment(Experiment),
}

fn expected_json(c: &Case) -> String {
    match c {
        Case::Scenario(s, name, choices) if choices.is_empty() => {
            let mut v = from_core(s);
            v.name = name.clone();
            to_json_v1(&v)
        }
        Case::Scenario(s, name, choices) => {
            let mut v = from_core(s);
            v.name = name.clone();
            let j = RunJson {
                choices: choices
                    .iter()
                    .map(|&(dispute, step)| ChoiceJson {
                        dispute,
                        step: step.key().to_string(),
                    })
                    .collect(),
                scenario: v,
            };
            serde_json::to_string_pretty(&j).unwrap() + "\n"
        }
        Case::Experiment(x) => {
            let j = ExperimentJson {
                name: x.name.clone(),
                runs: x.runs,
                scenario: from_core(&x.scenario),
                variants: x
                    .variants
                    .iter()
                    .map(|(name, s)| VariantJson {
                        name: name.clone(),
                        scenario: from_core(s),
                    })
                    .collect(),
            };
            serde_json::to_string_pretty(&j).unwrap() + "\n"
        }
    }
}

fn link_of(fixture: &str, c: &Case) -> String {
    let link = match c {
        Case::Scenario(s, name, choices) => encode_link_with_choices(s, name.as_deref(), choices),
        Case::Experiment(x) => encode_experiment_link(x),
    };
    as_version(fixture, link)
}

/// `link` (as the encoder writes it today) as the fixture `fixture`'s version writes it: for an
/// `s1_`/`s2_` fixture, the `s3.`/`s4.` link's bytes without their checksum (the last four),
/// behind the old prefix.
fn as_version(fixture: &str, link: String) -> String {
    use base64::Engine;
    let old = if fixture.starts_with("s1_") {
        ("s3.", "s1.")
    } else if fixture.starts_with("s2_") {
        ("s4.", "s2.")
    } else {
        return link;
    };
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let payload = link
        .strip_prefix(old.0)
        .unwrap_or_else(|| panic!("{fixture}: {link}"));
    let mut bytes = b64.decode(payload).unwrap();
    bytes.truncate(bytes.len() - 4);
    format!("{}{}", old.1, b64.encode(bytes))
}

/// Reads an expected file back into what the link must decode to.
fn read_expected(name: &str, text: &str) -> Shared {
    if name.starts_with("s1_") || name.starts_with("s3_") {
        let v = parse_v1(text).unwrap_or_else(|e| panic!("{name}.json: {e}"));
        let title = v.name.clone();
        Shared::Scenario {
            scenario: to_core(&v).unwrap_or_else(|e| panic!("{name}.json: {e}")),
            name: title,
            choices: Vec::new(),
        }
    } else if name.starts_with("s2_") || name.starts_with("s4_") {
        let j: RunJson = serde_json::from_str(text).unwrap_or_else(|e| panic!("{name}.json: {e}"));
        let choices = j
            .choices
            .iter()
            .map(|c| {
                let step = Resolution::ALL
                    .into_iter()
                    .find(|r| r.key() == c.step)
                    .unwrap_or_else(|| panic!("{name}.json: unknown step {}", c.step));
                (c.dispute, step)
            })
            .collect();
        Shared::Scenario {
            scenario: to_core(&j.scenario).unwrap_or_else(|e| panic!("{name}.json: {e}")),
            name: j.scenario.name.clone(),
            choices,
        }
    } else {
        let j: ExperimentJson =
            serde_json::from_str(text).unwrap_or_else(|e| panic!("{name}.json: {e}"));
        let core = |v: &ScenarioV1| to_core(v).unwrap_or_else(|e| panic!("{name}.json: {e}"));
        Shared::Experiment(Experiment {
            scenario: core(&j.scenario),
            name: j.name,
            variants: j
                .variants
                .iter()
                .map(|v| (v.name.clone(), core(&v.scenario)))
                .collect(),
            runs: j.runs,
        })
    }
}

fn encode_shared(s: &Shared) -> String {
    match s {
        Shared::Scenario {
            scenario,
            name,
            choices,
        } => encode_link_with_choices(scenario, name.as_deref(), choices),
        Shared::Experiment(x) => encode_experiment_link(x),
    }
}

/// An odd scenario: custom culture, numbers that are not thousandths, fixed shares, scripted
/// partner shocks, the largest seed.
fn odd_scenario() -> Scenario {
    let mut s = presets::default_scenario();
    s.partners[0].culture =
        CultureSpec::Custom(Culture::from_dims([1.5, 2.0, 3.25, 119.999, 0.0, 60.0]));
    s.partners[1].capacity = 1.0 / 3.0;
    s.partners[2].name = "PT Maju Bersama — 株式会社".into();
    s.governance.sharing = Sharing::Fixed(vec![0.1, 0.2, 0.3, 0.4]);
    s.governance.resolution = vec![Resolution::Mediation, Resolution::Arbitration];
    s.environment.scripted_shocks.push(ScriptedShock {
        month: 5,
        kind: ShockKind::PartnerCrisis,
        severity: 0.7,
        partner: Some(3),
    });
    s.environment.scripted_shocks.push(ScriptedShock {
        month: 30,
        kind: ShockKind::DemandCollapse,
        severity: 0.1 + 0.2,
        partner: None,
    });
    s.seed = u64::MAX;
    s
}

fn thirty_partners() -> Scenario {
    let mut s = presets::default_scenario();
    let base = s.partners[0].clone();
    s.partners = (0..30)
        .map(|i| {
            let mut p = base.clone();
            p.name = format!("Partner {i}");
            p.culture = CultureSpec::Country(Country::ALL[i % Country::ALL.len()]);
            p.capacity = 1.0 + i as f64 * 333.0;
            p.expected_share = 1.0 / 30.0;
            p
        })
        .collect();
    s.horizon_months = aliansi_sim::MAX_HORIZON_MONTHS;
    s
}

/// Every fixture: an `s1.` link per preset, a titled odd scenario, and four experiments.
fn cases() -> Vec<(String, Case)> {
    let mut out: Vec<(String, Case)> = presets::all()
        .into_iter()
        .map(|p| {
            (
                format!("s1_{}", p.id),
                Case::Scenario(p.scenario, None, vec![]),
            )
        })
        .collect();
    out.push((
        "s1_titled_odd".into(),
        Case::Scenario(
            odd_scenario(),
            Some("Kelas MBA, minggu 3 — ü".into()),
            vec![],
        ),
    ));
    out.push((
        "s2_default_three_choices".into(),
        Case::Scenario(
            presets::default_scenario(),
            Some("Kelas 3B: mediasi".into()),
            vec![
                (1, Resolution::Mediation),
                (2, Resolution::Arbitration),
                (5, Resolution::Negotiation),
            ],
        ),
    ));
    out.push((
        "s2_odd_every_step".into(),
        Case::Scenario(
            odd_scenario(),
            None,
            vec![
                (1, Resolution::Avoidance),
                (2, Resolution::Negotiation),
                (300, Resolution::Mediation),
                (70_000, Resolution::Arbitration),
                (u32::MAX, Resolution::Escalation),
            ],
        ),
    ));
    // The same scenarios and runs as links with a checksum (s3., s4.).
    let checked: Vec<(String, Case)> = out
        .iter()
        .map(|(name, case)| {
            let name = name.replacen("s1_", "s3_", 1).replacen("s2_", "s4_", 1);
            (name, case.clone())
        })
        .collect();
    out.extend(checked);
    let d = presets::default_scenario();
    let mut transparent = d.clone();
    transparent.governance.transparency = 0.9;
    out.push((
        "e1_default_two_variants".into(),
        Case::Experiment(Experiment {
            scenario: d.clone(),
            name: Some("Default".into()),
            variants: vec![
                ("Base".into(), d.clone()),
                ("Transparent".into(), transparent),
            ],
            runs: 1000,
        }),
    ));
    let all = presets::all();
    let pick = |k: usize| all[k % all.len()].scenario.clone();
    out.push((
        "e1_four_variants_unicode".into(),
        Case::Experiment(Experiment {
            scenario: odd_scenario(),
            name: Some("Eksperimen kelas: “kepercayaan” 🇮🇩".into()),
            variants: vec![
                ("Dasar".into(), odd_scenario()),
                ("Transparansi tinggi — 高い透明性".into(), pick(1)),
                ("Équipe ❤ mixte".into(), pick(2)),
                ("Mediasi dulu".into(), pick(3)),
            ],
            runs: 25_000,
        }),
    ));
    let mut bare = d.clone();
    bare.seed = 0;
    out.push((
        "e1_minimal".into(),
        Case::Experiment(Experiment {
            scenario: bare,
            name: None,
            variants: vec![],
            runs: MIN_RUNS,
        }),
    ));
    out.push((
        "e1_thirty_partners_max_runs".into(),
        Case::Experiment(Experiment {
            scenario: thirty_partners(),
            name: Some("x".repeat(MAX_NAME_CHARS)),
            variants: vec![("Thirty".into(), thirty_partners())],
            runs: MAX_RUNS,
        }),
    ));
    out
}

/// Writes the missing fixtures (only with `ALIANSI_WIRE_BLESS=1`); returns the names missing.
fn bless_missing() -> Vec<String> {
    let mut missing = Vec::new();
    for (name, case) in cases() {
        let txt = dir().join(format!("{name}.txt"));
        let json = dir().join(format!("{name}.json"));
        if txt.exists() && json.exists() {
            continue;
        }
        missing.push(name.clone());
        if blessing() {
            // Check the case before pinning it: it must be valid and round-trip today.
            let link = link_of(&name, &case);
            let back = decode_shared(&link).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(read_expected(&name, &expected_json(&case)), back, "{name}");
            std::fs::create_dir_all(dir()).unwrap();
            assert!(
                !txt.exists() && !json.exists(),
                "{name}: only half of the pair exists"
            );
            std::fs::write(&txt, link + "\n").unwrap();
            std::fs::write(&json, expected_json(&case)).unwrap();
            eprintln!("blessed new fixture {name}");
        }
    }
    missing
}

#[test]
fn every_fixture_exists() {
    let missing = bless_missing();
    assert!(
        blessing() || missing.is_empty(),
        "missing link fixtures {missing:?}: check the change, then write them once with \
         ALIANSI_WIRE_BLESS=1 cargo test -p aliansi-wire --test golden_links"
    );
}

/// Every committed fixture (whatever made it) decodes to its expected value and re-encodes to
/// its exact text.
#[test]
fn every_fixture_decodes_to_its_expected_value_forever() {
    let mut seen = 0;
    let mut versions = std::collections::BTreeSet::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir())
        .expect("tests/fixtures/links")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    entries.sort();
    for txt in entries {
        let name = txt.file_stem().unwrap().to_str().unwrap().to_string();
        let link = std::fs::read_to_string(&txt).unwrap();
        let link = link.trim_end_matches('\n');
        let expected_text = std::fs::read_to_string(txt.with_extension("json"))
            .unwrap_or_else(|e| panic!("{name}.json: {e}"));
        let expected = read_expected(&name, &expected_text);
        let decoded = decode_shared(link).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            decoded, expected,
            "{name} no longer decodes to its scenario"
        );
        assert_eq!(
            as_version(&name, encode_shared(&decoded)),
            link,
            "{name} no longer re-encodes"
        );
        if let Shared::Scenario {
            scenario,
            name: title,
            choices,
        } = &decoded
        {
            assert_eq!(
                decode_link_named(link).unwrap(),
                (scenario.clone(), title.clone())
            );
            let checked = name.starts_with("s3_") || name.starts_with("s4_");
            let version = match (checked, choices.is_empty()) {
                (false, true) => "s1.",
                (false, false) => "s2.",
                (true, true) => "s3.",
                (true, false) => "s4.",
            };
            assert!(link.starts_with(version), "{name}");
            assert!(name.starts_with(&version[..2]), "{name}");
        } else {
            assert!(link.starts_with("e1."), "{name}");
        }
        versions.insert(link[..2].to_string());
        seen += 1;
    }
    assert!(seen >= 2 * presets::all().len() + 8, "only {seen} fixtures");
    assert_eq!(
        versions.into_iter().collect::<Vec<_>>(),
        ["e1", "s1", "s2", "s3", "s4"]
    );
}

/// The expected files are canonical: writing what they say gives the same text, so a change
/// in the JSON writer (which would not break links) is noticed too.
#[test]
fn expected_files_are_canonical_json() {
    for (name, _) in cases() {
        let Ok(text) = std::fs::read_to_string(dir().join(format!("{name}.json"))) else {
            continue; // every_fixture_exists reports it
        };
        let again = match read_expected(&name, &text) {
            Shared::Scenario {
                scenario,
                name,
                choices,
            } => expected_json(&Case::Scenario(scenario, name, choices)),
            Shared::Experiment(x) => expected_json(&Case::Experiment(x)),
        };
        assert_eq!(again, text, "{name}.json");
    }
}

/// The first shipped link fixture (`link_v1_default.txt`) is one of the set too.
#[test]
fn the_first_fixture_still_matches() {
    let link = std::fs::read_to_string(dir().join("../link_v1_default.txt")).unwrap();
    let expected =
        parse_json(&std::fs::read_to_string(dir().join("../default.v1.json")).unwrap()).unwrap();
    assert_eq!(
        decode_shared(link.trim()).unwrap(),
        Shared::Scenario {
            scenario: expected,
            name: None,
            choices: vec![],
        }
    );
}
