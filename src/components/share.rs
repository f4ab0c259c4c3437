//! The Share button and the address bar: the scenario and seed travel in the page's fragment.
//!
//! Parsing and building the fragment is `crate::url`; this is the glue to `location`,
//! `history` and the clipboard.

use std::rc::Rc;

use aliansi_sim::Scenario;
use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::editor;
use crate::components::library::notice;
use crate::i18n::{t, tf, Lang};
use crate::state::{Action, State, View};
use crate::url::{self, Fragment};

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub state: UseReducerHandle<State>,
}

/// Copies `text` to the clipboard; `Err` if there is no clipboard or the browser refuses.
pub(crate) async fn copy(text: String) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let navigator = window.navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return Err(JsValue::NULL);
    }
    JsFuture::from(navigator.clipboard().write_text(&text))
        .await
        .map(|_| ())
}

/// Puts the scenario into the address and copies it.
#[function_component(ShareButton)]
pub fn share_button(props: &ShareProps) -> Html {
    let state = props.state.clone();
    let lang = state.lang;
    // The link last made, and the scenario it holds (hidden once the scenario changes).
    let shared = use_state(|| None::<(String, Scenario)>);

    let current = url::scenario_with_seed(&state.scenario, state.seed);
    // The class's choices in this run (decision mode, or a shared run's): the link carries
    // them, so that it replays the run as the class decided it.
    let choices = state
        .live
        .as_ref()
        .map(|w| w.shared_choices())
        .unwrap_or_default();
    let chosen = choices.len();
    let off_ladder = crate::state::off_ladder(&choices, state.scenario.governance.resolution[0]);
    // A shared run's choices set aside (its seed or settings changed): the link goes without
    // them, and the notice says so.
    let set_aside = state.planned.is_some() && !state.planned_applies();
    // Shared before the run's end (a card waiting, say): later disputes are not the class's.
    let done = state.status() == crate::state::Status::Done;
    // The scenario's name (a saved or imported one's) goes with it: the class sees what it is.
    let name = state.loaded_name.clone();
    let on_share = {
        let shared = shared.clone();
        let dispatch = state.dispatcher();
        let current = current.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(window) = web_sys::window() else {
                return;
            };
            let href = window.location().href().unwrap_or_default();
            let link = url::share_url(
                &href,
                &current,
                current.seed,
                name.as_deref(),
                &choices,
                lang,
            );
            push_address(&link);
            // The tab's work is now the scenario of this address: a reload (a phone's browser
            // that dropped the tab while the link was pasted elsewhere) brings back the run
            // where it stood, not the link's month 0.
            keep_working_copy(&current, current.seed);
            shared.set(Some((link.clone(), current.clone())));
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let copied = if set_aside {
                    "library.link_copied_no_choices"
                } else {
                    "library.link_copied"
                };
                let action = match copy(link).await {
                    Ok(()) => notice(copied, &[], false),
                    Err(_) => notice("library.clipboard_refused", &[], true),
                };
                dispatch.dispatch(action);
            });
        })
    };
    let select_all = Callback::from(|e: FocusEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        input.select();
    });

    let link_view = match &*shared {
        Some((link, s)) if *s == current => html! {
            <div class="share-result">
                <label for="share-link">{ t(lang, "library.share.link_label") }</label>
                <input id="share-link" data-testid="share-link" type="text" readonly=true
                    value={link.clone()} onfocus={select_all} />
            </div>
        },
        _ => html! {},
    };

    html! {
        <section class="card share" aria-label={t(lang, "library.share")}>
            <button type="button" data-testid="share" onclick={on_share}>
                { t(lang, "library.share") }
            </button>
            <p class="hint">{ t(lang, "library.share.hint") }</p>
            if chosen > 0 {
                <p class="hint" data-testid="share-choices">
                    { tf(lang, "library.share.choices", &[("n", &chosen.to_string()), ("k", &off_ladder.to_string())]) }
                    if !done {
                        { " " }{ tf(lang, "library.share.choices_so_far", &[("month", &state.month().to_string())]) }
                    }
                </p>
            }
            { link_view }
        </section>
    }
}

