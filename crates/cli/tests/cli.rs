//! Runs the real `aliansi` binary.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn aliansi(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aliansi"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn ok(args: &[&str]) -> String {
    let o = aliansi(args);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        o.status.success(),
        "aliansi {args:?} failed ({:?}): {err}",
        o.status
    );
    String::from_utf8(o.stdout).expect("utf-8 output")
}

fn ok_json(args: &[&str]) -> Value {
    let text = ok(args);
    serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("aliansi {args:?}: not JSON ({e}): {text}"))
}

/// Bad input: status 2, nothing on stdout, exactly one stderr line starting with "error: ",
/// containing `want`.
fn bad(args: &[&str], want: &str) {
    let o = aliansi(args);
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    assert_eq!(
        o.status.code(),
        Some(2),
        "aliansi {args:?}: status {:?}, stderr {err}",
        o.status
    );
    assert!(
        o.stdout.is_empty(),
        "aliansi {args:?} printed {:?}",
        String::from_utf8_lossy(&o.stdout)
    );
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines.len(),
        1,
        "aliansi {args:?}: stderr must be one line, got {err:?}"
    );
    assert!(lines[0].starts_with("error: "), "aliansi {args:?}: {err:?}");
    assert!(
        lines[0].contains(want),
        "aliansi {args:?}:\n  got:  {}\n  want: {want}",
        lines[0]
    );
    assert!(!err.contains("panicked"), "{err}");
}

/// A file in the temporary folder, removed again when the test is done
/// with it (also when the test fails).
struct TempFile(PathBuf);

