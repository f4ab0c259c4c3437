//! The alliance as it lives: state, and [`World::step`], one month.
//!
//! Each mechanism lives in its own file as an `impl World` block; this file holds the state
//! and the order of a month.

use crate::culture::kogut_singh;
use crate::events::{Cause, DisputeCause, Event, EventKind};
use crate::params::{COMPLEMENT_SIGMA, MATCH_SIGMA};
use crate::rng::Stream;
use crate::scenario::{
    Resolution, Scenario, ScenarioError, ScriptedShock, Sharing, MAX_PARTNERS, N_GOALS,
};

/// The seven challenges of alliances (the source text's list), each a mechanism of the model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Challenge {
    Alignment,
    Culture,
    Contributions,
    Trust,
    Adaptation,
    Conflict,
    Compliance,
}

impl Challenge {
    pub const ALL: [Challenge; 7] = [
        Challenge::Alignment,
        Challenge::Culture,
        Challenge::Contributions,
        Challenge::Trust,
        Challenge::Adaptation,
        Challenge::Conflict,
        Challenge::Compliance,
    ];
    pub fn key(self) -> &'static str {
        match self {
            Challenge::Alignment => "alignment",
            Challenge::Culture => "culture",
            Challenge::Contributions => "contributions",
            Challenge::Trust => "trust",
            Challenge::Adaptation => "adaptation",
            Challenge::Conflict => "conflict",
            Challenge::Compliance => "compliance",
        }
    }
    /// Its place in [`Challenge::ALL`] (and in [`World::challenge_health`]).
    pub fn index(self) -> usize {
        self as usize
    }
}

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Reached the horizon with at least two partners.
    Survived,
    /// Dissolved in `month` (1-based) because of `cause`.
    Dissolved { month: u32, cause: Cause },
}

/// A partner's changing state.
#[derive(Clone, Debug, PartialEq)]
pub struct PartnerState {
    pub active: bool,
    /// Month it left, if it did.
    pub exit_month: Option<u32>,
    /// Current goal weights, normalised to sum 1 (leadership changes and reviews move them).
    /// Read with [`PartnerState::goals`]: only the core changes them, because it must also set
    /// `World::goals_moved` (the cached goal cosines are recomputed only then).
    pub(crate) goals: [f64; N_GOALS],
    /// Current capacity (a crisis lowers it; it recovers).
    pub capacity: f64,
    /// How much its contribution matters under the current technology, [0.2, 1].
    pub relevance: f64,
    /// How well its resources complement the others' (drawn per run, mean 1).
    pub complementarity: f64,
    /// Share it currently expects (renegotiated at reviews), [0, 1].
    pub expected_share: f64,
    /// [0, 1].
    pub satisfaction: f64,
    /// Knowledge absorbed from the others, [0, 1].
    pub knowledge: f64,
    /// Knowledge absorbed in the last month, weighted by how far it races to learn
    /// ([`crate::params::race_intent`]; 0 for a partner of ordinary learning intent): what the
    /// others watch it take (section 2.4 of docs/MODEL.md).
    pub leak: f64,
    /// Trust it lost in the others lately (every loss, fading by a tenth a month), and the part
    /// of it lost to watching a partner race to learn: they split its trust shortfall between
    /// the trust-breakdown and learning-race causes (section 3.5).
    pub trust_lost: f64,
    pub trust_lost_to_leakage: f64,
    /// Share of committed input withheld this month, [0, 0.95].
    pub withholding: f64,
    /// Input actually delivered this month.
    pub input: f64,
    /// Payoff received this month.
    pub payoff: f64,
    /// Perceived payoff/input ratio against the others' (1 = fair), smoothed.
    pub fairness: f64,
    /// How well the alliance serves its own goals, [0, 1].
    pub goal_fit: f64,
    /// Consecutive (decaying) months below its dissatisfaction threshold.
    pub months_unhappy: u32,
    pub cum_payoff: f64,
    pub cum_input: f64,
    pub months_in: u32,
    /// Compliance violations it caused.
    pub violations: u32,
    /// Smoothed pressure toward each exit [`Cause`], for telling why it left.
    pub pressure: [f64; 7],
}

impl PartnerState {
    /// Current goal weights, normalised to sum 1.
    pub fn goals(&self) -> &[f64; N_GOALS] {
        &self.goals
    }
}

