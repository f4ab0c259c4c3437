//! The banner for `state.notice`, with a dismiss button.

use yew::prelude::*;

use crate::i18n::{t, tf};
use crate::state::{Action, State};

pub fn notice_banner(state: &UseReducerHandle<State>) -> Html {
    let s = &**state;
    let Some(n) = &s.notice else {
        return html! {};
    };
    let args: Vec<(&str, &str)> = n
        .args
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let text = tf(s.lang, n.key, &args);
    let d = state.dispatcher();
    let (class, role) = if n.error {
        ("notice error", "alert")
    } else {
        ("notice", "status")
    };
    html! {
        <div class={class} data-testid="notice" role={role}>
            <p>{ text }</p>
            <button type="button" data-testid="notice-dismiss" onclick={move |_| d.dispatch(Action::Notify(None))}>
                { t(s.lang, "watch.notice.dismiss") }
            </button>
        </div>
    }
}
