//! The page state and its reducer (the Yew `function_todomvc` pattern): components read a
//! `UseReducerHandle<State>` and change it only by dispatching an [`Action`].
//!
//! A run is watched live: the state keeps the [`World`] being simulated, and an interval timer
//! in the page dispatches [`Action::Play`] while it plays; each tick steps the months the speed
//! owes for the time since the previous one (see [`tick_plan`] and [`tick_step`]). When the
//! world ends, the [`RunResult`] is kept in `result`.

use std::rc::Rc;

use aliansi_sim::{MonthStats, Resolution, RunResult, Scenario, World};
use yew::Reducible;

use crate::i18n::Lang;
use crate::lessons::{self, LESSONS};
use crate::variants::Variant;

/// The speeds offered, in months per second.
pub const SPEEDS: [u32; 6] = [1, 2, 5, 10, 30, 120];

/// The speed of [`SPEEDS`] next above `speed` (`faster`) or below it, or the fastest or
/// slowest offered past either end (the `+` and `-` keys).
pub fn speed_step(speed: u32, faster: bool) -> u32 {
    if faster {
        SPEEDS.into_iter().find(|&s| s > speed).unwrap_or(SPEEDS[5])
    } else {
        SPEEDS
            .into_iter()
            .rev()
            .find(|&s| s < speed)
            .unwrap_or(SPEEDS[0])
    }
}
/// The speed on load.
pub const DEFAULT_SPEED: u32 = 10;
/// At most this many timer ticks a second (more months per tick beyond it).
const MAX_TICKS_PER_SECOND: u32 = 20;

/// For a speed in months per second: the timer period in milliseconds and the months to
/// simulate on each tick.
pub fn tick_plan(speed: u32) -> (u32, u32) {
    let speed = speed.max(1);
    let ticks = speed.min(MAX_TICKS_PER_SECOND);
    let months = speed.div_ceil(ticks);
    (1000 / ticks, months)
}

/// The timer's step for a tick `elapsed_ms` after the previous one, with `carry` (thousandths
/// of a month) owed from before: the months to step, those the speed owes for that time, and
/// what is left owed, for the next tick. A tick steps at most half a second's worth, or two
/// months (a drawing then jumps no more than that); time owed beyond that is dropped. A page
/// too slow to draw every tick in time (a long run of many partners on a slow computer) then
/// draws fewer months, not a slower run: each drawing is the same as at that month, only the
/// months in between are not drawn.
/// The part of a month carried over keeps the pace: without it, ticks 150 ms apart at 10
/// months a second stepped one month each, two thirds of the speed.
pub fn tick_step(speed: u32, elapsed_ms: u32, carry: u32) -> (u32, u32) {
    let speed = u64::from(speed.max(1));
    let most = u64::from(tick_plan(speed as u32).1).max(speed / 2).max(2);
    let owed = speed * u64::from(elapsed_ms) + u64::from(carry);
    let months = owed / 1000;
    if months > most {
        (most as u32, 0)
    } else {
        (months as u32, (owed - months * 1000) as u32)
    }
}

/// A seed as the user typed it: a whole number in `0..=u64::MAX` (surrounding spaces allowed),
/// with or without thousands marks as either language writes them (`2,024`, `2.024`, `2 024`),
/// as the other whole-number fields take them (`number::whole_digits`).
pub fn parse_seed(text: &str) -> Option<u64> {
    crate::number::whole_digits(text)?.parse::<u64>().ok()
}

/// The world being simulated, shared cheaply between renders. Two handles are equal when they
/// are the same world at the same step (`generation` counts the steps taken).
#[derive(Clone, Debug)]
pub struct LiveWorld {
    world: Rc<World>,
    generation: u64,
    /// The class's choices so far (dispute id, step), in order: with the month, what a
    /// reload needs to bring the run back ([`LiveWorld::replay`]).
    choices: Rc<Vec<(u32, Resolution)>>,
    /// Choices made beforehand (a shared run's, [`Planned`]): each is applied as its dispute
    /// opens, and then counts among the choices.
    planned: Rc<Vec<(u32, Resolution)>>,
}

impl PartialEq for LiveWorld {
    fn eq(&self, other: &LiveWorld) -> bool {
        Rc::ptr_eq(&self.world, &other.world) && self.generation == other.generation
    }
}

impl std::ops::Deref for LiveWorld {
    type Target = World;
    fn deref(&self) -> &World {
        &self.world
    }
}

impl LiveWorld {
    fn new(world: World, planned: Rc<Vec<(u32, Resolution)>>) -> LiveWorld {
        LiveWorld {
            world: Rc::new(world),
            generation: 0,
            choices: Rc::default(),
            planned,
        }
    }

    /// The class's choices so far, in order.
    pub fn choices(&self) -> &[(u32, Resolution)] {
        &self.choices
    }

    /// How many of the choices the class made itself (not a shared run's planned ones).
    pub fn own_choices(&self) -> usize {
        self.choices
            .iter()
            .filter(|c| !self.planned.contains(c))
            .count()
    }

    /// Plays a fresh world up to `month` again, applying the class's `choices` to the
    /// disputes they were made for as each opens: the same run, since choosing draws no random
    /// numbers. Stops early if the run ends.
    fn replay(&mut self, month: u32, choices: &[(u32, Resolution)]) {
        while self.world.month < month && !self.world.is_over() {
            Rc::make_mut(&mut self.world).step();
            self.apply(choices);
        }
        self.generation += 1;
    }

    /// Applies to each dispute that has just opened its choice in `choices`, or else in the
    /// planned choices, if either has one.
    fn apply(&mut self, choices: &[(u32, Resolution)]) {
        if choices.is_empty() && self.planned.is_empty() {
            return;
        }
        // `choices` first: a dispute given its choice no longer awaits one from the plan.
        let planned = self.planned.clone();
        let world = Rc::make_mut(&mut self.world);
        let mut applied = world.apply_choices(choices);
        applied.extend(world.apply_choices(&planned));
        // In the order the disputes opened, as the class would have decided them.
        applied.sort_by_key(|c| c.0);
        if !applied.is_empty() {
            Rc::make_mut(&mut self.choices).extend(applied);
            self.generation += 1;
        }
    }

    /// Steps up to `months` months (fewer if the run ends first, or, when `decide`, as soon
    /// as a dispute awaits the class's decision). `u32::MAX` months: to the end. A planned
    /// choice is applied as its dispute opens, before the class would be asked.
    fn advance(&mut self, months: u32, decide: bool) {
        for _ in 0..months {
            let ended = Rc::make_mut(&mut self.world).step().is_some();
            self.apply(&[]);
            if ended || (decide && self.world.awaiting_choice().next().is_some()) {
                break;
            }
        }
        self.generation += 1;
    }

    /// The choices a link of this run carries: those made so far, and the planned ones still
    /// ahead, in the order of their disputes.
    pub fn shared_choices(&self) -> Vec<(u32, Resolution)> {
        let mut all = self.choices.to_vec();
        for c in self.planned.iter() {
            if !all.iter().any(|x| x.0 == c.0) {
                all.push(*c);
            }
        }
        all.sort_by_key(|c| c.0);
        all
    }

    /// Applies the class's choice for a dispute (ignored if the world refuses it).
    fn choose(&mut self, id: u32, step: Resolution) {
        if Rc::make_mut(&mut self.world)
            .choose_resolution(id, step)
            .is_ok()
        {
            Rc::make_mut(&mut self.choices).push((id, step));
            self.generation += 1;
        }
    }
}

/// The events of `w` the log shows: all of them, but in decision mode ([`State::decisions`])
/// not the step each dispute awaiting the class's choice would take by default (the ladder's
/// first rung), which the choice replaces: the log does not name a step before the class has
/// chosen it. Disputes that open in the same month wait together (the class decides them one
/// after another).
pub fn logged_events(w: &World, decisions: bool) -> Vec<&aliansi_sim::Event> {
    let pending: Vec<u32> = if decisions {
        w.awaiting_choice().map(|d| d.id).collect()
    } else {
        Vec::new()
    };
    w.events
        .iter()
        .filter(|e| {
            !matches!(e.kind, aliansi_sim::EventKind::DisputeStep { id, .. } if pending.contains(&id))
        })
        .collect()
}

/// An experiment handed to "Compare fairly" (by a lesson or a shared link): its variants and
/// runs per variant. `seq` grows with each one, so the panel takes each exactly once.
#[derive(Clone, Debug, PartialEq)]
pub struct ExperimentSetup {
    pub seq: u64,
    pub variants: Vec<Variant>,
    pub runs: u64,
}

/// The lesson open and the part of it revealed (index into [`lessons::PARTS`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpenLesson {
    pub index: usize,
    pub part: usize,
}

/// How a tab shows the page beyond the scenario: classroom mode, decision mode, the speed and
/// the lesson open at its part. The tab keeps it (`components/share.rs`'s `UrlSync`), so that
/// a reload in front of a class comes back as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct View {
    pub classroom: bool,
    pub decisions: bool,
    pub speed: u32,
    pub lesson: Option<OpenLesson>,
    /// Where the run stood (0: not started) and the class's choices on the way.
    pub month: u32,
    pub choices: Vec<(u32, Resolution)>,
}

impl View {
    /// As the tab keeps it: `c1 d0 s10`, then `l<lesson id>.<part>` when a lesson is open (by
    /// its id, which stays right if a later version of the app reorders the lessons), then
    /// `m<month>` once the run has started and `k<id>=<step>,…` for the class's choices.
    pub fn to_text(&self) -> String {
        let mut out = format!(
            "c{} d{} s{}",
            u8::from(self.classroom),
            u8::from(self.decisions),
            self.speed
        );
        if let Some(l) = self.lesson.filter(|l| l.index < LESSONS.len()) {
            out.push_str(&format!(" l{}.{}", LESSONS[l.index].id(), l.part));
        }
        if self.month > 0 {
            out.push_str(&format!(" m{}", self.month));
        }
        if !self.choices.is_empty() {
            let list: Vec<String> = self
                .choices
                .iter()
                .map(|(id, r)| format!("{id}={}", r.key()))
                .collect();
            out.push_str(&format!(" k{}", list.join(",")));
        }
        out
    }

    /// Reads [`View::to_text`]'s form. A part it does not know (a lesson since removed, a
    /// speed not offered) is left at the page's default; `None` if no part reads.
    pub fn parse(text: &str) -> Option<View> {
        let mut view = View {
            classroom: false,
            decisions: false,
            speed: DEFAULT_SPEED,
            lesson: None,
            month: 0,
            choices: Vec::new(),
        };
        let mut read = false;
        for word in text.split_whitespace() {
            let (tag, rest) =
                word.split_at(word.char_indices().nth(1).map_or(word.len(), |(i, _)| i));
            let known = match (tag, rest) {
                ("c", "0" | "1") => {
                    view.classroom = rest == "1";
                    true
                }
                ("d", "0" | "1") => {
                    view.decisions = rest == "1";
                    true
                }
                ("s", _) => match rest.parse() {
                    Ok(speed) if SPEEDS.contains(&speed) => {
                        view.speed = speed;
                        true
                    }
                    _ => false,
                },
                ("l", _) => {
                    let lesson = rest.rsplit_once('.').and_then(|(id, part)| {
                        let index = LESSONS.iter().position(|l| l.id() == id)?;
                        let part = part.parse::<usize>().ok()?;
                        (part < lessons::PARTS.len()).then_some(OpenLesson { index, part })
                    });
                    view.lesson = lesson;
                    lesson.is_some()
                }
                ("m", _) => match rest.parse() {
                    Ok(month) => {
                        view.month = month;
                        true
                    }
                    _ => false,
                },
                ("k", _) => {
                    let choices: Option<Vec<(u32, Resolution)>> = rest
                        .split(',')
                        .map(|c| {
                            let (id, key) = c.split_once('=')?;
                            let step = Resolution::ALL.into_iter().find(|r| r.key() == key)?;
                            Some((id.parse().ok()?, step))
                        })
                        .collect();
                    view.choices = choices.unwrap_or_default();
                    !view.choices.is_empty()
                }
                _ => false,
            };
            read |= known;
        }
        read.then_some(view)
    }

    /// The action that brings the run back to where it stood: after the working copy of its
    /// scenario has been restored (only then is it the same world), `None` if it had not
    /// started.
    pub fn replay(&self) -> Option<Action> {
        (self.month > 0).then(|| Action::Replay {
            month: self.month,
            choices: self.choices.clone(),
        })
    }

