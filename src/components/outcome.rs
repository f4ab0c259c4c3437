//! The outcome of a run, in words, and where the run stands.

use yew::prelude::*;

pub use crate::narrate::outcome_text;

use crate::components::compare_start;
use crate::components::live::{live, quiet};
use crate::i18n::{t, tf};
use crate::state::{Action, State, Status};

pub fn outcome_view(state: &UseReducerHandle<State>) -> Html {
    let s = &**state;
    let lang = s.lang;
    let horizon = s.scenario.horizon_months.to_string();
    let month = s.month().to_string();
    let (class, text) = match (&s.result, s.status()) {
        (Some(Err(e)), _) => (
            "outcome-text error",
            tf(lang, "scenario.invalid", &[("error", e)]),
        ),
        (Some(Ok(r)), _) => {
            let class = match r.outcome {
                aliansi_sim::Outcome::Survived => "outcome-text survived",
                aliansi_sim::Outcome::Dissolved { .. } => "outcome-text dissolved",
            };
            (class, outcome_text(lang, r.outcome, r.months))
        }
        (None, Status::Ready) => ("outcome-text pending", t(lang, "watch.pending").to_string()),
        (None, st) => (
            "outcome-text pending",
            tf(
                lang,
                if st == Status::Running {
                    "watch.status.running"
                } else {
                    "watch.status.paused"
                },
                &[("month", &month), ("horizon", &horizon)],
            ),
        ),
    };
    // Not read out month by month while the run plays.
    let playing = s.status() == Status::Running;
    let set_aside = s.set_aside.as_ref().map(|a| {
        tf(
            lang,
            "outcome.set_aside",
            &[(
                "n",
                &crate::narrate::amount(lang, a.live.own_choices() as f64),
            )],
        )
    });
    let bring_back = {
        let d = state.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::BringBackRun))
    };
    // "Run again with a change" belongs to the run that ended: in this card, outside the
    // live region (which announces the outcome, not the button that appears with it).
    html! {
        <section class="card outcome">
            <h2>{ t(lang, "outcome.heading") }</h2>
            <p class={class} data-testid="outcome" aria-live={live(s.hush || playing, "polite")}>{ text }</p>
            // A run with the class's choices that Reset set aside, offered back (a stray Reset
            // wiped a class's decisions). The sentence in a status region that is always
            // there, so that it is read out; the button outside it.
            <p class="set-aside" role="status" aria-live={quiet(s.hush)} data-testid="set-aside">
                { set_aside }
            </p>
            if s.set_aside.is_some() {
                <button type="button" class="set-aside-back" data-testid="bring-back-run"
                    data-refocus="run" onclick={bring_back}>
                    { t(lang, "outcome.bring_back") }
                </button>
            }
            { compare_start(state) }
        </section>
    }
}
