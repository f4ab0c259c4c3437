//! Presets, saved scenarios (local storage), import and export of scenario files.
//!
//! The model (reading the saved list, setting damaged items aside, save, rename, delete,
//! import) is `crate::storage`; this file is the thin glue to `localStorage`, files and the
//! page.

use std::rc::Rc;

use aliansi_sim::presets;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::live::quiet;
use crate::i18n::{t, tf};
use crate::state::{Action, Notice, State};
use crate::storage::{
    self, Imported, LibraryError, Quarantined, Saved, LEGACY_KEY, QUARANTINE_KEY, SAVED_KEY,
};
use crate::url;

/// What the library draws from: it draws again only when one of these changes, not at each
/// month of a run.
#[derive(Properties, PartialEq)]
pub struct LibraryProps {
    /// Live regions are quiet: the language has just changed (components/live.rs).
    #[prop_or_default]
    pub hush: bool,
    pub scenario: aliansi_sim::Scenario,
    pub seed: u64,
    pub lang: crate::i18n::Lang,
    pub dispatch: UseReducerDispatcher<State>,
    /// The name the open scenario was loaded with, and whether it is still as loaded.
    #[prop_or_default]
    pub named: Option<(std::rc::Rc<str>, bool)>,
    /// The notice's words when it is news of the library (`notice::is_library_news`): shown
    /// again under the library's buttons on a phone, where the reader is.
    #[prop_or_default]
    pub news: Option<AttrValue>,
}

/// A change to the saved list (the list it started from, the list after it, the notice to show
/// once it is written): written, and kept for Undo; whether it was written.
type Change = Rc<dyn Fn(Vec<Saved>, Vec<Saved>, Action) -> bool>;

/// A notice action with string arguments.
pub(crate) fn notice(key: &'static str, args: &[(&str, String)], error: bool) -> Action {
    Action::Notify(Some(Notice {
        key,
        args: args
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
        error,
        other_model: None,
    }))
}

fn now() -> Option<f64> {
    Some(js_sys::Date::now())
}

/// The browser's time zone offset at time `ms` (minutes behind UTC).
fn offset_minutes(ms: f64) -> f64 {
    js_sys::Date::new(&JsValue::from_f64(ms)).get_timezone_offset()
}

/// A saved time as people read it in `lang`, in the browser's time zone: "29 Nov 2026"
/// (en-GB; id-ID writes it alike, "1 Agu 2024"), with `time` "29 Nov 2026, 14:05" (id-ID
/// "14.05").
fn local_date(lang: crate::i18n::Lang, ms: f64, time: bool) -> String {
    let o = js_sys::Object::new();
    let set = |k: &str, v: &str| {
        let _ = js_sys::Reflect::set(&o, &k.into(), &v.into());
    };
    set("day", "numeric");
    set("month", "short");
    set("year", "numeric");
    if time {
        set("hour", "2-digit");
        set("minute", "2-digit");
    }
    let locale = match lang {
        crate::i18n::Lang::En => "en-GB",
        crate::i18n::Lang::Id => "id-ID",
    };
    js_sys::Date::new(&JsValue::from_f64(ms))
        .to_locale_string(locale, &o)
        .into()
}

/// `key`'s text with its `{date}` as a `<time>`: `shown` on the page, `iso` (the stored
/// form, `YYYY-MM-DD` or `YYYY-MM-DD HH:MM`) in its `datetime`.
fn dated(lang: crate::i18n::Lang, key: &str, iso: String, shown: String) -> Html {
    let text = tf(lang, key, &[("date", "\u{1}")]);
    let (before, after) = text.split_once('\u{1}').unwrap_or((&text, ""));
    html! { <>{ before }<time datetime={iso}>{ shown }</time>{ after }</> }
}

/// One line of text for a JavaScript error value.
fn js_text(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}

/// The only code that touches `localStorage` (the language switch keeps its choice through it).
pub(super) mod local {
    use super::js_text;
    use wasm_bindgen::JsValue;

    pub enum WriteError {
        Full,
        Other(String),
    }

    fn storage() -> Result<web_sys::Storage, String> {
        web_sys::window()
            .ok_or_else(|| "no window".to_string())?
            .local_storage()
            .map_err(|e| js_text(&e))?
            .ok_or_else(|| "localStorage is not available".to_string())
    }

    pub fn read(key: &str) -> Result<Option<String>, String> {
        storage()?.get_item(key).map_err(|e| js_text(&e))
    }

    pub fn remove(key: &str) {
        if let Ok(s) = storage() {
            let _ = s.remove_item(key);
        }
    }

