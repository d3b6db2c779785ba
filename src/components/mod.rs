//! Small building blocks shared by the views.

mod dom;

pub use dom::{document_title, focus_fragment, focus_main_heading, scroll_to_fragment};
