//! The running event log, in plain sentences, newest first.

use aliansi_sim::Scenario;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::live::{live, quiet};
use crate::i18n::{t, tf, Lang};
use crate::log::{LogCache, LogFilter, LOG_KINDS};
use crate::narrate::{event_class, partner_names};
use crate::state::{logged_events, LiveWorld, State};

/// The most lines the log shows: the newest. A long run of many partners logs tens of
/// thousands of events; writing and laying out every one of them at each month froze the page
/// for seconds (30 partners over 600 months: 11 s for Finish). The older ones are counted.
pub const SHOWN_LINES: usize = 500;

/// The log of the current run, if the scenario can run.
pub fn event_log(state: &UseReducerHandle<State>) -> Html {
    match &state.live {
        Ok(live) => html! {
            <EventLog lang={state.lang} hush={state.hush} live={live.clone()} scenario={state.scenario.clone()}
                decisions={state.decisions} playing={state.playing} />
        },
        Err(_) => html! {},
    }
}

#[derive(Properties, PartialEq)]
pub struct EventLogProps {
    pub lang: Lang,
    /// Live regions are quiet: the language has just changed (components/live.rs).
    #[prop_or_default]
    pub hush: bool,
    pub live: LiveWorld,
    pub scenario: Scenario,
    pub decisions: bool,
    /// Whether the run is playing: its count of events, said as the filter changes, is not
    /// said at every month (a screen reader heard "2 events", "3 events" ... forty times a run).
    pub playing: bool,
}

/// A component of its own, so that the page's other changes (a batch's progress, a field of
/// the sweep) do not draw it again; and it keeps the lines it wrote ([`LogCache`]): a new month
/// narrates only its own events, a name typed narrates nothing.
#[function_component(EventLog)]
fn event_log_view(p: &EventLogProps) -> Html {
    let hush = p.hush;
    let cache = use_mut_ref(LogCache::default);
    let news = use_mut_ref(|| (None::<usize>, String::new()));
    let chosen = use_state(|| LogFilter::All);
    let lang = p.lang;
    let names = partner_names(&p.scenario);
    // A partner since removed in the editor: every event again.
    let filter = match *chosen {
        LogFilter::Partner(i) if i >= names.len() => LogFilter::All,
        f => f,
    };
    let events = logged_events(&p.live, p.decisions);
    let n = events.len();
    let (listed, lines) =
        cache
            .borrow_mut()
            .newest(lang, &p.scenario, &events, filter, SHOWN_LINES);
    // The newest news of the run (a shock, a violation, a dispute left unresolved, a partner
    // gone) in a status region, so that a screen reader follows a run as it plays (it heard
    // only the log's count before: an accessibility audit). The sentence is kept while its
    // event stays the newest news, so that a language switch or a filter does not say it again.
    let newest_news = events.iter().rposition(|e| crate::narrate::is_news(e));
    {
        let mut said = news.borrow_mut();
        if said.0 != newest_news {
            let text = newest_news.map(|i| {
                lines
                    .iter()
                    .find(|(k, _)| *k == i)
                    .map(|(_, text)| text.clone())
                    .unwrap_or_else(|| {
                        crate::narrate::Narrator::new(lang, &p.scenario).line(events[i])
                    })
            });
            *said = (newest_news, text.unwrap_or_default());
        }
    }
    let news_text = news.borrow().1.clone();
    let (n_text, listed_text, shown_text) =
        (n.to_string(), listed.to_string(), SHOWN_LINES.to_string());
    let args = [
        ("n", n_text.as_str()),
        ("listed", &listed_text),
        ("shown", &shown_text),
    ];
    let count = match (n, filter, listed > SHOWN_LINES) {
        (0, _, _) => t(lang, "watch.log.empty").to_string(),
        (_, LogFilter::All, false) => tf(lang, "watch.log.count", &args),
        (_, LogFilter::All, true) => tf(lang, "watch.log.count_newest", &args),
        (_, _, _) if listed == 0 => tf(lang, "watch.log.count_none", &args),
        (_, _, false) => tf(lang, "watch.log.count_filtered", &args),
        (_, _, true) => tf(lang, "watch.log.count_filtered_newest", &args),
    };
    // Room for the numbers: "14530." is wider than the list's usual margin.
    let wide = match n_text.len() {
        0..=3 => None,
        4 => Some("digits-4"),
        5 => Some("digits-5"),
        _ => Some("digits-6"),
    };
    let on_filter = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            chosen.set(filter_of(&v));
        })
    };
    let option = |f: LogFilter, text: String| {
        html! { <option value={filter_value(f)} selected={f == filter}>{ text }</option> }
    };
    html! {
        <section class="card log-card" aria-labelledby="log-title">
            <h2 id="log-title">{ t(lang, "watch.log.heading") }</h2>
            <label class="field log-filter">
                <span>{ t(lang, "watch.log.show") }</span>
                <select data-testid="log-filter" onchange={on_filter}>
                    { option(LogFilter::All, t(lang, "watch.log.filter.all").to_string()) }
                    { for LOG_KINDS.iter().map(|&k| option(LogFilter::Kind(k), t(lang, &format!("watch.log.filter.{k}")).to_string())) }
                    { for names.iter().enumerate().map(|(i, name)| option(LogFilter::Partner(i), tf(lang, "watch.log.filter.partner", &[("name", name)]))) }
                </select>
            </label>
            <p class="visually-hidden" role="status" aria-live={quiet(hush)} data-testid="run-news">{ news_text }</p>
            <p class="hint" data-testid="event-log-count"
                aria-live={live(hush || p.playing, "polite")}>{ count }</p>
            // Newest first, each numbered by its event's place in the run (so that a filtered
            // list keeps the numbers of the whole log). Each line is keyed by that place, so a
            // new month adds its lines at the top rather than rewriting every line below them.
            // A stop of the keyboard's (to scroll it) only once it has lines.
            <ol class={classes!("event-log", wide)} data-testid="event-log" reversed=true
                tabindex={(!lines.is_empty()).then_some("0")} aria-labelledby="log-title">
                { for lines.into_iter().rev().map(|(i, text)| html! {
                    <li key={i} value={(i + 1).to_string()} class={classes!("ev", event_class(events[i]))}>{ crate::narrate::held_ordinals(&text) }</li>
                }) }
            </ol>
        </section>
    }
}

/// A filter as the value of its option: "all", a kind ("dispute"), or "p" and a partner's
/// place ("p2").
fn filter_value(f: LogFilter) -> String {
    match f {
        LogFilter::All => "all".into(),
        LogFilter::Kind(k) => k.into(),
        LogFilter::Partner(i) => format!("p{i}"),
    }
}

fn filter_of(v: &str) -> LogFilter {
    if let Some(k) = LOG_KINDS.iter().find(|&&k| k == v) {
        LogFilter::Kind(k)
    } else if let Some(i) = v.strip_prefix('p').and_then(|i| i.parse().ok()) {
        LogFilter::Partner(i)
    } else {
        LogFilter::All
    }
}
