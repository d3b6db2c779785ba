//! The engine module of the `/compare` page (`class-spec-engine-compare`): only the views at
//! `/compare` ([`class_spec_engine::Views::Compare`]), so the page's first load carries no other view's
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
    class_spec_engine::document_in(Views::Compare, path, search, origin, kiosk).into()
}

fn main() {}
