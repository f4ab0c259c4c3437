//! "Same world, different choice": the remembered baseline beside the current run.

use aliansi_sim::sweep::{ladder, ladder_index, LADDERS};
use aliansi_sim::{Outcome, RunResult};
use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::charts::palette;
use crate::components::export::LineExport;
use crate::components::line_chart::{ChartSeries, LineChart};
use crate::components::live::quiet;
use crate::i18n::{t, tf};
use crate::narrate::{amount, ladder_label, outcome_text};
use crate::state::{month_points, trust_points, Action, State, Status};

/// The "Run again with a change" button, shown when a run has ended (in the outcome card).
pub fn compare_start(state: &UseReducerHandle<State>) -> Html {
    let s = &**state;
    if s.status() != Status::Done || s.run().is_none() {
        return html! {};
    }
    let d = state.dispatcher();
    html! {
        <div class="compare-start-row">
            // It goes as the run rewinds: the keyboard's focus goes on to Run.
            <button type="button" class="primary" data-testid="compare-start"
                aria-describedby="compare-start-hint" data-refocus="run"
                onclick={move |_| d.dispatch(Action::CompareStart)}>
                { t(s.lang, "watch.compare.start") }
            </button>
            <p id="compare-start-hint" class="hint">{ t(s.lang, "watch.compare.start_hint") }</p>
        </div>
    }
}

fn column(lang: crate::i18n::Lang, label: &str, class: &'static str, r: &RunResult) -> Html {
    let left = r.exit_month.iter().filter(|m| m.is_some()).count();
    let outcome_class = match r.outcome {
        Outcome::Survived => "outcome-text survived",
        Outcome::Dissolved { .. } => "outcome-text dissolved",
    };
    html! {
        <div class={classes!("compare-col", class)}>
            <h3>{ label }</h3>
            <p class={outcome_class}>{ outcome_text(lang, r.outcome, r.months) }</p>
            <p>{ tf(lang, "watch.compare.value_total", &[("value", &amount(lang, r.distributed_total))]) }</p>
            <p>{ tf(lang, "watch.compare.left", &[("n", &left.to_string())]) }</p>
        </div>
    }
}

/// The conflict-resolution ladder, to change where the comparison waits for it: "the same
/// market, the same shocks, now with mediation" without a trip to the editor (screens away,
/// and hidden in classroom mode). The common ladders of a sweep, and the scenario's own if it
/// is another.
fn ladder_pick(state: &UseReducerHandle<State>) -> Html {
    let s = &**state;
    let lang = s.lang;
    let now = &s.scenario.governance.resolution;
    let listed = ladder_index(now);
    let onchange = {
        let (d, scenario) = (state.dispatcher(), s.scenario.clone());
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Ok(i) = select.value().parse::<usize>() {
                let mut changed = scenario.clone();
                changed.governance.resolution = ladder(i).to_vec();
                d.dispatch(Action::SetScenario(changed));
            }
        })
    };
    let option = |value: String, steps: &[aliansi_sim::Resolution], selected: bool| {
        html! { <option {value} {selected}>{ ladder_label(lang, steps) }</option> }
    };
    html! {
        <label class="compare-ladder">
            <span>{ t(lang, "editor.f.governance.resolution") }</span>
            <select data-testid="compare-ladder" data-page-keys="" {onchange}>
                if listed.is_none() { { option(String::new(), now, true) } }
                { for (0..LADDERS.len()).map(|i| option(i.to_string(), ladder(i), listed == Some(i))) }
            </select>
        </label>
    }
}

