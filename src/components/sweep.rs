//! "Sweep a parameter": choose one or two parameters and their values, run every point on the
//! worker pool on the same seeds, then show survival at the horizon against the parameter
//! (line with its 95% band) or as a heat map over two. Logic in [`crate::sweep`]; the
//! statistics are the core's ([`aliansi_sim::sweep`]); the runs in [`crate::workers`].

use std::rc::Rc;

use aliansi_sim::sweep::{find, Axis, Domain, Param, SweepResult};
use aliansi_sim::Scenario;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::charts::{fmt_num, heat_cells, label_size, legend_stops, LinearScale};
use crate::components::batch::{running_block, Running};
use crate::components::export::{Debrief, DebriefHead, PrintDebrief};
use crate::components::live::{live, quiet};
use crate::i18n::{t, tf, Lang};
use crate::narrate::{amount, num};
use crate::sweep::{
    axis_key, check, current_label, grouped, key_line_count, label_every, line_geometry,
    option_label, param_label, pct, short_label, value_label, AxisEdit, AxisForm, Input, KeyEntry,
    Phase, Problem, Results, Sweep, SweepAction, KEY_ABOVE, MAX_RUNS, MIN_RUNS,
};
use crate::variants::horizon_words;
use crate::workers::{Event, Pool};

/// The page's language and scenario: all the panel takes from the page, so that a run
/// playing (a new state each month) does not draw the panel again.
#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// Live regions are quiet: the language has just changed (components/live.rs).
    #[prop_or_default]
    pub hush: bool,
    pub scenario: Scenario,
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The parameter picker: a select with a group per part of the scenario.
#[allow(clippy::too_many_arguments)]
fn param_select(
    lang: Lang,
    base: &Scenario,
    id: &'static str,
    selected: Option<&str>,
    with_none: bool,
    disabled: bool,
    invalid: bool,
    onchange: Callback<Event2>,
) -> Html {
    let groups = grouped(base).into_iter().map(|(g, params)| {
        let opts = params.iter().map(|p| {
            html! {
                <option value={p.path.clone()} selected={selected == Some(p.path.as_str())}>
                    { param_label(lang, base, p) }
                </option>
            }
        });
        html! { <optgroup label={crate::sweep::group_label(lang, base, g)}>{ for opts }</optgroup> }
    });
    let on = Callback::from(move |e: yew::events::Event| {
        let sel: HtmlSelectElement = e.target_unchecked_into();
        onchange.emit(Event2(sel.value()));
    });
    html! {
        <select id={id} data-testid={id} onchange={on} {disabled}
            aria-invalid={invalid.then_some("true")}>
            if with_none {
                <option value="" selected={selected.is_none()}>{ t(lang, "sweep.param_none") }</option>
            }
            { for groups }
        </select>
    }
}

/// A select's new value.
#[derive(Clone, PartialEq)]
struct Event2(String);

fn error_for(p: &Result<Axis, Problem>, input: Input) -> Option<String> {
    match p {
        Err(e) if e.input == input => Some(e.message.clone()),
        _ => None,
    }
}

// A view helper's inputs, each a plain value of the form (a struct would only rename them).
#[allow(clippy::too_many_arguments)]
fn text_field(
    id: String,
    label: &str,
    value: &str,
    error: Option<String>,
    disabled: bool,
    numeric: bool,
    oninput: Callback<String>,
    hush: bool,
) -> Html {
    let on = Callback::from(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        oninput.emit(input.value());
    });
    let help = format!("{id}-error");
    html! {
        <div class="batch-field sweep-field">
            <label for={id.clone()}>{ label }</label>
            <input id={id.clone()} data-testid={id.clone()} type="text"
                inputmode={if numeric { "numeric" } else { "decimal" }} autocomplete="off"
                value={value.to_string()} oninput={on} {disabled}
                aria-invalid={error.is_some().then_some("true")}
                aria-describedby={error.is_some().then_some(help.clone())} />
            if let Some(e) = error {
                <p id={help.clone()} data-testid={help} class="batch-help field-error"><span role="alert" aria-live={quiet(hush)}>{ e }</span></p>
            }
        </div>
    }
}

