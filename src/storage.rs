//! The saved-scenario library as pure functions over strings.
//!
//! Browser storage holds these keys:
//!
//! * [`SAVED_KEY`] (`aliansi.saved.v2`): `{"version": 2, "items": [...]}`, each item
//!   `{"name", "saved_at", "created_at", "scenario"}`, where `scenario` is the version-1 scenario
//!   JSON of the file format (`aliansi_wire::to_value`), `saved_at` the last time it was saved
//!   and `created_at` the first (milliseconds since 1970; both optional). Unknown item fields
//!   are ignored, so a later minor addition still reads.
//! * [`LEGACY_KEY`] (`aliansi.saved.v1`): the format before, a bare JSON list of
//!   `{"name", "saved_at", "scenario"}`. [`open`] reads it and migrates its items into v2; the
//!   glue removes it only once v2 (and the quarantine, if anything was set aside) is written.
//! * [`QUARANTINE_KEY`] (`aliansi.quarantine.v1`): a JSON list of `{"raw", "reason", "at"}`:
//!   saved items that could not be read, kept aside with the reason instead of being dropped.
//!
//! A `"version"` above 2 (written by a newer Aliansi, read by an older copy of the app still
//! cached offline) is neither read nor overwritten: [`Opened::newer`] says so and the glue
//! refuses to write until the page is updated.
//!
//! Only the glue in `components/library.rs` touches `localStorage`; it reads with [`open`],
//! writes [`to_text`] / [`quarantine_to_text`], and changes the list with [`save`],
//! [`rename`] and [`delete`].

use aliansi_sim::Scenario;
use serde_json::{json, Map, Value};

use crate::i18n::{t, tf, Lang};
use crate::narrate::amount;

/// The key of the saved list (the format version is part of the key).
pub const SAVED_KEY: &str = "aliansi.saved.v2";
/// The key of the saved list of version 1, migrated on load.
pub const LEGACY_KEY: &str = "aliansi.saved.v1";
/// The format version written under [`SAVED_KEY`].
pub const SAVED_VERSION: u64 = 2;
/// The key of the items kept aside because they could not be read.
pub const QUARANTINE_KEY: &str = "aliansi.quarantine.v1";
/// The longest name kept, in characters.
pub const MAX_NAME_CHARS: usize = 80;
/// The largest scenario file accepted on import, in bytes.
pub const MAX_IMPORT_BYTES: u64 = 1 << 20;
/// The largest library file accepted on import, in bytes: about what a browser's local
/// storage holds (5 MB), so that an exported library always comes back.
pub const MAX_LIBRARY_BYTES: u64 = 5 << 20;

/// A saved scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    pub name: String,
    /// When it was last saved, in milliseconds since 1970, when known.
    pub saved_at: Option<f64>,
    /// When it was first saved under this name (kept when it is saved again), when known.
    pub created_at: Option<f64>,
    pub scenario: Scenario,
}

/// A stored item that could not be read: its text as stored and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Quarantined {
    pub raw: String,
    pub reason: String,
    /// Milliseconds since 1970, when it was set aside.
    pub at: Option<f64>,
}

/// The saved list as read: the good items, and the unreadable ones to set aside.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    pub saved: Vec<Saved>,
    pub corrupt: Vec<Quarantined>,
}

/// The library as opened from both keys, and what the glue must write.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Opened {
    /// The readable items (v2 first, then v1 items that v2 does not already hold).
    pub saved: Vec<Saved>,
    /// Unreadable items (from either key), to add to the quarantine.
    pub corrupt: Vec<Quarantined>,
    /// The stored v2 text must be rewritten: items were migrated from v1, or damaged ones
    /// must leave it (only once the quarantine holds them).
    pub rewrite: bool,
    /// Version-1 data is stored: remove it once v2 is written.
    pub legacy: bool,
    /// The stored list was written by a newer version of the app (its format version): it is
    /// not read, and must not be overwritten.
    pub newer: Option<u64>,
}

/// Why a library operation was refused (each maps to an i18n key).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LibraryError {
    EmptyName,
    NameTooLong,
    NoSuchItem,
    /// Renaming onto the name of another saved item (which would be lost).
    NameTaken,
}

impl LibraryError {
    /// The i18n key of the message.
    pub fn key(&self) -> &'static str {
        match self {
            LibraryError::EmptyName => "library.name_empty",
            LibraryError::NameTooLong => "library.name_too_long",
            LibraryError::NoSuchItem => "library.no_such_item",
            LibraryError::NameTaken => "library.name_taken",
        }
    }
}

fn unreadable(raw: &str, reason: String, now: Option<f64>) -> Loaded {
    Loaded {
        saved: Vec::new(),
        corrupt: vec![Quarantined {
            raw: raw.to_string(),
            reason,
            at: now,
        }],
    }
}

fn read_items(items: &[Value], now: Option<f64>) -> Loaded {
    let mut out = Loaded::default();
    for (k, item) in items.iter().enumerate() {
        match read_item(item) {
            Ok(s) => out.saved.push(s),
            Err(reason) => out.corrupt.push(Quarantined {
                raw: item.to_string(),
                reason: format!("item {}: {reason}", k + 1),
                at: now,
            }),
        }
    }
    out
}

/// Reads a stored saved list of version 1 (a bare JSON list). `None` (nothing stored) is an
/// empty library. Text that is not a JSON list is set aside whole; items that are not readable
/// are set aside one by one. Never panics.
pub fn load_v1(raw: Option<&str>, now: Option<f64>) -> Loaded {
    let Some(raw) = raw.filter(|r| !r.trim().is_empty()) else {
        return Loaded::default();
    };
    match serde_json::from_str::<Value>(raw) {
        Ok(Value::Array(items)) => {
            let mut out = read_items(&items, now);
            // Version 1 knew only when an item was last saved.
            for s in &mut out.saved {
                s.created_at = s.saved_at;
            }
            out
        }
        Ok(_) => unreadable(raw, "the saved list is not a JSON list".into(), now),
        Err(e) => unreadable(raw, format!("the saved list is not valid JSON: {e}"), now),
    }
}

