//! The seven challenge gauges, from the model's state this month.

use aliansi_sim::Challenge;
use yew::prelude::*;

use crate::i18n::t;
use crate::state::State;

/// Each challenge's health as 0-100, in [`Challenge::ALL`] order, and the index of the weakest
/// (the first of the lowest).
pub fn gauge_values(health: &[f64; 7]) -> ([u32; 7], usize) {
    let mut v = [0u32; 7];
    for (k, h) in health.iter().enumerate() {
        let h = if h.is_finite() {
            h.clamp(0.0, 1.0)
        } else {
            0.0
        };
        v[k] = (h * 100.0).round() as u32;
    }
    let weakest = (0..7)
        .min_by(|&a, &b| {
            health[a]
                .partial_cmp(&health[b])
                .unwrap_or(std::cmp::Ordering::Equal)
        })
        .unwrap_or(0);
    (v, weakest)
}

pub fn gauges(state: &UseReducerHandle<State>) -> Html {
    let s = &**state;
    let lang = s.lang;
    let Some(w) = s.world() else {
        return html! {};
    };
    let (values, weakest) = gauge_values(&w.challenge_health());
    html! {
        <section class="card gauges-card" aria-labelledby="gauges-title">
            <h2 id="gauges-title">{ t(lang, "watch.gauges.heading") }</h2>
            <p class="hint">{ t(lang, "watch.gauges.desc") }</p>
            <ul class="gauges" data-testid="gauges">
                { for Challenge::ALL.iter().enumerate().map(|(k, c)| {
                    let key = c.key();
                    let v = values[k];
                    let is_weakest = k == weakest;
                    let class = if is_weakest { "gauge weakest" } else { "gauge" };
                    let label = t(lang, &format!("watch.challenge.{key}"));
                    html! {
                        <li class={class} data-testid={format!("gauge-{key}")}>
                            <div class="gauge-head">
                                <span class="gauge-label">{ label }</span>
                                if is_weakest {
                                    <span class="badge">{ t(lang, "watch.gauges.weakest") }</span>
                                }
                                <span class="gauge-value" data-value={v.to_string()}>{ v }</span>
                            </div>
                            <svg class="gauge-bar" viewBox="0 0 100 10" preserveAspectRatio="none"
                                aria-hidden="true">
                                <rect class="track" x="0" y="0" width="100" height="10" />
                                <rect class={if v < 50 { "fill low" } else { "fill" }} x="0" y="0" width={v.to_string()} height="10" />
                            </svg>
                            <p class="gauge-help">{ t(lang, &format!("watch.challenge.{key}.help")) }</p>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_weakest() {
        let (v, k) = gauge_values(&[0.9, 0.8, 0.5, 0.61, 1.0, 0.5, f64::NAN]);
        assert_eq!(v, [90, 80, 50, 61, 100, 50, 0]);
        assert_eq!(k, 2);
        let (v, k) = gauge_values(&[1.0; 7]);
        assert_eq!(v, [100; 7]);
        assert_eq!(k, 0);
    }

    #[test]
    fn every_challenge_is_labelled_and_explained() {
        for lang in crate::i18n::Lang::ALL {
            for c in Challenge::ALL {
                assert_ne!(t(lang, &format!("watch.challenge.{}", c.key())), "??");
                assert_ne!(t(lang, &format!("watch.challenge.{}.help", c.key())), "??");
            }
        }
    }
}
