//! The language switch.

use yew::prelude::*;

use wasm_bindgen::JsValue;

use super::library::local;
use crate::i18n::{t, Lang};
use crate::state::{Action, State};
use crate::url;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub dispatch: UseReducerDispatcher<State>,
}

/// Where the language chosen with the switch is kept (local storage: this device, every tab).
const LANG_KEY: &str = "aliansi.lang";

/// The language the page starts in: the one its address asks for (`?lang=id`, which shared
/// links carry), else the one chosen on this device before, else the browser's (Bahasa
/// Indonesia for a browser set to Indonesian), else English.
pub fn starting_lang() -> Lang {
    let href = web_sys::window().and_then(|w| w.location().href().ok());
    if let Some(asked) = href.as_deref().and_then(url::lang_in) {
        return asked;
    }
    let stored = local::read(LANG_KEY).ok().flatten();
    let browser: Vec<String> = web_sys::window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|l| l.as_string())
                .collect()
        })
        .unwrap_or_default();
    Lang::preferred(stored.as_deref(), browser.iter().map(String::as_str))
}

#[function_component(LangSwitch)]
pub fn lang_switch(props: &Props) -> Html {
    html! {
        <div class="lang-switch" role="group" aria-label={t(props.lang, "app.language")}>
            { for Lang::ALL.iter().map(|&l| {
                let dispatch = props.dispatch.clone();
                html! {
                    <button
                        type="button"
                        lang={l.tag()}
                        data-testid={format!("lang-{}", l.tag())}
                        aria-pressed={(l == props.lang).to_string()}
                        onclick={move |_| {
                            // Remembered for the next visit (storage that refuses: not remembered),
                            // and written into the address, so that a reload keeps it.
                            let _ = local::write(LANG_KEY, l.tag());
                            show_in_address(l);
                            dispatch.dispatch(Action::SetLang(l))
                        }}
                    >{ l.native_name() }</button>
                }
            }) }
        </div>
    }
}

/// Sets the address's `?lang=` to `lang` (in place: no new history entry), where the address
/// asked for another language or for none: a reload, or the address copied, opens in it. Also
/// after Back or Forward to an entry that asks for another (`share::url_sync`).
pub(crate) fn show_in_address(lang: Lang) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(href) = window.location().href() else {
        return;
    };
    let wanted = url::with_lang(&href, lang);
    if wanted != href {
        if let Ok(history) = window.history() {
            // The entry keeps what it kept (the variants, see `share::keep_variants`).
            let kept = history.state().unwrap_or(JsValue::NULL);
            let _ = history.replace_state_with_url(&kept, "", Some(&wanted));
        }
    }
}
