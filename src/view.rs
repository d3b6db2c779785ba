//! The main region: the view of the current address, drawn from HTML the core renders (the
//! start view baked in at build time, every other view from the engine), with the behaviour
//! its content needs: the compare picker's count and submit, and a retry when the engine could
//! not be loaded.

use class_spec_core::markup::Markup;
use class_spec_core::planner::PlannerInput;
use class_spec_core::render::{picker_problem, picker_status, Page};
use class_spec_core::{Pick, Route};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::document_title;
use crate::engine::{Engine, EngineState};
use crate::Navigator;

mod start {
    include!(concat!(env!("OUT_DIR"), "/start.rs"));
}

pub use start::DATA_AS_OF;

/// What the main region shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shown {
    Page(Page),
    /// The engine is on its way.
    Loading,
    /// The engine could not be loaded: why.
    Failed(String),
}

/// A view written into the page for the address the app was opened at, at build time (see
/// `scripts/postbuild.mjs`) or by the engine before the app started (`web/boot.js`), which the
/// app shows without asking the engine.
#[derive(Clone, Debug)]
pub struct Prerendered {
    /// Its address: the path, with `?` and the query if it has one.
    pub address: String,
    pub page: Page,
}

impl Prerendered {
    /// Takes the view written into the page (and removes it: the app draws it from now on).
    pub fn take() -> Option<Self> {
        let document = web_sys::window()?.document()?;
        let written = document.get_element_by_id("prerender")?;
        written.remove();
        let address = document
            .query_selector("meta[name=prerendered]")
            .ok()??
            .get_attribute("content")?;
        let html = written.query_selector("main .view").ok()??.inner_html();
        let title = document.title();
        let title = title
            .strip_suffix(" · Class Spec Explorer")
            .unwrap_or_default()
            .to_owned();
        Some(Self {
            address,
            page: Page { title, html },
        })
    }
}

/// The view of an address (path, query), kept in step with it and with the engine.
pub fn use_view(address: Signal<(String, String)>) -> Memo<Shown> {
    let engine = expect_context::<Engine>();
    let prerendered = use_context::<Option<Prerendered>>().flatten();
    // The view that needs no engine: the start view (baked in), or the view written into the
    // page at build time for the address the app was opened at.
    let ready_made = Memo::new(move |_| {
        address.with(|(path, search)| {
            if Route::parse(path, search) == Some(Route::Home) {
                return Some(Page {
                    title: String::new(),
                    html: start::HOME_HTML.to_owned(),
                });
            }
            prerendered
                .as_ref()
                .filter(|written| {
                    let (written_path, written_query) = written
                        .address
                        .split_once('?')
                        .unwrap_or((&written.address, ""));
                    path == written_path && search.trim_start_matches('?') == written_query
                })
                .map(|written| written.page.clone())
        })
    });
    // Any other view needs the engine: ask for it as soon as one is shown.
    Effect::new(move |_| {
        if ready_made.with(Option::is_none) {
            engine.request();
        }
    });
    Memo::new(move |_| {
        if let Some(page) = ready_made.get() {
            return Shown::Page(page);
        }
        match engine.state() {
            EngineState::Ready(page) => address.with(|(path, search)| match page(path, search) {
                Ok(encoded) => Shown::Page(Page::decode(&encoded)),
                Err(error) => Shown::Failed(error),
            }),
            EngineState::Idle | EngineState::Loading => Shown::Loading,
            EngineState::Failed(error) => Shown::Failed(error),
        }
    })
}

/// The HTML for what is shown.
fn markup(shown: &Shown) -> String {
    match shown {
        Shown::Page(page) => page.html.clone(),
        Shown::Loading => {
            let mut m = Markup::new();
            m.leaf(
                "p",
                &[("class", "loading"), ("role", "status")],
                "Loading this view…",
            );
            m.finish()
        }
        Shown::Failed(why) => {
            let mut m = Markup::new();
            m.el("div", &[("class", "load-failed")], |m| {
                m.leaf("h1", &[], "This view could not be loaded");
                m.el("p", &[], |m| {
                    m.text("The part of the app that draws it did not arrive: ")
                        .text(why)
                        .text(". Check the connection, then try again. The series overview still works.");
                });
                m.el("p", &[], |m| {
                    m.leaf(
                        "button",
                        &[("type", "button"), ("class", "button"), ("data-action", "retry")],
                        "Try again",
                    )
                    .text(" ")
                    .leaf("a", &[("href", &Route::Home.href())], "Back to the series");
                });
            });
            m.finish()
        }
    }
}

/// The title of what is shown, for the browser tab.
fn title(shown: &Shown) -> String {
    match shown {
        Shown::Page(page) => page.title.clone(),
        Shown::Loading => "Loading".to_owned(),
        Shown::Failed(_) => "Not loaded".to_owned(),
    }
}

