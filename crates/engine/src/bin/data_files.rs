//! Writes the catalogue the engine bakes as data files (`class_spec_core::data_files`): the
//! index and one file per series, each named for its bytes, into the folder named by its one
//! argument (the build's folder; the files go under the contract's `CATALOGUE_FILES`), and
//! prints the index's address and integrity hash as JSON, for `scripts/postbuild.mjs`. The same
//! catalogue gives the same bytes. Native only.

use std::path::PathBuf;

fn main() {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: class-spec-data-files DIR");
        std::process::exit(2);
    };
    match class_spec_engine::write_data_files(class_spec_engine::catalogue(), &dir) {
        Ok(files) => println!("{}", class_spec_engine::index_record(&files[0])),
        Err(why) => {
            eprintln!("class-spec-data-files: {why}");
            std::process::exit(1);
        }
    }
}