impl TempFile {
    fn to_str(&self) -> Option<&str> {
        self.0.to_str()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn temp(name: &str, contents: &str) -> TempFile {
    let p = std::env::temp_dir().join(format!("aliansi-cli-test-{}-{name}", std::process::id()));
    std::fs::write(&p, contents).unwrap();
    TempFile(p)
}

#[test]
fn help_prints_usage() {
    for args in [&["--help"][..], &["help"], &["run", "--help"], &["-h"]] {
        let out = ok(args);
        assert!(
            out.contains("USAGE:") && out.contains("aliansi batch"),
            "{args:?}: {out}"
        );
    }
}

#[test]
fn presets_lists_default() {
    let out = ok(&["presets"]);
    assert!(out.lines().next().unwrap().starts_with("default "), "{out}");
    for p in aliansi_sim::presets::all() {
        assert!(
            out.lines()
                .any(|l| l.starts_with(p.id) && l.contains(p.description)),
            "{out}"
        );
    }
    let v = ok_json(&["presets", "--json"]);
    assert_eq!(v[0]["id"], "default");
}

#[test]
fn run_prints_an_outcome_and_a_story() {
    let out = ok(&["run", "--preset", "id-jp-jv", "--seed", "5"]);
    let first = out.lines().next().unwrap();
    assert!(
        first.starts_with("Outcome: survived") || first.starts_with("Outcome: dissolved in month"),
        "{out}"
    );
    // Scripted shocks are told in words, and partners by name.
    let s = aliansi_sim::presets::find("id-jp-jv").unwrap();
    let r = aliansi_sim::run(&s, 5).unwrap();
    for shock in s
        .environment
        .scripted_shocks
        .iter()
        .filter(|x| x.month <= r.months)
    {
        let prefix = format!("Month {}: ", shock.month);
        assert!(
            out.lines()
                .any(|l| l.starts_with(&prefix) && l.ends_with("(scripted).")),
            "{out}"
        );
    }
    assert!(out.contains(&s.partners[0].name), "{out}");
    assert!(!out.contains("Month 0:"), "{out}");
}

#[test]
fn run_json_has_outcome_events_and_series() {
    let v = ok_json(&["run", "--json", "--seed", "11"]);
    for k in [
        "outcome",
        "months",
        "value_total",
        "payoff_total",
        "events",
        "series",
    ] {
        assert!(v.get(k).is_some(), "missing {k}");
    }
    let months = v["months"].as_u64().unwrap();
    assert_eq!(v["series"].as_array().unwrap().len() as u64, months);
    assert_eq!(v["payoff_total"].as_array().unwrap().len(), 4);
    let last = v["events"].as_array().unwrap().last().unwrap().clone();
    match v["outcome"]["status"].as_str().unwrap() {
        "survived" => assert_eq!(last["type"], "survived"),
        "dissolved" => {
            assert_eq!(v["outcome"]["month"].as_u64(), Some(months));
            assert!(v["outcome"]["cause"].is_string());
        }
        other => panic!("status {other}"),
    }
    // Same as the core's own run.
    let s = aliansi_sim::presets::default_scenario();
    let r = aliansi_sim::run(&s, 11).unwrap();
    assert_eq!(v["value_total"].as_f64(), Some(r.value_total));
    assert_eq!(v["events"].as_array().unwrap().len(), r.events.len());
}

#[test]
fn batch_json_has_every_field_and_matches_the_single_thread_core() {
    let v = ok_json(&[
        "batch",
        "--runs",
        "40",
        "--threads",
        "2",
        "--json",
        "--seed",
        "99",
    ]);
    for k in [
        "runs",
        "horizon_months",
        "survival_at_horizon",
        "survival_ci95",
        "median_survival_months",
        "survival_curve",
        "survival_band",
        "hazard_by_year",
        "causes",
        "mean_value",
        "mean_final_trust",
        "checksum",
        "seed",
    ] {
        assert!(v.get(k).is_some(), "missing {k} in {v}");
    }
    let s = aliansi_sim::presets::default_scenario();
    let h = s.horizon_months as usize;
    assert_eq!(v["runs"], 40);
    assert_eq!(v["seed"], 99);
    let curve = v["survival_curve"].as_array().unwrap();
    assert_eq!(curve.len(), h + 1);
    assert_eq!(curve[0].as_f64(), Some(1.0));
    assert_eq!(v["survival_band"]["low"].as_array().unwrap().len(), h + 1);
    assert_eq!(v["survival_band"]["high"].as_array().unwrap().len(), h + 1);
    assert_eq!(v["survival_ci95"].as_array().unwrap().len(), 2);
    assert_eq!(
        v["hazard_by_year"].as_array().unwrap().len(),
        h.div_ceil(12)
    );
    let causes = v["causes"].as_object().unwrap();
    for c in aliansi_sim::Cause::ALL {
        assert!(causes.contains_key(c.key()), "cause {} missing", c.key());
    }
    assert!(v["median_survival_months"].is_null() || v["median_survival_months"].is_u64());

    let single = aliansi_sim::run_batch(&s, 99, 40).unwrap();
    assert_eq!(
        v["survival_at_horizon"].as_f64(),
        Some(single.survival_at_horizon)
    );
    assert_eq!(
        v["checksum"].as_str().unwrap(),
        format!("{:016x}", single.checksum)
    );
    assert_eq!(v["mean_value"].as_f64(), Some(single.mean_value));

    // Any thread count gives the same bits.
    let one = ok_json(&[
        "batch",
        "--runs",
        "40",
        "--threads",
        "1",
        "--json",
        "--seed",
        "99",
    ]);
    let three = ok_json(&[
        "batch",
        "--runs",
        "40",
        "--threads",
        "3",
        "--json",
        "--seed",
        "99",
    ]);
    for k in ["checksum", "survival_curve", "mean_value", "causes"] {
        assert_eq!(one[k], v[k], "{k}");
        assert_eq!(three[k], v[k], "{k}");
    }
}

#[test]
fn batch_prints_a_human_summary() {
    let out = ok(&["batch", "--runs", "20", "--preset", "calm-pair"]);
    for want in [
        "Survival at month",
        "95 % CI",
        "Median survival",
        "Hazard by year",
        "Causes",
        "runs/s",
    ] {
        assert!(out.contains(want), "missing {want}: {out}");
    }
}

#[test]
fn sweep_gives_one_row_per_value() {
    let v = ok_json(&[
        "sweep",
        "--param",
        "environment.rivalry",
        "--values",
        "0.1,0.5,0.9",
        "--runs",
        "12",
        "--json",
    ]);
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1]["value"].as_f64(), Some(0.5));
    assert!(rows.iter().all(|r| r["runs"] == 12 && r["seed"] == 2024));
    let out = ok(&[
        "sweep",
        "--param",
        "governance.alliance_manager",
        "--values",
        "false,true",
        "--runs",
        "12",
    ]);
    let body: Vec<&str> = out.lines().skip(2).collect();
    assert_eq!(body.len(), 2, "{out}");
    assert!(
        body[0].starts_with("false") && body[1].starts_with("true"),
        "{out}"
    );
    // Lists are separated with ';'.
    let v = ok_json(&[
        "sweep",
        "--param",
        "governance.resolution",
        "--values",
        "negotiation;negotiation,mediation,arbitration",
        "--runs",
        "8",
        "--json",
    ]);
    assert_eq!(v.as_array().unwrap().len(), 2);
}

