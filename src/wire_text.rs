//! Why a scenario file or a share link could not be read, in the reader's language.
//!
//! `aliansi_wire::WireError` says what was wrong in structured form, and its messages from the
//! JSON reader are serde's English ("missing field `partners`", "invalid type: string \"high\",
//! expected f64"). [`explain`] turns the common ones into a sentence for a student, in English
//! or Bahasa Indonesia; a message it does not recognise is shown as the reader wrote it.

use aliansi_wire::WireError;

use crate::i18n::{t, tf, Lang};

/// The reason, in one line, for "Could not import {file}: {reason}" or a broken link's notice.
pub fn explain(lang: Lang, e: &WireError) -> String {
    match e {
        WireError::Syntax {
            line,
            column,
            message,
        } => {
            let key = if message.starts_with("EOF while parsing") {
                "library.err.ends_early"
            } else if message.starts_with("number out of range") {
                // A number beyond what a double holds (`1e400`): serde_json stops there, as at
                // a syntax error, but only the number is at fault.
                "library.err.too_large_at"
            } else if message.starts_with("expected `,`") {
                // "expected `,` or `}`": the reader points where the comma belongs
                // (aliansi_wire's `syntax_error`).
                "library.err.comma"
            } else if message.starts_with("recursion limit exceeded") {
                // Valid JSON, nested deeper than serde_json follows (128 levels): no scenario
                // is nested more than four deep.
                "library.err.too_deep_at"
            } else {
                "library.err.syntax"
            };
            tf(
                lang,
                key,
                &[("line", &line.to_string()), ("column", &column.to_string())],
            )
        }
        WireError::Schema {
            path,
            message,
            line,
            column,
        } => {
            let mut out = at(path, &schema_message(lang, message));
            if *line > 0 {
                out.push_str(&tf(
                    lang,
                    "library.err.where",
                    &[("line", &line.to_string()), ("column", &column.to_string())],
                ));
            }
            out
        }
        WireError::MissingVersion => t(lang, "library.err.no_version").to_string(),
        WireError::UnsupportedVersion(v) => tf(
            lang,
            // `"1"` or `1.0`: perhaps the right version, but not written as the number.
            if v.bytes().all(|b| b.is_ascii_digit()) {
                "library.err.version"
            } else {
                "library.err.version_form"
            },
            &[
                ("found", v),
                ("ours", &aliansi_wire::SCENARIO_VERSION.to_string()),
            ],
        ),
        WireError::Invalid { field, message } => at(field, &range_message(lang, message)),
        WireError::Link(_) => t(lang, "library.err.link").to_string(),
        WireError::UnsupportedLinkVersion(v) => {
            tf(lang, "library.err.link_version", &[("found", v)])
        }
    }
}

/// `path: what`, or `what` alone at the top level.
fn at(path: &str, what: &str) -> String {
    if path.is_empty() {
        what.to_string()
    } else {
        format!("{path}: {what}")
    }
}

/// The text between the first two backticks of `s` (serde quotes names so).
fn quoted(s: &str) -> Option<&str> {
    let start = s.find('`')? + 1;
    let len = s[start..].find('`')?;
    Some(&s[start..start + len])
}

