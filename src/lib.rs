//! Class Spec Explorer, the web shell: navigation in the app, focus, and the views' behaviour.
//! It draws no page: every page arrives whole (the view of its address in the one chrome,
//! `class_spec_core::render::start_document`), written at build time or drawn by the engine
//! module (`crates/engine`) before the shell came. The shell adopts it as it is (behaviour by
//! delegation, `behaviour`) and draws only when the address changes (`view`): the start view is
//! baked in here at build time, every other view comes from the engine.

pub mod behaviour;
pub mod classes_filter;
pub mod document;
pub mod engine;
pub mod hosts;
pub mod picker;
pub mod qr;
pub mod status_line;
pub mod stepper;
pub mod take_away;
pub mod view;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use class_spec_core::address::Address;
use class_spec_core::contract::{SHELL_READY, VIEW_PENDING};
use class_spec_core::Route;
use leptos::prelude::*;
use leptos_router::location::{BrowserUrl, LocationProvider, Url};

use crate::document::focus_fragment;
use crate::engine::Engine;
use crate::view::follow_address;

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
        // Typing on in the view it leads to (the search results) replaces the history entry.
        let same_view = web_sys::window()
            .and_then(|w| w.location().pathname().ok())
            .and_then(|path| Route::parse(&path, ""))
            .is_some_and(|here| std::mem::discriminant(&here) == std::mem::discriminant(route));
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

/// Starts the shell over the page as it is: `web/boot.js` calls this (through the binary's
/// export) at the person's first intent, with its engine loader.
pub fn start(engine: Engine, qr: qr::Qr) {
    console_error_panic_hook::set_once();
    // Effects run on wasm-bindgen's executor (what a Leptos mount would set up; nothing is
    // mounted here).
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    owner.with(|| adopt(engine, qr));
    // The shell lives as long as the page.
    std::mem::forget(owner);
}

/// The address as a signal, the view as its derived state, the page's behaviour.
///
/// The one route table is `Route::parse` in the core (tested natively), applied by the engine;
/// `leptos_router`'s `BrowserUrl` provides the location, history, link clicks and back/forward.
/// Matching in the core instead of with `<Router>` and `<Routes>`/`<FlatRoutes>` keeps the
/// router's matcher out of the bundle: 20.9 KB brotli, measured (BENCHMARKS.md).
fn adopt(engine: Engine, qr: qr::Qr) {
    provide_context(engine);
    let history = BrowserUrl::new().expect("the app runs in a browser window");
    history.init(None);
    let url = history.as_url().clone();
    let navigator = Navigator::new(url.clone());
    let address = Memo::new({
        let url = url.clone();
        move |_| url.with(|url| Address::new(url.path(), url.search()))
    });
    let fragment = Memo::new(move |_| url.with(|url| url.hash().to_owned()));
    // A new address: the router may now update the address bar and scroll.
    Effect::new(move |_| {
        address.track();
        history.ready_to_complete();
    });
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    // The engine could not draw this page's view before the shell came: the whole document
    // now, the chrome around the view (or why it is missing), before the page's fields are
    // caught up below; the view again once it can be drawn.
    let pending = root
        .as_ref()
        .is_some_and(|root| root.has_attribute(VIEW_PENDING));
    let on_screen = if pending {
        let here = address.get_untracked();
        view::draw(&here, &view::shown_at(&here, engine));
        None
    } else {
        Some(address.get_untracked())
    };
    follow_address(address, fragment, on_screen, navigator.clone());
    // Before the fields are taken up below: its fallback's field is replaced, not announced.
    take_away::mount(address, qr);
    // The controls of the view as it arrived (a view drawn here mounts its own).
    if !pending {
        hosts::mount_view();
    }
    // A fragment link followed in the app (the skip link, the table of contents) moves focus to
    // its target, as the browser would if it handled the link itself.
    Effect::new(move |first_run: Option<()>| {
        let hash = fragment.get();
        if first_run.is_some() && !hash.is_empty() {
            focus_fragment(&hash);
        }
    });
    behaviour::attach(&navigator);
    behaviour::catch_up();
    if let Some(root) = root {
        let _ = root.set_attribute(SHELL_READY, "");
    }
}
