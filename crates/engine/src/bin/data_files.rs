//! Writes the catalogue the engine bakes as data files (`class_spec_core::data_files`): the
//! index and one file per series, each named for its bytes, into the folder named by its one
//! argument (the build's folder; the files go under the contract's `CATALOGUE_FILES`), and
//! prints the index's address and integrity hash as JSON, for `scripts/postbuild.mjs`. The same
//! catalogue gives the same bytes. Native only.

use std::path::PathBuf;

use class_spec_core::contract::{json_string, RECORD_DATA_INDEX, RECORD_DATA_INTEGRITY};

fn main() {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: class-spec-data-files DIR");
        std::process::exit(2);
    };
    let files = class_spec_engine::data_files(class_spec_engine::catalogue());
    for file in &files {
        let path = dir.join(file.address.trim_start_matches('/'));
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap_or_else(|e| fail(&parent.display(), &e));
        }
        std::fs::write(&path, &file.bytes).unwrap_or_else(|e| fail(&path.display(), &e));
    }
    let index = &files[0];
    println!(
        "{{{}:{},{}:{}}}",
        json_string(RECORD_DATA_INDEX),
        json_string(&index.address),
        json_string(RECORD_DATA_INTEGRITY),
        json_string(&index.integrity)
    );
}

fn fail(path: &dyn std::fmt::Display, error: &std::io::Error) -> ! {
    eprintln!("class-spec-data-files: {path}: {error}");
    std::process::exit(1);
}
