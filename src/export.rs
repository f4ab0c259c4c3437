//! "Take it away": the numbers behind every chart as CSV, file names for downloads, and the
//! findings of the printable debrief. Pure: no web code, tested natively. The download buttons
//! and the SVG/PNG serialisation are in [`crate::components::export`].
//!
//! Every CSV has one header row of stable English column names (so a formula or a script
//! keeps working whatever the page language), `.` as the decimal point, numbers to 12
//! significant digits (see [`number`]), an empty cell where the chart has no point (a partner
//! that has left, the mean trust of a single partner), RFC 4180 quoting of any field holding a comma, a quote or a
//! line break (names), an apostrophe before any text a spreadsheet would run as a formula
//! (a name starting with `=`), and CRLF line ends. One CSV per chart: each opens in a spreadsheet as a
//! plain table ready for a chart of its own.

use aliansi_sim::batch::value_bin_floor;
use aliansi_sim::{BatchSummary, Cause, MonthStats, Scenario};

use crate::batch::survival_rows;
use crate::i18n::{t, tf, Lang};
use crate::narrate::{amount, cause_words, months, num, pct};
use crate::variants::Results;

/// Added before the text of a downloaded CSV (a UTF-8 byte order mark), so that spreadsheets
/// which otherwise guess a legacy encoding read names with accents correctly.
pub const BOM: &str = "\u{feff}";

/// One CSV field: quoted (with inner quotes doubled) when it holds a comma, a quote, a line
/// break, or leading or trailing spaces; as is otherwise. A text a spreadsheet would take for
/// a formula gets a leading apostrophe first ([`defused`]).
pub fn field(s: &str) -> String {
    field_quoting(s, false)
}

/// Whether a cell is a number as [`number`] writes it (`-0.5`, `12`, `4.05e-141`): the cells
/// [`semicolon_csv`] gives a decimal comma, and the only ones that may start with `-` as they are.
fn is_number_cell(cell: &str) -> bool {
    let (mantissa, exponent) = match cell.split_once('e') {
        Some((m, e)) => (m, Some(e)),
        None => (cell, None),
    };
    let plain = mantissa.strip_prefix('-').unwrap_or(mantissa);
    let exponent_ok = exponent.is_none_or(|e| {
        let digits = e.strip_prefix('-').unwrap_or(e);
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
    });
    !plain.is_empty()
        && plain.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && plain.bytes().filter(|&b| b == b'.').count() <= 1
        && !plain.starts_with('.')
        && !plain.ends_with('.')
        && exponent_ok
}

/// `s` with an apostrophe before it when it is text that starts with `=`, `+`, `-`, `@`, a tab
/// or a carriage return, which Excel, LibreOffice and Google Sheets read as a formula (OWASP's
/// advice against CSV injection): a partner's or a variant's name comes from whoever wrote the
/// scenario or the shared link, and `=HYPERLINK(…)` must not run where the file is opened.
/// Numbers keep their sign (`-0.5` stays a number).
fn defused(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_number_cell(s) {
        format!("'{s}").into()
    } else {
        s.into()
    }
}

/// [`field`], quoted also when it holds a semicolon (`semicolon`: for [`semicolon_csv`]).
fn field_quoting(s: &str, semicolon: bool) -> String {
    let s = &*defused(s);
    let needs = s.contains([',', '"', '\n', '\r'])
        || (semicolon && s.contains(';'))
        || s.starts_with(char::is_whitespace)
        || s.ends_with(char::is_whitespace);
    if needs {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A number for a CSV cell: `.` decimal point, no grouping, rounded to 12 significant digits
/// (far finer than the model means anything, and free of floating-point noise: `0.53`, not
/// `0.5299999999999998`); empty when not finite; `-0` written as `0`. Plain digits from
/// 0.000000001 to below 10^15; beyond, an exponent (`4.05e-141`, a log-rank p-value of very
/// different curves, rather than 140 zeros), which spreadsheets and R read as numbers too.
pub fn number(v: f64) -> String {
    if !v.is_finite() {
        return String::new();
    }
    let r = crate::number::parse_f64(&format!("{v:.11e}")).unwrap_or(v);
    if r == 0.0 {
        "0".into()
    } else if r.abs() < 1e-9 || r.abs() >= 1e15 {
        // `r` has 12 significant digits at most: written with 11 decimals, then without the
        // trailing zeros (`2.5e-20`; the same formatting as above, not a second one in the
        // download).
        let text = format!("{r:.11e}");
        let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
        let mantissa = mantissa.trim_end_matches('0').trim_end_matches('.');
        format!("{mantissa}e{exponent}")
    } else {
        format!("{r}")
    }
}

/// A CSV document: a header and rows of already formatted cells.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new<S: AsRef<str>>(header: &[S]) -> Table {
        Table {
            header: header.iter().map(|s| s.as_ref().to_string()).collect(),
            rows: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Vec<String>) {
        debug_assert_eq!(row.len(), self.header.len(), "row width");
        self.rows.push(row);
    }

    /// The CSV text (RFC 4180: CRLF after every line, the last one too).
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        for line in std::iter::once(&self.header).chain(&self.rows) {
            let cells: Vec<String> = line.iter().map(|c| field(c)).collect();
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
        out
    }
}

/// `text`, a CSV of this module (commas between cells, `.` decimal points), as spreadsheets
/// set to Indonesian number formats read it: semicolons between cells and decimal commas
/// (`0,25`), the form Excel itself writes under those settings and R's `read.csv2` reads.
/// Under them a comma-separated file opens as one column, and `0.25` is not read as a number.
/// Only cells that are numbers as [`number`] writes them change; the others keep their text,
/// quoted where they hold a semicolon (or what [`field`] quotes).
pub fn semicolon_csv(text: &str) -> String {
    fn flush(out: &mut String, cell: &mut String) {
        if is_number_cell(cell) {
            out.push_str(&cell.replace('.', ","));
        } else {
            out.push_str(&field_quoting(cell, true));
        }
        cell.clear();
    }
    let mut out = String::with_capacity(text.len());
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            '"' => quoted = !quoted,
            _ if quoted => cell.push(c),
            ',' => {
                flush(&mut out, &mut cell);
                out.push(';');
            }
            '\r' | '\n' => {
                // At CR then again at its LF: an empty cell writes nothing.
                flush(&mut out, &mut cell);
                out.push(c);
            }
            _ => cell.push(c),
        }
    }
    flush(&mut out, &mut cell);
    out
}

fn opt(v: Option<f64>) -> String {
    v.map_or_else(String::new, number)
}

/// The Kaplan-Meier curve of a batch, month by month from 0 to the horizon, with its 95%
/// band. Columns: `month,survival,lower_95,upper_95`.
pub fn survival_csv(s: &BatchSummary) -> String {
    let mut t = Table::new(&["month", "survival", "lower_95", "upper_95"]);
    for (m, v) in s.survival_curve.iter().enumerate() {
        t.push(vec![
            m.to_string(),
            number(*v),
            opt(s.survival_low.get(m).copied()),
            opt(s.survival_high.get(m).copied()),
        ]);
    }
    t.to_csv()
}

