//! "Sweeps": survival at the horizon against one parameter (with its 95% band), or a heat
//! map over two. The catalogue of parameters, the axes, the points and the statistics are the
//! core's ([`aliansi_sim::sweep`]); this module reads the form, runs the points on the worker
//! pool of [`crate::workers`] (every point's chunks queued in order, so that all workers stay
//! busy however few runs a point has) and keeps the state in a reducer ([`Sweep`]).
//!
//! Pure parts, tested natively: labels in both languages ([`param_label`], [`option_label`]),
//! the form and its checks ([`AxisForm`], [`check`]), the reducer, and the geometry of the
//! one-parameter chart ([`line_geometry`]).

use std::rc::Rc;

use aliansi_sim::sweep::{
    catalogue, find, first_invalid, point_count, sweep_points, Axis, AxisError, Domain, Group,
    Param, SweepResult, MAX_STEPS,
};
use aliansi_sim::{BatchTally, Scenario};
use yew::Reducible;

use crate::charts::{band_centres, band_path, line_path, ticks, LinearScale};
use crate::i18n::{t, tf, Lang};
use crate::narrate::{amount, key_letter, num};

/// Runs per point on load.
pub const DEFAULT_RUNS: u64 = 200;
/// The fewest runs per point.
pub const MIN_RUNS: u64 = 10;
/// The most runs per point.
pub const MAX_RUNS: u64 = 10_000;
/// The most runs of a whole sweep (points x runs), as for one batch of "Many futures".
pub const MAX_TOTAL_RUNS: u64 = 100_000;
/// Steps of a numeric axis on load.
pub const DEFAULT_STEPS: usize = 5;

/// The sweep offered for the months between reviews, whatever the scenario's: never, then every
/// 3, 6, … 24 months. A span around the current value missed the rhythms that differ most
/// (from yearly reviews it gave 6, 10, 15, 20 and 24 months; from none, 0 to 60), and how
/// often to review pays differently as the market gets rougher (docs/MODEL.md section 2.5).
pub const REVIEW_SPAN: (f64, f64, usize) = (0.0, 24.0, 9);
/// The parameter chosen on load.
pub const DEFAULT_PARAM: &str = "governance.transparency";

// ---------------------------------------------------------------------------------------
// Labels

fn field_label(lang: Lang, base: &Scenario, p: &Param) -> String {
    if p.field == "governance.fixed_shares" {
        let name = p
            .index()
            .and_then(|i| base.partners.get(i))
            .map_or_else(String::new, |x| x.name.clone());
        return tf(lang, "editor.f.governance.fixed_shares", &[("name", &name)]);
    }
    t(lang, &format!("editor.f.{}", p.field)).to_string()
}

/// A parameter in words: "Transparency", "All partners: Opportunism", "Hoshi Technologies:
/// Patience", "Scripted shock 1: Severity".
pub fn param_label(lang: Lang, base: &Scenario, p: &Param) -> String {
    let field = field_label(lang, base, p);
    match p.group {
        Group::General | Group::Governance | Group::Environment => field,
        Group::AllPartners => tf(lang, "sweep.all_partners_field", &[("field", &field)]),
        Group::Partner(i) => {
            let name = base.partners.get(i).map_or("?", |x| x.name.as_str());
            tf(
                lang,
                "sweep.partner_field",
                &[("name", name), ("field", &field)],
            )
        }
        Group::Shock(i) => tf(
            lang,
            "sweep.shock_field",
            &[("n", &(i + 1).to_string()), ("field", &field)],
        ),
    }
}

/// The heading of a group of parameters in the picker.
pub fn group_label(lang: Lang, base: &Scenario, g: Group) -> String {
    match g {
        Group::General => t(lang, "sweep.group.general").to_string(),
        Group::Governance => t(lang, "sweep.group.governance").to_string(),
        Group::Environment => t(lang, "sweep.group.environment").to_string(),
        Group::AllPartners => t(lang, "sweep.group.all_partners").to_string(),
        Group::Partner(i) => tf(
            lang,
            "sweep.group.partner",
            &[
                ("n", &(i + 1).to_string()),
                (
                    "name",
                    base.partners.get(i).map_or("?", |x| x.name.as_str()),
                ),
            ],
        ),
        Group::Shock(i) => tf(lang, "sweep.group.shock", &[("n", &(i + 1).to_string())]),
    }
}

// A choice's option and a ladder in the editor's words: shared with the command line's sweep.
pub use crate::narrate::{ladder_label, ladder_words, option_words as option_label};

/// Value `v` of a parameter in words: an option's label, or the number in the user's format.
pub fn value_label(lang: Lang, p: &Param, v: f64) -> String {
    if p.is_choice() {
        return option_label(lang, p, v as usize);
    }
    let text = aliansi_sim::sweep::number_text(v);
    match lang {
        Lang::En => text,
        Lang::Id => text.replace('.', ","),
    }
}

/// A swept value as an axis or a table shows it: as [`value_label`], with at most three
/// decimals (a sweep of 0 to 1 in 50 steps has values such as 0.020408163; it reads 0.02).
/// The CSV keeps every digit.
pub fn short_label(lang: Lang, p: &Param, v: f64) -> String {
    if p.is_choice() {
        return value_label(lang, p, v);
    }
    // A review every 0 months is none at all (as the editor's help says).
    if p.field == "governance.review_months" && v == 0.0 {
        return t(lang, "sweep.never").to_string();
    }
    value_label(lang, p, (v * 1000.0).round() / 1000.0)
}

/// Which of `n` axis labels to show so that about ten at most appear: every one up to 12,
/// else every k-th (the first and, where it falls on the step, the last).
pub fn label_every(n: usize) -> usize {
    if n <= 12 {
        1
    } else {
        n.div_ceil(10)
    }
}

/// The field's current value in `s`, in the user's words: as [`value_label`], except that a
/// partner's culture given as custom scores is named so (the choice of countries would read
/// it as the first country).
pub fn current_label(lang: Lang, p: &Param, s: &Scenario) -> String {
    if p.current_is_custom(s) {
        // A ladder of the scenario's own, or a culture given as scores.
        if p.field == "governance.resolution" {
            return ladder_label(lang, &s.governance.resolution);
        }
        return t(lang, "editor.culture.custom").to_string();
    }
    value_label(lang, p, p.current(s))
}

