//! Comparison on the real data: which selections compare, the deciding factors, what changed
//! between versions, and the plain step summaries.

mod common;

use class_spec_core::compare::duties::match_duties;
use class_spec_core::compare::{
    comparable, resolve, revision_changes, step_summary, Comparable, Factor, RevisionChange,
    SelectionError,
};
use class_spec_core::{render, Fact, Pick, QualificationRoute, SectionKind};
use class_spec_test_html::{parse, text, ElementRef, Html, Select};
use common::catalogue;

fn picks(tokens: &[&str]) -> Vec<Pick> {
    tokens
        .iter()
        .map(|t| match t.split_once('@') {
            Some((c, v)) => Pick::new(c, Some(v)),
            None => Pick::new(*t, None),
        })
        .collect()
}

#[test]
fn two_to_four_known_classes_or_versions_compare() {
    let c = catalogue();
    for selection in [
        &["102A", "102B"][..],
        &["102A", "102B", "102C", "102D"],
        &["102D@2019", "102D"],
        &["102a@2024", "102A@2025"],
        &["102D", "103D"],
    ] {
        let columns =
            resolve(&c, &picks(selection)).unwrap_or_else(|e| panic!("{selection:?}: {e:?}"));
        assert_eq!(columns.len(), selection.len());
    }
    let columns = resolve(&c, &picks(&["102D@2019", "102D"])).unwrap();
    assert_eq!(columns[0].version.id, "2019");
    assert_eq!(
        columns[1].version.id, "2025",
        "a code alone is the newest version"
    );
    assert_eq!(columns[1].pick(), Pick::new("102D", None));
}

#[test]
fn a_selection_that_cannot_compare_says_why() {
    let c = catalogue();
    assert_eq!(
        resolve(&c, &picks(&["102A"])).unwrap_err(),
        vec![SelectionError::TooFew { given: 1 }]
    );
    assert_eq!(
        resolve(&c, &picks(&["102A", "102B", "102C", "102D", "103D"])).unwrap_err(),
        vec![SelectionError::TooMany]
    );
    let errors = resolve(&c, &picks(&["102A", "999Z", "102D@1999", "102A"])).unwrap_err();
    assert_eq!(
        errors,
        vec![
            SelectionError::UnknownClass {
                code: "999Z".into()
            },
            SelectionError::UnknownVersion {
                code: "102D".into(),
                version: "1999".into(),
                known: vec!["2025".into(), "2019".into()]
            },
            SelectionError::Repeated {
                pick: "102A".into()
            },
        ]
    );
    assert_eq!(
        errors[1].to_string(),
        "Class 102D has no version 1999; the data holds 2025, 2019."
    );
    assert!(SelectionError::TooMany
        .to_string()
        .contains("this address names too many"));
}

#[test]
fn the_css_4_duties_kept_added_and_dropped_in_2025_are_those_the_facts_list() {
    let c = catalogue();
    let class = c.class("102D").unwrap();
    let (old, new) = (
        class.version(Some("2019")).unwrap(),
        class.version(Some("2025")).unwrap(),
    );
    let basis = comparable(
        old.section(SectionKind::TypicalWork).unwrap(),
        new.section(SectionKind::TypicalWork).unwrap(),
    );
    let Comparable::OurWords(old_duties, new_duties) = basis else {
        panic!("compared in our words: {basis:?}")
    };
    assert_eq!(
        (old_duties.len(), new_duties.len()),
        (7, 9),
        "typical work went from 7 to 9 items"
    );
    let m = match_duties(&old_duties, &new_duties);
    // Kept: analysis, consulting, training, consultation/facilitation (SUMMARY.md), and the
    // catch-all "other work" line.
    for (old_i, new_i) in [(0, 1), (1, 2), (3, 5), (5, 7), (6, 8)] {
        assert!(
            m.kept.contains(&(old_i, new_i)),
            "kept {old_i}->{new_i}: {m:?}"
        );
    }
    // Dropped: the software-tracking duty.
    assert_eq!(m.dropped, vec![4], "{m:?}");
    assert!(old_duties[4].contains("software"));
    // Added: collaborating on policy, advising on staffing and budget, reviewing resolutions.
    assert_eq!(m.added, vec![3, 4, 6], "{m:?}");
}

