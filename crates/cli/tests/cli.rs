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
    for args in [&["--help"][..], &["help"], &["-h"]] {
        let out = ok(args);
        assert!(
            out.contains("USAGE:") && out.contains("aliansi batch"),
            "{args:?}: {out}"
        );
    }
    let out = ok(&["run", "--help"]);
    assert!(
        out.contains("USAGE:\n    aliansi run [OPTIONS]") && !out.contains("aliansi batch"),
        "{out}"
    );
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
                .any(|l| l.starts_with(&prefix) && l.ends_with(", as scripted.")),
            "{out}"
        );
    }
    assert!(out.contains(&s.partners[0].name), "{out}");
    assert!(!out.contains("Month 0:"), "{out}");
}

#[test]
fn the_horizon_is_reached_intact_only_if_nobody_left() {
    // Default scenario, seed 7: one partner leaves in month 29, the others reach month 120.
    let v = ok_json(&["run", "--json", "--seed", "7"]);
    let events = v["events"].as_array().unwrap();
    assert!(
        events.iter().any(|e| e["type"] == "partner_left"),
        "a partner leaves"
    );
    let last = events.last().unwrap();
    assert_eq!(
        last["text"].as_str(),
        Some("the alliance reached the horizon with 3 of its 4 partners")
    );
    let left = events.iter().find(|e| e["type"] == "partner_left").unwrap();
    assert!(
        left["text"].as_str().unwrap().contains("still open"),
        "{left}"
    );
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
fn a_year_no_alliance_reached_has_no_hazard() {
    // Every run ends by year 3: the years after it have a dash, not a chance of 0.
    let out = ok(&[
        "batch",
        "--preset",
        "challenge-trust",
        "--set",
        "initial_trust=0",
        "--set",
        "governance.transparency=0",
        "--set",
        "partners.*.opportunism=1",
        "--runs",
        "200",
    ]);
    assert!(out.contains("y3 100.0, y4 —,"), "{out}");
    assert!(out.contains("y10 —\n"), "{out}");
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
    // A median the horizon does not reach is said as the app says it.
    let v = ok_json(&["batch", "--runs", "20", "--preset", "calm-pair", "--json"]);
    assert!(v["median_survival_months"].is_null(), "{v}");
    assert!(
        out.contains(
            "Median survival: more than 120 months (over half are still together at the end)"
        ),
        "{out}"
    );
}

#[test]
fn one_month_is_said_in_the_singular() {
    let one = ["--preset", "calm-pair", "--set", "horizon_months=1"];
    let run = ok(&[&["run"][..], &one].concat());
    assert!(run.contains("survived all 1 month (seed"), "{run}");
    let batch = ok(&[&["batch", "--runs", "20"][..], &one].concat());
    assert!(batch.contains("more than 1 month (over half"), "{batch}");
    let id = ok(&[&["run", "--lang", "id"][..], &one].concat());
    assert!(id.contains("bertahan selama 1 bulan penuh"), "{id}");
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
    // In words, as the app's sweep shows them.
    assert!(
        body[0].starts_with("No ") && body[1].starts_with("Yes "),
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
    // A bound of the interval that is not 1 is not written as 100.0 (">99.9", as `batch` says).
    let v = ok_json(&[
        "sweep",
        "--param",
        "horizon_months",
        "--values",
        "12",
        "--runs",
        "300",
        "--json",
    ]);
    let high = v[0]["survival_ci95"][1].as_f64().unwrap();
    assert!((0.9995..1.0).contains(&high), "{v}");
    let out = ok(&[
        "sweep",
        "--param",
        "horizon_months",
        "--values",
        "12",
        "--runs",
        "300",
    ]);
    let row = out.lines().nth(2).unwrap();
    assert!(
        row.contains(" – >99.9 %") && !row.contains("100.0"),
        "{out}"
    );
}

#[test]
fn sweep_values_with_a_slip_are_refused_or_noted() {
    let sweep_with = |values: &str, last: &[&str]| {
        let first = [
            "sweep",
            "--param",
            "environment.shock_rate_per_year",
            "--values",
            values,
            "--runs",
            "4",
        ];
        run_all(&[&first[..], last].concat())
    };
    let sweep = |values: &str| sweep_with(values, &["--json"]);
    // Two commas in a row, a value twice: refused (a comma at the end is forgiven).
    for (values, want) in [
        ("0,,1", "a value is empty (two separators in a row)"),
        ("0.5,1,0.5", "--values: 0.5 is given twice"),
    ] {
        let (code, _, err) = sweep(values);
        assert_eq!(code, Some(2), "{values}: {err}");
        assert!(err.contains(want), "{values}: {err}");
    }
    let (code, out, _) = sweep("0,1,");
    assert_eq!(code, Some(0));
    assert_eq!(
        serde_json::from_str::<Value>(&out)
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        2
    );
    // "0,5", as `--lang id` writes one half: run as asked (two points), with a note in that
    // language's runs (in English "0,5" is two values plainly).
    let id = |values: &str| sweep_with(values, &["--lang", "id"]);
    let (code, out, err) = id("0,5");
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(
        out.lines().count(),
        4,
        "a heading, the columns and two rows: {out}"
    );
    // (In Bahasa Indonesia, as the user asked for: the note is for those who write so.)
    assert!(
        err.contains(
            "catatan: --values 0,5 adalah dua nilai, 0 dan 5; untuk satu bilangan desimal tulis 0.5 (dengan titik)"
        ),
        "{err}"
    );
    assert!(!id("0,0.5").2.contains("catatan:"));
    assert!(!sweep("0,5").2.contains("note:"));
    // A field of whole numbers: "6,12" can only be two values, and no note says otherwise.
    let o = aliansi(&[
        "sweep",
        "--param",
        "horizon_months",
        "--values",
        "6,12",
        "--runs",
        "4",
        "--lang",
        "id",
    ]);
    assert!(o.status.success());
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
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
            "governance.transparency",
        ],
        "--param2 and --values2 go together",
    );
    bad(
        &["batch", "--param2", "governance.form"],
        "--param2 applies to sweep, not batch",
    );
}