/// The catalogue grouped for the picker: (group, its parameters), in order.
pub fn grouped(base: &Scenario) -> Vec<(Group, Vec<Param>)> {
    let mut out: Vec<(Group, Vec<Param>)> = Vec::new();
    for p in catalogue(base) {
        match out.last_mut() {
            Some((g, list)) if *g == p.group => list.push(p),
            _ => out.push((p.group, vec![p])),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// The form

/// One axis as typed: the parameter's path, from/to/steps for a numeric field, and which
/// options are picked for a choice field.
#[derive(Clone, Debug, PartialEq)]
pub struct AxisForm {
    pub path: String,
    pub from: String,
    pub to: String,
    pub steps: String,
    pub picked: Vec<bool>,
}

fn round_to(v: f64, digits: i32) -> f64 {
    let p = 10f64.powi(digits);
    (v * p).round() / p
}

/// Default from and to of a numeric parameter around its current value `c`: half the range
/// centred on it (kept inside the range), or from half to twice the value for wide ranges
/// (size, horizon, months, culture scores).
pub fn default_span(domain: &Domain, c: f64) -> (f64, f64) {
    let Domain::Number {
        min,
        max,
        min_open,
        whole,
    } = *domain
    else {
        return (0.0, 0.0);
    };
    let c = if c.is_finite() {
        c.clamp(min, max)
    } else {
        (min + max) / 2.0
    };
    let (mut lo, mut hi) = if max - min > 60.0 && c > min {
        (c / 2.0, (c * 2.0).min(max))
    } else {
        let half = (max - min) / 4.0;
        let (mut lo, mut hi) = (c - half, c + half);
        if lo < min {
            hi += min - lo;
            lo = min;
        }
        if hi > max {
            lo -= hi - max;
            hi = max;
        }
        (lo.max(min), hi)
    };
    if whole {
        lo = lo.round();
        hi = hi.round();
    } else {
        lo = round_to(lo, 3);
        hi = round_to(hi, 3);
    }
    if min_open && lo <= min {
        lo = if whole {
            min + 1.0
        } else {
            round_to(min + (hi - min) / 10.0, 3)
        };
    }
    if lo == hi {
        (min, max)
    } else {
        (lo, hi)
    }
}

/// Whether sweeping `path` sets every partner alike in a way the model does not tell apart
/// (docs/MODEL.md 7.1: contribution levels and sizes are scale-free): every point then gives
/// the same survival, and the page says so beside the field rather than leave a flat line
/// unexplained.
pub fn scales_alike(path: &str) -> bool {
    matches!(path, "partners.*.contribution" | "partners.*.capacity")
}

impl AxisForm {
    /// The form for parameter `path` of `base` with defaults: around the current value for a
    /// numeric field ([`REVIEW_SPAN`] for the months between reviews), every option for a
    /// choice field. `None` if `path` is not sweepable.
    pub fn for_param(base: &Scenario, path: &str) -> Option<AxisForm> {
        let p = find(base, path)?;
        let (from, to, mut steps) = match path {
            "governance.review_months" => REVIEW_SPAN,
            _ => {
                let (from, to) = default_span(&p.domain, p.current(base));
                (from, to, DEFAULT_STEPS)
            }
        };
        if let Domain::Number { whole: true, .. } = p.domain {
            steps = steps.min((to - from).abs() as usize + 1).max(2);
        }
        let text = |v: f64| aliansi_sim::sweep::number_text(v);
        Some(AxisForm {
            path: path.to_string(),
            from: if p.is_choice() {
                String::new()
            } else {
                text(from)
            },
            to: if p.is_choice() {
                String::new()
            } else {
                text(to)
            },
            steps: steps.to_string(),
            picked: vec![true; p.options().len()],
        })
    }
}

impl AxisForm {
    /// The form with its numbers written as the page's language writes them (a decimal comma
    /// in Bahasa Indonesia; `number::read_typed` reads either mark, and a number here has at most
    /// one).
    pub fn in_lang(self, lang: crate::i18n::Lang) -> AxisForm {
        let local = |t: &str| match lang {
            crate::i18n::Lang::Id => crate::narrate::local_digits(lang, t),
            crate::i18n::Lang::En => t.replace(',', "."),
        };
        AxisForm {
            from: local(&self.from),
            to: local(&self.to),
            ..self
        }
    }
}

/// Which input a problem belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    Param,
    From,
    To,
    Steps,
    Choices,
    Runs,
    /// The sweep as a whole (too many runs, a point that cannot run).
    Whole,
}

/// Something wrong with the form: where, and the message (already in the user's language).
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub input: Input,
    pub message: String,
}

fn problem(input: Input, message: String) -> Problem {
    Problem { input, message }
}

/// The number of a whole-number input, or the message.
fn parse_steps(lang: Lang, text: &str) -> Result<usize, Problem> {
    let bad = || {
        problem(
            Input::Steps,
            tf(lang, "sweep.err.steps", &[("max", &MAX_STEPS.to_string())]),
        )
    };
    let n: usize = text.trim().parse().map_err(|_| bad())?;
    if (2..=MAX_STEPS).contains(&n) {
        Ok(n)
    } else {
        Err(bad())
    }
}

/// The axis the form describes, or the first problem with it.
pub fn read_axis(lang: Lang, base: &Scenario, f: &AxisForm) -> Result<Axis, Problem> {
    let p = find(base, &f.path)
        .ok_or_else(|| problem(Input::Param, t(lang, "sweep.err.param").to_string()))?;
    if p.is_choice() {
        let picked: Vec<usize> = f
            .picked
            .iter()
            .enumerate()
            .filter(|(_, on)| **on)
            .map(|(i, _)| i)
            .take(p.options().len())
            .collect();
        return Axis::choices(p, picked)
            .map_err(|_| problem(Input::Choices, t(lang, "sweep.err.choices").to_string()));
    }
    let range = |p: &Param| {
        let Domain::Number {
            min, max, min_open, ..
        } = p.domain
        else {
            return String::new();
        };
        let lo = value_label(lang, p, min);
        let hi = value_label(lang, p, max);
        if min_open {
            tf(lang, "sweep.err.range_open", &[("min", &lo), ("max", &hi)])
        } else {
            tf(lang, "sweep.err.range", &[("min", &lo), ("max", &hi)])
        }
    };
    let whole = matches!(p.domain, Domain::Number { whole: true, .. });
    let read = |input: Input, text: &str| -> Result<f64, Problem> {
        // As the editor reads numbers: what reads two ways (`1,200`), as the page writes,
        // but as thousands where the parameter is whole (months).
        let mark = lang.decimal_mark();
        let v = if whole {
            crate::number::read_whole_with(text, mark)
        } else {
            crate::number::read_with(text, mark)
        }
        .ok_or_else(|| problem(input, t(lang, "sweep.err.number").to_string()))?;
        if whole && v.fract() != 0.0 {
            return Err(problem(input, t(lang, "sweep.err.whole").to_string()));
        }
        p.check(v).map_err(|_| problem(input, range(&p)))?;
        Ok(v)
    };
    let from = read(Input::From, &f.from)?;
    let to = read(Input::To, &f.to)?;
    let steps = parse_steps(lang, &f.steps)?;
    Axis::numeric(p, from, to, steps).map_err(|e| match e {
        AxisError::Empty => problem(Input::To, t(lang, "sweep.err.same").to_string()),
        AxisError::NotWhole => problem(Input::Steps, t(lang, "sweep.err.not_whole").to_string()),
        AxisError::Steps(_) => problem(
            Input::Steps,
            tf(lang, "sweep.err.steps", &[("max", &MAX_STEPS.to_string())]),
        ),
        other => problem(Input::Whole, other.to_string()),
    })
}

/// Runs per point as typed: a whole number from [`MIN_RUNS`] to [`MAX_RUNS`] (thousands
/// separators allowed).
pub fn parse_runs(lang: Lang, text: &str) -> Result<u64, Problem> {
    let args = [
        ("min", amount(lang, MIN_RUNS as f64)),
        ("max", amount(lang, MAX_RUNS as f64)),
    ];
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    match crate::batch::parse_runs(text) {
        Ok(n) if n <= MAX_RUNS => Ok(n),
        Err(crate::batch::RunsError::NotANumber) => Err(problem(
            Input::Runs,
            t(lang, "sweep.err.runs_number").to_string(),
        )),
        Err(crate::batch::RunsError::TooFew) => Err(problem(
            Input::Runs,
            tf(lang, "sweep.err.runs_range", &args),
        )),
        _ => Err(problem(
            Input::Runs,
            tf(lang, "sweep.err.runs_range", &args),
        )),
    }
}

/// The whole form: the first parameter, the optional second, and runs per point.
#[derive(Clone, Debug, PartialEq)]
pub struct SweepForm {
    pub x: AxisForm,
    pub y: Option<AxisForm>,
    pub runs: String,
}

impl SweepForm {
    pub fn new(base: &Scenario) -> SweepForm {
        SweepForm {
            x: AxisForm::for_param(base, DEFAULT_PARAM).unwrap_or_else(|| AxisForm {
                path: String::new(),
                from: String::new(),
                to: String::new(),
                steps: DEFAULT_STEPS.to_string(),
                picked: Vec::new(),
            }),
            y: None,
            runs: DEFAULT_RUNS.to_string(),
        }
    }
}

/// A form read: each part's axis or problem, and what to run when all is well.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    pub x: Result<Axis, Problem>,
    pub y: Option<Result<Axis, Problem>>,
    pub runs: Result<u64, Problem>,
    /// A problem of the sweep as a whole (too many runs; a point that cannot run).
    pub whole: Option<Problem>,
    /// The points to run (all with the base's seed) and runs per point, when all is well.
    /// Shared: a sweep of 50 by 50 has 2,500 scenarios, not to be copied at every drawing.
    pub ready: Option<(Rc<Vec<Scenario>>, u64)>,
}