fn legal(v: &class_spec_core::ClassVersion) -> &class_spec_core::Section {
    v.section(SectionKind::LegalRequirements).unwrap()
}

#[test]
fn official_text_is_compared_with_official_text_only() {
    let c = catalogue();
    let css1 = c.class("102A").unwrap().version(Some("2024")).unwrap();
    let css4 = c.class("102D").unwrap().newest().unwrap();
    assert!(matches!(
        comparable(legal(css1), legal(css4)),
        Comparable::Official(..)
    ));
    let css2 = c.class("102B").unwrap().newest().unwrap();
    assert_eq!(
        comparable(legal(css1), legal(css2)),
        Comparable::Not,
        "a gap is not compared"
    );
}

#[test]
fn the_deciding_factors_come_from_the_data_and_keep_their_gaps() {
    let c = catalogue();
    let css2 = c.class("102B").unwrap().newest().unwrap();
    let css4 = c.class("102D").unwrap().newest().unwrap();
    assert!(matches!(
        Factor::Supervision.of(&c, css2),
        Fact::Missing { .. }
    ));
    assert!(matches!(
        Factor::Qualifications.of(&c, css2),
        Fact::Missing { .. }
    ));
    // Inferred as a whole: the class code it names (102C) was not read on a page.
    let Fact::Inferred { value, why } = Factor::Qualifications.of(&c, css4) else {
        panic!("the routes name 102C, an inferred code")
    };
    assert_eq!(
        value,
        "A high school diploma or GED and four years of experience; or One year as a Customer Service Specialist 3 (102C); or Equivalent education/experience"
    );
    assert!(why.contains("102C follows from the series' A/B/C/D sequence"));
    assert!(Factor::Effective.of(&c, css2).is_inferred());
}

#[test]
fn each_step_is_summarised_from_the_factors_only() {
    let c = catalogue();
    let columns = resolve(&c, &picks(&["102C", "102D"])).unwrap();
    assert_eq!(
        step_summary(columns[0], columns[1]).words(),
        "Customer Service Specialist 3 → Customer Service Specialist 4: from leading others to supervising them; \
         works under administrative direction; its desirable qualifications ask for one year as a Customer Service \
         Specialist 3 or one of its 2 other routes"
    );
    let columns = resolve(&c, &picks(&["102A", "102B"])).unwrap();
    assert_eq!(
        step_summary(columns[0], columns[1]).words(),
        "Customer Service Specialist 1 → Customer Service Specialist 2: whether either leads or supervises others is not \
         in our copy; the supervision Customer Service Specialist 2 works under is not in our copy; the qualifications \
         for Customer Service Specialist 2 are not in our copy"
    );
    let columns = resolve(&c, &picks(&["102B", "102C"])).unwrap();
    assert!(step_summary(columns[0], columns[1]).words().contains(
        "Customer Service Specialist 3 trains, leads and mentors other staff; whether Customer Service Specialist 2 does is not in our copy"
    ));
    let columns = resolve(&c, &picks(&["102D@2019", "102D"])).unwrap();
    assert!(step_summary(columns[0], columns[1])
        .words()
        .starts_with("Customer Service Specialist 4, July 2019 version → July 2025 version: "));
}

