//! Share links in the page address: pure functions from and to the URL fragment.
//!
//! The fragment is the share link of [`aliansi_wire::encode_link_with_choices`] (`#s3.…`, a
//! scenario, or `#s4.…`, a scenario with the class's choices in its run; the older `#s1.…`
//! and `#s2.…`, without a checksum, still open) or of
//! [`aliansi_wire::encode_experiment_link`] (`#e1.…`, a whole experiment). Only the browser
//! glue in `components/share.rs` touches `window.location` and `history`; everything that can
//! be decided on strings is here, with native tests.

use aliansi_sim::{Resolution, Scenario};
use aliansi_wire::{Experiment, Shared};

use crate::i18n::Lang;
use crate::variants::Variant;

/// What the address says about the scenario to show.
#[derive(Clone, Debug, PartialEq)]
pub enum Fragment {
    /// No fragment (or an empty one): the page's own default.
    Empty,
    /// A share link that decoded into a valid scenario, with the class's choices in the run of
    /// its seed (decision mode; empty for a link without choices), and the scenario's name if the link
    /// carries one (see [`link_name`]).
    Scenario(Scenario, Vec<(u32, Resolution)>, Option<String>),
    /// An experiment link: the scenario, the variants of "Compare fairly" and the run count.
    Experiment(Experiment),
    /// A fragment that is not a readable share link: the link as written (shortened for
    /// display) and why the decoder refused it (`wire_text::explain` words it).
    Broken {
        link: String,
        error: aliansi_wire::WireError,
    },
}

/// The longest piece of a broken link repeated back to the user.
const SHOWN_CHARS: usize = 40;

/// The fragment part of an address or of `location.hash`, without the `#` and surrounding
/// whitespace; `None` when there is none or it is empty.
pub fn fragment_text(hash_or_href: &str) -> Option<&str> {
    let text = match hash_or_href.rfind('#') {
        Some(i) => &hash_or_href[i + 1..],
        None if hash_or_href.contains("://") => "",
        None => hash_or_href,
    };
    let text = text.trim();
    (!text.is_empty()).then_some(text)
}

/// Whether `href` looks like a share link cut before its scenario: it names the model its
/// sender ran (`?…&model=…`, which only Share and Share this experiment write) but has no
/// fragment. A chat that cut the link there leaves the page's own scenario to open, which a
/// student would otherwise run thinking it was the lecturer's.
pub fn cut_before_fragment(href: &str) -> bool {
    fragment_text(href).is_none()
        && aliansi_wire::query_param(href, aliansi_wire::MODEL_PARAM).is_some()
}

/// A share link whose `#` came percent-encoded (`…/aliansi/%23s3.…`, as some mail and chat
/// apps send it, or twice, `%2523s3.…`) or whose scenario ended up in the query (`…/?s3.…`, `…&s3.…`): the address
/// with the scenario back after a `#`, which the page then reads as any link. `None` for any
/// other address (one with a fragment, or with no scenario in it).
pub fn mended_address(href: &str) -> Option<String> {
    if href.contains('#') {
        return None;
    }
    // ASCII lowercasing keeps every byte where it was.
    let lower = href.to_ascii_lowercase();
    let prefixes = [
        aliansi_wire::CHECKED_LINK_PREFIX,
        aliansi_wire::CHECKED_RUN_LINK_PREFIX,
        aliansi_wire::LINK_PREFIX,
        aliansi_wire::RUN_LINK_PREFIX,
        aliansi_wire::EXPERIMENT_PREFIX,
    ];
    // (`%2523`: encoded twice, as a link passed through two apps came: a phone audit.)
    ["%2523", "%23", "?", "&"].into_iter().find_map(|mark| {
        prefixes.into_iter().find_map(|prefix| {
            let at = lower.find(&format!("{mark}{prefix}"))?;
            Some(format!("{}#{}", &href[..at], &href[at + mark.len()..]))
        })
    })
}

/// Reads `location.hash` (or a whole address): empty, a scenario, or a broken link. Never
/// panics, whatever the input.
pub fn read_fragment(hash_or_href: &str) -> Fragment {
    let Some(text) = fragment_text(hash_or_href) else {
        return Fragment::Empty;
    };
    let error = match aliansi_wire::decode_shared(text) {
        Ok(Shared::Scenario {
            scenario,
            choices,
            name,
        }) => return Fragment::Scenario(scenario, choices, link_name(name.as_deref())),
        // Variants of different horizons: "Compare fairly" cannot run them, and Share makes no
        // such link, so one is refused as it opens, not at Run. (The wire format holds them:
        // a tab keeps its variants over a reload as an `e1.` link, horizons as they stand while
        // being edited, `working_variants`.)
        Ok(Shared::Experiment(x))
            if !crate::variants::one_horizon(x.variants.iter().map(|v| &v.1)) =>
        {
            aliansi_wire::WireError::Link("variants of different horizons".into())
        }
        Ok(Shared::Experiment(x)) => return Fragment::Experiment(x),
        Err(error) => error,
    };
    Fragment::Broken {
        link: shorten(text, SHOWN_CHARS),
        error,
    }
}

