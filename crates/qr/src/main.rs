//! The QR module (`class-spec-qr`): the kiosk's "Take this with you" panel
//! ([`class_spec_qr::panel`]), exported to JavaScript. Loaded through `web/boot.js`'s loader
//! (`<meta name="qr">`, which the shell's own script writes: `scripts/postbuild.mjs`) only when
//! the shell asks for it, on a kiosk. (Natively this binary does nothing; the library is what is
//! tested.)

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::wasm_bindgen;

    /// Opens the panel with the code of `url` (an absolute address), or says it is too long.
    #[wasm_bindgen]
    pub fn show(url: &str) {
        class_spec_qr::panel::show(url);
    }

    /// A "Take this with you" button beside each official page's address, now and later.
    #[wasm_bindgen]
    pub fn offer() {
        class_spec_qr::panel::offer();
    }

    /// The allocator (the workspace's Cargo.toml says why not the standard library's).
    #[global_allocator]
    static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
}

fn main() {}
