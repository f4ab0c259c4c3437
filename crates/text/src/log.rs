//! A run's log, narrated once: the page draws the newest lines of the log again at every month
//! of a run and at every key typed in a partner's name, and writing hundreds of sentences each
//! time was most of the page's work on a slow computer (30 partners: a keystroke took 0.4 s at
//! 4x CPU slowdown). [`LogCache`] keeps the lines it wrote and writes only those of new events;
//! names are put in as the lines are shown ([`with_names`]), so a name being typed does not
//! narrate anything again.

use aliansi_sim::{Event, Resolution, Scenario};

use crate::i18n::Lang;
use crate::narrate::{with_names, Narrator};

/// What the narration depends on besides the events and the names: the language, the
/// ladder's first step (where a reopened dispute starts again) and the number of partners.
type Key = (Lang, Option<Resolution>, usize);

/// The newest lines of a log, kept between draws. Give it the events each time
/// ([`LogCache::newest`]): it narrates only what it has not seen, and starts again from the
/// first event that differs from those it saw (a run started again, a language switched, a
/// decision that made a held-back step visible).
#[derive(Default)]
pub struct LogCache {
    key: Option<Key>,
    /// Copies of the events seen, in order.
    seen: Vec<Event>,
    /// The narrator, having seen `seen`.
    narrator: Option<Narrator>,
    /// The lines of `seen[first..]`, names as marks.
    lines: Vec<String>,
    first: usize,
}

impl LogCache {
    /// The lines of the newest `shown` of `events`, with the names of `s`'s partners: the
    /// place in `events` of the first line, and the lines in order. The same as narrating
    /// every event with a [`Narrator::new`] and keeping the last `shown` lines (tested).
    pub fn newest(
        &mut self,
        lang: Lang,
        s: &Scenario,
        events: &[&Event],
        shown: usize,
    ) -> (usize, Vec<String>) {
        let key = (
            lang,
            s.governance.resolution.first().copied(),
            s.partners.len(),
        );
        let skip = events.len().saturating_sub(shown);
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
        if skip < self.first {
            // Fewer events than before: older lines are shown again, which were only observed.
            same = same.min(skip);
        }
        // (No narrator yet means no key yet.)
        if self.key != Some(key) || same < self.seen.len() {
            // Back to the last event in common: a narrator that has seen only those events.
            let mut narrator = Narrator::marked(lang, s);
            events[..same].iter().for_each(|e| narrator.observe(e));
            self.narrator = Some(narrator);
            self.key = Some(key);
            self.seen.truncate(same);
            if same < self.first {
                self.lines.clear();
            } else {
                self.lines.truncate(same - self.first);
            }
        }
        let narrator = self.narrator.as_mut().expect("set above");
        for (i, e) in events.iter().enumerate().skip(same) {
            if i < skip {
                narrator.observe(e);
            } else {
                if self.lines.is_empty() {
                    self.first = i;
                }
                self.lines.push(narrator.line(e));
            }
            self.seen.push((*e).clone());
        }
        // Only the newest `shown` lines are kept.
        if self.lines.is_empty() || skip > self.first {
            let drop = skip.saturating_sub(self.first).min(self.lines.len());
            self.lines.drain(..drop);
            self.first = skip;
        }
        let names = crate::narrate::partner_names(s);
        let lines = self.lines.iter().map(|l| with_names(l, &names)).collect();
        (self.first, lines)
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
    fn plain(lang: Lang, s: &Scenario, events: &[Event], shown: usize) -> (usize, Vec<String>) {
        let all = log_lines(lang, s, events);
        let skip = all.len().saturating_sub(shown);
        (skip, all[skip..].to_vec())
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
                let got = cache.newest(Lang::En, &s, &refs, shown);
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
        cache.newest(Lang::En, &s, &refs(&a), 20);
        // Another run (the first events differ, or only later ones), another language.
        assert_eq!(
            cache.newest(Lang::En, &s, &refs(&b), 20),
            plain(Lang::En, &s, &b, 20)
        );
        let mut mixed = b.clone();
        mixed.truncate(b.len() - 6);
        mixed.extend(a[a.len() - 3..].iter().cloned());
        assert_eq!(
            cache.newest(Lang::En, &s, &refs(&mixed), 20),
            plain(Lang::En, &s, &mixed, 20)
        );
        assert_eq!(
            cache.newest(Lang::Id, &s, &refs(&mixed), 20),
            plain(Lang::Id, &s, &mixed, 20)
        );
        // A shorter log (a run started again) and an empty one.
        assert_eq!(
            cache.newest(Lang::Id, &s, &refs(&b[..9]), 20),
            plain(Lang::Id, &s, &b[..9], 20)
        );
        assert_eq!(cache.newest(Lang::Id, &s, &[], 20), (0, vec![]));
        assert_eq!(
            cache.newest(Lang::Id, &s, &refs(&b), 20),
            plain(Lang::Id, &s, &b, 20)
        );
    }

    #[test]
    fn a_renamed_partner_is_named_anew_without_a_new_narration() {
        let mut s = presets::find("challenge-conflict").unwrap();
        let events = events_of(&s, 11);
        let refs: Vec<&Event> = events.iter().collect();
        let mut cache = LogCache::default();
        cache.newest(Lang::En, &s, &refs, 50);
        // Names that look like marks or placeholders are written as they are.
        for name in ["Nusantara Foods {who}", "\u{1}0\u{2}", "Mitra Baru"] {
            s.partners[0].name = name.into();
            let got = cache.newest(Lang::En, &s, &refs, 50);
            assert_eq!(got, plain(Lang::En, &s, &events, 50), "{name:?}");
        }
        assert!(cache
            .newest(Lang::En, &s, &refs, 50)
            .1
            .iter()
            .any(|l| l.contains("Mitra Baru")));
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
