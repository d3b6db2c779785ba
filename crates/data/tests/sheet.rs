//! Views as spreadsheets: the CSV of a comparison and of the levels view, parsed back with a
//! real CSV reader (and, where Calc, `soffice`, is installed, opened by it) and held against the data
//! and the view it comes from (issue 23, item 5: one row per item, values and their sources in
//! columns of their own, a key of the kinds, the data's date, the official pages and the
//! not-official notice in the file).

mod common;

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use class_spec_core::render::page;
use class_spec_core::sheet::{sheet_for, Kind, BLOCKS, NOTICE};
use class_spec_core::{paragraphs, Catalogue, Route, SectionContent, SectionKind};
use class_spec_test_html::{parse, Select};
use common::catalogue;

/// The CSV of the view at an address: its file name, its text and its records read back.
/// (Mutation tried: no field quoted at all; both tests below then failed here.)
fn parsed(catalogue: &Catalogue, href: &str) -> (String, String, Vec<Vec<String>>) {
    let route = Route::from_href(href).expect("an address of the app");
    let sheet = sheet_for(catalogue, &route).expect("the view has a sheet");
    let text = sheet.to_csv();
    let body = text
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark first, so Excel reads UTF-8");
    assert!(body.ends_with("\r\n"), "records end with CRLF");
    let records = read(body);
    let written: Vec<Vec<String>> = sheet.rows.into_iter().filter(|r| !r.is_empty()).collect();
    assert_eq!(records, written, "what is written is what is read back");
    (sheet.file_name, text, records)
}

/// Records of CSV text (blank lines, between blocks, are skipped as CSV readers skip them).
fn read(body: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.expect("valid CSV").iter().map(str::to_owned).collect())
        .collect()
}

/// The file's blocks by heading: the rows after each heading row, up to the next. The rows
/// before the first heading (what the file is) are under "".
fn blocks(records: &[Vec<String>]) -> HashMap<String, Vec<Vec<String>>> {
    let mut out: HashMap<String, Vec<Vec<String>>> = HashMap::new();
    let mut at = String::new();
    for record in records {
        if record.len() == 1 && BLOCKS.contains(&record[0].as_str()) {
            at.clone_from(&record[0]);
            assert!(!out.contains_key(&at), "one block {at}");
            out.insert(at.clone(), Vec::new());
        } else {
            out.entry(at.clone()).or_default().push(record.clone());
        }
    }
    out
}

/// Words as a reader sees them: runs of white space as one space.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The values block: its header, and each item's cells (value, source) by item.
struct Values {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    /// Where the classes' columns start (after "Item", and "Group" when there is one).
    first: usize,
}

impl Values {
    fn of(blocks: &HashMap<String, Vec<Vec<String>>>) -> Self {
        let block = &blocks["Values"];
        let header = block[0].clone();
        let first = if header[1] == "Group" { 2 } else { 1 };
        Self {
            header,
            rows: block[1..].to_vec(),
            first,
        }
    }

    /// An item's (value, source) in each class's column.
    fn cells(&self, item: &str) -> Vec<(String, String)> {
        let row = self
            .rows
            .iter()
            .find(|r| r[0] == item)
            .unwrap_or_else(|| panic!("a row {item}"));
        row[self.first..]
            .chunks(2)
            .map(|c| (c[0].clone(), c[1].clone()))
            .collect()
    }

    fn values(&self, item: &str) -> Vec<String> {
        self.cells(item).into_iter().map(|(v, _)| v).collect()
    }
}

