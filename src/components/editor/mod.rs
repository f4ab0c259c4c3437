//! The scenario editor: partners, governance, environment. It reads the scenario from the
//! state and dispatches [`Action::SetScenario`] with valid values only; a value out of range is
//! refused at its control with a message.

pub mod ops;

use yew::prelude::*;

use crate::state::{Action, State};

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub state: UseReducerHandle<State>,
}

/// The whole editor (filled in by the editor's owner).
#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let _ = Action::SetScenario;
    let _ = &props.state;
    html! {}
}
