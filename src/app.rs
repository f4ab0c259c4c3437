//! The page.

use yew::prelude::*;

use crate::components::{
    Editor, LangSwitch, Library, OutcomeView, ScenarioSummary, ShareButton, TrustChart, UrlSync,
};
use crate::i18n::{t, tf};
use crate::state::{Action, State};

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(State::initial);

    // Run the default scenario once, on load.
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| dispatch.dispatch(Action::Run));
    }

    let lang = state.lang;
    let result = match &state.result {
        None => html! { <p class="status">{ t(lang, "app.running") }</p> },
        Some(Err(e)) => html! {
            <p class="status error" role="alert">{ tf(lang, "scenario.invalid", &[("error", e)]) }</p>
        },
        Some(Ok(r)) => {
            let end_month = match r.outcome {
                aliansi_sim::Outcome::Dissolved { month, .. } => Some(month),
                aliansi_sim::Outcome::Survived => None,
            };
            html! {
                <>
                    <OutcomeView {lang} outcome={r.outcome} months={r.months} />
                    <TrustChart {lang} points={state.trust_points()} horizon={state.scenario.horizon_months} {end_month} />
                    // Marker for tests: present once a run has rendered.
                    <span id="app-ready" data-testid="app-ready" data-seed={state.seed.to_string()} hidden=true></span>
                </>
            }
        }
    };
    let run_next = {
        let dispatch = state.dispatcher();
        move |_| dispatch.dispatch(Action::RunNextSeed)
    };

    html! {
        <div class="page" lang={lang.tag()}>
            <header class="masthead">
                <div>
                    <h1>{ t(lang, "app.title") }</h1>
                    <p class="tagline">{ t(lang, "app.tagline") }</p>
                </div>
                <LangSwitch {lang} dispatch={state.dispatcher()} />
            </header>
            <UrlSync state={state.clone()} />
            <main class="content">
                <Library state={state.clone()} />
                <ShareButton state={state.clone()} />
                <Editor state={state.clone()} />
                <ScenarioSummary {lang} scenario={state.scenario.clone()} seed={state.seed} />
                { result }
                <div class="actions">
                    <button type="button" class="primary" onclick={run_next}>{ t(lang, "app.run_again") }</button>
                </div>
            </main>
        </div>
    }
}
