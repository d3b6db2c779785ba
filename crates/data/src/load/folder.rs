//! The data folder as the importer sees it: every series file read and checked (they are few and
//! small), and of every class file only what other files refer to (its code, title, series,
//! version and address, read from the file's `[class]` and `[version]` tables), so that an
//! import into a folder of thousands of classes checks what it touches, not every file again.
//!
//! Why this is enough: the build checks every file ([`super::load_dir`]). A file the import does
//! not change passed its own checks there and still does; what an import can break is the file
//! it writes (checked whole, [`super::parse_version`]), the other versions of its class (read
//! whole here, [`Folder::check`]) and the rules that span files, which [`Folder::check`] runs
//! with the build's own code (`assemble::cross_file`) for the classes it touches against an index
//! of every class and every series. A class file whose tables cannot be read this way is read
//! whole, and its errors refuse the import, as before.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::assemble::{cross_file, ClassIndex};
use super::check::{parse_series, parse_version, ParsedSeries, VersionRecord};
use super::read::{toml_files, toml_paths};
use crate::error::DataError;

/// One class-version file, by what other files refer to.
#[derive(Debug, Clone)]
pub struct ClassFile {
    pub path: PathBuf,
    pub code: String,
    pub title: String,
    pub series: String,
    pub version_id: String,
    pub source_url: String,
    /// The file's text when it is not on disk yet (a change of this run); else read again when
    /// the file is checked whole, so that thousands of files are not held in memory.
    text: Option<String>,
    /// What follows "of experience as a" in the file, lowercased: the class titles its routes
    /// may name (a file whose route names a class just imported is found by these).
    named: Vec<String>,
}

/// The data folder's series and the headings of its class files.
#[derive(Debug)]
pub struct Folder {
    root: PathBuf,
    pub series: Vec<ParsedSeries>,
    /// In path order, as the build reads them.
    pub classes: Vec<ClassFile>,
    /// Files that could not be read or do not pass their own checks.
    pub errors: Vec<DataError>,
    /// Each code's title, as its first file (in path order) writes it.
    titles: BTreeMap<String, usize>,
}

/// The `[class]` and `[version]` tables' keys the folder keeps; the rest of the file is read
/// only when the file is checked whole.
#[derive(Deserialize)]
struct Heading {
    class: HeadingClass,
    version: HeadingVersion,
}

#[derive(Deserialize)]
struct HeadingClass {
    code: String,
    title: String,
    series: String,
}

#[derive(Deserialize)]
struct HeadingVersion {
    id: String,
    source_url: String,
}

impl ClassFile {
    /// The file's heading: from its text up to its first array of tables (cheap), or, when that
    /// is not a heading, from the whole file checked on its own.
    fn read(path: &Path, text: &str, keep: bool) -> Result<Self, Vec<DataError>> {
        let end = find(text, "\n[[").unwrap_or(text.len());
        let (code, title, series, version_id, source_url) =
            if let Ok(h) = toml::from_str::<Heading>(&text[..end]) {
                (
                    h.class.code,
                    h.class.title,
                    h.class.series,
                    h.version.id,
                    h.version.source_url,
                )
            } else {
                let (r, _) = parse_version(path, text)?;
                (
                    r.code.into_owned(),
                    r.title.into_owned(),
                    r.series.into_owned(),
                    r.version.id.into_owned(),
                    r.version.source_url.into_owned(),
                )
            };
        Ok(Self {
            path: path.to_path_buf(),
            named: named(text),
            code,
            title,
            series,
            version_id,
            source_url,
            text: keep.then(|| text.to_owned()),
        })
    }

    /// The whole file read and checked on its own.
    ///
    /// # Errors
    /// Every problem found in the file.
    pub fn record(&self) -> Result<VersionRecord, Vec<DataError>> {
        let read;
        let text = if let Some(text) = &self.text {
            text
        } else {
            read = std::fs::read_to_string(&self.path).map_err(|e| {
                vec![DataError {
                    file: self.path.clone(),
                    line: 1,
                    column: 1,
                    message: format!("cannot read the file as UTF-8 text: {e}"),
                }]
            })?;
            &read
        };
        parse_version(&self.path, text).map(|(record, _)| record)
    }
}

