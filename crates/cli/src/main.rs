//! `aliansi`: run Aliansi scenarios from the command line.
//!
//! Bad input of any kind exits with status 2 and one line on stderr starting with `error: `.
//! A closed stdout (`aliansi batch | head`) ends the program quietly.

mod batch;
mod events;
mod set;
mod validate;
mod words;

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use aliansi_sim::{presets, BatchSummary, Outcome, Scenario};
use serde_json::{json, Value};

use aliansi_text::i18n::{t, Lang};
use aliansi_text::narrate::{self, Narrator};
use events::{event_json, told};
use words::{count, list_sep, num, tf, Thing};

/// Every command: its name, itself, its arguments in the help's USAGE line, and what it does
/// (its lines in the help). The one list of command names: the help, `Command::parse` and the
/// error messages all read it.
const COMMANDS: [(&str, Command, &str, &str); 9] = [
    (
        "presets",
        Command::Presets,
        "[OPTIONS]",
        "List the built-in scenarios",
    ),
    (
        "run",
        Command::Run,
        "[OPTIONS]",
        "One run: the outcome and the story of what happened",
    ),
    (
        "batch",
        Command::Batch,
        "[OPTIONS]",
        "Many runs: survival at the horizon, median survival, hazard, causes",
    ),
    (
        "sweep",
        Command::Sweep,
        "--param PATH --values A,B,C [OPTIONS]",
        "One batch per value of a parameter, all with the same master seed",
    ),
    (
        "link",
        Command::Link,
        "[OPTIONS]",
        "Print the scenario's share-link fragment",
    ),
    (
        "show",
        Command::Show,
        "[OPTIONS]",
        "Print the scenario as version-1 JSON (a starting point for --scenario)",
    ),
    (
        "merge",
        Command::Merge,
        "FILES... [OPTIONS]",
        "Combine partial batches or sweeps (written by --chunk) into one summary;\n\
         - reads parts from standard input, one after another",
    ),
    (
        "validate",
        Command::Validate,
        "[OPTIONS]",
        "Check that the model reproduces the research findings (F1-F12), the edge\n\
         cases, and which parameters move survival most; exits 1 unless every check passes",
    ),
    (
        "help",
        Command::Help,
        "[COMMAND]",
        "Print this help, or with a command only that command's part",
    ),
];

