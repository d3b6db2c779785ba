//! Every view the engine draws is HTML as written: an HTML parser reads it without one parse
//! error. That is the parser's own rule for what a browser would silently repair, such as block
//! content inside a paragraph (the parser closes the `<p>` early and the content escapes its
//! line) or an end tag without its start.
//!
//! Mutation tried: the class page's meta line (which holds an "inferred" `<details>`) written
//! as a `<p>` instead of a `<div>`; both tests failed with "No <p> tag to close".

use class_spec_core::compare::suggestions;
use class_spec_engine::{catalogue, document, view, view_at};
use scraper::Html;

/// Every address with a view of its own, and some of each kind computed from the address.
fn addresses() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = [
        ("/", ""),
        ("/compare", ""),
        ("/compare", "classes=102C"),
        ("/compare", "classes=102C,999Z"),
        ("/path", ""),
        ("/planner", ""),
        (
            "/planner",
            "class=102B&years=3&in-class=2&education=high-school",
        ),
        ("/planner", "class=999Z&years=x&in-class=9&education=phd"),
        ("/search", ""),
        ("/search", "q=customer"),
        ("/search", "q=%22walk-in%22+nothing-matches-this"),
        ("/embed", "view=/path"),
        ("/embed", "view=/nowhere"),
        ("/nowhere", ""),
        ("/class/999Z", ""),
        ("/class/102D/1999", ""),
    ]
    .iter()
    .map(|(p, q)| ((*p).to_owned(), (*q).to_owned()))
    .collect();
    for class in catalogue().classes.iter() {
        for version in class.versions.iter() {
            out.push((
                format!("/class/{}/{}", class.code, version.id),
                String::new(),
            ));
        }
    }
    let every_series: Vec<_> = catalogue().series.iter().collect();
    for (_, route) in suggestions(catalogue(), &every_series) {
        let href = route.href();
        let (path, query) = href.split_once('?').unwrap_or((&href, ""));
        out.push((path.to_owned(), query.to_owned()));
    }
    out
}

fn parse_errors(html: &str) -> Vec<String> {
    Html::parse_fragment(html)
        .errors
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn every_view_parses_without_an_error() {
    let addresses = addresses();
    assert!(addresses.len() > 20, "{addresses:?}");
    for (path, query) in &addresses {
        let shown = view(path, query);
        assert_eq!(
            parse_errors(&shown.html),
            Vec::<String>::new(),
            "{path}?{query}"
        );
        let kiosk = view_at(
            path,
            query,
            class_spec_core::render::Setting {
                origin: "https://classes.example.org",
                kiosk: true,
            },
        );
        assert_eq!(
            parse_errors(&kiosk.html),
            Vec::<String>::new(),
            "kiosk {path}?{query}"
        );
    }
}

#[test]
fn every_view_in_its_chrome_parses_without_an_error() {
    for (path, query) in addresses() {
        let body = document(&path, &query, "", false).html;
        assert_eq!(parse_errors(&body), Vec::<String>::new(), "{path}?{query}");
    }
}

#[test]
fn the_parser_reports_what_a_browser_would_repair() {
    assert_eq!(
        parse_errors("<p>a <details><summary>x</summary></details></p>"),
        ["No <p> tag to close"]
    );
    assert!(parse_errors("<p>a <span>b</span></p><div><details></details></div>").is_empty());
}
