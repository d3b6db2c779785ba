//! Reading: the data folder's files, each read and checked on its own.

use std::fs;
use std::path::{Path, PathBuf};

use super::check::{parse_series, parse_version, ParsedSeries, VersionRecord};
use super::glossary::parse_glossary;
use class_spec_core::glossary::Term;
use class_spec_core::Date;

use crate::error::{DataError, Source};
use crate::schema::CatalogueFile;

/// Every data file read on its own, before the checks that span files.
#[derive(Debug, Default)]
pub struct Scan {
    /// Series ids, in file order.
    pub series_ids: Vec<String>,
    /// The series files read, in file order.
    pub series: Vec<ParsedSeries>,
    pub records: Vec<VersionRecord>,
    /// When the data was last gathered or checked (`catalogue.toml`), if it says.
    pub checked: Option<Date>,
    /// The words of the trade (`glossary.toml`), if the data has them.
    pub glossary: Vec<Term>,
    /// Problems within single files.
    pub errors: Vec<DataError>,
    pub warnings: Vec<DataError>,
    pub files: Vec<PathBuf>,
}

/// Reads every data file under `root` on its own; the importer uses this to learn the classes
/// already there even while the catalogue as a whole is incomplete.
pub fn scan_dir(root: &Path) -> Scan {
    scan_with(root, &[])
}

/// Like [`scan_dir`], with some files' texts given instead of read (new files, or changed
/// ones): what the folder would hold once they are written. The importer checks its changes
/// this way before it writes any of them.
pub fn scan_with(root: &Path, given: &[(PathBuf, String)]) -> Scan {
    let mut errors = Vec::new();
    let mut series_files = toml_files(&root.join("series"), &mut errors);
    let mut class_files = toml_files(&root.join("classes"), &mut errors);
    for (path, text) in given {
        let files = if path.parent() == Some(root.join("series").as_path()) {
            &mut series_files
        } else {
            &mut class_files
        };
        match files.iter_mut().find(|(p, _)| p == path) {
            Some(file) => file.1.clone_from(text),
            None => files.push((path.clone(), text.clone())),
        }
    }
    series_files.sort();
    class_files.sort();
    let mut scan = Scan {
        errors,
        ..Scan::default()
    };
    read_about(root, &mut scan);
    read_glossary(root, &mut scan);
    for (path, text) in &series_files {
        match parse_series(path, text) {
            Ok(mut parsed) => {
                scan.warnings.append(&mut parsed.warnings);
                scan.series_ids.push(parsed.series.id.to_string());
                scan.series.push(parsed);
            }
            Err(mut e) => scan.errors.append(&mut e),
        }
    }
    for (path, text) in &class_files {
        match parse_version(path, text) {
            Ok((record, mut w)) => {
                scan.warnings.append(&mut w);
                scan.records.push(record);
            }
            Err(mut e) => scan.errors.append(&mut e),
        }
    }
    if series_files.is_empty() && class_files.is_empty() && scan.errors.is_empty() {
        scan.errors.push(DataError {
            file: root.to_path_buf(),
            line: 1,
            column: 1,
            message: "no data files: expected series/*.toml and classes/*.toml".into(),
        });
    }
    scan.files
        .extend(series_files.into_iter().chain(class_files).map(|(p, _)| p));
    scan
}

/// `root/catalogue.toml`, about the data as a whole, when there is one.
fn read_about(root: &Path, scan: &mut Scan) {
    let about = root.join("catalogue.toml");
    let Ok(text) = fs::read_to_string(&about) else {
        return;
    };
    let source = Source {
        path: &about,
        text: &text,
    };
    match toml::from_str::<CatalogueFile>(&text) {
        Ok(file) => match Date::parse_iso(file.checked.get_ref()) {
            Ok(date) => scan.checked = Some(date),
            Err(e) => scan.errors.push(
                source.error_at(file.checked.span(), format!("`checked` is not a date: {e}")),
            ),
        },
        Err(e) => scan
            .errors
            .push(source.error_at(e.span().unwrap_or(0..0), e.message().trim().to_owned())),
    }
    scan.files.push(about);
}

/// `root/glossary.toml`, the words of the trade, when there is one.
fn read_glossary(root: &Path, scan: &mut Scan) {
    let path = root.join("glossary.toml");
    let Ok(text) = fs::read_to_string(&path) else {
        return;
    };
    match parse_glossary(&path, &text) {
        Ok(terms) => scan.glossary = terms,
        Err(mut errors) => scan.errors.append(&mut errors),
    }
    scan.files.push(path);
}

pub(super) fn toml_files(dir: &Path, errors: &mut Vec<DataError>) -> Vec<(PathBuf, String)> {
    toml_paths(dir, errors)
        .into_iter()
        .filter_map(|path| match fs::read_to_string(&path) {
            Ok(text) => Some((path, text)),
            Err(e) => {
                errors.push(DataError {
                    file: path,
                    line: 1,
                    column: 1,
                    message: format!("cannot read the file as UTF-8 text: {e}"),
                });
                None
            }
        })
        .collect()
}

/// The `*.toml` files of `dir`, sorted.
pub(super) fn toml_paths(dir: &Path, errors: &mut Vec<DataError>) -> Vec<PathBuf> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(DataError {
                file: dir.to_path_buf(),
                line: 1,
                column: 1,
                message: format!("cannot read the folder: {e}"),
            });
            return Vec::new();
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    paths.sort();
    paths
}
