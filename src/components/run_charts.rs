//! The monthly charts of the run so far: mean trust, market, value, each partner's
//! satisfaction and payoff, open disputes.

use std::rc::Rc;

use aliansi_sim::Outcome;
use yew::prelude::*;

use crate::charts::{dash, palette};
use crate::components::export::{ExportBar, LineExport};
use crate::components::line_chart::{ChartSeries, LineChart};
use crate::i18n::t;
use crate::state::{month_points, partner_points, State};

pub fn run_charts(state: &UseReducerHandle<State>) -> Html {
    let s = &**state;
    let lang = s.lang;
    let Some(w) = s.world() else {
        return html! {};
    };
    let horizon = s.scenario.horizon_months;
    let end_month = match w.outcome {
        Some(Outcome::Dissolved { month, .. }) => Some(month),
        _ => None,
    };
    let series = &w.series;
    let one = |label: &str, points: Vec<(f64, f64)>| {
        vec![ChartSeries {
            label: label.to_string(),
            points,
            color: palette(0),
            dash: None,
        }]
    };
    let names = crate::narrate::partner_names(&s.scenario);
    let per_partner = |f: fn(&aliansi_sim::MonthStats, usize) -> f64| {
        names
            .iter()
            .enumerate()
            .map(|(i, name)| ChartSeries {
                label: name.clone(),
                points: partner_points(series, i, f),
                color: palette(i),
                dash: dash(i),
            })
            .collect::<Vec<_>>()
    };
    let trust_title = t(lang, "chart.heading");
    // Each chart's lines, shared with its export buttons.
    let charts: [(&str, &str, Rc<Vec<ChartSeries>>); 6] = [
        (
            "ch-trust",
            trust_title,
            Rc::new(one(trust_title, s.trust_points())),
        ),
        (
            "ch-market",
            t(lang, "watch.chart.market"),
            Rc::new(one(
                t(lang, "watch.chart.market"),
                month_points(series, |m| m.market),
            )),
        ),
        (
            "ch-value",
            t(lang, "watch.chart.value"),
            Rc::new(one(
                t(lang, "watch.chart.value"),
                month_points(series, |m| m.value),
            )),
        ),
        (
            "ch-sat",
            t(lang, "watch.chart.satisfaction"),
            Rc::new(per_partner(|m, i| m.satisfaction[i])),
        ),
        (
            "ch-payoff",
            t(lang, "watch.chart.payoff"),
            Rc::new(per_partner(|m, i| m.payoff[i])),
        ),
        (
            "ch-disputes",
            t(lang, "watch.chart.disputes"),
            Rc::new(one(
                t(lang, "watch.chart.disputes"),
                month_points(series, |m| f64::from(m.open_disputes)),
            )),
        ),
    ];
    let lines = |k: usize| charts[k].2.clone();
    let stem = crate::export::run_stem(s.seed);
    // Nothing to take away before the first month (an edit rewinds the run: a CSV of the
    // headings alone).
    let played = s.month() > 0;
    let exports: Vec<Html> = charts
        .iter()
        .map(|(id, title, series)| if played { html! {
            <LineExport {lang} chart_id={*id} title={*title} series={series.clone()} file_stem={stem.clone()} />
        } } else { Html::default() })
        .collect();
    let run_csv = {
        let scenario = s.scenario.clone();
        let world = s.live.clone();
        Callback::from(move |_: ()| match &world {
            Ok(w) => crate::export::run_csv(&scenario, &w.series),
            Err(_) => String::new(),
        })
    };
    html! {
        <section class="card charts-card" data-testid="charts" aria-labelledby="charts-title">
            <h2 id="charts-title">{ t(lang, "watch.charts.heading") }</h2>
            if played {
                <div class="run-export">
                    <span class="run-export-label">{ t(lang, "export.run_csv") }</span>
                    <ExportBar {lang} chart={t(lang, "export.run_csv")} file_stem={stem.clone()}
                        csv={Some(run_csv)} testid="run-export" />
                </div>
            }
            <div class="chart-grid">
                <div class="chart-cell">
                    <LineChart {lang} id="ch-trust" title={trust_title} testid={Some(AttrValue::from("trust-chart"))}
                        series={lines(0)} {horizon} {end_month}
                        y_domain={Some((0.0, 1.0))} />
                    { exports[0].clone() }
                </div>
                <div class="chart-cell">
                    <LineChart {lang} id="ch-market" title={t(lang, "watch.chart.market")}
                        series={lines(1)} {horizon} {end_month} y_digits={1} />
                    { exports[1].clone() }
                </div>
                <div class="chart-cell">
                    <LineChart {lang} id="ch-value" title={t(lang, "watch.chart.value")}
                        series={lines(2)} {horizon} {end_month} y_digits={0} />
                    { exports[2].clone() }
                </div>
                <div class="chart-cell">
                    <LineChart {lang} id="ch-sat" title={t(lang, "watch.chart.satisfaction")}
                        series={lines(3)} {horizon} {end_month}
                        y_domain={Some((0.0, 1.0))} legend=true />
                    { exports[3].clone() }
                </div>
                <div class="chart-cell">
                    <LineChart {lang} id="ch-payoff" title={t(lang, "watch.chart.payoff")}
                        series={lines(4)} {horizon} {end_month} y_digits={0} legend=true />
                    { exports[4].clone() }
                </div>
                <div class="chart-cell">
                    <LineChart {lang} id="ch-disputes" title={t(lang, "watch.chart.disputes")}
                        series={lines(5)} {horizon} {end_month} y_digits={0} />
                    { exports[5].clone() }
                </div>
            </div>
        </section>
    }
}
