//! Teaching in front of a class: the classroom-mode switch, keyboard shortcuts, and decision
//! mode (the run stops when a dispute starts; the class chooses how to resolve it).

use std::cell::RefCell;
use std::rc::Rc;

use aliansi_sim::{Challenge, EventKind, Resolution, World};
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

use crate::components::gauges::{gauge_values, health_now};
use crate::components::live::quiet;
use crate::i18n::{t, tf, Lang};
use crate::narrate::{dispute_words, num, step_words};
use crate::state::{speed_step, Action, State, Status};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: UseReducerHandle<State>,
}

/// A keyboard shortcut: the keys (`KeyboardEvent.key`, lower case) and what it does.
pub struct Shortcut {
    pub keys: &'static [&'static str],
    /// Shown in the help (an i18n key under `classroom.key.`).
    pub help: &'static str,
}

/// Every shortcut, in the order the help lists them.
pub const SHORTCUTS: [Shortcut; 10] = [
    Shortcut {
        keys: &[" ", "k"],
        help: "run",
    },
    Shortcut {
        keys: &["s", "arrowright"],
        help: "step",
    },
    Shortcut {
        keys: &["f"],
        help: "finish",
    },
    Shortcut {
        keys: &["r"],
        help: "reset",
    },
    Shortcut {
        keys: &["n", "pagedown"],
        help: "next",
    },
    Shortcut {
        keys: &["p", "pageup"],
        help: "previous",
    },
    Shortcut {
        keys: &["+", "-"],
        help: "speed",
    },
    Shortcut {
        keys: &["b", "."],
        help: "blank",
    },
    Shortcut {
        keys: &["d"],
        help: "decisions",
    },
    Shortcut {
        keys: &["c", "escape"],
        help: "classroom",
    },
];

/// The action for a key press (`key` as `KeyboardEvent.key`), given the page state; `None`
/// for keys that mean nothing here. With the shortcuts turned off, only `Esc` (no character)
/// still leaves classroom mode. While a dispute awaits the class, `Esc` does nothing: a
/// trainer's "close" key would otherwise turn the projector's page into the editor's under
/// the card. A presenter's remote sends Page Down and Page Up: in classroom mode with a lesson
/// open they reveal its parts, as N and P do; its "blank screen" key (B or .) blanks the screen
/// in classroom mode, and any key brings the page back. `+` and `-` change the speed (`=`, the
/// `+` key without Shift on many keyboards, too). Pure, so that it is tested natively.
pub fn key_action(key: &str, s: &State) -> Option<Action> {
    let key = key.to_ascii_lowercase();
    if s.blank {
        // Any key brings the page back, and does nothing else.
        return Some(Action::SetBlank(false));
    }
    let leaves = key == "escape" && s.classroom && s.awaiting().is_none();
    if !s.shortcuts {
        return leaves.then_some(Action::SetClassroom(false));
    }
    // While a dispute awaits the class: 1-5 choose a step, 0 leaves it to the ladder.
    if let Some(d) = s.awaiting() {
        if let Some(i) = key.parse::<usize>().ok().filter(|i| *i <= 5) {
            let step = (i > 0).then(|| Resolution::ALL[i - 1]);
            return Some(Action::Decide { id: d.id, step });
        }
    }
    Some(match key.as_str() {
        " " | "k" if s.playing => Action::Pause,
        " " | "k" => Action::Run,
        "s" | "arrowright" => Action::Step,
        "f" => Action::Finish,
        "r" => Action::Reset,
        "n" if s.lesson.is_some() => Action::LessonNext,
        "p" if s.lesson.is_some() => Action::LessonPrevious,
        "pagedown" if s.lesson.is_some() && s.classroom => Action::LessonNext,
        "pageup" if s.lesson.is_some() && s.classroom => Action::LessonPrevious,
        "+" | "=" => Action::SetSpeed(speed_step(s.speed, true)),
        "-" => Action::SetSpeed(speed_step(s.speed, false)),
        "b" | "." if s.classroom => Action::SetBlank(true),
        "d" => Action::SetDecisions(!s.decisions),
        "c" => Action::SetClassroom(!s.classroom),
        "escape" if leaves => Action::SetClassroom(false),
        _ => return None,
    })
}