/// The inputs of one axis: from/to/steps for a numeric field, checkboxes for a choice field.
#[allow(clippy::too_many_arguments)]
fn axis_inputs(
    hush: bool,
    lang: Lang,
    base: &Scenario,
    which: &'static str,
    form: &AxisForm,
    read: &Result<Axis, Problem>,
    disabled: bool,
    on_edit: Callback<AxisEdit>,
) -> Html {
    let Some(p) = find(base, &form.path) else {
        return html! {};
    };
    if p.is_choice() {
        let boxes = p.options().iter().enumerate().map(|(i, _)| {
            let id = format!("sweep-{which}-opt-{i}");
            let on_edit = on_edit.clone();
            let onchange = Callback::from(move |_: yew::events::Event| on_edit.emit(AxisEdit::Toggle(i)));
            html! {
                <label class="sweep-option" for={id.clone()}>
                    <input type="checkbox" id={id.clone()} data-testid={id}
                        checked={form.picked.get(i).copied().unwrap_or(false)} {onchange} {disabled} />
                    { arrows_stay(option_label(lang, &p, i)) }
                </label>
            }
        });
        let err = error_for(read, Input::Choices);
        let help = format!("sweep-{which}-choices-error");
        // The scenario's own value, which may be none of the options (a ladder of its own).
        let now_key = if p.current_is_custom(base) {
            "sweep.now_other"
        } else {
            "sweep.now"
        };
        let now = tf(lang, now_key, &[("now", &current_label(lang, &p, base))]);
        return html! {
            <fieldset class="sweep-options" aria-describedby={err.is_some().then_some(help.clone())}>
                <legend>{ t(lang, "sweep.options") }</legend>
                <div class="sweep-option-list">{ for boxes }</div>
                <p class="batch-help" data-testid={format!("sweep-{which}-now")}>{ now }</p>
                if let Some(e) = err {
                    <p id={help.clone()} data-testid={help} class="batch-help field-error"><span role="alert" aria-live={quiet(hush)}>{ e }</span></p>
                }
            </fieldset>
        };
    }
    let field =
        |input: Input, key: &str, value: &str, make: fn(String) -> AxisEdit, numeric: bool| {
            let on_edit = on_edit.clone();
            let suffix = match input {
                Input::From => "from",
                Input::To => "to",
                _ => "steps",
            };
            text_field(
                format!("sweep-{which}-{suffix}"),
                t(lang, key),
                value,
                error_for(read, input),
                disabled,
                numeric,
                Callback::from(move |v: String| on_edit.emit(make(v))),
                hush,
            )
        };
    let range = range_words(lang, &p);
    let now = current_label(lang, &p, base);
    html! {
        <div class="sweep-axis-inputs">
            <div class="batch-form">
                { field(Input::From, "sweep.from", &form.from, AxisEdit::From, false) }
                { field(Input::To, "sweep.to", &form.to, AxisEdit::To, false) }
                { field(Input::Steps, "sweep.steps", &form.steps, AxisEdit::Steps, true) }
            </div>
            <p class="batch-help" data-testid={format!("sweep-{which}-range")}>
                { tf(lang, "sweep.range_hint", &[("range", &range), ("now", &now)]) }
            </p>
            if crate::sweep::scales_alike(&p.path) {
                <p class="batch-help" data-testid={format!("sweep-{which}-alike")}>{ t(lang, "sweep.scales_alike") }</p>
            }
        </div>
    }
}

fn range_words(lang: Lang, p: &Param) -> String {
    match p.domain {
        Domain::Number {
            min, max, min_open, ..
        } => {
            let (lo, hi) = (value_label(lang, p, min), value_label(lang, p, max));
            let key = if min_open {
                "sweep.range_open"
            } else {
                "sweep.range"
            };
            tf(lang, key, &[("lo", &lo), ("hi", &hi)])
        }
        Domain::Choice { .. } => String::new(),
    }
}

// Frame of the charts (viewBox units).
const W: f64 = 600.0;
/// The heat map is wider: it takes the whole width of the section.
const HW: f64 = 760.0;
/// The widest left margin of the heat map (its row labels and the axis title).
const HEAT_MAX_ML: f64 = 220.0;
const MR: f64 = 20.0;
const MT: f64 = 44.0;

/// The line height of a chart's key: its text is drawn at 22 px on a phone (the line chart's
/// labels, styles/sweep.css).
const KEY_LINE: f64 = 24.0;
/// The space between a chart's key and what is above it.
const KEY_GAP: f64 = 16.0;
/// A key's entries wrap at about this many characters: what the line chart's 600 units hold
/// at 22 px, its labels' size on a phone.
const KEY_CHARS: usize = 40;
/// The same for the heat map, wider and not enlarged on a phone (it scrolls sideways there).
const HEAT_KEY_CHARS: usize = 80;

/// The height a chart gives its key (none for no key).
fn key_height(key: &[KeyEntry]) -> f64 {
    if key.is_empty() {
        0.0
    } else {
        KEY_LINE * key_line_count(key) as f64 + KEY_GAP
    }
}

/// An axis's labels as its ticks show them: the key's letters when it has one.
fn shown_labels(labels: &[String], key: Option<&[KeyEntry]>) -> Vec<String> {
    match key {
        Some(k) => k.iter().map(|e| e.letter.clone()).collect(),
        None => labels.to_vec(),
    }
}

/// The line chart's key: when its categories' labels are too long even turned (the ladders),
/// its ticks are lettered and the key names them.
fn line_key(lang: Lang, r: &Results) -> Option<Vec<KeyEntry>> {
    let x = &r.result.x;
    if !x.param.is_choice() {
        return None;
    }
    let labels: Vec<String> = x
        .values
        .iter()
        .map(|v| short_label(lang, &x.param, *v))
        .collect();
    axis_key(&labels, KEY_ABOVE, 0, text_width, KEY_CHARS)
}

