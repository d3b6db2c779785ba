//! Routes through a class imported later: a data file written while a class its routes name was
//! not in the data holds that route as a comment ([`crate::render::qualifications_block`]); once
//! the class is imported, its `[qualifications]` table is written again, with the route.

use std::path::PathBuf;

use class_spec_core::{SectionContent, SectionKind};
use class_spec_data::load::VersionRecord;

use crate::render::{qualifications_block, KnownClass};

/// A data file whose routes now resolve, as it will be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub file: PathBuf,
    pub text: String,
}

/// What importing a class changes in the other files: `before` is what the data knew,
/// `after` adds the imported class. A file whose `[qualifications]` table a person has edited
/// (it is not what the importer wrote) is left alone and named in the second list.
pub fn resolve(
    records: &[VersionRecord],
    before: &[KnownClass],
    after: &[KnownClass],
) -> (Vec<Resolved>, Vec<String>) {
    let mut resolved = Vec::new();
    let mut by_hand = Vec::new();
    for record in records {
        let Some(SectionContent::Official(text)) = record
            .version
            .section(SectionKind::DesirableQualifications)
            .map(|s| &s.content)
        else {
            continue;
        };
        let (then, _) = qualifications_block(text.as_ref(), before);
        let (now, _) = qualifications_block(text.as_ref(), after);
        if then == now {
            continue;
        }
        let file = &record.spans.file;
        match block_at(&record.spans.text) {
            Some(range) if record.spans.text[range.clone()] == then => resolved.push(Resolved {
                file: file.clone(),
                text: format!(
                    "{}{now}{}",
                    &record.spans.text[..range.start],
                    &record.spans.text[range.end..]
                ),
            }),
            _ => by_hand.push(format!(
                "{}: its qualifications name the class just imported, but its [qualifications] table was edited by hand: add the route there",
                file.display()
            )),
        }
    }
    (resolved, by_hand)
}

/// The bytes of the `[qualifications]` table: from its header to the next table or the end.
fn block_at(text: &str) -> Option<std::ops::Range<usize>> {
    let start = text.find("\n[qualifications]\n")? + 1;
    let end = text[start..]
        .find("\n[")
        .map_or(text.len(), |at| start + at + 1);
    // The blank line before the next table belongs to the file, not the table.
    let end = if text[..end].ends_with("\n\n") {
        end - 1
    } else {
        end
    };
    Some(start..end)
}

#[cfg(test)]
mod tests {
    use super::block_at;

    #[test]
    fn finds_the_qualifications_table_up_to_the_next_one() {
        let text = "a = 1\n\n[qualifications]\nroutes = [\n  { x = 1 },\n]\n\n[[history]]\nb = 2\n";
        let range = block_at(text).unwrap();
        assert_eq!(
            &text[range],
            "[qualifications]\nroutes = [\n  { x = 1 },\n]\n"
        );
        let last = "a = 1\n\n[qualifications]\nmissing = \"x\"\n";
        assert_eq!(
            &last[block_at(last).unwrap()],
            "[qualifications]\nmissing = \"x\"\n"
        );
    }
}
