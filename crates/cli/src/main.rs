//! `aliansi`: run Aliansi scenarios from the command line.
//!
//! Bad input of any kind exits with status 2 and one line on stderr starting with `error: `.
//! A closed stdout (`aliansi batch | head`) ends the program quietly.

mod batch;
mod narrate;
mod set;
mod validate;

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use aliansi_sim::{presets, Outcome, Scenario};
use serde_json::{json, Value};

use narrate::{cause_words, event_json, Narrator};

const USAGE: &str = "\
aliansi - run Aliansi strategic-alliance scenarios from the command line

USAGE:
    aliansi <COMMAND> [OPTIONS]

COMMANDS:
    presets     List the built-in scenarios
    run         One run: the outcome and the story of what happened
    batch       Many runs: survival at the horizon, median survival, hazard, causes
    sweep       One batch per value of a parameter, all with the same master seed
    link        Print the scenario's share-link fragment
    show        Print the scenario as version-1 JSON (a starting point for --scenario)
    merge       Combine partial batches (written by batch --chunk) into one summary
    validate    Check that the model reproduces the research findings (F1-F12), the edge
                cases, and which parameters move survival most; exits 1 if a check fails
    help        Print this help

SCENARIO (every command):
    --preset NAME         A built-in scenario (default: default; see `aliansi presets`)
    --scenario FILE       A scenario JSON file (version 1)
    --link LINK           A share link: s1.<...>, #s1.<...> or a whole URL
    --set PATH=VALUE      Change one field; repeatable. PATH is the JSON field path,
                          * means every element of a list:
                            --set horizon_months=60
                            --set partners.*.opportunism=0.6
                            --set partners.1.culture=JP
                            --set governance.resolution=negotiation,mediation
    --seed N              Seed of the run, or master seed of a batch
    --json                Machine-readable JSON on stdout

RUN:
    --all-events          Also tell failed ladder steps and moves up the ladder

BATCH AND SWEEP:
    --runs N              Number of runs (default 1000)
    --chunk I/N           (batch) Run only the I-th of N equal parts of the runs, and
    --out FILE            write the partial tally there; `aliansi merge FILES...` combines
                          parts into exactly the summary of one batch
    --threads N           Worker threads (default: every core)
    --param PATH          (sweep) The field to vary, a --set path
    --values A,B,C        (sweep) Its values; separate with ';' when a value is a list
    --param2 PATH         (sweep) A second field: every pair of values is run (a grid)
    --values2 A,B,C       (sweep) Its values

VALIDATE:
    --quick               A smaller version (800 runs per scenario, no sensitivity)
    --markdown            Print the report as Markdown (docs/VALIDATION.md)
    --runs N, --threads N As for batch (default 4000 runs per scenario)

EXAMPLES:
    aliansi run --preset id-jp-jv --seed 7
    aliansi batch --runs 10000 --set governance.alliance_manager=true
    aliansi sweep --param governance.transparency --values 0,0.25,0.5,0.75,1 --runs 2000
    aliansi sweep --param partners.*.opportunism --values 0.1,0.3,0.5 \\
                  --param2 governance.form --values2 contract,equity_jv --runs 1000
    aliansi show --preset calm-pair > my.json && aliansi batch --scenario my.json --json

EXIT STATUS:
    0 success; 2 bad input (one line on stderr starting with \"error: \")";

/// What ends the program early.
enum Failure {
    /// Bad input: exit 2 with this message.
    Usage(String),
    /// stdout closed: exit quietly.
    BrokenPipe,
    /// Any other failure writing output: exit 1.
    Io(io::Error),
    /// Validation checks failed: exit 1 (the report says which).
    Checks(usize),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Failure {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Failure::BrokenPipe
        } else {
            Failure::Io(e)
        }
    }
}

fn usage(msg: impl Into<String>) -> Failure {
    Failure::Usage(msg.into())
}

type Res<T> = Result<T, Failure>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Command {
    Presets,
    Run,
    Batch,
    Sweep,
    Link,
    Show,
    Validate,
    Merge,
    Help,
}

