//! Turns data files into a checked [`Catalogue`]: every error names its file and line. In three
//! parts: `read` finds and reads the files, `check` reads and checks one file on its own, and
//! `assemble` joins the files into a catalogue with the checks that span files.

mod assemble;
mod check;
mod folder;
mod glossary;
mod read;

use std::path::{Path, PathBuf};

use class_spec_core::Catalogue;

use crate::error::DataError;

pub use check::{
    is_identifier, is_source_url, parse_version, ParsedSeries, VersionRecord, VersionSpans,
};
pub use folder::{ClassFile, Folder};
pub use read::{scan_dir, scan_with, Scan};

/// A checked catalogue, with what deserves a person's attention but does not stop the build.
#[derive(Debug)]
pub struct Loaded {
    pub catalogue: Catalogue,
    /// Facts the importer proposed that nobody has confirmed yet.
    pub warnings: Vec<DataError>,
    /// Every file read, so a build script can re-run when one changes.
    pub files: Vec<PathBuf>,
}

/// Reads `root/series/*.toml` and `root/classes/*.toml` and checks them together.
///
/// # Errors
/// Every problem found, each with its file and line.
pub fn load_dir(root: &Path) -> Result<Loaded, Vec<DataError>> {
    load_with(root, &[])
}

/// Like [`load_dir`], with some files' texts given instead of read ([`scan_with`]): whether the
/// folder would pass the build's checks once they are written.
///
/// # Errors
/// Every problem found, each with its file and line.
pub fn load_with(root: &Path, given: &[(PathBuf, String)]) -> Result<Loaded, Vec<DataError>> {
    let Scan {
        series,
        records,
        checked,
        glossary,
        mut errors,
        warnings,
        files,
        ..
    } = scan_with(root, given);
    let files_unread = !errors.is_empty();
    let mut catalogue = assemble::assemble(series, records, files_unread, &mut errors);
    catalogue.checked = checked;
    catalogue.glossary = glossary.into();
    if errors.is_empty() {
        Ok(Loaded {
            catalogue,
            warnings,
            files,
        })
    } else {
        Err(errors)
    }
}

/// The data folder a build bakes: `CSE_DATA_DIR` when set (tests and trial builds with other
/// data, such as an agency's own series), else `default` (the project's `data/`).
pub fn data_dir_for_build(default: PathBuf) -> PathBuf {
    println!("cargo::rerun-if-env-changed={DATA_DIR}");
    std::env::var_os(DATA_DIR).map_or(default, PathBuf::from)
}

/// Names another data folder for a build ([`data_dir_for_build`]).
pub const DATA_DIR: &str = "CSE_DATA_DIR";

/// For build scripts: loads and checks the data folder, tells Cargo to run again when any data
/// file changes and passes on the warnings; on errors prints each (`file:line:col` and message)
/// and stops the build.
pub fn load_for_build(root: &Path) -> Loaded {
    println!("cargo::rerun-if-changed={}", root.display());
    println!("cargo::rerun-if-changed={}", root.join("classes").display());
    println!("cargo::rerun-if-changed={}", root.join("series").display());
    let loaded = match load_dir(root) {
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
    // The benchmark's load case (scripts/bench): a build of its own with a synthetic catalogue.
    println!("cargo::rerun-if-env-changed={SYNTHETIC}");
    let mut loaded = loaded;
    if let Some(classes) = std::env::var(SYNTHETIC)
        .ok()
        .and_then(|n| n.parse::<usize>().ok())
        .filter(|n| *n > 0)
    {
        println!("cargo::warning=baked a synthetic catalogue of {classes} classes ({SYNTHETIC}): for the benchmark only, never ship this build");
        loaded.catalogue = crate::synthetic(&loaded.catalogue, classes);
    }
    loaded
}

/// Set to a number of classes, the build bakes a synthetic catalogue of that size instead of
/// the data (see [`crate::synthetic`]).
pub const SYNTHETIC: &str = "CSE_SYNTHETIC_CLASSES";