/// Reads and checks the whole form against `base`.
pub fn check(lang: Lang, base: &Scenario, f: &SweepForm) -> Checked {
    let x = read_axis(lang, base, &f.x);
    let y = f.y.as_ref().map(|y| {
        if y.path == f.x.path {
            Err(problem(
                Input::Param,
                t(lang, "sweep.err.same_param").to_string(),
            ))
        } else {
            read_axis(lang, base, y)
        }
    });
    let runs = parse_runs(lang, &f.runs);
    let mut whole = None;
    let mut ready = None;
    if let (Ok(xa), Ok(n)) = (&x, &runs) {
        let ya = match &y {
            None => Some(None),
            Some(Ok(a)) => Some(Some(a)),
            Some(Err(_)) => None,
        };
        if let Some(ya) = ya {
            let points = point_count(xa, ya) as u64;
            let total = points * n;
            if total > MAX_TOTAL_RUNS {
                whole = Some(problem(
                    Input::Whole,
                    tf(
                        lang,
                        "sweep.err.too_many",
                        &[
                            ("points", &amount(lang, points as f64)),
                            ("runs", &amount(lang, *n as f64)),
                            ("total", &amount(lang, total as f64)),
                            ("max", &amount(lang, MAX_TOTAL_RUNS as f64)),
                        ],
                    ),
                ));
            } else {
                let scenarios = sweep_points(base, xa, ya);
                if let Some((k, e)) = first_invalid(&scenarios) {
                    let nx = xa.len();
                    let mut at = format!(
                        "{} = {}",
                        param_label(lang, base, &xa.param),
                        value_label(lang, &xa.param, xa.values[k % nx])
                    );
                    if let Some(ya) = ya {
                        at.push_str(&format!(
                            ", {} = {}",
                            param_label(lang, base, &ya.param),
                            value_label(lang, &ya.param, ya.values[k / nx])
                        ));
                    }
                    whole = Some(problem(
                        Input::Whole,
                        tf(
                            lang,
                            "sweep.err.point",
                            &[("at", &at), ("error", &e.to_string())],
                        ),
                    ));
                } else {
                    ready = Some((Rc::new(scenarios), *n));
                }
            }
        }
    }
    Checked {
        x,
        y,
        runs,
        whole,
        ready,
    }
}

// ---------------------------------------------------------------------------------------
// The state and its reducer

/// A finished sweep, as shown.
#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    pub result: SweepResult,
    /// The scenario swept (for labels: partner names).
    pub base: Scenario,
    pub runs: u64,
    pub seconds: f64,
}

/// Where the sweep stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Phase {
    #[default]
    Idle,
    Running {
        run: u64,
        /// The first point not complete yet (index in the order of `sweep_points`; the
        /// workers run the points in that order, two or more at a time).
        current: usize,
        /// Its runs done.
        done: u64,
        /// Runs per point.
        each: u64,
        /// Runs done of all points.
        runs_done: u64,
    },
    Done,
    Cancelled {
        points_done: usize,
        points: usize,
    },
    Failed {
        error: String,
    },
}

