//! Search on the real data: words, words being typed, phrases, and the marks in context.

mod common;

use std::path::Path;

use class_spec_core::search::SearchIndex;
use class_spec_core::{Catalogue, SectionKind};
use common::catalogue;

fn codes(c: &Catalogue, index: &SearchIndex, query: &str) -> Vec<String> {
    let mut codes: Vec<String> = index
        .search(query, 100)
        .iter()
        .map(|h| c.classes[h.place.class].code.to_string())
        .collect();
    codes.dedup();
    codes
}

/// Search and the classes filter fold ASCII letters only (`search::fold`,
/// `class_filter::terms`), which is exact while the data holds no other letters. A letter such as
/// "É" in a title would break that quietly (typing "é" would not find it): this fails first.
/// Mutation tried: an "É" put into a class title in data/ (this test failed).
#[test]
fn the_data_holds_no_letters_but_ascii() {
    fn walk(dir: &Path, out: &mut Vec<(String, char)>) {
        for entry in std::fs::read_dir(dir).expect("data folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "toml") {
                let text = std::fs::read_to_string(&path).expect("UTF-8");
                out.extend(
                    text.chars()
                        .filter(|ch| ch.is_alphabetic() && !ch.is_ascii())
                        .map(|ch| (path.display().to_string(), ch)),
                );
            }
        }
    }
    let mut others = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data"),
        &mut others,
    );
    assert!(others.is_empty(), "letters beyond ASCII: {others:?}");
}

#[test]
fn finds_every_class_that_uses_a_word() {
    let c = catalogue();
    let index = SearchIndex::new(&c);
    assert!(
        index.len() > 100,
        "every paragraph and point is indexed: {}",
        index.len()
    );
    let mut found = codes(&c, &index, "cash");
    found.sort();
    found.dedup();
    assert_eq!(
        found,
        ["102A", "102B"],
        "cash handling: CSS 1 (2019/2024 and its summary) and CSS 2"
    );
    assert!(index.search("zzzz", 10).is_empty());
    assert!(index.search("  ", 10).is_empty());
}

#[test]
fn a_word_being_typed_matches_the_words_it_begins() {
    let c = catalogue();
    let index = SearchIndex::new(&c);
    let partial = index.search("supervis", 500).len();
    assert!(
        partial > index.search("supervision", 500).len(),
        "supervis also finds supervisory and supervises"
    );
    let top = &index.search("supervision", 1)[0];
    assert!(top.text.to_lowercase().contains("supervision"));
}

#[test]
fn every_word_must_match_and_a_phrase_must_stand_as_written() {
    let c = catalogue();
    let index = SearchIndex::new(&c);
    let both = index.search("administrative direction", 50);
    assert!(!both.is_empty());
    assert!(both.iter().all(|h| {
        let t = h.text.to_lowercase();
        t.contains("administrative") && t.contains("direction")
    }));
    let phrase = index.search("\"administrative direction\"", 50);
    assert!(!phrase.is_empty());
    assert!(phrase
        .iter()
        .all(|h| h.text.to_lowercase().contains("administrative direction")));
    let best = &phrase[0];
    assert_eq!(c.classes[best.place.class].code, "102D");
    assert_eq!(
        best.place.section,
        SectionKind::DistinguishingCharacteristics,
        "a definition-like section ranks first"
    );
    assert!(
        index.search("\"direction administrative\"", 50).is_empty(),
        "word order matters in a phrase"
    );
}

#[test]
fn marks_point_at_the_matched_words_in_the_shown_text() {
    let c = catalogue();
    let index = SearchIndex::new(&c);
    for hit in index.search("employer respons", 20) {
        assert!(!hit.marks.is_empty());
        for &(start, end) in &hit.marks {
            let marked = hit.text[start..end].to_lowercase();
            assert!(
                marked.starts_with("employer") || marked.starts_with("respons"),
                "{marked:?} in {}",
                hit.text
            );
        }
    }
    let hit = &index.search("\"legally authorized\"", 1)[0];
    let (start, end) = hit.marks[0];
    assert_eq!(&hit.text[start..end], "legally authorized");
}

#[test]
fn a_phrase_still_being_typed_is_searched_as_loose_words() {
    let c = catalogue();
    let index = SearchIndex::new(&c);
    let typing = index.search("\"administrative direc", 50);
    assert!(
        !typing.is_empty(),
        "an unclosed quote does not make an unfinished phrase"
    );
    assert_eq!(typing.len(), index.search("administrative direc", 50).len());
}

#[test]
fn a_class_is_found_by_what_people_call_it() {
    // Mutation tried: `compact` keeping spaces made "CSS 3" and "CSS3" differ, and this failed.
    let c = catalogue();
    let index = SearchIndex::new(&c);
    for query in [
        "CSS 3",
        "CSS3",
        "css3",
        "102C",
        "102c",
        "customer service specialist 3",
        "Customer Service Specialist 3",
    ] {
        let named = index.classes(query);
        assert_eq!(
            named.first().map(|&i| c.classes[i].code.as_ref()),
            Some("102C"),
            "{query}"
        );
        assert_eq!(named.len(), 1, "{query} names one class");
    }
    let mut series: Vec<&str> = index
        .classes("customer service spec")
        .iter()
        .map(|&i| c.classes[i].code.as_ref())
        .collect();
    series.sort_unstable();
    assert_eq!(series, ["102A", "102B", "102C", "102D"], "a name begun");
    assert!(index.classes("c").is_empty(), "one letter names no class");
    assert!(index.classes("supervision").is_empty());
    assert!(index.classes("  ").is_empty());
}
