//! The partner network: partners as circles (size = input, colour = satisfaction), trust as
//! lines between them, each named by a label. Geometry from [`crate::charts`]: when the names
//! cannot all be drawn apart (many partners), the labels are numbers and a key under the drawing
//! lists the names.

use yew::prelude::*;

use crate::charts::{
    circle_layout, diverging, edge_colour, edge_width, fmt_num, light_text_on, node_radius,
};
use crate::i18n::{t, tf};
use crate::log::{LogCache, LogFilter};
use crate::narrate::{event_class, num, partner_names};
use crate::state::{logged_events, State};

/// In classroom mode, how many of the newest events show under the drawing: on a projector the
/// event log is screens below, and the class sees a gauge fall without the story behind it.
const LATEST_EVENTS: usize = 2;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: UseReducerHandle<State>,
}

#[function_component(Network)]
pub fn network(props: &Props) -> Html {
    let s = &*props.state;
    let lang = s.lang;
    // Node and label positions depend on the names only: laid out once per list of names.
    let names = partner_names(&s.scenario);
    let layout = use_memo(names.clone(), |names| circle_layout(names));
    let latest_cache = use_mut_ref(LogCache::default);
    let Some(w) = s.world() else {
        return html! {};
    };
    let n = w.n().min(layout.nodes.len());
    let pos = &layout.nodes;
    let input = |i: usize| {
        if w.month == 0 {
            let p = &s.scenario.partners[i];
            p.capacity * p.contribution
        } else {
            w.partners[i].input
        }
    };
    let max_input = (0..n).map(input).fold(0.0, f64::max);
    let (r_min, r_max) = (layout.r_min, layout.r_max);
    let name = |i: usize| names[i].clone();

    // Pairs in an open dispute: a dashed line over their trust line (thicker for the one the
    // class decides on), and the two circles of that one ringed.
    let disputes: Vec<(usize, usize, bool)> = s
        .dispute_pairs()
        .into_iter()
        .filter(|&(i, j, _)| j < n && w.partners[i].active && w.partners[j].active)
        .collect();
    let in_dispute = |i: usize, j: usize| disputes.iter().any(|d| (d.0, d.1) == (i, j));
    let deciding = |i: usize| disputes.iter().any(|d| d.2 && (d.0 == i || d.1 == i));
    let mut edges = Vec::new();
    for i in 0..n {
        for j in (i + 1)..n {
            if !(w.partners[i].active && w.partners[j].active) {
                continue;
            }
            let trust = (w.trust_of(i, j) + w.trust_of(j, i)) / 2.0;
            let key = if in_dispute(i, j) {
                "watch.network.edge_dispute"
            } else {
                "watch.network.edge"
            };
            let label = tf(
                lang,
                key,
                &[
                    ("a", &name(i)),
                    ("b", &name(j)),
                    ("trust", &num(lang, trust, 2)),
                ],
            );
            edges.push(html! {
                <line class="edge"
                    x1={fmt_num(pos[i].0)} y1={fmt_num(pos[i].1)}
                    x2={fmt_num(pos[j].0)} y2={fmt_num(pos[j].1)}
                    stroke={edge_colour(trust)} stroke-width={fmt_num(edge_width(trust, 1.5, 12.0))}>
                    <title>{ label }</title>
                </line>
            });
        }
    }

    let dispute_marks = disputes.iter().map(|&(i, j, now)| {
        let (x1, y1, x2, y2) = (
            fmt_num(pos[i].0),
            fmt_num(pos[i].1),
            fmt_num(pos[j].0),
            fmt_num(pos[j].1),
        );
        let class = classes!("dispute", now.then_some("awaiting"));
        html! {
            <g class={class} data-pair={format!("{i}-{j}")}>
                <line class="halo" x1={x1.clone()} y1={y1.clone()} x2={x2.clone()} y2={y2.clone()} />
                <line class="dash" {x1} {y1} {x2} {y2} />
            </g>
        }
    });

    let nodes = (0..n).map(|i| {
        let p = &w.partners[i];
        let (x, y) = pos[i];
        let r = node_radius(input(i), max_input, r_min, r_max);
        let sat = p.satisfaction;
        let title = match p.exit_month {
            Some(m) if !p.active => tf(
                lang,
                "watch.network.node_left",
                &[("name", &name(i)), ("month", &m.to_string())],
            ),
            _ => tf(
                lang,
                "watch.network.node",
                &[
                    ("name", &name(i)),
                    ("sat", &num(lang, sat, 2)),
                    ("input", &num(lang, input(i), 1)),
                ],
            ),
        };
        let label = &layout.labels[i];
        let (lx, ly) = label.at(r);
        let class = classes!(
            "node",
            (!p.active).then_some("left"),
            deciding(i).then_some("deciding")
        );
        let text_class = if light_text_on(sat) { "sat light" } else { "sat" };
        let cross = (!p.active).then(|| {
            let k = r * 0.7;
            html! {
                <g class="cross">
                    <line x1={fmt_num(x - k)} y1={fmt_num(y - k)} x2={fmt_num(x + k)} y2={fmt_num(y + k)} />
                    <line x1={fmt_num(x - k)} y1={fmt_num(y + k)} x2={fmt_num(x + k)} y2={fmt_num(y - k)} />
                </g>
            }
        });
        html! {
            <g class={class}>
                <title>{ title }</title>
                <circle cx={fmt_num(x)} cy={fmt_num(y)} r={fmt_num(r)} fill={diverging(sat)} />
                if p.active && r >= 15.0 {
                    <text class={text_class} x={fmt_num(x)} y={fmt_num(y)} text-anchor="middle" dominant-baseline="central">
                        { format!("{:.0}", sat * 100.0) }
                    </text>
                }
                { for cross }
                <text class="label" x={fmt_num(lx)} y={fmt_num(ly)}
                    dy={format!("{}em", fmt_num(label.dy_em))}
                    text-anchor={label.anchor} dominant-baseline="central">
                    { &label.text }
                </text>
            </g>
        }
    });

    let left = w.partners.iter().filter(|p| !p.active).count();
    // Who left, by name: the drawing shows it by a faded circle only.
    let who_left = if left > 0 {
        let names: Vec<String> = (0..n)
            .filter(|&i| !w.partners[i].active)
            .map(&name)
            .collect();
        format!(" ({})", names.join(", "))
    } else {
        String::new()
    };
    // With fewer than two partners left there is no trust between partners (the model's mean
    // is then 0, which would read as trust collapsed).
    let key = if w.active().len() < 2 {
        "watch.network.summary_alone"
    } else if left == 0 {
        "watch.network.summary_none"
    } else {
        "watch.network.summary"
    };
    let summary = tf(
        lang,
        key,
        &[
            ("month", &w.month.to_string()),
            ("trust", &num(lang, w.mean_trust(), 2)),
            ("left", &left.to_string()),
            ("n", &n.to_string()),
            ("who", &who_left),
        ],
    );
    let events = s.classroom.then(|| logged_events(w, s.decisions));
    let latest = events.as_ref().map(|events| {
        let (_, lines) = latest_cache.borrow_mut().newest(
            lang,
            &s.scenario,
            events,
            LogFilter::All,
            LATEST_EVENTS,
        );
        lines
    });
    let swatches = (0..=4).map(|k| {
        let v = f64::from(k) / 4.0;
        html! { <rect x={(k * 20).to_string()} y="0" width="20" height="12" fill={diverging(v)} /> }
    });

    html! {
        <section class="card network-card" aria-labelledby="network-title">
            <h2 id="network-title" tabindex="-1">{ t(lang, "watch.network.heading") }</h2>
            <svg class="network" data-testid="network" viewBox={format!("0 0 {} {}", fmt_num(layout.width), fmt_num(layout.height))}
                role="img" aria-labelledby="network-title">
                // Named by its heading alone: the summary is the paragraph right below it, and
                // was read twice when it named the drawing too (an accessibility audit).
                <desc id="network-desc">{ t(lang, "watch.network.desc") }</desc>
                // Behind each name, a patch of the card's colour the size of the name: the
                // lines between the partners stop at it (`.network .label` in styles/app.css).
                <defs>
                    <filter id="network-label-bg" x="-0.04" y="0" width="1.08" height="1">
                        <feFlood class="label-bg" />
                        <feComposite in="SourceGraphic" operator="over" />
                    </filter>
                </defs>
                <g class="edges">{ for edges }</g>
                <g class="disputes" aria-hidden="true">{ for dispute_marks }</g>
                { for nodes }
            </svg>
            if layout.numbered {
                // The labels are numbers: the names, by number, under the drawing.
                <ol class="network-key" data-testid="network-key" aria-label={t(lang, "watch.network.key")}>
                    { for (0..n).map(|i| match w.partners[i].exit_month {
                        Some(m) if !w.partners[i].active => html! {
                            <li class="left">{ tf(lang, "watch.network.node_left", &[("name", &name(i)), ("month", &m.to_string())]) }</li>
                        },
                        _ => html! { <li>{ name(i) }</li> },
                    }) }
                </ol>
            }
            <p id="network-summary" class="network-summary">{ summary }</p>
            if let (Some(lines), Some(events)) = (latest.filter(|l| !l.is_empty()), &events) {
                // What the event log says too, for the eyes only (its lines, its numbers).
                <ol class="latest-events" data-testid="latest-events" reversed=true aria-hidden="true">
                    { for lines.into_iter().rev().map(|(i, text)| html! {
                        <li key={i} value={(i + 1).to_string()} class={classes!("ev", event_class(events[i]))}>{ text }</li>
                    }) }
                </ol>
            }
            <div class="scale-legend" aria-hidden="true">
                <span>{ t(lang, "watch.network.low") }</span>
                <svg class="scale-bar" viewBox="0 0 100 12" preserveAspectRatio="none">{ for swatches }</svg>
                <span>{ t(lang, "watch.network.high") }</span>
            </div>
            <p class="hint">{ t(lang, "watch.network.desc") }</p>
        </section>
    }
}
