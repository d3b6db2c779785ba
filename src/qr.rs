//! The QR module, seen from the shell: a kiosk's "Take this with you" (`crates/qr`, a wasm
//! module of its own with the encoder and the panel that shows the code, so neither the shell
//! nor a page off a kiosk pays for them). The shell only asks: it loads the module on a kiosk
//! and hands it the address to show.
//!
//! In the app, `web/boot.js`'s loader brings it (`<meta name="qr">`, checked against its
//! integrity hash like every module; the shell's own script writes that meta, so no page
//! carries it). The loader keeps the module once loaded and forgets a failed load, so each ask
//! is one call to it: a tap while the module is on its way is answered when it comes. In the
//! component tests the crate is linked in instead.

use std::rc::Rc;

use class_spec_core::contract::{EXPORT_QR_OFFER, EXPORT_QR_SHOW, QR_META};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The QR module, for the kiosk's take-away control.
#[derive(Clone)]
pub enum Qr {
    /// `web/boot.js`'s loader, asked for the module named [`QR_META`].
    Loaded(js_sys::Function),
    /// The module's `show` and `offer`, linked in (the component tests link `class_spec_qr`).
    Linked(fn(&str), fn()),
}

impl Qr {
    /// A "Take this with you" button beside each official page's address, now and in the
    /// views to come (the module's `offer`); the module is asked for here, on a kiosk's start.
    pub fn offer(&self) {
        match self {
            Self::Loaded(loader) => call(loader, EXPORT_QR_OFFER, None, None),
            Self::Linked(_, offer) => offer(),
        }
    }

    /// The panel with the code of `url` (absolute), as soon as the module is there; `failed`
    /// is told why if it cannot come.
    pub fn show(&self, url: &str, failed: Rc<dyn Fn(String)>) {
        match self {
            Self::Loaded(loader) => call(loader, EXPORT_QR_SHOW, Some(url), Some(failed)),
            Self::Linked(show, _) => show(url),
        }
    }
}

/// The module's `export`, called with `arg` once the loader has it.
fn call(
    loader: &js_sys::Function,
    export: &'static str,
    arg: Option<&str>,
    failed: Option<Rc<dyn Fn(String)>>,
) {
    let loading = loader
        .call1(&JsValue::NULL, &JsValue::from_str(QR_META))
        .and_then(JsCast::dyn_into::<js_sys::Promise>);
    let arg = arg.map(JsValue::from_str);
    leptos::task::spawn_local(async move {
        let called = async {
            let module = wasm_bindgen_futures::JsFuture::from(loading?).await?;
            let function = js_sys::Reflect::get(&module, &JsValue::from_str(export))?
                .dyn_into::<js_sys::Function>()?;
            match arg {
                Some(arg) => function.call1(&JsValue::NULL, &arg),
                None => function.call0(&JsValue::NULL),
            }
        };
        if let (Err(error), Some(failed)) = (called.await, failed) {
            failed(
                error
                    .dyn_ref::<js_sys::Error>()
                    .map_or_else(|| "unknown error".to_owned(), |e| e.message().into()),
            );
        }
    });
}