/// Reads a stored saved list of version 2, or `Err(version)` if it carries a newer format
/// version. Text that is not a version-2 list is set aside whole; unreadable items one by one.
pub fn load(raw: Option<&str>, now: Option<f64>) -> Result<Loaded, u64> {
    let Some(raw) = raw.filter(|r| !r.trim().is_empty()) else {
        return Ok(Loaded::default());
    };
    match serde_json::from_str::<Value>(raw) {
        Ok(value) => read_list(&value, raw, now),
        Err(e) => Ok(unreadable(
            raw,
            format!("the saved list is not valid JSON: {e}"),
            now,
        )),
    }
}

/// [`load`]'s reading of the list once parsed (`value`, from the text `raw`).
fn read_list(value: &Value, raw: &str, now: Option<f64>) -> Result<Loaded, u64> {
    match value.get("version").and_then(Value::as_u64) {
        Some(SAVED_VERSION) => {}
        Some(v) if v > SAVED_VERSION => return Err(v),
        _ => {
            return Ok(unreadable(
                raw,
                "the saved list is not a version-2 list".into(),
                now,
            ))
        }
    }
    match value.get("items") {
        Some(Value::Array(items)) => Ok(read_items(items, now)),
        _ => Ok(unreadable(raw, "the saved list has no items".into(), now)),
    }
}

/// Opens the library from the stored v2 text and the stored v1 text (either may be absent).
/// Version-1 items are migrated: each keeps its name, scenario and date, and is added after
/// the v2 items unless v2 already holds an item of that name with that scenario (a migration
/// whose clean-up did not finish). Never panics.
pub fn open(v2: Option<&str>, v1: Option<&str>, now: Option<f64>) -> Opened {
    let current = match load(v2, now) {
        Ok(l) => l,
        Err(version) => {
            return Opened {
                newer: Some(version),
                ..Opened::default()
            }
        }
    };
    let legacy = v1.is_some_and(|r| !r.trim().is_empty());
    let old = load_v1(v1, now);
    let mut saved = current.saved;
    for item in old.saved {
        let known = saved
            .iter()
            .any(|s| s.name == item.name && s.scenario == item.scenario);
        if !known {
            saved.push(item);
        }
    }
    let mut corrupt = current.corrupt;
    corrupt.extend(old.corrupt);
    Opened {
        rewrite: legacy || !corrupt.is_empty(),
        saved,
        corrupt,
        legacy,
        newer: None,
    }
}

fn read_item(item: &Value) -> Result<Saved, String> {
    let obj = item.as_object().ok_or("not a JSON object")?;
    let name = obj
        .get("name")
        .and_then(Value::as_str)
        .ok_or("no name")?
        .to_string();
    let saved_at = obj.get("saved_at").and_then(Value::as_f64);
    let created_at = obj.get("created_at").and_then(Value::as_f64);
    let scenario = match obj.get("scenario") {
        None => return Err("no scenario".to_string()),
        // The scenario may also be stored as the text of a scenario file.
        Some(Value::String(text)) => aliansi_wire::parse_json(text),
        Some(v) => aliansi_wire::from_value(v),
    }
    // In words, as imports are (the saved list's reasons are kept in English).
    .map_err(|e| format!("scenario: {}", crate::wire_text::explain(Lang::En, &e)))?;
    Ok(Saved {
        name,
        saved_at,
        created_at,
        scenario,
    })
}

/// The text stored for a saved list (version 2).
pub fn to_text(saved: &[Saved]) -> String {
    let items: Vec<Value> = saved
        .iter()
        .map(|s| {
            let mut m = Map::new();
            m.insert("name".into(), json!(s.name));
            if let Some(t) = s.saved_at {
                m.insert("saved_at".into(), json!(t));
            }
            if let Some(t) = s.created_at {
                m.insert("created_at".into(), json!(t));
            }
            m.insert("scenario".into(), aliansi_wire::to_value(&s.scenario));
            Value::Object(m)
        })
        .collect();
    json!({ "version": SAVED_VERSION, "items": items }).to_string()
}

/// Reads the stored quarantine. Text that is not a quarantine list is itself kept, as one
/// item, so that nothing is lost.
pub fn load_quarantine(raw: Option<&str>) -> Vec<Quarantined> {
    let Some(raw) = raw.filter(|r| !r.trim().is_empty()) else {
        return Vec::new();
    };
    let parsed = serde_json::from_str::<Value>(raw).ok().and_then(|v| {
        v.as_array()?
            .iter()
            .map(|q| {
                let o = q.as_object()?;
                Some(Quarantined {
                    raw: o.get("raw")?.as_str()?.to_string(),
                    reason: o.get("reason")?.as_str()?.to_string(),
                    at: o.get("at").and_then(Value::as_f64),
                })
            })
            .collect::<Option<Vec<_>>>()
    });
    parsed.unwrap_or_else(|| {
        vec![Quarantined {
            raw: raw.to_string(),
            reason: "the quarantine list itself could not be read".to_string(),
            at: None,
        }]
    })
}

/// The text stored for the quarantine.
pub fn quarantine_to_text(items: &[Quarantined]) -> String {
    let items: Vec<Value> = items
        .iter()
        .map(|q| {
            let mut m = Map::new();
            m.insert("raw".into(), json!(q.raw));
            m.insert("reason".into(), json!(q.reason));
            if let Some(t) = q.at {
                m.insert("at".into(), json!(t));
            }
            Value::Object(m)
        })
        .collect();
    Value::Array(items).to_string()
}

/// The quarantine with `new` items added at the end, skipping any whose text is already
/// kept (so reading the same damaged list twice does not list it twice).
pub fn quarantine_add(kept: &[Quarantined], new: &[Quarantined]) -> Vec<Quarantined> {
    let mut out = kept.to_vec();
    for q in new {
        if !out.iter().any(|k| k.raw == q.raw) {
            out.push(q.clone());
        }
    }
    out
}

/// A name as kept: trimmed, not empty, at most [`MAX_NAME_CHARS`] characters.
pub fn clean_name(name: &str) -> Result<String, LibraryError> {
    let name = name.trim();
    if name.is_empty() {
        Err(LibraryError::EmptyName)
    } else if name.chars().count() > MAX_NAME_CHARS {
        Err(LibraryError::NameTooLong)
    } else {
        Ok(name.to_string())
    }
}

