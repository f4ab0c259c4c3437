//! "Many futures": the run-count field, start and cancel, progress and time left, then the
//! results ([`super::batch_results`]). The runs happen in web workers ([`crate::workers`]).

use aliansi_sim::Scenario;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::batch::{
    min_sec, parse_runs, Panel, PanelAction, Phase, DEFAULT_RUNS, MAX_RUNS, MIN_RUNS,
};
use crate::components::batch_results::BatchResults;
use crate::components::live::{live, quiet};
use crate::i18n::{t, tf, Lang};
use crate::narrate::amount;
use crate::workers::{Event, Pool};

/// The page's language and scenario: all the panel takes from the page, so that a run
/// playing (a new state each month) does not draw the panel again.
#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// Live regions are quiet: the language has just changed (components/live.rs).
    #[prop_or_default]
    pub hush: bool,
    pub scenario: Scenario,
}

fn count(lang: Lang, n: u64) -> String {
    amount(lang, n as f64)
}

fn eta_text(lang: Lang, eta: Option<f64>) -> String {
    match eta.map(min_sec) {
        None => t(lang, "experiments.eta_estimating").to_string(),
        Some((0, s)) => tf(lang, "experiments.eta_seconds", &[("s", &s.to_string())]),
        Some((m, s)) => tf(
            lang,
            "experiments.eta_minutes",
            &[("m", &m.to_string()), ("s", &s.to_string())],
        ),
    }
}

/// A job running in the workers, as [`running_block`] shows it.
pub(crate) struct Running {
    /// The panel's name: the ids `{id}-progress` and `{id}-cancel` (also their data-testids).
    pub id: &'static str,
    /// What is done so far, in words (the progress bar's label).
    pub label: String,
    pub done: u64,
    pub total: u64,
    /// The bar's name for a screen reader, when its label is not enough.
    pub aria_label: Option<&'static str>,
    /// The time left, in words.
    pub eta: Option<String>,
    pub cancel_text: &'static str,
    /// The data-testid of the control that takes the focus when Cancel goes away.
    pub refocus: &'static str,
    pub cancel: Callback<MouseEvent>,
}

/// The progress of a job in the workers, with its Cancel button: shared by "Many futures",
/// "Compare fairly" and the sweep.
pub(crate) fn running_block(r: Running) -> Html {
    let (bar, cancel) = (format!("{}-progress", r.id), format!("{}-cancel", r.id));
    html! {
        <div class="batch-running">
            <label for={bar.clone()} class="batch-progress-label">{ r.label }</label>
            <progress id={bar.clone()} data-testid={bar}
                value={r.done.to_string()} max={r.total.to_string()} aria-label={r.aria_label}>
                { format!("{}/{}", r.done, r.total) }
            </progress>
            <div class="batch-eta-row">
                if let Some(eta) = r.eta {
                    <span data-testid="batch-eta" class="batch-eta">{ eta }</span>
                }
                <button type="button" class="secondary" data-testid={cancel} data-refocus={r.refocus} onclick={r.cancel}>
                    { r.cancel_text }
                </button>
            </div>
        </div>
    }
}

/// Brings a job's Cancel button, and its progress above it, into view as the job starts (the
/// least scroll that shows them; none if they show, and the page's `scroll-padding-bottom`
/// keeps them above a phone's foot bar): on a phone a Run tapped near the foot of the screen
/// left them under that bar (a bad-network audit).
#[hook]
pub(crate) fn use_progress_in_view(id: &'static str, running: bool) {
    use_effect_with(running, move |&running| {
        if running {
            crate::components::classroom::bring_selector_into_view(
                &format!("[data-testid=\"{id}-cancel\"]"),
                web_sys::ScrollLogicalPosition::Nearest,
            );
        }
    });
}

