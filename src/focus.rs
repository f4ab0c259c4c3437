//! Keeps the keyboard focus in place when the control that has it is disabled or removed.
//!
//! Pressing Run disables Run, starting a batch disables its Start button, and a batch's Cancel
//! button goes away when the batch ends. The browser then moves the focus to the document's
//! body, and a keyboard or screen-reader user has to find their place again from the top of the
//! page. [`keep`] watches for that (a `focusout` with nowhere to go) and, once the page has
//! rendered, moves the focus to the nearest control of the same group (`section`, `fieldset`
//! or `role="group"`) that can take it, without scrolling the page: the next one after the
//! lost control, else the one before it (a neighbour the render replaced is found again by its
//! `data-testid`). A control may name the one to prefer by its `data-testid` in
//! `data-refocus`: Pause names Run, a lesson's Next (at its last part) names Previous rather than
//! the Reload button after it, and the Cancel button of a batch, a comparison or a sweep names
//! the button that started it. Where the whole group goes (a lesson's Close names the lesson's
//! button in the list), or the control is in none (the notice's Dismiss names the control after
//! the notice), only the control named can take the focus.
//!
//! [`give_back`] returns the focus to a control that had it before a dialog took it (the
//! decision card of classroom mode), or to the control it names in `data-refocus`.
//!
//! Only a focus the keyboard brought is kept (the latest input was a key, not a pointer): after
//! a mouse click the focus goes to the body as before. A focus moved away on purpose (a click
//! on the page's background) is left alone: the control that had it is still there and enabled.
//!
//! [`focused_by_pointer`] tells whether the focus came with a click: a button clicked with the
//! mouse keeps the focus in Chromium, and the page's Space shortcut (run and pause) must not
//! press that button again (`components/classroom.rs`).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{Element, FocusEvent, FocusOptions, HtmlElement};

/// The elements that form a group of controls.
const GROUP: &str = "[role=group], fieldset, section";
/// The elements that can take the focus.
const FOCUSABLE: &str = "button, input, select, textarea, a[href], [tabindex]";

thread_local! {
    /// The control that had the focus the keyboard brought until a render took it away
    /// (disabled or removed), while the focus is still nowhere: [`lost_to_nowhere`]. Cleared
    /// as soon as anything takes the focus, or the pointer is used.
    static LOST: RefCell<Option<HtmlElement>> = const { RefCell::new(None) };
    /// Whether the element that has the focus took it while the latest input was a pointer's.
    static BY_POINTER: Cell<bool> = const { Cell::new(false) };
    /// The control [`restore`] last moved the focus to, and the one it had been lost from,
    /// until the next key or click: a dialog that opens a moment later gives the focus back to
    /// the control the user was on, not to the neighbour that stood in for it.
    static RESTORED: RefCell<Option<(HtmlElement, HtmlElement)>> = const { RefCell::new(None) };
}

/// Whether the focus came with a click (or a tap) rather than the keyboard.
pub fn focused_by_pointer() -> bool {
    BY_POINTER.with(Cell::get)
}

/// The control a render has just taken the keyboard's focus from, if the focus is still
/// nowhere, or is on the neighbour [`restore`] moved it to (a render that disabled Pause as the
/// run stopped, a moment before the decision card came): what a dialog that takes the focus
/// now should give it back to.
pub fn lost_to_nowhere() -> Option<HtmlElement> {
    LOST.with(|l| l.borrow().clone()).or_else(|| {
        let active = gloo::utils::document().active_element();
        RESTORED.with(|r| {
            r.borrow()
                .as_ref()
                .filter(|(to, _)| active.as_ref() == Some(to.as_ref()))
                .map(|(_, from)| from.clone())
        })
    })
}

/// Starts watching; the focus is kept while the listeners live.
pub fn keep() -> [EventListener; 4] {
    let document = gloo::utils::document();
    // Whether the latest input was the keyboard's (a page starts as if it were: nothing has
    // been clicked yet).
    let keyboard = Rc::new(Cell::new(true));
    let pointer_keyboard = keyboard.clone();
    let input = |kind: &'static str, by_keyboard: bool| {
        let keyboard = keyboard.clone();
        let options = EventListenerOptions::run_in_capture_phase();
        EventListener::new_with_options(&document, kind, options, move |_| {
            keyboard.set(by_keyboard);
            RESTORED.with(|r| r.take());
            if !by_keyboard {
                LOST.with(|l| l.take());
            }
        })
    };
    let keys = input("keydown", true);
    let pointer = input("pointerdown", false);
    let options = EventListenerOptions::run_in_capture_phase();
    let on_blur = EventListener::new_with_options(&document, "focusout", options, move |e| {
        let e: &FocusEvent = e.unchecked_ref();
        if e.related_target().is_some() || !keyboard.get() {
            return;
        }
        let Some(lost) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        LOST.with(|l| *l.borrow_mut() = lost.dyn_ref::<HtmlElement>().cloned());
        let Some(group) = lost.closest(GROUP).ok().flatten() else {
            // Outside any group (the notice's buttons): only the control it names can take it.
            if lost.has_attribute("data-refocus") {
                Timeout::new(0, move || {
                    if focus_is_nowhere() {
                        to_named(&lost);
                    }
                })
                .forget();
            }
            return;
        };
        // Its neighbours now, for a control the render is about to remove.
        let before = around(&group, &lost);
        // After the render (Yew renders in microtasks, before this timer).
        Timeout::new(0, move || restore(&group, &lost, before)).forget();
    });
    let on_focus = EventListener::new_with_options(&document, "focusin", options, move |_| {
        LOST.with(|l| l.take());
        BY_POINTER.with(|b| b.set(!pointer_keyboard.get()));
    });
    [keys, pointer, on_blur, on_focus]
}