/// An open dispute between two partners.
#[derive(Clone, Debug, PartialEq)]
pub struct Dispute {
    pub id: u32,
    pub a: usize,
    pub b: usize,
    pub cause: DisputeCause,
    pub severity: f64,
    pub opened: u32,
    /// Index into the ladder; `None` once the ladder is exhausted (unresolved).
    pub stage: Option<usize>,
    pub months_in_stage: u32,
    /// The step chosen for this dispute from outside the model (the app's decision mode),
    /// tried in place of the ladder's current rung; the ladder takes over if it fails.
    pub chosen: Option<Resolution>,
}

/// Why [`World::choose_resolution`] refused a choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChoiceError {
    /// No open dispute has this id.
    NoSuchDispute,
    /// The dispute is already being worked on (a choice applies only before its first month).
    AlreadyUnderway,
}

impl std::fmt::Display for ChoiceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ChoiceError::NoSuchDispute => "no open dispute has this id",
            ChoiceError::AlreadyUnderway => "the dispute is already being worked on",
        })
    }
}

/// Monthly figures, recorded when a run keeps its series.
#[derive(Clone, Debug, PartialEq)]
pub struct MonthStats {
    pub month: u32,
    pub market: f64,
    pub value: f64,
    pub distributed: f64,
    pub mean_trust: f64,
    pub open_disputes: u32,
    pub unresolved_disputes: u32,
    pub tension: f64,
    pub misfit: f64,
    pub goal_alignment: f64,
    pub cultural_friction: f64,
    pub fairness: f64,
    pub regulatory_pressure: f64,
    /// Health of each of the seven challenges, [0, 1] (see [`World::challenge_health`]).
    pub challenges: [f64; 7],
    pub satisfaction: Vec<f64>,
    pub payoff: Vec<f64>,
    pub input: Vec<f64>,
    pub active: Vec<bool>,
}

/// The indices of the active partners, without allocating.
#[derive(Clone, Copy, Debug)]
pub struct Active {
    idx: [usize; MAX_PARTNERS],
    len: usize,
}

impl std::ops::Deref for Active {
    type Target = [usize];
    fn deref(&self) -> &[usize] {
        &self.idx[..self.len]
    }
}

impl IntoIterator for Active {
    type Item = usize;
    type IntoIter = std::iter::Take<std::array::IntoIter<usize, MAX_PARTNERS>>;
    fn into_iter(self) -> Self::IntoIter {
        self.idx.into_iter().take(self.len)
    }
}

impl<'a> IntoIterator for &'a Active {
    type Item = &'a usize;
    type IntoIter = std::slice::Iter<'a, usize>;
    fn into_iter(self) -> Self::IntoIter {
        self.idx[..self.len].iter()
    }
}

/// The governance levers as plain copyable values, for the hot loop.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Knobs {
    pub form: crate::scenario::Form,
    pub decision_rule: crate::scenario::DecisionRule,
    pub transparency: f64,
    pub monitoring: f64,
    pub review_months: u32,
    pub compliance: f64,
    pub alliance_manager: bool,
    pub ladder: [Resolution; 5],
    pub ladder_len: usize,
}

