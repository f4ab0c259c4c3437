//! The Share button and the address bar: the scenario and seed travel in the page's fragment.

use yew::prelude::*;

use crate::state::State;

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub state: UseReducerHandle<State>,
}

/// Puts the scenario into the address and copies it (filled in by the share owner).
#[function_component(ShareButton)]
pub fn share_button(props: &ShareProps) -> Html {
    let _ = &props.state;
    html! {}
}

/// Reads a shared scenario from the address on load and on back/forward (filled in by the
/// share owner). Renders nothing.
#[function_component(UrlSync)]
pub fn url_sync(props: &ShareProps) -> Html {
    let _ = &props.state;
    html! {}
}
