//! How the run ended and why: outcome, a regulator's ending, who left and the events behind
//! it, the value split.

use yew::prelude::*;

use crate::i18n::t;
use crate::narrate::{held_ordinals as held, run_story};
use crate::state::State;

pub fn run_summary(state: &UseReducerHandle<State>) -> Html {
    let s = &**state;
    let lang = s.lang;
    let Some(r) = s.run() else {
        return html! {};
    };
    let story = run_story(lang, &s.scenario, r);
    html! {
        <section class="card summary-card" data-testid="summary" aria-labelledby="summary-title">
            <h2 id="summary-title" tabindex="-1">{ t(lang, "watch.summary.heading") }</h2>
            <p class="story-outcome">{ held(&story.outcome) }</p>
            if let Some(x) = &story.regulator {
                <h3>{ t(lang, "watch.summary.regulator") }</h3>
                <div data-testid="regulator-ending">
                    <p class="exit-headline">{ held(&x.headline) }</p>
                    <ul class="exit-details">
                        { for x.details.iter().map(|d| html! { <li>{ held(d) }</li> }) }
                    </ul>
                </div>
            }
            <h3>{ t(lang, "watch.summary.exits") }</h3>
            if story.exits.is_empty() {
                <p>{ t(lang, "watch.summary.no_exits") }</p>
            } else {
                <ul class="exits">
                    { for story.exits.iter().map(|x| html! {
                        <li>
                            <p class="exit-headline">{ held(&x.headline) }</p>
                            <ul class="exit-details">
                                { for x.details.iter().map(|d| html! { <li>{ held(d) }</li> }) }
                            </ul>
                        </li>
                    }) }
                </ul>
            }
            <h3>{ t(lang, "watch.summary.split") }</h3>
            <p>{ held(&story.value) }</p>
            <table class="split">
                <thead>
                    <tr>
                        <th scope="col">{ t(lang, "watch.summary.partner") }</th>
                        <th scope="col" class="num">{ t(lang, "watch.summary.payoff") }</th>
                        <th scope="col" class="num">{ t(lang, "watch.summary.share") }</th>
                    </tr>
                </thead>
                <tbody>
                    { for story.split.iter().map(|row| html! {
                        <tr>
                            <th scope="row">
                                { &row.name }
                                if !row.note.is_empty() {
                                    <span class="note">{ format!(" ({})", row.note) }</span>
                                }
                            </th>
                            <td class="num">{ &row.payoff }</td>
                            <td class="num share-cell">
                                <svg class="share-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
                                    <rect class="track" x="0" y="0" width="100" height="8" />
                                    <rect class="fill" x="0" y="0" width={format!("{:.1}", row.fraction * 100.0)} height="8" />
                                </svg>
                                { &row.share }
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}