/// The simulated alliance.
#[derive(Clone, Debug)]
pub struct World {
    pub scenario: Scenario,
    pub(crate) knobs: Knobs,
    /// Chance of a random shock in a month, `1 - e^(-rate / 12)` (fixed by the scenario).
    pub(crate) shock_chance: f64,
    /// Monthly trend of the market's log, `ln(1 + growth) / 12` (fixed by the scenario).
    pub(crate) monthly_trend: f64,
    /// Months simulated so far.
    pub month: u32,
    /// The run's seed.
    pub seed: u64,
    pub(crate) env_rng: Stream,
    pub(crate) agent_rng: Stream,
    pub partners: Vec<PartnerState>,
    /// `trust[i * n + j]`: how much partner i trusts partner j, [0, 1].
    pub trust: Vec<f64>,
    /// `familiarity[i * n + j]`: cultural learning of the pair, [0, 1] (symmetric).
    pub familiarity: Vec<f64>,
    /// Kogut-Singh distance of each pair (fixed).
    pub distance: Vec<f64>,
    /// The partners still in, as [`World::active`] returns them. Only `remove_partner` changes
    /// it, so a phase may borrow it (`&*self.act`) for its loops instead of copying it.
    pub(crate) act: Active,
    /// `goal_cosine[i * n + j]` (i < j): the cosine of the pair's goals as of this month's
    /// value phase, reused by the dispute phase of the same month.
    pub(crate) goal_cosine: Vec<f64>,
    /// Whether some partner's goals changed since `goal_cosine` was last computed (set by
    /// everything that moves goals: reviews and leadership changes).
    pub(crate) goals_moved: bool,
    /// Scratch rows of the monthly phases, one entry a partner, allocated once a run: a
    /// phase sets the entries it reads before reading them. A fresh `[_; MAX_PARTNERS]` in a
    /// phase is a memory fill every month, which in wasm is a call out of the module (V8), a
    /// large part of a small alliance's month. `open_with[i]`: bit j set if i and j have an
    /// open dispute (the dispute phase). `unfairness[i]`: i's sense of unfairness (the dispute
    /// phase). `shares`, `returns`: the shares and the returns on input of the active
    /// partners, in the order of the active list (the distribution, the satisfaction phase).
    pub(crate) open_with: Vec<u64>,
    pub(crate) unfairness: Vec<f64>,
    pub(crate) shares: Vec<f64>,
    pub(crate) returns: Vec<f64>,
    /// How well this particular set of partners turns out to fit together (unknown to them at
    /// the start; drawn per run): multiplies the value created.
    pub match_quality: f64,
    pub market: f64,
    pub(crate) market_dev: f64,
    pub misfit: f64,
    pub stress: f64,
    pub(crate) regulatory_extra: f64,
    pub(crate) rivalry_extra: f64,
    pub(crate) outside_boost: f64,
    pub tension: f64,
    pub disputes: Vec<Dispute>,
    pub(crate) next_dispute_id: u32,
    /// Fixed shares as renegotiated (for `Sharing::Fixed`).
    pub fixed_shares: Vec<f64>,
    pub goal_alignment: f64,
    pub cultural_friction: f64,
    /// This month's value created, costs, fines and amount distributed.
    pub value: f64,
    pub costs: f64,
    /// Costs incurred after this month's distribution, charged next month.
    pub(crate) carried_costs: f64,
    pub fines: f64,
    pub distributed: f64,
    pub cum_value: f64,
    pub cum_distributed: f64,
    pub cum_fines: f64,
    /// Regulator-detected violations so far.
    pub regulator_findings: u32,
    /// Recent compliance trouble, [0, 1]: jumps with each violation found, fades monthly.
    pub compliance_strain: f64,
    /// Whether a regulator ended the alliance.
    pub regulator_ended: bool,
    pub disputes_opened: u32,
    pub disputes_settled: u32,
    /// First month of serious trouble: a partner whose patience is spent (weighing exit), a
    /// dispute left unresolved, or an exit.
    pub first_trouble: Option<u32>,
    /// Sum of the monthly tension, for its mean over the run.
    pub tension_sum: f64,
    pub(crate) scripted: Vec<ScriptedShock>,
    pub(crate) record: bool,
    pub events: Vec<Event>,
    pub series: Vec<MonthStats>,
    pub outcome: Option<Outcome>,
}

pub(crate) fn normalise(g: &[f64; N_GOALS]) -> [f64; N_GOALS] {
    let s: f64 = g.iter().sum();
    if s <= 0.0 {
        return [1.0 / N_GOALS as f64; N_GOALS];
    }
    let mut out = *g;
    for v in out.iter_mut() {
        *v /= s;
    }
    out
}

/// Cosine similarity of two non-negative goal vectors, in [0, 1].
pub(crate) fn cosine(a: &[f64; N_GOALS], b: &[f64; N_GOALS]) -> f64 {
    let (mut ab, mut aa, mut bb) = (0.0, 0.0, 0.0);
    for k in 0..N_GOALS {
        ab += a[k] * b[k];
        aa += a[k] * a[k];
        bb += b[k] * b[k];
    }
    if aa <= 0.0 || bb <= 0.0 {
        return 0.0;
    }
    // `sqrt` is exactly rounded (IEEE 754): the same bits as libm's, and one wasm instruction.
    (ab / (aa * bb).sqrt()).clamp(0.0, 1.0)
}

