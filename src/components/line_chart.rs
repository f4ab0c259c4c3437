//! A line chart of one or more monthly series. Geometry comes from [`crate::charts`].

use std::rc::Rc;

use yew::html::IntoPropValue;
use yew::prelude::*;

use crate::charts::{
    fmt_num, line_path, month_ticks, nice_y_domain, ticks_with_step_at_least, y_label_margin,
    LinearScale, X_LABELS_BAND, X_TICK_BELOW, X_TITLE_BELOW,
};
use crate::i18n::{t, tf, Lang};

/// The drawing box (SVG user units; the SVG scales to its container's width).
const WIDTH: f64 = 600.0;
const HEIGHT: f64 = 306.0;
/// The least left margin; more when the y axis's values are wide ([`y_label_margin`]).
const MARGIN_LEFT: f64 = 60.0;
const MARGIN_RIGHT: f64 = 28.0;
const MARGIN_TOP: f64 = 30.0;
const MARGIN_BOTTOM: f64 = X_LABELS_BAND;

/// One line.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartSeries {
    pub label: String,
    /// (month, value) points; non-finite values break the line.
    pub points: Vec<(f64, f64)>,
    /// Stroke colour.
    pub color: &'static str,
    /// Dash pattern (`None`: solid).
    pub dash: Option<&'static str>,
}

/// A chart's lines, shared (by its export buttons too) rather than copied: a long run's
/// charts hold tens of thousands of points. Pass a `Vec<ChartSeries>` or an
/// `Rc<Vec<ChartSeries>>`. Equal when they are the same lines (the same `Rc`, at once).
#[derive(Clone, Debug)]
pub struct Lines(pub Rc<Vec<ChartSeries>>);

impl PartialEq for Lines {
    fn eq(&self, other: &Lines) -> bool {
        Rc::ptr_eq(&self.0, &other.0) || self.0 == other.0
    }
}

impl std::ops::Deref for Lines {
    type Target = [ChartSeries];
    fn deref(&self) -> &[ChartSeries] {
        &self.0
    }
}

impl IntoPropValue<Lines> for Vec<ChartSeries> {
    fn into_prop_value(self) -> Lines {
        Lines(Rc::new(self))
    }
}

impl IntoPropValue<Lines> for Rc<Vec<ChartSeries>> {
    fn into_prop_value(self) -> Lines {
        Lines(self)
    }
}

/// The chart's numbers as a table, one row a year: the months that are a whole number of years
/// (0, 12, 24 …) and the last month any line reaches, each with every line's value there
/// (`None` where a line has no point at that month: a trust line stops when partners leave); a
/// month where no line has one is left out (the partners' lines start at month 1).
pub fn year_rows(series: &[ChartSeries]) -> Vec<(u32, Vec<Option<f64>>)> {
    let last = series
        .iter()
        .filter_map(|s| s.points.last().map(|p| p.0))
        .fold(f64::NAN, f64::max);
    if !last.is_finite() {
        return Vec::new();
    }
    let last = last as u32;
    let mut months: Vec<u32> = (0..=last).step_by(12).collect();
    if months.last() != Some(&last) {
        months.push(last);
    }
    months
        .into_iter()
        .map(|m| {
            let at = |s: &ChartSeries| {
                s.points
                    .iter()
                    .find(|p| p.0 == f64::from(m))
                    .map(|p| p.1)
                    .filter(|v| v.is_finite())
            };
            (m, series.iter().map(at).collect::<Vec<_>>())
        })
        .filter(|(_, values)| values.iter().any(Option::is_some))
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// Unique id prefix (for the title and description ids).
    pub id: AttrValue,
    pub title: AttrValue,
    #[prop_or_default]
    pub testid: Option<AttrValue>,
    pub series: Lines,
    /// The x axis runs from month 0 to this month.
    pub horizon: u32,
    /// A fixed y domain; by default from 0 to a round number above the data.
    #[prop_or_default]
    pub y_domain: Option<(f64, f64)>,
    /// Decimals of the y tick labels.
    #[prop_or(1)]
    pub y_digits: usize,
    /// The month the alliance dissolved, if it did (marked on the chart).
    #[prop_or_default]
    pub end_month: Option<u32>,
    /// Show a legend (names of the lines) under the chart.
    #[prop_or_default]
    pub legend: bool,
}

