//! The scenario editor: partners, governance, environment. It reads the scenario from the
//! state and dispatches [`Action::SetScenario`] with valid values only; a value out of range is
//! refused at its control with a message.
//!
//! All edit logic lives in [`ops`] (pure, tested natively): a control emits an [`ops::Edit`],
//! [`ops::apply`] builds and validates the candidate scenario, and the editor either dispatches
//! it or keeps the [`ops::Refusal`] to show beside the control (`error-<path>`).

pub mod ops;

use std::cell::RefCell;
use std::rc::Rc;

use aliansi_sim::{
    Country, CultureSpec, Goal, Partner, Resolution, Scenario, Sharing, ShockKind, MAX_PARTNERS,
    MAX_SCRIPTED_SHOCKS,
};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;
use yew::TargetCast;

use crate::components::live::quiet;
use crate::i18n::{t, tf, Lang};
use crate::state::{Action, State};
use ops::{format_number, get_number, spec, Edit, Refusal, Spec};

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// Live regions are quiet: the language has just changed (components/live.rs).
    #[prop_or_default]
    pub hush: bool,
    /// The scenario being edited, and the page's language: the editor draws again only when
    /// one of them changes (not at each month of a run playing beside it, which with 30
    /// partners' fields took most of the page's time).
    pub scenario: Scenario,
    pub lang: Lang,
    pub dispatch: UseReducerDispatcher<State>,
}

/// The HTML id of the control at `path` (`partners.0.capacity` → `ed-partners-0-capacity`).
fn control_id(path: &str) -> String {
    format!("ed-{}", path.replace('.', "-"))
}

/// The path of the control whose HTML id is `id` (the inverse of [`control_id`]).
fn path_of_control(id: &str) -> Option<String> {
    Some(id.strip_prefix("ed-")?.replace('-', "."))
}

/// What is typed in `input`, if it is one of the editor's text fields (a number, a partner's
/// name), as the edit that applies it: numbers are applied when the field is left or on Enter,
/// so the page applies the one typed when it goes away (`share::UrlSync`). `mark`: the page's
/// decimal mark.
pub fn typed_edit(input: &HtmlInputElement, mark: char) -> Option<Edit> {
    let path = path_of_control(&input.id())?;
    let text = input.value();
    if input.class_list().contains("num") {
        Some(Edit::Number { path, text, mark })
    } else if path.ends_with(".name") {
        Some(Edit::Choice { path, value: text })
    } else {
        None
    }
}

/// A number as shown in a message, with a decimal comma in Indonesian.
fn show_number(lang: Lang, v: f64) -> String {
    let s = format_number(v);
    match lang {
        Lang::Id => s.replace('.', ","),
        Lang::En => s,
    }
}

/// The refusal in words.
fn refusal_text(lang: Lang, r: &Refusal) -> String {
    // A limit of thousands or more with its thousands marks, as the hints write them ("at most
    // 10,000"; "paling banyak 10.000"); a field shows its number without them.
    let n = |v: f64| {
        if v.abs() >= 1000.0 && v.fract() == 0.0 {
            crate::narrate::amount(lang, v)
        } else {
            show_number(lang, v)
        }
    };
    match r {
        Refusal::Empty => t(lang, "editor.err.empty").into(),
        Refusal::NotANumber => t(lang, "editor.err.not_a_number").into(),
        Refusal::NotWhole => t(lang, "editor.err.not_whole").into(),
        Refusal::NotAWholeNumber => t(lang, "editor.err.not_a_whole_number").into(),
        Refusal::Range { lo, hi } => tf(
            lang,
            "editor.err.range",
            &[("lo", &n(*lo)), ("hi", &n(*hi))],
        ),
        Refusal::AboveRange { lo, hi } => tf(
            lang,
            "editor.err.above_range",
            &[("lo", &n(*lo)), ("hi", &n(*hi))],
        ),
        Refusal::ShockBeyondHorizon { month } => tf(
            lang,
            "editor.err.shock_beyond",
            &[("month", &month.to_string())],
        ),
        Refusal::NameLength => t(lang, "editor.err.name_length").into(),
        Refusal::NameTaken => t(lang, "editor.err.name_taken").into(),
        Refusal::GoalsAllZero => t(lang, "editor.err.goals_zero").into(),
        Refusal::NoContribution => t(lang, "editor.err.no_contribution").into(),
        Refusal::SharesAllZero => t(lang, "editor.err.shares_zero").into(),
        Refusal::TooManyPartners => tf(
            lang,
            "editor.err.too_many",
            &[("max", &MAX_PARTNERS.to_string())],
        ),
        Refusal::TooFewPartners => t(lang, "editor.err.too_few").into(),
        Refusal::Ladder => t(lang, "editor.err.ladder").into(),
        Refusal::Other(m) => tf(lang, "editor.err.other", &[("message", m)]),
    }
}

/// The message element for a refused value at `path`, if any.
fn error_html(hush: bool, lang: Lang, path: &str, error: &Option<Refusal>) -> Html {
    match error {
        Some(r) => html! {
            <p class="field-error" id={format!("err-{}", control_id(path))}
               data-testid={format!("error-{path}")} role="alert" aria-live={quiet(hush)}>
                <span aria-hidden="true">{ "⚠ " }</span>{ refusal_text(lang, r) }
            </p>
        },
        None => html! {},
    }
}