/// A scenario's name as links carry it, and as a link's name is taken: trimmed, and only if
/// it is a name the library could save (not blank, at most `storage::MAX_NAME_CHARS`
/// characters; an experiment link refuses any other). A name is the user's own text: the page
/// shows it as text, never as markup.
pub fn link_name(name: Option<&str>) -> Option<String> {
    let name = name?.trim();
    let n = name.chars().count();
    (n > 0 && n <= crate::storage::MAX_NAME_CHARS).then(|| name.to_string())
}

/// The scenario that a link should carry: the one being edited, with the seed of the run on
/// screen, so that the link reproduces the same run.
pub fn scenario_with_seed(scenario: &Scenario, seed: u64) -> Scenario {
    Scenario {
        seed,
        ..scenario.clone()
    }
}

/// The fragment to put into the address, with its `#`: the scenario with `seed` and its
/// `name` (see [`link_name`]), and the class's `choices` in that run if there are any (an `s4.`
/// link; else `s3.`).
pub fn build_fragment(
    scenario: &Scenario,
    seed: u64,
    name: Option<&str>,
    choices: &[(u32, Resolution)],
) -> String {
    format!(
        "#{}",
        aliansi_wire::encode_link_with_choices(
            &scenario_with_seed(scenario, seed),
            link_name(name).as_deref(),
            choices
        )
    )
}

/// The working copy of a tab, kept in the tab's session storage so that a reload, a tab the
/// browser discarded or a crash loses no edit: the address's fragment when it was written
/// (without `#`), a line break, then the scenario with its seed as a share link.
pub fn working_copy(hash: &str, scenario: &Scenario, seed: u64) -> String {
    kept_under(
        hash,
        &aliansi_wire::encode_link(&scenario_with_seed(scenario, seed)),
    )
}

/// The scenario being edited as this device keeps it for a tab closed before it was saved
/// (local storage, under `DRAFT_KEY` of components/share.rs): the scenario with its seed, as a
/// share link. A tab opened from a chat app is often thrown away with its session storage.
pub fn draft(scenario: &Scenario, seed: u64) -> String {
    aliansi_wire::encode_link(&scenario_with_seed(scenario, seed))
}

/// The draft (`kept`, as [`draft`] writes it) a fresh tab offers to bring back: `None` when it
/// does not read, or is nothing that would be lost: a preset or a lesson as shipped, the
/// scenario the tab opens with (`opening`), or one saved in the library (`saved`).
pub fn draft_to_offer(kept: &str, opening: &Scenario, saved: &[&Scenario]) -> Option<Scenario> {
    let (draft, _) = restore_baseline(kept)?;
    let lost =
        draft != *opening && !saved.contains(&&draft) && !crate::state::ready_to_hand(&draft);
    lost.then_some(draft)
}

/// What a tab keeps of the run "Run again with a change" remembered: its scenario with `seed`
/// and the class's `choices` in it, as a share link (`s3.`, or `s4.` with choices).
pub fn kept_baseline(scenario: &Scenario, seed: u64, choices: &[(u32, Resolution)]) -> String {
    aliansi_wire::encode_link_with_choices(&scenario_with_seed(scenario, seed), None, choices)
}

/// The scenario (with its seed) and choices of a [`kept_baseline`], if it reads.
pub fn restore_baseline(kept: &str) -> Option<(Scenario, Vec<(u32, Resolution)>)> {
    match aliansi_wire::decode_shared(kept) {
        Ok(Shared::Scenario {
            scenario, choices, ..
        }) => Some((scenario, choices)),
        _ => None,
    }
}

/// What a tab keeps: the address's fragment when written (without `#`), a line break, then a
/// link. The working copy and the kept variants share this form; their readers split it.
fn kept_under(hash: &str, link: &str) -> String {
    format!("{}\n{link}", fragment_text(hash).unwrap_or(""))
}

/// The scenario to take back on load from a kept working copy, under the address `hash`: when
/// the copy was written under this same address (a reload), and its link reads as a valid
/// scenario. Another link opened in the tab wins over the copy; the plain address (no link: a
/// bookmark opened in the tab after Share put a link in the address) takes back the copy when
/// it differs from the link it was written under, so that edits made since are not lost.
pub fn restore_working_copy(kept: &str, hash: &str) -> Option<Scenario> {
    let (from, link) = kept.split_once('\n')?;
    let copy = match aliansi_wire::decode_shared(link) {
        Ok(Shared::Scenario { scenario, .. }) => scenario,
        _ => return None,
    };
    let here = fragment_text(hash).unwrap_or("");
    if from == here {
        return Some(copy);
    }
    let edited = match aliansi_wire::decode_shared(from) {
        Ok(Shared::Scenario { scenario, .. }) => scenario != copy,
        _ => true,
    };
    (here.is_empty() && edited).then_some(copy)
}

