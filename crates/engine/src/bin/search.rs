//! The engine module of the `/search` page (`class-spec-engine-search`): only the views at
//! `/search` ([`class_spec_engine::Views::Search`]), so the page's first load carries no other view's
//! code. (Natively this binary does nothing.)

/// See [`class_spec_engine::document_in`].
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn document(
    path: &str,
    search: &str,
    origin: &str,
    kiosk: bool,
) -> class_spec_engine::wasm::View {
    use class_spec_engine::Views;
    class_spec_engine::document_in(Views::Search, path, search, origin, kiosk).into()
}

fn main() {}
