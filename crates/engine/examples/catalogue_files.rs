//! Writes the data files of a data folder (`data/`'s layout: `series/`, `classes/`), read and
//! checked as the build reads its own, into OUT, as the build writes the real catalogue's, and
//! prints the index's address and integrity hash as JSON (the record `class-spec-data-files`
//! prints). The engine's code is the same for every catalogue; only these files change. The
//! end-to-end test of a catalogue of many series (`tests/e2e/many-series.test.mjs`) serves a
//! copy of the release build with the files of a folder the importer filled from made-up pages:
//!
//! `cargo run -p class-spec-engine --example catalogue_files -- DATA OUT`

use std::path::PathBuf;

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
    let files = class_spec_engine::write_data_files(&loaded.catalogue, &out)
        .unwrap_or_else(|why| panic!("{why}"));
    println!("{}", class_spec_engine::index_record(&files[0]));
}
