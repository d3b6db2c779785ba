//! The read-only content of the views as HTML: the ladder, a class version, the not-found
//! page. Facts always carry how they are known; gaps always say so.

mod class;
mod compare;
mod embed;
mod home;
mod page;
mod path;
mod planner;
mod search;
mod start;

pub use class::class_version;
pub use compare::{compare, compare_picker};
pub use embed::{embed_page, snippet};
pub use home::home;
pub use page::{page, page_at, picker_problem, picker_status, Page, Setting};
pub use path::{path_page, short_title, standalone_svg, Standing};
pub use planner::planner_page;
pub use search::search_page;
pub use start::start_document;

use crate::date::Date;
use crate::markup::Markup;
use crate::model::{Basis, Catalogue, Fact, Text};
use crate::route::Route;

/// "inferred", with the reason a click (or Enter) away.
fn inferred_mark(m: &mut Markup, why: &str) {
    m.el("details", &[("class", "why why--inferred")], |m| {
        m.leaf("summary", &[], "inferred").leaf("span", &[], why);
    });
}

fn basis_mark(m: &mut Markup, basis: &Basis) {
    if let Basis::Inferred { why } = basis {
        m.text(" ");
        inferred_mark(m, why);
    }
}

fn missing_mark(m: &mut Markup, why: &str) {
    m.leaf(
        "span",
        &[("class", "fact fact--missing")],
        "Not in the embedded data",
    );
    if !why.is_empty() {
        m.text(" ");
        m.el("details", &[("class", "why why--missing")], |m| {
            m.leaf("summary", &[], "why").leaf("span", &[], why);
        });
    }
}

/// A fact: its value (marked when inferred) or the gap.
fn fact<T>(m: &mut Markup, fact: &Fact<T>, value: impl Fn(&mut Markup, &T, &'static str)) {
    match fact {
        Fact::Stated(v) => value(m, v, "fact"),
        Fact::Inferred { value: v, why } => {
            value(m, v, "fact fact--inferred");
            m.text(" ");
            inferred_mark(m, why);
        }
        Fact::Missing { why } => missing_mark(m, why),
    }
}

fn fact_text(m: &mut Markup, f: &Fact<Text>) {
    fact(m, f, |m, text, class| {
        m.leaf("span", &[("class", class)], text);
    });
}

fn date(m: &mut Markup, date: Date, class: &str) {
    let class_attr = if class.is_empty() { "" } else { "class" };
    m.leaf(
        "time",
        &[("datetime", &date.iso()), (class_attr, class)],
        &date.to_string(),
    );
}

fn fact_date(m: &mut Markup, f: &Fact<Date>) {
    fact(m, f, |m, d, class| date(m, *d, class));
}

/// Items in our own words, as a list.
fn summary_list(m: &mut Markup, items: &[Text]) {
    m.el("ul", &[("class", "summary")], |m| {
        for item in items {
            m.leaf("li", &[], item);
        }
    });
}

/// A link inside the app (the router turns a click into client-side navigation).
fn link(m: &mut Markup, route: &Route, text: &str) {
    m.leaf("a", &[("href", &route.href())], text);
}

/// A helpful dead end: what was not found, every class, and the way home.
pub fn not_found(catalogue: &Catalogue, heading: &str, message: &str) -> String {
    let mut m = Markup::new();
    m.leaf("h1", &[], heading).leaf("p", &[], message);
    m.leaf("h2", &[], "The classes in this app");
    m.el("ul", &[("class", "not-found__classes")], |m| {
        for class in catalogue.classes.iter() {
            m.el("li", &[], |m| {
                link(
                    m,
                    &Route::class(class.code.as_ref()),
                    &format!("{} ({})", class.title, class.code),
                );
            });
        }
    });
    m.el("p", &[], |m| {
        m.leaf(
            "a",
            &[("href", &Route::Home.href()), ("class", "button")],
            "Back to the series",
        );
    });
    m.finish()
}

/// Whether `html` is free of the nesting an HTML parser would silently repair: block content
/// inside a paragraph (the parser closes the `<p>` early and the content escapes its line).
///
/// # Errors
/// The first paragraph holding block content, or one never closed.
pub fn paragraphs_hold_only_phrasing(html: &str) -> Result<(), String> {
    const BLOCKS: [&str; 9] = [
        "<p ", "<p>", "<div", "<details", "<ul", "<ol", "<dl", "<section", "<h",
    ];
    let mut rest = html;
    while let Some(start) = rest.find("<p") {
        let after = &rest[start + 2..];
        if !after.starts_with(['>', ' ']) {
            rest = after;
            continue;
        }
        let end = after.find("</p>").ok_or("a <p> is never closed")?;
        let inside = &after[..end];
        if let Some(block) = BLOCKS.iter().find(|b| inside.contains(*b)) {
            return Err(format!(
                "{block} inside <p>: <p{}",
                &inside[..inside.len().min(120)]
            ));
        }
        rest = &after[end..];
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;

    #[test]
    fn the_nesting_check_catches_block_content_in_a_paragraph() {
        assert!(
            paragraphs_hold_only_phrasing("<p>a <details><summary>x</summary></details></p>")
                .is_err()
        );
        assert!(paragraphs_hold_only_phrasing(
            "<p>a <span>b</span></p><div><details></details></div>"
        )
        .is_ok());
    }

    #[test]
    fn a_fact_always_says_how_it_is_known() {
        let mut m = Markup::new();
        fact_text(&mut m, &Fact::Stated(Cow::Borrowed("Journey level")));
        fact_text(
            &mut m,
            &Fact::Inferred {
                value: Cow::Borrowed("Entry level"),
                why: Cow::Borrowed("lowest class"),
            },
        );
        fact_text(
            &mut m,
            &Fact::Missing {
                why: Cow::Borrowed("not captured"),
            },
        );
        let html = m.finish();
        assert!(html.starts_with("<span class=\"fact\">Journey level</span>"));
        assert!(html.contains("<span class=\"fact fact--inferred\">Entry level</span> <details class=\"why why--inferred\"><summary>inferred</summary><span>lowest class</span></details>"));
        assert!(html.contains("Not in the embedded data</span> <details class=\"why why--missing\"><summary>why</summary><span>not captured</span>"));
    }

    #[test]
    fn not_found_lists_every_class_and_leads_home() {
        let catalogue = Catalogue {
            series: Cow::Borrowed(&[]),
            classes: Cow::Borrowed(&[]),
        };
        let html = not_found(&catalogue, "No class with the code <b>", "Check the code.");
        assert!(
            html.starts_with("<h1>No class with the code &lt;b&gt;</h1>"),
            "the typed code is text, never markup"
        );
        assert!(html.contains("<a href=\"/\" class=\"button\">Back to the series</a>"));
    }
}
