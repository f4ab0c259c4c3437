//! The running event log, in plain sentences, newest first.

use yew::prelude::*;

use crate::i18n::{t, tf};
use crate::narrate::{event_class, Narrator};
use crate::state::State;

/// The most lines the log shows: the newest. A long run of many partners logs tens of
/// thousands of events; writing and laying out every one of them at each month froze the page
/// for seconds (30 partners over 600 months: 11 s for Finish). The older ones are counted.
pub const SHOWN_LINES: usize = 500;

pub fn event_log(state: &UseReducerHandle<State>) -> Html {
    let s = &**state;
    let lang = s.lang;
    if s.world().is_none() {
        return html! {};
    }
    let events = s.logged();
    let n = events.len();
    let skip = n.saturating_sub(SHOWN_LINES);
    let mut narrator = Narrator::new(lang, &s.scenario);
    events[..skip].iter().for_each(|e| narrator.observe(e));
    let lines: Vec<(usize, String, &'static str)> = events[skip..]
        .iter()
        .enumerate()
        .map(|(k, e)| (skip + k, narrator.line(e), event_class(e)))
        .collect();
    let count = if n == 0 {
        t(lang, "watch.log.empty").to_string()
    } else if skip == 0 {
        tf(lang, "watch.log.count", &[("n", &n.to_string())])
    } else {
        tf(
            lang,
            "watch.log.count_newest",
            &[("n", &n.to_string()), ("shown", &SHOWN_LINES.to_string())],
        )
    };
    // Room for the numbers: "14530." is wider than the list's usual margin.
    let wide = match n.to_string().len() {
        0..=3 => None,
        4 => Some("digits-4"),
        5 => Some("digits-5"),
        _ => Some("digits-6"),
    };
    html! {
        <section class="card log-card" aria-labelledby="log-title">
            <h2 id="log-title">{ t(lang, "watch.log.heading") }</h2>
            <p class="hint" data-testid="event-log-count">{ count }</p>
            // Numbered from the run's first event (`start`), newest first. Each line is keyed by
            // its event's place in the run, so a new month adds its lines at the top rather than
            // rewriting every line below them.
            // A stop of the keyboard's (to scroll it) only once it has lines.
            <ol class={classes!("event-log", wide)} data-testid="event-log" reversed=true start={n.to_string()}
                tabindex={(n > 0).then_some("0")} aria-labelledby="log-title">
                { for lines.into_iter().rev().map(|(k, text, class)| html! {
                    <li key={k} class={classes!("ev", class)}>{ text }</li>
                }) }
            </ol>
        </section>
    }
}