/// The comparison: while waiting for the variant, a note and the exit button; once the
/// variant has ended, both runs side by side.
pub fn compare_view(state: &UseReducerHandle<State>) -> Html {
    let s = &**state;
    let lang = s.lang;
    let Some(b) = &s.baseline else {
        return html! {};
    };
    let exit = {
        let d = state.dispatcher();
        html! {
            <button type="button" data-testid="compare-exit" onclick={move |_| d.dispatch(Action::CompareExit)}>
                { t(lang, "watch.compare.exit") }
            </button>
        }
    };
    let Some(v) = s.run() else {
        // On a phone the editor is screens below: a way to it, named as its heading is.
        // The focus goes with it, to the editor's heading (the next Tab is the editor's first
        // control): it stayed on this button, out of sight, and Tab never reached the editor
        // (an accessibility audit).
        let to_editor = Callback::from(|_: MouseEvent| {
            if let Some(el) = gloo::utils::document()
                .get_element_by_id("editor-heading")
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
            {
                el.scroll_into_view();
                crate::focus::focus_in_place(&el);
            }
        });
        // In classroom mode the editor is hidden: the ladder here is the change to make.
        let armed = if s.classroom {
            "watch.compare.armed_classroom"
        } else {
            "watch.compare.armed"
        };
        return html! {
            // Only the sentence is news: the controls under it are not read out with it.
            <section class="card compare-armed" data-testid="compare-armed">
                <p role="status" aria-live={quiet(state.hush)}>{ tf(lang, armed, &[
                    ("outcome", &outcome_text(lang, b.result.outcome, b.result.months)),
                    ("seed", &b.seed.to_string()),
                ]) }</p>
                { ladder_pick(state) }
                <div class="compare-armed-actions">
                    <button type="button" class="compare-to-editor" data-testid="compare-to-editor" onclick={to_editor}>
                        { t(lang, "watch.compare.to_editor") }
                    </button>
                    { exit }
                </div>
            </section>
        };
    };
    let base_label = t(lang, "watch.compare.baseline");
    let var_label = t(lang, "watch.compare.variant");
    let note = seeds_said(lang, (b.seed, s.seed), "watch.compare.note");
    // The months either run lived: two runs that both ended early (month 48 of 120, say) are
    // drawn over those months, not over a plot mostly empty.
    let horizon = v.months.max(b.result.months).max(1);
    let verdict = crate::narrate::compare_verdict(
        lang,
        (
            b.result.outcome,
            b.result.months,
            b.result.distributed_total,
        ),
        (v.outcome, v.months, v.distributed_total),
    );
    let pair = |bp: Vec<(f64, f64)>, vp: Vec<(f64, f64)>| {
        vec![
            ChartSeries {
                label: base_label.to_string(),
                points: bp,
                color: palette(1),
                dash: Some("10 5"),
            },
            ChartSeries {
                label: var_label.to_string(),
                points: vp,
                color: palette(0),
                dash: None,
            },
        ]
    };
    let trust = pair(
        trust_points(b.scenario.initial_trust, &b.result.series),
        trust_points(s.scenario.initial_trust, &v.series),
    );
    let value = pair(
        month_points(&b.result.series, |m| m.value),
        month_points(&v.series, |m| m.value),
    );
    let export_stem = format!("{}-vs-seed-{}", crate::export::run_stem(b.seed), s.seed);
    // Under the title of an exported chart: the two runs and what changed, which the page
    // says above the charts (a picture on a slide has only its legend otherwise).
    let seeds = seeds_said(lang, (b.seed, s.seed), "watch.compare.caption");
    let caption = AttrValue::from(tf(
        lang,
        "watch.compare.caption",
        &[
            ("a", &outcome_text(lang, b.result.outcome, b.result.months)),
            ("b", &outcome_text(lang, v.outcome, v.months)),
            (
                "changes",
                &crate::variants::differences_line(lang, &b.scenario, &s.scenario),
            ),
            ("seeds", &seeds),
        ],
    ));
    html! {
        <section class="card compare" data-testid="compare" aria-labelledby="compare-title">
            <h2 id="compare-title">{ t(lang, "watch.compare.heading") }</h2>
            <p class="compare-note" data-testid="compare-note">{ note }</p>
            <p class="compare-verdict" data-testid="compare-verdict">{ crate::narrate::held_ordinals(&verdict) }</p>
            <p class="compare-changes" data-testid="compare-changes">
                <strong>{ t(lang, "watch.compare.changed") }{ ": " }</strong>
                { crate::variants::differences_line(lang, &b.scenario, &s.scenario) }
            </p>
            { choices_line(lang, (&b.choices, &b.result.events), (s.live.as_ref().map(|w| w.choices()).unwrap_or(&[]), &v.events)) }
            <div class="compare-cols">
                { column(lang, base_label, "baseline", &b.result) }
                { column(lang, var_label, "variant", v) }
            </div>
            <div class="chart-grid">
                <div class="chart-cell">
                    <LineChart {lang} id="cmp-trust" title={t(lang, "watch.compare.trust")} series={trust.clone()}
                        {horizon} y_domain={Some((0.0, 1.0))} legend=true />
                    <LineExport {lang} chart_id="cmp-trust" title={t(lang, "watch.compare.trust")}
                        series={std::rc::Rc::new(trust)} file_stem={export_stem.clone()} caption={caption.clone()} />
                </div>
                <div class="chart-cell">
                    <LineChart {lang} id="cmp-value" title={t(lang, "watch.compare.value")} series={value.clone()}
                        {horizon} y_digits={0} legend=true />
                    <LineExport {lang} chart_id="cmp-value" title={t(lang, "watch.compare.value")}
                        series={std::rc::Rc::new(value)} file_stem={export_stem} {caption} />
                </div>
            </div>
            { exit }
        </section>
    }
}

/// What the seeds of the two runs were, by the text `<key>_same` (one seed: the same market
/// and shocks) or `<key>_diff` (two).
fn seeds_said(lang: crate::i18n::Lang, (a, b): (u64, u64), key: &str) -> String {
    if a == b {
        tf(lang, &format!("{key}_same"), &[("seed", &b.to_string())])
    } else {
        tf(
            lang,
            &format!("{key}_diff"),
            &[("a", &a.to_string()), ("b", &b.to_string())],
        )
    }
}

/// Where the class's choices in decision mode differ between the two runs (they are part of
/// what changed), listed as the settings are ([`crate::variants::listed`]); nothing when they
/// are the same.
fn choices_line(
    lang: crate::i18n::Lang,
    base: (&[(u32, aliansi_sim::Resolution)], &[aliansi_sim::Event]),
    this: (&[(u32, aliansi_sim::Resolution)], &[aliansi_sim::Event]),
) -> Html {
    let changes = crate::state::choice_changes(base, this);
    if changes.is_empty() {
        return html! {};
    }
    let step = |r: Option<aliansi_sim::Resolution>| match r {
        Some(r) => crate::narrate::step_words(lang, r),
        None => t(lang, "watch.compare.ladder"),
    };
    let items: Vec<String> = changes
        .iter()
        .map(|&(id, a, b)| {
            tf(
                lang,
                "watch.compare.choice",
                &[("id", &id.to_string()), ("a", step(a)), ("b", step(b))],
            )
        })
        .collect();
    let list = crate::variants::listed(lang, &items);
    html! {
        <p class="compare-changes" data-testid="compare-choices">
            { tf(lang, "watch.compare.choices", &[("list", &list)]) }
        </p>
    }
}