fn described_by(path: &str, help: bool, error: bool) -> Option<String> {
    let id = control_id(path);
    let mut v = Vec::new();
    if help {
        v.push(format!("help-{id}"));
    }
    if error {
        v.push(format!("err-{id}"));
    }
    (!v.is_empty()).then(|| v.join(" "))
}

fn label_of(lang: Lang, path: &str) -> String {
    t(lang, &format!("editor.f.{}", ops::generic(path))).to_string()
}

fn help_of(lang: Lang, path: &str) -> String {
    t(lang, &format!("editor.h.{}", ops::generic(path))).to_string()
}

// ---------------------------------------------------------------------------------------
// Controls.

#[derive(Properties, PartialEq)]
struct NumProps {
    /// Live regions are quiet: the language has just changed (components/live.rs).
    #[prop_or_default]
    hush: bool,
    lang: Lang,
    path: String,
    value: f64,
    spec: Spec,
    error: Option<Refusal>,
    on_edit: Callback<Edit>,
    /// Label override (default: `editor.f.<generic path>`).
    #[prop_or_default]
    label: Option<String>,
    /// Whether to show the help text under the control.
    #[prop_or(true)]
    help: bool,
    /// Help behind a "?" toggle instead of always shown (partner cards).
    #[prop_or_default]
    compact: bool,
}

