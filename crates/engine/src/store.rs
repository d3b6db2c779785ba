//! The engine's store of data files (issue 24, item 1): given the index's bytes, then series
//! files' bytes, it holds the catalogue of what it was given and says which files a view still
//! needs. Each file is checked as it comes: it decodes, it is of the index's build, the index
//! names it; otherwise the error names the file. A new index (another build) drops every series
//! file held, so a view is never drawn from two builds' data.

use std::fmt;
use std::rc::Rc;

use class_spec_core::data_files::{needs, Index, SeriesFile};
use class_spec_core::{Catalogue, Route};

/// The data files given so far, and the catalogue they make.
#[derive(Debug, Default)]
pub struct Store {
    index: Option<Index>,
    /// Beside the index's series: the file of each, once given.
    held: Vec<Option<SeriesFile>>,
    /// The catalogue of what is held, made when first asked after a file came.
    catalogue: Option<Rc<Catalogue>>,
    /// How many times what is held changed: a search index made of the catalogue is that
    /// generation's.
    generation: u64,
}

/// A file a view needs and the store does not hold: its address and integrity hash (to fetch
/// it with), and the series it holds, for a person to be told what is missing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Needed {
    pub file: String,
    pub integrity: String,
    pub series_id: String,
    pub series_title: String,
}

/// Why a file was refused, naming it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataError {
    /// The index's bytes are not an index.
    Index { why: String },
    /// A series file came before any index.
    NoIndex { file: String },
    /// The index names no such file.
    NotNamed { file: String },
    /// The bytes are not a series file.
    Decode { file: String, why: String },
    /// The file is of another build's data than the index.
    OtherBuild { file: String },
    /// The file holds another series than the index says it does.
    OtherSeries { file: String, holds: String },
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Index { why } => write!(f, "the catalogue's index could not be read: {why}"),
            Self::NoIndex { file } => write!(f, "{file} came before the catalogue's index"),
            Self::NotNamed { file } => write!(f, "{file} is not a file of this build's index"),
            Self::Decode { file, why } => write!(f, "{file} could not be read: {why}"),
            Self::OtherBuild { file } => {
                write!(f, "{file} is of another build's data than the index")
            }
            Self::OtherSeries { file, holds } => {
                write!(
                    f,
                    "{file} holds the series {holds}, not the one the index names"
                )
            }
        }
    }
}

impl std::error::Error for DataError {}

impl Store {
    /// Takes the index. Another build's index than the one held drops every series file held.
    ///
    /// # Errors
    /// When the bytes are not an index.
    pub fn give_index(&mut self, bytes: &[u8]) -> Result<(), DataError> {
        let index = Index::decode(bytes).map_err(|e| DataError::Index { why: e.to_string() })?;
        if self
            .index
            .as_ref()
            .is_some_and(|held| held.build == index.build)
        {
            return Ok(());
        }
        self.held = vec![None; index.series.len()];
        self.index = Some(index);
        self.changed();
        Ok(())
    }

    /// Takes the series file at address `file`.
    ///
    /// # Errors
    /// When no index was given, the index names no such file, or the bytes are not that series'
    /// file of the index's build.
    pub fn give(&mut self, file: &str, bytes: &[u8]) -> Result<(), DataError> {
        let named = || file.to_owned();
        let index = self
            .index
            .as_ref()
            .ok_or_else(|| DataError::NoIndex { file: named() })?;
        let at = index
            .series
            .iter()
            .position(|s| s.file == file)
            .ok_or_else(|| DataError::NotNamed { file: named() })?;
        let decoded = SeriesFile::decode(bytes).map_err(|e| DataError::Decode {
            file: named(),
            why: e.to_string(),
        })?;
        if decoded.build != index.build {
            return Err(DataError::OtherBuild { file: named() });
        }
        if decoded.series.id != index.series[at].id {
            return Err(DataError::OtherSeries {
                file: named(),
                holds: decoded.series.id.to_string(),
            });
        }
        self.held[at] = Some(decoded);
        self.changed();
        Ok(())
    }

    /// The index given, if any.
    pub fn index(&self) -> Option<&Index> {
        self.index.as_ref()
    }

    /// The files the view at an address needs that the store does not hold, in the index's
    /// order; every series file when no index was given is not knowable: empty then.
    pub fn needs(&self, path: &str, search: &str) -> Vec<Needed> {
        let Some(index) = &self.index else {
            return Vec::new();
        };
        let route = Route::parse(path, search);
        needs(index, route.as_ref())
            .into_iter()
            .filter(|&at| self.held[at].is_none())
            .map(|at| {
                let entry = &index.series[at];
                Needed {
                    file: entry.file.to_string(),
                    integrity: entry.integrity.to_string(),
                    series_id: entry.id.to_string(),
                    series_title: entry.title.to_string(),
                }
            })
            .collect()
    }

    /// The catalogue of the series held, in the index's order (empty before the index).
    pub fn catalogue(&mut self) -> Rc<Catalogue> {
        let (index, held) = (&self.index, &self.held);
        self.catalogue
            .get_or_insert_with(|| {
                Rc::new(match index {
                    Some(index) => index.catalogue(held.iter().flatten()),
                    None => Catalogue {
                        series: Vec::new().into(),
                        classes: Vec::new().into(),
                        checked: None,
                        glossary: Vec::new().into(),
                        whole: None,
                    },
                })
            })
            .clone()
    }

    /// Which change of what is held this is (see [`Store::catalogue`]).
    pub fn generation(&self) -> u64 {
        self.generation
    }

    fn changed(&mut self) {
        self.catalogue = None;
        self.generation += 1;
    }
}
