//! The running event log, in plain sentences, newest first.

use yew::prelude::*;

use crate::i18n::{t, tf};
use crate::narrate::{event_class, Narrator};
use crate::state::State;

pub fn event_log(state: &UseReducerHandle<State>) -> Html {
    let s = &**state;
    let lang = s.lang;
    if s.world().is_none() {
        return html! {};
    }
    let mut narrator = Narrator::new(lang, &s.scenario);
    let lines: Vec<(String, &'static str)> = s
        .logged()
        .into_iter()
        .map(|e| (narrator.line(e), event_class(e)))
        .collect();
    html! {
        <section class="card log-card" aria-labelledby="log-title">
            <h2 id="log-title">{ t(lang, "watch.log.heading") }</h2>
            if lines.is_empty() {
                <p class="hint">{ t(lang, "watch.log.empty") }</p>
            } else {
                <p class="hint">{ tf(lang, "watch.log.count", &[("n", &lines.len().to_string())]) }</p>
            }
            <ol class="event-log" data-testid="event-log" reversed=true tabindex="0" aria-labelledby="log-title">
                { for lines.into_iter().rev().map(|(text, class)| html! {
                    <li class={classes!("ev", class)}>{ text }</li>
                }) }
            </ol>
        </section>
    }
}