/// `logistic(4 ln x)`, computed without transcendental functions: x^4 / (1 + x^4). 0.5 at
/// x = 1 (a ratio as expected), toward 1 above and 0 below.
pub(crate) fn ratio_score(x: f64) -> f64 {
    let x2 = x * x;
    let x4 = x2 * x2;
    x4 / (1.0 + x4)
}

#[allow(dead_code)]
pub(crate) fn logistic(x: f64) -> f64 {
    1.0 / (1.0 + libm::exp(-x))
}

/// `x` clamped to [0, 1], NaN to 0 (one comparison: NaN and negatives fail `x >= 0`; -0.0
/// stays -0.0, as `clamp` leaves it).
pub(crate) fn clamp01(x: f64) -> f64 {
    if x >= 0.0 {
        fmin(x, 1.0)
    } else {
        0.0
    }
}

/// `a.max(b)`, written out. Wasm has no instruction with the semantics of `f64::max` (NaN
/// ignored), so there `max` is a call into the compiler's runtime library (about 4 % of a
/// batch in the browser); this gives the same results (`compiler-builtins`' `fmax`; when both
/// are NaN, a NaN either way), inlined, and tests `b` for NaN second, so that for a constant
/// `b` the test folds away (V8 did not fold the former `a.is_nan() || a < b`).
#[inline(always)]
pub(crate) fn fmax(a: f64, b: f64) -> f64 {
    if a >= b || b.is_nan() {
        a
    } else {
        b
    }
}

/// `a.min(b)`, written out (see [`fmax`]).
#[inline(always)]
pub(crate) fn fmin(a: f64, b: f64) -> f64 {
    if a <= b || b.is_nan() {
        a
    } else {
        b
    }
}

impl World {
    /// Builds the world for one run. `record` keeps the monthly series and the event log.
    pub fn new(scenario: &Scenario, seed: u64, record: bool) -> Result<World, ScenarioError> {
        scenario.validate()?;
        Ok(World::from_valid(scenario, seed, record))
    }

