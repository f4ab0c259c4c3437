//! The results of a batch: the Kaplan-Meier survival curve with its 95% band, survival at
//! 1, 3, 5 and 10 years, median survival, hazard by year, dissolution causes, and histograms
//! of net value (what the partners were paid), partner shares and final trust. Geometry from [`crate::charts`].

use std::rc::Rc;

use aliansi_sim::batch::value_bin_floor;
use yew::prelude::*;

use crate::batch::{survival_rows, year_ticks, Finished};
use crate::charts::{
    band_path, bars, fmt_num, hbars, histogram, label_digits, line_path, middle_half, occupied,
    step_points, value_digits, LinearScale, Rect, X_LABELS_BAND, X_TICK_BELOW, X_TITLE_BELOW,
};
use crate::components::export::{batch_bar, BatchChart, Debrief, DebriefHead, PrintDebrief};
use crate::i18n::{t, tf, Lang};
use crate::narrate::{amount, cause_words, months, num, pct};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub finished: Rc<Finished>,
    /// The results of the batch before the one running now: shown dimmed and out of reach
    /// (inert), without the data-testid that says results are there, until the new ones
    /// replace them in place.
    #[prop_or_default]
    pub previous: bool,
}

/// The two axis lines of a survival chart, `w` by `h`.
pub(crate) fn survival_axes(w: f64, h: f64) -> Html {
    html! {
        <>
            <line class="axis" x1="0" x2={fmt_num(w)} y1={fmt_num(h)} y2={fmt_num(h)} />
            <line class="axis" x1="0" x2="0" y1="0" y2={fmt_num(h)} />
        </>
    }
}

/// The month label under a survival chart's x axis.
pub(crate) fn month_label(lang: Lang, w: f64, h: f64) -> Html {
    html! {
        <text class="axis-label" x={fmt_num(w / 2.0)} y={fmt_num(h + X_TITLE_BELOW)} dominant-baseline="hanging" text-anchor="middle">
            { t(lang, "experiments.month") }
        </text>
    }
}

/// The legend of a line drawn with its 95% band.
pub(crate) fn line_band_legend(line: &str, band: &str) -> Html {
    html! {
        <ul class="legend">
            <li>
                <svg class="swatch" viewBox="0 0 30 10" aria-hidden="true"><line class="km-line" x1="0" x2="30" y1="5" y2="5" /></svg>
                { line }
            </li>
            <li>
                <svg class="swatch" viewBox="0 0 30 10" aria-hidden="true"><rect class="km-band" x="0" y="0" width="30" height="10" /></svg>
                { band }
            </li>
        </ul>
    }
}

/// The axes of a survival chart: percent gridlines (0 to 100%, [`percent_gridlines`]) and a
/// tick each year.
pub(crate) fn survival_ticks(
    x: &LinearScale,
    y: &LinearScale,
    w: f64,
    h: f64,
    horizon: u32,
) -> (Html, Html) {
    let months = year_ticks(horizon);
    // Every other label is minor when there are many: a phone, with its larger labels, hides
    // them (batch.css) so that "108" and "120" do not run together.
    let many = months.len() > 7;
    let x_ticks = months.into_iter().enumerate().map(|(i, m)| {
        let px = fmt_num(x.apply(f64::from(m)));
        html! {
            <g class={classes!("tick", (many && i % 2 == 1).then_some("minor"))}>
                <line class="tick-mark" x1={px.clone()} x2={px.clone()} y1={fmt_num(h)} y2={fmt_num(h + 6.0)} />
                <text class="tick-label" x={px} y={fmt_num(h + X_TICK_BELOW)} dominant-baseline="hanging" text-anchor="middle">{ m }</text>
            </g>
        }
    });
    (percent_gridlines(y, w), html! { <>{ for x_ticks }</> })
}