/// A chart's key, from (`x`, `y`) down: each entry's letter, then its label's lines beside it.
fn key_view(key: &[KeyEntry], x: f64, y: f64) -> Html {
    let mut tops = Vec::with_capacity(key.len());
    let mut top = y;
    for e in key {
        tops.push(top);
        top += KEY_LINE * e.lines.len() as f64;
    }
    let entries = key.iter().zip(tops).map(|(e, top)| {
        let lines = e.lines.iter().enumerate().map(|(k, l)| {
            html! { <tspan x={fmt_num(x + 32.0)} y={fmt_num(top + KEY_LINE * k as f64)}>{ l }</tspan> }
        });
        html! {
            <text class="tick-label sweep-key-entry" x={fmt_num(x)} y={fmt_num(top)} dominant-baseline="hanging">
                <tspan class="sweep-key-letter">{ &e.letter }</tspan>
                { for lines }
            </text>
        }
    });
    html! { <g class="sweep-key" data-testid="sweep-key">{ for entries }</g> }
}

/// A ladder's label as a line of text shows it: an arrow stays with the step before it (a
/// no-break space), so no line starts with one.
fn arrows_stay(label: String) -> String {
    label.replace(" → ", "\u{a0}→ ")
}

/// A label under the plot at (`x`, `y`): level below its tick, or turned when `rotate`; when
/// `shown` is not the `full` label (a key's letter), the full label is its tooltip.
fn x_tick_label(x: f64, y: f64, shown: &str, full: &str, rotate: bool) -> Html {
    let (x, y) = (fmt_num(x), fmt_num(y));
    if rotate {
        html! {
            <text class="tick-label" x={x.clone()} y={y.clone()} text-anchor="end"
                transform={format!("rotate(-35 {x} {y})")}>{ shown }</text>
        }
    } else {
        html! {
            <text class="tick-label" {x} {y} dominant-baseline="hanging" text-anchor="middle">
                { shown }
                if shown != full { <title>{ full }</title> }
            </text>
        }
    }
}

/// Rough width of a label in viewBox units at 13 px.
fn text_width(s: &str) -> f64 {
    s.chars().count() as f64 * 7.2
}

/// The survival axis's title: after how long (or "at the horizon" when the horizon itself is
/// swept, so that points differ in it).
fn survival_title(lang: Lang, r: &Results) -> String {
    let res = &r.result;
    let swept = |a: &Axis| a.param.path == "horizon_months";
    if swept(&res.x) || res.y.as_ref().is_some_and(swept) {
        t(lang, "sweep.line").to_string()
    } else {
        y_title(lang, r.base.horizon_months)
    }
}

/// The y axis's title, written level above the plot from its left edge (in the band of
/// [`MT`]), with an arrow up. Turned along the axis it ran past the plot's height on a phone,
/// where labels are drawn larger, and over the tick labels.
fn y_title_above(ml: f64, title: &str) -> Html {
    html! {
        <text class="axis-label y-title" x={fmt_num(-ml + 4.0)} y={fmt_num(-MT + 22.0)}
            text-anchor="start">{ format!("↑ {title}") }</text>
    }
}

fn y_title(lang: Lang, horizon: u32) -> String {
    tf(
        lang,
        "sweep.survival_at",
        &[("horizon", &horizon_words(lang, horizon))],
    )
}

