//! Class Spec Explorer, the web shell: the app, its one route table and its views. All the
//! domain logic lives in `class-spec-core`; this crate turns it into DOM.

// Leptos components take their props by value, by design.
#![allow(clippy::needless_pass_by_value)]

pub mod components;
pub mod pages;

use class_spec_core::{Catalogue, Route};
use leptos::prelude::*;
use leptos_router::location::{BrowserUrl, LocationProvider, Url};

use crate::components::{document_title, focus_fragment, focus_main_heading, scroll_to_fragment};
use crate::pages::{ClassPage, ComparePage, HomePage, NotFound};

mod baked {
    include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));
}

/// The catalogue the views read, provided once at the root (tests may provide another).
#[derive(Clone, Copy)]
pub struct Data(pub &'static Catalogue);

/// The catalogue baked into the app at build time.
pub fn baked_catalogue() -> &'static Catalogue {
    &baked::CATALOGUE
}

/// Moves to another view from code (a form's submit), as a link click would: a new history
/// entry, then the view of the new address.
#[derive(Clone)]
pub struct Navigator(ArcRwSignal<Url>);

impl Navigator {
    /// A navigator over the router's URL signal.
    pub fn new(url: ArcRwSignal<Url>) -> Self {
        Self(url)
    }

    pub fn go(&self, route: &Route) {
        let href = route.href();
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href));
        }
        if let Ok(url) = BrowserUrl::current() {
            self.0.set(url);
        }
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
    }
}

/// The whole app: the chrome around the one route table.
#[component]
pub fn App() -> impl IntoView {
    provide_context(Data(baked_catalogue()));
    view! { <Shell /> }
}

/// Header, main region and footer around the routed view.
///
/// The one route table is `Route::parse` in the core (tested natively). leptos_router's
/// `BrowserUrl` provides the location, history, link clicks and back/forward; this shell picks the
/// view and then lets the router write the address bar. Matching here instead of with `<Router>`
/// and `<Routes>`/`<FlatRoutes>` keeps the router's matcher out of the bundle: 20.9 KB brotli,
/// measured, of a 100 KB first-load budget (BENCHMARKS.md).
#[component]
fn Shell() -> impl IntoView {
    let Data(catalogue) = expect_context::<Data>();
    let as_of = catalogue.data_as_of().map(|d| d.to_string());
    let history = BrowserUrl::new().expect("the app runs in a browser window");
    history.init(None);
    let url = history.as_url().clone();
    provide_context(Navigator::new(url.clone()));
    let route = Memo::new(move |_| url.with(|url| Route::parse(url.path(), url.search())));
    let fragment = Memo::new({
        let url = history.as_url().clone();
        move |_| url.with(|url| url.hash().to_owned())
    });
    // Once the view of a new address is drawn, the router may update the address bar and scroll
    // (to the top, or to the anchor). An address opened directly with an anchor
    // (`/class/102D#typical-work`) names a section drawn after the browser looked for it, so
    // scroll to it here too.
    // After in-app navigation (not on the first load), focus moves to the new view's heading.
    Effect::new(move |first_run: Option<()>| {
        route.track();
        history.ready_to_complete();
        let hash = fragment.get_untracked();
        scroll_to_fragment(&hash);
        if first_run.is_some() && hash.is_empty() {
            // In the next frame, when the new view is laid out anyway: focusing now would force
            // a layout before the view's own update is done.
            request_animation_frame(focus_main_heading);
        }
    });
    // A fragment link followed in the app (the skip link, the table of contents) moves focus to
    // its target, as the browser would if it handled the link itself.
    Effect::new(move |first_run: Option<()>| {
        let hash = fragment.get();
        if first_run.is_some() && !hash.is_empty() {
            focus_fragment(&hash);
        }
    });
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header">
            <a href=Route::Home.href() class="site-header__brand">
                "Class Spec Explorer"
            </a>
            <span class="site-header__tag">"Washington State class specifications"</span>
            <nav class="site-header__nav" aria-label="Main">
                <a href=Route::Home.href()>"Series"</a>
                <a href=Route::Compare { picks: Vec::new() }.href()>"Compare"</a>
            </nav>
        </header>
        <main id="main" tabindex="-1">
            {move || match route.get() {
                Some(Route::Home) => view! { <HomePage /> }.into_any(),
                Some(Route::Class { code, version }) => view! { <ClassPage code version /> }.into_any(),
                Some(Route::Compare { picks }) => view! { <ComparePage picks /> }.into_any(),
                None => view! { <NotFound /> }.into_any(),
            }}
        </main>
        <footer class="site-footer">
            <p>
                {as_of.map(|date| view! { "Data as of " {date} ". " })}
                "Official text is marked as such; everything else is a summary in our own words. "
                "This is not an official site of the State of Washington: the official class specifications are published by the Office of Financial Management."
            </p>
        </footer>
    }
}

/// Mounts the app on the page's body.
pub fn mount() {
    console_error_panic_hook::set_once();
    document_title("Class Spec Explorer");
    leptos::mount::mount_to_body(App);
}
