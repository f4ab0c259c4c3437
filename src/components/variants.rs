//! "Compare fairly": store up to four variants of the scenario, run them one after another
//! on the worker pool on the same seeds, then show them together. Logic in
//! [`crate::variants`]; the runs in [`crate::workers`].

use std::rc::Rc;

use aliansi_sim::Scenario;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::library::notice;
use crate::components::share::{copy, current_hash, keep_variants, push_address};
use crate::url;

use crate::batch::{parse_runs, DEFAULT_RUNS};
use crate::charts::{dash, palette, LinearScale};
use crate::components::batch::{running_block, Running};
use crate::components::batch_results::{
    month_label, survival_axes, survival_ticks, H, MB, ML, MR, MT, W,
};
use crate::components::export::{variants_bar, Debrief, DebriefHead, PrintDebrief};
use crate::components::live::{live, quiet};
use crate::i18n::{t, tf, Lang};
use crate::narrate::{amount, display_name, grouped, num, pct};
use crate::state::{ExperimentSetup, State};
use crate::variants::{
    curve_paths, default_name, differences_line, horizon_words, seeded, shown_difference,
    signed_pts, verdict, Phase, Results, Variant, Variants, VariantsAction, MAX_VARIANTS,
};
use crate::workers::{Event, Pool};

/// What the panel takes from the page (not the whole state: a run playing, a new state each
/// month, does not draw the panel again).
#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// Live regions are quiet: the language has just changed (components/live.rs).
    #[prop_or_default]
    pub hush: bool,
    pub scenario: Scenario,
    pub seed: u64,
    /// The scenario's name (a saved or imported one's): an experiment link carries it.
    #[prop_or_default]
    pub name: Option<Rc<str>>,
    pub decisions: bool,
    pub experiment: Option<Rc<ExperimentSetup>>,
    pub dispatch: UseReducerDispatcher<State>,
}

fn curves_chart(lang: Lang, r: &Rc<Results>) -> Html {
    let w = W - ML - MR;
    let h = H - MT - MB;
    let curves: Vec<&[f64]> = r
        .summaries
        .iter()
        .map(|s| s.survival_curve.as_slice())
        .collect();
    let paths = curve_paths(&curves, r.horizon, w, h);
    let x = LinearScale::new((0.0, f64::from(r.horizon.max(1))), (0.0, w));
    let y = LinearScale::new((0.0, 1.0), (h, 0.0));
    let (y_ticks, x_ticks) = survival_ticks(&x, &y, w, h, r.horizon);
    let lines = paths.iter().enumerate().map(|(i, d)| {
        html! {
            <path class="variant-line" data-variant={i.to_string()} d={d.clone()}
                stroke={palette(i)} stroke-dasharray={dash(i)} />
        }
    });
    let legend = r.names.iter().enumerate().map(|(i, name)| {
        html! {
            <li>
                <svg class="swatch" viewBox="0 0 30 10" aria-hidden="true">
                    <line class="variant-line" x1="0" x2="30" y1="5" y2="5" stroke={palette(i)} stroke-dasharray={dash(i)} />
                </svg>
                { name }
            </li>
        }
    });
    html! {
        <figure class="chart batch-chart batch-km-figure">
            <figcaption id="variants-km-title" class="chart-title">{ t(lang, "experiments.variants_km_title") }</figcaption>
            <svg class="line-chart batch-svg" data-testid="variants-km" viewBox={format!("0 0 {W} {H}")}
                role="img" aria-labelledby="variants-km-title variants-km-desc">
                <desc id="variants-km-desc">{ tf(lang, "experiments.variants_km_desc", &[("horizon", &crate::narrate::months(lang, r.horizon))]) }</desc>
                <g transform={format!("translate({ML},{MT})")}>
                    { y_ticks }
                    { for lines }
                    { survival_axes(w, h) }
                    { x_ticks }
                    { month_label(lang, w, h) }
                </g>
            </svg>
            <ul class="legend variants-legend" data-testid="variants-legend">{ for legend }</ul>
            { variants_bar(lang, r, true) }
        </figure>
    }
}