/// The sweep section's state: the form, the run under way, the last results.
#[derive(Clone, Debug, PartialEq)]
pub struct Sweep {
    pub form: SweepForm,
    pub next_run: u64,
    pub phase: Phase,
    /// The axes and scenarios being run, while running. Shared, as the tallies are: the state
    /// is copied at every progress message of a run, which copied 2,500 scenarios and as many
    /// tallies each time in a sweep of 50 by 50 (it slowed as it went).
    pub axes: Option<(Axis, Option<Axis>)>,
    pub running: Rc<Vec<Scenario>>,
    pub base: Option<Scenario>,
    /// Each point's tally, once it is complete.
    pub tallies: Vec<Option<Rc<BatchTally>>>,
    pub started_ms: f64,
    pub results: Option<Rc<Results>>,
}

impl Sweep {
    pub fn new(base: &Scenario) -> Sweep {
        Sweep {
            form: SweepForm::new(base),
            next_run: 0,
            phase: Phase::Idle,
            axes: None,
            running: Rc::default(),
            base: None,
            tallies: Vec::new(),
            started_ms: 0.0,
            results: None,
        }
    }

    /// The id of the sweep under way, if one is.
    pub fn running_id(&self) -> Option<u64> {
        match self.phase {
            Phase::Running { run, .. } => Some(run),
            _ => None,
        }
    }

    pub fn is_running(&self) -> bool {
        self.running_id().is_some()
    }

    /// Points complete so far.
    pub fn points_done(&self) -> usize {
        self.tallies.iter().filter(|t| t.is_some()).count()
    }

    /// A batch id for the worker pool, unique per run and point (the points of run `run` are
    /// `batch_id(run, 0)` onwards, in order: [`crate::workers::Pool::start_points`]).
    pub fn batch_id(run: u64, index: usize) -> u64 {
        run * (MAX_STEPS * MAX_STEPS) as u64 + index as u64
    }
}

/// An edit of one axis of the form.
#[derive(Clone, Debug, PartialEq)]
pub enum AxisEdit {
    From(String),
    To(String),
    Steps(String),
    /// Picks or unpicks option `i`.
    Toggle(usize),
}

// Start carries the scenarios of the sweep; actions are few, so their size does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum SweepAction {
    /// A new first parameter (its form with defaults).
    ChooseX(AxisForm),
    /// A new second parameter, or none.
    ChooseY(Option<AxisForm>),
    /// The page's language changed: the form's numbers are written its way.
    Language(crate::i18n::Lang),
    EditX(AxisEdit),
    EditY(AxisEdit),
    Runs(String),
    Start {
        base: Scenario,
        x: Axis,
        y: Option<Axis>,
        scenarios: Rc<Vec<Scenario>>,
        each: u64,
        now_ms: f64,
    },
    /// Points complete (index and tally), the runs done of all points, and the first point
    /// not complete with its runs done.
    Points {
        run: u64,
        points: Vec<(usize, Rc<BatchTally>)>,
        done: u64,
        first_unfinished: Option<(usize, u64)>,
        now_ms: f64,
    },
    Cancel,
    Failed {
        run: u64,
        error: String,
    },
}

fn edit(f: &mut AxisForm, e: AxisEdit) {
    match e {
        AxisEdit::From(s) => f.from = s,
        AxisEdit::To(s) => f.to = s,
        AxisEdit::Steps(s) => f.steps = s,
        AxisEdit::Toggle(i) => {
            if let Some(b) = f.picked.get_mut(i) {
                *b = !*b;
            }
        }
    }
}

impl Reducible for Sweep {
    type Action = SweepAction;

    fn reduce(self: Rc<Self>, action: SweepAction) -> Rc<Self> {
        let mut s = Rc::try_unwrap(self).unwrap_or_else(|rc| (*rc).clone());
        let run_now = s.running_id();
        let running = run_now.is_some();
        match action {
            SweepAction::ChooseX(f) if !running => s.form.x = f,
            SweepAction::ChooseY(f) if !running => s.form.y = f,
            SweepAction::Language(lang) => {
                s.form.x = s.form.x.clone().in_lang(lang);
                s.form.y = s.form.y.clone().map(|y| y.in_lang(lang));
            }
            SweepAction::EditX(e) if !running => edit(&mut s.form.x, e),
            SweepAction::EditY(e) if !running => {
                if let Some(y) = s.form.y.as_mut() {
                    edit(y, e);
                }
            }
            SweepAction::Runs(r) if !running => s.form.runs = r,
            SweepAction::Start {
                base,
                x,
                y,
                scenarios,
                each,
                now_ms,
            } if !running && scenarios.len() == point_count(&x, y.as_ref()) => {
                let run = s.next_run;
                s.next_run += 1;
                s.axes = Some((x, y));
                s.running = scenarios;
                s.base = Some(base);
                s.tallies = vec![None; s.running.len()];
                s.started_ms = now_ms;
                s.results = None;
                s.phase = Phase::Running {
                    run,
                    current: 0,
                    done: 0,
                    each,
                    runs_done: 0,
                };
            }
            SweepAction::Points {
                run,
                points,
                done: d,
                first_unfinished,
                now_ms,
            } if run_now == Some(run) => {
                for (i, tally) in points {
                    if let Some(slot @ None) = s.tallies.get_mut(i) {
                        *slot = Some(tally);
                    }
                }
                if s.tallies.iter().all(Option::is_some) {
                    let (x, y) = s.axes.take().expect("axes while running");
                    let each = match s.phase {
                        Phase::Running { each, .. } => each,
                        _ => 0,
                    };
                    let tallies: Vec<BatchTally> =
                        s.tallies.iter().flatten().map(|t| (**t).clone()).collect();
                    s.phase = match SweepResult::from_tallies(x, y, &tallies) {
                        Ok(result) => {
                            s.results = Some(Rc::new(Results {
                                result,
                                base: s.base.take().unwrap_or_else(|| s.running[0].clone()),
                                runs: each,
                                seconds: (now_ms - s.started_ms) / 1000.0,
                            }));
                            Phase::Done
                        }
                        Err(error) => Phase::Failed { error },
                    };
                    s.tallies.clear();
                    s.running = Rc::default();
                } else if let Phase::Running {
                    current,
                    done,
                    runs_done,
                    ..
                } = &mut s.phase
                {
                    *runs_done = d;
                    if let Some((c, dc)) = first_unfinished {
                        *current = c;
                        *done = dc;
                    }
                }
            }
            SweepAction::Cancel if running => {
                s.phase = Phase::Cancelled {
                    points_done: s.points_done(),
                    points: s.running.len(),
                };
                s.tallies.clear();
                s.running = Rc::default();
                s.axes = None;
            }
            SweepAction::Failed { run, error } if run_now == Some(run) => {
                s.tallies.clear();
                s.running = Rc::default();
                s.axes = None;
                s.phase = Phase::Failed { error };
            }
            _ => {}
        }
        Rc::new(s)
    }
}

