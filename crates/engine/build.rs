//! Checks the data files and bakes them into the engine. A malformed or inconsistent file stops
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
    let loaded = class_spec_data::load_for_build(&root);
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("catalogue.rs");
    std::fs::write(&out, class_spec_data::bake(&loaded.catalogue))
        .expect("write the baked catalogue");
}
