//! The key: once per page, what its marks and source words mean, and why each estimate on it is
//! an estimate (issue 22, items 3 and 5). The pieces in `parts` note what they print (an
//! estimate, a fact read on the official text shown here or on a page not reproduced here, our
//! words) while a view is drawn; [`with_key`] draws the view and puts the key after it, with
//! only the entries the view needs. So every view that prints through `parts` gets its key,
//! and a mark is a "*" that the key explains instead of a word repeated beside every value.

use std::cell::RefCell;

use super::view::Page;
use crate::date::Date;
use crate::markup::Markup;
use crate::model::Source;

/// The id of the key, for links to it.
pub const KEY_ID: &str = "key";

/// What a view printed, as far as the key needs to know.
#[derive(Default)]
struct Seen {
    shown: bool,
    ours: bool,
    /// The official pages read and not reproduced, with when each was read.
    pages: Vec<(String, Option<Date>)>,
    /// Each estimate: the value as drawn (markup from `parts`) and why it is estimated.
    estimates: Vec<(String, String)>,
    /// The words of each "why" note (`parts::why`), once each, numbered in the order they first
    /// appear: a note cannot be opened on paper, so the printed key lists them by number and
    /// each place shows its number (issue 23: notes folded into a legend, not printed open).
    notes: Vec<String>,
}

thread_local! {
    // One view is drawn at a time on a thread; `None` outside `with_key`, so drawing a part on
    // its own (a test, the SVG download) notes nothing.
    static SEEN: RefCell<Option<Seen>> = const { RefCell::new(None) };
}

fn note(f: impl FnOnce(&mut Seen)) {
    SEEN.with(|seen| {
        if let Some(seen) = seen.borrow_mut().as_mut() {
            f(seen);
        }
    });
}

/// A fact printed, read where `source` says.
pub(super) fn source(source: Source<'_>) {
    note(|seen| match source {
        Source::Shown => seen.shown = true,
        Source::OurWords => seen.ours = true,
        Source::Page { url, read } => {
            if !seen.pages.iter().any(|(u, _)| u == url) {
                seen.pages.push((url.to_owned(), read));
            }
        }
    });
}

/// An estimate printed: its value as drawn (`parts`' own markup) and why.
pub(super) fn estimate(value_html: &str, why: &str) {
    note(|seen| {
        if !seen
            .estimates
            .iter()
            .any(|(v, w)| v == value_html && w == why)
        {
            seen.estimates.push((value_html.to_owned(), why.to_owned()));
        }
    });
}

/// The number of the note with these words (from 1; the same words, the same number), or
/// `None` when no key is being gathered (a part drawn on its own).
pub(super) fn note_number(words: &str) -> Option<usize> {
    SEEN.with(|seen| {
        let mut seen = seen.borrow_mut();
        let notes = &mut seen.as_mut()?.notes;
        let at = notes.iter().position(|n| n == words).unwrap_or_else(|| {
            notes.push(words.to_owned());
            notes.len() - 1
        });
        Some(at + 1)
    })
}

/// `draw`'s page with its key after the view, when the view printed anything the key explains.
/// Nested calls (an embedded view) each get their own key.
pub fn with_key(draw: impl FnOnce() -> Page) -> Page {
    let outer = SEEN.with(|seen| seen.replace(Some(Seen::default())));
    let mut page = draw();
    let seen = SEEN.with(|seen| seen.replace(outer)).unwrap_or_default();
    if seen.shown
        || seen.ours
        || !seen.pages.is_empty()
        || !seen.estimates.is_empty()
        || !seen.notes.is_empty()
    {
        page.html.push_str(&key(&seen));
    }
    page
}

/// An estimate as drawn: the value (`value_html`, markup `parts` drew) with `data-inferred` and
/// its mark, a "*" the page's key explains (`key.rs`), and for a screen reader the words it
/// stands for. The same everywhere an estimate is printed, so one look means one thing.
pub(super) fn estimated(m: &mut Markup, value_html: &str) {
    m.el(
        "span",
        &[("data-inferred", ""), ("data-source", "estimated")],
        |m| {
            m.rendered(value_html);
            estimate_mark(m);
        },
    );
}

