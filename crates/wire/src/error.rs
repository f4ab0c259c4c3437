//! The one error type of the wire formats.

use std::fmt;

/// Why a scenario file, JSON value or share link could not be read. `Display` gives one
/// clear English line that names what was wrong.
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
                write!(f, "{}", one_line(message))?;
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
                "unsupported share link version \"{}\" (this build reads \"{}\" scenario links and \"{}\" experiment links)",
                one_line(v),
                crate::LINK_PREFIX.trim_end_matches('.'),
                crate::EXPERIMENT_PREFIX.trim_end_matches('.')
            ),
        }
    }
}

impl std::error::Error for WireError {}

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