    pub fn write(key: &str, value: &str) -> Result<(), WriteError> {
        let s = storage().map_err(WriteError::Other)?;
        s.set_item(key, value).map_err(|e| {
            let name = js_sys::Reflect::get(&e, &JsValue::from_str("name"))
                .ok()
                .and_then(|n| n.as_string())
                .unwrap_or_default();
            if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
                WriteError::Full
            } else {
                WriteError::Other(js_text(&e))
            }
        })
    }
}

fn write_error(e: local::WriteError) -> Action {
    match e {
        local::WriteError::Full => notice("library.storage_full", &[], true),
        local::WriteError::Other(error) => {
            notice("library.storage_failed", &[("error", error)], true)
        }
    }
}

fn library_error(e: LibraryError) -> Action {
    notice(
        e.key(),
        &[("max", storage::MAX_NAME_CHARS.to_string())],
        true,
    )
}

/// What the page holds of the stored library besides the list.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Keys {
    /// The version-1 key may be removed after the next successful write of v2 (false while
    /// it holds damaged items that the quarantine could not take).
    drop_legacy: bool,
    /// The stored list has a newer format version than this page reads: never overwrite it.
    newer: Option<u64>,
}

/// Reads the library (v2, and v1 to migrate). Damaged items are moved to the quarantine key
/// (only once the quarantine is written does the saved list lose them), migrated items are
/// written as v2, and the v1 key is removed only once v2 is written: nothing is ever lost.
fn open_library() -> (Vec<Saved>, Vec<Quarantined>, Keys, Vec<Action>) {
    let (raw, legacy) = match (local::read(SAVED_KEY), local::read(LEGACY_KEY)) {
        (Ok(raw), Ok(legacy)) => (raw, legacy),
        (Err(error), _) | (_, Err(error)) => {
            return (
                Vec::new(),
                Vec::new(),
                Keys::default(),
                vec![notice("library.storage_blocked", &[("error", error)], true)],
            )
        }
    };
    let opened = storage::open(raw.as_deref(), legacy.as_deref(), now());
    let kept = storage::load_quarantine(local::read(QUARANTINE_KEY).ok().flatten().as_deref());
    if let Some(version) = opened.newer {
        let keys = Keys {
            drop_legacy: false,
            newer: Some(version),
        };
        return (Vec::new(), kept, keys, vec![newer_notice(version)]);
    }
    let mut actions = Vec::new();
    let mut quarantine = kept;
    let mut quarantined = true;
    if !opened.corrupt.is_empty() {
        quarantine = storage::quarantine_add(&quarantine, &opened.corrupt);
        actions.push(notice(
            "library.quarantined",
            &[("count", opened.corrupt.len().to_string())],
            true,
        ));
        if let Err(e) = local::write(QUARANTINE_KEY, &storage::quarantine_to_text(&quarantine)) {
            // The damaged text stays where it was.
            actions.push(write_error(e));
            quarantined = false;
        }
    }
    let keys = Keys {
        drop_legacy: quarantined,
        newer: None,
    };
    if opened.rewrite && quarantined {
        match local::write(SAVED_KEY, &storage::to_text(&opened.saved)) {
            Ok(()) => {
                if opened.legacy {
                    local::remove(LEGACY_KEY);
                }
            }
            // Version 1 stays until version 2 is written.
            Err(e) => actions.push(write_error(e)),
        }
    }
    (opened.saved, quarantine, keys, actions)
}

fn newer_notice(version: u64) -> Action {
    notice(
        "library.saved_newer",
        &[("version", version.to_string())],
        true,
    )
}

/// Starts the download of `text` as a file.
fn download(file_name: &str, text: &str) -> Result<(), JsValue> {
    let blob = gloo::file::Blob::new_with_options(text, Some("application/json"));
    let object_url = gloo::file::ObjectUrl::from(blob);
    let doc = gloo::utils::document();
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&object_url);
    a.set_download(file_name);
    a.set_class_name("visually-hidden");
    let body = doc
        .body()
        .ok_or_else(|| JsValue::from_str("no document body"))?;
    body.append_child(&a)?;
    a.click();
    body.remove_child(&a)?;
    // Keep the object URL alive while the browser fetches it.
    gloo::timers::callback::Timeout::new(60_000, move || drop(object_url)).forget();
    Ok(())
}

/// Whether the app is kept for offline use, as `assets/boot.js` publishes it: the attribute
/// `data-offline` on `<html>` and the `aliansi-offline` event on `window`.
#[derive(Properties, PartialEq)]
struct OfflineStatusProps {
    /// Live regions are quiet: the language has just changed (components/live.rs).
    #[prop_or_default]
    hush: bool,
    lang: crate::i18n::Lang,
}