/// The scenario a link opened in the tab replaces, from a kept working copy, under the address
/// `hash`: the copy, when it was written under another address and `hash` holds a link. The
/// page then loads the link over it as over any scenario being edited, which offers it back
/// (*Bring back my scenario*, and Back to the plain address) where it was an edit or cannot be
/// had again. (Without this, a link opened by a full load, say pasted into the address bar of a
/// tab that began at the plain address, dropped the edits.)
pub fn replaced_by_link(kept: &str, hash: &str) -> Option<Scenario> {
    let (from, link) = kept.split_once('\n')?;
    let here = fragment_text(hash).unwrap_or("");
    if here.is_empty() || from == here {
        return None;
    }
    match aliansi_wire::decode_shared(link) {
        Ok(Shared::Scenario { scenario, .. }) => Some(scenario),
        _ => None,
    }
}

/// What a tab keeps of the scenario it loaded under a name (from the library, an imported file
/// or a link): the address's fragment when written, a line break, then the scenario as loaded
/// (with its seed) in a link that carries the name. A reload under the same address brings the
/// name back ([`restore_loaded`]): the page says again what is open ("Open now: “Week 5”"),
/// and Share carries the name, as before the reload.
pub fn kept_loaded(hash: &str, loaded: &Scenario, name: &str) -> String {
    kept_under(hash, &aliansi_wire::encode_link_named(loaded, Some(name)))
}

/// The scenario loaded and its name, from a [`kept_loaded`], under the address `hash`: only when
/// it was written under this same address (another link opened since loads a scenario of its
/// own), and its link reads with a name.
pub fn restore_loaded(kept: &str, hash: &str) -> Option<(Scenario, String)> {
    let (from, link) = kept.split_once('\n')?;
    if from != fragment_text(hash).unwrap_or("") {
        return None;
    }
    match aliansi_wire::decode_shared(link) {
        Ok(Shared::Scenario { scenario, name, .. }) => {
            Some((scenario, link_name(name.as_deref())?))
        }
        _ => None,
    }
}

/// The variants of "Compare fairly" and its runs per variant, kept in the tab's session storage
/// beside the working copy of the scenario: the address's fragment when written (without `#`),
/// a line break, then an experiment link holding them (its scenario is the first variant's, or
/// the default one, and is not read back). `None` when the wire format cannot hold them.
pub fn working_variants(hash: &str, variants: &[Variant], runs: u64) -> Option<String> {
    let scenario = variants
        .first()
        .map_or_else(aliansi_sim::presets::default_scenario, |v| {
            v.scenario.clone()
        });
    let x = experiment(&scenario, scenario.seed, None, variants, runs).ok()?;
    Some(kept_under(hash, &aliansi_wire::encode_experiment_link(&x)))
}

/// The variants and runs to take back on load from kept variants, under the address `hash`.
/// Variants outlive a change of address within the tab (opening a scenario link keeps them), so
/// they come back under any address except an experiment link other than the one they were
/// written under: a newly opened experiment brings its own variants. No variants comes back only
/// where the page would otherwise show variants the user had removed: under the experiment link
/// they were kept under, or with a lesson reopened (`lesson`: it sets up its own experiment);
/// elsewhere there is nothing to take back.
pub fn restore_working_variants(
    kept: &str,
    hash: &str,
    lesson: bool,
) -> Option<(Vec<Variant>, u64)> {
    let (from, _) = kept.split_once('\n')?;
    let here = fragment_text(hash).unwrap_or("");
    let under_experiment = matches!(read_fragment(hash), Fragment::Experiment(_));
    if from != here && under_experiment {
        return None;
    }
    kept_variants(kept).filter(|(variants, _)| !variants.is_empty() || under_experiment || lesson)
}

/// The variants and runs in kept variants (see [`working_variants`]), whatever address they
/// were kept under; `None` if the text is not kept variants.
pub fn kept_variants(kept: &str) -> Option<(Vec<Variant>, u64)> {
    let (_, link) = kept.split_once('\n')?;
    match aliansi_wire::decode_shared(link) {
        Ok(Shared::Experiment(x)) => Some((variants_of(&x), x.runs)),
        _ => None,
    }
}

/// The whole address to share: `href` without any fragment, with `?lang=` and `model=` set (see
/// [`share_base`]), then the new fragment (see [`build_fragment`]).
pub fn share_url(
    href: &str,
    scenario: &Scenario,
    seed: u64,
    name: Option<&str>,
    choices: &[(u32, Resolution)],
    lang: Lang,
) -> String {
    format!(
        "{}{}",
        share_base(href, lang),
        build_fragment(scenario, seed, name, choices)
    )
}