    /// The actions that bring a freshly loaded page to this view. The lesson comes first:
    /// opening it loads its scenario and experiment (which a kept working copy then replaces)
    /// and sets decision mode as the lesson wants, which the kept choice then overrides.
    pub fn actions(&self) -> Vec<Action> {
        let mut out = Vec::new();
        if let Some(l) = self.lesson {
            out.push(Action::OpenLesson(l.index));
            out.extend(std::iter::repeat_n(Action::LessonNext, l.part));
        }
        out.push(Action::SetClassroom(self.classroom));
        out.push(Action::SetDecisions(self.decisions));
        out.push(Action::SetSpeed(self.speed));
        out
    }
}

/// Where the run stands, for the controls and for tests (`#app-ready[data-status]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// At month 0, not started.
    Ready,
    Running,
    /// Started, stopped before the end.
    Paused,
    /// The run has ended.
    Done,
}

impl Status {
    pub fn key(self) -> &'static str {
        match self {
            Status::Ready => "ready",
            Status::Running => "running",
            Status::Paused => "paused",
            Status::Done => "done",
        }
    }
}

/// Choices made beforehand for one run: a shared run's (an `s4.` or `s2.` link), applied as their
/// disputes open while the scenario and seed are the link's.
#[derive(Clone, Debug, PartialEq)]
pub struct Planned {
    /// The scenario, with the seed of the run.
    pub scenario: Scenario,
    /// Shared with the runs that apply them ([`LiveWorld`]).
    pub choices: Rc<Vec<(u32, Resolution)>>,
}

/// A finished run remembered for comparison ("same world, different choice").
#[derive(Clone, Debug, PartialEq)]
pub struct Baseline {
    pub scenario: Scenario,
    pub seed: u64,
    pub result: Rc<RunResult>,
    /// The class's choices in that run (decision mode, or a shared run's), in the order of
    /// their disputes: the comparison says where the new run's differ.
    pub choices: Vec<(u32, Resolution)>,
}

/// How many of a class's choices are not what the ladder would have done: a step other than
/// the ladder's first (leaving a dispute to the ladder is recorded as its first step, so
/// "disputes decided" alone counts those too).
pub fn off_ladder(choices: &[(u32, Resolution)], ladder_first: Resolution) -> usize {
    choices.iter().filter(|c| c.1 != ladder_first).count()
}

/// Where two runs' choices differ, dispute by dispute (in the order of their ids): the step
/// tried first in `base` and in `this` (each a run's choices and its events), `None` where
/// that run had the dispute but no choice for it (the ladder decided it: decision mode was
/// off). Only the disputes both runs opened, between the same two partners over the same
/// cause: a run that ended sooner never had its later disputes, and once two runs have gone
/// apart, a dispute of one number may be another quarrel in each (the class chose nothing
/// differently there).
pub fn choice_changes(
    base: (&[(u32, Resolution)], &[aliansi_sim::Event]),
    this: (&[(u32, Resolution)], &[aliansi_sim::Event]),
) -> Vec<(u32, Option<Resolution>, Option<Resolution>)> {
    let step = |list: &[(u32, Resolution)], id: u32| list.iter().find(|c| c.0 == id).map(|c| c.1);
    let in_this = opened_disputes(this.1);
    opened_disputes(base.1)
        .into_iter()
        .filter(|d| in_this.contains(d))
        .map(|(id, ..)| (id, step(base.0, id), step(this.0, id)))
        .filter(|(_, a, b)| a != b)
        .collect()
}

/// The disputes a run opened, in order: their ids, the two partners and the cause.
fn opened_disputes(
    events: &[aliansi_sim::Event],
) -> Vec<(u32, usize, usize, aliansi_sim::DisputeCause)> {
    events
        .iter()
        .filter_map(|e| match e.kind {
            aliansi_sim::EventKind::DisputeOpened {
                id, a, b, cause, ..
            } => Some((id, a, b, cause)),
            _ => None,
        })
        .collect()
}

/// Everything the page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub lang: Lang,
    /// Live regions are quiet: the language has just changed (src/components/live.rs).
    pub hush: bool,
    /// Counts the language switches, so that a second switch while quiet keeps the regions
    /// quiet for its own redraw ([`Action::Unhush`] of an earlier one does nothing).
    pub hush_gen: u32,
    pub scenario: Scenario,
    /// The seed of the current run.
    pub seed: u64,
    /// The world of the current run (at month 0 until it is played), or why the scenario
    /// cannot run.
    pub live: Result<LiveWorld, String>,
    /// Whether the timer is stepping the world.
    pub playing: bool,
    /// Months per second while playing (one of [`SPEEDS`]).
    pub speed: u32,
    /// The current run once it has ended; `Some(Err)` if the scenario is invalid; `None`
    /// while it has not ended.
    pub result: Option<Result<Rc<RunResult>, String>>,
    /// The run remembered by "Run again with a change", if comparing.
    pub baseline: Option<Baseline>,
    /// A message shown above the page, if any.
    pub notice: Option<Notice>,
    /// Classroom mode: large type and only the controls a lesson needs.
    pub classroom: bool,
    /// Whether the page's single-key shortcuts work (`components/classroom.rs`): a reader
    /// whose speech input or keyboard presses letters unasked turns them off (kept on this
    /// device).
    pub shortcuts: bool,
    /// Decision mode: the run stops whenever a dispute starts and the class chooses how it is
    /// resolved.
    pub decisions: bool,
    /// Whether the run was playing when it stopped for a decision (it plays on once decided).
    pub resume: bool,
    /// The guided lesson open, if any.
    pub lesson: Option<OpenLesson>,
    /// The last experiment handed to "Compare fairly".
    pub experiment: Option<Rc<ExperimentSetup>>,
    /// The scenario as last loaded whole (a preset, a lesson, a saved one, a link): the
    /// scenario differs from it once the user has edited it.
    pub loaded: Rc<Scenario>,
    /// The scenario on screen is an edit brought back by [`Action::Restore`]: the user's own
    /// work, kept nowhere else, so loading another over it keeps it as any edit is kept (it is
    /// also `loaded`, for the lesson's note that another scenario is open).
    pub restored: bool,
    /// An edited scenario that loading another replaced (with its seed), which the page offers
    /// to bring back ([`Action::Restore`]) until it is dismissed.
    pub replaced: Option<Rc<Scenario>>,
    /// The run of [`State::replaced`] as it stood when it was replaced, with the comparison it
    /// was part of: [`Action::Restore`] brings them back with the scenario (opening a lesson
    /// over a "same market, same shocks" comparison lost both runs, and bringing the
    /// scenario back gave month 0 and no comparison: an audit). `None` when there was nothing
    /// to bring back (a run at month 0, no comparison).
    pub replaced_run: Option<Rc<ReplacedRun>>,
    /// The run that Reset (or Run after its end) set aside with the class's choices in it,
    /// which the page offers to bring back ([`Action::BringBackRun`]): a stray Reset, or `r`
    /// pressed by mistake, wiped a class's decisions with no way back (an audit). Kept until
    /// the scenario or seed changes or the new run has choices of its own.
    pub set_aside: Option<Rc<SetAside>>,
    /// The choices of a shared run ([`Action::LoadRun`]): every run of its scenario and seed
    /// applies them; any other scenario or seed runs without.
    pub planned: Option<Rc<Planned>>,
    /// How many of the editor's fields hold a value it refused (the scenario keeps their last
    /// valid values): the run controls say so, far from the fields on a phone.
    pub refused: usize,
    /// The name `loaded` came with (a saved scenario's, an imported file's), for "Open now".
    pub loaded_name: Option<Rc<str>>,
    /// The screen blanked in classroom mode (a presenter's B key): the run paused under a
    /// black screen until a key or a click brings the page back. Not kept over a reload.
    pub blank: bool,
}

/// Everything that can change the page state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Plays the run (from where it stands; from month 0 again if it had ended).
    Run,
    /// Stops playing.
    Pause,
    /// Simulates one month (and stops playing).
    Step,
    /// Plays to the end at once.
    Finish,
    /// Back to month 0 with the same scenario and seed.
    Reset,
    /// Brings back the run that Reset set aside ([`State::set_aside`]).
    BringBackRun,
    /// The timer: while playing, simulates these months (what the speed owes for the time
    /// since its previous tick: [`tick_step`]).
    Play(u32),
    /// Months per second while playing.
    SetSpeed(u32),
    /// Blanks the screen (pausing the run) or brings the page back ([`State::blank`]).
    SetBlank(bool),
    /// The number of the editor's fields holding a refused value.
    EditorRefused(usize),
    /// The name of the scenario just loaded (a saved one's, an imported file's).
    Named(String),
    /// The scenario on screen was just saved under this name: it is now the library's, as if
    /// loaded from it ("Open now" names it, unedited).
    Saved(String),
    /// A reload brings back what the tab had loaded under a name (`url::restore_loaded`): the
    /// scenario as loaded (what "edited" is measured from) and its name. Nothing else changes:
    /// the scenario on screen is the working copy's, restored next.
    Reopened { loaded: Scenario, name: String },
    /// Uses this seed (and rewinds to month 0).
    SetSeed(u64),
    /// Moves to the next seed (and rewinds to month 0).
    NewSeed,
    /// Moves to the next seed and plays it to the end at once.
    RunNextSeed,
    /// Switches the display language.
    SetLang(Lang),
    /// Live regions speak again after the language switch that this counts
    /// ([`State::hush_gen`]; src/components/live.rs).
    Unhush(u32),
    /// Replaces the scenario being edited (the editor sends only valid values) and takes its
    /// seed; the run rewinds to month 0, ready to play with the new settings. A remembered
    /// baseline is kept.
    SetScenario(Scenario),
    /// Loads a whole scenario (a preset, a saved one, a shared link) with its seed, ready to
    /// run (status "ready", month 0). An edited scenario it replaces is kept for
    /// [`Action::Restore`].
    Load(Scenario),
    /// Loads a shared run: like [`Action::Load`], and its runs apply the class's `choices`
    /// (dispute id, step tried first) as each dispute opens, while the scenario and seed are
    /// unchanged.
    LoadRun {
        scenario: Scenario,
        choices: Vec<(u32, Resolution)>,
    },
    /// Brings back the edited scenario that the last load replaced (an edited scenario it
    /// replaces in turn is kept, so nothing is lost either way).
    Restore,
    /// The address went back to the plain page (Back after a link): the scenario the link
    /// replaced comes back if there is one, else the default scenario.
    BackToPlain,
    /// Offers to bring back the scenario a closed tab was editing, unsaved (this device's
    /// draft: components/share.rs), as a scenario a load replaced is offered; unless the page
    /// already offers one.
    OfferDraft(Scenario),
    /// Forgets it (the offer to bring it back goes).
    ForgetReplaced,
    /// Shows a message to the user (an i18n key and its arguments), or clears it with `None`.
    Notify(Option<Notice>),
    /// Remembers the finished run as the baseline of a comparison and rewinds, so the user can
    /// change a setting and run again in the same world.
    CompareStart,
    /// Leaves comparison mode (forgets the baseline).
    CompareExit,
    /// Turns classroom mode on or off.
    SetClassroom(bool),
    /// Turns the single-key shortcuts on or off.
    SetShortcuts(bool),
    /// Turns decision mode on or off.
    SetDecisions(bool),
    /// The class's decision for a dispute that has just started: a step tried first, or
    /// `None` to leave it to the alliance's ladder. Playing resumes once nothing awaits.
    Decide { id: u32, step: Option<Resolution> },
    /// Opens lesson `index` (of [`LESSONS`]) at its first part: loads its scenario, sets up its
    /// experiment, and turns decision mode on if the lesson uses it.
    OpenLesson(usize),
    /// Reveals the next part of the open lesson.
    LessonNext,
    /// Goes back one part of the open lesson.
    LessonPrevious,
    /// Closes the lesson.
    CloseLesson,
    /// Hands an experiment (variants and runs per variant) to "Compare fairly".
    SetupExperiment { variants: Vec<Variant>, runs: u64 },
    /// Plays the run again from month 0 to `month`, with the class's `choices` (a reload
    /// bringing the run back); it then stands paused there.
    Replay {
        month: u32,
        choices: Vec<(u32, Resolution)>,
    },
    /// Brings back the run "Run again with a change" remembered (a reload: the tab keeps its
    /// scenario, seed and the class's choices, `url::kept_baseline`), played again to its end.
    /// Ignored if the scenario cannot run or the run does not end.
    RestoreBaseline {
        /// With the run's seed.
        scenario: Scenario,
        choices: Vec<(u32, Resolution)>,
    },
}

/// The run a load replaced ([`State::replaced_run`]).
#[derive(Clone, Debug, PartialEq)]
pub struct ReplacedRun {
    pub live: Result<LiveWorld, String>,
    pub result: Option<Result<Rc<RunResult>, String>>,
    pub baseline: Option<Baseline>,
}