/// What every sheet must be: the notice, the data's date, a key that explains every source
/// cell, one row per item, every value with its source, every estimate with its note, the
/// official page of every column, and no field a spreadsheet would run as a formula.
fn reads_as_one(catalogue: &Catalogue, text: &str, records: &[Vec<String>]) -> Values {
    let blocks = blocks(records);
    let head = &blocks[""];
    assert_eq!(head[1], [NOTICE], "the not-official notice");
    assert!(NOTICE.contains("not an official State of Washington site"));
    let date = head
        .iter()
        .find(|r| r[0] == "Data as of")
        .expect("the data's date");
    assert!(
        date[1].starts_with(&catalogue.data_as_of().unwrap().to_string()),
        "{date:?}"
    );
    // The key: the kinds, each said once, each explained.
    let key: Vec<&str> = blocks[BLOCKS[0]][1..]
        .iter()
        .map(|r| r[0].as_str())
        .collect();
    assert!(!key.is_empty());
    for kind in &key {
        assert!(
            Kind::ALL.iter().any(|k| k.label() == *kind),
            "{kind:?} is a kind"
        );
    }
    let values = Values::of(&blocks);
    // One row per item, as a reader tells items apart: "Desirable qualifications" and
    // "Desirable Qualifications" are one.
    let mut items: Vec<String> = values.rows.iter().map(|r| r[0].to_lowercase()).collect();
    let count = items.len();
    items.sort_unstable();
    items.dedup();
    // Mutation tried: the section "Desirable Qualifications" as a row of its own beside the
    // factor (as before); this failed.
    assert_eq!(items.len(), count, "one row per item: {items:?}");
    let headings: Vec<&String> = values.header[values.first..].iter().step_by(2).collect();
    let notes = blocks.get(BLOCKS[3]).map_or(&[][..], |n| &n[1..]);
    for row in &values.rows {
        assert_eq!(row.len(), values.header.len(), "{row:?}");
        for (column, cell) in row[values.first..].chunks(2).enumerate() {
            let (value, source) = (&cell[0], &cell[1]);
            // Mutation tried: a gap's reason written in its value cell (as before, "[not in
            // our copy: …]"); this failed.
            assert!(!value.starts_with('['), "no note inside a value: {value}");
            if value.is_empty() {
                assert!(
                    source.is_empty()
                        || [Kind::NotInOurCopy, Kind::NotOnPage]
                            .iter()
                            .any(|k| k.label() == source),
                    "an empty value is a gap or nothing: {row:?}"
                );
            } else {
                assert!(
                    key.contains(&source.as_str()),
                    "{:?} of {}: source {source:?} is in the key",
                    row[0],
                    headings[column]
                );
            }
            if value.contains('*') || source == Kind::Estimated.label() {
                assert!(
                    notes
                        .iter()
                        .any(|n| n[0] == row[0] && &n[1] == headings[column]),
                    "why {value:?} ({}, {}) is estimated is in the notes",
                    row[0],
                    headings[column]
                );
            }
        }
    }
    let pages = &blocks[BLOCKS[1]][1..];
    assert_eq!(
        pages.iter().map(|r| &r[0]).collect::<Vec<_>>(),
        headings,
        "every column's official page"
    );
    for page in pages {
        assert!(page[1].starts_with("https://"), "{page:?}");
    }
    // No field starts a formula once read (Mutation tried: `safe` not applied; this failed
    // on no real cell, so the unit test `no_field_is_read_as_a_formula` carries it).
    for field in read(text.trim_start_matches('\u{feff}')).iter().flatten() {
        assert!(!field.starts_with(['=', '+', '-', '@']), "{field}");
    }
    values
}

#[test]
fn a_comparison_reads_back_as_the_view_shows_it() {
    let catalogue = catalogue();
    let href = "/compare?classes=102D@2019,102D";
    let (name, text, records) = parsed(&catalogue, href);
    assert_eq!(name, "compare-102D-2019-102D.csv");
    let values = reads_as_one(&catalogue, &text, &records);
    assert_eq!(values.values("Class code"), ["102D", "102D"]);
    assert_eq!(
        values.cells("Version"),
        [
            ("July 2019* version".into(), "Estimated by us".into()),
            (
                "July 2025 version".into(),
                "Read on the official text shown here".into()
            )
        ],
        "an estimated label is marked as in the view"
    );
    let class = catalogue.class("102D").unwrap();
    for (column, version) in [&class.versions[1], &class.versions[0]]
        .into_iter()
        .enumerate()
    {
        // A section's cell holds the section as its class page shows it.
        let class_view = parse(
            &page(
                &catalogue,
                Some(&Route::class_version("102D", version.id.as_ref())),
            )
            .html,
        );
        for kind in SectionKind::ALL {
            let item = if kind == SectionKind::DesirableQualifications {
                "Desirable qualifications"
            } else {
                kind.heading()
            };
            let (cell, source) = &values.cells(item)[column];
            let section = version.section(kind).unwrap();
            let id = kind.as_str();
            match &section.content {
                // Official text survives the trip byte for byte: commas, quotes, line breaks.
                SectionContent::Official(text) => {
                    assert_eq!(cell, text.as_ref());
                    assert_eq!(source, "Official text");
                    let shown = class_view.texts(&format!(
                        "section#{id} > .official > p, section#{id} > ul.duties > li"
                    ));
                    let written: Vec<String> = paragraphs(text).map(words).collect();
                    assert_eq!(shown, written, "the view shows each paragraph of {id}");
                }
                SectionContent::Summary(items) if kind != SectionKind::DesirableQualifications => {
                    assert_eq!(source, "Summary in our words");
                    let shown = class_view.texts(&format!("section#{id} ul.summary > li"));
                    for (line, item) in cell.lines().zip(items.iter()) {
                        assert_eq!(line, item.as_ref());
                        assert!(shown.contains(&words(item)), "the view shows {item:?}");
                    }
                }
                SectionContent::NotInData if kind != SectionKind::DesirableQualifications => {
                    assert_eq!((cell.as_str(), source.as_str()), ("", "Not in our copy"));
                }
                _ => {}
            }
        }
    }
}

