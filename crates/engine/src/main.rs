//! The whole engine as a wasm module (`class-spec-engine`): every view, and the spreadsheets,
//! exported to JavaScript. (Natively this binary does nothing; the library is what is tested.)

#[cfg(target_arch = "wasm32")]
mod exports {
    use class_spec_engine::wasm::View;
    use wasm_bindgen::prelude::wasm_bindgen;

    /// See [`class_spec_engine::page`].
    #[wasm_bindgen]
    pub fn page(path: &str, search: &str, origin: &str, kiosk: bool) -> View {
        class_spec_engine::page(path, search, origin, kiosk).into()
    }

    /// A view's spreadsheet: its file's name and its CSV, two values (read in JavaScript as
    /// `sheet.name` and `sheet.text`).
    #[wasm_bindgen(getter_with_clone)]
    pub struct Spreadsheet {
        pub name: String,
        pub text: String,
    }

    /// See [`class_spec_engine::csv`]: `undefined` when the view has no spreadsheet.
    #[wasm_bindgen]
    pub fn csv(path: &str, search: &str) -> Option<Spreadsheet> {
        class_spec_engine::csv(path, search).map(|sheet| Spreadsheet {
            name: sheet.name,
            text: sheet.text,
        })
    }

    class_spec_engine::export_document!(All);
}

fn main() {}