/// Survival at the horizon against one parameter: line, 95% band, points; `key` is
/// [`line_key`]'s.
fn line_chart(lang: Lang, r: &Results, key: Option<&[KeyEntry]>) -> Html {
    let res = &r.result;
    let x = &res.x;
    let p = &x.param;
    let cats = p.is_choice();
    // As the table writes them (three decimals at most: 0.167, not 0.166666667).
    let labels: Vec<String> = x.values.iter().map(|v| short_label(lang, p, *v)).collect();
    let ml = 72.0;
    let w = W - ml - MR;
    let slot = w / x.len().max(1) as f64;
    let widest = labels.iter().map(|l| text_width(l)).fold(0.0, f64::max);
    let rotate = cats && key.is_none() && widest > slot - 6.0;
    let key_band = key.map_or(0.0, key_height);
    let mb = if rotate {
        40.0 + widest * 0.6
    } else {
        64.0 + key_band
    };
    let h = 230.0;
    let height = MT + h + mb;
    let surv: Vec<f64> = res.points.iter().map(|q| q.survival).collect();
    let low: Vec<f64> = res.points.iter().map(|q| q.ci95.0).collect();
    let high: Vec<f64> = res.points.iter().map(|q| q.ci95.1).collect();
    let g = line_geometry(&x.values, &surv, &low, &high, cats, w, h);
    let y = LinearScale::new((0.0, 1.0), (h, 0.0));
    let x_ticks = g.ticks.iter().enumerate().map(|(i, (px, v))| {
        let text = short_label(lang, p, *v);
        let px_s = fmt_num(*px);
        let label = match key {
            Some(k) => x_tick_label(*px, h + 10.0, &k[i].letter, &text, false),
            None => x_tick_label(*px, h + 10.0, &text, &text, rotate),
        };
        html! {
            <g class="tick">
                <line class="tick-mark" x1={px_s.clone()} x2={px_s.clone()} y1={fmt_num(h)} y2={fmt_num(h + 6.0)} />
                { label }
            </g>
        }
    });
    let dots = g.points.iter().enumerate().map(|(i, (cx, cy))| {
        let q = &res.points[i];
        html! {
            <circle class="sweep-point" data-index={i.to_string()} cx={fmt_num(*cx)} cy={fmt_num(*cy)} r="4.5">
                <title>{ format!("{}: {} ({} – {})", labels[i], pct(lang, q.survival, 1), pct(lang, q.ci95.0, 1), pct(lang, q.ci95.1, 1)) }</title>
            </circle>
        }
    });
    let label = param_label(lang, &r.base, p);
    let desc = tf(
        lang,
        "sweep.line_desc",
        &[
            ("param", &label),
            ("first", &labels.first().cloned().unwrap_or_default()),
            ("last", &labels.last().cloned().unwrap_or_default()),
        ],
    );
    html! {
        <figure class="chart batch-chart sweep-chart">
            <figcaption id="sweep-line-title" class="chart-title">{ tf(lang, "sweep.line_title", &[("param", &label)]) }</figcaption>
            <svg id="sweep-line-chart" class="line-chart batch-svg sweep-svg" data-testid="sweep-line"
                viewBox={format!("0 0 {W} {}", fmt_num(height))} role="img"
                aria-labelledby="sweep-line-title">
                <desc id="sweep-line-desc">{ desc }</desc>
                <g transform={format!("translate({ml},{MT})")}>
                    { crate::components::batch_results::percent_gridlines(&y, w) }
                    if cats {
                        { for g.whiskers.iter().map(|(wx, lo, hi)| html! {
                            <g class="sweep-whisker">
                                <line x1={fmt_num(*wx)} x2={fmt_num(*wx)} y1={fmt_num(*lo)} y2={fmt_num(*hi)} />
                                <line x1={fmt_num(wx - 8.0)} x2={fmt_num(wx + 8.0)} y1={fmt_num(*lo)} y2={fmt_num(*lo)} />
                                <line x1={fmt_num(wx - 8.0)} x2={fmt_num(wx + 8.0)} y1={fmt_num(*hi)} y2={fmt_num(*hi)} />
                            </g>
                        }) }
                    } else {
                        <path class="km-band sweep-band" data-testid="sweep-band" d={g.band.clone()} />
                        <path class="km-line sweep-line" data-testid="sweep-path" d={g.line.clone()} />
                    }
                    { for dots }
                    <line class="axis" x1="0" x2={fmt_num(w)} y1={fmt_num(h)} y2={fmt_num(h)} />
                    <line class="axis" x1="0" x2="0" y1="0" y2={fmt_num(h)} />
                    { for x_ticks }
                    <text class="axis-label" x={fmt_num(w / 2.0)} y={fmt_num(h + mb - key_band - 8.0)} text-anchor="middle">{ label.clone() }</text>
                    if let Some(k) = key {
                        { key_view(k, -ml + 4.0, h + 64.0 + KEY_GAP / 2.0) }
                    }
                    { y_title_above(ml, &survival_title(lang, r)) }
                </g>
            </svg>
            if cats {
                <ul class="legend">
                    <li>
                        <svg class="swatch" viewBox="0 0 30 10" aria-hidden="true"><circle class="sweep-point" cx="15" cy="5" r="4" /></svg>
                        { t(lang, "sweep.line") }
                    </li>
                    <li>
                        <svg class="swatch" viewBox="0 0 30 10" aria-hidden="true"><g class="sweep-whisker"><line x1="4" x2="26" y1="5" y2="5" /></g></svg>
                        { t(lang, "sweep.interval") }
                    </li>
                </ul>
            } else {
                { crate::components::batch_results::line_band_legend(t(lang, "sweep.line"), t(lang, "sweep.band")) }
            }
        </figure>
    }
}

