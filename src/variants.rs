//! "Compare fairly": up to four variants of a scenario run on the same seeds, one after
//! another on the worker pool of [`crate::workers`], then compared (survival curves together,
//! survival at the horizon, difference from the base with its 95% interval, log-rank test).
//!
//! Pure parts, tested natively: the variants' state and its reducer ([`Variants`]), the seeds
//! ([`seeded`]), the chance wording ([`chance`], [`verdict`]) and the curves' geometry
//! ([`curve_paths`]).

use std::rc::Rc;

use aliansi_sim::batch::{compare, Comparison};
use aliansi_sim::{BatchSummary, BatchTally, Scenario};
use yew::Reducible;

use crate::charts::{line_path, step_points};
use crate::i18n::{t, tf, Lang};
use crate::narrate::{amount, num};

/// At most this many variants (the first is the base).
pub const MAX_VARIANTS: usize = 4;

/// A stored variant: a name and the scenario as it was when added.
#[derive(Clone, Debug, PartialEq)]
pub struct Variant {
    pub name: String,
    pub scenario: Scenario,
}

/// The default name of the variant added as number `n` (from 1).
pub fn default_name(lang: Lang, n: usize) -> String {
    tf(
        lang,
        "experiments.variant_default",
        &[("n", &n.to_string())],
    )
}

/// `name`, or if one of `others` has it already (in any letter case, as the editor compares
/// partners' names) `name (2)`, `name (3)`… as saved scenarios are numbered, within the
/// characters a link holds: the verdict, the table and the CSV columns name each variant, and
/// two of one name could not be told apart there.
fn unique_name(name: &str, others: &[Variant]) -> String {
    crate::storage::first_free_name(name, aliansi_wire::MAX_NAME_CHARS, |n| {
        others.iter().any(|o| o.name.eq_ignore_ascii_case(n))
    })
}

/// Whether the scenarios share one horizon, as variants must to be compared (their curves are
/// read at one horizon): Run refuses others, and so does an experiment link as it opens.
pub fn one_horizon<'a>(scenarios: impl IntoIterator<Item = &'a Scenario>) -> bool {
    let mut horizons = scenarios.into_iter().map(|s| s.horizon_months);
    let first = horizons.next();
    horizons.all(|h| Some(h) == first)
}

/// The variants' scenarios ready to run: every seed set to the base's, so all meet the same
/// futures. Refused (with an i18n key) when fewer than two or the horizons differ.
pub fn seeded(variants: &[Variant]) -> Result<Vec<Scenario>, &'static str> {
    if variants.len() < 2 {
        return Err("experiments.variants_too_few");
    }
    let base = &variants[0].scenario;
    if !one_horizon(variants.iter().map(|v| &v.scenario)) {
        return Err("experiments.variants_horizon");
    }
    Ok(variants
        .iter()
        .map(|v| {
            let mut s = v.scenario.clone();
            s.seed = base.seed;
            s
        })
        .collect())
}

/// At most this many changes are listed for a variant; the rest are counted.
pub const MAX_LISTED_CHANGES: usize = 4;