#[function_component(BatchPanel)]
pub fn batch_panel(props: &Props) -> Html {
    let hush = props.hush;
    let lang = props.lang;
    let panel = use_reducer(Panel::default);
    let pool = use_mut_ref(|| None::<Pool>);
    // The runs as typed; until then the default, as the page's language writes it.
    let typed = use_state(|| None::<String>);
    let text = crate::batch::runs_text(lang, typed.as_ref());
    let parsed = parse_runs(&text);
    let running = panel.running().is_some();
    use_progress_in_view("batch", running);

    // A refused number is said once the field is left (or Start pressed), not at the first
    // key: "5" on the way to "50000" was an alert that broke into the typing (an accessibility
    // audit). Start stays disabled meanwhile, the range said under the field.
    let said = use_state(|| false);
    let on_input = {
        let (typed, said) = (typed.clone(), said.clone());
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            typed.set(Some(input.value()));
            said.set(false);
        })
    };
    let on_change = {
        let said = said.clone();
        Callback::from(move |_: web_sys::Event| said.set(true))
    };

    let start = {
        let panel = panel.clone();
        let pool = pool.clone();
        let scenario: Scenario = props.scenario.clone();
        let total = parsed.ok();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(total) = total else { return };
            if panel.running().is_some() {
                return;
            }
            if let Err(error) = scenario.validate() {
                panel.dispatch(PanelAction::Invalid {
                    error: error.to_string(),
                });
                return;
            }
            // The workers of an earlier batch are stopped (they have all ended already).
            drop(pool.borrow_mut().take());
            let batch = panel.next_batch;
            let dispatcher = panel.dispatcher();
            let ran = scenario.clone();
            let on_event = Callback::from(move |ev: Event| {
                dispatcher.dispatch(match ev {
                    Event::Progress {
                        batch,
                        done,
                        eta_seconds,
                        ..
                    } => PanelAction::Progress {
                        batch,
                        done,
                        eta_seconds,
                    },
                    Event::Finished {
                        batch,
                        tally,
                        seconds,
                    } => PanelAction::Finished {
                        batch,
                        tally,
                        seconds,
                        scenario: ran.clone(),
                    },
                    Event::Failed { batch, error } => PanelAction::Failed {
                        batch: Some(batch),
                        error,
                    },
                    // Only a job of several scenarios (a sweep) sends it.
                    Event::Points { .. } => return,
                })
            });
            match Pool::start(batch, &scenario, total, on_event) {
                Ok(p) => {
                    let workers = p.workers();
                    *pool.borrow_mut() = Some(p);
                    panel.dispatch(PanelAction::Started {
                        batch,
                        total,
                        workers,
                    });
                }
                Err(error) => panel.dispatch(PanelAction::Failed { batch: None, error }),
            }
        })
    };

    let cancel = {
        let panel = panel.clone();
        let pool = pool.clone();
        Callback::from(move |_: MouseEvent| {
            let done = pool.borrow().as_ref().map_or(0, |p| p.cancel());
            drop(pool.borrow_mut().take());
            panel.dispatch(PanelAction::Cancelled { done });
        })
    };

    let button_runs = count(lang, parsed.unwrap_or(DEFAULT_RUNS));
    let range_args = [
        ("min", count(lang, MIN_RUNS)),
        ("max", count(lang, MAX_RUNS)),
    ];
    let range_args: Vec<(&str, &str)> = range_args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let refused = parsed.is_err();
    let error = parsed
        .err()
        .filter(|_| *said)
        .map(|e| tf(lang, e.key(), &range_args));

    let status = match &panel.phase {
        Phase::Idle | Phase::Done => None,
        Phase::Running { .. } => None,
        Phase::Cancelled { done, total } => Some((
            false,
            tf(
                lang,
                "experiments.cancelled",
                &[
                    ("done", &count(lang, *done)),
                    ("total", &count(lang, *total)),
                ],
            ),
        )),
        Phase::Failed { error } => {
            Some((true, tf(lang, "experiments.failed", &[("error", error)])))
        }
        Phase::Invalid { error } => {
            Some((true, tf(lang, "experiments.invalid", &[("error", error)])))
        }
    };

    let progress = match &panel.phase {
        Phase::Running {
            done,
            total,
            eta_seconds,
            workers,
            ..
        } => running_block(Running {
            id: "batch",
            label: tf(
                lang,
                "experiments.progress",
                &[
                    ("done", &count(lang, *done)),
                    ("total", &count(lang, *total)),
                    ("workers", &workers.to_string()),
                ],
            ),
            done: *done,
            total: *total,
            aria_label: Some(t(lang, "experiments.progress_label")),
            eta: Some(eta_text(lang, *eta_seconds)),
            cancel_text: t(lang, "experiments.cancel"),
            refocus: "batch-start",
            cancel,
        }),
        _ => html! {},
    };

    let done_line = panel.results.as_ref().map(|r| {
        tf(
            lang,
            "experiments.done",
            &[
                ("runs", &count(lang, r.summary.runs)),
                ("seconds", &crate::narrate::num(lang, r.seconds, 1)),
                ("workers", &r.workers.to_string()),
            ],
        )
    });
    // A screen reader hears that the results have come, and the first of them: the line above
    // them is not live, so it is said, unseen, in the status region with how many were still
    // together at the end (only for a batch just done; it said the time alone before).
    let announce = match (&panel.phase, &done_line, &panel.results) {
        (Phase::Done, Some(line), Some(r)) => Some(tf(
            lang,
            "experiments.announce",
            &[
                ("done", line),
                (
                    "pct",
                    &crate::narrate::pct(lang, r.summary.survival_at_horizon),
                ),
                (
                    "horizon",
                    &crate::variants::horizon_words(lang, r.summary.horizon_months),
                ),
            ],
        )),
        _ => None,
    };
    let results = panel.results.as_ref().zip(done_line).map(|(r, line)| {
        let stale = r.scenario != props.scenario;
        // While the next batch runs, these are its predecessor's: dimmed, replaced in place.
        html! {
            <>
                <p class={classes!("batch-done", running.then_some("previous"))}>{ line }</p>
                if stale {
                    <p class="batch-stale" data-testid="batch-stale">{ t(lang, "experiments.stale") }</p>
                }
                <BatchResults {lang} finished={r.clone()} previous={running} />
            </>
        }
    });

    html! {
        <section class="card batch" data-testid="batch" aria-labelledby="batch-title">
            <h2 id="batch-title">{ t(lang, "experiments.heading") }</h2>
            <p class="batch-intro">{ t(lang, "experiments.intro") }</p>
            <form class="batch-form" onsubmit={start} novalidate=true>
                <div class="batch-field">
                    <label for="batch-runs">{ t(lang, "experiments.runs_label") }</label>
                    <input id="batch-runs" data-testid="batch-runs" type="text" inputmode="numeric"
                        autocomplete="off" value={text.clone()} oninput={on_input} onchange={on_change}
                        aria-invalid={error.is_some().then_some("true")}
                        aria-describedby="batch-runs-help"
                        // Read-only, not disabled, while a batch runs: a keyboard user who
                        // started it with Enter keeps the focus here (and the page is spared
                        // the blur, change and focus work of disabling a focused field).
                        readonly={running} />
                    // Not a live region (a switch of language would read the hint out again):
                    // an error comes in as an alert.
                    <p id="batch-runs-help" class={classes!("batch-help", error.is_some().then_some("field-error"))}
                        data-testid={error.is_some().then_some("batch-runs-error")}>
                        if let Some(e) = error.clone() {
                            <span role="alert" aria-live={quiet(hush)}>{ e }</span>
                        } else {
                            { tf(lang, "experiments.runs_hint", &range_args) }
                        }
                    </p>
                </div>
                <button type="submit" class="primary" data-testid="batch-start"
                    disabled={running || refused}>
                    { tf(lang, "experiments.start", &[("n", &button_runs)]) }
                </button>
            </form>
            { progress }
            <div role="status" aria-live={live(hush, "polite")} class="batch-status-wrap">
                if let Some((is_error, msg)) = status {
                    <p data-testid="batch-status"
                        class={classes!("batch-status", is_error.then_some("batch-error"))}>{ msg }</p>
                }
                if let Some(line) = announce {
                    <p class="visually-hidden" data-testid="batch-announce">{ line }</p>
                }
            </div>
            // One node, results or none: a list of changing length here would make Yew build
            // the form above anew when the results come (it matches unkeyed children from the
            // end), and the runs field that started the batch with Enter would lose the focus.
            { results.unwrap_or_default() }
        </section>
    }
}