pub(super) fn estimate_mark(m: &mut Markup) {
    m.leaf("span", &[("class", "mark"), ("aria-hidden", "true")], "*")
        .leaf("span", &[("class", "visually-hidden")], ", estimated");
}

/// "1665" for an official page's address: its last part, as the listing numbers them.
fn page_number(url: &str) -> &str {
    url.trim_end_matches('/').rsplit('/').next().unwrap_or(url)
}

fn key(seen: &Seen) -> String {
    let mut m = Markup::new();
    m.el(
        "aside",
        &[
            ("id", KEY_ID),
            ("class", "key"),
            ("aria-labelledby", "key-heading"),
        ],
        |m| {
            m.leaf(
                "h2",
                &[("id", "key-heading"), ("class", "key__heading")],
                "Where the facts on this page come from",
            );
            m.el("dl", &[("class", "key__list")], |m| {
                let entry = |m: &mut Markup, kind: &str, term: &str, body: &dyn Fn(&mut Markup)| {
                    m.el("div", &[("data-source", kind)], |m| {
                        m.leaf("dt", &[], term).el("dd", &[], |m| body(m));
                    });
                };
                if seen.shown {
                    entry(m, "shown", Source::Shown.label(), &|m| {
                        m.text("The facts of a version whose official text this page reproduces, word for word, were read on that text.");
                    });
                }
                if !seen.pages.is_empty() {
                    entry(m, "page", "From the official page, not reproduced here", &|m| {
                        m.text("Read on a stored copy of the official page, which this app does not reproduce: ");
                        // The pages read on one day together, with the day once.
                        let mut days: Vec<Option<Date>> = Vec::new();
                        for (_, read) in &seen.pages {
                            if !days.contains(read) {
                                days.push(*read);
                            }
                        }
                        for (d, day) in days.iter().enumerate() {
                            if d > 0 {
                                m.text("; ");
                            }
                            let pages: Vec<&str> = seen
                                .pages
                                .iter()
                                .filter(|(_, read)| read == day)
                                .map(|(url, _)| url.as_str())
                                .collect();
                            m.text(if pages.len() == 1 { "official page " } else { "official pages " });
                            for (i, url) in pages.iter().enumerate() {
                                if i > 0 {
                                    m.text(if i + 1 == pages.len() { " and " } else { ", " });
                                }
                                m.leaf("a", &[("href", url), ("rel", "noopener")], page_number(url));
                            }
                            if let Some(read) = day {
                                m.text(", read ");
                                m.leaf("time", &[("datetime", &read.iso())], &read.to_string());
                            }
                        }
                        m.text(". When each copy was made is not known.");
                    });
                }
                if seen.ours {
                    entry(m, "ours", Source::OurWords.label(), &|m| {
                        m.text("Our own summary of the official page, not its wording.");
                    });
                }
                if !seen.estimates.is_empty() {
                    m.el("div", &[("data-source", "estimated")], |m| {
                        m.el("dt", &[], |m| {
                            m.leaf("span", &[("class", "mark"), ("aria-hidden", "true")], "*")
                                .text(" Estimated by us");
                        });
                        m.el("dd", &[], |m| {
                            m.text("Not read on any official page: reasoned out from the pages that were read. ");
                            m.el("details", &[("class", "key__why")], |m| {
                                m.leaf("summary", &[], "Why each estimate");
                                m.el("ul", &[], |m| {
                                    for (value, why) in &seen.estimates {
                                        m.el("li", &[], |m| {
                                            if !value.is_empty() {
                                                estimated(m, value);
                                                m.text(": ");
                                            }
                                            m.text(why);
                                        });
                                    }
                                });
                            });
                        });
                    });
                }
                notes(m, &seen.notes);
            });
        },
    );
    m.finish()
}

/// The "why" notes, numbered as their places are: paper only (on screen each note is read
/// where it is, behind its "why"; the stylesheet shows `key__notes` in print).
fn notes(m: &mut Markup, notes: &[String]) {
    if notes.is_empty() {
        return;
    }
    m.el("div", &[("class", "key__notes")], |m| {
        m.leaf("dt", &[], "Notes");
        m.el("dd", &[], |m| {
            m.el("ol", &[], |m| {
                for note in notes {
                    m.leaf("li", &[], note);
                }
            });
        });
    });
}