/// Whether a key press belongs to what has focus rather than to the page: typing in a field,
/// Space or an arrow key in a scrolling box that is a Tab stop (the event log, a wide table, the
/// heat map on a phone: they scroll it), or Space/Enter on a button or link (which click it)
/// that the keyboard brought the focus to. A button the mouse clicked keeps the focus (in
/// Chromium), but Space is then the page's: a trainer who clicked "Next part" and presses Space
/// means to run, not to skip a part. Likewise a list of the run's own (the speed, the ladder of
/// Run again with a change: `data-page-keys`) that the mouse chose from keeps the focus, but the
/// shortcuts' keys are then the page's (a trainer who set the speed with the mouse pressed Space
/// to pause, and the run played on; a presenter's Page Down changed the speed): only the arrow
/// keys still go to the list, which they step through. The editor's lists keep every key (a
/// letter jumps to a country).
fn belongs_to_target(e: &KeyboardEvent) -> bool {
    let Some(el) = e.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()) else {
        return false;
    };
    let tag = el.tag_name().to_ascii_lowercase();
    if tag == "select" && el.has_attribute("data-page-keys") && crate::focus::focused_by_pointer() {
        return e.key().starts_with("Arrow");
    }
    if matches!(tag.as_str(), "input" | "textarea" | "select") || el.is_content_editable() {
        return true;
    }
    if el.get_attribute("tabindex").as_deref() == Some("0")
        && matches!(
            e.key().as_str(),
            " " | "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown"
        )
    {
        return true;
    }
    matches!(e.key().as_str(), " " | "Enter")
        && matches!(tag.as_str(), "button" | "a" | "summary")
        && !crate::focus::focused_by_pointer()
}

/// Listens for the keyboard shortcuts on the whole page; renders the blanked screen while it is
/// blank, and nothing otherwise.
#[function_component(Shortcuts)]
pub fn shortcuts(props: &Props) -> Html {
    // The latest state, read by the one listener registered on mount.
    let latest: Rc<RefCell<Option<UseReducerHandle<State>>>> = use_mut_ref(|| None);
    *latest.borrow_mut() = Some(props.state.clone());
    use_effect_with((), move |_| {
        let document = gloo::utils::document();
        // Not passive: a shortcut's key (Space) must not also scroll the page.
        let options = EventListenerOptions::enable_prevent_default();
        let listener = EventListener::new_with_options(&document, "keydown", options, move |e| {
            let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                return;
            };
            if e.ctrl_key() || e.alt_key() || e.meta_key() || belongs_to_target(e) {
                return;
            }
            let Some(state) = latest.borrow().clone() else {
                return;
            };
            if let Some(a) = key_action(&e.key(), &state) {
                e.prevent_default();
                let runs = matches!(a, Action::Run | Action::Step | Action::Finish);
                state.dispatch(a);
                if runs && state.classroom {
                    run_into_view();
                }
            }
        });
        move || drop(listener)
    });
    if !props.state.blank {
        return html! {};
    }
    // The blanked screen ([`State::blank`]): black over everything, a click brings the page back.
    let show = {
        let d = props.state.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::SetBlank(false)))
    };
    html! {
        <div class="blank-screen" data-testid="blank" onclick={show}>
            <p>{ t(props.state.lang, "classroom.blank") }</p>
        </div>
    }
}

/// The height of the browser's window, in CSS pixels (0 if it cannot say).
fn screen_height() -> f64 {
    gloo::utils::window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0)
}

/// On a projector, where nobody scrolls: the run's network drawing and every gauge on the
/// screen, the grid's top at the screen's, unless all of them show already. After Space, S or
/// F, or Run or Finish clicked, in classroom mode (a lesson's text, or the note of "Run
/// again with a change", may have pushed the run below the screen, with only its cards'
/// headings showing at the bottom), and once the class has chosen (the card above the run has
/// gone, and the page had scrolled to it).
pub fn run_into_view() {
    let doc = gloo::utils::document();
    let Some(grid) = doc.query_selector(".live-grid").ok().flatten() else {
        return;
    };
    let height = screen_height();
    let shows = |selector: &str| {
        doc.query_selector(selector)
            .ok()
            .flatten()
            .is_some_and(|el| {
                let r = el.get_bounding_client_rect();
                r.top() >= 0.0 && r.bottom() <= height
            })
    };
    if !(shows(".network-card svg") && shows("[data-testid=gauges]")) {
        bring_into_view(&grid, web_sys::ScrollLogicalPosition::Start);
    }
}

/// [`bring_into_view`] for the first element that `selector` finds, if any.
pub fn bring_selector_into_view(selector: &str, block: web_sys::ScrollLogicalPosition) {
    if let Some(el) = gloo::utils::document()
        .query_selector(selector)
        .ok()
        .flatten()
    {
        bring_into_view(&el, block);
    }
}

