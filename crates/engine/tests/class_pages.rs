//! Class pages lead with what is known, say once what our copy lacks, and name versions by when
//! they took effect, read as HTML (`class_spec_test_html`) for every real class and version.
//!
//! Mutations tried, each failed the test named: a partial section's note saying "The rest of
//! this section is not in our copy" (`what_our_copy_lacks_is_said_once…`: the phrase twice on
//! /class/102A/2025); the block linking the official page twice (same test); `ClassSpec::opening`
//! answering the newest version (`css_1_opens_at_the_official_text…`); the search hit linking
//! version 0 to the class's own address (`search_results_open_the_version_they_were_found_in`);
//! the block's items without their anchors (`every_section_anchor_is_on_every_page`); versions
//! named by the data's labels (`versions_are_named_by_when_they_took_effect_everywhere`).

use class_spec_core::model::{SectionContent, SectionKind, NOT_IN_OUR_COPY};
use class_spec_core::Route;
use class_spec_engine::{catalogue, view};
use class_spec_test_html::{parse, text, Html, Select};

/// Every class page: each version's own address and each class's address.
fn class_pages() -> Vec<String> {
    let mut paths = Vec::new();
    for class in catalogue().classes.iter() {
        paths.push(Route::class(class.code.as_ref()).href());
        for v in class.versions.iter() {
            paths.push(Route::class_version(class.code.as_ref(), v.id.as_ref()).href());
        }
    }
    paths
}

fn page_of(path: &str) -> Html {
    parse(&view(path, "").html)
}

/// How often the gap phrase is read on a page (its text, not its markup).
fn said(doc: &Html) -> usize {
    text(doc.one("article"))
        .to_lowercase()
        .matches(&NOT_IN_OUR_COPY.to_lowercase())
        .count()
}

#[test]
fn what_our_copy_lacks_is_said_once_with_the_list_and_one_official_link() {
    for class in catalogue().classes.iter() {
        for v in class.versions.iter() {
            let path = Route::class_version(class.code.as_ref(), v.id.as_ref()).href();
            let doc = page_of(&path);
            let lacking: Vec<&str> = v
                .sections
                .iter()
                .filter(|s| s.partial || s.content == SectionContent::NotInData)
                .map(|s| s.kind.heading())
                .collect();
            let facts_missing = [
                v.level.value().is_none(),
                v.supervision.value().is_none(),
                v.oversight.value().is_none(),
                v.scope.value().is_none(),
                v.effective.value().is_none(),
            ]
            .into_iter()
            .filter(|m| *m)
            .count();
            if lacking.is_empty() && facts_missing == 0 {
                assert!(!doc.has("#not-in-our-copy"), "{path}: nothing lacking");
                assert_eq!(said(&doc), 0, "{path}");
                continue;
            }
            assert_eq!(said(&doc), 1, "{path}: the phrase once");
            let block = doc.one("section#not-in-our-copy");
            assert_eq!(
                block.texts("h2"),
                [NOT_IN_OUR_COPY],
                "{path}: the phrase heads the block"
            );
            let listed = block.texts(".gaps__list > li > strong");
            assert_eq!(listed.len(), lacking.len() + facts_missing, "{path}");
            assert_eq!(
                listed[..lacking.len()],
                lacking,
                "{path}: every section lacking"
            );
            let outside: Vec<String> = block
                .attrs("a", "href")
                .into_iter()
                .filter(|h| !h.starts_with('/') && !h.starts_with('#'))
                .collect();
            assert_eq!(
                outside,
                [v.source_url.to_string()],
                "{path}: one link, to the official page"
            );
            // Nothing lacking is drawn as a section of its own, with a notice in it.
            assert!(!doc.has(".spec-section .gap:not(.gap--absent)"), "{path}");
        }
    }
}

#[test]
fn every_section_anchor_is_on_every_page() {
    // Search results and the table of contents link to `#typical-work` and the like, whether
    // the version holds the section or lists it as missing.
    for path in class_pages() {
        let doc = page_of(&path);
        for kind in SectionKind::ALL {
            assert_eq!(
                doc.count(&format!("#{}", kind.as_str())),
                1,
                "{path}#{}",
                kind.as_str()
            );
        }
        for href in doc.attrs(".toc a", "href") {
            assert_eq!(doc.count(&href), 1, "{path}: {href}");
        }
    }
}

