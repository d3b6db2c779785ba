//! Class Spec Explorer, the web shell: the chrome, navigation, focus and the views' behaviour.
//! The views themselves are HTML rendered by `class-spec-core`: the start view baked in here at
//! build time, every other view by the engine module (`crates/engine`), loaded when first needed.

// Leptos components take their props by value, by design.
#![allow(clippy::needless_pass_by_value)]

pub mod components;
pub mod engine;
pub mod view;

use class_spec_core::planner::PlannerInput;
use class_spec_core::Route;
use leptos::prelude::*;
use leptos_router::location::{BrowserUrl, LocationProvider, Url};

use crate::components::{document_title, focus_fragment, focus_main_heading, scroll_to_fragment};
use crate::engine::Engine;
use crate::view::{use_view, Shown, ViewHost, DATA_AS_OF};

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

/// The whole app: the chrome around the main region.
#[component]
pub fn App() -> impl IntoView {
    provide_context(Engine::from_document());
    view! { <Shell /> }
}

/// Header, main region and footer around the view of the current address.
///
/// The one route table is `Route::parse` in the core (tested natively), applied by the engine;
/// leptos_router's `BrowserUrl` provides the location, history, link clicks and back/forward.
/// Matching in the core instead of with `<Router>` and `<Routes>`/`<FlatRoutes>` keeps the
/// router's matcher out of the bundle: 20.9 KB brotli, measured, of a 100 KB first-load budget
/// (BENCHMARKS.md).
#[component]
fn Shell() -> impl IntoView {
    let history = BrowserUrl::new().expect("the app runs in a browser window");
    history.init(None);
    let url = history.as_url().clone();
    provide_context(Navigator::new(url.clone()));
    let address = Memo::new({
        let url = url.clone();
        move |_| url.with(|url| (url.path().to_owned(), url.search().to_owned()))
    });
    let fragment = Memo::new(move |_| url.with(|url| url.hash().to_owned()));
    let shown = use_view(address.into());
    // A new address: the router may now update the address bar and scroll.
    Effect::new(move |_| {
        address.track();
        history.ready_to_complete();
    });
    // Once a view is drawn: an address opened with an anchor (`/class/102D#typical-work`)
    // names a section drawn after the browser looked for it, so scroll to it here. After
    // in-app navigation (not on the first load), focus moves to the new view's heading, once
    // per address, when its view (not the loading line) is drawn.
    let focused_for = StoredValue::new(address.get_untracked());
    Effect::new(move |_| {
        let current = address.get();
        if !shown.with(|s| matches!(s, Shown::Page(_))) {
            return;
        }
        let hash = fragment.get_untracked();
        scroll_to_fragment(&hash);
        if focused_for.with_value(|f| *f != current) {
            focused_for.set_value(current);
            if hash.is_empty() {
                // In the next frame, when the new view is laid out anyway: focusing now would
                // force a layout before the view's own update is done.
                request_animation_frame(focus_main_heading);
            }
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
    // "Embed this view", for every view but the embed page itself.
    let embed_href = move || {
        address.with(|(path, search)| {
            let search = search.trim_start_matches('?');
            let view = if search.is_empty() {
                path.clone()
            } else {
                format!("{path}?{search}")
            };
            (!path.starts_with("/embed")).then(|| Route::Embed { view }.href())
        })
    };
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header">
            <a href=Route::Home.href() class="site-header__brand">
                "Class Spec Explorer"
            </a>
            <span class="site-header__tag">"Washington State class specifications"</span>
            <nav class="site-header__nav" aria-label="Main">
                <a href=Route::Home.href()>"Series"</a>
                <a href=Route::Path.href()>"Career path"</a>
                <a href=Route::Planner { input: PlannerInput::default() }.href()>"Planner"</a>
                <a href=Route::Compare { picks: Vec::new() }.href()>"Compare"</a>
            </nav>
        </header>
        <main id="main" tabindex="-1">
            <ViewHost shown />
        </main>
        <footer class="site-footer">
            <p>
                {DATA_AS_OF.map(|date| view! { "Data as of " {date} ". " })}
                "Official text is marked as such; everything else is a summary in our own words. "
                "This is not an official site of the State of Washington: the official class specifications are published by the Office of Financial Management."
            </p>
            {move || {
                embed_href()
                    .map(|href| {
                        view! {
                            <p class="site-footer__embed">
                                <a href=href>"Embed this view in your own page"</a>
                            </p>
                        }
                    })
            }}
        </footer>
    }
}

/// Mounts the app on the page's body.
pub fn mount() {
    console_error_panic_hook::set_once();
    document_title("Class Spec Explorer");
    leptos::mount::mount_to_body(App);
}
