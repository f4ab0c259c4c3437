//! The language switch.

use yew::prelude::*;

use crate::i18n::{t, Lang};
use crate::state::{Action, State};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub dispatch: UseReducerDispatcher<State>,
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
                        onclick={move |_| dispatch.dispatch(Action::SetLang(l))}
                    >{ l.native_name() }</button>
                }
            }) }
        </div>
    }
}