/// The experiment to share: the scenario being edited with the seed on screen, the variants
/// of "Compare fairly" and the runs per variant. Refused (with the reason) when the wire
/// format cannot hold it (for example a variant name over its length limit).
pub fn experiment(
    scenario: &Scenario,
    seed: u64,
    name: Option<&str>,
    variants: &[Variant],
    runs: u64,
) -> Result<Experiment, aliansi_wire::WireError> {
    let x = Experiment {
        scenario: scenario_with_seed(scenario, seed),
        name: link_name(name),
        variants: variants
            .iter()
            .map(|v| (v.name.clone(), v.scenario.clone()))
            .collect(),
        runs,
    };
    x.validate()?;
    Ok(x)
}

/// The variants an experiment link carries, as "Compare fairly" stores them.
pub fn variants_of(x: &Experiment) -> Vec<Variant> {
    x.variants
        .iter()
        .map(|(name, scenario)| Variant {
            name: name.clone(),
            scenario: scenario.clone(),
        })
        .collect()
}

/// The whole address of an experiment: `href` without any fragment, with `?lang=` and `model=`
/// set (see [`share_base`]), then `#e1.…`.
pub fn experiment_url(href: &str, x: &Experiment, lang: Lang) -> String {
    format!(
        "{}#{}",
        share_base(href, lang),
        aliansi_wire::encode_experiment_link(x)
    )
}

/// The language an address asks for with its `lang` query parameter
/// (`…/aliansi/?lang=id#s1.…`), if it names one the app has (`id`, `EN`, `id-ID`…).
pub fn lang_in(href: &str) -> Option<Lang> {
    aliansi_wire::query_param(href, "lang").and_then(Lang::from_tag)
}

/// `href` with its `lang` query parameter set to `lang` (`?lang=id`): see [`with_param`].
/// Shared links carry it, so that a class opens a trainer's link in the trainer's language
/// whatever its browsers are set to.
pub fn with_lang(href: &str, lang: Lang) -> String {
    with_param(href, "lang", lang.tag())
}

/// `href` with its query parameter `name` set to `value`: replacing the one there (any more of
/// that name dropped), else added after the other parameters. The rest of the address, its
/// fragment included, is kept as it was.
fn with_param(href: &str, name: &str, value: &str) -> String {
    let (before, fragment) = href.split_at(href.find('#').unwrap_or(href.len()));
    let (path, query) = before.split_once('?').unwrap_or((before, ""));
    let mine = format!("{name}={value}");
    let mut params: Vec<&str> = Vec::new();
    let mut placed = false;
    for p in query.split('&').filter(|p| !p.is_empty()) {
        if p.split('=').next() == Some(name) {
            if !placed {
                params.push(&mine);
                placed = true;
            }
        } else {
            params.push(p);
        }
    }
    if !placed {
        params.push(&mine);
    }
    format!("{path}?{}{fragment}", params.join("&"))
}

/// The address a share link starts with: `href` without its fragment, its `lang` set to
/// `lang` and its `model` to this build's model version (`aliansi_wire::link_model`), so that
/// whoever opens it later with another version of the model is told that the runs may differ.
fn share_base(href: &str, lang: Lang) -> String {
    let base = with_lang(href.split('#').next().unwrap_or(""), lang);
    with_param(&base, aliansi_wire::MODEL_PARAM, aliansi_sim::MODEL_VERSION)
}

/// At most `max` characters of `s`, with an ellipsis when cut (on a character boundary).
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max).collect();
        out.push('…');
        out
    }
}

#[cfg(test)]
mod cut_tests {
    use super::cut_before_fragment;