/// The survival table (1, 3, 5 and 10 years within the horizon, and the horizon), with the
/// median. Columns: `after_months,survival,lower_95,upper_95`; the median survival (empty when
/// more than half survive) in a last column, the same on every row.
pub fn survival_table_csv(s: &BatchSummary) -> String {
    let mut t = Table::new(&[
        "after_months",
        "survival",
        "lower_95",
        "upper_95",
        "median_survival_months",
    ]);
    let last = s.survival_curve.len().saturating_sub(1);
    let median = s
        .median_survival_months
        .map_or_else(String::new, |m| m.to_string());
    for m in survival_rows(s.horizon_months) {
        let i = (m as usize).min(last);
        t.push(vec![
            m.to_string(),
            opt(s.survival_curve.get(i).copied()),
            opt(s.survival_low.get(i).copied()),
            opt(s.survival_high.get(i).copied()),
            median.clone(),
        ]);
    }
    t.to_csv()
}

/// The chance of dissolving within each year, given together at its start. Columns:
/// `year,from_month,to_month,hazard` (the last year may be short; a year no alliance reached
/// has no hazard: an empty cell).
pub fn hazard_csv(s: &BatchSummary) -> String {
    let mut t = Table::new(&["year", "from_month", "to_month", "hazard"]);
    for (y, h) in s.hazard_by_year.iter().enumerate() {
        let from = 12 * y as u32;
        let to = (from + 12).min(s.horizon_months);
        t.push(vec![
            (y + 1).to_string(),
            from.to_string(),
            to.to_string(),
            if s.hazard_defined(y) {
                number(*h)
            } else {
                String::new()
            },
        ]);
    }
    t.to_csv()
}

/// The causes of the futures that ended, most common first (ties in the summary's order): the
/// order of the causes chart and of its CSV.
pub fn causes_most_common_first(s: &BatchSummary) -> Vec<(Cause, u64)> {
    let mut causes = s.causes.clone();
    causes.sort_by_key(|c| std::cmp::Reverse(c.1));
    causes
}

/// Each cause's share of the futures that ended, in the order given, rounded to one decimal
/// of a percent so that the shares shown add up to 100% ([`crate::number::whole_shares`]).
pub fn causes_shares(causes: &[(Cause, u64)]) -> Vec<f64> {
    let ended: u64 = causes.iter().map(|c| c.1).sum();
    let parts: Vec<f64> = causes
        .iter()
        .map(|c| c.1 as f64 / ended.max(1) as f64)
        .collect();
    crate::number::whole_shares(&parts, 1)
}

/// How the futures that ended, ended, most common first (as the chart). Columns:
/// `cause,description,runs,share_of_ended` (`cause` a stable key, `description` in `lang`).
pub fn causes_csv(lang: Lang, s: &BatchSummary) -> String {
    let causes = causes_most_common_first(s);
    let ended: u64 = causes.iter().map(|c| c.1).sum();
    let mut t = Table::new(&["cause", "description", "runs", "share_of_ended"]);
    for (cause, n) in causes {
        let share = if ended > 0 {
            n as f64 / ended as f64
        } else {
            0.0
        };
        t.push(vec![
            cause.key().to_string(),
            cause_words(lang, cause).to_string(),
            n.to_string(),
            number(share),
        ]);
    }
    t.to_csv()
}

/// Runs by net value (what the partners were paid), every bin (the chart shows the occupied ones). Columns:
/// `value_from,value_to,runs` (`value_to` empty for the open last bin).
pub fn value_hist_csv(s: &BatchSummary) -> String {
    let mut t = Table::new(&["value_from", "value_to", "runs"]);
    let n = s.value_hist.len();
    for (i, c) in s.value_hist.iter().enumerate() {
        let to = if i + 1 < n {
            number(value_bin_floor(i + 1))
        } else {
            String::new()
        };
        t.push(vec![number(value_bin_floor(i)), to, c.to_string()]);
    }
    t.to_csv()
}

/// Equal bins over [0, 1]: (from, to) of bin `i` of `n`.
fn unit_bin(i: usize, n: usize) -> (String, String) {
    let n = n.max(1) as f64;
    (number(i as f64 / n), number((i + 1) as f64 / n))
}

/// Runs by final mean trust. Columns: `trust_from,trust_to,runs`.
pub fn trust_hist_csv(s: &BatchSummary) -> String {
    let mut t = Table::new(&["trust_from", "trust_to", "runs"]);
    let n = s.trust_hist.len();
    for (i, c) in s.trust_hist.iter().enumerate() {
        let (from, to) = unit_bin(i, n);
        t.push(vec![from, to, c.to_string()]);
    }
    t.to_csv()
}

/// A partner's name, or `#k` when the scenario has none for it.
fn partner_name(scenario: &Scenario, i: usize) -> String {
    scenario
        .partners
        .get(i)
        .map_or_else(|| format!("#{}", i + 1), |p| p.name.clone())
}

/// Runs by each partner's share of the payoffs: one column of counts per partner (headed by
/// its name), a row per bin. Columns: `share_from,share_to,<partner>...`; the partners' mean
/// shares in a last row whose `share_from` is `mean`.
pub fn shares_csv(s: &BatchSummary, scenario: &Scenario) -> String {
    let mut header = vec!["share_from".to_string(), "share_to".to_string()];
    header.extend((0..s.share_hist.len()).map(|i| partner_name(scenario, i)));
    let mut t = Table::new(&header);
    let bins = s.share_hist.iter().map(Vec::len).max().unwrap_or(0);
    for b in 0..bins {
        let (from, to) = unit_bin(b, bins);
        let mut row = vec![from, to];
        row.extend(
            s.share_hist
                .iter()
                .map(|h| h.get(b).map_or_else(String::new, |c| c.to_string())),
        );
        t.push(row);
    }
    let mut mean = vec!["mean".to_string(), String::new()];
    mean.extend((0..s.share_hist.len()).map(|i| opt(s.mean_share.get(i).copied())));
    t.push(mean);
    t.to_csv()
}

/// The survival curves of the variants of a comparison, a column each (headed by its name).
/// Columns: `<month>,<variant>...`, the first headed `month_header` (the chart's columns are
/// headed in the page's language, by the variants' names: so is its month column, as in
/// [`lines_csv`]).
pub fn variants_curves_csv(month_header: &str, r: &Results) -> String {
    let mut header = vec![month_header.to_string()];
    header.extend(r.names.iter().cloned());
    let mut t = Table::new(&header);
    let months = r
        .summaries
        .iter()
        .map(|s| s.survival_curve.len())
        .max()
        .unwrap_or(0);
    for m in 0..months {
        let mut row = vec![m.to_string()];
        row.extend(
            r.summaries
                .iter()
                .map(|s| opt(s.survival_curve.get(m).copied())),
        );
        t.push(row);
    }
    t.to_csv()
}

/// The comparison table: a row per variant with its survival at the horizon and 95%
/// interval, its difference from the base and that difference's interval (empty for the base
/// itself), and the log-rank test of all the curves (the same on every row).
pub fn variants_summary_csv(r: &Results) -> String {
    let mut t = Table::new(&[
        "variant",
        "runs",
        "horizon_months",
        "survival_at_horizon",
        "lower_95",
        "upper_95",
        "difference_from_base",
        "difference_lower_95",
        "difference_upper_95",
        "log_rank_chi2",
        "log_rank_df",
        "log_rank_p",
    ]);
    let lr = &r.comparison.log_rank;
    for (i, name) in r.names.iter().enumerate() {
        let Some(s) = r.summaries.get(i) else {
            continue;
        };
        let diff = match r.comparison.difference.get(i) {
            Some(&(d, (lo, hi))) if i > 0 => [number(d), number(lo), number(hi)],
            _ => Default::default(),
        };
        let [d, dlo, dhi] = diff;
        t.push(vec![
            name.clone(),
            s.runs.to_string(),
            s.horizon_months.to_string(),
            number(s.survival_at_horizon),
            number(s.survival_ci95.0),
            number(s.survival_ci95.1),
            d,
            dlo,
            dhi,
            number(lr.chi2),
            lr.df.to_string(),
            number(lr.p_value),
        ]);
    }
    t.to_csv()
}

