//! The small pieces every view draws the same way: a fact with how it is known, a gap, a date,
//! a list in our own words, a link inside the app.

use crate::catalogue::short_title;
use crate::contract::CSV_ATTRIBUTE;
use crate::date::Date;
use crate::marked::{Marked, Part};
use crate::markup::Markup;
use crate::model::{
    Basis, ClassSpec, ClassVersion, Fact, SectionContent, SectionKind, Source, Text,
    NOT_IN_OUR_COPY,
};

use super::key;
use crate::route::Route;

pub(super) use key::estimated;

/// The mark of an estimate that is not a value (a history entry known only from another copy),
/// with its reason noted for the key.
pub(super) fn basis_mark(m: &mut Markup, basis: &Basis) {
    if let Basis::Inferred { why } = basis {
        key::estimate("", why);
        m.el(
            "span",
            &[("data-inferred", ""), ("data-source", "estimated")],
            |m| {
                key::estimate_mark(m);
            },
        );
    }
}

/// "in our words": marks a text we wrote (a scope, a history entry) where official text could
/// be expected.
pub(super) fn our_words(m: &mut Markup) {
    key::source(Source::OurWords);
    m.leaf("span", &[("class", "words words--summary")], "in our words");
}

pub(super) fn missing_mark(m: &mut Markup, why: &str) {
    m.leaf("span", &[("class", "fact fact--missing")], NOT_IN_OUR_COPY);
    if !why.is_empty() {
        m.text(" ");
        why_note(m, "missing", "why", why);
    }
}

/// A note a tap away: `words` behind `summary` (a `why--{kind}` disclosure). On paper, where
/// it cannot be opened, its number instead, and its words in the page's key (`key.rs`).
pub(super) fn why_note(m: &mut Markup, kind: &str, summary: &str, words: &str) {
    m.el("details", &[("class", &format!("why why--{kind}"))], |m| {
        m.leaf("summary", &[], summary).leaf("span", &[], words);
    });
    if let Some(n) = key::note_number(words) {
        m.leaf(
            "sup",
            &[("class", "note-ref"), ("aria-hidden", "true")],
            &n.to_string(),
        );
    }
}

/// The one way a view prints words that hold facts: every estimated value drawn by
/// [`estimated`] (the structural test, `crates/data/tests/marks.rs`, finds any value printed
/// otherwise), and noted, with why, for the page's key.
pub(super) fn marked(m: &mut Markup, text: &Marked) {
    for part in text.parts() {
        match part {
            Part::Plain(words) => {
                m.text(words);
            }
            Part::Inferred { value, why } => {
                // Only the value is underlined; the mark comes right after it.
                let mut v = Markup::new();
                v.leaf("span", &[("class", "fact fact--inferred")], value);
                let v = v.finish();
                key::estimate(&v, why);
                estimated(m, &v);
            }
        }
    }
}

/// [`marked`] in SVG text: the same marks as `<tspan>`s, the same "*", explained in the
/// drawing's own legend (the drawing is also a file of its own) and noted for the page's key.
pub(super) fn marked_svg(m: &mut Markup, text: &Marked) {
    for part in text.parts() {
        match part {
            Part::Plain(words) => {
                m.text(words);
            }
            Part::Inferred { value, why } => {
                let mut v = Markup::new();
                v.leaf("span", &[("class", "fact fact--inferred")], value);
                key::estimate(&v.finish(), why);
                m.el(
                    "tspan",
                    &[("class", "fact--inferred"), ("data-inferred", "")],
                    |m| {
                        m.text(value).leaf("tspan", &[("class", "mark")], "*");
                    },
                );
            }
        }
    }
}

/// [`short_title`] of a class ("CSS 3"), marked when its title is inferred.
pub(super) fn short_title_marked(class: &ClassSpec) -> Marked {
    Marked::new().value(&short_title(&class.title), &class.title_basis)
}

/// A link inside the app whose text holds facts.
pub(super) fn link_marked(m: &mut Markup, route: &Route, text: &Marked) {
    m.el("a", &[("href", &route.href())], |m| marked(m, text));
}

