//! "About the model": what the model is, and the validation table from `docs/VALIDATION.md`.

use yew::prelude::*;

use crate::about::{cell, Row, CHECKS, RUNS_AND_SEED};
use crate::i18n::{t, tf, Lang};
use crate::narrate::amount;

#[derive(Properties, PartialEq)]
pub struct AboutProps {
    pub lang: Lang,
}

#[function_component(About)]
pub fn about(props: &AboutProps) -> Html {
    let lang = props.lang;
    let row = |c: &Row| {
        let key = format!("about.finding.{}", c.id);
        let name = t(lang, &key);
        let name = if name == "??" { c.finding } else { name };
        html! {
            <tr data-testid={format!("about-row-{}", c.id)}>
                <th scope="row">{ c.id }</th>
                <td>{ name }</td>
                <td class="num">{ cell(lang, c.measured) }</td>
                <td class="num">{ cell(lang, c.expected) }</td>
                <td class={if c.pass { "pass" } else { "fail" }}>
                    { if c.pass { t(lang, "about.pass") } else { t(lang, "about.fail") } }
                </td>
            </tr>
        }
    };
    html! {
        <details class="card about" data-testid="about">
            <summary><h2>{ t(lang, "about.title") }</h2></summary>
            <p>{ t(lang, "about.intro") }</p>
            <h3>{ t(lang, "about.mechanisms") }</h3>
            <dl class="mechanisms" data-testid="about-mechanisms">
                { for aliansi_sim::Challenge::ALL.iter().map(|c| {
                    let k = c.key();
                    html! {
                        <div class="mechanism" data-testid={format!("about-mech-{k}")}>
                            <dt>{ t(lang, &format!("watch.challenge.{k}")) }</dt>
                            <dd>
                                <p>{ t(lang, &format!("about.mech.{k}")) }</p>
                                <p class="small"><strong>{ t(lang, "about.mech.watch") }{ ": " }</strong>
                                    { t(lang, &format!("about.mech.{k}.watch")) }</p>
                                <p class="small"><strong>{ t(lang, "about.mech.levers") }{ ": " }</strong>
                                    { t(lang, &format!("about.mech.{k}.levers")) }</p>
                            </dd>
                        </div>
                    }
                }) }
            </dl>
            <p>{ t(lang, "about.mech.exits") }</p>
            <p>{ t(lang, "about.validation") }</p>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="about-table-caption">
                <table class="validation">
                    <caption id="about-table-caption">{ t(lang, "about.caption") }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ t(lang, "about.col.id") }</th>
                            <th scope="col">{ t(lang, "about.col.finding") }</th>
                            <th scope="col">{ t(lang, "about.col.measured") }</th>
                            <th scope="col">{ t(lang, "about.col.expected") }</th>
                            <th scope="col">{ t(lang, "about.col.result") }</th>
                        </tr>
                    </thead>
                    <tbody>{ for CHECKS.iter().map(row) }</tbody>
                </table>
            </div>
            <p class="small">{ tf(lang, "about.provenance", &[
                ("runs", &amount(lang, RUNS_AND_SEED.0 as f64)),
                ("seed", &RUNS_AND_SEED.1.to_string()),
            ]) }</p>
            <p class="small">{ t(lang, "about.sources") }</p>
            <p class="small" data-testid="model-version">{ tf(lang, "about.model_version", &[
                ("version", aliansi_sim::MODEL_VERSION),
            ]) }</p>
        </details>
    }
}
