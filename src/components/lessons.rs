//! The lessons panel: the seven guided lessons to choose from, and the open lesson revealed one
//! part at a time (data in [`crate::lessons`]).

use yew::prelude::*;

use crate::components::live::live;
use crate::i18n::{t, tf, Lang};
use crate::lessons::{Lesson, EXPERIMENT_PART, LESSONS, PARTS};
use crate::narrate::amount;
use crate::state::{Action, State};

fn open_lesson(state: &UseReducerHandle<State>, lesson: &'static Lesson, part: usize) -> Html {
    let lang = state.lang;
    let d = state.dispatcher();
    let act = |a: Action| {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(a.clone()))
    };
    let index = LESSONS
        .iter()
        .position(|l| std::ptr::eq(l, lesson))
        .unwrap_or(0);
    let setup = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::SetupExperiment {
                variants: lesson.variants(lang),
                runs: lesson.runs,
            });
        })
    };
    let shown = PARTS.iter().enumerate().take(part + 1).map(|(k, p)| {
        let current = k == part;
        // Keyed: Next adds the new part and leaves the earlier ones as they are (unkeyed, the
        // live region below had them rewritten, and a screen reader read them all again: an
        // accessibility audit).
        html! {
            <section key={*p} class={classes!("lesson-part", current.then_some("current"))}
                data-testid={format!("lesson-part-{p}")}>
                <h4>{ t(lang, &format!("lessons.part.{p}")) }</h4>
                <p>{ t(lang, &lesson.key(p)) }</p>
                if *p == "watch" && lesson.decisions {
                    <p class="lesson-note">{ t(lang, "lessons.decisions") }</p>
                }
                // What to try next takes the editor and the experiments, which classroom mode
                // hides.
                if *p == "next" && state.classroom {
                    <p class="lesson-note" data-testid="lesson-next-classroom">{ t(lang, "lessons.next_classroom") }</p>
                }
                if k == EXPERIMENT_PART {
                    <p class="lesson-note" data-testid="lesson-setup-done">{ tf(lang, "lessons.setup_done", &[
                        ("n", &(lesson.changes.len() + 1).to_string()),
                        ("runs", &amount(lang, lesson.runs as f64)),
                    ]) }</p>
                    <div class="lesson-experiment-actions">
                        // Far below on a phone: this takes the reader (and the focus) to its Run.
                        <button type="button" class="primary" data-testid="lesson-goto"
                            onclick={|_: MouseEvent| { crate::focus::focus_named("variants-run"); }}>
                            { t(lang, "lessons.goto") }
                        </button>
                        <button type="button" class="secondary" data-testid="lesson-setup" onclick={setup.clone()}>
                            { t(lang, "lessons.setup") }
                        </button>
                    </div>
                }
            </section>
        }
    });
    let last = PARTS.len() - 1;
    html! {
        <section class="card lesson" data-testid="lesson" data-lesson={lesson.id()}
            data-part={part.to_string()} aria-labelledby="lesson-title">
            <div class="lesson-head">
                <h3 id="lesson-title">{ t(lang, &lesson.key("title")) }</h3>
                <span class="lesson-progress" data-testid="lesson-progress">
                    { tf(lang, "lessons.part_of", &[("k", &(part + 1).to_string()), ("n", &PARTS.len().to_string())]) }
                </span>
            </div>
            <div class="lesson-parts" aria-live={live(state.hush, "polite")}>{ for shown }</div>
            // Another scenario was loaded whole under the open lesson (the one a load replaced,
            // brought back; a preset; a saved one): the lesson's text no longer fits the screen.
            if *state.loaded != lesson.scenario() {
                <p class="lesson-note" data-testid="lesson-elsewhere">{ t(lang, "lessons.elsewhere") }</p>
            }
            <div class="lesson-actions">
                <button type="button" class="secondary" data-testid="lesson-previous"
                    disabled={part == 0} onclick={act(Action::LessonPrevious)}>
                    { t(lang, "lessons.previous") }
                </button>
                <button type="button" class="primary" data-testid="lesson-next" data-refocus="lesson-previous"
                    disabled={part == last} aria-keyshortcuts="N" onclick={act(Action::LessonNext)}>
                    { t(lang, "lessons.next") }<kbd class="key-hint" aria-hidden="true">{ "N" }</kbd>
                </button>
                <button type="button" class="secondary" data-testid="lesson-reload"
                    onclick={act(Action::OpenLesson(index))}>{ t(lang, "lessons.reload") }</button>
                <button type="button" class="secondary" data-testid="lesson-close"
                    data-refocus={format!("lesson-open-{}", lesson.id())}
                    onclick={act(Action::CloseLesson)}>{ t(lang, "lessons.close") }</button>
            </div>
        </section>
    }
}

fn lesson_list(lang: Lang, state: &UseReducerHandle<State>, open: Option<usize>) -> Html {
    let items = LESSONS.iter().enumerate().map(|(i, l)| {
        let d = state.dispatcher();
        let onclick = Callback::from(move |_: MouseEvent| d.dispatch(Action::OpenLesson(i)));
        html! {
            <li>
                <button type="button" data-testid={format!("lesson-open-{}", l.id())}
                    class={classes!("lesson-pick", (open == Some(i)).then_some("current"))}
                    aria-pressed={(open == Some(i)).to_string()} {onclick}>
                    { t(lang, &l.key("title")) }
                </button>
            </li>
        }
    });
    html! { <ol class="lesson-list">{ for items }</ol> }
}

pub fn lessons_panel(state: &UseReducerHandle<State>) -> Html {
    let lang = state.lang;
    let open = state.lesson.map(|l| l.index);
    html! {
        <section class="card lessons" data-testid="lessons" aria-labelledby="lessons-title">
            <h2 id="lessons-title">{ t(lang, "lessons.heading") }</h2>
            if open.is_none() { <p class="lessons-intro">{ t(lang, "lessons.intro") }</p> }
            { lesson_list(lang, state, open) }
            if let Some((lesson, part)) = state.lesson() { { open_lesson(state, lesson, part) } }
        </section>
    }
}
