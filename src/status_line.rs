//! A status line (a `role=status` live region the view holds) as a Leptos component: the
//! view's words (its fallback) until the component's state holds something to say. The
//! picker's count (`crate::picker`) and the index's count (`crate::classes_filter`) are two.

use std::any::Any;

use leptos::prelude::*;

/// The text a host holds now (its fallback), and the host emptied for its component.
pub fn take_fallback(host: &web_sys::HtmlElement) -> String {
    let said = host.text_content().unwrap_or_default();
    while let Some(child) = host.first_child() {
        let _ = host.remove_child(&child);
    }
    said
}

/// A status line (a `role=status` live region the view holds, `host`) as a component: it says
/// what the view was drawn saying until `state` holds something, then `text` of it.
pub fn mount<T>(
    host: web_sys::HtmlElement,
    text: impl Fn(&T) -> String + Send + Sync + 'static,
) -> (RwSignal<Option<T>>, Box<dyn Any>)
where
    T: Clone + Send + Sync + 'static,
{
    let said = take_fallback(&host);
    let state = RwSignal::new(None::<T>);
    let line = Signal::derive(move || state.with(|s| s.as_ref().map(&text)));
    let handle = leptos::mount::mount_to(host, move || view! { <StatusLine said line/> });
    (state, Box::new(handle))
}

/// A status line's words: the view's own (`said`) until `line` has some.
#[component]
fn StatusLine(said: String, line: Signal<Option<String>>) -> impl IntoView {
    move || line.get().unwrap_or_else(|| said.clone())
}
