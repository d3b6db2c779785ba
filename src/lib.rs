//! Class Spec Explorer, the web shell: the chrome, navigation, focus and the views' behaviour.
//! The views themselves are HTML rendered by `class-spec-core`: the start view baked in here at
//! build time, every other view by the engine module (`crates/engine`), loaded when first needed.

// Leptos components take their props by value, by design.
#![allow(clippy::needless_pass_by_value)]

pub mod classes_filter;
pub mod components;
pub mod download;
pub mod engine;
pub mod view;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use class_spec_core::planner::PlannerInput;
use class_spec_core::Route;
use leptos::prelude::*;
use leptos_router::location::{BrowserUrl, LocationProvider, Url};
use wasm_bindgen::JsCast;

use crate::components::{document_title, focus_fragment, focus_main_heading, scroll_to_fragment};
use crate::engine::Engine;
use crate::view::{use_view, Shown, ViewHost, DATA_AS_OF};

/// Moves to another view from code (a form's submit), as a link click would: a new history
/// entry, then the view of the new address.
#[derive(Clone)]
pub struct Navigator {
    url: ArcRwSignal<Url>,
    /// Set while the person types in the search box: the view changes, focus stays in the box.
    keep_focus: Arc<AtomicBool>,
}

impl Navigator {
    /// A navigator over the router's URL signal.
    pub fn new(url: ArcRwSignal<Url>) -> Self {
        Self {
            url,
            keep_focus: Arc::new(AtomicBool::new(false)),
        }
    }

    /// A new history entry and the view of its address; focus moves to the new view.
    pub fn go(&self, route: &Route) {
        self.move_to(route, false);
    }

    /// The view of `route` as the person types (the search box): the address follows without
    /// a history entry per keystroke, and focus stays where it is.
    pub fn follow_typing(&self, route: &Route) {
        self.keep_focus.store(true, Ordering::Relaxed);
        let same_view = web_sys::window()
            .and_then(|w| w.location().pathname().ok())
            .is_some_and(|path| path == route.href().split('?').next().unwrap_or_default());
        self.move_to(route, same_view);
    }

    /// Whether the last move asked to keep focus where it was (and forget that it did).
    pub fn take_keep_focus(&self) -> bool {
        self.keep_focus.swap(false, Ordering::Relaxed)
    }

    fn move_to(&self, route: &Route, replace: bool) {
        let href = route.href();
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let none = wasm_bindgen::JsValue::NULL;
            let _ = if replace {
                history.replace_state_with_url(&none, "", Some(&href))
            } else {
                history.push_state_with_url(&none, "", Some(&href))
            };
        }
        if let Ok(url) = BrowserUrl::current() {
            self.url.set(url);
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
    download::answer_csv_buttons();
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
    let navigator = Navigator::new(url.clone());
    provide_context(navigator.clone());
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
            if navigator.take_keep_focus() {
                return;
            }
            // In the next frame, when the new view is laid out anyway: focusing now would
            // force a layout before the view's own update is done (and the router may still
            // scroll to the top).
            if hash.is_empty() {
                request_animation_frame(focus_main_heading);
            } else {
                // Another view opened at a section (a search result): there, as a browser would.
                request_animation_frame(move || {
                    scroll_to_fragment(&hash);
                    focus_fragment(&hash);
                });
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
    // A person about to open another view (pointing at a link, or moving to it by keyboard):
    // start the engine now, so that the view is ready when they get there.
    let engine = expect_context::<Engine>();
    let intent = move |target: Option<web_sys::EventTarget>| {
        let in_app_link = target
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href^='/']").ok().flatten())
            .and_then(|a| a.get_attribute("href"))
            .is_some_and(|href| href != "/" && !href.starts_with("/#"));
        if in_app_link {
            engine.request();
        }
    };
    let pointing = window_event_listener(leptos::ev::pointerover, move |ev| intent(ev.target()));
    let focusing = window_event_listener(leptos::ev::focusin, move |ev| intent(ev.target()));
    on_cleanup(move || {
        pointing.remove();
        focusing.remove();
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
            <SearchBox address />
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

/// The one search box, in the header of every view; "/" anywhere else puts the cursor in it.
/// Results follow the typing in the main region (`/search?q=…`).
#[component]
fn SearchBox(address: Memo<(String, String)>) -> impl IntoView {
    let navigator = expect_context::<Navigator>();
    let input = NodeRef::<leptos::html::Input>::new();
    // The box shows the query of the search view, and empties elsewhere (unless in use).
    Effect::new(move |_| {
        let query = address.with(|(path, search)| match Route::parse(path, search) {
            Some(Route::Search { query }) => query,
            _ => String::new(),
        });
        if let Some(input) = input.get() {
            let in_use = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .is_some_and(|active| active == **input);
            if input.value() != query && !in_use {
                input.set_value(&query);
            }
        }
    });
    let typing = navigator.clone();
    let on_input = move |ev: leptos::ev::Event| {
        typing.follow_typing(&Route::Search {
            query: event_target_value(&ev),
        });
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let query = input.get().map(|i| i.value()).unwrap_or_default();
        navigator.go(&Route::Search { query });
        focus_main_heading();
    };
    let shortcut = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() != "/" || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let typing_elsewhere = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
            .is_some_and(|t| {
                matches!(t.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    || t.is_content_editable()
            });
        if !typing_elsewhere {
            if let Some(input) = input.get() {
                ev.prevent_default();
                let _ = input.focus();
            }
        }
    });
    on_cleanup(move || shortcut.remove());
    view! {
        <form class="site-search" role="search" action="/search" method="get" on:submit=on_submit>
            <label for="site-search" class="visually-hidden">"Search every class"</label>
            <input
                id="site-search"
                node_ref=input
                name="q"
                type="search"
                autocomplete="off"
                placeholder="Search every class (press /)"
                aria-keyshortcuts="/"
                on:input=on_input
            />
        </form>
    }
}

/// Mounts the app on the page's body.
pub fn mount() {
    console_error_panic_hook::set_once();
    // The view written into the page at build time gives way to the app, in the same task as
    // the app draws the same markup: nothing is painted in between. (Its title is read first.)
    // The page's start-up script (web/boot.js) notes what the person did in it meanwhile (focus,
    // fields, scroll) before, and puts it back after.
    announce("class-spec-explorer:takeover");
    let prerendered = view::Prerendered::take();
    document_title("Class Spec Explorer");
    leptos::mount::mount_to_body(move || {
        provide_context(prerendered);
        view! { <App /> }
    });
    announce("class-spec-explorer:taken-over");
}

/// Dispatches an event of this type on the window, at once.
fn announce(kind: &str) {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(kind)) {
        let _ = window.dispatch_event(&event);
    }
}
