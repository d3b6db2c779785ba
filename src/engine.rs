//! The engine, seen from the shell: where every view but the start view comes from.
//!
//! In the app it is a second wasm module (`crates/engine`, built by Trunk beside the shell),
//! fetched the first time a view needs it and then kept; its address (hashed) and integrity
//! hash are written into `index.html` by the post-build step (`scripts/postbuild.mjs`), and the
//! page's start-up script (`web/boot.js`) loads it. In the component tests the engine's library
//! is linked in instead.

use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The engine's one question: the view at an address (path, query) of this app, encoded as
/// `class_spec_core::render::Page::encode` writes it.
pub type PageFn = Rc<dyn Fn(&str, &str) -> Result<String, String>>;

/// Where the engine stands.
#[derive(Clone)]
pub enum EngineState {
    /// Not asked for yet.
    Idle,
    Loading,
    Ready(PageFn),
    /// It could not be loaded (offline before the first visit finished, a server error): why.
    Failed(String),
}

/// The engine, provided once at the root.
#[derive(Clone, Copy)]
pub struct Engine {
    state: RwSignal<EngineState, LocalStorage>,
}

// The page's start-up script (web/boot.js) loads the engine, once per page, with the names and
// integrity hashes of `<meta name="engine">`; it may have done so already, to draw the first
// view. A failed load is forgotten there, so asking again tries again.
#[wasm_bindgen(inline_js = r#"
export function load_engine() {
  const loading = globalThis.classSpecEngine ?? globalThis.loadClassSpecEngine?.();
  return loading ?? Promise.reject(new Error("the page has no engine loader (web/boot.js)"));
}
"#)]
extern "C" {
    fn load_engine() -> js_sys::Promise;
}

impl Engine {
    /// The engine module the page names (`<meta name="engine">`), loaded by its start-up script.
    pub fn from_document() -> Self {
        Self {
            state: RwSignal::new_local(EngineState::Idle),
        }
    }

    /// An engine linked into this module (the component tests link `class_spec_engine`).
    pub fn linked(page: fn(&str, &str, &str, bool) -> String) -> Self {
        Self {
            state: RwSignal::new_local(EngineState::Ready(Rc::new(move |path, search| {
                Ok(page(path, search, &origin(), kiosk()))
            }))),
        }
    }

    pub fn state(&self) -> EngineState {
        self.state.get()
    }

    /// Starts loading the engine, unless it is loaded or on its way.
    pub fn request(&self) {
        if matches!(
            self.state.get_untracked(),
            EngineState::Ready(_) | EngineState::Loading
        ) {
            return;
        }
        self.state.set(EngineState::Loading);
        let state = self.state;
        leptos::task::spawn_local(async move {
            let loaded = wasm_bindgen_futures::JsFuture::from(load_engine())
                .await
                .and_then(|module| {
                    js_sys::Reflect::get(&module, &JsValue::from_str("page"))?
                        .dyn_into::<js_sys::Function>()
                });
            state.set(match loaded {
                Ok(page) => EngineState::Ready(Rc::new(move |path: &str, search: &str| {
                    let args = js_sys::Array::of4(
                        &path.into(),
                        &search.into(),
                        &origin().into(),
                        &kiosk().into(),
                    );
                    page.apply(&JsValue::NULL, &args)
                        .map_err(describe_error)?
                        .as_string()
                        .ok_or_else(|| {
                            "the engine answered with something else than text".to_owned()
                        })
                })),
                Err(error) => EngineState::Failed(describe_error(error)),
            });
        });
    }
}

/// The app's own origin (`https://classes.example.org`), which the embed snippet names.
fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// Whether the app runs as a kiosk (web/platform.js marks the page before the app starts).
fn kiosk() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .is_some_and(|e| e.class_list().contains("kiosk"))
}

/// A JavaScript error as a sentence.
fn describe_error(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}