/// Gridlines of a chart of survival at 0, 25, 50, 75 and 100%, across its width `w`, with
/// their labels at the left.
pub(crate) fn percent_gridlines(y: &LinearScale, w: f64) -> Html {
    let lines = [0.0, 0.25, 0.5, 0.75, 1.0].into_iter().map(|v| {
        let py = fmt_num(y.apply(v));
        html! {
            <g class="tick">
                <line class="grid" x1="0" x2={fmt_num(w)} y1={py.clone()} y2={py.clone()} />
                <text class="tick-label" x="-8" y={py} dominant-baseline="middle" text-anchor="end">
                    { format!("{}%", (v * 100.0) as u32) }
                </text>
            </g>
        }
    });
    html! { <>{ for lines }</> }
}

fn rect(r: &Rect, class: &'static str) -> Html {
    html! {
        <rect class={class} x={fmt_num(r.x)} y={fmt_num(r.y)} width={fmt_num(r.w)} height={fmt_num(r.h)} />
    }
}

/// The frame of a survival chart (viewBox size and margins), shared with Compare fairly.
pub(crate) const W: f64 = 600.0;
pub(crate) const H: f64 = 316.0;
pub(crate) const ML: f64 = 80.0;
pub(crate) const MR: f64 = 28.0;
pub(crate) const MT: f64 = 16.0;
pub(crate) const MB: f64 = X_LABELS_BAND;

/// The survival curve with its band.
fn km_chart(lang: Lang, f: &Rc<Finished>) -> Html {
    let s = &f.summary;
    let w = W - ML - MR;
    let h = H - MT - MB;
    let x_domain = (0.0, f64::from(s.horizon_months.max(1)));
    let y_domain = (0.0, 1.0);
    let x = LinearScale::new(x_domain, (0.0, w));
    let y = LinearScale::new(y_domain, (h, 0.0));
    let band = band_path(
        &step_points(&s.survival_low),
        &step_points(&s.survival_high),
        w,
        h,
        x_domain,
        y_domain,
    );
    let line = line_path(&step_points(&s.survival_curve), w, h, x_domain, y_domain);
    let (y_ticks, x_ticks) = survival_ticks(&x, &y, w, h, s.horizon_months);
    let desc = tf(
        lang,
        "experiments.km_desc",
        &[
            ("horizon", &months(lang, s.horizon_months)),
            ("pct", &pct(lang, s.survival_at_horizon)),
        ],
    );
    let end_y = fmt_num(y.apply(s.survival_at_horizon));
    html! {
        <figure class="chart batch-chart batch-km-figure">
            <figcaption id="batch-km-title" class="chart-title">{ t(lang, "experiments.km_title") }</figcaption>
            <svg class="line-chart batch-svg" data-testid="batch-km" viewBox={format!("0 0 {W} {H}")}
                role="img" aria-labelledby="batch-km-title">
                <desc id="batch-km-desc">{ desc }</desc>
                <g transform={format!("translate({ML},{MT})")}>
                    { y_ticks }
                    <path class="km-band" d={band} />
                    <path class="km-line" d={line} />
                    <circle class="km-end" cx={fmt_num(w)} cy={end_y} r="5" />
                    { survival_axes(w, h) }
                    { x_ticks }
                    { month_label(lang, w, h) }
                </g>
            </svg>
            { line_band_legend(t(lang, "experiments.km_line"), t(lang, "experiments.km_band")) }
            { batch_bar(lang, f, BatchChart::Survival) }
        </figure>
    }
}