impl Command {
    fn parse(s: &str) -> Option<Command> {
        Some(match s {
            "presets" => Command::Presets,
            "run" => Command::Run,
            "batch" => Command::Batch,
            "sweep" => Command::Sweep,
            "link" => Command::Link,
            "show" => Command::Show,
            "validate" => Command::Validate,
            "merge" => Command::Merge,
            "help" => Command::Help,
            _ => return None,
        })
    }
    fn name(self) -> &'static str {
        match self {
            Command::Presets => "presets",
            Command::Run => "run",
            Command::Batch => "batch",
            Command::Sweep => "sweep",
            Command::Link => "link",
            Command::Show => "show",
            Command::Validate => "validate",
            Command::Merge => "merge",
            Command::Help => "help",
        }
    }
}

#[derive(Default)]
struct Args {
    command: Option<Command>,
    preset: Option<String>,
    scenario: Option<String>,
    link: Option<String>,
    sets: Vec<String>,
    seed: Option<u64>,
    json: bool,
    all_events: bool,
    runs: Option<u64>,
    threads: Option<usize>,
    param: Option<String>,
    values: Option<String>,
    param2: Option<String>,
    values2: Option<String>,
    help: bool,
    quick: bool,
    markdown: bool,
    chunk: Option<(u64, u64)>,
    out: Option<String>,
    files: Vec<String>,
}

fn value_of(p: &mut lexopt::Parser, opt: &str) -> Res<String> {
    let v = p
        .value()
        .map_err(|_| usage(format!("{opt} needs a value (see aliansi --help)")))?;
    v.into_string()
        .map_err(|_| usage(format!("{opt}: the value is not valid UTF-8")))
}

fn number<T: std::str::FromStr>(opt: &str, s: &str, what: &str) -> Res<T> {
    s.trim()
        .parse()
        .map_err(|_| usage(format!("{opt} expects {what}, got \"{s}\"")))
}

fn once<T>(slot: &mut Option<T>, opt: &str, v: T) -> Res<()> {
    if slot.is_some() {
        return Err(usage(format!("{opt} given twice")));
    }
    *slot = Some(v);
    Ok(())
}

