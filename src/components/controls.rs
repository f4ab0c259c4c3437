//! Run controls: play, pause, step, finish, reset, speed, seed.

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::live::quiet;
use crate::i18n::{t, tf};
use crate::state::{parse_seed, Action, State, Status, SPEEDS};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: UseReducerHandle<State>,
}

#[function_component(RunControls)]
pub fn run_controls(props: &Props) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let status = state.status();
    let valid = state.live.is_ok();
    // A dispute awaits the class's choice (decision mode): the run moves on only once it is
    // chosen (its card offers the ladder too), not by Run, Step or Finish.
    let waiting = state.awaiting().is_some() && status != Status::Done;
    // The seed as typed, while it differs from the state's seed (kept when refused).
    let draft = use_state(|| None::<String>);
    let seed_error = use_state(|| None::<String>);

    let act = |a: Action| {
        let d = state.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(a.clone()))
    };
    // Run and Finish in classroom mode: the run comes into view, as with their keys. (Not Step,
    // clicked again and again: its button would go off the screen.) Elsewhere the buttons stay
    // where they are on the screen: Run takes away the notice of a shared link above them,
    // which moved them from under a phone user's thumb (the next tap, meant for Pause, landed
    // on the run's status).
    let classroom = state.classroom;
    let start = |a: Action| {
        let d = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            if classroom {
                d.dispatch(a.clone());
                crate::components::classroom::run_into_view();
            } else {
                keeping_in_place("[data-testid=run]", || d.dispatch(a.clone()));
            }
        })
    };
    let run_label = match status {
        Status::Paused => t(lang, "watch.resume"),
        Status::Done => t(lang, "watch.replay"),
        _ => t(lang, "watch.run"),
    };
    let on_speed = {
        let d = state.dispatcher();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Ok(s) = v.parse::<u32>() {
                d.dispatch(Action::SetSpeed(s));
            }
        })
    };
    let apply_seed = {
        let d = state.dispatcher();
        let draft = draft.clone();
        let seed_error = seed_error.clone();
        let current = state.seed;
        move |text: String| match parse_seed(&text) {
            Some(seed) => {
                draft.set(None);
                seed_error.set(None);
                if seed != current {
                    d.dispatch(Action::SetSeed(seed));
                }
            }
            None => {
                draft.set(Some(text.clone()));
                seed_error.set(Some(text));
            }
        }
    };
    let on_seed_change = {
        let apply = apply_seed.clone();
        Callback::from(move |e: Event| {
            apply(e.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let on_seed_input = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            draft.set(Some(e.target_unchecked_into::<HtmlInputElement>().value()));
        })
    };
    let on_seed_key = {
        let apply = apply_seed.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                apply(e.target_unchecked_into::<HtmlInputElement>().value());
            }
        })
    };
    let on_new_seed = {
        let d = state.dispatcher();
        let draft = draft.clone();
        let seed_error = seed_error.clone();
        Callback::from(move |_: MouseEvent| {
            draft.set(None);
            seed_error.set(None);
            d.dispatch(Action::NewSeed);
        })
    };
    let seed_text = (*draft).clone().unwrap_or_else(|| state.seed.to_string());
    let horizon = state.scenario.horizon_months.to_string();
    let month = state.month().to_string();
    let status_text = match status {
        Status::Ready => tf(lang, "watch.status.ready", &[("horizon", &horizon)]),
        Status::Running => tf(
            lang,
            "watch.status.running",
            &[("month", &month), ("horizon", &horizon)],
        ),
        // Stopped for the class's choice: not a pause that Resume would end.
        Status::Paused if waiting => tf(lang, "watch.status.waiting", &[("month", &month)]),
        Status::Paused => tf(
            lang,
            "watch.status.paused",
            &[("month", &month), ("horizon", &horizon)],
        ),
        // How it ended, where Finish was clicked: on a laptop's screen the outcome's card is
        // below the fold, and "Finished after 120 months" did not say whether it survived.
        Status::Done => match state.run() {
            Some(r) => crate::narrate::outcome_text(lang, r.outcome, r.months),
            None => tf(
                lang,
                "watch.status.done",
                &[("month", &crate::narrate::months(lang, state.month()))],
            ),
        },
    };
    let progress = if state.scenario.horizon_months > 0 {
        (f64::from(state.month()) / f64::from(state.scenario.horizon_months) * 100.0).min(100.0)
    } else {
        0.0
    };

    // On a phone the run's network and gauges are screens below these buttons: while a run is
    // under way a bar at the foot of the screen keeps its month, Pause (or Resume) and a way
    // down to the network at hand (styles: only on a narrow screen); while a dispute awaits the
    // class, a way up to its card. Once the run has ended, the bar says how, with a way down to
    // why, until that is taken (a student watching the gauges saw the bar simply vanish).
    let end_read = use_state(|| false);
    {
        let end_read = end_read.clone();
        use_effect_with(status, move |status| {
            if *status != Status::Done {
                end_read.set(false);
            }
        });
    }
    // A heading the page may focus (`tabindex="-1"`: the network's, the summary's) takes the
    // focus too: "Why ↓" took its bar away and the focus with it, to nowhere (an accessibility
    // audit). The decision card takes the focus itself.
    let scroll_to = |id: &'static str| {
        Callback::from(move |_: MouseEvent| {
            if let Some(el) = gloo::utils::document().get_element_by_id(id) {
                el.scroll_into_view();
                if el.get_attribute("tabindex").as_deref() == Some("-1") {
                    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                        crate::focus::focus_in_place(&el);
                    }
                }
            }
        })
    };
    let play_bar = match status {
        Status::Running | Status::Paused => {
            let (toggle, label) = if status == Status::Running {
                (Action::Pause, t(lang, "watch.pause"))
            } else {
                (Action::Run, t(lang, "watch.resume"))
            };
            let (to, go) = if waiting {
                ("decision-title", t(lang, "watch.play_bar.choose"))
            } else {
                ("network-title", t(lang, "watch.play_bar.watch"))
            };
            Some(html! {
                <div class="play-bar" data-testid="play-bar" role="group" aria-label={t(lang, "watch.controls")}>
                    <span class="play-bar-status">{ status_text.clone() }</span>
                    // Nothing to resume while the class chooses: the card goes on.
                    if !waiting {
                        <button type="button" data-testid="play-bar-toggle" onclick={act(toggle)}>{ label }</button>
                    }
                    <button type="button" data-testid="play-bar-watch" onclick={scroll_to(to)}>{ go }</button>
                </div>
            })
        }
        Status::Done if !*end_read => state.run().map(|r| {
            let why = {
                let to_summary = scroll_to("summary-title");
                let end_read = end_read.clone();
                Callback::from(move |e: MouseEvent| {
                    to_summary.emit(e);
                    end_read.set(true);
                })
            };
            let close = {
                let end_read = end_read.clone();
                Callback::from(move |_: MouseEvent| end_read.set(true))
            };
            html! {
                <div class="play-bar" data-testid="play-bar" role="group" aria-label={t(lang, "watch.controls")}>
                    <span class="play-bar-status" data-testid="play-bar-outcome">
                        { crate::narrate::outcome_text(lang, r.outcome, r.months) }
                    </span>
                    <button type="button" data-testid="play-bar-why" onclick={why}>{ t(lang, "watch.play_bar.why") }</button>
                    // Closed without going down (at 200 % zoom the bar kept a sixth of the screen
                    // for the rest of the visit: an accessibility audit).
                    <button type="button" class="play-bar-close" data-testid="play-bar-close" data-refocus="run"
                        aria-label={t(lang, "watch.play_bar.close")} onclick={close}>{ "✕" }</button>
                </div>
            }
        }),
        _ => None,
    };

    // Fields of the editor holding a refused value: said here, where Run is (on a phone the
    // field's own message is screens away), with a way to it.
    let refused = (state.refused > 0).then(|| {
        let show = Callback::from(|_: MouseEvent| {
            let doc = gloo::utils::document();
            let Ok(Some(field)) = doc.query_selector(".editor [aria-invalid=\"true\"]") else {
                return;
            };
            // Its section may be folded.
            let mut up = field.parent_element();
            while let Some(el) = up {
                if el.tag_name() == "DETAILS" {
                    let _ = el.set_attribute("open", "");
                }
                up = el.parent_element();
            }
            if let Ok(f) = field.dyn_into::<web_sys::HtmlElement>() {
                f.scroll_into_view();
                let _ = f.focus();
            }
        });
        let text = if state.refused == 1 {
            t(lang, "watch.refused_one").to_string()
        } else {
            tf(lang, "watch.refused", &[("n", &state.refused.to_string())])
        };
        html! {
            <p class="refused-note" data-testid="refused-note">
                <span>{ text }</span>
                <button type="button" data-testid="refused-show" onclick={show}>{ t(lang, "watch.refused_show") }</button>
            </p>
        }
    });

    html! {
        <section class="card controls" aria-labelledby="controls-title">
            { for play_bar }
            <h2 id="controls-title">{ t(lang, "watch.heading") }</h2>
            <div class="buttons" role="group" aria-label={t(lang, "watch.controls")}>
                <button type="button" class="primary big" data-testid="run"
                    disabled={!valid || waiting || status == Status::Running} onclick={start(Action::Run)}>
                    <span aria-hidden="true" class="icon">{ "▶" }</span>{ run_label }
                </button>
                <button type="button" data-testid="pause" data-refocus="run"
                    disabled={status != Status::Running} onclick={act(Action::Pause)}>
                    <span aria-hidden="true" class="icon">{ "❚❚" }</span>{ t(lang, "watch.pause") }
                </button>
                <button type="button" data-testid="step"
                    disabled={!valid || waiting || status == Status::Done} onclick={act(Action::Step)}>
                    { t(lang, "watch.step") }
                </button>
                <button type="button" data-testid="finish" title={t(lang, "watch.finish_hint")}
                    disabled={!valid || waiting || status == Status::Done} onclick={start(Action::Finish)}>
                    { t(lang, "watch.finish") }
                </button>
                <button type="button" data-testid="reset"
                    disabled={!valid || status == Status::Ready} onclick={act(Action::Reset)}>
                    { t(lang, "watch.reset") }
                </button>
            </div>
            { for refused }
            <div class="run-status" data-testid="run-status">
                <div class="run-status-line">
                    <span>{ status_text }</span>
                    // With a way down to why (the summary), as the phone's bar has.
                    if status == Status::Done && state.run().is_some() {
                        <button type="button" data-testid="run-status-why"
                            onclick={scroll_to("summary-title")}>{ t(lang, "watch.play_bar.why") }</button>
                    }
                </div>
                <svg class="progress" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true">
                    <rect class="track" x="0" y="0" width="100" height="6" />
                    <rect class="done" x="0" y="0" width={format!("{progress:.1}")} height="6" />
                </svg>
            </div>
            <div class="settings">
                <label class="field">
                    <span>{ t(lang, "watch.speed") }</span>
                    <select data-testid="speed" data-page-keys="" onchange={on_speed}>
                        { for SPEEDS.iter().map(|&s| html! {
                            <option value={s.to_string()} selected={s == state.speed}>
                                { if s == 1 { t(lang, "watch.speed_one").to_string() } else { tf(lang, "watch.speed_value", &[("n", &s.to_string())]) } }
                            </option>
                        }) }
                    </select>
                </label>
                <div class="field seed-field">
                    <label for="seed-input">{ t(lang, "watch.seed") }</label>
                    <div class="seed-row">
                        <input id="seed-input" data-testid="seed" type="text" inputmode="numeric"
                            autocomplete="off" spellcheck="false"
                            value={seed_text}
                            aria-invalid={seed_error.is_some().to_string()}
                            aria-describedby={if seed_error.is_some() { "seed-error seed-help" } else { "seed-help" }}
                            oninput={on_seed_input} onchange={on_seed_change} onkeydown={on_seed_key} />
                        <button type="button" data-testid="new-seed" onclick={on_new_seed}>{ t(lang, "watch.new_seed") }</button>
                    </div>
                    if let Some(bad) = &*seed_error {
                        <p class="field-error" role="alert" aria-live={quiet(state.hush)} id="seed-error" data-testid="seed-error">
                            { tf(lang, "watch.seed_invalid", &[("value", bad)]) }
                        </p>
                    }
                    <p id="seed-help" class="hint">{ t(lang, "watch.seed_help") }</p>
                </div>
            </div>
        </section>
    }
}

/// Calls `change` (which draws the page again), keeping the element `selector` finds at the
/// same height on the screen: what went above it moves the page instead. (The browser's own
/// scroll anchoring did not, when a notice at the top of the page went.)
fn keeping_in_place(selector: &str, change: impl FnOnce()) {
    let el = gloo::utils::document()
        .query_selector(selector)
        .ok()
        .flatten();
    let before = el.as_ref().map(|e| e.get_bounding_client_rect().top());
    change();
    if let (Some(el), Some(before)) = (el, before) {
        // After the drawing, which Yew does before the next task.
        gloo::timers::callback::Timeout::new(0, move || {
            let moved = el.get_bounding_client_rect().top() - before;
            if moved.abs() >= 1.0 {
                gloo::utils::window().scroll_by_with_x_and_y(0.0, moved);
            }
        })
        .forget();
    }
}