fn survival_table(lang: Lang, f: &Rc<Finished>) -> Html {
    let s = &f.summary;
    let rows = survival_rows(s.horizon_months).into_iter().map(|m| {
        let i = (m as usize).min(s.survival_curve.len() - 1);
        html! {
            <tr data-month={m.to_string()}>
                <th scope="row">{ crate::variants::horizon_words(lang, m) }</th>
                <td class="num">{ pct(lang, s.survival_curve[i]) }</td>
                <td class="num">{ format!("{} – {}", pct(lang, s.survival_low[i]), pct(lang, s.survival_high[i])) }</td>
            </tr>
        }
    });
    let median = match s.median_survival_months {
        Some(m) => tf(lang, "experiments.median", &[("months", &months(lang, m))]),
        None => tf(
            lang,
            "experiments.median_none",
            &[("months", &months(lang, s.horizon_months))],
        ),
    };
    html! {
        <div class="batch-table-wrap" tabindex="0" role="region" aria-labelledby="batch-table-caption">
            <table class="batch-table" data-testid="batch-survival-table"
                data-horizon-survival={format!("{:.4}", s.survival_at_horizon)}>
                <caption id="batch-table-caption">{ t(lang, "experiments.table_caption") }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ t(lang, "experiments.col_after") }</th>
                        <th scope="col">{ t(lang, "experiments.col_survival") }</th>
                        <th scope="col">{ t(lang, "experiments.col_ci") }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
            <p class="batch-median" data-testid="batch-median">{ median }</p>
            { batch_bar(lang, f, BatchChart::SurvivalTable) }
        </div>
    }
}

const BW: f64 = 600.0;
const BH: f64 = 236.0;
const BT: f64 = 30.0;
const BB: f64 = X_LABELS_BAND;
const BX: f64 = 8.0;

/// The hazard's last bar when the horizon ends inside its year: (year, first month, last
/// month), months counted from 1.
pub fn partial_year(horizon: u32) -> Option<(u32, u32, u32)> {
    (!horizon.is_multiple_of(12)).then(|| (horizon / 12 + 1, horizon / 12 * 12 + 1, horizon))
}

fn hazard_chart(lang: Lang, f: &Rc<Finished>) -> Html {
    let hz = &f.summary.hazard_by_year;
    let w = BW - 2.0 * BX;
    let h = BH - BT - BB;
    let max = hz.iter().copied().fold(0.0, f64::max);
    let rects = bars(hz, w, h, max, 0.25);
    let digits = value_digits(max * 100.0);
    // A year no alliance reached has no chance of ending in it: a dash, not 0.
    let values: Vec<String> = hz
        .iter()
        .enumerate()
        .map(|(i, v)| {
            if f.summary.hazard_defined(i) {
                num(lang, v * 100.0, label_digits(v * 100.0, digits))
            } else {
                "\u{2014}".to_string()
            }
        })
        .collect();
    // For a screen reader, which reads the picture as one: the values too, year by year.
    let per_year: Vec<String> = values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let year = (i + 1).to_string();
            tf(
                lang,
                "experiments.hazard_value",
                &[("year", &year), ("value", v)],
            )
        })
        .collect();
    let desc = format!(
        "{} {}.",
        t(lang, "experiments.hazard_desc"),
        per_year.join("; ")
    );
    let items = rects.iter().zip(&values).enumerate().map(|(i, (r, value))| {
        let cx = fmt_num(r.x + r.w / 2.0);
        html! {
            <g>
                { rect(r, "bar hazard-bar") }
                <text class="bar-value" x={cx.clone()} y={fmt_num(r.y - 4.0)} text-anchor="middle">{ value }</text>
                <text class="tick-label" x={cx} y={fmt_num(h + X_TICK_BELOW)} dominant-baseline="hanging" text-anchor="middle">{ i + 1 }</text>
            </g>
        }
    });
    html! {
        <figure class="chart batch-chart">
            <figcaption id="batch-hazard-title" class="chart-title">{ format!("{} (%)", t(lang, "experiments.hazard_title")) }</figcaption>
            <svg class="batch-svg bar-chart" data-testid="batch-hazard" viewBox={format!("0 0 {BW} {BH}")}
                role="img" aria-labelledby="batch-hazard-title">
                <desc id="batch-hazard-desc">{ desc }</desc>
                <g transform={format!("translate({BX},{BT})")}>
                    { for items }
                    <line class="axis" x1="0" x2={fmt_num(w)} y1={fmt_num(h)} y2={fmt_num(h)} />
                    <text class="axis-label" x={fmt_num(w / 2.0)} y={fmt_num(h + X_TITLE_BELOW)} dominant-baseline="hanging" text-anchor="middle">
                        { t(lang, "experiments.year") }
                    </text>
                </g>
            </svg>
            if let Some((year, from, to)) = partial_year(f.scenario.horizon_months) {
                <p class="hint" data-testid="batch-hazard-partial">
                    // One month alone (a horizon of 13): "month 13 only", not "months 13 to 13".
                    if from == to {
                        { tf(lang, "experiments.hazard_partial_one", &[("year", &year.to_string()), ("month", &to.to_string())]) }
                    } else {
                        { tf(lang, "experiments.hazard_partial", &[("year", &year.to_string()), ("from", &from.to_string()), ("to", &to.to_string())]) }
                    }
                </p>
            }
            { batch_bar(lang, f, BatchChart::Hazard) }
        </figure>
    }
}

