//! Views as spreadsheets: a comparison or a series level by level, written as CSV (RFC 4180)
//! that reads as one spreadsheet (issue 23, item 5).
//!
//! The file is blocks of rows, each opened by a heading row of one cell ([`BLOCKS`]): what the
//! file is (the view, the not-official notice, the data's date); the key of the source kinds;
//! the official page of each class; the values, one row per item (a fact, a section, a duty),
//! each class's value in its cell and the value's source kind in the column beside it; and the
//! notes (why a value is estimated, what is known of a gap, what a cut-off list may hide),
//! which the views put in their key and notices, never inside a value. An estimated value
//! carries the views' mark, "*", on exactly what is estimated ("102C*").

mod classes;

pub use classes::classes_sheet;

use crate::compare::{resolve, Column, Factor};
use crate::levels::{Levels, Register};
use crate::marked::{Marked, Part};
use crate::model::{
    Catalogue, Fact, Provenance, Section, SectionContent, SectionKind, Source, NOT_IN_OUR_COPY,
};
use crate::route::Route;

/// A table of text with a file name that says what it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sheet {
    /// `compare-102C-102D.csv`.
    pub file_name: String,
    /// Records; an empty one is a blank line between blocks.
    pub rows: Vec<Vec<String>>,
}

/// The byte-order mark. Kept although RFC 4180 does not need it: Excel, the spreadsheet most
/// offices open a `.csv` with by a double click, reads a file without it in the system's
/// legacy code page, so official text's "—" and "’" would arrive garbled; Calc, Google
/// Sheets and CSV libraries skip it.
const BOM: char = '\u{feff}';

/// The blocks' heading rows, in the file's order.
pub const BLOCKS: [&str; 4] = [
    "Where each value comes from",
    "Official pages",
    "Values",
    "Notes",
];

/// The not-official notice, in the file as in the footer of every view.
pub const NOTICE: &str = "Not an official document. Class Spec Explorer is not an official State of Washington site: the official class specifications are published by the Washington State Office of Financial Management, on the official pages listed below.";

/// The note of a version named by an estimated date.
const VERSION_NOTE: &str =
    "Estimated by us: named by the date it took effect, which is estimated (see Effective).";

/// Where a value came from: the key's kinds, in the words the views use. The open data
/// (`open_data`) gives every value one, by the same kebab-case names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "open-data",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "kebab-case")
)]
pub enum Kind {
    /// The State's words, reproduced word for word.
    Official,
    /// A fact read on official text the app reproduces.
    Shown,
    /// A fact read on a copy of the official page the app does not reproduce.
    Page,
    Ours,
    Estimated,
    NotInOurCopy,
    NotOnPage,
}

impl Kind {
    pub const ALL: [Self; 7] = [
        Self::Official,
        Self::Shown,
        Self::Page,
        Self::Ours,
        Self::Estimated,
        Self::NotInOurCopy,
        Self::NotOnPage,
    ];

    /// The kind as a source cell says it: the phrase the views' key and sections use.
    pub fn label(self) -> &'static str {
        match self {
            Self::Official => Provenance::OfficialText.label(),
            Self::Shown => Source::Shown.label(),
            Self::Page => Source::Page {
                url: "",
                read: None,
            }
            .label(),
            Self::Ours => Source::OurWords.label(),
            Self::Estimated => "Estimated by us",
            Self::NotInOurCopy => NOT_IN_OUR_COPY,
            Self::NotOnPage => Provenance::NotOnPage.label(),
        }
    }

    /// What the kind means, for the key of a file.
    pub fn meaning(self) -> &'static str {
        match self {
            Self::Official => "The State's own words, word for word as the official page prints them.",
            Self::Shown => "Read on the official text of the version, which this app reproduces word for word.",
            Self::Page => "Read on a stored copy of the official page, which this app does not reproduce (the page and when it was read: Official pages).",
            Self::Ours => "Our own summary of the official page, not its wording.",
            Self::Estimated => "Not read on any official page: reasoned out from the pages that were read. The estimated value carries a *; Notes says why.",
            Self::NotInOurCopy => "Our copy of the official page lacks it: read it on the official page (Official pages). Notes says what is known of it.",
            Self::NotOnPage => "This version's official page has no such section.",
        }
    }

    /// The kind of a fact read where `source` says.
    pub fn of(source: Source<'_>) -> Self {
        match source {
            Source::Shown => Self::Shown,
            Source::Page { .. } => Self::Page,
            Source::OurWords => Self::Ours,
        }
    }
}