#[function_component(OfflineStatus)]
fn offline_status(props: &OfflineStatusProps) -> Html {
    let hush = props.hush;
    let read = || {
        gloo::utils::document()
            .document_element()
            .and_then(|e| e.get_attribute("data-offline"))
    };
    let state = use_state(read);
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            state.set(read());
            let listener = gloo::events::EventListener::new(
                &gloo::utils::window(),
                "aliansi-offline",
                move |_| state.set(read()),
            );
            move || drop(listener)
        });
    }
    // The state before the one shown, if one was known, and the one shown.
    let seen = use_mut_ref(|| (None::<String>, None::<String>));
    // Whether the browser has a network now (`navigator.onLine`, kept up to date).
    let online = use_state(|| gloo::utils::window().navigator().on_line());
    {
        let online = online.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let listen = |kind: &'static str| {
                let online = online.clone();
                gloo::events::EventListener::new(&window, kind, move |_| {
                    online.set(gloo::utils::window().navigator().on_line())
                })
            };
            let listeners = [listen("online"), listen("offline")];
            move || drop(listeners)
        });
    }
    let now = (!*online).then(|| {
        // A new version waiting ("update") means that the one running is saved too.
        let key = if matches!(state.as_deref(), Some("ready" | "update")) {
            "platform.offline.now_saved"
        } else {
            "platform.offline.now_unsaved"
        };
        html! { <strong data-testid="offline-now">{ t(props.lang, key) }{ " " }</strong> }
    });
    let key = match state.as_deref() {
        Some("saving") => "platform.offline.saving",
        Some("ready") => "platform.offline.ready",
        Some("update") => "platform.offline.update",
        Some("failed") => "platform.offline.failed",
        Some("unavailable") => "platform.offline.unavailable",
        // Not known yet, or a debug build that caches nothing.
        _ => return html! {},
    };
    // Said by a screen reader only when it is news: a change from a state known before (saving,
    // then kept), not the state a page finds at every load ("Works offline" was read out each
    // time). The words on screen are not a live region; a hidden one, there from the first state
    // known, takes the news.
    let news = {
        let mut seen = seen.borrow_mut();
        if seen.1 != *state {
            seen.0 = seen.1.take();
            seen.1 = (*state).clone();
        }
        seen.0.is_some()
    };
    html! {
        <>
            <p class="hint offline-status" data-testid="offline-status" data-state={(*state).clone()}>
                { for now }
                { t(props.lang, key) }
            </p>
            <p class="visually-hidden" role="status" aria-live={quiet(hush)} data-testid="offline-news">
                if news { { t(props.lang, key) } }
            </p>
        </>
    }
}

