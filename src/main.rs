//! The shell as a wasm module: `start`, exported to JavaScript for `web/boot.js`.

use wasm_bindgen::prelude::wasm_bindgen;

/// Adopts the page as it is (see [`class_spec_explorer::start`]); `load_module` is
/// `web/boot.js`'s module loader (the whole engine when given no name, the QR module when
/// given `"qr"`), `insert_view` its one way to put a view's HTML into the page (the page's
/// Trusted Types policy), `prepare` its promise that the whole engine holds the data files
/// the view at an address (path, query) needs.
#[wasm_bindgen]
pub fn start(
    load_module: js_sys::Function,
    insert_view: js_sys::Function,
    prepare: js_sys::Function,
) {
    class_spec_explorer::document::insert_views_with(insert_view);
    class_spec_explorer::start(
        class_spec_explorer::engine::Engine::loaded_with_data(load_module.clone(), prepare),
        class_spec_explorer::qr::Qr::Loaded(load_module),
    );
}

/// The allocator (the workspace's Cargo.toml says why not the standard library's).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {}