/// Survival at the horizon over two parameters: a cell per pair, coloured and labelled.
fn heat_map(lang: Lang, r: &Results, ya: &Axis) -> Html {
    let res = &r.result;
    let xa = &res.x;
    let xl: Vec<String> = xa
        .values
        .iter()
        .map(|v| short_label(lang, &xa.param, *v))
        .collect();
    let yl: Vec<String> = ya
        .values
        .iter()
        .map(|v| short_label(lang, &ya.param, *v))
        .collect();
    // Many steps: every k-th label only, so they do not pile up.
    let (x_every, y_every) = (label_every(xl.len()), label_every(yl.len()));
    // Labels too long even turned, or for the left margin (the ladders): letters, and a key
    // under the map (the columns' first, then the rows').
    let x_key = axis_key(&xl, KEY_ABOVE, 0, text_width, HEAT_KEY_CHARS);
    let first_row_letter = x_key.as_ref().map_or(0, Vec::len);
    let y_key = axis_key(
        &yl,
        HEAT_MAX_ML - 40.0,
        first_row_letter,
        text_width,
        HEAT_KEY_CHARS,
    );
    let key: Vec<KeyEntry> = x_key.iter().chain(&y_key).flatten().cloned().collect();
    let key_band = key_height(&key);
    let xl_shown = shown_labels(&xl, x_key.as_deref());
    // Letters for rows when a label would not fit the left margin, the whole label in each
    // one's tooltip, so none runs off the chart.
    let y_shown = shown_labels(&yl, y_key.as_deref());
    let ml =
        (y_shown.iter().map(|l| text_width(l)).fold(0.0, f64::max) + 40.0).clamp(64.0, HEAT_MAX_ML);
    let w = HW - ml - MR;
    let nx = xa.len().max(1);
    let ny = ya.len().max(1);
    let cw = w / nx as f64;
    let h = (ny as f64 * 40.0).clamp(160.0, 400.0);
    let ch = h / ny as f64;
    let widest = xl_shown.iter().map(|l| text_width(l)).fold(0.0, f64::max);
    let rotate = widest > cw - 4.0;
    let label_band = if rotate { widest * 0.6 + 16.0 } else { 24.0 };
    let key_y = h + label_band + 40.0 + KEY_GAP / 2.0;
    let legend_y = h + label_band + 56.0 + key_band;
    let height = MT + legend_y + 44.0;
    let xlab = param_label(lang, &r.base, &xa.param);
    let ylab = param_label(lang, &r.base, &ya.param);
    let grid = res.grid();
    let cells = heat_cells(&grid, w, h, 2.0);
    let items = cells.iter().map(|c| {
        let (cx, cy) = c.centre();
        let text = crate::sweep::cell_label(lang, c.value);
        let size = label_size(c.rect.w, c.rect.h, text.chars().count(), 14.0);
        let q = res.at(c.ix, c.iy);
        let title = match q {
            Some(q) => format!(
                "{} = {}, {} = {}: {} ({} – {})",
                xlab, xl[c.ix],
                ylab, yl[c.iy],
                pct(lang, q.survival, 1), pct(lang, q.ci95.0, 1), pct(lang, q.ci95.1, 1)
            ),
            None => String::new(),
        };
        html! {
            <g class="heat-cell-group">
                <rect class="heat-cell" data-ix={c.ix.to_string()} data-iy={c.iy.to_string()}
                    data-survival={format!("{:.4}", c.value)}
                    x={fmt_num(c.rect.x)} y={fmt_num(c.rect.y)} width={fmt_num(c.rect.w)} height={fmt_num(c.rect.h)}
                    fill={c.fill.clone()}>
                    <title>{ title }</title>
                </rect>
                if let Some(s) = size {
                    <text class={classes!("heat-value", c.light_text.then_some("light"))} x={fmt_num(cx)} y={fmt_num(cy)}
                        dominant-baseline="middle" text-anchor="middle" font-size={fmt_num(s)}>{ text }</text>
                }
            </g>
        }
    });
    let x_labels = xl_shown
        .iter()
        .zip(&xl)
        .enumerate()
        .filter(|(i, _)| i % x_every == 0)
        .map(|(i, (shown, l))| x_tick_label((i as f64 + 0.5) * cw, h + 8.0, shown, l, rotate));
    let y_labels = y_shown
        .iter()
        .zip(&yl)
        .enumerate()
        .filter(|(i, _)| i % y_every == 0)
        .map(|(i, (shown, l))| {
            let py = fmt_num(h - (i as f64 + 0.5) * ch);
            html! {
                <text class="tick-label" x="-8" y={py} dominant-baseline="middle" text-anchor="end">
                    { shown }
                    if shown != l { <title>{ l }</title> }
                </text>
            }
        });
    let stops = legend_stops(8).into_iter().map(|(o, c)| {
        html! { <stop offset={format!("{}%", fmt_num(o * 100.0))} stop-color={c} /> }
    });
    let lw = 240.0_f64.min(w);
    let legend_ticks = [0.0, 0.5, 1.0].into_iter().map(|v| {
        let px = fmt_num(v * lw);
        html! {
            <g>
                <line class="tick-mark" x1={px.clone()} x2={px.clone()} y1="14" y2="20" />
                <text class="tick-label" x={px} y="24" dominant-baseline="hanging" text-anchor="middle">{ format!("{}%", (v * 100.0) as u32) }</text>
            </g>
        }
    });
    html! {
        <figure class="chart batch-chart sweep-chart sweep-heat-figure">
            <figcaption id="sweep-heat-title" class="chart-title">{ tf(lang, "sweep.heat_title", &[("x", &xlab), ("y", &ylab)]) }</figcaption>
            // On a phone the map keeps a readable size and scrolls sideways (styles/sweep.css).
            <div class="heat-scroll" data-testid="sweep-heat-scroll" tabindex="0" role="region"
                aria-labelledby="sweep-heat-title">
                <svg id="sweep-heatmap-chart" data-testid="sweep-heatmap"
                    class={classes!("batch-svg", "sweep-svg", "heat-map", (nx > 6 || ny > 8).then_some("dense"))}
                    data-nx={nx.to_string()} data-ny={ny.to_string()}
                    viewBox={format!("0 0 {HW} {}", fmt_num(height))} role="img"
                    aria-labelledby="sweep-heat-title">
                    <desc id="sweep-heat-desc">{ tf(lang, "sweep.heat_desc", &[("cells", &(nx * ny).to_string())]) }</desc>
                    <defs>
                        <linearGradient id="sweep-heat-gradient" x1="0" x2="1" y1="0" y2="0">{ for stops }</linearGradient>
                    </defs>
                    <g transform={format!("translate({},{MT})", fmt_num(ml))}>
                        { for items }
                        { for x_labels }
                        { for y_labels }
                        <text class="axis-label" x={fmt_num(w / 2.0)} y={fmt_num(h + label_band + 8.0)} dominant-baseline="hanging" text-anchor="middle">{ xlab.clone() }</text>
                        if !key.is_empty() {
                            { key_view(&key, -ml + 4.0, key_y) }
                        }
                        { y_title_above(ml, &ylab) }
                        <g class="heat-legend" data-testid="sweep-heat-legend" transform={format!("translate({},{})", fmt_num((w - lw) / 2.0), fmt_num(legend_y))}>
                            <text class="tick-label" x={fmt_num(lw / 2.0)} y="-4" text-anchor="middle">{ survival_title(lang, r) }</text>
                            <rect x="0" y="2" width={fmt_num(lw)} height="12" fill="url(#sweep-heat-gradient)" />
                            { for legend_ticks }
                        </g>
                    </g>
                </svg>
            </div>
        </figure>
    }
}