#[test]
fn the_css_4_revision_names_its_big_changes() {
    // Mutations tried: leaving out the scope change, and comparing routes by their described
    // text with "Equivalent" ignored; each made this fail.
    let c = catalogue();
    let columns = resolve(&c, &picks(&["102D@2019", "102D"])).unwrap();
    let changes = revision_changes(&c, columns[0], columns[1]);
    assert!(
        matches!(&changes[0], RevisionChange::Scope { before, after }
            if before.value().unwrap().starts_with("Plans, organizes and runs")
            && after.value().unwrap().starts_with("Supervises Customer Service Specialist staff")),
        "{changes:?}"
    );
    let RevisionChange::Qualifications {
        changes: routes, ..
    } = &changes[1]
    else {
        panic!("{changes:?}")
    };
    let described = |r: &QualificationRoute| r.requirement.describe(&c);
    assert_eq!(
        routes
            .routes
            .iter()
            .map(|(r, kept)| (described(r), *kept))
            .collect::<Vec<_>>(),
        [
            (
                "A high school diploma or GED and four years of experience".to_owned(),
                false
            ),
            (
                "One year as a Customer Service Specialist 3 (102C)".to_owned(),
                false
            ),
            ("Equivalent education/experience".to_owned(), false),
        ]
    );
    assert_eq!(
        routes
            .dropped
            .iter()
            .map(|r| described(r))
            .collect::<Vec<_>>(),
        [
            "An associate's degree and four years of experience",
            "A bachelor's degree and two years of progressive experience",
            "Equivalent experience",
        ]
    );
    let named: Vec<(bool, &str)> = changes[2..]
        .iter()
        .map(|change| match change {
            RevisionChange::NoLongerNames(class) => (false, class.code.as_ref()),
            RevisionChange::NowNames(class) => (true, class.code.as_ref()),
            _ => panic!("scope and routes come first"),
        })
        .collect();
    assert_eq!(
        named,
        [(false, "103D"), (true, "102A")],
        "the pointer to the manager class is gone; the 2025 series concept points to CSS 1"
    );
    // Two different classes: the step line says what separates them.
    let columns = resolve(&c, &picks(&["102C", "102D"])).unwrap();
    assert!(revision_changes(&c, columns[0], columns[1]).is_empty());
}

/// The cells, one per column, of the row headed `heading` in a rendered comparison.
fn cells<'a>(table: &'a Html, heading: &str) -> Vec<ElementRef<'a>> {
    table
        .all("tr")
        .into_iter()
        .find(|tr| tr.texts("th[scope=row]") == [heading])
        .unwrap_or_else(|| panic!("no row {heading}"))
        .all("td")
}

// The rendered comparison is read as HTML (crates/test-html). Mutations tried: the duty's
// "New: " mark left out (the first test failed); the visually hidden "removed: " before a
// deletion left out (the second failed).
#[test]
fn the_rendered_comparison_marks_changes_and_names_its_sources() {
    let c = catalogue();
    let columns = resolve(&c, &picks(&["102D@2019", "102D"])).unwrap();
    let table = parse(&render::compare(&c, &columns));
    let typical = cells(&table, "Typical Work")[1];
    let added = typical.all("li.duty--added");
    assert!(
        added
            .iter()
            .all(|li| li.texts("strong.duty__mark") == ["New:"]),
        "every new duty is marked"
    );
    assert!(
        added
            .iter()
            .any(|li| text(*li).starts_with("New: Reviews customer issues")),
        "{:?}",
        typical.texts("li.duty--added")
    );
    assert_eq!(
        typical.texts(".duties--dropped del"),
        ["Tracks how client/customer issues are resolved, using computer applications and software."]
    );
    assert!(
        cells(&table, "Definition")[1]
            .texts(".compare__note")
            .contains(
                &"Rewritten: little of the wording carries over from the column before.".to_owned()
            ),
        "the 2025 definition was rewritten"
    );
    // Each column's official page (beside the link to the page's key).
    let sources = table.attrs(".compare__sources li > a", "href");
    assert_eq!(sources.len(), 2, "{sources:?}");
    assert!(
        sources
            .iter()
            .all(|href| href.ends_with("Specifications/1663")),
        "{sources:?}"
    );
    assert_eq!(
        table.count("th[scope=row]"),
        Factor::ALL.len() + SectionKind::ALL.len()
    );
}