/// What `other` changes from `base`, one phrase per field in the editor's words
/// ("Transparency: 0.3 → 0.8", "Conflict-resolution ladder: Negotiation, then Mediation →
/// Negotiation"): the sweepable fields (the partners' goals among them), the ladder, and the
/// partners and scripted shocks themselves when some were added or removed (their fields are
/// then not compared one by one). The seed is left out: variants run on the base's seeds.
pub fn differences(lang: Lang, base: &Scenario, other: &Scenario) -> Vec<String> {
    use aliansi_sim::culture::DIMENSION_KEYS;
    use aliansi_sim::sweep::{catalogue, Group};
    use aliansi_sim::{CultureSpec, Sharing};

    let change = |what: &str, from: &str, to: &str| {
        tf(
            lang,
            "experiments.diff_change",
            &[("what", what), ("from", from), ("to", to)],
        )
    };
    let mut out = Vec::new();
    let same_partners = base.partners.len() == other.partners.len()
        && base
            .partners
            .iter()
            .zip(&other.partners)
            .all(|(a, b)| a.name == b.name);
    if !same_partners {
        let names = |s: &Scenario| {
            s.partners
                .iter()
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        out.push(change(
            t(lang, "experiments.diff_partners"),
            &names(base),
            &names(other),
        ));
    }
    let shocks = |s: &Scenario| s.environment.scripted_shocks.len();
    let same_shocks = shocks(base) == shocks(other);
    if !same_shocks {
        out.push(change(
            t(lang, "editor.f.environment.scripted_shocks"),
            &shocks(base).to_string(),
            &shocks(other).to_string(),
        ));
    }
    let both_fixed = matches!(
        (&base.governance.sharing, &other.governance.sharing),
        (Sharing::Fixed(_), Sharing::Fixed(_))
    );
    // "Mediation, then Arbitration": a bare comma beside the arrow read as two changes. A
    // ladder of one step, "Mediation only": "Avoidance → Mediation" read as a ladder of two
    // steps, as the ladder lists write them (an audit).
    let ladder = |s: &Scenario| {
        let steps = &s.governance.resolution;
        let words = crate::sweep::ladder_words(lang, steps, t(lang, "experiments.ladder_then"));
        if steps.len() == 1 {
            tf(lang, "experiments.ladder_only", &[("step", &words)])
        } else {
            words
        }
    };
    for p in catalogue(base) {
        let comparable = match p.group {
            Group::AllPartners => false,
            _ if p.field == "governance.fixed_shares" => both_fixed && same_partners,
            Group::Partner(_) => same_partners,
            Group::Shock(_) => same_shocks,
            _ => true,
        };
        if !comparable {
            continue;
        }
        // A partner's culture: a country, or custom scores. The review cadence: 0 is "never".
        // The ladder: its steps joined by "then", as the arrow says "changed to".
        let review = p.field == "governance.review_months";
        let word = |s: &Scenario| {
            if review {
                review_words(lang, s.governance.review_months)
            } else if p.field == "governance.resolution" {
                ladder(s)
            } else {
                crate::sweep::current_label(lang, &p, s)
            }
        };
        // A country's scores follow from the country: listed only where custom scores are.
        let dimension = p
            .field
            .strip_prefix("partners.culture.")
            .is_some_and(|k| DIMENSION_KEYS.contains(&k));
        let countries = |i: usize| {
            [base, other].iter().all(|s| {
                matches!(
                    s.partners.get(i).map(|x| x.culture),
                    Some(CultureSpec::Country(_))
                )
            })
        };
        if let (true, Group::Partner(i)) = (dimension, p.group) {
            if countries(i) {
                continue;
            }
        }
        let (from, to) = (word(base), word(other));
        if from != to {
            let what = if review {
                t(lang, "experiments.diff_review").to_string()
            } else {
                crate::sweep::param_label(lang, base, &p)
            };
            out.push(change(&what, &from, &to));
        }
    }
    out
}

/// How often strategic reviews are held, in words: "never", "every 12 months".
fn review_words(lang: Lang, months: u32) -> String {
    match months {
        0 => t(lang, "experiments.review_never").to_string(),
        m => tf(
            lang,
            "experiments.review_every",
            &[("months", &crate::narrate::months(lang, m))],
        ),
    }
}

/// The changes of a variant as one line: at most [`MAX_LISTED_CHANGES`], then how many more;
/// "the same settings as the base" when nothing differs.
pub fn differences_line(lang: Lang, base: &Scenario, other: &Scenario) -> String {
    let all = differences(lang, base, other);
    if all.is_empty() {
        return t(lang, "experiments.diff_none").to_string();
    }
    listed(lang, &all)
}

/// The ready-made scenario `s` was made from, as far as can be told: the preset it differs
/// from in the fewest settings (its seed aside), if in at most [`MAX_LISTED_CHANGES`]; with
/// those settings, as [`differences`] words them. A lecturer's link of a preset with one lever
/// moved then says what moved ("Open now: “…”, changed: …"), which a student could not find.
pub fn near_preset(lang: Lang, s: &Scenario) -> Option<(&'static str, Vec<String>)> {
    aliansi_sim::presets::all()
        .into_iter()
        .filter(|p| p.scenario.partners.len() == s.partners.len())
        .map(|p| {
            let base = Scenario {
                seed: s.seed,
                ..p.scenario
            };
            (p.id, differences(lang, &base, s))
        })
        .filter(|(_, d)| d.len() <= MAX_LISTED_CHANGES)
        .min_by_key(|(_, d)| d.len())
}

/// Changes as one line: at most [`MAX_LISTED_CHANGES`], separated by "; ", then how many more.
pub fn listed(lang: Lang, all: &[String]) -> String {
    first_then_more(
        lang,
        all,
        MAX_LISTED_CHANGES,
        "; ",
        "; ",
        "experiments.diff_more",
    )
}

/// The first `shown` of `all` joined by `sep`, then, if there are more, `before_more` and the
/// sentence `more_key` says of how many (its `{n}`): "a; b; c; d; and 3 more changes".
pub fn first_then_more(
    lang: Lang,
    all: &[String],
    shown: usize,
    sep: &str,
    before_more: &str,
    more_key: &str,
) -> String {
    let mut line = all
        .iter()
        .take(shown)
        .cloned()
        .collect::<Vec<_>>()
        .join(sep);
    if all.len() > shown {
        line.push_str(before_more);
        line.push_str(&tf(
            lang,
            more_key,
            &[("n", &(all.len() - shown).to_string())],
        ));
    }
    line
}

/// How often chance alone would give a difference this large.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chance {
    /// p < 0.001.
    UnderOneInThousand,
    /// About 1 time in N (p < 0.05).
    OneIn(u64),
    /// About 1 time in N with p >= 0.05: could well be chance.
    CouldBeChance(u64),
}

/// The chance wording of a p-value.
pub fn chance(p: f64) -> Chance {
    if !(p >= 0.0) || p < 0.001 {
        return Chance::UnderOneInThousand;
    }
    let n = (1.0 / p).round().max(1.0) as u64;
    if p >= 0.05 {
        Chance::CouldBeChance(n)
    } else {
        Chance::OneIn(n)
    }
}

/// Percentage points with their sign, as in the table: "+4.2", "−8.0" (a true minus sign,
/// which a hyphen or the dash between an interval's ends is not mistaken for), "0.0".
/// The difference of two survival fractions as the table shows it: of the two figures rounded
/// to a tenth of a percent, as they are printed beside it (72.7% and 25.5% differ by +47.2,
/// where the exact difference, 47.12 points, prints as +47.1 and students check the sum).
pub fn shown_difference(base: f64, other: f64) -> f64 {
    let tenth = |x: f64| (x * 1000.0).round() / 1000.0;
    tenth(other) - tenth(base)
}

pub fn signed_pts(lang: Lang, v: f64) -> String {
    let s = num(lang, v * 100.0, 1);
    if v * 100.0 >= 0.05 {
        format!("+{s}")
    } else {
        s.replacen('-', "\u{2212}", 1)
    }
}

/// A horizon in words: "10 years", "1 year", "18 months".
pub fn horizon_words(lang: Lang, months: u32) -> String {
    match months {
        12 => t(lang, "experiments.one_year").to_string(),
        m if m % 12 == 0 => tf(lang, "experiments.years", &[("n", &(m / 12).to_string())]),
        m => crate::narrate::months(lang, m),
    }
}