/// What follows each "of experience as a(n)" in the file's Desirable Qualifications (where
/// routes are read; the whole file if it has no such section), lowercased, to the end of its
/// sentence. Only that section is lowercased and searched: over thousands of files, lowercasing
/// every byte cost more than the rest of an import together (measured with perf).
fn named(text: &str) -> Vec<String> {
    let section = find(text, "desirable-qualifications").map_or(text, |at| {
        let rest = &text[at..];
        let end = find(rest, "\n[").unwrap_or(rest.len());
        &rest[..end]
    });
    let lower = section.to_ascii_lowercase();
    let mut out = Vec::new();
    for (at, _) in lower.match_indices("of experience as a") {
        let rest = &lower[at + "of experience as a".len()..];
        let rest = rest.strip_prefix("n ").or_else(|| rest.strip_prefix(' '));
        let Some(rest) = rest else { continue };
        let end = rest
            .find(['.', '\n', '\\', '\'', '"'])
            .unwrap_or(rest.len());
        out.push(rest[..end].trim().to_owned());
    }
    out
}

/// Where `needle` first occurs in `text` (SIMD search: the standard library's was a tenth of an
/// import's time over thousands of files, measured with perf).
fn find(text: &str, needle: &str) -> Option<usize> {
    memchr::memmem::find(text.as_bytes(), needle.as_bytes())
}

impl Folder {
    /// Reads `root/series/*.toml` whole and the heading of each `root/classes/*.toml`.
    pub fn read(root: &Path) -> Self {
        let mut errors = Vec::new();
        let series_files = toml_files(&root.join("series"), &mut errors);
        let class_files = toml_paths(&root.join("classes"), &mut errors);
        let mut series = Vec::new();
        for (path, text) in &series_files {
            match parse_series(path, text) {
                Ok(parsed) => series.push(parsed),
                Err(mut e) => errors.append(&mut e),
            }
        }
        let mut classes = Vec::new();
        // One buffer for every file: thousands of fresh allocations cost the kernel's time.
        let mut buffer = Vec::new();
        for path in class_files {
            buffer.clear();
            let read = std::fs::File::open(&path).and_then(|mut f| f.read_to_end(&mut buffer));
            let text = read
                .map_err(|e| e.to_string())
                .and_then(|_| std::str::from_utf8(&buffer).map_err(|e| e.to_string()));
            let file = text
                .map_err(|e| {
                    vec![DataError {
                        file: path.clone(),
                        line: 1,
                        column: 1,
                        message: format!("cannot read the file as UTF-8 text: {e}"),
                    }]
                })
                .and_then(|text| ClassFile::read(&path, text, false));
            match file {
                Ok(file) => classes.push(file),
                Err(mut e) => errors.append(&mut e),
            }
        }
        let mut folder = Self {
            root: root.to_path_buf(),
            series,
            classes,
            errors,
            titles: BTreeMap::new(),
        };
        folder.index_titles();
        folder
    }

    fn index_titles(&mut self) {
        self.titles.clear();
        for (i, file) in self.classes.iter().enumerate() {
            self.titles.entry(file.code.clone()).or_insert(i);
        }
    }

    /// The folder read.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The title of the class `code` (as its first file writes it).
    pub fn title_of(&self, code: &str) -> Option<&str> {
        self.titles
            .get(code)
            .map(|&i| self.classes[i].title.as_str())
    }

    /// The series `id`, if a file defines it.
    pub fn series(&self, id: &str) -> Option<&ParsedSeries> {
        self.series.iter().find(|s| s.series.id == id)
    }

    fn is_series_file(&self, path: &Path) -> bool {
        path.parent() == Some(self.root.join("series").as_path())
    }

    /// Every class file whose routes may name the class titled `title` (what follows "of
    /// experience as a" starts with it), read whole; files with errors are left out (they
    /// refuse any import, [`Folder::check`]).
    pub fn records_naming(&self, title: &str) -> Vec<VersionRecord> {
        let title = title.to_ascii_lowercase();
        self.classes
            .iter()
            .filter(|f| f.named.iter().any(|n| n.starts_with(&title)))
            .filter_map(|f| f.record().ok())
            .collect()
    }