/// A value on the y axis or in the table: whole numbers grouped by thousands ("1,500", as the
/// page writes amounts elsewhere), others with `digits` decimals.
fn value_text(lang: Lang, v: f64, digits: usize) -> String {
    if digits == 0 {
        crate::narrate::amount(lang, v)
    } else {
        crate::narrate::num(lang, v, digits)
    }
}

#[function_component(LineChart)]
pub fn line_chart(props: &Props) -> Html {
    let lang = props.lang;
    let x_domain = (0.0, f64::from(props.horizon.max(1)));
    let y_domain = props.y_domain.unwrap_or_else(|| {
        let all: Vec<&[(f64, f64)]> = props.series.iter().map(|s| s.points.as_slice()).collect();
        nice_y_domain(&all, 1.0)
    });
    let digits = props.y_digits;
    // No two ticks closer than the labels' precision (a count of disputes is labelled 0, 1,
    // 2, never "0, 0, 0, 1").
    let min_step = 10f64.powi(-(digits as i32));
    let y_labels: Vec<(f64, String)> = ticks_with_step_at_least(y_domain, 5, min_step)
        .into_iter()
        .map(|v| (v, value_text(lang, v, digits)))
        .collect();
    let margin_left = y_label_margin(y_labels.iter().map(|(_, l)| l.as_str()), MARGIN_LEFT);
    let w = WIDTH - margin_left - MARGIN_RIGHT;
    let h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM;
    let x = LinearScale::new(x_domain, (0.0, w));
    let y = LinearScale::new(y_domain, (h, 0.0));

    let y_ticks = y_labels.into_iter().map(|(v, label)| {
        let py = fmt_num(y.apply(v));
        html! {
            <g class="tick">
                <line class="grid" x1="0" x2={fmt_num(w)} y1={py.clone()} y2={py.clone()} />
                <text class="tick-label" x="-8" y={py} dominant-baseline="middle" text-anchor="end">{ label }</text>
            </g>
        }
    });
    let x_ticks = month_ticks(props.horizon).into_iter().map(|v| {
        let px = fmt_num(x.apply(v));
        html! {
            <g class="tick">
                <line class="tick-mark" x1={px.clone()} x2={px.clone()} y1={fmt_num(h)} y2={fmt_num(h + 6.0)} />
                <text class="tick-label" x={px} y={fmt_num(h + X_TICK_BELOW)} dominant-baseline="hanging" text-anchor="middle">{ fmt_num(v) }</text>
            </g>
        }
    });
    let end_marker = props.end_month.map(|m| {
        let px = fmt_num(x.apply(f64::from(m)));
        html! {
            <g class="end-marker">
                <line x1={px.clone()} x2={px.clone()} y1="0" y2={fmt_num(h)} />
                <text class="tick-label" x={px} y="-5" text-anchor="middle">{ t(lang, "chart.end") }</text>
            </g>
        }
    });
    let lines = props.series.iter().map(|s| {
        let d = line_path(&s.points, w, h, x_domain, y_domain);
        html! {
            <path class="line" d={d} stroke={s.color} stroke-dasharray={s.dash} />
        }
    });
    let names: Vec<&str> = props.series.iter().map(|s| s.label.as_str()).collect();
    let lines_desc = if props.series.len() > 1 {
        tf(lang, "watch.chart.lines", &[("names", &names.join(", "))])
    } else {
        String::new()
    };
    let mut desc = tf(
        lang,
        "watch.chart.desc",
        &[
            ("title", &props.title),
            ("horizon", &props.horizon.to_string()),
            ("lines", &lines_desc),
        ],
    );
    // Where the lines end, if before the axis does (a run under way, or one that ended early).
    let last = props
        .series
        .iter()
        .filter_map(|s| s.points.last().map(|p| p.0))
        .fold(f64::NAN, f64::max);
    if last < f64::from(props.horizon) {
        desc.push(' ');
        desc.push_str(&tf(
            lang,
            "watch.chart.upto",
            &[("month", &(last as u32).to_string())],
        ));
    }
    let title_id = format!("{}-title", props.id);
    let desc_id = format!("{}-desc", props.id);
    // "The numbers": the chart as a table, one row a year, for whoever cannot see the lines or
    // wants the figures. Drawn only while open (a run plays many months a second).
    let data_open = use_state(|| false);
    let on_toggle = {
        let data_open = data_open.clone();
        Callback::from(move |e: Event| {
            data_open.set(
                e.target_unchecked_into::<web_sys::Element>()
                    .has_attribute("open"),
            )
        })
    };
    // One decimal more than the axis where the scale is fixed to [0, 1] (trust, satisfaction).
    let table_digits = digits + usize::from(props.y_domain.is_some());
    let table = (*data_open).then(|| {
        let rows = year_rows(&props.series);
        html! {
            <table class="chart-data-table">
                <caption>{ &props.title }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ t(lang, "chart.x_label") }</th>
                        { for props.series.iter().map(|s| html! { <th scope="col">{ &s.label }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for rows.iter().map(|(m, values)| html! {
                        <tr>
                            <th scope="row">{ m }</th>
                            { for values.iter().map(|v| html! {
                                <td class="num">{ v.map_or_else(|| "—".to_string(), |v| value_text(lang, v, table_digits)) }</td>
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        }
    });

    html! {
        <figure class="chart">
            <figcaption id={title_id.clone()} class="chart-title">{ &props.title }</figcaption>
            <svg
                class="line-chart"
                data-testid={props.testid.clone()}
                viewBox={format!("0 0 {WIDTH} {HEIGHT}")}
                role="img"
                aria-labelledby={title_id}
            >
                <desc id={desc_id}>{ desc }</desc>
                <g transform={format!("translate({margin_left},{MARGIN_TOP})")}>
                    { for y_ticks }
                    <line class="axis" x1="0" x2={fmt_num(w)} y1={fmt_num(h)} y2={fmt_num(h)} />
                    <line class="axis" x1="0" x2="0" y1="0" y2={fmt_num(h)} />
                    { for x_ticks }
                    { for end_marker }
                    { for lines }
                    <text class="axis-label" x={fmt_num(w / 2.0)} y={fmt_num(h + X_TITLE_BELOW)} dominant-baseline="hanging" text-anchor="middle">
                        { t(lang, "chart.x_label") }
                    </text>
                </g>
            </svg>
            if props.legend {
                <ul class="legend">
                    { for props.series.iter().map(|s| html! {
                        <li>
                            <svg class="swatch" viewBox="0 0 30 10" aria-hidden="true">
                                <line x1="0" x2="30" y1="5" y2="5" stroke={s.color} stroke-dasharray={s.dash} />
                            </svg>
                            { &s.label }
                        </li>
                    }) }
                </ul>
            }
            <details class="chart-data" ontoggle={on_toggle}>
                // The chart's title in the name (hidden: the caption shows it above), so that
                // six of these in a list of controls are told apart (an accessibility audit).
                <summary>{ t(lang, "chart.data") }<span class="visually-hidden">{ ": " }{ &props.title }</span></summary>
                <div class="table-scroll" tabindex="0" role="region" aria-label={props.title.clone()}>
                    { for table }
                </div>
            </details>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(label: &str, months: std::ops::RangeInclusive<u32>) -> ChartSeries {
        ChartSeries {
            label: label.into(),
            points: months
                .map(|m| (f64::from(m), f64::from(m) / 100.0))
                .collect(),
            color: "#000",
            dash: None,
        }
    }

    #[test]
    fn a_row_a_year_and_one_for_the_last_month() {
        // A run that ended in month 37: years 0 to 3, then month 37.
        let rows = year_rows(&[line("trust", 0..=37)]);
        let months: Vec<u32> = rows.iter().map(|r| r.0).collect();
        assert_eq!(months, [0, 12, 24, 36, 37]);
        assert_eq!(rows[2].1, [Some(0.24)]);
        // A run that reached a whole year ends on it, once; lines from month 1 have no row 0.
        let rows = year_rows(&[line("a", 1..=24)]);
        assert_eq!(rows.iter().map(|r| r.0).collect::<Vec<_>>(), [12, 24]);
        // A line without a point at a month (stopped early) has none there.
        let rows = year_rows(&[line("a", 0..=30), line("b", 0..=12)]);
        assert_eq!(rows.last().unwrap(), &(30, vec![Some(0.30), None]));
        assert!(year_rows(&[]).is_empty());
    }
}
