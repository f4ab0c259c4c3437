//! Share links: `s1.<base64url, no padding, of the postcard bytes of [`LinkV1`]>`, a scenario;
//! `s2.<… of [`LinkV2`]>`, a scenario with the choices a class made in its run (decision mode).
//! `s3.` and `s4.` are `s1.` and `s2.` with a checksum: the same bytes followed by their
//! CRC-32C (4 bytes, little-endian) before base64url. Share makes these since 2026-12: a
//! character changed on the way (a typo in a link copied by hand; a quarter of the single
//! changes to an `s1.` link read as another valid scenario) is then refused as damaged, not
//! opened as a different scenario.
//!
//! The structs here are frozen: a shipped version's struct never changes. A new format is a
//! new module-level struct with a new prefix (`s5.`), and [`decode_link`] keeps reading `s1.`
//! to `s4.`.
//! Enumerations are stored as small numbers through exhaustive `match`es, so a new variant in
//! the core breaks the build here rather than silently changing a shipped encoding.

use aliansi_sim::{
    Country, Culture, CultureSpec, DecisionRule, Environment, Form, Governance, Partner,
    Resolution, Scenario, ScriptedShock, Sharing, ShockKind,
};
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine;
use serde::{Deserialize, Serialize};

use crate::error::WireError;

/// The prefix of version-1 links.
pub const LINK_PREFIX: &str = "s1.";
/// The prefix of version-2 links: a scenario and the class's choices in its run.
pub const RUN_LINK_PREFIX: &str = "s2.";
/// The prefix of version-3 links: a version-1 link's bytes and their checksum.
pub const CHECKED_LINK_PREFIX: &str = "s3.";
/// The prefix of version-4 links: a version-2 link's bytes and their checksum.
pub const CHECKED_RUN_LINK_PREFIX: &str = "s4.";
/// Most choices an `s2.` link holds.
pub const MAX_CHOICES: usize = 10_000;

/// Longest link text [`decode_link`] looks at (characters); longer input is refused.
pub const MAX_LINK_CHARS: usize = 1 << 20;

/// The checksum of `s3.` and `s4.` links: CRC-32C (Castagnoli), computed bit by bit (a link
/// is at most a few kilobytes; a table would add a kilobyte to the page's first load).
const CRC: crc::Crc<u32, crc::NoTable> = crc::Crc::<u32, crc::NoTable>::new(&crc::CRC_32_ISCSI);

const B64: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// A number: thousandths when that is exact (most values users type), else the raw bits.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
enum Num {
    Milli(i64),
    Raw(f64),
}