impl Kind {
    /// The kind of a section's content: official text, our words, or a gap.
    pub fn of_section(content: &SectionContent) -> Self {
        match content {
            SectionContent::Official(_) => Self::Official,
            SectionContent::Summary(_) => Self::Ours,
            SectionContent::NotInData => Self::NotInOurCopy,
            SectionContent::NotOnPage => Self::NotOnPage,
        }
    }
}

impl Sheet {
    /// The sheet as CSV: a byte-order mark, then records ended by CRLF, each field quoted when
    /// it holds a comma, a double quote or a line break (quotes doubled inside), as RFC 4180
    /// asks, and every field [`safe`] from being read as a formula.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        out.push(BOM);
        for row in &self.rows {
            for (i, field) in row.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                let field = safe(field);
                if field.contains([',', '"', '\r', '\n']) {
                    out.push('"');
                    out.push_str(&field.replace('"', "\"\""));
                    out.push('"');
                } else {
                    out.push_str(&field);
                }
            }
            out.push_str("\r\n");
        }
        out
    }
}

/// A field a spreadsheet will not run: one that starts with `=`, `+`, `-` or `@` (or a tab or
/// carriage return, which some programs skip before looking) gets an apostrophe first, as
/// OWASP's "CSV injection" advice has it, so a program shows it as the text it is.
pub fn safe(field: &str) -> std::borrow::Cow<'_, str> {
    if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{field}").into()
    } else {
        field.into()
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

/// A value and where it came from; an empty cell has no kind.
struct Cell {
    value: String,
    kind: Option<Kind>,
}

impl Cell {
    fn empty() -> Self {
        Self {
            value: String::new(),
            kind: None,
        }
    }
}

/// The file being written: its columns, the values' rows and the notes.
struct Writer<'c, 'a> {
    catalogue: &'c Catalogue,
    columns: Vec<&'c Column<'a>>,
    /// Each column's heading: the class (and version, in a comparison), marked.
    headings: Vec<String>,
    /// Whether the values have a "Group" column (the levels view's duty groups).
    grouped: bool,
    values: Vec<Vec<String>>,
    notes: Vec<Vec<String>>,
    kinds: Vec<Kind>,
}

impl<'c, 'a> Writer<'c, 'a> {
    fn new(catalogue: &'c Catalogue, columns: Vec<&'c Column<'a>>, with_version: bool) -> Self {
        let headings = columns
            .iter()
            .map(|c| {
                let name = c.class.name_marked().plain();
                if with_version {
                    format!("{name}, {}", c.version.label_marked().plain())
                } else {
                    name
                }
            })
            .collect();
        Self {
            catalogue,
            columns,
            headings,
            grouped: false,
            values: Vec::new(),
            notes: Vec::new(),
            kinds: Vec::new(),
        }
    }

    /// A row of values: the item, its group, then each column's value and kind.
    fn row(&mut self, item: &str, group: &str, cells: Vec<Cell>) {
        let mut row = vec![item.to_owned()];
        if self.grouped {
            row.push(group.to_owned());
        }
        for cell in cells {
            if let Some(kind) = cell.kind {
                if !self.kinds.contains(&kind) {
                    self.kinds.push(kind);
                }
            }
            row.push(cell.value);
            row.push(cell.kind.map_or("", Kind::label).to_owned());
        }
        self.values.push(row);
    }

    fn note(&mut self, item: &str, column: Option<usize>, note: String) {
        let class = column.map_or(String::new(), |i| self.headings[i].clone());
        self.notes.push(vec![item.to_owned(), class, note]);
    }

    /// Words with facts in them as a cell read where `source` says, a note for each estimate:
    /// words that are one estimated value and nothing else are an estimate; in other words the
    /// mark sits on the estimated value alone.
    fn marked(&mut self, item: &str, column: usize, words: &Marked, source: Kind) -> Cell {
        let whole = matches!(words.parts(), [Part::Inferred { .. }]);
        for part in words.parts() {
            if let Part::Inferred { value, why } = part {
                let note = if whole {
                    format!("Estimated by us: {why}")
                } else {
                    format!("{value}*: estimated by us: {why}")
                };
                self.note(item, Some(column), note);
            }
        }
        Cell {
            value: words.plain(),
            kind: Some(if whole { Kind::Estimated } else { source }),
        }
    }

    /// A fact as a cell: its value with its kind, or the gap's kind with a note of why.
    fn fact(&mut self, item: &str, column: usize, fact: Fact<Marked>, source: Kind) -> Cell {
        match fact {
            Fact::Stated(words) => self.marked(item, column, &words, source),
            Fact::Inferred { value, why } => {
                self.note(item, Some(column), format!("Estimated by us: {why}"));
                Cell {
                    value: format!("{}*", value.words()),
                    kind: Some(Kind::Estimated),
                }
            }
            Fact::Missing { why } => {
                if !why.is_empty() {
                    self.note(item, Some(column), why.to_string());
                }
                Cell {
                    value: String::new(),
                    kind: Some(Kind::NotInOurCopy),
                }
            }
        }
    }

    /// The class, its code and its version: each with where it came from. A version named by
    /// an estimated date is an estimate ("July 2025* version").
    fn identity(&mut self) {
        let columns = self.columns.clone();
        for item in ["Class", "Class code", "Version"] {
            let cells = columns
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let source = Kind::of(c.version.source());
                    match item {
                        "Class" => self.marked(item, i, &c.class.title_marked(), source),
                        "Class code" => self.marked(item, i, &c.class.code_marked(), source),
                        // Named by its date: estimated as the date is; why is said once, at
                        // the date.
                        _ if c.version.effective.is_inferred() => {
                            self.note(item, Some(i), VERSION_NOTE.to_owned());
                            Cell {
                                value: c.version.label_marked().plain(),
                                kind: Some(Kind::Estimated),
                            }
                        }
                        _ => self.marked(item, i, &c.version.label_marked(), source),
                    }
                })
                .collect();
            self.row(item, "", cells);
        }
    }

    fn factor(&mut self, factor: Factor) {
        let columns = self.columns.clone();
        let cells = columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let fact = factor.shown(self.catalogue, c.version);
                self.fact(factor.label(), i, fact, Kind::of(factor.source(c.version)))
            })
            .collect();
        self.row(factor.label(), "", cells);
    }

    /// A section as a cell: official text exactly as printed, our words one point a line, or
    /// the gap.
    fn section(&mut self, item: &str, column: usize, section: &Section) -> Cell {
        if section.partial {
            self.note(
                item,
                Some(column),
                "Only the start is in our copy: the copy it was read from breaks off.".to_owned(),
            );
        }
        let value = match &section.content {
            SectionContent::Official(text) => text.to_string(),
            SectionContent::Summary(items) => items.join("\n"),
            SectionContent::NotInData | SectionContent::NotOnPage => String::new(),
        };
        Cell {
            value,
            kind: Some(Kind::of_section(&section.content)),
        }
    }

    /// The whole file: what it is, the key (the kinds its values use), the official pages,
    /// the values and the notes.
    fn finish(self, title: &str, file_name: String) -> Sheet {
        let mut rows = vec![vec![title.to_owned()], vec![NOTICE.to_owned()]];
        if let Some(date) = self.catalogue.data_as_of_words() {
            rows.push(vec!["Data as of".to_owned(), date]);
        }
        rows.push(vec![]);
        rows.push(vec![BLOCKS[0].to_owned()]);
        rows.push(vec!["Source".to_owned(), "What it means".to_owned()]);
        for kind in Kind::ALL.into_iter().filter(|k| self.kinds.contains(k)) {
            rows.push(vec![kind.label().to_owned(), kind.meaning().to_owned()]);
        }
        rows.push(vec![]);
        rows.push(vec![BLOCKS[1].to_owned()]);
        rows.push(
            ["Class", "Official page", "Source", "Copy read on"]
                .map(str::to_owned)
                .to_vec(),
        );
        for (c, heading) in self.columns.iter().zip(&self.headings) {
            let source = c.version.source();
            rows.push(vec![
                heading.clone(),
                c.version.source_url.to_string(),
                Kind::of(source).label().to_owned(),
                c.version.read.map_or(String::new(), crate::date::Date::iso),
            ]);
        }
        rows.push(vec![]);
        rows.push(vec![BLOCKS[2].to_owned()]);
        let mut header = vec!["Item".to_owned()];
        if self.grouped {
            header.push("Group".to_owned());
        }
        for heading in &self.headings {
            header.push(heading.clone());
            header.push(format!("{heading}: source"));
        }
        rows.push(header);
        rows.extend(self.values);
        if !self.notes.is_empty() {
            rows.push(vec![]);
            rows.push(vec![BLOCKS[3].to_owned()]);
            rows.push(["Item", "Class", "Note"].map(str::to_owned).to_vec());
            rows.extend(self.notes);
        }
        Sheet { file_name, rows }
    }
}