/// Draws what is shown and handles its forms and buttons (by delegation: the content is HTML).
#[component]
pub fn ViewHost(shown: Memo<Shown>) -> impl IntoView {
    let engine = expect_context::<Engine>();
    let navigator = use_context::<Navigator>();
    let link_navigator = navigator.clone();
    Effect::new(move |_| {
        let page = shown.with(title);
        if page.is_empty() {
            document_title("Class Spec Explorer");
        } else {
            document_title(&format!("{page} · Class Spec Explorer"));
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let Some(form) = form_of(&ev) else { return };
        if form.id() == "planner" {
            // The plan lives in the address: submitting is moving to the address of the fields.
            ev.prevent_default();
            if let Some(navigator) = &navigator {
                navigator.go(&Route::Planner {
                    input: planner_input(&form),
                });
            }
        } else if let Some(route) = crate::classes_filter::submitted(&form) {
            // The index narrowed by its field, at the address the plain form would ask for.
            ev.prevent_default();
            if let Some(navigator) = &navigator {
                navigator.go(&route);
            }
        } else if form.id() == "compare-picker" {
            ev.prevent_default();
            let picks = checked_picks(&form);
            match picker_problem(picks.len()) {
                Some(problem) => set_status(&form, &problem),
                None => {
                    if let Some(navigator) = &navigator {
                        navigator.go(&Route::Compare { picks });
                    }
                }
            }
        }
    };
    let change = move |ev: leptos::ev::Event| {
        if let Some(form) = form_of(&ev).filter(|f| f.id() == "compare-picker") {
            set_status(&form, &picker_status(checked_picks(&form).len()));
        }
    };
    let click = move |ev: leptos::ev::MouseEvent| {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        if target
            .closest("[data-action=retry]")
            .ok()
            .flatten()
            .is_some()
        {
            engine.request();
        }
        if let Some(button) = target.closest("[data-action=copy]").ok().flatten() {
            copy_text_of(&button);
        }
        if let Some(button) = target.closest("[data-step]").ok().flatten() {
            step_field(&button);
        }
        // Links inside the drawing are SVG links, which the router does not follow itself.
        if let Some(link) = target.closest("svg a[href]").ok().flatten() {
            let href = link.get_attribute("href").unwrap_or_default();
            let plain = !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key());
            if let (true, Some(navigator), Some(route)) =
                (plain, &link_navigator, Route::from_href(&href))
            {
                ev.prevent_default();
                navigator.go(&route);
            }
        }
    };
    // The drawing's summary panel follows the class in focus or under the pointer.
    let show_card = move |ev: web_sys::Event| {
        let node = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("[data-card]").ok().flatten());
        if let Some(node) = node {
            show_card_for(&node);
        }
    };
    let on_focus = move |ev: leptos::ev::FocusEvent| show_card(ev.into());
    let on_over = move |ev: leptos::ev::MouseEvent| show_card(ev.into());
    view! {
        <div
            class="view"
            aria-busy=move || shown.with(|s| matches!(s, Shown::Loading)).to_string()
            on:submit=submit
            on:change=change
            on:input=move |ev: leptos::ev::Event| crate::classes_filter::on_input(&ev)
            on:click=click
            on:focusin=on_focus
            on:mouseover=on_over
            inner_html=move || shown.with(markup)
        ></div>
    }
}

/// The form an event happened in (or on).
fn form_of(ev: &web_sys::Event) -> Option<web_sys::HtmlFormElement> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    match target.dyn_ref::<web_sys::HtmlFormElement>() {
        Some(form) => Some(form.clone()),
        None => target
            .closest("form")
            .ok()
            .flatten()
            .and_then(|f| f.dyn_into().ok()),
    }
}

/// The picker's status line (a live region) says `text`.
fn set_status(form: &web_sys::HtmlFormElement, text: &str) {
    let status = form
        .parent_element()
        .and_then(|p| p.query_selector(".picker__status").ok().flatten());
    if let Some(status) = status {
        status.set_text_content(Some(text));
    }
}

/// The picks checked in the picker, in the form's order, then those typed by code (a big
/// catalogue's picker: `102A, 102D@2019`).
fn checked_picks(form: &web_sys::HtmlFormElement) -> Vec<Pick> {
    let Ok(nodes) =
        form.query_selector_all("input[name=classes]:checked, input[name=classes][type=text]")
    else {
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
        current_class: value("class"),
        experience: value("years"),
        in_class: value("in-class"),
        education: value("education"),
    }
}

/// Shows the summary card a node of the drawing names, and hides the others.
fn show_card_for(node: &web_sys::Element) {
    let Some(id) = node.get_attribute("data-card") else {
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
    let Ok(children) = panel.query_selector_all(".path-card, [data-card-hint]") else {
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

/// Copies the text of the element a copy button names (`data-copy`) to the clipboard, and says
/// how that went in the status next to the button.
fn copy_text_of(button: &web_sys::Element) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let text = button
        .get_attribute("data-copy")
        .and_then(|id| document.get_element_by_id(&id))
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    let status = button
        .parent_element()
        .and_then(|p| p.query_selector(".copy-status").ok().flatten());
    let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
        return;
    };
    let promise = clipboard.write_text(&text);
    leptos::task::spawn_local(async move {
        let done = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        if let Some(status) = status {
            status.set_text_content(Some(if done {
                "Copied."
            } else {
                "The browser did not allow copying: select the snippet and copy it."
            }));
        }
    });
}

/// A kiosk's − or + next to a field of years: moves the field by half a year.
fn step_field(button: &web_sys::Element) {
    let half_years = match button.get_attribute("data-step").as_deref() {
        Some("-0.5") => -1,
        Some("0.5") => 1,
        _ => return,
    };
    let input = button
        .get_attribute("data-for")
        .and_then(|id| web_sys::window()?.document()?.get_element_by_id(&id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
    if let Some(input) = input {
        input.set_value(&class_spec_core::planner::step_years(
            &input.value(),
            half_years,
        ));
    }
}