/// Above this many points, the printed debrief leaves the table out.
const PRINT_TABLE_MAX_ROWS: usize = 15;

fn table(lang: Lang, r: &Results) -> Html {
    let res: &SweepResult = &r.result;
    let xa = &res.x;
    let ya = res.y.as_ref();
    let rows = res.points.iter().map(|q| {
        let med = match q.median_survival_months {
            Some(m) => crate::narrate::months(lang, m),
            // Over half still together at the horizon: the median lies beyond it.
            None => tf(lang, "sweep.median_none", &[("n", &crate::narrate::months(lang, q.horizon_months))]),
        };
        html! {
            <tr data-ix={q.ix.to_string()} data-iy={q.iy.to_string()} data-survival={format!("{:.4}", q.survival)}>
                <th scope="row">{ arrows_stay(short_label(lang, &xa.param, xa.values[q.ix])) }</th>
                if let Some(ya) = ya {
                    <th scope="row">{ arrows_stay(short_label(lang, &ya.param, ya.values[q.iy])) }</th>
                }
                <td class="num">{ pct(lang, q.survival, 1) }</td>
                <td class="num">{ format!("{} – {}", pct(lang, q.ci95.0, 1), pct(lang, q.ci95.1, 1)) }</td>
                <td class="num">{ med }</td>
                <td class="num">{ amount(lang, q.mean_value) }</td>
            </tr>
        }
    });
    // A long table would not fit the one printed page: there, the chart and the findings stand
    // for it, and a line points to its CSV.
    let long = res.points.len() > PRINT_TABLE_MAX_ROWS;
    html! {
        <div class={classes!("batch-table-wrap", "sweep-table-wrap", long.then_some("print-skip"))}
            tabindex="0" role="region" aria-labelledby="sweep-table-caption">
            <table class="batch-table sweep-table" data-testid="sweep-table">
                <caption id="sweep-table-caption">{ t(lang, "sweep.table_caption") }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ param_label(lang, &r.base, &xa.param) }</th>
                        if let Some(ya) = ya {
                            <th scope="col">{ param_label(lang, &r.base, &ya.param) }</th>
                        }
                        <th scope="col">{ survival_title(lang, r) }</th>
                        <th scope="col">{ t(lang, "sweep.col_ci") }</th>
                        <th scope="col">{ t(lang, "sweep.col_median") }</th>
                        <th scope="col">{ t(lang, "sweep.col_value") }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}

/// "12 points of 500 runs each in 3.4 s, all on master seed 2024.": the line above a sweep's results, also
/// said in the status region when it is done.
fn done_line(lang: Lang, r: &Results) -> String {
    tf(
        lang,
        "sweep.done",
        &[
            ("points", &amount(lang, r.result.points.len() as f64)),
            ("runs", &amount(lang, r.runs as f64)),
            ("seconds", &num(lang, r.seconds, 1)),
            ("seed", &r.base.seed.to_string()),
        ],
    )
}

fn results_view(lang: Lang, r: &Rc<Results>, current: &Scenario) -> Html {
    let res = &r.result;
    // A map, or a chart whose labels are keyed under it (the ladders; their table needs the
    // room too): the whole width, the table below it.
    let (chart, stacked) = match &res.y {
        None => {
            let key = line_key(lang, r);
            (line_chart(lang, r, key.as_deref()), key.is_some())
        }
        Some(ya) => (heat_map(lang, r, ya), true),
    };
    html! {
        <div class="batch-results sweep-results" data-testid="sweep-results"
            data-points={res.points.len().to_string()} data-runs={r.runs.to_string()}>
            <h3>{ t(lang, "sweep.results_heading") }</h3>
            <DebriefHead {lang} experiment={t(lang, "sweep.heading")} scenario={r.base.clone()}
                findings={crate::export::sweep_findings(lang, r)} />
            <PrintDebrief {lang} which={Debrief::Sweep} />
            if r.base != *current {
                <p class="batch-stale" data-testid="sweep-stale">{ t(lang, "sweep.stale") }</p>
            }
            <p class="batch-help" data-testid="sweep-done">{ done_line(lang, r) }</p>
            <div class={classes!("sweep-grid", stacked.then_some("stacked"))}>
                { chart }
                { table(lang, r) }
            </div>
            if res.points.len() > PRINT_TABLE_MAX_ROWS {
                <p class="print-only batch-help" data-testid="sweep-table-in-csv">
                    { tf(lang, "sweep.table_in_csv", &[("n", &amount(lang, res.points.len() as f64))]) }
                </p>
            }
            { crate::components::export::sweep_bar(lang, r) }
        </div>
    }
}

