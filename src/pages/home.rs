use class_spec_core::render;
use leptos::prelude::*;

use crate::components::use_page_title;
use crate::Data;

/// The series at a glance: its ladder of levels, lowest first, and the classes beside it.
#[component]
pub fn HomePage() -> impl IntoView {
    let Data(catalogue) = expect_context::<Data>();
    use_page_title(String::new);
    view! { <div class="home" inner_html=render::home(catalogue)></div> }
}