fn causes_chart(lang: Lang, f: &Rc<Finished>) -> Html {
    let causes = crate::export::causes_most_common_first(&f.summary);
    let ended: u64 = causes.iter().map(|c| c.1).sum();
    let values: Vec<f64> = causes.iter().map(|c| c.1 as f64).collect();
    let widths = hbars(&values, 100.0, 10.0, 10.0, None);
    let shares = crate::export::causes_shares(&causes);
    let rows = causes.iter().zip(&widths).zip(&shares).map(|(((cause, n), r), &share)| {
        html! {
            <li class="cause-row" data-cause={cause.key()}>
                <span class="cause-name">{ cause_words(lang, *cause) }</span>
                <svg class="cause-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                    // One row per SVG: the bar's length from the shared scale, at the top.
                    { rect(&Rect { y: 0.0, h: 10.0, ..*r }, "bar cause-fill") }
                </svg>
                <span class="cause-count">{ format!("{} ({})", amount(lang, *n as f64), pct(lang, share)) }</span>
            </li>
        }
    });
    html! {
        <figure class="chart batch-chart batch-causes-figure">
            <figcaption id="batch-causes-title" class="chart-title">{ t(lang, "experiments.causes_title") }</figcaption>
            if ended == 0 {
                <p data-testid="batch-causes" class="batch-none">{ t(lang, "experiments.causes_none") }</p>
            } else {
                <ul class="cause-bars" data-testid="batch-causes" aria-labelledby="batch-causes-title"
                    aria-describedby="batch-causes-desc">
                    { for rows }
                </ul>
                <p id="batch-causes-desc" class="visually-hidden">
                    { tf(lang, "experiments.causes_desc", &[("n", &amount(lang, ended as f64))]) }
                </p>
            }
            { batch_bar(lang, f, BatchChart::Causes) }
        </figure>
    }
}

const HW: f64 = 600.0;
const HH: f64 = 180.0;
const HT: f64 = 8.0;
const HB: f64 = 40.0;
/// Side margins of a histogram: half its widest edge label ("31,623" at a phone's 24 units),
/// or of a small one's (13 units everywhere).
const HX: f64 = 44.0;
const HX_SMALL: f64 = 28.0;

/// A histogram's description, and where the middle half of its futures lie (`edge`: the
/// value at a bin edge, in words), for a screen reader, which reads the picture as one.
fn with_middle(lang: Lang, desc: &str, counts: &[u64], edge: impl Fn(usize) -> String) -> String {
    match middle_half(counts) {
        Some((lo, hi)) => {
            let middle = tf(
                lang,
                "experiments.hist_middle",
                &[("lo", &edge(lo)), ("hi", &edge(hi))],
            );
            format!("{desc} {middle}")
        }
        None => desc.to_string(),
    }
}