/// serde's messages about the shape of the JSON, in words.
fn schema_message(lang: Lang, m: &str) -> String {
    if let (true, Some(name)) = (m.starts_with("missing field"), quoted(m)) {
        return tf(lang, "library.err.missing_field", &[("name", name)]);
    }
    if let (true, Some(name)) = (m.starts_with("unknown field"), quoted(m)) {
        return tf(lang, "library.err.unknown_field", &[("name", name)]);
    }
    if let (true, Some(name)) = (m.starts_with("duplicate field"), quoted(m)) {
        return tf(lang, "library.err.duplicate_field", &[("name", name)]);
    }
    if let (true, Some(name)) = (m.starts_with("unknown variant"), quoted(m)) {
        let options = m
            .split_once("expected ")
            .map(|(_, rest)| rest.trim_start_matches("one of ").replace('`', ""))
            .unwrap_or_default();
        return tf(
            lang,
            "library.err.unknown_choice",
            &[("name", name), ("options", &options)],
        );
    }
    // A whole number out of its type's range: `invalid value: integer `-1`, expected u64`, or
    // one past what serde_json reads as an integer (2^64 and up), read as a double instead
    // (`invalid type: floating point `1e20`, expected u64`).
    if let Some((found, expected)) = m
        .strip_prefix("invalid value: integer ")
        .or_else(|| m.strip_prefix("invalid type: floating point "))
        .and_then(|rest| rest.split_once(", expected "))
    {
        let found = found.trim_matches('`');
        if matches!(expected, "u8" | "u16" | "u32" | "u64" | "usize") {
            if found.starts_with('-') {
                let value = crate::narrate::local_digits(lang, found);
                return tf(lang, "library.err.negative", &[("value", &value)]);
            }
            let huge = crate::number::parse_f64(found).is_some_and(|v| v >= u64::MAX as f64);
            if m.starts_with("invalid value") || huge {
                return t(lang, "library.err.too_large").to_string();
            }
        }
    }
    if let Some(rest) = m.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            if let (Some(found), Some(expected)) = (found_kind(lang, found), kind(lang, expected)) {
                return tf(
                    lang,
                    "library.err.wrong_type",
                    &[("found", &found), ("expected", &expected)],
                );
            }
        }
    }
    m.to_string()
}

/// What serde expected ("f64", "u32", "a string", "a boolean", "a sequence", "struct X"), in
/// words.
fn kind(lang: Lang, expected: &str) -> Option<String> {
    let e = expected.trim();
    let key = match e {
        "f64" | "f32" | "a number" => "number",
        "u8" | "u16" | "u32" | "u64" | "usize" | "i32" | "i64" => "whole",
        "a string" | "string" => "text",
        "a boolean" | "bool" => "bool",
        "a sequence" | "a list" => "list",
        _ if e.starts_with("struct ") || e == "a map" || e.starts_with("enum ") => "object",
        _ => return None,
    };
    Some(t(lang, &format!("library.err.kind.{key}")).to_string())
}

/// What the file had instead (`string "high"`, `floating point `1.5``, `boolean `true``,
/// `sequence`, `map`, `null`), in words, with its value.
fn found_kind(lang: Lang, found: &str) -> Option<String> {
    let with = |key: &str, value: &str| {
        let k = t(lang, &format!("library.err.kind.{key}"));
        if value.is_empty() {
            k.to_string()
        } else {
            format!("{k} {value}")
        }
    };
    let f = found.trim();
    Some(if let Some(v) = f.strip_prefix("string ") {
        with("text", v)
    } else if let Some(v) = f
        .strip_prefix("floating point ")
        .or_else(|| f.strip_prefix("integer "))
    {
        with("number", v.trim_matches('`'))
    } else if let Some(v) = f.strip_prefix("boolean ") {
        with("bool_value", v.trim_matches('`'))
    } else {
        match f {
            "sequence" => with("list", ""),
            "map" => with("object", ""),
            "null" | "unit value" => with("null", ""),
            _ => return None,
        }
    })
}

