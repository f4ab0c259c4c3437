//! User-visible strings, in English and Bahasa Indonesia.
//!
//! Each area of the app keeps its strings in its own file, one entry per key with the English
//! and the Indonesian text side by side (`strings!` takes exactly the three, so neither
//! language can miss a key). Templates use `{name}` placeholders, filled by [`tf`].

// Glossary: one Bahasa Indonesia term per concept, in every area (English → Indonesian).
// Lesson texts name controls and gauges exactly as they are labelled.
//   run (one simulation)                → simulasi
//   Run (the button)                    → Jalankan
//   Many futures (the panel)            → Banyak masa depan
//   the same futures (same seeds)       → masa depan yang sama (counted runs: "simulasi")
//   seed                                → seed (first explained as "angka awal pengacak")
//   master seed                         → seed utama
//   sweep / Sweep a parameter           → penelusuran / Telusuri satu parameter (verb: telusuri)
//   horizon                             → jangka waktu (Horizon (months): Jangka waktu (bulan))
//   survival (the statistic)            → kelangsungan (to survive: bertahan)
//   survival at the horizon             → masih bersama setelah {horizon} / di akhir jangka waktu
//                                         (English: still together after … / at the horizon)
//   median survival                     → median lama bertahan
//   95% confidence band                 → pita interval 95%
//   95% (confidence) interval           → interval 95%
//   trust                               → kepercayaan
//   dispute                             → sengketa (verb: bersengketa)
//   disagreement                        → perbedaan pendapat
//   conflict                            → konflik
//   (conflict-)resolution ladder        → tangga penyelesaian (konflik)
//   avoidance                           → penghindaran (a dispute avoided: "left alone" → dibiarkan)
//   negotiation                         → negosiasi
//   mediation                           → mediasi
//   arbitration                         → arbitrase
//   escalation to top management        → eskalasi ke manajemen puncak (in a sentence,
//                                         "top-management escalation": "went to …")
//   transparency                        → keterbukaan
//   monitoring                          → pengawasan
//   compliance programme                → program kepatuhan
//   regulatory strictness               → ketatnya regulasi
//   market volatility                   → gejolak pasar
//   dedicated alliance manager          → manajer aliansi khusus
//   strategic review                    → tinjauan strategis
//   exit penalty                        → denda keluar
//   governance                          → tata kelola
//   legal form                          → bentuk hukum
//   gauge                               → indikator
//   cultural fit                        → kecocokan budaya
//   event log                           → catatan peristiwa
//   shock / scripted shock              → guncangan / guncangan terjadwal
//   value created                       → nilai yang tercipta
//   net value (what the partners were paid) → nilai bersih
//   value units (value, payoffs, fines) → satuan nilai
//   payoff                              → imbalan
//   gains                               → hasil
//   input                               → masukan
//   share (of value)                    → bagian
//   baseline (one run)                  → pembanding
//   base (first variant)                → dasar
//   variant                             → varian
//   Compare fairly                      → Bandingkan secara adil
//   default scenario                    → skenario bawaan
//   decision mode / classroom mode      → mode keputusan / mode kelas
//   lesson part                         → bagian
//   worker (parallel process)           → proses paralel (the batch's status: "{workers} proses
//                                         paralel (paling banyak satu per inti prosesor)")
//   processor core                      → inti prosesor
//   thread (the command line's --threads) → pekerja (the command line's researchers' word)
//   checksum (the command line's)       → Checksum (as Indonesian software says it; the name
//                                         of --json's "checksum")
//   misfit (with the market)            → ketidakcocokan (dengan pasar)
//   goal alignment                      → keselarasan tujuan

/// A display language (its number indexes [`Lang::ALL`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    En,
    Id,
}

impl Lang {
    /// The mark this language writes between a number's whole part and its decimals.
    pub fn decimal_mark(self) -> char {
        match self {
            Lang::En => '.',
            Lang::Id => ',',
        }
    }

    pub const ALL: [Lang; 2] = [Lang::En, Lang::Id];

    /// The BCP 47 tag, for `lang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Id => "id",
        }
    }

    /// The language of a BCP 47 tag (`id`, `id-ID`, `en-GB`…), by its primary subtag; `None`
    /// for other languages.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or("").trim();
        Lang::ALL
            .into_iter()
            .find(|l| primary.eq_ignore_ascii_case(l.tag()))
    }

    /// The language to start in: the one chosen on this device before (`stored`), else the
    /// first of the browser's languages (`navigator.languages`, most preferred first) that the
    /// app has, else English.
    pub fn preferred<'a>(stored: Option<&str>, browser: impl IntoIterator<Item = &'a str>) -> Lang {
        stored
            .and_then(Lang::from_tag)
            .or_else(|| browser.into_iter().find_map(Lang::from_tag))
            .unwrap_or_default()
    }

    /// The language's own name, for the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Id => "Bahasa Indonesia",
        }
    }
}