/// Scrolls the page so that `el` shows, its edge at `block` (`Nearest`: the least scroll that
/// shows it). On a projector nobody scrolls: the decision card, a lesson part just revealed and
/// the run come into view this way.
pub fn bring_into_view(el: &web_sys::Element, block: web_sys::ScrollLogicalPosition) {
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(block);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// The switches of the header: classroom mode and decision mode.
pub fn teaching_switches(state: &UseReducerHandle<State>) -> Html {
    let lang = state.lang;
    let toggle = |a: Action| {
        let d = state.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(a.clone()))
    };
    html! {
        <div class="teaching-switches">
            <button type="button" class="secondary switch" data-testid="classroom-toggle"
                aria-pressed={state.classroom.to_string()} aria-keyshortcuts="C"
                onclick={toggle(Action::SetClassroom(!state.classroom))}>
                { t(lang, "classroom.mode") }<kbd class="key-hint" aria-hidden="true">{ "C" }</kbd>
            </button>
            <button type="button" class="secondary switch" data-testid="decisions-toggle"
                aria-pressed={state.decisions.to_string()} aria-keyshortcuts="D"
                onclick={toggle(Action::SetDecisions(!state.decisions))}>
                { t(lang, "classroom.decisions") }<kbd class="key-hint" aria-hidden="true">{ "D" }</kbd>
            </button>
        </div>
    }
}

/// Where turning the shortcuts off is kept (local storage: this device, every tab).
const SHORTCUTS_KEY: &str = "aliansi.shortcuts";

/// Whether the shortcuts start on: unless turned off on this device before.
pub fn starting_shortcuts() -> bool {
    super::library::local::read(SHORTCUTS_KEY)
        .ok()
        .flatten()
        .as_deref()
        != Some("off")
}

/// The keyboard shortcuts, listed (shown in classroom mode), with the switch that turns them
/// off (WCAG 2.1.4: speech input types words, and a stray letter must not reset a run).
pub fn shortcut_help(state: &UseReducerHandle<State>) -> Html {
    let lang = state.lang;
    let on = state.shortcuts;
    let toggle = {
        let d = state.dispatcher();
        Callback::from(move |_: Event| {
            // Remembered on this device (storage that refuses: for this visit only).
            let _ = super::library::local::write(SHORTCUTS_KEY, if on { "off" } else { "on" });
            d.dispatch(Action::SetShortcuts(!on));
        })
    };
    let key_name = |k: &str| match k {
        " " => t(lang, "classroom.key_space").to_string(),
        "arrowright" => "→".to_string(),
        "escape" => "Esc".to_string(),
        "pagedown" => t(lang, "classroom.key_page_down").to_string(),
        "pageup" => t(lang, "classroom.key_page_up").to_string(),
        k => k.to_ascii_uppercase(),
    };
    let rows = SHORTCUTS.iter().map(|s| {
        html! {
            <div class="shortcut">
                <dt>{ for s.keys.iter().map(|k| html! { <kbd>{ key_name(k) }</kbd> }) }</dt>
                <dd>{ t(lang, &format!("classroom.key.{}", s.help)) }</dd>
            </div>
        }
    });
    html! {
        <details class="card shortcut-help" data-testid="shortcut-help" open={state.classroom}>
            <summary>{ t(lang, "classroom.shortcuts") }</summary>
            <label class="shortcuts-switch">
                <input type="checkbox" data-testid="shortcuts-on" checked={on} onchange={toggle} />
                { " " }{ t(lang, "classroom.shortcuts_on") }
            </label>
            <dl class="shortcuts">
                { for rows }
                <div class="shortcut">
                    <dt><kbd>{ "1" }</kbd>{ "–" }<kbd>{ "5" }</kbd>{ ", " }<kbd>{ "0" }</kbd></dt>
                    <dd>{ t(lang, "classroom.key.choose") }</dd>
                </div>
            </dl>
        </details>
    }
}

fn partner_name(state: &State, i: usize) -> String {
    state
        .scenario
        .partners
        .get(i)
        .map(|p| p.name.clone())
        .unwrap_or_default()
}

/// The gauges that moved most between two months: up to two, as (challenge index in
/// [`Challenge::ALL`], gauge then, gauge now), the biggest move first (the first challenge
/// first among equals). A gauge with no number at either time is left out, and so is one that
/// shows the same number.
pub fn moved_most(then: &[f64; 7], now: &[f64; 7]) -> Vec<(usize, u32, u32)> {
    let (a, _) = gauge_values(then);
    let (b, _) = gauge_values(now);
    let mut moved: Vec<(usize, u32, u32)> = (0..7)
        .filter_map(|k| Some((k, a[k]?, b[k]?)))
        .filter(|&(_, x, y)| x != y)
        .collect();
    moved.sort_by_key(|&(k, x, y)| (std::cmp::Reverse(x.abs_diff(y)), k));
    moved.truncate(2);
    moved
}