#[test]
fn a_comparison_says_where_each_value_came_from() {
    // CSS 3's effective date is estimated and its supervision not in the data: the cells say
    // so in the source column, why in the notes.
    let catalogue = catalogue();
    let (name, text, steps) = parsed(&catalogue, "/compare?classes=102C,102D");
    assert_eq!(name, "compare-102C-102D.csv");
    let values = reads_as_one(&catalogue, &text, &steps);
    assert_eq!(
        values.cells("Effective"),
        [
            ("July 1, 2025*".into(), "Estimated by us".into()),
            (
                "July 1, 2025".into(),
                "Read on the official text shown here".into()
            )
        ]
    );
    let supervision = values.cells("Supervision received");
    assert_eq!(supervision[0], (String::new(), "Not in our copy".into()));
    let notes = &blocks(&steps)["Notes"];
    assert!(notes.iter().any(|n| n[0] == "Supervision received"
        && n[1].starts_with("Customer Service Specialist 3")
        && !n[2].is_empty()));
    // CSS 4's qualifications: its official text, with no mark (the estimated code 102C is
    // inside the routes the data reads from it, not in the official words).
    let (qualifications, source) = &values.cells("Desirable qualifications")[1];
    assert!(qualifications.starts_with("High school diploma or equivalent"));
    assert_eq!(source, "Official text");
    let view = parse(
        &page(
            &catalogue,
            Route::from_href("/compare?classes=102C,102D").as_ref(),
        )
        .html,
    );
    let shown = view
        .all("table.compare tr")
        .into_iter()
        .find(|tr| tr.texts("th[scope=row]") == ["Supervision received"])
        .expect("the supervision row")
        .texts("td");
    assert!(
        shown[1].starts_with(&supervision[1].0),
        "the view shows {:?}: {}",
        supervision[1].0,
        shown[1]
    );
}

#[test]
fn the_levels_view_reads_back_level_by_level() {
    let catalogue = catalogue();
    let (name, text, records) = parsed(&catalogue, "/levels");
    assert_eq!(name, "levels-css.csv");
    let values = reads_as_one(&catalogue, &text, &records);
    let view = parse(&page(&catalogue, Some(&Route::Levels { series: None })).html);
    let groups = view.texts("section.duty-group > h3");
    let caveats = view.texts(".duty-group__caveat");
    assert_eq!(
        values.values("Class code"),
        ["102A", "102B*", "102C*", "102D", "103D"],
        "the ladder lowest first, then the class beside it"
    );
    assert_eq!(
        values.values("Level")[2],
        "Senior, specialist or lead level"
    );
    assert_eq!(values.cells("Supervision received")[2].1, "Not in our copy");
    let duties: Vec<&Vec<String>> = values
        .rows
        .iter()
        .filter(|r| r[0].starts_with("Duty "))
        .collect();
    assert!(!duties.is_empty());
    for record in &duties {
        assert!(
            groups.iter().any(|g| *g == record[1]),
            "the view has the group {:?}",
            record[1]
        );
        // Our words say so in their source cell; official words (preferred where a level
        // holds them) say so too.
        for cell in record[2..].chunks(2).filter(|c| !c[0].is_empty()) {
            let (wording, ours) = match cell[1].as_str() {
                "Summary in our words" => (cell[0].as_str(), true),
                "Official text" => (cell[0].as_str(), false),
                other => panic!("a duty is official text or our words, not {other:?}"),
            };
            assert!(
                catalogue.classes.iter().any(|c| c.versions[0]
                    .section(SectionKind::TypicalWork)
                    .is_some_and(|s| if ours {
                        s.our_words()
                            .is_some_and(|w| w.iter().any(|i| i == wording))
                    } else {
                        s.official_paragraphs()
                            .is_some_and(|p| p.contains(&wording))
                    })),
                "{wording:?} is a duty of the data"
            );
        }
    }
    let supervising = duties
        .iter()
        .find(|r| r[8].starts_with("Plans and directs the work of staff"))
        .expect("the row of CSS 4's supervising duty, in its official words");
    assert_eq!(supervising[1], "Listed at CSS 4");
    assert!(
        supervising[2..8].iter().all(String::is_empty),
        "listed at CSS 4 only"
    );
    let blocks = blocks(&records);
    let notes: Vec<&Vec<String>> = blocks["Notes"]
        .iter()
        .filter(|r| r[0].starts_with("Listed at"))
        .collect();
    assert!(notes.iter().any(|r| r[2]
        == "CSS 1's, CSS 2's and CSS 3's duty lists are cut off in our copy (only their first duties are held): these duties may be there too."));
    for note in notes {
        assert!(
            caveats.contains(&note[2]),
            "the view has the note {:?}",
            note[2]
        );
    }
}

