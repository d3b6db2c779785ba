//! The index of all classes (`/classes`) narrowed in place as the person types: rows and series
//! shown or hidden with the core's own test ([`class_spec_core::class_filter`]), so the page
//! agrees with what the engine draws for `/classes?q=…` (the plain form before the app has
//! loaded). Nothing is drawn again, so focus and the caret stay in the field. The status line
//! under the field (how many classes match) is a component (`mount`), whose state the
//! narrowing sets.

use std::any::Any;
use std::cell::{Cell, RefCell};

use class_spec_core::class_filter::{
    matches, status, words, FIELD_ID, FORM_ID, GROUP_ATTRIBUTE, LIST_ID, TERMS_ATTRIBUTE,
};
use class_spec_core::Route;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What the status line says: of `total` classes, `shown` match `query`.
#[derive(Clone)]
struct Narrowed {
    query: String,
    shown: usize,
    total: usize,
}

thread_local! {
    /// The state of the status line on screen, if the view holds one.
    static LINE: Cell<Option<RwSignal<Option<Narrowed>>>> = const { Cell::new(None) };
}

/// Mounts the status line into its host (`#classes-status`): the view's words until the
/// person narrows the index, then the count of what they typed.
pub fn mount(host: web_sys::HtmlElement) -> Box<dyn Any> {
    let (state, handle) =
        crate::status_line::mount(host, |n: &Narrowed| status(&n.query, n.shown, n.total));
    LINE.set(Some(state));
    handle
}

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

/// Reads the index's rows when the person comes to its filter field, so that their first
/// keystroke does not wait for it (at 2,000 classes, reading them costs tens of ms).
pub fn on_focus(ev: &web_sys::Event) {
    let field = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    if field.is_some_and(|f| f.id() == FIELD_ID) {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            with_index(&document, |_| ());
        }
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

/// A class row and the words it is found by, with whether it is hidden now.
struct Row {
    element: web_sys::HtmlElement,
    terms: String,
    hidden: bool,
}

/// A series' group of rows, with whether it is hidden now.
struct Group {
    element: web_sys::HtmlElement,
    rows: Vec<Row>,
    hidden: bool,
}

/// The index's rows, read once from the page (their terms and states), for as long as the
/// same list is on screen: a keystroke then tests words in Rust and touches only the rows
/// that change, instead of reading every row's attributes from the page again.
struct Index {
    list: web_sys::Element,
    groups: Vec<Group>,
}

thread_local! {
    static INDEX: RefCell<Option<Index>> = const { RefCell::new(None) };
}

fn html(node: Option<web_sys::Node>) -> Option<web_sys::HtmlElement> {
    node.and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
}

fn read(list: web_sys::Element) -> Index {
    let mut groups = Vec::new();
    if let Ok(found) = list.query_selector_all(&format!("[{GROUP_ATTRIBUTE}]")) {
        for i in 0..found.length() {
            let Some(group) = html(found.get(i)) else {
                continue;
            };
            let mut rows = Vec::new();
            if let Ok(found) = group.query_selector_all(&format!("[{TERMS_ATTRIBUTE}]")) {
                for j in 0..found.length() {
                    if let Some(row) = html(found.get(j)) {
                        rows.push(Row {
                            terms: row.get_attribute(TERMS_ATTRIBUTE).unwrap_or_default(),
                            hidden: row.hidden(),
                            element: row,
                        });
                    }
                }
            }
            groups.push(Group {
                hidden: group.hidden(),
                element: group,
                rows,
            });
        }
    }
    Index { list, groups }
}

/// `f` with the index of the list on screen, read anew if the list is another one.
fn with_index(document: &web_sys::Document, f: impl FnOnce(&mut Index)) {
    let Some(list) = document.get_element_by_id(LIST_ID) else {
        return;
    };
    INDEX.with_borrow_mut(|index| {
        let fresh = index
            .as_ref()
            .is_some_and(|i| i.list.is_same_node(Some(&list)));
        f(if fresh {
            index.as_mut().expect("checked")
        } else {
            index.insert(read(list))
        });
    });
}

fn narrow(document: &web_sys::Document, query: &str) {
    let typed = words(query);
    let (mut shown, mut total) = (0, 0);
    with_index(document, |index| {
        for group in &mut index.groups {
            let mut any = false;
            for row in &mut group.rows {
                let hit = matches(&typed, &row.terms);
                // Only a change touches the page: typing a letter restyles few rows.
                if row.hidden == hit {
                    row.hidden = !hit;
                    row.element.set_hidden(!hit);
                }
                any |= hit;
                total += 1;
                shown += usize::from(hit);
            }
            if group.hidden == any {
                group.hidden = !any;
                group.element.set_hidden(!any);
            }
        }
    });
    if let Some(line) = LINE.get() {
        // A view drawn since has a line of its own; the old one's state is gone.
        let _ = line.try_set(Some(Narrowed {
            query: query.to_owned(),
            shown,
            total,
        }));
    }
}
