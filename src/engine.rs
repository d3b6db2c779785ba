//! The engine, seen from the shell: where every view but the start view comes from.
//!
//! In the app it is a second wasm module (`crates/engine`, built by Trunk beside the shell),
//! loaded once per page by the page's start-up script (`web/boot.js`, which may have loaded it
//! already to draw the first view) and handed to the shell as a loader function when the shell
//! starts. In the component tests the engine's library is linked in instead.

use std::rc::Rc;

use class_spec_core::address::Address;
use class_spec_core::contract::{EXPORT_NEEDS, EXPORT_PAGE, KIOSK_CLASS, VIEW_HTML, VIEW_TITLE};
use class_spec_core::render::Page;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The engine's one question: the view at an address of this app.
pub type PageFn = Rc<dyn Fn(&Address) -> Result<Page, String>>;

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

/// Whether the data files a view is drawn from are held by the engine (issue 24, item 1: the
/// engine is given the series a view needs, `crates/engine/src/store.rs`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Data {
    /// The engine holds what every address asked so far needs (or needs no files).
    Held,
    /// The files the view at this address needs are on their way.
    Fetching(Address),
    /// They could not be had (offline and never saved, an integrity failure, another build's
    /// file): which data, and why.
    Failed(Address, String),
}

/// The engine, provided once at the root.
#[derive(Clone, Copy)]
pub struct Engine {
    state: RwSignal<EngineState, LocalStorage>,
    /// `web/boot.js`'s loader: a function returning a promise of the engine module (the same
    /// promise while it loads or once loaded; a failed load is forgotten, so asking again
    /// retries). `None` when the engine is linked in.
    loader: StoredValue<Option<js_sys::Function>, LocalStorage>,
    /// `web/boot.js`'s `prepare(path, query)`: a promise that the whole engine holds the data
    /// files the view at the address needs (fetched with their integrity hashes and given).
    prepare: StoredValue<Option<js_sys::Function>, LocalStorage>,
    /// The loaded module's `needs(path, query)`: the files it does not hold yet.
    needs: StoredValue<Option<js_sys::Function>, LocalStorage>,
    data: RwSignal<Data, LocalStorage>,
}

impl Engine {
    /// The engine module `web/boot.js` loads (`<meta name="engine">`), through its loader; it
    /// holds every data file it needs (the component tests' engines, which fail or bake).
    pub fn loaded_by(loader: js_sys::Function) -> Self {
        Self {
            state: RwSignal::new_local(EngineState::Idle),
            loader: StoredValue::new_local(Some(loader)),
            prepare: StoredValue::new_local(None),
            needs: StoredValue::new_local(None),
            data: RwSignal::new_local(Data::Held),
        }
    }

    /// [`Engine::loaded_by`], given the data files each view needs by `prepare` (`web/boot.js`).
    pub fn loaded_with_data(loader: js_sys::Function, prepare: js_sys::Function) -> Self {
        let engine = Self::loaded_by(loader);
        engine.prepare.set_value(Some(prepare));
        engine
    }

    /// Whether the engine holds the data the view at `address` needs: if not, it is fetched
    /// (once: a failure stays until [`Engine::retry`]). Tracked, so a view waiting for its data
    /// is drawn again when it comes.
    pub fn data_for(&self, address: &Address) -> Data {
        let data = self.data.get();
        match &data {
            Data::Fetching(at) | Data::Failed(at, _) if at == address => return data,
            _ => {}
        }
        let (Some(needs), Some(prepare)) = (self.needs.get_value(), self.prepare.get_value())
        else {
            return Data::Held;
        };
        let missing = needs
            .call2(
                &JsValue::NULL,
                &address.path.as_str().into(),
                &address.query.as_str().into(),
            )
            .ok()
            .and_then(|list| list.as_string())
            .is_some_and(|list| !list.is_empty());
        if !missing {
            return Data::Held;
        }
        let fetching = Data::Fetching(address.clone());
        let signal = self.data;
        let address = address.clone();
        signal.set(fetching.clone());
        leptos::task::spawn_local(async move {
            let prepared = async {
                let promise = prepare
                    .call2(
                        &JsValue::NULL,
                        &address.path.as_str().into(),
                        &address.query.as_str().into(),
                    )?
                    .dyn_into::<js_sys::Promise>()?;
                wasm_bindgen_futures::JsFuture::from(promise).await
            };
            match prepared.await {
                Ok(_) => signal.set(Data::Held),
                Err(error) => signal.set(Data::Failed(address, describe_error(&error))),
            }
        });
        fetching
    }