    #[test]
    fn a_share_link_cut_before_its_scenario_is_told_from_the_page_address() {
        for cut in [
            "https://x.id/aliansi/?lang=id&model=2026-11-30.5",
            "https://x.id/aliansi/?lang=id&model=202",
            "https://x.id/aliansi/?lang=id&model=",
            "https://x.id/aliansi/?model=2026-11-30.5#",
            "https://x.id/aliansi/?lang=id&model=2026-11-30.5#  ",
        ] {
            assert!(cut_before_fragment(cut), "{cut}");
        }
        for whole in [
            "https://x.id/aliansi/",
            "https://x.id/aliansi/?lang=id",
            "https://x.id/aliansi/?lang=id&mod",
            "https://x.id/aliansi/?lang=id&model=2026-11-30.5#s1.AAAA",
            "https://x.id/aliansi/?lang=id&model=2026-11-30.5#e1.AAAA",
        ] {
            assert!(!cut_before_fragment(whole), "{whole}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aliansi_sim::presets;

    #[test]
    fn a_draft_is_offered_only_when_it_would_be_lost() {
        let default = presets::default_scenario();
        let mut edited = default.clone();
        edited.partners[0].name = "Karya Saya".into();
        let kept = draft(&edited, 9);
        let back = scenario_with_seed(&edited, 9);
        assert_eq!(draft_to_offer(&kept, &default, &[]), Some(back.clone()));
        // Not when the tab opens with it, nor once saved, nor a preset as shipped.
        assert_eq!(draft_to_offer(&kept, &back, &[]), None);
        assert_eq!(draft_to_offer(&kept, &default, &[&default, &back]), None);
        assert_eq!(
            draft_to_offer(
                &draft(&default, default.seed),
                &presets::all()[2].scenario,
                &[]
            ),
            None
        );
        // Another seed of a preset is the user's (a run they chose to keep).
        assert!(draft_to_offer(&draft(&default, 4242), &default, &[]).is_some());
        // Text that does not read (an older or damaged entry): nothing offered.
        for junk in ["", "s1.", "s1.AAAA", "{}", "not a link"] {
            assert_eq!(draft_to_offer(junk, &default, &[]), None, "{junk:?}");
        }
    }

    #[test]
    fn a_loaded_name_comes_back_under_the_same_address_only() {
        let mut saved = presets::default_scenario();
        saved.horizon_months = 77;
        let link = build_fragment(&presets::all()[1].scenario, 5, None, &[]);
        for from in ["", "#", &link] {
            let kept = kept_loaded(from, &saved, "Week 5 <b>");
            assert_eq!(
                restore_loaded(&kept, from),
                Some((saved.clone(), "Week 5 <b>".to_string())),
                "{from:?}"
            );
            for other in [&link, "#s1.AAAA", ""] {
                if fragment_text(other).unwrap_or("") != fragment_text(from).unwrap_or("") {
                    assert_eq!(restore_loaded(&kept, other), None, "{from:?} -> {other:?}");
                }
            }
        }
        // A name the library could not save (blank, too long) does not come back; nor does
        // text that does not read.
        assert_eq!(restore_loaded(&kept_loaded("", &saved, "  "), ""), None);
        assert_eq!(
            restore_loaded(&kept_loaded("", &saved, &"x".repeat(81)), ""),
            None
        );
        for junk in ["", "\n", "no line break", "\ns1.AAAA", "\nnot a link"] {
            assert_eq!(restore_loaded(junk, ""), None, "{junk:?}");
        }
    }

    #[test]
    fn a_working_copy_comes_back_under_the_same_address_only() {
        let mut edited = presets::default_scenario();
        edited.horizon_months = 77;
        let link = build_fragment(&presets::all()[1].scenario, 5, None, &[]);
        for from in ["", "#", &link] {
            let kept = working_copy(from, &edited, 42);
            let back = restore_working_copy(&kept, from).expect("same address: restored");
            assert_eq!(back, scenario_with_seed(&edited, 42));
            // Another link opened in this tab: not restored.
            for other in [&link, "#s1.AAAA"] {
                if fragment_text(other) != fragment_text(from) {
                    assert_eq!(
                        restore_working_copy(&kept, other),
                        None,
                        "{from:?} -> {other:?}"
                    );
                }
            }
            // The plain page after a link: the edits made under the link come back.
            assert_eq!(
                restore_working_copy(&kept, ""),
                Some(scenario_with_seed(&edited, 42)),
                "{from:?} -> plain"
            );
        }
        // The plain page after a link that was not edited: the page's default, not the link's.
        let unedited = working_copy(&link, &presets::all()[1].scenario, 5);
        assert_eq!(restore_working_copy(&unedited, ""), None);
        assert_eq!(
            restore_working_copy(&unedited, &link),
            Some(scenario_with_seed(&presets::all()[1].scenario, 5))
        );
        // A copy that does not read (damaged storage, another format) is ignored.
        for junk in ["", "\n", "no line break", "\ns1.AAAA", "\nnot a link"] {
            assert_eq!(restore_working_copy(junk, ""), None, "{junk:?}");
            assert_eq!(replaced_by_link(junk, &link), None, "{junk:?}");
        }
    }

    #[test]
    fn a_link_opened_over_a_working_copy_kept_under_another_address_replaces_it() {
        let mut edited = presets::default_scenario();
        edited.horizon_months = 77;
        let link = build_fragment(&presets::all()[1].scenario, 5, None, &[]);
        let other = build_fragment(&presets::all()[2].scenario, 6, None, &[]);
        // Edited at the plain address, then a link opened by a full load: the copy is what the
        // link replaces (the page offers it back).
        for from in ["", "#", &other] {
            let kept = working_copy(from, &edited, 42);
            assert_eq!(
                replaced_by_link(&kept, &link),
                Some(scenario_with_seed(&edited, 42)),
                "{from:?}"
            );
            // A reload under its own address restores it instead; the plain address has no
            // link to replace it.
            assert_eq!(replaced_by_link(&kept, from), None, "{from:?}");
            assert_eq!(replaced_by_link(&kept, ""), None, "{from:?}");
        }
    }

    #[test]
    fn kept_variants_come_back_unless_another_experiment_was_opened() {
        let mut second = presets::default_scenario();
        second.governance.transparency = 0.9;
        let variants = vec![
            Variant {
                name: "Base".into(),
                scenario: presets::default_scenario(),
            },
            Variant {
                name: "Open books".into(),
                scenario: second,
            },
        ];
        let scenario_link = build_fragment(&presets::all()[1].scenario, 5, None, &[]);
        let x = experiment(&presets::default_scenario(), 3, None, &variants[..1], 50).unwrap();
        let experiment_link = format!("#{}", aliansi_wire::encode_experiment_link(&x));
        for from in ["", &scenario_link, &experiment_link] {
            let kept = working_variants(from, &variants, 400).expect("fits the wire format");
            // The same address, the plain page, or a scenario link: the tab's variants.
            for here in ["", from, &scenario_link] {
                assert_eq!(
                    restore_working_variants(&kept, here, false),
                    Some((variants.clone(), 400)),
                    "{from:?} -> {here:?}"
                );
            }
            // An experiment link other than the one they were kept under: its own variants.
            if from != experiment_link {
                assert_eq!(
                    restore_working_variants(&kept, &experiment_link, false),
                    None
                );
            }
        }
        // No variants (all removed) comes back under the experiment link that had some;
        // elsewhere there is nothing to take back.
        let none = working_variants(&experiment_link, &[], 200).unwrap();
        assert_eq!(
            restore_working_variants(&none, &experiment_link, false),
            Some((vec![], 200))
        );
        assert_eq!(restore_working_variants(&none, "", false), None);
        assert_eq!(restore_working_variants(&none, &scenario_link, false), None);
        // Or with a lesson reopened, whose own variants the user had removed.
        assert_eq!(
            restore_working_variants(&none, "", true),
            Some((vec![], 200))
        );
        // What the wire format refuses is not kept (runs out of range); junk is ignored.
        assert_eq!(working_variants("", &variants, 0), None);
        for junk in [
            "",
            "\n",
            "no line break",
            "\ne1.AAAA",
            &format!("\n{}", &scenario_link[1..]),
        ] {
            assert_eq!(restore_working_variants(junk, "", true), None, "{junk:?}");
        }
    }

    #[test]
    fn a_link_whose_hash_came_encoded_or_moved_into_the_query_is_mended() {
        let s = presets::default_scenario();
        let frag = build_fragment(&s, 7, None, &[]).split_off(1);
        let base = "https://x.id/aliansi/";
        let whole = format!("{base}#{frag}");
        for broken in [
            format!("{base}%23{frag}"),
            format!("{base}?{frag}"),
            format!("{base}?lang=id&{frag}"),
        ] {
            let mended = mended_address(&broken).unwrap();
            assert!(mended.ends_with(&format!("#{frag}")), "{mended}");
            assert!(
                matches!(read_fragment(&mended), Fragment::Scenario(..)),
                "{broken}"
            );
        }
        assert_eq!(
            mended_address(&format!("{base}?lang=id&{frag}")).unwrap(),
            format!("{base}?lang=id#{frag}")
        );
        assert_eq!(
            mended_address(&format!("{base}%23S1.abc")).unwrap(),
            format!("{base}#S1.abc")
        );
        assert_eq!(
            mended_address(&format!("{base}?lang=id&model=2026-12-02.2%2523{frag}")).unwrap(),
            format!("{base}?lang=id&model=2026-12-02.2#{frag}")
        );
        // Addresses that are fine, or hold no scenario: left alone.
        for fine in [
            whole.as_str(),
            base,
            "https://x.id/aliansi/?lang=id",
            "https://x.id/?q=s1",
        ] {
            assert_eq!(mended_address(fine), None, "{fine}");
        }
    }

    #[test]
    fn no_fragment_is_empty() {
        for s in ["", "#", "#   ", "http://127.0.0.1:8080/", "http://x/#"] {
            assert_eq!(read_fragment(s), Fragment::Empty, "{s:?}");
        }
    }

    #[test]
    fn fragment_text_takes_the_part_after_the_last_hash() {
        assert_eq!(fragment_text("#s1.abc"), Some("s1.abc"));
        assert_eq!(fragment_text("http://x/a?b=c#s1.abc "), Some("s1.abc"));
        assert_eq!(fragment_text("s1.abc"), Some("s1.abc"));
        assert_eq!(fragment_text("http://x/page"), None);
    }

    #[test]
    fn round_trip_keeps_scenario_and_seed() {
        for p in presets::all() {
            let frag = build_fragment(&p.scenario, 4242, None, &[]);
            assert!(frag.starts_with("#s3."), "{frag}");
            match read_fragment(&frag) {
                Fragment::Scenario(s, _, _) => {
                    assert_eq!(s, scenario_with_seed(&p.scenario, 4242), "{}", p.id)
                }
                other => panic!("{}: {other:?}", p.id),
            }
        }
    }

    #[test]
    fn share_url_replaces_any_old_fragment() {
        let s = presets::default_scenario();
        let url = share_url(
            "http://127.0.0.1:9/index.html#s1.old",
            &s,
            7,
            None,
            &[],
            Lang::En,
        );
        let start = format!(
            "http://127.0.0.1:9/index.html?lang=en&model={}#s3.",
            aliansi_sim::MODEL_VERSION
        );
        assert!(url.starts_with(&start), "{url}");
        assert_eq!(
            aliansi_wire::link_model(&url),
            Some(aliansi_sim::MODEL_VERSION)
        );
        // A link opened from an older model, shared again: it names this model.
        let again = share_url(
            "http://h/?model=2026-11-29&lang=id#s1.old",
            &s,
            7,
            None,
            &[],
            Lang::En,
        );
        assert!(
            again.starts_with(&format!(
                "http://h/?model={}&lang=en#s3.",
                aliansi_sim::MODEL_VERSION
            )),
            "{again}"
        );
        assert_eq!(url.matches('#').count(), 1);
        assert_eq!(
            read_fragment(&url),
            Fragment::Scenario(scenario_with_seed(&s, 7), vec![], None)
        );
    }

    /// The class's choices make an `s4.` link that reads back with them; none, an `s3.` link.
    #[test]
    fn a_shared_run_carries_the_class_choices() {
        use aliansi_sim::Resolution;
        let s = presets::default_scenario();
        let choices = vec![(2, Resolution::Arbitration), (3, Resolution::Avoidance)];
        let url = share_url("http://h/aliansi/#s1.old", &s, 9, None, &choices, Lang::Id);
        let start = format!(
            "http://h/aliansi/?lang=id&model={}#s4.",
            aliansi_sim::MODEL_VERSION
        );
        assert!(url.starts_with(&start), "{url}");
        assert_eq!(
            read_fragment(&url),
            Fragment::Scenario(scenario_with_seed(&s, 9), choices, None)
        );
        assert!(share_url("http://h/", &s, 9, None, &[], Lang::Id).contains("#s3."));
    }

    #[test]
    fn an_address_says_its_language_and_links_carry_it() {
        assert_eq!(lang_in("http://h/aliansi/?lang=id#s1.x"), Some(Lang::Id));
        assert_eq!(lang_in("http://h/?a=1&lang=ID-id"), Some(Lang::Id));
        assert_eq!(lang_in("http://h/?lang=en"), Some(Lang::En));
        // Another language, no value, a fragment that merely says lang=, no query: none.
        for none in [
            "http://h/?lang=fr",
            "http://h/?lang=",
            "http://h/?lang",
            "http://h/#s1.?lang=id",
            "http://h/aliansi/",
            "http://h/?language=id",
            "",
        ] {
            assert_eq!(lang_in(none), None, "{none}");
        }
        for (href, lang, want) in [
            ("http://h/aliansi/", Lang::Id, "http://h/aliansi/?lang=id"),
            (
                "http://h/aliansi/#s1.A",
                Lang::Id,
                "http://h/aliansi/?lang=id#s1.A",
            ),
            ("http://h/?lang=en#e1.B", Lang::Id, "http://h/?lang=id#e1.B"),
            (
                "http://h/?a=1&lang=id&b=2",
                Lang::En,
                "http://h/?a=1&lang=en&b=2",
            ),
            (
                "http://h/?lang=id&lang=en&x",
                Lang::Id,
                "http://h/?lang=id&x",
            ),
            ("http://h/?", Lang::En, "http://h/?lang=en"),
            (
                "http://h/?language=id",
                Lang::En,
                "http://h/?language=id&lang=en",
            ),
        ] {
            let got = with_lang(href, lang);
            assert_eq!(got, want, "{href}");
            assert_eq!(lang_in(&got), Some(lang));
            // The fragment, and so the link, is untouched.
            assert_eq!(fragment_text(&got), fragment_text(href), "{href}");
        }
    }

    #[test]
    fn broken_and_foreign_links_are_reported_not_panicked() {
        let long = format!("#s1.{}", "A".repeat(5000));
        for s in [
            "#s1.garbage",
            "#zzz",
            "#s2.AAAA",
            "#s1.",
            "#s1.!!!!",
            long.as_str(),
            "#%E2%9C%93",
            "#ü🙂",
        ] {
            match read_fragment(s) {
                Fragment::Broken { link, error } => {
                    assert!(!error.to_string().is_empty(), "{s}");
                    assert!(link.chars().count() <= SHOWN_CHARS + 1, "{link}");
                }
                other => panic!("{s:?} gave {other:?}"),
            }
        }
    }

    #[test]
    fn a_scenarios_name_travels_in_its_links() {
        let s = presets::default_scenario();
        let name = "Minggu 5: <img src=x onerror=alert(1)>";
        match read_fragment(&build_fragment(&s, 3, Some(name), &[])) {
            Fragment::Scenario(t, choices, Some(n)) => {
                assert_eq!(t, scenario_with_seed(&s, 3));
                assert!(choices.is_empty());
                assert_eq!(n, name, "as typed: the page shows it as text");
            }
            other => panic!("{other:?}"),
        }
        // With the class's choices (an `s4.` link) too.
        let frag = build_fragment(&s, 3, Some(" Week 6 "), &[(1, Resolution::Mediation)]);
        assert!(frag.starts_with("#s4."), "{frag}");
        assert!(
            matches!(read_fragment(&frag), Fragment::Scenario(_, c, Some(n)) if n == "Week 6" && c.len() == 1)
        );
        // No name, a blank one, or one longer than the library keeps: none in the link.
        let plain = build_fragment(&s, 3, None, &[]);
        for odd in ["", "   ", &"x".repeat(crate::storage::MAX_NAME_CHARS + 1)] {
            assert_eq!(build_fragment(&s, 3, Some(odd), &[]), plain, "{odd:?}");
        }
        assert!(matches!(
            read_fragment(&plain),
            Fragment::Scenario(_, _, None)
        ));
        // A link made elsewhere with such a name opens, without the name.
        let odd = format!(
            "#{}",
            aliansi_wire::encode_link_named(&s, Some(&"y".repeat(200)))
        );
        assert!(matches!(
            read_fragment(&odd),
            Fragment::Scenario(_, _, None)
        ));
        // An experiment link carries the scenario's name.
        let vs = crate::lessons::LESSONS[5].variants(Lang::En);
        let x = experiment(&s, 4, Some("Week 7"), &vs, 100).unwrap();
        match read_fragment(&experiment_url("http://h/", &x, Lang::En)) {
            Fragment::Experiment(y) => assert_eq!(y.name.as_deref(), Some("Week 7")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn truncated_real_link_is_broken() {
        let frag = build_fragment(&presets::default_scenario(), 1, None, &[]);
        let cut = &frag[..frag.len() / 2];
        assert!(matches!(read_fragment(cut), Fragment::Broken { .. }));
    }

    #[test]
    fn experiments_travel_whole() {
        let lesson = &crate::lessons::LESSONS[5];
        let vs = lesson.variants(crate::i18n::Lang::Id);
        let s = presets::default_scenario();
        let x = experiment(&s, 99, None, &vs, 250).unwrap();
        let url = experiment_url("http://h/aliansi/?lang=en#s1.old", &x, Lang::Id);
        let start = format!(
            "http://h/aliansi/?lang=id&model={}#e1.",
            aliansi_sim::MODEL_VERSION
        );
        assert!(url.starts_with(&start), "{url}");
        assert_eq!(lang_in(&url), Some(Lang::Id));
        assert_eq!(
            aliansi_wire::link_model(&url),
            Some(aliansi_sim::MODEL_VERSION)
        );
        match read_fragment(&url) {
            Fragment::Experiment(y) => {
                assert_eq!(y.scenario, scenario_with_seed(&s, 99));
                assert_eq!(variants_of(&y), vs);
                assert_eq!(y.runs, 250);
            }
            other => panic!("{other:?}"),
        }
        // What the wire format cannot hold is refused with a reason, not shared broken.
        let mut long = vs.clone();
        long[1].name = "x".repeat(500);
        assert!(experiment(&s, 1, None, &long, 250)
            .unwrap_err()
            .to_string()
            .contains("name"));
        assert!(experiment(&s, 1, None, &vs, 5)
            .unwrap_err()
            .to_string()
            .contains("runs"));
        // A link whose variants differ in horizon (Share makes none: Run refuses them) is
        // refused as it opens; the tab's own such variants are still kept over a reload.
        let mut mixed = vs.clone();
        mixed[1].scenario.horizon_months = 60;
        let x = Experiment {
            variants: mixed
                .iter()
                .map(|v| (v.name.clone(), v.scenario.clone()))
                .collect(),
            ..x
        };
        assert_eq!(x.validate(), Ok(()));
        let url = experiment_url("http://h/", &x, Lang::En);
        assert!(matches!(read_fragment(&url), Fragment::Broken { .. }));
        let kept = working_variants("", &mixed, 250).expect("kept");
        assert_eq!(kept_variants(&kept), Some((mixed, 250)));
    }

    #[test]
    fn shorten_cuts_on_characters() {
        assert_eq!(shorten("abc", 5), "abc");
        assert_eq!(shorten("ééééé", 2), "éé…");
    }
}
