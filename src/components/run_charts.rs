//! The monthly charts of the run so far: mean trust, market, value, each partner's
//! satisfaction and payoff, open disputes.

use aliansi_sim::Outcome;
use yew::prelude::*;

use crate::charts::{dash, palette};
use crate::components::line_chart::{ChartSeries, LineChart};
use crate::i18n::t;
use crate::state::{month_points, partner_points, State};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: UseReducerHandle<State>,
}

#[function_component(RunCharts)]
pub fn run_charts(props: &Props) -> Html {
    let s = &*props.state;
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
    let per_partner = |f: fn(&aliansi_sim::MonthStats, usize) -> f64| {
        s.scenario
            .partners
            .iter()
            .enumerate()
            .map(|(i, p)| ChartSeries {
                label: p.name.clone(),
                points: partner_points(series, i, f),
                color: palette(i),
                dash: dash(i),
            })
            .collect::<Vec<_>>()
    };
    let trust_title = t(lang, "chart.heading");
    html! {
        <section class="card charts-card" data-testid="charts" aria-labelledby="charts-title">
            <h2 id="charts-title">{ t(lang, "watch.charts.heading") }</h2>
            <div class="chart-grid">
                <LineChart {lang} id="ch-trust" title={trust_title} testid={Some(AttrValue::from("trust-chart"))}
                    series={one(trust_title, s.trust_points())} {horizon} {end_month}
                    y_domain={Some((0.0, 1.0))} />
                <LineChart {lang} id="ch-market" title={t(lang, "watch.chart.market")}
                    series={one(t(lang, "watch.chart.market"), month_points(series, |m| m.market))}
                    {horizon} {end_month} y_digits={1} />
                <LineChart {lang} id="ch-value" title={t(lang, "watch.chart.value")}
                    series={one(t(lang, "watch.chart.value"), month_points(series, |m| m.value))}
                    {horizon} {end_month} y_digits={0} />
                <LineChart {lang} id="ch-sat" title={t(lang, "watch.chart.satisfaction")}
                    series={per_partner(|m, i| m.satisfaction[i])} {horizon} {end_month}
                    y_domain={Some((0.0, 1.0))} legend=true />
                <LineChart {lang} id="ch-payoff" title={t(lang, "watch.chart.payoff")}
                    series={per_partner(|m, i| m.payoff[i])} {horizon} {end_month} y_digits={0} legend=true />
                <LineChart {lang} id="ch-disputes" title={t(lang, "watch.chart.disputes")}
                    series={one(t(lang, "watch.chart.disputes"), month_points(series, |m| f64::from(m.open_disputes)))}
                    {horizon} {end_month} y_digits={0} />
            </div>
        </section>
    }
}
