//! The catalogue as data files (issue 24, item 1): an [`Index`] (every series' id, title, file
//! and classes' codes, the glossary, what the views say of the whole) and one [`SeriesFile`] per
//! series, and which series a view needs ([`needs`]). The build writes them (the engine's native
//! `class-spec-data-files`); a wasm engine given the index and the files a view needs draws that
//! view exactly as from the whole catalogue (`crates/engine/tests/data_files.rs`).
//!
//! The types are plain; with the core's `wire` feature they are written and read as bytes
//! ([`Index::encode`], [`Index::decode`], …; the format is `wire.rs`'s).

use crate::date::Date;
use crate::glossary::Term;
use crate::model::{Catalogue, ClassSpec, Qualifications, Requirement, Series, Text, Whole};
use crate::route::Route;

type List<T> = std::borrow::Cow<'static, [T]>;

/// The index of the data files: what every view's first load needs to know which series files
/// to fetch, and what the views say of the whole catalogue.
#[derive(Clone, Debug, PartialEq)]
pub struct Index {
    /// The build's data, named by a hash of all of it: every series file carries it, so files of
    /// two builds are never drawn from together.
    pub build: Text,
    /// The series in the catalogue's order (the home series first).
    pub series: List<Entry>,
    /// The catalogue's `checked` date.
    pub checked: Option<Date>,
    /// The glossary (every view's "Terms on this page").
    pub glossary: List<Term>,
    /// What the views say of the whole catalogue ([`Catalogue::summary`]).
    pub whole: Whole,
}

/// A series in the [`Index`].
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub id: Text,
    pub title: Text,
    /// Its file's address (`/catalogue/css-0123456789abcdef.bin`).
    pub file: Text,
    /// Its file's Subresource Integrity hash (`sha384-…`).
    pub integrity: Text,
    /// The codes of its classes, in its file's order.
    pub classes: List<Text>,
    /// Where each of its classes stands in the whole catalogue's list of classes (beside
    /// `classes`), so that a catalogue of some series lists them in the whole's order.
    pub at: List<u32>,
    /// The ids of the other series its data names (a related class, a route naming a class).
    pub names: List<Text>,
}

/// One series' data file.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesFile {
    /// The [`Index::build`] of the index it was written with.
    pub build: Text,
    pub series: Series,
    /// Its classes, as [`Entry::classes`] lists them.
    pub classes: List<ClassSpec>,
}

impl Index {
    /// The series (its position in [`Index::series`]) a class code belongs to, ignoring ASCII
    /// case as [`Catalogue::class`] does.
    pub fn series_of_class(&self, code: &str) -> Option<usize> {
        self.series
            .iter()
            .position(|s| s.classes.iter().any(|c| c.eq_ignore_ascii_case(code)))
    }

    /// A series by its id, ignoring ASCII case as [`Catalogue::series_by_id`] does.
    pub fn series_by_id(&self, id: &str) -> Option<usize> {
        self.series
            .iter()
            .position(|s| s.id.eq_ignore_ascii_case(id))
    }

    /// The catalogue of the series given (each with its file), in the index's order, carrying
    /// what the views say of the whole when some series are missing: the catalogue every view
    /// whose [`needs`] it holds draws exactly as the whole.
    pub fn catalogue<'a>(&self, held: impl IntoIterator<Item = &'a SeriesFile>) -> Catalogue {
        let held: Vec<&SeriesFile> = held.into_iter().collect();
        let mut series = Vec::new();
        let mut classes: Vec<(u32, &ClassSpec)> = Vec::new();
        for entry in self.series.iter() {
            if let Some(file) = held.iter().find(|f| f.series.id == entry.id) {
                series.push(file.series.clone());
                classes.extend(entry.at.iter().copied().zip(file.classes.iter()));
            }
        }
        crate::sort::sort_by(&mut classes, &|a, b| a.0.cmp(&b.0));
        let partial = series.len() < self.series.len();
        Catalogue {
            series: series.into(),
            classes: classes
                .into_iter()
                .map(|(_, class)| class.clone())
                .collect(),
            checked: self.checked,
            glossary: self.glossary.clone(),
            whole: partial.then(|| self.whole.clone()),
        }
    }
}