/// One area's strings, written as `("key", "English", "Bahasa Indonesia")` entries and stored
/// as one string: each entry is its key and its two texts, each ended by [`FIELD_END`]. One
/// string per area, rather than lists of pairs of string slices, keeps four pointers per entry
/// (about 24 KB for the whole app) and a second copy of each key out of the download;
/// [`entries`] splits it again at the first lookup.
macro_rules! strings {
    ($( ($key:literal, $en:literal, $id:literal $(,)?) ),* $(,)?) => {
        concat!($( $key, "\u{1f}", $en, "\u{1f}", $id, "\u{1f}" ),*)
    };
}
/// Ends each field of a [`strings!`] entry (the ASCII unit separator: no key or text has it).
const FIELD_END: char = '\u{1f}';

mod about;
mod base;
mod classroom;
mod editor;
mod experiments;
mod export;
mod lessons;
mod library;
mod platform;
mod sweep;
mod watch;

/// The strings of every area of the app, each owned by that area's code.
const AREAS: [&str; 11] = [
    base::STRINGS,
    watch::STRINGS,
    editor::STRINGS,
    library::STRINGS,
    about::STRINGS,
    experiments::STRINGS,
    sweep::STRINGS,
    export::STRINGS,
    lessons::STRINGS,
    classroom::STRINGS,
    platform::STRINGS,
];

/// The `(key, [English, Bahasa Indonesia])` entries of one [`strings!`] string, in order.
fn entries(area: &'static str) -> impl Iterator<Item = (&'static str, [&'static str; 2])> {
    let mut fields = area.split_terminator(FIELD_END);
    std::iter::from_fn(move || {
        let key = fields.next()?;
        let texts = [fields.next().unwrap_or(""), fields.next().unwrap_or("")];
        Some((key, texts))
    })
}

/// All entries of a language, every area together.
fn table(lang: Lang) -> Vec<(&'static str, &'static str)> {
    AREAS
        .into_iter()
        .flat_map(entries)
        .map(|(key, texts)| (key, texts[lang as usize]))
        .collect()
}

thread_local! {
    /// Every key's texts, built at the first lookup in one pass over the areas and sorted by
    /// key (a page renders hundreds of strings, often many times a second while a run plays: a
    /// search of the tables for each cost about 1.7 µs natively). Found by binary search: a hash
    /// map's code (the map and its hasher) would cost the download more.
    static INDEX: Vec<(&'static str, [&'static str; 2])> = {
        let mut all: Vec<_> = AREAS.into_iter().flat_map(entries).collect();
        all.sort_unstable_by_key(|e| e.0);
        all
    };
}

/// The string for `key` in `lang`. Every key has both languages (see [`strings!`]); a missing
/// key gives `??` (so a mistake shows up on the page rather than panicking).
pub fn t(lang: Lang, key: &str) -> &'static str {
    INDEX.with(|index| {
        index
            .binary_search_by(|e| e.0.cmp(key))
            .map_or("??", |k| index[k].1[lang as usize])
    })
}

/// The template for `key` in `lang`, with each `{name}` replaced by its value.
pub fn tf(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    fill(t(lang, key), args)
}

