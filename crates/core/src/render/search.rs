//! The search view: first the classes named by what was typed ("CSS 3", "102C"), then every
//! paragraph and point that holds it, grouped by class (the class with the best match first),
//! each with its place (section, version, provenance), the matching words marked in context, and
//! a link to that section of that version.

use super::parts::{link_marked, marked, short_title_marked};
use super::view::Page;
use crate::echo::echo;
use crate::markup::Markup;
use crate::model::{paragraphs, Catalogue, SectionContent};
use crate::route::Route;
use crate::search::{Hit, SearchIndex};

/// At most this many results are shown.
pub const LIMIT: usize = 60;

/// Characters of context before the first match, and in all, in a long paragraph.
const BEFORE: usize = 80;
const WINDOW: usize = 280;

/// The byte at or before `at` that starts a character.
fn floor(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The text around the matches, the matches marked, cut at word boundaries with an ellipsis.
fn snippet(m: &mut Markup, hit: &Hit) {
    let text = hit.text.as_str();
    let first = hit.marks.first().map_or(0, |r| r.0);
    let (mut start, mut end) = if text.len() <= WINDOW {
        (0, text.len())
    } else {
        let start = floor(text, first.saturating_sub(BEFORE));
        (start, floor(text, start + WINDOW))
    };
    if start > 0 {
        start = text[start..].find(' ').map_or(start, |i| start + i + 1);
    }
    if end < text.len() {
        end = text[..end].rfind(' ').filter(|&i| i > start).unwrap_or(end);
    }
    if start > 0 {
        m.text("… ");
    }
    let mut at = start;
    for &(from, to) in &hit.marks {
        if to <= at || from >= end {
            continue;
        }
        let (from, to) = (from.max(at), to.min(end));
        m.text(&text[at..from]);
        m.leaf("mark", &[], &text[from..to]);
        at = to;
    }
    m.text(&text[at..end]);
    if end < text.len() {
        m.text(" …");
    }
}

/// A search reads this many characters at most; a longer query (an address can hold any
/// length) is cut here, and the view says so. As many as any view repeats of its address, so
/// the words searched are repeated whole.
pub const QUERY_LIMIT: usize = crate::echo::LIMIT;

/// The search view for `query`.
pub fn search_page(catalogue: &Catalogue, index: &SearchIndex, query: &str) -> Page {
    let query = query.trim();
    let cut = query.char_indices().nth(QUERY_LIMIT).map(|(at, _)| at);
    let query = cut.map_or(query, |at| query[..at].trim_end());
    // What the view repeats of it (the search itself reads the words as typed).
    let said = echo(query);
    let (named, hits) = if query.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        (index.classes(query), index.search(query, LIMIT))
    };
    // Classes in the order of their best result.
    let mut groups: Vec<(usize, Vec<&Hit>)> = Vec::new();
    for hit in &hits {
        match groups
            .iter_mut()
            .find(|(class, _)| *class == hit.place.class)
        {
            Some((_, list)) => list.push(hit),
            None => groups.push((hit.place.class, vec![hit])),
        }
    }
    let mut m = Markup::new();
    m.el("div", &[("class", "search-page")], |m| {
        m.leaf("h1", &[], "Search");
        let status = match (query.is_empty(), named.len(), hits.len()) {
            (true, _, _) => "Type a word, the start of one, a \"quoted phrase\", a class or its code in the search box: every section of every class version is searched as you type.".to_owned(),
            (false, 0, 0) => format!("Nothing holds “{said}”. Check the spelling, use fewer words, or type only the start of a word."),
            (false, c, 0) => format!("{c} class{} named “{said}”; no text holds those words.", plural(c, "es")),
            (false, c, n) => format!(
                "{}{}{n} result{} for “{said}”, in {} class{}.",
                if c == 0 { String::new() } else { format!("{c} class{} named “{said}”. ", plural(c, "es")) },
                if n == LIMIT { "The first " } else { "" },
                plural(n, "s"),
                groups.len(),
                plural(groups.len(), "es"),
            ),
        };
        m.leaf("p", &[("class", "search-status"), ("role", "status")], &status);
        if cut.is_some() {
            m.leaf(
                "p",
                &[("class", "notice")],
                &format!("Only the first {QUERY_LIMIT} characters of this search were used."),
            );
        }
        if !named.is_empty() {
            named_classes(m, catalogue, &named);
        }
        for (class_index, list) in &groups {
            let Some(class) = catalogue.classes.get(*class_index) else {
                continue;
            };
            let heading_id = format!("results-{}", class.code);
            m.el(
                "section",
                &[("class", "search-group"), ("aria-labelledby", &heading_id)],
                |m| {
                    m.el("h2", &[("id", &heading_id)], |m| {
                        link_marked(m, &Route::class(class.code.as_ref()), &class.title_marked());
                        m.text(" ");
                        m.el("span", &[("class", "search-group__code")], |m| {
                            marked(m, &class.code_marked());
                        });
                    });
                    m.el("ol", &[("class", "search-hits")], |m| {
                        for hit in list {
                            hit_item(m, catalogue, hit);
                        }
                    });
                },
            );
        }
    });
    Page {
        title: if query.is_empty() {
            "Search".to_owned()
        } else {
            format!("Search: {said}")
        },
        html: m.finish(),
    }
}

