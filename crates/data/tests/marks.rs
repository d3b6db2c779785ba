//! A certainty mark travels with every inferred fact, on every view (issue 11, item 2).
//!
//! How: every inferred value of the real catalogue (a class code or title read nowhere, a
//! version label whose date is inferred, an inferred level or category, an inferred route) is
//! *tainted* with a sign no data holds, the views of every real address are drawn from that
//! catalogue, parsed as HTML, and every text node or shown attribute holding the sign must sit
//! inside an element marked `data-inferred` whose visible mark comes with it (a `.mark` inside
//! it, or the `details.why--inferred` beside it), or, in text-only places (`<option>`,
//! attributes, the embed snippet), be followed by the words "(inferred)". Views print facts only through `render::parts::value`
//! and `fact`, which do exactly that.
//!
//! Mutations tried (each fails this test): printing the class code in the class page's header
//! with `m.text` instead of `value`; dropping the mark from `value`; printing the planner's
//! "2025 revision (CSS 4) asks" line with `format!` of the label.

use std::borrow::Cow;
use std::path::Path;

use class_spec_core::render::{page_at, standalone_svg, Setting};
use class_spec_core::{Basis, Catalogue, Fact, Qualifications, Requirement, Route, Text};
use class_spec_data::load_dir;
use scraper::{ElementRef, Html, Node};

/// The sign a tainted value carries. Titles get it as a last word starting with a digit, so
/// even a title's initials ("CSM 9⁂") keep it.
const TAINT: &str = "⁂";

fn real() -> Catalogue {
    load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data"))
        .expect("valid")
        .catalogue
}

fn taint(text: &Text) -> Text {
    Cow::Owned(format!("{text}{TAINT}"))
}

fn taint_fact(fact: &mut Fact<Text>) {
    if let Fact::Inferred { value, .. } = fact {
        *value = taint(value);
    }
}

/// The real catalogue with every inferred value tainted, and the sentences of inferred routes
/// that cannot carry the sign (education and years are not text).
fn tainted() -> (Catalogue, Vec<String>) {
    let mut c = real();
    let codes: Vec<Text> = c
        .classes
        .iter()
        .filter(|k| matches!(k.code_basis, Basis::Inferred { .. }))
        .map(|k| k.code.clone())
        .collect();
    let recode = |code: &mut Text| {
        if codes.contains(code) {
            *code = taint(code);
        }
    };
    let mut routes = Vec::new();
    for series in c.series.to_mut() {
        series.ladder.to_mut().iter_mut().for_each(recode);
        for related in series.related.to_mut() {
            recode(&mut related.code);
        }
    }
    for class in c.classes.to_mut() {
        recode(&mut class.code);
        if matches!(class.title_basis, Basis::Inferred { .. }) {
            class.title = Cow::Owned(format!("{} 9{TAINT}", class.title));
        }
        for v in class.versions.to_mut() {
            if v.effective.is_inferred() {
                v.label = taint(&v.label);
            }
            for fact in [
                &mut v.level,
                &mut v.supervision,
                &mut v.scope,
                &mut v.category,
            ] {
                taint_fact(fact);
            }
            if let Qualifications::Routes(list) = &mut v.qualifications {
                for route in list.to_mut() {
                    if let Requirement::YearsInClass { class, .. } = &mut route.requirement {
                        recode(class);
                    }
                    if matches!(route.basis, Basis::Inferred { .. }) {
                        match &mut route.requirement {
                            Requirement::Equivalent { of } => *of = taint(of),
                            other => routes.push(other.clone()),
                        }
                    }
                }
            }
        }
    }
    let sentences = routes.iter().map(|r| r.describe(&c)).collect();
    (c, sentences)
}

/// The index of all classes (plain and filtered), and every series' own ladder and path.
fn index_and_series(c: &Catalogue) -> Vec<(String, String, bool)> {
    let mut out = vec![
        ("/classes".to_owned(), String::new(), false),
        ("/classes".to_owned(), "q=customer".to_owned(), false),
    ];
    for series in c.series.iter() {
        let id = series.id.to_string();
        for route in [Route::Series { id: id.clone() }, Route::SeriesPath { id }] {
            out.push((route.href(), String::new(), false));
        }
    }
    out
}

/// Every real address: each view, each class and version, comparisons up each ladder and of
/// each class's versions, plans, searches, embedded views and a kiosk's planner.
fn addresses(c: &Catalogue) -> Vec<(String, String, bool)> {
    let mut out: Vec<(String, String, bool)> = Vec::new();
    let mut add = |path: &str, query: &str| out.push((path.to_owned(), query.to_owned(), false));
    for route in [Route::Home, Route::Path, Route::Levels { series: None }] {
        add(&route.href(), "");
    }
    let codes: Vec<String> = c.classes.iter().map(|k| k.code.to_string()).collect();
    for class in c.classes.iter() {
        add(&Route::class(class.code.as_ref()).href(), "");
        for v in class.versions.iter() {
            add(
                &Route::class_version(class.code.as_ref(), v.id.as_ref()).href(),
                "",
            );
            if class.versions.len() > 1 {
                add(
                    "/compare",
                    &format!("classes={}@{},{}", class.code, v.id, class.code),
                );
            }
        }
    }
    for pair in codes.windows(2) {
        add("/compare", &format!("classes={},{}", pair[0], pair[1]));
    }
    add("/compare", &format!("classes={}", codes[..4].join(",")));
    add("/compare", "");
    add("/planner", "");
    for code in &codes {
        add(
            "/planner",
            &format!("class={code}&years=5&in-class=2&education=associate"),
        );
    }
    add("/planner", "years=3&education=high-school");
    for q in ["customer", "supervis", "manager", "102"] {
        add("/search", &format!("q={q}"));
    }
    for view in [
        "/",
        "/path",
        &Route::class(codes[2].as_str()).href(),
        &format!("/compare?classes={},{}", codes[2], codes[3]),
        "/planner?class=102B&years=2",
    ] {
        add(
            "/embed",
            &format!(
                "view={}",
                view.replace('&', "%26")
                    .replace('?', "%3F")
                    .replace('=', "%3D")
                    .replace(',', "%2C")
            ),
        );
    }
    for series in c.series.iter() {
        add(
            &Route::Series {
                id: series.id.to_string(),
            }
            .href(),
            "",
        );
        add(
            &Route::SeriesPath {
                id: series.id.to_string(),
            }
            .href(),
            "",
        );
        add(
            &Route::Levels {
                series: Some(series.id.to_string()),
            }
            .href(),
            "",
        );
    }
    add("/no-such-page", "");
    for class in c.classes.iter() {
        add(
            &Route::class_version(class.code.as_ref(), "1999").href(),
            "",
        );
    }
    out.push((
        "/planner".into(),
        "class=102B&years=5&in-class=2".into(),
        true,
    ));
    out.extend(index_and_series(c));
    out
}

