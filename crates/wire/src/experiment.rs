//! Experiment links: `e1.<base64url, no padding, of the postcard bytes of [`ExperimentV1`]>`,
//! and [`decode_shared`], which reads both `s1.` scenario links and `e1.` experiment links.
//!
//! [`ExperimentV1`] is frozen like [`LinkV1`] (which it reuses for every scenario it holds): a
//! shipped version's struct never changes; a new format gets a new struct and prefix (`e2.`).

use aliansi_sim::{Resolution, Scenario};
use serde::{Deserialize, Serialize};

use crate::error::WireError;
use crate::link::{
    bad, decode_scenario_fragment, encode_payload, first_reading, link_of, payload_bytes,
    scenario_in_link, take_exact, version_of, LinkV1, CHECKED_LINK_PREFIX, CHECKED_RUN_LINK_PREFIX,
};

/// The prefix of version-1 experiment links.
pub const EXPERIMENT_PREFIX: &str = "e1.";
/// Most variants an experiment holds (the first is the base), as in the app's "Compare fairly".
pub const MAX_VARIANTS: usize = 4;
/// Longest experiment or variant name, in characters (the app's limit for scenario names).
pub const MAX_NAME_CHARS: usize = 80;
/// Fewest runs an experiment may ask for.
pub const MIN_RUNS: u64 = 10;
/// Most runs an experiment may ask for.
pub const MAX_RUNS: u64 = 100_000;

/// A whole experiment as the app shares it: the scenario (with its seed) and its name, up to
/// [`MAX_VARIANTS`] named variants (the first is the base) and the number of runs.
#[derive(Clone, Debug, PartialEq)]
pub struct Experiment {
    pub scenario: Scenario,
    /// At most [`MAX_NAME_CHARS`] characters, not blank.
    pub name: Option<String>,
    /// Each a name (1 to [`MAX_NAME_CHARS`] characters, not blank) and a full scenario.
    pub variants: Vec<(String, Scenario)>,
    /// [`MIN_RUNS`] to [`MAX_RUNS`].
    pub runs: u64,
}

/// What a shared link holds: a scenario (`s1.`, or `s2.` with the class's choices in its run)
/// or an experiment (`e1.`).
#[derive(Clone, Debug, PartialEq)]
pub enum Shared {
    Scenario {
        scenario: Scenario,
        name: Option<String>,
        /// The class's choices in the run of the scenario's seed (decision mode): each a
        /// dispute's id and the step tried first, in the order the disputes opened. Empty for
        /// an `s1.` link.
        choices: Vec<(u32, Resolution)>,
    },
    Experiment(Experiment),
}

/// The frozen wire struct of `e1.` links. The scenario is a whole [`LinkV1`] (its `name` is the
/// experiment's name); each variant is a [`LinkV1`] whose `name` is the variant's name
/// (required).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct ExperimentV1 {
    scenario: LinkV1,
    variants: Vec<LinkV1>,
    runs: u64,
}

fn check_name(field: &str, name: &str) -> Result<(), WireError> {
    if name.trim().is_empty() {
        return Err(crate::error::invalid(field, "must not be empty"));
    }
    let n = name.chars().count();
    if n > MAX_NAME_CHARS {
        return Err(crate::error::invalid(
            field,
            format!("must be at most {MAX_NAME_CHARS} characters, got {n}"),
        ));
    }
    Ok(())
}

/// The error of a decoded experiment field, as a link error (`invalid share link: runs: ...`).
fn as_link_error(e: WireError) -> WireError {
    match e {
        WireError::Invalid { field, message } => bad(format!("{field}: {message}")),
        other => other,
    }
}

impl Experiment {
    /// Checks everything an `e1.` link must hold: every scenario valid (the core's
    /// `Scenario::validate`), at most [`MAX_VARIANTS`] variants, names not blank and at most
    /// [`MAX_NAME_CHARS`] characters, runs in [[`MIN_RUNS`], [`MAX_RUNS`]]. Fields are named
    /// as `scenario.…`, `name`, `variants.K.name`, `variants.K.…`, `runs`.
    pub fn validate(&self) -> Result<(), WireError> {
        self.scenario
            .validate()
            .map_err(|e| crate::error::invalid(format!("scenario.{}", e.field), e.message))?;
        if let Some(name) = &self.name {
            check_name("name", name)?;
        }
        if self.variants.len() > MAX_VARIANTS {
            return Err(crate::error::invalid(
                "variants",
                format!(
                    "at most {MAX_VARIANTS} variants, got {}",
                    self.variants.len()
                ),
            ));
        }
        for (k, (name, s)) in self.variants.iter().enumerate() {
            check_name(&format!("variants.{k}.name"), name)?;
            s.validate().map_err(|e| {
                crate::error::invalid(format!("variants.{k}.{}", e.field), e.message)
            })?;
        }
        if !(MIN_RUNS..=MAX_RUNS).contains(&self.runs) {
            return Err(crate::error::invalid(
                "runs",
                format!("must be in [{MIN_RUNS}, {MAX_RUNS}], got {}", self.runs),
            ));
        }
        Ok(())
    }
}

