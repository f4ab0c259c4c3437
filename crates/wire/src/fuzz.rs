//! The per-input checks of the fuzz targets (`crates/wire/fuzz`, cargo-fuzz), public so that
//! the targets and the normal tests (which replay the committed corpus on stable) run the same
//! code. Each check takes arbitrary bytes and panics if an invariant breaks:
//!
//! * decoding returns a value or a [`WireError`] whose message is one non-empty line;
//! * whatever decodes is valid, and re-encodes to text that decodes to the same value;
//! * `decode_link` and `decode_shared` agree on scenario links, `s1.` to `s4.` (`decode_shared`
//!   also gives an `s2.` or `s4.` link's choices);
//! * encoding is canonical: encoding what the encoding decodes to gives the same text;
//! * the model a link's address names (`link_model`) is a version word or nothing;
//! * a part file (a partial batch or sweep of the command line's `--chunk`) reads back as it
//!   was written, and what reads merges with itself (as two parts would) to a tally whose
//!   summary is finite, or is refused: never a panic or an overflow.

use crate::link::checked_link;
use crate::{
    decode_link_named, decode_shared, encode_experiment_link, encode_link, encode_link_named,
    encode_link_with_choices, from_value, parse_json, parse_v1, to_core, to_json, to_json_v1,
    to_value, Shared, WireError, CHECKED_LINK_PREFIX, CHECKED_RUN_LINK_PREFIX, EXPERIMENT_PREFIX,
    LINK_PREFIX, RUN_LINK_PREFIX,
};
use base64::Engine;

fn check_error(e: &WireError, input: &str) {
    let m = e.to_string();
    assert!(!m.trim().is_empty(), "empty error message for {input:?}");
    assert!(
        !m.contains('\n') && !m.contains('\r'),
        "error message on more than one line for {input:?}: {m:?}"
    );
}

/// Checks what a link text decodes to (see the module's invariants).
pub fn check_link_text(text: &str) {
    // The model an address names is a short version word, or none.
    if let Some(m) = crate::link_model(text) {
        assert!(
            !m.is_empty()
                && m.len() <= 32
                && m.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.'),
            "not a version: {m:?} from {text:?}"
        );
        // Read from the address's query, never from the link's fragment.
        let address = text.trim().split('#').next().unwrap_or("");
        assert!(
            address.contains(&format!("model={m}")),
            "{m:?} is not in the query of {text:?}"
        );
    }
    let shared = decode_shared(text);
    let single = decode_link_named(text);
    match &single {
        Ok((s, name)) => {
            assert!(s.validate().is_ok(), "decoded an invalid scenario");
            let link = encode_link_named(s, name.as_deref());
            assert!(link.starts_with(CHECKED_LINK_PREFIX));
            let again = decode_link_named(&link).expect("a re-encoded s3 link must decode");
            assert_eq!(&again, &(s.clone(), name.clone()), "s3 round trip");
            assert_eq!(
                encode_link_named(&again.0, again.1.as_deref()),
                link,
                "s3 encoding is not canonical"
            );
            if name.is_none() {
                assert_eq!(encode_link(s), link);
            }
            match &shared {
                Ok(Shared::Scenario {
                    scenario,
                    name: n,
                    choices,
                }) => {
                    assert_eq!(scenario, s, "decode_shared and decode_link disagree");
                    assert_eq!(
                        n, name,
                        "decode_shared and decode_link disagree on the name"
                    );
                    // With the choices: an s4 link (an s3 link without any), round trip.
                    let full = encode_link_with_choices(s, name.as_deref(), choices);
                    let prefix = if choices.is_empty() {
                        CHECKED_LINK_PREFIX
                    } else {
                        CHECKED_RUN_LINK_PREFIX
                    };
                    assert!(full.starts_with(prefix), "{full}");
                    let back = decode_shared(&full);
                    assert_eq!(
                        back.as_ref(),
                        Ok(&Shared::Scenario {
                            scenario: s.clone(),
                            name: name.clone(),
                            choices: choices.clone(),
                        }),
                        "s4 round trip"
                    );
                    if let Ok(Shared::Scenario {
                        scenario,
                        name,
                        choices,
                    }) = back
                    {
                        let again = encode_link_with_choices(&scenario, name.as_deref(), &choices);
                        assert_eq!(again, full, "s4 encoding is not canonical");
                    }
                }
                other => panic!("decode_link read {text:?} but decode_shared gave {other:?}"),
            }
        }
        Err(e) => {
            check_error(e, text);
            if let Ok(Shared::Scenario { .. }) = &shared {
                panic!("decode_shared read a scenario from {text:?} that decode_link refused: {e}");
            }
        }
    }
    match &shared {
        Ok(Shared::Scenario { .. }) => {} // checked above
        Ok(Shared::Experiment(x)) => {
            assert!(x.validate().is_ok(), "decoded an invalid experiment");
            let link = encode_experiment_link(x);
            assert!(link.starts_with(EXPERIMENT_PREFIX));
            match decode_shared(&link) {
                Ok(Shared::Experiment(y)) => {
                    assert_eq!(&y, x, "e1 round trip");
                    assert_eq!(
                        encode_experiment_link(&y),
                        link,
                        "e1 encoding is not canonical"
                    );
                }
                other => panic!("a re-encoded e1 link gave {other:?}"),
            }
        }
        Err(e) => check_error(e, text),
    }
}