    /// [`World::new`] for a scenario already validated (a batch checks its scenario once, not
    /// once a run).
    pub(crate) fn from_valid(scenario: &Scenario, seed: u64, record: bool) -> World {
        let n = scenario.partners.len();
        let t0 = scenario.initial_trust;
        let mut trust = vec![t0; n * n];
        let mut distance = vec![0.0; n * n];
        for i in 0..n {
            trust[i * n + i] = 1.0;
            for j in 0..n {
                distance[i * n + j] = kogut_singh(
                    &scenario.partners[i].culture.culture(),
                    &scenario.partners[j].culture.culture(),
                );
            }
        }
        let partners: Vec<PartnerState> = scenario
            .partners
            .iter()
            .map(|p| PartnerState {
                active: true,
                exit_month: None,
                goals: normalise(&p.goals),
                capacity: p.capacity,
                relevance: 1.0,
                complementarity: 1.0,
                expected_share: p.expected_share,
                satisfaction: 0.5 + 0.2 * t0,
                knowledge: 0.0,
                leak: 0.0,
                trust_lost: 0.0,
                trust_lost_to_leakage: 0.0,
                withholding: 0.0,
                input: 0.0,
                payoff: 0.0,
                fairness: 1.0,
                goal_fit: 1.0,
                months_unhappy: 0,
                cum_payoff: 0.0,
                cum_input: 0.0,
                months_in: 0,
                violations: 0,
                pressure: [0.0; 7],
            })
            .collect();
        let fixed_shares = match &scenario.governance.sharing {
            Sharing::Fixed(s) => s.clone(),
            _ => scenario.partners.iter().map(|p| p.expected_share).collect(),
        };
        // Match quality: drawn first, from a stream of its own, so variants share it.
        let mut partners: Vec<PartnerState> = partners;
        let mut matching = Stream::new(seed, 3);
        let z = matching.normal();
        let match_quality = libm::exp(MATCH_SIGMA * z - 0.5 * MATCH_SIGMA * MATCH_SIGMA);
        for p in partners.iter_mut() {
            let z = matching.normal();
            p.complementarity =
                libm::exp(COMPLEMENT_SIGMA * z - 0.5 * COMPLEMENT_SIGMA * COMPLEMENT_SIGMA);
        }
        let mut scripted = scenario.environment.scripted_shocks.clone();
        scripted.sort_by_key(|s| s.month);
        let g = &scenario.governance;
        let mut ladder = [Resolution::Avoidance; 5];
        ladder[..g.resolution.len()].copy_from_slice(&g.resolution);
        let knobs = Knobs {
            form: g.form,
            decision_rule: g.decision_rule,
            transparency: g.transparency,
            monitoring: g.monitoring,
            review_months: g.review_months,
            compliance: g.compliance,
            alliance_manager: g.alliance_manager,
            ladder,
            ladder_len: g.resolution.len(),
        };
        let mut act = Active {
            idx: [0; MAX_PARTNERS],
            len: n,
        };
        for (i, v) in act.idx[..n].iter_mut().enumerate() {
            *v = i;
        }
        let e = &scenario.environment;
        let mut world = World {
            act,
            shock_chance: 1.0 - libm::exp(-(e.shock_rate_per_year / 12.0)),
            monthly_trend: libm::log(1.0 + e.growth) / 12.0,
            scenario: scenario.clone(),
            knobs,
            month: 0,
            seed,
            env_rng: Stream::new(seed, 1),
            agent_rng: Stream::new(seed, 2),
            partners,
            trust,
            familiarity: vec![0.0; n * n],
            distance,
            goal_cosine: vec![0.0; n * n],
            goals_moved: true,
            open_with: vec![0; n],
            unfairness: vec![0.0; n],
            shares: vec![0.0; n],
            returns: vec![0.0; n],
            match_quality,
            market: 1.0,
            market_dev: 0.0,
            misfit: 0.0,
            stress: 0.0,
            regulatory_extra: 0.0,
            rivalry_extra: 0.0,
            outside_boost: 0.0,
            tension: 0.0,
            disputes: Vec::new(),
            next_dispute_id: 1,
            fixed_shares,
            goal_alignment: 1.0,
            cultural_friction: 0.0,
            value: 0.0,
            costs: 0.0,
            carried_costs: 0.0,
            fines: 0.0,
            distributed: 0.0,
            cum_value: 0.0,
            cum_distributed: 0.0,
            cum_fines: 0.0,
            regulator_findings: 0,
            regulator_ended: false,
            compliance_strain: 0.0,
            disputes_opened: 0,
            disputes_settled: 0,
            first_trouble: None,
            tension_sum: 0.0,
            scripted,
            record,
            events: Vec::new(),
            series: Vec::new(),
            outcome: None,
        };
        world.measure_fit();
        world
    }

    pub fn n(&self) -> usize {
        self.partners.len()
    }

    /// Indices of the partners still in (kept up to date by `remove_partner`, the only place
    /// a partner leaves; debug builds check it against the flags).
    pub fn active(&self) -> Active {
        self.check_active();
        self.act
    }

    /// [`World::active`] as a borrowed slice, for reading without copying the list.
    pub(crate) fn active_ids(&self) -> &[usize] {
        self.check_active();
        &self.act
    }

    /// Debug builds: the active list matches the partners' flags.
    fn check_active(&self) {
        debug_assert_eq!(&*self.act, &*self.scan_active(), "stale active list");
    }

    /// Indices of the partners whose `active` flag is set.
    pub(crate) fn scan_active(&self) -> Active {
        let mut a = Active {
            idx: [0; MAX_PARTNERS],
            len: 0,
        };
        for (i, p) in self.partners.iter().enumerate() {
            if p.active {
                a.idx[a.len] = i;
                a.len += 1;
            }
        }
        a
    }

    pub fn trust_of(&self, i: usize, j: usize) -> f64 {
        self.trust[i * self.n() + j]
    }

    /// Mean trust partner i places in the other active partners.
    pub fn trust_from(&self, i: usize) -> f64 {
        let n = self.n();
        let row = &self.trust[i * n..(i + 1) * n];
        let (mut s, mut c) = (0.0, 0u32);
        // The active list is in index order: the same sum as over all partners that are in.
        for &j in self.active_ids() {
            if j != i {
                s += row[j];
                c += 1;
            }
        }
        if c == 0 {
            self.trust[i * n + i]
        } else {
            s / c as f64
        }
    }

