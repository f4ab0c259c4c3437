//! The banner for `state.notice`, with a dismiss button; it also offers to bring back an edited
//! scenario that loading another replaced (`state.replaced`).

use yew::prelude::*;

use crate::i18n::{t, tf};
use crate::state::{Action, State};

pub fn notice_banner(state: &UseReducerHandle<State>) -> Html {
    let s = &**state;
    let shown = s.notice.is_some() || s.replaced.is_some();
    let text = s.notice.as_ref().map(|n| {
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
    });
    let error = s.notice.as_ref().is_some_and(|n| n.error);
    let dismiss = {
        let d = state.dispatcher();
        move |_| {
            d.dispatch(Action::Notify(None));
            d.dispatch(Action::ForgetReplaced);
        }
    };
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
            if s.replaced.is_some() {
                <p data-testid="replaced">{ t(s.lang, "app.replaced") }</p>
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
    html! {
        <div {class} data-testid={shown.then_some("notice")}>
            <div class="notice-words">
                <div role="status" data-testid="notice-news">{ news }</div>
                <div role="alert" data-testid="notice-alarm">{ alarm }</div>
            </div>
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
