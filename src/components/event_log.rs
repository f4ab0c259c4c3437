//! The running event log, in plain sentences, newest first.

use aliansi_sim::Scenario;
use yew::prelude::*;

use crate::i18n::{t, tf, Lang};
use crate::log::LogCache;
use crate::narrate::event_class;
use crate::state::{logged_events, LiveWorld, State};

/// The most lines the log shows: the newest. A long run of many partners logs tens of
/// thousands of events; writing and laying out every one of them at each month froze the page
/// for seconds (30 partners over 600 months: 11 s for Finish). The older ones are counted.
pub const SHOWN_LINES: usize = 500;

/// The log of the current run, if the scenario can run.
pub fn event_log(state: &UseReducerHandle<State>) -> Html {
    match &state.live {
        Ok(live) => html! {
            <EventLog lang={state.lang} live={live.clone()} scenario={state.scenario.clone()}
                decisions={state.decisions} />
        },
        Err(_) => html! {},
    }
}

#[derive(Properties, PartialEq)]
pub struct EventLogProps {
    pub lang: Lang,
    pub live: LiveWorld,
    pub scenario: Scenario,
    pub decisions: bool,
}

/// A component of its own, so that the page's other changes (a batch's progress, a field of
/// the sweep) do not draw it again; and it keeps the lines it wrote ([`LogCache`]): a new month
/// narrates only its own events, a name typed narrates nothing.
#[function_component(EventLog)]
fn event_log_view(p: &EventLogProps) -> Html {
    let cache = use_mut_ref(LogCache::default);
    let lang = p.lang;
    let events = logged_events(&p.live, p.decisions);
    let n = events.len();
    let (skip, lines) = cache
        .borrow_mut()
        .newest(lang, &p.scenario, &events, SHOWN_LINES);
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
                { for lines.into_iter().enumerate().rev().map(|(k, text)| html! {
                    <li key={skip + k} class={classes!("ev", event_class(events[skip + k]))}>{ text }</li>
                }) }
            </ol>
        </section>
    }
}