fn parse_args() -> Res<Args> {
    use lexopt::prelude::*;
    let mut a = Args::default();
    let mut p = lexopt::Parser::from_env();
    loop {
        let arg = match p.next() {
            Ok(Some(arg)) => arg,
            Ok(None) => break,
            Err(e) => return Err(usage(e.to_string())),
        };
        match arg {
            Short('h') | Long("help") => a.help = true,
            Long("preset") => {
                let v = value_of(&mut p, "--preset")?;
                once(&mut a.preset, "--preset", v)?
            }
            Long("scenario") => {
                let v = value_of(&mut p, "--scenario")?;
                once(&mut a.scenario, "--scenario", v)?
            }
            Long("link") => {
                let v = value_of(&mut p, "--link")?;
                once(&mut a.link, "--link", v)?
            }
            Long("set") => a.sets.push(value_of(&mut p, "--set")?),
            Long("seed") => {
                let v = value_of(&mut p, "--seed")?;
                let n = number(
                    "--seed",
                    &v,
                    "a whole number from 0 to 18446744073709551615",
                )?;
                once(&mut a.seed, "--seed", n)?
            }
            Long("json") => a.json = true,
            Long("all-events") => a.all_events = true,
            Long("quick") => a.quick = true,
            Long("chunk") => {
                let v = value_of(&mut p, "--chunk")?;
                let bad = || usage(format!("--chunk expects I/N with 1 <= I <= N, got \"{v}\""));
                let (i, n) = v.split_once('/').ok_or_else(bad)?;
                let (i, n): (u64, u64) = (
                    i.trim().parse().map_err(|_| bad())?,
                    n.trim().parse().map_err(|_| bad())?,
                );
                if i == 0 || n == 0 || i > n {
                    return Err(bad());
                }
                once(&mut a.chunk, "--chunk", (i, n))?
            }
            Long("out") => {
                let v = value_of(&mut p, "--out")?;
                once(&mut a.out, "--out", v)?
            }
            Long("markdown") => a.markdown = true,
            Long("runs") => {
                let v = value_of(&mut p, "--runs")?;
                let n: u64 = number("--runs", &v, "a whole number of runs, at least 1")?;
                if n == 0 {
                    return Err(usage("--runs must be at least 1"));
                }
                once(&mut a.runs, "--runs", n)?
            }
            Long("threads") => {
                let v = value_of(&mut p, "--threads")?;
                let n: usize = number("--threads", &v, "a whole number of threads, 1 to 1024")?;
                if !(1..=1024).contains(&n) {
                    return Err(usage(format!("--threads must be in [1, 1024], got {n}")));
                }
                once(&mut a.threads, "--threads", n)?
            }
            Long("param") => {
                let v = value_of(&mut p, "--param")?;
                once(&mut a.param, "--param", v)?
            }
            Long("values") => {
                let v = value_of(&mut p, "--values")?;
                once(&mut a.values, "--values", v)?
            }
            Long("param2") => {
                let v = value_of(&mut p, "--param2")?;
                once(&mut a.param2, "--param2", v)?
            }
            Long("values2") => {
                let v = value_of(&mut p, "--values2")?;
                once(&mut a.values2, "--values2", v)?
            }
            Value(v) => {
                let v = v
                    .into_string()
                    .map_err(|_| usage("an argument is not valid UTF-8"))?;
                if a.command == Some(Command::Merge) {
                    a.files.push(v);
                    continue;
                }
                if a.command.is_some() {
                    return Err(usage(format!(
                        "unexpected argument \"{v}\" (see aliansi --help)"
                    )));
                }
                let c = Command::parse(&v).ok_or_else(|| {
                    usage(format!(
                        "unknown command \"{v}\" (commands: presets, run, batch, sweep, link, show, merge, validate, help)"
                    ))
                })?;
                a.command = Some(c);
            }
            Long(o) => return Err(usage(format!("unknown option --{o} (see aliansi --help)"))),
            Short(c) => return Err(usage(format!("unknown option -{c} (see aliansi --help)"))),
        }
    }
    // Options that only some commands use.
    if let Some(c) = a.command {
        let batchy = matches!(c, Command::Batch | Command::Sweep | Command::Validate);
        if c != Command::Batch && (a.chunk.is_some() || a.out.is_some()) {
            return Err(usage(format!(
                "--chunk and --out apply to batch, not {}",
                c.name()
            )));
        }
        if a.chunk.is_some() != a.out.is_some() {
            return Err(usage(
                "--chunk and --out go together: --chunk I/N --out FILE",
            ));
        }
        if c != Command::Validate && (a.quick || a.markdown) {
            return Err(usage(format!(
                "--quick and --markdown apply to validate, not {}",
                c.name()
            )));
        }
        if !batchy && a.runs.is_some() {
            return Err(usage(format!(
                "--runs applies to batch and sweep, not {}",
                c.name()
            )));
        }
        if !batchy && a.threads.is_some() {
            return Err(usage(format!(
                "--threads applies to batch and sweep, not {}",
                c.name()
            )));
        }
        if c != Command::Sweep
            && (a.param.is_some()
                || a.values.is_some()
                || a.param2.is_some()
                || a.values2.is_some())
        {
            return Err(usage(format!(
                "--param and --values apply to sweep, not {}",
                c.name()
            )));
        }
        if c != Command::Run && a.all_events {
            return Err(usage(format!(
                "--all-events applies to run, not {}",
                c.name()
            )));
        }
    }
    Ok(a)
}

