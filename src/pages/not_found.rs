use class_spec_core::render;
use leptos::prelude::*;

use crate::components::use_page_title;
use crate::Data;

/// The view for an address the app does not have.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <NotFoundView
            heading="Page not found".to_owned()
            message="There is no page at this address. It may have been mistyped, or the link that led here may be out of date."
                .to_owned()
        />
    }
}

/// A helpful dead end: says what was not found and leads to every class and back home.
#[component]
pub fn NotFoundView(
    /// What was not found, as the page's heading.
    heading: String,
    /// What to do about it.
    message: String,
) -> impl IntoView {
    let Data(catalogue) = expect_context::<Data>();
    let markup = render::not_found(catalogue, &heading, &message);
    use_page_title(move || heading.clone());
    view! { <div class="not-found" inner_html=markup></div> }
}