// ---------------------------------------------------------------------------------------
// The one-parameter chart

/// The geometry of survival against one parameter in a `width` x `height` box (y: 0 to 1
/// upwards). Numeric values sit on a linear scale over their extent, joined by a line with
/// the 95% band around it; choices (`categories`) sit in equal bands, unordered, so they get
/// no line and no band but a 95% interval bar each (`whiskers`).
#[derive(Clone, Debug, PartialEq)]
pub struct LineGeometry {
    pub line: String,
    pub band: String,
    /// (x, y low, y high) of each category's interval bar, in pixels (categories only).
    pub whiskers: Vec<(f64, f64, f64)>,
    /// (x, y) of each point, in pixels.
    pub points: Vec<(f64, f64)>,
    /// (x in pixels, value) of each axis tick: the nice ticks of a numeric axis, or each value
    /// of a category axis.
    pub ticks: Vec<(f64, f64)>,
}

pub fn line_geometry(
    values: &[f64],
    survival: &[f64],
    low: &[f64],
    high: &[f64],
    categories: bool,
    width: f64,
    height: f64,
) -> LineGeometry {
    let n = values.len();
    let y = LinearScale::new((0.0, 1.0), (height, 0.0));
    let (xs, domain): (Vec<f64>, (f64, f64)) = if categories {
        // Data x = position in pixels directly.
        (band_centres(n, width), (0.0, width))
    } else {
        let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        (values.to_vec(), (lo, hi))
    };
    let x = LinearScale::new(domain, (0.0, width));
    let pts =
        |ys: &[f64]| -> Vec<(f64, f64)> { xs.iter().copied().zip(ys.iter().copied()).collect() };
    let (line, band, whiskers) = if categories {
        let w = xs
            .iter()
            .zip(low.iter().zip(high))
            .map(|(&px, (&lo, &hi))| (px, y.apply(lo), y.apply(hi)))
            .collect();
        (String::new(), String::new(), w)
    } else {
        (
            line_path(&pts(survival), width, height, domain, (0.0, 1.0)),
            band_path(&pts(low), &pts(high), width, height, domain, (0.0, 1.0)),
            Vec::new(),
        )
    };
    let points = xs
        .iter()
        .zip(survival)
        .map(|(&vx, &vy)| (x.apply(vx), y.apply(vy)))
        .collect();
    let tick_list = if categories {
        xs.iter().zip(values).map(|(&px, &v)| (px, v)).collect()
    } else {
        ticks(domain, 6)
            .into_iter()
            .map(|v| (x.apply(v), v))
            .collect()
    };
    LineGeometry {
        line,
        band,
        whiskers,
        points,
        ticks: tick_list,
    }
}

// ---------------------------------------------------------------------------------------
// Long category labels: letters at the ticks, a key under the chart

/// The widest label (in the chart's units, as its caller measures them) an axis writes at its
/// ticks, turned if need be. A wider one would run into the axis's title and the legend (a
/// ladder of four steps, "Negotiation → Mediation → Arbitration → Escalation to top
/// management", is about 500), so such an axis letters its ticks and a key names them.
pub const KEY_ABOVE: f64 = 150.0;

/// One entry of a chart's key: a tick's letter and its label, broken into lines.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyEntry {
    pub letter: String,
    pub lines: Vec<String>,
}

/// How an axis writes its `labels`: `None` when each fits at its tick (no label wider than
/// `above` by `width`; [`KEY_ABOVE`] for labels under the plot), else the key: letters from
/// the `first`-th on (A, B, …, Z, AA, …; a second keyed axis goes on after the first's) with
/// each label broken into lines of about `chars` characters, after its arrows where it can.
pub fn axis_key(
    labels: &[String],
    above: f64,
    first: usize,
    width: impl Fn(&str) -> f64,
    chars: usize,
) -> Option<Vec<KeyEntry>> {
    if !labels.iter().any(|l| width(l) > above) {
        return None;
    }
    Some(
        labels
            .iter()
            .enumerate()
            .map(|(i, l)| KeyEntry {
                letter: key_letter(first + i),
                lines: crate::export::wrap_words(l, chars),
            })
            .collect(),
    )
}

/// The number of lines a key takes.
pub fn key_line_count(key: &[KeyEntry]) -> usize {
    key.iter().map(|e| e.lines.len()).sum()
}

/// A survival share as a percentage with `digits` decimals, in the user's number format.
pub fn pct(lang: Lang, v: f64, digits: usize) -> String {
    format!("{}%", num(lang, v * 100.0, digits))
}

/// A heat map cell's value: whole percents, but one decimal below 10% (0.7% and 1.3% are not
/// both "1%"; a point of difference matters there).
pub fn cell_label(lang: Lang, v: f64) -> String {
    let small = v > 0.0 && v * 100.0 < 9.95;
    pct(lang, v, usize::from(small))
}

#[cfg(test)]
mod tests {
    use super::*;
    use aliansi_sim::Resolution;

    #[test]
    fn heat_map_cells_keep_a_decimal_below_ten_percent() {
        assert_eq!(cell_label(Lang::En, 0.007), "0.7%");
        assert_eq!(cell_label(Lang::En, 0.013), "1.3%");
        assert_eq!(cell_label(Lang::Id, 0.013), "1,3%");
        assert_eq!(cell_label(Lang::En, 0.0), "0%");
        assert_eq!(cell_label(Lang::En, 0.0996), "10%");
        assert_eq!(cell_label(Lang::En, 0.456), "46%");
    }