#[test]
fn a_sweep_value_equal_to_the_base_matches_the_batch() {
    // Common random numbers: the sweep row for the current value is the plain batch.
    let b = ok_json(&["batch", "--runs", "16", "--json"]);
    let base = aliansi_sim::presets::default_scenario().environment.rivalry;
    let other = if base > 0.5 { 0.1 } else { 0.9 };
    let values = format!("{base},{other}");
    let s = ok_json(&[
        "sweep",
        "--param",
        "environment.rivalry",
        "--values",
        &values,
        "--runs",
        "16",
        "--json",
    ]);
    assert_eq!(s[0]["checksum"], b["checksum"]);
    assert_eq!(s[0]["survival_curve"], b["survival_curve"]);
}

#[test]
fn catalogue_sweeps_equal_set_batches_and_take_a_second_axis() {
    // A path of the core's catalogue (partners.*.opportunism) gives, point by point, the
    // batch of the scenario with that --set.
    let s = ok_json(&[
        "sweep",
        "--param",
        "partners.*.opportunism",
        "--values",
        "0.1,0.6",
        "--param2",
        "governance.form",
        "--values2",
        "contract,equity_jv,minority_equity",
        "--runs",
        "16",
        "--json",
    ]);
    let rows = s.as_array().unwrap();
    assert_eq!(rows.len(), 6);
    // Row by row: the second parameter's first value with every first value, then the next.
    assert_eq!(rows[1]["value"].as_f64(), Some(0.6));
    assert_eq!(rows[1]["value2"], "contract");
    assert_eq!(rows[2]["value"].as_f64(), Some(0.1));
    assert_eq!(rows[2]["value2"], "equity_jv");
    assert_eq!(rows[5]["param2"], "governance.form");
    let b = ok_json(&[
        "batch",
        "--runs",
        "16",
        "--json",
        "--set",
        "partners.*.opportunism=0.6",
        "--set",
        "governance.form=minority_equity",
    ]);
    assert_eq!(rows[5]["checksum"], b["checksum"]);
    assert_eq!(rows[5]["survival_curve"], b["survival_curve"]);
    assert_ne!(rows[0]["checksum"], rows[5]["checksum"]);
    let text = ok(&[
        "sweep",
        "--param",
        "governance.transparency",
        "--values",
        "0,1",
        "--param2",
        "governance.alliance_manager",
        "--values2",
        "false,true",
        "--runs",
        "12",
    ]);
    assert!(
        text.contains("Survival at the horizon (%): rows governance.alliance_manager"),
        "{text}"
    );
    // One partner's culture score works even when its culture is a country.
    let v = ok_json(&[
        "sweep",
        "--param",
        "partners.1.culture.pdi",
        "--values",
        "10,110",
        "--runs",
        "8",
        "--json",
    ]);
    assert_eq!(v.as_array().unwrap().len(), 2);
    bad(
        &[
            "sweep",
            "--param",
            "governance.form",
            "--values",
            "contract,llc",
        ],
        "\"llc\" is not one of contract, minority_equity, equity_jv",
    );
    bad(
        &[
            "sweep",
            "--param",
            "governance.review_months",
            "--values",
            "6,6.5",
        ],
        "must be a whole number",
    );
    bad(
        &[
            "sweep",
            "--param",
            "governance.monitoring",
            "--values",
            "0,1",
            "--param2",
            "governance.form",
        ],
        "--param2 and --values2 go together",
    );
    bad(
        &["batch", "--param2", "governance.form"],
        "--param and --values apply to sweep, not batch",
    );
}

#[test]
fn links_round_trip_through_the_binary() {
    for p in aliansi_sim::presets::all() {
        let link = ok(&["link", "--preset", p.id]).trim().to_string();
        assert!(link.starts_with("s1."), "{link}");
        assert_eq!(link, aliansi_wire::encode_link(&p.scenario));
        let from_link = ok_json(&["run", "--link", &link, "--json"]);
        let from_preset = ok_json(&["run", "--preset", p.id, "--json"]);
        assert_eq!(from_link, from_preset, "preset {}", p.id);
        let url = format!("https://example.org/aliansi/#{link}");
        assert_eq!(
            ok(&["show", "--link", &url]),
            ok(&["show", "--preset", p.id])
        );
    }
}