/// A run set aside by Reset ([`State::set_aside`]).
#[derive(Clone, Debug, PartialEq)]
pub struct SetAside {
    pub live: LiveWorld,
    pub result: Option<Result<Rc<RunResult>, String>>,
    /// The scenario (with its seed) it was run with: brought back only onto the same world
    /// (partner names aside, as a rename keeps the run on screen).
    pub scenario: Scenario,
}

/// A message for the user: an i18n key, its `{name}` arguments, and whether it reports a problem.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub key: &'static str,
    /// Text as shown, except a `horizon`, kept in months and worded when the notice shows, in
    /// the page's language then (`components/notice.rs`).
    pub args: Vec<(String, String)>,
    pub error: bool,
    /// The model version a link just opened was made with, when it is not this build's
    /// (`aliansi_wire::link_from_other_model`): the banner adds that the link's runs may differ
    /// from the ones its sender saw.
    pub other_model: Option<String>,
}

/// (month, mean trust) from month 0 (the initial trust); months with fewer than two partners
/// (the month an alliance dissolves because one partner is left) have no mean trust and are
/// left out. An alliance that dissolves with two or more partners still in (a large partner's
/// departure, a regulator) has its last month drawn.
pub fn trust_points(initial_trust: f64, series: &[MonthStats]) -> Vec<(f64, f64)> {
    let together = |m: &&MonthStats| m.active.iter().filter(|a| **a).count() >= 2;
    std::iter::once((0.0, initial_trust))
        .chain(
            series
                .iter()
                .filter(together)
                .map(|m| (f64::from(m.month), m.mean_trust)),
        )
        .collect()
}

/// (month, value) of one monthly figure, from month 1.
pub fn month_points(series: &[MonthStats], f: impl Fn(&MonthStats) -> f64) -> Vec<(f64, f64)> {
    series.iter().map(|m| (f64::from(m.month), f(m))).collect()
}

/// Whether partner `i` took part in the month `series[k]`: still in at its end, or leaving in
/// it (in at the end of the month before; everyone is in at month 0). A partner that leaves in
/// a month was paid for it and felt it: its payoff and satisfaction of that month count.
pub fn took_part(series: &[MonthStats], k: usize, i: usize) -> bool {
    let in_at = |k: usize| series[k].active.get(i).copied().unwrap_or(false);
    in_at(k) || k == 0 || in_at(k - 1)
}

/// (month, value) of one partner's monthly figure while it took part ([`took_part`]: to the
/// month it left, then a gap).
pub fn partner_points(
    series: &[MonthStats],
    i: usize,
    f: impl Fn(&MonthStats, usize) -> f64,
) -> Vec<(f64, f64)> {
    (0..series.len())
        .filter(|&k| took_part(series, k, i))
        .map(|k| (f64::from(series[k].month), f(&series[k], i)))
        .collect()
}

impl State {
    /// The default scenario with its own seed, ready at month 0.
    pub fn initial() -> State {
        let scenario = aliansi_sim::presets::default_scenario();
        let seed = scenario.seed;
        State {
            lang: Lang::default(),
            hush: false,
            hush_gen: 0,
            seed,
            live: Err(String::new()),
            playing: false,
            speed: DEFAULT_SPEED,
            result: None,
            baseline: None,
            notice: None,
            classroom: false,
            shortcuts: true,
            decisions: false,
            resume: false,
            lesson: None,
            experiment: None,
            loaded: Rc::new(scenario.clone()),
            restored: false,
            replaced: None,
            replaced_run: None,
            set_aside: None,
            planned: None,
            refused: 0,
            loaded_name: None,
            blank: false,
            scenario,
        }
        .rewound()
    }

    /// `self` with `scenario` loaded whole: the scenario it replaces is kept if the user had
    /// edited it (a scenario as it was loaded can be loaded again), and if it differs.
    fn loading(self, scenario: Scenario) -> State {
        let mut current = self.scenario.clone();
        current.seed = self.seed;
        // Kept to bring back: an edit, or a scenario the page cannot give again (a shared
        // link's, an imported file's: a student who opens a lesson over the lecturer's link
        // would otherwise have only the chat to find it in). The user's own edit is kept
        // nowhere else: a scenario only hard to find again never takes its place (Back to one
        // shared link, then Forward to another, lost the edits made after sharing: an audit).
        // A comparison is the user's work too, whatever the scenario.
        let own = self.edited() || self.baseline.is_some();
        let keep =
            (own || (!ready_to_hand(&current) && self.replaced.is_none())) && current != scenario;
        let (replaced, replaced_run) = if keep {
            let started = self.month() > 0 || self.baseline.is_some();
            let run = started.then(|| {
                Rc::new(ReplacedRun {
                    live: self.live.clone(),
                    result: self.result.clone(),
                    baseline: self.baseline.clone(),
                })
            });
            (Some(Rc::new(current)), run)
        } else {
            (self.replaced, self.replaced_run)
        };
        State {
            replaced,
            replaced_run,
            loaded: Rc::new(scenario.clone()),
            restored: false,
            // An earlier notice spoke of the scenario before ("Loaded “Week 5”"): a load that
            // has words of its own says them next. So does its name ([`Action::Named`]).
            notice: None,
            loaded_name: None,
            seed: scenario.seed,
            scenario,
            ..self
        }
        .rewound()
    }

    /// Whether the scenario on screen (with its seed) is the user's own work, kept nowhere
    /// else: edited since it was loaded, or an edit brought back.
    pub fn edited(&self) -> bool {
        self.restored || crate::url::scenario_with_seed(&self.scenario, self.seed) != *self.loaded
    }

    fn without_baseline(self) -> State {
        State {
            baseline: None,
            ..self
        }
    }

    fn with_restored(self) -> State {
        State {
            restored: true,
            ..self
        }
    }

    /// `self` with the replaced scenario back (see [`Action::Restore`]).
    fn restored(self) -> State {
        match self.replaced.clone() {
            Some(before) => {
                let run = self.replaced_run.clone();
                let mut back = State {
                    replaced: None,
                    replaced_run: None,
                    notice: None,
                    ..self
                }
                .loading((*before).clone())
                .with_restored();
                // The run and the comparison as they stood (the world is the one brought
                // back: they were kept with it).
                if let Some(run) = run {
                    back.live = run.live.clone();
                    back.result = run.result.clone();
                    back.baseline = run.baseline.clone();
                }
                back
            }
            None => self,
        }
    }

    /// How the page is shown, beyond the scenario (what a tab keeps over a reload).
    pub fn view(&self) -> View {
        View {
            classroom: self.classroom,
            decisions: self.decisions,
            speed: self.speed,
            lesson: self.lesson,
            month: self.month(),
            choices: self
                .live
                .as_ref()
                .map(|w| w.choices().to_vec())
                .unwrap_or_default(),
        }
    }

    /// The dispute waiting for the class's decision (decision mode only).
    pub fn awaiting(&self) -> Option<&aliansi_sim::Dispute> {
        if !self.decisions {
            return None;
        }
        self.world().and_then(|w| w.awaiting_choice().next())
    }

    /// The pairs of partners in an open dispute, each pair once (lower index first, in the
    /// order of the partners), with whether one of its disputes awaits the class's decision
    /// ([`State::awaiting`]): the network marks them.
    pub fn dispute_pairs(&self) -> Vec<(usize, usize, bool)> {
        let Some(w) = self.world() else {
            return Vec::new();
        };
        let awaiting = self.awaiting().map(|d| d.id);
        let mut pairs: Vec<(usize, usize, bool)> = Vec::new();
        for d in &w.disputes {
            let (a, b) = (d.a.min(d.b), d.a.max(d.b));
            let now = awaiting == Some(d.id);
            match pairs.iter_mut().find(|p| (p.0, p.1) == (a, b)) {
                Some(p) => p.2 |= now,
                None => pairs.push((a, b, now)),
            }
        }
        pairs.sort_unstable();
        pairs
    }

    /// The events the log shows ([`logged_events`]), for the tests.
    #[cfg(test)]
    pub fn logged(&self) -> Vec<&aliansi_sim::Event> {
        self.world()
            .map_or_else(Vec::new, |w| logged_events(w, self.decisions))
    }

    /// The open lesson and the part revealed.
    pub fn lesson(&self) -> Option<(&'static lessons::Lesson, usize)> {
        self.lesson.map(|l| (&LESSONS[l.index], l.part))
    }

    fn with_experiment(mut self, variants: Vec<Variant>, runs: u64) -> State {
        let seq = self.experiment.as_ref().map_or(0, |e| e.seq) + 1;
        self.experiment = Some(Rc::new(ExperimentSetup {
            seq,
            variants,
            runs,
        }));
        self
    }

    /// The world of the current run, if the scenario is valid.
    pub fn world(&self) -> Option<&World> {
        self.live.as_ref().ok().map(|w| &**w)
    }

    /// The result of the current run, once it has ended.
    pub fn run(&self) -> Option<&RunResult> {
        match &self.result {
            Some(Ok(r)) => Some(r),
            _ => None,
        }
    }

    /// Months simulated so far.
    pub fn month(&self) -> u32 {
        self.world().map_or(0, |w| w.month)
    }

    pub fn status(&self) -> Status {
        match self.world() {
            Some(w) if w.is_over() => Status::Done,
            Some(_) if self.playing => Status::Running,
            Some(w) if w.month > 0 => Status::Paused,
            _ => Status::Ready,
        }
    }

    /// The mean-trust chart's points so far (see [`trust_points`]).
    pub fn trust_points(&self) -> Vec<(f64, f64)> {
        match self.world() {
            Some(w) => trust_points(self.scenario.initial_trust, &w.series),
            None => Vec::new(),
        }
    }

    /// A fresh world at month 0 for the scenario and seed; not playing. It applies the
    /// planned choices if they are for this scenario and seed.
    fn rewound(mut self) -> State {
        self.scenario.seed = self.seed;
        self.playing = false;
        self.resume = false;
        let planned = match &self.planned {
            Some(p) if self.planned_applies() => p.choices.clone(),
            _ => Rc::default(),
        };
        match World::new(&self.scenario, self.seed, true) {
            Ok(w) => {
                self.live = Ok(LiveWorld::new(w, planned));
                self.result = None;
            }
            Err(e) => {
                self.live = Err(e.to_string());
                self.result = Some(Err(e.to_string()));
            }
        }
        self
    }

    /// [`State::rewound`], setting the run aside first if the class made choices in it (not
    /// only a shared run's planned ones, which the new run replays).
    fn rewound_keeping_choices(self) -> State {
        let aside = match &self.live {
            Ok(w) if w.own_choices() > 0 => Some(Rc::new(SetAside {
                live: w.clone(),
                result: self.result.clone(),
                scenario: self.scenario.clone(),
            })),
            _ => None,
        };
        let mut next = self.rewound();
        if aside.is_some() {
            next.set_aside = aside;
        }
        next
    }

    /// Keeps the result once the world has ended, and stops playing.
    fn settled(mut self) -> State {
        if let Ok(w) = &self.live {
            if w.is_over() {
                self.playing = false;
                if self.run().is_none() {
                    self.result = Some(Ok(Rc::new((*w.world).clone().finish())));
                }
            }
        }
        self
    }

    /// Steps up to `months` months; in decision mode, stops at a dispute that awaits the
    /// class (remembering whether to play on afterwards).
    fn advanced(mut self, months: u32) -> State {
        let decide = self.decisions;
        if let Ok(w) = &mut self.live {
            w.advance(months, decide);
        }
        if self.awaiting().is_some() {
            self.resume = self.playing;
            self.playing = false;
        }
        self.settled()
    }

    /// Plays to the end (in decision mode, to the next dispute that awaits the class).
    fn finished(self) -> State {
        self.advanced(u32::MAX)
    }

    fn with_seed(self, seed: u64) -> State {
        State { seed, ..self }.rewound()
    }
}

