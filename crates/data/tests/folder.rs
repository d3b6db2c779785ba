//! The importer's check of what an import touches (`Folder::check`) refuses every change the
//! build's full check (`load_with`) refuses, with the same errors, for each rule that spans
//! files: on a copy of the real data, each case writes (in memory) the files an import might and
//! compares the two checks.
//!
//! Mutations seen failing here: `Folder::check` without the other versions of a touched class
//! read whole (the title, series, duplicate-version and same-date cases pass it: failed);
//! `Folder::check` with an index of the given files only (every route and ladder to a class
//! already in the folder refused: the baseline failed); `cross_file` without the "on its
//! series' ladder" rule (the class-off-its-ladder case: failed, in both checks).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use class_spec_data::{load_with, Folder};

fn project() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A copy of the real data's series and classes in a folder of its own.
fn scratch() -> PathBuf {
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "class-spec-folder-{}-{}",
        std::process::id(),
        COUNT.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    for sub in ["series", "classes"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
        for entry in std::fs::read_dir(project().join("data").join(sub)).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, dir.join(sub).join(path.file_name().unwrap())).unwrap();
        }
    }
    dir
}

fn real(file: &str) -> String {
    std::fs::read_to_string(project().join("data").join(file)).unwrap()
}

/// `text` with `from` replaced once (which must be there).
fn with(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "{from:?} is in the file");
    text.replacen(from, to, 1)
}

/// Both checks' errors for the folder with `given` written, as sorted lines.
fn both(given: &[(&str, String)]) -> (Vec<String>, Vec<String>) {
    let root = scratch();
    let given: Vec<(PathBuf, String)> = given
        .iter()
        .map(|(file, text)| (root.join(file), text.clone()))
        .collect();
    let lines = |errors: Vec<class_spec_data::DataError>| {
        let mut lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        lines.sort();
        lines
    };
    let touched = Folder::read(&root)
        .check(&given)
        .err()
        .map_or_else(Vec::new, lines);
    let full = load_with(&root, &given).err().map_or_else(Vec::new, lines);
    let _ = std::fs::remove_dir_all(&root);
    (touched, full)
}

/// The change is refused by both checks with the same errors, one of them saying `expected`.
#[track_caller]
fn refused(given: &[(&str, String)], expected: &str) {
    let (touched, full) = both(given);
    assert!(
        touched.iter().any(|e| e.contains(expected)),
        "the importer's check says {expected:?}: {touched:#?}"
    );
    assert_eq!(touched, full, "the same errors as the build's check");
}

#[test]
fn a_change_that_breaks_nothing_passes_both() {
    assert_eq!(both(&[]), (vec![], vec![]));
    let retitled_note = with(
        &real("classes/102D-2025.toml"),
        "source_note = \"",
        "source_note = \"Checked again. ",
    );
    assert_eq!(
        both(&[("classes/102D-2025.toml", retitled_note)]),
        (vec![], vec![])
    );
}

#[test]
fn two_files_of_one_version_are_refused() {
    refused(
        &[("classes/102A-copy.toml", real("classes/102A-2025.toml"))],
        "duplicate version `2025` of class 102A",
    );
    let other_id = with(
        &real("classes/102A-2025.toml"),
        "id = \"2025\"",
        "id = \"x\"",
    );
    refused(
        &[("classes/102A-x.toml", other_id)],
        "take effect on the same date",
    );
}

#[test]
fn the_versions_of_a_class_agree_with_the_ones_not_changed() {
    let text = real("classes/102A-2024.toml");
    refused(
        &[(
            "classes/102A-2024.toml",
            with(
                &text,
                "title = \"Customer Service Specialist 1\"",
                "title = \"Other\"",
            ),
        )],
        "title (or whether it is inferred) differs",
    );
    refused(
        &[(
            "classes/102A-2024.toml",
            with(&text, "series = \"css\"", "series = \"csm\""),
        )],
        "series differs",
    );
    refused(
        &[(
            "classes/102A-2024.toml",
            with(&text, "series = \"css\"", "series = \"nope\""),
        )],
        "unknown series `nope`",
    );
    refused(
        &[(
            "classes/102a-2023.toml",
            with(
                &with(&text, "code = \"102A\"", "code = \"102a\""),
                "id = \"2024\"",
                "id = \"2023\"",
            ),
        )],
        "is written `102A`",
    );
}

#[test]
fn a_route_or_a_ladder_names_only_classes_in_the_data() {
    refused(
        &[(
            "classes/102D-2025.toml",
            with(
                &real("classes/102D-2025.toml"),
                "{ class = \"102C\", years = 1 }",
                "{ class = \"109Z\", years = 1 }",
            ),
        )],
        "qualification route names class `109Z`, which is not in the data",
    );
    let css = real("series/css.toml");
    refused(
        &[(
            "series/css.toml",
            with(&css, "\"102D\"]", "\"102D\", \"102E\"]"),
        )],
        "ladder names class `102E`, which is not in the data",
    );
    refused(
        &[(
            "series/css.toml",
            with(&css, "code = \"103D\"", "code = \"999Z\""),
        )],
        "related class `999Z` is not in the data",
    );
    refused(
        &[(
            "series/csm.toml",
            with(
                &real("series/csm.toml"),
                "[\"103D\"]",
                "[\"103D\", \"102A\"]",
            ),
        )],
        "class `102A` belongs to series `css`, not this one",
    );
}

#[test]
fn a_series_is_defined_once_and_holds_its_classes() {
    refused(
        &[("series/css2.toml", real("series/css.toml"))],
        "series `css` is defined twice",
    );
    let new_class = with(
        &with(
            &real("classes/102D-2025.toml"),
            "code = \"102D\"",
            "code = \"102E\"",
        ),
        "title = \"Customer Service Specialist 4\"",
        "title = \"Customer Service Specialist 5\"",
    );
    refused(
        &[("classes/102E-2025.toml", new_class.clone())],
        "class 102E is not on the ladder of series `css`",
    );
    let css = with(&real("series/css.toml"), "\"102D\"]", "\"102D\", \"102E\"]");
    assert_eq!(
        both(&[
            ("classes/102E-2025.toml", new_class),
            ("series/css.toml", css)
        ]),
        (vec![], vec![]),
        "with the ladder that holds it, the new class passes"
    );
}

#[test]
fn a_file_that_does_not_pass_its_own_checks_is_refused() {
    refused(
        &[(
            "classes/102A-2024.toml",
            with(
                &real("classes/102A-2024.toml"),
                "[version]",
                "[version]\nbogus = 1",
            ),
        )],
        "unknown field `bogus`",
    );
}