    /// Mean trust the other active partners place in partner j.
    pub fn trust_in(&self, j: usize) -> f64 {
        let n = self.n();
        let (mut s, mut c) = (0.0, 0u32);
        for i in 0..n {
            if i != j && self.partners[i].active {
                s += self.trust[i * n + j];
                c += 1;
            }
        }
        if c == 0 {
            1.0
        } else {
            s / c as f64
        }
    }

    /// Mean directed trust over all pairs of active partners.
    pub fn mean_trust(&self) -> f64 {
        let n = self.n();
        let (mut s, mut c) = (0.0, 0u32);
        for i in 0..n {
            if !self.partners[i].active {
                continue;
            }
            for j in 0..n {
                if i != j && self.partners[j].active {
                    s += self.trust[i * n + j];
                    c += 1;
                }
            }
        }
        if c == 0 {
            0.0
        } else {
            s / c as f64
        }
    }

    /// Cultural distance of a pair as still felt: Kogut-Singh times (1 - familiarity).
    pub fn felt_distance(&self, i: usize, j: usize) -> f64 {
        let k = i * self.n() + j;
        self.distance[k] * (1.0 - self.familiarity[k])
    }

    pub(crate) fn trouble(&mut self) {
        if self.first_trouble.is_none() {
            self.first_trouble = Some(self.month);
        }
    }

    pub(crate) fn record_event(&mut self, kind: EventKind) {
        if self.record {
            self.events.push(Event {
                month: self.month,
                kind,
            });
        }
    }

    /// The current rung of the ladder for a dispute.
    pub fn dispute_step(&self, d: &Dispute) -> Option<Resolution> {
        d.stage
            .map(|s| d.chosen.unwrap_or(self.scenario.governance.resolution[s]))
    }

    /// Disputes that opened this month and have not been worked on or given a step yet: the
    /// ones a class may decide (decision mode), in the order they opened.
    pub fn awaiting_choice(&self) -> impl Iterator<Item = &Dispute> {
        self.disputes.iter().filter(move |d| {
            d.opened == self.month
                && d.stage == Some(0)
                && d.months_in_stage == 0
                && d.chosen.is_none()
        })
    }

    /// Sets how a newly opened dispute is resolved: `step` is tried first, in place of the
    /// ladder's first rung (if it fails, the ladder goes on from its second rung). Allowed
    /// only before the dispute's first month of work. Draws no random numbers, so the rest
    /// of the world is unchanged until the choice plays out. The event log names the chosen
    /// step where it named the first rung (which is never tried).
    pub fn choose_resolution(&mut self, id: u32, step: Resolution) -> Result<(), ChoiceError> {
        let d = self
            .disputes
            .iter_mut()
            .find(|d| d.id == id)
            .ok_or(ChoiceError::NoSuchDispute)?;
        if d.stage != Some(0) || d.months_in_stage != 0 {
            return Err(ChoiceError::AlreadyUnderway);
        }
        d.chosen = Some(step);
        let opening = self
            .events
            .iter()
            .rposition(|e| matches!(e.kind, EventKind::DisputeStep { id: i, .. } if i == id));
        match opening {
            Some(k) => self.events[k].kind = EventKind::DisputeStep { id, step },
            None => self.record_event(EventKind::DisputeStep { id, step }),
        }
        Ok(())
    }

    /// Gives each dispute awaiting a choice ([`World::awaiting_choice`]) its step from
    /// `choices` (dispute id, step), if it has one there: a class's choices made beforehand,
    /// replayed after each month (the last one too). Returns those applied, in order.
    pub fn apply_choices(&mut self, choices: &[(u32, Resolution)]) -> Vec<(u32, Resolution)> {
        let open: Vec<u32> = self.awaiting_choice().map(|d| d.id).collect();
        let mut applied = Vec::new();
        for id in open {
            if let Some(&(_, step)) = choices.iter().find(|c| c.0 == id) {
                // A dispute awaiting a choice always takes one.
                if self.choose_resolution(id, step).is_ok() {
                    applied.push((id, step));
                }
            }
        }
        applied
    }

    pub fn is_over(&self) -> bool {
        self.outcome.is_some()
    }