/// A shared run's link (`s2.`, a class's choices in decision mode): `run` replays it with the
/// choices, `link` keeps them, and --seed or a batch says they are left out.
#[test]
fn a_shared_runs_choices_are_replayed() {
    use aliansi_sim::Resolution;
    let s = aliansi_sim::presets::default_scenario();
    let plain = ok_json(&["run", "--preset", "default", "--json"]);
    // The first two disputes, each given a step other than the one the ladder gives it.
    let first_steps: Vec<(u64, String)> = plain["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "dispute_step")
        .map(|e| {
            (
                e["id"].as_u64().unwrap(),
                e["step"].as_str().unwrap().to_string(),
            )
        })
        .fold(Vec::new(), |mut seen, (id, step)| {
            if !seen.iter().any(|(i, _)| *i == id) {
                seen.push((id, step));
            }
            seen
        });
    assert!(first_steps.len() >= 2, "{first_steps:?}");
    let choices: Vec<(u32, Resolution)> = first_steps[..2]
        .iter()
        .map(|(id, ladder)| {
            let other = if ladder == "arbitration" {
                Resolution::Mediation
            } else {
                Resolution::Arbitration
            };
            (*id as u32, other)
        })
        .collect();
    let link = aliansi_wire::encode_link_with_choices(&s, None, &choices);
    assert!(link.starts_with("s4."), "{link}");
    let v = ok_json(&["run", "--link", &link, "--json"]);
    let want: Vec<Value> = choices
        .iter()
        .map(|(id, step)| serde_json::json!({ "dispute": id, "step": step.key() }))
        .collect();
    assert_eq!(v["choices"].as_array().unwrap(), &want);
    for (id, step) in &choices {
        let first = v["events"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["type"] == "dispute_step" && e["id"].as_u64() == Some(u64::from(*id)))
            .expect("the dispute opens in the replayed run too");
        assert_eq!(first["step"], step.key(), "dispute {id}");
    }
    assert_ne!(v["events"], plain["events"], "the choices make another run");
    let text = ok(&["run", "--link", &link]);
    assert!(
        text.contains("With the class's choices from the link (decision mode): 2 disputes"),
        "{text}"
    );
    // `link` keeps them; another seed leaves them out, and says so.
    assert_eq!(ok(&["link", "--link", &link]).trim(), link);
    let out = aliansi(&["run", "--link", &link, "--seed", "5", "--json"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("the link's 2 choices of the class are not applied"),
        "{err}"
    );
    let reseeded: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        reseeded,
        ok_json(&["run", "--preset", "default", "--seed", "5", "--json"])
    );
    let out = aliansi(&["batch", "--link", &link, "--runs", "50", "--threads", "1"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("a batch runs the scenario over many seeds without them"),
        "{err}"
    );
    // Bad input with such a link: the error alone (the note comes once the options are good).
    bad(
        &[
            "batch", "--link", &link, "--runs", "10", "--chunk", "1/20", "--out", "-",
        ],
        "--chunk 1/20: more parts than runs (10)",
    );
    bad(
        &[
            "sweep",
            "--link",
            &link,
            "--runs",
            "10",
            "--param",
            "governance.transparency",
            "--values",
            "0,5",
        ],
        "governance.transparency: must be in [0, 1], got 5",
    );
    let out = aliansi(&[
        "sweep",
        "--link",
        &link,
        "--runs",
        "10",
        "--threads",
        "1",
        "--param",
        "governance.transparency",
        "--values",
        "0,1",
    ]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("a sweep runs the scenario over many seeds without them"),
        "{err}"
    );
}

/// Mistakes a user is likely to make get a message that says what to type instead.
#[test]
fn likely_mistakes_say_what_to_do() {
    // A Slurm array numbered from 0.
    bad(
        &["batch", "--runs", "100", "--chunk", "0/50", "--out", "-"],
        "--chunk 0/50: parts count from 1 (--chunk 1/50 to --chunk 50/50; with a Slurm job array, use --array=1-50)",
    );
    bad(
        &["batch", "--chunk", "3/2", "--out", "-"],
        "--chunk expects I/N with 1 <= I <= N, got \"3/2\"",
    );
    // `--set PATH VALUE` for `--set PATH=VALUE`.
    bad(
        &["batch", "--set", "horizon_months", "60"],
        "--set takes PATH=VALUE as one argument: --set horizon_months=60",
    );
    // A pattern the shell left as it is: nothing matched it.
    bad(
        &["merge", "no-such-folder/part-*.json"],
        "(no file matches this pattern: are the parts in this folder?)",
    );
    // help takes a command's name, not options.
    bad(&["help", "--json"], "help takes no --json");
    bad(&["help", "batch", "--seed", "3"], "help takes no --seed");
    // The --set example of the help changes the first partner (indices count from 0).
    let help = ok(&["help", "batch"]);
    assert!(help.contains("list indices count from 0"), "{help}");
    let set = ok_json(&["show", "--set", "partners.0.culture=JP", "--json"]);
    let plain = ok_json(&["show", "--json"]);
    assert_ne!(
        set["partners"][0]["culture"],
        plain["partners"][0]["culture"]
    );
}

#[test]
fn links_round_trip_through_the_binary() {
    for p in aliansi_sim::presets::all() {
        let link = ok(&["link", "--preset", p.id]).trim().to_string();
        assert!(link.starts_with("s3."), "{link}");
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
fn a_link_from_another_model_says_its_runs_may_differ() {
    let link = ok(&["link", "--preset", "default"]).trim().to_string();
    let older = format!("https://example.org/aliansi/?lang=id&model=2026-11-29#{link}");
    let out = aliansi(&["run", "--link", &older, "--json"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "note: this link was made with model 2026-11-29; this is model {}",
            aliansi_sim::MODEL_VERSION
        )),
        "{err}"
    );
    // The same run as without the address's model: only the note differs.
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap(),
        ok_json(&["run", "--link", &link, "--json"])
    );
    // A link of this model, and one that does not say, go without the note.
    let current = format!(
        "https://example.org/aliansi/?model={}#{link}",
        aliansi_sim::MODEL_VERSION
    );
    for quiet in [current.as_str(), link.as_str()] {
        let out = aliansi(&["run", "--link", quiet, "--json"]);
        assert!(out.status.success());
        assert!(
            !String::from_utf8_lossy(&out.stderr).contains("model"),
            "{quiet}"
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

/// A scenario's title (`name` and `description` of its file, the name a link carries) goes
/// through `show` and `link`, and `--set name=…` and `--set description=…` set it.
#[test]
fn a_scenario_keeps_its_title() {
    let titled = repo_file("crates/wire/tests/fixtures/links/s3_titled_odd.txt");
    let titled = titled.trim();
    let expected: Value = serde_json::from_str(&repo_file(
        "crates/wire/tests/fixtures/links/s3_titled_odd.json",
    ))
    .unwrap();
    // An s3. link's title: link gives the same link back, show writes it into the file.
    assert_eq!(ok(&["link", "--link", titled]).trim(), titled);
    // The older s1. link of the same scenario and title: link writes it as an s3. link.
    let old = repo_file("crates/wire/tests/fixtures/links/s1_titled_odd.txt");
    assert_eq!(ok(&["link", "--link", old.trim()]).trim(), titled);
    assert_eq!(ok_json(&["show", "--link", old.trim()]), expected);
    let shown = ok_json(&["show", "--link", titled]);
    assert_eq!(shown, expected);
    assert_eq!(shown["name"], "Kelas MBA, minggu 3 — ü");
    // A file's name and description, through show; the link keeps the name and says it
    // leaves the description out.
    let mut named = expected.clone();
    named["description"] = "Minggu ketiga".into();
    let file = temp("named.json", &named.to_string());
    let f = file.to_str().unwrap();
    assert_eq!(ok_json(&["show", "--scenario", f]), named);
    let (code, link, err) = run_all(&["link", "--scenario", f]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(link.trim(), titled);
    assert_eq!(
        err.trim(),
        "note: a link carries the scenario's name but not its description"
    );
    // --set: a title that looks like a number stays text; an empty one removes it; other
    // --set edits keep it.
    let set = ok_json(&["show", "--set", "name=2024", "--set", "description=A class"]);
    assert_eq!(
        (&set["name"], &set["description"]),
        (&"2024".into(), &"A class".into())
    );
    let link = ok(&["link", "--set", "name=Kelas A"]);
    assert_eq!(ok_json(&["show", "--link", link.trim()])["name"], "Kelas A");
    let kept = ok_json(&["show", "--scenario", f, "--set", "horizon_months=48"]);
    assert_eq!(
        (&kept["name"], &kept["horizon_months"]),
        (&expected["name"], &48.into())
    );
    let removed = ok_json(&[
        "show",
        "--scenario",
        f,
        "--set",
        "name=",
        "--set",
        "description=",
    ]);
    assert!(
        removed.get("name").is_none() && removed.get("description").is_none(),
        "{removed}"
    );
    // An s4. link (a class's choices in its run) keeps its title too.
    let s = aliansi_sim::presets::default_scenario();
    let choices = [(1, aliansi_sim::Resolution::Mediation)];
    let run_link = aliansi_wire::encode_link_with_choices(&s, Some("Kelas B"), &choices);
    assert_eq!(ok(&["link", "--link", &run_link]).trim(), run_link);
    assert_eq!(ok_json(&["show", "--link", &run_link])["name"], "Kelas B");
}

#[test]
fn bad_input_exits_2_with_one_error_line() {
    let not_json_file = temp("not.json", "{ \"version\": 1,\n  partners: [] }");
    let not_json = not_json_file.to_str().unwrap();
    let v7_file = temp("v7.json", "{\"version\": 7}");
    let v7 = v7_file.to_str().unwrap();
    // What the page's "Export all saved scenarios" writes.
    let library_file = temp("library.json", "{\"version\": 2, \"items\": []}");
    let library = library_file.to_str().unwrap();
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
        "--runs applies to batch, sweep and validate, not run",
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
        "horizon_months: expected a whole number, got the text \"soon\"",
    );
    bad(
        &["run", "--set", "governance.alliance_manager=maybe"],
        "governance.alliance_manager: expected true or false, got the text \"maybe\"",
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
        &["run", "--scenario", library],
        "holds saved scenarios (the page's \"Export all saved scenarios\"), not one scenario",
    );
    bad(
        &["run", "--scenario", oor],
        "environment.rivalry: must be in [0, 1], got 4",
    );
    bad(&["run", "--link", "garbage"], "invalid share link");
    bad(&["run", "--link", "s1.AAAA"], "invalid share link");
    // A character of a link changed (here the 40th of its data): refused by its checksum.
    let good = aliansi_wire::encode_link(&aliansi_sim::presets::default_scenario());
    let mut typo = good.clone().into_bytes();
    typo[42] = if typo[42] == b'A' { b'B' } else { b'A' };
    let typo = String::from_utf8(typo).unwrap();
    bad(&["run", "--link", &typo], "does not match its checksum");
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

/// Runs `aliansi batch ARGS --chunk i/n --out FILE` for every part into a fresh temporary
/// folder named after `name`; returns the folder and the part files, in order.
fn write_parts(name: &str, args: &[&str], n: u32) -> (std::path::PathBuf, Vec<String>) {
    write_parts_of("batch", name, args, n)
}

/// [`write_parts`] for `command` (`batch` or `sweep`).
fn write_parts_of(
    command: &str,
    name: &str,
    args: &[&str],
    n: u32,
) -> (std::path::PathBuf, Vec<String>) {
    let dir = std::env::temp_dir().join(format!("aliansi-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let parts: Vec<String> = (1..=n)
        .map(|i| dir.join(format!("part-{i}.json")).display().to_string())
        .collect();
    for (i, part) in (1..=n).zip(&parts) {
        let chunk = format!("{i}/{n}");
        let mut all = vec![command];
        all.extend_from_slice(args);
        all.extend(["--chunk", &chunk, "--out", part]);
        ok(&all);
    }
    (dir, parts)
}

#[test]
fn chunked_batches_merge_into_exactly_one_batch() {
    let (dir, parts) = write_parts(
        "chunks",
        &["--runs", "90", "--seed", "11", "--set", "horizon_months=48"],
        3,
    );
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
    let [p1, p2, p3] = [&parts[0], &parts[1], &parts[2]];
    let merged = ok_json(&["merge", p3, p1, p2, "--json"]);
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
    bad(&["merge", p1, p2], "missing");
    bad(&["merge", p1, p1, p2, p3], "part 1/3 is given twice");
    bad(&["merge"], "partial files");
    bad(&["batch", "--chunk", "4/3", "--out", p1], "--chunk");
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
    bad(&["merge", p1, &other], "another batch");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The keys of a batch's JSON that say how it was obtained, not what it counts.
const TIMING_KEYS: [&str; 4] = [
    "threads",
    "elapsed_seconds",
    "runs_per_second",
    "merged_parts",
];

/// A sweep split into parts merges into exactly the sweep one machine runs: every row's
/// numbers (JSON), the same table (text) with a last line on the merge, and the parts of
/// another sweep, or of a batch, refused with what differs.
#[test]
fn chunked_sweeps_merge_into_exactly_one_sweep() {
    let grid = [
        "--runs",
        "60",
        "--seed",
        "9",
        "--set",
        "horizon_months=36",
        "--param",
        "environment.rivalry",
        "--values",
        "0.1,0.9",
        "--param2",
        "governance.form",
        "--values2",
        "contract,equity_jv",
    ];
    let (dir, parts) = write_parts_of("sweep", "sweep-chunks", &grid, 3);
    let [p1, p2, p3] = [&parts[0], &parts[1], &parts[2]];
    let whole = ok_json(&[&["sweep"][..], &grid, &["--json"]].concat());
    let merged = ok_json(&["merge", p2, p3, p1, "--json"]);
    let (whole, merged) = (whole.as_array().unwrap(), merged.as_array().unwrap());
    assert_eq!(merged.len(), 4);
    assert_eq!(merged.len(), whole.len());
    for (m, w) in merged.iter().zip(whole) {
        assert_eq!(m["merged_parts"], 3, "{m}");
        assert!(m.get("threads").is_none(), "{m}");
        let keys: Vec<&String> = w.as_object().unwrap().keys().collect();
        assert!(keys.len() > 10, "{keys:?}");
        for k in keys
            .into_iter()
            .filter(|k| !TIMING_KEYS.contains(&k.as_str()))
        {
            assert_eq!(m[k], w[k], "{k} differs after merging");
        }
    }
    // The rows differ from each other (the test would pass on four copies of one batch).
    assert_ne!(whole[0]["checksum"], whole[1]["checksum"]);
    assert_ne!(whole[0]["checksum"], whole[2]["checksum"]);
    let text = ok(&["merge", p1, p2, p3]);
    let one = ok(&[&["sweep"][..], &grid].concat());
    assert_eq!(
        text,
        format!("{one}\n4 points of 60 runs each, merged from 3 parts\n")
    );
    bad(
        &["merge", p1, p3],
        "part 2 of 3 is missing: merge every part of the sweep",
    );
    bad(&["merge", p1, p1, p2, p3], "part 1/3 is given twice");
    // Another sweep: other values, another seed; a batch's part.
    let other = |name: &str, edit: &dyn Fn(&mut Vec<&str>)| -> String {
        let path = dir.join(name).display().to_string();
        let mut args = vec!["sweep"];
        args.extend_from_slice(&grid);
        edit(&mut args);
        args.extend(["--chunk", "1/3", "--out", &path]);
        ok(&args);
        path
    };
    let values = other("values.json", &|a| a[10] = "0.1,0.5");
    bad(
        &["merge", &values, p2, p3],
        &format!("{p2} belongs to another sweep: its values differ from {values}'s (0.1,0.9 against 0.1,0.5)"),
    );
    let seed = other("seed.json", &|a| a[4] = "10");
    bad(&["merge", &seed, p2, p3], "its seed differs");
    let one_axis = other("one-axis.json", &|a| a.truncate(11));
    bad(&["merge", &one_axis, p2, p3], "its second field differs");
    let batch_part = dir.join("batch.json").display().to_string();
    ok(&[
        "batch",
        "--runs",
        "60",
        "--seed",
        "9",
        "--chunk",
        "1/3",
        "--out",
        &batch_part,
    ]);
    bad(
        &["merge", p1, &batch_part],
        &format!("{p1} is a part of a sweep but {batch_part} is not"),
    );
    bad(
        &[&["sweep"][..], &grid, &["--chunk", "1/61", "--out", p1]].concat(),
        "--chunk 1/61: more parts than runs (60 a point)",
    );
    bad(
        &[
            &["sweep"][..],
            &grid,
            &["--chunk", "1/3", "--out", p1, "--json"],
        ]
        .concat(),
        "--json does not apply to --chunk",
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The root of the repository (for the documents the help must agree with).
fn repo_file(path: &str) -> String {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Every command, in the order of the help.
const ALL_COMMANDS: [&str; 9] = [
    "presets", "run", "batch", "sweep", "link", "show", "merge", "validate", "help",
];

/// Runs `aliansi`, which must succeed with nothing on stdout (a part written to its file),
/// returning its stderr (the note of what it wrote).
fn ok_note(args: &[&str]) -> String {
    let (code, out, err) = run_all(args);
    assert_eq!(code, Some(0), "aliansi {args:?} failed: {err}");
    assert_eq!(out, "", "aliansi {args:?}: results only on stdout");
    err
}

/// Runs `aliansi`, returning (status, stdout, stderr).
fn run_all(args: &[&str]) -> (Option<i32>, String, String) {
    let o = aliansi(args);
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stdout).to_string(),
        String::from_utf8_lossy(&o.stderr).to_string(),
    )
}

#[test]
fn a_merge_reports_its_parts_not_a_timing() {
    let (dir, parts) = write_parts("merge-timing", &["--runs", "60", "--seed", "5"], 3);
    let [p1, p2, p3] = [&parts[0], &parts[1], &parts[2]];
    let merged = ok_json(&["merge", p1, p2, p3, "--json"]);
    for k in ["threads", "elapsed_seconds", "runs_per_second"] {
        assert!(merged.get(k).is_none(), "a merge reports {k}: {merged}");
    }
    assert_eq!(merged["merged_parts"], 3);
    let whole = ok_json(&["batch", "--runs", "60", "--seed", "5", "--json"]);
    assert!(whole["threads"].as_u64().unwrap() >= 1);
    assert!(whole.get("merged_parts").is_none());
    assert_eq!(merged["checksum"], whole["checksum"]);
    let text = ok(&["merge", p1, p2, p3]);
    let last = text.lines().last().unwrap();
    assert_eq!(last, "60 runs, merged from 3 parts", "{text}");
    assert!(
        !text.contains("runs/s") && !text.contains("threads"),
        "{text}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The golden experiment links of the wire crate: (name, link, expected JSON).
fn experiment_fixtures() -> Vec<(String, String, Value)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../wire/tests/fixtures/links");
    let mut out = Vec::new();
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_str().unwrap().to_string();
        if name.starts_with("e1_") && name.ends_with(".txt") {
            let link = std::fs::read_to_string(&p).unwrap().trim().to_string();
            let json = std::fs::read_to_string(p.with_extension("json")).unwrap();
            out.push((name, link, serde_json::from_str(&json).unwrap()));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(out.len(), 4, "{out:?}");
    out
}

#[test]
fn experiment_links_give_their_editor_scenario_or_a_variant() {
    for (name, link, want) in experiment_fixtures() {
        let editor = aliansi_wire::from_value(&want["scenario"]).unwrap();
        let variants = want["variants"].as_array().unwrap();
        let names: Vec<&str> = variants
            .iter()
            .map(|v| v["name"].as_str().unwrap())
            .collect();
        // Every command that takes a scenario reads it: the scenario the link opens in the
        // app's editor (its top-level scenario), and one note.
        let (code, out, err) = run_all(&["show", "--link", &link]);
        assert_eq!(code, Some(0), "{name}: {err}");
        assert_eq!(out, aliansi_wire::to_json(&editor), "{name}");
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), 1, "{name}: {err}");
        assert!(lines[0].starts_with("note: experiment link with "), "{err}");
        assert!(
            lines[0].contains("using the scenario it opens in the app's editor"),
            "{err}"
        );
        for n in &names {
            assert!(lines[0].contains(&format!("{n:?}")), "{name}: {n} in {err}");
        }
        if names.is_empty() {
            assert!(lines[0].contains("no variants"), "{err}");
        } else {
            assert!(lines[0].contains("add --variant 1 for the base"), "{err}");
        }
        assert_eq!(
            ok(&["link", "--link", &link]).trim(),
            aliansi_wire::encode_link(&editor)
        );
        // --variant N: the N-th variant, with the first variant's seed (as "Compare fairly").
        for (k, v) in variants.iter().enumerate() {
            let mut s = aliansi_wire::from_value(&v["scenario"]).unwrap();
            s.seed = aliansi_wire::from_value(&variants[0]["scenario"])
                .unwrap()
                .seed;
            let n = (k + 1).to_string();
            let (code, out, err) = run_all(&["show", "--link", &link, "--variant", &n]);
            assert_eq!(code, Some(0), "{name} {n}: {err}");
            assert_eq!(out, aliansi_wire::to_json(&s), "{name} variant {n}");
            assert!(err.is_empty(), "{err}");
        }
        let over = (variants.len() + 1).to_string();
        let want_err = if variants.is_empty() {
            "the experiment link has no variants".to_string()
        } else {
            format!("give --variant 1 to --variant {}", variants.len())
        };
        bad(&["run", "--link", &link, "--variant", &over], &want_err);
    }
    let (_, link, want) = &experiment_fixtures()[0];
    assert_eq!(want["variants"].as_array().unwrap().len(), 2);
    // run, batch and sweep take it too.
    let editor = aliansi_wire::from_value(&want["scenario"]).unwrap();
    let r = ok_json(&["run", "--link", link, "--json"]);
    assert_eq!(r["seed"], editor.seed);
    let b = ok_json(&["batch", "--link", link, "--runs", "10", "--json"]);
    let direct = aliansi_sim::run_batch(&editor, editor.seed, 10).unwrap();
    assert_eq!(b["checksum"], format!("{:016x}", direct.checksum));
    let (code, _, err) = run_all(&[
        "sweep",
        "--link",
        link,
        "--param",
        "environment.rivalry",
        "--values",
        "0.2,0.4",
        "--runs",
        "8",
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    bad(
        &["run", "--link", link, "--variant", "0"],
        "--variant counts from 1",
    );
    bad(
        &["run", "--variant", "1"],
        "--variant N applies to an experiment link",
    );
    bad(
        &["run", "--preset", "calm-pair", "--variant", "1"],
        "--variant N applies to an experiment link",
    );
    let s1 = ok(&["link"]).trim().to_string();
    bad(
        &["run", "--link", &s1, "--variant", "1"],
        "the link is a scenario link (s1. to s4.), which has no variants",
    );
}

#[test]
fn options_a_command_would_ignore_are_refused() {
    let part = temp("ignored-part.json", "{}");
    let part = part.to_str().unwrap();
    for (args, want) in [
        (
            &["merge", part, "--seed", "3"][..],
            "--seed applies to run, batch, sweep, link and show, not merge",
        ),
        (
            &["merge", part, "--preset", "calm-pair"],
            "--preset applies to run, batch, sweep, link and show, not merge",
        ),
        (
            &["merge", part, "--set", "horizon_months=3"],
            "--set applies to",
        ),
        (
            &["validate", "--scenario", "x.json"],
            "--scenario applies to run, batch, sweep, link and show, not validate",
        ),
        (&["validate", "--link", "s1.AA"], "--link applies to"),
        (&["validate", "--seed", "1"], "--seed applies to"),
        (
            &["presets", "--seed", "1"],
            "--seed applies to run, batch, sweep, link and show, not presets",
        ),
        (&["presets", "--variant", "1"], "--variant applies to"),
        (
            &["validate", "--json"],
            "--json applies to presets, run, batch, sweep, link, show and merge, not validate",
        ),
        (
            &["batch", "--chunk", "1/2", "--out", part, "--json"],
            "--json does not apply to --chunk",
        ),
    ] {
        bad(args, want);
    }
    // The help and the documents say which commands take what.
    let help = ok(&["--help"]);
    assert!(
        help.contains("SCENARIO (run, batch, sweep, link, show):"),
        "{help}"
    );
    assert!(!help.contains("SCENARIO (every command)"), "{help}");
    for doc in ["README.md", "DEVELOPERS.md"] {
        let text = repo_file(doc).replace('\n', " ");
        assert!(
            !text.to_lowercase().contains("every command takes"),
            "{doc} still says every command takes the scenario options"
        );
    }
}

#[test]
fn set_errors_are_in_words() {
    for (set, want) in [
        ("governance.transparency=abc", "governance.transparency: expected a number, got the text \"abc\""),
        // A decimal comma, as `--lang id` prints numbers: how to write it.
        ("governance.transparency=0,8", "governance.transparency: expected a number, got the text \"0,8\" (decimals take a point: 0.8)"),
        ("horizon_months=1.5", "horizon_months: expected a whole number, got 1.5"),
        ("partners.4=5", "partners.4: expected a partner (a JSON object), got 5"),
        (
            "partners.0.culture={\"pdi\":500}",
            "partners.0.culture: a custom culture needs all six dimensions: pdi, idv, mas, uai, lto, ivr; idv is missing",
        ),
        ("governance.alliance_manager=2", "expected true or false, got 2"),
    ] {
        bad(&["show", "--set", set], want);
        let err = run_all(&["show", "--set", set]).2;
        for rust in ["f64", "u32", "struct", "PartnerV1", "invalid type", "`"] {
            assert!(!err.contains(rust), "--set {set}: {err}");
        }
    }
}

#[test]
fn set_index_messages_are_true() {
    bad(
        &["show", "--set", "environment.scripted_shocks.0.kind=demand_boom"],
        "environment.scripted_shocks is empty, so it has no indices yet; to add one, set it whole as JSON: environment.scripted_shocks.0={...}",
    );
    bad(
        &["show", "--set", "partners.x.opportunism=1"],
        "\"x\" is not an index; partners is a list: use an index from 0 to 3, or * for every element",
    );
    bad(
        &["show", "--set", "partners.9.name=X"],
        "partners has 4 elements (indices 0 to 3); to add one, set it whole as JSON: partners.4={...}",
    );
    bad(
        &["show", "--set", "partners.4.name=X"],
        "partners has 4 elements (indices 0 to 3)",
    );
    for set in [
        "environment.scripted_shocks.0.kind=demand_boom",
        "partners.x.opportunism=1",
        "partners.9.name=X",
        "environment.scripted_shocks.x=1",
    ] {
        let err = run_all(&["show", "--set", set]).2;
        for wrong in ["0 to 0", "0..", "0 appends", "4 appends"] {
            assert!(!err.contains(wrong), "--set {set}: {err}");
        }
    }
    // What the messages promise works: the path that ends at the new index appends.
    let v = ok_json(&[
        "show",
        "--set",
        r#"environment.scripted_shocks.0={"month":12,"kind":"demand_boom","severity":0.5}"#,
    ]);
    assert_eq!(
        v["environment"]["scripted_shocks"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn a_chunk_is_computed_not_listed() {
    let dir = std::env::temp_dir().join(format!("aliansi-huge-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let first = dir.join("first.json").display().to_string();
    let last = dir.join("last.json").display().to_string();
    // A billion parts of a billion runs: one run each, at once (it aborted, allocating them).
    let out = ok_note(&[
        "batch",
        "--runs",
        "1000000000",
        "--chunk",
        "1/1000000000",
        "--out",
        &first,
    ]);
    assert!(
        out.contains("wrote runs 0..1 of 1000000000 (part 1/1000000000)"),
        "{out}"
    );
    let out = ok_note(&[
        "batch",
        "--runs",
        "1000000000",
        "--chunk",
        "1000000000/1000000000",
        "--out",
        &last,
    ]);
    assert!(out.contains("wrote runs 999999999..1000000000"), "{out}");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&last).unwrap()).unwrap();
    assert_eq!(
        v["range"],
        serde_json::json!([999_999_999u64, 1_000_000_000u64])
    );
    assert_eq!(v["chunk"], "1000000000/1000000000");
    bad(
        &["merge", &first, &last],
        "parts 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 and 21 (and 999999978 more) of 1000000000 are missing",
    );
    // More parts than runs: refused (every part has at least one run).
    bad(
        &["batch", "--runs", "3", "--chunk", "1/5", "--out", &first],
        "--chunk 1/5: more parts than runs (3); split into at most 3 parts",
    );
    bad(
        &["batch", "--chunk", "1/1001", "--out", &first],
        "more parts than runs (1000)",
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_list_of_commands_is_complete() {
    let help = ok(&["help"]);
    let section = help
        .split("COMMANDS:")
        .nth(1)
        .unwrap()
        .split("\n\n")
        .next()
        .unwrap();
    let listed: Vec<&str> = section
        .lines()
        .filter(|l| l.starts_with("    ") && !l.starts_with("     "))
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(listed, ALL_COMMANDS, "{help}");
    let names = ALL_COMMANDS.join(", ");
    bad(&[], &format!("no command given (commands: {names};"));
    bad(
        &["fly"],
        &format!("unknown command \"fly\" (commands: {names})"),
    );
    let dev = repo_file("DEVELOPERS.md").replace('\n', " ");
    let line = dev
        .split("`aliansi --help` lists the commands")
        .nth(1)
        .expect("DEVELOPERS.md says what aliansi --help lists");
    let list = line.split(')').next().unwrap();
    for c in ALL_COMMANDS {
        assert!(
            list.contains(&format!("`{c}`")),
            "DEVELOPERS.md misses {c}: {list}"
        );
    }
}

#[test]
fn a_sweep_of_the_seed_reports_each_rows_seed() {
    let v = ok_json(&[
        "sweep", "--param", "seed", "--values", "1,2", "--runs", "20", "--json",
    ]);
    let rows = v.as_array().unwrap();
    for (row, seed) in rows.iter().zip(["1", "2"]) {
        assert_eq!(row["seed"].to_string(), seed, "{row}");
        let b = ok_json(&["batch", "--seed", seed, "--runs", "20", "--json"]);
        assert_eq!(row["checksum"], b["checksum"]);
    }
    let text = ok(&[
        "sweep", "--param", "seed", "--values", "1,2", "--runs", "20",
    ]);
    let head = text.lines().next().unwrap();
    assert_eq!(
        head,
        "seed: 20 runs each, each with the value of seed as its master seed"
    );
    let text = ok(&[
        "sweep",
        "--param",
        "environment.rivalry",
        "--values",
        "0.2",
        "--param2",
        "seed",
        "--values2",
        "3,4",
        "--runs",
        "10",
    ]);
    assert!(
        text.lines()
            .next()
            .unwrap()
            .ends_with("each with the value of seed as its master seed"),
        "{text}"
    );
    let text = ok(&[
        "sweep",
        "--param",
        "environment.rivalry",
        "--values",
        "0.2",
        "--runs",
        "10",
    ]);
    assert!(
        text.lines().next().unwrap().ends_with("master seed 2024"),
        "{text}"
    );
}

#[test]
fn the_validation_report_points_at_files_of_this_repository() {
    // A tiny run (its checks may fail: exit 1), for the wording only.
    let (code, md, err) = run_all(&["validate", "--quick", "--runs", "10", "--markdown"]);
    assert!(code == Some(0) || code == Some(1), "{err}");
    let line3 = md.lines().nth(2).unwrap();
    assert!(!line3.contains("shared/design"), "{line3}");
    let model = repo_file("docs/MODEL.md");
    for section in [
        "## 5. Defaults and constants, with sources",
        "## 6. Why these mechanisms",
    ] {
        assert!(model.contains(section), "MODEL.md has no {section}");
    }
    assert!(line3.contains("[MODEL.md](MODEL.md), sections 5 (\"Defaults and constants, with sources\") and 6 (\"Why these mechanisms\")"), "{line3}");
    // docs/VALIDATION.md is this output (regenerated, not edited by hand).
    let committed = repo_file("docs/VALIDATION.md");
    assert_eq!(
        committed.lines().nth(2).unwrap(),
        line3.replace("10 runs per scenario", "4000 runs per scenario")
    );
    assert!(
        !model.contains("`validation.md` asks"),
        "MODEL.md cites a file it lacks"
    );
}

#[test]
fn partial_batches_are_checked_by_part_number() {
    let (dir, parts) = write_parts("parts", &["--runs", "90", "--seed", "7"], 3);
    let path = |name: &str| dir.join(name).display().to_string();
    let (p1, p2, p3) = (parts[0].clone(), parts[1].clone(), parts[2].clone());
    let whole = ok_json(&["batch", "--runs", "90", "--seed", "7", "--json"]);
    bad(&["merge", &p1, &p3], "part 2 of 3 is missing");
    bad(&["merge", &p1, &p2, &p2, &p3], "part 2/3 is given twice");
    // A part whose range was altered to run past the end.
    let read =
        |p: &str| -> Value { serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap() };
    let mut moved = read(&p3);
    moved["range"] = serde_json::json!([70, 100]);
    let moved_path = path("moved.json");
    std::fs::write(&moved_path, moved.to_string()).unwrap();
    bad(
        &["merge", &p1, &p2, &moved_path],
        "holds runs 70..100, past the end of the batch (90 runs)",
    );
    // Part files without "chunk" (older or hand-made) still merge, checked by their ranges.
    let mut plain = Vec::new();
    for (k, p) in [&p1, &p2, &p3].iter().enumerate() {
        let mut v = read(p);
        v.as_object_mut().unwrap().remove("chunk");
        let q = path(&format!("plain{k}.json"));
        std::fs::write(&q, v.to_string()).unwrap();
        plain.push(q);
    }
    let merged = ok_json(&["merge", &plain[2], &plain[0], &plain[1], "--json"]);
    for k in ["runs", "survival_curve", "causes", "mean_value", "checksum"] {
        assert_eq!(merged[k], whole[k], "{k}");
    }
    bad(&["merge", &plain[0], &plain[2]], "runs 30..60 are missing");
    let mut moved_plain = moved.clone();
    moved_plain.as_object_mut().unwrap().remove("chunk");
    std::fs::write(&moved_path, moved_plain.to_string()).unwrap();
    bad(
        &["merge", &plain[0], &plain[1], &moved_path],
        "holds runs 70..100, past the end of the batch (90 runs)",
    );
    // Parts an older build wrote for more parts than runs (--runs 3 --chunk I/5: parts 4 and
    // 5 empty): a missing or doubled empty part is found by its number.
    let s = aliansi_sim::presets::default_scenario();
    let mut old = Vec::new();
    for i in 1..=5u64 {
        let range = aliansi_sim::batch::chunk(3, 5, i - 1);
        let part = aliansi_wire::PartialBatch {
            tally: aliansi_sim::run_chunk(&s, s.seed, range.clone()).unwrap(),
            scenario: aliansi_wire::encode_link(&s),
            seed: s.seed,
            runs_total: 3,
            range: (range.start, range.end),
            part: Some((i, 5)),
            cli_version: None,
            model_version: None,
        };
        let q = path(&format!("old{i}.json"));
        std::fs::write(&q, aliansi_wire::partial_to_value(&part).to_string()).unwrap();
        old.push(q);
    }
    bad(
        &["merge", &old[0], &old[1], &old[2]],
        "parts 4 and 5 of 5 are missing",
    );
    bad(
        &[
            "merge", &old[0], &old[1], &old[2], &old[3], &old[3], &old[4],
        ],
        "part 4/5 is given twice",
    );
    let merged = ok_json(&[
        "merge", &old[4], &old[0], &old[1], &old[2], &old[3], "--json",
    ]);
    let three = ok_json(&["batch", "--runs", "3", "--json"]);
    assert_eq!(merged["checksum"], three["checksum"]);
    assert_eq!(merged["merged_parts"], 5);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn help_takes_a_command_and_tells_every_exit_status() {
    let full = ok(&["help"]);
    assert_eq!(ok(&["help", "batch"]), ok(&["batch", "--help"]));
    assert_eq!(ok(&["help", "merge"]), ok(&["merge", "-h"]));
    bad(&["help", "fly"], "unknown command \"fly\"");
    bad(&["help", "batch", "run"], "unexpected argument \"run\"");
    let status = full.split("EXIT STATUS:").nth(1).unwrap();
    for want in [
        "0 success",
        "1 validate found a check that fails or is open, or the output could not be written",
        "2 bad input",
    ] {
        assert!(status.contains(want), "{status}");
    }
    // One name for the link option, in the help and the README.
    assert!(full.contains("--link LINK "), "{full}");
    let readme = repo_file("README.md");
    assert!(readme.contains("--link LINK") && !readme.contains("URL_OR_FRAGMENT"));
    for opt in [
        "--threads",
        "--all-events",
        "--variant",
        "separate them with `;`",
    ] {
        assert!(readme.contains(opt), "README.md does not mention {opt}");
    }
    // Padding: the character is named, not its code.
    let link = ok(&["link"]).trim().to_string();
    let padded = format!("{link}==");
    bad(&["run", "--link", &padded], "'=' at character");
    let err = run_all(&["run", "--link", &padded]).2;
    assert!(
        !err.contains("61") && !err.contains("Invalid symbol"),
        "{err}"
    );
}

#[test]
fn the_story_tells_when_a_review_reopens_a_dispute() {
    let out = ok(&["run", "--preset", "id-jp-jv"]);
    assert!(
        out.contains("a strategic review improved the fit with the market")
            && out.contains("the unresolved dispute between Astra Manufaktur and Daiwa Components gets another chance, starting again at negotiation."),
        "{out}"
    );
    // In general: the core tells each reopened dispute by an event of its own, right after the
    // review of its month, and every dispute left unresolved and later back on the ladder was
    // reopened by the first review after it was left unresolved.
    let mut reopened = 0;
    for (preset, seed) in [
        ("id-jp-jv", None),
        ("default", Some("3")),
        ("challenge-conflict", Some("1")),
        ("challenge-conflict", Some("2")),
    ] {
        let mut args = vec!["run", "--preset", preset, "--json"];
        if let Some(s) = seed {
            args.extend(["--seed", s]);
        }
        let v = ok_json(&args);
        let events = v["events"].as_array().unwrap();
        for (k, e) in events.iter().enumerate() {
            if e["type"] != "dispute_reopened" {
                continue;
            }
            assert!(
                e["text"]
                    .as_str()
                    .unwrap()
                    .contains("gets another chance, starting again at"),
                "{e}"
            );
            // The events before it back to its review are its review's other reopenings.
            let review = events[..k]
                .iter()
                .rev()
                .find(|f| f["type"] != "dispute_reopened")
                .unwrap();
            assert_eq!(review["type"], "review", "{preset} {seed:?}: {e}");
            assert_eq!(review["month"], e["month"]);
            reopened += 1;
        }
        for (k, e) in events.iter().enumerate() {
            if e["type"] != "dispute_unresolved" {
                continue;
            }
            let id = &e["id"];
            let later = &events[k + 1..];
            let back = later.iter().position(|f| {
                f["id"] == *id
                    && [
                        "dispute_step",
                        "dispute_failed",
                        "dispute_settled",
                        "dispute_unresolved",
                    ]
                    .contains(&f["type"].as_str().unwrap())
            });
            if let Some(b) = back {
                assert!(
                    later[..b]
                        .iter()
                        .any(|f| f["type"] == "dispute_reopened" && f["id"] == *id),
                    "{preset} {seed:?}: dispute {id} back without a review reopening it"
                );
            }
        }
    }
    assert!(reopened >= 1);
}

/// Runs `aliansi` with `input` on its standard input, returning (status, stdout, stderr).
fn run_with_input(args: &[&str], input: &str) -> (Option<i32>, String, String) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_aliansi"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The command may stop before it has read all of its input (a refusal it can make at
    // once): the pipe is then closed, which is not the test's failure (seen once in CI).
    if let Err(e) = child.stdin.take().unwrap().write_all(input.as_bytes()) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    let o = child.wait_with_output().unwrap();
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stdout).to_string(),
        String::from_utf8_lossy(&o.stderr).to_string(),
    )
}

/// A fresh temporary folder named after `name`.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("aliansi-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_part_that_cannot_be_written_fails_before_the_runs() {
    let dir = temp_dir("unwritable");
    let missing = dir.join("parts").join("part-1.json").display().to_string();
    // Half a billion runs would take hours: the answer comes at once, so before the runs.
    let mut child = Command::new(env!("CARGO_BIN_EXE_aliansi"))
        .args([
            "batch",
            "--runs",
            "1000000000",
            "--chunk",
            "1/2",
            "--out",
            &missing,
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed().as_secs() > 60 {
            let _ = child.kill();
            panic!("batch --chunk ran its runs before finding that --out cannot be written");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let o = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    // Output that cannot be written: status 1, as the help says.
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(o.stdout.is_empty());
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!("error: cannot write {missing}: "))
            && err.contains("create it first"),
        "{err}"
    );
    // A folder is no file either.
    let (code, _, err) = run_all(&[
        "batch",
        "--runs",
        "1000000000",
        "--chunk",
        "1/2",
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.starts_with("error: cannot write "), "{err}");
    // The options are checked before the file is opened (nothing is left behind).
    let part = dir.join("part.json");
    let part = part.to_str().unwrap();
    bad(
        &["batch", "--runs", "3", "--chunk", "1/5", "--out", part],
        "more parts than runs",
    );
    bad(
        &[
            "batch",
            "--set",
            "horizon_months=0",
            "--chunk",
            "1/5",
            "--out",
            part,
        ],
        "horizon_months",
    );
    assert!(!std::path::Path::new(part).exists());
    // A part already written stays as it was while its task runs again, and is kept whole if
    // that task is stopped (a cluster that preempts it, Ctrl-C): the new part goes into a file
    // of its own, renamed over it once whole.
    let written = dir.join("written.json").display().to_string();
    ok(&["batch", "--runs", "10", "--chunk", "1/2", "--out", &written]);
    let whole = std::fs::read_to_string(&written).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_aliansi"))
        .args([
            "batch",
            "--runs",
            "1000000000",
            "--chunk",
            "1/2",
            "--out",
            &written,
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let incomplete = format!("{written}.{}.incomplete", child.id());
    let start = std::time::Instant::now();
    while !std::path::Path::new(&incomplete).exists() && start.elapsed().as_secs() < 30 {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(
        std::path::Path::new(&incomplete).exists(),
        "no {incomplete}"
    );
    assert_eq!(
        std::fs::read_to_string(&written).unwrap(),
        whole,
        "kept while it runs"
    );
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(
        std::fs::read_to_string(&written).unwrap(),
        whole,
        "kept when stopped"
    );
    // Run to its end, the new part replaces it, and nothing else is left.
    ok(&["batch", "--runs", "12", "--chunk", "1/2", "--out", &written]);
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&written).unwrap()).unwrap();
    assert_eq!(v["runs_total"], 12);
    let _ = std::fs::remove_file(&incomplete);
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".incomplete"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    ok(&["batch", "--runs", "10", "--chunk", "1/2", "--out", &written]);
    // An empty part (written by hand, or by an older version that was stopped): merge says
    // it has not finished.
    std::fs::write(part, "").unwrap();
    bad(
        &["merge", &written, part],
        &format!("{part} is empty: its --chunk has not finished"),
    );
    // --out - writes the part to standard output, and nothing else.
    let stdout = ok(&["batch", "--runs", "10", "--chunk", "1/2", "--out", "-"]);
    assert_eq!(stdout, std::fs::read_to_string(&written).unwrap());
    assert!(!std::path::Path::new("-").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_scenario_is_read_from_standard_input() {
    let json = ok(&["show", "--preset", "calm-pair"]);
    let (code, out, err) = run_with_input(&["link", "--scenario", "-"], &json);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(out, ok(&["link", "--preset", "calm-pair"]));
    let (code, out, err) = run_with_input(&["run", "--scenario", "-"], "{ \"version\": 1,");
    assert_eq!(code, Some(2));
    assert!(out.is_empty());
    assert!(
        err.starts_with("error: standard input: not valid JSON"),
        "{err}"
    );
}

/// Windows Notepad saves UTF-8 with a byte-order mark: scenario files, standard input and
/// part files that begin with one are read as without it.
#[test]
fn json_with_a_utf8_byte_order_mark_is_read() {
    const BOM: &str = "\u{feff}";
    let json = ok(&["show", "--preset", "calm-pair"]);
    let link = ok(&["link", "--preset", "calm-pair"]);
    let file = temp("bom.json", &format!("{BOM}{json}"));
    assert_eq!(ok(&["link", "--scenario", file.to_str().unwrap()]), link);
    let (code, out, err) = run_with_input(&["link", "--scenario", "-"], &format!("{BOM}{json}"));
    assert_eq!((code, out), (Some(0), link), "{err}");
    let (dir, parts) = write_parts("bom", &["--runs", "20", "--seed", "4"], 2);
    let whole = ok(&["merge", &parts[0], &parts[1], "--json"]);
    let marked = in_dir(&dir, "marked.json");
    let part = std::fs::read_to_string(&parts[1]).unwrap();
    std::fs::write(&marked, format!("{BOM}{part}")).unwrap();
    assert_eq!(ok(&["merge", &parts[0], &marked, "--json"]), whole);
    // Only a mark at the start: one inside the text is still an error.
    let inside = temp("bom-inside.json", &format!("{json}{BOM}"));
    bad(
        &["link", "--scenario", inside.to_str().unwrap()],
        "not valid JSON",
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `batch --chunk` (and `sweep --chunk`) creates its --out file before the runs: given the
/// --scenario file, under any name, it would overwrite the scenario. Refused.
#[test]
fn a_part_is_not_written_over_its_scenario_file() {
    let dir = std::env::temp_dir().join(format!("aliansi-same-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let scenario = in_dir(&dir, "same.json");
    let json = ok(&["show", "--preset", "calm-pair"]);
    std::fs::write(&scenario, &json).unwrap();
    let other_name = format!("{}/./same.json", dir.display());
    #[cfg(unix)]
    let link = {
        let l = in_dir(&dir, "link.json");
        std::os::unix::fs::symlink(&scenario, &l).unwrap();
        l
    };
    #[cfg(not(unix))]
    let link = other_name.clone();
    for out in [&scenario, &other_name, &link] {
        let want =
            format!("--out {out} is the --scenario file: the part would overwrite the scenario");
        bad(
            &[
                "batch",
                "--scenario",
                &scenario,
                "--runs",
                "4",
                "--chunk",
                "1/2",
                "--out",
                out,
            ],
            &want,
        );
        bad(
            &[
                "sweep",
                "--scenario",
                &scenario,
                "--param",
                "environment.rivalry",
                "--values",
                "0.2",
                "--runs",
                "4",
                "--chunk",
                "1/2",
                "--out",
                out,
            ],
            &want,
        );
        assert_eq!(std::fs::read_to_string(&scenario).unwrap(), json);
    }
    // Another file is written as ever.
    let part = in_dir(&dir, "part.json");
    ok(&[
        "batch",
        "--scenario",
        &link,
        "--runs",
        "4",
        "--chunk",
        "1/2",
        "--out",
        &part,
    ]);
    assert_eq!(std::fs::read_to_string(&scenario).unwrap(), json);
    let _ = std::fs::remove_dir_all(&dir);
}

/// `dir/name`, as a string.
fn in_dir(dir: &std::path::Path, name: &str) -> String {
    dir.join(name).display().to_string()
}

#[test]
fn merge_refuses_a_part_whose_counts_do_not_add_up() {
    let (dir, parts) = write_parts("damaged", &["--runs", "60", "--seed", "3"], 2);
    let read =
        |p: &str| -> Value { serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap() };
    let v = read(&parts[1]);
    let first_used = |k: &str| {
        v["tally"][k]
            .as_array()
            .unwrap()
            .iter()
            .position(|x| x.as_u64() > Some(0))
            .unwrap()
    };
    let add = |w: &mut Value, k: &str, i: usize, n: u64| {
        w["tally"][k][i] = serde_json::json!(w["tally"][k][i].as_u64().unwrap() + n);
    };
    type Damage<'a> = Box<dyn Fn(&mut Value) + 'a>;
    let cases: Vec<(Damage, &str)> = vec![
        (
            Box::new(|w: &mut Value| add(w, "deaths", 30, 5)),
            "the tally does not add up: deaths counts",
        ),
        (
            Box::new(|w: &mut Value| add(w, "trust_hist", first_used("trust_hist"), 5)),
            "the tally does not add up: trust_hist counts 35 runs, not its 30 runs",
        ),
        (
            Box::new(|w: &mut Value| add(w, "value_hist", first_used("value_hist"), 1)),
            "the tally does not add up: value_hist counts 31 runs",
        ),
        (
            Box::new(|w: &mut Value| w["tally"]["trust_sum_fx"] = serde_json::json!("-5")),
            "the tally does not add up: trust_sum_fx",
        ),
        // The mean value: its sum edited, or every run moved to the lowest value bin.
        (
            Box::new(|w: &mut Value| {
                w["tally"]["value_sum_fx"] = serde_json::json!("99999999999999999999")
            }),
            "the tally does not add up: value_sum_fx does not fit value_hist",
        ),
        (
            Box::new(|w: &mut Value| {
                let runs = w["tally"]["runs"].clone();
                let bins = w["tally"]["value_hist"].as_array().unwrap().len();
                let mut low = vec![serde_json::json!(0); bins];
                low[0] = runs;
                w["tally"]["value_hist"] = Value::Array(low);
            }),
            "the tally does not add up: value_sum_fx does not fit value_hist",
        ),
    ];
    let damaged = in_dir(&dir, "damaged.json");
    for (damage, want) in cases {
        let mut w = v.clone();
        damage(&mut w);
        std::fs::write(&damaged, w.to_string()).unwrap();
        bad(
            &["merge", &parts[0], &damaged],
            &format!("{damaged}: {want}"),
        );
    }
    // Undamaged, they merge.
    ok(&["merge", &parts[0], &parts[1]]);
    let _ = std::fs::remove_dir_all(&dir);
}

/// What a terminal shows after `bytes`: carriage return, line feed and "erase in line"
/// (`ESC [ K`) obeyed, other characters written over what was there.
fn screen(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes).replace("\x1b[K", "\u{1}");
    let mut lines = vec![Vec::<char>::new()];
    let mut col = 0;
    for c in text.chars() {
        let line = lines.last_mut().unwrap();
        match c {
            '\r' => col = 0,
            '\n' => {
                lines.push(Vec::new());
                col = 0;
            }
            '\u{1}' => line.truncate(col),
            c => {
                if col < line.len() {
                    line[col] = c;
                } else {
                    line.push(c);
                }
                col += 1;
            }
        }
    }
    lines.into_iter().map(|l| l.into_iter().collect()).collect()
}

#[test]
fn sweep_progress_on_a_terminal_leaves_nothing_behind() {
    // The progress shows only on a terminal: `script` (util-linux) gives the sweep one.
    let cmd = format!(
        "{} sweep --param governance.resolution --values \
         'negotiation;negotiation,mediation,arbitration,escalation' --runs 1000 \
         --set horizon_months=12",
        env!("CARGO_BIN_EXE_aliansi")
    );
    let o = match Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .stdin(Stdio::null())
        .output()
    {
        Ok(o) if o.status.success() => o,
        other => {
            eprintln!("skipped: `script` cannot run the sweep on a terminal here ({other:?})");
            return;
        }
    };
    let shown = screen(&o.stdout);
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("% (0/1000 runs)"),
        "no progress was shown: {shown:?}"
    );
    assert_eq!(
        shown[0], "governance.resolution: 1000 runs each, master seed 2024",
        "{shown:?}"
    );
    assert!(shown[1].starts_with("value "), "{shown:?}");
}

/// An experiment of two variants of the default scenario at 24 months, "Base" and "Open"
/// (transparency 0.9), asking for `runs`: (base, open, its link). The scenario the link opens
/// in the app's editor is the open one when `editor_open`, else the base.
fn base_and_open_link(
    runs: u64,
    editor_open: bool,
) -> (aliansi_sim::Scenario, aliansi_sim::Scenario, String) {
    let mut base = aliansi_sim::presets::default_scenario();
    base.horizon_months = 24;
    let mut open = base.clone();
    open.governance.transparency = 0.9;
    let link = aliansi_wire::encode_experiment_link(&aliansi_wire::Experiment {
        scenario: if editor_open { &open } else { &base }.clone(),
        name: None,
        variants: vec![("Base".into(), base.clone()), ("Open".into(), open.clone())],
        runs,
    });
    (base, open, link)
}

#[test]
fn an_experiment_link_gives_its_runs_to_batch_and_sweep() {
    let (s, transparent, link) = base_and_open_link(30, false);
    let text = ok(&["batch", "--link", &link, "--variant", "2"]);
    assert!(
        text.starts_with("30 runs (as the experiment link asks) of 24 months, master seed 2024\n"),
        "{text}"
    );
    let v = ok_json(&["batch", "--link", &link, "--variant", "2", "--json"]);
    let direct = aliansi_sim::run_batch(&transparent, s.seed, 30).unwrap();
    assert_eq!(v["runs"], 30);
    assert_eq!(v["checksum"], format!("{:016x}", direct.checksum));
    // --runs still decides.
    let v = ok_json(&["batch", "--link", &link, "--runs", "12", "--json"]);
    assert_eq!(v["runs"], 12);
    let text = ok(&["batch", "--link", &link, "--runs", "12"]);
    assert!(text.starts_with("12 runs of 24 months"), "{text}");
    // The scenario the link opens in the editor too, and each point of a sweep, and each part
    // of a split.
    let text = ok(&["batch", "--link", &link]);
    assert!(
        text.starts_with("30 runs (as the experiment link asks)"),
        "{text}"
    );
    let text = ok(&[
        "sweep",
        "--link",
        &link,
        "--param",
        "environment.rivalry",
        "--values",
        "0.2,0.4",
    ]);
    assert!(
        text.starts_with("environment.rivalry: 30 runs (as the experiment link asks) each"),
        "{text}"
    );
    let dir = temp_dir("link-runs");
    let part = in_dir(&dir, "part.json");
    let text = ok_note(&["batch", "--link", &link, "--chunk", "2/3", "--out", &part]);
    assert!(
        text.ends_with(&format!(
            "\nwrote runs 10..20 of the experiment link's 30 (part 2/3) to {part}\n"
        )),
        "{text}"
    );
    let _ = std::fs::remove_dir_all(&dir);
    let out = ok(&["batch", "--link", &link, "--chunk", "2/3", "--out", "-"]);
    let part: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(part["runs_total"], 30);
    assert_eq!(part["range"], serde_json::json!([10, 20]));
    bad(
        &["batch", "--link", &link, "--chunk", "1/31", "--out", "-"],
        "--chunk 1/31: more parts than runs (30, as the experiment link asks)",
    );
}

#[test]
fn a_partial_last_year_is_marked_in_the_hazard() {
    let text = ok(&["batch", "--runs", "20", "--set", "horizon_months=30"]);
    let line = text
        .lines()
        .find(|l| l.starts_with("Hazard by year (%): "))
        .unwrap();
    let years: Vec<&str> = line["Hazard by year (%): ".len()..].split(", ").collect();
    assert_eq!(years.len(), 3, "{line}");
    assert!(
        years[0].starts_with("y1 ") && years[1].starts_with("y2 "),
        "{line}"
    );
    assert!(years[2].starts_with("y3 (months 25-30) "), "{line}");
    // Whole years are not marked; the JSON's numbers are the core's.
    let text = ok(&["batch", "--runs", "20", "--set", "horizon_months=36"]);
    assert!(!text.contains("(months"), "{text}");
    let v = ok_json(&[
        "batch",
        "--runs",
        "20",
        "--set",
        "horizon_months=30",
        "--json",
    ]);
    let mut s = aliansi_sim::presets::default_scenario();
    s.horizon_months = 30;
    let direct = aliansi_sim::run_batch(&s, s.seed, 20).unwrap();
    assert_eq!(
        v["hazard_by_year"],
        serde_json::json!(direct.hazard_by_year)
    );
    let text = ok(&["batch", "--runs", "3", "--set", "horizon_months=1"]);
    assert!(text.contains("Hazard by year (%): y1 (month 1) "), "{text}");
}

#[test]
fn the_story_lists_reopened_disputes_in_good_english() {
    let out = ok(&["run", "--preset", "airline-alliance", "--seed", "2"]);
    let lines: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.starts_with("Month 84: a strategic review"))
        .skip(1)
        .take_while(|l| l.starts_with("Month 84: the unresolved dispute"))
        .collect();
    let pairs = [
        "Garuda Sky and Sakura Wings",
        "Garuda Sky and Lion Air Asia",
        "Lion Air Asia and Liberty Air",
        "Lion Air Asia and Southern Cross Air",
        "Sakura Wings and Liberty Air",
    ];
    assert_eq!(lines.len(), pairs.len(), "{out}");
    for (line, pair) in lines.iter().zip(pairs) {
        assert_eq!(
            *line,
            format!("Month 84: the unresolved dispute between {pair} gets another chance, starting again at negotiation.")
        );
    }
    for preset in ["airline-alliance", "id-jp-jv", "challenge-conflict"] {
        let out = ok(&["run", "--preset", preset, "--all-events"]);
        assert!(!out.contains("and between"), "{out}");
        assert!(!out.contains("went to avoidance"), "{out}");
    }
    // Avoidance leaves a dispute alone; escalation goes to top management.
    let out = ok(&["run", "--preset", "challenge-conflict", "--all-events"]);
    assert!(
        out.contains(
            "Month 2: the dispute between Hoshi Technologies and Rhein Logistik was left alone for now (avoidance)."
        ),
        "{out}"
    );
    let out = ok(&[
        "run",
        "--all-events",
        "--set",
        "governance.resolution=escalation",
    ]);
    assert!(
        out.lines()
            .any(|l| l.ends_with("went to top-management escalation.")),
        "{out}"
    );
}

/// `run` says why it ended as it did, as the page's "How it ended, and why": each partner that
/// left with what led to it, and the regulator's ending, in the language asked.
#[test]
fn the_story_says_who_left_and_why() {
    use aliansi_text::i18n::Lang;
    use aliansi_text::narrate::run_story;
    let s = aliansi_sim::presets::default_scenario();
    // The first seeds with a partner leaving, and with the regulator ending the alliance.
    let with_exit = (1..200)
        .find(|&seed| {
            !run_story(Lang::En, &s, &aliansi_sim::run(&s, seed).unwrap())
                .exits
                .is_empty()
        })
        .unwrap();
    let c = aliansi_sim::presets::find("challenge-compliance").unwrap();
    let with_regulator = (1..2000)
        .find(|&seed| {
            run_story(Lang::En, &c, &aliansi_sim::run(&c, seed).unwrap())
                .regulator
                .is_some()
        })
        .expect("a regulator's ending in challenge-compliance");
    for (lang, tag) in [(Lang::En, "en"), (Lang::Id, "id")] {
        for (preset, scenario, seed) in [
            ("default", &s, with_exit),
            ("challenge-compliance", &c, with_regulator),
        ] {
            let story = run_story(lang, scenario, &aliansi_sim::run(scenario, seed).unwrap());
            let out = ok(&[
                "run",
                "--preset",
                preset,
                "--seed",
                &seed.to_string(),
                "--lang",
                tag,
            ]);
            let mut want = String::new();
            if let Some(x) = &story.regulator {
                want += &format!(
                    "{}:\n  {}\n",
                    aliansi_text::i18n::t(lang, "watch.summary.regulator"),
                    x.headline
                );
                for d in &x.details {
                    want += &format!("    - {d}\n");
                }
            }
            if !story.exits.is_empty() {
                if !want.is_empty() {
                    want.push('\n');
                }
                want += &format!("{}:\n", aliansi_text::i18n::t(lang, "watch.summary.exits"));
                for x in &story.exits {
                    want += &format!("  {}\n", x.headline);
                    for d in &x.details {
                        want += &format!("    - {d}\n");
                    }
                }
            }
            assert!(!want.is_empty(), "{preset} {seed}");
            // After the totals and before the story, a blank line around it.
            let at = out.find(&format!("\n\n{want}\n"));
            let story_at = out.find(if lang == Lang::En {
                "\nMonth "
            } else {
                "\nBulan "
            });
            assert!(
                at.is_some() && at < story_at,
                "{tag} {preset} {seed}:\n{out}\nwant:\n{want}"
            );
        }
    }
    // A run where nobody left and no regulator came says nothing of the kind.
    let calm = aliansi_sim::presets::find("calm-pair").unwrap();
    let r = aliansi_sim::run(&calm, calm.seed).unwrap();
    assert!(
        r.exit_month.iter().all(Option::is_none),
        "calm-pair: somebody left"
    );
    let out = ok(&["run", "--preset", "calm-pair"]);
    assert!(
        !out.contains("Who left") && !out.contains("regulator ended it"),
        "{out}"
    );
}

/// The numbers of a line of text, each as written with a decimal point (`dec` is the
/// line's decimal mark); other characters part them.
fn numbers_in(line: &str, dec: char) -> Vec<String> {
    let mut out = vec![String::new()];
    let chars: Vec<char> = line.chars().collect();
    for (k, &c) in chars.iter().enumerate() {
        let between_digits = k > 0
            && chars[k - 1].is_ascii_digit()
            && chars.get(k + 1).is_some_and(char::is_ascii_digit);
        if c.is_ascii_digit() {
            out.last_mut().unwrap().push(c);
        } else if c == dec && between_digits {
            out.last_mut().unwrap().push('.');
        } else if !out.last().unwrap().is_empty() {
            out.push(String::new());
        }
    }
    out.retain(|n| !n.is_empty());
    out
}

/// `batch`, `sweep` and `merge` with `--lang id`: every line in Bahasa Indonesia, the same
/// figures as in English with decimal commas, the causes in the app's words; JSON unchanged.
#[test]
fn batches_and_sweeps_speak_indonesian_too() {
    use aliansi_text::i18n::Lang;
    let en = ok(&["batch", "--runs", "300"]);
    let id = ok(&["batch", "--runs", "300", "--lang", "id"]);
    let (en_lines, id_lines): (Vec<&str>, Vec<&str>) = (en.lines().collect(), id.lines().collect());
    assert_eq!(en_lines.len(), id_lines.len(), "{en}\n{id}");
    let starts = [
        "300 simulasi selama 120 bulan, seed utama 2024",
        "Kelangsungan pada bulan ke-120: ",
        "Median lama bertahan: ",
        "Laju bubar per tahun (%): th1 ",
        "Penyebab bubar (",
    ];
    for (line, start) in id_lines.iter().zip(starts) {
        assert!(line.starts_with(start), "{line}\n{id}");
    }
    assert!(id.contains("\nRata-rata nilai bersih "), "{id}");
    assert!(id.contains("\nRata-rata kepercayaan akhir: "), "{id}");
    for c in aliansi_sim::Cause::ALL {
        let words = aliansi_text::narrate::cause_words(Lang::Id, c);
        assert!(
            id.lines().any(|l| l.starts_with(&format!("  {words} "))),
            "{words}: {id}"
        );
    }
    // The same figures, line by line (but the last: the time it took), with decimal commas.
    for (e, i) in en_lines.iter().zip(&id_lines).take(en_lines.len() - 1) {
        assert_eq!(numbers_in(e, '.'), numbers_in(i, ','), "{e}\n{i}");
    }
    assert!(
        id_lines[1].contains(',') && !id_lines[1].contains('.'),
        "{}",
        id_lines[1]
    );
    assert!(
        id_lines.last().unwrap().starts_with("300 simulasi dalam "),
        "{id}"
    );
    // JSON keeps its keys and numbers.
    let json = |lang: &str| {
        let mut v = ok_json(&["batch", "--runs", "300", "--json", "--lang", lang]);
        let o = v.as_object_mut().unwrap();
        o.remove("elapsed_seconds");
        o.remove("runs_per_second");
        v
    };
    assert_eq!(json("en"), json("id"));

    // A grid sweep: Indonesian headers, the same survival grid with decimal commas.
    let args = [
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
        "100",
    ];
    let en = ok(&args);
    let id = ok(&[&args[..], &["--lang", "id"]].concat());
    assert!(id.starts_with("governance.transparency x governance.alliance_manager: masing-masing 100 simulasi, seed utama 2024\n"), "{id}");
    assert!(
        id.lines().nth(1).unwrap().starts_with("nilai  nilai2 "),
        "{id}"
    );
    let grid = |text: &str, title: &str, dec: char| -> Vec<Vec<String>> {
        text.lines()
            .skip_while(|l| !l.starts_with(title))
            .skip(2)
            .map(|l| numbers_in(l.split_once(' ').unwrap().1, dec))
            .collect()
    };
    let en_grid = grid(&en, "Survival at the horizon (%)", '.');
    assert_eq!(en_grid.len(), 2, "{en}");
    assert_eq!(
        en_grid,
        grid(&id, "Kelangsungan di akhir jangka waktu (%)", ','),
        "{en}\n{id}"
    );

    // merge in Indonesian: the batch's text, and its parts.
    let dir = temp_dir("merge-id");
    let parts: Vec<String> = (1..=2)
        .map(|i| {
            dir.join(format!("p{i}.json"))
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    for (i, p) in parts.iter().enumerate() {
        let chunk = format!("{}/2", i + 1);
        ok(&["batch", "--runs", "300", "--chunk", &chunk, "--out", p]);
    }
    let merged = ok(&["merge", &parts[0], &parts[1], "--lang", "id"]);
    let batch_id: Vec<&str> = id_lines[..id_lines.len() - 1].to_vec();
    let merged_lines: Vec<&str> = merged.lines().collect();
    assert_eq!(
        &merged_lines[..merged_lines.len() - 1],
        &batch_id[..],
        "{merged}"
    );
    assert_eq!(
        *merged_lines.last().unwrap(),
        "300 simulasi, digabung dari 2 bagian"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The ladder sweeps like the app's: over the core's common ladders, and over any other
/// ladder too (as --set reads it); a step that does not exist is refused.
#[test]
fn the_ladder_is_swept_over_any_ladders() {
    let v = ok_json(&[
        "sweep",
        "--param",
        "governance.resolution",
        "--values",
        "negotiation, mediation; arbitration; avoidance,negotiation",
        "--runs",
        "40",
        "--json",
    ]);
    let rows = v.as_array().unwrap();
    let values: Vec<&str> = rows.iter().map(|r| r["value"].as_str().unwrap()).collect();
    assert_eq!(
        values,
        [
            "negotiation, mediation",
            "arbitration",
            "avoidance,negotiation"
        ]
    );
    // Each point is the batch of its ladder set by hand.
    for (ladder, row) in [
        "negotiation,mediation",
        "arbitration",
        "avoidance,negotiation",
    ]
    .iter()
    .zip(rows)
    {
        let set = format!("governance.resolution={ladder}");
        let b = ok_json(&["batch", "--set", &set, "--runs", "40", "--json"]);
        assert_eq!(row["checksum"], b["checksum"], "{ladder}");
    }
    bad(
        &[
            "sweep",
            "--param",
            "governance.resolution",
            "--values",
            "negotiation;prayer",
        ],
        "prayer",
    );
    // Without --values, a choice is swept over all its options, as the page offers them: the
    // eight common ladders; the same with a second choice field without --values2.
    let all = ok_json(&[
        "sweep",
        "--param",
        "governance.resolution",
        "--runs",
        "20",
        "--json",
    ]);
    let values: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["value"].as_str().unwrap())
        .collect();
    assert_eq!(values, aliansi_sim::sweep::LADDERS);
    let grid = ok_json(&[
        "sweep",
        "--param",
        "governance.form",
        "--param2",
        "governance.decision_rule",
        "--runs",
        "20",
        "--json",
    ]);
    assert_eq!(grid.as_array().unwrap().len(), 9, "3 forms by 3 rules");
    // The ladders head the grid's columns as letters, named in a key under it (in the app's
    // words); short values (the decision rules' words) head their own columns.
    let text = ok(&[
        "sweep",
        "--param",
        "governance.resolution",
        "--param2",
        "governance.decision_rule",
        "--runs",
        "20",
    ]);
    let grid: Vec<&str> = text
        .split("Survival at the horizon (%)")
        .nth(1)
        .expect("a grid")
        .lines()
        .skip(1)
        .collect();
    let heads: Vec<&str> = grid[0].split_whitespace().collect();
    assert_eq!(
        heads,
        ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"]
    );
    // Under 100 characters (ten columns headed by their ladders ran past 450).
    assert!(grid.iter().all(|l| l.chars().count() < 100), "{grid:#?}");
    for (i, head) in heads.iter().enumerate() {
        let ladder = aliansi_sim::sweep::ladder(i);
        let words = aliansi_text::narrate::ladder_label(aliansi_text::i18n::Lang::En, ladder);
        let entry = format!("{head}: {words}");
        assert!(grid.contains(&entry.as_str()), "{entry} in {grid:#?}");
    }
    let text = ok(&[
        "sweep",
        "--param",
        "governance.decision_rule",
        "--param2",
        "governance.resolution",
        "--runs",
        "20",
    ]);
    let grid = text.split("Survival at the horizon (%)").nth(1).unwrap();
    let heads = grid.lines().nth(1).unwrap();
    let words: Vec<&str> = heads
        .split("  ")
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .collect();
    assert_eq!(
        words,
        ["Consensus", "Majority", "Lead partner decides"],
        "{grid}"
    );
    assert!(!grid.contains("A: "), "no key: {grid}");
    // Split over machines, ladders (values with commas in them) merge into the same sweep.
    let args = ["--param", "governance.resolution", "--runs", "60"];
    let (dir, parts) = write_parts_of("sweep", "ladder-parts", &args, 3);
    let mut merge = vec!["merge", "--json"];
    merge.extend(parts.iter().map(String::as_str));
    let merged = ok_json(&merge);
    let whole = ok_json(&[&["sweep"][..], &args, &["--json"]].concat());
    let sums = |v: &Value| -> Vec<(Value, Value)> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|r| (r["value"].clone(), r["checksum"].clone()))
            .collect()
    };
    assert_eq!(sums(&merged), sums(&whole));
    assert_eq!(sums(&whole).len(), aliansi_sim::sweep::LADDERS.len());
    let _ = std::fs::remove_dir_all(&dir);
    // A number still needs its values.
    bad(
        &["sweep", "--param", "governance.transparency"],
        "sweep needs --values",
    );
}

/// `--json` with `--lang`: the same keys, numbers and codes in either language, for scripts;
/// only the "text" of run's events (each event's sentence) follows the language. The help and
/// the README say exactly that.
#[test]
fn json_differs_between_languages_only_in_the_events_text() {
    /// `a` and `b` with the same keys everywhere and the same values but at key "text".
    fn same_but_text(a: &Value, b: &Value, path: &str, texts: &mut usize) {
        match (a, b) {
            (Value::Object(x), Value::Object(y)) => {
                let keys =
                    |m: &serde_json::Map<String, Value>| m.keys().cloned().collect::<Vec<_>>();
                assert_eq!(keys(x), keys(y), "keys at {path}");
                for (k, v) in x {
                    let at = format!("{path}.{k}");
                    if k == "text" && v.is_string() {
                        *texts += usize::from(v != &y[k]);
                    } else {
                        same_but_text(v, &y[k], &at, texts);
                    }
                }
            }
            (Value::Array(x), Value::Array(y)) => {
                assert_eq!(x.len(), y.len(), "length at {path}");
                for (i, (v, w)) in x.iter().zip(y).enumerate() {
                    same_but_text(v, w, &format!("{path}.{i}"), texts);
                }
            }
            _ => assert_eq!(a, b, "at {path}"),
        }
    }
    let run = |lang: &str| {
        ok_json(&[
            "run",
            "--preset",
            "challenge-conflict",
            "--json",
            "--lang",
            lang,
        ])
    };
    let (en, id) = (run("en"), run("id"));
    let mut texts = 0;
    same_but_text(&en, &id, "", &mut texts);
    assert!(texts > 0, "no event's text is in Bahasa Indonesia");
    let help = ok(&["run", "--help"])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        help.contains("With --json, keys and numbers are the same in either; only the \"text\" of run's events is in LANG"),
        "{help}"
    );
    let readme = repo_file("README.md")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(!readme.contains("`--json` is the same in either"));
    assert!(
        readme.contains("only the `\"text\"` of `run`'s events"),
        "README"
    );
}

/// `run --lang id` tells the run in Bahasa Indonesia, in the app's sentences (the same
/// narrator, `aliansi_text::narrate`), with decimal commas; English is the default; any other
/// language is refused.
#[test]
fn the_story_is_told_in_the_language_asked() {
    use aliansi_text::i18n::Lang;
    let s = aliansi_sim::presets::find("challenge-conflict").unwrap();
    let r = aliansi_sim::run(&s, s.seed).unwrap();
    for (lang, tag) in [(Lang::En, "en"), (Lang::Id, "id")] {
        let out = ok(&["run", "--preset", "challenge-conflict", "--lang", tag]);
        // The story: the last block, after "Who left, and why" when somebody left.
        let story: Vec<&str> = out.rsplit_once("\n\n").unwrap().1.lines().collect();
        // The app's event log, without the failed steps and moves up the ladder.
        let app: Vec<String> = aliansi_text::narrate::log_lines(lang, &s, &r.events)
            .into_iter()
            .zip(&r.events)
            .filter(|(_, e)| {
                !matches!(
                    e.kind,
                    aliansi_sim::EventKind::DisputeStep { .. }
                        | aliansi_sim::EventKind::DisputeFailed { .. }
                )
            })
            .map(|(l, _)| l)
            .collect();
        assert!(story.len() > 5, "{out}");
        assert_eq!(story, app, "{tag}");
        let all = ok(&[
            "run",
            "--preset",
            "challenge-conflict",
            "--lang",
            tag,
            "--all-events",
        ]);
        let story = all.rsplit_once("\n\n").unwrap().1.lines().count();
        assert_eq!(
            story,
            r.events.len(),
            "{tag}: every event with --all-events"
        );
    }
    let id = ok(&["run", "--preset", "challenge-conflict", "--lang", "id"]);
    let head: Vec<&str> = id.lines().take_while(|l| !l.is_empty()).collect();
    assert!(
        head[0].starts_with("Hasil: bertahan selama ")
            || head[0].starts_with("Hasil: bubar pada bulan ke-"),
        "{id}"
    );
    assert!(
        head.iter().any(|l| l.starts_with("Nilai yang tercipta ")),
        "{id}"
    );
    assert!(head.iter().any(|l| l.starts_with("Imbalan: ")), "{id}");
    // Decimal commas, not points, in the Indonesian numbers.
    let value = head
        .iter()
        .find(|l| l.starts_with("Nilai yang tercipta "))
        .unwrap();
    assert!(value.contains(',') && !value.contains("0."), "{value}");
    let story = id.rsplit_once("\n\n").unwrap().1;
    assert!(story.lines().all(|l| l.starts_with("Bulan ")), "{id}");
    // English by default, and "id-ID" read as Indonesian.
    assert_eq!(
        ok(&["run", "--preset", "challenge-conflict"]),
        ok(&["run", "--preset", "challenge-conflict", "--lang", "en"])
    );
    assert_eq!(
        id,
        ok(&["run", "--preset", "challenge-conflict", "--lang", "id-ID"])
    );
    // The JSON's sentences follow --lang; its keys do not.
    let v = ok_json(&[
        "run",
        "--preset",
        "challenge-conflict",
        "--json",
        "--lang",
        "id",
    ]);
    let first = v["events"][0]["text"].as_str().unwrap();
    assert!(first.contains("bersengketa"), "{first}");
    assert_eq!(
        first,
        aliansi_text::narrate::Narrator::new(Lang::Id, &s).sentence(&r.events[0])
    );
    bad(
        &["run", "--lang", "fr"],
        "--lang expects en (English) or id (Bahasa Indonesia), got \"fr\"",
    );
    bad(
        &["show", "--lang", "id"],
        "--lang applies to presets, run, batch, sweep and merge, not show",
    );
    // presets: the app's Indonesian title and description of each.
    let presets = ok(&["presets", "--lang", "id"]);
    let all = aliansi_sim::presets::all();
    assert_eq!(presets.lines().count(), all.len(), "{presets}");
    for (line, p) in presets.lines().zip(&all) {
        let title = aliansi_text::i18n::t(Lang::Id, &format!("library.preset.{}.title", p.id));
        let desc = aliansi_text::i18n::t(Lang::Id, &format!("library.preset.{}.desc", p.id));
        assert!(title != "??" && desc != "??", "{}", p.id);
        assert!(
            line.starts_with(p.id) && line.ends_with(&format!("  {title}. {desc}")),
            "{line}"
        );
    }
}

#[test]
fn each_command_has_its_own_help() {
    let full = ok(&["help"]);
    for c in ALL_COMMANDS {
        let own = ok(&["help", c]);
        assert_eq!(own, ok(&[c, "--help"]), "{c}");
        assert!(own.starts_with(&format!("aliansi {c} - ")), "{own}");
        assert!(own.contains(&format!("USAGE:\n    aliansi {c} ")), "{own}");
        assert!(
            own.len() < full.len() && !own.contains("COMMANDS:"),
            "{c}: {own}"
        );
        // Only the examples of this command.
        let examples = own.split("EXAMPLES:").nth(1).unwrap_or("");
        for other in ALL_COMMANDS.iter().filter(|o| **o != c) {
            assert!(
                !examples.contains(&format!("    aliansi {other} ")),
                "{c}: {examples}"
            );
        }
        assert!(own.contains("EXIT STATUS:"), "{own}");
    }
    let batch = ok(&["help", "batch"]);
    for opt in [
        "--runs N",
        "--chunk I/N",
        "--out FILE",
        "--threads N",
        "--seed N",
    ] {
        assert!(batch.contains(&format!("    {opt} ")), "{opt}: {batch}");
    }
    for opt in ["--param ", "--quick", "--all-events", "--markdown"] {
        assert!(!batch.contains(opt), "{opt}: {batch}");
    }
    let merge = ok(&["help", "merge"]);
    assert!(merge.contains("aliansi merge FILES..."), "{merge}");
    assert!(
        merge.contains("    --json ") && !merge.contains("--seed"),
        "{merge}"
    );
    // An option's text in a command's help speaks of that command only: merge's says nothing
    // of --chunk (which it does not take) or of a run's story.
    let options = |c: &str| {
        let own = ok(&["help", c]);
        let after = own.split("OPTIONS:").nth(1).unwrap_or("").to_string();
        after.split("EXAMPLES:").next().unwrap_or("").to_string()
    };
    for c in ["merge", "presets", "run", "show", "link"] {
        let own = options(c);
        assert!(!own.contains("--chunk"), "{c}: {own}");
    }
    for c in ["merge", "presets", "batch", "sweep"] {
        let own = options(c);
        assert!(
            !own.contains("story") && !own.contains("run's events"),
            "{c}: {own}"
        );
    }
    assert!(ok(&["help", "run"]).contains("a run's story"));
    assert!(ok(&["help", "batch"]).contains("--chunk writes its part as JSON"));
}

/// The options each command takes, as its help lists them.
fn options_by_help() -> Vec<(String, Vec<&'static str>)> {
    let mut out: Vec<(String, Vec<&'static str>)> = Vec::new();
    for c in ALL_COMMANDS {
        let help = ok(&["help", c]);
        let options = help
            .split("OPTIONS:\n")
            .nth(1)
            .unwrap()
            .split("\n\n")
            .next()
            .unwrap();
        for line in options.lines().filter(|l| l.starts_with("    --")) {
            let name = line.split_whitespace().next().unwrap().to_string();
            match out.iter_mut().find(|(n, _)| *n == name) {
                Some((_, cs)) => cs.push(c),
                None => out.push((name, vec![c])),
            }
        }
    }
    out
}

#[test]
fn an_option_is_refused_naming_every_command_that_takes_it() {
    let options = options_by_help();
    assert!(options.len() >= 18, "{options:?}");
    let value = |name: &str| match name {
        "--chunk" => Some("1/1"),
        "--json" | "--all-events" | "--quick" | "--markdown" => None,
        "--set" => Some("seed=1"),
        "--lang" => Some("en"),
        _ => Some("1"),
    };
    for (name, takers) in &options {
        let list = match takers.as_slice() {
            [one] => one.to_string(),
            [init @ .., last] => format!("{} and {last}", init.join(", ")),
            [] => unreachable!(),
        };
        for c in ALL_COMMANDS
            .iter()
            .filter(|c| !takers.contains(c) && **c != "help")
        {
            let mut args = vec![*c, name.as_str()];
            args.extend(value(name));
            bad(&args, &format!("{name} applies to {list}, not {c}"));
        }
    }
    // validate takes --runs and --threads: its help says so and it accepts them.
    let validate = options.iter().filter(|(_, cs)| cs.contains(&"validate"));
    let names: Vec<&str> = validate.map(|(n, _)| n.as_str()).collect();
    for want in ["--runs", "--threads", "--quick", "--markdown"] {
        assert!(names.contains(&want), "{names:?}");
    }
}

#[test]
fn the_help_describes_chunk_and_out_apart() {
    let help = ok(&["--help"]);
    let lines: Vec<&str> = help.lines().collect();
    let at = |opt: &str| {
        lines
            .iter()
            .position(|l| l.starts_with(&format!("    {opt} ")))
            .unwrap()
    };
    let (chunk, out) = (at("--chunk I/N"), at("--out FILE"));
    let chunk_text = lines[chunk..out].join(" ");
    assert!(
        chunk_text.contains("Run only the I-th of N equal parts of the runs (N at most the")
            && chunk_text.contains("number of runs; a sweep: of each point's runs)"),
        "{chunk_text}"
    );
    assert!(
        lines[out].contains("Where --chunk writes its part (- for stdout)"),
        "{}",
        lines[out]
    );
    assert!(!help.contains("the runs), and write"), "{help}");
}

#[test]
fn merge_says_what_differs_between_batches() {
    let (dir, parts) = write_parts("differ", &["--runs", "40", "--seed", "7"], 2);
    let other = |name: &str, args: &[&str]| {
        let path = in_dir(&dir, name);
        let mut all = vec!["batch", "--chunk", "1/2", "--out", &path];
        all.extend_from_slice(args);
        ok(&all);
        path
    };
    let seed5 = other("p7-seed5.json", &["--runs", "40", "--seed", "5"]);
    bad(
        &["merge", &parts[0], &seed5],
        &format!(
            "{seed5} belongs to another batch: its seed differs from {}'s (seed 5 against 7)",
            parts[0]
        ),
    );
    let runs = other("runs.json", &["--runs", "60", "--seed", "7"]);
    bad(&["merge", &parts[0], &runs], "its run count differs from");
    bad(&["merge", &parts[0], &runs], "(60 runs against 40)");
    let scenario = other(
        "scenario.json",
        &[
            "--runs",
            "40",
            "--seed",
            "7",
            "--set",
            "environment.rivalry=0.9",
        ],
    );
    bad(
        &["merge", &parts[0], &scenario],
        &format!(
            "{scenario} belongs to another batch: its scenario differs from {}'s (environment.rivalry: 0.9 against ",
            parts[0]
        ),
    );
    // A list of another length is told by its length.
    let ladder = other(
        "ladder.json",
        &[
            "--runs",
            "40",
            "--seed",
            "7",
            "--set",
            "governance.resolution=negotiation",
        ],
    );
    bad(
        &["merge", &parts[0], &ladder],
        "(governance.resolution: a list of 1 against a list of 2)",
    );
    let all = other(
        "all.json",
        &[
            "--runs",
            "60",
            "--seed",
            "5",
            "--set",
            "environment.rivalry=0.9",
        ],
    );
    bad(
        &["merge", &parts[0], &all],
        "its scenario, seed and run count differ from",
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn one_run_thread_and_month_are_singular() {
    let text = ok(&[
        "batch",
        "--runs",
        "1",
        "--threads",
        "1",
        "--set",
        "horizon_months=1",
    ]);
    assert!(
        text.starts_with("1 run of 1 month, master seed 2024\n"),
        "{text}"
    );
    assert!(
        text.contains("Causes of dissolution (0 runs dissolved):"),
        "{text}"
    );
    let last = text.lines().last().unwrap();
    assert!(
        last.starts_with("1 run in ") && last.ends_with(", 1 thread)"),
        "{last}"
    );
    let text = ok(&[
        "sweep",
        "--param",
        "environment.rivalry",
        "--values",
        "0.5",
        "--runs",
        "1",
    ]);
    assert!(
        text.starts_with("environment.rivalry: 1 run each,"),
        "{text}"
    );
    let dir = temp_dir("singular");
    let part = in_dir(&dir, "part.json");
    ok(&["batch", "--runs", "1", "--chunk", "1/1", "--out", &part]);
    let text = ok(&["merge", &part]);
    assert_eq!(text.lines().last().unwrap(), "1 run, merged from 1 part");
    let text = ok(&["batch", "--runs", "2", "--threads", "2"]);
    assert!(text.starts_with("2 runs of 120 months"), "{text}");
    assert!(
        text.lines().last().unwrap().ends_with(", 2 threads)"),
        "{text}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn set_errors_name_the_path_once_and_the_value_as_typed() {
    for (set, want) in [
        (
            "governance.transparency=2",
            "error: --set governance.transparency: must be in [0, 1], got 2",
        ),
        (
            "horizon_months=1e2",
            "error: --set horizon_months: expected a whole number, got 1e2",
        ),
        (
            "partners.*.opportunism=1.50",
            "error: --set partners.0.opportunism: must be in [0, 1], got 1.50",
        ),
        (
            "partners.0.opportunsm=1",
            "error: --set partners.0.opportunsm=1: partners.0 has no field \"opportunsm\"",
        ),
    ] {
        let (code, _, err) = run_all(&["run", "--set", set]);
        assert_eq!(code, Some(2), "{err}");
        assert!(
            err.starts_with(want),
            "--set {set}:\n  got:  {err}  want: {want}"
        );
    }
    // A number in the message that is not the one typed stays as it is.
    let (_, _, err) = run_all(&[
        "run",
        "--set",
        "governance.sharing=fixed",
        "--set",
        "governance.fixed_shares=0.5",
    ]);
    assert_eq!(
        err.trim(),
        "error: --set governance.fixed_shares: needs one share per partner (4), got 1"
    );
    // A sweep's value out of range: the path once.
    let (_, _, err) = run_all(&[
        "sweep",
        "--param",
        "governance.transparency",
        "--values",
        "2",
    ]);
    assert_eq!(
        err.trim(),
        "error: governance.transparency: must be in [0, 1], got 2"
    );
    let (_, _, err) = run_all(&["sweep", "--param", "environment.weather", "--values", "1"]);
    assert_eq!(err.matches("environment.weather").count(), 1, "{err}");
}

#[test]
fn the_version_is_printed_and_recorded_in_parts() {
    let version = env!("CARGO_PKG_VERSION");
    let model = aliansi_sim::MODEL_VERSION;
    assert_eq!(
        ok(&["--version"]),
        format!("aliansi {version} (model {model})\n")
    );
    assert_eq!(ok(&["-V"]), format!("aliansi {version} (model {model})\n"));
    assert!(ok(&["--help"]).contains("--version"));
    // The README describes the form rather than quoting a version that would go stale: a
    // date, then `.N` for the N-th version of that day.
    let readme = repo_file("README.md")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        readme.contains(
            "as `aliansi VERSION (model MODEL)`, where MODEL is a date followed by `.2`, `.3`, …"
        ),
        "README"
    );
    assert!(
        !readme.contains("(model 2026-"),
        "README quotes a model version"
    );
    let (date, n) = model.split_once('.').unwrap_or((model, "2"));
    let date_form = date.len() == 10
        && date.char_indices().all(|(i, c)| match i {
            4 | 7 => c == '-',
            _ => c.is_ascii_digit(),
        });
    assert!(
        date_form && n.parse::<u32>().is_ok_and(|n| n >= 2),
        "{model}"
    );
    let (dir, parts) = write_parts("versions", &["--runs", "30"], 3);
    let read =
        |p: &str| -> Value { serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap() };
    assert_eq!(read(&parts[0])["cli_version"], version);
    assert_eq!(read(&parts[0])["model_version"], model);
    let write = |name: &str, v: &Value| {
        let p = in_dir(&dir, name);
        std::fs::write(&p, v.to_string()).unwrap();
        p
    };
    let whole = ok_json(&["merge", &parts[0], &parts[1], &parts[2], "--json"]);
    // Results say which model gave them: a batch's, a run's, a merge's (its parts').
    assert_eq!(whole["model_version"], model);
    assert_eq!(
        ok_json(&["batch", "--runs", "5", "--json"])["model_version"],
        model
    );
    assert_eq!(ok_json(&["run", "--json"])["model_version"], model);
    // Another build of the same model: merged without a word.
    let mut same_model = read(&parts[2]);
    same_model["cli_version"] = serde_json::json!("0.0.2");
    let same_model_path = write("same-model.json", &same_model);
    let (code, out, err) = run_all(&["merge", &parts[0], &parts[1], &same_model_path, "--json"]);
    assert_eq!((code, err.as_str()), (Some(0), ""));
    assert_eq!(
        serde_json::from_str::<Value>(&out).unwrap()["checksum"],
        whole["checksum"]
    );
    // A part of another model, or of a build from before models had versions: refused, each
    // file named with its model.
    let mut other_model = read(&parts[1]);
    other_model["model_version"] = serde_json::json!("2026-11-29");
    let other_model_path = write("other-model.json", &other_model);
    let mut unversioned = read(&parts[2]);
    unversioned.as_object_mut().unwrap().remove("model_version");
    let unversioned_path = write("unversioned.json", &unversioned);
    let (code, _, err) = run_all(&["merge", &parts[0], &other_model_path, &unversioned_path]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("the parts count the runs of different versions of the model")
            && err.contains(&format!("model {model}: {}", parts[0]))
            && err.contains(&format!("model 2026-11-29: {other_model_path}"))
            && err.contains(&format!(
                "no model version recorded (a build before 2026-11-30): {unversioned_path}"
            )),
        "{err}"
    );
    // Parts of builds that recorded no model (before 2026-11-30), of different versions: an
    // older part (no version either) and one of another version: merged, with a warning.
    let unversioned_parts: Vec<Value> = parts
        .iter()
        .map(|p| {
            let mut v = read(p);
            v.as_object_mut().unwrap().remove("model_version");
            v
        })
        .collect();
    let first_path = write("first.json", &unversioned_parts[0]);
    let mut older = unversioned_parts[1].clone();
    older.as_object_mut().unwrap().remove("cli_version");
    let older_path = in_dir(&dir, "older.json");
    std::fs::write(&older_path, older.to_string()).unwrap();
    let mut other = unversioned_parts[2].clone();
    other["cli_version"] = serde_json::json!("0.0.1");
    let other_path = in_dir(&dir, "other.json");
    std::fs::write(&other_path, other.to_string()).unwrap();
    let (code, out, err) = run_all(&["merge", &first_path, &older_path, &other_path, "--json"]);
    assert_eq!(code, Some(0), "{err}");
    let merged: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(merged["checksum"], whole["checksum"]);
    assert!(
        merged["model_version"].is_null(),
        "parts that record no model: {merged}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("warning: the parts were written by different versions")
            && err.contains(&format!("aliansi {version}: {first_path}"))
            && err.contains(&format!(
                "no version recorded (an older build): {older_path}"
            ))
            && err.contains(&format!("aliansi 0.0.1: {other_path}")),
        "{err}"
    );
    // Parts of one version merge without a word.
    let (_, _, err) = run_all(&["merge", &parts[0], &parts[1], &parts[2]]);
    assert!(err.is_empty(), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Whether `path` matches `glob`, a pattern with one `*`.
fn glob_matches(glob: &str, path: &str) -> bool {
    let (head, tail) = glob.split_once('*').unwrap();
    path.len() >= head.len() + tail.len() && path.starts_with(head) && path.ends_with(tail)
}

/// The README's section on many machines: its text and its `sh` blocks.
fn many_machines_section() -> (String, Vec<String>) {
    let readme = repo_file("README.md");
    let section = readme
        .split("## Big batches and sweeps on many machines\n")
        .nth(1)
        .unwrap()
        .split("\n## ")
        .next()
        .unwrap()
        .to_string();
    let blocks = section
        .split("```sh\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap().to_string())
        .collect();
    (section, blocks)
}

/// Runs `script` with bash in `dir`, this build's `aliansi` first on the PATH, with
/// `SLURM_ARRAY_TASK_ID` set to `task` if given (as a task of a Slurm array); it must succeed.
fn sh_with_aliansi(dir: &std::path::Path, script: &str, task: Option<u32>) {
    let bin_dir = std::path::Path::new(env!("CARGO_BIN_EXE_aliansi"))
        .parent()
        .unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut c = Command::new("bash");
    c.args(["-c", script]).current_dir(dir).env("PATH", &path);
    if let Some(t) = task {
        c.env("SLURM_ARRAY_TASK_ID", t.to_string());
    }
    let o = c.output().unwrap();
    assert!(
        o.status.success(),
        "{script}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// The README's recipe for a sweep on many machines, run as written (fewer runs): each task
/// of its Slurm array, then the merge it names, which gives the sweep of one machine.
#[test]
fn the_readme_recipe_for_a_sweep_on_many_machines_works() {
    let (section, blocks) = many_machines_section();
    let script = blocks
        .iter()
        .find(|b| b.contains("aliansi sweep "))
        .expect("a sweep's Slurm script");
    assert!(
        script.starts_with("#!/bin/bash\n#SBATCH --array=1-40\n"),
        "{script}"
    );
    assert!(
        script.contains("--chunk \"${SLURM_ARRAY_TASK_ID}/40\""),
        "{script}"
    );
    let script = script.replace("--runs 200000 ", "--runs 80 ");
    let merge = section
        .split('`')
        .find(|t| t.starts_with("aliansi merge sweep-parts/"))
        .expect("the sweep's merge command");
    let dir = temp_dir("readme-sweep");
    for task in 1..=40 {
        sh_with_aliansi(&dir, &script, Some(task));
    }
    sh_with_aliansi(&dir, &format!("{merge} --json > merged.json"), None);
    let merged: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("merged.json")).unwrap()).unwrap();
    // The same sweep on one machine: the script's own arguments, without the split.
    let words: Vec<String> = script
        .replace("\\\n", " ")
        .lines()
        .find(|l| l.starts_with("aliansi sweep "))
        .unwrap()
        .split_whitespace()
        .skip(1)
        .take_while(|w| *w != "--chunk")
        .map(str::to_string)
        .collect();
    let mut args: Vec<&str> = words.iter().map(String::as_str).collect();
    args.push("--json");
    let whole = ok_json(&args);
    let (merged, whole) = (merged.as_array().unwrap(), whole.as_array().unwrap());
    assert_eq!(merged.len(), 10);
    assert_eq!(merged.len(), whole.len());
    for (m, w) in merged.iter().zip(whole) {
        assert_eq!(m["merged_parts"], 40);
        for k in [
            "value",
            "value2",
            "runs",
            "survival_at_horizon",
            "checksum",
            "causes",
        ] {
            assert_eq!(m[k], w[k], "{k}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The README's recipes for big batches, run as written (fewer runs): the Slurm script with
/// `SLURM_ARRAY_TASK_ID` set by a loop, as the array's tasks would, then its merge step; the
/// GNU parallel one on this machine alone, when GNU parallel is installed.
#[test]
fn the_readme_recipes_for_many_machines_work() {
    let (_, blocks) = many_machines_section();
    let blocks: Vec<&str> = blocks.iter().map(String::as_str).collect();
    // The first: one part, and the merge of every part; the merge's pattern takes the part.
    let out_of = |block: &str| -> String {
        let words: Vec<&str> = block.split_whitespace().collect();
        let at = words.iter().position(|w| *w == "--out").unwrap();
        words[at + 1].trim_matches('"').to_string()
    };
    let merge_glob = |block: &str| -> String {
        let line = block
            .lines()
            .find(|l| l.starts_with("aliansi merge "))
            .unwrap();
        line.split_whitespace().nth(2).unwrap().to_string()
    };
    assert!(blocks[0].starts_with("mkdir -p parts\n"), "{}", blocks[0]);
    assert!(glob_matches(&merge_glob(blocks[0]), &out_of(blocks[0])));
    let whole = ok_json(&["batch", "--runs", "200", "--json"]);
    let sh = sh_with_aliansi;
    let summary = |dir: &std::path::Path| -> Value {
        serde_json::from_str(&std::fs::read_to_string(dir.join("summary.json")).unwrap()).unwrap()
    };
    // Slurm: the script, each task of the array, then the merge of the next block.
    let k = blocks
        .iter()
        .position(|b| b.starts_with("#!/bin/bash\n"))
        .expect("the Slurm script starts with #!/bin/bash");
    let slurm = blocks[k];
    assert!(slurm.contains("#SBATCH --array=1-50\n") && slurm.contains("--runs 1000000 "));
    let slurm = slurm.replace("--runs 1000000 ", "--runs 200 ");
    let merge = blocks[k + 1];
    assert!(merge.starts_with("aliansi merge "), "{merge}");
    let dir = temp_dir("readme-slurm");
    for task in 1..=50 {
        sh(&dir, &slurm, Some(task));
    }
    sh(&dir, merge, None);
    let merged = summary(&dir);
    for key in ["runs", "checksum", "survival_curve", "causes"] {
        assert_eq!(merged[key], whole[key], "{key}");
    }
    assert_eq!(merged["merged_parts"], 50);
    let _ = std::fs::remove_dir_all(&dir);
    // GNU parallel: its parts, brought back, are what its merge reads.
    let parallel = blocks[k + 2];
    assert!(
        parallel.starts_with("seq 1 50 | parallel -j1 -S "),
        "{parallel}"
    );
    let returned = parallel
        .split("--return ")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap();
    assert_eq!(returned, out_of(parallel).trim_matches('\''));
    assert!(glob_matches(
        &merge_glob(parallel),
        &returned.replace("{}", "7")
    ));
    let installed = Command::new("parallel").arg("--version").output();
    if !installed.is_ok_and(|o| o.status.success()) {
        eprintln!("skipped running the GNU parallel recipe: parallel is not installed");
        return;
    }
    let hosts = parallel
        .split("-S ")
        .nth(1)
        .unwrap()
        .split(' ')
        .next()
        .unwrap();
    let local = parallel
        .replace(&format!("-S {hosts} "), "")
        .replace("--runs 1000000 ", "--runs 200 ");
    let dir = temp_dir("readme-parallel");
    std::fs::create_dir_all(dir.join(".parallel")).unwrap();
    std::fs::write(dir.join(".parallel/will-cite"), "").unwrap();
    let local = format!("export HOME={}\n{local}", dir.display());
    sh(&dir, &local, None);
    let merged = summary(&dir);
    assert_eq!(merged["checksum"], whole["checksum"]);
    assert_eq!(merged["merged_parts"], 50);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Two partners of one name (a scenario may hold them: the format does not forbid it) are
/// numbered in the story and the payoffs, as in the app: "Hoshi Technologies and Hoshi
/// Technologies fell into a dispute" said nothing.
#[test]
fn partners_of_one_name_are_told_apart() {
    let text = ok(&["run", "--set", "partners.0.name=Hoshi Technologies"]);
    assert!(
        !text.contains("Hoshi Technologies and Hoshi Technologies"),
        "{text}"
    );
    assert!(text.contains("Payoffs: Hoshi Technologies (1) "), "{text}");
    assert!(text.contains("Hoshi Technologies (2)"), "{text}");
    // Names that differ are left as they are.
    let plain = ok(&["run"]);
    assert!(plain.contains("Payoffs: Nusantara Foods "), "{plain}");
    assert!(!plain.contains("(1)"), "{plain}");
}

/// Too few runs to tell is not a failure of the model: a check whose interval reaches across
/// what its finding predicts is "open", one wholly outside it "FAIL"; either exits 1.
#[test]
fn a_validation_with_too_few_runs_leaves_checks_open_rather_than_failed() {
    let (code, out, err) = run_all(&["validate", "--quick", "--runs", "200"]);
    assert_eq!(code, Some(1), "{err}");
    let verdicts: Vec<(&str, &str)> = out
        .lines()
        .filter(|l| !l.starts_with(' '))
        .filter_map(|l| {
            let mut w = l.split_whitespace();
            Some((w.next()?, w.next()?))
        })
        .filter(|(id, _)| id.starts_with('F') || id.starts_with('E'))
        .collect();
    assert_eq!(verdicts.len(), 27, "{out}");
    let open: Vec<&str> = verdicts
        .iter()
        .filter(|(_, v)| *v == "open")
        .map(|(id, _)| *id)
        .collect();
    // At 200 runs: F9b [+0.022, +0.138] against within ±0.1; E8 [-0.014, +0.104] against > 0.02.
    assert_eq!(open, ["F9b", "E8"], "{out}");
    assert!(
        verdicts.iter().all(|(_, v)| *v == "pass" || *v == "open"),
        "{out}"
    );
    assert!(out.contains("2 check(s) open: the interval reaches across what the finding predicts, too wide to tell at 200 runs."), "{out}");
    assert!(!out.contains("FAIL"), "{out}");
    assert!(
        err.ends_with("error: 2 validation check(s) did not pass (0 failed, 2 open)\n"),
        "{err}"
    );
    // The Markdown says so too: its table's "open", and its last line.
    let (code, md, err) = run_all(&["validate", "--quick", "--runs", "200", "--markdown"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(md.contains("| open |"), "{md}");
    assert!(
        md.trim_end()
            .ends_with("**0 check(s) fail, 2 open** (too few runs to tell at 200 runs)."),
        "{md}"
    );
}

#[test]
fn a_validation_of_one_run_says_run() {
    // (One run per scenario fails checks, so the command exits 1: only its words matter here.)
    let out = aliansi(&["validate", "--quick", "--runs", "1"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("Validation: 1 run per scenario,"),
        "{text}"
    );
}

/// An experiment link's top-level scenario is the one in the app's editor when it was shared,
/// which is not the base of "Compare fairly" (that is variant 1): nothing calls it the base.
#[test]
fn an_experiment_link_without_a_variant_gives_its_editor_scenario_not_the_base() {
    let (base, editor, link) = base_and_open_link(20, true);
    let checksum = |s: &aliansi_sim::Scenario| {
        let b = aliansi_sim::run_batch(s, s.seed, 20).unwrap();
        format!("{:016x}", b.checksum)
    };
    // Without --variant: the editor's scenario (the behaviour is kept), and the note says so.
    let (code, out, err) = run_all(&["batch", "--link", &link, "--json"]);
    assert_eq!(code, Some(0), "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["checksum"], checksum(&editor));
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(
        lines[0].contains("using the scenario it opens in the app's editor"),
        "{err}"
    );
    assert!(
        lines[0].contains("add --variant 1 for the base, --variant N for the N-th variant"),
        "{err}"
    );
    assert!(!lines[0].contains("base scenario"), "{err}");
    // --variant 1 is the comparison's base.
    let v = ok_json(&["batch", "--link", &link, "--variant", "1", "--json"]);
    assert_eq!(v["checksum"], checksum(&base));
    // The help, whole and of every command that takes --link, says the same.
    let mut helps = vec![ok(&["help"])];
    for c in ["run", "batch", "sweep", "link", "show"] {
        helps.push(ok(&["help", c]));
    }
    for h in &helps {
        assert!(!h.contains("base scenario"), "{h}");
        assert!(
            h.contains("the scenario it opens in the app's editor"),
            "{h}"
        );
        assert!(h.contains("--variant 1 is the comparison's"), "{h}");
    }
    let dev = repo_file("DEVELOPERS.md");
    assert!(!dev.contains("its base scenario"), "DEVELOPERS.md");
    assert!(dev.contains("the scenario it opens in the app's editor"));
}

/// "Payoffs:" are net of exit penalties (a leaver's penalty is taken off its payoff and given
/// to those who stay): the run's text says so, and who paid how much.
#[test]
fn run_says_its_payoffs_are_after_exit_penalties() {
    // The default scenario on seed 2027: three partners leave, each paying a penalty.
    let v = ok_json(&["run", "--seed", "2027", "--json"]);
    let names: Vec<&str> = v["partners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    let paid: Vec<String> = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "partner_left" && e["penalty_paid"].as_f64().unwrap() > 0.0)
        .map(|e| {
            format!(
                "{} {:.1} (month {})",
                names[e["partner"].as_u64().unwrap() as usize],
                e["penalty_paid"].as_f64().unwrap(),
                e["month"]
            )
        })
        .collect();
    assert_eq!(paid.len(), 3, "{v}");
    // The JSON keeps its fields.
    assert_eq!(v["payoff_total"].as_array().unwrap().len(), names.len());
    let text = ok(&["run", "--seed", "2027"]);
    let payoffs = text.lines().find(|l| l.starts_with("Payoffs: ")).unwrap();
    assert!(payoffs.ends_with(" (after exit penalties)."), "{text}");
    let line = text
        .lines()
        .find(|l| l.starts_with("Exit penalties paid to the partners who stayed"))
        .unwrap_or_else(|| panic!("no exit penalties line: {text}"));
    assert_eq!(
        line,
        format!(
            "Exit penalties paid to the partners who stayed (in proportion to their shares): {}.",
            paid.join(", ")
        )
    );
    // Without exit penalties, nothing about them.
    let text = ok(&[
        "run",
        "--seed",
        "2027",
        "--set",
        "governance.exit_penalty_months=0",
    ]);
    assert!(!text.contains("after exit penalties"), "{text}");
    assert!(!text.contains("Exit penalties"), "{text}");
}

/// The trust the run and the batch report at the end counts the partners of the last month,
/// a partner that left in it included (`World::finish`), unlike the monthly series: the
/// words say so.
#[test]
fn trust_at_the_end_says_whom_it_counts() {
    let v = ok_json(&["run", "--json"]);
    let text = ok(&["run"]);
    assert!(!text.contains("final mean trust"), "{text}");
    assert!(
        text.contains(&format!(
            "; trust at the end {:.2} (partners of the last month, leavers included).",
            v["final_mean_trust"].as_f64().unwrap()
        )),
        "{text}"
    );
    let b = ok_json(&["batch", "--runs", "20", "--json"]);
    let text = ok(&["batch", "--runs", "20"]);
    assert!(
        text.contains(&format!(
            "Mean final trust: {:.3} (each run's trust at the end: partners of its last month, \
             leavers included)\n",
            b["mean_final_trust"].as_f64().unwrap()
        )),
        "{text}"
    );
    let dev = repo_file("DEVELOPERS.md");
    assert!(dev.contains("leavers included"), "DEVELOPERS.md");
}

/// Causes in the app's words ("misfit after a shock", `cause.misfit_after_shock` in
/// crates/text/src/i18n/base.rs); the JSON keeps its keys.
#[test]
fn causes_are_worded_as_in_the_app() {
    let text = ok(&["batch", "--runs", "20"]);
    assert!(text.contains("  misfit after a shock "), "{text}");
    assert!(!text.contains("misfit after shock"), "{text}");
    let v = ok_json(&["batch", "--runs", "20", "--json"]);
    assert!(v["causes"]["misfit_after_shock"].is_u64(), "{v}");
    let app = repo_file("crates/text/src/i18n/base.rs");
    for c in aliansi_sim::Cause::ALL {
        let key = format!("\"cause.{}\",", c.key());
        let at = app.find(&key).unwrap_or_else(|| panic!("{key}"));
        let english = app[at + key.len()..].split('"').nth(1).unwrap();
        let batch_line = text
            .lines()
            .any(|l| l.starts_with(&format!("  {english} ")));
        assert!(batch_line, "{english}: {text}");
    }
}

/// The table's rows of a sweep's text (after its head line and the columns' names), up to the
/// grid.
fn sweep_rows(text: &str) -> Vec<&str> {
    text.lines().skip(2).take_while(|l| !l.is_empty()).collect()
}

/// `sweep --lang id` writes the swept numbers as the rest of its row does, with decimal commas
/// (in the value columns and the grid's heads); in English with points; `--json` keeps numbers.
#[test]
fn swept_numbers_are_written_as_the_language_writes_numbers() {
    let args = [
        "sweep",
        "--param",
        "governance.transparency",
        "--values",
        "0,0.5",
        "--param2",
        "environment.rivalry",
        "--values2",
        "0.25,0.75",
        "--runs",
        "20",
    ];
    let id = ok(&[&args[..], &["--lang", "id"]].concat());
    let firsts = |text: &str| -> Vec<Vec<String>> {
        sweep_rows(text)
            .iter()
            .map(|l| l.split_whitespace().take(2).map(String::from).collect())
            .collect()
    };
    assert_eq!(
        firsts(&id),
        [
            ["0", "0,25"],
            ["0,5", "0,25"],
            ["0", "0,75"],
            ["0,5", "0,75"]
        ],
        "{id}"
    );
    let grid: Vec<&str> = id
        .split("Kelangsungan di akhir jangka waktu (%)")
        .nth(1)
        .expect("a grid")
        .lines()
        .skip(1)
        .collect();
    assert_eq!(
        grid[0].split_whitespace().collect::<Vec<_>>(),
        ["0", "0,5"],
        "{id}"
    );
    assert!(
        grid[1].starts_with("0,25 ") && grid[2].starts_with("0,75 "),
        "{id}"
    );
    // Not a decimal point left in the table or the grid (the head line and the grid's title
    // name the fields).
    let title = "Kelangsungan di akhir jangka waktu";
    for line in id.lines().skip(1).filter(|l| !l.starts_with(title)) {
        assert!(!line.contains('.'), "{line}\n{id}");
    }
    let en = ok(&args);
    assert_eq!(
        firsts(&en),
        [
            ["0", "0.25"],
            ["0.5", "0.25"],
            ["0", "0.75"],
            ["0.5", "0.75"]
        ],
        "{en}"
    );
    let json = ok_json(&[&args[..], &["--lang", "id", "--json"]].concat());
    assert_eq!(json[1]["value"].as_f64(), Some(0.5));
    assert_eq!(json[1]["value2"].as_f64(), Some(0.25));
}

/// A swept choice reads in the app's words (the editor's, as its sweeps label them: "Equity
/// joint venture", a ladder "Mediation → Arbitration"), in English and in Indonesian, in the
/// rows, the grid and its key, and after a merge; `--json` and the part files keep the codes.
#[test]
fn swept_choices_read_in_the_apps_words() {
    use aliansi_text::i18n::{t, Lang};
    let args = [
        "sweep",
        "--param",
        "governance.form",
        "--values",
        "contract,equity_jv",
        "--param2",
        "governance.resolution",
        "--values2",
        "negotiation;mediation,arbitration;arbitration,negotiation",
        "--runs",
        "30",
    ];
    let ladder = |lang: Lang, steps: &[&str]| -> String {
        let words: Vec<&str> = steps
            .iter()
            .map(|s| t(lang, &format!("editor.ladder.{s}")))
            .collect();
        words.join(" → ")
    };
    for lang in Lang::ALL {
        let mut all = args.to_vec();
        all.extend(["--lang", lang.tag()]);
        let text = ok(&all);
        let (contract, jv) = (
            t(lang, "editor.form.contract"),
            t(lang, "editor.form.equity_jv"),
        );
        let ladders = [
            ladder(lang, &["negotiation"]),
            ladder(lang, &["mediation", "arbitration"]),
            // Outside the common ladders: its steps in words all the same.
            ladder(lang, &["arbitration", "negotiation"]),
        ];
        let rows = sweep_rows(&text);
        assert_eq!(rows.len(), 6, "{text}");
        for (k, row) in rows.iter().enumerate() {
            let form = if k % 2 == 0 { contract } else { jv };
            assert!(row.starts_with(&format!("{form} ")), "{row}\n{text}");
            assert!(
                row.contains(&format!(" {}  ", ladders[k / 2])),
                "{row}\n{text}"
            );
        }
        for code in [
            "contract",
            "equity_jv",
            "negotiation",
            "mediation,arbitration",
        ] {
            assert!(!text.contains(code), "{code}: {text}");
        }
        // The grid: a row per ladder, in words; the forms head its columns, or letters and a
        // key under it when a form's words are long.
        let grid = text.split("\n\n").nth(1).expect("a grid");
        for l in &ladders {
            assert!(
                grid.lines().any(|line| line.starts_with(l.as_str())),
                "{l}: {text}"
            );
        }
        let keyed = text.contains("\nA: ");
        if keyed {
            assert!(
                text.contains(&format!("\nA: {contract}\nB: {jv}")),
                "{text}"
            );
        } else {
            let heads = grid.lines().nth(1).unwrap();
            assert!(heads.contains(contract) && heads.contains(jv), "{text}");
        }
        // Split and merged: the same table.
        let name = format!("choice-words-{}", lang.tag());
        let (dir, parts) = write_parts_of("sweep", &name, &args[1..], 2);
        let mut merge = vec!["merge", "--lang", lang.tag()];
        merge.extend(parts.iter().map(String::as_str));
        let merged = ok(&merge);
        assert_eq!(sweep_rows(&merged), rows, "{merged}");
        for p in &parts {
            let part = std::fs::read_to_string(p).unwrap();
            assert!(part.contains("\"equity_jv\""), "{part}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
    // Indonesian words, as the app's Indonesian sweep shows them.
    let id = ok(&[&args[..], &["--lang", "id"]].concat());
    assert!(id.contains("Usaha patungan (JV)"), "{id}");
    assert!(id.contains("Mediasi → Arbitrase"), "{id}");
    // A yes-or-no field reads Yes and No.
    let text = ok(&[
        "sweep",
        "--param",
        "governance.alliance_manager",
        "--runs",
        "12",
        "--lang",
        "id",
    ]);
    let firsts: Vec<&str> = sweep_rows(&text)
        .iter()
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(firsts, ["Tidak", "Ya"], "{text}");
    // --json keeps the codes, in either language.
    let json = ok_json(&[&args[..], &["--json", "--lang", "id"]].concat());
    assert_eq!(json[1]["value"], "equity_jv");
    assert_eq!(json[2]["value2"], "mediation,arbitration");
}

/// `batch` and `merge` with `--lang id` have no English word left: the threads are the app's
/// workers ("pekerja"); the checksum keeps its name, which Indonesian software uses too.
#[test]
fn batch_and_merge_in_indonesian_leave_no_english() {
    let text = ok(&["batch", "--runs", "40", "--threads", "2", "--lang", "id"]);
    let last = text.lines().last().unwrap();
    assert!(
        last.starts_with("40 simulasi dalam ") && last.ends_with(" simulasi/detik, 2 pekerja)"),
        "{last}"
    );
    let one = ok(&["batch", "--runs", "40", "--threads", "1", "--lang", "id"]);
    assert!(
        one.lines().last().unwrap().ends_with(", 1 pekerja)"),
        "{one}"
    );
    assert!(!text.to_lowercase().contains("thread"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.starts_with("Checksum: ") && l.len() == 26),
        "{text}"
    );
    let (dir, parts) = write_parts("merge-no-english", &["--runs", "40"], 2);
    let merged = ok(&["merge", &parts[0], &parts[1], "--lang", "id"]);
    assert!(!merged.to_lowercase().contains("thread"), "{merged}");
    assert_eq!(
        merged.lines().last().unwrap(),
        "40 simulasi, digabung dari 2 bagian"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Every option of the whole help is listed where it says which commands take it: under a
/// section of exactly those commands, or with their names before its text. `--lang` is
/// listed with the five commands that take it, not under RUN alone.
#[test]
fn the_whole_help_names_the_commands_of_every_option() {
    let help = ok(&["help"]);
    let by_command = options_by_help();
    let options = help.split("\nEXAMPLES:").next().unwrap();
    let mut seen = 0;
    // The sections of options come after the title, the usage and the commands.
    for section in options.split("\n\n").skip(3) {
        let mut lines = section.lines();
        let title = lines.next().unwrap().trim_end_matches(':');
        let commands: Vec<&str> = match title.split_once(" (") {
            Some((_, list)) => list.trim_end_matches(')').split(", ").collect(),
            None => match title {
                "RUN" => vec!["run"],
                "BATCH AND SWEEP" => vec!["batch", "sweep"],
                "VALIDATE" => vec!["validate"],
                "OTHER" => ALL_COMMANDS.to_vec(),
                other => panic!("section {other}"),
            },
        };
        for line in lines.filter(|l| l.starts_with("    -")) {
            let name = line
                .split_whitespace()
                .next()
                .unwrap()
                .trim_end_matches(',');
            let text = line[26..].trim_start();
            let named: Vec<&str> = match text.strip_prefix('(') {
                Some(rest) if !rest.starts_with("with ") => {
                    rest.split_once(')').unwrap().0.split(", ").collect()
                }
                _ => commands.clone(),
            };
            // -h and -V, which every command takes, are not in a command's own list.
            let Some((_, takers)) = by_command.iter().find(|(n, _)| n == name) else {
                continue;
            };
            let mut named = named;
            let mut takers = takers.clone();
            named.sort_unstable();
            takers.sort_unstable();
            assert_eq!(named, takers, "{name} under {title}: {line}");
            seen += 1;
        }
    }
    assert!(seen >= 18, "{seen}: {help}");
    let lang = help
        .lines()
        .find(|l| l.starts_with("    --lang LANG"))
        .unwrap();
    assert!(
        lang.ends_with("(presets, run, batch, sweep, merge)"),
        "{lang}"
    );
    // No line of the help is wider than its widest text.
    assert!(help.lines().all(|l| l.chars().count() <= 26 + 72), "{help}");
}

#[test]
fn a_year_no_alliance_reached_has_no_hazard_in_json() {
    // Every alliance over by year 3 (a researcher's audit: the JSON said 0.0 for the years
    // after, a chance of 0 where there was nothing left to end).
    let args = [
        "batch",
        "--preset",
        "challenge-trust",
        "--set",
        "partners.*.opportunism=1",
        "--set",
        "environment.rivalry=1",
        "--set",
        "initial_trust=0",
        "--set",
        "environment.shock_rate_per_year=12",
        "--set",
        "environment.shock_severity=1",
        "--runs",
        "200",
    ];
    let v = ok_json(&[&args[..], &["--json"]].concat());
    let hazard = v["hazard_by_year"].as_array().unwrap();
    let curve = v["survival_curve"].as_array().unwrap();
    let mut nulls = 0;
    for (y, h) in hazard.iter().enumerate() {
        let reached = curve[12 * y].as_f64().unwrap() > 0.0;
        assert_eq!(h.is_null(), !reached, "year {}: {h}", y + 1);
        nulls += usize::from(h.is_null());
    }
    assert!(nulls > 0 && nulls < hazard.len(), "{hazard:?}");
    // The text output's dash, year for year.
    let text = ok(&args);
    let dashes = text.matches(" \u{2014}").count();
    assert!(dashes >= nulls, "{text}");
}

#[test]
fn a_batch_summary_names_its_inputs_and_counts_whole_numbers() {
    let v = ok_json(&[
        "batch",
        "--preset",
        "id-jp-jv",
        "--set",
        "horizon_months=30",
        "--runs",
        "2000",
        "--json",
    ]);
    let runs = v["runs"].as_u64().unwrap();
    let survived = v["survived"].as_u64().unwrap();
    let by_year: Vec<u64> = v["dissolved_by_year"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_u64().unwrap())
        .collect();
    // 30 months: two whole years and a half, and the hazards say which months they cover.
    assert_eq!(by_year.len(), 3);
    assert_eq!(
        v["hazard_months"],
        serde_json::json!([[0, 12], [12, 24], [24, 30]])
    );
    assert_eq!(survived + by_year.iter().sum::<u64>(), runs);
    let causes: u64 = v["causes"]
        .as_object()
        .unwrap()
        .values()
        .map(|n| n.as_u64().unwrap())
        .sum();
    assert_eq!(causes, runs - survived);
    assert!(
        (survived as f64 / runs as f64 - v["survival_at_horizon"].as_f64().unwrap()).abs() < 1e-12
    );
    assert!(v["cli_version"].is_string());
    // The scenario's title goes with its link, through parts and their merge too (found by a
    // researcher's audit: it was dropped).
    let name_in = |v: &Value| match aliansi_wire::decode_shared(v["scenario"].as_str().unwrap()) {
        Ok(aliansi_wire::Shared::Scenario { name, .. }) => name,
        other => panic!("{other:?}"),
    };
    let titled = ["--preset", "calm-pair", "--set", "name=Uji", "--runs", "40"];
    let named = ok_json(&[&["batch"][..], &titled, &["--json"]].concat());
    assert_eq!(name_in(&named).as_deref(), Some("Uji"));
    let (_dir, named_parts) = write_parts("named-parts", &titled, 2);
    let merged = ok_json(&["merge", &named_parts[0], &named_parts[1], "--json"]);
    assert_eq!(name_in(&merged).as_deref(), Some("Uji"));
    // The scenario it holds runs the same batch again, and a merge of parts says the same.
    let link = v["scenario"].as_str().unwrap().to_string();
    let again = ok_json(&["batch", "--link", &link, "--runs", "2000", "--json"]);
    assert_eq!(again["checksum"], v["checksum"]);
    let (dir, parts) = write_parts(
        "summary-inputs",
        &[
            "--preset",
            "id-jp-jv",
            "--set",
            "horizon_months=30",
            "--runs",
            "2000",
        ],
        2,
    );
    let merged = ok_json(&["merge", &parts[0], &parts[1], "--json"]);
    for k in [
        "scenario",
        "survived",
        "dissolved_by_year",
        "checksum",
        "seed",
        "model_version",
    ] {
        assert_eq!(merged[k], v[k], "{k}");
    }
    let _ = std::fs::remove_dir_all(&dir);
    // The text says a share that is not all or none as such (here, if a run dissolved).
    let text = ok(&[
        "batch",
        "--preset",
        "id-jp-jv",
        "--set",
        "horizon_months=30",
        "--runs",
        "2000",
    ]);
    if survived < runs && survived * 10_000 >= runs * 9_995 {
        assert!(text.contains(">99.9 %"), "{text}");
    }
    let line = text
        .lines()
        .find(|l| l.starts_with("Survival at month"))
        .unwrap();
    assert!(!line.contains(": 100.0 %") || survived == runs, "{line}");
}

#[test]
fn parts_of_two_models_are_listed_short() {
    // Fifty parts on one line hid the point (a researcher's audit): the first five of a
    // model, then how many more.
    let (dir, parts) = write_parts("models-short", &["--runs", "16"], 8);
    let mut other: Value =
        serde_json::from_str(&std::fs::read_to_string(&parts[7]).unwrap()).unwrap();
    other["model_version"] = serde_json::json!("2026-11-29");
    std::fs::write(&parts[7], other.to_string()).unwrap();
    let args: Vec<&str> = std::iter::once("merge")
        .chain(parts.iter().map(String::as_str))
        .collect();
    let (code, _, err) = run_all(&args);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains(&format!("{}, {} and 2 more", parts[3], parts[4])),
        "{err}"
    );
    assert!(!err.contains(&parts[6]), "{err}");
    assert!(
        err.contains(&format!("model 2026-11-29: {}", parts[7])),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_utf16_scenario_file_is_told_to_be_saved_as_utf8() {
    let dir = temp_dir("utf16");
    let path = in_dir(&dir, "notepad.json");
    let json = ok(&["show", "--json"]);
    let mut bytes = vec![0xFF, 0xFE];
    for u in json.encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    std::fs::write(&path, bytes).unwrap();
    bad(
        &["batch", "--scenario", &path, "--runs", "5"],
        "the file is UTF-16, Windows Notepad's \"Unicode\": save it again with the encoding UTF-8",
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `merge -` reads the parts from standard input, one after another (a pipe from
/// `batch --out -`, or `cat part-*.json`), and merges them as from files; standard input is read
/// once, and an empty one says so (a researcher's audit: "cannot read -: No such file").
#[test]
fn merge_reads_parts_from_standard_input() {
    let part = |i: u32| {
        let chunk = format!("{i}/2");
        ok(&["batch", "--runs", "200", "--chunk", &chunk, "--out", "-"])
    };
    let (one, two) = (part(1), part(2));
    let dir = temp_dir("merge-stdin");
    let p1 = dir.join("p1.json");
    std::fs::write(&p1, &one).unwrap();
    let from_files = {
        let p2 = dir.join("p2.json");
        std::fs::write(&p2, &two).unwrap();
        ok_json(&[
            "merge",
            "--json",
            p1.to_str().unwrap(),
            p2.to_str().unwrap(),
        ])
    };
    let (code, out, err) = run_with_input(&["merge", "--json", "-"], &format!("{one}{two}"));
    assert_eq!(code, Some(0), "{err}");
    let from_stdin: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(from_stdin["checksum"], from_files["checksum"]);
    assert_eq!(from_stdin["survival_curve"], from_files["survival_curve"]);
    // A file and standard input together.
    let (code, out, _) = run_with_input(&["merge", "--json", p1.to_str().unwrap(), "-"], &two);
    assert_eq!(code, Some(0));
    assert_eq!(
        serde_json::from_str::<Value>(&out).unwrap()["checksum"],
        from_files["checksum"]
    );
    // The same part twice on standard input is named by its place there.
    let (code, _, err) = run_with_input(&["merge", "-"], &format!("{one}{one}"));
    assert_eq!(code, Some(2));
    assert!(
        err.contains("standard input (part 1) and standard input (part 2)"),
        "{err}"
    );
    let (code, _, err) = run_with_input(&["merge", "-"], "");
    assert_eq!(code, Some(2));
    assert!(err.contains("standard input holds no part"), "{err}");
    let (code, _, err) = run_with_input(&["merge", "-", "-"], &one);
    assert_eq!(code, Some(2));
    assert!(err.contains("can be read once"), "{err}");
}

/// Fixed shares that do not add up to 1 run as proportions, and a note says what they make;
/// shares that add up to 1 run without it (a researcher's audit: nothing said).
#[test]
fn fixed_shares_that_do_not_add_up_are_said_as_proportions() {
    let run = |shares: &str| {
        let set = format!("governance.fixed_shares={shares}");
        run_all(&[
            "batch",
            "--runs",
            "50",
            "--set",
            "governance.sharing=fixed",
            "--set",
            &set,
        ])
    };
    let (code, _, err) = run("[0.5,0.3,0.2,0.2]");
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("the fixed shares add up to 1.2, not 1: they are taken as proportions of what is paid out (41.7 %, 25 %, 16.7 %, 16.7 %)"),
        "{err}"
    );
    let (code, _, err) = run("[0.4,0.3,0.2,0.1]");
    assert_eq!(code, Some(0));
    assert!(!err.contains("fixed shares"), "{err}");
}

/// A sweep's numbers are written one way however they were typed: parts of one sweep typed
/// `0.50` and `0.5` merge (a researcher's audit: refused as another sweep's), the table says
/// `0.5`, and `0.5,0.50` is one value given twice.
#[test]
fn sweep_values_are_numbers_however_typed() {
    let dir = temp_dir("sweep-typed");
    let part = |i: u32, values: &str| {
        let out = dir.join(format!("part-{i}.json"));
        let chunk = format!("{i}/2");
        ok(&[
            "sweep",
            "--param",
            "governance.transparency",
            "--values",
            values,
            "--runs",
            "40",
            "--chunk",
            &chunk,
            "--out",
            out.to_str().unwrap(),
        ]);
        out
    };
    let (a, b) = (part(1, "0,0.50,1.0"), part(2, "0,0.5,1"));
    let merged = ok(&["merge", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert!(merged.lines().any(|l| l.starts_with("0.5 ")), "{merged}");
    assert!(!merged.contains("0.50"), "{merged}");
    bad(
        &[
            "sweep",
            "--param",
            "governance.transparency",
            "--values",
            "0.5,0.50",
        ],
        "0.5 and 0.50 are the same value",
    );
}

/// `--out` through a symbolic link writes the file it names (the link stays a link); into a
/// named pipe or a device (`/dev/null`), it writes straight in: neither is replaced by a file
/// (renamed over them, they were: an audit).
#[cfg(unix)]
#[test]
fn a_part_goes_through_a_link_or_into_a_pipe_and_replaces_neither() {
    let dir = std::env::temp_dir().join(format!("aliansi-cli-test-{}-links", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("shared")).unwrap();
    let link = dir.join("link.json");
    std::os::unix::fs::symlink("shared/real.json", &link).unwrap();
    let direct = dir.join("direct.json");
    ok(&[
        "batch",
        "--runs",
        "20",
        "--chunk",
        "1/2",
        "--out",
        direct.to_str().unwrap(),
    ]);
    ok(&[
        "batch",
        "--runs",
        "20",
        "--chunk",
        "1/2",
        "--out",
        link.to_str().unwrap(),
    ]);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "still a link"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("shared/real.json")).unwrap(),
        std::fs::read_to_string(&direct).unwrap(),
        "the part is in the file the link names"
    );
    // A named pipe: a reader gets the part, and the pipe is still a pipe.
    let fifo = dir.join("fifo");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
        };
        ok(&[
            "batch",
            "--runs",
            "20",
            "--chunk",
            "1/2",
            "--out",
            fifo.to_str().unwrap(),
        ]);
        let got = reader.join().unwrap();
        assert_eq!(got, std::fs::read_to_string(&direct).unwrap());
        use std::os::unix::fs::FileTypeExt;
        assert!(
            std::fs::metadata(&fifo).unwrap().file_type().is_fifo(),
            "still a pipe"
        );
    }
    // (A device, `/dev/null`, takes the same way as the pipe; not tried here: a regression
    // would replace the test machine's own /dev/null, as the audit's root shell did.)
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".incomplete"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// With `--lang id`, the notes on standard error are in Bahasa Indonesia too: the progress of a
/// long batch and what `--chunk` wrote (they stayed in English: an audit).
#[test]
fn the_notes_speak_the_language_asked_for() {
    let dir =
        std::env::temp_dir().join(format!("aliansi-cli-test-{}-id-notes", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let part = dir.join("part-1.json");
    let o = aliansi(&[
        "batch",
        "--runs",
        "20",
        "--chunk",
        "1/2",
        "--out",
        part.to_str().unwrap(),
        "--lang",
        "id",
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains(&format!(
            "menulis simulasi 0..10 dari 20 (bagian 1/2) ke {}",
            part.display()
        )),
        "{err}"
    );
    let o = aliansi(&[
        "sweep",
        "--param",
        "governance.transparency",
        "--values",
        "0.2,0.8",
        "--runs",
        "20",
        "--chunk",
        "2/2",
        "--out",
        part.to_str().unwrap(),
        "--lang",
        "id",
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("menulis simulasi 10..20 dari 20 di setiap 2 titik (bagian 2/2) ke"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
    // The progress, on a terminal (`script` gives it one, where it can).
    let cmd = format!(
        "{} batch --runs 3000 --set horizon_months=12 --lang id",
        env!("CARGO_BIN_EXE_aliansi")
    );
    match Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .stdin(Stdio::null())
        .output()
    {
        Ok(o) if o.status.success() => {
            let text = String::from_utf8_lossy(&o.stdout);
            assert!(text.contains("(0/3000 simulasi)"), "{text}");
            assert!(!text.contains(" runs)"), "{text}");
        }
        other => eprintln!("skipped the progress: `script` cannot run here ({other:?})"),
    }
}

/// A sweep refuses a setting it would override without a word: `--set` of the field it sweeps,
/// `--seed` when it sweeps the seed (an audit found both silently ignored).
#[test]
fn a_sweep_refuses_settings_it_would_override() {
    bad(
        &[
            "sweep",
            "--param",
            "governance.transparency",
            "--values",
            "0,1",
            "--set",
            "governance.transparency=0.5",
        ],
        "the sweep gives governance.transparency its values",
    );
    bad(
        &[
            "sweep",
            "--param",
            "environment.rivalry",
            "--values",
            "0,1",
            "--param2",
            "governance.monitoring",
            "--values2",
            "0,1",
            "--set",
            "governance.monitoring=0.5",
        ],
        "the sweep gives governance.monitoring its values",
    );
    bad(
        &[
            "sweep", "--param", "seed", "--values", "1,2,3", "--seed", "9",
        ],
        "leave out --seed",
    );
    // Other settings beside the sweep are fine.
    ok(&[
        "sweep",
        "--param",
        "seed",
        "--values",
        "1,2",
        "--runs",
        "4",
        "--set",
        "governance.transparency=0.5",
    ]);
}
