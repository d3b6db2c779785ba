//! The document around the views: the browser tab's title, focus and scrolling after a view
//! is drawn, and finding the page's elements by their ids (`class_spec_core::contract`).

use std::cell::RefCell;

use class_spec_core::contract::{AUTOFOCUS, MAIN_ID};
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    /// `web/boot.js`'s `insertView(element, html)`: the page's one Trusted Types policy
    /// (deploy/content-security-policy.txt requires one for every HTML sink). None in the
    /// component tests, whose page requires none.
    static INSERT_VIEW: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// From now on, a view's HTML goes into the page through `insert` (`web/boot.js`'s).
pub fn insert_views_with(insert: js_sys::Function) {
    INSERT_VIEW.set(Some(insert));
}

/// Puts a view's HTML (the core's markup: every value escaped) into `element`, through the
/// page's Trusted Types policy when `web/boot.js` gave it; a page that requires none (the
/// component tests) takes the string as it is.
pub fn insert_html(element: &web_sys::Element, html: &str) {
    let insert = INSERT_VIEW.with_borrow(Clone::clone);
    match insert {
        // It throws only if the page's policy refused it, which the browser reports itself.
        Some(insert) => {
            let _ = insert.call2(&JsValue::NULL, element, &JsValue::from_str(html));
        }
        None => element.set_inner_html(html),
    }
}

/// Sets the browser tab's title (and what a screen reader announces on navigation).
pub fn document_title(text: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(text);
    }
}

/// Scrolls to the element an address's fragment names: a view drawn in the app is drawn after
/// the browser looked for the section (`/class/102D#typical-work`), so the shell calls this once
/// it is drawn.
pub fn scroll_to_fragment(fragment: &str) {
    let id = fragment.trim_start_matches('#');
    if id.is_empty() {
        return;
    }
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        element.scroll_into_view();
    }
}

/// Moves focus to the main heading of a view just drawn after in-app navigation, so a screen
/// reader announces the new page and the next Tab starts from it (the link that was activated
/// is gone). Without a heading, the main region takes focus.
pub fn focus_main_heading() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    // A view may name what should take focus first (the planner's result or its errors).
    let target = document
        .query_selector(&format!("#{MAIN_ID} [{AUTOFOCUS}]"))
        .ok()
        .flatten()
        .or_else(|| {
            document
                .query_selector(&format!("#{MAIN_ID} h1"))
                .ok()
                .flatten()
        })
        .or_else(|| document.get_element_by_id(MAIN_ID));
    if let Some(element) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        if !element.has_attribute("tabindex") {
            let _ = element.set_attribute("tabindex", "-1");
        }
        let _ = element.focus();
    }
}

/// Moves focus to the element an in-app fragment link names (the skip link, a section in the
/// table of contents), as a browser does for fragment links it handles itself: the next Tab then
/// continues from there. An element that is not focusable gets `tabindex="-1"`.
pub fn focus_fragment(fragment: &str) {
    let id = fragment.trim_start_matches('#');
    let target = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = target {
        // A target inside a closed disclosure (a term's definition in "Terms on this page") is
        // revealed first, as a browser does when it follows such a link itself.
        let mut ancestor = element.parent_element();
        while let Some(e) = ancestor {
            if let Some(details) = e.dyn_ref::<web_sys::HtmlDetailsElement>() {
                details.set_open(true);
            }
            ancestor = e.parent_element();
        }
        if !element.has_attribute("tabindex") {
            let _ = element.set_attribute("tabindex", "-1");
        }
        let _ = element.focus();
    }
}

/// The element of the page with this id.
pub fn by_id(id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}
