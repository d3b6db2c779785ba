//! The engine as a wasm module: its library's functions, exported to JavaScript. (Natively
//! this binary does nothing; the library is what is tested.)

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::wasm_bindgen;

    /// See [`class_spec_engine::page`].
    #[wasm_bindgen]
    pub fn page(path: &str, search: &str, origin: &str, kiosk: bool) -> String {
        class_spec_engine::page(path, search, origin, kiosk)
    }

    /// See [`class_spec_engine::csv`].
    #[wasm_bindgen]
    pub fn csv(path: &str, search: &str) -> String {
        class_spec_engine::csv(path, search)
    }

    /// See [`class_spec_engine::document`].
    #[wasm_bindgen]
    pub fn document(path: &str, search: &str, origin: &str, kiosk: bool) -> String {
        class_spec_engine::document(path, search, origin, kiosk)
    }
}

fn main() {}