/// The list with `scenario` saved under `name`: an item of the same name is replaced in
/// place (keeping when it was first saved), otherwise the new item goes first.
pub fn save(
    saved: &[Saved],
    name: &str,
    scenario: &Scenario,
    now: Option<f64>,
) -> Result<Vec<Saved>, LibraryError> {
    let name = clean_name(name)?;
    let mut item = Saved {
        name: name.clone(),
        saved_at: now,
        created_at: now,
        scenario: scenario.clone(),
    };
    let mut out = saved.to_vec();
    match out.iter().position(|s| s.name == name) {
        Some(i) => {
            // Saved again: first saved when the replaced item was.
            item.created_at = out[i].created_at.or(out[i].saved_at).or(now);
            out[i] = item;
        }
        None => out.insert(0, item),
    }
    Ok(out)
}

/// Whether saving under `name` would replace a saved item (Save updates the item of that
/// name; the page says so and offers Undo).
pub fn replaces(saved: &[Saved], name: &str) -> bool {
    clean_name(name).is_ok_and(|name| saved.iter().any(|s| s.name == name))
}

/// The list with item `k` renamed. The name of another item is refused (renaming onto it
/// would lose that item); the item's own name, or its name with other capitals, is fine.
pub fn rename(saved: &[Saved], k: usize, name: &str) -> Result<Vec<Saved>, LibraryError> {
    let name = clean_name(name)?;
    if k >= saved.len() {
        return Err(LibraryError::NoSuchItem);
    }
    if saved
        .iter()
        .enumerate()
        .any(|(i, s)| i != k && s.name == name)
    {
        return Err(LibraryError::NameTaken);
    }
    let mut out = saved.to_vec();
    out[k].name = name;
    Ok(out)
}

/// Where item `k` of the list a page shows (`shown`) is in `stored`, the list as stored now
/// (another tab of the same browser may have saved, renamed or deleted since the page read
/// it): the item of the same name, since names are unique in a library. `None` when it is no
/// longer there.
pub fn same_item(shown: &[Saved], k: usize, stored: &[Saved]) -> Option<usize> {
    let name = &shown.get(k)?.name;
    stored.iter().position(|s| &s.name == name)
}

/// Which item the rename box is open on after item `deleted` is deleted: the same one, one
/// place up if it was below, none if it was the one deleted.
pub fn renaming_after_delete(renaming: Option<usize>, deleted: usize) -> Option<usize> {
    match renaming {
        Some(r) if r == deleted => None,
        Some(r) if r > deleted => Some(r - 1),
        other => other,
    }
}

/// The list without item `k`.
pub fn delete(saved: &[Saved], k: usize) -> Result<Vec<Saved>, LibraryError> {
    if k >= saved.len() {
        return Err(LibraryError::NoSuchItem);
    }
    let mut out = saved.to_vec();
    out.remove(k);
    Ok(out)
}

/// Whether `c` may stand in a file name as it is: ASCII letters and digits, and any other
/// character but spaces and the common punctuation blocks (Latin-1, General Punctuation, CJK
/// and full-width). Not `char::is_alphanumeric`: its Unicode tables cost the download about
/// 2 KB gzipped, for a file name.
fn file_name_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !c.is_whitespace()
        && !matches!(c,
            '\u{80}'..='\u{bf}' | '\u{d7}' | '\u{f7}' | '\u{2000}'..='\u{206f}'
            | '\u{2190}'..='\u{2bff}' | '\u{3000}'..='\u{303f}' | '\u{fe30}'..='\u{fe4f}'
            | '\u{ff00}'..='\u{ff0f}' | '\u{ff1a}'..='\u{ff20}')
}

/// What an exported scenario's file is named after when no name is typed: its first two
/// partners, how many more, and its seed ("Nusantara Foods Hoshi Technologies and 2 seed 42",
/// "… dan 2 seed 42" in Bahasa Indonesia), so that a class's files tell apart (they were all
/// `aliansi-scenario.json`).
pub fn scenario_label(lang: Lang, s: &aliansi_sim::Scenario) -> String {
    let mut label: Vec<String> = s.partners.iter().take(2).map(|p| p.name.clone()).collect();
    let more = s.partners.len().saturating_sub(2);
    if more > 0 {
        label.push(tf(lang, "library.file_more", &[("n", &more.to_string())]));
    }
    label.push(format!("seed {}", s.seed));
    label.join(" ")
}

/// What Export names the scenario `current`'s file after: its `name` ([`export_name`]), else
/// its partners and seed ([`scenario_label`]).
pub fn export_label(lang: Lang, name: Option<&String>, current: &Scenario) -> String {
    name.cloned()
        .unwrap_or_else(|| scenario_label(lang, current))
}

/// The name Export writes into the scenario's file: the name typed, else the name it was saved
/// under (the latest save of exactly this scenario: Save empties the field); none otherwise.
pub fn export_name(typed: Option<String>, saved: &[Saved], current: &Scenario) -> Option<String> {
    typed.or_else(|| {
        saved
            .iter()
            .filter(|s| s.scenario == *current)
            .max_by(|a, b| {
                a.saved_at
                    .unwrap_or(0.0)
                    .total_cmp(&b.saved_at.unwrap_or(0.0))
            })
            .map(|s| s.name.clone())
    })
}

/// The file Export writes: the scenario as version-1 JSON with its name, if it has one
/// ([`export_name`]; read back by [`import`], and by the command line's `show` and `link`).
pub fn export_json(s: &Scenario, name: Option<String>) -> String {
    let mut v = aliansi_wire::from_core(s);
    v.name = name;
    aliansi_wire::to_json_v1(&v)
}

