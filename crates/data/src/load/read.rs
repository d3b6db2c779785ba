//! Reading: the data folder's files, each read and checked on its own.

use std::fs;
use std::path::{Path, PathBuf};

use super::check::{parse_series, parse_version, ParsedSeries, VersionRecord};
use crate::error::DataError;

/// Every data file read on its own, before the checks that span files.
#[derive(Debug, Default)]
pub struct Scan {
    /// Series ids, in file order.
    pub series_ids: Vec<String>,
    pub(super) series: Vec<ParsedSeries>,
    pub records: Vec<VersionRecord>,
    /// Problems within single files.
    pub errors: Vec<DataError>,
    pub warnings: Vec<DataError>,
    pub files: Vec<PathBuf>,
}

/// Reads every data file under `root` on its own; the importer uses this to learn the classes
/// already there even while the catalogue as a whole is incomplete.
pub fn scan_dir(root: &Path) -> Scan {
    let mut scan = Scan::default();
    let series_files = toml_files(&root.join("series"), &mut scan.errors);
    let class_files = toml_files(&root.join("classes"), &mut scan.errors);
    for (path, text) in &series_files {
        match parse_series(path, text) {
            Ok(parsed) => {
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
    scan.files = series_files
        .into_iter()
        .chain(class_files)
        .map(|(p, _)| p)
        .collect();
    scan
}

fn toml_files(dir: &Path, errors: &mut Vec<DataError>) -> Vec<(PathBuf, String)> {
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