impl Num {
    fn of(v: f64) -> Num {
        let m = (v * 1000.0).round();
        if v.is_finite()
            && m.abs() < 9.0e15
            && ((m as i64) as f64 / 1000.0).to_bits() == v.to_bits()
        {
            Num::Milli(m as i64)
        } else {
            Num::Raw(v)
        }
    }
    fn get(self) -> f64 {
        match self {
            Num::Milli(m) => m as f64 / 1000.0,
            Num::Raw(v) => v,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct LinkV1 {
    /// Optional scenario title.
    pub(crate) name: Option<String>,
    horizon_months: u32,
    seed: u64,
    initial_trust: Num,
    partners: Vec<LinkPartnerV1>,
    governance: LinkGovernanceV1,
    environment: LinkEnvironmentV1,
}

/// The frozen wire struct of `s2.` links: a whole [`LinkV1`] (the scenario with its seed and
/// title) and the class's choices in that run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct LinkV2 {
    scenario: LinkV1,
    /// At least one, in the order the disputes opened (ids strictly increasing).
    choices: Vec<ChoiceV2>,
}

/// A class's choice: the dispute (its id in the run, from 1) and the step tried first (the
/// code of [`step_code`]).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
struct ChoiceV2 {
    dispute: u32,
    step: u8,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct LinkPartnerV1 {
    name: String,
    culture: LinkCultureV1,
    /// In the order market_access, technology, cost_efficiency, risk_sharing, growth.
    goals: [Num; 5],
    capacity: Num,
    contribution: Num,
    expected_share: Num,
    opportunism: Num,
    learning_intent: Num,
    adaptability: Num,
    patience: Num,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
enum LinkCultureV1 {
    /// ISO code as in the JSON format.
    Country(String),
    /// pdi, idv, mas, uai, lto, ivr.
    Custom([Num; 6]),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
enum LinkSharingV1 {
    Equal,
    Proportional,
    Fixed(Vec<Num>),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct LinkGovernanceV1 {
    /// 0 contract, 1 minority_equity, 2 equity_jv.
    form: u8,
    /// 0 consensus, 1 majority, 2 lead_partner.
    decision_rule: u8,
    transparency: Num,
    monitoring: Num,
    sharing: LinkSharingV1,
    review_months: u32,
    exit_penalty_months: Num,
    compliance: Num,
    alliance_manager: bool,
    /// 0 avoidance, 1 negotiation, 2 mediation, 3 arbitration, 4 escalation.
    resolution: Vec<u8>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct LinkEnvironmentV1 {
    volatility: Num,
    growth: Num,
    shock_rate_per_year: Num,
    shock_severity: Num,
    regulatory_strictness: Num,
    rivalry: Num,
    scripted_shocks: Vec<LinkShockV1>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct LinkShockV1 {
    month: u32,
    /// 0 demand_collapse, 1 demand_boom, 2 technology_shift, 3 regulatory_change,
    /// 4 competitor_entry, 5 partner_crisis, 6 leadership_change.
    kind: u8,
    severity: Num,
    partner: Option<u32>,
}

fn form_code(f: Form) -> u8 {
    match f {
        Form::Contract => 0,
        Form::MinorityEquity => 1,
        Form::EquityJv => 2,
    }
}
fn form_of(c: u8) -> Option<Form> {
    Some(match c {
        0 => Form::Contract,
        1 => Form::MinorityEquity,
        2 => Form::EquityJv,
        _ => return None,
    })
}
fn rule_code(r: DecisionRule) -> u8 {
    match r {
        DecisionRule::Consensus => 0,
        DecisionRule::Majority => 1,
        DecisionRule::LeadPartner => 2,
    }
}
fn rule_of(c: u8) -> Option<DecisionRule> {
    Some(match c {
        0 => DecisionRule::Consensus,
        1 => DecisionRule::Majority,
        2 => DecisionRule::LeadPartner,
        _ => return None,
    })
}
fn step_code(r: Resolution) -> u8 {
    match r {
        Resolution::Avoidance => 0,
        Resolution::Negotiation => 1,
        Resolution::Mediation => 2,
        Resolution::Arbitration => 3,
        Resolution::Escalation => 4,
    }
}
fn step_of(c: u8) -> Option<Resolution> {
    Some(match c {
        0 => Resolution::Avoidance,
        1 => Resolution::Negotiation,
        2 => Resolution::Mediation,
        3 => Resolution::Arbitration,
        4 => Resolution::Escalation,
        _ => return None,
    })
}
fn shock_code(k: ShockKind) -> u8 {
    match k {
        ShockKind::DemandCollapse => 0,
        ShockKind::DemandBoom => 1,
        ShockKind::TechnologyShift => 2,
        ShockKind::RegulatoryChange => 3,
        ShockKind::CompetitorEntry => 4,
        ShockKind::PartnerCrisis => 5,
        ShockKind::LeadershipChange => 6,
    }
}
fn shock_of(c: u8) -> Option<ShockKind> {
    Some(match c {
        0 => ShockKind::DemandCollapse,
        1 => ShockKind::DemandBoom,
        2 => ShockKind::TechnologyShift,
        3 => ShockKind::RegulatoryChange,
        4 => ShockKind::CompetitorEntry,
        5 => ShockKind::PartnerCrisis,
        6 => ShockKind::LeadershipChange,
        _ => return None,
    })
}

pub(crate) fn link_of(s: &Scenario, name: Option<&str>) -> LinkV1 {
    let g = &s.governance;
    let e = &s.environment;
    LinkV1 {
        name: name.map(str::to_string),
        horizon_months: s.horizon_months,
        seed: s.seed,
        initial_trust: Num::of(s.initial_trust),
        partners: s
            .partners
            .iter()
            .map(|p| LinkPartnerV1 {
                name: p.name.clone(),
                culture: match p.culture {
                    CultureSpec::Country(c) => LinkCultureV1::Country(c.code().to_string()),
                    CultureSpec::Custom(c) => LinkCultureV1::Custom(c.dims().map(Num::of)),
                },
                goals: p.goals.map(Num::of),
                capacity: Num::of(p.capacity),
                contribution: Num::of(p.contribution),
                expected_share: Num::of(p.expected_share),
                opportunism: Num::of(p.opportunism),
                learning_intent: Num::of(p.learning_intent),
                adaptability: Num::of(p.adaptability),
                patience: Num::of(p.patience),
            })
            .collect(),
        governance: LinkGovernanceV1 {
            form: form_code(g.form),
            decision_rule: rule_code(g.decision_rule),
            transparency: Num::of(g.transparency),
            monitoring: Num::of(g.monitoring),
            sharing: match &g.sharing {
                Sharing::Equal => LinkSharingV1::Equal,
                Sharing::Proportional => LinkSharingV1::Proportional,
                Sharing::Fixed(v) => LinkSharingV1::Fixed(v.iter().map(|x| Num::of(*x)).collect()),
            },
            review_months: g.review_months,
            exit_penalty_months: Num::of(g.exit_penalty_months),
            compliance: Num::of(g.compliance),
            alliance_manager: g.alliance_manager,
            resolution: g.resolution.iter().map(|r| step_code(*r)).collect(),
        },
        environment: LinkEnvironmentV1 {
            volatility: Num::of(e.volatility),
            growth: Num::of(e.growth),
            shock_rate_per_year: Num::of(e.shock_rate_per_year),
            shock_severity: Num::of(e.shock_severity),
            regulatory_strictness: Num::of(e.regulatory_strictness),
            rivalry: Num::of(e.rivalry),
            scripted_shocks: e
                .scripted_shocks
                .iter()
                .map(|x| LinkShockV1 {
                    month: x.month,
                    kind: shock_code(x.kind),
                    severity: Num::of(x.severity),
                    // Validated scenarios have fewer than 30 partners; saturate anything else.
                    partner: x.partner.map(|p| u32::try_from(p).unwrap_or(u32::MAX)),
                })
                .collect(),
        },
    }
}

pub(crate) fn bad(what: impl Into<String>) -> WireError {
    WireError::Link(what.into())
}

pub(crate) fn scenario_of(l: LinkV1) -> Result<Scenario, WireError> {
    let mut partners = Vec::with_capacity(l.partners.len());
    for (i, p) in l.partners.into_iter().enumerate() {
        let culture = match p.culture {
            LinkCultureV1::Country(code) => CultureSpec::Country(
                Country::from_code(&code)
                    .ok_or_else(|| bad(format!("partner {i} has an unknown country code")))?,
            ),
            LinkCultureV1::Custom(d) => CultureSpec::Custom(Culture::from_dims(d.map(Num::get))),
        };
        partners.push(Partner {
            name: p.name,
            culture,
            goals: p.goals.map(Num::get),
            capacity: p.capacity.get(),
            contribution: p.contribution.get(),
            expected_share: p.expected_share.get(),
            opportunism: p.opportunism.get(),
            learning_intent: p.learning_intent.get(),
            adaptability: p.adaptability.get(),
            patience: p.patience.get(),
        });
    }
    let g = l.governance;
    let mut resolution = Vec::with_capacity(g.resolution.len());
    for c in g.resolution {
        resolution.push(step_of(c).ok_or_else(|| bad("unknown conflict-resolution step"))?);
    }
    let e = l.environment;
    let mut scripted = Vec::with_capacity(e.scripted_shocks.len());
    for x in e.scripted_shocks {
        scripted.push(ScriptedShock {
            month: x.month,
            kind: shock_of(x.kind).ok_or_else(|| bad("unknown shock kind"))?,
            severity: x.severity.get(),
            partner: match x.partner {
                None => None,
                Some(p) => Some(usize::try_from(p).map_err(|_| bad("partner index too large"))?),
            },
        });
    }
    let s = Scenario {
        horizon_months: l.horizon_months,
        seed: l.seed,
        initial_trust: l.initial_trust.get(),
        partners,
        governance: Governance {
            form: form_of(g.form).ok_or_else(|| bad("unknown legal form"))?,
            decision_rule: rule_of(g.decision_rule).ok_or_else(|| bad("unknown decision rule"))?,
            transparency: g.transparency.get(),
            monitoring: g.monitoring.get(),
            sharing: match g.sharing {
                LinkSharingV1::Equal => Sharing::Equal,
                LinkSharingV1::Proportional => Sharing::Proportional,
                LinkSharingV1::Fixed(v) => Sharing::Fixed(v.into_iter().map(Num::get).collect()),
            },
            review_months: g.review_months,
            exit_penalty_months: g.exit_penalty_months.get(),
            compliance: g.compliance.get(),
            alliance_manager: g.alliance_manager,
            resolution,
        },
        environment: Environment {
            volatility: e.volatility.get(),
            growth: e.growth.get(),
            shock_rate_per_year: e.shock_rate_per_year.get(),
            shock_severity: e.shock_severity.get(),
            regulatory_strictness: e.regulatory_strictness.get(),
            rivalry: e.rivalry.get(),
            scripted_shocks: scripted,
        },
    };
    s.validate()?;
    Ok(s)
}

/// The share-link fragment of a scenario: `s3.` then base64url (no padding) of its postcard
/// bytes and their checksum.
pub fn encode_link(s: &Scenario) -> String {
    encode_link_named(s, None)
}

/// Like [`encode_link`], with an optional title carried in the link.
pub fn encode_link_named(s: &Scenario, name: Option<&str>) -> String {
    encode_checked(CHECKED_LINK_PREFIX, &link_of(s, name))
}

/// The share link of a scenario and of the choices a class made in its run (decision mode:
/// each a dispute's id and the step tried first, in the order the disputes opened, as
/// `World::choose_resolution` took them). Without choices it is the `s3.` link of
/// [`encode_link_named`]; with them an `s4.` link.
/// Like [`encode_link`] it does not validate: [`decode_shared`](crate::decode_shared) refuses
/// more than [`MAX_CHOICES`] choices and ids that do not increase.
pub fn encode_link_with_choices(
    s: &Scenario,
    name: Option<&str>,
    choices: &[(u32, Resolution)],
) -> String {
    if choices.is_empty() {
        return encode_link_named(s, name);
    }
    let wire = LinkV2 {
        scenario: link_of(s, name),
        choices: choices
            .iter()
            .map(|&(dispute, step)| ChoiceV2 {
                dispute,
                step: step_code(step),
            })
            .collect(),
    };
    encode_checked(CHECKED_RUN_LINK_PREFIX, &wire)
}

/// Reads a share link back: the bare fragment (`s3.…`), `#s3.…`, or a whole URL containing
/// `#s3.…`; also `s1.` links, and `s2.` and `s4.` links, which give their scenario (their
/// choices are read by [`decode_shared`](crate::decode_shared)). Total: any input gives a
/// scenario or an error, never a panic.
pub fn decode_link(text: &str) -> Result<Scenario, WireError> {
    decode_link_named(text).map(|(s, _)| s)
}

/// Like [`decode_link`], also returning the title carried in the link, if any.
pub fn decode_link_named(text: &str) -> Result<(Scenario, Option<String>), WireError> {
    first_reading(text, decode_link_fragment)
}

/// The first of a link's readings ([`fragments`]) that `decode` takes, or the first reading's
/// error (a link broken by spaces reads as its first piece would).
pub(crate) fn first_reading<T>(
    text: &str,
    decode: impl Fn(&str) -> Result<T, WireError>,
) -> Result<T, WireError> {
    let mut readings = fragments(text)?.into_iter();
    let first = decode(&readings.next().unwrap_or_default());
    if first.is_ok() {
        return first;
    }
    readings.find_map(|r| decode(&r).ok()).map_or(first, Ok)
}

fn decode_link_fragment(frag: &str) -> Result<(Scenario, Option<String>), WireError> {
    if let Some(read) = decode_scenario_fragment(frag) {
        return read.map(|(s, name, _)| (s, name));
    }
    // Another version of ours ("s7.…")? Say so; else it is not one of our links.
    if let Some(v) = version_of(frag).filter(|v| v.starts_with('s')) {
        return Err(WireError::UnsupportedLinkVersion(v));
    }
    Err(bad(format!(
        "expected a fragment starting with \"{CHECKED_LINK_PREFIX}\" or \"{CHECKED_RUN_LINK_PREFIX}\""
    )))
}

/// A scenario link of any version (`s1.` to `s4.`), read: its scenario, title and choices
/// (none but in `s2.` and `s4.` links); `None` if `frag` has none of their prefixes.
pub(crate) fn decode_scenario_fragment(frag: &str) -> Option<Result<SharedRun, WireError>> {
    let no_choices = |(s, name)| (s, name, Vec::new());
    if let Some(payload) = frag.strip_prefix(CHECKED_LINK_PREFIX) {
        let read = checked_bytes(payload, CHECKED_LINK_PREFIX).and_then(|b| decode_v1_bytes(&b));
        return Some(read.map(no_choices));
    }
    if let Some(payload) = frag.strip_prefix(CHECKED_RUN_LINK_PREFIX) {
        return Some(
            checked_bytes(payload, CHECKED_RUN_LINK_PREFIX).and_then(|b| decode_v2_bytes(&b)),
        );
    }
    if let Some(payload) = frag.strip_prefix(LINK_PREFIX) {
        let read = payload_bytes(payload, LINK_PREFIX).and_then(|b| decode_v1_bytes(&b));
        return Some(read.map(no_choices));
    }
    if let Some(payload) = frag.strip_prefix(RUN_LINK_PREFIX) {
        return Some(payload_bytes(payload, RUN_LINK_PREFIX).and_then(|b| decode_v2_bytes(&b)));
    }
    None
}

/// The most pieces a link broken by spaces or line breaks is put back together from.
const MAX_PIECES: usize = 12;

/// The readings of a link to try in turn. First the fragment of the link as pasted (see
/// [`fragment_as_sent`]), with what chat apps and sentences do to links undone:
/// percent-encoded characters decoded (`%2E`, `%41`), text after it dropped (from the first
/// space, `&` or `?`: tracking text such as `&utm_source=wa` or `?fbclid=…`), punctuation stuck
/// to its end dropped (`.`, `)`, `,`, `"`, `…`: no payload character is one of them), and a
/// capital version letter (`S1.`) read as small; a link whose data was cut or changed still
/// fails. Then, for a link broken by spaces or line breaks (a line-wrapped copy, a `%20` or `%0A` inside it), its first piece joined with
/// each following piece that holds only base64url characters (and may end the link: text
/// after it, punctuation stuck to it), one more each time. No reading but the first can give
/// another link's data: base64url is a stream of bits, so a joined text's bytes begin with
/// every byte of the shorter text's, and a payload's bytes hold exactly one value (trailing
/// bytes are refused). A joined reading is tried only when the shorter ones fail: a link
/// that decodes with text after it stays as it was read.
///
/// Before any of it, what a chat app or a word processor puts into a link is taken out again:
/// invisible characters (zero-width spaces and joiners, soft hyphens, byte-order marks: none
/// is ever in a link), a space or line break inside the version prefix (`s` / `1.…`), and a
/// percent-encoding applied twice (`%2520`). Last, each reading that ends in one or two `_` or
/// `-` is tried without them (WhatsApp's italics `_…_`, a dash after a link): those are
/// base64url characters, so the reading as pasted is tried first, and one cut shorter is a
/// strict prefix of a reading already tried, which never gives another link's data (as above).
pub(crate) fn fragments(text: &str) -> Result<Vec<String>, WireError> {
    let frag = fragment_as_sent(text)?;
    let mended = mended(frag);
    let mut out = joined_readings(&mended);
    for i in 0..out.len() {
        let mut r = out[i].clone();
        for _ in 0..2 {
            match r.strip_suffix(['_', '-']) {
                Some(t) if t.split_once('.').is_some_and(|(_, p)| !p.is_empty()) => {
                    r = t.to_string();
                    out.push(r.clone());
                }
                _ => break,
            }
        }
    }
    Ok(out)
}

/// The text of a link with what chat apps and word processors put into it taken out (see
/// [`fragments`]).
fn mended(frag: &str) -> String {
    // Twice encoded ("%2520"): decoded until nothing is left to decode (three rounds at most).
    let mut text = frag.to_string();
    for _ in 0..3 {
        match percent_decoded(&text) {
            std::borrow::Cow::Owned(once) => text = once,
            std::borrow::Cow::Borrowed(_) => break,
        }
    }
    text.retain(|c| {
        !matches!(
            c,
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
        )
    });
    // A break inside the version prefix ("s\n1.…", "s1\n.…"): the prefix's three characters
    // put back together, if they make one ("s1.", "S2.", "e1.").
    let start = text.trim_start();
    let mut head = String::new();
    let mut end = 0;
    for (i, c) in start
        .char_indices()
        .filter(|(_, c)| !c.is_whitespace())
        .take(3)
    {
        head.push(c);
        end = i + c.len_utf8();
    }
    // Spread over more bytes than its characters: whitespace inside it.
    if end > head.len() && version_of(&head.to_ascii_lowercase()).is_some() {
        return format!("{head}{}", &start[end..]);
    }
    text
}

/// The readings of a mended link: its first piece, then that piece joined with each
/// following one (see [`fragments`]).
fn joined_readings(decoded: &str) -> Vec<String> {
    let mut pieces = decoded.split_whitespace();
    let first = pieces.next().unwrap_or("");
    let mut out = vec![cleaned(first)];
    let payload = |t: &str| {
        t.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    // Only a payload (or a prefix alone, "s1.") that runs to the end of its piece can go on in
    // the next: not "e1.!!!", nor a piece cut at '&' or '?' or ended by punctuation.
    if !first.split_once('.').is_some_and(|(_, p)| payload(p)) {
        return out;
    }
    let mut joined = first.to_string();
    for piece in pieces.take(MAX_PIECES - 1) {
        let end = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_');
        let part = piece
            .split(['&', '?'])
            .next()
            .unwrap_or("")
            .trim_end_matches(|c: char| !end(c));
        if part.is_empty() || !payload(part) {
            break;
        }
        joined.push_str(part);
        out.push(cleaned(&joined));
        if part.len() != piece.len() {
            // Text or punctuation stuck to it ended the link.
            break;
        }
    }
    out
}

/// The first piece of a link as [`fragments`] reads it first: cut at '&' or '?', punctuation stuck to its
/// end dropped (after some payload), a capital version letter made small.
fn cleaned(first: &str) -> String {
    // Tracking text appended to a link ("&utm_source=wa", "?fbclid=…") ends it, as a space
    // does: neither '&' nor '?' is ever in a fragment we write (base64url is A-Z, a-z, 0-9,
    // '-' and '_'; the decoder also takes '=' padding, which is not cut at). Other characters
    // are left to the decoder, which names them ("'!' at character 5 is not ...").
    //
    // This never makes a link changed in the middle decode to something else: a '&' or '?'
    // put into (or over a character of) a link leaves the text before it, a strict prefix
    // of the payload. Its base64url is refused (a length no base64url has, or a last
    // character with bits left over) or decodes to a strict prefix of the postcard bytes,
    // and those are refused too: postcard reads the bytes in order, so it reads exactly
    // what it read on the whole payload until it needs a byte that was cut off ("it ends
    // too early"). See `a_query_mark_inside_a_payload_is_refused` below.
    let first = first.split(['&', '?']).next().unwrap_or("");
    // Only after some payload: "e1.!!!" stays as it is (and is refused as not base64url).
    let end = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '=');
    let trimmed = first.trim_end_matches(|c: char| !end(c));
    let payload_left = trimmed
        .split_once('.')
        .is_some_and(|(_, payload)| !payload.is_empty());
    let kept = if payload_left { trimmed } else { first };
    let mut out = kept.to_string();
    if out.starts_with(|c: char| c.is_ascii_uppercase())
        && version_of(&out.to_ascii_lowercase()).is_some()
    {
        out[..1].make_ascii_lowercase();
    }
    out
}

/// `%XX` sequences decoded, if the result is UTF-8 text; otherwise the text as it is.
fn percent_decoded(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('%') {
        return text.into();
    }
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |k: usize| b.get(k).and_then(|c| (*c as char).to_digit(16));
        match (b[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).map_or(text.into(), Into::into)
}

/// The fragment of a link as pasted: length checked, surrounding whitespace dropped, the part
/// after the last `#` if there is one.
fn fragment_as_sent(text: &str) -> Result<&str, WireError> {
    if text.len() > MAX_LINK_CHARS {
        return Err(bad(format!(
            "too long ({} characters; at most {MAX_LINK_CHARS})",
            text.len()
        )));
    }
    let text = text.trim();
    if text.is_empty() {
        return Err(bad("empty"));
    }
    // The fragment is what follows the last '#', if there is one.
    let frag = match text.rfind('#') {
        Some(i) => &text[i + 1..],
        None => text,
    };
    Ok(frag.trim())
}

/// The query parameter of a link's address that names the model its sender ran:
/// `…/aliansi/?lang=id&model=2026-11-30.5#s1.…`.
pub const MODEL_PARAM: &str = "model";

/// The model version a link's address names in its [`MODEL_PARAM`] query parameter, if it
/// names one: the version of the model whose runs its sender saw. The app's share links carry
/// it since model 2026-11-30.5; older links, bare fragments (`s1.…`, `#s1.…`) and addresses
/// without it give `None`, as does a value that is not a version (only ASCII letters, digits,
/// `-` and `.`, at most 32 characters). It lies outside the link's payload, so every reader,
/// old or new, decodes the scenario alike whatever it says.
pub fn link_model(text: &str) -> Option<&str> {
    query_param(text, MODEL_PARAM).filter(|v| {
        !v.is_empty()
            && v.len() <= 32
            && v.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
    })
}

/// The value of the query parameter `name` in a link's address (`…/?lang=id&model=…#s1.…`),
/// as written; `None` without a query, without that parameter or without a value part. Only
/// the address before the fragment is read.
pub fn query_param<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    let before = text.trim().split('#').next()?;
    let (_, query) = before.split_once('?')?;
    query
        .split('&')
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// The model a link's sender ran, when it is not this build's
/// ([`aliansi_sim::MODEL_VERSION`]): the link's scenario is the same, but its runs may differ
/// from the ones its sender saw. `None` for a link of this model or one that does not say.
pub fn link_from_other_model(text: &str) -> Option<&str> {
    link_model(text).filter(|v| *v != aliansi_sim::MODEL_VERSION)
}

/// The version prefix of a fragment that looks like one of ours (`s7.…`, `e2.…`): a lowercase
/// letter, 1 to 9 digits and a dot. Returned without the dot.
pub(crate) fn version_of(frag: &str) -> Option<String> {
    let mut chars = frag.chars();
    let letter = chars.next().filter(|c| c.is_ascii_lowercase())?;
    let rest = chars.as_str();
    let dot = rest.find('.')?;
    let digits = &rest[..dot];
    if !digits.is_empty() && digits.len() <= 9 && digits.bytes().all(|b| b.is_ascii_digit()) {
        Some(format!("{letter}{digits}"))
    } else {
        None
    }
}

/// The bytes of a base64url payload (padding optional) written after `prefix`.
pub(crate) fn payload_bytes(payload: &str, prefix: &str) -> Result<Vec<u8>, WireError> {
    B64.decode(payload.as_bytes()).map_err(|e| {
        bad(format!(
            "the text after \"{prefix}\" is not base64url ({})",
            base64_words(payload, &e)
        ))
    })
}

/// Why base64url text does not decode, naming the character (not its code) and its place
/// (counted from 1 after the prefix).
fn base64_words(payload: &str, e: &base64::DecodeError) -> String {
    use base64::DecodeError;
    // The character at byte `at`: the decoder stops at the first byte it refuses, and every
    // byte before it is ASCII, so `at` is on a character boundary.
    let place = |at: usize| -> (String, usize) {
        let c = payload
            .get(at..)
            .and_then(|s| s.chars().next())
            .map(|c| format!("'{c}'"))
            .unwrap_or_else(|| "a character".to_string());
        (c, payload.get(..at).map_or(at, |s| s.chars().count()) + 1)
    };
    match *e {
        DecodeError::InvalidByte(at, b'=') => {
            let (_, n) = place(at);
            format!("'=' at character {n}: padding, which links do not need; leave it out")
        }
        DecodeError::InvalidByte(at, _) => {
            let (c, n) = place(at);
            format!("{c} at character {n} is not one of A-Z, a-z, 0-9, '-' and '_'")
        }
        DecodeError::InvalidLastSymbol(at, _) => {
            let (c, n) = place(at);
            format!("the last character, {c} (character {n}), cannot end the text: the link is damaged or cut short")
        }
        DecodeError::InvalidLength(len) => {
            let s = if len == 1 { "" } else { "s" };
            format!(
                "no base64url text is {len} character{s} long: the link is damaged or cut short"
            )
        }
        DecodeError::InvalidPadding => {
            "the padding '=' at the end does not fit; links need none, leave it out".to_string()
        }
    }
}

/// Postcard bytes that must hold exactly one `T` and nothing after it.
pub(crate) fn take_exact<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, WireError> {
    // postcard's own messages are long and of no use to a reader ("This is a feature that
    // PostCard will never implement"); their text would also ride along in the app's wasm.
    let (value, rest): (T, &[u8]) = postcard::take_from_bytes(bytes).map_err(|e| {
        let why = match e {
            postcard::Error::DeserializeUnexpectedEnd => "it ends too early",
            _ => "a value in it is not one a link can hold",
        };
        bad(format!("the data is damaged or truncated ({why})"))
    })?;
    if !rest.is_empty() {
        return Err(bad(format!("{} unexpected bytes at the end", rest.len())));
    }
    Ok(value)
}

/// `prefix` and base64url of `value`'s postcard bytes followed by their checksum ([`CRC`],
/// little-endian): an `s3.` or `s4.` link.
fn encode_checked<T: Serialize>(prefix: &str, value: &T) -> String {
    checked_link(prefix, postcard::to_allocvec(value).unwrap_or_default())
}

/// `prefix` and base64url of `bytes` followed by their checksum.
pub(crate) fn checked_link(prefix: &str, mut bytes: Vec<u8>) -> String {
    let sum = CRC.checksum(&bytes);
    bytes.extend_from_slice(&sum.to_le_bytes());
    prefixed_base64(prefix, &bytes)
}

/// The bytes of an `s3.` or `s4.` link's payload, its checksum checked and taken off.
fn checked_bytes(payload: &str, prefix: &str) -> Result<Vec<u8>, WireError> {
    let mut bytes = payload_bytes(payload, prefix)?;
    let Some(body) = bytes.len().checked_sub(4) else {
        return Err(bad("the data is damaged or truncated (it ends too early)"));
    };
    let sum = u32::from_le_bytes([
        bytes[body],
        bytes[body + 1],
        bytes[body + 2],
        bytes[body + 3],
    ]);
    if CRC.checksum(&bytes[..body]) != sum {
        return Err(bad(
            "the data is damaged: it does not match its checksum (a character was changed, lost or added on the way; copy the whole link again)",
        ));
    }
    bytes.truncate(body);
    Ok(bytes)
}

/// base64url text (what follows the prefix) of postcard bytes.
pub(crate) fn encode_payload<T: Serialize>(prefix: &str, value: &T) -> String {
    prefixed_base64(prefix, &postcard::to_allocvec(value).unwrap_or_default())
}

/// `prefix` then base64url (no padding) of `bytes`.
fn prefixed_base64(prefix: &str, bytes: &[u8]) -> String {
    let mut out = String::with_capacity(prefix.len() + bytes.len() * 4 / 3 + 4);
    out.push_str(prefix);
    B64.encode_string(bytes, &mut out);
    out
}

/// A validated scenario and its title from a [`LinkV1`]; a range error becomes a link error
/// naming the field, after `context` (`""` for `s1.` links, `"variants.1."` in experiments).
pub(crate) fn scenario_in_link(
    link: LinkV1,
    context: &str,
) -> Result<(Scenario, Option<String>), WireError> {
    let name = link.name.clone();
    let s = scenario_of(link).map_err(|e| match e {
        WireError::Invalid { field, message } => bad(format!("{context}{field}: {message}")),
        WireError::Link(m) if !context.is_empty() => {
            bad(format!("{}: {m}", context.trim_end_matches('.')))
        }
        other => other,
    })?;
    Ok((s, name))
}

/// The bytes of an `s1.` link (or of an `s3.` link without its checksum).
fn decode_v1_bytes(bytes: &[u8]) -> Result<(Scenario, Option<String>), WireError> {
    let link: LinkV1 = take_exact(bytes)?;
    scenario_in_link(link, "")
}

/// What an `s2.` link holds: the scenario, its title and the class's choices.
pub(crate) type SharedRun = (Scenario, Option<String>, Vec<(u32, Resolution)>);

/// The bytes of an `s2.` link (or of an `s4.` link without its checksum): the scenario, its
/// title and the class's choices. The choices are checked first (cheaper than the scenario):
/// at least one, at most [`MAX_CHOICES`], ids strictly increasing from 1, known steps.
fn decode_v2_bytes(bytes: &[u8]) -> Result<SharedRun, WireError> {
    let link: LinkV2 = take_exact(bytes)?;
    if link.choices.is_empty() {
        return Err(bad(
            "choices: none (an s2 link holds at least one; a link without choices is an s1 link)",
        ));
    }
    if link.choices.len() > MAX_CHOICES {
        return Err(bad(format!(
            "choices: at most {MAX_CHOICES}, got {}",
            link.choices.len()
        )));
    }
    let mut choices = Vec::with_capacity(link.choices.len());
    let mut last = 0;
    for (k, c) in link.choices.iter().enumerate() {
        if c.dispute <= last {
            return Err(bad(format!(
                "choices.{k}: dispute {} does not come after dispute {last}",
                c.dispute
            )));
        }
        let step = step_of(c.step)
            .ok_or_else(|| bad(format!("choices.{k}: unknown conflict-resolution step")))?;
        choices.push((c.dispute, step));
        last = c.dispute;
    }
    let (s, name) = scenario_in_link(link.scenario, "")?;
    Ok((s, name, choices))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_names_the_model_its_sender_ran() {
        let current = aliansi_sim::MODEL_VERSION;
        let here = format!("https://x.test/aliansi/?lang=id&model={current}#s1.AAAA");
        assert_eq!(link_model(&here), Some(current));
        assert_eq!(link_from_other_model(&here), None);
        let older = "https://x.test/a/?model=2026-11-29&lang=en#e1.AAAA";
        assert_eq!(link_model(older), Some("2026-11-29"));
        assert_eq!(link_from_other_model(older), Some("2026-11-29"));
        // Links that do not say: a bare fragment, no query, no such parameter, an empty or
        // odd value, and a `?model=` inside the fragment (not the address's query).
        for text in [
            "s1.AAAA",
            "#s1.AAAA",
            "https://x.test/aliansi/#s1.AAAA",
            "https://x.test/aliansi/?lang=id#s1.AAAA",
            "https://x.test/?model=#s1.AAAA",
            "https://x.test/?model=<script>#s1.AAAA",
            "https://x.test/?model=2026-11-30.5%20x#s1.AAAA",
            "https://x.test/#s1.AAAA?model=2000-01-01",
            "",
        ] {
            assert_eq!(link_model(text), None, "{text}");
        }
        let long = format!("https://x.test/?model={}#s1.AAAA", "9".repeat(33));
        assert_eq!(link_model(&long), None);
    }

    #[test]
    fn a_model_in_the_address_changes_nothing_the_link_decodes_to() {
        let s = aliansi_sim::presets::default_scenario();
        let frag = encode_link(&s);
        for text in [
            format!("https://x.test/aliansi/#{frag}"),
            format!("https://x.test/aliansi/?model=2026-11-29#{frag}"),
            format!(
                "https://x.test/aliansi/?lang=id&model={}#{frag}",
                aliansi_sim::MODEL_VERSION
            ),
        ] {
            assert_eq!(decode_link(&text).unwrap(), s, "{text}");
        }
    }

    #[test]
    fn numbers_are_exact() {
        for v in [
            0.0,
            0.35,
            -0.5,
            1.0,
            3.0,
            0.1 + 0.2,
            1e-9,
            123456.789,
            f64::MAX,
            -0.0,
            1e300,
        ] {
            let n = Num::of(v);
            assert_eq!(n.get().to_bits(), v.to_bits(), "{v} -> {n:?}");
        }
        assert_eq!(Num::of(0.35), Num::Milli(350));
        assert!(Num::of(f64::NAN).get().is_nan());
    }

    #[test]
    fn every_code_round_trips() {
        for k in ShockKind::ALL {
            assert_eq!(shock_of(shock_code(k)), Some(k));
        }
        for r in Resolution::ALL {
            assert_eq!(step_of(step_code(r)), Some(r));
        }
        for f in [Form::Contract, Form::MinorityEquity, Form::EquityJv] {
            assert_eq!(form_of(form_code(f)), Some(f));
        }
        for d in [
            DecisionRule::Consensus,
            DecisionRule::Majority,
            DecisionRule::LeadPartner,
        ] {
            assert_eq!(rule_of(rule_code(d)), Some(d));
        }
    }

    /// Tracking text appended by chat apps and sites ("&utm_source=wa", "?fbclid=…") is
    /// dropped like text after a space, also with punctuation or percent-encoding.
    #[test]
    fn tracking_text_after_a_link_is_ignored() {
        use crate::experiment::{decode_shared, encode_experiment_link, Experiment, Shared};
        let s = aliansi_sim::presets::default_scenario();
        let link = encode_link(&s);
        let payload = link.strip_prefix(CHECKED_LINK_PREFIX).unwrap();
        let url = format!("https://example.org/aliansi/#{link}");
        let x = Experiment {
            scenario: s.clone(),
            name: Some("Kelas".into()),
            variants: vec![("Dasar".into(), s.clone())],
            runs: 500,
        };
        let xlink = encode_experiment_link(&x);
        let xurl = format!("https://example.org/aliansi/?lang=id#{xlink}");
        let tails = ["&utm_source=wa", "?fbclid=IwAR0abc", "&x=1&y=2", "&", "?"];
        for tail in tails {
            let mut texts = vec![
                format!("{link}{tail}"),
                format!("{url}{tail}"),
                format!("#{link}{tail}"),
                format!("{url}{tail}."),
                format!("({url}{tail})."),
                format!("\"{url}{tail}\","),
                format!("{url}.{tail}"),
                format!("{url}{tail} see you tomorrow"),
                format!("#s3%2E{payload}{tail}"),
                format!("S3.{payload}{tail}"),
            ];
            // The separator percent-encoded too (%26 is '&', %3F is '?').
            texts.push(format!(
                "{url}{}",
                tail.replace('&', "%26").replace('?', "%3F")
            ));
            for text in texts {
                assert_eq!(decode_link(&text).as_ref(), Ok(&s), "{text}");
                assert_eq!(
                    decode_shared(&text),
                    Ok(Shared::Scenario {
                        scenario: s.clone(),
                        name: None,
                        choices: vec![],
                    }),
                    "{text}"
                );
            }
            for text in [
                format!("{xlink}{tail}"),
                format!("{xurl}{tail}"),
                format!("({xurl}{tail})."),
                format!("E1.{}{tail}", &xlink[3..]),
                format!("#e1%2E{}{tail}", &xlink[3..]),
            ] {
                assert_eq!(
                    decode_shared(&text),
                    Ok(Shared::Experiment(x.clone())),
                    "{text}"
                );
            }
        }
        // Padding the decoder accepts, then tracking text.
        let pad = "=".repeat((4 - payload.len() % 4) % 4);
        assert_eq!(decode_link(&format!("{url}{pad}&utm_source=wa")), Ok(s));
    }

    /// A link cut short before the tracking text is still refused.
    #[test]
    fn a_cut_link_with_tracking_text_is_refused() {
        let link = encode_link(&aliansi_sim::presets::default_scenario());
        for cut in [1, 2, 3, 6, link.len() / 2] {
            let short = &link[..link.len() - cut];
            for tail in ["&utm_source=wa", "?fbclid=IwAR0abc", "&x=1&y=2"] {
                let text = format!("https://example.org/#{short}{tail}");
                assert!(decode_link(&text).is_err(), "{text}");
            }
        }
        assert!(decode_link("s1.&utm_source=wa").is_err());
        assert!(decode_link("s1?fbclid=1").is_err());
    }

    /// A '&' or '?' put into a payload, at every place, or over any of its characters, gives
    /// an error, never another scenario or experiment (see the comment in `cleaned`).
    #[test]
    fn a_query_mark_inside_a_payload_is_refused() {
        use crate::experiment::{decode_shared, encode_experiment_link, Experiment};
        let s = aliansi_sim::presets::default_scenario();
        let x = Experiment {
            scenario: s.clone(),
            name: Some("Kelas".into()),
            variants: vec![("Dasar".into(), s.clone())],
            runs: 500,
        };
        let mut checked = 0;
        for link in [encode_link(&s), encode_experiment_link(&x)] {
            // Every place strictly inside the link (at the end it is tracking text).
            for i in 0..link.len() {
                for mark in ["&", "?", "%26", "%3F", "&utm_source=wa"] {
                    let inserted = format!("{}{mark}{}", &link[..i], &link[i..]);
                    let replaced = format!("{}{mark}{}", &link[..i], &link[i + 1..]);
                    for text in [inserted, replaced] {
                        assert!(decode_shared(&text).is_err(), "{text}");
                        assert!(decode_link(&text).is_err(), "{text}");
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    /// A link broken by spaces or line breaks (a line-wrapped copy, `%20` or `%0A` inside it)
    /// is put back together, with text after it still dropped; pieces that are not payload are
    /// not joined; and a piece of another link joined on gives an error, never another scenario.
    #[test]
    fn a_link_broken_by_spaces_is_put_back_together() {
        use crate::experiment::{decode_shared, encode_experiment_link, Experiment};
        let s = aliansi_sim::presets::default_scenario();
        let x = Experiment {
            scenario: s.clone(),
            name: Some("Kelas".into()),
            variants: vec![("Dasar".into(), s.clone())],
            runs: 500,
        };
        let link = encode_link(&s);
        let exp = encode_experiment_link(&x);
        let mut checked = 0;
        for (i, j) in [(10, 40), (4, 5), (20, link.len() - 1), (3, 4)] {
            for sep in [" ", "\n", "%20", "%0A", "\r\n  ", " %20 "] {
                let broken = format!("{}{sep}{}", &link[..i], &link[i..]);
                let twice = format!("{}{sep}{}{sep}{}", &link[..i], &link[i..j], &link[j..]);
                for text in [
                    broken.clone(),
                    twice,
                    format!("https://x.id/a/#{broken}. Tolong dikerjakan"),
                ] {
                    assert_eq!(decode_link(&text).unwrap(), s, "{text:?}");
                    checked += 1;
                }
            }
        }
        let broken = format!("{} {}", &exp[..30], &exp[30..]);
        assert!(matches!(
            decode_shared(&broken),
            Ok(crate::Shared::Experiment(_))
        ));
        // Text after a whole link is still dropped, and the words of an unbroken error stay.
        assert_eq!(
            decode_link(&format!("{link} Tolong dikerjakan")).unwrap(),
            s
        );
        let cut = &link[..link.len() - 10];
        let alone = decode_link(cut).unwrap_err().to_string();
        assert_eq!(
            decode_link(&format!("{cut} Tolong"))
                .unwrap_err()
                .to_string(),
            alone
        );
        // A piece that is not payload (punctuation inside, a '!') is not joined on.
        assert!(decode_link(&format!("{} !{}", &link[..10], &link[10..])).is_err());
        // Another link's piece joined on: an error, never another scenario.
        let other = encode_link(&aliansi_sim::presets::find("calm-pair").unwrap());
        for i in 4..link.len() {
            let text = format!("{} {}", &link[..i], &other[3..]);
            if let Ok(got) = decode_link(&text) {
                assert_eq!(got, s, "{text}");
            }
            checked += 1;
        }
        assert!(checked > 100, "{checked}");
    }

    #[test]
    fn what_chat_apps_and_word_processors_put_into_a_link_is_taken_out() {
        let s = aliansi_sim::presets::default_scenario();
        let link = encode_link(&s);
        let ok = |text: String| assert_eq!(decode_link(&text), Ok(s.clone()), "{text:?}");
        // WhatsApp's italics around a message with the link, a dash after it.
        ok(format!("_Tugas: https://x.id/aliansi/#{link}_"));
        ok(format!("https://x.id/aliansi/#{link}__"));
        ok(format!("https://x.id/aliansi/#{link}- lihat"));
        // A line break inside the version prefix.
        for (i, sep) in [(1, "\n"), (2, "\n"), (1, "\r\n "), (2, " "), (1, "%0A")] {
            ok(format!(
                "https://x.id/aliansi/#{}{sep}{}",
                &link[..i],
                &link[i..]
            ));
        }
        ok(format!("S\n{}", &link[1..]));
        // Invisible characters inside: zero-width space, joiner, soft hyphen, byte-order mark.
        for (i, c) in [
            (10, '\u{200B}'),
            (3, '\u{200D}'),
            (40, '\u{00AD}'),
            (25, '\u{FEFF}'),
        ] {
            ok(format!("{}{c}{}", &link[..i], &link[i..]));
        }
        // A space encoded twice.
        ok(format!("{}%2520{}", &link[..30], &link[30..]));
        // A link that really ends in '_' or '-' keeps it, with or without one added: an
        // experiment link, whose last byte is its run count (63 is '_', 62 '-', when the bytes
        // fill the last base64 character).
        use crate::experiment::{decode_shared, encode_experiment_link, Experiment, Shared};
        for end in ['_', '-'] {
            let x = (0..30)
                .flat_map(|k| [62, 63].map(|runs| (k, runs)))
                .map(|(k, runs)| Experiment {
                    scenario: s.clone(),
                    name: Some("K".repeat(k + 1)),
                    variants: vec![("Dasar".into(), s.clone())],
                    runs,
                })
                .find(|x| encode_experiment_link(x).ends_with(end))
                .expect("an experiment whose link ends so");
            let own = encode_experiment_link(&x);
            for text in [
                own.clone(),
                format!("{own}{end}"),
                format!("_https://x.id/a/#{own}_"),
            ] {
                assert_eq!(
                    decode_shared(&text),
                    Ok(Shared::Experiment(x.clone())),
                    "{text}"
                );
            }
        }
        // A link cut short stays refused, whatever ends it.
        let cut = &link[..link.len() - 6];
        for text in [format!("{cut}_"), format!("{cut}-"), format!("{cut}__")] {
            assert!(decode_link(&text).is_err(), "{text}");
        }
        // Not a link of ours: still told as one.
        assert!(decode_link("s 9.abc").is_err());
    }

    /// A class's choices travel in an `s4.` link (an `s2.` link with a checksum), and only when
    /// there are some; `decode_link` reads its scenario, `decode_shared` the choices too.
    #[test]
    fn choices_travel_in_an_s4_link() {
        use crate::experiment::{decode_shared, Shared};
        let s = aliansi_sim::presets::default_scenario();
        let choices = vec![(1, Resolution::Mediation), (4, Resolution::Arbitration)];
        let link = encode_link_with_choices(&s, Some("Kelas"), &choices);
        assert!(link.starts_with(CHECKED_RUN_LINK_PREFIX), "{link}");
        assert_eq!(
            decode_shared(&format!("https://x.y/aliansi/#{link}&utm_source=wa")),
            Ok(Shared::Scenario {
                scenario: s.clone(),
                name: Some("Kelas".into()),
                choices: choices.clone(),
            })
        );
        assert_eq!(
            decode_link_named(&link),
            Ok((s.clone(), Some("Kelas".into())))
        );
        // Without choices: the s3 link.
        assert_eq!(encode_link_with_choices(&s, None, &[]), encode_link(&s));
        // Small: a choice is a few bytes.
        assert!(
            link.len() < encode_link_named(&s, Some("Kelas")).len() + 12,
            "{link}"
        );
    }

    /// What an `s2.` link may not hold: no choices, ids that do not increase, an unknown step,
    /// too many choices, a cut payload.
    #[test]
    fn bad_choices_are_refused_with_a_reason() {
        use crate::experiment::decode_shared;
        let s = aliansi_sim::presets::default_scenario();
        let raw = |choices: Vec<ChoiceV2>| {
            encode_payload(
                RUN_LINK_PREFIX,
                &LinkV2 {
                    scenario: link_of(&s, None),
                    choices,
                },
            )
        };
        let c = |dispute, step| ChoiceV2 { dispute, step };
        let cases = [
            (raw(vec![]), "choices: none"),
            (
                raw(vec![c(0, 1)]),
                "choices.0: dispute 0 does not come after dispute 0",
            ),
            (
                raw(vec![c(3, 1), c(3, 2)]),
                "choices.1: dispute 3 does not come after dispute 3",
            ),
            (
                raw(vec![c(3, 1), c(2, 2)]),
                "choices.1: dispute 2 does not come after dispute 3",
            ),
            (
                raw(vec![c(1, 5)]),
                "choices.0: unknown conflict-resolution step",
            ),
            (
                raw((1..=MAX_CHOICES as u32 + 1).map(|d| c(d, 0)).collect()),
                "choices: at most 10000, got 10001",
            ),
        ];
        for (link, why) in cases {
            let e = decode_shared(&link).unwrap_err().to_string();
            assert!(e.contains(why), "{e}");
            assert_eq!(decode_link(&link).unwrap_err().to_string(), e);
        }
        let most = raw((1..=MAX_CHOICES as u32).map(|d| c(d, 2)).collect());
        assert!(decode_shared(&most).is_ok());
        let good = raw(vec![c(1, 2)]);
        assert!(decode_shared(&good).is_ok());
        assert!(decode_shared(&good[..good.len() - 2]).is_err());
        // A later version is named as such.
        assert_eq!(
            decode_shared("s5.AAAA"),
            Err(WireError::UnsupportedLinkVersion("s5".into()))
        );
    }

    /// The default scenario's link, with and without choices: any one character of its payload
    /// changed to any other of base64url, and any two neighbours swapped, is refused as
    /// damaged (CRC-32C finds every change within 32 bits in a row), where a quarter of the
    /// single changes to the same `s1.` link opened another valid scenario.
    #[test]
    fn a_changed_character_in_a_checked_link_is_refused() {
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let choices = [(1, Resolution::Mediation)];
        let mut unchecked_opened_other = 0;
        let mut tried = 0;
        for aliansi_sim::presets::Preset {
            id: key,
            scenario: s,
            ..
        } in aliansi_sim::presets::all()
        {
            for (link, old) in [
                (
                    encode_link_named(&s, Some(key)),
                    encode_payload(LINK_PREFIX, &link_of(&s, Some(key))),
                ),
                (
                    encode_link_with_choices(&s, None, &choices),
                    encode_payload(
                        RUN_LINK_PREFIX,
                        &LinkV2 {
                            scenario: link_of(&s, None),
                            choices: vec![ChoiceV2 {
                                dispute: 1,
                                step: step_code(Resolution::Mediation),
                            }],
                        },
                    ),
                ),
            ] {
                let shared = crate::decode_shared(&link).unwrap();
                assert_eq!(crate::decode_shared(&old).unwrap(), shared, "{key}: {old}");
                // Read as a fragment (`decode_shared` would also try the readings of a link
                // broken by a chat app, a hundred times slower over 50,000 links).
                let damaged = |text: &str| {
                    let e = decode_scenario_fragment(text)
                        .expect(text)
                        .expect_err(text)
                        .to_string();
                    assert!(e.contains("damaged"), "{key}: {e}");
                };
                let bytes = link.as_bytes();
                for at in 3..bytes.len() {
                    for &c in ALPHABET.iter().filter(|&&c| c != bytes[at]) {
                        let mut t = bytes.to_vec();
                        t[at] = c;
                        // The last character's unused low bits: base64url refuses those
                        // anyway ("damaged", as it says).
                        damaged(std::str::from_utf8(&t).unwrap());
                    }
                    if at + 1 < bytes.len() && bytes[at] != bytes[at + 1] {
                        let mut t = bytes.to_vec();
                        t.swap(at, at + 1);
                        damaged(std::str::from_utf8(&t).unwrap());
                    }
                }
                // The same changes to the unchecked link: counted (what the checksum is for).
                // (Every 13th place: decoding a whole scenario each time is slow in a test build.)
                let old_bytes = old.as_bytes();
                for at in (3..old_bytes.len()).step_by(13) {
                    for &c in ALPHABET.iter().filter(|&&c| c != old_bytes[at]) {
                        let mut t = old_bytes.to_vec();
                        t[at] = c;
                        tried += 1;
                        if crate::decode_shared(std::str::from_utf8(&t).unwrap())
                            .is_ok_and(|other| other != shared)
                        {
                            unchecked_opened_other += 1;
                        }
                    }
                }
            }
        }
        assert!(
            unchecked_opened_other * 10 > tried,
            "{unchecked_opened_other} of {tried}: the unchecked links are not the risk this test says"
        );
    }

    /// An `s3.` link is its `s1.` link's bytes and four more; a checksum of other bytes, or
    /// bytes too few to hold one, are refused.
    #[test]
    fn a_checked_link_is_the_unchecked_one_and_its_checksum() {
        let s = aliansi_sim::presets::default_scenario();
        let old =
            payload_bytes(&encode_payload(LINK_PREFIX, &link_of(&s, None))[3..], "s1.").unwrap();
        let new = payload_bytes(&encode_link(&s)[3..], "s3.").unwrap();
        assert_eq!(&new[..new.len() - 4], &old[..]);
        assert_eq!(new[new.len() - 4..], CRC.checksum(&old).to_le_bytes());
        for short in ["s3.", "s3.AA", "s3.AAAA", "s3.AAAAAA"] {
            let e = decode_link(short).unwrap_err().to_string();
            assert!(e.contains("damaged"), "{short}: {e}");
        }
        // Four zero bytes are the checksum of nothing: then the (empty) data is what is wrong.
        let e = decode_link("s3.AAAAAA").unwrap_err().to_string();
        assert!(e.contains("ends too early"), "{e}");
    }

    #[test]
    fn the_default_link_is_short() {
        let l = encode_link(&aliansi_sim::presets::default_scenario());
        assert!(l.len() < 400, "{} chars: {l}", l.len());
    }
}
