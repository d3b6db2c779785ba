//! What the page's markup does once the shell is there, by delegation: one listener per kind
//! of event on the window, looking at where the event happened. Nothing here draws; the markup
//! is the core's, found on the page as it is (see `crate::contract` in the core for the names).

use class_spec_core::contract::{
    ACTION, ACTION_RETRY, CARD, CARD_HINT, PICKER_FIELD, PICKER_FORM_ID, PLANNER_CLASS,
    PLANNER_EDUCATION, PLANNER_FORM_ID, PLANNER_IN_CLASS, PLANNER_YEARS, SEARCH_BOX_ID,
    SEARCH_FORM_ID, STEP_FIELD, STEP_SET,
};
use class_spec_core::planner::PlannerInput;
use class_spec_core::render::picker_problem;
use class_spec_core::{Pick, Route};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::document::{by_id, focus_main_heading};
use crate::engine::Engine;
use crate::Navigator;

/// Listens for the forms, buttons, links of the drawing, the drawing's summary panel and the
/// search box, wherever they are on the page (now or after a redraw).
pub fn attach(navigator: &Navigator) {
    let engine = expect_context::<Engine>();
    let on_submit = navigator.clone();
    drop(window_event_listener(leptos::ev::submit, move |ev| {
        submit(&ev, &on_submit);
    }));
    drop(window_event_listener(leptos::ev::change, move |ev| {
        if let Some(form) = form_of(&ev).filter(|f| f.id() == PICKER_FORM_ID) {
            crate::picker::chosen(checked_picks(&form).len());
        }
    }));
    let typing = navigator.clone();
    drop(window_event_listener(leptos::ev::input, move |ev| {
        crate::classes_filter::on_input(&ev);
        if let Some(input) = target_element(&ev)
            .filter(|e| e.id() == SEARCH_BOX_ID)
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            typing.follow_typing(&Route::Search {
                query: input.value(),
            });
        }
    }));
    let on_click = navigator.clone();
    drop(window_event_listener(leptos::ev::click, move |ev| {
        click(&ev, engine, &on_click);
    }));
    // The drawing's summary panel follows the class in focus or under the pointer; and a
    // person about to open another view (pointing at a link, or moving to it by keyboard)
    // starts the engine now, so that the view is ready when they get there.
    let reaching = move |ev: &web_sys::Event| {
        let Some(target) = target_element(ev) else {
            return;
        };
        if let Ok(Some(node)) = target.closest(&format!("[{CARD}]")) {
            show_card_for(&node);
        }
        let in_app_link = target
            .closest("a[href^='/']")
            .ok()
            .flatten()
            .and_then(|a| a.get_attribute("href"))
            .is_some_and(|href| href != "/" && !href.starts_with("/#"));
        if in_app_link {
            engine.request();
        }
    };
    drop(window_event_listener(leptos::ev::focusin, move |ev| {
        reaching(&ev);
        crate::classes_filter::on_focus(&ev);
    }));
    drop(window_event_listener(leptos::ev::mouseover, move |ev| {
        reaching(&ev);
    }));
}

/// What the person did before the shell came, taken up now: every field whose state is not
/// the one the page was drawn with (its default: the `value` and `checked` attributes, the
/// `selected` option) is announced to the handlers above as the browser announces typing or
/// ticking, an `input` then a `change`. So every field of every view is heard the same way
/// whenever it was typed in: the search box searches, the index of classes narrows, the
/// picker counts; a field that gets a handler later is heard too, with nothing to add here.
/// (Before, only the search box and the picker were taken up: words typed in the index's
/// filter before the shell left every row shown, issue 26.)
pub fn catch_up() {
    let Some(fields) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all("input, select").ok())
    else {
        return;
    };
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    for field in (0..fields.length()).filter_map(|i| fields.get(i)) {
        if changed(&field) {
            for kind in ["input", "change"] {
                if let Ok(event) = web_sys::Event::new_with_event_init_dict(kind, &init) {
                    let _ = field.dispatch_event(&event);
                }
            }
        }
    }
}

/// Whether a field's state differs from the one the page was drawn with.
fn changed(field: &web_sys::Node) -> bool {
    if let Some(input) = field.dyn_ref::<web_sys::HtmlInputElement>() {
        return match input.type_().as_str() {
            "checkbox" | "radio" => input.checked() != input.default_checked(),
            _ => input.value() != input.default_value(),
        };
    }
    let Some(select) = field.dyn_ref::<web_sys::HtmlSelectElement>() else {
        return false;
    };
    let options = select.options();
    (0..options.length())
        .filter_map(|i| options.item(i))
        .filter_map(|o| o.dyn_into::<web_sys::HtmlOptionElement>().ok())
        .any(|o| o.selected() != o.default_selected())
}

