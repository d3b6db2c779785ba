//! A gap in the newest version points to what an older version says, on the class page, in the
//! comparison and in the planner, and never presents the older fact as current. (CSS 1's July
//! 2025 version has no desirable qualifications in the data; its June 2024 version asks for high
//! school and one year.)

mod common;

use class_spec_core::render::page;
use class_spec_core::{Catalogue, Route};
use class_spec_test_html::{parse, text, ElementRef, Html, Select};
use common::catalogue;

fn view(c: &Catalogue, path: &str, query: &str) -> Html {
    parse(&page(c, Route::parse(path, query).as_ref()).html)
}

fn hrefs(e: ElementRef<'_>) -> Vec<String> {
    e.attrs("a", "href")
}

/// (Mutation tried: `older_statement` looking at newer versions instead of older ones finds
/// nothing for the newest version, and every assertion below fails.)
#[test]
fn the_class_page_points_to_what_the_older_text_asked() {
    let c = catalogue();
    let doc = view(&c, "/class/102A/2025", "");
    let older = doc.all("#desirable-qualifications .routes--older");
    assert_eq!(older.len(), 1);
    let said = text(older[0]);
    assert!(
        said.starts_with(
            "The June 2024 version asked any one of these; whether the July 2025*, estimated version changed them is not known"
        ),
        "{said}"
    );
    assert!(
        said.contains("A high school diploma or GED and one year of experience"),
        "{said}"
    );
    // The older text is the one the class opens at.
    assert_eq!(hrefs(older[0]), ["/class/102A#desirable-qualifications"]);
    // Every other section the 2025 version lacks and the older text has.
    for kind in ["legal-requirements", "class-specification-history"] {
        let pointer = doc.all(&format!("#{kind} .gap--older"));
        assert_eq!(pointer.len(), 1, "{kind}");
        assert_eq!(hrefs(pointer[0]), [format!("/class/102A#{kind}")]);
    }
    // No older version, no pointer; the older version itself points nowhere.
    for (path, what) in [("/class/102B", "CSS 2"), ("/class/102A", "the older text")] {
        let doc = view(&c, path, "");
        assert!(doc.all(".gap--older, .routes--older").is_empty(), "{what}");
    }
}

#[test]
fn the_comparison_says_what_the_older_text_said_in_a_gap() {
    let c = catalogue();
    let doc = view(&c, "/compare", "classes=102A,102B");
    let rows = doc.all("tbody tr");
    let row = rows
        .iter()
        .find(|r| {
            r.all("th")
                .first()
                .is_some_and(|th| text(*th) == "Desirable qualifications")
        })
        .expect("a qualifications row");
    let cells = row.all("td");
    let css1 = text(cells[0]);
    assert!(
        css1.contains(
            "The June 2024 version said: A high school diploma or GED and one year of experience"
        ),
        "{css1}"
    );
    assert!(
        css1.contains("Not in our copy"),
        "the gap stays a gap: {css1}"
    );
    assert!(
        !text(cells[1]).contains("said:"),
        "CSS 2 has no older version"
    );
}

/// "Cannot tell, but the 2019 text asked …": labelled, with how the person stands, and the
/// verdict stays "cannot tell" even for someone who meets the older text.
#[test]
fn the_planner_says_cannot_tell_but_the_older_text_asked() {
    let c = catalogue();
    let doc = view(&c, "/planner", "years=2&education=high-school");
    let card = doc.all(r#"li.plan__item[data-class="102A"]"#);
    assert_eq!(card.len(), 1);
    assert_eq!(text(card[0].all(".verdict")[0]), "Cannot tell");
    let older = card[0].all(".plan__older");
    assert_eq!(older.len(), 1);
    let said = text(older[0]);
    assert!(
        said.starts_with("The June 2024 version asked any one of these ways. That is not the July 2025*, estimated version's requirement"),
        "{said}"
    );
    assert!(
        said.contains("A high school diploma or GED and one year of experience: you meet this"),
        "{said}"
    );
    assert!(
        doc.all(r#"li.plan__item[data-class="102B"] .plan__older"#)
            .is_empty(),
        "CSS 2 has no older version"
    );
}