/// A number: a text box (accepts `0,5`) and, for bounded values, a slider beside it.
#[function_component(NumField)]
fn num_field(p: &NumProps) -> Html {
    let hush = p.hush;
    let id = control_id(&p.path);
    // In the page's language: a decimal comma in Bahasa Indonesia (either mark is read back).
    let text = show_number(p.lang, p.value);
    let input = use_node_ref();
    // Changes applied from the box: each one shows the number taken in the page's form, also
    // when it is the value already there (",8" typed over 0,8 stayed ",8", "75.5" stayed with
    // its point beside numbers with commas: a phone audit).
    let applied = use_state(|| 0u32);
    // The box shows the scenario's value, except while a refused text is on screen with its
    // message (so the user sees what was refused); accepting or clearing the error resets it.
    {
        let input = input.clone();
        use_effect_with(
            (text.clone(), p.error.is_some(), *applied),
            move |(text, has_error, _)| {
                if !*has_error {
                    if let Some(el) = input.cast::<HtmlInputElement>() {
                        if el.value() != *text {
                            el.set_value(text);
                        }
                    }
                }
            },
        );
    }
    // The text field reads numbers as the page writes them; a slider's value has a point.
    let emit = |on_edit: &Callback<Edit>, path: &str, mark: char| {
        let (on_edit, path) = (on_edit.clone(), path.to_string());
        move |e: Event| {
            let el: HtmlInputElement = e.target_unchecked_into();
            on_edit.emit(Edit::Number {
                path: path.clone(),
                text: el.value(),
                mark,
            })
        }
    };
    let onchange = {
        let apply = emit(&p.on_edit, &p.path, p.lang.decimal_mark());
        let applied = applied.clone();
        Callback::from(move |e: Event| {
            apply(e);
            applied.set(applied.wrapping_add(1));
        })
    };
    let oninput = {
        let f = emit(&p.on_edit, &p.path, '.');
        Callback::from(move |e: InputEvent| f(e.into()))
    };
    let label = p.label.clone().unwrap_or_else(|| label_of(p.lang, &p.path));
    let s = p.spec;
    let help_id = format!("help-{id}");
    let help = help_of(p.lang, &p.path);
    let label_row = if p.compact && p.help {
        html! {
            <div class="label-row">
                <label for={id.clone()}>{ label.clone() }</label>
                <details class="help-toggle" onkeydown={close_on_escape()}>
                    <summary aria-label={tf(p.lang, "editor.help_for", &[("label", &label)])}
                        title={tf(p.lang, "editor.help_for", &[("label", &label)])}>{ "?" }</summary>
                    <small class="help" id={help_id.clone()}>{ help.clone() }</small>
                </details>
            </div>
        }
    } else {
        html! { <label for={id.clone()}>{ label.clone() }</label> }
    };
    html! {
        <div class={classes!("field", p.compact.then_some("compact"), p.error.is_some().then_some("has-error"))}>
            { label_row }
            <div class="field-inputs">
                <input type="text" class="num" id={id.clone()} ref={input}
                    inputmode={if s.integer { "numeric" } else if s.min >= 0.0 { "decimal" } else { "text" }}
                    autocomplete="off" spellcheck="false"
                    data-testid={format!("field-{}", p.path)}
                    aria-invalid={p.error.is_some().then_some("true")}
                    aria-describedby={described_by(&p.path, p.help, p.error.is_some())}
                    {onchange} />
                if s.slider {
                    <input type="range" class="slider" tabindex="-1" aria-hidden="true"
                        min={s.min.to_string()} max={s.max.to_string()} step={s.step.to_string()}
                        value={p.value.to_string()} {oninput} />
                }
            </div>
            if p.help && !p.compact {
                <small class="help" id={help_id}>{ help }</small>
            }
            { error_html(hush, p.lang, &p.path, &p.error) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct SelectProps {
    /// Live regions are quiet: the language has just changed (components/live.rs).
    #[prop_or_default]
    hush: bool,
    lang: Lang,
    path: String,
    /// (value, text) pairs.
    options: Vec<(String, String)>,
    current: String,
    error: Option<Refusal>,
    on_edit: Callback<Edit>,
    #[prop_or_default]
    testid: Option<String>,
}

/// A choice from a list.
#[function_component(SelectField)]
fn select_field(p: &SelectProps) -> Html {
    let hush = p.hush;
    let id = control_id(&p.path);
    let select = use_node_ref();
    {
        let select = select.clone();
        use_effect_with(p.current.clone(), move |cur| {
            if let Some(el) = select.cast::<HtmlSelectElement>() {
                if el.value() != *cur {
                    el.set_value(cur);
                }
            }
        });
    }
    let onchange = {
        let (on_edit, path) = (p.on_edit.clone(), p.path.clone());
        Callback::from(move |e: Event| {
            let el: HtmlSelectElement = e.target_unchecked_into();
            on_edit.emit(Edit::Choice {
                path: path.clone(),
                value: el.value(),
            })
        })
    };
    let testid = p
        .testid
        .clone()
        .unwrap_or_else(|| format!("field-{}", p.path));
    html! {
        <div class={classes!("field", p.error.is_some().then_some("has-error"))}>
            <label for={id.clone()}>{ label_of(p.lang, &p.path) }</label>
            <select id={id.clone()} ref={select} data-testid={testid}
                aria-describedby={described_by(&p.path, true, p.error.is_some())} {onchange}>
                { for p.options.iter().map(|(v, text)| html! {
                    <option value={v.clone()} selected={*v == p.current}>{ text.clone() }</option>
                }) }
            </select>
            <small class="help" id={format!("help-{id}")}>{ help_of(p.lang, &p.path) }</small>
            { error_html(hush, p.lang, &p.path, &p.error) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct NameProps {
    /// Live regions are quiet: the language has just changed (components/live.rs).
    #[prop_or_default]
    hush: bool,
    lang: Lang,
    index: usize,
    value: String,
    /// A refused text on screen (typed, not applied).
    error: Option<Refusal>,
    /// The name is a partner's before it (from an older link or file): said as a typed one
    /// would be, though the name is the scenario's.
    taken_before: bool,
    on_edit: Callback<Edit>,
}

/// Puts `name` in the name box `el`, unless the user is typing there or the box already shows
/// it (give or take spaces around it, which the name drops).
fn show_name(el: &HtmlInputElement, name: &str) {
    let typing = gloo::utils::document()
        .active_element()
        .is_some_and(|a| a == ***el);
    if !typing && el.value().trim() != name {
        el.set_value(name);
    }
}

/// A partner's name.
#[function_component(NameField)]
fn name_field(p: &NameProps) -> Html {
    let hush = p.hush;
    let path = format!("partners.{}.name", p.index);
    let id = control_id(&path);
    let input = use_node_ref();
    // The box shows the partner's name, except while the user types in it: then it is what they
    // typed. A slow phone renders a few keys behind, and putting back the name of a render that
    // lagged would drop what came since (the space typed after "PT": "PTMaju"). The name is the
    // text trimmed, so a box that differs from it by spaces around it only is left as it is.
    {
        let input = input.clone();
        use_effect_with(
            (p.value.clone(), p.error.is_some()),
            move |(v, has_error)| {
                if !*has_error {
                    if let Some(el) = input.cast::<HtmlInputElement>() {
                        show_name(&el, v);
                    }
                }
            },
        );
    }
    // Leaving the box: it shows the name as the scenario has it (no spaces around it), unless a
    // refusal is shown.
    let onblur = {
        let value = p.value.clone();
        let has_error = p.error.is_some();
        Callback::from(move |e: FocusEvent| {
            let el: HtmlInputElement = e.target_unchecked_into();
            if !has_error && el.value() != value {
                el.set_value(&value);
            }
        })
    };
    let error = p
        .error
        .clone()
        .or_else(|| p.taken_before.then_some(Refusal::NameTaken));
    // A name applies as it is typed: it changes nothing in the world, and nothing is left to
    // apply (and to move the page) when the user next clicks a control.
    let oninput = {
        let (on_edit, path) = (p.on_edit.clone(), path.clone());
        Callback::from(move |e: InputEvent| {
            let el: HtmlInputElement = e.target_unchecked_into();
            on_edit.emit(Edit::Choice {
                path: path.clone(),
                value: el.value(),
            })
        })
    };
    html! {
        <div class={classes!("field", "name-field", error.is_some().then_some("has-error"))}>
            <label for={id.clone()}>{ label_of(p.lang, &path) }</label>
            // No maxlength: it counts UTF-16 units, so it would cut a name of emoji (two units
            // each, more for a family or a flag) at half the 60 characters the model allows,
            // mid-character and without a word. A name too long is refused with the message.
            <input type="text" id={id.clone()} ref={input} autocomplete="off"
                data-testid={format!("partner-name-{}", p.index)}
                aria-invalid={error.is_some().then_some("true")}
                aria-describedby={described_by(&path, true, error.is_some())}
                {oninput} {onblur} />
            <small class="help" id={format!("help-{id}")}>{ help_of(p.lang, &path) }</small>
            { error_html(hush, p.lang, &path, &error) }
        </div>
    }
}

// ---------------------------------------------------------------------------------------
// The editor.

/// The refusals shown, by field path: a few at most, so a list (a map's code would cost the
/// download more than it saves here).
#[derive(Clone, Default, PartialEq)]
struct Errors(Vec<(String, Refusal)>);

impl Errors {
    fn new() -> Errors {
        Errors::default()
    }

    fn get(&self, path: &str) -> Option<&Refusal> {
        self.0.iter().find(|(p, _)| p == path).map(|(_, r)| r)
    }

    fn remove(&mut self, path: &str) {
        self.0.retain(|(p, _)| p != path);
    }

    fn insert(&mut self, path: String, r: Refusal) {
        self.remove(&path);
        self.0.push((path, r));
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// What every section needs: the scenario, the language, the errors and the edit callback.
#[derive(Clone, PartialEq)]
struct Ctx {
    hush: bool,
    lang: Lang,
    scenario: Scenario,
    errors: Rc<Errors>,
    on_edit: Callback<Edit>,
}

impl Ctx {
    fn err(&self, path: &str) -> Option<Refusal> {
        self.errors.get(path).cloned()
    }

    fn num(&self, path: &str) -> Html {
        self.num_with(path, None, true, false)
    }

    /// A number with its help behind a "?" toggle.
    fn num_compact(&self, path: &str) -> Html {
        self.num_with(path, None, true, true)
    }

    fn num_with(&self, path: &str, label: Option<String>, help: bool, compact: bool) -> Html {
        let value = get_number(&self.scenario, path).unwrap_or(0.0);
        html! {
            <NumField hush={self.hush} lang={self.lang} path={path.to_string()} {value}
                spec={spec(path, self.scenario.horizon_months)}
                error={self.err(path)} on_edit={self.on_edit.clone()} {label} {help} {compact} />
        }
    }

    fn select(&self, path: &str, options: Vec<(String, String)>, current: &str) -> Html {
        html! {
            <SelectField hush={self.hush} lang={self.lang} path={path.to_string()} {options}
                current={current.to_string()} error={self.err(path)}
                on_edit={self.on_edit.clone()} />
        }
    }

    /// A button for an edit that adds something: pressed from the keyboard, the focus
    /// then goes to the control named `then` (the new partner's name, the new shock's month),
    /// brought into view. (It stayed on the button, pushed a screen or more down the page by
    /// what it added, and the next Tab skipped the new fields: an audit.) A click or a tap
    /// leaves it (on a phone, a text box taking the focus opens the keyboard unasked).
    fn adding_button(
        &self,
        testid: String,
        text: String,
        edit: Edit,
        disabled: bool,
        then: String,
    ) -> Html {
        let on_edit = self.on_edit.clone();
        let onclick = Callback::from(move |e: MouseEvent| {
            // A click the keyboard made (Enter, Space) counts no mouse clicks.
            let keyboard = e.detail() == 0;
            on_edit.emit(edit.clone());
            if keyboard {
                crate::focus::focus_after(then.clone());
            }
        });
        html! {
            <button type="button" data-testid={testid} {disabled} {onclick}>{ text }</button>
        }
    }

    /// A small icon button with a spoken label; `refocus` names the control the keyboard's
    /// focus goes to if the button is disabled or removed by its own edit (`focus.rs`).
    fn icon_button(
        &self,
        testid: String,
        icon: &str,
        label: String,
        edit: Edit,
        disabled: bool,
        refocus: Option<String>,
    ) -> Html {
        let on_edit = self.on_edit.clone();
        let onclick = Callback::from(move |_| on_edit.emit(edit.clone()));
        html! {
            // Named by its title (the icon is hidden from screen readers): an aria-label as well
            // made a screen reader say the name twice, once as the description.
            <button type="button" class="icon" data-testid={testid}
                title={label} data-refocus={refocus} {disabled} {onclick}>
                <span aria-hidden="true">{ icon.to_string() }</span>
            </button>
        }
    }
}

/// Where the keyboard's focus goes after the ✕ of partner `i` of `n` (`data-refocus`,
/// `focus.rs`): removing the last partner takes its card away, so to "Add a partner", which
/// comes up where the card was (the ✕ of the partner before was a card's length above,
/// out of sight with its focus ring, and a second Enter removed that partner too: an audit);
/// leaving two partners disables every ✕, so there too. Otherwise the card stays, showing the
/// next partner, and the focus with it.
fn remove_partner_refocus(i: usize, n: usize) -> Option<String> {
    (n <= 3 || i + 1 == n).then(|| "partner-add".to_string())
}

/// The whole editor.
#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let hush = props.hush;
    let errors = use_state(Errors::new);
    // The scenario this editor last sent: any other change (a preset, a link) clears errors.
    let sent: Rc<RefCell<Option<Scenario>>> = use_mut_ref(|| None);
    // Custom cultures set aside while their partner tries a country (ops::keep_custom_cultures);
    // forgotten, as the errors are, when another scenario comes in.
    let custom_cultures = use_mut_ref(ops::CultureMemory::new);
    {
        let errors = errors.clone();
        let sent = sent.clone();
        let custom_cultures = custom_cultures.clone();
        use_effect_with(props.scenario.clone(), move |s| {
            if sent.borrow().as_ref() != Some(s) {
                custom_cultures.borrow_mut().clear();
                if !errors.is_empty() {
                    errors.set(Errors::new());
                }
            }
        });
    }
    {
        // The run controls say how many fields hold a refused value.
        let dispatch = props.dispatch.clone();
        use_effect_with(errors.0.len(), move |n| {
            dispatch.dispatch(Action::EditorRefused(*n))
        });
    }
    let on_edit = {
        let (scenario, dispatch) = (props.scenario.clone(), props.dispatch.clone());
        let errors = errors.clone();
        let custom_cultures = custom_cultures.clone();
        Callback::from(move |edit: Edit| {
            let path = edit.path();
            match ops::apply(&scenario, &edit) {
                Ok(mut candidate) => {
                    ops::keep_custom_cultures(
                        &mut custom_cultures.borrow_mut(),
                        &scenario,
                        &edit,
                        &mut candidate,
                    );
                    let structural = !matches!(edit, Edit::Number { .. } | Edit::Choice { .. });
                    let mut m = if structural {
                        Errors::new()
                    } else {
                        (*errors).clone()
                    };
                    m.remove(&path);
                    if m != *errors {
                        errors.set(m);
                    }
                    // Scripted shocks aimed at a removed partner go with it: said, not silent.
                    let shocks = |s: &Scenario| s.environment.scripted_shocks.len();
                    let lost = shocks(&scenario) - shocks(&candidate);
                    let removed = match edit {
                        Edit::RemovePartner(i) if lost > 0 => scenario.partners.get(i),
                        _ => None,
                    };
                    *sent.borrow_mut() = Some(candidate.clone());
                    dispatch.dispatch(Action::SetScenario(candidate));
                    if let Some(p) = removed {
                        dispatch.dispatch(crate::components::library::notice(
                            "editor.removed_with_shocks",
                            &[("name", p.name.clone()), ("n", lost.to_string())],
                            false,
                        ));
                    }
                }
                Err(r) => {
                    let mut m = (*errors).clone();
                    m.insert(path, r);
                    errors.set(m);
                }
            }
        })
    };
    let lang = props.lang;
    let ctx = Ctx {
        hush,
        lang,
        scenario: props.scenario.clone(),
        errors: Rc::new((*errors).clone()),
        on_edit,
    };
    let n = ctx.scenario.partners.len();
    html! {
        <section class="card editor" data-testid="editor" aria-labelledby="editor-heading">
            // (Focusable by the page, not by Tab: "Edit the scenario ↓" takes the focus here.)
            <h2 id="editor-heading" tabindex="-1">{ t(lang, "editor.heading") }</h2>
            <p class="editor-intro">{ t(lang, "editor.intro") }</p>
            <div class="field-grid general" role="group" aria-label={t(lang, "editor.section.general")}>
                { ctx.num("horizon_months") }
                { ctx.num("initial_trust") }
            </div>
            <details class="editor-section" open=true>
                <summary>{ tf(lang, "editor.section.partners", &[("n", &n.to_string())]) }</summary>
                { partners_section(&ctx) }
            </details>
            <details class="editor-section">
                <summary>{ t(lang, "editor.section.governance") }</summary>
                { governance_section(&ctx) }
            </details>
            <details class="editor-section">
                <summary>{ t(lang, "editor.section.environment") }</summary>
                { environment_section(&ctx) }
            </details>
        </section>
    }
}

fn partners_section(ctx: &Ctx) -> Html {
    let lang = ctx.lang;
    let n = ctx.scenario.partners.len();
    let new_name = ops::new_partner_name(&ctx.scenario, t(lang, "editor.partner.new_name"));
    html! {
        <div class="section-body">
            <p class="help">{ tf(lang, "editor.partner.limits", &[("max", &MAX_PARTNERS.to_string())]) }</p>
            <div class="partner-cards">
                { for ctx.scenario.partners.iter().enumerate().map(|(i, p)| partner_card(ctx, i, p)) }
            </div>
            <div class="section-actions">
                // At the limit the button is disabled: the focus goes to the name of the
                // partner it has just added (`data-refocus`, src/focus.rs).
                <button type="button" data-testid="partner-add" disabled={n >= MAX_PARTNERS}
                    data-refocus={format!("partner-name-{}", n.saturating_sub(1))}
                    onclick={
                        let on_edit = ctx.on_edit.clone();
                        // From the keyboard, on to the new partner's name (see `adding_button`).
                        Callback::from(move |e: MouseEvent| {
                            let keyboard = e.detail() == 0;
                            on_edit.emit(Edit::AddPartner { name: new_name.clone() });
                            if keyboard {
                                crate::focus::focus_after(format!("partner-name-{n}"));
                            }
                        })
                    }>
                    { format!("+ {}", t(lang, "editor.partner.add")) }
                </button>
            </div>
            if n >= MAX_PARTNERS {
                <p class="help" data-testid="partner-limit">
                    { tf(lang, "editor.err.too_many", &[("max", &MAX_PARTNERS.to_string())]) }
                </p>
            }
            { error_html(ctx.hush, lang, "partners", &ctx.err("partners")) }
        </div>
    }
}

fn partner_card(ctx: &Ctx, i: usize, p: &Partner) -> Html {
    let lang = ctx.lang;
    let n = ctx.scenario.partners.len();
    let path = |f: &str| format!("partners.{i}.{f}");
    let culture_path = path("culture");
    let mut countries: Vec<(String, String)> = Country::ALL
        .iter()
        .map(|c| {
            (
                c.code().to_string(),
                t(lang, &format!("editor.country.{}", c.code())).to_string(),
            )
        })
        .collect();
    countries.push(("custom".into(), t(lang, "editor.culture.custom").into()));
    let heading_id = format!("partner-heading-{i}");
    html! {
        <section class="partner-card" key={i} data-testid={format!("partner-{i}")}
            aria-labelledby={heading_id.clone()}>
            <div class="partner-top">
                <h3 id={heading_id}>
                    <span class="partner-num">{ tf(lang, "editor.partner.heading", &[("n", &(i + 1).to_string())]) }</span>
                    { " " }{ &p.name }
                </h3>
                { ctx.icon_button(format!("partner-remove-{i}"), "✕",
                    tf(lang, "editor.partner.remove", &[("name", &p.name)]),
                    Edit::RemovePartner(i), n <= 2, remove_partner_refocus(i, n)) }
            </div>
            <details class="partner-details" open=true>
            <summary>{ t(lang, "editor.partner.details") }</summary>
            <NameField hush={ctx.hush} {lang} index={i} value={p.name.clone()} error={ctx.err(&path("name"))}
                taken_before={ops::name_taken_before(&ctx.scenario, i)}
                on_edit={ctx.on_edit.clone()} />
            <SelectField hush={ctx.hush} {lang} path={culture_path.clone()} options={countries}
                current={ops::culture_key(&p.culture).to_string()} error={ctx.err(&culture_path)}
                on_edit={ctx.on_edit.clone()} testid={format!("partner-culture-{i}")} />
            if matches!(p.culture, CultureSpec::Custom(_)) {
                <fieldset class="group">
                    <legend>{ t(lang, "editor.culture.legend") }</legend>
                    { for aliansi_sim::culture::DIMENSION_KEYS.iter().map(|k| ctx.num_compact(&path(&format!("culture.{k}")))) }
                </fieldset>
            }
            <fieldset class="group">
                <legend>{ t(lang, "editor.goals.legend") }</legend>
                <small class="help">{ t(lang, "editor.goals.help") }</small>
                { for Goal::ALL.iter().map(|g| ctx.num_compact(&path(&format!("goals.{}", g.key())))) }
            </fieldset>
            <fieldset class="group">
                <legend>{ t(lang, "editor.traits.legend") }</legend>
                { for ["capacity", "contribution", "expected_share", "opportunism",
                       "learning_intent", "adaptability", "patience"].iter().map(|f| ctx.num_compact(&path(f))) }
            </fieldset>
            </details>
        </section>
    }
}

fn governance_section(ctx: &Ctx) -> Html {
    let lang = ctx.lang;
    let g = &ctx.scenario.governance;
    let opts = |prefix: &str, keys: &[&str]| -> Vec<(String, String)> {
        keys.iter()
            .map(|k| (k.to_string(), t(lang, &format!("{prefix}.{k}")).to_string()))
            .collect()
    };
    let forms: Vec<&str> = ops::FORMS.iter().map(|(_, k)| *k).collect();
    let rules: Vec<&str> = ops::RULES.iter().map(|(_, k)| *k).collect();
    let fixed = match &g.sharing {
        Sharing::Fixed(shares) => html! {
            <fieldset class="group fixed-shares">
                <legend>{ t(lang, "editor.sharing.fixed") }</legend>
                <small class="help">{ help_of(lang, "governance.fixed_shares") }</small>
                { for shares.iter().enumerate().map(|(i, _)| {
                    let name = ctx.scenario.partners.get(i).map(|p| p.name.as_str()).unwrap_or("?");
                    ctx.num_with(&format!("governance.fixed_shares.{i}"),
                        Some(tf(lang, "editor.f.governance.fixed_shares", &[("name", name)])), false, false)
                }) }
            </fieldset>
        },
        _ => html! {},
    };
    let manager_path = "governance.alliance_manager";
    let manager_id = control_id(manager_path);
    let on_manager = {
        let on_edit = ctx.on_edit.clone();
        Callback::from(move |e: Event| {
            let el: HtmlInputElement = e.target_unchecked_into();
            on_edit.emit(Edit::Choice {
                path: manager_path.into(),
                value: el.checked().to_string(),
            })
        })
    };
    html! {
        <div class="section-body">
            <div class="field-grid">
                { ctx.select("governance.form", opts("editor.form", &forms), ops::form_key(g.form)) }
                { ctx.select("governance.decision_rule", opts("editor.rule", &rules), ops::rule_key(g.decision_rule)) }
                { ctx.num("governance.transparency") }
                { ctx.num("governance.monitoring") }
                { ctx.num("governance.review_months") }
                { ctx.num("governance.exit_penalty_months") }
                { ctx.num("governance.compliance") }
                <div class="field checkbox-field">
                    <input type="checkbox" id={manager_id.clone()} data-testid={format!("field-{manager_path}")}
                        checked={g.alliance_manager} onchange={on_manager}
                        aria-describedby={format!("help-{manager_id}")} />
                    <label for={manager_id.clone()}>{ label_of(lang, manager_path) }</label>
                    <small class="help" id={format!("help-{manager_id}")}>{ help_of(lang, manager_path) }</small>
                    { error_html(ctx.hush, lang, manager_path, &ctx.err(manager_path)) }
                </div>
                { ctx.select("governance.sharing", opts("editor.sharing", &ops::SHARINGS), ops::sharing_key(&g.sharing)) }
            </div>
            { fixed }
            <Ladder hush={ctx.hush} lang={lang} steps={g.resolution.clone()} error={ctx.err("governance.resolution")}
                on_edit={ctx.on_edit.clone()} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct LadderProps {
    /// Live regions are quiet: the language has just changed (components/live.rs).
    #[prop_or_default]
    hush: bool,
    lang: Lang,
    steps: Vec<Resolution>,
    error: Option<Refusal>,
    on_edit: Callback<Edit>,
}

/// The conflict-resolution ladder: an ordered list with up, down and remove buttons, and a
/// select to add a missing step.
#[function_component(Ladder)]
fn ladder(p: &LadderProps) -> Html {
    let hush = p.hush;
    let lang = p.lang;
    let add_kind = use_node_ref();
    let len = p.steps.len();
    let missing = ops::ladder_missing(&p.steps);
    let name = |r: Resolution| t(lang, &format!("editor.ladder.{}", r.key())).to_string();
    // A step moved to either end disables the arrow just pressed: the focus then goes to the
    // same step's other arrow (`data-refocus`, src/focus.rs), not on to its Remove button.
    let btn = |testid: String,
               icon: &'static str,
               label: String,
               edit: Edit,
               disabled: bool,
               refocus: Option<String>| {
        let on_edit = p.on_edit.clone();
        let onclick = Callback::from(move |_| on_edit.emit(edit.clone()));
        html! {
            <button type="button" class="icon" data-testid={testid}
                data-refocus={refocus} title={label} {disabled} {onclick}><span aria-hidden="true">{ icon }</span></button>
        }
    };
    let on_add = {
        let on_edit = p.on_edit.clone();
        let add_kind = add_kind.clone();
        Callback::from(move |_| {
            if let Some(el) = add_kind.cast::<HtmlSelectElement>() {
                let v = el.value();
                if let Some(r) = Resolution::ALL.iter().find(|r| r.key() == v) {
                    on_edit.emit(Edit::LadderAdd(*r));
                }
            }
        })
    };
    let path = "governance.resolution";
    let id = control_id(path);
    html! {
        <fieldset class="group ladder-group" aria-describedby={format!("help-{id}")}>
            <legend>{ label_of(lang, path) }</legend>
            <small class="help" id={format!("help-{id}")}>{ help_of(lang, path) }</small>
            <ol class="ladder" data-testid="ladder">
                { for p.steps.iter().enumerate().map(|(k, r)| html! {
                    <li key={r.key()} data-testid={format!("ladder-step-{k}")} data-step={r.key()}>
                        <span class="ladder-name">{ name(*r) }</span>
                        <span class="ladder-buttons">
                            { btn(format!("ladder-up-{k}"), "▲", tf(lang, "editor.ladder.up", &[("step", &name(*r))]), Edit::LadderUp(k), k == 0, Some(format!("ladder-down-{k}"))) }
                            { btn(format!("ladder-down-{k}"), "▼", tf(lang, "editor.ladder.down", &[("step", &name(*r))]), Edit::LadderDown(k), k + 1 >= len, Some(format!("ladder-up-{k}"))) }
                            { btn(format!("ladder-remove-{k}"), "✕", tf(lang, "editor.ladder.remove", &[("step", &name(*r))]), Edit::LadderRemove(k), len <= 1, None) }
                        </span>
                    </li>
                }) }
            </ol>
            if missing.is_empty() {
                <p class="help">{ t(lang, "editor.ladder.full") }</p>
            } else {
                <div class="ladder-add">
                    <label for="ed-ladder-add-kind">{ t(lang, "editor.ladder.add_kind") }</label>
                    <select id="ed-ladder-add-kind" ref={add_kind} data-testid="ladder-add-kind">
                        { for missing.iter().map(|r| html! { <option value={r.key()}>{ name(*r) }</option> }) }
                    </select>
                    <button type="button" data-testid="ladder-add" onclick={on_add}>{ format!("+ {}", t(lang, "editor.ladder.add")) }</button>
                </div>
            }
            { error_html(hush, lang, path, &p.error) }
        </fieldset>
    }
}

fn environment_section(ctx: &Ctx) -> Html {
    let lang = ctx.lang;
    let shocks = &ctx.scenario.environment.scripted_shocks;
    let kinds: Vec<(String, String)> = ShockKind::ALL
        .iter()
        .map(|k| {
            (
                k.key().to_string(),
                t(lang, &format!("editor.shock.{}", k.key())).to_string(),
            )
        })
        .collect();
    let partners: Vec<(String, String)> = ctx
        .scenario
        .partners
        .iter()
        .enumerate()
        .map(|(i, p)| (i.to_string(), format!("{}. {}", i + 1, p.name)))
        .collect();
    let list_path = "environment.scripted_shocks";
    let full = ctx.scenario.environment.scripted_shocks.len() >= MAX_SCRIPTED_SHOCKS;
    html! {
        <div class="section-body">
            <div class="field-grid">
                { for ["volatility", "growth", "shock_rate_per_year", "shock_severity",
                       "regulatory_strictness", "rivalry"].iter().map(|f| ctx.num(&format!("environment.{f}"))) }
            </div>
            <fieldset class="group shocks-group">
                <legend>{ label_of(lang, list_path) }</legend>
                <small class="help">{ help_of(lang, list_path) }</small>
                if shocks.is_empty() {
                    <p class="empty">{ t(lang, "editor.shock.none") }</p>
                }
                <ol class="shocks">
                    { for shocks.iter().enumerate().map(|(k, s)| {
                        let p = |f: &str| format!("{list_path}.{k}.{f}");
                        let num_k = (k + 1).to_string();
                        html! {
                            <li class="shock" key={k} data-testid={format!("shock-{k}")}>
                                <div class="shock-top">
                                    <h4>{ tf(lang, "editor.shock.heading", &[("k", &num_k)]) }</h4>
                                    { ctx.icon_button(format!("shock-remove-{k}"), "✕",
                                        tf(lang, "editor.shock.remove", &[("k", &num_k)]), Edit::RemoveShock(k), false, None) }
                                </div>
                                <div class="field-grid">
                                    { ctx.num(&p("month")) }
                                    { ctx.select(&p("kind"), kinds.clone(), s.kind.key()) }
                                    { ctx.num(&p("severity")) }
                                    if s.kind.targets_partner() {
                                        { ctx.select(&p("partner"), partners.clone(), &s.partner.unwrap_or(0).to_string()) }
                                    }
                                </div>
                            </li>
                        }
                    }) }
                </ol>
                <div class="section-actions">
                    { ctx.adding_button("shock-add".into(), format!("+ {}", t(lang, "editor.shock.add")), Edit::AddShock, full,
                        format!("field-{list_path}.{}.month", shocks.len())) }
                </div>
                if full {
                    <p class="help" data-testid="shock-limit">
                        { tf(lang, "editor.shock.limit", &[("max", &crate::narrate::amount(lang, MAX_SCRIPTED_SHOCKS as f64))]) }
                    </p>
                }
                { error_html(ctx.hush, lang, list_path, &ctx.err(list_path)) }
            </fieldset>
        </div>
    }
}

/// Escape closes an open "?" help and puts the focus back on its "?", as a popover closes (an
/// accessibility audit); the key goes no further (in classroom mode it would leave the mode).
fn close_on_escape() -> Callback<KeyboardEvent> {
    Callback::from(|e: KeyboardEvent| {
        // The key's target is inside the help (Yew's events are delegated: the current target
        // is not the <details>).
        let Some(details) = e
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("details.help-toggle").ok().flatten())
        else {
            return;
        };
        if e.key() != "Escape" || !details.has_attribute("open") {
            return;
        }
        e.stop_propagation();
        let _ = details.remove_attribute("open");
        if let Some(summary) = details
            .first_element_child()
            .and_then(|c| c.dyn_into::<HtmlElement>().ok())
        {
            let _ = summary.focus();
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_control_id_gives_back_its_path() {
        // The generic paths with an index where the editor shows one (`partners.3.capacity`).
        let mut paths: Vec<String> = ops::numeric_generics()
            .iter()
            .map(|g| {
                g.replacen("partners.", "partners.3.", 1).replacen(
                    "scripted_shocks.",
                    "scripted_shocks.0.",
                    1,
                )
            })
            .collect();
        paths.push("partners.3.name".to_string());
        assert!(paths.len() > 20);
        for path in paths {
            assert_eq!(
                path_of_control(&control_id(&path)).as_deref(),
                Some(path.as_str())
            );
        }
        assert_eq!(path_of_control("share-link"), None);
    }

    #[test]
    fn every_control_has_a_label_and_help_in_both_languages() {
        let mut paths = ops::numeric_generics();
        paths.extend(
            [
                "partners.name",
                "partners.culture",
                "governance.form",
                "governance.decision_rule",
                "governance.sharing",
                "governance.alliance_manager",
                "governance.resolution",
                "environment.scripted_shocks",
                "environment.scripted_shocks.kind",
                "environment.scripted_shocks.partner",
            ]
            .map(String::from),
        );
        let mut keys: Vec<String> = paths
            .iter()
            .flat_map(|p| [format!("editor.f.{p}"), format!("editor.h.{p}")])
            .collect();
        keys.extend(
            Country::ALL
                .iter()
                .map(|c| format!("editor.country.{}", c.code())),
        );
        keys.extend(
            ShockKind::ALL
                .iter()
                .map(|k| format!("editor.shock.{}", k.key())),
        );
        keys.extend(
            Resolution::ALL
                .iter()
                .map(|r| format!("editor.ladder.{}", r.key())),
        );
        keys.extend(ops::FORMS.iter().map(|(_, k)| format!("editor.form.{k}")));
        keys.extend(ops::RULES.iter().map(|(_, k)| format!("editor.rule.{k}")));
        keys.extend(ops::SHARINGS.iter().map(|k| format!("editor.sharing.{k}")));
        for lang in Lang::ALL {
            for k in &keys {
                assert_ne!(t(lang, k), "??", "{k} missing in {lang:?}");
            }
        }
    }

    #[test]
    fn refusals_are_worded_in_both_languages() {
        let r = Refusal::Range { lo: 0.0, hi: 1.0 };
        assert_eq!(refusal_text(Lang::En, &r), "Must be between 0 and 1.");
        assert_eq!(refusal_text(Lang::Id, &r), "Harus antara 0 dan 1.");
        let r = Refusal::Range { lo: -0.5, hi: 0.5 };
        assert_eq!(refusal_text(Lang::Id, &r), "Harus antara -0,5 dan 0,5.");
    }
}