/// The results in words a student understands. For each variant against the base: who
/// survives the horizon how often (at the table's precision), and whether the 95% interval
/// of the difference, as the table shows it, leaves out zero ("clearly lower/higher") or not
/// ("could be chance"). Then the log-rank test: with two variants it tests that one pair, and
/// is said only where it agrees with the interval; with more it tests them all together, and
/// is said as such, but not when it finds nothing while a pair clearly differs.
pub fn verdict(lang: Lang, names: &[String], c: &Comparison, horizon: u32) -> Vec<String> {
    use crate::narrate::pct;
    let mut out = Vec::new();
    let years = horizon_words(lang, horizon);
    let pairs = names.len().min(c.survival.len()).min(c.difference.len());
    let mut clear = false;
    for i in 1..pairs {
        let (_, (lo, hi)) = c.difference[i];
        let (lo, hi) = (signed_pts(lang, lo), signed_pts(lang, hi));
        let key = if lo.starts_with('+') {
            "experiments.verdict_higher"
        } else if hi.starts_with('\u{2212}') {
            "experiments.verdict_lower"
        } else {
            "experiments.verdict_could_be_chance"
        };
        clear |= key != "experiments.verdict_could_be_chance";
        let pair = tf(
            lang,
            "experiments.verdict_pair",
            &[
                ("name", &crate::narrate::display_name(&names[i])),
                ("a", &pct(lang, c.survival[i])),
                ("horizon", &years),
                ("b", &pct(lang, c.survival[0])),
                ("base", &crate::narrate::display_name(&names[0])),
            ],
        );
        out.push(format!(
            "{pair} {}",
            tf(lang, key, &[("lo", &lo), ("hi", &hi)])
        ));
    }
    let odds = chance(c.log_rank.p_value);
    let differ = !matches!(odds, Chance::CouldBeChance(_));
    let (key, n) = match (pairs > 2, odds) {
        (false, _) if differ != clear => return out,
        (true, Chance::CouldBeChance(_)) if clear => return out,
        (false, Chance::UnderOneInThousand) => ("experiments.verdict_rare", 1000),
        (false, Chance::OneIn(n)) => ("experiments.verdict_one_in", n),
        // "About 1 time in 1" (identical curves give p = 1): most of the time, in words.
        (false, Chance::CouldBeChance(1)) => ("experiments.verdict_chance_mostly", 1),
        (false, Chance::CouldBeChance(n)) => ("experiments.verdict_chance", n),
        (true, Chance::UnderOneInThousand) => ("experiments.verdict_all_rare", 1000),
        (true, Chance::OneIn(n)) => ("experiments.verdict_all_one_in", n),
        (true, Chance::CouldBeChance(n)) => ("experiments.verdict_all_chance", n),
    };
    out.push(tf(lang, key, &[("n", &amount(lang, n as f64))]));
    out
}

/// The `d` of each survival curve as a step line in a `width` x `height` box (x: months
/// 0..=horizon, y: 0..1 upwards).
pub fn curve_paths(curves: &[&[f64]], horizon: u32, width: f64, height: f64) -> Vec<String> {
    let x_domain = (0.0, f64::from(horizon.max(1)));
    curves
        .iter()
        .map(|c| line_path(&step_points(c), width, height, x_domain, (0.0, 1.0)))
        .collect()
}

/// Finished comparison, as shown.
#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    pub names: Vec<String>,
    /// The scenarios run (seeds set to the base's), for what each variant changes.
    pub scenarios: Vec<Scenario>,
    pub summaries: Vec<BatchSummary>,
    pub comparison: Comparison,
    pub runs: u64,
    pub horizon: u32,
    pub seed: u64,
}

impl Results {
    pub fn new(
        names: Vec<String>,
        scenarios: Vec<Scenario>,
        tallies: &[BatchTally],
        seed: u64,
    ) -> Results {
        Results {
            names,
            scenarios,
            summaries: tallies.iter().map(|t| t.summary()).collect(),
            comparison: compare(tallies),
            runs: tallies.first().map_or(0, |t| t.runs),
            horizon: tallies.first().map_or(0, |t| t.horizon_months),
            seed,
        }
    }
}

/// Where the comparison stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Phase {
    #[default]
    Idle,
    Running {
        run: u64,
        /// The variant running now (index).
        current: usize,
        /// Its runs done.
        done: u64,
        /// Runs per variant.
        each: u64,
    },
    Done,
    Cancelled,
    Failed {
        error: String,
    },
    /// Refused before starting (an i18n key or a scenario error).
    Invalid {
        error: String,
    },
}

/// The comparison section's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Variants {
    pub variants: Vec<Variant>,
    pub next_run: u64,
    pub phase: Phase,
    /// The scenarios being run (seeds set), while running.
    pub running: Vec<Scenario>,
    pub tallies: Vec<BatchTally>,
    pub results: Option<Rc<Results>>,
    /// The variant last removed, for Undo, until the list changes again.
    pub removed: Option<Removed>,
    /// The list a lesson's or a shared experiment's replaced (with its results), for Undo,
    /// until the list changes again: a trainer's set-up was lost to a lesson opened.
    pub replaced: Option<(Vec<Variant>, Option<Rc<Results>>)>,
    /// What the last Undo put back: its place, and whether the comparison's results came back
    /// with it (`None`: there were none; `Some(false)`: they no longer matched, so only its
    /// settings came back). Until the next change.
    pub restored: Option<(usize, Option<bool>)>,
    /// Whether the last change added the last variant (said to a screen reader). Until the
    /// next change.
    pub added: bool,
}

/// A removed variant: where it stood, itself, and the comparison's results it took with it.
#[derive(Clone, Debug, PartialEq)]
pub struct Removed {
    pub index: usize,
    pub variant: Variant,
    pub results: Option<Rc<Results>>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum VariantsAction {
    Add(Variant),
    /// Replaces every variant (a lesson's or a shared experiment); refused while running.
    Replace(Vec<Variant>),
    Remove(usize),
    /// Puts the variant last removed back in its place.
    Undo,
    /// Puts back the list a [`VariantsAction::Replace`] replaced.
    UndoReplace,
    Start {
        scenarios: Vec<Scenario>,
        each: u64,
    },
    Progress {
        run: u64,
        done: u64,
    },
    VariantDone {
        run: u64,
        index: usize,
        tally: Rc<BatchTally>,
    },
    Cancel,
    Failed {
        run: u64,
        error: String,
    },
    Invalid {
        error: String,
    },
}

impl Variants {
    /// (run id, variant index) of the variant to run now, if running.
    pub fn current(&self) -> Option<(u64, usize)> {
        match self.phase {
            Phase::Running { run, current, .. } => Some((run, current)),
            _ => None,
        }
    }

    pub fn is_running(&self) -> bool {
        self.current().is_some()
    }

    /// A batch id for the worker pool, unique per run and variant.
    pub fn batch_id(run: u64, index: usize) -> u64 {
        run * MAX_VARIANTS as u64 + index as u64
    }
}

impl Reducible for Variants {
    type Action = VariantsAction;

