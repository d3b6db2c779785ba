//! The glossary view (`/glossary`: every term, an anchor each) and the "Terms on this page"
//! list every other view ends with: each term the view's text shows, its definition a tap or
//! Enter away in a disclosure (no navigation, so it works in the kiosk, whose history has no
//! Back), and a link to its entry in the glossary with the source.

use super::parts::wrap;
use super::view::Page;
use crate::glossary::{html_words, terms_in, Term};
use crate::markup::Markup;
use crate::model::Catalogue;
use crate::route::Route;

/// The id of the "Terms on this page" heading (one per view).
const TERMS_HEADING: &str = "terms-heading";

/// Every term of the glossary, defined, with where the definition comes from.
pub(super) fn glossary_page(catalogue: &Catalogue) -> Page {
    let mut m = Markup::new();
    m.leaf("h1", &[], "Glossary");
    m.leaf(
        "p",
        &[("class", "lede")],
        "The words of the trade these pages use, explained in our own words. Where a Washington \
         rule or the State's classification glossary defines a word, its source is named; where \
         we found no official definition, the entry says so and says how the official texts use \
         the word.",
    );
    if catalogue.glossary.is_empty() {
        m.leaf("p", &[], "The data holds no glossary.");
    }
    for term in catalogue.glossary.iter() {
        m.el(
            "section",
            &[
                ("class", "glossary__term"),
                ("id", &term.id),
                ("aria-labelledby", &format!("{}-name", term.id)),
            ],
            |m| {
                m.leaf("h2", &[("id", &format!("{}-name", term.id))], &term.name);
                m.leaf("p", &[], &term.definition);
                m.el("p", &[("class", "glossary__source")], |m| {
                    source(m, term, true);
                });
            },
        );
    }
    Page {
        title: "Glossary".to_owned(),
        html: wrap("glossary", &m.finish()),
    }
}

/// Where `term`'s definition comes from; the source's page linked when `linked` (the glossary
/// page: in the short form on other views, one link per term is enough).
fn source(m: &mut Markup, term: &Term, linked: bool) {
    let Some(source) = &term.source else {
        m.text("In our own words: no official definition found.");
        return;
    };
    m.text("In our own words, from ");
    if linked {
        m.leaf("a", &[("href", &source.url)], &source.name);
    } else {
        m.text(&source.name);
    }
    // After a colon, not in brackets: a kiosk writes a link's address in brackets after it.
    if let Some(note) = &source.note {
        m.text(": ").text(note);
    }
    m.text(".");
}

/// `page` with the terms its text shows listed at its end, each with its definition (none when
/// it shows none, and never on the glossary itself).
pub fn with_terms(catalogue: &Catalogue, mut page: Page) -> Page {
    let shown = terms_in(&catalogue.glossary, &html_words(&page.html));
    if shown.is_empty() {
        return page;
    }
    let mut m = Markup::new();
    m.el(
        "section",
        &[("class", "terms"), ("aria-labelledby", TERMS_HEADING)],
        |m| {
            m.leaf("h2", &[("id", TERMS_HEADING)], "Terms on this page");
            m.el("ul", &[("class", "terms__list")], |m| {
                for term in shown {
                    m.el("li", &[], |m| {
                        m.el("details", &[("class", "term-note")], |m| {
                            m.leaf("summary", &[], &term.name);
                            m.el("div", &[("class", "term-note__body")], |m| {
                                m.leaf("p", &[], &term.definition);
                                m.el("p", &[("class", "term-note__source")], |m| {
                                    source(m, term, false);
                                    m.text(" ");
                                    m.leaf(
                                        "a",
                                        &[("href", &Route::term(&term.id))],
                                        &format!("{} in the glossary", term.name),
                                    );
                                });
                            });
                        });
                    });
                }
            });
        },
    );
    page.html.push_str(&m.finish());
    page
}