#[test]
fn set_wildcard_changes_every_partner() {
    let v = ok_json(&["show", "--set", "partners.*.opportunism=0.6"]);
    let partners = v["partners"].as_array().unwrap();
    assert_eq!(partners.len(), 4);
    assert!(
        partners
            .iter()
            .all(|p| p["opportunism"].as_f64() == Some(0.6)),
        "{v}"
    );
    let v = ok_json(&[
        "show",
        "--set",
        "horizon_months=60",
        "--set",
        "governance.alliance_manager=true",
        "--set",
        "partners.1.culture=KR",
        "--set",
        "governance.resolution=negotiation,mediation",
        "--set",
        "environment.rivalry=0.8",
        "--set",
        "partners.0.goals.technology=0.9",
        "--seed",
        "77",
    ]);
    assert_eq!(v["horizon_months"], 60);
    assert_eq!(v["governance"]["alliance_manager"], true);
    assert_eq!(v["partners"][1]["culture"], "KR");
    assert_eq!(
        v["governance"]["resolution"],
        serde_json::json!(["negotiation", "mediation"])
    );
    assert_eq!(v["environment"]["rivalry"].as_f64(), Some(0.8));
    assert_eq!(v["partners"][0]["goals"]["technology"].as_f64(), Some(0.9));
    assert_eq!(v["seed"], 77);
    // And the change reaches the simulation.
    let r = ok_json(&[
        "batch",
        "--runs",
        "10",
        "--json",
        "--set",
        "horizon_months=24",
    ]);
    assert_eq!(r["survival_curve"].as_array().unwrap().len(), 25);
}

#[test]
fn scenario_files_round_trip() {
    let json = ok(&["show", "--preset", "id-jp-jv"]);
    let file = temp("id-jp-jv.json", &json);
    let f = file.to_str().unwrap();
    assert_eq!(
        ok(&["link", "--scenario", f]),
        ok(&["link", "--preset", "id-jp-jv"])
    );
    assert_eq!(
        ok_json(&["batch", "--runs", "8", "--json", "--scenario", f])["checksum"],
        ok_json(&["batch", "--runs", "8", "--json", "--preset", "id-jp-jv"])["checksum"]
    );
}