fn plural(n: usize, ending: &'static str) -> &'static str {
    if n == 1 {
        ""
    } else {
        ending
    }
}

/// The classes a query names, above the text results: each links to its newest version.
fn named_classes(m: &mut Markup, catalogue: &Catalogue, named: &[usize]) {
    m.el(
        "section",
        &[
            ("class", "search-classes"),
            ("aria-labelledby", "results-classes"),
        ],
        |m| {
            m.leaf("h2", &[("id", "results-classes")], "Classes");
            m.el("ul", &[("class", "search-classes__list")], |m| {
                for class in named.iter().filter_map(|&i| catalogue.classes.get(i)) {
                    m.el("li", &[], |m| {
                        link_marked(m, &Route::class(class.code.as_ref()), &class.title_marked());
                        m.text(" ");
                        m.el("span", &[("class", "search-group__code")], |m| {
                            marked(
                                m,
                                &short_title_marked(class)
                                    .text(" · ")
                                    .then(class.code_marked()),
                            );
                        });
                    });
                }
            });
        },
    );
}

fn hit_item(m: &mut Markup, catalogue: &Catalogue, hit: &Hit) {
    let Some(class) = catalogue.classes.get(hit.place.class) else {
        return;
    };
    let Some(version) = class.versions.get(hit.place.version) else {
        return;
    };
    // The hit's own version: the class's address opens at another one (`ClassSpec::opening`).
    let route = class.route_to(version);
    let official = version
        .section(hit.place.section)
        .and_then(|s| match &s.content {
            SectionContent::Official(text) => Some(paragraphs(text).count()),
            _ => None,
        })
        .is_some_and(|count| hit.place.item < count);
    m.el("li", &[("class", "search-hit")], |m| {
        m.el("a", &[("href", &route.href_at(hit.place.section))], |m| {
            m.text(hit.place.section.heading()).text(", ");
            marked(m, &version.label_marked());
        });
        m.text(" ").leaf(
            "span",
            &[(
                "class",
                if official {
                    "badge badge--official"
                } else {
                    "badge badge--summary"
                },
            )],
            if official {
                "Official text"
            } else {
                "In our words"
            },
        );
        m.el("p", &[("class", "search-hit__text")], |m| snippet(m, hit));
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SectionKind;
    use crate::search::Place;
    use class_spec_test_html::Select;

    fn hit(text: &str, marks: Vec<(usize, usize)>) -> Hit {
        Hit {
            place: Place {
                class: 0,
                version: 0,
                section: SectionKind::TypicalWork,
                item: 0,
            },
            score: 1,
            text: text.to_owned(),
            marks,
        }
    }

    // Mutation tried: without the cut, the 10,000 characters were searched and shown.
    #[test]
    fn a_long_query_is_cut_with_a_note() {
        let catalogue = Catalogue {
            series: std::borrow::Cow::Borrowed(&[]),
            classes: std::borrow::Cow::Borrowed(&[]),
            checked: None,
            glossary: std::borrow::Cow::Borrowed(&[]),
            whole: None,
        };
        let index = SearchIndex::default();
        let long = "é".repeat(10_000);
        let shown = search_page(&catalogue, &index, &long);
        let kept = "é".repeat(QUERY_LIMIT);
        assert_eq!(shown.title, format!("Search: {kept}"));
        let doc = class_spec_test_html::parse(&shown.html);
        let said = class_spec_test_html::text(doc.root_element());
        assert!(!said.contains(&format!("{kept}é")), "{said}");
        assert_eq!(
            doc.texts("p.notice"),
            ["Only the first 200 characters of this search were used."]
        );
        let short = search_page(&catalogue, &index, &kept);
        assert!(!class_spec_test_html::parse(&short.html).has("p.notice"));
    }

    #[test]
    fn a_short_text_is_shown_whole_with_its_matches_marked() {
        let mut m = Markup::new();
        snippet(
            &mut m,
            &hit("Resolves <complex> issues", vec![(0, 8), (19, 25)]),
        );
        assert_eq!(
            m.finish(),
            "<mark>Resolves</mark> &lt;complex&gt; <mark>issues</mark>"
        );
    }

    #[test]
    fn a_long_text_is_cut_around_the_first_match_at_word_boundaries() {
        let words: Vec<String> = (0..120).map(|i| format!("wörd{i}")).collect();
        let text = words.join(" ");
        let at = text.find("wörd60").unwrap();
        let mut m = Markup::new();
        snippet(&mut m, &hit(&text, vec![(at, at + "wörd60".len())]));
        let out = m.finish();
        let doc = class_spec_test_html::parse(&out);
        let said = class_spec_test_html::text(doc.root_element());
        assert!(said.starts_with("… wörd"), "{said}");
        assert!(said.ends_with(" …"), "{said}");
        assert_eq!(doc.texts("mark"), ["wörd60"]);
        assert!(out.chars().count() < WINDOW + 40);
    }
}
