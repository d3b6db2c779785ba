//! Checks the data files and bakes them into the engine's native builds (the build's bins, the
//! tests); a wasm module bakes nothing. A malformed or inconsistent file stops
//! the build here, with its file, line and column, before any Rust is compiled.

use std::path::Path;

fn main() {
    // The workspace's data folder, two levels up from this crate (or CSE_DATA_DIR's).
    let root = class_spec_data::data_dir_for_build(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .ancestors()
            .nth(2)
            .expect("the engine crate sits in crates/engine")
            .join("data"),
    );
    // Checked for every target, so a malformed file stops any build with its file and line.
    let loaded = class_spec_data::load_for_build(&root);
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("catalogue.rs");
    // A wasm module bakes nothing: it is given the data files a view needs (src/store.rs);
    // but with the `baked` feature (the shell's component tests link the engine in).
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32")
        && std::env::var_os("CARGO_FEATURE_BAKED").is_none();
    let baked = if wasm {
        String::new()
    } else {
        class_spec_data::bake(&loaded.catalogue)
    };
    std::fs::write(&out, baked).expect("write the baked catalogue");
}
