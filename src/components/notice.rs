//! The banner for `state.notice`, with a dismiss button; it also offers to bring back an edited
//! scenario that loading another replaced (`state.replaced`).

use yew::prelude::*;

use crate::components::live::quiet;
use crate::i18n::{t, tf};
use crate::state::{Action, State};

/// The notice's words, in the page's language now.
pub fn notice_text(s: &State) -> Option<String> {
    s.notice.as_ref().map(|n| {
        // A `horizon` is kept in months and worded here, in the page's language now: a
        // language switch after the notice rewords it too ("10 years", "10 tahun").
        let words: Vec<String> = n
            .args
            .iter()
            .map(|(k, v)| match (k.as_str(), v.parse::<u32>()) {
                ("horizon", Ok(months)) => crate::variants::horizon_words(s.lang, months),
                _ => v.clone(),
            })
            .collect();
        let args: Vec<(&str, &str)> = n
            .args
            .iter()
            .zip(&words)
            .map(|((k, _), v)| (k.as_str(), v.as_str()))
            .collect();
        tf(s.lang, n.key, &args)
    })
}

/// News of the library's own buttons (saved, renamed, deleted, exported, imported, merged, or
/// the browser's storage refusing): on a phone it stays at the top of the page, and the library
/// repeats it under its buttons, where the reader is (held over the screen, it covered the
/// buttons below Save). Share's news, though worded under `library.`, is held in view as before.
pub fn is_library_news(s: &State) -> bool {
    s.notice.as_ref().is_some_and(|n| {
        let k = n.key;
        k.starts_with("library.saved")
            || k.starts_with("library.import")
            || k.starts_with("library.storage_")
            || k.starts_with("library.merged")
            || k.starts_with("library.err.")
            || k.starts_with("library.name_")
            || matches!(
                k,
                "library.exported" | "library.library_exported" | "library.quarantined"
            )
    })
}

/// News of what the page opened with (a shared link, an experiment link).
fn is_arrival(key: &str) -> bool {
    matches!(
        key,
        "library.link_opened" | "library.link_opened_choices" | "experiments.link_loaded"
    )
}

pub fn notice_banner(state: &UseReducerHandle<State>) -> Html {
    let s = &**state;
    let shown = s.notice.is_some() || s.replaced.is_some();
    let text = notice_text(s);
    let error = s.notice.as_ref().is_some_and(|n| n.error);
    // Dismissing the offer of a closed tab's unsaved scenario forgets it on this device too
    // (else every new tab would offer it again).
    let offered_draft = s
        .notice
        .as_ref()
        .is_some_and(|n| n.key == "app.draft_found");
    let dismiss = {
        let d = state.dispatcher();
        move |_| {
            if offered_draft {
                crate::components::library::local::remove(crate::components::share::DRAFT_KEY);
            }
            d.dispatch(Action::Notify(None));
            d.dispatch(Action::ForgetReplaced);
        }
    };
    let to = |id: &'static str| {
        move |_: MouseEvent| {
            if let Some(el) = gloo::utils::document().get_element_by_id(id) {
                el.scroll_into_view();
            }
        }
    };
    let key = s.notice.as_ref().map(|n| n.key);
    let restore = {
        let d = state.dispatcher();
        move |_| d.dispatch(Action::Restore)
    };
    let words = html! {
        <>
            if let Some(text) = text {
                <p>{ text }</p>
            }
            if let Some(model) = s.notice.as_ref().and_then(|n| n.other_model.as_deref()) {
                <p data-testid="notice-model">{ tf(s.lang, "library.link_other_model", &[("model", model), ("current", aliansi_sim::MODEL_VERSION)]) }</p>
            }
            if s.replaced.is_some() && !offered_draft {
                // Under news of a load that failed ("nothing was changed"), the offer is an
                // earlier load's: said so (it read as if the failed one had replaced it).
                <p data-testid="replaced">{ t(s.lang, if error { "app.replaced_earlier" } else { "app.replaced" }) }</p>
            }
        </>
    };
    let (news, alarm) = if error {
        (html! {}, words)
    } else {
        (words, html! {})
    };
    // The words are read out from two live regions that are always in the page, empty when
    // there is no notice (a region that comes in with its words already in it is often not
    // read out): news in the status region, an error in the alert region. The buttons are
    // outside them, so they are not read out as part of the message.
    let class = match (shown, error) {
        (false, _) => "notice-slot",
        (true, false) => "notice",
        (true, true) => "notice error",
    };
    // News of what the page opened with (a shared link, an experiment link): read at the top
    // of the page, where a phone opens it, and not held over the screen after (on a phone it
    // took a quarter of the screen while the student scrolled to Run, and lay over the results
    // of the experiment it announced). Styles: on a narrow screen only.
    let arrival = !error && s.notice.as_ref().is_some_and(|n| is_arrival(n.key));
    let class = classes!(
        class,
        arrival.then_some("arrival"),
        is_library_news(s).then_some("library-news")
    );
    html! {
        <div {class} data-testid={shown.then_some("notice")}>
            <div class="notice-words">
                <div role="status" aria-live={quiet(s.hush)} data-testid="notice-news">{ news }</div>
                <div role="alert" aria-live={quiet(s.hush)} data-testid="notice-alarm">{ alarm }</div>
            </div>
            // What the news of an opened link asks for is screens below on a phone: Run (four
            // screens), the experiment's variants (fifteen).
            if matches!(key, Some("library.link_opened" | "library.link_opened_choices")) {
                <button type="button" class="primary" data-testid="notice-to-run" onclick={to("controls-title")}>
                    { t(s.lang, "library.to_run") }
                </button>
            }
            if key == Some("experiments.link_loaded") {
                <button type="button" class="primary" data-testid="notice-to-variants" onclick={to("variants-title")}>
                    { t(s.lang, "experiments.to_variants") }
                </button>
            }
            if s.replaced.is_some() {
                <button type="button" class="primary" data-testid="restore" data-refocus="preset-select" onclick={restore}>
                    { t(s.lang, "app.restore") }
                </button>
            }
            if shown {
                // Once the notice is gone, the keyboard's focus goes on to the control after it.
                <button type="button" data-testid="notice-dismiss" data-refocus="preset-select" onclick={dismiss}>
                    { t(s.lang, "watch.notice.dismiss") }
                </button>
            }
        </div>
    }
}