/// The ids of the other series the data of `series` names: its related classes' series and
/// the series of every class a qualification route of its classes names. A class the
/// catalogue does not hold names no series.
pub fn named_series(catalogue: &Catalogue, series: &Series) -> Vec<Text> {
    let mut codes: Vec<&str> = series.related.iter().map(|r| r.code.as_ref()).collect();
    for class in catalogue.classes.iter().filter(|c| c.series == series.id) {
        for version in class.versions.iter() {
            if let Qualifications::Routes(routes) = &version.qualifications {
                codes.extend(routes.iter().filter_map(|r| match &r.requirement {
                    Requirement::YearsInClass { class, .. } => Some(class.as_ref()),
                    _ => None,
                }));
            }
        }
    }
    let mut named: Vec<Text> = Vec::new();
    for code in codes {
        if let Some(class) = catalogue.class(code) {
            if class.series != series.id && !named.contains(&class.series) {
                named.push(class.series.clone());
            }
        }
    }
    named
}

/// Which series (positions in [`Index::series`], in its order) the view at `route` needs (`None`:
/// an address no route reads, the not-found view): with them, the view draws exactly as from the
/// whole catalogue.
///
/// A comparison needs the series of its picked classes, a plan the series of the person's
/// class, a class, a series or its path its series; each view the home series (the first),
/// which many show or fall back to. Every series its series name comes too, and theirs
/// (the closure: a series' page shows its related classes, a plan judges the classes its
/// routes name). The views that list every class or every series need them all: the not-found
/// view, the picker with nothing picked (and any picker of a catalogue it lists whole), the
/// index of all classes, search, the glossary, the levels view (its other series), an
/// embedded view; and so does a class or series the index does not hold (the not-found view).
pub fn needs(index: &Index, route: Option<&Route>) -> Vec<usize> {
    let all = || (0..index.series.len()).collect();
    let mut wanted: Vec<usize> = Vec::new();
    match route {
        Some(Route::Home | Route::Path) => {}
        Some(Route::Class { code, .. }) => match index.series_of_class(code) {
            Some(at) => wanted.push(at),
            None => return all(),
        },
        Some(Route::Series { id } | Route::SeriesPath { id }) => match index.series_by_id(id) {
            Some(at) => wanted.push(at),
            None => return all(),
        },
        Some(Route::Compare { picks }) => {
            let listed_whole = index.whole.classes as usize <= crate::compare::PICKER_LISTS_UP_TO;
            if picks.is_empty() || listed_whole {
                return all();
            }
            wanted.extend(picks.iter().filter_map(|p| index.series_of_class(&p.code)));
        }
        Some(Route::Planner { input }) => {
            wanted.extend(index.series_of_class(input.current_class.trim()));
        }
        None
        | Some(
            Route::Search { .. }
            | Route::Classes { .. }
            | Route::Glossary
            | Route::Levels { .. }
            | Route::Embed { .. },
        ) => return all(),
    }
    if !index.series.is_empty() {
        wanted.push(0);
    }
    closure(index, wanted)
}

/// `start` and every series they name, and those name, …, once each, in the index's order.
fn closure(index: &Index, start: Vec<usize>) -> Vec<usize> {
    let mut held = vec![false; index.series.len()];
    let mut todo = start;
    while let Some(at) = todo.pop() {
        if std::mem::replace(&mut held[at], true) {
            continue;
        }
        todo.extend(
            index.series[at]
                .names
                .iter()
                .filter_map(|id| index.series_by_id(id)),
        );
    }
    (0..held.len()).filter(|&at| held[at]).collect()
}

#[cfg(feature = "wire")]
pub mod wire;

#[cfg(feature = "wire")]
mod write {
    use super::wire::{decode, encode, DecodeError};
    use super::{named_series, Entry, Index, SeriesFile};
    use crate::contract::CATALOGUE_FILES;
    use crate::model::{Catalogue, Text};