#[function_component(SweepPanel)]
pub fn sweep_panel(props: &Props) -> Html {
    let hush = props.hush;
    let lang = props.lang;
    let base = props.scenario.clone();
    let s = {
        let b = base.clone();
        use_reducer(move || Sweep::new(&b))
    };
    // The form's numbers in the page's language, from the start and after every switch.
    {
        let s = s.clone();
        use_effect_with(lang, move |&lang| s.dispatch(SweepAction::Language(lang)));
    }
    let pool = use_mut_ref(|| None::<Pool>);
    let running = s.is_running();
    crate::components::batch::use_progress_in_view("sweep", running);
    // Checked when the form, the scenario or the language changes, not at every drawing (a
    // sweep of 50 by 50 builds and checks 2,500 scenarios; each progress message drew again).
    let checked = use_memo(
        (lang, base.clone(), s.form.clone()),
        |(lang, base, form)| check(*lang, base, form),
    );

    // Starts the pool for the sweep's points (all of them: one pool keeps every worker busy,
    // and the page draws at most every quarter second, not once a point).
    {
        let s2 = s.clone();
        let pool = pool.clone();
        use_effect_with(s.running_id(), move |running| {
            if let Some(run) = *running {
                let each = match s2.phase {
                    Phase::Running { each, .. } => each,
                    _ => 0,
                };
                drop(pool.borrow_mut().take());
                let d = s2.dispatcher();
                let on_event = Callback::from(move |ev: Event| match ev {
                    Event::Points {
                        points,
                        done,
                        first_unfinished,
                        ..
                    } => d.dispatch(SweepAction::Points {
                        run,
                        points,
                        done,
                        first_unfinished,
                        now_ms: now_ms(),
                    }),
                    Event::Failed { error, .. } => d.dispatch(SweepAction::Failed { run, error }),
                    // Not sent for a job of points.
                    Event::Progress { .. } | Event::Finished { .. } => {}
                });
                match Pool::start_points(Sweep::batch_id(run, 0), &s2.running, each, on_event) {
                    Ok(p) => *pool.borrow_mut() = Some(p),
                    Err(error) => s2.dispatch(SweepAction::Failed { run, error }),
                }
            }
            || ()
        });
    }

    let choose_x = {
        let s = s.clone();
        let base = base.clone();
        Callback::from(move |Event2(path): Event2| {
            if let Some(f) = AxisForm::for_param(&base, &path) {
                s.dispatch(SweepAction::ChooseX(f.in_lang(lang)));
            }
        })
    };
    let choose_y = {
        let s = s.clone();
        let base = base.clone();
        Callback::from(move |Event2(path): Event2| {
            let f = AxisForm::for_param(&base, &path).map(|f| f.in_lang(lang));
            s.dispatch(SweepAction::ChooseY(f));
        })
    };
    let edit_x = {
        let s = s.clone();
        Callback::from(move |e: AxisEdit| s.dispatch(SweepAction::EditX(e)))
    };
    let edit_y = {
        let s = s.clone();
        Callback::from(move |e: AxisEdit| s.dispatch(SweepAction::EditY(e)))
    };
    let on_runs = {
        let s = s.clone();
        Callback::from(move |v: String| s.dispatch(SweepAction::Runs(v)))
    };
    let run = {
        let s = s.clone();
        let checked = checked.clone();
        let base = base.clone();
        Callback::from(move |_: MouseEvent| {
            let (Some((scenarios, each)), Ok(x)) = (checked.ready.clone(), checked.x.clone())
            else {
                return;
            };
            let y = checked.y.clone().and_then(Result::ok);
            s.dispatch(SweepAction::Start {
                base: base.clone(),
                x,
                y,
                scenarios,
                each,
                now_ms: now_ms(),
            });
        })
    };
    let cancel = {
        let s = s.clone();
        let pool = pool.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(p) = pool.borrow_mut().take() {
                p.cancel();
            }
            s.dispatch(SweepAction::Cancel);
        })
    };

    let x_invalid = matches!(&checked.x, Err(e) if e.input == Input::Param);
    let y_param_error = match &checked.y {
        Some(Err(e)) if e.input == Input::Param => Some(e.message.clone()),
        _ => None,
    };
    let x_param_error = match &checked.x {
        Err(e) if e.input == Input::Param => Some(e.message.clone()),
        _ => None,
    };
    let points = checked
        .x
        .as_ref()
        .map(|x| {
            x.len()
                * checked
                    .y
                    .as_ref()
                    .map_or(Some(1), |y| y.as_ref().ok().map(Axis::len))
                    .unwrap_or(0)
        })
        .unwrap_or(0);
    let runs_each = checked.runs.as_ref().ok().copied();
    let runs_error = checked.runs.as_ref().err().map(|e| e.message.clone());
    let whole_error = checked.whole.as_ref().map(|e| e.message.clone());
    let runs_hint = tf(
        lang,
        "sweep.runs_hint",
        &[
            ("min", &amount(lang, MIN_RUNS as f64)),
            ("max", &amount(lang, MAX_RUNS as f64)),
            (
                "total",
                &amount(lang, (points as u64 * runs_each.unwrap_or(0)) as f64),
            ),
        ],
    );

    let progress = match &s.phase {
        Phase::Running {
            current,
            done,
            each,
            runs_done,
            ..
        } => {
            let n = s.running.len().max(1) as u64;
            let overall = *runs_done;
            let at = s
                .axes
                .as_ref()
                .map(|(xa, ya)| {
                    let nx = xa.len().max(1);
                    let mut at = short_label(lang, &xa.param, xa.values[current % nx]);
                    if let Some(ya) = ya {
                        at.push_str(&format!(
                            ", {}",
                            short_label(
                                lang,
                                &ya.param,
                                ya.values[(current / nx).min(ya.len() - 1)]
                            )
                        ));
                    }
                    at
                })
                .unwrap_or_default();
            running_block(Running {
                id: "sweep",
                label: tf(
                    lang,
                    "sweep.progress",
                    &[
                        ("k", &(current + 1).to_string()),
                        ("n", &n.to_string()),
                        ("at", &at),
                        ("done", &amount(lang, *done as f64)),
                        ("each", &amount(lang, *each as f64)),
                    ],
                ),
                done: overall,
                total: n * each,
                aria_label: None,
                eta: None,
                cancel_text: t(lang, "sweep.cancel"),
                refocus: "sweep-run",
                cancel,
            })
        }
        _ => html! {},
    };
    let status = match &s.phase {
        Phase::Cancelled {
            points_done,
            points,
        } => Some((
            false,
            tf(
                lang,
                "sweep.cancelled",
                &[("k", &points_done.to_string()), ("n", &points.to_string())],
            ),
        )),
        Phase::Failed { error } => Some((true, tf(lang, "sweep.failed", &[("error", error)]))),
        _ => None,
    };

    let y_form = s.form.y.clone();
    html! {
        <section class="card batch sweep" data-testid="sweep" aria-labelledby="sweep-title">
            <h2 id="sweep-title">{ t(lang, "sweep.heading") }</h2>
            <p class="batch-intro">{ t(lang, "sweep.intro") }</p>
            <div class="sweep-axes">
                <div class="sweep-axis" data-testid="sweep-axis-x">
                    <div class="batch-field sweep-param">
                        <label for="sweep-param-x">{ t(lang, "sweep.param_x") }</label>
                        { param_select(lang, &base, "sweep-param-x", Some(s.form.x.path.as_str()), false, running, x_invalid, choose_x) }
                        if let Some(e) = x_param_error {
                            <p class="batch-help field-error" data-testid="sweep-param-x-error">{ e }</p>
                        }
                    </div>
                    { axis_inputs(hush, lang, &base, "x", &s.form.x, &checked.x, running, edit_x) }
                </div>
                <div class="sweep-axis" data-testid="sweep-axis-y">
                    <div class="batch-field sweep-param">
                        <label for="sweep-param-y">{ t(lang, "sweep.param_y") }</label>
                        { param_select(lang, &base, "sweep-param-y", y_form.as_ref().map(|f| f.path.as_str()), true, running, y_param_error.is_some(), choose_y) }
                        if let Some(e) = y_param_error {
                            <p class="batch-help field-error" data-testid="sweep-param-y-error">{ e }</p>
                        }
                    </div>
                    if let (Some(f), Some(read)) = (y_form.as_ref(), checked.y.as_ref()) {
                        { axis_inputs(hush, lang, &base, "y", f, read, running, edit_y) }
                    }
                </div>
            </div>
            <div class="batch-form">
                { text_field("sweep-runs".to_string(), t(lang, "sweep.runs"), &s.form.runs, runs_error, running, true, on_runs, hush) }
                <button type="button" class="primary sweep-run" data-testid="sweep-run" onclick={run}
                    disabled={running || checked.ready.is_none()}>
                    { tf(lang, "sweep.run", &[("points", &amount(lang, points as f64))]) }
                </button>
            </div>
            <p class="batch-help">{ runs_hint }</p>
            if let Some(e) = whole_error {
                <p class="batch-status batch-error" data-testid="sweep-error" role="alert" aria-live={quiet(hush)}>{ e }</p>
            }
            { progress }
            <div role="status" aria-live={live(hush, "polite")} class="batch-status-wrap">
                if let Some((is_error, msg)) = status {
                    <p data-testid="sweep-status" class={classes!("batch-status", is_error.then_some("batch-error"))}>{ msg }</p>
                }
                // A screen reader hears that the results have come (the line above them is
                // not live): the same sentence, unseen, for a sweep just done.
                if let (Phase::Done, Some(r)) = (&s.phase, s.results.as_ref()) {
                    <p class="visually-hidden" data-testid="sweep-announce">{ done_line(lang, r) }</p>
                }
            </div>
            if let Some(r) = s.results.as_ref() { { results_view(lang, r, &base) } }
        </section>
    }
}