/// The fuzz target `link_decode`: the bytes as link text (lossy UTF-8), and the bytes as the
/// payload of an `s1.`, an `s2.` and an `e1.` link (base64url), and of an `s3.` and an `s4.`
/// link with their checksum added, so that mutations reach the postcard decoder directly.
pub fn check_link(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    check_link_text(&text);
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(data);
    check_link_text(&format!("{LINK_PREFIX}{b64}"));
    check_link_text(&format!("{RUN_LINK_PREFIX}{b64}"));
    check_link_text(&format!("{EXPERIMENT_PREFIX}{b64}"));
    check_link_text(&checked_link(CHECKED_LINK_PREFIX, data.to_vec()));
    check_link_text(&checked_link(CHECKED_RUN_LINK_PREFIX, data.to_vec()));
}

/// Checks scenario JSON text: the wire struct round-trips through JSON text exactly, and a
/// scenario that parses is valid and round-trips through JSON text, JSON values and links.
pub fn check_json_text(text: &str) {
    match parse_v1(text) {
        Ok(v) => {
            let again = parse_v1(&to_json_v1(&v)).expect("re-written JSON must parse");
            assert_eq!(again, v, "wire struct JSON round trip");
        }
        Err(e) => check_error(&e, text),
    }
    match parse_json(text) {
        Ok(s) => {
            assert!(s.validate().is_ok(), "parsed an invalid scenario");
            let json = to_json(&s);
            assert_eq!(parse_json(&json).as_ref(), Ok(&s), "JSON text round trip");
            assert_eq!(
                to_json(&parse_json(&json).unwrap()),
                json,
                "JSON not canonical"
            );
            assert_eq!(
                from_value(&to_value(&s)).as_ref(),
                Ok(&s),
                "JSON value round trip"
            );
            let link = encode_link(&s);
            assert_eq!(
                decode_link_named(&link).map(|x| x.0).as_ref(),
                Ok(&s),
                "link round trip of a parsed scenario"
            );
            assert_eq!(to_core(&parse_v1(text).unwrap()).as_ref(), Ok(&s));
        }
        Err(e) => check_error(&e, text),
    }
}

/// The fuzz target `scenario_json`: the bytes as JSON text (lossy UTF-8).
pub fn check_json(data: &[u8]) {
    check_json_text(&String::from_utf8_lossy(data));
}

/// One-line, non-empty refusal of a part file.
fn check_part_error(e: &str, input: &str) {
    assert!(!e.trim().is_empty(), "empty error message for {input:?}");
    assert!(
        !e.contains('\n') && !e.contains('\r'),
        "error message on more than one line for {input:?}: {e:?}"
    );
}

/// A tally that read from a part file merges with itself, and its summary is finite.
fn check_merge(t: &aliansi_sim::BatchTally) {
    let mut twice = t.clone();
    match twice.merge(t) {
        Ok(()) => {
            assert_eq!(twice.runs, 2 * t.runs);
            let sm = twice.summary();
            for x in [sm.survival_at_horizon, sm.mean_value, sm.mean_final_trust] {
                assert!(x.is_finite(), "{x} in the summary of {t:?}");
            }
            assert!((0.0..=1.0).contains(&sm.survival_at_horizon));
        }
        Err(e) => {
            check_part_error(&e, &format!("{t:?}"));
            assert_eq!(&twice, t, "a refused merge changed the tally");
        }
    }
}

/// Checks a part file's text: a partial sweep (by its format) or a partial batch.
pub fn check_part_text(text: &str) {
    let Ok(v) = serde_json::from_str::<serde_json::Value>(text) else {
        return;
    };
    if crate::is_partial_sweep(&v) {
        match crate::partial_sweep_from_value(&v) {
            Ok(p) => {
                let again = crate::partial_sweep_from_value(&crate::partial_sweep_to_value(&p))
                    .expect("a re-written partial sweep must read");
                assert_eq!(again, p, "partial sweep round trip");
                for point in &p.points {
                    check_merge(&point.tally);
                }
            }
            Err(e) => check_part_error(&e, text),
        }
        return;
    }
    match crate::partial_from_value(&v) {
        Ok(p) => {
            let again = crate::partial_from_value(&crate::partial_to_value(&p))
                .expect("a re-written partial batch must read");
            assert_eq!(again, p, "partial batch round trip");
            check_merge(&p.tally);
        }
        Err(e) => check_part_error(&e, text),
    }
}

/// The fuzz target `part_file`: the bytes as a part file's text (lossy UTF-8).
pub fn check_part(data: &[u8]) {
    check_part_text(&String::from_utf8_lossy(data));
}
