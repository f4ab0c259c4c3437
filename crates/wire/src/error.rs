//! The one error type of the wire formats.

use std::fmt;

/// Why a scenario file, JSON value or share link could not be read. `Display` gives one
/// clear English line that names what was wrong (serde's type names, such as `f64` or
/// `struct PartnerV1`, put into words). The fields keep serde's messages as they were: the
/// app words them itself (`src/wire_text.rs`).
#[derive(Clone, Debug, PartialEq)]
pub enum WireError {
    /// The text is not JSON at all.
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// The JSON is well formed but does not fit the schema: unknown field, wrong type,
    /// missing field. `path` is the field path as users type it (`partners.1.capacity`);
    /// empty at the top level. `line` is 0 when not known (JSON values without text).
    Schema {
        path: String,
        message: String,
        line: usize,
        column: usize,
    },
    /// The top level has no `"version"`.
    MissingVersion,
    /// The `"version"` is not one this build reads (the value as written).
    UnsupportedVersion(String),
    /// A value is outside its range or inconsistent. `field` is the path users type.
    Invalid { field: String, message: String },
    /// The share link is damaged, truncated or not an Aliansi link.
    Link(String),
    /// The share link is of a version this build does not read (the prefix as written).
    UnsupportedLinkVersion(String),
}

impl fmt::Display for WireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WireError::Syntax {
                line,
                column,
                message,
            } => {
                write!(
                    f,
                    "not valid JSON at line {line} column {column}: {}",
                    one_line(message)
                )
            }
            WireError::Schema {
                path,
                message,
                line,
                column,
            } => {
                if !path.is_empty() {
                    write!(f, "{}: ", one_line(path))?;
                }
                match in_words(path, message) {
                    Some(words) => write!(f, "{}", one_line(&words))?,
                    None => write!(f, "{}", one_line(message))?,
                }
                if *line > 0 {
                    write!(f, " (line {line} column {column})")?;
                }
                Ok(())
            }
            WireError::MissingVersion => write!(
                f,
                "missing \"version\" at the top level (this build reads scenario version {})",
                crate::SCENARIO_VERSION
            ),
            WireError::UnsupportedVersion(v) => write!(
                f,
                "unsupported scenario version {} (this build reads version {})",
                one_line(v),
                crate::SCENARIO_VERSION
            ),
            WireError::Invalid { field, message } => {
                write!(f, "{}: {}", one_line(field), one_line(message))
            }
            WireError::Link(m) => write!(f, "invalid share link: {}", one_line(m)),
            WireError::UnsupportedLinkVersion(v) => write!(
                f,
                "unsupported share link version \"{}\" (this build reads \"s1\" to \"{}\" scenario links and \"{}\" experiment links)",
                one_line(v),
                crate::CHECKED_RUN_LINK_PREFIX.trim_end_matches('.'),
                crate::EXPERIMENT_PREFIX.trim_end_matches('.')
            ),
        }
    }
}

impl std::error::Error for WireError {}

/// The six dimensions of a custom culture, in the order of the file format.
const CULTURE_DIMENSIONS: [&str; 6] = ["pdi", "idv", "mas", "uai", "lto", "ivr"];

/// serde's messages about the type of a value, in words: `invalid type: string "abc",
/// expected f64` becomes `expected a number, got the text "abc"`; a custom culture missing a
/// dimension names all six. `None` for any other message (kept as serde wrote it).
fn in_words(path: &str, message: &str) -> Option<String> {
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|m| m.strip_suffix('`'))
    {
        let culture = path == "culture" || path.ends_with(".culture");
        if culture && CULTURE_DIMENSIONS.contains(&field) {
            return Some(format!(
                "a custom culture needs all six dimensions: {}; {field} is missing",
                CULTURE_DIMENSIONS.join(", ")
            ));
        }
        return None;
    }
    let (range, rest) = if let Some(rest) = message.strip_prefix("invalid type: ") {
        (false, rest)
    } else if let Some(rest) = message.strip_prefix("invalid value: ") {
        (true, rest)
    } else {
        return None;
    };
    let (found, expected) = rest.split_once(", expected ")?;
    let expected_text = expected_words(expected, range)?;
    // A decimal comma, as Indonesian (and the command line's `--lang id`) writes numbers:
    // said how to write it instead.
    let comma = found
        .trim()
        .strip_prefix("string ")
        .map(|v| v.trim_matches('"'))
        .filter(|v| expected_text.contains("number") && decimal_comma(v))
        .map(|v| format!(" (decimals take a point: {})", v.replace(',', ".")))
        .unwrap_or_default();
    Some(format!(
        "expected {expected_text}, got {}{comma}",
        found_words(found)?
    ))
}

