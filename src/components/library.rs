//! Presets, saved scenarios (local storage), import and export of scenario files.

use yew::prelude::*;

use crate::state::State;

#[derive(Properties, PartialEq)]
pub struct LibraryProps {
    pub state: UseReducerHandle<State>,
}

/// The preset picker and the saved-scenario library (filled in by the library's owner).
#[function_component(Library)]
pub fn library(props: &LibraryProps) -> Html {
    let _ = &props.state;
    html! {}
}
