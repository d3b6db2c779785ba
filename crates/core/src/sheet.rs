//! Views as spreadsheets: a comparison or a series level by level as rows and columns, written
//! as CSV (RFC 4180) that spreadsheet programs open as they are.
//!
//! One column per class (its title, code and version heading it), one row per deciding factor
//! and per section (or per duty, for the levels view). What the view marks, the cell says in
//! words: "[our words]", "[not in our copy]", an estimate as the views mark it, "102C*", with
//! "[estimated by us: why]" where the cell is the fact; and a "Source" row says where each
//! column's facts were read.

use crate::compare::{resolve, Column, Factor};
use crate::levels::{Levels, Register};
use crate::marked::{Marked, MARK};
use crate::model::{
    Catalogue, Fact, Section, SectionContent, SectionKind, Source, NOT_IN_OUR_COPY,
};
use crate::route::Route;

/// A table of text with a file name that says what it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sheet {
    /// `compare-102C-102D.csv`.
    pub file_name: String,
    pub rows: Vec<Vec<String>>,
}

/// The byte-order mark: without it, Excel reads UTF-8 as the system's legacy code page.
const BOM: char = '\u{feff}';

impl Sheet {
    /// The sheet as CSV: a byte-order mark, then records ended by CRLF, each field quoted when it
    /// holds a comma, a double quote or a line break (quotes doubled inside), as RFC 4180 asks.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        out.push(BOM);
        for row in &self.rows {
            for (i, field) in row.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if field.contains([',', '"', '\r', '\n']) {
                    out.push('"');
                    out.push_str(&field.replace('"', "\"\""));
                    out.push('"');
                } else {
                    out.push_str(field);
                }
            }
            out.push_str("\r\n");
        }
        out
    }
}

/// The sheet of the view at an address, for the views that have one (a comparison that
/// resolves, a series level by level).
pub fn sheet_for(catalogue: &Catalogue, route: &Route) -> Option<Sheet> {
    match route {
        Route::Compare { picks } => {
            let columns = resolve(catalogue, picks).ok()?;
            Some(compare_sheet(catalogue, &columns))
        }
        Route::Levels { series } => {
            let series = catalogue.series_by_id(series.as_deref())?;
            Some(levels_sheet(catalogue, &Levels::of(catalogue, series)))
        }
        _ => None,
    }
}

