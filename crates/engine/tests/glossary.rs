//! Every term of the glossary that a view's text shows has its definition on that view (issue
//! 22, item 7): the views of every real address, drawn by the module that draws them for a page
//! opened there, plain and on a kiosk, are parsed; their text outside "Terms on this page" is
//! read as the glossary reads it (`glossary::words`), and each term found there must be in the
//! list, its definition in a disclosure and a link to its glossary entry; no term the view does
//! not show is listed. The glossary itself has an entry per term, with its source or the words
//! "no official definition found".
//!
//! Mutations tried: the comparison's module drawing its view without `with_terms` fails
//! `every_term_a_view_shows_is_defined_there` ("/compare: `class` appears but is not listed").
//! (The rule itself, whole words only, is the core's: `Term::appears_in` matching a form inside
//! a word fails `glossary::tests` there.)

use class_spec_core::glossary::words;
use class_spec_core::Route;
use class_spec_engine::{catalogue, document_in, Views};
use class_spec_test_html::{parse, text, ElementRef, Html, Select};
use scraper::Node;

/// Every real address a view can be opened at (each class and version, each series' views,
/// comparisons up each ladder, plans from each class, a search, the picker, the index, a
/// not-found view).
fn addresses() -> Vec<String> {
    let c = catalogue();
    let mut out: Vec<String> = [
        "/",
        "/path",
        "/levels",
        "/compare",
        "/planner",
        "/search",
        "/search?q=supervision",
        "/search?q=lead",
        "/classes",
        "/classes?q=customer",
        "/nowhere",
        "/embed?view=/class/102D",
    ]
    .map(str::to_owned)
    .to_vec();
    for series in c.series.iter() {
        out.push(class_spec_core::levels::route_for(c, series).href());
        let id = series.id.to_string();
        out.push(Route::Series { id: id.clone() }.href());
        out.push(Route::SeriesPath { id }.href());
        for pair in series.ladder.windows(2) {
            out.push(format!("/compare?classes={},{}", pair[0], pair[1]));
        }
    }
    for class in c.classes.iter() {
        out.push(Route::class(class.code.as_ref()).href());
        for version in class.versions.iter() {
            out.push(Route::class_version(class.code.as_ref(), version.id.as_ref()).href());
        }
        out.push(format!(
            "/planner?class={}&years=4&in-class=2&education=high-school",
            class.code
        ));
    }
    out
}

/// The text of `element` a reader sees, leaving out the list of terms.
fn text_outside_terms(element: ElementRef<'_>, out: &mut String) {
    for child in element.children() {
        match child.value() {
            Node::Text(t) => {
                out.push_str(t);
                out.push(' ');
            }
            Node::Element(e) if e.classes().any(|c| c == "terms") => {}
            Node::Element(_) => {
                if let Some(child) = ElementRef::wrap(child) {
                    text_outside_terms(child, out);
                }
            }
            _ => {}
        }
    }
}

fn drawn(address: &str, kiosk: bool) -> Html {
    let (path, query) = address.split_once('?').unwrap_or((address, ""));
    let route = Route::parse(path, query);
    let views = route.as_ref().map_or(Views::All, Views::for_page);
    parse(&document_in(views, path, query, "https://classes.example.org", kiosk).html)
}

#[test]
fn every_term_a_view_shows_is_defined_there() {
    let glossary = &catalogue().glossary;
    assert!(glossary.len() >= 12, "the data's glossary is baked");
    let mut listed_somewhere = std::collections::HashSet::new();
    for address in addresses() {
        for kiosk in [false, true] {
            let doc = drawn(&address, kiosk);
            let view = doc.one("#view");
            let mut shown = String::new();
            text_outside_terms(view, &mut shown);
            let shown = words(&shown);
            let listed: Vec<String> = view.texts(".terms details.term-note > summary");
            for term in glossary.iter() {
                let appears = term.appears_in(&shown);
                assert_eq!(
                    listed.iter().any(|name| name == term.name.as_ref()),
                    appears,
                    "{address} (kiosk: {kiosk}): `{}` {} but is {}listed",
                    term.id,
                    if appears {
                        "appears"
                    } else {
                        "does not appear"
                    },
                    if appears { "not " } else { "" }
                );
                if !appears {
                    continue;
                }
                listed_somewhere.insert(term.id.to_string());
                let note = view
                    .all(".terms details.term-note")
                    .into_iter()
                    .find(|d| d.texts("summary") == [term.name.as_ref()])
                    .expect("listed");
                assert_eq!(
                    note.texts(".term-note__body > p")
                        .first()
                        .map(String::as_str),
                    Some(term.definition.as_ref()),
                    "{address}: the definition of `{}` is in its disclosure",
                    term.id
                );
                assert_eq!(
                    note.attrs("a", "href"),
                    [Route::term(&term.id)],
                    "{address}: `{}` links to its entry",
                    term.id
                );
            }
        }
    }
    // The list is not a formality: each term is met on some view (the glossary's forms match
    // the words the views really use).
    let never: Vec<&str> = glossary
        .iter()
        .map(|t| t.id.as_ref())
        .filter(|id| !listed_somewhere.contains(*id))
        .collect();
    assert!(never.is_empty(), "terms no view shows: {never:?}");
}

#[test]
fn the_glossary_defines_every_term_once() {
    let doc = drawn("/glossary", false);
    let view = doc.one("#view");
    assert_eq!(view.texts("h1"), ["Glossary"]);
    assert!(
        !view.has(".terms"),
        "the glossary lists no terms of its own"
    );
    for term in catalogue().glossary.iter() {
        let entry = view.one(&format!("section.glossary__term#{}", term.id));
        assert_eq!(entry.texts("h2"), [term.name.as_ref()]);
        assert!(entry.texts("p").contains(&term.definition.to_string()));
        let source = text(entry.one(".glossary__source"));
        match &term.source {
            Some(s) => {
                assert_eq!(entry.attrs(".glossary__source a", "href"), [s.url.as_ref()]);
                assert!(source.contains(s.name.as_ref()), "{source}");
            }
            None => assert_eq!(source, "In our own words: no official definition found."),
        }
    }
    // Its place in the header, on every page.
    let home = drawn("/", false);
    assert_eq!(
        home.attrs(".site-header__nav a[href='/glossary']", "href")
            .len(),
        1
    );
}
