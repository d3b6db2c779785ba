//! Views as spreadsheets: the CSV of a comparison and of the levels view, parsed back with a
//! real CSV reader and held against the data and the view it comes from.

mod common;

use class_spec_core::render::page;
use class_spec_core::sheet::sheet_for;
use class_spec_core::{paragraphs, Catalogue, Route, SectionContent, SectionKind};
use class_spec_test_html::{parse, Select};
use common::catalogue;

/// The CSV of the view at an address, parsed back: its file name and its records. (Mutation
/// tried: no field quoted at all; both tests below then failed here.)
fn parsed(catalogue: &Catalogue, href: &str) -> (String, Vec<Vec<String>>) {
    let route = Route::from_href(href).expect("an address of the app");
    let sheet = sheet_for(catalogue, &route).expect("the view has a sheet");
    let text = sheet.to_csv();
    let body = text
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark first, so Excel reads UTF-8");
    assert!(body.ends_with("\r\n"), "records end with CRLF");
    let records: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.expect("valid CSV").iter().map(str::to_owned).collect())
        .collect();
    assert_eq!(records, sheet.rows, "what is written is what is read back");
    (sheet.file_name, records)
}

/// Words as a reader sees them: runs of white space as one space.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn row<'a>(records: &'a [Vec<String>], label: &str) -> &'a [String] {
    &records
        .iter()
        .find(|r| r[0] == label)
        .unwrap_or_else(|| panic!("a row {label}"))[1..]
}

#[test]
fn a_comparison_reads_back_as_the_view_shows_it() {
    let catalogue = catalogue();
    let href = "/compare?classes=102D@2019,102D";
    let (name, records) = parsed(&catalogue, href);
    assert_eq!(name, "compare-102D-2019-102D.csv");
    let view = parse(&page(&catalogue, Route::from_href(href).as_ref()).html);
    assert!(
        records.iter().all(|r| r.len() == 3),
        "a label and one column per class"
    );
    assert_eq!(row(&records, "Class code"), ["102D", "102D"]);
    let class = catalogue.class("102D").unwrap();
    assert_eq!(
        row(&records, "Version"),
        ["July 2019* version", "July 2025 version"],
        "an inferred label is marked as in the view"
    );
    for (column, version) in [&class.versions[1], &class.versions[0]]
        .into_iter()
        .enumerate()
    {
        // A section's cell holds the section as its class page shows it (the comparison may
        // show our words beside another version's our words instead).
        let class_view = parse(
            &page(
                &catalogue,
                Some(&Route::class_version("102D", version.id.as_ref())),
            )
            .html,
        );
        for kind in SectionKind::ALL {
            let cell = &row(&records, kind.heading())[column];
            let section = version.section(kind).unwrap();
            let id = kind.as_str();
            match &section.content {
                // Official text survives the trip byte for byte: commas, quotes, line breaks.
                // The view is read as HTML: one element per paragraph. (Mutation tried: the
                // class page writing a section's paragraphs into one `<p>`; this failed.)
                SectionContent::Official(text) => {
                    assert_eq!(cell, text.as_ref());
                    let shown = class_view.texts(&format!(
                        "section#{id} > .official > p, section#{id} > ul.duties > li"
                    ));
                    let written: Vec<String> = paragraphs(text).map(words).collect();
                    assert_eq!(shown, written, "the view shows each paragraph of {id}");
                }
                SectionContent::Summary(items) => {
                    let mut lines = cell.lines();
                    assert_eq!(lines.next(), Some("[our words]"), "{cell}");
                    let shown = class_view.texts(&format!("section#{id} ul.summary > li"));
                    for (line, item) in lines.zip(items.iter()) {
                        assert_eq!(line, item.as_ref());
                        assert!(shown.contains(&words(item)), "the view shows {item:?}");
                    }
                }
                SectionContent::NotInData => assert!(cell.starts_with("[not in our copy]")),
                SectionContent::NotOnPage => {
                    assert_eq!(cell, "[not on this version of the page]");
                }
            }
        }
    }
    // CSS 3's effective date is inferred and its supervision not in the data: the cells say so.
    let (name, steps) = parsed(&catalogue, "/compare?classes=102C,102D");
    assert_eq!(name, "compare-102C-102D.csv");
    let effective = row(&steps, "Effective");
    assert!(
        effective[0].starts_with("July 1, 2025* [estimated by us: "),
        "{}",
        effective[0]
    );
    assert_eq!(effective[1], "July 1, 2025");
    assert!(row(&steps, "Supervision received")[0].starts_with("[not in our copy: "));
    let shown = view
        .all("table.compare tr")
        .into_iter()
        .find(|tr| tr.texts("th[scope=row]") == ["Supervision received"])
        .expect("the supervision row")
        .texts("td");
    for (cell, shown) in row(&records, "Supervision received")
        .iter()
        .zip(&shown)
        .filter(|(c, _)| !c.starts_with('['))
    {
        let value = cell.split(" [").next().unwrap();
        assert!(
            shown.starts_with(value),
            "the view shows {value:?}: {shown}"
        );
    }
}

#[test]
fn the_levels_view_reads_back_level_by_level() {
    let catalogue = catalogue();
    let (name, records) = parsed(&catalogue, "/levels");
    assert_eq!(name, "levels-css.csv");
    let view = parse(&page(&catalogue, Some(&Route::Levels { series: None })).html);
    let groups = view.texts("section.duty-group > h3");
    let caveats = view.texts(".duty-group__caveat");
    assert_eq!(
        row(&records, "Class code"),
        ["102A", "102B*", "102C*", "102D", "103D"],
        "the ladder lowest first, then the class beside it"
    );
    assert_eq!(
        row(&records, "Level")[2],
        "Senior, specialist or lead level"
    );
    assert!(row(&records, "Supervision received")[2].starts_with("[not in our copy"));
    let duties: Vec<&Vec<String>> = records
        .iter()
        .filter(|r| r[0].starts_with("Duties: ") && !r[0].ends_with("(note)"))
        .collect();
    assert!(!duties.is_empty());
    for record in &duties {
        let heading = record[0].strip_prefix("Duties: ").unwrap();
        assert!(
            groups.iter().any(|g| g == heading),
            "the view has the group {heading:?}"
        );
        // Our words say so; official words (preferred where a level holds them) are bare.
        for cell in record[1..].iter().filter(|c| !c.is_empty()) {
            let (wording, ours) = match cell.strip_prefix("[our words] ") {
                Some(w) => (w, true),
                None => (cell.as_str(), false),
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
        .find(|r| r[4].starts_with("Plans and directs the work of staff"))
        .expect("the row of CSS 4's supervising duty, in its official words");
    assert_eq!(supervising[0], "Duties: Listed at CSS 4");
    assert!(
        supervising[1..4].iter().all(String::is_empty),
        "listed at CSS 4 only"
    );
    let notes: Vec<&Vec<String>> = records
        .iter()
        .filter(|r| r[0].ends_with("(note)"))
        .collect();
    assert!(notes.iter().any(|r| r[1]
        == "CSS 1's, CSS 2's and CSS 3's duty lists are cut off in our copy (only their first duties are held): these duties may be there too."));
    for note in notes {
        assert!(
            caveats.contains(&note[1]),
            "the view has the note {:?}",
            note[1]
        );
    }
}