/// The share-link fragment of an experiment: `e1.` then base64url (no padding) of postcard
/// bytes. Like [`crate::encode_link`] it does not validate: call [`Experiment::validate`]
/// first, since [`decode_shared`] refuses what is out of range (a name over
/// [`MAX_NAME_CHARS`], more than [`MAX_VARIANTS`] variants, runs out of range).
pub fn encode_experiment_link(x: &Experiment) -> String {
    let wire = ExperimentV1 {
        scenario: link_of(&x.scenario, x.name.as_deref()),
        variants: x
            .variants
            .iter()
            .map(|(name, s)| link_of(s, Some(name)))
            .collect(),
        runs: x.runs,
    };
    encode_payload(EXPERIMENT_PREFIX, &wire)
}

/// Reads any shared link this build knows: `s3.…` or `s1.…` (a scenario and its optional
/// title), `s4.…` or `s2.…` (the same with the class's choices in its run) or `e1.…` (an
/// experiment), as a bare
/// fragment, `#…` or a whole URL, surrounding whitespace ignored, padding optional. Total: any
/// input gives a value or a one-line [`WireError`], never a panic; everything decoded is
/// validated.
pub fn decode_shared(text: &str) -> Result<Shared, WireError> {
    first_reading(text, decode_shared_fragment)
}

fn decode_shared_fragment(frag: &str) -> Result<Shared, WireError> {
    if let Some(read) = decode_scenario_fragment(frag) {
        let (scenario, name, choices) = read?;
        return Ok(Shared::Scenario {
            scenario,
            name,
            choices,
        });
    }
    if let Some(payload) = frag.strip_prefix(EXPERIMENT_PREFIX) {
        return decode_experiment_payload(payload).map(Shared::Experiment);
    }
    if let Some(v) = version_of(frag).filter(|v| v.starts_with('s') || v.starts_with('e')) {
        return Err(WireError::UnsupportedLinkVersion(v));
    }
    Err(bad(format!(
        "expected a fragment starting with \"{CHECKED_LINK_PREFIX}\" or \"{CHECKED_RUN_LINK_PREFIX}\" (scenario) or \"{EXPERIMENT_PREFIX}\" (experiment)"
    )))
}

fn decode_experiment_payload(payload: &str) -> Result<Experiment, WireError> {
    let bytes = payload_bytes(payload, EXPERIMENT_PREFIX)?;
    let wire: ExperimentV1 = take_exact(&bytes)?;
    // Cheap structural checks first (before validating up to five scenarios).
    if wire.variants.len() > MAX_VARIANTS {
        return Err(bad(format!(
            "variants: at most {MAX_VARIANTS} variants, got {}",
            wire.variants.len()
        )));
    }
    let (scenario, name) = scenario_in_link(wire.scenario, "scenario.")?;
    let mut variants = Vec::with_capacity(wire.variants.len());
    for (k, link) in wire.variants.into_iter().enumerate() {
        let (s, name) = scenario_in_link(link, &format!("variants.{k}."))?;
        let name = name.ok_or_else(|| bad(format!("variants.{k}.name: missing")))?;
        variants.push((name, s));
    }
    let x = Experiment {
        scenario,
        name,
        variants,
        runs: wire.runs,
    };
    x.validate().map_err(as_link_error)?;
    Ok(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_prefixes_are_recognised() {
        assert_eq!(version_of("e7.AAA").as_deref(), Some("e7"));
        assert_eq!(version_of("s12.").as_deref(), Some("s12"));
        assert_eq!(version_of("x.AAA"), None);
        assert_eq!(version_of("é1.AAA"), None);
        assert_eq!(version_of("e1234567890.A"), None);
    }
}