/// Whether a tainted text node is marked: inside an element marked `data-inferred` whose mark
/// comes with it.
fn marked(node: ElementRef<'_>) -> bool {
    let mut at = Some(node);
    while let Some(e) = at {
        if e.value().attr("data-inferred").is_some() {
            let has_mark = e.descendants().filter_map(ElementRef::wrap).any(|d| {
                d.value().classes().any(|c| c == "mark") && d.text().any(|t| !t.trim().is_empty())
            });
            let beside = e
                .next_siblings()
                .find_map(ElementRef::wrap)
                .is_some_and(|s| {
                    s.value().name() == "details"
                        && s.value().classes().any(|c| c == "why--inferred")
                });
            return has_mark || beside;
        }
        at = e.parent().and_then(ElementRef::wrap);
    }
    false
}

/// Every place in `html` where an inferred value is shown without its mark.
fn unmarked(html: &str, sentences: &[String]) -> Vec<String> {
    let doc = Html::parse_fragment(html);
    let mut problems = Vec::new();
    // A route's sentence counts where it stands as a route (alone, or before ":", ";" or ")"),
    // not where our summary of the section happens to begin with the same words.
    let route_at = |text: &str| {
        sentences.iter().any(|s| {
            text.match_indices(s.as_str()).any(|(at, _)| {
                text[at + s.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| matches!(c, ':' | ';' | ')'))
            })
        })
    };
    let shows_inferred = |text: &str| text.contains(TAINT) || route_at(text);
    // Text-only places write the mark as words: every tainted value followed by "(inferred)",
    // as `Marked::plain` writes it.
    let says_inferred = |text: &str| {
        text.match_indices(TAINT)
            .all(|(at, _)| text[at + TAINT.len()..].starts_with(" (inferred)"))
            && !route_at(text)
    };
    for node in doc.tree.nodes() {
        match node.value() {
            Node::Text(text) if shows_inferred(text) => {
                let Some(parent) = node.parent().and_then(ElementRef::wrap) else {
                    continue;
                };
                if !(says_inferred(text) || marked(parent)) {
                    problems.push(format!("<{}> {:?}", parent.value().name(), text.trim()));
                }
            }
            Node::Element(e) => {
                for (name, value) in e.attrs() {
                    if matches!(
                        name,
                        "aria-label" | "title" | "alt" | "data-label" | "placeholder"
                    ) && shows_inferred(value)
                        && !says_inferred(value)
                    {
                        problems.push(format!("<{} {name}={value:?}>", e.name()));
                    }
                }
            }
            _ => {}
        }
    }
    problems
}

#[test]
fn every_inferred_fact_carries_its_mark_on_every_view() {
    let (c, sentences) = tainted();
    let mut problems = Vec::new();
    let mut views = 0;
    for (path, query, kiosk) in addresses(&c) {
        let route = Route::parse(&path, &query);
        assert!(
            route.is_some() || path == "/no-such-page",
            "{path}?{query} is a real address"
        );
        let setting = Setting {
            origin: "https://example.org",
            kiosk,
        };
        let shown = page_at(&c, route.as_ref(), setting);
        views += 1;
        for p in unmarked(&shown.html, &sentences) {
            problems.push(format!("{path}?{query}: {p}"));
        }
    }
    let svg = standalone_svg(&c).expect("the career path as a file");
    for p in unmarked(&svg, &sentences) {
        problems.push(format!("the SVG download: {p}"));
    }
    assert!(views > 40, "{views} views");
    assert!(
        problems.is_empty(),
        "{} unmarked:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// The test itself can fail: a value printed bare is found.
#[test]
fn the_check_finds_a_bare_value_and_accepts_a_marked_one() {
    let bare = format!("<p>One year as a CSS 3 (102C{TAINT})</p>");
    assert_eq!(unmarked(&bare, &[]).len(), 1);
    let marked = format!("<p>One year (<span data-inferred=\"\">102C{TAINT}<span class=\"mark\"> (inferred)</span></span>)</p>");
    assert!(unmarked(&marked, &[]).is_empty());
    let no_mark = format!("<p><span data-inferred=\"\">102C{TAINT}</span></p>");
    assert_eq!(
        unmarked(&no_mark, &[]).len(),
        1,
        "marked as inferred but no visible mark"
    );
}