fn submit(ev: &web_sys::SubmitEvent, navigator: &Navigator) {
    let Some(form) = form_of(ev) else { return };
    match form.id().as_str() {
        // The plan lives in the address: submitting is moving to the address of the fields.
        PLANNER_FORM_ID => {
            ev.prevent_default();
            navigator.go(&Route::Planner {
                input: planner_input(&form),
            });
        }
        PICKER_FORM_ID => {
            ev.prevent_default();
            let picks = checked_picks(&form);
            match picker_problem(picks.len()) {
                Some(_) => crate::picker::refused(picks.len()),
                None => navigator.go(&Route::Compare { picks }),
            }
        }
        _ if crate::classes_filter::submitted(&form).is_some() => {
            // The index narrowed by its field, at the address the plain form would ask for.
            ev.prevent_default();
            if let Some(route) = crate::classes_filter::submitted(&form) {
                navigator.go(&route);
            }
        }
        SEARCH_FORM_ID => {
            ev.prevent_default();
            let query = by_id(SEARCH_BOX_ID)
                .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
                .map(|i| i.value())
                .unwrap_or_default();
            navigator.go(&Route::Search { query });
            focus_main_heading();
        }
        _ => {}
    }
}

fn click(ev: &web_sys::MouseEvent, engine: Engine, navigator: &Navigator) {
    let Some(target) = target_element(ev) else {
        return;
    };
    let closest = |selector: &str| target.closest(selector).ok().flatten();
    if closest(&format!("[{ACTION}={ACTION_RETRY}]")).is_some() {
        engine.retry();
    }
    // A kiosk's one-tap choice of years sets its stepper's (`crate::stepper`).
    if let Some(button) = closest(&format!("[{STEP_SET}]")) {
        if let (Some(id), Some(years)) = (
            button.get_attribute(STEP_FIELD),
            button.get_attribute(STEP_SET),
        ) {
            crate::stepper::set(&id, &years);
        }
    }
    // Links inside the drawing are SVG links, which the router does not follow itself.
    if let Some(link) = closest("svg a[href]") {
        let href = link.get_attribute("href").unwrap_or_default();
        let plain = !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key());
        if let (true, Some(route)) = (plain, Route::from_href(&href)) {
            ev.prevent_default();
            navigator.go(&route);
        }
    }
}

/// The element an event happened on.
fn target_element(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()?.dyn_into::<web_sys::Element>().ok()
}

/// The form an event happened in (or on).
fn form_of(ev: &web_sys::Event) -> Option<web_sys::HtmlFormElement> {
    let target = target_element(ev)?;
    match target.dyn_ref::<web_sys::HtmlFormElement>() {
        Some(form) => Some(form.clone()),
        None => target
            .closest("form")
            .ok()
            .flatten()
            .and_then(|f| f.dyn_into().ok()),
    }
}

/// The picks checked in the picker, in the form's order, then those typed by code (a big
/// catalogue's picker: `102A, 102D@2019`).
fn checked_picks(form: &web_sys::HtmlFormElement) -> Vec<Pick> {
    let Ok(nodes) = form.query_selector_all(&format!(
        "input[name={PICKER_FIELD}]:checked, input[name={PICKER_FIELD}][type=text]"
    )) else {
        return Vec::new();
    };
    (0..nodes.length())
        .filter_map(|i| nodes.get(i))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlInputElement>().ok())
        .flat_map(|input| {
            input
                .value()
                .split(',')
                .filter(|token| !token.trim().is_empty())
                .map(Pick::from_token)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The planner's fields as typed.
fn planner_input(form: &web_sys::HtmlFormElement) -> PlannerInput {
    let value = |name: &str| {
        form.query_selector(&format!("[name={name}]"))
            .ok()
            .flatten()
            .map(|e| {
                e.dyn_ref::<web_sys::HtmlInputElement>()
                    .map(web_sys::HtmlInputElement::value)
                    .or_else(|| {
                        e.dyn_ref::<web_sys::HtmlSelectElement>()
                            .map(web_sys::HtmlSelectElement::value)
                    })
                    .unwrap_or_default()
            })
            .unwrap_or_default()
    };
    PlannerInput {
        current_class: value(PLANNER_CLASS),
        experience: value(PLANNER_YEARS),
        in_class: value(PLANNER_IN_CLASS),
        education: value(PLANNER_EDUCATION),
    }
}

/// Shows the summary card a node of the drawing names, and hides the others.
fn show_card_for(node: &web_sys::Element) {
    let Some(id) = node.get_attribute(CARD) else {
        return;
    };
    let Some(panel) = node
        .closest(".path-layout")
        .ok()
        .flatten()
        .and_then(|layout| layout.query_selector(".path-cards").ok().flatten())
    else {
        return;
    };
    let Ok(children) = panel.query_selector_all(&format!(".path-card, [{CARD_HINT}]")) else {
        return;
    };
    for i in 0..children.length() {
        if let Some(child) = children
            .get(i)
            .and_then(|c| c.dyn_into::<web_sys::Element>().ok())
        {
            if child.id() == id {
                let _ = child.remove_attribute("hidden");
            } else {
                let _ = child.set_attribute("hidden", "");
            }
        }
    }
}