#[test]
fn bad_input_exits_2_with_one_error_line() {
    let not_json_file = temp("not.json", "{ \"version\": 1,\n  partners: [] }");
    let not_json = not_json_file.to_str().unwrap();
    let v7_file = temp("v7.json", "{\"version\": 7}");
    let v7 = v7_file.to_str().unwrap();
    let mut out_of_range = ok_json(&["show"]);
    out_of_range["environment"]["rivalry"] = serde_json::json!(4.0);
    let oor_file = temp("oor.json", &out_of_range.to_string());
    let oor = oor_file.to_str().unwrap();
    let missing = std::env::temp_dir().join("aliansi-cli-test-does-not-exist.json");
    let missing = missing.to_str().unwrap();

    bad(&[], "no command given");
    bad(&["fly"], "unknown command \"fly\"");
    bad(&["run", "extra"], "unexpected argument \"extra\"");
    bad(
        &["run", "--preset", "nope"],
        "unknown preset \"nope\" (available: default,",
    );
    bad(&["run", "--frobnicate"], "unknown option --frobnicate");
    bad(&["run", "--preset"], "--preset needs a value");
    bad(&["run", "--seed", "abc"], "--seed expects a whole number");
    bad(&["run", "--seed", "-1"], "--seed");
    bad(&["batch", "--runs", "0"], "--runs must be at least 1");
    bad(
        &["batch", "--runs", "many"],
        "--runs expects a whole number",
    );
    bad(
        &["run", "--runs", "5"],
        "--runs applies to batch and sweep, not run",
    );
    bad(
        &["run", "--preset", "default", "--link", "s1.AA"],
        "give at most one of",
    );
    bad(
        &["run", "--set", "partners.0.opportunsm=1"],
        "partners.0 has no field \"opportunsm\" (valid: name, culture",
    );
    bad(
        &["run", "--set", "governance.colour=red"],
        "governance has no field \"colour\"",
    );
    bad(
        &["run", "--set", "partners.9.name=X"],
        "partners has 4 elements",
    );
    bad(
        &["run", "--set", "horizon_months"],
        "--set expects PATH=VALUE",
    );
    bad(
        &["run", "--set", "horizon_months=soon"],
        "horizon_months: invalid type: string \"soon\"",
    );
    bad(
        &["run", "--set", "governance.alliance_manager=maybe"],
        "governance.alliance_manager: invalid type",
    );
    bad(
        &["run", "--set", "partners.*.opportunism=1.5"],
        "partners.0.opportunism: must be in [0, 1], got 1.5",
    );
    bad(
        &["run", "--set", "partners.1.culture=XX"],
        "partners.1.culture: unknown country code \"XX\"",
    );
    bad(
        &["run", "--set", "governance.resolution=negotiation,prayer"],
        "governance.resolution.1: unknown step \"prayer\"",
    );
    bad(
        &["run", "--set", "horizon_months=0"],
        "horizon_months: must be in [1, 1200], got 0",
    );
    bad(&["run", "--scenario", missing], "cannot read scenario file");
    bad(&["run", "--scenario", not_json], "not valid JSON at line 2");
    bad(
        &["run", "--scenario", v7],
        "unsupported scenario version 7 (this build reads version 1)",
    );
    bad(
        &["run", "--scenario", oor],
        "environment.rivalry: must be in [0, 1], got 4",
    );
    bad(&["run", "--link", "garbage"], "invalid share link");
    bad(&["run", "--link", "s1.AAAA"], "invalid share link");
    bad(
        &["run", "--link", "s9.AAAA"],
        "unsupported share link version \"s9\"",
    );
    bad(&["run", "--link", ""], "invalid share link: empty");
    bad(&["sweep", "--values", "1,2"], "sweep needs --param");
    bad(
        &["sweep", "--param", "environment.rivalry"],
        "sweep needs --values",
    );
    bad(
        &[
            "sweep",
            "--param",
            "environment.rivalry",
            "--values",
            "0.5,7",
        ],
        "environment.rivalry: must be in [0, 1], got 7",
    );
    bad(
        &["sweep", "--param", "environment.weather", "--values", "1"],
        "environment has no field \"weather\"",
    );
}

#[test]
fn a_closed_stdout_is_not_a_crash() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_aliansi"))
        .args(["run", "--json", "--all-events"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "status {:?}: {err}", o.status);
    assert!(err.is_empty(), "{err}");
}

#[test]
fn chunked_batches_merge_into_exactly_one_batch() {
    let dir = std::env::temp_dir().join(format!("aliansi-chunks-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let part = |i: u32| dir.join(format!("part-{i}.json")).display().to_string();
    for i in 1..=3 {
        let chunk = format!("{i}/3");
        ok(&[
            "batch",
            "--runs",
            "90",
            "--seed",
            "11",
            "--set",
            "horizon_months=48",
            "--chunk",
            &chunk,
            "--out",
            &part(i),
        ]);
    }
    let whole = ok_json(&[
        "batch",
        "--runs",
        "90",
        "--seed",
        "11",
        "--set",
        "horizon_months=48",
        "--json",
    ]);
    let (p1, p2, p3) = (part(1), part(2), part(3));
    let merged = ok_json(&["merge", &p3, &p1, &p2, "--json"]);
    for k in [
        "runs",
        "survival_at_horizon",
        "survival_curve",
        "hazard_by_year",
        "causes",
        "mean_value",
        "mean_final_trust",
        "checksum",
    ] {
        assert_eq!(merged[k], whole[k], "{k} differs after merging");
    }
    bad(&["merge", &p1, &p2], "missing");
    bad(&["merge", &p1, &p1, &p2, &p3], "overlap");
    bad(&["merge"], "partial files");
    bad(&["batch", "--chunk", "4/3", "--out", &p1], "--chunk");
    bad(&["batch", "--chunk", "1/3"], "go together");
    let other = dir.join("other.json").display().to_string();
    ok(&[
        "batch",
        "--runs",
        "90",
        "--seed",
        "12",
        "--set",
        "horizon_months=48",
        "--chunk",
        "1/3",
        "--out",
        &other,
    ]);
    bad(&["merge", &p1, &other], "another batch");
    let _ = std::fs::remove_dir_all(&dir);
}