    /// Simulates one month. Returns the outcome once the run has ended (and from then on).
    pub fn step(&mut self) -> Option<Outcome> {
        if self.outcome.is_some() {
            return self.outcome;
        }
        self.month += 1;
        self.check_active();
        self.environment_phase();
        self.contribution_phase();
        self.value_phase();
        self.compliance_phase();
        if self.outcome.is_none() {
            self.resolution_phase();
        }
        self.satisfaction_phase();
        if self.outcome.is_none() {
            self.trust_phase();
            self.dispute_phase();
            self.adaptation_phase();
            self.exit_phase();
        }
        if self.outcome.is_none() && self.month >= self.scenario.horizon_months {
            self.outcome = Some(Outcome::Survived);
            self.record_event(EventKind::Survived);
        }
        self.tension_sum += self.tension;
        if self.record {
            let stats = self.month_stats();
            self.series.push(stats);
        }
        self.outcome
    }

    /// How healthy each of the seven challenges of the source text is right now, in [0, 1]
    /// (1 = no trouble), from the model's state, in the order of [`Challenge::ALL`]:
    /// goal alignment; cultural friction still felt; fairness of shares against inputs;
    /// trust; fit with the market after shocks; conflict (tension and festering disputes);
    /// compliance (recent violations).
    pub fn challenge_health(&self) -> [f64; 7] {
        let fairness = self.fairness_balance();
        let unresolved = self.disputes.iter().filter(|d| d.stage.is_none()).count() as f64;
        [
            clamp01(self.goal_alignment),
            culture_gauge(self.cultural_friction),
            clamp01(fairness),
            clamp01(self.mean_trust()),
            clamp01(1.0 - self.misfit),
            clamp01(1.0 - self.tension - 0.1 * unresolved),
            clamp01(1.0 - self.compliance_strain),
        ]
    }

    /// How balanced the partners' shares feel, in (0, 1]: the mean over the partners still in
    /// of each one's fairness ratio, or its inverse above 1 (getting too much is off balance
    /// too); 1 with nobody in. The challenge gauge and the monthly series both use this.
    pub fn fairness_balance(&self) -> f64 {
        let act = self.active();
        if act.is_empty() {
            return 1.0;
        }
        act.iter()
            .map(|&i| {
                let f = fmax(self.partners[i].fairness, 1e-9);
                fmin(f, 1.0 / f)
            })
            .sum::<f64>()
            / act.len() as f64
    }

    fn month_stats(&self) -> MonthStats {
        let fairness = self.fairness_balance();
        MonthStats {
            month: self.month,
            market: self.market,
            value: self.value,
            distributed: self.distributed,
            mean_trust: self.mean_trust(),
            open_disputes: self.disputes.len() as u32,
            unresolved_disputes: self.disputes.iter().filter(|d| d.stage.is_none()).count() as u32,
            tension: self.tension,
            misfit: self.misfit,
            goal_alignment: self.goal_alignment,
            cultural_friction: self.cultural_friction,
            fairness,
            regulatory_pressure: self.regulatory_pressure(),
            challenges: self.challenge_health(),
            satisfaction: self.partners.iter().map(|p| p.satisfaction).collect(),
            payoff: self.partners.iter().map(|p| p.payoff).collect(),
            input: self.partners.iter().map(|p| p.input).collect(),
            active: self.partners.iter().map(|p| p.active).collect(),
        }
    }
}

/// The Kogut-Singh distance still felt at which the cultural-fit gauge reads one half.
pub const CULTURE_GAUGE_HALF: f64 = 1.5;

/// The cultural-fit gauge of a mean felt distance: 1 at none, halving with every
/// [`CULTURE_GAUGE_HALF`] of it. It never reaches 0, so that two distant pairs still differ
/// (Japan and Sweden are 6.05 apart, Indonesia and the United States 3.02): the straight line
/// `1 - d / 3` it replaced read 0, "no fit at all", for 27 of the 153 pairs of countries, and
/// stayed there while the partners learned each other's ways.
pub fn culture_gauge(felt_distance: f64) -> f64 {
    clamp01(libm::exp(
        -core::f64::consts::LN_2 * felt_distance / CULTURE_GAUGE_HALF,
    ))
}
