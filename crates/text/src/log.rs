//! A run's log, narrated once: the page draws the newest lines of the log again at every month
//! of a run and at every key typed in a partner's name, and writing hundreds of sentences each
//! time was most of the page's work on a slow computer (30 partners: a keystroke took 0.4 s at
//! 4x CPU slowdown). [`LogCache`] keeps the lines it wrote and writes only those of new events;
//! names are put in as the lines are shown ([`with_names`]), so a name being typed does not
//! narrate anything again.

use aliansi_sim::{Event, EventKind, Resolution, Scenario};

use crate::i18n::Lang;
use crate::narrate::{event_class, with_names, Narrator};

/// What the narration depends on besides the events and the names: the language, the
/// ladder's first step (where a reopened dispute starts again) and the number of partners.
type Key = (Lang, Option<Resolution>, usize);

/// Which events the log lists: all of them, one kind, or those that involve one partner (a
/// long run logs thousands: a reader looks for one partner's story, or for the disputes).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LogFilter {
    #[default]
    All,
    /// Events of one class of [`crate::narrate::event_class`]'s: "shock", "dispute" (its
    /// settlement too), "review", "compliance", or "exit" (partners leaving, and the end).
    Kind(&'static str),
    /// Events that involve this partner: its shocks, its disputes (every step), its
    /// violations and its exit.
    Partner(usize),
}

/// The classes [`LogFilter::Kind`] takes, in the order the page offers them.
pub const LOG_KINDS: [&str; 5] = ["shock", "dispute", "review", "compliance", "exit"];

impl LogFilter {
    /// Whether each of `events` is listed.
    pub fn mask(self, events: &[&Event]) -> Vec<bool> {
        match self {
            LogFilter::All => vec![true; events.len()],
            LogFilter::Kind(kind) => events
                .iter()
                .map(|e| match event_class(e) {
                    "settled" => kind == "dispute",
                    "end" => kind == "exit",
                    c => c == kind,
                })
                .collect(),
            LogFilter::Partner(p) => {
                // The parties of each dispute, from its opening (its steps name only its id).
                let mut parties: Vec<(u32, bool)> = Vec::new();
                events
                    .iter()
                    .map(|e| match e.kind {
                        EventKind::DisputeOpened { id, a, b, .. } => {
                            parties.push((id, a == p || b == p));
                            a == p || b == p
                        }
                        EventKind::DisputeStep { id, .. }
                        | EventKind::DisputeFailed { id, .. }
                        | EventKind::DisputeReopened { id } => parties
                            .iter()
                            .rev()
                            .find(|(d, _)| *d == id)
                            .is_some_and(|x| x.1),
                        EventKind::DisputeSettled { a, b, .. }
                        | EventKind::DisputeUnresolved { a, b, .. } => a == p || b == p,
                        EventKind::Shock { partner, .. } => partner == Some(p),
                        EventKind::Violation { partner, .. }
                        | EventKind::PartnerLeft { partner, .. }
                        | EventKind::PartnerExpelled { partner, .. } => partner == p,
                        EventKind::Review { .. }
                        | EventKind::RegulatorEnded
                        | EventKind::Dissolved { .. }
                        | EventKind::Survived => false,
                    })
                    .collect()
            }
        }
    }
}

/// The newest lines of a log, kept between draws. Give it the events each time
/// ([`LogCache::newest`]): it narrates only what it has not seen, and starts again from the
/// first event that differs from those it saw (a run started again, a language switched, a
/// decision that made a held-back step visible) or when the filter changes.
#[derive(Default)]
pub struct LogCache {
    key: Option<(Key, LogFilter)>,
    /// Copies of the events seen, in order.
    seen: Vec<Event>,
    /// The narrator, having seen `seen`.
    narrator: Option<Narrator>,
    /// The lines of the events of `seen[from..]` the filter lists, each with its event's place
    /// in the log, names as marks.
    lines: Vec<(usize, String)>,
    from: usize,
}

