//! The scenario in one line and its partners.

use aliansi_sim::{CultureSpec, Scenario};
use yew::prelude::*;

use crate::i18n::{t, tf, Lang};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub scenario: Scenario,
    pub seed: u64,
    /// Its test id: "scenario" for the page's; a debrief's own is "debrief-scenario".
    #[prop_or(AttrValue::Static("scenario"))]
    pub testid: AttrValue,
}

#[function_component(ScenarioSummary)]
pub fn scenario_summary(props: &Props) -> Html {
    let s = &props.scenario;
    let summary = tf(
        props.lang,
        "scenario.summary",
        &[
            ("n", &s.partners.len().to_string()),
            ("months", &s.horizon_months.to_string()),
            ("seed", &props.seed.to_string()),
        ],
    );
    html! {
        <section class="card scenario" data-testid={props.testid.clone()}>
            <h2>{ t(props.lang, "scenario.heading") }</h2>
            <p class="summary">{ summary }</p>
            <h3 class="visually-hidden">{ t(props.lang, "scenario.partners") }</h3>
            <ul class="partners">
                { for s.partners.iter().map(|p| {
                    let code = match &p.culture {
                        CultureSpec::Country(c) => Some(c.code()),
                        CultureSpec::Custom(_) => None,
                    };
                    html! {
                        <li>
                            <span class="partner-name">{ &p.name }</span>
                            if let Some(code) = code {
                                // The code for the eyes, the country's name for a screen
                                // reader ("J P", or "id" read as a word, before).
                                <span class="country" aria-hidden="true">{ code }</span>
                                <span class="visually-hidden">{ format!(", {}", t(props.lang, &format!("editor.country.{code}"))) }</span>
                            }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