#[test]
fn edited_official_text_is_marked_word_by_word() {
    let c = catalogue();
    let columns = resolve(&c, &picks(&["102A@2024", "102D"])).unwrap();
    let table = parse(&render::compare(&c, &columns));
    let diff = cells(&table, "Desirable Qualifications")[1].one("p.diff");
    assert_eq!(
        diff.texts("del"),
        [
            "removed: GED",
            "removed: High School graduation AND one year"
        ]
    );
    assert_eq!(
        diff.texts("ins"),
        [
            "added: High school diploma",
            "added: equivalent and four years",
            "added: OR One year of experience as a Customer Service Specialist 3. OR Equivalent education/experience."
        ]
    );
    assert!(
        diff.all("ins, del")
            .iter()
            .all(|e| e.count(".visually-hidden") == 1),
        "each change says what it is to a screen reader"
    );
    let shared = "of experience providing assistance to clients/customers";
    assert!(text(diff).contains(shared), "{}", text(diff));
    assert!(
        !diff.texts("ins, del").iter().any(|t| t.contains(shared)),
        "shared words stay plain"
    );
    // The row of each section, read as HTML: its cells, one per column, and which of them say
    // that nothing changed. Mutation tried: `is_unchanged` answering false for every section;
    // the legal requirements' cells then lost their "Same as the column before" and this failed.
    let same_in = |heading: &str| -> Vec<bool> {
        cells(&table, heading)
            .iter()
            .map(|td| {
                td.texts(".compare__same")
                    .iter()
                    .any(|p| p == "Same as the column before:")
            })
            .collect()
    };
    assert_eq!(
        same_in("Legal Requirement(s)"),
        [false, true],
        "the legal requirements did not change from CSS 1 2024 to CSS 4"
    );
    assert_eq!(same_in("Desirable Qualifications"), [false, false]);
}

#[test]
fn a_gap_beside_a_value_is_not_called_a_change() {
    let c = catalogue();
    let columns = resolve(&c, &picks(&["102A", "102B", "102C"])).unwrap();
    let table = parse(&render::compare(&c, &columns));
    let changed = |heading: &str| -> usize {
        cells(&table, heading)
            .iter()
            .map(|td| td.count(".changed__mark"))
            .sum()
    };
    assert_eq!(
        changed("Supervision received"),
        0,
        "CSS 2 and CSS 3 supervision are gaps"
    );
    assert_eq!(changed("Level"), 2, "entry → journey → senior");
    assert!(
        table
            .texts(".changed__mark")
            .iter()
            .all(|t| t == "(changed)"),
        "every mark says so"
    );
}

#[test]
fn a_badge_describes_the_text_under_it_and_our_words_are_compared_apart() {
    // Mutation tried: drawing the diff of our words straight under the "Official text" badge
    // (as before the fix); the official paragraph was then missing and this failed.
    let c = catalogue();
    let columns = resolve(&c, &picks(&["102D@2019", "102D"])).unwrap();
    let table = parse(&render::compare(&c, &columns));
    let css4 = c.class("102D").unwrap().newest().unwrap();
    for (row, kind) in [
        ("Definition", SectionKind::Definition),
        ("Typical Work", SectionKind::TypicalWork),
    ] {
        let cell = cells(&table, row)[1];
        let badge = cell.child_elements().next().expect("a badge first");
        assert_eq!(
            (badge.value().attr("class"), text(badge).as_str()),
            (Some("badge badge--official"), "Official text"),
            "{row}"
        );
        let first = css4.section(kind).unwrap().official_paragraphs().unwrap()[0];
        let official = cell.one(".official");
        assert_eq!(
            official.texts("p, li").first().map(String::as_str),
            Some(
                first
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .as_str()
            ),
            "{row}: the official wording is shown"
        );
        // What our words' comparison marks (added, removed, new) is all inside its own block.
        let ours = cell.one("div.compare__ours");
        for mark in ["ins", "del", ".duty__mark"] {
            assert_eq!(
                cell.count(mark),
                ours.count(mark),
                "{row}: no {mark} under the official badge"
            );
        }
        assert_eq!(ours.count(".official"), 0, "{row}");
        assert_eq!(
            ours.count(".compare__ours-label .badge--summary"),
            1,
            "{row}: labelled as our words"
        );
    }
    // Summaries under the summary badge.
    assert!(cells(&table, "Typical Work")[0].has(".badge--summary"));
}