/// The scenario the options describe, as a version-1 JSON value (after every --set) and as a
/// validated core scenario (after --seed).
fn load(a: &Args) -> Res<(Value, Scenario)> {
    let given = [a.preset.is_some(), a.scenario.is_some(), a.link.is_some()]
        .iter()
        .filter(|x| **x)
        .count();
    if given > 1 {
        return Err(usage("give at most one of --preset, --scenario and --link"));
    }
    let base = if let Some(path) = &a.scenario {
        let text = std::fs::read_to_string(path)
            .map_err(|e| usage(format!("cannot read scenario file {path}: {e}")))?;
        aliansi_wire::parse_json(&text).map_err(|e| usage(format!("{path}: {e}")))?
    } else if let Some(link) = &a.link {
        aliansi_wire::decode_link(link).map_err(|e| usage(e.to_string()))?
    } else {
        let id = a.preset.as_deref().unwrap_or("default");
        presets::find(id).ok_or_else(|| {
            let ids: Vec<&str> = presets::all().iter().map(|p| p.id).collect();
            usage(format!(
                "unknown preset \"{id}\" (available: {})",
                ids.join(", ")
            ))
        })?
    };
    let mut value = aliansi_wire::to_value(&base);
    let mut scenario = base;
    if !a.sets.is_empty() {
        for s in &a.sets {
            set::apply(&mut value, s).map_err(|e| usage(format!("--set {s}: {e}")))?;
        }
        scenario =
            aliansi_wire::from_value(&value).map_err(|e| usage(format!("after --set: {e}")))?;
    }
    if let Some(seed) = a.seed {
        scenario.seed = seed;
        value["seed"] = json!(seed);
    }
    Ok((value, scenario))
}

fn write_json(out: &mut impl Write, v: &Value) -> Res<()> {
    serde_json::to_writer_pretty(&mut *out, v).map_err(|e| Failure::from(io::Error::from(e)))?;
    writeln!(out)?;
    Ok(())
}

fn cmd_presets(a: &Args, out: &mut impl Write) -> Res<()> {
    let all = presets::all();
    if a.json {
        let v: Vec<Value> = all
            .iter()
            .map(|p| json!({ "id": p.id, "description": p.description }))
            .collect();
        return write_json(out, &Value::Array(v));
    }
    let w = all.iter().map(|p| p.id.len()).max().unwrap_or(0);
    for p in &all {
        writeln!(out, "{:<w$}  {}", p.id, p.description)?;
    }
    Ok(())
}

fn outcome_json(o: &Outcome) -> Value {
    match o {
        Outcome::Survived => json!({ "status": "survived" }),
        Outcome::Dissolved { month, cause } => {
            json!({ "status": "dissolved", "month": month, "cause": cause.key() })
        }
    }
}

fn cmd_run(a: &Args, s: &Scenario, out: &mut impl Write) -> Res<()> {
    let r = aliansi_sim::run(s, s.seed).map_err(|e| usage(e.to_string()))?;
    let mut narrator = Narrator::new(s, a.all_events);
    if a.json {
        let events: Vec<Value> = r
            .events
            .iter()
            .map(|e| {
                let t = narrator.sentence(e);
                event_json(e, t)
            })
            .collect();
        let series: Vec<Value> = r
            .series
            .iter()
            .map(|m| {
                json!({
                    "month": m.month, "market": m.market, "value": m.value, "distributed": m.distributed,
                    "mean_trust": m.mean_trust, "open_disputes": m.open_disputes,
                    "unresolved_disputes": m.unresolved_disputes, "tension": m.tension, "misfit": m.misfit,
                    "goal_alignment": m.goal_alignment, "cultural_friction": m.cultural_friction,
                    "fairness": m.fairness, "regulatory_pressure": m.regulatory_pressure,
                    "satisfaction": m.satisfaction, "payoff": m.payoff, "input": m.input, "active": m.active,
                })
            })
            .collect();
        let v = json!({
            "seed": s.seed,
            "horizon_months": s.horizon_months,
            "partners": s.partners.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
            "outcome": outcome_json(&r.outcome),
            "months": r.months,
            "value_total": r.value_total,
            "distributed_total": r.distributed_total,
            "fines_total": r.fines_total,
            "payoff_total": r.payoff_total,
            "final_mean_trust": r.final_mean_trust,
            "exit_month": r.exit_month,
            "events": events,
            "series": series,
        });
        return write_json(out, &v);
    }
    match r.outcome {
        Outcome::Survived => writeln!(
            out,
            "Outcome: survived all {} months (seed {}).",
            r.months, s.seed
        )?,
        Outcome::Dissolved { month, cause } => writeln!(
            out,
            "Outcome: dissolved in month {month} of {} because of {} (seed {}).",
            s.horizon_months,
            cause_words(cause),
            s.seed
        )?,
    }
    writeln!(
        out,
        "Value created {:.1}; distributed {:.1}; fines {:.1}; final mean trust {:.2}.",
        r.value_total, r.distributed_total, r.fines_total, r.final_mean_trust
    )?;
    let payoffs: Vec<String> = s
        .partners
        .iter()
        .zip(&r.payoff_total)
        .map(|(p, v)| format!("{} {:.1}", p.name, v))
        .collect();
    writeln!(out, "Payoffs: {}.", payoffs.join(", "))?;
    writeln!(out)?;
    for e in &r.events {
        if let Some(t) = narrator.sentence(e) {
            let mut chars = t.chars();
            let first: String = chars
                .next()
                .map(|c| c.to_uppercase().collect())
                .unwrap_or_default();
            writeln!(out, "Month {}: {}{}.", e.month, first, chars.as_str())?;
        }
    }
    Ok(())
}

