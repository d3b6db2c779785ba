//! Writes the catalogue the engine bakes as open data (`class_spec_core::open_data`): the
//! index, one file per series, the schema and the table of every class version, into the
//! folder named by its one argument (the build's `data/v1/`, `scripts/postbuild.mjs`). The same
//! catalogue gives the same bytes. Native only.

use std::path::PathBuf;

fn main() {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: class-spec-open-data DIR");
        std::process::exit(2);
    };
    for file in class_spec_core::open_data::files(class_spec_engine::catalogue()) {
        let path = dir.join(&file.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap_or_else(|e| fail(&parent.display(), &e));
        }
        std::fs::write(&path, file.text).unwrap_or_else(|e| fail(&path.display(), &e));
    }
}

fn fail(path: &dyn std::fmt::Display, error: &std::io::Error) -> ! {
    eprintln!("class-spec-open-data: {path}: {error}");
    std::process::exit(1);
}
