//! The shell's controls inside a view, as Leptos components mounted into host elements the
//! view already holds (issue 25, item 4). The view stays the core's HTML, whole when it
//! arrives; each host holds a plain fallback (the core's words for the state the address
//! names), which the component replaces with the same element content, so nothing moves, and
//! from then on the component's reactive state says what the control shows.
//!
//! Mounted once per view: for the page as the shell found it, and after every view the shell
//! draws (`view::draw`); the components of the view before are unmounted then.

use std::any::Any;
use std::cell::RefCell;

use class_spec_core::class_filter::STATUS_ID as CLASSES_STATUS_ID;
use class_spec_core::contract::PICKER_STATUS_ID;
use wasm_bindgen::JsCast;

use crate::document::by_id;

thread_local! {
    /// The mounted components of the view on screen (their unmount handles).
    static MOUNTED: RefCell<Vec<Box<dyn Any>>> = const { RefCell::new(Vec::new()) };
}

/// Mounts every control the view on screen holds a host for, and unmounts those of the view
/// before.
pub fn mount_view() {
    let mut mounted: Vec<Box<dyn Any>> = Vec::new();
    if let Some(host) = html_by_id(PICKER_STATUS_ID) {
        mounted.push(crate::picker::mount(host));
    }
    if let Some(host) = html_by_id(CLASSES_STATUS_ID) {
        mounted.push(crate::classes_filter::mount(host));
    }
    mounted.extend(crate::stepper::mount_all());
    // The old view's nodes are out of the page already: this ends their reactive state.
    drop(MOUNTED.replace(mounted));
}

fn html_by_id(id: &str) -> Option<web_sys::HtmlElement> {
    by_id(id).and_then(|e| e.dyn_into().ok())
}
