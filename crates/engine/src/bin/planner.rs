//! The engine module of the `/planner` page (`class-spec-engine-planner`): only the views at
//! `/planner` ([`class_spec_engine::Views::Planner`]), so the page's first load carries no other view's
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
    class_spec_engine::document_in(Views::Planner, path, search, origin, kiosk).into()
}

fn main() {}
