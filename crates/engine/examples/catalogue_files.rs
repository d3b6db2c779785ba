//! Writes the data files of a data folder (`data/`'s layout: `series/`, `classes/`), read and
//! checked as the build reads its own, into OUT, as the build writes the real catalogue's, and
//! prints the index's address and integrity hash as JSON (the record `class-spec-data-files`
//! prints). The engine's code is the same for every catalogue; only these files change. The
//! end-to-end test of a catalogue of many series (`tests/e2e/many-series.test.mjs`) serves a
//! copy of the release build with the files of a folder the importer filled from made-up pages:
//!
//! `cargo run -p class-spec-engine --example catalogue_files -- DATA OUT`

use std::path::PathBuf;

use class_spec_core::contract::{json_string, RECORD_DATA_INDEX, RECORD_DATA_INTEGRITY};

fn main() {
    let mut args = std::env::args_os().skip(1).map(PathBuf::from);
    let (Some(data), Some(out)) = (args.next(), args.next()) else {
        eprintln!("usage: catalogue_files DATA OUT");
        std::process::exit(2);
    };
    let loaded = class_spec_data::load_dir(&data).unwrap_or_else(|errors| {
        for error in errors {
            eprintln!("{error}");
        }
        std::process::exit(1);
    });
    let files = class_spec_engine::data_files(&loaded.catalogue);
    for file in &files {
        let path = out.join(file.address.trim_start_matches('/'));
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("the folder");
        std::fs::write(&path, &file.bytes).expect("the file");
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