fn threads(a: &Args) -> usize {
    a.threads.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    })
}

fn pct(x: f64) -> String {
    format!("{:.1} %", x * 100.0)
}

fn cmd_batch(a: &Args, s: &Scenario, out: &mut impl Write) -> Res<()> {
    let runs = a.runs.unwrap_or(1000);
    let progress = io::stderr().is_terminal() && runs >= 2000;
    if let (Some((i, n)), Some(path)) = (a.chunk, &a.out) {
        let range = aliansi_sim::batch::chunks(runs, n)
            .get(i as usize - 1)
            .cloned()
            .unwrap_or(runs..runs);
        let (tally, _, _) =
            batch::run_range(s, s.seed, range.clone(), threads(a), progress).map_err(usage)?;
        let link = aliansi_wire::encode_link(s);
        let v = batch::tally_json(&tally, &link, s.seed, runs, (i, n), &range);
        let text = serde_json::to_string(&v).map_err(|e| usage(e.to_string()))?;
        std::fs::write(path, text + "\n")
            .map_err(|e| usage(format!("cannot write {path}: {e}")))?;
        writeln!(
            out,
            "wrote runs {}..{} of {runs} (part {i}/{n}) to {path}",
            range.start, range.end
        )?;
        return Ok(());
    }
    let b = batch::run(s, s.seed, runs, threads(a), progress).map_err(usage)?;
    print_summary(a, s, &b, out)
}

/// Combines partial batches into the summary one batch would have given.
fn cmd_merge(a: &Args, out: &mut impl Write) -> Res<()> {
    if a.files.is_empty() {
        return Err(usage(
            "merge needs the partial files: aliansi merge part-1.json part-2.json ...",
        ));
    }
    let mut parts = Vec::new();
    for f in &a.files {
        let text =
            std::fs::read_to_string(f).map_err(|e| usage(format!("cannot read {f}: {e}")))?;
        let v: Value =
            serde_json::from_str(&text).map_err(|e| usage(format!("{f}: not JSON ({e})")))?;
        parts.push(batch::parse_part(&v).map_err(|e| usage(format!("{f}: {e}")))?);
    }
    let first = &parts[0];
    for (f, p) in a.files.iter().zip(&parts) {
        if p.scenario != first.scenario || p.seed != first.seed || p.runs_total != first.runs_total
        {
            return Err(usage(format!(
                "{f} belongs to another batch (scenario, seed or run count differ from {})",
                a.files[0]
            )));
        }
    }
    let mut ranges: Vec<(u64, u64)> = parts.iter().map(|p| p.range).collect();
    ranges.sort();
    let mut next = 0;
    for (start, end) in &ranges {
        if *start < next {
            return Err(usage(format!(
                "parts overlap at run {start}: give each part once"
            )));
        }
        if *start > next {
            return Err(usage(format!(
                "runs {next}..{start} are missing: merge every part of the batch"
            )));
        }
        next = *end;
    }
    if next != first.runs_total {
        return Err(usage(format!(
            "runs {next}..{} are missing: merge every part of the batch",
            first.runs_total
        )));
    }
    let s = aliansi_wire::decode_link(&first.scenario).map_err(|e| usage(e.to_string()))?;
    let mut total = aliansi_sim::BatchTally::new(s.horizon_months);
    for p in &parts {
        total.merge(&p.tally).map_err(usage)?;
    }
    let b = batch::BatchRun {
        summary: total.summary(),
        threads: 0,
        seconds: 0.0,
    };
    let mut s = s;
    s.seed = first.seed;
    print_summary(a, &s, &b, out)
}