/// A fact: its value with where it was read (`source`, for a stated value: a `data-source` the
/// page's key explains), its value marked as estimated, or the gap.
pub(super) fn fact<T>(
    m: &mut Markup,
    fact: &Fact<T>,
    source: Source<'_>,
    value: impl Fn(&mut Markup, &T, &'static str),
) {
    match fact {
        Fact::Stated(v) => {
            key::source(source);
            m.el("span", &[("data-source", source.as_str())], |m| {
                value(m, v, "fact");
            });
        }
        Fact::Inferred { value: v, why } => {
            let mut drawn = Markup::new();
            value(&mut drawn, v, "fact fact--inferred");
            let drawn = drawn.finish();
            key::estimate(&drawn, why);
            estimated(m, &drawn);
        }
        Fact::Missing { why } => missing_mark(m, why),
    }
}

/// A fact whose value holds facts of its own (routes naming classes): each estimate in it
/// marked on itself, never the words around it.
pub(super) fn fact_marked(m: &mut Markup, f: &Fact<Marked>, source: Source<'_>) {
    fact(m, f, source, |m, text, class| {
        m.el("span", &[("class", class)], |m| marked(m, text));
    });
}

pub(super) fn fact_text(m: &mut Markup, f: &Fact<Text>, source: Source<'_>) {
    fact(m, f, source, |m, text, class| {
        m.leaf("span", &[("class", class)], text);
    });
}

/// A column's head in a table of classes side by side (a comparison, the levels view): the
/// class's title linked to `route`, its code and version on a line of their own, and its source
/// line.
pub(super) fn column_head(
    m: &mut Markup,
    route: &Route,
    class: &ClassSpec,
    version: &ClassVersion,
) {
    link_marked(m, route, &class.title_marked());
    m.el("span", &[("class", "column-version")], |m| {
        marked(
            m,
            &class.code_marked().text(" · ").then(version.label_marked()),
        );
    });
    source_line(m, version);
}

/// Where a version's stated facts were read, in words a person understands, under the facts
/// it heads (a ladder card, "At a glance", a comparison's column): "From the official page,
/// not reproduced here" or "Read on the official text shown here". The page's key says more.
pub(super) fn source_line(m: &mut Markup, version: &ClassVersion) {
    let source = version.source();
    key::source(source);
    // A span (a block by CSS): it also stands in headings (the levels view's columns).
    m.el(
        "span",
        &[("class", "source-line"), ("data-source", source.as_str())],
        |m| {
            m.leaf(
                "a",
                &[("href", &format!("#{}", key::KEY_ID))],
                source.label(),
            );
        },
    );
}

/// A class's one-line definition, in our words.
pub(super) fn tagline(m: &mut Markup, text: &str) {
    key::source(Source::OurWords);
    m.leaf(
        "p",
        &[("class", "rung__tagline"), ("data-source", "ours")],
        text,
    );
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

pub(super) fn fact_date(m: &mut Markup, f: &Fact<Date>, source: Source<'_>) {
    fact(m, f, source, |m, d, class| date(m, *d, Some(class)));
}

/// Items in our own words, as a list.
pub(super) fn summary_list(m: &mut Markup, items: &[Text]) {
    key::source(Source::OurWords);
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

    #[test]
    fn short_titles_are_initials_and_level() {
        assert_eq!(short_title("Customer Service Specialist 3"), "CSS 3");
        assert_eq!(short_title("Customer Service Manager"), "CSM");
        assert_eq!(short_title("Office Assistant 2"), "OA 2");
    }
    use class_spec_test_html::Select;

    #[test]
    fn a_fact_always_says_how_it_is_known() {
        let page = Source::Page {
            url: "https://example.org/1665",
            read: None,
        };
        let drawn = key::with_key(|| {
            let mut m = Markup::new();
            fact_text(&mut m, &Fact::Stated(Cow::Borrowed("Journey level")), page);
            fact_text(
                &mut m,
                &Fact::Inferred {
                    value: Cow::Borrowed("Entry level"),
                    why: Cow::Borrowed("lowest class"),
                },
                Source::Shown,
            );
            fact_text(
                &mut m,
                &Fact::Missing {
                    why: Cow::Borrowed("not captured"),
                },
                Source::Shown,
            );
            super::super::view::Page {
                title: String::new(),
                html: m.finish(),
            }
        });
        // Read as HTML. (Mutations seen failing: the stated value without its `data-source`;
        // the estimate's mark left out of `estimated`; the key not told of the estimate.)
        let html = class_spec_test_html::parse(&drawn.html);
        assert_eq!(
            html.texts("[data-source=page] > .fact"),
            ["Journey level"],
            "a stated value says where it was read"
        );
        assert_eq!(
            html.texts("html > [data-inferred] > .fact.fact--inferred"),
            ["Entry level"]
        );
        assert_eq!(
            html.texts("html > [data-inferred] > .mark"),
            ["*"],
            "the mark, not a word"
        );
        assert_eq!(
            html.texts("html > [data-inferred] > .visually-hidden"),
            [", estimated"],
            "what a screen reader hears"
        );
        assert_eq!(html.texts(".fact--missing"), [NOT_IN_OUR_COPY]);
        // The key explains the page once: where the stated value was read, and why the
        // estimate is one; the shown source's entry is absent (nothing on the page was read
        // on official text shown here).
        assert_eq!(html.count("#key"), 1);
        assert!(html.has("#key [data-source=page] a[href='https://example.org/1665']"));
        assert!(!html.has("#key [data-source=shown]"));
        assert_eq!(
            html.texts("#key .key__why li"),
            ["Entry level*, estimated: lowest class"]
        );
    }
}