/// The core's range message ("must be in [0, 1], got 1.5", "must be a number in [0, 1], got
/// NaN") in words; any other message as written.
fn range_message(lang: Lang, m: &str) -> String {
    let parsed = m
        .strip_prefix("must be in [")
        .or_else(|| m.strip_prefix("must be a number in ["))
        .and_then(|rest| rest.split_once("], got "))
        .and_then(|(range, value)| {
            let (lo, hi) = range.split_once(", ")?;
            Some((lo, hi, value))
        });
    match parsed {
        Some((lo, hi, value)) => {
            let local = |s: &str| crate::narrate::local_digits(lang, s);
            tf(
                lang,
                "library.err.range",
                &[
                    ("lo", &local(lo)),
                    ("hi", &local(hi)),
                    ("value", &local(value)),
                ],
            )
        }
        None => m.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The error of importing `text`.
    fn error_of(text: &str) -> WireError {
        aliansi_wire::parse_json(text).expect_err(text)
    }

    fn good() -> serde_json::Value {
        serde_json::from_str(&aliansi_wire::to_json(
            &aliansi_sim::presets::default_scenario(),
        ))
        .unwrap()
    }

    #[test]
    fn common_mistakes_read_as_sentences_in_both_languages() {
        let mut no_partners = good();
        no_partners.as_object_mut().unwrap().remove("partners");
        let mut word_for_number = good();
        word_for_number["initial_trust"] = "high".into();
        let mut out_of_range = good();
        out_of_range["initial_trust"] = 1.5.into();
        let mut extra = good();
        extra["colour"] = "red".into();
        let cases: Vec<(String, &str, &str)> = vec![
            (
                "{ \"version\": 1, \"partners\": [".into(),
                "ends too early",
                "berakhir terlalu cepat",
            ),
            (
                "{ this is not".into(),
                "not valid JSON at line 1",
                "bukan JSON yang sah pada baris 1",
            ),
            (
                "{\n  \"version\": 1\n  \"seed\": 5\n}".into(),
                "not valid JSON at line 2, column 15: a comma or a closing bracket is missing there",
                "bukan JSON yang sah pada baris 2, kolom 15: ada koma atau kurung tutup yang hilang di situ",
            ),
            (
                format!("{}{}", "[".repeat(200), "]".repeat(200)),
                "nested too deeply at line 1, column 128",
                "bersarang terlalu dalam pada baris 1, kolom 128",
            ),
            ("{\"version\": 9}".into(), "version 9", "versi skenario 9"),
            (
                "{}".into(),
                "not an Aliansi scenario file",
                "bukan berkas skenario Aliansi",
            ),
            (
                no_partners.to_string(),
                "\"partners\" is missing",
                "\"partners\" tidak ada",
            ),
            (
                word_for_number.to_string(),
                "text \"high\" where a number",
                "teks \"high\", padahal seharusnya angka",
            ),
            (
                out_of_range.to_string(),
                "initial_trust: must be from 0 to 1, not 1.5",
                "initial_trust: harus antara 0 dan 1, bukan 1,5",
            ),
            (
                extra.to_string(),
                "\"colour\" is not a field",
                "\"colour\" bukan bidang",
            ),
        ];
        for (text, en, id) in &cases {
            let e = error_of(text);
            let (in_en, in_id) = (explain(Lang::En, &e), explain(Lang::Id, &e));
            assert!(in_en.contains(en), "{e:?}\nEN: {in_en}");
            assert!(in_id.contains(id), "{e:?}\nID: {in_id}");
            for serde_words in [
                "invalid type",
                "missing field",
                "EOF while",
                "unknown field",
                "expected f64",
            ] {
                assert!(
                    !in_id.contains(serde_words) && !in_en.contains(serde_words),
                    "{in_en} / {in_id}"
                );
            }
        }
    }

    /// Each file's error reads as the words given, in English and in Bahasa Indonesia, and not
    /// as serde's.
    fn assert_reads(cases: &[(String, &str, &str)]) {
        for (text, en, id) in cases {
            let e = error_of(text);
            let (in_en, in_id) = (explain(Lang::En, &e), explain(Lang::Id, &e));
            assert!(in_en.contains(en), "{e:?}\nEN: {in_en}");
            assert!(in_id.contains(id), "{e:?}\nID: {in_id}");
            for serde_words in [
                "invalid value",
                "duplicate field",
                "expected u",
                "out of range",
            ] {
                assert!(
                    !in_id.contains(serde_words) && !in_en.contains(serde_words),
                    "{in_en} / {in_id}"
                );
            }
        }
    }

    /// The default scenario's file with `from` replaced by `to`.
    fn good_with(from: &str, to: &str) -> String {
        let text = aliansi_wire::to_json(&aliansi_sim::presets::default_scenario());
        assert!(text.contains(from), "{from}");
        text.replacen(from, to, 1)
    }

    #[test]
    fn whole_numbers_out_of_range_and_repeated_fields_read_as_sentences() {
        let seed = aliansi_sim::presets::default_scenario().seed;
        let seed = format!("\"seed\": {seed}");
        let trust = "\"initial_trust\": ";
        assert_reads(&[
            (
                good_with(&seed, "\"seed\": -1"),
                "seed: must be a whole number of 0 or more, not -1",
                "seed: harus bilangan bulat 0 atau lebih, bukan -1",
            ),
            (
                // Past the largest integer serde_json reads: read as a double (1e20).
                good_with(&seed, "\"seed\": 99999999999999999999"),
                "seed: the number is too large",
                "seed: angkanya terlalu besar",
            ),
            (
                good_with(
                    "\"horizon_months\": ",
                    "\"horizon_months\": 5000000000, \"x\": ",
                ),
                "horizon_months: the number is too large",
                "horizon_months: angkanya terlalu besar",
            ),
            (
                good_with(trust, "\"initial_trust\": 0.5, \"initial_trust\": "),
                "\"initial_trust\" is given more than once",
                "\"initial_trust\" diisi lebih dari sekali",
            ),
        ]);
        // A whole number in range written with a decimal point is still named as such.
        let e = error_of(&good_with(&seed, "\"seed\": 5.0"));
        assert!(explain(Lang::En, &e).contains("a number 5.0 where a whole number"));
    }

    #[test]
    fn the_version_s_form_a_number_past_a_double_and_a_cut_file_read_as_sentences() {
        let cut = "{ \"version\": 1, \"partners\": [";
        assert_reads(&[
            (
                good_with("\"version\": 1", "\"version\": \"1\""),
                "\"version\" must be the number 1, not \"1\"",
                "\"version\" harus berupa angka 1, bukan \"1\"",
            ),
            (
                good_with("\"version\": 1", "\"version\": 1.0"),
                "must be the number 1, not 1.0",
                "harus berupa angka 1, bukan 1.0",
            ),
            (
                good_with("\"initial_trust\": ", "\"initial_trust\": 1e400, \"x\": "),
                "a number at line 5, column 24 is too large",
                "angka pada baris 5, kolom 24 terlalu besar",
            ),
        ]);
        // Not a question: the notice around it ends with a full stop.
        let e = error_of(cut);
        let (en, id) = (explain(Lang::En, &e), explain(Lang::Id, &e));
        assert!(en.ends_with("(line 1), so it may be incomplete"), "{en}");
        assert!(
            id.ends_with("(baris 1), jadi mungkin tidak lengkap"),
            "{id}"
        );
    }

    #[test]
    fn a_choice_outside_the_list_names_the_list() {
        let mut bad = good();
        bad["governance"]["form"] = "merger".into();
        let e = error_of(&bad.to_string());
        let text = explain(Lang::Id, &e);
        assert!(
            text.contains("\"merger\" bukan salah satu pilihan"),
            "{text}"
        );
        assert!(text.contains("contract"), "the choices are listed: {text}");
    }

    #[test]
    fn links_and_unknown_messages() {
        let broken = aliansi_wire::decode_shared("s1.garbage!").unwrap_err();
        assert_eq!(
            explain(Lang::Id, &broken),
            "tautan rusak atau tidak lengkap"
        );
        let foreign = aliansi_wire::decode_shared("s9.AAAA").unwrap_err();
        assert!(
            explain(Lang::En, &foreign).contains("another version"),
            "{foreign:?}"
        );
        // A message it does not know is kept as written.
        let odd = WireError::Invalid {
            field: "partners".into(),
            message: "something new".into(),
        };
        assert_eq!(explain(Lang::Id, &odd), "partners: something new");
    }
}