/// A histogram: `counts` with labels at bin edges (edge index, text).
fn hist_svg(
    id: &str,
    testid: &'static str,
    desc: String,
    counts: &[u64],
    edges: Vec<(usize, String)>,
    small: bool,
) -> Html {
    let (width, height, hx) = if small {
        (300.0, 110.0, HX_SMALL)
    } else {
        (HW, HH, HX)
    };
    let w = width - 2.0 * hx;
    let h = height - HT - HB;
    let rects = histogram(counts, w, h);
    let slot = w / counts.len().max(1) as f64;
    let labels = edges.into_iter().map(|(e, text)| {
        html! {
            <text class="tick-label" x={fmt_num(e as f64 * slot)} y={fmt_num(h + X_TICK_BELOW)} dominant-baseline="hanging" text-anchor="middle">{ text }</text>
        }
    });
    // Named by its <title> (what it shows, for whom): a screen reader's name for the picture.
    html! {
        <svg class={classes!("batch-svg", "histogram", small.then_some("small"))} data-testid={testid}
            viewBox={format!("0 0 {width} {height}")} role="img">
            <title id={format!("{id}-desc")}>{ desc }</title>
            <g transform={format!("translate({hx},{HT})")}>
                { for rects.iter().map(|r| rect(r, "bar hist-bar")) }
                <line class="axis" x1="0" x2={fmt_num(w)} y1={fmt_num(h)} y2={fmt_num(h)} />
                { for labels }
            </g>
        </svg>
    }
}

fn value_chart(lang: Lang, f: &Rc<Finished>) -> Html {
    let s = &f.summary;
    let range = occupied(&s.value_hist).unwrap_or(0..1);
    let counts = &s.value_hist[range.clone()];
    let n = counts.len();
    let step = n.div_ceil(6).max(1);
    let edges: Vec<(usize, String)> = (0..=n)
        .step_by(step)
        .map(|e| (e, amount(lang, value_bin_floor(range.start + e))))
        .collect();
    html! {
        <figure class="chart batch-chart">
            <figcaption class="chart-title">{ t(lang, "experiments.value_title") }</figcaption>
            { hist_svg("batch-value", "batch-value", with_middle(lang, t(lang, "experiments.value_desc"), counts, |e| amount(lang, value_bin_floor(range.start + e))), counts, edges, false) }
            <p class="batch-mean">{ tf(lang, "experiments.value_mean", &[("v", &amount(lang, s.mean_value))]) }</p>
            { batch_bar(lang, f, BatchChart::Value) }
        </figure>
    }
}

fn unit_edges(lang: Lang, percent: bool) -> Vec<(usize, String)> {
    [0usize, 10, 20]
        .into_iter()
        .map(|e| {
            let v = e as f64 / 20.0;
            let text = if percent {
                format!("{}%", (v * 100.0) as u32)
            } else {
                num(lang, v, 1)
            };
            (e, text)
        })
        .collect()
}

fn shares_chart(lang: Lang, f: &Rc<Finished>) -> Html {
    let s = &f.summary;
    // The means add up to 100% (less only if some futures paid nothing at all).
    let means = crate::number::whole_shares(&s.mean_share, 1);
    let partners = s.share_hist.iter().enumerate().map(|(i, hist)| {
        let name = f
            .scenario
            .partners
            .get(i)
            .map_or_else(|| format!("#{}", i + 1), |p| p.name.clone());
        let mean = means.get(i).copied().unwrap_or(0.0);
        html! {
            <li class="share-item">
                <p class="share-name"><strong>{ &name }</strong>{ " · " }
                    { tf(lang, "experiments.share_mean", &[("pct", &pct(lang, mean))]) }</p>
                { hist_svg(&format!("batch-share-{i}"), "batch-share", with_middle(lang, &tf(lang, "experiments.share_desc", &[("name", &name)]), hist, |e| format!("{}%", e * 5)), hist, unit_edges(lang, true), true) }
            </li>
        }
    });
    html! {
        <figure class="chart batch-chart">
            <figcaption class="chart-title">{ t(lang, "experiments.shares_title") }</figcaption>
            <ul class="share-grid" data-testid="batch-shares">{ for partners }</ul>
            { batch_bar(lang, f, BatchChart::Shares) }
        </figure>
    }
}