/// A file name for an exported scenario: the name's letters and digits (at most 60), or
/// `scenario`.
pub fn export_file_name(name: Option<&str>) -> String {
    let slug: String = name
        .unwrap_or("")
        .chars()
        .map(|c| {
            if file_name_char(c) {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let slug = slug
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let slug = if slug.is_empty() {
        "scenario".to_string()
    } else {
        let cut: String = slug.chars().take(60).collect();
        cut.trim_end_matches('-').to_string()
    };
    format!("aliansi-{slug}.json")
}

/// What an imported file holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Imported {
    /// A scenario file (Export), to open in the editor, with the name it carries (Export
    /// writes the one it names the file after), as Save would keep it.
    Scenario(Scenario, Option<String>),
    /// A library file (Export the library: the saved list as stored): its readable items, to
    /// add to the library, and how many items could not be read.
    Library {
        saved: Vec<Saved>,
        unreadable: usize,
    },
}

fn too_big(lang: Lang, size: u64, limit: u64) -> String {
    tf(
        lang,
        "library.err.too_big",
        &[
            ("size", &amount(lang, size as f64)),
            ("limit", &amount(lang, limit as f64)),
        ],
    )
}

/// Trims a scenario's partners' names, as the editor trims what is typed. It stays valid: a
/// name the core took is not blank, and trimming only shortens it.
fn trim_partners(s: &mut Scenario) {
    for p in &mut s.partners {
        p.name = p.name.trim().to_string();
    }
}

/// An imported item's name under Save's rules ([`clean_name`]): trimmed and not blank (else
/// `unnamed`), and cut to [`MAX_NAME_CHARS`] the way [`merge`] cuts a name.
fn imported_name(name: &str, unnamed: &str) -> String {
    let name = numbered(name.trim(), "");
    if name.is_empty() {
        unnamed.to_string()
    } else {
        name
    }
}

/// Reads an imported file of `size` bytes: a scenario file or a library file
/// ([`aliansi_wire::is_saved_list`]), or the reason it cannot be read, in one line in `lang`.
/// Names are read as the editor and Save would keep them ([`trim_partners`], [`imported_name`]).
pub fn import(text: &str, size: u64, lang: Lang) -> Result<Imported, String> {
    if size > MAX_LIBRARY_BYTES {
        return Err(too_big(lang, size, MAX_LIBRARY_BYTES));
    }
    // The browser reads the file as UTF-8 (UTF-16 after its byte-order mark) and puts U+FFFD
    // in place of what is not: a file in another encoding (Latin-1, as Windows Notepad saves
    // "ANSI") would import with its names mangled. No file Aliansi writes holds U+FFFD. (The
    // glue reading the bytes and decoding them here instead cost the download 2 KB more.)
    if text.contains('\u{FFFD}') {
        return Err(t(lang, "library.err.not_utf8").to_string());
    }
    // A scenario file, the usual import, is read once; only a file that is not one is looked
    // at again as a library.
    let scenario = (size <= MAX_IMPORT_BYTES).then(|| {
        aliansi_wire::parse_v1(text).and_then(|v| Ok((aliansi_wire::to_core(&v)?, v.name)))
    });
    if let Some(Ok((mut s, name))) = scenario {
        trim_partners(&mut s);
        return Ok(Imported::Scenario(
            s,
            name.and_then(|n| clean_name(&n).ok()),
        ));
    }
    let value = serde_json::from_str::<Value>(text).ok();
    if let Some(value) = value.filter(aliansi_wire::is_saved_list) {
        return match read_list(&value, text, None) {
            Err(version) => Err(tf(
                lang,
                "library.err.library_newer",
                &[("version", &version.to_string())],
            )),
            Ok(l) if l.saved.is_empty() => Err(match l.corrupt.first() {
                Some(c) => tf(lang, "library.err.library_empty", &[("reason", &c.reason)]),
                None => t(lang, "library.err.library_no_items").to_string(),
            }),
            Ok(mut l) => {
                for s in &mut l.saved {
                    s.name = imported_name(&s.name, t(lang, "library.saved.unnamed"));
                    trim_partners(&mut s.scenario);
                }
                Ok(Imported::Library {
                    saved: l.saved,
                    unreadable: l.corrupt.len(),
                })
            }
        };
    }
    match scenario {
        Some(Err(e)) => Err(crate::wire_text::explain(lang, &e)),
        _ => Err(too_big(lang, size, MAX_IMPORT_BYTES)),
    }
}

/// A library with imported items added, and what became of them.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub saved: Vec<Saved>,
    /// Items added (some under a new name).
    pub added: usize,
    /// Items already there: the same name and the same scenario.
    pub already: usize,
}

/// `saved` with `incoming` added after it. An item already saved (same name and scenario) is
/// not added twice; one whose name a different scenario has is added as "name (2)" (or the
/// first free number), so that nothing is lost either way. Each keeps its dates.
pub fn merge(saved: &[Saved], incoming: &[Saved]) -> Merged {
    let mut out = saved.to_vec();
    let (mut added, mut already) = (0, 0);
    for item in incoming {
        // Already there: under its name, or under the new name an earlier import gave it.
        if out
            .iter()
            .any(|s| s.scenario == item.scenario && named_after(&s.name, &item.name))
        {
            already += 1;
            continue;
        }
        let mut item = item.clone();
        item.name = first_free_name(&item.name, MAX_NAME_CHARS, |n| {
            out.iter().any(|s| s.name == n)
        });
        out.push(item);
        added += 1;
    }
    Merged {
        saved: out,
        added,
        already,
    }
}

/// `name` if it is not `taken`, else the first of "name (2)", "name (3)"… that is not, `name`
/// cut so that the whole stays within `limit` characters. Saved scenarios ([`merge`]) and the
/// variants of Compare fairly are numbered so.
pub fn first_free_name(name: &str, limit: usize, taken: impl Fn(&str) -> bool) -> String {
    let mut candidate = name.to_string();
    let mut k = 2;
    while taken(&candidate) {
        candidate = within(name, &format!(" ({k})"), limit);
        k += 1;
    }
    candidate
}

/// `base` with `suffix` (" (2)"), `base` cut so that the whole stays within [`MAX_NAME_CHARS`].
fn numbered(base: &str, suffix: &str) -> String {
    within(base, suffix, MAX_NAME_CHARS)
}

/// `base` with `suffix`, `base` cut so that the whole stays within `limit` characters.
fn within(base: &str, suffix: &str, limit: usize) -> String {
    let room = limit.saturating_sub(suffix.chars().count());
    let cut: String = base.chars().take(room).collect();
    format!("{}{suffix}", cut.trim_end())
}

/// Whether `saved` is `name`, or the name [`merge`] gives `name` when it is taken ("name (2)").
fn named_after(saved: &str, name: &str) -> bool {
    if saved == name {
        return true;
    }
    let number = saved
        .strip_suffix(')')
        .and_then(|n| n.rsplit_once(" ("))
        .filter(|(_, k)| !k.is_empty() && k.bytes().all(|b| b.is_ascii_digit()));
    number.is_some_and(|(_, k)| numbered(name, &format!(" ({k})")) == saved)
}

/// The fields a file left out (`aliansi_wire::defaulted_fields`), for a sentence: the first
/// four, then how many more ("governance, horizon_months, … and 3 more").
pub fn field_list(lang: Lang, fields: &[String]) -> String {
    crate::variants::first_then_more(lang, fields, 4, ", ", " ", "library.and_more")
}

/// The file name of an exported library: `aliansi-library-YYYY-MM-DD.json`.
pub fn library_file_name(now_ms: f64) -> String {
    format!("aliansi-library-{}.json", date_of(now_ms))
}

/// `YYYY-MM-DD` (UTC) of a time in milliseconds since 1970.
pub fn date_of(ms: f64) -> String {
    let days = (ms / 86_400_000.0).floor() as i64;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// `YYYY-MM-DD HH:MM` of a time in milliseconds since 1970, in a time zone `offset_minutes`
/// behind UTC (JavaScript's `Date.getTimezoneOffset()`: -420 in Jakarta).
pub fn date_time_of(ms: f64, offset_minutes: f64) -> String {
    let local = ms - offset_minutes * 60_000.0;
    let minute_of_day = ((local / 60_000.0).floor() as i64).rem_euclid(24 * 60);
    format!(
        "{} {:02}:{:02}",
        date_of(local),
        minute_of_day / 60,
        minute_of_day % 60
    )
}

#[cfg(test)]
mod field_list_tests {
    use super::*;

    #[test]
    fn left_out_fields_are_listed_four_then_counted() {
        let f = |n: usize| (0..n).map(|i| format!("f{i}")).collect::<Vec<_>>();
        assert_eq!(field_list(Lang::En, &f(2)), "f0, f1");
        assert_eq!(field_list(Lang::En, &f(4)), "f0, f1, f2, f3");
        assert_eq!(field_list(Lang::En, &f(7)), "f0, f1, f2, f3 and 3 more");
        assert_eq!(field_list(Lang::Id, &f(5)), "f0, f1, f2, f3 dan 1 lainnya");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aliansi_sim::presets;

    fn item(name: &str, id: &str) -> Saved {
        Saved {
            name: name.into(),
            saved_at: Some(1.7e12),
            created_at: Some(1.6e12),
            scenario: presets::find(id).unwrap(),
        }
    }

    /// A saved list as version 1 of the app stored it.
    fn v1_text(items: &[(&str, Option<f64>, &str)]) -> String {
        let items: Vec<Value> = items
            .iter()
            .map(|(name, at, id)| {
                let mut m = Map::new();
                m.insert("name".into(), json!(name));
                if let Some(t) = at {
                    m.insert("saved_at".into(), json!(t));
                }
                m.insert(
                    "scenario".into(),
                    aliansi_wire::to_value(&presets::find(id).unwrap()),
                );
                Value::Object(m)
            })
            .collect();
        Value::Array(items).to_string()
    }

    #[test]
    fn nothing_stored_is_an_empty_library() {
        assert_eq!(load(None, None), Ok(Loaded::default()));
        assert_eq!(load(Some("  "), None), Ok(Loaded::default()));
        assert_eq!(load_v1(None, None), Loaded::default());
        assert_eq!(load_v1(Some("[]"), None), Loaded::default());
        assert_eq!(open(None, None, None), Opened::default());
        let empty = to_text(&[]);
        assert_eq!(load(Some(&empty), None), Ok(Loaded::default()));
    }

    #[test]
    fn round_trip() {
        let list = vec![item("A", "default"), item("B", "airline-alliance")];
        let text = to_text(&list);
        let back = load(Some(&text), None).unwrap();
        assert_eq!(back.saved, list);
        assert!(back.corrupt.is_empty());
        let opened = open(Some(&text), None, None);
        assert_eq!(opened.saved, list);
        assert!(!opened.rewrite && !opened.legacy && opened.newer.is_none());
    }

    #[test]
    fn stored_format_is_versioned_and_the_scenario_is_the_file_format() {
        let text = to_text(&[item("A", "calm-pair")]);
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["version"], json!(2));
        assert_eq!(v["items"][0]["name"], json!("A"));
        assert_eq!(v["items"][0]["saved_at"], json!(1.7e12));
        assert_eq!(v["items"][0]["created_at"], json!(1.6e12));
        let scenario_text = v["items"][0]["scenario"].to_string();
        assert_eq!(
            aliansi_wire::parse_json(&scenario_text).unwrap(),
            presets::find("calm-pair").unwrap()
        );
        assert_eq!(v["items"][0]["scenario"]["version"], json!(1));
    }

    #[test]
    fn unknown_item_fields_are_ignored() {
        let mut v: Value = serde_json::from_str(&to_text(&[item("A", "default")])).unwrap();
        v["items"][0]["colour"] = json!("teal");
        let l = load(Some(&v.to_string()), None).unwrap();
        assert_eq!(l.saved, vec![item("A", "default")]);
    }

    #[test]
    fn scenario_as_file_text_is_read_too() {
        let s = presets::default_scenario();
        let text = json!([{ "name": "T", "scenario": aliansi_wire::to_json(&s) }]).to_string();
        let l = load_v1(Some(&text), None);
        assert_eq!(l.saved.len(), 1);
        assert_eq!(l.saved[0].scenario, s);
        assert_eq!(l.saved[0].saved_at, None);
    }

    #[test]
    fn version_1_is_migrated_with_its_dates() {
        let v1 = v1_text(&[
            ("Old JV", Some(1.5e12), "id-jp-jv"),
            ("Undated", None, "default"),
        ]);
        let o = open(None, Some(&v1), Some(9.0));
        assert!(o.legacy && o.rewrite && o.newer.is_none());
        assert!(o.corrupt.is_empty());
        assert_eq!(o.saved.len(), 2);
        assert_eq!(o.saved[0].name, "Old JV");
        assert_eq!(o.saved[0].scenario, presets::find("id-jp-jv").unwrap());
        assert_eq!(o.saved[0].saved_at, Some(1.5e12));
        assert_eq!(o.saved[0].created_at, Some(1.5e12));
        assert_eq!(o.saved[1].saved_at, None);
        // What the glue writes reads back as the same list, now from v2 alone.
        let written = to_text(&o.saved);
        let again = open(Some(&written), None, Some(10.0));
        assert_eq!(again.saved, o.saved);
        assert!(!again.rewrite && !again.legacy);
    }

    #[test]
    fn leftover_version_1_adds_only_what_version_2_lacks() {
        // A migration that wrote v2 but could not remove v1, plus an item that an older copy
        // of the app (cached offline in another tab) saved to v1 afterwards.
        let v1 = v1_text(&[
            ("A", Some(1.7e12), "default"),
            ("Later", Some(1.8e12), "calm-pair"),
        ]);
        let v2 = to_text(&[item("A", "default"), item("B", "distribution")]);
        let o = open(Some(&v2), Some(&v1), None);
        let names: Vec<&str> = o.saved.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["A", "B", "Later"]);
        assert!(o.legacy && o.rewrite);
        // Same name, different scenario: both kept, nothing lost.
        let v1 = v1_text(&[("A", Some(1.0), "calm-pair")]);
        let o = open(Some(&v2), Some(&v1), None);
        assert_eq!(o.saved.len(), 3);
    }

    #[test]
    fn corrupt_version_1_items_go_to_quarantine_and_good_ones_migrate() {
        let mut v: Vec<Value> = serde_json::from_str(&v1_text(&[("A", None, "default")])).unwrap();
        v.push(json!({ "name": "bad", "scenario": { "version": 1, "horizon_months": "soon" } }));
        let o = open(None, Some(&Value::Array(v).to_string()), Some(4.0));
        assert_eq!(o.saved.len(), 1);
        assert_eq!(o.corrupt.len(), 1);
        assert!(o.corrupt[0].reason.starts_with("item 2: scenario:"));
        assert!(o.corrupt[0].raw.contains("soon"));
        let o = open(None, Some("{{ not json"), Some(4.0));
        assert!(o.saved.is_empty() && o.legacy && o.rewrite);
        assert_eq!(o.corrupt[0].raw, "{{ not json");
    }

    #[test]
    fn a_newer_format_is_neither_read_nor_set_aside() {
        let newer = json!({ "version": 3, "items": [], "folders": [] }).to_string();
        assert_eq!(load(Some(&newer), None), Err(3));
        let v1 = v1_text(&[("A", None, "default")]);
        let o = open(Some(&newer), Some(&v1), None);
        assert_eq!(o.newer, Some(3));
        assert!(o.saved.is_empty() && o.corrupt.is_empty() && !o.rewrite);
    }

    #[test]
    fn corrupt_items_are_set_aside_and_good_ones_kept() {
        let good = to_text(&[item("A", "default")]);
        let mut v: Value = serde_json::from_str(&good).unwrap();
        let items = v["items"].as_array_mut().unwrap();
        items.push(json!("just a string"));
        items.push(json!({ "name": "no scenario" }));
        items.push(json!({ "name": "bad", "scenario": { "version": 1, "horizon_months": -5 } }));
        items.push(json!({ "scenario": aliansi_wire::to_value(&presets::default_scenario()) }));
        let l = load(Some(&v.to_string()), Some(5.0)).unwrap();
        assert_eq!(l.saved.len(), 1);
        assert_eq!(l.saved[0].name, "A");
        assert_eq!(l.corrupt.len(), 4);
        assert!(
            l.corrupt[0].reason.starts_with("item 2:"),
            "{:?}",
            l.corrupt[0]
        );
        assert!(l.corrupt[1].reason.contains("no scenario"));
        assert!(l.corrupt[2].reason.contains("scenario:"));
        assert!(l.corrupt[3].reason.contains("no name"));
        assert!(l
            .corrupt
            .iter()
            .all(|q| q.at == Some(5.0) && !q.raw.is_empty()));
        assert_eq!(l.corrupt[0].raw, "\"just a string\"");
        let o = open(Some(&v.to_string()), None, Some(5.0));
        assert!(o.rewrite && !o.legacy);
        assert_eq!(o.corrupt.len(), 4);
    }

    #[test]
    fn unreadable_list_is_set_aside_whole() {
        for raw in ["{not json", "{\"a\":1}", "42", "\u{0}\u{1}"] {
            let l = load_v1(Some(raw), None);
            assert!(l.saved.is_empty());
            assert_eq!(l.corrupt.len(), 1, "{raw}");
            assert_eq!(l.corrupt[0].raw, raw);
        }
        for raw in [
            "{not json",
            "[]",
            "{\"version\":2}",
            "{\"version\":1,\"items\":[]}",
            "42",
        ] {
            let l = load(Some(raw), None).unwrap();
            assert!(l.saved.is_empty());
            assert_eq!(l.corrupt.len(), 1, "{raw}");
            assert_eq!(l.corrupt[0].raw, raw);
        }
    }

    #[test]
    fn quarantine_round_trip_and_damage() {
        let q = vec![
            Quarantined {
                raw: "{x".into(),
                reason: "bad".into(),
                at: Some(3.0),
            },
            Quarantined {
                raw: "1".into(),
                reason: "r".into(),
                at: None,
            },
        ];
        assert_eq!(load_quarantine(Some(&quarantine_to_text(&q))), q);
        assert!(load_quarantine(None).is_empty());
        let kept = load_quarantine(Some("not json"));
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].raw, "not json");
    }

    #[test]
    fn quarantine_add_skips_duplicates() {
        let q = |raw: &str| Quarantined {
            raw: raw.into(),
            reason: "r".into(),
            at: None,
        };
        let out = quarantine_add(&[q("a")], &[q("a"), q("b")]);
        assert_eq!(out, vec![q("a"), q("b")]);
    }

    #[test]
    fn save_adds_first_or_replaces_by_name() {
        let s = presets::default_scenario();
        let l = save(&[], "  One ", &s, Some(1.0)).unwrap();
        assert_eq!(l[0].name, "One");
        let l = save(&l, "Two", &s, Some(2.0)).unwrap();
        assert_eq!(
            l.iter().map(|x| x.name.as_str()).collect::<Vec<_>>(),
            ["Two", "One"]
        );
        let calm = presets::find("calm-pair").unwrap();
        let l = save(&l, "One", &calm, Some(3.0)).unwrap();
        assert_eq!(l.len(), 2);
        assert_eq!(l[1].scenario, calm);
        // Saved again: the last time changes, the first stays.
        assert_eq!((l[1].saved_at, l[1].created_at), (Some(3.0), Some(1.0)));
        assert_eq!((l[0].saved_at, l[0].created_at), (Some(2.0), Some(2.0)));
        assert_eq!(save(&l, "   ", &s, None), Err(LibraryError::EmptyName));
        assert_eq!(
            save(&l, &"x".repeat(MAX_NAME_CHARS + 1), &s, None),
            Err(LibraryError::NameTooLong)
        );
    }

    #[test]
    fn an_item_shown_is_found_in_the_list_as_another_tab_left_it() {
        let shown = vec![item("A", "default"), item("B", "calm-pair")];
        // Another tab saved C (first) and deleted A.
        let stored = vec![item("C", "default"), item("B", "calm-pair")];
        assert_eq!(same_item(&shown, 1, &stored), Some(1));
        assert_eq!(same_item(&shown, 0, &stored), None);
        assert_eq!(same_item(&shown, 2, &stored), None);
        // A save in this tab goes into the stored list, keeping the other tab's items.
        let after = save(&stored, "D", &presets::default_scenario(), None).unwrap();
        let names: Vec<&str> = after.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["D", "C", "B"]);
    }

    #[test]
    fn rename_and_delete() {
        let l = vec![
            item("A", "default"),
            item("B", "calm-pair"),
            item("C", "distribution"),
        ];
        let r = rename(&l, 1, "Bee").unwrap();
        assert_eq!(r[1].name, "Bee");
        assert_eq!(r[1].scenario, l[1].scenario);
        // Renaming onto another item's name is refused (nothing is lost); onto its own, fine.
        assert_eq!(rename(&l, 2, " A "), Err(LibraryError::NameTaken));
        assert_eq!(rename(&l, 2, "C").unwrap(), l);
        let r = rename(&l, 2, "a").unwrap();
        assert_eq!((r.len(), r[2].name.as_str()), (3, "a"));
        assert_eq!(rename(&l, 9, "x"), Err(LibraryError::NoSuchItem));
        assert_eq!(rename(&l, 0, ""), Err(LibraryError::EmptyName));
        let d = delete(&l, 0).unwrap();
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].name, "B");
        assert_eq!(delete(&l, 3), Err(LibraryError::NoSuchItem));
        // The rename box stays on its item when another is deleted.
        assert_eq!(renaming_after_delete(Some(2), 0), Some(1));
        assert_eq!(renaming_after_delete(Some(0), 2), Some(0));
        assert_eq!(renaming_after_delete(Some(1), 1), None);
        assert_eq!(renaming_after_delete(None, 1), None);
    }

    #[test]
    fn replaces_tells_whether_save_updates_an_item() {
        let l = vec![item("A", "default"), item("B", "calm-pair")];
        assert!(replaces(&l, "  B "));
        assert!(!replaces(&l, "b"));
        assert!(!replaces(&l, "C"));
        assert!(!replaces(&l, "   "));
    }

    #[test]
    fn import_reads_the_file_format_and_refuses_the_rest() {
        let s = presets::find("airline-alliance").unwrap();
        assert_eq!(
            import(&aliansi_wire::to_json(&s), 100, Lang::En),
            Ok(Imported::Scenario(s.clone(), None))
        );
        // The name Export writes comes back, as Save would keep it.
        let named = export_json(&s, Some("  Week 5: UK alliance ".into()));
        assert_eq!(
            import(&named, 100, Lang::En),
            Ok(Imported::Scenario(s, Some("Week 5: UK alliance".into())))
        );
        assert!(import("hello", 5, Lang::En).unwrap_err().len() > 3);
        assert!(import("{\"version\": 9}", 14, Lang::En).is_err());
        assert!(import("{}", MAX_IMPORT_BYTES + 1, Lang::Id)
            .unwrap_err()
            .contains("batasnya"));
    }

    #[test]
    fn an_exported_library_imports_as_a_library() {
        let l = vec![item("A", "default"), item("B", "calm-pair")];
        let text = to_text(&l);
        let size = text.len() as u64;
        assert_eq!(
            import(&text, size, Lang::En),
            Ok(Imported::Library {
                saved: l.clone(),
                unreadable: 0
            })
        );
        // Larger than a scenario file may be, but not than a library.
        assert!(matches!(
            import(&text, MAX_IMPORT_BYTES + 1, Lang::En),
            Ok(Imported::Library { .. })
        ));
        assert!(import(&text, MAX_LIBRARY_BYTES + 1, Lang::En).is_err());
        // An unreadable item is left out and counted.
        let damaged = text.replacen("\"name\":\"B\"", "\"nom\":\"B\"", 1);
        assert_eq!(
            import(&damaged, size, Lang::En),
            Ok(Imported::Library {
                saved: vec![l[0].clone()],
                unreadable: 1
            })
        );
        // Nothing readable, or a newer format: refused, with the reason.
        let none = import("{\"version\": 2, \"items\": [1]}", 30, Lang::En).unwrap_err();
        assert!(none.contains("item 1"), "{none}");
        let newer = import("{\"version\": 3, \"items\": []}", 30, Lang::Id).unwrap_err();
        assert!(newer.contains('3'), "{newer}");
    }

    #[test]
    fn a_file_not_in_utf8_is_refused_in_words() {
        let s = presets::find("calm-pair").unwrap();
        let text = aliansi_wire::to_json(&s).replace("Mitra Satu", "Café Ñandú");
        let Ok(Imported::Scenario(read, _)) = import(&text, 100, Lang::En) else {
            panic!("UTF-8 is read");
        };
        assert_eq!(read.partners[0].name, "Café Ñandú");
        // Latin-1, as Windows Notepad saves "ANSI", as the browser reads it: U+FFFD for each
        // byte that is not UTF-8.
        let latin1: Vec<u8> = text.chars().map(|c| c as u32 as u8).collect();
        let read = String::from_utf8_lossy(&latin1);
        assert!(read.contains("Caf\u{FFFD} \u{FFFD}and\u{FFFD}"), "{read}");
        let en = import(&read, 100, Lang::En).unwrap_err();
        assert!(en.contains("not UTF-8 text: save it as UTF-8"), "{en}");
        let id = import(&read, 100, Lang::Id).unwrap_err();
        assert!(id.contains("bukan teks UTF-8"), "{id}");
    }

    #[test]
    fn imported_names_follow_the_rules_of_save_and_of_the_editor() {
        let calm = presets::find("calm-pair").unwrap();
        let mut spaced = calm.clone();
        spaced.partners[0].name = "  Mitra Satu ".into();
        let text = aliansi_wire::to_json(&spaced);
        let Ok(Imported::Scenario(s, _)) = import(&text, 100, Lang::En) else {
            panic!("not imported");
        };
        assert_eq!(s, calm, "partner names trimmed as the editor trims them");
        let long = format!("{} tail", "Z".repeat(MAX_NAME_CHARS - 1));
        let list = to_text(&[
            item("   ", "default"),
            item(&long, "calm-pair"),
            item(" Padded ", "distribution"),
            Saved {
                name: "Spaced partner".into(),
                scenario: spaced,
                ..item("", "default")
            },
        ]);
        let Ok(Imported::Library { saved, .. }) = import(&list, 100, Lang::Id) else {
            panic!("not imported");
        };
        let names: Vec<&str> = saved.iter().map(|s| s.name.as_str()).collect();
        // Cut as `merge` cuts (no space left at the end), so it is known again under that name.
        let cut = "Z".repeat(MAX_NAME_CHARS - 1);
        assert_eq!(
            names,
            ["Skenario tanpa nama", &cut, "Padded", "Spaced partner"]
        );
        assert!(saved
            .iter()
            .all(|s| clean_name(&s.name).as_deref() == Ok(&*s.name)));
        assert_eq!(saved[3].scenario, calm);
    }

    #[test]
    fn a_library_file_without_items_says_so() {
        let empty = import("{\"version\": 2, \"items\": []}", 30, Lang::En).unwrap_err();
        assert!(empty.contains("it holds no saved scenarios"), "{empty}");
        assert!(!empty.contains("()"), "{empty}");
        let id = import("{\"version\": 2, \"items\": []}", 30, Lang::Id).unwrap_err();
        assert!(id.contains("tidak berisi skenario tersimpan"), "{id}");
    }

    #[test]
    fn merging_keeps_every_scenario_once() {
        let mine = vec![item("A", "default"), item("B", "calm-pair")];
        let theirs = vec![
            // The same item: not added twice.
            item("A", "default"),
            // Another scenario under a name taken: added under a new name.
            item("B", "airline-alliance"),
            item("C", "distribution"),
        ];
        let m = merge(&mine, &theirs);
        assert_eq!((m.added, m.already), (2, 1));
        let names: Vec<&str> = m.saved.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["A", "B", "B (2)", "C"]);
        assert_eq!(m.saved[2].scenario, theirs[1].scenario);
        assert_eq!(m.saved[2].created_at, theirs[1].created_at, "dates kept");
        // The same file imported again adds nothing, "B (2)" included.
        let again = merge(&m.saved, &theirs);
        assert_eq!((again.added, again.already), (0, 3));
        assert_eq!(again.saved, m.saved);
        // A third "B" takes the next number; a long name is cut to make room for it.
        let third = merge(&m.saved, &[item("B", "research-consortium")]);
        assert_eq!(third.saved[4].name, "B (3)");
        let long = "x".repeat(MAX_NAME_CHARS);
        let l = merge(&[item(&long, "default")], &[item(&long, "calm-pair")]);
        assert_eq!(l.saved[1].name.chars().count(), MAX_NAME_CHARS);
        assert!(l.saved[1].name.ends_with("x (2)"));
        // ...and it is known again under its cut name.
        let l2 = merge(&l.saved, &[item(&long, "calm-pair")]);
        assert_eq!((l2.added, l2.already), (0, 1));
        // A name that merely looks numbered is another name.
        let own = merge(&[item("Plan (2)", "default")], &[item("Plan", "default")]);
        assert_eq!((own.added, own.already), (0, 1));
        let other = merge(&[item("Plan (x)", "default")], &[item("Plan", "default")]);
        assert_eq!((other.added, other.already), (1, 0));
    }

    #[test]
    fn file_names_and_dates() {
        assert_eq!(export_file_name(None), "aliansi-scenario.json");
        // Without a typed name: the partners and the seed.
        let mut s = aliansi_sim::presets::default_scenario();
        s.seed = 42;
        assert_eq!(
            export_file_name(Some(&scenario_label(Lang::En, &s))),
            "aliansi-nusantara-foods-hoshi-technologies-and-2-seed-42.json"
        );
        assert_eq!(
            export_file_name(Some(&scenario_label(Lang::Id, &s))),
            "aliansi-nusantara-foods-hoshi-technologies-dan-2-seed-42.json"
        );
        // Saved: named as saved (the latest save of this very scenario); typed wins.
        let saved = |name: &str, at: f64, scenario: &Scenario| Saved {
            name: name.into(),
            saved_at: Some(at),
            created_at: Some(at),
            scenario: scenario.clone(),
        };
        let other = aliansi_sim::presets::default_scenario();
        let list = [
            saved("Kelas A", 1.0, &s),
            saved("Kelas B", 2.0, &s),
            saved("Lain", 3.0, &other),
        ];
        let label = |typed: Option<String>, list: &[Saved]| {
            export_label(Lang::En, export_name(typed, list, &s).as_ref(), &s)
        };
        assert_eq!(label(None, &list), "Kelas B");
        assert_eq!(label(Some("Mine".into()), &list), "Mine");
        assert_eq!(label(None, &list[2..]), scenario_label(Lang::En, &s));
        s.partners.truncate(2);
        s.seed = u64::MAX;
        assert_eq!(
            export_file_name(Some(&scenario_label(Lang::En, &s))),
            "aliansi-nusantara-foods-hoshi-technologies-seed-18446744073709551615.json"
        );
        // At most 60 characters of name, never ending in a dash.
        let long = export_file_name(Some(&"ab ".repeat(40)));
        assert_eq!(
            long,
            format!("aliansi-{}.json", "ab-".repeat(20).trim_end_matches('-'))
        );
        assert_eq!(
            export_file_name(Some("My JV / 2025!")),
            "aliansi-my-jv-2025.json"
        );
        // Letters beyond ASCII stay; dashes, quotes and arrows are separators.
        assert_eq!(
            export_file_name(Some("Kerja sama Jépang — “Tahap 2” → Ωmega")),
            "aliansi-kerja-sama-jépang-tahap-2-Ωmega.json"
        );
        assert_eq!(
            export_file_name(Some("合弁 事業")),
            "aliansi-合弁-事業.json"
        );
        assert_eq!(date_of(0.0), "1970-01-01");
        assert_eq!(date_of(1_709_251_200_000.0), "2024-03-01");
        assert_eq!(date_of(951_782_400_000.0), "2000-02-29");
        // 2024-03-01 00:30 UTC is 07:30 in Jakarta (offset -420) and the day before in
        // New York (offset 300).
        let t = 1_709_251_200_000.0 + 30.0 * 60_000.0;
        assert_eq!(date_time_of(t, 0.0), "2024-03-01 00:30");
        assert_eq!(date_time_of(t, -420.0), "2024-03-01 07:30");
        assert_eq!(date_time_of(t, 300.0), "2024-02-29 19:30");
    }
}
