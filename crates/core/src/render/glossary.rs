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
/// it shows none, and never on the glossary itself), and each term's first appearance in the
/// text a link to its definition there.
pub fn with_terms(catalogue: &Catalogue, mut page: Page) -> Page {
    let shown = terms_in(&catalogue.glossary, &html_words(&page.html));
    if shown.is_empty() {
        return page;
    }
    page.html = link_first_appearances(&page.html, &shown);
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
                            // The target of the term's links: inside the disclosure, so a
                            // browser following the link opens it (and the shell does too).
                            let id = definition_id(term);
                            m.el("div", &[("class", "term-note__body"), ("id", &id)], |m| {
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

/// The id of `term`'s definition in the "Terms on this page" list, which the term's first
/// appearance in the view links to.
fn definition_id(term: &Term) -> String {
    format!("term-{}", term.id)
}

/// Elements whose text is not given a term's link: a link or control is one thing to press
/// already, a heading is a name, and an SVG's text, an option's or a title's cannot hold one.
const NOT_LINKED_IN: &[&str] = &[
    "a", "button", "summary", "label", "option", "select", "textarea", "title", "script", "style",
    "svg", "h1", "h2", "h3", "h4", "h5", "h6", "time",
];

/// Elements that open a part of their own (a section, an aside, a table cell): a term met again
/// in one is linked again, so wherever a reader starts reading a part, the term's first
/// appearance there leads to its definition.
const PARTS: &[&str] = &["section", "aside", "article", "td"];

/// Elements without an end tag, as `Markup::void` writes them.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// `html` (the core's own markup, well formed, values escaped) with the first appearance of each
/// of `terms` in each part of its running text (the view, then again in every section, aside
/// and table cell: [`PARTS`]) made a link to the term's definition on the same page, so a term
/// is explained where a reader meets it, by tap, click or keyboard, without a link on every
/// repetition of "class" in a paragraph. The words stay as they
/// were (an official sentence keeps every character: only a link is put around its words); a
/// term split by markup (`<strong>close</strong> supervision`) is left as it is and is still in
/// the list at the page's end.
pub(super) fn link_first_appearances(html: &str, terms: &[&Term]) -> String {
    let mut pending: Vec<&Term> = terms.to_vec();
    let mut out = String::with_capacity(html.len() + terms.len() * 48);
    // Open elements that forbid a link, by name, innermost last.
    let mut stack: Vec<&str> = Vec::new();
    let mut blocked = 0usize;
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('<') {
            let end = after.find('>').map_or(rest.len(), |i| i + 2);
            let tag = &rest[..end];
            out.push_str(tag);
            rest = &rest[end..];
            let closing = tag.starts_with("</");
            let name_start = if closing { 2 } else { 1 };
            let name: String = tag[name_start..]
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect();
            if closing {
                if let Some(open) = stack.iter().rposition(|n| *n == name) {
                    for n in stack.drain(open..) {
                        blocked -= usize::from(NOT_LINKED_IN.contains(&n));
                    }
                }
            } else if !VOID.contains(&name.as_str()) && !tag.ends_with("/>") {
                let known = NOT_LINKED_IN
                    .iter()
                    .chain(VOID)
                    .copied()
                    .find(|n| *n == name);
                blocked += usize::from(known.is_some_and(|n| NOT_LINKED_IN.contains(&n)));
                stack.push(known.unwrap_or("other"));
                if PARTS.contains(&name.as_str()) {
                    pending = terms.to_vec();
                }
            }
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let text = &rest[..end];
            rest = &rest[end..];
            if blocked > 0 || pending.is_empty() {
                out.push_str(text);
            } else {
                link_in_text(text, &mut pending, &mut out);
            }
        }
    }
    out
}

/// `text` (escaped, between two tags) into `out`, with the first appearance of each `pending`
/// term in it linked; a term linked is taken off `pending`.
fn link_in_text(text: &str, pending: &mut Vec<&Term>, out: &mut String) {
    // The text as `words` reads it, each kept character with where it stands in `text`.
    let mut norm = String::from(" ");
    let mut at: Vec<usize> = vec![0];
    let mut chars = text.char_indices();
    while let Some((i, c)) = chars.next() {
        if c == '&' {
            // A character reference is a separator, never letters ("&amp;" is not "amp").
            for (_, c) in chars.by_ref() {
                if c == ';' {
                    break;
                }
            }
            if !norm.ends_with(' ') {
                norm.push(' ');
                at.push(i);
            }
        } else if c.is_ascii_alphanumeric() {
            norm.push(c.to_ascii_lowercase());
            at.push(i);
        } else if !norm.ends_with(' ') {
            norm.push(' ');
            at.push(i);
        }
    }
    norm.push(' ');
    at.push(text.len());
    // Every (start, end, term) found, earliest first, none overlapping.
    let mut found: Vec<(usize, usize, &Term)> = Vec::new();
    for term in pending.iter() {
        let hit = term
            .forms
            .iter()
            .filter_map(|form| {
                let needle = crate::glossary::words(form);
                norm.find(&needle).map(|p| (p, needle.len()))
            })
            // The earliest, and at one place the longest form ("close to general supervision").
            .min_by_key(|&(p, len)| (p, usize::MAX - len));
        if let Some((p, len)) = hit {
            // The needle begins and ends with a space: the words are from p + 1 to p + len - 2.
            let start = at[p + 1];
            let last = at[p + len - 2];
            let end = last + text[last..].chars().next().map_or(0, char::len_utf8);
            if !found.iter().any(|&(s, e, _)| start < e && s < end) {
                found.push((start, end, term));
            }
        }
    }
    crate::sort::sort_by(&mut found, &|a, b| a.0.cmp(&b.0));
    let mut done = 0;
    for &(start, end, term) in &found {
        out.push_str(&text[done..start]);
        let mut m = Markup::new();
        m.el(
            "a",
            &[
                ("class", "term"),
                ("href", &format!("#{}", definition_id(term))),
            ],
            |m| {
                m.rendered(&text[start..end]);
            },
        );
        out.push_str(&m.finish());
        done = end;
        pending.retain(|t| t.id != term.id);
    }
    out.push_str(&text[done..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use class_spec_test_html::Select as _;
    use std::borrow::Cow;

    fn term(id: &'static str, forms: &'static [&'static str]) -> Term {
        Term {
            id: Cow::Borrowed(id),
            name: Cow::Borrowed(id),
            forms: forms.iter().map(|f| Cow::Borrowed(*f)).collect(),
            definition: Cow::Borrowed(""),
            source: None,
        }
    }

    // Mutations seen failing: every appearance linked (no `retain`); headings not skipped
    // (`blocked` never raised); a character reference read as letters.
    #[test]
    fn the_first_appearance_in_running_text_links_to_the_definition() {
        let close = term("close-supervision", &["close supervision"]);
        let lead = term("lead", &["lead", "leads"]);
        let html = "<h1>Lead worker</h1><p>Works under Close\nsupervision &amp; leads.</p>\
                    <p>Under close supervision again; a lead.</p>";
        let linked = link_first_appearances(html, &[&close, &lead]);
        let doc = class_spec_test_html::parse(&linked);
        assert_eq!(doc.texts("a.term"), ["Close supervision", "leads"]);
        assert_eq!(
            doc.attrs("a.term", "href"),
            ["#term-close-supervision", "#term-lead"]
        );
        assert_eq!(
            doc.count("h1 a"),
            0,
            "a heading is a name, not running text"
        );
        // The words are exactly as they were: only links are put around them.
        assert_eq!(
            class_spec_test_html::text(doc.one("html")),
            class_spec_test_html::text(class_spec_test_html::parse(html).one("html"))
        );
    }

    #[test]
    fn links_and_controls_keep_their_text_and_split_terms_stay_unlinked() {
        let close = term("close-supervision", &["close supervision"]);
        let general = term("general-supervision", &["general supervision"]);
        let amp = term("amp", &["amp"]);
        let linked = link_first_appearances(
            "<p><a href=\"/x\">close supervision</a> <strong>close</strong> supervision</p>\
             <p>close to general supervision &amp; general supervision</p>",
            &[&close, &general, &amp],
        );
        let doc = class_spec_test_html::parse(&linked);
        assert_eq!(doc.count("a a"), 0, "never a link in a link");
        assert_eq!(doc.texts("a.term"), ["general supervision"]);
        assert!(!linked.contains("#term-amp"), "a reference is not a word");
    }

    // Mutation seen failing: `pending` not renewed at a part's start (the second section's
    // "lead" stays plain).
    #[test]
    fn each_section_and_table_cell_links_a_term_again_once() {
        let lead = term("lead", &["lead"]);
        let linked = link_first_appearances(
            "<p>A lead, a lead.</p><section><p>The lead and a lead.</p></section>\
             <table><tr><td>lead</td><td>no term</td></tr></table>",
            &[&lead],
        );
        let doc = class_spec_test_html::parse(&linked);
        assert_eq!(doc.count("a.term"), 3);
        assert_eq!(doc.count("section a.term"), 1);
        assert_eq!(doc.count("td a.term"), 1);
    }

    #[test]
    fn at_one_place_the_longest_form_is_linked() {
        let close = term(
            "close-supervision",
            &["close supervision", "close to general supervision"],
        );
        let linked = link_first_appearances("<p>close to general supervision</p>", &[&close]);
        let doc = class_spec_test_html::parse(&linked);
        assert_eq!(doc.texts("a.term"), ["close to general supervision"]);
    }
}