/// A comparison: the classes, the deciding factors, then the sections, in the columns' order.
/// The desirable qualifications are one row: a version's official text where it has it, else
/// the routes the data read from its page, else our summary or the gap.
pub fn compare_sheet(catalogue: &Catalogue, columns: &[Column<'_>]) -> Sheet {
    let mut w = Writer::new(catalogue, columns.iter().collect(), true);
    w.identity();
    for factor in Factor::ALL {
        if factor != Factor::Qualifications {
            w.factor(factor);
        }
    }
    for kind in SectionKind::ALL {
        let qualifications = kind == SectionKind::DesirableQualifications;
        let item = if qualifications {
            Factor::Qualifications.label()
        } else {
            kind.heading()
        };
        let cells = columns
            .iter()
            .enumerate()
            .map(|(i, c)| match c.version.section(kind) {
                Some(s) if !qualifications => w.section(item, i, s),
                section => qualifications_cell(&mut w, i, c, section),
            })
            .collect();
        w.row(item, "", cells);
    }
    let picks: Vec<String> = columns
        .iter()
        .map(|c| file_part(&c.pick().token()))
        .collect();
    let names: Vec<&str> = w.headings.iter().map(String::as_str).collect();
    let title = format!("Comparison: {}", names.join("; "));
    w.finish(&title, format!("compare-{}.csv", picks.join("-")))
}

/// The one cell of a version's desirable qualifications: its official text where it has it,
/// else the routes the data read (or estimated), else our summary or the gap.
fn qualifications_cell(
    w: &mut Writer<'_, '_>,
    i: usize,
    c: &Column<'_>,
    section: Option<&Section>,
) -> Cell {
    let item = Factor::Qualifications.label();
    let fact = Factor::Qualifications.shown(w.catalogue, c.version);
    match (section, fact) {
        (Some(s), _) if matches!(s.content, SectionContent::Official(_)) => w.section(item, i, s),
        (Some(s), Fact::Missing { .. })
            if matches!(
                s.content,
                SectionContent::Summary(_) | SectionContent::NotOnPage
            ) =>
        {
            w.section(item, i, s)
        }
        (_, fact) => w.fact(
            item,
            i,
            fact,
            Kind::of(Factor::Qualifications.source(c.version)),
        ),
    }
}

/// A series level by level: the classes, the deciding factors, then one row per duty, its
/// group (the levels whose lists hold it) beside it and each level's own words in its column;
/// what each group's lists cannot tell is in the notes.
pub fn levels_sheet(catalogue: &Catalogue, levels: &Levels<'_>) -> Sheet {
    let mut w = Writer::new(catalogue, levels.columns().collect(), false);
    w.grouped = true;
    w.identity();
    for factor in crate::levels::FACTORS {
        w.factor(factor);
    }
    let mut number = 0;
    for group in &levels.groups {
        let heading = levels.heading(group);
        for thread in &group.duties {
            number += 1;
            let cells = (0..w.columns.len())
                .map(|level| {
                    thread.at.iter().find(|&&(l, _)| l == level).map_or_else(
                        Cell::empty,
                        |&(_, text)| {
                            let (text, official) = levels.shown(level, text);
                            Cell {
                                value: text.to_owned(),
                                kind: Some(if official || levels.register == Register::Official {
                                    Kind::Official
                                } else {
                                    Kind::Ours
                                }),
                            }
                        },
                    )
                })
                .collect();
            w.row(&format!("Duty {number}"), &heading, cells);
        }
        for caveat in levels.caveats(group) {
            w.note(&heading, None, caveat);
        }
    }
    let title = format!("{} series, level by level", levels.series.title);
    w.finish(
        &title,
        format!("levels-{}.csv", file_part(&levels.series.id)),
    )
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

    // Mutation tried: `@` left out of the characters that start a formula; this failed.
    #[test]
    fn no_field_is_read_as_a_formula() {
        let sheet = Sheet {
            file_name: "x.csv".into(),
            rows: vec![["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "a=b", "*"]
                .map(str::to_owned)
                .to_vec()],
        };
        assert_eq!(
            sheet.to_csv(),
            "\u{feff}'=1+2,'+1,'-1,'@SUM(A1),'\tx,a=b,*\r\n"
        );
    }

    #[test]
    fn a_file_name_holds_only_safe_characters() {
        assert_eq!(file_part("102D@2019"), "102D-2019");
        assert_eq!(file_part("a/b c"), "a-b-c");
    }

    #[test]
    fn every_kind_has_its_own_words() {
        for (i, a) in Kind::ALL.iter().enumerate() {
            assert!(Kind::ALL[i + 1..].iter().all(|b| a.label() != b.label()));
        }
    }
}