/// What a move of the address from `last` to `hash` (Back, Forward, a link typed in the
/// tab) does: what the new address says, except that leaving a broken link for the plain
/// page changes nothing (the broken link loaded nothing, so the page still shows what it
/// showed before it).
fn moved_actions(last: &str, hash: &str, lang: Lang) -> Vec<Action> {
    let from_broken = matches!(url::read_fragment(last), Fragment::Broken { .. });
    if from_broken && url::fragment_text(hash).is_none() {
        return Vec::new();
    }
    address_actions(hash, true, lang)
}

/// The model the page's address says its link was made with, when it is not this build's
/// (`?model=…`, which share links carry: `aliansi_wire::link_from_other_model`).
fn other_model_here() -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    aliansi_wire::link_from_other_model(&href).map(str::to_string)
}

/// `actions` with the notice of an opened link saying, if the address names another model
/// than this build's, that the link's runs may differ from the ones its sender saw.
fn noting_model(mut actions: Vec<Action>) -> Vec<Action> {
    if let Some(model) = other_model_here() {
        for a in &mut actions {
            if let Action::Notify(Some(n)) = a {
                if !n.error {
                    n.other_model = Some(model.clone());
                }
            }
        }
    }
    actions
}

/// What the address says, as actions: load its scenario (and an experiment's variants), or
/// report a broken link. An address without a fragment loads the default scenario only when
/// `empty_is_default` (going back to the plain page), not on first load. A broken link's
/// reason is worded in `lang`.
fn address_actions(hash: &str, empty_is_default: bool, lang: Lang) -> Vec<Action> {
    match url::read_fragment(hash) {
        Fragment::Empty if empty_is_default => vec![Action::BackToPlain],
        Fragment::Empty => vec![],
        Fragment::Scenario(s, choices, name) => {
            let partners = s.partners.len().to_string();
            // In months: the notice words it in the page's language when it shows.
            let horizon = s.horizon_months.to_string();
            let mut actions = if choices.is_empty() {
                vec![
                    Action::Load(s),
                    notice(
                        "library.link_opened",
                        &[("partners", partners), ("horizon", horizon)],
                        false,
                    ),
                ]
            } else {
                let n = choices.len().to_string();
                let k = crate::state::off_ladder(&choices, s.governance.resolution[0]).to_string();
                vec![
                    Action::LoadRun {
                        scenario: s,
                        choices,
                    },
                    notice(
                        "library.link_opened_choices",
                        &[
                            ("partners", partners),
                            ("horizon", horizon),
                            ("n", n),
                            ("k", k),
                        ],
                        false,
                    ),
                ]
            };
            // The name the link carries (its sender's saved or imported scenario's) is the
            // name of what is open now, as when it is opened from the library.
            if let Some(name) = name {
                actions.insert(1, Action::Named(name));
            }
            actions
        }
        Fragment::Experiment(x) => {
            let n = x.variants.len().to_string();
            let runs = x.runs;
            let variants = url::variants_of(&x);
            let mut actions = vec![
                Action::Load(x.scenario),
                Action::SetupExperiment { variants, runs },
                notice("experiments.link_loaded", &[("n", n)], false),
            ];
            if let Some(name) = x.name {
                actions.insert(1, Action::Named(name));
            }
            actions
        }
        Fragment::Broken { error, .. } => {
            let reason = crate::wire_text::explain(lang, &error);
            vec![notice("library.link_broken", &[("reason", reason)], true)]
        }
    }
}