    /// A file's digest, as the build's writer makes it: a short name for its bytes (hex) and its
    /// Subresource Integrity hash.
    pub struct Digest {
        pub short: String,
        pub integrity: String,
    }

    /// A data file as written: its address (under [`CATALOGUE_FILES`]), its integrity hash and
    /// its bytes.
    pub struct File {
        pub address: String,
        pub integrity: String,
        pub bytes: Vec<u8>,
    }

    /// The catalogue's data files, the index first, then one per series in the catalogue's
    /// order, each named for its bytes by `digest` (the same catalogue gives the same bytes). The
    /// build id is the digest of every series' data and the index's own.
    ///
    /// # Panics
    /// With more than `u32::MAX` classes.
    pub fn files(catalogue: &Catalogue, digest: &dyn Fn(&[u8]) -> Digest) -> Vec<File> {
        let groups = catalogue.classes_by_series();
        let at = |class: &crate::model::ClassSpec| {
            let i = catalogue
                .classes
                .iter()
                .position(|c| std::ptr::eq(c, class))
                .expect("a class of the catalogue");
            u32::try_from(i).expect("fewer than 2^32 classes")
        };
        let series_file =
            |build: &Text, series: &crate::model::Series, classes: &[&crate::model::ClassSpec]| {
                SeriesFile {
                    build: build.clone(),
                    series: series.clone(),
                    classes: classes.iter().map(|&c| c.clone()).collect(),
                }
            };
        // The build id: a digest of all the data, written once without it.
        let unnamed = Text::Borrowed("");
        let mut all: Vec<u8> = Vec::new();
        for (series, classes) in &groups {
            all.extend(series_file(&unnamed, series, classes).encode());
        }
        let mut index = Index {
            build: unnamed,
            series: Vec::new().into(),
            checked: catalogue.checked,
            glossary: catalogue.glossary.clone(),
            whole: catalogue.summary(),
        };
        all.extend(index.encode());
        index.build = Text::Owned(digest(&all).short);
        let mut files = Vec::new();
        let mut entries = Vec::new();
        for (series, classes) in &groups {
            let bytes = series_file(&index.build, series, classes).encode();
            let Digest { short, integrity } = digest(&bytes);
            let address = format!("{CATALOGUE_FILES}/{}-{short}.bin", series.id);
            entries.push(Entry {
                id: series.id.clone(),
                title: series.title.clone(),
                file: Text::Owned(address.clone()),
                integrity: Text::Owned(integrity.clone()),
                classes: classes.iter().map(|c| c.code.clone()).collect(),
                at: classes.iter().map(|&c| at(c)).collect(),
                names: named_series(catalogue, series).into(),
            });
            files.push(File {
                address,
                integrity,
                bytes,
            });
        }
        index.series = entries.into();
        let bytes = index.encode();
        let Digest { short, integrity } = digest(&bytes);
        files.insert(
            0,
            File {
                address: format!("{CATALOGUE_FILES}/index-{short}.bin"),
                integrity,
                bytes,
            },
        );
        files
    }

    impl Index {
        /// The index as its file's bytes.
        ///
        pub fn encode(&self) -> Vec<u8> {
            encode(self)
        }

        /// An index read from its file's bytes.
        ///
        /// # Errors
        /// When the bytes are not an index.
        pub fn decode(bytes: &[u8]) -> Result<Self, DecodeError> {
            decode(bytes)
        }
    }

    impl SeriesFile {
        /// The series file's bytes.
        ///
        pub fn encode(&self) -> Vec<u8> {
            encode(self)
        }

        /// A series file read from its bytes.
        ///
        /// # Errors
        /// When the bytes are not a series file.
        pub fn decode(bytes: &[u8]) -> Result<Self, DecodeError> {
            decode(bytes)
        }
    }
}

#[cfg(feature = "wire")]
pub use wire::DecodeError;
#[cfg(feature = "wire")]
pub use write::{files, Digest, File};