fn results_view(lang: Lang, r: &Rc<Results>) -> Html {
    let c = &r.comparison;
    let rows = r.names.iter().enumerate().map(|(i, name)| {
        let s = &r.summaries[i];
        let diff = if i == 0 {
            html! { <td class="num">{ "—" }</td> }
        } else {
            let (_, (lo, hi)) = c.difference[i];
            // As the two figures beside it print (the interval is the exact one's).
            let d = shown_difference(r.summaries[0].survival_at_horizon, s.survival_at_horizon);
            html! {
                <td class="num" data-testid={format!("variants-diff-{i}")}>
                    { format!("{} ({})", signed_pts(lang, d), tf(lang, "experiments.interval", &[("lo", &signed_pts(lang, lo)), ("hi", &signed_pts(lang, hi))])) }
                </td>
            }
        };
        html! {
            <tr>
                <th scope="row">
                    <svg class="swatch" viewBox="0 0 30 10" aria-hidden="true">
                        <line class="variant-line" x1="0" x2="30" y1="5" y2="5" stroke={palette(i)} stroke-dasharray={dash(i)} />
                    </svg>
                    { name }
                </th>
                <td class="num">{ pct(lang, s.survival_at_horizon) }</td>
                { diff }
            </tr>
        }
    });
    let words = verdict(lang, &r.names, c, r.horizon);
    let lr = &c.log_rank;
    let p_text = if lr.p_value < 0.001 {
        format!("p < {}", num(lang, 0.001, 3))
    } else {
        format!("p = {}", num(lang, lr.p_value, 3))
    };
    html! {
        <div class="batch-results variants-results" data-testid="variants-results"
            data-runs={r.runs.to_string()} data-p={format!("{:.6}", lr.p_value)}>
            <h3>{ t(lang, "experiments.variants_results_heading") }</h3>
            <DebriefHead {lang} experiment={t(lang, "experiments.variants_heading")}
                scenario={aliansi_sim::Scenario { seed: r.seed, ..r.scenarios[0].clone() }} />
            <PrintDebrief {lang} which={Debrief::Variants} />
            <div class="variants-verdict" data-testid="variants-verdict">
                { for words.iter().map(|w| html! { <p>{ w }</p> }) }
            </div>
            if r.scenarios.len() > 1 {
                <div class="variants-changes" data-testid="variants-changes">
                    <p class="variants-changes-title">{ t(lang, "experiments.changes_heading") }</p>
                    <ul>
                        { for r.scenarios.iter().enumerate().skip(1).map(|(i, s)| html! {
                            <li data-testid={format!("variants-changes-{i}")}>
                                <span class="variant-name">{ r.names.get(i).cloned().unwrap_or_default() }</span>
                                { ": " }{ differences_line(lang, &r.scenarios[0], s) }
                            </li>
                        }) }
                    </ul>
                </div>
            }
            <p class="batch-help">{ tf(lang, "experiments.variants_same_seeds", &[
                ("runs", &amount(lang, r.runs as f64)), ("seed", &r.seed.to_string()),
            ]) }</p>
            <div class="batch-grid">
                { curves_chart(lang, r) }
                <div class="batch-table-wrap" tabindex="0" role="region" aria-labelledby="variants-table-caption">
                    <table class="batch-table" data-testid="variants-table">
                        <caption id="variants-table-caption">{ t(lang, "experiments.variants_table_caption") }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ t(lang, "experiments.col_variant") }</th>
                                <th scope="col">{ tf(lang, "experiments.col_survival_at", &[("horizon", &horizon_words(lang, r.horizon))]) }</th>
                                <th scope="col">{ t(lang, "experiments.col_difference") }</th>
                            </tr>
                        </thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                    <p class="batch-help" data-testid="variants-logrank">{ tf(lang, "experiments.log_rank", &[
                        ("chi2", &grouped(lang, lr.chi2, 2)), ("df", &lr.df.to_string()), ("p", &p_text),
                    ]) }</p>
                    { variants_bar(lang, r, false) }
                </div>
            </div>
        </div>
    }
}