    fn reduce(self: Rc<Self>, action: VariantsAction) -> Rc<Self> {
        let mut v = Rc::try_unwrap(self).unwrap_or_else(|rc| (*rc).clone());
        let current = v.current();
        // Any change but the workers' replies ends what Undo could put back.
        let (removed, replaced) = match action {
            VariantsAction::Progress { .. }
            | VariantsAction::VariantDone { .. }
            | VariantsAction::Failed { .. } => (None, None),
            _ => {
                v.restored = None;
                v.added = false;
                (v.removed.take(), v.replaced.take())
            }
        };
        match action {
            VariantsAction::Add(mut x) if !v.is_running() && v.variants.len() < MAX_VARIANTS => {
                x.name = unique_name(&x.name, &v.variants);
                v.variants.push(x);
                v.results = None;
                v.added = true;
            }
            VariantsAction::Replace(xs) if !v.is_running() => {
                let mut kept: Vec<Variant> = Vec::new();
                for mut x in xs.into_iter().take(MAX_VARIANTS) {
                    x.name = unique_name(&x.name, &kept);
                    kept.push(x);
                }
                if !v.variants.is_empty() && v.variants != kept {
                    v.replaced = Some((std::mem::take(&mut v.variants), v.results.take()));
                }
                v.variants = kept;
                v.results = None;
                v.phase = Phase::Idle;
            }
            VariantsAction::UndoReplace if !v.is_running() => {
                if let Some((variants, results)) = replaced {
                    v.variants = variants;
                    v.phase = if results.is_some() {
                        Phase::Done
                    } else {
                        Phase::Idle
                    };
                    v.results = results;
                }
            }
            VariantsAction::Remove(k) if !v.is_running() && k < v.variants.len() => {
                let variant = v.variants.remove(k);
                let results = v.results.take();
                v.removed = Some(Removed {
                    index: k,
                    variant,
                    results,
                });
            }
            VariantsAction::Undo => {
                if let Some(r) = removed.filter(|r| r.index <= v.variants.len()) {
                    v.variants.insert(r.index, r.variant);
                    // The results come back only if they are those of the list as it is again.
                    let back = r.results.map(|res| {
                        let fits = res.names.iter().eq(v.variants.iter().map(|x| &x.name))
                            && seeded(&v.variants).ok().as_ref() == Some(&res.scenarios);
                        if fits {
                            v.results = Some(res);
                            v.phase = Phase::Done;
                        }
                        fits
                    });
                    v.restored = Some((r.index, back));
                }
            }
            VariantsAction::Start { scenarios, each } if !v.is_running() => {
                let run = v.next_run;
                v.next_run += 1;
                v.running = scenarios;
                v.tallies.clear();
                v.results = None;
                v.phase = Phase::Running {
                    run,
                    current: 0,
                    done: 0,
                    each,
                };
            }
            VariantsAction::Progress { run, done: d } if current.map(|c| c.0) == Some(run) => {
                if let Phase::Running { done, .. } = &mut v.phase {
                    *done = d;
                }
            }
            VariantsAction::VariantDone { run, index, tally } if current == Some((run, index)) => {
                v.tallies.push((*tally).clone());
                if v.tallies.len() >= v.running.len() {
                    let names = v.variants.iter().map(|x| x.name.clone()).collect();
                    let seed = v.running.first().map_or(0, |s| s.seed);
                    let scenarios = std::mem::take(&mut v.running);
                    v.results = Some(Rc::new(Results::new(names, scenarios, &v.tallies, seed)));
                    v.tallies.clear();
                    v.phase = Phase::Done;
                } else if let Phase::Running { current, done, .. } = &mut v.phase {
                    *current = index + 1;
                    *done = 0;
                }
            }
            VariantsAction::Cancel if v.is_running() => {
                v.tallies.clear();
                v.running.clear();
                v.phase = Phase::Cancelled;
            }
            VariantsAction::Failed { run, error } if current.map(|c| c.0) == Some(run) => {
                v.tallies.clear();
                v.running.clear();
                v.phase = Phase::Failed { error };
            }
            VariantsAction::Invalid { error } if !v.is_running() => {
                v.phase = Phase::Invalid { error };
            }
            _ => {}
        }
        Rc::new(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_preset_with_a_lever_moved_is_told_by_what_moved() {
        let mut s = aliansi_sim::presets::find("id-jp-jv").unwrap();
        s.partners[1].opportunism = 0.6;
        s.seed = 99;
        let (id, changes) = near_preset(Lang::En, &s).expect("near a preset");
        assert_eq!(id, "id-jp-jv");
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert!(changes[0].contains("0.6"), "{changes:?}");
        // The preset itself: no change.
        let p = aliansi_sim::presets::find("calm-pair").unwrap();
        assert_eq!(near_preset(Lang::En, &p), Some(("calm-pair", Vec::new())));
        // Far from every preset: none.
        let mut far = aliansi_sim::presets::find("id-jp-jv").unwrap();
        for p in &mut far.partners {
            p.opportunism = 0.9;
            p.patience = 0.1;
            p.capacity = 77.0;
        }
        far.initial_trust = 0.11;
        assert_eq!(near_preset(Lang::En, &far), None);
    }

    #[test]
    fn a_shown_difference_agrees_with_the_figures_beside_it() {
        // 72.66% and 25.54% print as 72.7% and 25.5%: the difference prints as +47.2.
        let d = shown_difference(0.2554, 0.7266);
        assert_eq!(signed_pts(Lang::En, d), "+47.2");
        assert_eq!(signed_pts(Lang::En, 0.7266 - 0.2554), "+47.1");
        assert_eq!(
            signed_pts(Lang::Id, shown_difference(0.5, 0.4)),
            "\u{2212}10,0"
        );
        assert_eq!(
            signed_pts(Lang::En, shown_difference(0.3333, 0.3334)),
            "0.0"
        );
    }

    mod differences {
        use super::super::*;
        use aliansi_sim::presets::default_scenario;
        use aliansi_sim::{Partner, Resolution};

        #[test]
        fn nothing_differs_from_itself_nor_by_seed() {
            let base = default_scenario();
            let mut other = base.clone();
            other.seed += 1;
            assert!(differences(Lang::En, &base, &other).is_empty());
            assert_eq!(
                differences_line(Lang::En, &base, &other),
                "the same settings as the base"
            );
        }

        #[test]
        fn a_governance_field_in_the_editors_words() {
            let base = default_scenario();
            let mut other = base.clone();
            other.governance.transparency = 0.8;
            assert_eq!(
                differences(Lang::En, &base, &other),
                vec!["Transparency: 0.5 → 0.8".to_string()]
            );
            assert_eq!(
                differences(Lang::Id, &base, &other),
                vec!["Keterbukaan: 0,5 → 0,8".to_string()]
            );
        }

        #[test]
        fn the_review_cadence_in_words() {
            let mut base = default_scenario();
            base.governance.review_months = 0;
            let mut other = base.clone();
            other.governance.review_months = 12;
            assert_eq!(
                differences(Lang::En, &base, &other),
                vec!["Strategic review: never → every 12 months".to_string()]
            );
            assert_eq!(
                differences(Lang::Id, &base, &other),
                vec!["Tinjauan strategis: tidak pernah → setiap 12 bulan".to_string()]
            );
            let mut monthly = base.clone();
            monthly.governance.review_months = 1;
            assert_eq!(
                differences(Lang::En, &other, &monthly),
                vec!["Strategic review: every 12 months → every 1 month".to_string()]
            );
        }

        #[test]
        fn the_ladder_a_choice_a_partner_field_and_a_goal() {
            let base = default_scenario();
            let mut other = base.clone();
            other.governance.resolution = vec![Resolution::Negotiation, Resolution::Mediation];
            other.governance.alliance_manager = true;
            other.partners[1].opportunism = 0.6;
            other.partners[0].goals[0] = 0.1;
            let d = differences(Lang::En, &base, &other);
            assert_eq!(
                d,
                vec![
                    "Dedicated alliance manager: No → Yes".to_string(),
                    "Conflict-resolution ladder: Negotiation, then Arbitration → Negotiation, then Mediation"
                        .to_string(),
                    "Nusantara Foods: Market access: 0.9 → 0.1".to_string(),
                    "Hoshi Technologies: Opportunism: 0.2 → 0.6".to_string(),
                ],
                "{d:?}"
            );
            // Ladders of one step say so: not read as one ladder of two steps.
            let mut avoid = base.clone();
            avoid.governance.resolution = vec![Resolution::Avoidance];
            let mut mediate = base.clone();
            mediate.governance.resolution = vec![Resolution::Mediation];
            assert_eq!(
                differences(Lang::Id, &avoid, &mediate),
                ["Tangga penyelesaian konflik: Penghindaran saja → Mediasi saja"]
            );
            assert_eq!(
                differences(Lang::En, &avoid, &base),
                ["Conflict-resolution ladder: Avoidance only → Negotiation, then Arbitration"]
            );
        }

        #[test]
        fn custom_cultures_are_told_apart_from_countries_and_each_other() {
            use aliansi_sim::{Country, CultureSpec};
            let base = default_scenario();
            let mut custom = base.clone();
            custom.partners[0].culture = CultureSpec::Custom(Country::ALL[0].culture());
            let d = differences(Lang::En, &base, &custom);
            assert_eq!(d.len(), 1, "{d:?}");
            assert!(d[0].starts_with("Nusantara Foods: Culture: "), "{d:?}");
            assert!(d[0].ends_with(" → Custom scores"), "{d:?}");
            let mut other = custom.clone();
            let mut scores = Country::ALL[0].culture();
            scores.pdi = (scores.pdi + 10.0).min(100.0) - 5.0;
            other.partners[0].culture = CultureSpec::Custom(scores);
            assert_eq!(
                differences(Lang::En, &custom, &other),
                vec!["Nusantara Foods: Power distance (PDI): 78 → 83".to_string()],
                "custom to custom: the scores that differ"
            );
            let mut japan = base.clone();
            japan.partners[0].culture = CultureSpec::Country(Country::JP);
            let d = differences(Lang::En, &base, &japan);
            assert_eq!(
                d,
                vec!["Nusantara Foods: Culture: Indonesia → Japan".to_string()],
                "a country's scores are not listed"
            );
            assert!(differences(Lang::En, &custom, &custom.clone()).is_empty());
        }

        #[test]
        fn an_added_partner_is_one_change_not_a_field_by_field_list() {
            let base = default_scenario();
            let mut other = base.clone();
            let mut extra: Partner = other.partners[0].clone();
            extra.name = "Baru".into();
            extra.opportunism = 0.9;
            other.partners.push(extra);
            other.governance.monitoring = 0.9;
            let d = differences(Lang::En, &base, &other);
            assert_eq!(d.len(), 2, "{d:?}");
            assert!(d[0].starts_with("Partners: Nusantara Foods, "), "{d:?}");
            assert!(d[0].ends_with(", Baru"), "{d:?}");
            assert_eq!(d[1], "Monitoring: 0.3 → 0.9");
        }

        #[test]
        fn a_long_list_is_cut_and_counted() {
            let base = default_scenario();
            let mut other = base.clone();
            for p in &mut other.partners {
                p.patience = 0.95;
                p.adaptability = 0.05;
            }
            let all = differences(Lang::En, &base, &other);
            assert_eq!(all.len(), 2 * base.partners.len());
            let line = differences_line(Lang::En, &base, &other);
            assert_eq!(line.matches("; ").count(), MAX_LISTED_CHANGES);
            assert!(
                line.ends_with(&format!(
                    "and {} more changes",
                    all.len() - MAX_LISTED_CHANGES
                )),
                "{line}"
            );
        }
    }

    #[test]
    fn a_difference_chance_gives_most_of_the_time_is_said_so() {
        // Two identical variants: the same curves, p = 1 ("about 1 time in 1" before).
        let names = vec!["same".to_string(), "same (2)".to_string()];
        let v = verdict(Lang::En, &names, &cmp(&[1.0, 1.0], &[(0.0, 0.0)], 1.0), 12);
        assert_eq!(
            v.last().unwrap(),
            "A difference this large would arise by chance most of the time, so it could well be chance."
        );
        let v = verdict(
            Lang::En,
            &names,
            &cmp(&[0.5, 0.48], &[(-0.1, 0.06)], 0.3),
            12,
        );
        assert!(v.last().unwrap().contains("about 1 time in 3"), "{v:?}");
    }

    #[test]
    fn chance_words() {
        assert_eq!(chance(0.0), Chance::UnderOneInThousand);
        assert_eq!(chance(0.0009), Chance::UnderOneInThousand);
        assert_eq!(chance(0.001), Chance::OneIn(1000));
        assert_eq!(chance(0.02), Chance::OneIn(50));
        assert_eq!(chance(0.049), Chance::OneIn(20));
        assert_eq!(chance(0.05), Chance::CouldBeChance(20));
        assert_eq!(chance(0.3), Chance::CouldBeChance(3));
        assert_eq!(chance(1.0), Chance::CouldBeChance(1));
        assert_eq!(chance(f64::NAN), Chance::UnderOneInThousand);
    }

    /// A comparison as `compare` gives it: survival per variant, each difference from the
    /// base with its interval (in shares), and the log-rank p-value.
    fn cmp(survival: &[f64], intervals: &[(f64, f64)], p: f64) -> Comparison {
        let mut difference = vec![(0.0, (0.0, 0.0))];
        for (s, &(lo, hi)) in survival[1..].iter().zip(intervals) {
            difference.push((s - survival[0], (lo, hi)));
        }
        Comparison {
            survival: survival.to_vec(),
            difference,
            log_rank: aliansi_sim::stats::LogRank {
                chi2: 0.0,
                df: survival.len() as u32 - 1,
                p_value: p,
            },
        }
    }

    fn names(n: &[&str]) -> Vec<String> {
        n.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn verdict_in_both_languages() {
        let two = names(&["Variant 1", "With mediation"]);
        let c = cmp(&[0.48, 0.62], &[(0.09, 0.19)], 0.0001);
        let en = verdict(Lang::En, &two, &c, 120);
        assert_eq!(
            en[0],
            "With mediation: 62.0% still together after 10 years, against 48.0% for Variant 1. \
             Clearly higher: the difference's 95% interval (+9.0 to +19.0 percentage points) \
             is entirely above zero."
        );
        assert!(en[1].contains("less than 1 time in 1,000"), "{}", en[1]);
        // Two variants, the interval includes zero and the test agrees.
        let c = cmp(&[0.48, 0.50], &[(-0.03, 0.07)], 0.3);
        let en = verdict(Lang::En, &two, &c, 120);
        assert!(en[0].contains("This could be chance"), "{}", en[0]);
        assert!(en[0].contains("\u{2212}3.0 to +7.0"), "{}", en[0]);
        assert!(en[1].contains("about 1 time in 3"), "{}", en[1]);
        assert!(en[1].contains("could well be chance"), "{}", en[1]);
        let c = cmp(&[0.55, 0.48], &[(-0.12, -0.02)], 0.01);
        let en = verdict(Lang::En, &two, &c, 120);
        assert!(en[0].contains("Clearly lower"), "{}", en[0]);
        assert!(en[1].contains("about 1 time in 100"), "{}", en[1]);
        let id = verdict(
            Lang::Id,
            &two,
            &cmp(&[0.48, 0.62], &[(0.09, 0.19)], 0.0001),
            120,
        );
        assert!(id[0].contains("10 tahun"), "{}", id[0]);
        assert!(id[0].contains("Jelas lebih tinggi"), "{}", id[0]);
        assert!(id[0].contains("+9,0 sampai +19,0"), "{}", id[0]);
        assert!(id[1].contains("1.000"), "{}", id[1]);
        let c = cmp(&[0.5, 0.4, 0.6], &[(-0.2, 0.01), (-0.05, 0.25)], 0.5);
        let three = verdict(Lang::En, &names(&["a", "b", "c"]), &c, 18);
        assert_eq!(three.len(), 3);
        assert!(three[1].contains("18 months"));
        assert_eq!(
            three[2],
            "Taken together, the variants differ no more than chance alone would make them."
        );
    }

    /// Three variants, one pair's interval includes zero, the log-rank test across all three
    /// is significant (the trust lesson, as audited): nothing may call that pair significant.
    #[test]
    fn the_overall_test_is_never_read_as_one_pairs() {
        let c = cmp(
            &[0.26, 0.20, 0.35],
            &[(-0.128, 0.008), (0.02, 0.16)],
            0.0002,
        );
        for lang in Lang::ALL {
            let words = verdict(lang, &names(&["Base", "Open books", "Mediation"]), &c, 120);
            assert_eq!(words.len(), 3, "{words:?}");
            let open = &words[0];
            let chance = match lang {
                Lang::En => "could be chance",
                Lang::Id => "bisa saja hanya kebetulan",
            };
            assert!(open.contains(chance), "{open}");
            assert!(
                open.contains("\u{2212}12.8") || open.contains("\u{2212}12,8"),
                "{open}"
            );
            assert!(
                !open.contains("Clearly") && !open.contains("Jelas"),
                "{open}"
            );
            assert!(words[1].contains("Clearly higher") || words[1].contains("Jelas lebih tinggi"));
            // The test is about the variants together, and no sentence reads as one pair's.
            let all = match lang {
                Lang::En => "Taken together, the variants differ more than chance",
                Lang::Id => "Secara keseluruhan, perbedaan antarvarian lebih besar",
            };
            assert!(words[2].starts_with(all), "{}", words[2]);
            for w in &words {
                assert!(!w.contains("A difference this large"), "{w}");
                assert!(!w.contains("Selisih sebesar ini"), "{w}");
            }
        }
        // Nothing found together while a pair clearly differs: the test is left out.
        let c = cmp(&[0.26, 0.20, 0.35], &[(-0.128, 0.008), (0.02, 0.16)], 0.2);
        let words = verdict(Lang::En, &names(&["a", "b", "c"]), &c, 120);
        assert_eq!(words.len(), 2, "{words:?}");
    }

    /// Two variants: the log-rank test is that pair's, said only where the interval agrees.
    #[test]
    fn two_variants_never_contradict_the_interval() {
        let two = names(&["a", "b"]);
        // Significant test, interval with zero in it (a margin case): the interval wins.
        let words = verdict(
            Lang::En,
            &two,
            &cmp(&[0.5, 0.45], &[(-0.101, 0.001)], 0.03),
            120,
        );
        assert_eq!(words.len(), 1, "{words:?}");
        assert!(words[0].contains("This could be chance"), "{words:?}");
        // An interval that shows as "0.0 to +9.0" in the table includes zero as shown.
        let words = verdict(
            Lang::En,
            &two,
            &cmp(&[0.5, 0.545], &[(0.0004, 0.09)], 0.2),
            120,
        );
        assert!(words[0].contains("0.0 to +9.0"), "{words:?}");
        assert!(words[0].contains("This could be chance"), "{words:?}");
        assert_eq!(words.len(), 2, "agrees with the test: {words:?}");
        // Interval clear of zero, test not significant: the test is left out.
        let words = verdict(
            Lang::En,
            &two,
            &cmp(&[0.5, 0.6], &[(0.01, 0.19)], 0.08),
            120,
        );
        assert_eq!(words.len(), 1, "{words:?}");
        assert!(words[0].contains("Clearly higher"), "{words:?}");
    }

    /// The verdict's survival is the table's, digit for digit.
    #[test]
    fn survival_at_the_tables_precision() {
        use crate::narrate::pct;
        let c = cmp(&[0.993, 0.995], &[(-0.006, 0.010)], 0.7);
        let two = names(&["Arbitration first", "Mediation first"]);
        for lang in Lang::ALL {
            let w = &verdict(lang, &two, &c, 120)[0];
            assert!(w.contains(&pct(lang, 0.995)), "{w}");
            assert!(w.contains(&pct(lang, 0.993)), "{w}");
        }
        let en = &verdict(Lang::En, &two, &c, 120)[0];
        assert!(
            en.starts_with(
                "Mediation first: 99.5% still together after 10 years, against 99.3% for Arbitration first."
            ),
            "{en}"
        );
        assert!(verdict(Lang::Id, &two, &c, 120)[0].contains("99,5%"));
    }

    #[test]
    fn curves_share_one_box() {
        let a = [1.0, 0.5, 0.5];
        let b = [1.0, 1.0, 0.0];
        let p = curve_paths(&[&a, &b], 2, 100.0, 50.0);
        assert_eq!(p.len(), 2);
        assert!(p[0].starts_with("M0,0"), "{}", p[0]);
        assert!(p[0].ends_with("L100,25"), "{}", p[0]);
        assert!(p[1].ends_with("L100,50"), "{}", p[1]);
        assert_ne!(p[0], p[1]);
    }

    fn var(name: &str, f: impl Fn(&mut Scenario)) -> Variant {
        let mut scenario = aliansi_sim::presets::default_scenario();
        f(&mut scenario);
        Variant {
            name: name.into(),
            scenario,
        }
    }

    #[test]
    fn seeds_follow_the_base_and_horizons_must_match() {
        let a = var("a", |_| {});
        let b = var("b", |s| s.seed = a.scenario.seed.wrapping_add(7));
        assert_eq!(
            seeded(std::slice::from_ref(&a)),
            Err("experiments.variants_too_few")
        );
        let s = seeded(&[a.clone(), b.clone()]).unwrap();
        assert!(s.iter().all(|x| x.seed == a.scenario.seed));
        let c = var("c", |s| s.horizon_months += 12);
        assert_eq!(seeded(&[a, c]), Err("experiments.variants_horizon"));
    }

    #[test]
    fn reducer_runs_variants_in_turn() {
        let a = var("a", |_| {});
        let b = var("b", |s| {
            s.governance.alliance_manager = !s.governance.alliance_manager
        });
        let mut v = Rc::new(Variants::default());
        for x in [&a, &b, &a, &b, &a] {
            v = v.reduce(VariantsAction::Add(x.clone()));
        }
        assert_eq!(v.variants.len(), MAX_VARIANTS);
        assert!(!v.added, "the fifth was refused: nothing said as added");
        assert!(
            Rc::new(Variants::default())
                .reduce(VariantsAction::Add(a.clone()))
                .added
        );
        v = v.reduce(VariantsAction::Remove(3));
        assert!(!v.added && v.removed.is_some(), "then one went");
        v = v.reduce(VariantsAction::Remove(2));
        let scenarios = seeded(&v.variants).unwrap();
        let tallies: Vec<Rc<BatchTally>> = scenarios
            .iter()
            .map(|s| Rc::new(aliansi_sim::run_chunk(s, s.seed, 0..30).unwrap()))
            .collect();
        v = v.reduce(VariantsAction::Start {
            scenarios,
            each: 30,
        });
        assert_eq!(v.current(), Some((0, 0)));
        // Adding while running is refused; stale replies are ignored.
        v = v.reduce(VariantsAction::Add(a.clone()));
        assert_eq!(v.variants.len(), 2);
        let w = v.clone().reduce(VariantsAction::VariantDone {
            run: 0,
            index: 1,
            tally: tallies[1].clone(),
        });
        assert_eq!(w, v);
        v = v.reduce(VariantsAction::Progress { run: 0, done: 10 });
        assert!(matches!(v.phase, Phase::Running { done: 10, .. }));
        v = v.reduce(VariantsAction::VariantDone {
            run: 0,
            index: 0,
            tally: tallies[0].clone(),
        });
        assert_eq!(v.current(), Some((0, 1)));
        v = v.reduce(VariantsAction::VariantDone {
            run: 0,
            index: 1,
            tally: tallies[1].clone(),
        });
        assert_eq!(v.phase, Phase::Done);
        let r = v.results.clone().unwrap();
        assert_eq!(r.summaries.len(), 2);
        assert_eq!(r.comparison.difference.len(), 2);
        assert_eq!(r.runs, 30);
        assert_eq!(r.names, vec!["a".to_string(), "b".to_string()]);
        // A new start, then cancel: nothing kept.
        let scenarios = seeded(&v.variants).unwrap();
        v = v.reduce(VariantsAction::Start {
            scenarios,
            each: 30,
        });
        assert_eq!(v.current(), Some((1, 0)));
        assert!(v.results.is_none());
        v = v.reduce(VariantsAction::Cancel);
        assert_eq!(v.phase, Phase::Cancelled);
        v = v.reduce(VariantsAction::Failed {
            run: 1,
            error: "late".into(),
        });
        assert_eq!(v.phase, Phase::Cancelled);
        assert_ne!(Variants::batch_id(1, 0), Variants::batch_id(0, 3));
    }

    /// Three variants run to the end: their state with results.
    fn done_with_three() -> Rc<Variants> {
        let mut v = Rc::new(Variants::default());
        for n in ["a", "b", "c"] {
            v = v.reduce(VariantsAction::Add(var(n, |s| {
                s.governance.transparency = if n == "b" { 0.9 } else { 0.5 }
            })));
        }
        let scenarios = seeded(&v.variants).unwrap();
        let names = v.variants.iter().map(|x| x.name.clone()).collect();
        let tallies: Vec<BatchTally> = scenarios
            .iter()
            .map(|s| aliansi_sim::run_chunk(s, s.seed, 0..20).unwrap())
            .collect();
        let mut w = (*v).clone();
        let seed = scenarios[0].seed;
        w.results = Some(Rc::new(Results::new(names, scenarios, &tallies, seed)));
        w.phase = Phase::Done;
        Rc::new(w)
    }

    #[test]
    fn a_list_replaced_by_a_lesson_comes_back_by_undo_with_its_results() {
        let done = done_with_three();
        let lesson = vec![Variant {
            name: "As it is".into(),
            scenario: aliansi_sim::presets::default_scenario(),
        }];
        let v = done.clone().reduce(VariantsAction::Replace(lesson.clone()));
        assert_eq!(v.variants, lesson);
        assert!(v.results.is_none());
        let back = v.clone().reduce(VariantsAction::UndoReplace);
        assert_eq!(
            (&back.variants, &back.results),
            (&done.variants, &done.results)
        );
        assert_eq!(back.phase, Phase::Done);
        assert!(back.replaced.is_none(), "Undo is used up");
        // Any other change ends it; replacing an empty list or with the same keeps nothing.
        let added = v.reduce(VariantsAction::Add(lesson[0].clone()));
        assert!(added.replaced.is_none());
        let empty = Rc::new(Variants::default()).reduce(VariantsAction::Replace(lesson.clone()));
        assert!(empty.replaced.is_none());
        let same = empty.reduce(VariantsAction::Replace(lesson));
        assert!(same.replaced.is_none());
    }

    #[test]
    fn undo_puts_a_removed_variant_back_in_its_place_with_its_results() {
        let done = done_with_three();
        let v = done.clone().reduce(VariantsAction::Remove(1));
        assert_eq!(v.variants.len(), 2);
        assert!(v.results.is_none(), "results go with the removed variant");
        let r = v.removed.clone().unwrap();
        assert_eq!((r.index, r.variant.name.as_str()), (1, "b"));
        let v = v.reduce(VariantsAction::Undo);
        assert_eq!(v.variants, done.variants, "back in the same place");
        assert_eq!(v.results, done.results, "with the results");
        assert_eq!(v.phase, Phase::Done);
        assert_eq!(v.restored, Some((1, Some(true))));
        assert!(v.removed.is_none(), "Undo is used up");
        // A second Undo does nothing; the next change ends the message.
        let again = v.clone().reduce(VariantsAction::Undo);
        assert_eq!(again.variants, done.variants);
        assert!(again.restored.is_none());
        // The base, removed and put back, is the base again.
        let v = done.clone().reduce(VariantsAction::Remove(0));
        assert_eq!(v.variants[0].name, "b");
        let v = v.reduce(VariantsAction::Undo);
        assert_eq!(v.variants, done.variants);
        assert_eq!(v.restored, Some((0, Some(true))));
    }

    #[test]
    fn undo_never_restores_over_newer_work() {
        let done = done_with_three();
        let c = var("new", |_| {});
        let removed = done.clone().reduce(VariantsAction::Remove(2));
        // Adding, removing again, replacing or running ends the Undo of the first removal.
        let added = removed.clone().reduce(VariantsAction::Add(c.clone()));
        assert!(added.removed.is_none());
        let added = added.reduce(VariantsAction::Undo);
        assert_eq!(added.variants.len(), 3);
        assert_eq!(added.variants[2].name, "new");
        assert!(added.restored.is_none());
        let replaced = removed
            .clone()
            .reduce(VariantsAction::Replace(vec![c.clone()]))
            .reduce(VariantsAction::Undo);
        assert_eq!(replaced.variants, vec![c]);
        let started = removed.clone().reduce(VariantsAction::Start {
            scenarios: seeded(&removed.variants).unwrap(),
            each: 20,
        });
        assert!(started.removed.is_none());
        let started = started.reduce(VariantsAction::Undo);
        assert_eq!(started.variants.len(), 2);
        // Two removals: Undo puts back only the last one.
        let twice = removed
            .reduce(VariantsAction::Remove(0))
            .reduce(VariantsAction::Undo);
        assert_eq!(twice.variants.len(), 2);
        assert_eq!(twice.variants[0].name, "a");
        assert_eq!(twice.restored, Some((0, None)), "no results to bring back");
    }

    #[test]
    fn every_variant_keeps_a_name_of_its_own() {
        // Added with a name taken (in any letter case), or handed over by a link that repeats
        // one: numbered, as the verdict, the table and the CSV must tell them apart.
        let v = Rc::new(Variants::default())
            .reduce(VariantsAction::Add(var("Same", |_| {})))
            .reduce(VariantsAction::Add(var("same", |_| {})))
            .reduce(VariantsAction::Add(var("Same", |_| {})));
        let names: Vec<&str> = v.variants.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(names, ["Same", "same (2)", "Same (3)"]);
        let v = v.reduce(VariantsAction::Replace(vec![
            var("A", |_| {}),
            var("A", |_| {}),
            var("A (2)", |_| {}),
        ]));
        let names: Vec<&str> = v.variants.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(names, ["A", "A (2)", "A (2) (2)"]);
        // A name as long as a link holds stays within it once numbered (else Share, and the
        // tab's keeping of the variants over a reload, refused it).
        let long = "x".repeat(aliansi_wire::MAX_NAME_CHARS);
        let v = v.reduce(VariantsAction::Replace(vec![
            var(&long, |_| {}),
            var(&long, |_| {}),
        ]));
        assert_eq!(
            v.variants[1].name.chars().count(),
            aliansi_wire::MAX_NAME_CHARS
        );
        assert!(v.variants[1].name.ends_with("x (2)"));
    }

    #[test]
    fn results_that_no_longer_match_stay_out() {
        let done = done_with_three();
        let mut v = (*done.clone().reduce(VariantsAction::Remove(1))).clone();
        // Results of another list (here: a variant renamed since they were run).
        v.variants[0].name = "renamed".into();
        let v = Rc::new(v).reduce(VariantsAction::Undo);
        assert_eq!(v.variants.len(), 3);
        assert_eq!(v.variants[1], done.variants[1], "its settings are back");
        assert!(v.results.is_none());
        assert_eq!(v.restored, Some((1, Some(false))));
    }
}