/// The command names, comma-separated, in the order of the help.
fn command_names() -> String {
    COMMANDS
        .iter()
        .map(|(name, ..)| *name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The commands that read a scenario (--preset, --scenario, --link, --variant, --set, --seed).
const SCENARIO_COMMANDS: &[Command] = &[
    Command::Run,
    Command::Batch,
    Command::Sweep,
    Command::Link,
    Command::Show,
];
/// Every command but validate: they take --json.
const JSON_COMMANDS: &[Command] = &[
    Command::Presets,
    Command::Run,
    Command::Batch,
    Command::Sweep,
    Command::Link,
    Command::Show,
    Command::Merge,
];
const EVERY_COMMAND: &[Command] = &[
    Command::Presets,
    Command::Run,
    Command::Batch,
    Command::Sweep,
    Command::Link,
    Command::Show,
    Command::Merge,
    Command::Validate,
    Command::Help,
];

/// The sections of the whole help: a title, the commands their options are for, and whether
/// the title lists them (`SCENARIO (run, batch, sweep, link, show):`).
const SECTIONS: [(&str, &[Command], bool); 6] = [
    ("SCENARIO", SCENARIO_COMMANDS, true),
    ("OUTPUT", JSON_COMMANDS, true),
    ("RUN", &[Command::Run], false),
    ("BATCH AND SWEEP", &[Command::Batch, Command::Sweep], false),
    ("VALIDATE", &[Command::Validate], false),
    ("OTHER", EVERY_COMMAND, false),
];

/// An option: its name, its value in the help (empty for a switch), the commands that take
/// it, the section of the whole help that lists it (an index into [`SECTIONS`]) and what it
/// does (lines after the first are indented under it).
struct Opt {
    name: &'static str,
    value: &'static str,
    commands: &'static [Command],
    section: usize,
    help: &'static str,
}

/// Every option. The one list of options: the help (whole and per command) and the message
/// that refuses an option a command does not take both read it.
const OPTIONS: &[Opt] = &[
    Opt {
        name: "--preset",
        value: "NAME",
        commands: SCENARIO_COMMANDS,
        section: 0,
        help: "A built-in scenario (default: default; see `aliansi presets`)",
    },
    Opt {
        name: "--scenario",
        value: "FILE",
        commands: SCENARIO_COMMANDS,
        section: 0,
        help: "A scenario JSON file (version 1); - reads it from standard input",
    },
    Opt {
        name: "--link",
        value: "LINK",
        commands: SCENARIO_COMMANDS,
        section: 0,
        help: "A share link: s3.<...> (a scenario), s4.<...> (a scenario with a\n\
               class's choices in decision mode, which run replays) or e1.<...>\n\
               (an experiment), bare, as #s3.<...> or in a whole URL; also the\n\
               older s1.<...> and s2.<...> (without a checksum). An\n\
               experiment link gives the scenario it opens in the app's editor\n\
               (a note on stderr names its variants) and its number of runs\n\
               (for batch and sweep without --runs), or:",
    },
    Opt {
        name: "--variant",
        value: "N",
        commands: SCENARIO_COMMANDS,
        section: 0,
        help: "(with an e1. link) Its N-th variant, run with the first variant's\n\
               seed as \"Compare fairly\" does; --variant 1 is the comparison's\n\
               base (not always the scenario the link opens in the editor)",
    },
    Opt {
        name: "--set",
        value: "PATH=VALUE",
        commands: SCENARIO_COMMANDS,
        section: 0,
        help: "Change one field; repeatable. PATH is the JSON field path (see\n\
               aliansi show); list indices count from 0, * means every element:\n  \
                 --set horizon_months=60\n  \
                 --set partners.*.opportunism=0.6\n  \
                 --set partners.0.culture=JP\n  \
                 --set governance.resolution=negotiation,mediation",
    },
    Opt {
        name: "--seed",
        value: "N",
        commands: SCENARIO_COMMANDS,
        section: 0,
        help: "Seed of the run, or master seed of a batch",
    },
    Opt {
        name: "--json",
        value: "",
        commands: JSON_COMMANDS,
        section: 1,
        help: "Machine-readable JSON on stdout (--chunk writes its part as JSON\n\
               to --out instead)",
    },
    Opt {
        name: "--all-events",
        value: "",
        commands: &[Command::Run],
        section: 2,
        help: "Also tell failed ladder steps and moves up the ladder",
    },
    Opt {
        name: "--lang",
        value: "LANG",
        commands: &[
            Command::Presets,
            Command::Run,
            Command::Batch,
            Command::Sweep,
            Command::Merge,
        ],
        section: 1,
        help: "The language of the results as text: en (English, the default)\n\
               or id (Bahasa Indonesia, with decimal commas); a run's story in\n\
               the app's words. With --json, keys and numbers are the same in\n\
               either; only the \"text\" of run's events is in LANG",
    },
    Opt {
        name: "--runs",
        value: "N",
        commands: &[Command::Batch, Command::Sweep, Command::Validate],
        section: 3,
        help: "Number of runs (default 1000, or an experiment link's; for\n\
               validate, runs per scenario: default 4000)",
    },
    Opt {
        name: "--chunk",
        value: "I/N",
        commands: &[Command::Batch, Command::Sweep],
        section: 3,
        help: "Run only the I-th of N equal parts of the runs (N at most the\n\
               number of runs; a sweep: of each point's runs) and write their\n\
               partial tally to --out",
    },
    Opt {
        name: "--out",
        value: "FILE",
        commands: &[Command::Batch, Command::Sweep],
        section: 3,
        help: "Where --chunk writes its part (- for stdout); `aliansi merge\n\
               FILES...` combines every part into exactly the summary of one batch\n\
               (or the table of one sweep)",
    },
    Opt {
        name: "--threads",
        value: "N",
        commands: &[Command::Batch, Command::Sweep, Command::Validate],
        section: 3,
        help: "Worker threads (default: every core)",
    },
    Opt {
        name: "--param",
        value: "PATH",
        commands: &[Command::Sweep],
        section: 3,
        help: "The field to vary, a --set path",
    },
    Opt {
        name: "--values",
        value: "A,B,C",
        commands: &[Command::Sweep],
        section: 3,
        help: "Its values; separate with ';' when a value is a list (a ladder).\n\
               Left out for a choice: all its options",
    },
    Opt {
        name: "--param2",
        value: "PATH",
        commands: &[Command::Sweep],
        section: 3,
        help: "A second field: every pair of values is run (a grid)",
    },
    Opt {
        name: "--values2",
        value: "A,B,C",
        commands: &[Command::Sweep],
        section: 3,
        help: "Its values (left out for a choice: all its options)",
    },
    Opt {
        name: "--quick",
        value: "",
        commands: &[Command::Validate],
        section: 4,
        help: "A smaller version (800 runs per scenario, no sensitivity)",
    },
    Opt {
        name: "--markdown",
        value: "",
        commands: &[Command::Validate],
        section: 4,
        help: "Print the report as Markdown (docs/VALIDATION.md)",
    },
    Opt {
        name: "-h, --help",
        value: "",
        commands: EVERY_COMMAND,
        section: 5,
        help: "Print the help (of a command: aliansi COMMAND --help)",
    },
    Opt {
        name: "-V, --version",
        value: "",
        commands: EVERY_COMMAND,
        section: 5,
        help: "Print the version, and the model's (its runs: docs/MODEL.md section 8)",
    },
];

/// Examples in the help: the command each is for, and the line.
const EXAMPLES: &[(Command, &str)] = &[
    (Command::Presets, "aliansi presets --json"),
    (Command::Run, "aliansi run --preset id-jp-jv --seed 7"),
    (Command::Run, "aliansi run --preset id-jp-jv --all-events"),
    (
        Command::Run,
        "aliansi run --lang id   (the story in Bahasa Indonesia)",
    ),
    (
        Command::Batch,
        "aliansi batch --runs 10000 --set governance.alliance_manager=true",
    ),
    (
        Command::Batch,
        "aliansi batch --link 'https://.../#e1....' --variant 2   (the link's runs)",
    ),
    (
        Command::Batch,
        "aliansi batch --runs 100000 --chunk 2/4 --out parts/part-2.json\n    \
         (each of the 4 parts; then: aliansi merge parts/part-*.json)",
    ),
    (
        Command::Sweep,
        "aliansi sweep --param governance.transparency --values 0,0.25,0.5,0.75,1 --runs 2000",
    ),
    (
        Command::Sweep,
        "aliansi sweep --param partners.*.opportunism --values 0.1,0.3,0.5 \\\n    \
         --param2 governance.form --values2 contract,equity_jv --runs 1000",
    ),
    (
        Command::Sweep,
        "aliansi sweep --param governance.resolution --runs 1000   (a choice: all its options)",
    ),
    (
        Command::Sweep,
        "aliansi sweep --param environment.rivalry --values 0.1,0.5,0.9 --runs 100000 \\\n    \
         --chunk 2/4 --out parts/sweep-2.json   (then: aliansi merge parts/sweep-*.json)",
    ),
    (Command::Link, "aliansi link --preset calm-pair"),
    (
        Command::Show,
        "aliansi show --preset calm-pair > my.json && aliansi batch --scenario my.json --json",
    ),
    (
        Command::Merge,
        "aliansi merge parts/part-*.json --json > summary.json",
    ),
    (
        Command::Merge,
        "aliansi merge parts/sweep-*.json   (the parts of a sweep --chunk: its table)",
    ),
    (Command::Validate, "aliansi validate --quick"),
    (Command::Help, "aliansi help batch"),
];

const EXIT_STATUS: &str = "\
EXIT STATUS:
    0 success
    1 validate found a check that fails or is open, or the output could not be written
    2 bad input (one line on stderr starting with \"error: \")";

/// [`EXIT_STATUS`] for a command other than validate.
const EXIT_STATUS_PLAIN: &str = "\
EXIT STATUS:
    0 success
    1 the output could not be written
    2 bad input (one line on stderr starting with \"error: \")";

/// The widest first line of an option's text in the help with the commands it is for before
/// it; a wider one has them on a line of their own.
const SCOPED_LINE: usize = 72;

/// An option's lines in the help; `scope` ("(batch, sweep) ") goes before its text.
fn option_lines(o: &Opt, scope: &str) -> String {
    let head = if o.value.is_empty() {
        o.name.to_string()
    } else {
        format!("{} {}", o.name, o.value)
    };
    let first = o.help.lines().next().unwrap_or("");
    let text = if scope.chars().count() + first.chars().count() > SCOPED_LINE {
        format!("{}\n{}", scope.trim_end(), o.help)
    } else {
        format!("{scope}{}", o.help)
    };
    let text = text.replace('\n', &format!("\n{}", " ".repeat(26)));
    format!("    {head:<22}{text}\n")
}

/// The examples for `cmd` (all of them for `None`).
fn examples(cmd: Option<Command>) -> String {
    let mut s = String::new();
    for (c, line) in EXAMPLES {
        if cmd.is_none_or(|cmd| cmd == *c) {
            s.push_str(&format!("    {}\n", line.replace('\n', "\n    ")));
        }
    }
    s
}

/// The whole help.
fn usage_text() -> String {
    let mut s = "aliansi - run Aliansi strategic-alliance scenarios from the command line\n\n\
                 USAGE:\n    aliansi <COMMAND> [OPTIONS]\n\nCOMMANDS:\n"
        .to_string();
    for (name, _, _, what) in COMMANDS {
        let what = what.replace('\n', "\n                ");
        s.push_str(&format!("    {name:<12}{what}\n"));
    }
    for (k, (title, commands, listed)) in SECTIONS.iter().enumerate() {
        s.push('\n');
        if *listed {
            let names: Vec<&str> = commands.iter().map(|c| c.name()).collect();
            s.push_str(&format!("{title} ({}):\n", names.join(", ")));
        } else {
            s.push_str(&format!("{title}:\n"));
        }
        for o in OPTIONS.iter().filter(|o| o.section == k) {
            // An option for other commands than the section's (only some of them, or some
            // besides them) names its own.
            let same = o.commands.len() == commands.len()
                && o.commands.iter().all(|c| commands.contains(c));
            let scope = if !same {
                let names: Vec<&str> = o.commands.iter().map(|c| c.name()).collect();
                format!("({}) ", names.join(", "))
            } else {
                String::new()
            };
            s.push_str(&option_lines(o, &scope));
        }
    }
    s.push_str(&format!("\nEXAMPLES:\n{}\n{EXIT_STATUS}", examples(None)));
    s
}

/// The help of one command: what it does, its usage, the options it takes, its examples.
fn command_help(cmd: Command) -> String {
    let (name, _, args, what) = COMMANDS
        .iter()
        .find(|c| c.1 == cmd)
        .expect("every command is in COMMANDS");
    let mut s = format!(
        "aliansi {name} - {}\n\nUSAGE:\n    aliansi {name} {args}\n\nOPTIONS:\n",
        what.replace('\n', " ")
    );
    for o in OPTIONS.iter().filter(|o| o.commands.contains(&cmd)) {
        // Options whose text speaks of other commands say only what they do for this one.
        let own = match (o.name, cmd) {
            ("--runs", Command::Validate) => Some("Runs per scenario (default 4000)"),
            ("--runs", _) => Some("Number of runs (default 1000, or an experiment link's)"),
            ("--json", Command::Batch | Command::Sweep) => None,
            ("--json", _) => Some("Machine-readable JSON on stdout"),
            ("--lang", Command::Merge | Command::Batch | Command::Sweep | Command::Presets) => {
                Some(
                    "The language of the results as text: en (English, the default)\n\
                 or id (Bahasa Indonesia, with decimal commas). With --json, keys\n\
                 and numbers are the same in either",
                )
            }
            _ => None,
        };
        match own {
            Some(help) => s.push_str(&option_lines(&Opt { help, ..*o }, "")),
            None => s.push_str(&option_lines(o, "")),
        }
    }
    let ex = examples(Some(cmd));
    if !ex.is_empty() {
        s.push_str(&format!("\nEXAMPLES:\n{ex}"));
    }
    let status = if cmd == Command::Validate {
        EXIT_STATUS
    } else {
        EXIT_STATUS_PLAIN
    };
    s.push_str(&format!("\n{status}"));
    s
}

/// The option named `name` in [`OPTIONS`].
fn option(name: &str) -> &'static Opt {
    OPTIONS
        .iter()
        .find(|o| o.name == name)
        .expect("every option is in OPTIONS")
}

/// "run, batch and sweep".
fn command_list(commands: &[Command]) -> String {
    let names: Vec<String> = commands.iter().map(|c| c.name().to_string()).collect();
    and_list(&names)
}

/// What ends the program early.
enum Failure {
    /// Bad input: exit 2 with this message.
    Usage(String),
    /// stdout closed: exit quietly.
    BrokenPipe,
    /// Any other failure writing output: exit 1.
    Io(io::Error),
    /// An output file that cannot be written: exit 1 with this message.
    Write(String),
    /// Validation checks did not pass: exit 1 (the report says which). The checks that failed
    /// (contradicted), and those left open (too few runs to tell).
    Checks { failed: usize, open: usize },
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

/// Runs of a batch or of each sweep point without --runs.
const DEFAULT_RUNS: u64 = 1000;

/// The version of this build (the workspace's), for --version and the part files.
const VERSION: &str = env!("CARGO_PKG_VERSION");

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
        COMMANDS.iter().find(|c| c.0 == s).map(|c| c.1)
    }
    fn name(self) -> &'static str {
        COMMANDS
            .iter()
            .find(|c| c.1 == self)
            .map(|c| c.0)
            .unwrap_or("?")
    }
    /// Whether the command reads a scenario (--preset, --scenario, --link, --set, --seed).
    fn takes_scenario(self) -> bool {
        SCENARIO_COMMANDS.contains(&self)
    }
}

#[derive(Default)]
struct Args {
    command: Option<Command>,
    preset: Option<String>,
    scenario: Option<String>,
    link: Option<String>,
    /// `--variant N`: the N-th variant (1-based) of an experiment link.
    variant: Option<u64>,
    sets: Vec<String>,
    seed: Option<u64>,
    json: bool,
    all_events: bool,
    /// `--lang`: the language of the text of presets, run, batch, sweep and merge.
    lang: Option<Lang>,
    runs: Option<u64>,
    threads: Option<usize>,
    param: Option<String>,
    values: Option<String>,
    param2: Option<String>,
    values2: Option<String>,
    help: bool,
    version: bool,
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
    // The value of the --set just read, if it has no '=' (`--set PATH VALUE` typed for
    // `--set PATH=VALUE`: the next argument then says so).
    let mut set_without_eq: Option<String> = None;
    loop {
        let arg = match p.next() {
            Ok(Some(arg)) => arg,
            Ok(None) => break,
            Err(e) => return Err(usage(e.to_string())),
        };
        let after_set = set_without_eq.take();
        match arg {
            Short('h') | Long("help") => a.help = true,
            Short('V') | Long("version") => a.version = true,
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
            Long("variant") => {
                let v = value_of(&mut p, "--variant")?;
                let n: u64 = number("--variant", &v, "a whole number, 1 for the first variant")?;
                if n == 0 {
                    return Err(usage(
                        "--variant counts from 1 (--variant 1 is the first variant)",
                    ));
                }
                once(&mut a.variant, "--variant", n)?
            }
            Long("set") => {
                let v = value_of(&mut p, "--set")?;
                if !v.contains('=') {
                    set_without_eq = Some(v.clone());
                }
                a.sets.push(v)
            }
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
            Long("lang") => {
                let v = value_of(&mut p, "--lang")?;
                let lang = Lang::from_tag(&v).ok_or_else(|| {
                    usage(format!(
                        "--lang expects en (English) or id (Bahasa Indonesia), got \"{v}\""
                    ))
                })?;
                once(&mut a.lang, "--lang", lang)?
            }
            Long("quick") => a.quick = true,
            Long("chunk") => {
                let v = value_of(&mut p, "--chunk")?;
                let bad = || usage(format!("--chunk expects I/N with 1 <= I <= N, got \"{v}\""));
                let (i, n) = v.split_once('/').ok_or_else(bad)?;
                let (i, n): (u64, u64) = (
                    i.trim().parse().map_err(|_| bad())?,
                    n.trim().parse().map_err(|_| bad())?,
                );
                if i == 0 && n > 0 {
                    return Err(usage(format!(
                        "--chunk {v}: parts count from 1 (--chunk 1/{n} to --chunk {n}/{n}; \
                         with a Slurm job array, use --array=1-{n})"
                    )));
                }
                if n == 0 || i > n {
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
                // `help COMMAND`: the help (once).
                if a.command == Some(Command::Help) && a.files.is_empty() {
                    Command::parse(&v).ok_or_else(|| {
                        usage(format!(
                            "unknown command \"{v}\" (commands: {})",
                            command_names()
                        ))
                    })?;
                    a.files.push(v);
                    continue;
                }
                if let (Some(path), Some(_)) = (after_set, a.command) {
                    return Err(usage(format!(
                        "--set takes PATH=VALUE as one argument: --set {path}={v}"
                    )));
                }
                if a.command.is_some() {
                    return Err(usage(format!(
                        "unexpected argument \"{v}\" (see aliansi --help)"
                    )));
                }
                let c = Command::parse(&v).ok_or_else(|| {
                    usage(format!(
                        "unknown command \"{v}\" (commands: {})",
                        command_names()
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
        let given = [
            ("--preset", a.preset.is_some()),
            ("--scenario", a.scenario.is_some()),
            ("--link", a.link.is_some()),
            ("--variant", a.variant.is_some()),
            ("--set", !a.sets.is_empty()),
            ("--seed", a.seed.is_some()),
            ("--json", a.json),
            ("--all-events", a.all_events),
            ("--lang", a.lang.is_some()),
            ("--runs", a.runs.is_some()),
            ("--chunk", a.chunk.is_some()),
            ("--out", a.out.is_some()),
            ("--threads", a.threads.is_some()),
            ("--param", a.param.is_some()),
            ("--values", a.values.is_some()),
            ("--param2", a.param2.is_some()),
            ("--values2", a.values2.is_some()),
            ("--quick", a.quick),
            ("--markdown", a.markdown),
        ];
        for (name, _) in given.iter().filter(|g| g.1) {
            if c == Command::Help {
                return Err(usage(format!(
                    "help takes no {name}: aliansi help COMMAND, or aliansi COMMAND --help"
                )));
            }
            let o = option(name);
            if o.commands.contains(&c) {
                continue;
            }
            let why = match c {
                Command::Merge if o.commands == SCENARIO_COMMANDS => {
                    " (each part file carries its scenario and seed)"
                }
                Command::Validate if *name == "--json" => {
                    " (it prints text, or Markdown with --markdown)"
                }
                _ => "",
            };
            return Err(usage(format!(
                "{name} applies to {}, not {}{why}",
                command_list(o.commands),
                c.name()
            )));
        }
        if a.chunk.is_some() != a.out.is_some() {
            return Err(usage(
                "--chunk and --out go together: --chunk I/N --out FILE",
            ));
        }
        if a.chunk.is_some() && a.json {
            return Err(usage(
                "--json does not apply to --chunk: the part is written as JSON to --out FILE",
            ));
        }
        // The part's file is created (emptied) before the runs: over the scenario's own file,
        // it would destroy the scenario, and without a word.
        if let (Some(out), Some(scenario)) = (&a.out, &a.scenario) {
            if same_file(out, scenario) {
                return Err(usage(format!(
                    "--out {out} is the --scenario file: the part would overwrite the scenario; \
                     write the part to another file"
                )));
            }
        }
    }
    Ok(a)
}

/// Whether two paths name one existing file (canonical paths: `./s.json` and `s.json`, a
/// symbolic link and its target). `-` is standard input or output, never a file.
fn same_file(a: &str, b: &str) -> bool {
    if a == "-" || b == "-" {
        return false;
    }
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// What the options describe: the validated scenario (after every --set, applied to its
/// version-1 JSON form, and --seed), and, when it came from an experiment link, a note for
/// stderr and the link's number of runs.
struct Loaded {
    scenario: Scenario,
    /// The scenario's title: `name` and `description` of a scenario file, the name a scenario
    /// link carries (links have no description), or set by `--set name=…`. Not part of
    /// the core's scenario, so kept beside it for `show` and `link` to write back.
    title: Title,
    note: Option<String>,
    /// The runs an experiment link asks for.
    link_runs: Option<u64>,
    /// The class's choices in the run of a shared run's link (`s4.` or `s2.`): dispute id and the step
    /// tried first. Empty when --set or another --seed makes another run.
    choices: Vec<(u32, aliansi_sim::Resolution)>,
}

/// "\"Base\", \"Transparent\"": names quoted (control characters escaped).
fn quoted_names(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("{n:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Adds `line` to the notes printed on stderr (one a line).
fn add_note(note: &mut Option<String>, line: String) {
    match note {
        Some(n) => {
            n.push('\n');
            n.push_str(&line);
        }
        None => *note = Some(line),
    }
}

/// The scenario an experiment link gives: the scenario it opens in the app's editor (its
/// top-level scenario, the editor's when the link was shared; not necessarily the base of
/// "Compare fairly", which is variant 1), or with `--variant N` its N-th variant, run with the
/// first variant's seed (as the app's "Compare fairly" runs every variant). Without
/// --variant, also the note that names the variants.
fn from_experiment(
    x: &aliansi_wire::Experiment,
    variant: Option<u64>,
) -> Res<(Scenario, Option<String>)> {
    let names: Vec<&str> = x.variants.iter().map(|(n, _)| n.as_str()).collect();
    let count = match names.len() {
        0 => "no variants".to_string(),
        1 => format!("1 variant ({})", quoted_names(&names)),
        k => format!("{k} variants ({})", quoted_names(&names)),
    };
    let Some(k) = variant else {
        let hint = if names.is_empty() {
            String::new()
        } else {
            ", which need not be the comparison's base: add --variant 1 for the base, \
             --variant N for the N-th variant"
                .to_string()
        };
        let note = format!(
            "note: experiment link with {count}; using the scenario it opens in the app's editor{hint}"
        );
        return Ok((x.scenario.clone(), Some(note)));
    };
    if names.is_empty() {
        return Err(usage(format!(
            "--variant {k}: the experiment link has no variants (leave out --variant for the scenario it opens in the editor)"
        )));
    }
    let seed = x.variants[0].1.seed;
    let Some((_, mut s)) = usize::try_from(k - 1)
        .ok()
        .and_then(|i| x.variants.get(i).cloned())
    else {
        return Err(usage(format!(
            "--variant {k}: the experiment link has {count}; give --variant 1 to --variant {}",
            names.len()
        )));
    };
    s.seed = seed;
    Ok((s, None))
}

/// JSON text as read from a file or standard input, without a leading UTF-8 byte-order mark:
/// Windows Notepad writes one, and JSON's RFC 8259 lets a reader ignore it, which serde_json
/// does not ("not valid JSON at line 1 column 1").
fn without_bom(text: String) -> String {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    }
}

/// For a file that is not UTF-8: what to do if it is UTF-16 (Windows Notepad's "Unicode", which
/// starts with a byte-order mark FF FE or FE FF), else nothing.
fn utf16_hint(path: &str) -> &'static str {
    let mut head = [0u8; 2];
    let utf16 = std::fs::File::open(path)
        .and_then(|mut f| io::Read::read_exact(&mut f, &mut head))
        .is_ok_and(|()| head == [0xFF, 0xFE] || head == [0xFE, 0xFF]);
    if utf16 {
        " (the file is UTF-16, Windows Notepad's \"Unicode\": save it again with the encoding UTF-8)"
    } else {
        ""
    }
}

/// A scenario's optional title, as a version-1 file holds it.
#[derive(Default)]
struct Title {
    name: Option<String>,
    description: Option<String>,
}

/// A version-1 scenario (a file, or a scenario after `--set`) as the core's scenario and its
/// title beside it.
fn with_title(v: aliansi_wire::ScenarioV1) -> Result<(Scenario, Title), aliansi_wire::WireError> {
    Ok((aliansi_wire::to_core(&v)?, Title::of(&v)))
}

impl Title {
    /// The title of a scenario file; a blank name or description is none (`--set name=`
    /// removes one).
    fn of(v: &aliansi_wire::ScenarioV1) -> Title {
        let text = |t: &Option<String>| t.clone().filter(|t| !t.trim().is_empty());
        Title {
            name: text(&v.name),
            description: text(&v.description),
        }
    }

    /// Adds the title to the JSON value of a scenario (`aliansi_wire::to_value` writes none),
    /// so that `--set` edits it like any field.
    fn add_to(&self, value: &mut Value) {
        if let Value::Object(m) = value {
            for (k, t) in [("name", &self.name), ("description", &self.description)] {
                if let Some(t) = t {
                    m.insert(k.to_string(), json!(t));
                }
            }
        }
    }
}

fn load(a: &Args) -> Res<Loaded> {
    let given = [a.preset.is_some(), a.scenario.is_some(), a.link.is_some()]
        .iter()
        .filter(|x| **x)
        .count();
    if given > 1 {
        return Err(usage("give at most one of --preset, --scenario and --link"));
    }
    if a.variant.is_some() && a.link.is_none() {
        return Err(usage(
            "--variant N applies to an experiment link: --link e1.<...> --variant N",
        ));
    }
    let mut note = None;
    let mut link_runs = None;
    let mut choices = Vec::new();
    let base = if let Some(path) = &a.scenario {
        // `--scenario -`: standard input.
        let (text, name) = if path == "-" {
            // Typed at a terminal rather than piped: say what it waits for.
            if io::stdin().is_terminal() {
                let _ = writeln!(
                    io::stderr(),
                    "reading the scenario's JSON from the keyboard (--scenario -); end it with Ctrl-D, or pipe a file in"
                );
            }
            let text = io::read_to_string(io::stdin())
                .map(without_bom)
                .map_err(|e| usage(format!("cannot read the scenario from standard input: {e}")))?;
            (text, "standard input")
        } else {
            let text = std::fs::read_to_string(path)
                .map(without_bom)
                .map_err(|e| {
                    usage(format!(
                        "cannot read scenario file {path}: {e}{}",
                        utf16_hint(path)
                    ))
                })?;
            (text, path.as_str())
        };
        let file = aliansi_wire::parse_v1(&text).and_then(with_title);
        file.map_err(|e| {
            // The page's "Export all saved scenarios" writes a list, not one scenario.
            let list = serde_json::from_str::<Value>(&text).is_ok_and(|v| aliansi_wire::is_saved_list(&v));
            usage(if list {
                format!(
                    "{name} holds saved scenarios (the page's \"Export all saved scenarios\"), not one \
                     scenario: import it in the page, load one and export it with \"Export as JSON file\""
                )
            } else {
                format!("{name}: {e}")
            })
        })?
    } else if let Some(link) = &a.link {
        let decoded = aliansi_wire::decode_shared(link).map_err(|e| usage(e.to_string()))?;
        if let Some(model) = aliansi_wire::link_from_other_model(link) {
            add_note(
                &mut note,
                format!(
                    "note: this link was made with model {model}; this is model {}: the scenario is the same, but its runs may differ from the ones its sender saw",
                    aliansi_sim::MODEL_VERSION
                ),
            );
        }
        match decoded {
            aliansi_wire::Shared::Scenario {
                scenario,
                name,
                choices: chosen,
            } => {
                if let Some(k) = a.variant {
                    return Err(usage(format!(
                        "--variant {k}: the link is a scenario link (s1. to s4.), which has no variants; --variant needs an experiment link (e1.)"
                    )));
                }
                choices = chosen;
                let title = Title {
                    name,
                    description: None,
                };
                (scenario, title)
            }
            // An experiment's name names the experiment, and its variants' names the variants:
            // neither is the title of the one scenario taken from it.
            aliansi_wire::Shared::Experiment(x) => {
                let (s, n) = from_experiment(&x, a.variant)?;
                if let Some(n) = n {
                    add_note(&mut note, n);
                }
                link_runs = Some(x.runs);
                (s, Title::default())
            }
        }
    } else {
        let id = a.preset.as_deref().unwrap_or("default");
        let preset = presets::find(id).ok_or_else(|| {
            let ids: Vec<&str> = presets::all().iter().map(|p| p.id).collect();
            usage(format!(
                "unknown preset \"{id}\" (available: {})",
                ids.join(", ")
            ))
        })?;
        (preset, Title::default())
    };
    let (base, mut title) = base;
    let mut value = aliansi_wire::to_value(&base);
    title.add_to(&mut value);
    let mut scenario = base;
    if !a.sets.is_empty() {
        for s in &a.sets {
            set::apply(&mut value, s).map_err(|e| usage(format!("--set {s}: {e}")))?;
        }
        let v1 = aliansi_wire::parse_value_v1(&value).and_then(with_title);
        (scenario, title) = v1.map_err(|e| usage(set_error(&a.sets, &e)))?;
    }
    let link_seed = scenario.seed;
    if let Some(seed) = a.seed {
        scenario.seed = seed;
    }
    // A class's choices belong to the run of the link's scenario and seed: the dispute ids
    // they name are another run's after --set or another seed.
    if !choices.is_empty() && (!a.sets.is_empty() || scenario.seed != link_seed) {
        add_note(
            &mut note,
            format!(
                "note: the link's {} choices of the class are not applied: --set or --seed makes another run than the one they were made in",
                choices.len()
            ),
        );
        choices.clear();
    }
    if let Some(n) = fixed_shares_note(&scenario) {
        add_note(&mut note, n);
    }
    Ok(Loaded {
        scenario,
        title,
        note,
        link_runs,
        choices,
    })
}

/// Fixed shares that do not add up to 1 are taken as proportions of what is paid out (the
/// model divides by their sum), which a file's writer may not expect (a researcher's audit:
/// 0.5, 0.3, 0.2, 0.2 ran without a word): said, with the shares they make.
fn fixed_shares_note(s: &Scenario) -> Option<String> {
    let aliansi_sim::Sharing::Fixed(shares) = &s.governance.sharing else {
        return None;
    };
    let sum: f64 = shares.iter().sum();
    if (sum - 1.0).abs() <= 1e-9 || sum <= 0.0 {
        return None;
    }
    let short = |x: f64, digits: usize| {
        let t = format!("{x:.digits$}");
        t.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    let made: Vec<String> = shares
        .iter()
        .map(|x| format!("{} %", short(x / sum * 100.0, 1)))
        .collect();
    Some(format!(
        "note: the fixed shares add up to {}, not 1: they are taken as proportions of what is \
         paid out ({})",
        short(sum, 3),
        made.join(", ")
    ))
}

/// Why the scenario is refused after the --set assignments. When the field at fault is one
/// a --set changed, its path once and the value as typed (`--set horizon_months: expected a
/// whole number, got 1e2`, not the number as parsed, `100.0`).
fn set_error(sets: &[String], e: &aliansi_wire::WireError) -> String {
    use aliansi_wire::WireError;
    let text = e.to_string();
    let field = match e {
        WireError::Invalid { field, .. } => field,
        WireError::Schema { path, .. } => path,
        _ => return format!("after --set: {text}"),
    };
    // The last --set whose path is the field's (`*` matches any index) or leads to it.
    let segs: Vec<&str> = field.split('.').collect();
    let matching = sets.iter().rev().find_map(|s| {
        let (path, raw) = s.split_once('=')?;
        let p: Vec<&str> = path.trim().split('.').collect();
        let leads = p.len() <= segs.len()
            && p.iter()
                .zip(&segs)
                .all(|(a, b)| a == b || (*a == "*" && b.parse::<usize>().is_ok()));
        leads.then_some((p.len() == segs.len(), raw.trim()))
    });
    let Some((exact, raw)) = matching else {
        return format!("after --set: {text}");
    };
    // The number the message quotes, when it is the one typed, is told as typed.
    let same =
        |got: &str| matches!((got.parse::<f64>(), raw.parse::<f64>()), (Ok(x), Ok(y)) if x == y);
    match text.rfind(", got ") {
        Some(i) if exact && same(&text[i + 6..]) => format!("--set {}, got {raw}", &text[..i]),
        _ => format!("--set {text}"),
    }
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
        // In Indonesian, the app's title and description of the preset (its library's).
        let about = match a.lang.unwrap_or_default() {
            Lang::En => p.description.to_string(),
            Lang::Id => format!(
                "{}. {}",
                t(Lang::Id, &format!("library.preset.{}.title", p.id)),
                t(Lang::Id, &format!("library.preset.{}.desc", p.id))
            ),
        };
        writeln!(out, "{:<w$}  {about}", p.id)?;
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

/// The run of `s` with its event log, applying the class's `choices` (dispute id, step tried
/// first) as each of those disputes opens, as the app's decision mode did.
fn run_with_choices(
    s: &Scenario,
    choices: &[(u32, aliansi_sim::Resolution)],
) -> Result<aliansi_sim::RunResult, aliansi_sim::ScenarioError> {
    let mut w = aliansi_sim::World::new(s, s.seed, true)?;
    loop {
        let ended = w.step().is_some();
        // After every month, the last one too (as the app applies them).
        w.apply_choices(choices);
        if ended {
            return Ok(w.finish());
        }
    }
}

fn cmd_run(
    a: &Args,
    s: &Scenario,
    choices: &[(u32, aliansi_sim::Resolution)],
    out: &mut impl Write,
) -> Res<()> {
    let r = run_with_choices(s, choices).map_err(|e| usage(e.to_string()))?;
    let lang = a.lang.unwrap_or_default();
    // The app's narrator, in the chosen language. It sees every event, in order (it follows
    // each dispute from its opening); the story leaves out the noisy ones unless --all-events,
    // which the narrator only observes, as the page's log does with events it does not show.
    let mut narrator = Narrator::new(lang, s);
    if a.json {
        let events: Vec<Value> = r
            .events
            .iter()
            .map(|e| {
                let t = if told(e, a.all_events) {
                    Some(narrator.sentence(e))
                } else {
                    narrator.observe(e);
                    None
                };
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
            "model_version": aliansi_sim::MODEL_VERSION,
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
            "choices": choices
                .iter()
                .map(|(id, step)| json!({ "dispute": id, "step": step.key() }))
                .collect::<Vec<_>>(),
            "events": events,
            "series": series,
        });
        return write_json(out, &v);
    }
    let num = |v: f64, digits: usize| num(lang, v, digits);
    let seed = s.seed.to_string();
    match r.outcome {
        Outcome::Survived => writeln!(
            out,
            "{}",
            tf(
                lang,
                "run.survived",
                &[
                    ("months", &narrate::months(lang, r.months)),
                    ("seed", &seed)
                ]
            )
        )?,
        Outcome::Dissolved { month, cause } => writeln!(
            out,
            "{}",
            tf(
                lang,
                "run.dissolved",
                &[
                    ("month", &month.to_string()),
                    ("horizon", &s.horizon_months.to_string()),
                    ("cause", narrate::cause_words(lang, cause)),
                    ("seed", &seed),
                ]
            )
        )?,
    }
    if !choices.is_empty() {
        let n = choices.len().to_string();
        writeln!(out, "{}", tf(lang, "run.choices", &[("n", &n)]))?;
    }
    // The core's final trust counts the partners of the last month, a partner that left in
    // it included, so it can differ from the last month's `mean_trust` (partners still in).
    writeln!(
        out,
        "{}",
        tf(
            lang,
            "run.value",
            &[
                ("value", &num(r.value_total, 1)),
                ("distributed", &num(r.distributed_total, 1)),
                ("fines", &num(r.fines_total, 1)),
                ("trust", &num(r.final_mean_trust, 2)),
            ]
        )
    )?;
    let names = narrate::partner_names(s);
    let payoffs: Vec<String> = names
        .iter()
        .zip(&r.payoff_total)
        .map(|(name, v)| format!("{name} {}", num(*v, 1)))
        .collect();
    // A leaver's exit penalty is taken off its payoff and shared among the partners who stay
    // (crates/sim/src/exit.rs), so the payoffs are net of them: say so, and who paid what.
    let penalties: Vec<String> = r
        .events
        .iter()
        .filter_map(|e| match e.kind {
            aliansi_sim::EventKind::PartnerLeft {
                partner,
                penalty_paid,
                ..
            } if penalty_paid > 0.0 => {
                let name = names.get(partner).map_or("?", String::as_str);
                Some(tf(
                    lang,
                    "run.penalty",
                    &[
                        ("who", name),
                        ("paid", &num(penalty_paid, 1)),
                        ("month", &e.month.to_string()),
                    ],
                ))
            }
            _ => None,
        })
        .collect();
    let list = payoffs.join(list_sep(lang));
    if penalties.is_empty() {
        writeln!(out, "{}", tf(lang, "run.payoffs", &[("list", &list)]))?;
    } else {
        writeln!(out, "{}", tf(lang, "run.payoffs_net", &[("list", &list)]))?;
        let list = penalties.join(list_sep(lang));
        writeln!(out, "{}", tf(lang, "run.penalties", &[("list", &list)]))?;
    }
    // Why it ended as it did, as the page's "How it ended, and why" tells it: the regulator's
    // ending, and each partner that left with what led to it.
    let story = narrate::run_story(lang, s, &r);
    let why = story
        .regulator
        .iter()
        .map(|x| ("watch.summary.regulator", vec![(&x.headline, &x.details)]))
        .chain((!story.exits.is_empty()).then(|| {
            let exits = story.exits.iter().map(|x| (&x.headline, &x.details));
            ("watch.summary.exits", exits.collect())
        }));
    for (heading, items) in why {
        writeln!(out, "\n{}:", t(lang, heading))?;
        for (headline, details) in items {
            writeln!(out, "  {headline}")?;
            for d in details {
                writeln!(out, "    - {d}")?;
            }
        }
    }
    writeln!(out)?;
    for e in &r.events {
        if told(e, a.all_events) {
            writeln!(out, "{}", narrator.line(e))?;
        } else {
            narrator.observe(e);
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

/// The runs of a batch, or of each sweep point: --runs, else an experiment link's (then
/// `true`), else [`DEFAULT_RUNS`].
fn runs_of(a: &Args, link_runs: Option<u64>) -> (u64, bool) {
    match (a.runs, link_runs) {
        (Some(n), _) => (n, false),
        (None, Some(n)) => (n, true),
        (None, None) => (DEFAULT_RUNS, false),
    }
}

/// Failure to write the file `path`.
fn cannot_write(path: &str, e: io::Error) -> Failure {
    let parent = std::path::Path::new(path).parent();
    let hint = match parent {
        Some(d)
            if e.kind() == io::ErrorKind::NotFound && !d.as_os_str().is_empty() && !d.is_dir() =>
        {
            format!(" (there is no folder {}: create it first)", d.display())
        }
        _ => String::new(),
    };
    Failure::Write(format!("cannot write {path}: {e}{hint}"))
}

/// Refuses `--chunk I/N` with more parts than runs (`each`: " a point" for a sweep's runs).
fn check_chunk_count((i, n): (u64, u64), runs: u64, from_link: bool, each: &str) -> Res<()> {
    if n <= runs {
        return Ok(());
    }
    let whose = if from_link {
        ", as the experiment link asks"
    } else {
        ""
    };
    Err(usage(format!(
        "--chunk {i}/{n}: more parts than runs ({runs}{each}{whose}); split into at most {runs} parts"
    )))
}

/// Where a part is written: a file of its own beside the `--out` file, named after it and this
/// process (`part-7.json.4242.incomplete`, which `part-*.json` does not match), renamed to it
/// once whole; or, when `--out` names something other than a file (`/dev/null`, a named pipe),
/// that itself, written straight into.
struct PartFile {
    file: std::fs::File,
    /// The file written, and the file it becomes; `None` when written straight into `--out`.
    temp: Option<(String, std::path::PathBuf)>,
}

/// The file a symbolic link at `path` leads to (through links to links), or `path` itself:
/// the part replaces that file, and the link stays a link (renamed over, the link itself was
/// replaced by a file, and the file it named was left as it was: an audit).
fn followed(path: &std::path::Path) -> std::path::PathBuf {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::read_link(&p) {
            Ok(to) => {
                p = match p.parent() {
                    Some(dir) if to.is_relative() => dir.join(to),
                    _ => to,
                }
            }
            Err(_) => break,
        }
    }
    p
}

/// Opens the file a part is written into (`-`: standard output, `None`) before the work, so
/// that a place that cannot be written fails now, not after the runs. The part goes into a
/// file of its own beside `path`, renamed to `path` once written whole: a part already at
/// `path` (a task run again after it was preempted, or a mistyped index) stays as it was
/// until then, and if the work is interrupted (Slurm's SIGTERM, Ctrl-C) only the incomplete
/// file is left. A symbolic link is followed (the file it names gets the part); a device or a
/// named pipe (`/dev/null`) is written into directly, never replaced by a file.
fn open_part(path: &str) -> Res<Option<PartFile>> {
    if path == "-" {
        return Ok(None);
    }
    let target = followed(std::path::Path::new(path));
    if let Ok(meta) = std::fs::metadata(&target) {
        if !meta.is_file() && !meta.is_dir() {
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(&target)
                .map_err(|e| cannot_write(path, e))?;
            return Ok(Some(PartFile { file, temp: None }));
        }
    }
    // `path` itself must take the part: opened for writing as it is (nothing truncated), or
    // made and removed again when it is not there yet (a folder, say, is refused here).
    if target.exists() {
        std::fs::OpenOptions::new()
            .write(true)
            .open(&target)
            .map_err(|e| cannot_write(path, e))?;
    } else {
        std::fs::File::create(&target).map_err(|e| cannot_write(path, e))?;
        let _ = std::fs::remove_file(&target);
    }
    let temp = format!("{}.{}.incomplete", target.display(), std::process::id());
    let file = std::fs::File::create(&temp).map_err(|e| cannot_write(path, e))?;
    Ok(Some(PartFile {
        file,
        temp: Some((temp, target)),
    }))
}

/// Writes a part, one line of JSON, to its file (synced, then renamed to `path`), or to `out`
/// when it has none; returns whether it went to a file.
fn write_part(file: Option<PartFile>, path: &str, v: &Value, out: &mut impl Write) -> Res<bool> {
    let text = serde_json::to_string(v).map_err(|e| usage(e.to_string()))? + "\n";
    let Some(PartFile { mut file, temp }) = file else {
        out.write_all(text.as_bytes())?;
        return Ok(false);
    };
    let Some((temp, target)) = temp else {
        file.write_all(text.as_bytes())
            .and_then(|()| file.flush())
            .map_err(|e| cannot_write(path, e))?;
        return Ok(true);
    };
    let written = file
        .write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .and_then(|()| std::fs::rename(&temp, &target));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(cannot_write(path, e));
    }
    Ok(true)
}

fn cmd_batch(a: &Args, l: &Loaded, out: &mut impl Write) -> Res<()> {
    let s = &l.scenario;
    let (runs, from_link) = runs_of(a, l.link_runs);
    let progress = runs >= 2000;
    let lang = a.lang.unwrap_or_default();
    if let (Some((i, n)), Some(path)) = (a.chunk, &a.out) {
        check_chunk_count((i, n), runs, from_link, "")?;
        s.validate().map_err(|e| usage(e.to_string()))?;
        if let Some(n) = &l.note {
            let _ = writeln!(io::stderr(), "{n}");
        }
        let file = open_part(path)?;
        let range = aliansi_sim::batch::chunk(runs, n, i - 1);
        let progress = progress && range.end - range.start >= 2000;
        let (tally, _, _) = batch::run_range(
            s,
            s.seed,
            range.clone(),
            threads(a),
            progress.then_some(("", lang)),
        )
        .map_err(usage)?;
        let part = aliansi_wire::PartialBatch {
            tally,
            scenario: aliansi_wire::encode_link_named(s, l.title.name.as_deref()),
            seed: s.seed,
            runs_total: runs,
            range: (range.start, range.end),
            part: Some((i, n)),
            cli_version: Some(VERSION.to_string()),
            model_version: Some(aliansi_sim::MODEL_VERSION.to_string()),
        };
        if !write_part(file, path, &aliansi_wire::partial_to_value(&part), out)? {
            return Ok(());
        }
        // A note, as the others: on stderr (stdout is for results).
        let link = if from_link {
            words::w(lang, "note.link_runs")
        } else {
            ""
        };
        writeln!(
            io::stderr(),
            "{}",
            words::tf(
                lang,
                "note.wrote_batch",
                &[
                    ("from", &range.start.to_string()),
                    ("to", &range.end.to_string()),
                    ("link", link),
                    ("runs", &runs.to_string()),
                    ("i", &i.to_string()),
                    ("n", &n.to_string()),
                    ("path", path),
                ]
            )
        )?;
        return Ok(());
    }
    if let Some(n) = &l.note {
        let _ = writeln!(io::stderr(), "{n}");
    }
    let b =
        batch::run(s, s.seed, runs, threads(a), progress.then_some(("", lang))).map_err(usage)?;
    print_summary(a, (s, l.title.name.as_deref()), &b, from_link, out)
}

/// "1, 4 and 5".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Where two scenarios' JSON first differ: the field path and both values (a list of another
/// length is told by its length).
fn first_difference(a: &Value, b: &Value, path: &str) -> Option<(String, String, String)> {
    let at = |key: &str| {
        if path.is_empty() {
            key.to_string()
        } else {
            format!("{path}.{key}")
        }
    };
    let found = match (a, b) {
        (Value::Object(x), Value::Object(y)) => x.iter().find_map(|(k, v)| match y.get(k) {
            Some(w) => first_difference(v, w, &at(k)),
            None => Some((at(k), v.to_string(), "nothing".to_string())),
        }),
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (v, w))| first_difference(v, w, &at(&i.to_string()))),
        (Value::Array(x), Value::Array(y)) => Some((
            path.to_string(),
            format!("a list of {}", x.len()),
            format!("a list of {}", y.len()),
        )),
        _ => None,
    };
    found.or_else(|| (a != b).then(|| (path.to_string(), a.to_string(), b.to_string())))
}

/// Checks that partial batches make one whole batch: each part of the split once (by its
/// number, when every file says which part it is), and every run once (by the ranges). The
/// messages call the whole `what` ("batch", or "sweep" for the points of partial sweeps).
fn check_parts(files: &[String], parts: &[aliansi_wire::PartialBatch], what: &str) -> Res<()> {
    let first = &parts[0];
    let total = first.runs_total;
    for (f, p) in files.iter().zip(parts) {
        let mut differ = Vec::new();
        let mut values = Vec::new();
        // The scenario apart from its seed (which its link holds too).
        let unseeded = |link: &str| {
            aliansi_wire::decode_link(link).ok().map(|mut s| {
                s.seed = 0;
                s
            })
        };
        if p.scenario != first.scenario {
            if let (Some(a), Some(b)) = (unseeded(&p.scenario), unseeded(&first.scenario)) {
                if a != b {
                    differ.push("scenario".to_string());
                    let (a, b) = (aliansi_wire::to_value(&a), aliansi_wire::to_value(&b));
                    if let Some((path, x, y)) = first_difference(&a, &b, "") {
                        values.push(format!("{path}: {x} against {y}"));
                    }
                }
            } else {
                differ.push("scenario".to_string());
            }
        }
        if p.seed != first.seed {
            differ.push("seed".to_string());
            values.push(format!("seed {} against {}", p.seed, first.seed));
        }
        if p.runs_total != total {
            differ.push("run count".to_string());
            values.push(format!("{} runs against {total}", p.runs_total));
        }
        if !differ.is_empty() {
            let verb = if differ.len() == 1 {
                "differs"
            } else {
                "differ"
            };
            let values = if values.is_empty() {
                String::new()
            } else {
                format!(" ({})", values.join(", "))
            };
            return Err(usage(format!(
                "{f} belongs to another {what}: its {} {verb} from {}'s{values}",
                and_list(&differ),
                files[0]
            )));
        }
        let (start, end) = p.range;
        if end > total {
            return Err(usage(format!(
                "{f} holds runs {start}..{end}, past the end of the {what} ({total} runs)"
            )));
        }
    }
    // By number: parts written by this build (and earlier ones) say "chunk": "I/N".
    // (file, (I, N), range)
    type Numbered<'f> = (&'f String, (u64, u64), (u64, u64));
    let numbered: Vec<Numbered> = files
        .iter()
        .zip(parts)
        .filter_map(|(f, p)| p.part.map(|ip| (f, ip, p.range)))
        .collect();
    if numbered.len() == parts.len() {
        let n = numbered[0].1 .1;
        if let Some((f, (_, m), _)) = numbered.iter().find(|(_, (_, m), _)| *m != n) {
            return Err(usage(format!(
                "{f} is a part of {m} but {} is a part of {n}: merge the parts of one split",
                files[0]
            )));
        }
        let mut seen: std::collections::BTreeMap<u64, &String> = Default::default();
        for (f, (i, _), _) in &numbered {
            if let Some(before) = seen.insert(*i, f) {
                return Err(usage(format!(
                    "part {i}/{n} is given twice ({before} and {f}): give each part once"
                )));
            }
        }
        for (f, (i, _), range) in &numbered {
            let want = aliansi_sim::batch::chunk(total, n, i - 1);
            if *range != (want.start, want.end) {
                return Err(usage(format!(
                    "{f} says it is part {i}/{n}, which holds runs {}..{} of {total}, but it holds runs {}..{}",
                    want.start, want.end, range.0, range.1
                )));
            }
        }
        if (seen.len() as u64) < n {
            let missing: Vec<String> = (1..=n)
                .filter(|i| !seen.contains_key(i))
                .take(20)
                .map(|i| i.to_string())
                .collect();
            let count = n - seen.len() as u64;
            let more = if count > missing.len() as u64 {
                format!(" (and {} more)", count - missing.len() as u64)
            } else {
                String::new()
            };
            let (word, verb) = if count == 1 {
                ("part", "is")
            } else {
                ("parts", "are")
            };
            return Err(usage(format!(
                "{word} {}{more} of {n} {verb} missing: merge every part of the {what}",
                and_list(&missing)
            )));
        }
    }
    // By range: every run exactly once.
    let mut ranges: Vec<(u64, u64, &String)> = files
        .iter()
        .zip(parts)
        .map(|(f, p)| (p.range.0, p.range.1, f))
        .collect();
    ranges.sort();
    let mut next = 0;
    let mut last: Option<&String> = None;
    for (start, end, f) in &ranges {
        if *start < next {
            let other = last.map(|l| format!(" and {l}")).unwrap_or_default();
            return Err(usage(format!(
                "parts overlap at run {start} ({f}{other}): give each part once"
            )));
        }
        if *start > next {
            return Err(usage(format!(
                "runs {next}..{start} are missing: merge every part of the {what}"
            )));
        }
        next = *end;
        last = Some(f);
    }
    if next < total {
        return Err(usage(format!(
            "runs {next}..{total} are missing: merge every part of the {what}"
        )));
    }
    Ok(())
}

/// The files grouped by a field of their parts, in the order each value first appears.
fn grouped<'a, P>(
    files: &[String],
    parts: &'a [P],
    field: impl Fn(&'a P) -> Option<&'a str>,
) -> Vec<(Option<&'a str>, Vec<String>)> {
    let mut groups: Vec<(Option<&str>, Vec<String>)> = Vec::new();
    for (f, p) in files.iter().zip(parts) {
        let v = field(p);
        match groups.iter_mut().find(|(w, _)| *w == v) {
            Some((_, files)) => files.push(f.clone()),
            None => groups.push((v, vec![f.clone()])),
        }
    }
    groups
}

/// Groups from [`grouped`] in words: "LABEL: FILES; LABEL: FILES", each value named by `named`,
/// a missing one by `none`.
fn groups_listed(
    groups: &[(Option<&str>, Vec<String>)],
    none: &str,
    named: impl Fn(&str) -> String,
) -> String {
    groups
        .iter()
        .map(|(v, files)| {
            // Fifty parts on one line would hide the point: the first few, then how many more.
            let shown = if files.len() > 6 {
                format!("{} and {} more", files[..5].join(", "), files.len() - 5)
            } else {
                and_list(files)
            };
            format!("{}: {shown}", v.map_or(none.to_string(), &named))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Reads the part files of a merge as JSON, with the name each part goes by in messages: its
/// file's, or for `-` standard input's, which may hold several parts one after another
/// (`aliansi batch … --chunk 1/1 --out - | aliansi merge -`, `cat part-*.json | aliansi merge -`):
/// "standard input (part 2)".
fn read_parts(files: &[String]) -> Res<(Vec<String>, Vec<Value>)> {
    if files.is_empty() {
        return Err(usage(
            "merge needs the partial files: aliansi merge part-1.json part-2.json ... (or - for \
             parts on standard input)",
        ));
    }
    if files.iter().filter(|f| *f == "-").count() > 1 {
        return Err(usage("standard input (-) can be read once"));
    }
    let mut names = Vec::with_capacity(files.len());
    let mut values = Vec::with_capacity(files.len());
    for f in files {
        if f == "-" {
            let text = io::read_to_string(io::stdin())
                .map(without_bom)
                .map_err(|e| usage(format!("cannot read standard input: {e}")))?;
            let before = values.len();
            for (k, v) in serde_json::Deserializer::from_str(&text)
                .into_iter::<Value>()
                .enumerate()
            {
                let name = format!("standard input (part {})", k + 1);
                values.push(v.map_err(|e| usage(format!("{name}: not JSON ({e})")))?);
                names.push(name);
            }
            if values.len() == before {
                return Err(usage(
                    "standard input holds no part (is the command before the | writing one, \
                     with --out -?)",
                ));
            }
            continue;
        }
        let text = std::fs::read_to_string(f).map(without_bom).map_err(|e| {
            // A shell leaves a pattern that matches nothing as it is.
            let hint = if f.contains(['*', '?']) {
                " (no file matches this pattern: are the parts in this folder?)"
            } else {
                ""
            };
            usage(format!("cannot read {f}: {e}{hint}"))
        })?;
        if text.trim().is_empty() {
            return Err(usage(format!(
                "{f} is empty: its --chunk has not finished (this version writes a part whole or \
                 not at all; an older one left its --out file empty until the runs were done): \
                 it may still be running; if it was stopped, run that part again"
            )));
        }
        values
            .push(serde_json::from_str(&text).map_err(|e| usage(format!("{f}: not JSON ({e})")))?);
        names.push(f.clone());
    }
    Ok((names, values))
}

/// Refuses parts of different models, which count different runs; returns the one model they
/// record (`None`: none, for parts written before models had versions, 2026-11-30, so by an
/// earlier model than any that is named).
fn one_model<'p, P>(
    files: &[String],
    parts: &'p [P],
    model: impl Fn(&'p P) -> Option<&'p str>,
) -> Res<Option<&'p str>> {
    let models = grouped(files, parts, model);
    if models.len() > 1 {
        return Err(usage(format!(
            "the parts count the runs of different versions of the model ({}): the same seeds \
             give other runs in each, so together they are no batch one machine would run; run \
             every part with one model version",
            groups_listed(
                &models,
                "no model version recorded (a build before 2026-11-30)",
                |v| format!("model {v}")
            )
        )));
    }
    Ok(models[0].0)
}

/// The merged tally of partial batches already checked by [`check_parts`].
fn merged_batch(
    files: &[String],
    parts: &[aliansi_wire::PartialBatch],
    model_version: Option<&str>,
    horizon_months: u32,
) -> Res<batch::BatchRun> {
    let mut total = aliansi_sim::BatchTally::new(horizon_months);
    for (f, p) in files.iter().zip(parts) {
        total
            .merge(&p.tally)
            .map_err(|e| usage(format!("{f}: {e}")))?;
    }
    Ok(batch::BatchRun {
        summary: total.summary(),
        origin: batch::Origin::Merged { parts: parts.len() },
        model_version: model_version.map(str::to_string),
    })
}

/// Combines partial batches into the summary one batch would have given, or partial sweeps
/// into the sweep one machine would have run.
fn cmd_merge(a: &Args, out: &mut impl Write) -> Res<()> {
    let (files, values) = read_parts(&a.files)?;
    let sweeps: Vec<bool> = values.iter().map(aliansi_wire::is_partial_sweep).collect();
    if let (Some(s), Some(b)) = (
        sweeps.iter().position(|&x| x),
        sweeps.iter().position(|&x| !x),
    ) {
        return Err(usage(format!(
            "{} is a part of a sweep but {} is not: merge the parts of one sweep, or of one batch",
            files[s], files[b]
        )));
    }
    if sweeps[0] {
        return merge_sweeps(a, &files, &values, out);
    }
    let mut parts = Vec::with_capacity(values.len());
    for (f, v) in files.iter().zip(&values) {
        parts.push(aliansi_wire::partial_from_value(v).map_err(|e| usage(format!("{f}: {e}")))?);
    }
    check_parts(&files, &parts, "batch")?;
    let model = one_model(&files, &parts, |p| p.model_version.as_deref())?;
    // Parts of builds that recorded no model, written by different versions: told, not
    // refused (the model may not have changed between them).
    let versions = grouped(&files, &parts, |p| p.cli_version.as_deref());
    if model.is_none() && versions.len() > 1 {
        let _ = writeln!(
            io::stderr(),
            "warning: the parts were written by different versions ({}); merged, but their \
             runs agree only if the model did not change between those versions",
            groups_listed(&versions, "no version recorded (an older build)", |v| {
                format!("aliansi {v}")
            })
        );
    }
    let first = &parts[0];
    let (mut s, name) = match aliansi_wire::decode_shared(&first.scenario) {
        Ok(aliansi_wire::Shared::Scenario { scenario, name, .. }) => (scenario, name),
        Ok(_) => {
            return Err(usage(format!(
                "{}: scenario: not a scenario link",
                files[0]
            )))
        }
        Err(e) => return Err(usage(format!("{}: scenario: {e}", files[0]))),
    };
    let b = merged_batch(&files, &parts, model, s.horizon_months)?;
    s.seed = first.seed;
    print_summary(a, (&s, name.as_deref()), &b, false, out)
}

/// `merge` of partial sweeps (`sweep --chunk`): the parts must be of one sweep (the same
/// fields and values; each point checked as the parts of a batch are), and of one model.
fn merge_sweeps(a: &Args, files: &[String], values: &[Value], out: &mut impl Write) -> Res<()> {
    let mut parts = Vec::with_capacity(values.len());
    for (f, v) in files.iter().zip(values) {
        parts.push(
            aliansi_wire::partial_sweep_from_value(v).map_err(|e| usage(format!("{f}: {e}")))?,
        );
    }
    let first = &parts[0];
    let listed = |l: &[String]| l.join(",");
    for (f, p) in files.iter().zip(&parts) {
        // What differs, and how: ("values differ", "0.1,0.5 against 0.1,0.9").
        let mut differ: Vec<(&str, String)> = Vec::new();
        let against = |x: String, y: String| format!("{x} against {y}");
        if p.param != first.param {
            differ.push((
                "field differs",
                against(p.param.clone(), first.param.clone()),
            ));
        } else if p.values != first.values {
            differ.push((
                "values differ",
                against(listed(&p.values), listed(&first.values)),
            ));
        }
        let name = |s: &Option<(String, Vec<String>)>| {
            s.as_ref().map_or("none".to_string(), |(p2, _)| p2.clone())
        };
        match (&p.second, &first.second) {
            (Some((p2, v2)), Some((q2, w2))) if p2 == q2 => {
                if v2 != w2 {
                    differ.push((
                        "second field's values differ",
                        against(listed(v2), listed(w2)),
                    ));
                }
            }
            (None, None) => {}
            (x, y) => differ.push(("second field differs", against(name(x), name(y)))),
        }
        if !differ.is_empty() {
            let (what, how): (Vec<&str>, Vec<String>) = differ.into_iter().unzip();
            return Err(usage(format!(
                "{f} belongs to another sweep: its {} from {}'s ({})",
                what.join(" and its "),
                files[0],
                how.join("; ")
            )));
        }
    }
    let model = one_model(files, &parts, |p| p.model_version.as_deref())?;
    let width = first.values.len();
    let mut rows = Vec::with_capacity(first.points.len());
    for k in 0..first.points.len() {
        let points: Vec<aliansi_wire::PartialBatch> =
            parts.iter().map(|p| p.points[k].clone()).collect();
        check_parts(files, &points, "sweep")?;
        let s = aliansi_wire::decode_link(&points[0].scenario)
            .map_err(|e| usage(format!("{}: scenario: {e}", files[0])))?;
        let b = merged_batch(files, &points, model, s.horizon_months)?;
        let yv = first.second.as_ref().map(|(_, v2)| v2[k / width].as_str());
        rows.push((first.values[k % width].as_str(), yv, points[0].seed, b));
    }
    // The scenario of the first point, for the words of the values (its partners, its shocks).
    let base = aliansi_wire::decode_link(&first.points[0].scenario)
        .map_err(|e| usage(format!("{}: scenario: {e}", files[0])))?;
    let head = SweepHead {
        param: &first.param,
        list: first.values.iter().map(String::as_str).collect(),
        second: first
            .second
            .as_ref()
            .map(|(p2, v2)| (p2.as_str(), v2.iter().map(String::as_str).collect())),
        runs: first.points[0].runs_total,
        from_link: false,
        sweeps_seed: sweeps_the_seed(&first.param, first.second.as_ref().map(|s| s.0.as_str())),
        master: first.points[0].seed,
        lang: a.lang.unwrap_or_default(),
    };
    print_sweep(a, &base, &head, &rows, out)
}

/// The hazard by year as the text output labels it: `y1`, ..., and a last year shorter than
/// twelve months with its months (`y3 (months 25-30)`); `th1`... in Indonesian.
fn hazard_labels(lang: Lang, sm: &BatchSummary) -> Vec<String> {
    let horizon = sm.horizon_months;
    sm.hazard_by_year
        .iter()
        .enumerate()
        .map(|(y, h)| {
            let y = y as u32;
            let (first, last) = (12 * y + 1, (12 * y + 12).min(horizon));
            let part = if last - first + 1 == 12 {
                String::new()
            } else if first == last {
                tf(lang, "hazard.month", &[("first", &first.to_string())])
            } else {
                let (first, last) = (first.to_string(), last.to_string());
                tf(lang, "hazard.months", &[("first", &first), ("last", &last)])
            };
            tf(
                lang,
                "hazard.year",
                &[
                    ("year", &(y + 1).to_string()),
                    ("part", &part),
                    // A year no alliance reached has no chance of ending in it.
                    (
                        "pct",
                        &if sm.hazard_defined(y as usize) {
                            words::pct_number(lang, *h)
                        } else {
                            "\u{2014}".to_string()
                        },
                    ),
                ],
            )
        })
        .collect()
}

/// What the first line of a batch, or of a sweep's points, says after the number of runs when
/// they are an experiment link's.
fn link_runs(lang: Lang, from_link: bool) -> &'static str {
    if from_link {
        words::w(lang, "link_runs")
    } else {
        ""
    }
}

/// The summary of a batch of `s` (with its title's name, if any); `from_link`: its runs are an
/// experiment link's (see [`runs_of`]).
fn print_summary(
    a: &Args,
    (s, name): (&Scenario, Option<&str>),
    b: &batch::BatchRun,
    from_link: bool,
    out: &mut impl Write,
) -> Res<()> {
    let sm = &b.summary;
    if a.json {
        // What produced it, so that a summary kept with a paper names its inputs: the
        // scenario as a link (`--link` reads it back) and this build.
        let mut v = batch::summary_json(b, s.seed);
        if let Value::Object(m) = &mut v {
            m.insert(
                "scenario".into(),
                json!(aliansi_wire::encode_link_named(s, name)),
            );
            m.insert("cli_version".into(), json!(VERSION));
        }
        return write_json(out, &v);
    }
    let lang = a.lang.unwrap_or_default();
    let pct = |x: f64| words::pct(lang, x);
    let runs = count(lang, sm.runs, Thing::Run);
    let horizon = narrate::months(lang, sm.horizon_months);
    writeln!(
        out,
        "{}",
        tf(
            lang,
            "batch.head",
            &[
                ("runs", &runs),
                ("link", link_runs(lang, from_link)),
                ("months", &horizon),
                ("seed", &s.seed.to_string()),
            ]
        )
    )?;
    writeln!(
        out,
        "{}",
        tf(
            lang,
            "batch.survival",
            &[
                ("month", &sm.horizon_months.to_string()),
                ("pct", &pct(sm.survival_at_horizon)),
                ("lo", &pct(sm.survival_ci95.0)),
                ("hi", &pct(sm.survival_ci95.1)),
            ]
        )
    )?;
    let median = match sm.median_survival_months {
        Some(m) => tf(
            lang,
            "batch.median",
            &[("months", &narrate::months(lang, m))],
        ),
        // As the app says it: a number the reader can hold on to.
        None => tf(lang, "batch.median_over", &[("months", &horizon)]),
    };
    writeln!(out, "{median}")?;
    let hz = hazard_labels(lang, sm);
    let list = hz.join(list_sep(lang));
    writeln!(out, "{}", tf(lang, "batch.hazard", &[("list", &list)]))?;
    let dissolved: u64 = sm.causes.iter().map(|(_, n)| n).sum();
    let n = count(lang, dissolved, Thing::Run);
    writeln!(out, "{}", tf(lang, "batch.causes", &[("runs", &n)]))?;
    let mut causes = sm.causes.clone();
    causes.sort_by_key(|c| std::cmp::Reverse(c.1));
    let cw = causes
        .iter()
        .map(|(c, _)| narrate::cause_words(lang, *c).chars().count())
        .max()
        .unwrap_or(0)
        .max(20);
    for (c, n) in causes {
        let share = if dissolved > 0 {
            n as f64 / dissolved as f64
        } else {
            0.0
        };
        let words = narrate::cause_words(lang, c);
        let pad = " ".repeat(cw - words.chars().count());
        writeln!(out, "  {words}{pad} {n:>8}  {:>6}", pct(share))?;
    }
    let value = num(lang, sm.mean_value, 1);
    writeln!(
        out,
        "{}",
        tf(lang, "batch.mean_value", &[("value", &value)])
    )?;
    // Each run's final trust counts the partners of its last month, leavers included.
    let trust = num(lang, sm.mean_final_trust, 3);
    writeln!(
        out,
        "{}",
        tf(lang, "batch.mean_trust", &[("trust", &trust)])
    )?;
    let sum = format!("{:016x}", sm.checksum);
    writeln!(out, "{}", tf(lang, "batch.checksum", &[("sum", &sum)]))?;
    let last = match b.origin {
        batch::Origin::Ran { threads, seconds } => tf(
            lang,
            "batch.ran",
            &[
                ("runs", &runs),
                ("seconds", &num(lang, seconds, 2)),
                ("rate", &num(lang, sm.runs as f64 / seconds.max(1e-9), 0)),
                ("threads", &count(lang, threads as u64, Thing::Thread)),
            ],
        ),
        batch::Origin::Merged { parts } => tf(
            lang,
            "batch.merged",
            &[
                ("runs", &runs),
                ("parts", &count(lang, parts as u64, Thing::Part)),
            ],
        ),
    };
    writeln!(out, "{last}")?;
    Ok(())
}

/// The values of `--values` (or `--values2`): comma-separated, or ';' when a value is a list;
/// each number written one way ([`canonical_values`]).
fn value_list(opt: &str, values: &str) -> Res<Vec<String>> {
    let sep = if values.contains(';') { ';' } else { ',' };
    let mut list: Vec<&str> = values.split(sep).map(str::trim).collect();
    // A separator at the end is forgiven; an empty value between two is a slip.
    while list.last() == Some(&"") {
        list.pop();
    }
    if list.is_empty() {
        return Err(usage(format!("{opt} is empty")));
    }
    if list.contains(&"") {
        return Err(usage(format!(
            "{opt} {values}: a value is empty (two separators in a row)"
        )));
    }
    canonical_values(opt, list)
}

/// The values of `opt` with each number written one way (`0.50` and `1.0` as `0.5` and `1`),
/// so that the sweep's table, its JSON and the parts of one sweep agree however the values were
/// typed (a researcher's audit: parts written with `0.50` and `0.5` were refused as another
/// sweep's); a value given twice, as typed or so (`0.5,0.50`), is refused. Other values stay as
/// typed.
fn canonical_values(opt: &str, list: Vec<&str>) -> Res<Vec<String>> {
    let numeric = |v: &str| {
        v.bytes()
            .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'-' | b'+' | b'e' | b'E'))
    };
    let out: Vec<String> = list
        .iter()
        .map(|v| match v.parse::<f64>() {
            Ok(x) if numeric(v) && x.is_finite() => format!("{}", x + 0.0),
            _ => v.to_string(),
        })
        .collect();
    if let Some(k) = (1..out.len()).find(|&k| out[..k].contains(&out[k])) {
        let first = out[..k].iter().position(|o| *o == out[k]).unwrap_or(0);
        return Err(usage(if list[first] == list[k] {
            format!("{opt}: {} is given twice", list[k])
        } else {
            format!("{opt}: {} and {} are the same value", list[first], list[k])
        }));
    }
    Ok(out)
}

/// With `--lang id`, whose numbers have a decimal comma: a word on stderr, in Indonesian, when
/// `values` (of `opt`, for the field `param`) are two whole numbers that read as one number
/// written so (`0,5`), which a sweep runs as two values, as asked. Not for a field of whole
/// numbers (`horizon_months`: `6,12` can only be two values).
fn note_decimal_comma(lang: Lang, s: &Scenario, param: &str, opt: &str, values: &str) {
    let whole = matches!(
        aliansi_sim::sweep::find(s, param).map(|p| p.domain),
        Some(aliansi_sim::sweep::Domain::Number { whole: true, .. })
    );
    let digits = |v: &str| !v.is_empty() && v.bytes().all(|c| c.is_ascii_digit());
    match values.split(',').map(str::trim).collect::<Vec<_>>()[..] {
        [a, b] if lang == Lang::Id && !whole && digits(a) && digits(b) => eprintln!(
            "{}",
            words::tf(
                lang,
                "note.decimal_comma",
                &[("opt", opt), ("values", values), ("a", a), ("b", b)]
            )
        ),
        _ => {}
    }
}

/// The widest value (in characters) that heads a column of a sweep's grid; wider ones (a
/// ladder's steps) are lettered, with a key under the grid.
const GRID_KEY_ABOVE: usize = 20;

/// Every option of the choice field `param` of `s`, as `--values` takes them (separated by
/// `;`, since a ladder's steps are separated by commas); `None` for a number or an unknown path.
fn all_options(s: &Scenario, param: &str) -> Option<String> {
    let p = aliansi_sim::sweep::find(s, param)?;
    p.is_choice().then(|| p.options().join(";"))
}

/// A swept value `v` of `param` as the text of a sweep shows it: a choice in the app's words
/// (`narrate::option_words`; a ladder outside the common ones by its steps), a number with the
/// language's decimal mark (`narrate::local_digits`, the digits as typed), anything else as
/// typed. `--json` and the part files keep the values as typed.
fn value_words(lang: Lang, s: &Scenario, param: &str, v: &str) -> String {
    let v = v.trim();
    if let Some(p) = aliansi_sim::sweep::find(s, param).filter(|p| p.is_choice()) {
        if let Ok(i) = p.parse_value(v) {
            return narrate::option_words(lang, &p, i as usize);
        }
        let steps: Option<Vec<aliansi_sim::Resolution>> = v
            .split(',')
            .map(|k| {
                aliansi_sim::Resolution::ALL
                    .into_iter()
                    .find(|r| r.key().eq_ignore_ascii_case(k.trim()))
            })
            .collect();
        return match steps {
            Some(steps) if p.has_other_values() => narrate::ladder_label(lang, &steps),
            _ => v.to_string(),
        };
    }
    if v.parse::<f64>().is_ok() {
        narrate::local_digits(lang, v)
    } else {
        v.to_string()
    }
}

/// `s` with `param` set to the typed value `v`: through the core's sweep catalogue when the
/// path is in it (`aliansi_sim::sweep`), else through `--set` on the JSON form.
fn assign(s: &Scenario, param: &str, v: &str) -> Res<Scenario> {
    // A message that starts with the path already says where (and its value as typed).
    let bad = |e: String| {
        if e.starts_with(param) {
            usage(e)
        } else {
            usage(format!("{param}={v}: {e}"))
        }
    };
    if let Some(p) = aliansi_sim::sweep::find(s, param) {
        match p.parse_value(v) {
            Ok(x) => {
                let mut sc = s.clone();
                p.apply(&mut sc, x);
                sc.validate().map_err(|e| bad(e.to_string()))?;
                return Ok(sc);
            }
            // A ladder outside the sweep's common ones: as --set reads it, below.
            Err(_) if p.has_other_values() => {}
            Err(e) => return Err(bad(e)),
        }
    }
    let mut val = aliansi_wire::to_value(s);
    let assignment = format!("{param}={v}");
    set::apply(&mut val, &assignment).map_err(|e| usage(format!("--param {param}: {e}")))?;
    aliansi_wire::from_value(&val).map_err(|e| bad(e.to_string()))
}

/// What a sweep's output says besides its rows: the field swept and its values, the second
/// field of a grid and its values, the runs of each point, and the master seed.
struct SweepHead<'v> {
    param: &'v str,
    list: Vec<&'v str>,
    second: Option<(&'v str, Vec<&'v str>)>,
    runs: u64,
    /// The runs are an experiment link's (see [`runs_of`]).
    from_link: bool,
    /// The seed is what is swept: each point runs with its own master seed.
    sweeps_seed: bool,
    /// The master seed of every point (when the seed is not swept).
    master: u64,
    /// The language of the notes on standard error (`--lang`).
    lang: Lang,
}

impl SweepHead<'_> {
    /// The values of the second field, one row each (a single row without one).
    fn rows_y(&self) -> Vec<Option<&str>> {
        match &self.second {
            Some((_, l)) => l.iter().map(|v| Some(*v)).collect(),
            None => vec![None],
        }
    }

    /// "rivalry=0.5: ", or "rivalry=0.5 form=contract: ": a point, before its progress.
    fn at(&self, v: &str, yv: Option<&str>) -> String {
        match (&self.second, yv) {
            (Some((p2, _)), Some(y)) => format!("{}={v} {p2}={y}: ", self.param),
            _ => format!("{}={v}: ", self.param),
        }
    }
}

/// A point of a sweep: its value, its value of the second field, the master seed it ran with,
/// and its batch.
type SweepRow<'v> = (&'v str, Option<&'v str>, u64, batch::BatchRun);

/// Whether `param` or the second field is the seed.
fn sweeps_the_seed(param: &str, param2: Option<&str>) -> bool {
    param == "seed" || param2 == Some("seed")
}

fn cmd_sweep(a: &Args, l: &Loaded, out: &mut impl Write) -> Res<()> {
    let s = &l.scenario;
    let param = a.param.as_deref().ok_or_else(|| {
        usage("sweep needs --param PATH (for example --param environment.rivalry)")
    })?;
    // A choice field without values: every option, as the page offers them.
    let options = all_options(s, param);
    let values = a
        .values
        .as_deref()
        .or(options.as_deref())
        .ok_or_else(|| usage("sweep needs --values A,B,C (for example --values 0,0.5,1)"))?;
    let owned = value_list("--values", values)?;
    let list: Vec<&str> = owned.iter().map(String::as_str).collect();
    note_decimal_comma(a.lang.unwrap_or_default(), s, param, "--values", values);
    // The optional second axis.
    let options2 = a.param2.as_deref().and_then(|p2| all_options(s, p2));
    let values2 = a.values2.as_deref().or(options2.as_deref());
    let owned2 = match values2 {
        Some(v2) => value_list("--values2", v2)?,
        None => Vec::new(),
    };
    let second = match (a.param2.as_deref(), values2) {
        (None, None) => None,
        (Some(p2), Some(_)) => {
            if p2 == param {
                return Err(usage("--param2 must differ from --param"));
            }
            Some((p2, owned2.iter().map(String::as_str).collect::<Vec<_>>()))
        }
        _ => {
            return Err(usage(
                "--param2 and --values2 go together: --param2 PATH --values2 A,B,C",
            ))
        }
    };
    // A setting the sweep gives its own values would be overridden without a word.
    for swept in std::iter::once(param).chain(second.as_ref().map(|(p2, _)| *p2)) {
        let set_too = a
            .sets
            .iter()
            .find(|x| x.split_once('=').map(|(k, _)| k.trim()) == Some(swept.trim()));
        if let Some(set) = set_too {
            return Err(usage(format!(
                "--set {set}: the sweep gives {swept} its values; leave out one or the other"
            )));
        }
    }
    if a.seed.is_some() && sweeps_the_seed(param, second.as_ref().map(|(p2, _)| *p2)) {
        return Err(usage(
            "--seed: the sweep runs each point with the seed it sweeps as its master seed; leave out --seed",
        ));
    }
    let (runs, from_link) = runs_of(a, l.link_runs);
    let head = SweepHead {
        sweeps_seed: sweeps_the_seed(param, second.as_ref().map(|(p2, _)| *p2)),
        param,
        list,
        second,
        runs,
        from_link,
        master: s.seed,
        lang: a.lang.unwrap_or_default(),
    };
    let th = threads(a);
    let rows_y = head.rows_y();
    let points = head.list.len() as u64 * rows_y.len() as u64;
    // Check every point before running anything. Common random numbers: every point meets
    // the same seeds (the master seed of the scenario), unless the seed is what is swept.
    let mut variants = Vec::with_capacity(points as usize);
    for yv in &rows_y {
        for v in &head.list {
            let mut sc = assign(s, param, v)?;
            if let (Some((p2, _)), Some(yv)) = (&head.second, yv) {
                sc = assign(&sc, p2, yv)?;
            }
            if !head.sweeps_seed {
                sc.seed = s.seed;
            }
            variants.push((*v, *yv, sc));
        }
    }
    if let Some(part) = a.chunk {
        check_chunk_count(part, runs, from_link, " a point")?;
    }
    // Every point is checked: now the note, if any.
    if let Some(n) = &l.note {
        let _ = writeln!(io::stderr(), "{n}");
    }
    if let (Some(part), Some(path)) = (a.chunk, &a.out) {
        return sweep_part(&head, &variants, part, path, th, out);
    }
    let progress = runs * points >= 2000;
    let mut rows = Vec::with_capacity(variants.len());
    for (v, yv, sc) in &variants {
        // The point, then the batch's progress after it on the same line.
        let at = head.at(v, *yv);
        let b = batch::run(
            sc,
            sc.seed,
            runs,
            th,
            progress.then_some((at.as_str(), head.lang)),
        )
        .map_err(usage)?;
        rows.push((*v, *yv, sc.seed, b));
    }
    print_sweep(a, s, &head, &rows, out)
}

/// `sweep --chunk I/N --out FILE`: the I-th of N parts of every point's batch, written to
/// `path` as a partial sweep (`-`: standard output) for `aliansi merge`.
fn sweep_part(
    head: &SweepHead,
    variants: &[(&str, Option<&str>, Scenario)],
    (i, n): (u64, u64),
    path: &str,
    threads: usize,
    out: &mut impl Write,
) -> Res<()> {
    let file = open_part(path)?;
    let range = aliansi_sim::batch::chunk(head.runs, n, i - 1);
    let len = range.end - range.start;
    let progress = len * variants.len() as u64 >= 2000;
    let mut points = Vec::with_capacity(variants.len());
    for (v, yv, sc) in variants {
        let at = head.at(v, *yv);
        let (tally, _, _) = batch::run_range(
            sc,
            sc.seed,
            range.clone(),
            threads,
            progress.then_some((at.as_str(), head.lang)),
        )
        .map_err(usage)?;
        points.push(aliansi_wire::PartialBatch {
            tally,
            scenario: aliansi_wire::encode_link(sc),
            seed: sc.seed,
            runs_total: head.runs,
            range: (range.start, range.end),
            part: Some((i, n)),
            cli_version: Some(VERSION.to_string()),
            model_version: Some(aliansi_sim::MODEL_VERSION.to_string()),
        });
    }
    let part = aliansi_wire::PartialSweep {
        param: head.param.to_string(),
        values: head.list.iter().map(|v| v.to_string()).collect(),
        second: head
            .second
            .as_ref()
            .map(|(p2, l)| (p2.to_string(), l.iter().map(|v| v.to_string()).collect())),
        part: (i, n),
        cli_version: Some(VERSION.to_string()),
        model_version: Some(aliansi_sim::MODEL_VERSION.to_string()),
        points,
    };
    if !write_part(
        file,
        path,
        &aliansi_wire::partial_sweep_to_value(&part),
        out,
    )? {
        return Ok(());
    }
    let lang = head.lang;
    let link = if head.from_link {
        words::w(lang, "note.link_runs")
    } else {
        ""
    };
    writeln!(
        io::stderr(),
        "{}",
        words::tf(
            lang,
            "note.wrote_sweep",
            &[
                ("from", &range.start.to_string()),
                ("to", &range.end.to_string()),
                ("link", link),
                ("runs", &head.runs.to_string()),
                ("points", &count(lang, variants.len() as u64, Thing::Point)),
                ("i", &i.to_string()),
                ("n", &n.to_string()),
                ("path", path),
            ]
        )
    )?;
    Ok(())
}

/// A sweep's results: a row per point (JSON with `--json`), and for a grid the survival table.
/// `base` is the scenario swept (for the values' words).
fn print_sweep(
    a: &Args,
    base: &Scenario,
    head: &SweepHead,
    rows: &[SweepRow],
    out: &mut impl Write,
) -> Res<()> {
    let (param, list, second) = (head.param, &head.list, &head.second);
    let typed = |v: &str| serde_json::from_str(v).unwrap_or_else(|_| json!(v));
    if a.json {
        let arr: Vec<Value> = rows
            .iter()
            .map(|(v, yv, seed, b)| {
                // The master seed this row ran with (its own when the seed is swept).
                let mut o = batch::summary_json(b, *seed);
                if let Value::Object(m) = &mut o {
                    let mut head = serde_json::Map::new();
                    head.insert("param".into(), json!(param));
                    head.insert("value".into(), typed(v));
                    if let (Some((p2, _)), Some(y)) = (second, yv) {
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
    let lang = a.lang.unwrap_or_default();
    let seeds = if head.sweeps_seed {
        words::w(lang, "sweep.seed_swept").to_string()
    } else {
        tf(lang, "sweep.master", &[("seed", &head.master.to_string())])
    };
    let runs = count(lang, head.runs, Thing::Run);
    let link = link_runs(lang, head.from_link);
    let each = tf(lang, "sweep.each", &[("runs", &runs), ("link", link)]);
    let line = match second {
        None => tf(
            lang,
            "sweep.head",
            &[("param", param), ("each", &each), ("seeds", &seeds)],
        ),
        Some((p2, _)) => tf(
            lang,
            "sweep.head2",
            &[
                ("param", param),
                ("param2", p2),
                ("each", &each),
                ("seeds", &seeds),
            ],
        ),
    };
    writeln!(out, "{line}")?;
    // The values as the language writes them, the first field's and the second's.
    let labels: Vec<String> = list
        .iter()
        .map(|v| value_words(lang, base, param, v))
        .collect();
    let labels2: Vec<String> = second.as_ref().map_or_else(Vec::new, |(p2, l)| {
        l.iter().map(|v| value_words(lang, base, p2, v)).collect()
    });
    let col = |key: &str| words::w(lang, key);
    let w = labels
        .iter()
        .map(|v| v.chars().count())
        .chain([col("sweep.col.value").chars().count()])
        .max()
        .unwrap_or(5)
        .max(5);
    let w2 = labels2
        .iter()
        .map(|v| v.chars().count())
        .chain([col("sweep.col.value2").chars().count()])
        .max()
        .unwrap_or(0)
        .max(6);
    let head2 = if second.is_some() {
        format!("  {:<w2$}", col("sweep.col.value2"))
    } else {
        String::new()
    };
    // Each column as wide as its figures or its heading, whichever is wider.
    let width = |key: &str, figures: usize| col(key).chars().count().max(figures);
    let (sw, ci_w) = (width("sweep.col.survival", 9), width("sweep.col.ci", 17));
    let (mw, vw) = (
        width("sweep.col.median", 8),
        width("sweep.col.mean_value", 10),
    );
    writeln!(
        out,
        "{:<w$}{head2}  {:>sw$}  {:>ci_w$}  {:>mw$}  {:>vw$}",
        col("sweep.col.value"),
        col("sweep.col.survival"),
        col("sweep.col.ci"),
        col("sweep.col.median"),
        col("sweep.col.mean_value")
    )?;
    // Row k is the (k mod n)-th value of the first field and the (k / n)-th of the second.
    for (k, (_, yv, _, b)) in rows.iter().enumerate() {
        let sm = &b.summary;
        let med = sm
            .median_survival_months
            .map(|m| m.to_string())
            .unwrap_or_else(|| "-".to_string());
        let col2 = match yv {
            Some(_) => format!("  {:<w2$}", labels2[k / list.len()]),
            None => String::new(),
        };
        // (A bound that is not 0 or 1 never reads as one: ">99.9", as in the batch summary.
        // A spaced dash between the bounds, as in the page's table: "97.7 – >99.9 %".)
        let ci = format!(
            "{} – {} %",
            words::pct_number(lang, sm.survival_ci95.0),
            words::pct_number(lang, sm.survival_ci95.1)
        );
        writeln!(
            out,
            "{:<w$}{col2}  {:>sw$}  {:>ci_w$}  {:>mw$}  {:>vw$}",
            labels[k % list.len()],
            words::pct(lang, sm.survival_at_horizon),
            ci,
            med,
            num(lang, sm.mean_value, 1)
        )?;
    }
    if let Some((p2, _)) = second {
        // The survival grid: a row per value of the second parameter.
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            tf(lang, "sweep.grid", &[("param", param), ("param2", p2)])
        )?;
        // Long values (a ladder's steps) would make every column as wide: letters head the
        // columns instead, and a key under the grid names them.
        let keyed = w > GRID_KEY_ABOVE;
        let heads: Vec<String> = if keyed {
            (0..list.len()).map(narrate::key_letter).collect()
        } else {
            labels.clone()
        };
        // A cell holds at most "100.0"; letters leave the columns that narrow.
        let narrowest = if keyed { 5 } else { 6 };
        let cw = heads
            .iter()
            .map(|h| h.chars().count())
            .fold(narrowest, usize::max);
        let mut line = format!("{:<w2$}", "");
        for h in &heads {
            line.push_str(&format!("  {h:>cw$}"));
        }
        writeln!(out, "{}", line.trim_end())?;
        for (r, y) in labels2.iter().enumerate() {
            let mut line = format!("{y:<w2$}");
            for c in 0..list.len() {
                let sm = &rows[r * list.len() + c].3.summary;
                let v = words::pct_number(lang, sm.survival_at_horizon);
                line.push_str(&format!("  {v:>cw$}"));
            }
            writeln!(out, "{line}")?;
        }
        if keyed {
            writeln!(out)?;
            for (h, v) in heads.iter().zip(&labels) {
                writeln!(out, "{h}: {v}")?;
            }
        }
    }
    if let Some((_, _, _, b)) = rows.first() {
        if let batch::Origin::Merged { parts } = b.origin {
            writeln!(out)?;
            let line = tf(
                lang,
                "sweep.merged",
                &[
                    ("points", &count(lang, rows.len() as u64, Thing::Point)),
                    ("runs", &runs),
                    ("parts", &count(lang, parts as u64, Thing::Part)),
                ],
            );
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

fn real_main() -> Res<()> {
    let a = parse_args()?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    // The help: of one command (`aliansi help batch`, `aliansi batch --help`), or whole.
    let help_of = match a.command {
        Some(Command::Help) => {
            let of = a.files.first().and_then(|c| Command::parse(c));
            Some(of.or(a.help.then_some(Command::Help)))
        }
        c if a.help => Some(c),
        _ => None,
    };
    if let Some(c) = help_of {
        let text = c.map_or_else(usage_text, command_help);
        writeln!(out, "{text}")?;
        out.flush()?;
        return Ok(());
    }
    if a.version {
        writeln!(
            out,
            "aliansi {VERSION} (model {})",
            aliansi_sim::MODEL_VERSION
        )?;
        out.flush()?;
        return Ok(());
    }
    let cmd = match a.command {
        None => {
            return Err(usage(format!(
                "no command given (commands: {}; see aliansi --help)",
                command_names()
            )))
        }
        Some(c) => c,
    };
    let mut loaded = if cmd.takes_scenario() {
        load(&a)?
    } else {
        Loaded {
            scenario: presets::default_scenario(),
            title: Title::default(),
            note: None,
            link_runs: None,
            choices: Vec::new(),
        }
    };
    // A batch or a sweep of a run link (s4. or s2.) runs without the class's choices, and says so.
    if (cmd == Command::Sweep || cmd == Command::Batch) && !loaded.choices.is_empty() {
        add_note(
            &mut loaded.note,
            format!(
                "note: the link holds the class's choices in its own run ({}); {} runs the scenario over many seeds without them (aliansi run replays that run)",
                loaded.choices.len(),
                if cmd == Command::Batch { "a batch" } else { "a sweep" }
            ),
        );
    }
    let scenario = &loaded.scenario;
    // The note on a link, once the options are known good (a batch checks --chunk and a sweep
    // its points first, and print it then: bad input gives one line, the error).
    if cmd != Command::Sweep && cmd != Command::Batch {
        if let Some(n) = &loaded.note {
            let _ = writeln!(io::stderr(), "{n}");
        }
    }
    match cmd {
        Command::Presets => cmd_presets(&a, &mut out)?,
        Command::Run => cmd_run(&a, scenario, &loaded.choices, &mut out)?,
        Command::Batch => cmd_batch(&a, &loaded, &mut out)?,
        Command::Merge => cmd_merge(&a, &mut out)?,
        Command::Sweep => cmd_sweep(&a, &loaded, &mut out)?,
        Command::Link => {
            let title = &loaded.title;
            if title.description.is_some() {
                let _ = writeln!(
                    io::stderr(),
                    "note: a link carries the scenario's name but not its description"
                );
            }
            let link = aliansi_wire::encode_link_with_choices(
                scenario,
                title.name.as_deref(),
                &loaded.choices,
            );
            if a.json {
                write_json(&mut out, &json!({ "link": link }))?;
            } else {
                writeln!(out, "{link}")?;
            }
        }
        Command::Show => {
            let text = aliansi_wire::to_json_v1(&aliansi_wire::ScenarioV1 {
                name: loaded.title.name.clone(),
                description: loaded.title.description.clone(),
                ..aliansi_wire::from_core(scenario)
            });
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
            let (failed, open) = rep.not_passed();
            if failed + open > 0 {
                return Err(Failure::Checks { failed, open });
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
        Err(Failure::Checks { failed, open }) => {
            let _ = writeln!(
                io::stderr(),
                "error: {} validation check(s) did not pass ({failed} failed, {open} open)",
                failed + open
            );
            ExitCode::from(1)
        }
        Err(Failure::Io(e)) => {
            let _ = writeln!(io::stderr(), "error: cannot write output: {e}");
            ExitCode::from(1)
        }
        Err(Failure::Write(msg)) => {
            let _ = writeln!(io::stderr(), "error: {msg}");
            ExitCode::from(1)
        }
    }
}