/// Every character a file name may not hold on common systems, as a dash.
fn file_part(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// The three header rows: title, code, version, with the row labels' column first.
fn header(columns: &[&Column<'_>]) -> Vec<Vec<String>> {
    let row = |label: &str, cell: &dyn Fn(&Column<'_>) -> String| {
        std::iter::once(label.to_owned())
            .chain(columns.iter().map(|c| cell(c)))
            .collect()
    };
    vec![
        // Marked as the views mark them: "102C*".
        row("Class", &|c| c.class.title_marked().plain()),
        row("Class code", &|c| c.class.code_marked().plain()),
        row("Version", &|c| c.version.label_marked().plain()),
        row("Source", &|c| source_cell(c.version.source())),
    ]
}

/// Where a column's facts were read, in the words of the views' key.
fn source_cell(source: Source<'_>) -> String {
    match source {
        Source::Page {
            url,
            read: Some(read),
        } => format!("{}: {url}, read {}", source.label(), read.iso()),
        Source::Page { url, read: None } => format!("{}: {url}", source.label()),
        _ => source.label().to_owned(),
    }
}

/// A fact as a cell: its value, marked when estimated (with why), or the gap.
pub fn fact_cell(fact: &Fact<String>) -> String {
    match fact {
        Fact::Stated(value) => value.clone(),
        Fact::Inferred { value, why } => format!("{value}{MARK} [estimated by us: {why}]"),
        Fact::Missing { why } if why.is_empty() => format!("[{}]", gap()),
        Fact::Missing { why } => format!("[{}: {why}]", gap()),
    }
}

/// A fact whose value holds marked words as plain text: "One year as a Customer Service
/// Specialist 3 (102C*)".
fn marked_fact(fact: Fact<Marked>) -> Fact<String> {
    match fact {
        Fact::Stated(value) => Fact::Stated(value.plain()),
        Fact::Inferred { value, why } => Fact::Inferred {
            value: value.plain(),
            why,
        },
        Fact::Missing { why } => Fact::Missing { why },
    }
}

/// A section as a cell: official text exactly as printed, our words marked as such, or the gap.
pub fn section_cell(section: &Section, source_url: &str) -> String {
    let partial = if section.partial {
        "\n[only the start is in our copy: the copy it was read from breaks off]"
    } else {
        ""
    };
    match &section.content {
        SectionContent::Official(text) => format!("{text}{partial}"),
        SectionContent::Summary(items) => format!("[our words]\n{}{partial}", items.join("\n")),
        SectionContent::NotInData => {
            format!("[{}] See the official page: {source_url}", gap())
        }
        SectionContent::NotOnPage => "[not on this version of the page]".to_owned(),
    }
}

/// The views' phrase for a gap, as a cell writes its brackets: "not in our copy".
fn gap() -> String {
    NOT_IN_OUR_COPY.to_ascii_lowercase()
}

/// One row per deciding factor: its label, then its value (or gap) in each column.
fn factor_rows(
    catalogue: &Catalogue,
    factors: &[Factor],
    columns: &[&Column<'_>],
) -> Vec<Vec<String>> {
    factors
        .iter()
        .map(|factor| {
            let mut row = vec![factor.label().to_owned()];
            row.extend(
                columns
                    .iter()
                    .map(|c| fact_cell(&marked_fact(factor.shown(catalogue, c.version)))),
            );
            row
        })
        .collect()
}

/// A comparison: header, deciding factors, sections, in the columns' order.
pub fn compare_sheet(catalogue: &Catalogue, columns: &[Column<'_>]) -> Sheet {
    let refs: Vec<&Column<'_>> = columns.iter().collect();
    let mut rows = header(&refs);
    rows.extend(factor_rows(catalogue, &Factor::ALL, &refs));
    for kind in SectionKind::ALL {
        let mut row = vec![kind.heading().to_owned()];
        row.extend(columns.iter().map(|c| {
            c.version
                .section(kind)
                .map(|s| section_cell(s, &c.version.source_url))
                .unwrap_or_default()
        }));
        rows.push(row);
    }
    let picks: Vec<String> = columns
        .iter()
        .map(|c| file_part(&c.pick().token()))
        .collect();
    Sheet {
        file_name: format!("compare-{}.csv", picks.join("-")),
        rows,
    }
}

/// A series level by level: header, deciding factors, then one row per duty under its group's
/// heading, the duty's wording in each level's column it is listed at, and the groups' caveats.
pub fn levels_sheet(catalogue: &Catalogue, levels: &Levels<'_>) -> Sheet {
    let columns: Vec<&Column<'_>> = levels.columns().collect();
    let mut rows = header(&columns);
    rows.extend(factor_rows(catalogue, &crate::levels::FACTORS, &columns));
    let register = match levels.register {
        Register::Official => "",
        Register::OurWords => "[our words] ",
    };
    for group in &levels.groups {
        let heading = format!("Duties: {}", levels.heading(group));
        for thread in &group.duties {
            let mut row = vec![heading.clone()];
            row.extend(columns.iter().enumerate().map(|(level, _)| {
                thread
                    .at
                    .iter()
                    .find(|&&(l, _)| l == level)
                    .map(|&(_, text)| match levels.shown(level, text) {
                        (text, true) => text.to_owned(),
                        (text, false) => format!("{register}{text}"),
                    })
                    .unwrap_or_default()
            }));
            rows.push(row);
        }
        for caveat in levels.caveats(group) {
            rows.push(vec![format!("{heading} (note)"), caveat]);
        }
    }
    Sheet {
        file_name: format!("levels-{}.csv", file_part(&levels.series.id)),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Mutation tried: a line break left out of the characters that make a field quoted; this
    // test then failed.
    #[test]
    fn fields_are_quoted_as_rfc_4180_asks() {
        let sheet = Sheet {
            file_name: "x.csv".into(),
            rows: vec![
                vec!["plain".into(), "a, b".into(), "say \"hi\"".into()],
                vec!["two\nlines".into(), String::new(), "é".into()],
            ],
        };
        assert_eq!(
            sheet.to_csv(),
            "\u{feff}plain,\"a, b\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,é\r\n"
        );
    }

    #[test]
    fn a_file_name_holds_only_safe_characters() {
        assert_eq!(file_part("102D@2019"), "102D-2019");
        assert_eq!(file_part("a/b c"), "a-b-c");
    }
}
