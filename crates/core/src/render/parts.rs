//! The small pieces every view draws the same way: a fact with how it is known, a gap, a date,
//! a list in our own words, a link inside the app.

use crate::contract::CSV_ATTRIBUTE;
use crate::date::Date;
use crate::marked::{Marked, Part};
use crate::markup::Markup;
use crate::model::{
    Basis, ClassSpec, ClassVersion, Fact, SectionContent, SectionKind, Text, NOT_IN_OUR_COPY,
};
use crate::route::Route;

/// "inferred", with the reason a click (or Enter) away.
pub(super) fn inferred_mark(m: &mut Markup, why: &str) {
    m.el("details", &[("class", "why why--inferred")], |m| {
        m.leaf("summary", &[], "inferred").leaf("span", &[], why);
    });
}

pub(super) fn basis_mark(m: &mut Markup, basis: &Basis) {
    if let Basis::Inferred { why } = basis {
        m.text(" ");
        inferred_mark(m, why);
    }
}

/// "in our words": marks a text we wrote (a scope, a history entry) where official text could
/// be expected.
pub(super) fn our_words(m: &mut Markup) {
    m.leaf("span", &[("class", "words words--summary")], "in our words");
}

pub(super) fn missing_mark(m: &mut Markup, why: &str) {
    m.leaf("span", &[("class", "fact fact--missing")], NOT_IN_OUR_COPY);
    if !why.is_empty() {
        m.text(" ");
        m.el("details", &[("class", "why why--missing")], |m| {
            m.leaf("summary", &[], "why").leaf("span", &[], why);
        });
    }
}

/// The one way a view prints words that hold facts: every inferred value wrapped with
/// `data-inferred` and its visible mark (the structural test, `crates/data/tests/marks.rs`,
/// finds any value printed otherwise).
pub(super) fn marked(m: &mut Markup, text: &Marked) {
    for part in text.parts() {
        match part {
            Part::Plain(words) => {
                m.text(words);
            }
            Part::Inferred { value, why } => {
                // The value and its mark side by side in one element, so only the value
                // is underlined and the accessible name reads "102C (inferred)".
                m.el(
                    "span",
                    &[
                        ("data-inferred", ""),
                        ("title", &format!("Inferred, not read on the page: {why}")),
                    ],
                    |m| {
                        m.leaf("span", &[("class", "fact fact--inferred")], value)
                            .leaf("span", &[("class", "mark")], " (inferred)");
                    },
                );
            }
        }
    }
}

/// [`marked`] in SVG text: the same marks as `<tspan>`s, the mark a "*" that the drawing's
/// legend explains ("* inferred").
pub(super) fn marked_svg(m: &mut Markup, text: &Marked) {
    for part in text.parts() {
        match part {
            Part::Plain(words) => {
                m.text(words);
            }
            Part::Inferred { value, .. } => {
                m.el(
                    "tspan",
                    &[("class", "fact--inferred"), ("data-inferred", "")],
                    |m| {
                        // Boxes are narrow: "*", explained in the drawing's legend.
                        m.text(value).leaf("tspan", &[("class", "mark")], "*");
                    },
                );
            }
        }
    }
}

/// A link inside the app whose text holds facts.
pub(super) fn link_marked(m: &mut Markup, route: &Route, text: &Marked) {
    m.el("a", &[("href", &route.href())], |m| marked(m, text));
}