    #[test]
    fn swept_values_read_short_and_labels_thin_out() {
        let p = aliansi_sim::sweep::catalogue(&aliansi_sim::presets::default_scenario())
            .into_iter()
            .find(|p| p.path == "governance.transparency")
            .unwrap();
        assert_eq!(short_label(Lang::En, &p, 1.0 / 49.0), "0.02");
        assert_eq!(short_label(Lang::Id, &p, 2.0 / 49.0), "0,041");
        assert_eq!(short_label(Lang::En, &p, 0.5), "0.5");
        assert_eq!(value_label(Lang::En, &p, 1.0 / 49.0), "0.020408163");
        // A review every 0 months is never; a range still reads from 0.
        let reviews = aliansi_sim::sweep::catalogue(&aliansi_sim::presets::default_scenario())
            .into_iter()
            .find(|p| p.path == "governance.review_months")
            .unwrap();
        assert_eq!(short_label(Lang::En, &reviews, 0.0), "never");
        assert_eq!(short_label(Lang::Id, &reviews, 0.0), "tidak pernah");
        assert_eq!(short_label(Lang::En, &reviews, 3.0), "3");
        assert_eq!(value_label(Lang::En, &reviews, 0.0), "0");
        assert_eq!(label_every(3), 1);
        assert_eq!(label_every(12), 1);
        assert_eq!(label_every(50), 5);
        assert!((13..200usize).all(|n| n.div_ceil(label_every(n)) <= 10));
    }
    use aliansi_sim::presets::{all, default_scenario};
    use aliansi_sim::sweep::run_sweep;

    #[test]
    fn the_current_culture_is_a_country_or_custom_scores() {
        let mut s = default_scenario();
        let p = find(&s, "partners.0.culture").unwrap();
        let country = current_label(Lang::En, &p, &s);
        assert_eq!(country, value_label(Lang::En, &p, p.current(&s)));
        s.partners[0].culture =
            aliansi_sim::CultureSpec::Custom(aliansi_sim::Country::ALL[0].culture());
        assert_eq!(current_label(Lang::En, &p, &s), "Custom scores");
        assert_ne!(current_label(Lang::Id, &p, &s), "Custom scores");
        // The form's hint names it too (it read the first country before).
        assert!(!current_label(Lang::En, &p, &s).contains(&country));
    }

    /// Labels that fit are written at their ticks; one too long for even a turned label
    /// letters the whole axis, and the key names every tick in lines that keep the words whole.
    #[test]
    fn long_category_labels_are_lettered_with_a_key() {
        let w = |l: &str| l.chars().count() as f64 * 7.2;
        let short: Vec<String> = ["Consensus", "Majority vote", "Lead partner decides"]
            .map(String::from)
            .to_vec();
        assert_eq!(axis_key(&short, KEY_ABOVE, 0, w, 40), None);
        let base = default_scenario();
        let r = find(&base, "governance.resolution").unwrap();
        for lang in [Lang::En, Lang::Id] {
            let ladders: Vec<String> = (0..r.options().len())
                .map(|i| option_label(lang, &r, i))
                .collect();
            let key = axis_key(&ladders, KEY_ABOVE, 0, w, 40).expect("the ladders are keyed");
            assert_eq!(key.len(), ladders.len());
            let letters: Vec<&str> = key.iter().map(|e| e.letter.as_str()).collect();
            assert_eq!(
                letters,
                ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"]
            );
            for (e, l) in key.iter().zip(&ladders) {
                assert_eq!(e.lines.join(" "), *l, "every word kept, in order");
                assert!(e.lines.iter().all(|x| x.chars().count() <= 42), "{e:?}");
                assert!(!e.lines.iter().any(|x| x.starts_with('→')), "{e:?}");
            }
            // The longest ladder takes two lines; the key as many as its entries' lines.
            let longest = key.last().unwrap();
            assert_eq!(longest.lines.len(), 2, "{longest:?}");
            assert_eq!(
                key_line_count(&key[..2]),
                2,
                "short ladders take a line each"
            );
            assert!(key_line_count(&key) > key.len());
        }
        // A second keyed axis goes on after the first's letters.
        let key = axis_key(&["x".repeat(30)], KEY_ABOVE, 11, w, 40).unwrap();
        assert_eq!(key[0].letter, "L");
    }

    #[test]
    fn every_parameter_and_option_has_a_label_in_both_languages() {
        for preset in all() {
            let base = &preset.scenario;
            for (g, params) in grouped(base) {
                for lang in Lang::ALL {
                    assert!(!group_label(lang, base, g).contains("??"));
                }
                for p in params {
                    for lang in Lang::ALL {
                        let l = param_label(lang, base, &p);
                        assert!(!l.contains("??") && !l.contains('{'), "{}: {l}", p.path);
                        for i in 0..p.options().len() {
                            let o = option_label(lang, &p, i);
                            assert!(!o.contains("??") && !o.is_empty(), "{} {i}", p.path);
                        }
                    }
                }
            }
        }
        let base = default_scenario();
        let p = find(&base, "partners.1.patience").unwrap();
        assert_eq!(
            param_label(Lang::En, &base, &p),
            format!("{}: Patience", base.partners[1].name)
        );
        let p = find(&base, "partners.*.opportunism").unwrap();
        assert_eq!(
            param_label(Lang::En, &base, &p),
            "All partners: Opportunism"
        );
        let f = find(&base, "governance.form").unwrap();
        assert_eq!(option_label(Lang::En, &f, 2), "Equity joint venture");
        let m = find(&base, "governance.alliance_manager").unwrap();
        assert_eq!(option_label(Lang::Id, &m, 1), "Ya");
        assert_eq!(value_label(Lang::Id, &p, 0.25), "0,25");
        // The ladder: its steps in order, in a few words.
        let r = find(&base, "governance.resolution").unwrap();
        let last = r.options().len() - 1;
        assert_eq!(
            option_label(Lang::En, &r, last),
            "Negotiation → Mediation → Arbitration → Escalation to top management"
        );
        assert_eq!(option_label(Lang::Id, &r, 2), "Penghindaran → Negosiasi");
        assert_eq!(
            current_label(Lang::En, &r, &base),
            "Negotiation → Arbitration"
        );
        // A ladder of the scenario's own is named by its steps, not as the first option.
        let mut own = base.clone();
        own.governance.resolution = vec![Resolution::Arbitration, Resolution::Mediation];
        assert_eq!(current_label(Lang::En, &r, &own), "Arbitration → Mediation");
    }

    /// What the sweep says of the fields it marks as scaling alike holds on every preset: the
    /// same survival at every point; and a field it does not mark moves survival.
    #[test]
    fn fields_set_alike_for_every_partner_survive_alike() {
        let survival = |base: &Scenario, path: &str, values: Vec<f64>| -> Vec<f64> {
            let param = catalogue(base)
                .into_iter()
                .find(|p| p.path == path)
                .unwrap();
            let x = aliansi_sim::sweep::Axis { param, values };
            let r = aliansi_sim::sweep::run_sweep(base, &x, None, 100).unwrap();
            r.points.iter().map(|p| p.survival).collect()
        };
        for preset in all() {
            let base = &preset.scenario;
            for (path, values) in [
                ("partners.*.contribution", vec![0.1, 0.5, 1.0]),
                ("partners.*.capacity", vec![10.0, 35.0, 100.0]),
            ] {
                assert!(scales_alike(path));
                let s = survival(base, path, values);
                assert!(s.iter().all(|v| *v == s[0]), "{} {path}: {s:?}", preset.id);
            }
        }
        let base = default_scenario();
        assert!(!scales_alike("partners.*.opportunism"));
        let s = survival(&base, "partners.*.opportunism", vec![0.1, 0.5]);
        assert!(s[0] > s[1], "{s:?}");
    }

