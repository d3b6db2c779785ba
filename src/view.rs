//! The main region: the view of the current address. The page arrives with it drawn (at build
//! time, or by the engine before the shell came); the shell draws it only when the address
//! changes: the view's HTML into `#view` (the start view baked in, every other view from the
//! engine, or a loading line, or a "could not be loaded" view with a retry), and the parts of
//! the chrome that follow the address (the title, the search box's text, the embed link).

use class_spec_core::address::Address;
use class_spec_core::contract::{
    page_title, ACTION, ACTION_RETRY, APP_ID, EMBED_LINK_ID, SEARCH_BOX_ID, VIEW_ID, VIEW_PENDING,
};
use class_spec_core::markup::Markup;
use class_spec_core::render::{embed_link, start_document, Page};
use class_spec_core::Route;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::document::{
    by_id, document_title, focus_fragment, focus_main_heading, insert_html, scroll_to_fragment,
};
use crate::engine::{Data, Engine, EngineState};
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

/// The view of an address: the start view needs no engine; any other view asks for it.
pub fn shown_at(address: &Address, engine: Engine) -> Shown {
    if address.route() == Some(Route::Home) {
        return Shown::Page(Page {
            title: String::new(),
            html: start::HOME_HTML.to_owned(),
        });
    }
    match engine.state() {
        EngineState::Ready(page) => match engine.data_for(address) {
            Data::Held => match page(address) {
                Ok(page) => Shown::Page(page),
                Err(error) => Shown::Failed(error),
            },
            Data::Fetching(_) => Shown::Loading,
            Data::Failed(_, why) => Shown::Failed(why),
        },
        EngineState::Idle => {
            engine.request();
            Shown::Loading
        }
        EngineState::Loading => Shown::Loading,
        EngineState::Failed(error) => Shown::Failed(error),
    }
}

/// Keeps the main region on the view of `address`: nothing is drawn while the address is
/// `on_screen` (the view the page arrived with), and after that at every change of address
/// (or of the engine, while a view waits for it). After in-app navigation, focus moves to the
/// new view's heading (or the section its address names), once per address.
pub fn follow_address(
    address: Memo<Address>,
    fragment: Memo<String>,
    on_screen: Option<Address>,
    navigator: Navigator,
) {
    let engine = expect_context::<Engine>();
    let on_screen = StoredValue::new(on_screen);
    let focused_for = StoredValue::new(address.get_untracked());
    Effect::new(move |_| {
        let current = address.get();
        if on_screen.with_value(|shown| shown.as_ref() == Some(&current)) {
            return;
        }
        on_screen.set_value(None);
        let shown = shown_at(&current, engine);
        draw(&current, &shown);
        if !matches!(shown, Shown::Page(_)) {
            return;
        }
        // An address opened with an anchor names a section drawn only now.
        let hash = fragment.get_untracked();
        scroll_to_fragment(&hash);
        if focused_for.with_value(|f| *f == current) {
            return;
        }
        focused_for.set_value(current);
        if navigator.take_keep_focus() {
            return;
        }
        // In the next frame, when the new view is laid out anyway: focusing now would force a
        // layout before the view's own update is done (and the router may still scroll).
        if hash.is_empty() {
            request_animation_frame(focus_main_heading);
        } else {
            // Another view opened at a section (a search result): there, as a browser would.
            request_animation_frame(move || {
                scroll_to_fragment(&hash);
                focus_fragment(&hash);
            });
        }
    });
}

/// The one place a view is drawn and titled, at the start (a page that held no view of its
/// address: `data-view-pending`) and at every move: what is shown for `address` into the page
/// (the whole document, chrome and all, into `#app` at the start; the view into `#view` after),
/// the page's title ([`page_title`]), the search box's text (unless the person is typing in it)
/// and the footer's embed link.
pub fn draw(address: &Address, shown: &Shown) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    let whole = root
        .as_ref()
        .is_some_and(|root| root.has_attribute(VIEW_PENDING));
    if whole {
        if let Some(app) = by_id(APP_ID) {
            insert_html(&app, &start_document(address, &markup(shown), DATA_AS_OF));
        }
        if let Some(root) = &root {
            let _ = root.remove_attribute(VIEW_PENDING);
        }
    } else if let Some(view) = by_id(VIEW_ID) {
        insert_html(&view, &markup(shown));
    }
    crate::hosts::mount_view();
    if let Some(view) = by_id(VIEW_ID) {
        let _ = view.set_attribute(
            "aria-busy",
            if matches!(shown, Shown::Loading) {
                "true"
            } else {
                "false"
            },
        );
    }
    document_title(&page_title(&title(shown)));
    let query = match address.route() {
        // As the page written for the address holds it (`start_document`): repeated, not raw.
        Some(Route::Search { query }) => class_spec_core::echo::echo(&query),
        _ => String::new(),
    };
    if let Some(input) =
        by_id(SEARCH_BOX_ID).and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        let in_use = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .is_some_and(|active| active == **input);
        if input.value() != query && !in_use {
            input.set_value(&query);
        }
    }
    if let Some(embed) = by_id(EMBED_LINK_ID) {
        match embed_link(address) {
            Some(href) => {
                let _ = embed.remove_attribute("hidden");
                if let Ok(Some(link)) = embed.query_selector("a") {
                    let _ = link.set_attribute("href", &href);
                }
            }
            None => {
                let _ = embed.set_attribute("hidden", "");
            }
        }
    }
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
                    m.text("Something it needs did not arrive: ")
                        .text(why)
                        .text(
                        ". Check the connection, then try again. The series overview still works.",
                    );
                });
                m.el("p", &[], |m| {
                    m.leaf(
                        "button",
                        &[
                            ("type", "button"),
                            ("class", "button"),
                            (ACTION, ACTION_RETRY),
                        ],
                        "Try again",
                    )
                    .text(" ")
                    .leaf(
                        "a",
                        &[("href", &Route::Home.href())],
                        "Back to the series",
                    );
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