    /// Whether the folder, with the files `given` written (new ones or replacements), would pass
    /// the build's checks, on the assumption that it passes them now: every given file read and
    /// checked whole, the other versions of their classes too, and the rules that span files
    /// for those classes against every class and series of the folder.
    ///
    /// # Errors
    /// Every problem found, each with its file and line; the folder's own unreadable files too.
    pub fn check(&self, given: &[(PathBuf, String)]) -> Result<(), Vec<DataError>> {
        let mut errors = self.errors.clone();
        let mut new_series = Vec::new();
        let mut records = Vec::new();
        for (path, text) in given {
            if self.is_series_file(path) {
                match parse_series(path, text) {
                    Ok(parsed) => new_series.push(parsed),
                    Err(mut e) => errors.append(&mut e),
                }
            } else {
                match parse_version(path, text) {
                    Ok((record, _)) => records.push(record),
                    Err(mut e) => errors.append(&mut e),
                }
            }
        }
        let replaced = |path: &Path| given.iter().any(|(p, _)| p == path);
        let mut series: Vec<&ParsedSeries> = self
            .series
            .iter()
            .filter(|s| !replaced(s.path()))
            .chain(&new_series)
            .collect();
        // In path order, as the build reads them (its messages list them so).
        series.sort_by(|a, b| a.path().cmp(b.path()));
        // Every class after the change, in path order: (path, code, series).
        let mut all: Vec<(&Path, &str, &str)> = self
            .classes
            .iter()
            .filter(|f| !replaced(&f.path))
            .map(|f| (f.path.as_path(), f.code.as_str(), f.series.as_str()))
            .chain(
                records
                    .iter()
                    .map(|r| (r.spans.file.as_path(), r.code.as_ref(), r.series.as_ref())),
            )
            .collect();
        all.sort_by(|a, b| a.0.cmp(b.0));
        let mut index = ClassIndex::new();
        for (_, code, series) in &all {
            index
                .entry(code.to_ascii_uppercase())
                .or_insert_with(|| ((*code).to_owned(), (*series).to_owned()));
        }
        // The classes touched: those of the given files, and those whose file a given one replaces.
        let touched: BTreeSet<String> = records
            .iter()
            .map(|r| r.code.to_ascii_uppercase())
            .chain(
                self.classes
                    .iter()
                    .filter(|f| replaced(&f.path))
                    .map(|f| f.code.to_ascii_uppercase()),
            )
            .collect();
        for file in &self.classes {
            if touched.contains(&file.code.to_ascii_uppercase()) && !replaced(&file.path) {
                match file.record() {
                    Ok(record) => records.push(record),
                    Err(mut e) => errors.append(&mut e),
                }
            }
        }
        records.sort_by(|a, b| a.spans.file.cmp(&b.spans.file));
        let mut specs: BTreeMap<String, Vec<VersionRecord>> = BTreeMap::new();
        for record in records {
            specs
                .entry(record.code.to_ascii_uppercase())
                .or_default()
                .push(record);
        }
        let specs: Vec<Vec<VersionRecord>> = specs.into_values().collect();
        let files_unread = !errors.is_empty();
        cross_file(&specs, &index, &series, files_unread, &mut errors);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// The folder as it will be once `given` is written (a run that imports many pages checks
    /// each against the ones before it).
    ///
    /// # Errors
    /// A given file that does not pass its own checks (nothing is changed then).
    pub fn apply(&mut self, given: &[(PathBuf, String)]) -> Result<(), Vec<DataError>> {
        let mut series = Vec::new();
        let mut classes = Vec::new();
        for (path, text) in given {
            if self.is_series_file(path) {
                series.push(parse_series(path, text)?);
            } else {
                classes.push(ClassFile::read(path, text, true)?);
            }
        }
        for parsed in series {
            match self.series.iter_mut().find(|s| s.path() == parsed.path()) {
                Some(old) => *old = parsed,
                None => self.series.push(parsed),
            }
        }
        for file in classes {
            match self.classes.binary_search_by(|f| f.path.cmp(&file.path)) {
                Ok(at) => self.classes[at] = file,
                Err(at) => self.classes.insert(at, file),
            }
        }
        self.index_titles();
        Ok(())
    }
}