/// For the next dispute's card: what the class chose last (the step, the month it was chosen
/// in) and the gauges that moved most since ([`moved_most`]). At high speeds the next card can
/// come before the class has seen the gauges move; this line tells them. `None` before the
/// run's first choice.
pub fn since_last_choice(w: &World, choices: &[(u32, Resolution)]) -> Option<SinceChoice> {
    let &(id, step) = choices.last()?;
    // The dispute's first step is the one chosen, in the month the card asked (a later step of
    // the same dispute, once the chosen one failed, is the ladder's).
    let month = w.events.iter().find_map(|e| match e.kind {
        EventKind::DisputeStep { id: i, .. } if i == id => Some(e.month),
        _ => None,
    })?;
    let then = w.series.iter().rfind(|m| m.month == month)?.challenges;
    Some(SinceChoice {
        step,
        month,
        moved: moved_most(&then, &health_now(w)),
    })
}

/// What [`since_last_choice`] finds.
#[derive(Clone, Debug, PartialEq)]
pub struct SinceChoice {
    /// The step the class chose last.
    pub step: Resolution,
    /// The month it was chosen in.
    pub month: u32,
    /// The gauges that moved most since ([`moved_most`]).
    pub moved: Vec<(usize, u32, u32)>,
}

/// The line [`since_last_choice`] gives, in words.
fn since_words(lang: Lang, since: &SinceChoice) -> String {
    let (step, month, moved) = (
        step_words(lang, since.step),
        since.month.to_string(),
        &since.moved,
    );
    if moved.is_empty() {
        return tf(
            lang,
            "classroom.since_still",
            &[("step", step), ("month", &month)],
        );
    }
    let moves = moved
        .iter()
        .map(|&(k, a, b)| {
            let name = t(
                lang,
                &format!("watch.challenge.{}", Challenge::ALL[k].key()),
            );
            format!("{name} {a} → {b}")
        })
        .collect::<Vec<_>>()
        .join(", ");
    tf(
        lang,
        "classroom.since_moved",
        &[("step", step), ("month", &month), ("moves", &moves)],
    )
}

/// Where the two parties of a dispute stand now, for its card (the network and the gauges are
/// below it, off a projector's screen): the trust between them (both ways' mean, 0 to 1, as the
/// network's lines give it), each one's satisfaction (0 to 100, as in the network's circles)
/// and the Trust and Conflict gauges.
#[derive(Clone, Debug, PartialEq)]
pub struct PairNow {
    pub trust: f64,
    pub satisfaction: [u32; 2],
    pub trust_gauge: Option<u32>,
    pub conflict_gauge: Option<u32>,
}

pub fn pair_now(w: &World, a: usize, b: usize) -> PairNow {
    let sat = |i: usize| (w.partners[i].satisfaction.clamp(0.0, 1.0) * 100.0).round() as u32;
    let (gauges, _) = gauge_values(&health_now(w));
    PairNow {
        trust: (w.trust_of(a, b) + w.trust_of(b, a)) / 2.0,
        satisfaction: [sat(a), sat(b)],
        trust_gauge: gauges[Challenge::Trust.index()],
        conflict_gauge: gauges[Challenge::Conflict.index()],
    }
}

/// [`PairNow`] in words: a sentence after the one that names the two (their satisfaction in
/// that order).
fn pair_words(lang: Lang, now: &PairNow) -> String {
    let gauge = |g: Option<u32>| g.map_or("–".to_string(), |v| v.to_string());
    tf(
        lang,
        "classroom.decision_pair",
        &[
            ("trust", &num(lang, now.trust, 2)),
            ("sa", &now.satisfaction[0].to_string()),
            ("sb", &now.satisfaction[1].to_string()),
            ("gt", &gauge(now.trust_gauge)),
            ("gc", &gauge(now.conflict_gauge)),
        ],
    )
}