/// The introduction, the preset picker and the saved-scenario library.
#[function_component(Library)]
pub fn library(props: &LibraryProps) -> Html {
    let hush = props.hush;
    let lang = props.lang;
    let dispatch = props.dispatch.clone();
    let preset_id = use_state(|| "default".to_string());
    // What the last "Load this scenario" loaded, said to a screen reader (the page changes
    // below, out of its sight; an accessibility audit heard nothing).
    let load_news = use_state(|| None::<String>);
    let saved = use_state(Vec::<Saved>::new);
    let quarantine = use_state(Vec::<Quarantined>::new);
    let keys = use_mut_ref(Keys::default);
    // The item being renamed and the name typed so far.
    let renaming = use_state(|| None::<(usize, String)>);
    // The list before the last change made here (save, rename, delete), for Undo, and the text
    // that change wrote: Undo puts the list back only while the stored text is still that one
    // (another tab of the browser may have changed the library since).
    let undo = use_state(|| None::<(Vec<Saved>, String)>);
    // The rename box takes the focus when it opens (autofocus is ignored once the page has a
    // focused element), and gives it back to its Rename button when it closes.
    {
        let open = renaming.as_ref().map(|(k, _)| *k);
        let last = use_mut_ref(|| None::<usize>);
        use_effect_with(open, move |open| {
            let id = match (*open, *last.borrow()) {
                (Some(k), _) => Some(format!("saved-rename-input-{k}")),
                (None, Some(k)) => Some(format!("saved-rename-{k}")),
                (None, None) => None,
            };
            *last.borrow_mut() = *open;
            if let Some(id) = id {
                crate::focus::focus_named(&id);
            }
            || ()
        });
    }
    let name_ref = use_node_ref();
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);

    // Reads the library as stored now, shows it and returns it. Every change starts from it, so
    // that a save, rename or delete made in another tab of this browser since is kept.
    let refresh: Rc<dyn Fn() -> Vec<Saved>> = {
        let saved = saved.clone();
        let quarantine = quarantine.clone();
        let dispatch = dispatch.clone();
        let keys = keys.clone();
        Rc::new(move || {
            let (list, q, k, actions) = open_library();
            saved.set(list.clone());
            quarantine.set(q);
            *keys.borrow_mut() = k;
            for a in actions {
                dispatch.dispatch(a);
            }
            list
        })
    };
    {
        let (refresh, dispatch, undo) = (refresh.clone(), dispatch.clone(), undo.clone());
        let (saved, renaming) = (saved.clone(), renaming.clone());
        use_effect_with((), move |_| {
            refresh();
            // Another tab changed the library: show it as it is now. What Undo would put back
            // refers to the list as it was: dropped. A rename under way stays open, typed name
            // and all, on its item wherever that is now; if the item is gone, the box closes and
            // says so.
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "storage", move |e| {
                    let key = js_sys::Reflect::get(e, &JsValue::from_str("key"))
                        .ok()
                        .and_then(|k| k.as_string());
                    // No key: the other tab cleared the whole storage.
                    if key.is_none() || key.as_deref() == Some(SAVED_KEY) {
                        // (A state handle reads the state as it is now, even in this
                        // closure of the first render: the list shown, until `refresh`. Read
                        // through a clone: a handle keeps every value it has read, and this
                        // one lives as long as the page.)
                        let shown = (*saved.clone()).clone();
                        let stored = refresh();
                        undo.set(None);
                        if let Some((k, draft)) = (*renaming.clone()).clone() {
                            let open = storage::same_item(&shown, k, &stored);
                            renaming.set(open.map(|j| (j, draft)));
                            if open.is_none() {
                                let name = shown.get(k).map(|s| s.name.clone());
                                dispatch.dispatch(notice(
                                    "library.saved.rename_gone",
                                    &[("name", name.unwrap_or_default())],
                                    true,
                                ));
                            }
                        }
                    }
                });
            move || drop(listener)
        });
    }

    // Writes the list; on success shows it and the `ok` notice, and returns the text written.
    // On failure (a full storage) the list on the page and the stored one stay as they were.
    let persist: Rc<dyn Fn(Vec<Saved>, Action) -> Option<String>> = {
        let saved = saved.clone();
        let dispatch = dispatch.clone();
        let keys = keys.clone();
        Rc::new(move |list: Vec<Saved>, ok: Action| {
            let k = *keys.borrow();
            if let Some(version) = k.newer {
                dispatch.dispatch(newer_notice(version));
                return None;
            }
            let text = storage::to_text(&list);
            match local::write(SAVED_KEY, &text) {
                Ok(()) => {
                    if k.drop_legacy {
                        local::remove(LEGACY_KEY);
                    }
                    saved.set(list);
                    dispatch.dispatch(ok);
                    Some(text)
                }
                Err(e) => {
                    dispatch.dispatch(write_error(e));
                    None
                }
            }
        })
    };

    // A change to the list as stored (`before`, from `refresh`) that Undo can take back:
    // written as `persist` does, then `before` is kept for Undo.
    let change: Change = {
        let (persist, undo) = (persist.clone(), undo.clone());
        Rc::new(move |before: Vec<Saved>, list: Vec<Saved>, ok: Action| {
            let written = persist(list, ok);
            let done = written.is_some();
            if let Some(text) = written {
                undo.set(Some((before, text)));
            }
            done
        })
    };
    let on_undo = {
        let (persist, undo, renaming) = (persist.clone(), undo.clone(), renaming.clone());
        let (refresh, dispatch) = (refresh.clone(), dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            let Some((before, written)) = (*undo).clone() else {
                return;
            };
            if local::read(SAVED_KEY).ok().flatten().as_deref() != Some(written.as_str()) {
                // Changed in another tab since: putting the old list back would lose that.
                refresh();
                undo.set(None);
                dispatch.dispatch(notice("library.saved.undo_stale", &[], true));
                return;
            }
            if persist(before, notice("library.saved.undone", &[], false)).is_some() {
                undo.set(None);
                renaming.set(None);
            }
        })
    };

    let current = url::scenario_with_seed(&props.scenario, props.seed);

    // Presets.
    let on_preset = {
        let preset_id = preset_id.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            preset_id.set(select.value());
        })
    };
    let on_preset_load = {
        let dispatch = dispatch.clone();
        let id = (*preset_id).clone();
        let load_news = load_news.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(s) = presets::find(&id) {
                load_news.set(Some(tf(
                    lang,
                    "library.preset.loaded",
                    &[
                        ("title", t(lang, &format!("library.preset.{id}.title"))),
                        ("n", &s.partners.len().to_string()),
                    ],
                )));
                dispatch.dispatch(Action::Notify(None));
                dispatch.dispatch(Action::Load(s));
            }
        })
    };
    // With a scenario open that is not in the list (a shared link's, an edit) and none chosen
    // since, the picker shows an empty choice rather than a ready-made scenario whose
    // description a reader would take for the open one's.
    let unchosen = preset_id.is_empty();
    let options: Html = presets::all()
        .iter()
        .map(|p| {
            let title = t(lang, &format!("library.preset.{}.title", p.id));
            html! {
                <option value={p.id} selected={*preset_id == p.id}>{ title }</option>
            }
        })
        .collect();
    let preset_desc = if unchosen {
        t(lang, "library.preset.unchosen_desc")
    } else {
        t(lang, &format!("library.preset.{}.desc", *preset_id))
    };
    // What is open now, so that the picker's description is not read as the open scenario's
    // (a shared link opens a scenario of its own under the picker).
    let open_preset = *use_memo(props.scenario.clone(), |s| {
        presets::all()
            .into_iter()
            .find(|p| {
                aliansi_sim::Scenario {
                    seed: s.seed,
                    ..p.scenario.clone()
                } == *s
            })
            .map(|p| p.id)
    });
    {
        // The picker shows the ready-made scenario just opened (a lesson's, say), or none
        // when what is open is not in the list.
        let preset_id = preset_id.clone();
        use_effect_with(open_preset, move |open| {
            preset_id.set(open.map_or_else(String::new, str::to_string));
        });
    }
    // A scenario not in the list: the preset it was made from, if a few settings tell them apart.
    let near = use_memo((props.scenario.clone(), lang), |(s, lang)| {
        crate::variants::near_preset(*lang, s).filter(|(_, d)| !d.is_empty())
    });
    let open_now = match (&props.named, open_preset) {
        (Some((name, true)), _) => tf(lang, "library.open.named", &[("name", name)]),
        (Some((name, false)), _) => tf(lang, "library.open.named_edited", &[("name", name)]),
        (None, Some(id)) => tf(
            lang,
            "library.open.preset",
            &[("title", t(lang, &format!("library.preset.{id}.title")))],
        ),
        (None, None) if near.is_some() => {
            let (id, changes) = near.as_ref().as_ref().unwrap();
            tf(
                lang,
                "library.open.changed",
                &[
                    ("title", t(lang, &format!("library.preset.{id}.title"))),
                    ("changes", &crate::variants::listed(lang, changes)),
                ],
            )
        }
        (None, None) => tf(
            lang,
            "library.open.other",
            &[
                ("partners", &props.scenario.partners.len().to_string()),
                (
                    "names",
                    &crate::narrate::partner_names(&props.scenario).join(", "),
                ),
                (
                    "horizon",
                    &crate::variants::horizon_words(lang, props.scenario.horizon_months),
                ),
            ],
        ),
    };

    // Save.
    let on_save = {
        let refresh = refresh.clone();
        let dispatch = dispatch.clone();
        let change = change.clone();
        let name_ref = name_ref.clone();
        let current = current.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(input) = name_ref.cast::<HtmlInputElement>() else {
                return;
            };
            let stored = refresh();
            match storage::save(&stored, &input.value(), &current, now()) {
                Ok(list) => {
                    let name = storage::clean_name(&input.value()).unwrap_or_default();
                    let key = if storage::replaces(&stored, &name) {
                        "library.saved.replaced"
                    } else {
                        "library.saved.done"
                    };
                    // "Open now" names it (an imported file without a name kept saying "a
                    // scenario not in this list": an audit).
                    if change(stored, list, notice(key, &[("name", name.clone())], false)) {
                        input.set_value("");
                        dispatch.dispatch(Action::Saved(name));
                    }
                }
                Err(e) => dispatch.dispatch(library_error(e)),
            }
        })
    };

    // Export and import.
    let on_export = {
        let (dispatch, refresh) = (dispatch.clone(), refresh.clone());
        let current = current.clone();
        let name_ref = name_ref.clone();
        Callback::from(move |_: MouseEvent| {
            // Named as typed in the name field above, as saved, or after its partners and seed.
            let typed = name_ref
                .cast::<HtmlInputElement>()
                .and_then(|i| storage::clean_name(&i.value()).ok());
            let named = storage::export_name(typed, &refresh(), &current);
            let label = storage::export_label(lang, named.as_ref(), &current);
            let file = storage::export_file_name(Some(&label));
            match download(&file, &storage::export_json(&current, named)) {
                Ok(()) => dispatch.dispatch(notice("library.exported", &[("file", file)], false)),
                Err(e) => dispatch.dispatch(notice(
                    "library.storage_failed",
                    &[("error", js_text(&e))],
                    true,
                )),
            }
        })
    };
    // The whole library in one file (the saved list as stored), for another device or a
    // browser whose data may be cleared: Import adds it back.
    let on_export_library = {
        let (dispatch, refresh) = (dispatch.clone(), refresh.clone());
        Callback::from(move |_: MouseEvent| {
            let list = refresh();
            let file = storage::library_file_name(js_sys::Date::now());
            match download(&file, &storage::to_text(&list)) {
                Ok(()) => dispatch.dispatch(notice(
                    "library.library_exported",
                    &[("file", file), ("n", list.len().to_string())],
                    false,
                )),
                Err(e) => dispatch.dispatch(notice(
                    "library.storage_failed",
                    &[("error", js_text(&e))],
                    true,
                )),
            }
        })
    };
    let on_import = {
        let dispatch = dispatch.clone();
        let (refresh, change) = (refresh.clone(), change.clone());
        let reader = reader.clone();
        let name_ref = name_ref.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|l| l.get(0)) else {
                return;
            };
            // Lets the same file be chosen again.
            input.set_value("");
            let file = gloo::file::File::from(file);
            let name = file.name();
            let size = file.size();
            if size > storage::MAX_LIBRARY_BYTES {
                let error = storage::import("", size, lang).err().unwrap_or_default();
                dispatch.dispatch(notice(
                    "library.import_bad",
                    &[("file", name), ("error", error)],
                    true,
                ));
                return;
            }
            let dispatch = dispatch.clone();
            let (refresh, change) = (refresh.clone(), change.clone());
            let name_ref = name_ref.clone();
            let task = gloo::file::callbacks::read_as_text(&file, move |res| match res {
                Ok(text) => match storage::import(&text, size, lang) {
                    // Its name in the name field: Save keeps it under the name it was
                    // exported with.
                    Ok(Imported::Scenario(s, named)) => {
                        dispatch.dispatch(Action::Load(s));
                        let field = name_ref.cast::<HtmlInputElement>();
                        // Fields the file left out took their defaults: said (a file edited by
                        // hand that lost a line opened as if whole, a capacity of 250 now 50).
                        let defaulted = aliansi_wire::defaulted_fields(&text);
                        let fields = storage::field_list(lang, &defaulted);
                        let has = !defaulted.is_empty();
                        match (named, field) {
                            (Some(named), Some(field)) => {
                                field.set_value(&named);
                                dispatch.dispatch(Action::Named(named.clone()));
                                dispatch.dispatch(notice(
                                    if has {
                                        "library.imported_named_defaults"
                                    } else {
                                        "library.imported_named"
                                    },
                                    &[("file", name), ("name", named), ("fields", fields)],
                                    false,
                                ));
                            }
                            _ => dispatch.dispatch(notice(
                                if has {
                                    "library.imported_defaults"
                                } else {
                                    "library.imported"
                                },
                                &[("file", name), ("fields", fields)],
                                false,
                            )),
                        }
                    }
                    // A library file: its scenarios join the saved ones (Undo takes them
                    // back); the editor keeps what it shows.
                    Ok(Imported::Library { saved, unreadable }) => {
                        let stored = refresh();
                        let m = storage::merge(&stored, &saved);
                        let key = if unreadable > 0 {
                            "library.merged_unreadable"
                        } else {
                            "library.merged"
                        };
                        let args = [
                            ("file", name),
                            ("added", m.added.to_string()),
                            ("already", m.already.to_string()),
                            ("unreadable", unreadable.to_string()),
                        ];
                        if m.added > 0 {
                            change(stored, m.saved, notice(key, &args, false));
                        } else {
                            dispatch.dispatch(notice(key, &args, false));
                        }
                    }
                    Err(error) => dispatch.dispatch(notice(
                        "library.import_bad",
                        &[("file", name), ("error", error)],
                        true,
                    )),
                },
                Err(_) => {
                    dispatch.dispatch(notice("library.import_unreadable", &[("file", name)], true))
                }
            });
            *reader.borrow_mut() = Some(task);
        })
    };

    // The saved list.
    let items: Html = saved
        .iter()
        .enumerate()
        .map(|(k, item)| {
            let name = item.name.clone();
            let on_load = {
                let dispatch = dispatch.clone();
                let scenario = item.scenario.clone();
                let name = name.clone();
                Callback::from(move |_: MouseEvent| {
                    dispatch.dispatch(Action::Load(scenario.clone()));
                    dispatch.dispatch(Action::Named(name.clone()));
                    dispatch.dispatch(notice(
                        "library.saved.loaded",
                        &[("name", name.clone())],
                        false,
                    ));
                })
            };
            let on_rename = {
                let renaming = renaming.clone();
                let name = name.clone();
                Callback::from(move |_: MouseEvent| renaming.set(Some((k, name.clone()))))
            };
            let on_delete = {
                let (saved, refresh) = (saved.clone(), refresh.clone());
                let change = change.clone();
                let dispatch = dispatch.clone();
                let renaming = renaming.clone();
                let name = name.clone();
                Callback::from(move |_: MouseEvent| {
                    // The list as shown, taken before `refresh` (a state handle reads the
                    // state as it is now, so after `refresh` it would be the stored list).
                    let shown = (*saved).clone();
                    let stored = refresh();
                    let unchanged = stored == shown;
                    let Some(j) = storage::same_item(&shown, k, &stored) else {
                        return dispatch.dispatch(library_error(LibraryError::NoSuchItem));
                    };
                    match storage::delete(&stored, j) {
                        Ok(list) => {
                            let ok = notice("library.saved.deleted", &[("name", name.clone())], false);
                            if change(stored, list, ok) {
                                // A rename under way on another item keeps its typed name
                                // (unless the list had changed in another tab).
                                let (open, draft) = (*renaming).clone().unzip();
                                let open = storage::renaming_after_delete(open, k)
                                    .filter(|_| unchanged);
                                renaming.set(open.zip(draft));
                            }
                        }
                        Err(e) => dispatch.dispatch(library_error(e)),
                    }
                })
            };
            let date = item.saved_at.map(|ms| {
                let iso = storage::date_time_of(ms, offset_minutes(ms));
                dated(lang, "library.saved.on", iso, local_date(lang, ms, true))
            });
            // When it was first saved, if on another day than the last time.
            let day = |ms: f64| storage::date_of(ms - offset_minutes(ms) * 60_000.0);
            let created = item
                .created_at
                .filter(|&c| item.saved_at.map(day) != Some(day(c)))
                .map(|ms| {
                    let shown = local_date(lang, ms, false);
                    dated(lang, "library.saved.created", day(ms), shown)
                });
            let summary = tf(
                lang,
                "library.saved.summary",
                &[
                    ("partners", &item.scenario.partners.len().to_string()),
                    ("months", &crate::narrate::months(lang, item.scenario.horizon_months)),
                ],
            );
            let body = match &*renaming {
                Some((r, draft)) if *r == k => {
                    let input_id = format!("saved-rename-input-{k}");
                    let on_input = {
                        let renaming = renaming.clone();
                        Callback::from(move |e: InputEvent| {
                            let i: HtmlInputElement = e.target_unchecked_into();
                            renaming.set(Some((k, i.value())));
                        })
                    };
                    let on_key = {
                        let renaming = renaming.clone();
                        Callback::from(move |e: KeyboardEvent| {
                            if e.key() == "Escape" {
                                renaming.set(None);
                            }
                        })
                    };
                    let on_cancel = {
                        let renaming = renaming.clone();
                        Callback::from(move |_: MouseEvent| renaming.set(None))
                    };
                    let on_submit = {
                        let (saved, refresh) = (saved.clone(), refresh.clone());
                        let change = change.clone();
                        let dispatch = dispatch.clone();
                        let renaming = renaming.clone();
                        let draft = draft.clone();
                        let old = name.clone();
                        let open_name = props.named.as_ref().map(|(n, _)| n.clone());
                        Callback::from(move |e: SubmitEvent| {
                            e.prevent_default();
                            // The list as shown, before `refresh` changes what `saved` reads.
                            let shown = (*saved).clone();
                            let stored = refresh();
                            let renamed = storage::same_item(&shown, k, &stored)
                                .ok_or(LibraryError::NoSuchItem)
                                .and_then(|j| storage::rename(&stored, j, &draft));
                            match renamed {
                                Ok(list) => {
                                    let name = storage::clean_name(&draft).unwrap_or_default();
                                    let ok = notice("library.saved.renamed", &[("name", name.clone())], false);
                                    if change(stored, list, ok) {
                                        renaming.set(None);
                                        // The one open, renamed: "Open now" says its new name.
                                        if open_name.as_deref() == Some(old.as_str()) {
                                            dispatch.dispatch(Action::Named(name));
                                        }
                                    }
                                }
                                Err(e) => dispatch.dispatch(library_error(e)),
                            }
                        })
                    };
                    html! {
                        <form class="rename-form" onsubmit={on_submit}>
                            <label for={input_id.clone()}>
                                { tf(lang, "library.saved.rename_label", &[("name", &name)]) }
                            </label>
                            <input id={input_id.clone()} data-testid={input_id} type="text"
                                value={draft.clone()} maxlength={storage::MAX_NAME_CHARS.to_string()}
                                autofocus=true oninput={on_input} onkeydown={on_key} />
                            <button type="submit" data-testid={format!("saved-rename-ok-{k}")}>
                                { t(lang, "library.saved.rename_ok") }
                            </button>
                            <button type="button" onclick={on_cancel}>
                                { t(lang, "library.saved.rename_cancel") }
                            </button>
                        </form>
                    }
                }
                _ => html! {
                    <span class="saved-label">
                        <span class="saved-name">{ name.clone() }</span>
                        <span class="saved-date saved-summary">{ summary }</span>
                        if let Some(d) = date { <span class="saved-date">{ d }</span> }
                        if let Some(c) = created { <span class="saved-date saved-created">{ c }</span> }
                    </span>
                },
            };
            html! {
                <li class="saved-item" data-testid={format!("saved-item-{k}")}>
                    { body }
                    <span class="saved-actions">
                        <button type="button" data-testid={format!("saved-load-{k}")} onclick={on_load}
                            aria-label={tf(lang, "library.saved.load_aria", &[("name", &name)])}>
                            { t(lang, "library.saved.load") }
                        </button>
                        <button type="button" data-testid={format!("saved-rename-{k}")} onclick={on_rename}
                            aria-label={tf(lang, "library.saved.rename_aria", &[("name", &name)])}>
                            { t(lang, "library.saved.rename") }
                        </button>
                        <button type="button" class="danger" data-testid={format!("saved-delete-{k}")} onclick={on_delete}
                            aria-label={tf(lang, "library.saved.delete_aria", &[("name", &name)])}>
                            { t(lang, "library.saved.delete") }
                        </button>
                    </span>
                </li>
            }
        })
        .collect();

    let quarantine_view = if quarantine.is_empty() {
        html! {}
    } else {
        html! {
            <section class="quarantine" aria-labelledby="quarantine-heading">
                <h3 id="quarantine-heading">{ t(lang, "library.quarantine.heading") }</h3>
                <ul data-testid="quarantine">
                    { for quarantine.iter().map(|q| html! {
                        <li>{ tf(lang, "library.quarantine.item", &[
                            ("size", &q.raw.chars().count().to_string()),
                            ("reason", &q.reason),
                        ]) }</li>
                    }) }
                </ul>
                <p class="hint">{ t(lang, "library.quarantine.note") }</p>
            </section>
        }
    };

    html! {
        <>
            <section class="card library-intro" aria-labelledby="intro-heading">
                <h2 id="intro-heading">{ t(lang, "library.intro_heading") }</h2>
                <p class="intro" data-testid="intro">{ t(lang, "library.intro") }</p>
                <p class="preset-open" data-testid="preset-open">{ open_now }</p>
                <div class="preset-picker">
                    <label for="preset-select">{ t(lang, "library.preset.label") }</label>
                    <div class="preset-row">
                        <select id="preset-select" data-testid="preset-select" onchange={on_preset}
                            aria-describedby="preset-desc">
                            if unchosen {
                                <option value="" selected=true disabled=true>{ t(lang, "library.preset.unchosen") }</option>
                            }
                            { options }
                        </select>
                        <button type="button" data-testid="preset-load" onclick={on_preset_load} disabled={unchosen}>
                            { t(lang, "library.preset.load") }
                        </button>
                    </div>
                    <p id="preset-desc" class="preset-desc">{ preset_desc }</p>
                    <p class="visually-hidden" role="status" aria-live={quiet(hush)} data-testid="preset-news">
                        { (*load_news).clone().unwrap_or_default() }
                    </p>
                </div>
                <OfflineStatus {lang} {hush} />
            </section>
            <section class="card library-saved" aria-labelledby="saved-heading">
                <h2 id="saved-heading">{ t(lang, "library.saved.heading") }</h2>
                <form class="save-form" onsubmit={on_save}>
                    <label for="save-name">{ t(lang, "library.save_name.label") }</label>
                    <div class="save-row">
                        <input id="save-name" data-testid="save-name" type="text" ref={name_ref}
                            maxlength={storage::MAX_NAME_CHARS.to_string()}
                            placeholder={t(lang, "library.save_name.placeholder")} />
                        <button type="submit" data-testid="save">{ t(lang, "library.save") }</button>
                    </div>
                </form>
                if saved.is_empty() {
                    <p class="hint">{ t(lang, "library.saved.empty") }</p>
                }
                <ul class="saved-list" data-testid="saved-list">{ items }</ul>
                if undo.is_some() {
                    <p class="undo-row">
                        <button type="button" data-testid="library-undo" onclick={on_undo}>
                            { t(lang, "library.saved.undo") }
                        </button>
                    </p>
                }
                <div class="files" role="group" aria-label={t(lang, "library.files.heading")}>
                    <button type="button" data-testid="export" onclick={on_export}>
                        { t(lang, "library.export") }
                    </button>
                    if !saved.is_empty() {
                        <button type="button" data-testid="export-library" onclick={on_export_library}>
                            { t(lang, "library.export_library") }
                        </button>
                    }
                    <label class="file-button">
                        <span>{ t(lang, "library.import") }</span>
                        <input type="file" data-testid="import" accept=".json,application/json"
                            onchange={on_import} />
                    </label>
                </div>
                if let Some(news) = props.news.clone() {
                    // For the eyes: the notice's live region has said it.
                    <p class="library-echo" aria-hidden="true" data-testid="library-echo">{ news }</p>
                }
                { quarantine_view }
            </section>
        </>
    }
}