fn print_summary(a: &Args, s: &Scenario, b: &batch::BatchRun, out: &mut impl Write) -> Res<()> {
    let sm = &b.summary;
    if a.json {
        return write_json(out, &batch::summary_json(sm, s.seed, b.threads, b.seconds));
    }
    writeln!(
        out,
        "{} runs of {} months, master seed {}",
        sm.runs, sm.horizon_months, s.seed
    )?;
    writeln!(
        out,
        "Survival at month {}: {} (95 % CI {} to {})",
        sm.horizon_months,
        pct(sm.survival_at_horizon),
        pct(sm.survival_ci95.0),
        pct(sm.survival_ci95.1)
    )?;
    match sm.median_survival_months {
        Some(m) => writeln!(out, "Median survival: {m} months")?,
        None => writeln!(
            out,
            "Median survival: not reached (more than half survive to the horizon)"
        )?,
    }
    let hz: Vec<String> = sm
        .hazard_by_year
        .iter()
        .enumerate()
        .map(|(y, h)| format!("y{} {:.1}", y + 1, h * 100.0))
        .collect();
    writeln!(out, "Hazard by year (%): {}", hz.join(", "))?;
    let dissolved: u64 = sm.causes.iter().map(|(_, n)| n).sum();
    writeln!(out, "Causes of dissolution ({dissolved} runs dissolved):")?;
    let mut causes = sm.causes.clone();
    causes.sort_by_key(|c| std::cmp::Reverse(c.1));
    for (c, n) in causes {
        let share = if dissolved > 0 {
            n as f64 / dissolved as f64
        } else {
            0.0
        };
        writeln!(out, "  {:<20} {:>8}  {:>6}", cause_words(c), n, pct(share))?;
    }
    writeln!(out, "Mean value created: {:.1}", sm.mean_value)?;
    writeln!(out, "Mean final trust: {:.3}", sm.mean_final_trust)?;
    writeln!(out, "Checksum: {:016x}", sm.checksum)?;
    writeln!(
        out,
        "{} runs in {:.2} s ({:.0} runs/s, {} threads)",
        sm.runs,
        b.seconds,
        sm.runs as f64 / b.seconds.max(1e-9),
        b.threads
    )?;
    Ok(())
}

/// The values of `--values` (or `--values2`): comma-separated, or ';' when a value is a list.
fn value_list<'v>(opt: &str, values: &'v str) -> Res<Vec<&'v str>> {
    let sep = if values.contains(';') { ';' } else { ',' };
    let list: Vec<&str> = values
        .split(sep)
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .collect();
    if list.is_empty() {
        return Err(usage(format!("{opt} is empty")));
    }
    Ok(list)
}

/// `s` with `param` set to the typed value `v`: through the core's sweep catalogue when the
/// path is in it (`aliansi_sim::sweep`), else through `--set` on the JSON form.
fn assign(s: &Scenario, param: &str, v: &str) -> Res<Scenario> {
    if let Some(p) = aliansi_sim::sweep::find(s, param) {
        let x = p
            .parse_value(v)
            .map_err(|e| usage(format!("{param}={v}: {e}")))?;
        let mut sc = s.clone();
        p.apply(&mut sc, x);
        sc.validate()
            .map_err(|e| usage(format!("{param}={v}: {e}")))?;
        return Ok(sc);
    }
    let mut val = aliansi_wire::to_value(s);
    let assignment = format!("{param}={v}");
    set::apply(&mut val, &assignment).map_err(|e| usage(format!("--param {param}: {e}")))?;
    aliansi_wire::from_value(&val).map_err(|e| usage(format!("{param}={v}: {e}")))
}