#[test]
fn css_1_opens_at_the_official_text_and_says_what_is_known_of_the_newer_version() {
    let doc = page_of("/class/102A");
    assert_eq!(
        view("/class/102A", "").html,
        view("/class/102A/2024", "").html,
        "the class's address is its official text's version"
    );
    assert_eq!(
        view("/class/102A", "").title,
        "Customer Service Specialist 1"
    );
    assert!(doc.has("section#typical-work.spec-section--official ul.duties > li"));
    assert!(!doc.has("#not-in-our-copy"), "the whole official page");
    assert!(
        !text(doc.one("article")).contains("older version"),
        "no detour"
    );
    let newer = doc.one("aside.newer");
    assert_eq!(
        newer.texts("h2"),
        ["A newer version: the July 2025*, estimated version"]
    );
    assert_eq!(newer.texts("dt"), ["Level", "Supervision received"]);
    // (A term's link to its definition, `a.term`, stays on the page.)
    assert_eq!(newer.attrs("a:not(.term)", "href"), ["/class/102A/2025"]);
    // The switch names each version by when it took effect, with what we hold of it.
    assert_eq!(
        doc.texts(".versions__item"),
        [
            "July 2025*, estimated version · in our words, in part newest",
            "June 2024 version · official text"
        ]
    );
    assert_eq!(doc.attrs(".versions a", "href"), ["/class/102A/2025"]);

    let newer_page = page_of("/class/102A/2025");
    assert_eq!(
        view("/class/102A/2025", "").title,
        "Customer Service Specialist 1 (July 2025 version, date estimated)"
    );
    let notice = newer_page.one(".notice");
    assert!(
        text(notice).starts_with(
            "The July 2025*, estimated version is the newest version of this class. \
             Our copy holds only part of it, in our words."
        ),
        "{}",
        text(notice)
    );
    assert_eq!(notice.attrs("a", "href"), ["/class/102A"]);
    assert_eq!(newer_page.attrs(".versions a", "href"), ["/class/102A"]);
}

#[test]
fn css_2_and_css_3_lead_with_what_is_known_then_one_block_for_what_is_missing() {
    for code in ["102B", "102C"] {
        let doc = page_of(&format!("/class/{code}"));
        let sections = doc.attrs("article > section", "id");
        // At a glance and the sections held first, the block last.
        assert_eq!(sections.last().map(String::as_str), Some("not-in-our-copy"));
        assert!(
            sections.contains(&"typical-work".to_owned()),
            "{code}: duties held in part"
        );
        assert!(
            !doc.has(".facts .fact--missing"),
            "{code}: a fact not known is listed at the end, not in At a glance"
        );
        assert!(
            !doc.has(".notice"),
            "{code}: one version, nothing to switch to"
        );
    }
}

#[test]
fn a_series_with_no_official_text_opens_at_its_newest_version() {
    // The manager class (103D): both versions are our summaries.
    let class = catalogue().class("103D").unwrap();
    assert_eq!(class.opening().map(|v| v.id.as_ref()), Some("2024"));
    let doc = page_of("/class/103D");
    assert!(!doc.has("aside.newer"));
    assert!(!doc.has(".notice"));
    let older = page_of("/class/103D/2009");
    assert!(
        text(older.one(".notice")).starts_with("This is an older version, the May 2009 version."),
        "{}",
        text(older.one(".notice"))
    );
    assert_eq!(older.one(".notice").attrs("a", "href"), ["/class/103D"]);
}

#[test]
fn versions_are_named_by_when_they_took_effect_everywhere() {
    let mut paths = class_pages();
    paths.extend(["/", "/classes", "/compare?classes=102D@2019,102D"].map(String::from));
    for path in paths {
        let (path_only, query) = path.split_once('?').unwrap_or((&path, ""));
        let shown = view(path_only, query);
        let doc = parse(&shown.html);
        // Our words around the official text: the switch, the notices, the title, the links.
        let ours = [
            doc.texts(".versions, .notice, .compare-links, .classes__versions, h1"),
            vec![shown.title.clone()],
        ]
        .concat()
        .join(" ");
        for old in ["revision", "2019 text", "legal update", "title change"] {
            assert!(!ours.contains(old), "{path}: {old:?} in {ours:?}");
        }
    }
}

#[test]
fn search_results_open_the_version_they_were_found_in() {
    for query in ["q=segment", "q=speed", "q=tracks"] {
        let hrefs = page_of_query("/search", query).attrs(".search-hit > a", "href");
        assert!(!hrefs.is_empty(), "{query}");
        for href in &hrefs {
            let (path, anchor) = href.split_once('#').unwrap();
            let target = page_of(path);
            assert_eq!(
                target.one(&format!("#{anchor}")).value().name(),
                "section",
                "{href}: the hit's section is drawn there, not listed as missing"
            );
        }
    }
    // Words only CSS 1's July 2025 summary holds open that version, not the official text
    // the class's own address opens at.
    let hrefs = page_of_query("/search", "q=speed").attrs(".search-hit > a", "href");
    assert!(
        hrefs.contains(&"/class/102A/2025#class-series-concept".to_owned()),
        "{hrefs:?}"
    );
}

fn page_of_query(path: &str, query: &str) -> Html {
    parse(&view(path, query).html)
}