impl LogCache {
    /// How many of `events` `filter` lists, and the lines of the newest `shown` of them, with
    /// the names of `s`'s partners: each with its event's place in `events`, in order. The
    /// same as narrating every event with a [`Narrator::new`] and keeping the last `shown`
    /// lines of those listed (tested).
    pub fn newest(
        &mut self,
        lang: Lang,
        s: &Scenario,
        events: &[&Event],
        filter: LogFilter,
        shown: usize,
    ) -> (usize, Vec<(usize, String)>) {
        let key = (
            (
                lang,
                s.governance.resolution.first().copied(),
                s.partners.len(),
            ),
            filter,
        );
        let listed = filter.mask(events);
        // The first event to narrate: the oldest of the newest `shown` listed ones.
        let from = listed
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, &l)| l)
            .nth(shown.saturating_sub(1))
            .map_or(0, |(i, _)| i);
        // How many of the events seen are still the log's first events.
        let mut same = if self.key == Some(key) {
            self.seen
                .iter()
                .zip(events)
                .take_while(|(a, b)| *a == **b)
                .count()
        } else {
            0
        };
        if from < self.from {
            // Older lines are listed again, which were only observed.
            same = same.min(from);
        }
        // (No narrator yet means no key yet.)
        if self.key != Some(key) || same < self.seen.len() {
            // Back to the last event in common: a narrator that has seen only those events.
            let mut narrator = Narrator::marked(lang, s);
            events[..same].iter().for_each(|e| narrator.observe(e));
            self.narrator = Some(narrator);
            self.key = Some(key);
            self.seen.truncate(same);
            self.lines.retain(|(i, _)| *i < same);
        }
        let narrator = self.narrator.as_mut().expect("set above");
        for (i, e) in events.iter().enumerate().skip(same) {
            if i >= from && listed[i] {
                self.lines.push((i, narrator.line(e)));
            } else {
                narrator.observe(e);
            }
            self.seen.push((*e).clone());
        }
        // Only the newest `shown` lines are kept.
        self.lines.retain(|(i, _)| *i >= from);
        self.from = from;
        let names = crate::narrate::partner_names(s);
        let count = listed.iter().filter(|&&l| l).count();
        let lines = self
            .lines
            .iter()
            .map(|(i, l)| (*i, with_names(l, &names)))
            .collect();
        (count, lines)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::narrate::log_lines;
    use aliansi_sim::{presets, World};

    fn events_of(s: &Scenario, seed: u64) -> Vec<Event> {
        let mut w = World::new(s, seed, true).unwrap();
        while w.step().is_none() {}
        w.events.clone()
    }

    /// What the cache must equal: every event narrated, the last `shown` lines kept.
    fn plain(
        lang: Lang,
        s: &Scenario,
        events: &[Event],
        shown: usize,
    ) -> (usize, Vec<(usize, String)>) {
        filtered(lang, s, events, LogFilter::All, shown)
    }

    /// Every event narrated, the last `shown` lines of those `filter` lists kept.
    fn filtered(
        lang: Lang,
        s: &Scenario,
        events: &[Event],
        filter: LogFilter,
        shown: usize,
    ) -> (usize, Vec<(usize, String)>) {
        let refs: Vec<&Event> = events.iter().collect();
        let listed = filter.mask(&refs);
        let all: Vec<(usize, String)> = log_lines(lang, s, events)
            .into_iter()
            .enumerate()
            .filter(|(i, _)| listed[*i])
            .collect();
        (all.len(), all[all.len().saturating_sub(shown)..].to_vec())
    }

    #[test]
    fn the_cache_writes_what_narrating_everything_writes_as_a_run_grows() {
        let s = presets::find("challenge-conflict").unwrap();
        let mut events = events_of(&s, 11);
        // A longer log, as of many months: the same run's events twice (the cache only
        // compares and narrates them).
        events.extend(events_of(&s, 12));
        assert!(events.len() > 40, "{} events", events.len());
        for shown in [5, 30, 10_000] {
            let mut cache = LogCache::default();
            // The run grows a few events at a time, as months are played.
            for end in (0..=events.len()).step_by(3).chain([events.len()]) {
                let refs: Vec<&Event> = events[..end].iter().collect();
                let got = cache.newest(Lang::En, &s, &refs, LogFilter::All, shown);
                assert_eq!(
                    got,
                    plain(Lang::En, &s, &events[..end], shown),
                    "{end} events, {shown} shown"
                );
            }
        }
    }

    #[test]
    fn the_cache_starts_again_where_the_events_or_the_words_change() {
        let s = presets::find("challenge-conflict").unwrap();
        let (a, b) = (events_of(&s, 11), events_of(&s, 12));
        assert_ne!(a, b);
        let mut cache = LogCache::default();
        fn refs(v: &[Event]) -> Vec<&Event> {
            v.iter().collect()
        }
        cache.newest(Lang::En, &s, &refs(&a), LogFilter::All, 20);
        // Another run (the first events differ, or only later ones), another language.
        assert_eq!(
            cache.newest(Lang::En, &s, &refs(&b), LogFilter::All, 20),
            plain(Lang::En, &s, &b, 20)
        );
        let mut mixed = b.clone();
        mixed.truncate(b.len() - 6);
        mixed.extend(a[a.len() - 3..].iter().cloned());
        assert_eq!(
            cache.newest(Lang::En, &s, &refs(&mixed), LogFilter::All, 20),
            plain(Lang::En, &s, &mixed, 20)
        );
        assert_eq!(
            cache.newest(Lang::Id, &s, &refs(&mixed), LogFilter::All, 20),
            plain(Lang::Id, &s, &mixed, 20)
        );
        // A shorter log (a run started again) and an empty one.
        assert_eq!(
            cache.newest(Lang::Id, &s, &refs(&b[..9]), LogFilter::All, 20),
            plain(Lang::Id, &s, &b[..9], 20)
        );
        assert_eq!(
            cache.newest(Lang::Id, &s, &[], LogFilter::All, 20),
            (0, vec![])
        );
        assert_eq!(
            cache.newest(Lang::Id, &s, &refs(&b), LogFilter::All, 20),
            plain(Lang::Id, &s, &b, 20)
        );
    }

    /// Every filter the page offers for a scenario of `n` partners.
    fn filters(n: usize) -> Vec<LogFilter> {
        let mut f = vec![LogFilter::All];
        f.extend(LOG_KINDS.map(LogFilter::Kind));
        f.extend((0..n).map(LogFilter::Partner));
        f
    }

    #[test]
    fn a_filtered_log_lists_what_the_whole_log_says_of_those_events() {
        // Every preset: each filter, as the run grows and after a switch of filter.
        for preset in presets::all() {
            let s = preset.scenario.clone();
            let events = events_of(&s, 5);
            let fs = filters(s.partners.len());
            for shown in [4, 500] {
                let mut cache = LogCache::default();
                for (k, &f) in fs.iter().enumerate() {
                    for end in (0..=events.len()).step_by(7).chain([events.len()]) {
                        let refs: Vec<&Event> = events[..end].iter().collect();
                        let lang = if k % 2 == 0 { Lang::En } else { Lang::Id };
                        assert_eq!(
                            cache.newest(lang, &s, &refs, f, shown),
                            filtered(lang, &s, &events[..end], f, shown),
                            "{} {f:?}, {end} events, {shown} shown",
                            preset.id
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn each_filter_lists_its_events() {
        let s = presets::find("challenge-conflict").unwrap();
        let events = events_of(&s, 11);
        let refs: Vec<&Event> = events.iter().collect();
        let count = |f: LogFilter| f.mask(&refs).iter().filter(|&&l| l).count();
        assert_eq!(count(LogFilter::All), events.len());
        // The kinds share the events out, each to one of them.
        let by_kind: usize = LOG_KINDS.iter().map(|&k| count(LogFilter::Kind(k))).sum();
        assert_eq!(by_kind, events.len());
        assert!(count(LogFilter::Kind("dispute")) > 0);
        // A dispute's every step is listed under both its parties, and under no one else.
        let masks: Vec<Vec<bool>> = (0..s.partners.len())
            .map(|p| LogFilter::Partner(p).mask(&refs))
            .collect();
        let mut steps = 0;
        for (i, e) in events.iter().enumerate() {
            if let EventKind::DisputeStep { id, .. } = e.kind {
                let (a, b) = events[..i]
                    .iter()
                    .rev()
                    .find_map(|o| match o.kind {
                        EventKind::DisputeOpened { id: d, a, b, .. } if d == id => Some((a, b)),
                        _ => None,
                    })
                    .expect("opened before its steps");
                for (p, m) in masks.iter().enumerate() {
                    assert_eq!(m[i], p == a || p == b, "step {i}, partner {p}");
                }
                steps += 1;
            }
        }
        assert!(steps > 0);
        assert!(LogFilter::Partner(7).mask(&refs).iter().all(|&l| !l));
    }

    #[test]
    fn a_renamed_partner_is_named_anew_without_a_new_narration() {
        let mut s = presets::find("challenge-conflict").unwrap();
        let events = events_of(&s, 11);
        let refs: Vec<&Event> = events.iter().collect();
        let mut cache = LogCache::default();
        cache.newest(Lang::En, &s, &refs, LogFilter::All, 50);
        // Names that look like marks or placeholders are written as they are.
        for name in ["Nusantara Foods {who}", "\u{1}0\u{2}", "Mitra Baru"] {
            s.partners[0].name = name.into();
            let got = cache.newest(Lang::En, &s, &refs, LogFilter::All, 50);
            assert_eq!(got, plain(Lang::En, &s, &events, 50), "{name:?}");
        }
        assert!(cache
            .newest(Lang::En, &s, &refs, LogFilter::All, 50)
            .1
            .iter()
            .any(|(_, l)| l.contains("Mitra Baru")));
    }

    #[test]
    fn a_line_shows_names_in_place_of_their_marks() {
        let names = ["A".to_string(), "B".to_string()];
        assert_eq!(
            with_names("\u{1}1\u{2} and \u{1}0\u{2}.", &names),
            "B and A."
        );
        assert_eq!(with_names("no marks", &names), "no marks");
        // A mark for no partner, or cut short, never panics.
        assert_eq!(with_names("\u{1}7\u{2}!", &names), "?!");
        assert_eq!(with_names("x\u{1}1", &names), "xB");
        assert_eq!(with_names("\u{1}\u{2}", &names), "?");
    }
}
