//! Parts of the page that wait for the second part of the app's wasm.
//!
//! The release build splits the wasm in two (crates/split, scripts/minify-js.mjs): a first visit
//! downloads only the functions it runs before the page is interactive, and the page fetches
//! the rest right after (assets/boot.js). The panels below the run (Many futures, the
//! experiments, the sweep, About) are drawn by functions of that second part, so they are drawn
//! once it is in: [`Deferred`] renders its children from then on. A build that is not split
//! (debug builds, `ALIANSI_SPLIT=off`) has no second part: the children are drawn at once.

use gloo::events::EventListener;
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// The event the glue module (scripts/minify-js.mjs) sends on `window` once the second part is in.
pub const SECOND_PART_EVENT: &str = "aliansi-second-part";

/// Whether the second part of the wasm is in: the primary exports the global `__split_loaded`
/// (1 once loaded) only when the build split it.
pub fn second_part_in() -> bool {
    let exports = wasm_bindgen::exports();
    match js_sys::Reflect::get(&exports, &JsValue::from_str("__split_loaded")) {
        Ok(global) if !global.is_undefined() => {
            js_sys::Reflect::get(&global, &JsValue::from_str("value"))
                .ok()
                .and_then(|v| v.as_f64())
                == Some(1.0)
        }
        _ => true,
    }
}

#[derive(Properties, PartialEq)]
pub struct DeferredProps {
    pub children: Html,
}

/// Its children, once the second part of the wasm is in (at once in a build without one).
#[function_component(Deferred)]
pub fn deferred(props: &DeferredProps) -> Html {
    let ready = use_state(second_part_in);
    {
        let ready = ready.clone();
        use_effect_with((), move |_| {
            let listener = (!*ready).then(|| {
                let window = gloo::utils::window();
                // Asked again as the listener starts: the part may have come in between.
                if second_part_in() {
                    ready.set(true);
                }
                EventListener::new(&window, SECOND_PART_EVENT, move |_| ready.set(true))
            });
            move || drop(listener)
        });
    }
    if *ready {
        props.children.clone()
    } else {
        Html::default()
    }
}
