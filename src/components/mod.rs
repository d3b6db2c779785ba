//! Small building blocks shared by the pages.

mod dom;

pub use dom::{
    document_title, focus_fragment, focus_main_heading, scroll_to_fragment, use_page_title,
};