/// A fact: its value (marked when inferred) or the gap.
pub(super) fn fact<T>(
    m: &mut Markup,
    fact: &Fact<T>,
    value: impl Fn(&mut Markup, &T, &'static str),
) {
    match fact {
        Fact::Stated(v) => value(m, v, "fact"),
        Fact::Inferred { value: v, why } => {
            m.el("span", &[("data-inferred", "")], |m| {
                value(m, v, "fact fact--inferred");
            });
            m.text(" ");
            inferred_mark(m, why);
        }
        Fact::Missing { why } => missing_mark(m, why),
    }
}

pub(super) fn fact_text(m: &mut Markup, f: &Fact<Text>) {
    fact(m, f, |m, text, class| {
        m.leaf("span", &[("class", class)], text);
    });
}

/// A date as `<time>`, with a class when one is given.
pub(super) fn date(m: &mut Markup, date: Date, class: Option<&str>) {
    m.el_with(
        "time",
        &[("datetime", &date.iso())],
        &[("class", class)],
        |m| {
            m.text(&date.to_string());
        },
    );
}

pub(super) fn fact_date(m: &mut Markup, f: &Fact<Date>) {
    fact(m, f, |m, d, class| date(m, *d, Some(class)));
}

/// Items in our own words, as a list.
pub(super) fn summary_list(m: &mut Markup, items: &[Text]) {
    m.el("ul", &[("class", "summary")], |m| {
        for item in items {
            m.leaf("li", &[], item);
        }
    });
}

/// A link inside the app (the router turns a click into client-side navigation).
pub(super) fn link(m: &mut Markup, route: &Route, text: &str) {
    m.leaf("a", &[("href", &route.href())], text);
}

/// A section missing from `version` that an older version holds: where to read it, never shown
/// as current.
pub(super) fn older_section(
    m: &mut Markup,
    class: &ClassSpec,
    version: &ClassVersion,
    kind: SectionKind,
) {
    let Some((older, ())) = class.older_statement(version, |v| {
        v.section(kind).and_then(|s| {
            matches!(
                s.content,
                SectionContent::Official(_) | SectionContent::Summary(_)
            )
            .then_some(())
        })
    }) else {
        return;
    };
    m.el("p", &[("class", "gap gap--older")], |m| {
        marked(
            m,
            &Marked::new()
                .text(NOT_IN_OUR_COPY)
                .text(" of the ")
                .then(version.label_marked())
                .text(". An older version, the ")
                .then(older.label_marked())
                .text(", has this section; it may have changed since: "),
        );
        let href = format!(
            "{}#{}",
            Route::class_version(class.code.as_ref(), older.id.as_ref()).href(),
            kind.as_str()
        );
        m.el("a", &[("href", &href)], |m| {
            marked(
                m,
                &Marked::new()
                    .text("read it in the ")
                    .then(older.label_marked()),
            );
        });
        m.text(".");
    });
}

/// `inner` in a `<div class="{class}">`.
pub(super) fn wrap(class: &'static str, inner: &str) -> String {
    let mut m = Markup::new();
    m.el("div", &[("class", class)], |m| {
        m.rendered(inner);
    });
    m.finish()
}

/// "Download as a spreadsheet (CSV)": a button `web/boot.js` answers by asking the engine for
/// the sheet of the view at `route` (its address in [`CSV_ATTRIBUTE`]). None on a kiosk (nowhere
/// to take a file).
pub(super) fn csv_button(m: &mut Markup, route: &Route, kiosk: bool) {
    if kiosk {
        return;
    }
    m.el("p", &[("class", "csv-download")], |m| {
        m.leaf(
            "button",
            &[
                ("type", "button"),
                ("class", "button button--quiet"),
                (CSV_ATTRIBUTE, &route.href()),
            ],
            "Download as a spreadsheet (CSV)",
        );
    });
}

/// The words of every link to the levels view, so each says what it leads to.
pub(super) const LEVELS_LINK_TEXT: &str = "What each level asks, level by level";

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;
    use class_spec_test_html::Select;

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
        // Read as HTML. (Mutation tried: the inferred note's class without `why--inferred`;
        // this failed.)
        let html = class_spec_test_html::parse(&m.finish());
        let top: Vec<_> = html.root_element().child_elements().collect();
        let parts: Vec<(&str, Option<&str>, String)> = top
            .iter()
            .map(|e| {
                // A note's words, without its summary ("inferred", "why", checked below).
                let words = e.first("details > span").unwrap_or(*e);
                (
                    e.value().name(),
                    e.value().attr("class"),
                    class_spec_test_html::text(words),
                )
            })
            .collect();
        assert_eq!(
            parts,
            [
                ("span", Some("fact"), "Journey level".to_owned()),
                ("span", None, "Entry level".to_owned()),
                (
                    "details",
                    Some("why why--inferred"),
                    "lowest class".to_owned()
                ),
                (
                    "span",
                    Some("fact fact--missing"),
                    NOT_IN_OUR_COPY.to_owned()
                ),
                (
                    "details",
                    Some("why why--missing"),
                    "not captured".to_owned()
                ),
            ],
            "each value, then why it is inferred or missing"
        );
        assert!(top[1].value().attr("data-inferred").is_some());
        assert_eq!(
            html.texts("[data-inferred] > .fact.fact--inferred"),
            ["Entry level"]
        );
        assert_eq!(html.texts("details > summary"), ["inferred", "why"]);
    }
}