/// `location.hash`, or empty.
pub(crate) fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Where the tab's working copy is kept (session storage: this tab only, gone with it).
const WORKING_COPY_KEY: &str = "aliansi.working.v1";
/// Where the tab keeps the variants of "Compare fairly" (`url::working_variants`), written by
/// its panel through [`keep_variants`].
const WORKING_VARIANTS_KEY: &str = "aliansi.variants.v1";
/// Where the tab keeps how the page is shown: classroom and decision mode, the speed, the
/// lesson open (`state::View`).
const VIEW_KEY: &str = "aliansi.view.v1";
/// Where the tab keeps the run "Run again with a change" remembered (`url::kept_baseline`).
const BASELINE_KEY: &str = "aliansi.baseline.v1";
/// Where the tab keeps the scenario it loaded under a name, and the name (`url::kept_loaded`).
const LOADED_KEY: &str = "aliansi.loaded.v1";
/// Where the tab keeps the scenario a load replaced, which the page offers back
/// (`State::replaced`, in the form of `url::kept_baseline`, without choices): Back from a link
/// to the plain address, when it loads the page again, brings it back as Back within the page
/// does.
const REPLACED_KEY: &str = "aliansi.replaced.v1";
/// Where this device keeps the scenario being edited, the user's own (edited, or brought back),
/// for a tab closed before it was saved (local storage: every tab of the page's origin; a tab
/// opened from a chat app is often thrown away with its session storage, and the student's
/// work with it: an audit). A fresh tab offers it back (`url::draft_to_offer`).
pub(crate) const DRAFT_KEY: &str = "aliansi.draft.v1";

/// The draft of this device that a fresh tab opening with `opening` offers back, if any.
fn draft_offer(opening: &Scenario) -> Option<Scenario> {
    use crate::components::library::local;
    let kept = local::read(DRAFT_KEY).ok().flatten()?;
    let raw = local::read(crate::storage::SAVED_KEY).ok().flatten();
    let saved = crate::storage::load(raw.as_deref(), None)
        .map(|l| l.saved)
        .unwrap_or_default();
    let saved: Vec<&Scenario> = saved.iter().map(|s| &s.scenario).collect();
    url::draft_to_offer(&kept, opening, &saved)
}

/// Puts `link` in the address as a new entry of the tab's history, which keeps the variants of
/// "Compare fairly" as they are (see [`keep_variants`]). The address it already shows (Share
/// clicked again with nothing changed) stays one entry, so that one Back leaves it.
pub(crate) fn push_address(link: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(history) = window.history() else {
        return;
    };
    let _ = if window.location().href().is_ok_and(|here| here == link) {
        history.replace_state_with_url(&entry_state(), "", Some(link))
    } else {
        history.push_state_with_url(&entry_state(), "", Some(link))
    };
}

/// A link whose `#` came encoded or whose scenario is in the query: the address is put right
/// (`url::mended_address`) before the page reads it, in place of the entry it opened with.
fn mend_address() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let href = window.location().href().unwrap_or_default();
    if let (Some(fixed), Ok(history)) = (url::mended_address(&href), window.history()) {
        let _ = history.replace_state_with_url(&entry_state(), "", Some(&fixed));
    }
}

/// What the entry of the tab's history keeps: the variants of "Compare fairly" as the tab
/// keeps them (`url::working_variants`), or null.
fn entry_state() -> JsValue {
    as_entry_state(kept_in_tab(WORKING_VARIANTS_KEY).as_deref())
}

fn as_entry_state(kept: Option<&str>) -> JsValue {
    kept.map_or(JsValue::NULL, JsValue::from_str)
}

/// Writes `state` into the history entry shown now.
fn stamp_entry(state: &JsValue) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state(state, "");
    }
}

/// Keeps the variants of "Compare fairly" (`url::working_variants`, `None`: nothing kept) in
/// the tab, for a reload, and in the history entry shown now, for Back and Forward: coming back
/// to an address brings back the variants the page had there (an experiment link's, as the
/// user left them, or the user's own before it).
pub(crate) fn keep_variants(kept: Option<&str>) {
    keep_in_tab(WORKING_VARIANTS_KEY, kept);
    stamp_entry(&as_entry_state(kept));
}

/// Keeps `scenario` with `seed` as the tab's working copy, under the address shown now.
fn keep_working_copy(scenario: &Scenario, seed: u64) {
    let copy = url::working_copy(&current_hash(), scenario, seed);
    keep_in_tab(WORKING_COPY_KEY, Some(&copy));
}