fn trust_chart(lang: Lang, f: &Rc<Finished>) -> Html {
    let s = &f.summary;
    html! {
        <figure class="chart batch-chart">
            <figcaption class="chart-title">{ t(lang, "experiments.trust_title") }</figcaption>
            { hist_svg("batch-trust", "batch-trust", with_middle(lang, t(lang, "experiments.trust_desc"), &s.trust_hist, |e| num(lang, e as f64 / 20.0, 2)), &s.trust_hist, unit_edges(lang, false), false) }
            <p class="batch-mean">{ tf(lang, "experiments.trust_mean", &[("v", &num(lang, s.mean_final_trust, 2))]) }</p>
            { batch_bar(lang, f, BatchChart::Trust) }
        </figure>
    }
}

/// A part of the results, drawn in its own turn of the event loop (see [`BatchResults`]).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Part {
    Km,
    Table,
    Hazard,
    Causes,
    Value,
    Trust,
    Shares,
}

const PARTS: [Part; 7] = [
    Part::Km,
    Part::Table,
    Part::Hazard,
    Part::Causes,
    Part::Value,
    Part::Trust,
    Part::Shares,
];

#[derive(Properties, PartialEq)]
struct PartProps {
    lang: Lang,
    finished: Rc<Finished>,
    part: Part,
}

/// One chart (or the table) of the results; a component, so that drawing the next part does
/// not draw this one again.
#[function_component(ResultsPart)]
fn results_part(props: &PartProps) -> Html {
    let (lang, f) = (props.lang, &props.finished);
    match props.part {
        Part::Km => km_chart(lang, f),
        Part::Table => survival_table(lang, f),
        Part::Hazard => hazard_chart(lang, f),
        Part::Causes => causes_chart(lang, f),
        Part::Value => value_chart(lang, f),
        Part::Trust => trust_chart(lang, f),
        Part::Shares => shares_chart(lang, f),
    }
}

#[function_component(BatchResults)]
pub fn batch_results(props: &Props) -> Html {
    let lang = props.lang;
    let f = &*props.finished;
    // New results are drawn a part at a time, one turn of the event loop each, so that no
    // single task of the page's thread runs long (tests/e2e/longtask.test.mjs); the
    // data-testid that says the results are all there comes with the last part.
    let shown = use_state_eq(|| 1usize);
    {
        let shown = shown.clone();
        use_effect_with(*shown, move |&n| {
            let next = (n < PARTS.len())
                .then(|| gloo::timers::callback::Timeout::new(0, move || shown.set(n + 1)));
            move || drop(next)
        });
    }
    let complete = *shown >= PARTS.len();
    // Each part is one node, drawn or empty: the parts come in over several frames, and a
    // list whose length changes makes Yew (which matches unkeyed children from the end) build
    // anew everything before the change, the parts already drawn and the print button.
    let part = |p: Part| {
        let i = PARTS.iter().position(|&q| q == p).unwrap_or(0);
        if i < *shown {
            html! { <ResultsPart {lang} finished={props.finished.clone()} part={p} /> }
        } else {
            Html::default()
        }
    };
    html! {
        <div class={classes!("batch-results", props.previous.then_some("previous"))}
            inert={props.previous}
            data-testid={(complete && !props.previous).then_some("batch-results")}
            data-runs={f.summary.runs.to_string()}
            data-checksum={format!("{:016x}", f.summary.checksum)}>
            <h3>{ t(lang, "experiments.results_heading") }</h3>
            <DebriefHead {lang} experiment={t(lang, "experiments.heading")} scenario={f.scenario.clone()}
                findings={crate::export::batch_findings(lang, &f.summary)} />
            <PrintDebrief {lang} which={Debrief::Batch} />
            <div class="batch-grid">
                { part(Part::Km) }
                { part(Part::Table) }
                { part(Part::Hazard) }
                { part(Part::Causes) }
                { part(Part::Value) }
                { part(Part::Trust) }
            </div>
            { part(Part::Shares) }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::partial_year;

    #[test]
    fn a_horizon_inside_a_year_marks_its_last_bar() {
        assert_eq!(partial_year(30), Some((3, 25, 30)));
        assert_eq!(partial_year(5), Some((1, 1, 5)));
        assert_eq!(partial_year(121), Some((11, 121, 121)));
        assert_eq!(partial_year(120), None);
        assert_eq!(partial_year(12), None);
    }
}
