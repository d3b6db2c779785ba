//! The index of all classes (`/classes`) narrowed in place as the person types: rows and series
//! shown or hidden with the core's own test ([`class_spec_core::class_filter`]), so the page
//! agrees with what the engine draws for `/classes?q=…` (the plain form before the app has
//! loaded). Nothing is drawn again, so focus and the caret stay in the field.

use class_spec_core::class_filter::{
    matches, status, words, FIELD_ID, FORM_ID, GROUP_ATTRIBUTE, STATUS_ID, TERMS_ATTRIBUTE,
};
use class_spec_core::Route;
use wasm_bindgen::JsCast;

/// Narrows the index when `ev` is typing in its filter field; any other input is left alone.
pub fn on_input(ev: &web_sys::Event) {
    let field = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
    let Some(field) = field.filter(|f| f.id() == FIELD_ID) else {
        return;
    };
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        narrow(&document, &field.value());
    }
}

/// The address the filter form names when it is submitted (Enter): the index narrowed by its
/// field, as the plain form would have asked; `None` for any other form.
pub fn submitted(form: &web_sys::HtmlFormElement) -> Option<Route> {
    if form.id() != FORM_ID {
        return None;
    }
    let field = form
        .query_selector(&format!("#{FIELD_ID}"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
    Some(Route::Classes {
        filter: field.map(|f| f.value()).unwrap_or_default(),
    })
}

fn narrow(document: &web_sys::Document, query: &str) {
    let typed = words(query);
    let Ok(groups) = document.query_selector_all(&format!("[{GROUP_ATTRIBUTE}]")) else {
        return;
    };
    let html =
        |node: Option<web_sys::Node>| node.and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok());
    let (mut shown, mut total) = (0, 0);
    for i in 0..groups.length() {
        let Some(group) = html(groups.get(i)) else {
            continue;
        };
        let Ok(rows) = group.query_selector_all(&format!("[{TERMS_ATTRIBUTE}]")) else {
            continue;
        };
        let mut any = false;
        for j in 0..rows.length() {
            let Some(row) = html(rows.get(j)) else {
                continue;
            };
            let hit = matches(
                &typed,
                &row.get_attribute(TERMS_ATTRIBUTE).unwrap_or_default(),
            );
            // Only a change touches the page: typing a letter restyles few rows.
            if row.hidden() == hit {
                row.set_hidden(!hit);
            }
            any |= hit;
            total += 1;
            shown += usize::from(hit);
        }
        if group.hidden() == any {
            group.set_hidden(!any);
        }
    }
    if let Some(line) = document.get_element_by_id(STATUS_ID) {
        line.set_text_content(Some(&status(query, shown, total)));
    }
}
