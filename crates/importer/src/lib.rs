//! The importer: the text of an official class-specification page in, a checked data file out.
//! It writes nothing unless the whole page was read and the file it would write passes the
//! same checks as the build.

pub mod belongs;
pub mod facts;
pub mod ladder;
pub mod listing;
pub mod made_up;
pub mod page;
pub mod render;
pub mod resolve;

use std::path::Path;

use class_spec_core::{SectionContent, SectionKind};
pub use page::{parse_page, Page, PageError};
pub use render::{Context, KnownClass, Rendered};

/// The largest file read as a page: the text of one is a few kilobytes.
pub const MAX_PAGE_BYTES: usize = 1_000_000;

/// Reads a page and renders its data file, then reads that file back with the build's own
/// checks and confirms that every official section survived byte for byte.
///
/// # Errors
/// A [`PageError`] naming the line of the page that could not be read.
pub fn import(bytes: &[u8], context: &Context) -> Result<(Page, Rendered), PageError> {
    if bytes.len() > MAX_PAGE_BYTES {
        return Err(PageError {
            line: 1,
            message: "the file is over 1 MB (1,000,000 bytes), and the text of a class-specification page is a few kilobytes: is this the right file, saved as text?".into(),
        });
    }
    let page = parse_page(bytes)?;
    let rendered = render::render(&page, context)?;
    let (record, _warnings) =
        class_spec_data::parse_version(Path::new(&rendered.file_name), &rendered.toml).map_err(
            |errors| PageError {
                line: 1,
                message: format!(
                    "the importer wrote a file the build would reject (a bug in the importer): {}",
                    errors
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
            },
        )?;
    for section in &page.sections {
        let kept = record.version.section(section.kind).map(|s| &s.content);
        let exact = matches!(kept, Some(SectionContent::Official(text)) if *text == section.text);
        if !exact {
            return Err(PageError {
                line: section.line,
                message: format!(
                    "the section `{}` did not survive writing exactly (a bug in the importer)",
                    section.kind.heading()
                ),
            });
        }
    }
    debug_assert!(SectionKind::ALL
        .iter()
        .all(|k| record.version.section(*k).is_some()));
    Ok((page, rendered))
}