fn cmd_sweep(a: &Args, s: &Scenario, out: &mut impl Write) -> Res<()> {
    let param = a.param.as_deref().ok_or_else(|| {
        usage("sweep needs --param PATH (for example --param environment.rivalry)")
    })?;
    let values = a
        .values
        .as_deref()
        .ok_or_else(|| usage("sweep needs --values A,B,C (for example --values 0,0.5,1)"))?;
    let list = value_list("--values", values)?;
    // The optional second axis.
    let second = match (a.param2.as_deref(), a.values2.as_deref()) {
        (None, None) => None,
        (Some(p2), Some(v2)) => {
            if p2 == param {
                return Err(usage("--param2 must differ from --param"));
            }
            Some((p2, value_list("--values2", v2)?))
        }
        _ => {
            return Err(usage(
                "--param2 and --values2 go together: --param2 PATH --values2 A,B,C",
            ))
        }
    };
    let runs = a.runs.unwrap_or(1000);
    let th = threads(a);
    let rows_y: Vec<Option<&str>> = match &second {
        Some((_, l)) => l.iter().map(|v| Some(*v)).collect(),
        None => vec![None],
    };
    let points = list.len() as u64 * rows_y.len() as u64;
    let progress = io::stderr().is_terminal() && runs * points >= 2000;
    // Check every point before running anything. Common random numbers: every point meets
    // the same seeds (the master seed of the scenario), unless the seed is what is swept.
    let mut variants = Vec::with_capacity(points as usize);
    for yv in &rows_y {
        for v in &list {
            let mut sc = assign(s, param, v)?;
            if let (Some((p2, _)), Some(yv)) = (&second, yv) {
                sc = assign(&sc, p2, yv)?;
            }
            let sweeps_seed =
                param == "seed" || second.as_ref().is_some_and(|(p2, _)| *p2 == "seed");
            if !sweeps_seed {
                sc.seed = s.seed;
            }
            variants.push((*v, *yv, sc));
        }
    }
    let mut rows = Vec::with_capacity(variants.len());
    for (v, yv, sc) in &variants {
        if progress {
            let at = match (&second, yv) {
                (Some((p2, _)), Some(y)) => format!("{param}={v} {p2}={y}"),
                _ => format!("{param}={v}"),
            };
            let _ = write!(io::stderr(), "\r{at} ...{}", " ".repeat(20));
        }
        let b = batch::run(sc, sc.seed, runs, th, progress).map_err(usage)?;
        rows.push((*v, *yv, b));
    }
    let typed = |v: &str| serde_json::from_str(v).unwrap_or_else(|_| json!(v));
    if a.json {
        let arr: Vec<Value> = rows
            .iter()
            .map(|(v, yv, b)| {
                let mut o = batch::summary_json(&b.summary, s.seed, b.threads, b.seconds);
                if let Value::Object(m) = &mut o {
                    let mut head = serde_json::Map::new();
                    head.insert("param".into(), json!(param));
                    head.insert("value".into(), typed(v));
                    if let (Some((p2, _)), Some(y)) = (&second, yv) {
                        head.insert("param2".into(), json!(p2));
                        head.insert("value2".into(), typed(y));
                    }
                    head.extend(std::mem::take(m));
                    *m = head;
                }
                o
            })
            .collect();
        return write_json(out, &Value::Array(arr));
    }
    match &second {
        None => writeln!(out, "{param}: {} runs each, master seed {}", runs, s.seed)?,
        Some((p2, _)) => writeln!(
            out,
            "{param} x {p2}: {} runs each, master seed {}",
            runs, s.seed
        )?,
    }
    let w = list.iter().map(|v| v.len()).max().unwrap_or(5).max(5);
    let w2 = rows_y
        .iter()
        .flatten()
        .map(|v| v.len())
        .max()
        .unwrap_or(0)
        .max(6);
    let head2 = if second.is_some() {
        format!("  {:<w2$}", "value2")
    } else {
        String::new()
    };
    writeln!(
        out,
        "{:<w$}{head2}  {:>9}  {:>17}  {:>8}  {:>10}",
        "value", "survival", "95 % CI", "median", "mean value"
    )?;
    for (v, yv, b) in &rows {
        let sm = &b.summary;
        let med = sm
            .median_survival_months
            .map(|m| m.to_string())
            .unwrap_or_else(|| "-".to_string());
        let col2 = match yv {
            Some(y) => format!("  {y:<w2$}"),
            None => String::new(),
        };
        writeln!(
            out,
            "{:<w$}{col2}  {:>9}  {:>17}  {:>8}  {:>10.1}",
            v,
            pct(sm.survival_at_horizon),
            format!(
                "{:.1}-{:.1} %",
                sm.survival_ci95.0 * 100.0,
                sm.survival_ci95.1 * 100.0
            ),
            med,
            sm.mean_value
        )?;
    }
    if let Some((p2, ys)) = &second {
        // The survival grid: a row per value of the second parameter.
        writeln!(out)?;
        writeln!(
            out,
            "Survival at the horizon (%): rows {p2}, columns {param}"
        )?;
        let cw = w.max(6);
        let mut line = format!("{:<w2$}", "");
        for v in &list {
            line.push_str(&format!("  {v:>cw$}"));
        }
        writeln!(out, "{}", line.trim_end())?;
        for (r, y) in ys.iter().enumerate() {
            let mut line = format!("{y:<w2$}");
            for c in 0..list.len() {
                let sm = &rows[r * list.len() + c].2.summary;
                line.push_str(&format!("  {:>cw$.1}", sm.survival_at_horizon * 100.0));
            }
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

fn real_main() -> Res<()> {
    let a = parse_args()?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let cmd = match (a.help, a.command) {
        (true, _) | (false, Some(Command::Help)) => {
            writeln!(out, "{USAGE}")?;
            out.flush()?;
            return Ok(());
        }
        (false, None) => return Err(usage("no command given (commands: presets, run, batch, sweep, link, show; see aliansi --help)")),
        (false, Some(c)) => c,
    };
    let (_value, scenario) = load(&a)?;
    match cmd {
        Command::Presets => cmd_presets(&a, &mut out)?,
        Command::Run => cmd_run(&a, &scenario, &mut out)?,
        Command::Batch => cmd_batch(&a, &scenario, &mut out)?,
        Command::Merge => cmd_merge(&a, &mut out)?,
        Command::Sweep => cmd_sweep(&a, &scenario, &mut out)?,
        Command::Link => {
            let link = aliansi_wire::encode_link(&scenario);
            if a.json {
                write_json(&mut out, &json!({ "link": link }))?;
            } else {
                writeln!(out, "{link}")?;
            }
        }
        Command::Show => {
            let text = aliansi_wire::to_json(&scenario);
            out.write_all(text.as_bytes())?;
        }
        Command::Validate => {
            let runs = a.runs.unwrap_or(if a.quick {
                validate::QUICK_RUNS
            } else {
                validate::FULL_RUNS
            });
            let progress = io::stderr().is_terminal();
            let rep = validate::run(runs, threads(&a), !a.quick, progress);
            let doc = if a.markdown {
                validate::markdown(&rep)
            } else {
                validate::text(&rep)
            };
            out.write_all(doc.as_bytes())?;
            out.flush()?;
            if rep.failures() > 0 {
                return Err(Failure::Checks(rep.failures()));
            }
        }
        Command::Help => {}
    }
    out.flush()?;
    Ok(())
}

fn main() -> ExitCode {
    match real_main() {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::BrokenPipe) => ExitCode::SUCCESS,
        Err(Failure::Usage(msg)) => {
            let _ = writeln!(io::stderr(), "error: {msg}");
            ExitCode::from(2)
        }
        Err(Failure::Checks(n)) => {
            let _ = writeln!(io::stderr(), "error: {n} validation check(s) failed");
            ExitCode::from(1)
        }
        Err(Failure::Io(e)) => {
            let _ = writeln!(io::stderr(), "error: cannot write output: {e}");
            ExitCode::from(1)
        }
    }
}