/// The monthly figures of one run (as far as it has gone), a row per month from 0: what the
/// run's charts show. Columns: `month,mean_trust,market,value,open_disputes`, then
/// `satisfaction: <partner>` and `payoff: <partner>` for each partner (empty after the month
/// it left, in which it was still paid: the payoffs add up to what was paid out;
/// `mean_trust` empty once fewer than two partners are left). Month 0 is the state before
/// the first month, where the trust chart starts: only `mean_trust` (the scenario's initial
/// trust), the other cells empty, as their charts start at month 1.
pub fn run_csv(scenario: &Scenario, series: &[MonthStats]) -> String {
    let names: Vec<String> = (0..scenario.partners.len())
        .map(|i| partner_name(scenario, i))
        .collect();
    let mut header: Vec<String> = ["month", "mean_trust", "market", "value", "open_disputes"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    header.extend(names.iter().map(|n| format!("satisfaction: {n}")));
    header.extend(names.iter().map(|n| format!("payoff: {n}")));
    let mut t = Table::new(&header);
    let mut start = vec!["0".to_string(), number(scenario.initial_trust)];
    start.resize(header.len(), String::new());
    t.push(start);
    for (k, m) in series.iter().enumerate() {
        let together = m.active.iter().filter(|a| **a).count() >= 2;
        let mut row = vec![
            m.month.to_string(),
            if together {
                number(m.mean_trust)
            } else {
                String::new()
            },
            number(m.market),
            number(m.value),
            m.open_disputes.to_string(),
        ];
        let per = |v: &[f64], i: usize| {
            if crate::state::took_part(series, k, i) {
                opt(v.get(i).copied())
            } else {
                String::new()
            }
        };
        row.extend((0..names.len()).map(|i| per(&m.satisfaction, i)));
        row.extend((0..names.len()).map(|i| per(&m.payoff, i)));
        t.push(row);
    }
    t.to_csv()
}

/// A sweep's results: a row per point (per value, or per pair of values on two axes). The
/// first columns are headed by the swept fields' paths (as the CLI's `--set` takes them) and
/// hold their values (a number, or an option's key for a choice), then `runs`,
/// `horizon_months`, `survival_at_horizon`, `lower_95`, `upper_95`,
/// `median_survival_months` (empty when more than half survive) and `mean_value`.
pub fn sweep_csv(r: &crate::sweep::Results) -> String {
    let res = &r.result;
    let mut header = vec![res.x.param.path.clone()];
    header.extend(res.y.as_ref().map(|y| y.param.path.clone()));
    header.extend(
        [
            "runs",
            "horizon_months",
            "survival_at_horizon",
            "lower_95",
            "upper_95",
            "median_survival_months",
            "mean_value",
        ]
        .map(String::from),
    );
    let value = |a: &aliansi_sim::sweep::Axis, i: usize| {
        let v = a.values.get(i).copied().unwrap_or(f64::NAN);
        if a.param.is_choice() {
            a.param
                .options()
                .get(v as usize)
                .map_or_else(String::new, |o| o.to_string())
        } else {
            number(v)
        }
    };
    let mut t = Table::new(&header);
    for p in &res.points {
        let mut row = vec![value(&res.x, p.ix)];
        row.extend(res.y.as_ref().map(|y| value(y, p.iy)));
        row.extend([
            p.runs.to_string(),
            p.horizon_months.to_string(),
            number(p.survival),
            number(p.ci95.0),
            number(p.ci95.1),
            p.median_survival_months
                .map_or_else(String::new, |m| m.to_string()),
            number(p.mean_value),
        ]);
        t.push(row);
    }
    t.to_csv()
}

/// The stem of a sweep's downloads: `sweep-<runs>-runs-seed-<seed>`.
pub fn sweep_stem(runs: u64, seed: u64) -> String {
    format!("sweep-{runs}-runs-seed-{seed}")
}

/// The lines of a line chart side by side: one row per x value found in any line (in
/// order), one column per line (headed by its label), empty where a line has no point.
/// Columns: `<x_header>,<label>...`.
pub fn lines_csv(x_header: &str, lines: &[(&str, &[(f64, f64)])]) -> String {
    let mut xs: Vec<f64> = lines
        .iter()
        .flat_map(|(_, pts)| pts.iter().map(|p| p.0))
        .filter(|x| x.is_finite())
        .collect();
    xs.sort_by(f64::total_cmp);
    xs.dedup();
    let mut header = vec![x_header.to_string()];
    header.extend(lines.iter().map(|(l, _)| l.to_string()));
    let mut t = Table::new(&header);
    for x in xs {
        let mut row = vec![number(x)];
        row.extend(
            lines
                .iter()
                .map(|(_, pts)| opt(pts.iter().find(|p| p.0 == x).map(|p| p.1))),
        );
        t.push(row);
    }
    t.to_csv()
}

/// `title` broken into lines of at most `max` characters, at spaces (a word longer than
/// `max` gets a line of its own): the title above a downloaded chart, or a key's entry under
/// a sweep's chart, which SVG does not wrap. An arrow (a ladder's "Negotiation → Mediation")
/// stays at the end of the line before, so no line starts with one (it may take that line two
/// characters past `max`).
pub fn wrap_words(title: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in title.split_whitespace() {
        match lines.last_mut() {
            Some(line) if word == "→" || line.chars().count() + 1 + word.chars().count() <= max =>
            {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// A download's file name: `aliansi-` then the parts, lower case, every run of characters
/// other than ASCII letters and digits made one `-`, then `.ext`.
pub fn file_name(parts: &[&str], ext: &str) -> String {
    let mut slug = String::from("aliansi");
    for part in parts {
        let mut piece = String::new();
        for c in part.chars() {
            if c.is_ascii_alphanumeric() {
                piece.push(c.to_ascii_lowercase());
            } else if !piece.ends_with('-') {
                piece.push('-');
            }
        }
        let piece = piece.trim_matches('-');
        if !piece.is_empty() {
            slug.push('-');
            slug.push_str(piece);
        }
    }
    format!("{slug}.{ext}")
}

/// A chart's download: [`file_name`] of its stem and the model that computed it
/// (`…-model-2026-12-02.2.csv`), so that a CSV kept apart from the page still says which model's
/// figures it holds, as a picture's credit line does.
pub fn chart_file_name(stem: &str, ext: &str) -> String {
    file_name(
        &[stem, &format!("model {}", aliansi_sim::MODEL_VERSION)],
        ext,
    )
}

/// The stem of a batch's downloads: `futures-<runs>-runs-seed-<seed>`.
pub fn batch_stem(runs: u64, seed: u64) -> String {
    format!("futures-{runs}-runs-seed-{seed}")
}

/// The stem of a comparison's downloads: `compare-<runs>-runs-seed-<seed>`.
pub fn compare_stem(runs: u64, seed: u64) -> String {
    format!("compare-{runs}-runs-seed-{seed}")
}

/// The stem of a single run's downloads: `run-seed-<seed>`.
pub fn run_stem(seed: u64) -> String {
    format!("run-seed-{seed}")
}

fn horizon_words(lang: Lang, months: u32) -> String {
    crate::variants::horizon_words(lang, months)
}

/// What a batch shows, in sentences, for the printed debrief: survival at the horizon with
/// its interval, the median, the most common way the futures ended, the mean net value
/// and the mean final trust.
pub fn batch_findings(lang: Lang, s: &BatchSummary) -> Vec<String> {
    let mut out = vec![tf(
        lang,
        "export.finding_survival",
        &[
            ("runs", &amount(lang, s.runs as f64)),
            ("pct", &pct(lang, s.survival_at_horizon)),
            ("horizon", &horizon_words(lang, s.horizon_months)),
            ("lo", &pct(lang, s.survival_ci95.0)),
            ("hi", &pct(lang, s.survival_ci95.1)),
        ],
    )];
    out.push(match s.median_survival_months {
        Some(m) => tf(lang, "experiments.median", &[("months", &months(lang, m))]),
        None => tf(
            lang,
            "experiments.median_none",
            &[("months", &months(lang, s.horizon_months))],
        ),
    });
    let ended: u64 = s.causes.iter().map(|c| c.1).sum();
    // Its share as the chart shows it.
    let causes = causes_most_common_first(s);
    let shares = causes_shares(&causes);
    let top = causes
        .iter()
        .zip(&shares)
        .filter(|(c, _)| c.1 > 0)
        .max_by(|(a, _), (b, _)| a.1.cmp(&b.1).then(b.0.key().cmp(a.0.key())));
    out.push(match top {
        Some((&(cause, _), &share)) => tf(
            lang,
            "export.finding_cause",
            &[
                ("cause", cause_words(lang, cause)),
                ("pct", &pct(lang, share)),
                ("n", &amount(lang, ended as f64)),
            ],
        ),
        None => t(lang, "export.finding_no_end").to_string(),
    });
    out.push(tf(
        lang,
        "export.finding_means",
        &[
            ("value", &amount(lang, s.mean_value)),
            ("trust", &num(lang, s.mean_final_trust, 2)),
        ],
    ));
    out
}

/// What a sweep shows, in sentences, for the printed debrief: what was swept, survival at
/// the first and the last value (one parameter), the highest and the lowest point, and whether
/// their 95% intervals overlap (if they do, the difference could be chance).
pub fn sweep_findings(lang: Lang, r: &crate::sweep::Results) -> Vec<String> {
    // Values as the sweep's table writes them (0.167, not 0.166666667).
    use crate::sweep::{param_label, short_label};
    let res = &r.result;
    let Some(first) = res.points.first() else {
        return Vec::new();
    };
    let xa = &res.x;
    let runs = amount(lang, first.runs as f64);
    let x_name = param_label(lang, &r.base, &xa.param);
    let at = |q: &aliansi_sim::sweep::SweepPoint| {
        let xv = short_label(lang, &xa.param, xa.values[q.ix]);
        match &res.y {
            None => xv,
            Some(ya) => tf(
                lang,
                "export.sweep_at_2d",
                &[
                    ("x", &x_name),
                    ("xv", &xv),
                    ("y", &param_label(lang, &r.base, &ya.param)),
                    ("yv", &short_label(lang, &ya.param, ya.values[q.iy])),
                ],
            ),
        }
    };
    let mut out = vec![match &res.y {
        None => tf(
            lang,
            "export.sweep_setup",
            &[
                ("param", &x_name),
                ("n", &xa.values.len().to_string()),
                ("runs", &runs),
            ],
        ),
        Some(ya) => tf(
            lang,
            "export.sweep_setup_2d",
            &[
                ("x", &x_name),
                ("nx", &xa.values.len().to_string()),
                ("y", &param_label(lang, &r.base, &ya.param)),
                ("ny", &ya.values.len().to_string()),
                ("runs", &runs),
            ],
        ),
    }];
    let last = res.points.last().unwrap_or(first);
    // Ends of a range of numbers; the options of a choice have none (the highest and the
    // lowest, below, say what there is to say).
    if res.y.is_none() && res.points.len() > 1 && !xa.param.is_choice() {
        out.push(tf(
            lang,
            "export.sweep_ends",
            &[
                ("horizon", &horizon_words(lang, first.horizon_months)),
                ("a", &pct(lang, first.survival)),
                ("at_a", &at(first)),
                ("b", &pct(lang, last.survival)),
                ("at_b", &at(last)),
            ],
        ));
    }
    // The first point of the highest (lowest) survival, in the order of the table.
    let hi = res
        .points
        .iter()
        .fold(first, |m, q| if q.survival > m.survival { q } else { m });
    let lo = res
        .points
        .iter()
        .fold(first, |m, q| if q.survival < m.survival { q } else { m });
    if res.points.len() > 1 {
        out.push(tf(
            lang,
            "export.sweep_best",
            &[
                ("hi", &pct(lang, hi.survival)),
                ("at_hi", &at(hi)),
                ("lo", &pct(lang, lo.survival)),
                ("at_lo", &at(lo)),
            ],
        ));
        let overlap = hi.ci95.0 <= lo.ci95.1;
        out.push(
            t(
                lang,
                if overlap {
                    "export.sweep_overlap"
                } else {
                    "export.sweep_apart"
                },
            )
            .to_string(),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use aliansi_sim::{presets::default_scenario, BatchTally};

    /// Parses CSV text written by [`Table::to_csv`] (RFC 4180) back into rows of fields.
    fn parse(text: &str) -> Vec<Vec<String>> {
        parse_with(text, ',')
    }

    /// The rows of a CSV with `sep` between cells (RFC 4180 otherwise).
    fn parse_with(text: &str, sep: char) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        let mut row = Vec::new();
        let mut cell = String::new();
        let mut quoted = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if quoted {
                match c {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        cell.push('"');
                    }
                    '"' => quoted = false,
                    _ => cell.push(c),
                }
            } else {
                match c {
                    '"' => quoted = true,
                    c if c == sep => row.push(std::mem::take(&mut cell)),
                    '\r' => {
                        assert_eq!(chars.next(), Some('\n'), "CR without LF");
                        row.push(std::mem::take(&mut cell));
                        rows.push(std::mem::take(&mut row));
                    }
                    '\n' => panic!("bare LF line end"),
                    _ => cell.push(c),
                }
            }
        }
        assert!(cell.is_empty() && row.is_empty(), "text must end with CRLF");
        rows
    }

    /// A cell holds `v` (to the 12 significant digits written).
    fn same(cell: &str, v: f64) {
        let got = f(cell);
        assert!(
            (got - v).abs() <= 1e-11 * v.abs().max(1e-300),
            "{cell} is not {v}"
        );
    }

    fn f(cell: &str) -> f64 {
        cell.parse::<f64>()
            .unwrap_or_else(|_| panic!("not a number: {cell:?}"))
    }

    fn summary(runs: u64) -> (Scenario, BatchSummary) {
        let s = default_scenario();
        let tally = aliansi_sim::run_chunk(&s, s.seed, 0..runs).unwrap();
        (s, tally.summary())
    }

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("plain name"), "plain name");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field(" padded"), "\" padded\"");
        assert_eq!(field(""), "");
        let mut t = Table::new(&["name", "v"]);
        t.push(vec!["Foods, Ltd \"PT\"".into(), "1".into()]);
        t.push(vec!["x\r\ny".into(), "2".into()]);
        let text = t.to_csv();
        assert_eq!(
            text,
            "name,v\r\n\"Foods, Ltd \"\"PT\"\"\",1\r\n\"x\r\ny\",2\r\n"
        );
        assert_eq!(
            parse(&text),
            vec![
                vec!["name".to_string(), "v".into()],
                vec!["Foods, Ltd \"PT\"".into(), "1".into()],
                vec!["x\r\ny".into(), "2".into()],
            ]
        );
    }

    #[test]
    fn text_that_a_spreadsheet_would_run_gets_an_apostrophe_and_numbers_keep_their_sign() {
        for (text, written) in [
            ("=1+1", "'=1+1"),
            (
                "=HYPERLINK(\"http://x.test\",\"Hoshi\")",
                "\"'=HYPERLINK(\"\"http://x.test\"\",\"\"Hoshi\"\")\"",
            ),
            ("+62 Foods", "'+62 Foods"),
            ("-Foods", "'-Foods"),
            ("-", "'-"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1+1", "'\t=1+1"),
            ("\r=1+1", "\"'\r=1+1\""),
            ("Foods =1+1", "Foods =1+1"),
            ("-0.5", "-0.5"),
            ("-12", "-12"),
        ] {
            assert_eq!(field(text), written, "{text:?}");
        }
        // Everywhere a name goes: a line chart's column, a run's, a batch's shares.
        let mut scenario = default_scenario();
        scenario.partners[0].name = "=1+1".into();
        scenario.partners[1].name = "@x, -y".into();
        let rows = parse(&lines_csv("month", &[("=1+1", &[(1.0, -0.5)])]));
        assert_eq!(rows, [["month", "'=1+1"], ["1", "-0.5"]]);
        let (_, s) = summary(20);
        let rows = parse(&shares_csv(&s, &scenario));
        assert_eq!(rows[0][2..4], ["'=1+1", "'@x, -y"]);
        // The Indonesian form keeps the apostrophe (and writes numbers with a comma).
        let id = semicolon_csv(&lines_csv("month", &[("-y; z", &[(1.0, -0.5)])]));
        assert_eq!(id, "month;\"'-y; z\"\r\n1;-0,5\r\n");
    }

    #[test]
    fn numbers_use_a_point_and_read_back_exactly() {
        assert_eq!(number(0.5), "0.5");
        assert_eq!(number(-0.0), "0");
        assert_eq!(number(1234567.25), "1234567.25");
        assert_eq!(number(0.5299999999999998), "0.53");
        assert_eq!(number(1e-9), "0.000000001");
        assert_eq!(number(-2.0 / 3.0), "-0.666666666667");
        assert_eq!(number(f64::NAN), "");
        assert_eq!(number(f64::INFINITY), "");
        // Tiny and huge: an exponent, not 140 zeros (a p-value of very different curves).
        assert_eq!(number(4.047374202741e-141), "4.04737420274e-141");
        assert_eq!(number(-2.5e-20), "-2.5e-20");
        assert_eq!(number(3e20), "3e20");
        assert_eq!(number(1.5e14), "150000000000000");
        for v in [
            0.1 + 0.2,
            1.0 / 3.0,
            1e-9,
            123456789.123,
            4.04737420274e-141,
            -2.5e-20,
            3e20,
        ] {
            same(&number(v), v);
            assert!(!number(v).contains(','));
        }
        // The page language never changes numbers in a CSV.
        let (_, s) = summary(30);
        let rows = parse(&causes_csv(Lang::Id, &s));
        assert!(rows.len() > 1);
        for r in &rows[1..] {
            assert!(!r[3].contains(','), "{r:?}");
            assert!((0.0..=1.0).contains(&f(&r[3])));
        }
    }

    #[test]
    fn survival_curve_has_a_row_per_month_equal_to_the_summary() {
        let (_, s) = summary(60);
        let rows = parse(&survival_csv(&s));
        assert_eq!(rows[0], ["month", "survival", "lower_95", "upper_95"]);
        assert_eq!(rows.len() - 1, s.horizon_months as usize + 1);
        for (m, r) in rows[1..].iter().enumerate() {
            assert_eq!(r[0], m.to_string());
            same(&r[1], s.survival_curve[m]);
            same(&r[2], s.survival_low[m]);
            same(&r[3], s.survival_high[m]);
        }
        same(&rows.last().unwrap()[1], s.survival_at_horizon);
    }

    #[test]
    fn survival_table_matches_the_rows_on_screen() {
        let (_, s) = summary(60);
        let rows = parse(&survival_table_csv(&s));
        assert_eq!(rows[0][0], "after_months");
        let months = survival_rows(s.horizon_months);
        assert_eq!(rows.len() - 1, months.len());
        for (r, m) in rows[1..].iter().zip(&months) {
            assert_eq!(r[0], m.to_string());
            same(&r[1], s.survival_curve[*m as usize]);
            assert_eq!(
                r[4],
                s.median_survival_months
                    .map_or(String::new(), |m| m.to_string())
            );
        }
    }

    #[test]
    fn a_year_no_alliance_reached_has_an_empty_hazard_cell() {
        let mut s = aliansi_sim::presets::find("challenge-trust").unwrap();
        s.initial_trust = 0.0;
        s.governance.transparency = 0.0;
        for p in &mut s.partners {
            p.opportunism = 1.0;
        }
        let sm = aliansi_sim::run_batch(&s, 2024, 200).unwrap();
        let csv = hazard_csv(&sm);
        let rows: Vec<&str> = csv.lines().collect();
        assert_eq!(rows[1], "1,0,12,0", "a year reached, with no end in it: 0");
        assert_eq!(rows[10], "10,108,120,", "a year no alliance reached: empty");
    }

    #[test]
    fn hazard_has_a_row_per_year() {
        let (_, s) = summary(60);
        let rows = parse(&hazard_csv(&s));
        assert_eq!(rows[0], ["year", "from_month", "to_month", "hazard"]);
        assert_eq!(rows.len() - 1, s.hazard_by_year.len());
        assert_eq!(rows[1][..3], ["1", "0", "12"]);
        let last = rows.last().unwrap();
        assert_eq!(last[2], s.horizon_months.to_string());
        for (r, h) in rows[1..].iter().zip(&s.hazard_by_year) {
            same(&r[3], *h);
        }
    }

    #[test]
    fn causes_sum_to_the_runs_that_ended() {
        let (_, s) = summary(200);
        let rows = parse(&causes_csv(Lang::En, &s));
        assert_eq!(rows[0], ["cause", "description", "runs", "share_of_ended"]);
        assert_eq!(rows.len() - 1, s.causes.len());
        let ended: u64 = s.causes.iter().map(|c| c.1).sum();
        assert!(ended > 0, "some of 200 futures of the default scenario end");
        let total: u64 = rows[1..].iter().map(|r| r[2].parse::<u64>().unwrap()).sum();
        assert_eq!(total, ended);
        let shares: f64 = rows[1..].iter().map(|r| f(&r[3])).sum();
        assert!((shares - 1.0).abs() < 1e-9);
        // Most common first; each row's count is the summary's for that cause.
        let counts: Vec<u64> = rows[1..].iter().map(|r| r[2].parse().unwrap()).collect();
        assert!(counts.windows(2).all(|w| w[0] >= w[1]));
        // In the order of the causes chart, which draws `causes_most_common_first` too.
        let chart: Vec<&str> = causes_most_common_first(&s)
            .iter()
            .map(|c| c.0.key())
            .collect();
        let csv: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
        assert_eq!(csv, chart);
        for r in &rows[1..] {
            let (c, n) = s.causes.iter().find(|c| c.0.key() == r[0]).unwrap();
            assert_eq!(r[2], n.to_string());
            assert_eq!(r[1], cause_words(Lang::En, *c));
        }
        let id = parse(&causes_csv(Lang::Id, &s));
        assert_eq!(id[0], rows[0], "the same columns in every language");
        assert_ne!(id[1][1], rows[1][1], "descriptions in the page language");
    }

    #[test]
    fn histograms_count_every_run() {
        let (scenario, s) = summary(80);
        let value = parse(&value_hist_csv(&s));
        assert_eq!(value[0], ["value_from", "value_to", "runs"]);
        assert_eq!(value.len() - 1, s.value_hist.len());
        let n: u64 = value[1..]
            .iter()
            .map(|r| r[2].parse::<u64>().unwrap())
            .sum();
        assert_eq!(n, s.runs);
        assert_eq!(value[1][0], "0");
        assert_eq!(value.last().unwrap()[1], "", "open last bin");
        assert!(value[1..value.len() - 1]
            .iter()
            .all(|r| f(&r[0]) < f(&r[1])));

        let trust = parse(&trust_hist_csv(&s));
        assert_eq!(trust[0], ["trust_from", "trust_to", "runs"]);
        assert_eq!(trust.len() - 1, s.trust_hist.len());
        assert_eq!(trust[1][..2], ["0", "0.05"]);
        assert_eq!(trust.last().unwrap()[1], "1");
        for (r, c) in trust[1..].iter().zip(&s.trust_hist) {
            assert_eq!(r[2], c.to_string());
        }

        let shares = parse(&shares_csv(&s, &scenario));
        assert_eq!(shares[0][..2], ["share_from", "share_to"]);
        let names: Vec<&str> = scenario.partners.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(shares[0][2..], names[..]);
        assert_eq!(shares.len() - 1, s.share_hist[0].len() + 1);
        for (p, hist) in s.share_hist.iter().enumerate() {
            let col: Vec<&str> = shares[1..shares.len() - 1]
                .iter()
                .map(|r| r[2 + p].as_str())
                .collect();
            let want: Vec<String> = hist.iter().map(|c| c.to_string()).collect();
            assert_eq!(col, want);
        }
        let mean = shares.last().unwrap();
        assert_eq!(mean[0], "mean");
        same(&mean[2], s.mean_share[0]);
    }

    fn comparison(runs: u64) -> Results {
        let base = default_scenario();
        let mut other = base.clone();
        other.governance.alliance_manager = !other.governance.alliance_manager;
        let tallies: Vec<BatchTally> = [&base, &other]
            .iter()
            .map(|s| aliansi_sim::run_chunk(s, base.seed, 0..runs).unwrap())
            .collect();
        Results::new(
            vec!["Base".into(), "With a manager, \"strong\"".into()],
            vec![base.clone(), other.clone()],
            &tallies,
            base.seed,
        )
    }

    #[test]
    fn comparison_rows_are_the_variants() {
        let r = comparison(60);
        let rows = parse(&variants_summary_csv(&r));
        assert_eq!(rows[0][0], "variant");
        assert_eq!(rows[0].len(), 12);
        assert_eq!(rows.len() - 1, 2, "one row per variant");
        assert_eq!(rows[2][0], "With a manager, \"strong\"", "names round-trip");
        for (i, row) in rows[1..].iter().enumerate() {
            let s = &r.summaries[i];
            assert_eq!(row[1], "60");
            same(&row[3], s.survival_at_horizon);
            same(&row[4], s.survival_ci95.0);
            same(&row[5], s.survival_ci95.1);
            same(&row[9], r.comparison.log_rank.chi2);
            assert_eq!(row[10], r.comparison.log_rank.df.to_string());
            same(&row[11], r.comparison.log_rank.p_value);
        }
        assert_eq!(rows[1][6..9], ["", "", ""], "no difference for the base");
        let (d, (lo, hi)) = r.comparison.difference[1];
        same(&rows[2][6], d);
        same(&rows[2][7], lo);
        same(&rows[2][8], hi);

        let curves = parse(&variants_curves_csv("month", &r));
        assert_eq!(curves[0], ["month", "Base", "With a manager, \"strong\""]);
        assert_eq!(curves.len() - 1, r.horizon as usize + 1);
        for (m, row) in curves[1..].iter().enumerate() {
            same(&row[1], r.summaries[0].survival_curve[m]);
            same(&row[2], r.summaries[1].survival_curve[m]);
        }
    }

    #[test]
    fn a_run_has_a_row_per_month_and_gaps_after_exits() {
        let scenario = default_scenario();
        let run = (0..300u64)
            .map(|k| aliansi_sim::run(&scenario, k).unwrap())
            .find(|r| r.exit_month.iter().any(|m| m.is_some()))
            .expect("someone leaves in some run");
        let rows = parse(&run_csv(&scenario, &run.series));
        let n = scenario.partners.len();
        assert_eq!(rows[0].len(), 5 + 2 * n);
        assert_eq!(
            rows[0][..5],
            ["month", "mean_trust", "market", "value", "open_disputes"]
        );
        assert_eq!(
            rows[0][5],
            format!("satisfaction: {}", scenario.partners[0].name)
        );
        assert_eq!(
            rows[0][5 + n],
            format!("payoff: {}", scenario.partners[0].name)
        );
        assert_eq!(rows.len() - 2, run.series.len(), "a row per month from 0");
        assert_eq!(run.series.len(), run.months as usize);
        // Month 0: the trust chart's first point, nothing else.
        assert_eq!(rows[1][0], "0");
        let chart = crate::state::trust_points(scenario.initial_trust, &run.series);
        assert_eq!(chart[0], (0.0, f(&rows[1][1])));
        assert!(rows[1][2..].iter().all(String::is_empty), "{:?}", rows[1]);
        for (row, m) in rows[2..].iter().zip(&run.series) {
            assert_eq!(row[0], m.month.to_string());
            same(&row[2], m.market);
            same(&row[3], m.value);
            assert_eq!(row[4], m.open_disputes.to_string());
        }
        let i = run.exit_month.iter().position(|m| m.is_some()).unwrap();
        let left = run.exit_month[i].unwrap();
        for (row, m) in rows[2..].iter().zip(&run.series) {
            let cell = &row[5 + i];
            if m.month <= left {
                same(cell, m.satisfaction[i]);
                same(&row[5 + n + i], m.payoff[i]);
            } else {
                assert!(
                    cell.is_empty() && row[5 + n + i].is_empty(),
                    "month {}",
                    m.month
                );
            }
        }
        // The payoff columns add up to what the run paid out.
        let paid: f64 = rows[1..]
            .iter()
            .flat_map(|r| &r[5 + n..])
            .filter(|c| !c.is_empty())
            .map(|c| f(c))
            .sum();
        assert!(
            (paid - run.distributed_total).abs() < 1e-6,
            "{paid} in the CSV, {} paid out",
            run.distributed_total
        );
    }

    /// A made-up one-parameter sweep (transparency 0, 0.5, 1) with the given survival and
    /// intervals, for the wording of its findings.
    fn made_up_sweep(points: &[(f64, (f64, f64))]) -> crate::sweep::Results {
        use aliansi_sim::sweep::{find, Axis, SweepPoint, SweepResult};
        let base = default_scenario();
        let x = Axis::list(
            find(&base, "governance.transparency").unwrap(),
            vec![0.0, 0.5, 1.0],
        )
        .unwrap();
        let points = points
            .iter()
            .enumerate()
            .map(|(ix, &(survival, ci95))| SweepPoint {
                ix,
                iy: 0,
                runs: 200,
                horizon_months: 120,
                survival,
                ci95,
                median_survival_months: None,
                mean_value: 1.0,
                checksum: 0,
            })
            .collect();
        crate::sweep::Results {
            result: SweepResult { x, y: None, points },
            base,
            runs: 200,
            seconds: 1.0,
        }
    }

    #[test]
    fn sweep_findings_write_values_as_the_table_does() {
        use aliansi_sim::sweep::{find, Axis};
        let mut r = made_up_sweep(&[
            (0.3, (0.25, 0.35)),
            (0.7, (0.65, 0.75)),
            (0.5, (0.45, 0.55)),
        ]);
        let values = vec![0.0, 1.0 / 6.0, 2.0 / 3.0];
        r.result.x = Axis::list(find(&r.base, "governance.transparency").unwrap(), values).unwrap();
        let f = sweep_findings(Lang::En, &r);
        assert_eq!(f[2], "Highest: 70.0% at 0.167. Lowest: 30.0% at 0.");
        assert_eq!(
            f[1],
            "Still together after 10 years: 30.0% at 0, 50.0% at 0.667."
        );
        assert_eq!(
            sweep_findings(Lang::Id, &r)[2],
            "Tertinggi: 70,0% pada 0,167. Terendah: 30,0% pada 0."
        );
    }

    #[test]
    fn sweep_findings_name_the_ends_the_extremes_and_whether_they_could_be_chance() {
        let r = made_up_sweep(&[
            (0.3, (0.25, 0.35)),
            (0.7, (0.65, 0.75)),
            (0.5, (0.45, 0.55)),
        ]);
        assert_eq!(
            sweep_findings(Lang::En, &r),
            vec![
                "Transparency took 3 values, with 200 futures each on the same seeds.",
                "Still together after 10 years: 30.0% at 0, 50.0% at 1.",
                "Highest: 70.0% at 0.5. Lowest: 30.0% at 0.",
                "The 95% intervals of the highest and the lowest do not overlap.",
            ]
        );
        let r = made_up_sweep(&[
            (0.45, (0.38, 0.52)),
            (0.5, (0.43, 0.57)),
            (0.48, (0.41, 0.55)),
        ]);
        let f = sweep_findings(Lang::Id, &r);
        assert_eq!(f[2], "Tertinggi: 50,0% pada 0,5. Terendah: 45,0% pada 0.");
        assert!(f[3].contains("bertumpang tindih:"), "{f:?}");
    }

    /// A real sweep of the default scenario: transparency over 3 values from `from` to `to`,
    /// against the alliance manager (no, yes), `runs` runs per point.
    fn two_parameter_sweep(from: f64, to: f64, runs: u64) -> crate::sweep::Results {
        use aliansi_sim::sweep::{find, sweep_points, Axis, SweepResult};
        let base = default_scenario();
        let x =
            Axis::numeric(find(&base, "governance.transparency").unwrap(), from, to, 3).unwrap();
        let y = Axis::all_choices(find(&base, "governance.alliance_manager").unwrap()).unwrap();
        let tallies: Vec<BatchTally> = sweep_points(&base, &x, Some(&y))
            .iter()
            .map(|s| aliansi_sim::run_chunk(s, s.seed, 0..runs).unwrap())
            .collect();
        let result = SweepResult::from_tallies(x, Some(y), &tallies).unwrap();
        crate::sweep::Results {
            result,
            base,
            runs,
            seconds: 1.0,
        }
    }

    #[test]
    fn a_choice_has_no_ends_only_a_highest_and_a_lowest() {
        use aliansi_sim::sweep::{find, sweep_points, Axis, SweepResult};
        let base = default_scenario();
        let x = Axis::all_choices(find(&base, "governance.sharing").unwrap()).unwrap();
        let tallies: Vec<BatchTally> = sweep_points(&base, &x, None)
            .iter()
            .map(|s| aliansi_sim::run_chunk(s, s.seed, 0..60).unwrap())
            .collect();
        let r = crate::sweep::Results {
            result: SweepResult::from_tallies(x, None, &tallies).unwrap(),
            base,
            runs: 60,
            seconds: 1.0,
        };
        let f = sweep_findings(Lang::En, &r);
        assert!(
            f.iter().all(|l| !l.starts_with("Still together after")),
            "{f:?}"
        );
        assert!(f.iter().any(|l| l.starts_with("Highest: ")), "{f:?}");
    }

    #[test]
    fn sweep_findings_of_a_real_two_parameter_sweep() {
        let r = two_parameter_sweep(0.0, 1.0, 100);
        let best = r
            .result
            .points
            .iter()
            .map(|p| p.survival)
            .fold(f64::NEG_INFINITY, f64::max);
        let f = sweep_findings(Lang::En, &r);
        assert_eq!(
            f.len(),
            3,
            "no first-and-last sentence for two parameters: {f:?}"
        );
        assert_eq!(
            f[0],
            "Transparency (3 values) against Dedicated alliance manager (2 values), with 100 futures each on the same seeds."
        );
        assert!(
            f[1].starts_with(&format!(
                "Highest: {} at Transparency ",
                pct(Lang::En, best)
            )),
            "{f:?}"
        );
        assert!(f[1].contains(" and Dedicated alliance manager "), "{f:?}");
    }

    #[test]
    fn a_sweep_has_a_row_per_point() {
        let r = two_parameter_sweep(0.2, 0.8, 20);
        let rows = parse(&sweep_csv(&r));
        assert_eq!(
            rows[0][..3],
            [
                "governance.transparency",
                "governance.alliance_manager",
                "runs"
            ]
        );
        assert_eq!(rows[0].len(), 9);
        assert_eq!(rows.len() - 1, 6, "3 x 2 points");
        for (row, p) in rows[1..].iter().zip(&r.result.points) {
            same(&row[0], r.result.x.values[p.ix]);
            let opts = r.result.y.as_ref().unwrap().param.options();
            assert!(opts.contains(&row[1].as_str()), "{}", row[1]);
            assert_eq!(row[2], "20");
            same(&row[4], p.survival);
            same(&row[5], p.ci95.0);
            same(&row[6], p.ci95.1);
            same(&row[8], p.mean_value);
        }
        assert_eq!(
            file_name(&[&sweep_stem(20, 7), "results"], "csv"),
            "aliansi-sweep-20-runs-seed-7-results.csv"
        );
    }

    #[test]
    fn lines_are_joined_on_the_month() {
        let a = [(0.0, 0.5), (1.0, 0.6), (2.0, 0.7)];
        let b = [(1.0, 10.0), (3.0, 12.5)];
        let rows = parse(&lines_csv("month", &[("Trust", &a), ("A, B", &b)]));
        assert_eq!(rows[0], ["month", "Trust", "A, B"]);
        assert_eq!(
            rows[1..],
            [
                vec!["0".to_string(), "0.5".into(), "".into()],
                vec!["1".into(), "0.6".into(), "10".into()],
                vec!["2".into(), "0.7".into(), "".into()],
                vec!["3".into(), "".into(), "12.5".into()],
            ]
        );
    }

    #[test]
    fn the_semicolon_csv_has_the_same_cells_with_decimal_commas() {
        let mut scenario = default_scenario();
        scenario.partners[0].name = "Foods; Ltd \"Nusa\", Jakarta 1.5".into();
        let run = aliansi_sim::run(&scenario, 7).unwrap();
        let text = run_csv(&scenario, &run.series);
        let id = semicolon_csv(&text);
        let (rows, id_rows) = (parse(&text), parse_with(&id, ';'));
        assert_eq!(id_rows.len(), rows.len());
        assert_eq!(
            id_rows[0][5],
            format!("satisfaction: {}", scenario.partners[0].name)
        );
        let mut decimals = 0;
        for (row, id_row) in rows.iter().zip(&id_rows) {
            assert_eq!(id_row.len(), row.len());
            for (cell, id_cell) in row.iter().zip(id_row) {
                if crate::number::is_decimal(cell) {
                    assert_eq!(*id_cell, cell.replace('.', ","));
                    // A spreadsheet's reading of it: the same number.
                    same(&id_cell.replace(',', "."), f(cell));
                    decimals += usize::from(cell.contains('.'));
                } else {
                    assert_eq!(id_cell, cell);
                }
            }
        }
        assert!(decimals > 100, "{decimals} cells with decimals");
        assert!(id.ends_with("\r\n") && !id.contains(",\r\n"));
        // A number with an exponent is a number: a decimal comma, no apostrophe for its sign.
        assert_eq!(
            semicolon_csv("p,q\r\n4.05e-141,-2.5e-20\r\n"),
            "p;q\r\n4,05e-141;-2,5e-20\r\n"
        );
        assert_eq!(semicolon_csv("x\r\n-1e\r\n"), "x\r\n'-1e\r\n");
        // A text cell that looks like a number with a point elsewhere keeps its text.
        assert_eq!(
            semicolon_csv("a,b\r\n\"x, 1.5\",-0.25\r\n"),
            "a;b\r\n\"x, 1.5\";-0,25\r\n"
        );
    }

    #[test]
    fn chart_titles_wrap_at_spaces() {
        let title = "Chance of ending in each year, for alliances together at its start (%)";
        let lines = wrap_words(title, 30);
        assert_eq!(lines.join(" "), title, "every word kept, in order");
        assert!(lines.iter().all(|l| l.chars().count() <= 30), "{lines:?}");
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert_eq!(wrap_words("short", 30), ["short"]);
        assert_eq!(
            wrap_words("a verylongwordindeed b", 5),
            ["a", "verylongwordindeed", "b"]
        );
        assert!(wrap_words("", 10).is_empty());
        // A ladder breaks after its arrows.
        assert_eq!(
            wrap_words("Negotiation → Mediation → Arbitration", 24),
            ["Negotiation → Mediation →", "Arbitration"]
        );
    }

    #[test]
    fn file_names_are_safe() {
        assert_eq!(
            file_name(&[&batch_stem(1000, 42), "survival"], "csv"),
            "aliansi-futures-1000-runs-seed-42-survival.csv"
        );
        assert_eq!(
            file_name(&["Run seed 7", "Kepercayaan rata-rata (Ø)"], "png"),
            "aliansi-run-seed-7-kepercayaan-rata-rata.png"
        );
        assert_eq!(file_name(&["../..", ""], "svg"), "aliansi.svg");
        assert_eq!(
            file_name(&[&compare_stem(5, 1)], "csv"),
            "aliansi-compare-5-runs-seed-1.csv"
        );
        assert_eq!(file_name(&[&run_stem(3)], "csv"), "aliansi-run-seed-3.csv");
    }

    #[test]
    fn a_charts_file_names_the_model() {
        let model = aliansi_sim::MODEL_VERSION.replace('.', "-");
        assert_eq!(
            chart_file_name(&format!("{}-survival", batch_stem(1000, 42)), "csv"),
            format!("aliansi-futures-1000-runs-seed-42-survival-model-{model}.csv")
        );
        assert!(chart_file_name("x", "png").ends_with(&format!("-model-{model}.png")));
    }

    #[test]
    fn findings_in_both_languages() {
        let (_, s) = summary(200);
        for lang in Lang::ALL {
            let words = batch_findings(lang, &s);
            assert_eq!(words.len(), 4);
            assert!(words.iter().all(|w| !w.contains('{') && !w.contains("??")));
            assert!(words[0].contains(&amount(lang, 200.0)), "{}", words[0]);
            assert!(words[0].contains(&pct(lang, s.survival_at_horizon)));
        }
        let en = batch_findings(Lang::En, &s);
        let (top, _) = s.causes.iter().max_by_key(|c| c.1).unwrap();
        assert!(en[2].contains(cause_words(Lang::En, *top)), "{}", en[2]);
        let none = BatchSummary {
            causes: vec![],
            ..s
        };
        assert_eq!(
            batch_findings(Lang::En, &none)[2],
            t(Lang::En, "export.finding_no_end")
        );
    }

    #[test]
    fn one_month_is_one_month_in_every_sentence() {
        let (_, s) = summary(10);
        let one = BatchSummary {
            horizon_months: 1,
            median_survival_months: None,
            ..s.clone()
        };
        let en = batch_findings(Lang::En, &one);
        assert!(
            en[0].contains("still together after 1 month ("),
            "{}",
            en[0]
        );
        assert_eq!(
            en[1],
            "Median survival: more than 1 month (over half are still together at the end)."
        );
        let early = BatchSummary {
            median_survival_months: Some(1),
            ..s
        };
        assert_eq!(
            batch_findings(Lang::En, &early)[1],
            "Median survival: 1 month."
        );
        assert_eq!(
            batch_findings(Lang::Id, &early)[1],
            "Median lama bertahan: 1 bulan."
        );
        assert_eq!(crate::variants::horizon_words(Lang::En, 2), "2 months");
        assert_eq!(crate::variants::horizon_words(Lang::En, 24), "2 years");
    }

    #[test]
    fn the_causes_shown_add_up_to_100_percent_and_the_finding_says_the_same() {
        let (_, s) = summary(10);
        // Three causes of three futures each: 33.3% each when rounded alone.
        let s = BatchSummary {
            causes: vec![
                (Cause::GoalMisalignment, 3),
                (Cause::Inequity, 3),
                (Cause::TrustBreakdown, 3),
                (Cause::LearningRace, 0),
            ],
            ..s
        };
        let shown: Vec<String> = causes_shares(&causes_most_common_first(&s))
            .iter()
            .map(|v| pct(Lang::En, *v))
            .collect();
        assert_eq!(shown, ["33.4%", "33.3%", "33.3%", "0.0%"]);
        let finding = &batch_findings(Lang::En, &s)[2];
        let said = format!("{}: 33.4%", cause_words(Lang::En, Cause::GoalMisalignment));
        assert!(finding.contains(&said), "{finding}");
    }
}