/// The class's decision: shown while a dispute awaits it.
#[function_component(DecisionPrompt)]
pub fn decision_prompt(props: &Props) -> Html {
    let state = &props.state;
    let lang: Lang = state.lang;
    let card = use_node_ref();
    // The control that had the focus when the card took it, given back once the class decides.
    let returns_to = use_mut_ref(|| None::<HtmlElement>);
    // Each new dispute brings the card into view (the class looks at the screen, not a mouse)
    // and gives it the focus, as an alert dialog should: a screen reader reads it out, and Tab
    // goes on to its choices. The card itself takes the focus, not a choice, so that Space
    // still pauses and the digit keys still choose (a focused button would take them).
    // From whether a card showed at the last render (`shown`): on a projector, once the class has decided,
    // the run comes back into view (the card sat above it): the gauges the lesson says to
    // watch, not the spot where the card was.
    // The dispute the card showed at the last render (none: no card). A second dispute of the
    // same month takes the card's place at once, and must be announced as the first was (an
    // accessibility audit: the focus stayed on the choice just made, and one more Enter decided
    // a dispute the reader had not heard of).
    let shown = use_mut_ref(|| None::<u32>);
    {
        let card = card.clone();
        let classroom = state.classroom;
        use_effect_with(state.awaiting().map(|d| d.id), move |id| {
            // (The effect runs when the dispute changes: a card before and one now are two.)
            let carded = std::mem::replace(&mut *shown.borrow_mut(), *id).is_some();
            let next = carded && id.is_some();
            let decided = carded && id.is_none();
            if decided && classroom {
                run_into_view();
            }
            let document = gloo::utils::document();
            let body: Option<HtmlElement> = document.body();
            let active = document
                .active_element()
                .and_then(|a| a.dyn_into::<HtmlElement>().ok());
            if id.is_some() {
                if let Some(el) = card.cast::<HtmlElement>() {
                    let inside = active.as_ref().is_some_and(|a| el.contains(Some(a)));
                    if !inside {
                        // The control that had the focus: disabled by this very render or
                        // a moment before (Pause, as the run stops for the dispute), else the
                        // one still focused.
                        *returns_to.borrow_mut() = crate::focus::lost_to_nowhere().or_else(|| {
                            active.filter(|a| Some(a) != body.as_ref() && a.is_connected())
                        });
                        crate::focus::focus_in_place(&el);
                    } else if next {
                        // Another dispute in the card (see `shown`): the card again, where
                        // the focus was to go back to is kept.
                        crate::focus::focus_in_place(&el);
                    }
                    bring_into_view(&el, web_sys::ScrollLogicalPosition::Nearest);
                }
            } else if decided {
                // Decided (the card is gone): back to where the focus was (or, if that control
                // is disabled now, to the one it names), unless it went somewhere else meanwhile
                // (the active element is then neither the body nor an element off the page).
                // Where it was nowhere (the run started by a key, the focus on the page itself)
                // but went into the card, to Pause, as the run plays on: not lost to the top of
                // the page, where a screen reader would start reading again.
                let lost = active.is_none_or(|a| Some(&a) == body.as_ref() || !a.is_connected());
                let back = returns_to.borrow_mut().take();
                if lost {
                    let given = back.is_some_and(|el| crate::focus::give_back(&el));
                    if !given {
                        let _ = ["pause", "run"]
                            .into_iter()
                            .any(crate::focus::focus_named_in_place);
                    }
                }
            }
            || ()
        });
    }
    let Some(d) = state.awaiting() else {
        // Decided: the run plays on and the card is gone, so a line says what the latest
        // dispute was given (the class's step, or the ladder's first when left to it) and
        // where its end is told.
        let last = state
            .decisions
            .then(|| state.live.as_ref().ok()?.choices().last().copied());
        return match last.flatten() {
            Some((_, step)) => html! {
                <p class="decision-last" role="status" aria-live={quiet(state.hush)} data-testid="decision-last">
                    { tf(lang, "classroom.last_choice", &[("step", step_words(lang, step))]) }
                </p>
            },
            None => html! {},
        };
    };
    let id = d.id;
    let since = state
        .live
        .as_ref()
        .ok()
        .and_then(|w| since_last_choice(w, w.choices()));
    // In classroom mode (a projector: the network and the gauges below the card, off the
    // screen): where the two stand now, in the sentence after the one that names them. A
    // laptop's page scrolls to them, and its card, so lengthened, overflowed a 768 px screen.
    let pair = state
        .classroom
        .then(|| state.live.as_ref().ok().map(|w| pair_now(w, d.a, d.b)))
        .flatten();
    let ladder_first = state.scenario.governance.resolution[0];
    let choice = |step: Option<Resolution>| {
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Decide { id, step }))
    };
    let buttons = Resolution::ALL.iter().enumerate().map(|(k, r)| {
        html! {
            <li>
                // Named by the step, described by its help: a screen reader said the whole
                // paragraph as each button's name (an accessibility audit).
                <button type="button" class="decision-choice" data-testid={format!("decide-{}", r.key())}
                    aria-keyshortcuts={(k + 1).to_string()} onclick={choice(Some(*r))}
                    aria-labelledby={format!("decide-name-{}", r.key())}
                    aria-describedby={format!("decide-help-{}", r.key())}>
                    <kbd class="key-hint" aria-hidden="true">{ (k + 1).to_string() }</kbd>
                    <strong id={format!("decide-name-{}", r.key())}>{ step_words(lang, *r) }</strong>
                    <span class="decision-help" id={format!("decide-help-{}", r.key())}>{ t(lang, &format!("classroom.step.{}", r.key())) }</span>
                </button>
            </li>
        }
    });
    let status = state.status();
    html! {
    <section ref={card} class="card decision" data-testid="decision" data-dispute={id.to_string()}
               role="alertdialog" aria-labelledby="decision-title" aria-describedby="decision-text"
               tabindex="-1">
               <h3 id="decision-title">{ tf(lang, "classroom.decision_title", &[("month", &state.month().to_string())]) }</h3>
               <p id="decision-text">{ tf(lang, "classroom.decision_text", &[
                   ("a", &partner_name(state, d.a)), ("b", &partner_name(state, d.b)),
                   ("cause", dispute_words(lang, d.cause)), ("severity", &num(lang, d.severity, 2)),
               ]) }
                   if let Some(pair) = pair {
                       { " " }<span data-testid="decision-pair">{ pair_words(lang, &pair) }</span>
                   }
               </p>
               if let Some(since) = since {
                   <p class="decision-since" data-testid="decision-since">{ since_words(lang, &since) }</p>
               }
               <p class="decision-question">{ t(lang, "classroom.decision_question") }</p>
               <ul class="decision-choices">{ for buttons }</ul>
               <button type="button" class="secondary" data-testid="decide-ladder" aria-keyshortcuts="0" onclick={choice(None)}>
                   <kbd class="key-hint" aria-hidden="true">{ "0" }</kbd>
                   { tf(lang, "classroom.decide_ladder", &[("step", step_words(lang, ladder_first))]) }
               </button>
               if status == Status::Done { <p>{ t(lang, "classroom.decision_over") }</p> }
           </section>
       }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::LESSONS;

    fn conflict() -> Rc<State> {
        let i = LESSONS.iter().position(|l| l.decisions).unwrap();
        Rc::new(State::initial()).reduce(Action::OpenLesson(i))
    }

    #[test]
    fn the_card_says_where_the_two_parties_stand() {
        let mut s = conflict().reduce(Action::SetDecisions(true));
        for _ in 0..600 {
            if s.awaiting().is_some() {
                break;
            }
            s = s.reduce(Action::Step);
        }
        let d = s.awaiting().expect("a dispute for the class").clone();
        let w = s.live.as_ref().unwrap();
        let now = pair_now(w, d.a, d.b);
        // The pair's own trust, not the alliance's mean; each party's own satisfaction.
        assert_eq!(
            now.trust,
            (w.trust_of(d.a, d.b) + w.trust_of(d.b, d.a)) / 2.0
        );
        for (k, i) in [d.a, d.b].into_iter().enumerate() {
            let shown = format!("{:.0}", w.partners[i].satisfaction * 100.0);
            assert_eq!(
                now.satisfaction[k].to_string(),
                shown,
                "as the network's circle shows it"
            );
        }
        let (gauges, _) = gauge_values(&health_now(w));
        assert_eq!(
            (now.trust_gauge, now.conflict_gauge),
            (gauges[3], gauges[5])
        );
        let words = pair_words(Lang::Id, &now);
        let (sa, sb) = (now.satisfaction[0], now.satisfaction[1]);
        assert!(
            words.starts_with("Kini kepercayaan di antara mereka 0,"),
            "{words}"
        );
        assert!(
            words.contains(&format!("kepuasan mereka {sa} dan {sb} dari 100")),
            "{words}"
        );
    }

    #[test]
    fn moved_most_takes_the_two_biggest_moves() {
        let then = [0.5, 0.8, 0.9, 0.61, 1.0, 0.7, 1.0];
        let now = [0.5, 0.79, 0.9, 0.58, 1.0, 0.52, f64::NAN];
        // Conflict 70 -> 52 (18), trust 61 -> 58 (3), culture 80 -> 79 (1); compliance has no
        // number now; the rest did not move.
        assert_eq!(moved_most(&then, &now), vec![(5, 70, 52), (3, 61, 58)]);
        assert_eq!(moved_most(&then, &then), vec![], "nothing moved");
        // Equal moves: the first challenge first.
        let up = [0.6, 0.8, 0.9, 0.71, 1.0, 0.75, 1.0];
        assert_eq!(moved_most(&then, &up), vec![(0, 50, 60), (3, 61, 71)]);
        // A move under half a point does not show on the gauges: not a move.
        let hair = then.map(|h| h + 0.004);
        assert_eq!(moved_most(&then, &hair), vec![]);
    }

    #[test]
    fn the_next_card_says_what_moved_since_the_last_choice() {
        let mut s = conflict().reduce(Action::SetDecisions(true));
        let mut cards = 0;
        let mut last: Option<(u32, Resolution)> = None;
        while s.run().is_none() && cards < 4 {
            let Some(id) = s.awaiting().map(|d| d.id) else {
                s = s.reduce(Action::Step);
                continue;
            };
            let w = s.live.as_ref().unwrap();
            let since = since_last_choice(w, w.choices());
            match last {
                None => assert_eq!(since, None, "nothing to say at the first card"),
                Some((month, step)) => {
                    let since = since.expect("a line from the second card");
                    assert_eq!((since.month, since.step), (month, step));
                    let moved = &since.moved;
                    // Against the gauges as they showed in that month and show now.
                    let then = w.series[month as usize - 1].challenges;
                    let (a, _) = gauge_values(&then);
                    let (b, _) = gauge_values(&health_now(w));
                    assert!(moved.len() <= 2);
                    for &(k, x, y) in moved {
                        assert_eq!((a[k], b[k]), (Some(x), Some(y)));
                        assert_ne!(x, y);
                    }
                    let biggest = (0..7)
                        .filter_map(|k| Some(a[k]?.abs_diff(b[k]?)))
                        .max()
                        .unwrap_or(0);
                    assert_eq!(moved.first().map_or(0, |m| m.1.abs_diff(m.2)), biggest);
                    let text = since_words(Lang::En, &since);
                    assert!(
                        text.starts_with(&format!(
                            "Since the last choice ({}, month {month})",
                            step_words(Lang::En, step)
                        )),
                        "{text}"
                    );
                }
            }
            let step = [Resolution::Mediation, Resolution::Arbitration][cards % 2];
            last = Some((s.month(), step));
            cards += 1;
            s = s.reduce(Action::Decide {
                id,
                step: Some(step),
            });
        }
        assert!(
            cards >= 3,
            "the conflict lesson asks the class at least three times: {cards}"
        );
    }

    #[test]
    fn the_month_of_the_last_choice_is_when_it_was_chosen_not_when_its_dispute_moved_on() {
        // The default scenario's ladder (negotiation, then arbitration), the class choosing
        // negotiation each time: when it fails, the ladder takes the dispute on, months later.
        let mut checked = 0;
        let mut moved_on = 0;
        for seed in 0..6 {
            let mut s = Rc::new(State::initial())
                .reduce(Action::SetSeed(seed))
                .reduce(Action::SetDecisions(true));
            let mut chosen_in: Option<u32> = None;
            while s.run().is_none() {
                let Some(id) = s.awaiting().map(|d| d.id) else {
                    s = s.reduce(Action::Step);
                    continue;
                };
                let w = s.live.as_ref().unwrap();
                if let Some(month) = chosen_in {
                    let since = since_last_choice(w, w.choices()).expect("a line");
                    assert_eq!(since.month, month, "seed {seed}");
                    checked += 1;
                    let (last_id, _) = *w.choices().last().unwrap();
                    let steps = w
                        .events
                        .iter()
                        .filter(|e| matches!(e.kind, EventKind::DisputeStep { id, .. } if id == last_id))
                        .count();
                    moved_on += usize::from(steps > 1);
                }
                chosen_in = Some(s.month());
                s = s.reduce(Action::Decide {
                    id,
                    step: Some(Resolution::Negotiation),
                });
            }
        }
        assert!(checked > 5, "{checked} cards checked");
        assert!(
            moved_on > 0,
            "no chosen step failed and moved on: the test shows nothing"
        );
    }

    #[test]
    fn keys_map_to_actions() {
        let s = State::initial();
        assert_eq!(key_action(" ", &s), Some(Action::Run));
        assert_eq!(key_action("K", &s), Some(Action::Run));
        assert_eq!(key_action("ArrowRight", &s), Some(Action::Step));
        assert_eq!(key_action("f", &s), Some(Action::Finish));
        assert_eq!(key_action("r", &s), Some(Action::Reset));
        assert_eq!(key_action("c", &s), Some(Action::SetClassroom(true)));
        assert_eq!(key_action("d", &s), Some(Action::SetDecisions(true)));
        assert_eq!(key_action("Escape", &s), None, "not in classroom mode");
        assert_eq!(key_action("n", &s), None, "no lesson open");
        assert_eq!(key_action("x", &s), None);
        assert_eq!(key_action("1", &s), None, "no dispute awaits");
        let playing = Rc::new(s.clone()).reduce(Action::Run);
        assert_eq!(key_action(" ", &playing), Some(Action::Pause));
        let class = playing.reduce(Action::SetClassroom(true));
        assert_eq!(
            key_action("Escape", &class),
            Some(Action::SetClassroom(false))
        );
        let lesson = class.clone().reduce(Action::OpenLesson(0));
        assert_eq!(key_action("n", &lesson), Some(Action::LessonNext));
        assert_eq!(key_action("p", &lesson), Some(Action::LessonPrevious));
        // A presenter's remote: its pages are the lesson's parts in classroom mode only.
        assert_eq!(key_action("PageDown", &lesson), Some(Action::LessonNext));
        assert_eq!(key_action("PageUp", &lesson), Some(Action::LessonPrevious));
        // Speed: + (or =) and - step through the speeds offered, stopping at either end.
        assert_eq!(key_action("+", &s), Some(Action::SetSpeed(30)));
        assert_eq!(key_action("=", &s), Some(Action::SetSpeed(30)));
        assert_eq!(key_action("-", &s), Some(Action::SetSpeed(5)));
        // A remote's blank key: in classroom mode only; then any key brings the page back.
        assert_eq!(key_action("b", &s), None, "not in classroom mode");
        assert_eq!(key_action("B", &lesson), Some(Action::SetBlank(true)));
        assert_eq!(key_action(".", &lesson), Some(Action::SetBlank(true)));
        let blank = lesson.clone().reduce(Action::SetBlank(true));
        for key in ["b", " ", "n", "PageDown", "Escape", "Shift"] {
            assert_eq!(
                key_action(key, &blank),
                Some(Action::SetBlank(false)),
                "{key}"
            );
        }
        let reading = lesson.clone().reduce(Action::SetClassroom(false));
        assert_eq!(key_action("PageDown", &reading), None, "the page scrolls");
        assert_eq!(key_action("PageDown", &class), None, "no lesson open");
        // Esc leaves classroom mode, but not while a dispute awaits the class.
        let card = conflict()
            .reduce(Action::SetClassroom(true))
            .reduce(Action::Finish);
        assert!(card.awaiting().is_some());
        assert_eq!(key_action("Escape", &card), None);
        assert_eq!(
            key_action("Escape", &card.clone().reduce(Action::SetShortcuts(false))),
            None
        );
        let id = card.awaiting().unwrap().id;
        let decided = card.reduce(Action::Decide { id, step: None });
        if decided.awaiting().is_none() {
            assert_eq!(
                key_action("Escape", &decided),
                Some(Action::SetClassroom(false))
            );
        }
    }

    #[test]
    fn turned_off_only_esc_leaves_classroom_mode() {
        let class = Rc::new(State::initial())
            .reduce(Action::SetClassroom(true))
            .reduce(Action::SetShortcuts(false));
        for key in [
            " ",
            "k",
            "s",
            "ArrowRight",
            "f",
            "r",
            "c",
            "d",
            "n",
            "1",
            "0",
        ] {
            assert_eq!(key_action(key, &class), None, "{key:?}");
        }
        assert_eq!(
            key_action("Escape", &class),
            Some(Action::SetClassroom(false))
        );
        let decided = conflict()
            .reduce(Action::Finish)
            .reduce(Action::SetShortcuts(false));
        assert!(decided.awaiting().is_some());
        assert_eq!(key_action("1", &decided), None, "digits too");
        let on = decided.reduce(Action::SetShortcuts(true));
        assert!(key_action("1", &on).is_some());
    }

    #[test]
    fn digits_decide_an_awaiting_dispute() {
        let s = conflict().reduce(Action::Finish);
        let id = s.awaiting().expect("a dispute awaits").id;
        for (i, r) in Resolution::ALL.iter().enumerate() {
            assert_eq!(
                key_action(&(i + 1).to_string(), &s),
                Some(Action::Decide { id, step: Some(*r) })
            );
        }
        assert_eq!(key_action("0", &s), Some(Action::Decide { id, step: None }));
        assert_eq!(key_action("6", &s), None);
    }

    #[test]
    fn every_shortcut_and_step_has_help_in_both_languages() {
        let keys: Vec<&str> = crate::i18n::keys().collect();
        for s in &SHORTCUTS {
            assert!(keys.contains(&format!("classroom.key.{}", s.help).as_str()));
        }
        for r in Resolution::ALL {
            assert!(keys.contains(&format!("classroom.step.{}", r.key()).as_str()));
        }
    }
}