    #[test]
    fn defaults_sit_around_the_current_value_inside_the_range() {
        let unit = Domain::Number {
            min: 0.0,
            max: 1.0,
            min_open: false,
            whole: false,
        };
        assert_eq!(default_span(&unit, 0.5), (0.25, 0.75));
        assert_eq!(default_span(&unit, 0.1), (0.0, 0.5));
        assert_eq!(default_span(&unit, 0.95), (0.5, 1.0));
        let cap = Domain::Number {
            min: 0.0,
            max: 10_000.0,
            min_open: true,
            whole: false,
        };
        assert_eq!(default_span(&cap, 50.0), (25.0, 100.0));
        let months = Domain::Number {
            min: 0.0,
            max: 120.0,
            min_open: false,
            whole: true,
        };
        assert_eq!(default_span(&months, 12.0), (6.0, 24.0));
        assert_eq!(default_span(&months, 0.0), (0.0, 60.0));
        // The months between reviews: never, then every quarter up to two years, from any
        // scenario (the default reviews yearly, challenge-adaptation never).
        for base in [
            default_scenario(),
            aliansi_sim::presets::find("challenge-adaptation").unwrap(),
        ] {
            let f = AxisForm::for_param(&base, "governance.review_months").unwrap();
            assert_eq!(
                (f.from.as_str(), f.to.as_str(), f.steps.as_str()),
                ("0", "24", "9")
            );
            let a = read_axis(Lang::En, &base, &f).unwrap();
            assert_eq!(a.values, [0.0, 3.0, 6.0, 9.0, 12.0, 15.0, 18.0, 21.0, 24.0]);
        }
        // A whole parameter reads one mark before three digits as thousands in either
        // language, as the editor does (a horizon to "1.000" swept 12, 7 and 1 months).
        let base = default_scenario();
        for lang in [Lang::En, Lang::Id] {
            for to in ["1.000", "1,000"] {
                let mut f = AxisForm::for_param(&base, "horizon_months").unwrap();
                (f.from, f.to, f.steps) = ("12".into(), to.into(), "3".into());
                let a = read_axis(lang, &base, &f).unwrap();
                assert_eq!(a.values, [12.0, 506.0, 1000.0], "{lang:?} {to}");
            }
        }
        // Every default of every preset reads back as a valid axis.
        for preset in all() {
            let base = &preset.scenario;
            for p in catalogue(base) {
                let f = AxisForm::for_param(base, &p.path).unwrap();
                let a = read_axis(Lang::En, base, &f);
                assert!(a.is_ok(), "{} {}: {a:?} from {f:?}", preset.id, p.path);
            }
        }
    }

    #[test]
    fn the_form_refuses_bad_input_at_the_field() {
        let base = default_scenario();
        let mut f = SweepForm::new(&base);
        let c = check(Lang::En, &base, &f);
        let (points, runs) = c.ready.clone().unwrap();
        assert_eq!((points.len(), runs), (5, DEFAULT_RUNS));
        assert!(points.iter().all(|s| s.seed == base.seed));
        f.x.from = "abc".into();
        let c = check(Lang::En, &base, &f);
        assert_eq!(c.x.as_ref().unwrap_err().input, Input::From);
        assert!(c.ready.is_none());
        f.x.from = "0,1".into(); // a decimal comma
        f.x.to = "1.5".into();
        let e = check(Lang::En, &base, &f).x.unwrap_err();
        assert_eq!(e.input, Input::To);
        assert!(
            e.message.contains("0") && e.message.contains("1"),
            "{}",
            e.message
        );
        f.x.to = "0,1".into();
        assert_eq!(check(Lang::En, &base, &f).x.unwrap_err().input, Input::To);
        f.x.to = "1".into();
        f.x.steps = "1".into();
        assert_eq!(
            check(Lang::En, &base, &f).x.unwrap_err().input,
            Input::Steps
        );
        f.x.steps = "51".into();
        assert_eq!(
            check(Lang::Id, &base, &f).x.unwrap_err().input,
            Input::Steps
        );
        f.x.steps = "50".into();
        // Too many runs in all: refused as a whole, with the numbers.
        f.runs = "10000".into();
        let c = check(Lang::En, &base, &f);
        let w = c.whole.unwrap();
        assert!(w.message.contains("500,000"), "{}", w.message);
        f.runs = "20000".into();
        assert_eq!(
            check(Lang::En, &base, &f).runs.unwrap_err().input,
            Input::Runs
        );
        f.runs = "200".into();
        // A choice axis needs two options picked.
        f.y = AxisForm::for_param(&base, "governance.form");
        f.x.steps = "4".into();
        let c = check(Lang::En, &base, &f);
        assert_eq!(c.ready.as_ref().unwrap().0.len(), 12);
        let y = f.y.as_mut().unwrap();
        y.picked = vec![false, true, false];
        let e = check(Lang::En, &base, &f).y.unwrap().unwrap_err();
        assert_eq!(e.input, Input::Choices);
        // The same parameter twice is refused.
        f.y = AxisForm::for_param(&base, &f.x.path.clone());
        assert_eq!(
            check(Lang::En, &base, &f).y.unwrap().unwrap_err().input,
            Input::Param
        );
        // A point that cannot run names its values.
        f.y = None;
        f.x = AxisForm::for_param(&base, "partners.*.contribution").unwrap();
        f.x.from = "0".into();
        let w = check(Lang::En, &base, &f).whole.unwrap();
        assert!(
            w.message.contains("All partners: Contribution = 0"),
            "{}",
            w.message
        );
        // A path the scenario does not have.
        f.x.path = "partners.9.patience".into();
        assert_eq!(
            check(Lang::En, &base, &f).x.unwrap_err().input,
            Input::Param
        );
    }