/// Keeps `scenario` with `seed` as this device's draft (`DRAFT_KEY`). Storage that refuses
/// (private mode, full) only means no draft.
fn keep_draft(scenario: &Scenario, seed: u64) {
    let _ = crate::components::library::local::write(DRAFT_KEY, &url::draft(scenario, seed));
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

fn kept_in_tab(key: &str) -> Option<String> {
    session_storage()?.get_item(key).ok().flatten()
}

/// Keeps `value` under `key` in the tab's session storage, or removes the key for `None`.
/// Storage that refuses (private mode, full) only means nothing is kept.
pub(crate) fn keep_in_tab(key: &str, value: Option<&str>) {
    if let Some(s) = session_storage() {
        let _ = match value {
            Some(v) => s.set_item(key, v),
            None => s.remove_item(key),
        };
    }
}

/// Reads a shared scenario from the address on load and on back/forward, and keeps the
/// scenario being edited as the tab's working copy, which a reload under the same address
/// brings back (`url::working_copy`), with the variants of "Compare fairly"
/// (`url::working_variants`) and how the page is shown (`state::View`: classroom and
/// decision mode, the speed, the lesson open, the month the run stood at and the class's
/// choices). Renders nothing.
#[function_component(UrlSync)]
pub fn url_sync(props: &ShareProps) -> Html {
    let dispatch = props.state.dispatcher();
    // The fragment last acted on: back/forward fires popstate and then hashchange; act once.
    let last = use_mut_ref(String::new);
    // The page's language now, for the listeners registered on mount.
    let lang = use_mut_ref(|| props.state.lang);
    *lang.borrow_mut() = props.state.lang;
    // Read in the first render, before any effect: the variants panel writes its (still empty)
    // variants in its first effect.
    let kept_variants = use_mut_ref(|| kept_in_tab(WORKING_VARIANTS_KEY));
    use_effect_with((), move |_| {
        mend_address();
        let hash = current_hash();
        // How the tab showed the page first: reopening a lesson loads its scenario and
        // experiment, which the address and the working copies below then replace.
        let view = kept_in_tab(VIEW_KEY).and_then(|k| View::parse(&k));
        let mut actions = view.as_ref().map(View::actions).unwrap_or_default();
        let address = noting_model(address_actions(&hash, false, *lang.borrow()));
        // The scenario the address opens with (a link's), or the page's own.
        let opening = address
            .iter()
            .find_map(|a| match a {
                Action::Load(s) | Action::LoadRun { scenario: s, .. } => Some(s.clone()),
                _ => None,
            })
            .unwrap_or_else(aliansi_sim::presets::default_scenario);
        let address_news = address.iter().any(|a| matches!(a, Action::Notify(Some(_))));
        // After the address's own actions: what the tab had wins over the link it was opened
        // with (see `url::restore_working_copy` and `url::restore_working_variants`).
        let kept_copy = kept_in_tab(WORKING_COPY_KEY);
        let mut draft_found = None;
        let restored = kept_copy
            .as_deref()
            .and_then(|k| url::restore_working_copy(k, &hash));
        // A link opened over what the tab had under another address (by a full load: pasted
        // into the address bar, say): loaded over it, as over a scenario being edited, so that
        // the page offers it back rather than drop it.
        // And Back from such a link to the plain address, loading the page again: what the
        // link replaced comes back (as Back does within the page).
        if restored.is_none() {
            let replaced = if url::fragment_text(&hash).is_none_or(str::is_empty) {
                kept_in_tab(REPLACED_KEY)
                    .and_then(|k| url::restore_baseline(&k))
                    .map(|(s, _)| s)
            } else {
                kept_copy
                    .as_deref()
                    .and_then(|k| url::replaced_by_link(k, &hash))
            };
            let fresh = replaced.is_none();
            if let Some(before) = replaced {
                actions.push(Action::SetScenario(before));
            }
            // A fresh tab (nothing of its own to bring back): the scenario a closed tab was
            // editing, unsaved, is offered back, after what the address opens.
            if fresh {
                draft_found = draft_offer(&opening);
            }
        }
        // A reload that brings back work done since the link opened: the page shows that
        // work, so the banner describing the link's scenario ("2 partners over 10 years")
        // would describe another scenario, and is left out.
        let link_is_shown = restored.as_ref().is_none_or(|r| {
            address.iter().any(
                |a| matches!(a, Action::Load(s) | Action::LoadRun { scenario: s, .. } if s == r),
            )
        });
        actions.extend(address.into_iter().filter(|a| {
            link_is_shown
                || !matches!(a, Action::Notify(Some(n)) if n.key.starts_with("library.link_opened"))
        }));
        // A share link cut before its scenario, opened in a fresh tab: say so, rather than
        // let the page's own scenario pass for the shared one.
        let href = gloo::utils::window().location().href().unwrap_or_default();
        let cut = restored.is_none() && url::cut_before_fragment(&href);
        if cut {
            actions.push(notice("library.link_cut", &[], true));
        }
        if let Some(draft) = draft_found {
            actions.push(Action::OfferDraft(draft));
            if !address_news && !cut {
                actions.push(notice("app.draft_found", &[], false));
            }
        }
        let same_world = restored.is_some();
        // An edit, not a load: the scenario the address or the lesson loaded stays the one
        // it differs from, so loading another later offers to bring the edited one back.
        if let Some(scenario) = restored {
            // What the tab had loaded under a name (from the library, a file), with the name:
            // "Open now" and Share say it as before the reload.
            if let Some((loaded, name)) =
                kept_in_tab(LOADED_KEY).and_then(|k| url::restore_loaded(&k, &hash))
            {
                actions.push(Action::Reopened { loaded, name });
            }
            actions.push(Action::SetScenario(scenario));
        }
        let lesson = view.as_ref().is_some_and(|v| v.lesson.is_some());
        let variants = kept_variants.borrow_mut().take();
        if let Some((variants, runs)) =
            variants.and_then(|k| url::restore_working_variants(&k, &hash, lesson))
        {
            actions.push(Action::SetupExperiment { variants, runs });
        }
        // The run where it stood, in the restored scenario's world only.
        if same_world {
            actions.extend(view.as_ref().and_then(View::replay));
        }
        // The run "Run again with a change" remembered: the tab's, whatever the address.
        if let Some((scenario, choices)) =
            kept_in_tab(BASELINE_KEY).and_then(|k| url::restore_baseline(&k))
        {
            actions.push(Action::RestoreBaseline { scenario, choices });
        }
        for a in actions {
            dispatch.dispatch(a);
        }
        *last.borrow_mut() = hash;
        let window = gloo::utils::window();
        let last_seen = last.clone();
        // Acts on the address now (after Back, Forward or a link typed in the tab), then
        // brings back the variants the history entry kept (`entry`: Back and Forward).
        let follow = Rc::new(move |hash: String, entry: Option<String>| {
            let mut actions = noting_model(moved_actions(&last.borrow(), &hash, *lang.borrow()));
            if !actions.is_empty() {
                dispatch.dispatch(Action::Notify(None));
                if let Some((variants, runs)) = entry.as_deref().and_then(url::kept_variants) {
                    actions.push(Action::SetupExperiment { variants, runs });
                }
            }
            for a in actions {
                dispatch.dispatch(a);
            }
            // An entry of the language of its time (`?lang=id` before a switch to English):
            // the page keeps the language chosen last, and the address says it.
            let now = *lang.borrow();
            let href = gloo::utils::window().location().href().unwrap_or_default();
            if url::lang_in(&href).is_some_and(|l| l != now) {
                crate::components::lang_switch::show_in_address(now);
            }
            *last.borrow_mut() = hash;
        });
        let on_pop = {
            let follow = follow.clone();
            EventListener::new(&window, "popstate", move |e| {
                let entry = e
                    .dyn_ref::<web_sys::PopStateEvent>()
                    .and_then(|e| e.state().as_string());
                follow(current_hash(), entry)
            })
        };
        let on_hash = {
            let last = last_seen.clone();
            EventListener::new(&window, "hashchange", move |_| {
                let hash = current_hash();
                if *last.borrow() != hash {
                    follow(hash, None);
                    // A link typed or pasted in the tab: a new entry, which keeps the variants
                    // as they are now (an experiment link's replace them, and keep them again).
                    stamp_entry(&entry_state());
                }
            })
        };
        move || {
            drop(on_pop);
            drop(on_hash);
        }
    });
    // What is typed in an editor field but not yet applied (a number applies on Enter or when
    // the field is left) is applied when the page goes away or out of sight: a reload, a
    // closed tab, a phone switching apps, which may discard the tab. It is kept at once, from
    // the scenario drawn last: the page may be gone before it draws again (Yew draws in later
    // tasks when it has much to draw, as just after the page opened).
    let drawn = use_mut_ref(|| props.state.clone());
    *drawn.borrow_mut() = props.state.clone();
    use_effect_with((), move |_| {
        let apply_typed = move |_: &Event| {
            let focused = gloo::utils::document().active_element();
            let Some(input) = focused.and_then(|e| e.dyn_into::<HtmlInputElement>().ok()) else {
                return;
            };
            let state = drawn.borrow().clone();
            let edit = editor::typed_edit(&input, state.lang.decimal_mark());
            if let Some(Ok(scenario)) = edit.map(|e| editor::ops::apply(&state.scenario, &e)) {
                keep_working_copy(&scenario, state.seed);
                keep_draft(&scenario, state.seed);
            }
            // And applied in the page, as leaving the field would (for a tab that stays).
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            if let Ok(change) = Event::new_with_event_init_dict("change", &init) {
                let _ = input.dispatch_event(&change);
            }
        };
        let document = gloo::utils::document();
        let on_hide = EventListener::new(&gloo::utils::window(), "pagehide", apply_typed.clone());
        let on_hidden = EventListener::new(&document.clone(), "visibilitychange", move |e| {
            if document.visibility_state() == web_sys::VisibilityState::Hidden {
                apply_typed(e)
            }
        });
        move || drop((on_hide, on_hidden))
    });
    // Written after the load above has read it (effects run in order). Storage that refuses
    // (private mode, full) only means no working copy.
    let (scenario, seed) = (props.state.scenario.clone(), props.state.seed);
    // The user's own work is also kept on this device, for a tab closed unsaved (`DRAFT_KEY`).
    let own = props.state.edited();
    use_effect_with((scenario, seed, own), |(scenario, seed, own)| {
        keep_working_copy(scenario, *seed);
        if *own {
            keep_draft(scenario, *seed);
        }
        || ()
    });
    // The scenario loaded under a name, kept when either changes (under the address of then).
    let loaded = (props.state.loaded.clone(), props.state.loaded_name.clone());
    use_effect_with(loaded, |(loaded, name)| {
        let kept = name
            .as_deref()
            .map(|name| url::kept_loaded(&current_hash(), loaded, name));
        keep_in_tab(LOADED_KEY, kept.as_deref());
        || ()
    });
    use_effect_with(props.state.view(), |view| {
        keep_in_tab(VIEW_KEY, Some(&view.to_text()));
        || ()
    });
    // The remembered run, kept when it changes (the pointer to its result tells one from
    // another without comparing scenarios at every render).
    let baseline_id = props
        .state
        .baseline
        .as_ref()
        .map(|b| Rc::as_ptr(&b.result) as usize);
    let state = props.state.clone();
    use_effect_with(baseline_id, move |_| {
        let kept = state
            .baseline
            .as_ref()
            .map(|b| url::kept_baseline(&b.scenario, b.seed, &b.choices));
        keep_in_tab(BASELINE_KEY, kept.as_deref());
        || ()
    });
    // The scenario a load replaced, kept while the page offers it back (told apart by its
    // pointer, as the remembered run is, not by comparing scenarios at every render).
    let replaced_id = props
        .state
        .replaced
        .as_ref()
        .map(|r| Rc::as_ptr(r) as usize);
    let replaced = props.state.replaced.clone();
    use_effect_with(replaced_id, move |_| {
        let kept = replaced
            .as_ref()
            .map(|r| url::kept_baseline(r, r.seed, &[]));
        keep_in_tab(REPLACED_KEY, kept.as_deref());
        || ()
    });
    html! {}
}
