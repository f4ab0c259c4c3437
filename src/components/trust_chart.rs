//! A small line chart of mean trust over time. Geometry comes from [`crate::charts`].

use yew::prelude::*;

use crate::charts::{fmt_num, line_path, ticks, LinearScale};
use crate::i18n::{t, Lang};

/// The drawing box (SVG user units; the SVG scales to its container's width).
const WIDTH: f64 = 600.0;
const HEIGHT: f64 = 300.0;
const MARGIN_LEFT: f64 = 56.0;
const MARGIN_RIGHT: f64 = 20.0;
const MARGIN_TOP: f64 = 16.0;
const MARGIN_BOTTOM: f64 = 64.0;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// (month, mean trust) points; trust in [0, 1].
    pub points: Vec<(f64, f64)>,
    /// The x axis runs from month 0 to this month.
    pub horizon: u32,
    /// The month the alliance dissolved, if it did (marked on the chart).
    #[prop_or_default]
    pub end_month: Option<u32>,
}

#[function_component(TrustChart)]
pub fn trust_chart(props: &Props) -> Html {
    let lang = props.lang;
    let w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
    let h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM;
    let x_domain = (0.0, f64::from(props.horizon.max(1)));
    let y_domain = (0.0, 1.0);
    let x = LinearScale::new(x_domain, (0.0, w));
    let y = LinearScale::new(y_domain, (h, 0.0));
    let d = line_path(&props.points, w, h, x_domain, y_domain);

    let y_ticks = ticks(y_domain, 5).into_iter().map(|v| {
        let py = fmt_num(y.apply(v));
        html! {
            <g class="tick">
                <line class="grid" x1="0" x2={fmt_num(w)} y1={py.clone()} y2={py.clone()} />
                <text class="tick-label" x="-8" y={py} dominant-baseline="middle" text-anchor="end">{ format!("{v:.1}") }</text>
            </g>
        }
    });
    let x_ticks = ticks(x_domain, 6).into_iter().map(|v| {
        let px = fmt_num(x.apply(v));
        html! {
            <g class="tick">
                <line class="tick-mark" x1={px.clone()} x2={px.clone()} y1={fmt_num(h)} y2={fmt_num(h + 6.0)} />
                <text class="tick-label" x={px} y={fmt_num(h + 10.0)} dominant-baseline="hanging" text-anchor="middle">{ fmt_num(v) }</text>
            </g>
        }
    });
    let end_marker = props.end_month.map(|m| {
        let px = fmt_num(x.apply(f64::from(m)));
        html! {
            <g class="end-marker">
                <line x1={px.clone()} x2={px.clone()} y1="0" y2={fmt_num(h)} />
                <text class="tick-label" x={px} y="-4" text-anchor="middle">{ t(lang, "chart.end") }</text>
            </g>
        }
    });

    html! {
        <section class="card chart">
            <h2 id="trust-chart-title">{ t(lang, "chart.heading") }</h2>
            <p class="chart-note">{ t(lang, "chart.y_label") }</p>
            <svg
                class="trust-chart"
                data-testid="trust-chart"
                viewBox={format!("0 0 {WIDTH} {HEIGHT}")}
                role="img"
                aria-labelledby="trust-chart-title trust-chart-desc"
            >
                <desc id="trust-chart-desc">{ t(lang, "chart.description") }</desc>
                <g transform={format!("translate({MARGIN_LEFT},{MARGIN_TOP})")}>
                    { for y_ticks }
                    <line class="axis" x1="0" x2={fmt_num(w)} y1={fmt_num(h)} y2={fmt_num(h)} />
                    <line class="axis" x1="0" x2="0" y1="0" y2={fmt_num(h)} />
                    { for x_ticks }
                    { for end_marker }
                    <path class="line" d={d} />
                    <text class="axis-label" x={fmt_num(w / 2.0)} y={fmt_num(h + 38.0)} dominant-baseline="hanging" text-anchor="middle">
                        { t(lang, "chart.x_label") }
                    </text>
                </g>
            </svg>
        </section>
    }
}