    #[test]
    fn numbers_in_either_format() {
        let f = AxisForm::for_param(
            &aliansi_sim::presets::default_scenario(),
            "governance.transparency",
        )
        .unwrap();
        let id = f.clone().in_lang(crate::i18n::Lang::Id);
        assert_eq!((id.from.as_str(), id.to.as_str()), ("0,25", "0,75"));
        let read = |t: &str| crate::number::read_with(t, '.');
        assert_eq!(read(&id.from), read(&f.from));
        assert_eq!(id.in_lang(crate::i18n::Lang::En), f);
        assert_eq!(read("0.25"), Some(0.25));
        assert_eq!(read(" 0,25 "), Some(0.25));
        assert_eq!(read("-0.5"), Some(-0.5));
        assert_eq!(read("1.000,5"), Some(1000.5));
        assert_eq!(read(""), None);
        assert_eq!(read("NaN"), None);
        // What reads two ways is read as the page writes numbers, as the editor reads it.
        use crate::i18n::Lang::{En, Id};
        let base = aliansi_sim::presets::default_scenario();
        let capacity = |lang, from: &str| {
            let mut f = AxisForm::for_param(&base, "partners.*.capacity").unwrap();
            (f.from, f.to) = (from.into(), "5000".into());
            read_axis(lang, &base, &f).map(|a| a.values[0])
        };
        assert_eq!(capacity(En, "1,200"), Ok(1200.0));
        assert_eq!(capacity(Id, "1.200"), Ok(1200.0));
        assert_eq!(capacity(En, "1.200"), Ok(1.2));
        assert_eq!(capacity(Id, "1,200"), Ok(1.2));
    }

    #[test]
    fn reducer_takes_points_in_any_order_and_ignores_stale_replies() {
        let base = default_scenario();
        let mut form = SweepForm::new(&base);
        form.x.steps = "3".into();
        let (scenarios, _) = check(Lang::En, &base, &form).ready.unwrap();
        let x = read_axis(Lang::En, &base, &form.x).unwrap();
        let tallies: Vec<Rc<BatchTally>> = scenarios
            .iter()
            .map(|s| Rc::new(aliansi_sim::run_chunk(s, s.seed, 0..20).unwrap()))
            .collect();
        let mut s = Rc::new(Sweep::new(&base));
        s = s.reduce(SweepAction::Start {
            base: base.clone(),
            x: x.clone(),
            y: None,
            scenarios: scenarios.clone(),
            each: 20,
            now_ms: 1000.0,
        });
        assert_eq!(s.running_id(), Some(0));
        // The form is locked while running.
        let locked = s.clone().reduce(SweepAction::Runs("50".into()));
        assert_eq!(locked.form.runs, DEFAULT_RUNS.to_string());
        let points = |run: u64, which: &[usize], done: u64, first: Option<(usize, u64)>| {
            SweepAction::Points {
                run,
                points: which.iter().map(|&i| (i, tallies[i].clone())).collect(),
                done,
                first_unfinished: first,
                now_ms: 3000.0,
            }
        };
        let stale = s.clone().reduce(points(7, &[2], 20, Some((0, 0))));
        assert_eq!(stale, s);
        // The points come back in any order; the first one not complete is shown.
        s = s.reduce(points(0, &[], 10, Some((0, 10))));
        assert!(matches!(
            s.phase,
            Phase::Running {
                current: 0,
                done: 10,
                runs_done: 10,
                ..
            }
        ));
        s = s.reduce(points(0, &[1], 30, Some((0, 10))));
        assert_eq!(s.points_done(), 1);
        s = s.reduce(points(0, &[0], 40, Some((2, 0))));
        assert!(matches!(
            s.phase,
            Phase::Running {
                current: 2,
                done: 0,
                runs_done: 40,
                ..
            }
        ));
        // A point told twice counts once.
        s = s.reduce(points(0, &[0], 40, Some((2, 0))));
        assert_eq!(s.points_done(), 2);
        s = s.reduce(points(0, &[2], 60, None));
        assert_eq!(s.phase, Phase::Done);
        let r = s.results.clone().unwrap();
        assert_eq!(r.seconds, 2.0);
        assert_eq!(r.runs, 20);
        // The same numbers as the core's sweep on one thread.
        assert_eq!(r.result, run_sweep(&base, &x, None, 20).unwrap());
        // Start again, cancel after one point: nothing kept, late replies ignored.
        s = s.reduce(SweepAction::Start {
            base: base.clone(),
            x,
            y: None,
            scenarios,
            each: 20,
            now_ms: 0.0,
        });
        assert!(s.results.is_none());
        s = s.reduce(points(1, &[2], 20, Some((0, 0))));
        s = s.reduce(SweepAction::Cancel);
        let cancelled = Phase::Cancelled {
            points_done: 1,
            points: 3,
        };
        assert_eq!(s.phase, cancelled);
        s = s.reduce(SweepAction::Failed {
            run: 1,
            error: "late".into(),
        });
        assert_eq!(s.phase, cancelled);
        s = s.reduce(SweepAction::Runs("50".into()));
        assert_eq!(s.form.runs, "50");
        assert_ne!(Sweep::batch_id(1, 0), Sweep::batch_id(0, 2499));
    }

    #[test]
    fn line_geometry_of_numbers_and_categories() {
        let g = line_geometry(
            &[0.0, 0.5, 1.0],
            &[0.2, 0.5, 0.8],
            &[0.1, 0.4, 0.7],
            &[0.3, 0.6, 0.9],
            false,
            100.0,
            50.0,
        );
        assert_eq!(g.line, "M0,40L50,25L100,10");
        assert_eq!(g.points, vec![(0.0, 40.0), (50.0, 25.0), (100.0, 10.0)]);
        assert!(
            g.band.starts_with('M') && g.band.ends_with('Z'),
            "{}",
            g.band
        );
        assert_eq!(g.ticks.first(), Some(&(0.0, 0.0)));
        assert_eq!(g.ticks.last(), Some(&(100.0, 1.0)));
        let c = line_geometry(
            &[0.0, 1.0],
            &[1.0, 0.0],
            &[1.0, 0.0],
            &[1.0, 0.0],
            true,
            100.0,
            50.0,
        );
        assert_eq!(c.points, vec![(25.0, 0.0), (75.0, 50.0)]);
        assert_eq!(c.ticks, vec![(25.0, 0.0), (75.0, 1.0)]);
        // Categories are not joined: an interval bar each instead of a line and a band.
        assert!(c.line.is_empty() && c.band.is_empty());
        assert_eq!(c.whiskers, vec![(25.0, 0.0, 0.0), (75.0, 50.0, 50.0)]);
        assert!(g.whiskers.is_empty());
    }
}
