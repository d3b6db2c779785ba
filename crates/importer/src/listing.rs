//! A listing of pages to import in one run (`--listing FILE`): an agency loading its whole
//! series list. Each `[[page]]` names its page's file (relative to the listing's folder) and
//! what the command line would say for it alone:
//!
//! ```toml
//! [[page]]
//! file = "pages/G000A.txt"
//! url = "https://example.org/made-up-class/G000A"
//! series = "g000"
//! series_title = "Made-up Series"   # for the first page of a series new to the data
//! # id = "2025"                      # the version id (default: the newest effective year)
//! # force_series = true              # the page belongs to `series` although no word says so
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// What one page of a run is imported with.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Job {
    pub page: PathBuf,
    pub url: Option<String>,
    pub series: Option<String>,
    pub series_title: Option<String>,
    pub version_id: Option<String>,
    pub force_series: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ListingFile {
    #[serde(default)]
    page: Vec<PageEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PageEntry {
    file: String,
    url: Option<String>,
    series: Option<String>,
    series_title: Option<String>,
    id: Option<String>,
    #[serde(default)]
    force_series: bool,
}

/// Reads a listing: its pages in order, each file relative to the listing's folder.
///
/// # Errors
/// The listing's file and line with what is wrong in it.
pub fn read_listing(path: &Path) -> Result<Vec<Job>, String> {
    let shown = path.display();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{shown}: cannot read: {e}"))?;
    let file: ListingFile = toml::from_str(&text).map_err(|e| {
        let line = e
            .span()
            .map_or(1, |s| text[..s.start].matches('\n').count() + 1);
        format!("{shown}:{line}: {}", e.message().trim())
    })?;
    if file.page.is_empty() {
        return Err(format!(
            "{shown}: no [[page]] entries: each names a page's file (file = \"…\")"
        ));
    }
    let base = path.parent().unwrap_or(Path::new(""));
    Ok(file
        .page
        .into_iter()
        .map(|p| Job {
            page: base.join(p.file),
            url: p.url,
            series: p.series,
            series_title: p.series_title,
            version_id: p.id,
            force_series: p.force_series,
        })
        .collect())
}