#[function_component(VariantsPanel)]
pub fn variants_panel(props: &Props) -> Html {
    let hush = props.hush;
    let lang = props.lang;
    let v = use_reducer(Variants::default);
    let pool = use_mut_ref(|| None::<Pool>);
    let name = use_state(String::new);
    // The experiment link last made (shown until the variants change).
    let shared = use_state(|| None::<String>);
    {
        let shared = shared.clone();
        use_effect_with(v.variants.clone(), move |_| {
            shared.set(None);
            || ()
        });
    }
    // In classroom mode a comparison's results come into view when it is done: on a projector
    // they appeared below the screen's edge, and nobody scrolls a projector.
    use_effect_with(matches!(v.phase, Phase::Done), |&done| {
        let doc = gloo::utils::document();
        let classroom = doc
            .document_element()
            .is_some_and(|root| root.class_list().contains("classroom"));
        if done && classroom {
            crate::components::classroom::bring_selector_into_view(
                "[data-testid=variants-results] h3",
                web_sys::ScrollLogicalPosition::Start,
            );
        }
        || ()
    });
    // The runs as typed (or as an experiment set them); until then the default, as the
    // page's language writes it.
    let runs_typed = use_state(|| None::<String>);
    let runs_text = crate::batch::runs_text(lang, runs_typed.as_ref());
    let parsed = parse_runs(&runs_text);
    let running = v.is_running();
    crate::components::batch::use_progress_in_view("variants", running);

    // The tab keeps the variants and the runs (a valid count, else the default), so that a
    // reload loses none (`url::working_variants`; restored by `UrlSync`).
    use_effect_with(
        (
            v.variants.clone(),
            *parsed.as_ref().unwrap_or(&DEFAULT_RUNS),
        ),
        |(variants, runs)| {
            let kept = url::working_variants(&current_hash(), variants, *runs);
            keep_variants(kept.as_deref());
            || ()
        },
    );

    // An experiment handed over by a lesson or a shared link: take it once (by its seq). A
    // comparison still running is stopped first: the user has moved on to the new experiment
    // (a lesson opened, a link followed), and its handover comes only once.
    {
        let v = v.clone();
        let pool = pool.clone();
        let runs_typed = runs_typed.clone();
        let experiment = props.experiment.clone();
        use_effect_with(experiment.as_ref().map(|e| e.seq), move |_| {
            if let Some(e) = experiment {
                if v.is_running() {
                    if let Some(p) = pool.borrow_mut().take() {
                        p.cancel();
                    }
                    v.dispatch(VariantsAction::Cancel);
                }
                v.dispatch(VariantsAction::Replace(e.variants.clone()));
                // The default is written as the page's language writes it (now and after a
                // switch); another count as a number.
                runs_typed.set((e.runs != DEFAULT_RUNS).then(|| e.runs.to_string()));
            }
            || ()
        });
    }

    // Starts the pool for the variant to run now.
    {
        let v2 = v.clone();
        let pool = pool.clone();
        use_effect_with(v.current(), move |current| {
            if let Some((run, index)) = *current {
                let each = match v2.phase {
                    Phase::Running { each, .. } => each,
                    _ => 0,
                };
                let scenario = v2.running[index].clone();
                drop(pool.borrow_mut().take());
                let d = v2.dispatcher();
                let on_event = Callback::from(move |ev: Event| {
                    d.dispatch(match ev {
                        Event::Progress { done, .. } => VariantsAction::Progress { run, done },
                        Event::Finished { tally, .. } => {
                            VariantsAction::VariantDone { run, index, tally }
                        }
                        Event::Failed { error, .. } => VariantsAction::Failed { run, error },
                        // Only a job of several scenarios (a sweep) sends it.
                        Event::Points { .. } => return,
                    })
                });
                match Pool::start(Variants::batch_id(run, index), &scenario, each, on_event) {
                    Ok(p) => *pool.borrow_mut() = Some(p),
                    Err(error) => v2.dispatch(VariantsAction::Failed { run, error }),
                }
            }
            || ()
        });
    }

    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            name.set(input.value());
        })
    };
    let on_runs = {
        let runs_typed = runs_typed.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            runs_typed.set(Some(input.value()));
        })
    };
    let add = {
        let v = v.clone();
        let name = name.clone();
        let scenario = props.scenario.clone();
        Callback::from(move |_: MouseEvent| {
            let typed = name.trim().to_string();
            let n = if typed.is_empty() {
                default_name(lang, v.variants.len() + 1)
            } else {
                typed
            };
            v.dispatch(VariantsAction::Add(Variant {
                name: n,
                scenario: scenario.clone(),
            }));
            name.set(String::new());
        })
    };
    let run = {
        let v = v.clone();
        let each = parsed.ok();
        Callback::from(move |_: MouseEvent| {
            let Some(each) = each else { return };
            let scenarios = match seeded(&v.variants) {
                Ok(s) => s,
                Err(key) => {
                    return v.dispatch(VariantsAction::Invalid {
                        error: t(lang, key).to_string(),
                    })
                }
            };
            if let Some(e) = scenarios.iter().find_map(|s| s.validate().err()) {
                return v.dispatch(VariantsAction::Invalid {
                    error: tf(lang, "experiments.invalid", &[("error", &e.to_string())]),
                });
            }
            v.dispatch(VariantsAction::Start { scenarios, each });
        })
    };
    let cancel = {
        let v = v.clone();
        let pool = pool.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(p) = pool.borrow_mut().take() {
                p.cancel();
            }
            v.dispatch(VariantsAction::Cancel);
        })
    };

    // "Share this experiment": the scenario, the variants and the run count in one link.
    let on_share = {
        let v = v.clone();
        let shared = shared.clone();
        let (scenario, seed, name, dispatch) = (
            props.scenario.clone(),
            props.seed,
            props.name.clone(),
            props.dispatch.clone(),
        );
        let each = parsed.ok();
        Callback::from(move |_: MouseEvent| {
            let Some(each) = each else { return };
            // A comparison that Run refuses is not shared either (the link would open one that
            // cannot run).
            if let Err(key @ "experiments.variants_horizon") = seeded(&v.variants) {
                return v.dispatch(VariantsAction::Invalid {
                    error: t(lang, key).to_string(),
                });
            }
            let x = match url::experiment(&scenario, seed, name.as_deref(), &v.variants, each) {
                Ok(x) => x,
                Err(error) => {
                    return v.dispatch(VariantsAction::Invalid {
                        error: tf(
                            lang,
                            "experiments.share_refused",
                            &[("error", &crate::wire_text::explain(lang, &error))],
                        ),
                    })
                }
            };
            let Some(window) = web_sys::window() else {
                return;
            };
            let href = window.location().href().unwrap_or_default();
            let link = url::experiment_url(&href, &x, lang);
            push_address(&link);
            shared.set(Some(link.clone()));
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let action = match copy(link).await {
                    Ok(()) => notice("experiments.link_copied", &[], false),
                    Err(_) => notice("library.clipboard_refused", &[], true),
                };
                dispatch.dispatch(action);
            });
        })
    };
    let select_all = Callback::from(|e: FocusEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        input.select();
    });

    // After Undo the focus goes to the restored variant's Remove.
    let undo = {
        let v = v.clone();
        let back = v.removed.as_ref().map(|r| r.index);
        Callback::from(move |_: MouseEvent| {
            v.dispatch(VariantsAction::Undo);
            if let Some(k) = back {
                crate::focus::focus_after(format!("variant-remove-{k}"));
            }
        })
    };

    let full = v.variants.len() >= MAX_VARIANTS;
    let items = v.variants.iter().enumerate().map(|(k, x)| {
        let remove = {
            let v = v.clone();
            Callback::from(move |_: MouseEvent| {
                v.dispatch(VariantsAction::Remove(k));
                crate::focus::focus_after("variant-undo".into());
            })
        };
        html! {
            <li class="variant-item" data-testid={format!("variant-{k}")}>
                <svg class="swatch" viewBox="0 0 30 10" aria-hidden="true">
                    <line class="variant-line" x1="0" x2="30" y1="5" y2="5" stroke={palette(k)} stroke-dasharray={dash(k)} />
                </svg>
                <span class="variant-name">{ &x.name }</span>
                if k == 0 { <span class="variant-base">{ format!("({})", t(lang, "experiments.variant_base")) }</span> }
                if k > 0 {
                    <span class="variant-changes" data-testid={format!("variant-changes-{k}")}>
                        { differences_line(lang, &v.variants[0].scenario, &x.scenario) }
                    </span>
                }
                <button type="button" class="secondary" data-testid={format!("variant-remove-{k}")}
                    aria-label={tf(lang, "experiments.variant_remove_label", &[("name", &x.name)])}
                    disabled={running} onclick={remove}>{ t(lang, "experiments.variant_remove") }</button>
            </li>
        }
    });

    let progress = match &v.phase {
        Phase::Running {
            current,
            done,
            each,
            ..
        } => {
            let n = v.running.len().max(1) as u64;
            let overall = *current as u64 * each + done;
            let vname = v
                .variants
                .get(*current)
                .map(|x| x.name.clone())
                .unwrap_or_default();
            running_block(Running {
                id: "variants",
                label: tf(
                    lang,
                    "experiments.variants_progress",
                    &[
                        ("k", &(current + 1).to_string()),
                        ("n", &n.to_string()),
                        ("name", &vname),
                        ("done", &amount(lang, *done as f64)),
                        ("total", &amount(lang, *each as f64)),
                    ],
                ),
                done: overall,
                total: n * each,
                aria_label: None,
                eta: None,
                cancel_text: t(lang, "experiments.cancel"),
                refocus: "variants-run",
                cancel,
            })
        }
        _ => html! {},
    };
    let restored = v.restored.and_then(|(k, back)| {
        let key = match back {
            None => "experiments.variant_restored",
            Some(true) => "experiments.variant_restored_results",
            Some(false) => "experiments.variant_restored_settings",
        };
        let name = display_name(&v.variants.get(k)?.name);
        Some((false, tf(lang, key, &[("name", &name)])))
    });
    // A variant added or removed is said to a screen reader (the list changed out of its
    // sight: an accessibility audit heard nothing), with what the added one changes.
    let list_news = match (v.added, v.variants.last(), &v.removed) {
        (true, Some(x), _) => Some(tf(
            lang,
            "experiments.variant_added",
            &[
                ("name", &display_name(&x.name)),
                (
                    "changes",
                    &differences_line(lang, &v.variants[0].scenario, &x.scenario),
                ),
            ],
        )),
        (_, _, Some(r)) => Some(tf(
            lang,
            "experiments.variant_removed",
            &[("name", &display_name(&r.variant.name))],
        )),
        _ => None,
    };
    let status = restored.or_else(|| match &v.phase {
        Phase::Cancelled => Some((false, t(lang, "experiments.variants_cancelled").to_string())),
        Phase::Failed { error } => {
            Some((true, tf(lang, "experiments.failed", &[("error", error)])))
        }
        Phase::Invalid { error } => Some((true, error.clone())),
        _ => None,
    });
    let runs_error = parsed.err().map(|e| {
        tf(
            lang,
            e.key(),
            &[
                ("min", &amount(lang, crate::batch::MIN_RUNS as f64)),
                ("max", &amount(lang, crate::batch::MAX_RUNS as f64)),
            ],
        )
    });
    let button_runs = amount(lang, parsed.unwrap_or(DEFAULT_RUNS) as f64);

    html! {
        <section class="card batch compare-batch" data-testid="compare-batch" aria-labelledby="variants-title">
            <h2 id="variants-title">{ t(lang, "experiments.variants_heading") }</h2>
            <p class="batch-intro">{ t(lang, "experiments.variants_intro") }</p>
            // Decision mode decides the run above, one dispute at a time; these runs cannot ask.
            if props.decisions {
                <p class="batch-help" data-testid="variants-ladder-note">{ t(lang, "experiments.variants_ladder") }</p>
            }
            <div class="batch-form">
                <div class="batch-field">
                    <label for="variant-name">{ t(lang, "experiments.variant_name_label") }</label>
                    <input id="variant-name" data-testid="variant-name" type="text" autocomplete="off"
                        maxlength={aliansi_wire::MAX_NAME_CHARS.to_string()}
                        value={(*name).clone()} oninput={on_name} disabled={running || full}
                        placeholder={default_name(lang, v.variants.len() + 1)} />
                </div>
                <button type="button" class="secondary" data-testid="variant-add" onclick={add}
                    disabled={running || full}>{ t(lang, "experiments.variant_add") }</button>
            </div>
            if full { <p class="batch-help">{ t(lang, "experiments.variants_full") }</p> }
            if v.variants.is_empty() {
                <p class="batch-help">{ t(lang, "experiments.variants_none") }</p>
            } else {
                <ul class="variant-list" aria-label={t(lang, "experiments.variants_list")}>{ for items }</ul>
            }
            if let Some((before, _)) = v.replaced.as_ref() {
                <p class="undo-row">
                    <span id="variants-undo-replace-msg">{ tf(lang, "experiments.variants_replaced", &[("n", &before.len().to_string())]) }</span>
                    { " " }
                    <button type="button" data-testid="variants-undo-replace" aria-describedby="variants-undo-replace-msg"
                        onclick={{ let v = v.clone(); move |_: MouseEvent| v.dispatch(VariantsAction::UndoReplace) }}>
                        { t(lang, "library.saved.undo") }
                    </button>
                </p>
            }
            if let Some(r) = v.removed.as_ref() {
                <p class="undo-row">
                    <span id="variant-undo-msg">{ tf(lang, "experiments.variant_removed", &[("name", &display_name(&r.variant.name))]) }</span>
                    { " " }
                    <button type="button" data-testid="variant-undo" aria-describedby="variant-undo-msg"
                        onclick={undo}>{ t(lang, "library.saved.undo") }</button>
                </p>
            }
            <div class="batch-form">
                <div class="batch-field">
                    <label for="variants-runs">{ t(lang, "experiments.runs_label") }</label>
                    <input id="variants-runs" data-testid="variants-runs" type="text" inputmode="numeric"
                        autocomplete="off" value={runs_text.clone()} oninput={on_runs} disabled={running}
                        aria-invalid={runs_error.is_some().then_some("true")}
                        aria-describedby={runs_error.is_some().then_some("variants-runs-help")} />
                    if let Some(e) = runs_error.clone() {
                        <p id="variants-runs-help" class="batch-help field-error"><span role="alert" aria-live={quiet(hush)}>{ e }</span></p>
                    }
                </div>
                <button type="button" class="primary" data-testid="variants-run" onclick={run}
                    disabled={running || runs_error.is_some() || v.variants.len() < 2}>
                    { tf(lang, "experiments.variants_run", &[("n", &button_runs)]) }
                </button>
            </div>
            <div class="batch-form">
                <button type="button" class="secondary" data-testid="variants-share" onclick={on_share}
                    disabled={running || runs_error.is_some() || v.variants.len() < 2}>
                    { t(lang, "experiments.share") }
                </button>
                <p class="batch-help">{ t(lang, "experiments.share_hint") }</p>
            </div>
            if let Some(link) = (*shared).clone() {
                <div class="share-result">
                    <label for="variants-link">{ t(lang, "experiments.share_label") }</label>
                    <input id="variants-link" data-testid="variants-link" type="text" readonly=true
                        value={link} onfocus={select_all} />
                </div>
            }
            { progress }
            <div role="status" aria-live={live(hush, "polite")} class="batch-status-wrap">
                if let Some(line) = list_news {
                    <p class="visually-hidden" data-testid="variants-news">{ line }</p>
                }
                if let Some((is_error, msg)) = status {
                    <p data-testid="variants-status" class={classes!("batch-status", is_error.then_some("batch-error"))}>{ msg }</p>
                }
                // A screen reader hears the verdict once the comparison is done (the results
                // below are not live): the same sentences, unseen.
                if let (Phase::Done, Some(r)) = (&v.phase, v.results.as_ref()) {
                    <p class="visually-hidden" data-testid="variants-announce">
                        { verdict(lang, &r.names, &r.comparison, r.horizon).join(" ") }
                    </p>
                }
            </div>
            if let Some(r) = v.results.as_ref() { { results_view(lang, r) } }
        </section>
    }
}
