//! The outcome of a run, in words.

use aliansi_sim::Outcome;
use yew::prelude::*;

use crate::i18n::{t, tf, Lang};

/// "Survived 120 months" or "Dissolved in month 37: inequity" (in `lang`).
pub fn outcome_text(lang: Lang, outcome: Outcome, months: u32) -> String {
    match outcome {
        Outcome::Survived => tf(lang, "outcome.survived", &[("months", &months.to_string())]),
        Outcome::Dissolved { month, cause } => {
            let cause = t(lang, &format!("cause.{}", cause.key()));
            tf(
                lang,
                "outcome.dissolved",
                &[("month", &month.to_string()), ("cause", cause)],
            )
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub outcome: Outcome,
    pub months: u32,
}

#[function_component(OutcomeView)]
pub fn outcome_view(props: &Props) -> Html {
    let class = match props.outcome {
        Outcome::Survived => "outcome-text survived",
        Outcome::Dissolved { .. } => "outcome-text dissolved",
    };
    html! {
        <section class="card outcome" aria-live="polite">
            <h2>{ t(props.lang, "outcome.heading") }</h2>
            <p class={class} data-testid="outcome">{ outcome_text(props.lang, props.outcome, props.months) }</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aliansi_sim::Cause;

    #[test]
    fn words() {
        assert_eq!(
            outcome_text(Lang::En, Outcome::Survived, 120),
            "Survived 120 months"
        );
        let d = Outcome::Dissolved {
            month: 37,
            cause: Cause::Inequity,
        };
        assert_eq!(
            outcome_text(Lang::En, d, 37),
            "Dissolved in month 37: inequity"
        );
        assert_eq!(
            outcome_text(Lang::Id, d, 37),
            "Bubar pada bulan ke-37: ketimpangan pembagian"
        );
    }
}
