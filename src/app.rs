//! The page.

use gloo::timers::callback::{Interval, Timeout};
use web_sys::ScrollLogicalPosition;
use yew::prelude::*;

use crate::components::classroom::bring_selector_into_view;

use crate::components::deferred::Deferred;
use crate::components::{
    compare_view, event_log, gauges, lessons_panel, notice_banner, outcome_view, run_charts,
    run_summary, shortcut_help, teaching_switches, About, BatchPanel, DecisionPrompt, Editor,
    LangSwitch, Library, Network, RunControls, ScenarioSummary, ShareButton, Shortcuts, UrlSync,
    VariantsPanel,
};
use crate::i18n::t;
use crate::state::{tick_plan, tick_step, Action, State, Status};

/// How long after the first render the batch workers start ahead of need.
const PREWARM_AFTER_MS: u32 = 500;

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| State {
        lang: crate::components::starting_lang(),
        shortcuts: crate::components::classroom::starting_shortcuts(),
        ..State::initial()
    });

    // While playing, a timer steps the world (several months a tick at high speed). Each tick
    // says how long it came after the previous one: a page too slow to draw every tick in time
    // steps the months owed for that time (`state::tick_step`, which carries the part of a
    // month left over to the next tick), so the run keeps its speed.
    {
        let dispatch = state.dispatcher();
        use_effect_with((state.playing, state.speed), move |&(playing, speed)| {
            let timer = playing.then(|| {
                let (period_ms, _) = tick_plan(speed);
                let mut last = js_sys::Date::now();
                let mut carry = 0;
                Interval::new(period_ms, move || {
                    let now = js_sys::Date::now();
                    let elapsed_ms = (now - last).clamp(0.0, 60_000.0) as u32;
                    last = now;
                    let (months, left) = tick_step(speed, elapsed_ms, carry);
                    carry = left;
                    if months > 0 {
                        dispatch.dispatch(Action::Play(months));
                    }
                })
            });
            move || drop(timer)
        });
    }

    // Classroom mode scales the type of the whole document (the root font size). Turned on, it
    // shows the open lesson, or the run's controls, at the top of the screen: it hides the
    // editor and the experiments, and from far down the page the class saw the list of keys.
    // (The page starts out of classroom mode: a reload in it turns it on, and shows the lesson.)
    use_effect_with(state.classroom, |&on| {
        let doc = gloo::utils::document();
        if let Some(root) = doc.document_element() {
            let _ = root.class_list().toggle_with_force("classroom", on);
        }
        if on {
            let to = doc
                .get_element_by_id("lesson-title")
                .or_else(|| doc.get_element_by_id("controls-title"));
            if let Some(el) = to {
                crate::components::classroom::bring_into_view(
                    &el,
                    web_sys::ScrollLogicalPosition::Start,
                );
            }
        }
        || ()
    });

    // A lesson part just revealed (Next part, N) comes into view: the part grows the lesson's
    // card downwards, and on a projector nobody scrolls, so the class saw only the counter
    // change. The least scroll that shows it; nothing when no lesson is open.
    use_effect_with(state.lesson, |lesson| {
        if lesson.is_some() {
            bring_selector_into_view(".lesson-part.current", ScrollLogicalPosition::Nearest);
        }
        || ()
    });

    // In classroom mode the end of a run comes into view: its outcome, and below it, after Run
    // again with a change, the two runs side by side, which sat above the network the class was
    // watching (the outcome half off a 1024x768 projector, the comparison's heading cut off).
    {
        let status = state.status();
        let was = use_mut_ref(|| status);
        use_effect_with((status, state.classroom), move |&(status, classroom)| {
            let before = std::mem::replace(&mut *was.borrow_mut(), status);
            if classroom && status == Status::Done && before != Status::Done {
                bring_selector_into_view(".outcome", ScrollLogicalPosition::Nearest);
            }
            || ()
        });
    }

    // The document's language is the page's (screen readers, and a browser's offer to
    // translate, read it from <html lang>).
    use_effect_with(state.lang, |&lang| {
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("lang", lang.tag());
        }
        || ()
    });

    // After a language switch, live regions speak again once the page has drawn the new
    // language (src/components/live.rs).
    {
        let dispatch = state.dispatcher();
        use_effect_with((state.hush, state.hush_gen), move |&(hush, gen)| {
            let timer = hush.then(|| {
                Timeout::new(crate::components::live::HUSH_MS, move || {
                    dispatch.dispatch(Action::Unhush(gen))
                })
            });
            move || drop(timer)
        });
    }

    // Once the page has settled, the batch workers start and warm up, so that the first
    // "Many futures" or comparison does not wait for them (src/workers.rs).
    // Also from the start: the keyboard focus stays in place when its control is disabled or
    // removed (src/focus.rs).
    use_effect_with((), |_| {
        let start = Timeout::new(PREWARM_AFTER_MS, crate::workers::prewarm);
        let focus = crate::focus::keep();
        move || drop((start, focus))
    });

    let lang = state.lang;
    let page_class = classes!(
        "page",
        state.classroom.then_some("classroom"),
        state.lesson.is_some().then_some("with-lesson"),
        // While a run plays, its drawings out of sight are not laid out (styles/app.css).
        (state.status() == Status::Running).then_some("playing")
    );
    // The first stop of the keyboard: straight to the run's controls, past the library and an
    // editor that may hold 30 partners (hundreds of stops). Not a link: the address's fragment
    // holds share links.
    let skip = Callback::from(|_: MouseEvent| {
        let _ = ["run", "pause"].into_iter().any(crate::focus::focus_named);
    });
    html! {
        <div class={page_class} lang={lang.tag()}>
            <button type="button" class="skip-link" data-testid="skip-to-run" onclick={skip}>
                { t(lang, "app.skip_to_run") }
            </button>
            <header class="masthead">
                <div>
                    <h1>{ t(lang, "app.title") }</h1>
                    <p class="tagline">{ t(lang, "app.tagline") }</p>
                </div>
                <div class="masthead-tools">
                    { teaching_switches(&state) }
                    <LangSwitch {lang} dispatch={state.dispatcher()} />
                </div>
            </header>
            <Shortcuts state={state.clone()} />
            { notice_banner(&state) }
            <UrlSync state={state.clone()} />
            <div class="top">
                <Library hush={state.hush} scenario={state.scenario.clone()} seed={state.seed} lang={state.lang} dispatch={state.dispatcher()}
                    named={state.loaded_name.as_ref().map(|n| (n.clone(), *state.loaded == state.scenario))}
                    news={crate::components::notice::is_library_news(&state).then(|| crate::components::notice::notice_text(&state)).flatten().map(AttrValue::from)} />
                <ShareButton state={state.clone()} />
            </div>
            { lessons_panel(&state) }
            <div class="workspace">
                <div class="edit-col">
                    <Editor hush={state.hush} scenario={state.scenario.clone()} lang={state.lang} dispatch={state.dispatcher()} />
                </div>
                <main class="run-col">
                    // The controls come first: nothing an edit changes sits above them, so a
                    // click right after an edit lands where the user aimed.
                    <RunControls state={state.clone()} />
                    <DecisionPrompt state={state.clone()} />
                    <ScenarioSummary {lang} scenario={state.scenario.clone()} seed={state.seed} />
                    { outcome_view(&state) }
                    { compare_view(&state) }
                    <div class="live-grid">
                        <Network state={state.clone()} />
                        { gauges(&state) }
                    </div>
                    { run_summary(&state) }
                    { run_charts(&state) }
                    { event_log(&state) }
                </main>
            </div>
            // Drawn by the second part of the wasm, which comes once the page runs
            // (components::deferred).
            <Deferred>
                <BatchPanel {lang} hush={state.hush} scenario={state.scenario.clone()} />
                <VariantsPanel {lang} hush={state.hush} scenario={state.scenario.clone()} seed={state.seed}
                    name={state.loaded_name.clone()}
                    decisions={state.decisions} experiment={state.experiment.clone()}
                    dispatch={state.dispatcher()} />
                <crate::components::sweep::SweepPanel {lang} hush={state.hush} scenario={state.scenario.clone()} />
            </Deferred>
            { shortcut_help(&state) }
            <footer class="about-wrap">
                <Deferred><About {lang} /></Deferred>
            </footer>
            // Marker for tests: where the run stands.
            <span id="app-ready" data-testid="app-ready"
                data-status={state.status().key()}
                data-month={state.month().to_string()}
                data-seed={state.seed.to_string()}
                data-awaiting={state.awaiting().map(|d| d.id.to_string())}
                data-classroom={state.classroom.to_string()} hidden=true></span>
        </div>
    }
}