#[test]
fn a_cut_off_duty_list_is_not_a_change() {
    // Mutation tried: ignoring `partial` (as before the fix): CSS 3 then "no longer listed"
    // CSS 2's later duties and this failed.
    let c = catalogue();
    let columns = resolve(&c, &picks(&["102B", "102C"])).unwrap();
    let table = parse(&render::compare(&c, &columns));
    let cell = cells(&table, "Typical Work")[1];
    assert!(
        !cell
            .texts(".duties__dropped-title")
            .contains(&"No longer listed:".to_owned()),
        "{:?}",
        cell.texts(".duties__dropped-title")
    );
    assert!(!cell.has(".duty--added"), "CSS 2's list is cut off too");
    let partial = cell.texts(".compare__note--partial");
    assert!(
        partial[0].ends_with("so which of these duties are new cannot be told."),
        "{partial:?}"
    );
    assert!(
        partial[1].ends_with("cannot be told:"),
        "says which cannot be compared: {partial:?}"
    );
    assert!(cell.has(".duties__dropped-title + ul.duties--unknown"));
    // Against a complete list, what a cut-off list holds can be compared as usual.
    let columns = resolve(&c, &picks(&["102C", "102D"])).unwrap();
    let table = parse(&render::compare(&c, &columns));
    let cell = cells(&table, "Typical Work")[1];
    assert!(!cell.has(".duty--added"), "CSS 3's list is cut off");
    assert!(!cell.has(".duties--unknown"), "CSS 4's list is whole");
}

#[test]
fn the_revision_summary_and_the_qualifications_row_name_the_route_changes() {
    // Mutation tried: no structured routes in the Desirable Qualifications row (as before the
    // fix): it then said "Not compared" and this failed.
    let c = catalogue();
    let columns = resolve(&c, &picks(&["102D@2019", "102D"])).unwrap();
    let page = parse(&render::compare(&c, &columns));
    let revision = page.texts(".compare__revision li");
    assert!(
        revision[0].starts_with("Scope (in our words), from "),
        "{revision:?}"
    );
    assert!(
        revision[1].starts_with("Desirable qualifications, from ")
            && revision[1].contains("An associate's degree and four years of experience"),
        "{revision:?}"
    );
    assert_eq!(
        revision[2..],
        [
            "No longer mentions Customer Service Manager*, estimated (103D)",
            "Now mentions Customer Service Specialist 1 (102A)"
        ],
        "the names printed with their marks"
    );
    assert_eq!(
        page.attrs(".compare__revision a", "href")
            .first()
            .map(String::as_str),
        Some("/class/103D")
    );
    let cell = cells(&page, "Desirable Qualifications")[1];
    let notes = cell.texts(".compare__note");
    assert!(
        !notes.iter().any(|n| n.starts_with("Not compared")),
        "{notes:?}"
    );
    let added = cell.texts(".duty--added");
    assert!(
        added.contains(
            &"New: One year as a Customer Service Specialist 3 (102C*, estimated)".to_owned()
        ),
        "{added:?}"
    );
    assert_eq!(
        cell.texts(".duties__dropped-title"),
        ["No longer a way to qualify:"]
    );
    let dropped = cell.texts(".duties--dropped del");
    assert!(
        dropped.contains(
            &"A bachelor's degree and two years of progressive experience*, estimated".to_owned()
        ),
        "the 2019 routes are inferred and keep their mark: {dropped:?}"
    );
}
