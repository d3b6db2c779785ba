//! Checks the data files and bakes them into the engine. A malformed or inconsistent file stops
//! the build here, with its file, line and column, before any Rust is compiled.

use std::path::Path;

fn main() {
    // The workspace's data folder, two levels up from this crate.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("the engine crate sits in crates/engine")
        .join("data");
    println!("cargo::rerun-if-changed={}", root.display());
    println!("cargo::rerun-if-changed={}", root.join("classes").display());
    println!("cargo::rerun-if-changed={}", root.join("series").display());
    let loaded = match class_spec_data::load_dir(&root) {
        Ok(loaded) => loaded,
        Err(errors) => {
            eprintln!("\nThe data files do not pass their checks:\n");
            for error in &errors {
                eprintln!("error: {error}");
            }
            eprintln!();
            std::process::exit(1);
        }
    };
    for file in &loaded.files {
        println!("cargo::rerun-if-changed={}", file.display());
    }
    for warning in &loaded.warnings {
        println!("cargo::warning={warning}");
    }
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("catalogue.rs");
    std::fs::write(&out, class_spec_data::bake(&loaded.catalogue))
        .expect("write the baked catalogue");
}