/// Whether `v` is a number written with a decimal comma (`0,8`, `-1,25`): digits, one comma,
/// digits.
fn decimal_comma(v: &str) -> bool {
    let v = v.strip_prefix('-').unwrap_or(v);
    v.split_once(',').is_some_and(|(a, b)| {
        !a.is_empty()
            && !b.is_empty()
            && a.bytes().all(|c| c.is_ascii_digit())
            && b.bytes().all(|c| c.is_ascii_digit())
    })
}

/// What serde expected (`f64`, `u32`, `a boolean`, `struct PartnerV1`...), in words; with
/// `range`, whole numbers say their range (the value was a whole number out of it).
fn expected_words(e: &str, range: bool) -> Option<String> {
    let whole = |max: &str| {
        if range {
            format!("a whole number from 0 to {max}")
        } else {
            "a whole number".to_string()
        }
    };
    Some(match e.trim() {
        "f64" | "f32" => "a number".to_string(),
        "u8" => whole("255"),
        "u16" => whole("65535"),
        "u32" => whole("4294967295"),
        "u64" | "usize" => whole("18446744073709551615"),
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number".to_string(),
        "a string" | "string" => "text".to_string(),
        "a boolean" | "bool" => "true or false".to_string(),
        "a sequence" => "a list".to_string(),
        "struct ScenarioV1" => "a scenario (a JSON object)".to_string(),
        "struct PartnerV1" => "a partner (a JSON object)".to_string(),
        "struct GoalsV1" => "goal weights (a JSON object)".to_string(),
        "struct HofstedeV1" => {
            format!(
                "six culture scores (a JSON object with {})",
                CULTURE_DIMENSIONS.join(", ")
            )
        }
        "struct GovernanceV1" => "the governance (a JSON object)".to_string(),
        "struct EnvironmentV1" => "the environment (a JSON object)".to_string(),
        "struct ScriptedShockV1" => "a scripted shock (a JSON object)".to_string(),
        "enum FormV1" => "one of contract, minority_equity, equity_jv".to_string(),
        "enum DecisionRuleV1" => "one of consensus, majority, lead_partner".to_string(),
        "enum SharingV1" => "one of equal, proportional, fixed".to_string(),
        "a map" => "a JSON object".to_string(),
        other if other.starts_with("struct ") => "a JSON object".to_string(),
        // The culture's own words ("a country code such as ...") and anything else unknown.
        other if !other.starts_with("enum ") && other.contains(' ') => other.to_string(),
        _ => return None,
    })
}

/// What the input held instead, as serde names it (`string "abc"`, `integer `5``,
/// `floating point `1.5``, `boolean `true``, `null`, `sequence`, `map`), in words.
fn found_words(found: &str) -> Option<String> {
    let f = found.trim();
    let ticked = |s: &str| s.trim_matches('`').to_string();
    Some(if let Some(v) = f.strip_prefix("string ") {
        format!("the text {v}")
    } else if let Some(v) = f
        .strip_prefix("integer ")
        .or_else(|| f.strip_prefix("floating point "))
    {
        ticked(v)
    } else if let Some(v) = f.strip_prefix("boolean ") {
        ticked(v)
    } else {
        match f {
            "null" | "unit value" => "null".to_string(),
            "sequence" => "a list".to_string(),
            "map" => "a JSON object".to_string(),
            _ => return None,
        }
    })
}

/// Text from the input (an unknown field or country code, say) as it may appear in a message:
/// control characters such as line breaks escaped, so every message stays on one line.
fn one_line(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(char::is_control) {
        s.chars()
            .map(|c| {
                if c.is_control() {
                    c.escape_default().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect::<String>()
            .into()
    } else {
        s.into()
    }
}

impl From<aliansi_sim::ScenarioError> for WireError {
    fn from(e: aliansi_sim::ScenarioError) -> WireError {
        WireError::Invalid {
            field: e.field,
            message: e.message,
        }
    }
}

pub(crate) fn invalid(field: impl Into<String>, message: impl Into<String>) -> WireError {
    WireError::Invalid {
        field: field.into(),
        message: message.into(),
    }
}