#[test]
fn every_comparison_and_every_series_reads_as_one() {
    // Every pair of class versions the data holds (each version with itself excepted), and
    // every series level by level: the same rules hold for data the other tests do not name
    // (a section not on a version's page, a version with no official text at all).
    let catalogue = catalogue();
    let versions: Vec<String> = catalogue
        .classes
        .iter()
        .flat_map(|c| {
            c.versions
                .iter()
                .map(move |v| format!("{}@{}", c.code, v.id))
        })
        .collect();
    for a in &versions {
        for b in versions.iter().filter(|b| *b != a) {
            let (_, text, records) = parsed(&catalogue, &format!("/compare?classes={a},{b}"));
            reads_as_one(&catalogue, &text, &records);
        }
    }
    for series in catalogue.series.iter() {
        let (_, text, records) = parsed(&catalogue, &format!("/levels/{}", series.id));
        reads_as_one(&catalogue, &text, &records);
    }
}

/// The sheet opened by Calc (`soffice`) as a person's Text Import would (UTF-8, comma,
/// double quotes, special numbers such as dates not converted: the dialog's default) and saved
/// again as CSV reads back row for row, cell for cell. Skipped, saying so, where `soffice` is
/// not installed (Debian's `libreoffice-calc-nogui`).
#[test]
fn libre_office_opens_it_as_it_is() {
    if Command::new("soffice").arg("--version").output().is_err() {
        eprintln!("skipped: soffice (LibreOffice) is not installed");
        return;
    }
    let catalogue = catalogue();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("sheet-soffice");
    std::fs::create_dir_all(dir.join("out")).unwrap();
    for href in ["/levels", "/compare?classes=102C,102D"] {
        let (name, text, records) = parsed(&catalogue, href);
        std::fs::write(dir.join(&name), &text).unwrap();
        let status = Command::new("soffice")
            .arg(format!(
                "-env:UserInstallation=file://{}/profile",
                dir.display()
            ))
            .args(["--headless", "--infilter=CSV:44,34,76,1,,1033,false,false"])
            .args(["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1"])
            .arg("--outdir")
            .arg(dir.join("out"))
            .arg(dir.join(&name))
            .output()
            .expect("soffice runs");
        assert!(status.status.success(), "{status:?}");
        let saved = std::fs::read_to_string(dir.join("out").join(&name)).unwrap();
        // Calc writes every row as wide as the widest: the empty cells it adds are dropped.
        let trim = |rows: Vec<Vec<String>>| -> Vec<Vec<String>> {
            rows.into_iter()
                .map(|mut r| {
                    while r.last().is_some_and(String::is_empty) {
                        r.pop();
                    }
                    r
                })
                .filter(|r| !r.is_empty())
                .collect()
        };
        let (saved, written) = (
            trim(read(saved.trim_start_matches('\u{feff}'))),
            trim(records),
        );
        // Mutation tried: "detect special numbers" on in the import (not the dialog's
        // default): Calc then made "July 1, 2025" a date, saved as "07/01/25", and this failed.
        for (calc, ours) in saved.iter().zip(&written) {
            assert_eq!(calc, ours, "{href}: LibreOffice read every cell as written");
        }
        assert_eq!(saved.len(), written.len(), "{href}: every row");
    }
}