    /// Tries again: the engine if it failed, and the data of a view whose files failed.
    pub fn retry(&self) {
        if matches!(self.data.get_untracked(), Data::Failed(..)) {
            self.data.set(Data::Held);
        }
        self.request();
    }

    /// An engine linked into this module (the component tests link `class_spec_engine`).
    pub fn linked(page: fn(&str, &str, &str, bool) -> Page) -> Self {
        Self {
            state: RwSignal::new_local(EngineState::Ready(Rc::new(move |address: &Address| {
                Ok(page(&address.path, &address.query, &origin(), kiosk()))
            }))),
            loader: StoredValue::new_local(None),
            prepare: StoredValue::new_local(None),
            needs: StoredValue::new_local(None),
            data: RwSignal::new_local(Data::Held),
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
        let Some(loader) = self.loader.get_value() else {
            return;
        };
        self.state.set(EngineState::Loading);
        let state = self.state;
        let needs = self.needs;
        leptos::task::spawn_local(async move {
            let module_page = async {
                let promise = loader
                    .call0(&JsValue::NULL)?
                    .dyn_into::<js_sys::Promise>()?;
                let module = wasm_bindgen_futures::JsFuture::from(promise).await?;
                needs.set_value(
                    js_sys::Reflect::get(&module, &JsValue::from_str(EXPORT_NEEDS))?
                        .dyn_into::<js_sys::Function>()
                        .ok(),
                );
                js_sys::Reflect::get(&module, &JsValue::from_str(EXPORT_PAGE))?
                    .dyn_into::<js_sys::Function>()
            };
            state.set(match module_page.await {
                Ok(page) => EngineState::Ready(Rc::new(move |address: &Address| {
                    let args = js_sys::Array::of4(
                        &address.path.as_str().into(),
                        &address.query.as_str().into(),
                        &origin().into(),
                        &kiosk().into(),
                    );
                    let view = page
                        .apply(&JsValue::NULL, &args)
                        .map_err(|e| describe_error(&e))?;
                    read_view(&view)
                })),
                Err(error) => EngineState::Failed(describe_error(&error)),
            });
        });
    }
}

/// The engine's answer (`View`, crates/engine/src/main.rs): its title and HTML, read, then the
/// object freed.
fn read_view(view: &JsValue) -> Result<Page, String> {
    let text = |name: &str| {
        js_sys::Reflect::get(view, &JsValue::from_str(name))
            .ok()
            .and_then(|value| value.as_string())
            .ok_or_else(|| format!("the engine's answer has no {name}"))
    };
    let page = Page {
        title: text(VIEW_TITLE)?,
        html: text(VIEW_HTML)?,
    };
    if let Ok(free) = js_sys::Reflect::get(view, &JsValue::from_str("free"))
        .and_then(JsCast::dyn_into::<js_sys::Function>)
    {
        let _ = free.call0(view);
    }
    Ok(page)
}

/// The app's own origin (`https://classes.example.org`), which the embed snippet names.
fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// Whether the app runs as a kiosk (web/platform.js marks the page before the app starts).
pub(crate) fn kiosk() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .is_some_and(|e| e.class_list().contains(KIOSK_CLASS))
}

/// A JavaScript error as a sentence.
fn describe_error(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}
