//! The language switch.

use yew::prelude::*;

use super::library::local;
use crate::i18n::{t, Lang};
use crate::state::{Action, State};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub dispatch: UseReducerDispatcher<State>,
}

/// Where the language chosen with the switch is kept (local storage: this device, every tab).
const LANG_KEY: &str = "aliansi.lang";

/// The language the page starts in: the one chosen on this device before, else the browser's
/// (Bahasa Indonesia for a browser set to Indonesian), else English.
pub fn starting_lang() -> Lang {
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
                            // Remembered for the next visit (storage that refuses: not remembered).
                            let _ = local::write(LANG_KEY, l.tag());
                            dispatch.dispatch(Action::SetLang(l))
                        }}
                    >{ l.native_name() }</button>
                }
            }) }
        </div>
    }
}