/// `template` with each `{name}` of `args` replaced by its value (the command line's own
/// templates use it too). One pass over the template: a value is never searched for
/// placeholders itself (a partner named "{who}" keeps its name), and a `{…}` that names no
/// argument stays as written.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out =
        String::with_capacity(template.len() + args.iter().map(|a| a.1.len()).sum::<usize>());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let arg = after.find('}').and_then(|close| {
            let name = &after[..close];
            let value = args.iter().find(|(n, _)| *n == name)?.1;
            Some((value, &after[close + 1..]))
        });
        match arg {
            Some((value, tail)) => {
                out.push_str(value);
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every key of the (English) table.
pub fn keys() -> impl Iterator<Item = &'static str> {
    table(Lang::En).into_iter().map(|(k, _)| k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn key_set(lang: Lang) -> BTreeSet<&'static str> {
        table(lang).iter().map(|(k, _)| *k).collect()
    }

    #[test]
    fn the_starting_language_is_the_choice_made_before_else_the_browsers() {
        assert_eq!(Lang::from_tag("id-ID"), Some(Lang::Id));
        assert_eq!(Lang::from_tag("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::from_tag("ms-MY"), None);
        assert_eq!(Lang::from_tag(""), None);
        assert_eq!(Lang::preferred(None, []), Lang::En);
        assert_eq!(Lang::preferred(None, ["ja-JP", "id"]), Lang::Id);
        assert_eq!(Lang::preferred(None, ["en-US", "id-ID"]), Lang::En);
        assert_eq!(Lang::preferred(Some("en"), ["id-ID"]), Lang::En);
        assert_eq!(Lang::preferred(Some("id"), ["en-US"]), Lang::Id);
        // A stored value this version does not know is ignored.
        assert_eq!(Lang::preferred(Some("xx"), ["id-ID"]), Lang::Id);
    }

    #[test]
    fn strings_split_into_their_entries() {
        const T: &str = strings![("a.one", "One", "Satu"), ("a.two", "Two {n}", "Dua {n}",)];
        assert_eq!(
            entries(T).collect::<Vec<_>>(),
            [
                ("a.one", ["One", "Satu"]),
                ("a.two", ["Two {n}", "Dua {n}"])
            ]
        );
        assert_eq!(entries("").count(), 0);
        for area in AREAS {
            for (k, texts) in entries(area) {
                for s in [k, texts[0], texts[1]] {
                    assert!(!s.contains(FIELD_END), "a separator inside {k}");
                }
                assert!(
                    !k.is_empty() && !k.contains(char::is_whitespace),
                    "bad key {k:?}"
                );
            }
        }
    }

    #[test]
    fn no_duplicate_or_empty_entries() {
        for lang in Lang::ALL {
            let tbl = table(lang);
            assert_eq!(key_set(lang).len(), tbl.len(), "duplicate key in {lang:?}");
            for (k, v) in &tbl {
                assert!(!v.trim().is_empty(), "empty string for {k} in {lang:?}");
            }
        }
    }

    #[test]
    fn placeholders_match_between_languages() {
        fn placeholders(s: &str) -> BTreeSet<String> {
            s.split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}'))
                .map(|(n, _)| n.to_string())
                .collect()
        }
        for key in keys() {
            assert_eq!(
                placeholders(t(Lang::En, key)),
                placeholders(t(Lang::Id, key)),
                "placeholders differ for {key}"
            );
        }
    }

    #[test]
    fn every_dissolution_cause_is_translated() {
        for cause in aliansi_sim::Cause::ALL {
            let key = format!("cause.{}", cause.key());
            for lang in Lang::ALL {
                assert!(
                    table(lang).iter().any(|(k, _)| *k == key),
                    "{key} missing in {lang:?}"
                );
            }
        }
    }

    #[test]
    fn each_language_indexes_its_own_table() {
        for (i, lang) in Lang::ALL.iter().enumerate() {
            assert_eq!(*lang as usize, i);
            for (k, v) in table(*lang) {
                assert_eq!(t(*lang, k), v, "{k} in {lang:?}");
            }
        }
        assert_eq!(t(Lang::Id, "no.such.key"), "??");
    }

    #[test]
    fn templates_are_filled() {
        assert_eq!(
            tf(Lang::En, "outcome.survived", &[("months", "120 months")]),
            "Survived 120 months"
        );
        assert_eq!(
            tf(
                Lang::En,
                "outcome.dissolved",
                &[("month", "37"), ("cause", "inequity")]
            ),
            "Dissolved in month 37: inequity"
        );
        assert_eq!(
            tf(Lang::Id, "outcome.survived", &[("months", "120 bulan")]),
            "Bertahan 120 bulan"
        );
    }

    #[test]
    fn a_template_is_filled_in_one_pass() {
        let args = [("a", "{b}"), ("b", "B")];
        // A value is not searched for placeholders (a partner may be named "{b}").
        assert_eq!(fill("{a} and {b}", &args), "{b} and B");
        // A placeholder used twice is filled twice; an unknown one, or a lone brace, stays.
        assert_eq!(fill("{b}{b} {c} {", &args), "BB {c} {");
        assert_eq!(fill("{{b}}", &args), "{B}");
        assert_eq!(fill("", &args), "");
        assert_eq!(fill("café {b}", &args), "café B");
    }
}