impl Default for State {
    fn default() -> State {
        State::initial()
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        if action == Action::EditorRefused(self.refused) {
            // Nothing to draw (the editor says its count at its start).
            return self;
        }
        let state = Rc::try_unwrap(self).unwrap_or_else(|rc| (*rc).clone());
        let shared_run = state.planned_applies();
        let mut next = state.reduced(action);
        // A run set aside is offered back only while it could replace the run on screen.
        if next.set_aside.as_ref().is_some_and(|a| {
            !same_world(&a.scenario, &next.scenario)
                || next.live.as_ref().is_ok_and(|w| w.own_choices() > 0)
        }) {
            next.set_aside = None;
        }
        // A shared run whose seed or settings were changed is no longer the class's run: say
        // so, where the notice said it would replay the class's choices.
        let set_aside = "library.link_choices_set_aside";
        if shared_run && !next.planned_applies() && next.planned.is_some() {
            let seed = next.planned.as_ref().map_or(0, |p| p.scenario.seed);
            next.notice = Some(Notice {
                key: set_aside,
                args: vec![("seed".into(), seed.to_string())],
                error: false,
                other_model: None,
            });
        } else if !shared_run
            && next.planned_applies()
            && next.notice.as_ref().is_some_and(|n| n.key == set_aside)
        {
            next.notice = Some(Notice {
                key: "library.link_choices_back",
                args: Vec::new(),
                error: false,
                other_model: None,
            });
        }
        Rc::new(next)
    }
}

impl State {
    /// Whether the planned choices of a shared run apply to this scenario and seed. (The
    /// scenario carries the run's seed: every change of either goes through `rewound`, which
    /// sets it, so comparing the scenarios compares the seeds too; called on every action,
    /// timer ticks included, it clones nothing.)
    pub fn planned_applies(&self) -> bool {
        debug_assert_eq!(
            self.scenario.seed, self.seed,
            "the scenario carries the run's seed"
        );
        self.planned
            .as_ref()
            .is_some_and(|p| p.scenario.seed == self.seed && p.scenario == self.scenario)
    }

    /// `self` without a shared run's choices: any load other than the shared run's.
    fn unplanned(self) -> State {
        State {
            planned: None,
            ..self
        }
    }

    fn reduced(self, action: Action) -> State {
        let state = self;
        match action {
            // A dispute awaits the class's choice: the run does not move on (it would hand the
            // dispute to the ladder unasked, say when a trainer presses Space meaning to pause).
            // The choice, or "leave it to the ladder" on its card, moves it on.
            Action::Run | Action::Step | Action::Finish
                if state.awaiting().is_some() && state.status() != Status::Done =>
            {
                state
            }
            Action::Run | Action::Step | Action::Finish
                if state.notice.as_ref().is_some_and(|n| {
                    matches!(
                        n.key,
                        "library.link_opened"
                            | "library.link_opened_choices"
                            | "library.link_copied"
                            | "library.link_copied_no_choices"
                    )
                }) =>
            {
                // "Press Run to watch it": done; the notice goes (on a phone it kept a quarter
                // of the screen for the whole run). So does Share's "the link is copied", read
                // by then (held at the top of a projector's screen, it hid headings through a
                // whole lesson: an audit).
                State {
                    notice: None,
                    ..state
                }
                .reduced(action)
            }
            Action::Run => {
                let state = if state.status() == Status::Done {
                    state.rewound_keeping_choices()
                } else {
                    state
                };
                let playing = state.live.is_ok();
                State { playing, ..state }
            }
            Action::Pause => State {
                playing: false,
                ..state
            },
            Action::Step => State {
                playing: false,
                ..state
            }
            .advanced(1),
            Action::Finish => State {
                playing: false,
                ..state
            }
            .finished(),
            Action::Reset => state.rewound_keeping_choices(),
            // (`reduce` drops a set-aside run as soon as the world on screen is another.)
            Action::BringBackRun => match state.set_aside.clone() {
                Some(a) => State {
                    live: Ok(a.live.clone()),
                    result: a.result.clone(),
                    playing: false,
                    set_aside: None,
                    ..state
                },
                None => state,
            },
            Action::Play(months) => {
                if state.playing {
                    state.advanced(months)
                } else {
                    state
                }
            }
            Action::SetSpeed(speed) => State {
                speed: speed.max(1),
                ..state
            },
            Action::EditorRefused(refused) => State { refused, ..state },
            Action::Named(name) => State {
                loaded_name: Some(name.into()),
                ..state
            },
            Action::Reopened { loaded, name } => State {
                loaded: Rc::new(loaded),
                loaded_name: Some(name.into()),
                ..state
            },
            Action::Saved(name) => State {
                loaded: Rc::new(crate::url::scenario_with_seed(&state.scenario, state.seed)),
                loaded_name: Some(name.into()),
                restored: false,
                ..state
            },
            Action::SetSeed(seed) => state.with_seed(seed),
            Action::NewSeed => {
                let seed = state.seed.wrapping_add(1);
                state.with_seed(seed)
            }
            Action::RunNextSeed => {
                let seed = state.seed.wrapping_add(1);
                state.with_seed(seed).finished()
            }
            // The switch rewrites every live region: quiet for a moment (components/live.rs).
            Action::SetLang(lang) if lang != state.lang => State {
                hush: true,
                hush_gen: state.hush_gen.wrapping_add(1),
                lang,
                ..state
            },
            Action::SetLang(_) => state,
            Action::Unhush(gen) if gen == state.hush_gen => State {
                hush: false,
                ..state
            },
            Action::Unhush(_) => state,
            // A new name changes nothing in the world: keep the run on screen.
            Action::SetScenario(scenario) if same_world(&state.scenario, &scenario) => {
                State { scenario, ..state }
            }
            Action::SetScenario(scenario) => State {
                seed: scenario.seed,
                scenario,
                ..state
            }
            .rewound(),
            // Any other load forgets a shared run's choices.
            Action::Load(scenario) => state.unplanned().loading(scenario),
            Action::LoadRun { scenario, choices } => State {
                planned: Some(Rc::new(Planned {
                    scenario: scenario.clone(),
                    choices: Rc::new(choices),
                })),
                ..state
            }
            .loading(scenario),
            Action::Restore => state.unplanned().restored(),
            Action::BackToPlain if state.replaced.is_some() => state.unplanned().restored(),
            Action::BackToPlain => state
                .unplanned()
                .loading(aliansi_sim::presets::default_scenario()),
            Action::OfferDraft(draft) if state.replaced.is_none() => State {
                replaced: Some(Rc::new(draft)),
                replaced_run: None,
                ..state
            },
            Action::OfferDraft(_) => state,
            Action::ForgetReplaced => State {
                replaced: None,
                replaced_run: None,
                ..state
            },
            Action::Notify(notice) => State { notice, ..state },
            Action::CompareStart => match state.run() {
                Some(r) => {
                    let baseline = Baseline {
                        scenario: state.scenario.clone(),
                        seed: state.seed,
                        result: Rc::new(r.clone()),
                        choices: state
                            .live
                            .as_ref()
                            .map(|w| w.choices().to_vec())
                            .unwrap_or_default(),
                    };
                    State {
                        baseline: Some(baseline),
                        ..state
                    }
                    .rewound()
                }
                None => state,
            },
            Action::CompareExit => State {
                baseline: None,
                ..state
            },
            // Leaving classroom mode brings a blanked page back.
            Action::SetClassroom(classroom) => State {
                classroom,
                blank: state.blank && classroom,
                ..state
            },
            Action::SetBlank(blank) => State {
                blank,
                playing: state.playing && !blank,
                ..state
            },
            Action::SetShortcuts(shortcuts) => State { shortcuts, ..state },
            Action::SetDecisions(decisions) => State {
                decisions,
                resume: false,
                ..state
            },
            Action::Decide { id, step } => {
                let mut state = state;
                if state.awaiting().map(|d| d.id) == Some(id) {
                    if let (Ok(w), Some(step)) = (&mut state.live, step) {
                        w.choose(id, step);
                    } else if let Ok(w) = &mut state.live {
                        // Left to the ladder: its first rung, chosen explicitly so that the
                        // dispute no longer awaits.
                        let first = state.scenario.governance.resolution[0];
                        w.choose(id, first);
                    }
                }
                if state.awaiting().is_none() && state.resume {
                    state.resume = false;
                    state.playing = state.status() != Status::Done;
                }
                state
            }
            Action::OpenLesson(index) if index < LESSONS.len() => {
                let lesson = &LESSONS[index];
                let variants = lesson.variants(state.lang);
                // The comparison on screen goes with the scenario it was made in (kept
                // with it to bring back: `loading`), not over to the lesson.
                State {
                    lesson: Some(OpenLesson { index, part: 0 }),
                    decisions: lesson.decisions,
                    planned: None,
                    ..state
                }
                .loading(lesson.scenario())
                .without_baseline()
                .with_experiment(variants, lesson.runs)
            }
            Action::OpenLesson(_) => state,
            Action::LessonNext => State {
                lesson: state.lesson.map(|l| OpenLesson {
                    part: lessons::next_part(l.part),
                    ..l
                }),
                ..state
            },
            Action::LessonPrevious => State {
                lesson: state.lesson.map(|l| OpenLesson {
                    part: lessons::previous_part(l.part),
                    ..l
                }),
                ..state
            },
            // Closing a lesson that turned decision mode on turns it off again: the page goes
            // back to plain runs (a mode the class turned on by hand in another lesson stays).
            Action::CloseLesson => {
                let turned_on = state.lesson().is_some_and(|(l, _)| l.decisions);
                State {
                    lesson: None,
                    decisions: state.decisions && !turned_on,
                    resume: state.resume && !turned_on,
                    ..state
                }
            }
            Action::SetupExperiment { variants, runs } => state.with_experiment(variants, runs),
            Action::RestoreBaseline { scenario, choices } => {
                let seed = scenario.seed;
                let mut live = match World::new(&scenario, seed, true) {
                    Ok(w) => LiveWorld::new(w, Rc::default()),
                    Err(_) => return state,
                };
                live.replay(u32::MAX, &choices);
                if !live.is_over() {
                    return state;
                }
                let baseline = Baseline {
                    result: Rc::new((*live.world).clone().finish()),
                    choices: live.choices().to_vec(),
                    scenario,
                    seed,
                };
                State {
                    baseline: Some(baseline),
                    ..state
                }
            }
            Action::Replay { month, choices } => {
                let mut state = state.rewound();
                if let Ok(w) = &mut state.live {
                    w.replay(month, &choices);
                }
                state.settled()
            }
        }
    }
}

/// Whether the page offers `s` ready-made, with its seed: a preset, or a lesson's scenario.
pub(crate) fn ready_to_hand(s: &Scenario) -> bool {
    aliansi_sim::presets::all().iter().any(|p| p.scenario == *s)
        || LESSONS.iter().any(|l| l.scenario() == *s)
}

