//! The engine's answers for real addresses, with the data baked in: what the shell draws.

use class_spec_core::render::{paragraphs_hold_only_phrasing, Page};
use class_spec_engine::{catalogue, page, view};

#[test]
fn every_class_version_is_a_titled_page() {
    for class in catalogue().classes.iter() {
        for (i, version) in class.versions.iter().enumerate() {
            let path = format!("/class/{}/{}", class.code, version.id);
            let shown = view(&path, "");
            let expected = if i == 0 {
                class.title.to_string()
            } else {
                format!("{} ({})", class.title, version.label)
            };
            assert_eq!(shown.title, expected, "{path}");
            assert!(
                shown.html.starts_with("<article class=\"class-page\">"),
                "{path}"
            );
            paragraphs_hold_only_phrasing(&shown.html).unwrap_or_else(|e| panic!("{path}: {e}"));
        }
    }
}

#[test]
fn unknown_addresses_classes_and_versions_are_named() {
    assert_eq!(view("/nowhere", "").title, "Page not found");
    assert_eq!(view("/class/999Z", "").title, "No class with the code 999Z");
    let missing = view("/class/102D/1999", "");
    assert_eq!(
        missing.title,
        "Customer Service Specialist 4 has no version 1999"
    );
    assert!(
        missing.html.contains("2025"),
        "the versions held are listed"
    );
}

#[test]
fn every_ready_made_comparison_draws_a_table() {
    let compare = view("/compare", "");
    assert_eq!(compare.title, "Compare classes");
    assert!(
        !compare.html.contains("role=\"alert\""),
        "no picks is not an error"
    );
    let links: Vec<&str> = compare
        .html
        .split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|href| href.starts_with("/compare?"))
        .collect();
    assert!(links.len() >= 4, "{links:?}");
    for href in links {
        let href = href.replace("&amp;", "&");
        let (path, query) = href.split_once('?').unwrap();
        let shown = view(path, query);
        assert!(shown.title.starts_with("Compare "), "{href}");
        assert!(shown.html.contains("<table class=\"compare\""), "{href}");
        paragraphs_hold_only_phrasing(&shown.html).unwrap_or_else(|e| panic!("{href}: {e}"));
    }
}

#[test]
fn the_encoded_answer_is_what_the_shell_decodes() {
    let encoded = page("/class/102D", "");
    assert_eq!(Page::decode(&encoded), view("/class/102D", ""));
}
