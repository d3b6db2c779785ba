//! The all-classes index's filter: which classes the words typed name, by code, title or
//! category. One function answers both in the engine (the address `/classes?q=…`, also the
//! plain form before the app has loaded) and in the shell (as the person types), so the two
//! always agree.

use crate::model::ClassSpec;

/// The form's id; its one field is named `q`, as in the address.
pub const FORM_ID: &str = "classes-filter";
/// The filter field's id.
pub const FIELD_ID: &str = "classes-q";
/// The element holding every series' group of rows (the field's `aria-controls`).
pub const LIST_ID: &str = "classes-list";
/// The line saying how many classes are shown.
pub const STATUS_ID: &str = "classes-status";
/// On each class's row: the words it is found by ([`terms`]).
pub const TERMS_ATTRIBUTE: &str = "data-terms";
/// On each series' group of rows.
pub const GROUP_ATTRIBUTE: &str = "data-series-group";

/// The words a class is found by, lowercased: its code, title and the newest version's
/// category (when the data has it). ASCII letters only are folded, as search does: the data
/// holds no other letters (`crates/data/tests/search.rs` checks it), and Unicode's case tables
/// cost each wasm module 6.5 KB brotli (BENCHMARKS.md).
pub fn terms(class: &ClassSpec) -> String {
    let category = class
        .newest()
        .and_then(|v| v.category.value())
        .map_or("", |c| c.as_ref());
    format!("{} {} {}", class.code, class.title, category).to_ascii_lowercase()
}

/// The words of what was typed, lowercased (ASCII letters, as [`terms`]).
pub fn words(query: &str) -> Vec<String> {
    query
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect()
}

/// Whether a class with these [`terms`] holds every word typed (in part: `insp` finds
/// "Inspector"); no words match every class.
pub fn matches(words: &[String], terms: &str) -> bool {
    words.iter().all(|word| terms.contains(word.as_str()))
}

/// The status line: how many classes are shown, and of how many.
pub fn status(query: &str, shown: usize, total: usize) -> String {
    let query = crate::echo::echo(query.trim());
    let classes = |n: usize| if n == 1 { "class" } else { "classes" };
    if query.is_empty() {
        format!("{total} {}.", classes(total))
    } else if shown == 0 {
        format!("No class matches “{query}”. Check the spelling, or type fewer words.")
    } else {
        format!("{shown} of {total} {} match “{query}”.", classes(total))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_must_be_found_in_code_title_or_category() {
        let terms = "999x example widget inspector 1 example inspection services";
        assert!(matches(&words("Insp"), terms));
        assert!(matches(&words("  999X  widget "), terms));
        assert!(matches(&words("services 1"), terms));
        assert!(matches(&words(""), terms), "no words: every class");
        assert!(!matches(&words("inspector manager"), terms));
    }

    #[test]
    fn the_status_counts_what_is_shown() {
        assert_eq!(status("", 12, 12), "12 classes.");
        assert_eq!(status("insp", 1, 12), "1 of 12 classes match “insp”.");
        assert!(status("zz", 0, 12).starts_with("No class matches “zz”."));
    }
}
