//! The seven challenge gauges, from the model's state this month.

use aliansi_sim::{Challenge, Outcome};
use yew::prelude::*;

use crate::i18n::t;
use crate::state::State;

/// Each challenge's health as 0-100, in [`Challenge::ALL`] order (`None` where it is not a
/// number: nothing to show), and the index of the weakest of the others (the first of the
/// lowest).
pub fn gauge_values(health: &[f64; 7]) -> ([Option<u32>; 7], usize) {
    let v = health.map(|h| {
        h.is_finite()
            .then(|| (h.clamp(0.0, 1.0) * 100.0).round() as u32)
    });
    let weakest = (0..7)
        .filter(|&k| v[k].is_some())
        .min_by(|&a, &b| health[a].total_cmp(&health[b]))
        .unwrap_or(0);
    (v, weakest)
}

/// The challenges' health this month, for the gauges: as the model gives it, except trust once
/// fewer than two partners are left (there is no trust between partners then; the model counts
/// it as 0, which would call it the alliance's worst trouble at its end, whatever ended it).
pub fn health_now(w: &aliansi_sim::World) -> [f64; 7] {
    let mut health = w.challenge_health();
    if w.active().len() < 2 {
        health[Challenge::Trust.index()] = f64::NAN;
    }
    health
}

/// The gauge to mark, and whether it is the one that ended the alliance: while the alliance
/// lasts (or once it has lasted), the weakest shown; once it has dissolved, the challenge of its
/// cause (an alliance ended by a breakdown of trust has no trust left to show, and the weakest
/// of what remains, a healthy 86 say, is not its trouble).
pub fn marked_gauge(
    values: &[Option<u32>; 7],
    weakest: usize,
    outcome: Option<Outcome>,
) -> Option<(usize, bool)> {
    match outcome {
        Some(Outcome::Dissolved { cause, .. }) => Some((cause.challenge().index(), true)),
        _ => values[weakest].is_some().then_some((weakest, false)),
    }
}

pub fn gauges(state: &UseReducerHandle<State>) -> Html {
    let s = &**state;
    let lang = s.lang;
    let Some(w) = s.world() else {
        return html! {};
    };
    let (values, weakest) = gauge_values(&health_now(w));
    let marked = marked_gauge(&values, weakest, s.run().map(|r| r.outcome));
    html! {
        <section class="card gauges-card" aria-labelledby="gauges-title">
            <h2 id="gauges-title">{ t(lang, "watch.gauges.heading") }</h2>
            <p class="hint">{ t(lang, "watch.gauges.desc") }</p>
            <ul class="gauges" data-testid="gauges">
                { for Challenge::ALL.iter().enumerate().map(|(k, c)| {
                    let key = c.key();
                    let shown = values[k];
                    let v = shown.unwrap_or(0);
                    let mark = marked.filter(|m| m.0 == k).map(|m| m.1);
                    let class = if mark.is_some() { "gauge weakest" } else { "gauge" };
                    let label = t(lang, &format!("watch.challenge.{key}"));
                    html! {
                        <li class={class} data-testid={format!("gauge-{key}")}>
                            <div class="gauge-head">
                                <span class="gauge-label">{ label }</span>
                                <span class="gauge-value" data-value={shown.map(|v| v.to_string()).unwrap_or_default()}>
                                    if let Some(v) = shown {
                                        { v }
                                    } else {
                                        <span aria-hidden="true">{ "—" }</span>
                                        <span class="visually-hidden">{ t(lang, "watch.gauges.none") }</span>
                                    }
                                </span>
                            </div>
                            // The mark sits over the bar, so that it takes no room: beside the
                            // name it wrapped under long ones, and the gauges below jumped as it
                            // moved. It sits on the side away from the bar's end (over the
                            // empty track of a bar under half full, over the filled part of one
                            // above), so that the end stays in sight.
                            <div class="gauge-bar-row">
                                <svg class="gauge-bar" viewBox="0 0 100 10" preserveAspectRatio="none"
                                    aria-hidden="true">
                                    <rect class="track" x="0" y="0" width="100" height="10" />
                                    <rect class={if v < 50 { "fill low" } else { "fill" }} x="0" y="0" width={v.to_string()} height="10" />
                                </svg>
                                if let Some(ended) = mark {
                                    <span class={classes!("badge", (v >= 50).then_some("on-fill"))} data-testid="gauge-badge">{ t(lang, if ended { "watch.gauges.ended" } else { "watch.gauges.weakest" }) }</span>
                                }
                            </div>
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
    use aliansi_sim::Cause;

    #[test]
    fn values_and_weakest() {
        let (v, k) = gauge_values(&[0.9, 0.8, 0.5, 0.61, 1.0, 0.5, f64::NAN]);
        assert_eq!(
            v,
            [
                Some(90),
                Some(80),
                Some(50),
                Some(61),
                Some(100),
                Some(50),
                None
            ]
        );
        assert_eq!(k, 2);
        let (v, k) = gauge_values(&[1.0; 7]);
        assert_eq!(v, [Some(100); 7]);
        assert_eq!(k, 0);
        // Nothing to show is never the weakest.
        let (_, k) = gauge_values(&[0.9, 0.8, 0.5, f64::NAN, 1.0, 0.4, 0.7]);
        assert_eq!(k, 5);
    }

    #[test]
    fn a_dissolved_alliance_marks_the_challenge_of_its_cause() {
        let values = [
            Some(90),
            Some(80),
            Some(50),
            None,
            Some(86),
            Some(95),
            Some(99),
        ];
        assert_eq!(marked_gauge(&values, 2, None), Some((2, false)));
        assert_eq!(
            marked_gauge(&values, 2, Some(Outcome::Survived)),
            Some((2, false))
        );
        let ended = |cause| Some(Outcome::Dissolved { month: 80, cause });
        // Trust, though it has no value left to show.
        assert_eq!(
            marked_gauge(&values, 4, ended(Cause::TrustBreakdown)),
            Some((3, true))
        );
        assert_eq!(
            marked_gauge(&values, 4, ended(Cause::Inequity)),
            Some((2, true))
        );
        assert_eq!(
            marked_gauge(&values, 4, ended(Cause::ComplianceFailure)),
            Some((6, true))
        );
        // Nothing shown at all: nothing marked.
        assert_eq!(marked_gauge(&[None; 7], 0, None), None);
    }

    #[test]
    fn trust_is_not_the_trouble_of_a_dissolved_alliance() {
        // A run of the default scenario that dissolves with one partner left.
        let s = aliansi_sim::presets::default_scenario();
        let w = (2024..2224u64)
            .map(|seed| {
                let mut w = aliansi_sim::World::new(&s, seed, false).unwrap();
                while w.step().is_none() {}
                w
            })
            .find(|w| w.active().len() < 2)
            .expect("some run of the default scenario dissolves with one partner left");
        let trust = Challenge::ALL
            .iter()
            .position(|c| *c == Challenge::Trust)
            .unwrap();
        assert_eq!(
            w.challenge_health()[trust],
            0.0,
            "the model counts no trust as 0"
        );
        let (v, k) = gauge_values(&health_now(&w));
        assert_eq!(v[trust], None);
        assert_ne!(k, trust);
    }

    #[test]
    fn a_challenge_s_index_is_its_place_among_all() {
        for (k, c) in Challenge::ALL.into_iter().enumerate() {
            assert_eq!(c.index(), k, "{c:?}");
        }
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