/// Whether two scenarios simulate the same world (they differ at most in partner names).
fn same_world(a: &Scenario, b: &Scenario) -> bool {
    if a.partners.len() != b.partners.len() {
        return false;
    }
    let unnamed = |s: &Scenario| {
        let mut s = s.clone();
        for p in s.partners.iter_mut() {
            p.name.clear();
        }
        s
    };
    unnamed(a) == unnamed(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url;
    use aliansi_sim::EventKind;

    fn after(actions: &[Action]) -> Rc<State> {
        actions
            .iter()
            .fold(Rc::new(State::initial()), |s, a| s.reduce(a.clone()))
    }

    #[test]
    fn starts_ready_at_month_zero() {
        let s = State::initial();
        assert!(s.result.is_none());
        assert_eq!(s.seed, s.scenario.seed);
        assert_eq!(s.status(), Status::Ready);
        assert_eq!(s.month(), 0);
        assert!(!s.playing);
        assert_eq!(s.trust_points(), vec![(0.0, s.scenario.initial_trust)]);
    }

    /// What the page's timer dispatches for a tick on time at `speed`.
    fn on_time(speed: u32) -> Action {
        Action::Play(tick_step(speed, tick_plan(speed).0, 0).0)
    }

    #[test]
    fn tick_advances_only_while_playing() {
        let s = after(&[on_time(DEFAULT_SPEED)]);
        assert_eq!(s.month(), 0);
        let s = after(&[Action::SetSpeed(1), Action::Run, on_time(1), on_time(1)]);
        assert_eq!(s.status(), Status::Running);
        assert_eq!(s.month(), 2);
        let s = s.reduce(Action::Pause);
        assert_eq!(s.status(), Status::Paused);
        let s = s.reduce(on_time(1));
        assert_eq!(s.month(), 2);
    }

    #[test]
    fn fast_ticks_step_several_months() {
        let s = after(&[Action::SetSpeed(120), Action::Run, on_time(120)]);
        assert_eq!(s.month(), tick_plan(120).1.min(s.scenario.horizon_months));
        assert!(s.month() > 1);
    }

    #[test]
    fn a_run_keeps_its_pace_when_every_tick_is_on_time_or_a_little_late() {
        // Six seconds of ticks (on time, or late as on a slow computer): the months the speed
        // owes, within one.
        for speed in SPEEDS {
            let period = tick_plan(speed).0;
            for every in [period, period * 13 / 10, period * 3 / 2, period * 19 / 10] {
                let (mut months, mut carry) = (0, 0);
                for _ in 0..(6000 / every) {
                    let (m, c) = tick_step(speed, every, carry);
                    months += m;
                    carry = c;
                }
                let owed = speed * (6000 / every) * every / 1000;
                assert!(
                    months.abs_diff(owed) <= 1,
                    "{speed}/s every {every} ms: {months} of {owed}"
                );
            }
        }
    }

    #[test]
    fn late_ticks_catch_up_at_most_half_a_second() {
        for speed in SPEEDS {
            let most = tick_plan(speed).1.max(speed / 2).max(2);
            assert_eq!(tick_step(speed, 60_000, 0), (most, 0), "{speed}");
            assert_eq!(tick_step(speed, u32::MAX, 999), (most, 0), "{speed}");
        }
        assert_eq!(tick_step(120, 50, 0), (6, 0));
        assert_eq!(tick_step(120, 58, 0), (6, 960));
        assert_eq!(tick_step(120, 200, 0), (24, 0));
        assert_eq!(tick_step(120, 249, 0), (29, 880));
        assert_eq!(tick_step(120, 5000, 0), (60, 0));
        // A slow computer drawing a month in 260 ms at 10 a second: 2 or 3 months a tick.
        assert_eq!(tick_step(10, 260, 0), (2, 600));
        assert_eq!(tick_step(10, 260, 600), (3, 200));
        assert_eq!(tick_step(10, 100, 0), (1, 0));
        assert_eq!(tick_step(10, 150, 0), (1, 500));
        assert_eq!(tick_step(10, 150, 500), (2, 0));
        assert_eq!(tick_step(1, 5000, 0), (2, 0));
        let s = after(&[Action::SetSpeed(120), Action::Run, Action::Play(24)]);
        assert_eq!(s.month(), 24);
        let s = s.reduce(Action::Pause).reduce(Action::Play(24));
        assert_eq!(s.month(), 24, "no months while paused");
    }

    #[test]
    fn step_moves_one_month_and_pauses() {
        let s = after(&[Action::Run, Action::Step]);
        assert_eq!(s.month(), 1);
        assert!(!s.playing);
        assert_eq!(s.status(), Status::Paused);
    }

    #[test]
    fn finish_reaches_the_end_and_matches_a_whole_run() {
        let s = after(&[Action::Step, Action::Step, Action::Finish]);
        assert_eq!(s.status(), Status::Done);
        let r = s.run().expect("result kept");
        let whole = aliansi_sim::run(&s.scenario, s.seed).unwrap();
        assert_eq!(*r, whole, "stepping then finishing = one whole run");
        assert_eq!(s.month(), whole.months);
        // Ticks after the end change nothing.
        let t = s.clone().reduce(on_time(s.speed));
        assert_eq!(t.run(), s.run());
    }

    #[test]
    fn playing_to_the_end_stops_and_keeps_the_result() {
        let mut s = after(&[Action::SetSpeed(120), Action::Run]);
        for _ in 0..2000 {
            if s.status() == Status::Done {
                break;
            }
            let tick = on_time(s.speed);
            s = s.reduce(tick);
        }
        assert_eq!(s.status(), Status::Done);
        assert!(!s.playing);
        assert!(s.run().is_some());
    }

    #[test]
    fn reset_returns_to_month_zero() {
        let s = after(&[Action::Finish, Action::Reset]);
        assert_eq!(s.month(), 0);
        assert_eq!(s.status(), Status::Ready);
        assert!(s.result.is_none());
        // Run after the end starts over.
        let s = after(&[Action::Finish, Action::Run]);
        assert_eq!(s.month(), 0);
        assert_eq!(s.status(), Status::Running);
    }

    #[test]
    fn same_seed_same_result() {
        let a = after(&[Action::SetSeed(42), Action::Finish]);
        let b = after(&[Action::Step, Action::SetSeed(42), Action::Finish]);
        assert_eq!(a.run(), b.run());
        assert_eq!(a.scenario.seed, 42);
        let c = after(&[Action::SetSeed(43), Action::Finish]);
        assert_eq!(c.seed, 43);
    }

    #[test]
    fn new_seed_advances_and_rewinds() {
        let s = after(&[Action::Finish, Action::NewSeed]);
        assert_eq!(s.seed, s.scenario.seed);
        assert_eq!(s.seed, aliansi_sim::presets::default_scenario().seed + 1);
        assert_eq!(s.status(), Status::Ready);
        let s = after(&[Action::RunNextSeed]);
        assert_eq!(s.status(), Status::Done);
    }

    #[test]
    fn set_scenario_after_compare_start_keeps_the_baseline() {
        let s = after(&[Action::Finish, Action::CompareStart]);
        let b = s.baseline.clone().expect("baseline remembered");
        assert_eq!(s.status(), Status::Ready);
        assert_eq!(b.seed, s.seed);
        let mut changed = s.scenario.clone();
        changed.governance.transparency = (changed.governance.transparency + 0.3).min(1.0);
        let s = s.reduce(Action::SetScenario(changed.clone()));
        assert_eq!(s.baseline.as_ref(), Some(&b));
        assert_eq!(s.scenario, changed);
        assert_eq!(s.seed, b.seed, "same seed: same world");
        let s = s.reduce(Action::Finish);
        assert!(s.run().is_some() && s.baseline.is_some());
        let s = s.reduce(Action::CompareExit);
        assert!(s.baseline.is_none());
    }

    #[test]
    fn renaming_a_partner_keeps_the_run() {
        let s = after(&[Action::Finish]);
        assert!(s.run().is_some());
        let mut renamed = s.scenario.clone();
        renamed.partners[0].name = "Renamed".into();
        let s = s.reduce(Action::SetScenario(renamed.clone()));
        assert!(s.run().is_some(), "a new name must not rewind the run");
        assert_eq!(s.scenario, renamed);
        let mut changed = renamed;
        changed.governance.transparency = 0.9;
        let s = s.reduce(Action::SetScenario(changed));
        assert!(s.run().is_none(), "a real change rewinds");
    }

    #[test]
    fn compare_start_needs_a_finished_run() {
        let s = after(&[Action::Step, Action::CompareStart]);
        assert!(s.baseline.is_none());
        assert_eq!(s.month(), 1);
    }

    #[test]
    fn load_is_ready_not_run() {
        let p = aliansi_sim::presets::all()
            .into_iter()
            .nth(1)
            .unwrap()
            .scenario;
        let s = after(&[Action::Step, Action::Load(p.clone())]);
        assert_eq!(s.scenario, p);
        assert_eq!(s.seed, p.seed);
        assert_eq!(s.status(), Status::Ready);
    }

    #[test]
    fn trust_points_stop_before_dissolution() {
        // A run that dissolves when one partner is left: its last month has no mean trust.
        let s = (0..200u64)
            .map(|k| after(&[Action::SetSeed(k), Action::Finish]))
            .find(|s| {
                let r = s.run().unwrap();
                let last = r.series.last().unwrap();
                matches!(r.outcome, aliansi_sim::Outcome::Dissolved { .. })
                    && last.active.iter().filter(|a| **a).count() < 2
            })
            .expect("some run of the default scenario dissolves with one partner left");
        let r = s.run().unwrap();
        let pts = s.trust_points();
        assert_eq!(pts[0], (0.0, s.scenario.initial_trust));
        assert!(pts.last().unwrap().0 < f64::from(r.months));
        assert!(pts.iter().all(|&(_, y)| y > 0.0));
        assert!(pts.windows(2).all(|w| w[1].0 == w[0].0 + 1.0));
    }

    #[test]
    fn partner_points_stop_with_the_month_it_leaves() {
        let s = (0..200u64)
            .map(|k| after(&[Action::SetSeed(k), Action::Finish]))
            .find(|s| s.run().unwrap().exit_month.iter().any(|m| m.is_some()))
            .expect("someone leaves in some run");
        let r = s.run().unwrap();
        let series = &s.world().unwrap().series;
        let i = r.exit_month.iter().position(|m| m.is_some()).unwrap();
        let pts = partner_points(series, i, |m, i| m.satisfaction[i]);
        assert_eq!(pts.last().unwrap().0, f64::from(r.exit_month[i].unwrap()));
        assert!(
            pts.windows(2).all(|w| w[1].0 == w[0].0 + 1.0),
            "no gap before"
        );
        // The payoffs drawn add up to what was paid out, the leavers' last months included.
        let drawn: f64 = (0..s.scenario.partners.len())
            .flat_map(|i| partner_points(series, i, |m, i| m.payoff[i]))
            .map(|p| p.1)
            .sum();
        assert!(
            (drawn - r.distributed_total).abs() < 1e-9 * r.distributed_total,
            "{drawn} drawn, {} paid out",
            r.distributed_total
        );
    }

    #[test]
    fn invalid_scenario_is_an_error_not_a_panic() {
        let mut sc = State::initial().scenario;
        sc.partners.truncate(1);
        let s = after(&[
            Action::SetScenario(sc),
            Action::Run,
            on_time(DEFAULT_SPEED),
            Action::Finish,
        ]);
        assert!(matches!(s.result, Some(Err(_))));
        assert!(s.live.is_err());
        assert!(!s.playing);
        assert_eq!(s.status(), Status::Ready);
    }

    #[test]
    fn language_switch_keeps_the_run() {
        let s = after(&[Action::Finish]);
        let t = s.clone().reduce(Action::SetLang(Lang::Id));
        assert_eq!(t.lang, Lang::Id);
        assert_eq!(t.result, s.result);
        assert_eq!(t.month(), s.month());
    }

    #[test]
    fn language_switch_quiets_live_regions_until_unhushed() {
        let s = after(&[]);
        assert!(!s.hush);
        let same = s.clone().reduce(Action::SetLang(s.lang));
        assert!(
            !same.hush,
            "choosing the language already shown changes no text"
        );
        let t = s.reduce(Action::SetLang(Lang::Id));
        assert!(t.hush);
        let u = t.clone().reduce(Action::Unhush(t.hush_gen));
        assert!(!u.hush);
        assert_eq!(u.lang, Lang::Id);
        // A second switch while quiet: the first switch's timer does not end its quiet.
        let again = t.clone().reduce(Action::SetLang(Lang::En));
        assert!(again.hush && again.hush_gen != t.hush_gen);
        assert!(again.clone().reduce(Action::Unhush(t.hush_gen)).hush);
        assert!(!again.clone().reduce(Action::Unhush(again.hush_gen)).hush);
    }

    #[test]
    fn tick_plans() {
        assert_eq!(tick_plan(1), (1000, 1));
        assert_eq!(tick_plan(10), (100, 1));
        assert_eq!(tick_plan(30), (50, 2));
        assert_eq!(tick_plan(120), (50, 6));
        assert_eq!(tick_plan(0), (1000, 1));
        for s in SPEEDS {
            let (ms, m) = tick_plan(s);
            assert!(ms >= 50);
            let rate = f64::from(m) * 1000.0 / f64::from(ms);
            assert!(
                rate >= f64::from(s) && rate < f64::from(s) * 1.6,
                "{s}: {rate}"
            );
        }
    }

    #[test]
    fn seeds_are_parsed_strictly() {
        assert_eq!(parse_seed(" 42 "), Some(42));
        assert_eq!(parse_seed("18446744073709551615"), Some(u64::MAX));
        assert_eq!(parse_seed("18446744073709551616"), None);
        assert_eq!(parse_seed("-1"), None);
        assert_eq!(parse_seed("4.5"), None);
        for grouped in ["2,024", "2.024", "2 024"] {
            assert_eq!(parse_seed(grouped), Some(2024), "{grouped}");
        }
        assert_eq!(parse_seed("20,24"), None);
        assert_eq!(parse_seed("abc"), None);
        assert_eq!(parse_seed(""), None);
    }

    fn conflict_lesson() -> Rc<State> {
        let i = LESSONS
            .iter()
            .position(|l| l.decisions)
            .expect("a lesson uses decision mode");
        after(&[Action::OpenLesson(i)])
    }

    /// The conflict lesson's run in decision mode to its end, every dispute sent to `step`.
    fn conflict_decided(step: Resolution) -> Rc<State> {
        let mut s = conflict_lesson();
        while s.status() != Status::Done {
            s = match s.awaiting().map(|d| d.id) {
                Some(id) => s.reduce(Action::Decide {
                    id,
                    step: Some(step),
                }),
                None => s.reduce(Action::Finish),
            };
        }
        s
    }

    #[test]
    fn a_dispute_awaiting_the_class_holds_the_run() {
        let s = conflict_lesson().reduce(Action::Run).reduce(Action::Finish);
        let d = s.awaiting().expect("a dispute awaits").id;
        let (month, events) = (s.month(), s.logged().len());
        // Space (Run), Step and Finish leave it waiting: nothing is decided for the class.
        for a in [Action::Run, Action::Step, Action::Finish] {
            let t = s.clone().reduce(a.clone());
            assert_eq!(t.awaiting().map(|x| x.id), Some(d), "{a:?}");
            assert_eq!(
                (t.month(), t.logged().len(), t.playing),
                (month, events, false),
                "{a:?}"
            );
        }
        // Left to the ladder on its card, the run moves on again.
        let t = s.reduce(Action::Decide { id: d, step: None });
        assert_ne!(t.awaiting().map(|x| x.id), Some(d));
        assert!(t.reduce(Action::Step).month() > month);
    }

    #[test]
    fn the_network_marks_each_disputing_pair_once_and_the_one_the_class_decides_on() {
        let s = conflict_lesson().reduce(Action::Run).reduce(Action::Finish);
        let d = s.awaiting().expect("a dispute awaits").clone();
        let w = s.world().unwrap();
        let pairs = s.dispute_pairs();
        // Every open dispute's pair is there, once, lower index first; nothing else is.
        for x in &w.disputes {
            let key = (x.a.min(x.b), x.a.max(x.b));
            assert_eq!(pairs.iter().filter(|p| (p.0, p.1) == key).count(), 1);
        }
        assert!(pairs.iter().all(|p| p.0 < p.1
            && w.disputes
                .iter()
                .any(|x| (x.a.min(x.b), x.a.max(x.b)) == (p.0, p.1))));
        // Only the awaited dispute's pair is marked as the one decided on.
        let now: Vec<_> = pairs.iter().filter(|p| p.2).map(|p| (p.0, p.1)).collect();
        assert_eq!(now, vec![(d.a.min(d.b), d.a.max(d.b))]);
        // Outside decision mode nothing awaits the class, and the pairs stay marked.
        let t = s.clone().reduce(Action::SetDecisions(false));
        assert!(t.dispute_pairs().iter().all(|p| !p.2));
        assert_eq!(t.dispute_pairs().len(), pairs.len());
    }

    #[test]
    fn speeds_step_up_and_down_within_those_offered() {
        assert_eq!(speed_step(10, true), 30);
        assert_eq!(speed_step(10, false), 5);
        assert_eq!(speed_step(120, true), 120);
        assert_eq!(speed_step(1, false), 1);
        // From a speed not offered (none is kept, but the step still lands on one).
        assert_eq!(speed_step(7, true), 10);
        assert_eq!(speed_step(7, false), 5);
        let mut s = 1;
        for want in &SPEEDS[1..] {
            s = speed_step(s, true);
            assert_eq!(s, *want);
        }
    }

    #[test]
    fn the_blanked_screen_pauses_the_run_and_leaves_with_classroom_mode() {
        let s = after(&[Action::SetClassroom(true), Action::Run]);
        assert!(s.playing);
        let blank = s.clone().reduce(Action::SetBlank(true));
        assert!(blank.blank && !blank.playing);
        let month = blank.month();
        // The timer's ticks do not move a paused run.
        assert_eq!(blank.clone().reduce(Action::Play(5)).month(), month);
        let back = blank.clone().reduce(Action::SetBlank(false));
        assert!(!back.blank && !back.playing, "shown again, still paused");
        assert!(!blank.reduce(Action::SetClassroom(false)).blank);
    }

    #[test]
    fn a_loaded_scenario_keeps_its_name_until_another_is_loaded() {
        let calm = aliansi_sim::presets::find("calm-pair").unwrap();
        let s = after(&[Action::Load(calm.clone()), Action::Named("Week 5".into())]);
        assert_eq!(s.loaded_name.as_deref(), Some("Week 5"));
        assert_eq!(*s.loaded, s.scenario, "as loaded");
        let mut edited = calm.clone();
        edited.initial_trust = 0.9;
        let s = s.reduce(Action::SetScenario(edited));
        assert_eq!(
            s.loaded_name.as_deref(),
            Some("Week 5"),
            "edited, still that one"
        );
        assert_ne!(*s.loaded, s.scenario);
        let s = s.reduce(Action::Load(calm));
        assert_eq!(s.loaded_name, None, "another load, no name of its own");
    }

    #[test]
    fn a_reopened_scenario_is_named_and_edited_as_before_the_reload() {
        let calm = aliansi_sim::presets::find("calm-pair").unwrap();
        let mut edited = calm.clone();
        edited.initial_trust = 0.9;
        let before = after(&[
            Action::Load(calm.clone()),
            Action::Named("Week 5".into()),
            Action::SetScenario(edited.clone()),
        ]);
        // The reload: the page's own scenario, then what the tab kept.
        let again = after(&[
            Action::Reopened {
                loaded: calm.clone(),
                name: "Week 5".into(),
            },
            Action::SetScenario(edited),
        ]);
        assert_eq!(again.loaded_name, before.loaded_name);
        assert_eq!(again.loaded, before.loaded);
        assert_eq!(again.scenario, before.scenario);
        assert!(again.edited() && before.edited());
        // Unedited: "Open now" names it as loaded.
        let same = after(&[
            Action::Reopened {
                loaded: calm.clone(),
                name: "Week 5".into(),
            },
            Action::SetScenario(calm),
        ]);
        assert!(!same.edited());
    }

    #[test]
    fn loading_over_a_linked_scenario_offers_to_bring_it_back_unedited() {
        // A lecturer's link (a preset changed before it was shared), opened and run as it
        // came, then a lesson over it: the page cannot give that scenario again.
        let mut linked = aliansi_sim::presets::find("id-jp-jv").unwrap();
        linked.partners[1].opportunism = 0.6;
        let s = after(&[Action::Load(linked.clone()), Action::Finish]);
        let over = s.reduce(Action::OpenLesson(5));
        assert_eq!(over.replaced.as_deref(), Some(&linked));
        assert_eq!(over.reduce(Action::Restore).scenario, linked);
        // A preset or a lesson's scenario, unedited, is still let go (it is a click away).
        let preset = aliansi_sim::presets::find("id-jp-jv").unwrap();
        let s = after(&[Action::Load(preset), Action::OpenLesson(5)]);
        assert_eq!(s.replaced, None);
        let s = after(&[Action::OpenLesson(5), Action::Load(linked)]);
        assert_eq!(s.replaced, None);
    }

    #[test]
    fn an_edit_kept_to_bring_back_is_not_replaced_by_an_unedited_link() {
        // Share twice (horizons 30 and 40, each a link in the address), edit to 50, then Back
        // (link 30 loads over the edit) and Forward (link 40 loads over link 30, unedited).
        let with = |months| {
            let mut s = aliansi_sim::presets::default_scenario();
            s.horizon_months = months;
            s
        };
        let s = after(&[
            Action::SetScenario(with(50)),
            Action::Load(with(30)),
            Action::Load(with(40)),
        ]);
        assert_eq!(s.scenario, with(40));
        assert_eq!(
            s.replaced.as_deref(),
            Some(&with(50)),
            "the edit is still offered"
        );
        assert_eq!(s.reduce(Action::Restore).scenario, with(50));
    }

    #[test]
    fn news_of_a_link_goes_once_the_run_moves_and_other_notices_stay() {
        let notice = |key: &'static str, error: bool| {
            Action::Notify(Some(Notice {
                key,
                args: vec![],
                error,
                other_model: None,
            }))
        };
        for key in [
            "library.link_copied",
            "library.link_copied_no_choices",
            "library.link_opened",
        ] {
            for moves in [Action::Run, Action::Step, Action::Finish] {
                let s = after(&[notice(key, false), moves.clone()]);
                assert_eq!(s.notice, None, "{key} after {moves:?}");
                assert!(s.month() > 0 || s.playing, "{moves:?} still moves the run");
            }
        }
        let s = after(&[notice("library.clipboard_refused", true), Action::Step]);
        assert_eq!(
            s.notice.as_ref().map(|n| n.key),
            Some("library.clipboard_refused")
        );
        let s = after(&[notice("library.saved.loaded", false), Action::Step]);
        assert!(s.notice.is_some(), "other news stays until dismissed");
    }

    #[test]
    fn a_scenario_saved_is_open_unedited_under_its_name() {
        let mut edited = aliansi_sim::presets::default_scenario();
        edited.partners[0].name = "Kopi Kita".into();
        let s = after(&[
            Action::SetScenario(edited.clone()),
            Action::Saved("Week 6".into()),
        ]);
        assert_eq!(s.loaded_name.as_deref(), Some("Week 6"));
        assert_eq!(
            *s.loaded,
            crate::url::scenario_with_seed(&s.scenario, s.seed)
        );
        assert!(!s.restored);
    }

    #[test]
    fn a_closed_tabs_draft_is_offered_as_a_replaced_scenario() {
        let mut draft = aliansi_sim::presets::default_scenario();
        draft.partners[0].name = "Karya Saya".into();
        let s = after(&[Action::OfferDraft(draft.clone())]);
        assert_eq!(s.replaced.as_deref(), Some(&draft));
        assert_eq!(
            s.scenario,
            aliansi_sim::presets::default_scenario(),
            "not shown unasked"
        );
        let back = s.reduce(Action::Restore);
        assert_eq!(
            (back.scenario.clone(), back.restored),
            (draft.clone(), true)
        );
        // An offer the page already makes (the tab's own replaced scenario) is not displaced.
        let mut own = aliansi_sim::presets::default_scenario();
        own.horizon_months = 77;
        let s = after(&[
            Action::SetScenario(own.clone()),
            Action::OpenLesson(0),
            Action::OfferDraft(draft),
        ]);
        assert_eq!(s.replaced.as_deref(), Some(&own));
    }

    #[test]
    fn bringing_back_a_scenario_brings_back_its_run_and_comparison() {
        // "Same market, same shocks": a finished run kept as the baseline, a changed ladder,
        // its run finished; then a lesson opened over them.
        let mut mediation = aliansi_sim::presets::default_scenario();
        mediation.governance.resolution = vec![Resolution::Negotiation, Resolution::Mediation];
        let compared = after(&[
            Action::Finish,
            Action::CompareStart,
            Action::SetScenario(mediation.clone()),
            Action::Finish,
        ]);
        assert!(compared.baseline.is_some());
        assert_eq!(compared.status(), Status::Done);
        let lesson = compared.clone().reduce(Action::OpenLesson(3));
        assert_eq!(lesson.baseline, None);
        assert!(lesson.replaced_run.is_some());
        let back = lesson.reduce(Action::Restore);
        assert_eq!(back.scenario, compared.scenario);
        assert_eq!(back.baseline, compared.baseline, "the comparison is back");
        assert_eq!(back.result, compared.result, "the run is back, finished");
        assert_eq!(
            (back.status(), back.month()),
            (Status::Done, compared.month())
        );
        assert_eq!(back.replaced_run, None);
        // A run stopped half way comes back where it stood.
        let paused = after(&[Action::NewSeed, Action::Step, Action::Step, Action::Step]);
        let back = paused.reduce(Action::OpenLesson(0)).reduce(Action::Restore);
        assert_eq!((back.month(), back.status()), (3, Status::Paused));
        // A comparison on an unedited scenario is kept too; an unstarted, unedited run is not.
        let plain_compare = after(&[Action::Finish, Action::CompareStart]);
        let back = plain_compare
            .clone()
            .reduce(Action::OpenLesson(0))
            .reduce(Action::Restore);
        assert_eq!(back.baseline, plain_compare.baseline);
        let s = after(&[Action::NewSeed]).reduce(Action::OpenLesson(0));
        assert!(s.replaced.is_some() && s.replaced_run.is_none());
        // Forgetting the scenario forgets its run.
        let s = compared
            .reduce(Action::OpenLesson(3))
            .reduce(Action::ForgetReplaced);
        assert_eq!(s.replaced_run, None);
    }

    #[test]
    fn loading_over_an_edited_scenario_offers_to_bring_it_back() {
        // Loading over an unedited scenario offers nothing (it can be loaded again).
        let s = after(&[Action::OpenLesson(0)]);
        assert_eq!(s.replaced, None);
        // An edit, then a lesson: the edited scenario is kept, and comes back.
        let mut edited = aliansi_sim::presets::default_scenario();
        edited.partners[0].name = "Kopi Kita".into();
        let s = after(&[
            Action::SetScenario(edited.clone()),
            Action::Notify(Some(Notice {
                key: "library.saved.loaded",
                args: vec![("name".into(), "Week 5".into())],
                error: false,
                other_model: None,
            })),
            Action::OpenLesson(1),
        ]);
        assert_eq!(s.notice, None, "the notice of the scenario before is gone");
        assert_eq!(s.replaced.as_deref(), Some(&edited));
        assert_ne!(s.scenario, edited);
        let back = s.clone().reduce(Action::Restore);
        assert_eq!(back.scenario, edited);
        assert_eq!(
            (back.replaced.clone(), back.status()),
            (None, Status::Ready)
        );
        // The lesson stays open around it. The restored scenario is the user's work, kept
        // nowhere else: loading another over it offers to bring it back again, however often.
        assert!(back.lesson.is_some());
        let default = aliansi_sim::presets::default_scenario();
        let over = back.reduce(Action::Load(default));
        assert_eq!(over.replaced.as_deref(), Some(&edited));
        let again = over.reduce(Action::Restore);
        assert_eq!(again.scenario, edited);
        let calm = aliansi_sim::presets::find("calm-pair").unwrap();
        assert_eq!(
            again.reduce(Action::Load(calm)).replaced.as_deref(),
            Some(&edited)
        );
        // Restoring over an edited scenario keeps that one in turn.
        let mut lesson_edited = LESSONS[1].scenario();
        lesson_edited.horizon_months = 60;
        let swapped = s
            .clone()
            .reduce(Action::SetScenario(lesson_edited.clone()))
            .reduce(Action::Restore);
        assert_eq!(swapped.scenario, edited);
        assert_eq!(swapped.replaced.as_deref(), Some(&lesson_edited));
        // Back to the plain address: what the link replaced comes back, else the default.
        let back = s.clone().reduce(Action::BackToPlain);
        assert_eq!(back.scenario, edited);
        let plain = back.reduce(Action::BackToPlain);
        assert_eq!(plain.scenario, aliansi_sim::presets::default_scenario());
        // A new seed is an edit too; dismissing forgets the offer.
        let calm = aliansi_sim::presets::find("calm-pair").unwrap();
        let s = after(&[Action::SetSeed(99), Action::Load(calm)]);
        assert_eq!(s.replaced.as_ref().map(|r| r.seed), Some(99));
        assert_eq!(s.reduce(Action::ForgetReplaced).replaced, None);
    }

    #[test]
    fn closing_the_lesson_that_turned_decision_mode_on_turns_it_off() {
        let s = conflict_lesson();
        assert!(s.decisions);
        let closed = s.reduce(Action::CloseLesson);
        assert!(!closed.decisions && closed.lesson.is_none());
        // Turned on by hand in a lesson without decisions, it stays on.
        let s = after(&[
            Action::OpenLesson(0),
            Action::SetDecisions(true),
            Action::CloseLesson,
        ]);
        assert!(s.decisions);
    }

    #[test]
    fn a_kept_view_brings_a_fresh_page_back_to_it() {
        // A class in lesson 3, part 2, in classroom mode, at 2 months a second, with decision
        // mode turned off by hand, and the scenario edited.
        let mut edited = LESSONS[3].scenario();
        edited.horizon_months = 60;
        let s = after(&[
            Action::OpenLesson(3),
            Action::LessonNext,
            Action::LessonNext,
            Action::SetClassroom(true),
            Action::SetSpeed(2),
            Action::SetDecisions(false),
            Action::Load(edited.clone()),
        ]);
        let text = s.view().to_text();
        let view = View::parse(&text).expect("reads back");
        assert_eq!(view, s.view(), "{text}");
        // A fresh page: the view's actions, then the working copy's scenario.
        let mut actions = view.actions();
        actions.push(Action::Load(edited.clone()));
        let back = after(&actions);
        assert_eq!(back.view(), s.view());
        assert_eq!(back.scenario, edited);
        assert!(
            !back.decisions,
            "the kept choice wins over the lesson's own"
        );
        // The plain page reads back as the plain page.
        let plain = State::initial().view();
        assert_eq!(View::parse(&plain.to_text()), Some(plain.clone()));
        let fresh = after(&plain.actions());
        assert_eq!(
            (fresh.view(), &fresh.scenario),
            (plain.clone(), &State::initial().scenario)
        );
        // Parts it does not know are left at the defaults; text with none it knows is refused.
        let odd = View::parse("c1 s7 lno-such-lesson.2 x9").expect("c1 reads");
        assert_eq!(
            odd,
            View {
                classroom: true,
                ..plain.clone()
            }
        );
        assert_eq!(
            View::parse(&format!("l{}.9", LESSONS[0].id())),
            None,
            "no part 9"
        );
        for junk in [
            "",
            " ",
            "garbage",
            "c2",
            "é",
            "s",
            "l.",
            "m",
            "k",
            "k1=flying",
        ] {
            assert_eq!(View::parse(junk), None, "{junk:?}");
        }
    }

    #[test]
    fn off_ladder_counts_the_choices_the_ladder_would_not_have_made() {
        use Resolution::*;
        let choices = [
            (1, Negotiation),
            (2, Mediation),
            (4, Negotiation),
            (7, Arbitration),
        ];
        assert_eq!(
            off_ladder(&choices, Negotiation),
            2,
            "left to a ladder starting with negotiation"
        );
        assert_eq!(off_ladder(&choices, Escalation), 4);
        assert_eq!(off_ladder(&[], Negotiation), 0);
    }

    #[test]
    fn reset_sets_a_run_with_the_classs_choices_aside_to_bring_back() {
        // The conflict lesson in decision mode, deciding every dispute until month 30.
        let mut s = after(&[Action::OpenLesson(5), Action::SetDecisions(true)]);
        while s.month() < 30 && s.run().is_none() {
            s = match s.awaiting().map(|d| d.id) {
                Some(id) => s.reduce(Action::Decide {
                    id,
                    step: Some(Resolution::Mediation),
                }),
                None => s.reduce(Action::Step),
            };
        }
        let chosen = s.live.as_ref().unwrap().choices().len();
        assert!(chosen > 0, "the lesson's disputes were decided");
        let (month, events) = (s.month(), s.world().unwrap().events.clone());
        // Reset: month 0, and the run with its choices kept aside.
        let r = s.clone().reduce(Action::Reset);
        assert_eq!(r.month(), 0);
        assert_eq!(
            r.set_aside.as_ref().map(|a| a.live.own_choices()),
            Some(chosen)
        );
        // A second Reset of the fresh run keeps the same run aside.
        let r = r.reduce(Action::Reset);
        assert_eq!(
            r.set_aside.as_ref().map(|a| a.live.own_choices()),
            Some(chosen)
        );
        let back = r.clone().reduce(Action::BringBackRun);
        assert_eq!(back.month(), month);
        assert_eq!(back.world().unwrap().events, events, "the same run");
        assert_eq!(back.live.as_ref().unwrap().choices().len(), chosen);
        assert!(back.set_aside.is_none());
        // Another seed, or choices of the new run's own, end the offer; a new name does not
        // (it keeps the run on screen too).
        assert!(r.clone().reduce(Action::NewSeed).set_aside.is_none());
        let mut renamed = r.scenario.clone();
        renamed.partners[0].name = "Kopi Kita".into();
        let r2 = r.clone().reduce(Action::SetScenario(renamed));
        assert!(r2.set_aside.is_some());
        assert_eq!(r2.reduce(Action::BringBackRun).month(), month);
        let mut n = r;
        while n.live.as_ref().unwrap().own_choices() == 0 && n.run().is_none() {
            n = match n.awaiting().map(|d| d.id) {
                Some(id) => n.reduce(Action::Decide {
                    id,
                    step: Some(Resolution::Arbitration),
                }),
                None => n.reduce(Action::Step),
            };
        }
        assert!(n.set_aside.is_none());
        // A run without choices of the class's is not kept.
        let plain = after(&[Action::Finish, Action::Reset]);
        assert!(plain.set_aside.is_none());
    }

    #[test]
    fn a_reload_brings_the_run_back_where_it_stood_with_the_classs_choices() {
        // The conflict lesson in decision mode: play, choosing mediation at every dispute,
        // until month 40 (or the end).
        let mut s = after(&[Action::OpenLesson(5), Action::SetDecisions(true)]);
        let mut chosen = 0;
        while s.month() < 40 && s.run().is_none() {
            s = match s.awaiting().map(|d| d.id) {
                Some(id) => {
                    chosen += 1;
                    s.reduce(Action::Decide {
                        id,
                        step: Some(Resolution::Mediation),
                    })
                }
                None => s.reduce(Action::Step),
            };
        }
        assert!(chosen > 0, "the lesson's disputes were decided");
        let view = s.view();
        assert_eq!(view.choices.len(), chosen);
        let text = view.to_text();
        let read = View::parse(&text).expect("reads back");
        assert_eq!(read, view, "{text}");
        // A fresh page: the view, the working copy's scenario, then the replay.
        let mut actions = read.actions();
        actions.push(Action::Load(s.scenario.clone()));
        actions.extend(read.replay());
        let back = after(&actions);
        assert_eq!(back.month(), s.month());
        assert_eq!(back.status(), s.status());
        assert_eq!(
            back.world().unwrap().events,
            s.world().unwrap().events,
            "the same run"
        );
        assert_eq!(back.view(), s.view());
        // Without the class's choices it would have been another run.
        let mut plain = read.clone();
        plain.choices.clear();
        let mut actions = plain.actions();
        actions.push(Action::Load(s.scenario.clone()));
        actions.extend(plain.replay());
        assert_ne!(
            after(&actions).world().unwrap().events,
            s.world().unwrap().events
        );
        // A run not started has nothing to replay.
        assert_eq!(State::initial().view().replay(), None);
    }

    #[test]
    fn a_reload_brings_back_the_run_remembered_for_a_comparison() {
        // The conflict lesson in decision mode, every dispute sent to arbitration, then "Run
        // again with a change".
        let s = conflict_decided(Resolution::Arbitration).reduce(Action::CompareStart);
        let b = s.baseline.clone().expect("a run remembered");
        assert!(!b.choices.is_empty(), "the class chose");
        // What the tab keeps reads back, and plays the same run again (a fresh page).
        let kept = crate::url::kept_baseline(&b.scenario, b.seed, &b.choices);
        let (scenario, choices) = crate::url::restore_baseline(&kept).expect("reads");
        let back = after(&[Action::RestoreBaseline { scenario, choices }]);
        let again = back.baseline.clone().expect("brought back");
        assert_eq!(
            (&again.scenario, again.seed, &again.choices),
            (&b.scenario, b.seed, &b.choices)
        );
        assert_eq!(*again.result, *b.result);
        // Without the choices the run differs: they were applied, not left to the ladder.
        let plain = after(&[Action::RestoreBaseline {
            scenario: b.scenario.clone(),
            choices: Vec::new(),
        }]);
        assert_ne!(plain.baseline.as_ref().unwrap().result, b.result);
        // The page's own scenario and run are left as they were.
        assert_eq!(back.scenario, State::initial().scenario);
        assert_eq!(back.month(), 0);
        // A scenario that cannot run brings nothing back.
        let mut broken = b.scenario.clone();
        broken.partners.truncate(1);
        let none = after(&[Action::RestoreBaseline {
            scenario: broken,
            choices: Vec::new(),
        }]);
        assert!(none.baseline.is_none());
    }

    /// A class decides every dispute of the conflict lesson's run, alternating arbitration and
    /// avoidance; the link of that run (its choices) opened in a fresh page replays the same
    /// run, asking nothing even in decision mode; without the choices, or with another seed,
    /// it is another run.
    #[test]
    fn a_shared_run_replays_the_class_choices() {
        let mut s = conflict_lesson();
        let steps = [Resolution::Arbitration, Resolution::Avoidance];
        let mut chosen = 0;
        while s.status() != Status::Done {
            s = match s.awaiting().map(|d| d.id) {
                Some(id) => {
                    chosen += 1;
                    s.reduce(Action::Decide {
                        id,
                        step: Some(steps[chosen % 2]),
                    })
                }
                None => s.reduce(Action::Finish),
            };
        }
        assert!(chosen >= 2, "{chosen} disputes decided");
        let w = s.live.as_ref().unwrap();
        let choices = w.shared_choices();
        assert_eq!(choices, w.choices(), "all applied, in order");
        let events = &s.run().unwrap().events;
        let linked = url::scenario_with_seed(&s.scenario, s.seed);
        let open = |decisions: bool, actions: &[Action]| {
            let mut all = vec![
                Action::SetDecisions(decisions),
                Action::LoadRun {
                    scenario: linked.clone(),
                    choices: choices.clone(),
                },
            ];
            all.extend_from_slice(actions);
            after(&all)
        };
        for decisions in [false, true] {
            let t = open(decisions, &[]);
            // Shared again before it plays: the same choices.
            assert_eq!(t.live.as_ref().unwrap().shared_choices(), choices);
            let t = t.reduce(Action::Finish);
            assert_eq!(t.awaiting().map(|d| d.id), None, "nothing to decide");
            assert_eq!(t.status(), Status::Done);
            assert_eq!(&t.run().unwrap().events, events, "the class's run");
            assert_eq!(t.live.as_ref().unwrap().choices(), &choices[..]);
            // Run again: the same run.
            let again = t.reduce(Action::Run).reduce(Action::Finish);
            assert_eq!(&again.run().unwrap().events, events);
        }
        // Played in steps, as a timer plays it.
        let mut t = open(false, &[Action::SetSpeed(30), Action::Run]);
        while t.status() != Status::Done {
            let tick = on_time(t.speed);
            t = t.reduce(tick);
        }
        assert_eq!(&t.run().unwrap().events, events);
        // The same scenario loaded plainly, or the link with another seed: not the class's run.
        let plain = after(&[Action::Load(linked.clone()), Action::Finish]);
        assert_ne!(&plain.run().unwrap().events, events);
        let reseeded = open(false, &[Action::NewSeed, Action::Finish]);
        assert!(reseeded.live.as_ref().unwrap().choices().is_empty());
        let back = reseeded
            .reduce(Action::SetSeed(linked.seed))
            .reduce(Action::Finish);
        assert_eq!(&back.run().unwrap().events, events, "its seed again");
        let other = open(false, &[Action::Load(linked.clone()), Action::Finish]);
        assert_eq!(other.run().unwrap().events, plain.run().unwrap().events);
    }

    #[test]
    fn choice_changes_lists_the_disputes_both_runs_had_decided_differently() {
        use aliansi_sim::{DisputeCause::*, Event, EventKind};
        use Resolution::*;
        let opened = |list: &[(u32, usize, usize, aliansi_sim::DisputeCause)]| -> Vec<Event> {
            list.iter()
                .map(|&(id, a, b, cause)| Event {
                    month: id * 3,
                    kind: EventKind::DisputeOpened {
                        id,
                        a,
                        b,
                        cause,
                        severity: 0.5,
                    },
                })
                .collect()
        };
        // Both runs opened disputes 1 to 4 alike; the base went on to 5 and 6, which the other
        // run never reached.
        let common = [
            (1, 0, 1, Goals),
            (2, 0, 2, ProfitSharing),
            (3, 1, 2, Strategy),
            (4, 0, 1, Goals),
        ];
        let base_events = opened(&[&common[..], &[(5, 0, 1, Goals), (6, 1, 2, Goals)]].concat());
        let this_events = opened(&common);
        let base = [
            (1, Arbitration),
            (2, Avoidance),
            (4, Mediation),
            (5, Mediation),
            (6, Negotiation),
        ];
        let this = [(1, Mediation), (2, Avoidance), (3, Negotiation)];
        assert_eq!(
            choice_changes((&base, &base_events), (&this, &this_events)),
            vec![
                (1, Some(Arbitration), Some(Mediation)),
                (3, None, Some(Negotiation)),
                (4, Some(Mediation), None),
            ],
            "disputes 5 and 6 are not changes: the run that ended sooner never had them"
        );
        assert!(choice_changes((&base, &base_events), (&base, &base_events)).is_empty());
        // A dispute of the same number between other partners, or over another cause, is
        // another quarrel: no change of the class's.
        let apart = opened(&[
            (1, 0, 2, Goals),
            (2, 0, 2, Contributions),
            (3, 1, 2, Strategy),
            (4, 0, 1, Goals),
        ]);
        assert_eq!(
            choice_changes((&base, &base_events), (&this, &apart)),
            vec![(3, None, Some(Negotiation)), (4, Some(Mediation), None)]
        );
    }

    /// "Run again with a change" remembers the class's choices with the baseline; a shared
    /// run's notice says so when a new seed or setting sets its choices aside, and when they
    /// apply again.
    #[test]
    fn a_comparison_and_a_changed_shared_run_say_where_the_choices_went() {
        let s = conflict_decided(Resolution::Arbitration);
        let decided = s.live.as_ref().unwrap().choices().to_vec();
        assert!(!decided.is_empty());
        let c = s.clone().reduce(Action::CompareStart);
        assert_eq!(c.baseline.as_ref().unwrap().choices, decided);
        let c = c.reduce(Action::SetDecisions(false)).reduce(Action::Finish);
        let now = c.live.as_ref().unwrap().choices().to_vec();
        assert!(now.is_empty());
        // Without decision mode the ladder decided every dispute: those the two runs both had
        // (the first at least: the runs are alike until then) are said to differ, no other.
        let (base_events, now_events) = (
            &c.baseline.as_ref().unwrap().result.events,
            &c.run().unwrap().events,
        );
        let changes = choice_changes((&decided, base_events), (&now, now_events));
        assert!(!changes.is_empty() && changes.len() <= decided.len());
        assert_eq!(changes[0].0, decided[0].0);
        assert!(
            changes
                .iter()
                .all(|&(id, a, b)| b.is_none()
                    && a == decided.iter().find(|d| d.0 == id).map(|d| d.1))
        );
        // A shared run: another seed sets the choices aside, its seed brings them back.
        let linked = url::scenario_with_seed(&s.scenario, s.seed);
        let t = after(&[Action::LoadRun {
            scenario: linked.clone(),
            choices: decided.clone(),
        }]);
        assert!(t.planned_applies());
        let t = t.reduce(Action::NewSeed);
        assert!(!t.planned_applies());
        let n = t.notice.as_ref().expect("a notice");
        assert_eq!(n.key, "library.link_choices_set_aside");
        assert_eq!(n.args, vec![("seed".to_string(), linked.seed.to_string())]);
        let t = t.reduce(Action::SetSeed(linked.seed));
        assert!(t.planned_applies());
        assert_eq!(t.notice.as_ref().unwrap().key, "library.link_choices_back");
        // A change of setting too; a plain load forgets the link without a word about it.
        let mut edited = linked.clone();
        edited.governance.transparency = 0.9;
        let e = t.clone().reduce(Action::SetScenario(edited));
        assert_eq!(
            e.notice.as_ref().unwrap().key,
            "library.link_choices_set_aside"
        );
        let l = t.reduce(Action::Load(linked));
        assert!(l.planned.is_none());
    }

    #[test]
    fn a_lesson_loads_its_scenario_and_experiment() {
        let s = after(&[Action::Finish, Action::OpenLesson(3)]);
        let l = &LESSONS[3];
        assert_eq!(s.scenario, l.scenario());
        assert_eq!(s.status(), Status::Ready);
        assert_eq!(s.lesson, Some(OpenLesson { index: 3, part: 0 }));
        let e = s.experiment.clone().expect("experiment set up");
        assert_eq!(e.variants, l.variants(s.lang));
        assert_eq!(e.runs, l.runs);
        let s = s.reduce(Action::LessonNext).reduce(Action::LessonNext);
        assert_eq!(s.lesson.map(|l| l.part), Some(2));
        let s = s.reduce(Action::LessonPrevious);
        assert_eq!(s.lesson.map(|l| l.part), Some(1));
        // Opening another lesson hands over a new experiment (a higher seq).
        let t = s.clone().reduce(Action::OpenLesson(0));
        assert!(t.experiment.as_ref().unwrap().seq > e.seq);
        assert!(s.reduce(Action::CloseLesson).lesson.is_none());
        // Out of range: nothing happens.
        assert_eq!(*t.clone().reduce(Action::OpenLesson(99)), *t);
    }

    #[test]
    fn decision_mode_stops_at_each_new_dispute_and_plays_on_once_decided() {
        let mut s = conflict_lesson()
            .reduce(Action::SetSpeed(120))
            .reduce(Action::Run);
        assert!(s.decisions);
        let mut decided = 0;
        for _ in 0..5000 {
            if s.status() == Status::Done {
                break;
            }
            if let Some(d) = s.awaiting() {
                assert!(!s.playing, "stopped for the decision");
                assert!(s.resume);
                let id = d.id;
                let month = s.month();
                s = s.reduce(Action::Decide {
                    id,
                    step: Some(Resolution::Mediation),
                });
                decided += 1;
                assert_eq!(s.month(), month, "deciding does not step");
                assert_ne!(s.awaiting().map(|d| d.id), Some(id));
                assert!(s.awaiting().is_some() || s.playing, "plays on");
                continue;
            }
            let tick = on_time(s.speed);
            s = s.reduce(tick);
        }
        assert_eq!(s.status(), Status::Done);
        assert!(decided > 0, "the conflict lesson's run had disputes");
        let r = s.run().unwrap();
        let chosen = r
            .events
            .iter()
            .filter(|e| {
                matches!(
                    e.kind,
                    aliansi_sim::EventKind::DisputeStep {
                        step: Resolution::Mediation,
                        ..
                    }
                )
            })
            .count();
        assert!(chosen >= decided, "every decision is in the log");
    }

    #[test]
    fn finish_in_decision_mode_stops_at_the_next_dispute_and_without_it_runs_out() {
        let s = conflict_lesson().reduce(Action::Finish);
        assert!(s.awaiting().is_some(), "stopped at a dispute");
        assert_ne!(s.status(), Status::Done);
        assert!(!s.resume, "Finish does not play on by itself");
        let s = s.reduce(Action::SetDecisions(false)).reduce(Action::Finish);
        assert_eq!(s.status(), Status::Done);
        // Leaving every decision to the ladder gives the plain run.
        let mut s = conflict_lesson();
        while s.status() != Status::Done {
            s = match s.awaiting().map(|d| d.id) {
                Some(id) => s.reduce(Action::Decide { id, step: None }),
                None => s.reduce(Action::Finish),
            };
        }
        let mut plain = aliansi_sim::run(&s.scenario, s.seed).unwrap();
        let mut ours = s.run().unwrap().clone();
        plain.events.clear();
        ours.events.clear();
        assert_eq!(ours, plain);
    }

    #[test]
    fn the_log_names_no_step_before_the_class_chooses_one() {
        let s = conflict_lesson().reduce(Action::Finish);
        let id = s.awaiting().unwrap().id;
        let steps = |s: &State| -> Vec<Resolution> {
            s.logged()
                .iter()
                .filter_map(|e| match e.kind {
                    EventKind::DisputeStep { id: i, step } if i == id => Some(step),
                    _ => None,
                })
                .collect()
        };
        assert!(s
            .logged()
            .iter()
            .any(|e| matches!(e.kind, EventKind::DisputeOpened { id: i, .. } if i == id)));
        assert_eq!(steps(&s), [], "nothing chosen yet");
        assert_eq!(s.logged().len() + 1, s.world().unwrap().events.len());
        let s = s.reduce(Action::Decide {
            id,
            step: Some(Resolution::Mediation),
        });
        assert_eq!(steps(&s), [Resolution::Mediation]);
    }

    #[test]
    fn disputes_opening_together_all_wait_unnamed_in_the_log() {
        let stepped = |s: &State, id: u32| {
            s.logged()
                .iter()
                .any(|e| matches!(e.kind, EventKind::DisputeStep { id: i, .. } if i == id))
        };
        // The first month of a decision-mode run where two disputes open together.
        let mut found = None;
        'seeds: for seed in 1..40u64 {
            let mut s = conflict_lesson().reduce(Action::SetSeed(seed));
            while s.status() != Status::Done {
                let waiting: Vec<u32> =
                    s.world().unwrap().awaiting_choice().map(|d| d.id).collect();
                if waiting.len() >= 2 {
                    found = Some((s, waiting));
                    break 'seeds;
                }
                s = match s.awaiting().map(|d| d.id) {
                    Some(id) => s.reduce(Action::Decide { id, step: None }),
                    None => s.reduce(Action::Finish),
                };
            }
        }
        let (s, waiting) = found.expect("two disputes open in one month in some run");
        assert!(
            waiting.iter().all(|&id| !stepped(&s, id)),
            "no step named yet"
        );
        // The class decides the first: the second still shows no step.
        let s = s.reduce(Action::Decide {
            id: waiting[0],
            step: Some(Resolution::Mediation),
        });
        assert!(stepped(&s, waiting[0]));
        assert!(!stepped(&s, waiting[1]), "the second is still waiting");
        assert_eq!(s.awaiting().map(|d| d.id), Some(waiting[1]));
    }

    #[test]
    fn a_decision_for_another_dispute_is_ignored() {
        let s = conflict_lesson().reduce(Action::Finish);
        let id = s.awaiting().unwrap().id;
        let t = s.clone().reduce(Action::Decide {
            id: id + 1000,
            step: Some(Resolution::Arbitration),
        });
        assert_eq!(t.awaiting().map(|d| d.id), Some(id));
    }
}