/// The focusable elements of `group`, nearest to `lost` first: those after it in document
/// order, then those before it, backwards (all of them in order if `lost` is not in `group`).
fn around(group: &Element, lost: &Element) -> Vec<HtmlElement> {
    let Ok(list) = group.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    let all: Vec<HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .collect();
    match all.iter().position(|el| el.as_ref() as &Element == lost) {
        Some(i) => all[i + 1..]
            .iter()
            .chain(all[..i].iter().rev())
            .cloned()
            .collect(),
        None => all,
    }
}

/// Gives the focus back to `el` (a control that had it before a dialog took it), without
/// scrolling: to `el` if it can take it, else to the control it names in `data-refocus` (Pause
/// names Run), else nowhere. Returns whether one took it.
pub fn give_back(el: &HtmlElement) -> bool {
    let target = Some(el.clone())
        .filter(usable)
        .or_else(|| named(el.get_attribute("data-refocus")).filter(usable));
    target.is_some_and(|t| focus_in_place(&t))
}

/// Focuses `el` without scrolling the page (a reader who scrolled down to the results stays
/// there); returns whether the browser took the call.
pub fn focus_in_place(el: &HtmlElement) -> bool {
    let options = FocusOptions::new();
    options.set_prevent_scroll(true);
    el.focus_with_options(&options).is_ok()
}

/// Moves the focus to the control whose `data-testid` is `id` (scrolling it into view), if it
/// can take it: the skip button's Run, a rename box opening. Returns whether it did.
pub fn focus_named(id: &str) -> bool {
    named(Some(id.to_string()))
        .filter(usable)
        .is_some_and(|el| el.focus().is_ok())
}

/// [`focus_named`] once the page shows the change just dispatched (Yew renders in
/// microtasks, before this timer): "Compare fairly"'s Undo after a removal, and back; the
/// editor's new partner or shock after Add.
pub fn focus_after(id: String) {
    Timeout::new(0, move || {
        focus_named(&id);
    })
    .forget();
}

/// [`focus_named`] without scrolling the page.
pub fn focus_named_in_place(id: &str) -> bool {
    named(Some(id.to_string()))
        .filter(usable)
        .is_some_and(|el| focus_in_place(&el))
}

/// The control whose `data-testid` is `id`: how a control the render replaced is found again.
fn named(id: Option<String>) -> Option<HtmlElement> {
    let el = gloo::utils::document()
        .query_selector(&format!("[data-testid=\"{}\"]", id?))
        .ok()??;
    el.dyn_into::<HtmlElement>().ok()
}

/// Whether `el` can take the focus: on the page, enabled, not hidden.
fn usable(el: &HtmlElement) -> bool {
    el.is_connected() && !el.has_attribute("disabled") && el.offset_parent().is_some()
}

/// Whether the focus is on the document's body, i.e. nowhere.
fn focus_is_nowhere() -> bool {
    let document = gloo::utils::document();
    let body: Option<Element> = document.body().map(Into::into);
    document.active_element() == body
}

/// Gives the focus to the control `lost` names in its `data-refocus`, if it can take it.
fn to_named(lost: &Element) {
    if let Some(el) = named(lost.get_attribute("data-refocus")).filter(usable) {
        focus_in_place(&el);
    }
}

fn restore(group: &Element, lost: &Element, before: Vec<HtmlElement>) {
    if !focus_is_nowhere() {
        return; // the focus went somewhere
    }
    if !group.is_connected() {
        // The whole group is gone (a partner's card with its ✕, a lesson closed): only the
        // control the lost one named can take the focus.
        to_named(lost);
        return;
    }
    if lost.dyn_ref::<HtmlElement>().is_some_and(usable) {
        return; // left on purpose
    }
    let near = if lost.is_connected() {
        around(group, lost)
    } else {
        before
    };
    // A control the render replaced is found again by its name.
    let preferred = lost.get_attribute("data-refocus");
    let mut found = named(preferred)
        .into_iter()
        .chain(near.into_iter().filter_map(|el| {
            if el.is_connected() {
                Some(el)
            } else {
                named(el.get_attribute("data-testid"))
            }
        }));
    if let Some(el) = found.find(usable) {
        if focus_in_place(&el) {
            if let Some(from) = lost.dyn_ref::<HtmlElement>() {
                RESTORED.with(|r| *r.borrow_mut() = Some((el, from.clone())));
            }
        }
    }
}
