//! The seven guided lessons, one for each challenge of the source article: a prepared scenario
//! (a `challenge-*` preset), an experiment (variants of it, compared on the same seeds), and a
//! text in parts that a trainer reveals one at a time (intro, what to watch, the experiment, a
//! question for the class, what to try next). The words are in `i18n/lessons.rs` under
//! `lesson.<id>.<part>`; this module is the data and the pure logic, tested natively.

use aliansi_sim::{presets, Challenge, Resolution, Scenario, Sharing};

use crate::i18n::{t, Lang};
use crate::variants::Variant;

/// The parts of a lesson, in the order they are revealed.
pub const PARTS: [&str; 5] = ["intro", "watch", "experiment", "question", "next"];
/// The part at which the lesson's experiment is set up in "Compare fairly".
pub const EXPERIMENT_PART: usize = 2;

/// A change from the lesson's scenario, named by an i18n key.
pub struct Change {
    /// `lesson.<id>.variant.<key>` names it.
    pub key: &'static str,
    pub apply: fn(&mut Scenario),
}

/// One guided lesson.
pub struct Lesson {
    /// The challenge's key (also the lesson's id in i18n keys and tests).
    pub challenge: Challenge,
    /// The prepared scenario: a preset id.
    pub preset: &'static str,
    /// The variants compared after the base (the preset as it is).
    pub changes: &'static [Change],
    /// Runs per variant in the experiment.
    pub runs: u64,
    /// Whether the lesson asks the class to decide disputes (decision mode).
    pub decisions: bool,
}

impl Lesson {
    pub fn id(&self) -> &'static str {
        self.challenge.key()
    }

    /// The i18n key of one of the lesson's texts (`title` or one of [`PARTS`]).
    pub fn key(&self, part: &str) -> String {
        format!("lesson.{}.{part}", self.id())
    }

    /// The lesson's scenario.
    pub fn scenario(&self) -> Scenario {
        presets::find(self.preset).expect("every lesson's preset exists")
    }

    /// The experiment: the base (named in `lang`) and one variant per change, every one
    /// starting from the lesson's scenario.
    pub fn variants(&self, lang: Lang) -> Vec<Variant> {
        let base = self.scenario();
        let mut out = vec![Variant {
            name: t(lang, "lesson.variant.base").to_string(),
            scenario: base.clone(),
        }];
        for c in self.changes {
            let mut s = base.clone();
            (c.apply)(&mut s);
            out.push(Variant {
                name: t(lang, &format!("lesson.{}.variant.{}", self.id(), c.key)).to_string(),
                scenario: s,
            });
        }
        out
    }
}

/// The seven lessons, in the order of the source article.
pub static LESSONS: [Lesson; 7] = [
    Lesson {
        challenge: Challenge::Alignment,
        preset: "challenge-alignment",
        changes: &[Change {
            key: "reviews",
            apply: |s| s.governance.review_months = 12,
        }],
        runs: 1_000,
        decisions: false,
    },
    Lesson {
        challenge: Challenge::Culture,
        preset: "challenge-culture",
        changes: &[
            Change {
                key: "open",
                apply: |s| s.governance.transparency = 0.8,
            },
            Change {
                key: "manager",
                apply: |s| s.governance.alliance_manager = true,
            },
        ],
        runs: 1_000,
        decisions: false,
    },
    Lesson {
        challenge: Challenge::Contributions,
        preset: "challenge-contributions",
        changes: &[Change {
            key: "proportional",
            apply: |s| s.governance.sharing = Sharing::Proportional,
        }],
        runs: 1_000,
        decisions: false,
    },
    Lesson {
        challenge: Challenge::Trust,
        preset: "challenge-trust",
        changes: &[
            Change {
                key: "open_books",
                apply: |s| s.governance.transparency = 0.7,
            },
            Change {
                key: "open_and_watched",
                apply: |s| {
                    s.governance.transparency = 0.7;
                    s.governance.monitoring = 0.5;
                },
            },
        ],
        runs: 1_000,
        decisions: false,
    },
    Lesson {
        challenge: Challenge::Adaptation,
        preset: "challenge-adaptation",
        changes: &[Change {
            key: "reviews",
            apply: |s| s.governance.review_months = 12,
        }],
        runs: 1_000,
        decisions: false,
    },
    Lesson {
        challenge: Challenge::Conflict,
        preset: "challenge-conflict",
        changes: &[
            Change {
                key: "mediation",
                apply: |s| {
                    s.governance.resolution = vec![Resolution::Mediation, Resolution::Arbitration]
                },
            },
            Change {
                key: "ladder",
                apply: |s| {
                    s.governance.resolution = vec![
                        Resolution::Negotiation,
                        Resolution::Mediation,
                        Resolution::Arbitration,
                    ]
                },
            },
        ],
        runs: 1_000,
        decisions: true,
    },
    Lesson {
        challenge: Challenge::Compliance,
        preset: "challenge-compliance",
        changes: &[Change {
            key: "programme",
            apply: |s| s.governance.compliance = 0.7,
        }],
        runs: 1_000,
        decisions: false,
    },
];

/// The lesson with this id, if any.
pub fn find(id: &str) -> Option<(usize, &'static Lesson)> {
    LESSONS.iter().enumerate().find(|(_, l)| l.id() == id)
}

/// The part after `part` (stays on the last).
pub fn next_part(part: usize) -> usize {
    (part + 1).min(PARTS.len() - 1)
}

/// The part before `part` (stays on the first).
pub fn previous_part(part: usize) -> usize {
    part.saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n;

    #[test]
    fn one_lesson_per_challenge_in_order() {
        let ids: Vec<Challenge> = LESSONS.iter().map(|l| l.challenge).collect();
        assert_eq!(ids, Challenge::ALL.to_vec());
    }

    #[test]
    fn every_lesson_has_a_valid_scenario_and_experiment() {
        for l in &LESSONS {
            let base = l.scenario();
            let vs = l.variants(Lang::En);
            assert!(vs.len() >= 2 && vs.len() <= crate::variants::MAX_VARIANTS);
            assert_eq!(vs[0].scenario, base, "{}: the base is the preset", l.id());
            for v in &vs[1..] {
                v.scenario.validate().unwrap();
                assert_ne!(v.scenario, base, "{}: {} changes something", l.id(), v.name);
            }
            assert!(crate::variants::seeded(&vs).is_ok());
            assert!((crate::batch::MIN_RUNS..=crate::batch::MAX_RUNS).contains(&l.runs));
        }
    }

    #[test]
    fn every_text_exists_in_both_languages() {
        let keys: Vec<&str> = i18n::keys().collect();
        for l in &LESSONS {
            let mut wanted: Vec<String> = PARTS.iter().map(|p| l.key(p)).collect();
            wanted.push(l.key("title"));
            wanted.extend(
                l.changes
                    .iter()
                    .map(|c| format!("lesson.{}.variant.{}", l.id(), c.key)),
            );
            for k in wanted {
                assert!(keys.contains(&k.as_str()), "missing {k}");
            }
            // Names differ between languages (a sign both were written).
            assert_ne!(
                t(Lang::En, &l.key("question")),
                t(Lang::Id, &l.key("question"))
            );
        }
    }

    #[test]
    fn parts_move_within_bounds() {
        assert_eq!(next_part(0), 1);
        assert_eq!(next_part(PARTS.len() - 1), PARTS.len() - 1);
        assert_eq!(previous_part(0), 0);
        assert_eq!(previous_part(3), 2);
        assert_eq!(find("trust").map(|(i, _)| i), Some(3));
        assert!(find("nothing").is_none());
    }
}
