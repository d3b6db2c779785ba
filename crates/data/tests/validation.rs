//! A malformed or inconsistent data file is refused with its file and line. Each test copies
//! the real data to a scratch folder, breaks one thing, and checks the message.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use class_spec_data::{load_dir, DataError};

fn project_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

/// A fresh copy of the real data (series and classes).
fn scratch_copy() -> PathBuf {
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "class-spec-validation-{}-{}",
        std::process::id(),
        COUNT.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    for sub in ["series", "classes"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
        for entry in std::fs::read_dir(project_data().join(sub)).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, dir.join(sub).join(path.file_name().unwrap())).unwrap();
        }
    }
    dir
}

fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} holds {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

fn line_of(dir: &Path, file: &str, needle: &str) -> usize {
    let text = std::fs::read_to_string(dir.join(file)).unwrap();
    text.lines()
        .position(|l| l.contains(needle))
        .expect("needle present")
        + 1
}

fn errors_after(dir: &Path) -> Vec<DataError> {
    let errors = load_dir(dir).expect_err("the broken data must be refused");
    let _ = std::fs::remove_dir_all(dir);
    errors
}

fn the_one(errors: &[DataError], file: &str) -> DataError {
    let matching: Vec<_> = errors.iter().filter(|e| e.file.ends_with(file)).collect();
    assert_eq!(matching.len(), 1, "one error in {file}, got {errors:#?}");
    matching[0].clone()
}

#[test]
fn the_real_data_passes_with_no_warning() {
    let loaded = load_dir(&project_data()).unwrap_or_else(|e| panic!("{e:#?}"));
    assert!(
        loaded.warnings.is_empty(),
        "unconfirmed proposals: {:#?}",
        loaded.warnings
    );
    assert_eq!(loaded.catalogue.classes.len(), 5);
}

#[test]
fn an_unknown_section_names_its_file_and_line() {
    let dir = scratch_copy();
    edit(
        &dir,
        "classes/102B-2025.toml",
        "kind = \"typical-work\"",
        "kind = \"typical-duties\"",
    );
    let line = line_of(&dir, "classes/102B-2025.toml", "typical-duties");
    let errors = errors_after(&dir);
    let error = errors
        .iter()
        .find(|e| e.message.contains("unknown section `typical-duties`"))
        .expect("reported");
    assert!(error.file.ends_with("102B-2025.toml"));
    assert_eq!(error.line, line);
    assert!(
        error
            .to_string()
            .contains(&format!("102B-2025.toml:{line}:")),
        "{error}"
    );
}

#[test]
fn a_missing_class_code_is_refused() {
    let dir = scratch_copy();
    edit(&dir, "classes/102C-2025.toml", "code = \"102C\"\n", "");
    let error = the_one(&errors_after(&dir), "102C-2025.toml");
    assert!(error.message.contains("missing field `code`"), "{error}");
}

#[test]
fn a_duplicate_version_is_refused_naming_both_files() {
    let dir = scratch_copy();
    std::fs::copy(
        dir.join("classes/102B-2025.toml"),
        dir.join("classes/102B-2025-copy.toml"),
    )
    .unwrap();
    let id_line = line_of(&dir, "classes/102B-2025.toml", "id = \"2025\"");
    let errors = errors_after(&dir);
    let error = errors
        .iter()
        .find(|e| e.message.contains("duplicate version `2025`"))
        .expect("duplicate reported");
    assert!(error.message.contains("102B-2025"), "{error}");
    assert_eq!(error.line, id_line, "the line of the version id: {error}");
}

/// A route of the page not read into the data stays in the routes as `unread` (the planner then
/// cannot tell), with a warning until a person writes it; it takes no other key. Mutation
/// tried: accepting `unread` beside `years`; the second half failed.
#[test]
fn an_unread_route_warns_and_stands_alone() {
    let dir = scratch_copy();
    edit(
        &dir,
        "classes/102D-2025.toml",
        "{ class = \"102C\", years = 1 }",
        "{ unread = \"it names a class not in the data yet\" }",
    );
    let loaded = load_dir(&dir).expect("an unread route does not stop the build");
    assert_eq!(loaded.warnings.len(), 1);
    assert!(
        loaded.warnings[0]
            .message
            .contains("not read into the data"),
        "{}",
        loaded.warnings[0]
    );
    edit(
        &dir,
        "classes/102D-2025.toml",
        "{ unread = \"it names a class not in the data yet\" }",
        "{ unread = \"it names a class not in the data yet\", years = 1 }",
    );
    let error = the_one(&errors_after(&dir), "102D-2025.toml");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        error.message.contains("an `unread` route has no other key"),
        "{error}"
    );
}

#[test]
fn a_route_naming_an_unknown_class_is_refused() {
    let dir = scratch_copy();
    edit(
        &dir,
        "classes/102D-2025.toml",
        "{ class = \"102C\", years = 1 }",
        "{ class = \"102X\", years = 1 }",
    );
    let line = line_of(&dir, "classes/102D-2025.toml", "102X");
    let error = the_one(&errors_after(&dir), "102D-2025.toml");
    assert_eq!(error.line, line);
    assert!(
        error
            .message
            .contains("names class `102X`, which is not in the data"),
        "{error}"
    );
}

#[test]
fn an_impossible_date_is_refused() {
    let dir = scratch_copy();
    edit(
        &dir,
        "classes/103D-2009.toml",
        "adopted = \"2009-05-14\"",
        "adopted = \"2009-02-30\"",
    );
    let line = line_of(&dir, "classes/103D-2009.toml", "2009-02-30");
    let error = the_one(&errors_after(&dir), "103D-2009.toml");
    assert_eq!(error.line, line);
    assert!(
        error.message.contains("not a date: day 30 does not exist"),
        "{error}"
    );
}

// Before: any text starting with https:// passed (issue 26, fault 8: the importer's --url took
// spaces, quotes and markup, and so did a hand-edited file).
#[test]
fn a_source_address_that_is_not_a_well_formed_url_is_refused() {
    let dir = scratch_copy();
    edit(
        &dir,
        "classes/103D-2009.toml",
        "Specifications/1662\"",
        "Specifications/1662 <b>\"",
    );
    let line = line_of(&dir, "classes/103D-2009.toml", "1662 <b>");
    let error = the_one(&errors_after(&dir), "103D-2009.toml");
    assert_eq!(error.line, line);
    assert!(
        error.message.contains(
            "the source address must be a well-formed https:// address: a space at character 107"
        ),
        "{error}"
    );
}

#[test]
fn broken_toml_and_unknown_keys_are_refused_with_their_line() {
    let dir = scratch_copy();
    edit(
        &dir,
        "classes/102A-2025.toml",
        "label = \"2025 revision\"",
        "label = \"2025 revision",
    );
    edit(&dir, "classes/102C-2025.toml", "tagline =", "tag_line =");
    let errors = errors_after(&dir);
    let syntax = the_one(&errors, "102A-2025.toml");
    assert_eq!(syntax.line, 11, "{syntax}");
    let unknown = the_one(&errors, "102C-2025.toml");
    assert!(
        unknown.message.contains("unknown field `tag_line`"),
        "{unknown}"
    );
}

#[test]
fn a_fact_must_say_how_it_is_known() {
    let dir = scratch_copy();
    edit(
        &dir,
        "classes/102B-2025.toml",
        "level = { stated = \"Journey level\" }",
        "level = { inferred = \"Journey level\" }",
    );
    let error = the_one(&errors_after(&dir), "102B-2025.toml");
    assert!(error.message.contains("must say `why`"), "{error}");
}

#[test]
fn a_section_left_out_must_be_declared_a_gap() {
    let dir = scratch_copy();
    let path = dir.join("classes/102C-2025.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let start = text
        .find("[[section]]\nkind = \"legal-requirements\"")
        .unwrap();
    let end = start + text[start..].find("\n\n").unwrap() + 2;
    std::fs::write(&path, format!("{}{}", &text[..start], &text[end..])).unwrap();
    let error = the_one(&errors_after(&dir), "102C-2025.toml");
    assert!(
        error
            .message
            .contains("section `legal-requirements` is missing"),
        "{error}"
    );
}

#[test]
fn a_ladder_naming_an_unknown_class_is_refused() {
    let dir = scratch_copy();
    edit(&dir, "series/css.toml", "\"102D\"]", "\"102D\", \"102E\"]");
    let error = the_one(&errors_after(&dir), "css.toml");
    assert_eq!(error.line, 5);
    assert!(error.message.contains("`102E`"), "{error}");
}

#[test]
fn an_importer_proposal_is_a_warning_not_an_error() {
    let dir = scratch_copy();
    edit(
        &dir,
        "classes/102D-2025.toml",
        "oversight = { stated = \"supervises\" }",
        "oversight = { proposed = \"supervises\", why = \"the Definition says so\" }",
    );
    let loaded = load_dir(&dir).expect("proposals do not stop the build");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(loaded.warnings.len(), 1);
    assert!(loaded.warnings[0]
        .message
        .contains("awaits a person's confirmation"));
}

#[test]
fn a_reference_to_a_class_whose_file_failed_says_so() {
    let dir = scratch_copy();
    edit(
        &dir,
        "classes/102C-2025.toml",
        "kind = \"typical-work\"",
        "kind = \"typical-duties\"",
    );
    let errors = errors_after(&dir);
    let ladder = errors
        .iter()
        .find(|e| e.file.ends_with("css.toml"))
        .expect("the ladder names 102C");
    assert!(
        ladder
            .message
            .ends_with("(or its file has errors, listed above)"),
        "{ladder}"
    );
    let first = errors
        .iter()
        .position(|e| e.file.ends_with("102C-2025.toml"))
        .unwrap();
    let cascade = errors
        .iter()
        .position(|e| e.file.ends_with("css.toml"))
        .unwrap();
    assert!(first < cascade, "the cause comes first");
}

// Mutation tried: dropping the ladder check in `parse_series` (the error went away: failed).
#[test]
fn a_proposed_place_on_a_ladder_warns_and_must_name_a_class_of_that_ladder() {
    let dir = scratch_copy();
    let series = std::fs::read_to_string(dir.join("series/css.toml")).unwrap();
    let proposal = "\n[[proposed]]\ncode = \"102D\"\nwhy = \"a test\"\n";
    std::fs::write(dir.join("series/css.toml"), format!("{series}{proposal}")).unwrap();
    let loaded = load_dir(&dir).expect("a proposal is not an error");
    let warning = the_one(&loaded.warnings, "css.toml");
    assert_eq!(
        warning.line,
        line_of(&dir, "series/css.toml", "code = \"102D\"")
    );
    assert!(warning
        .message
        .contains("the place of class 102D on the ladder (a test)"));

    let elsewhere = proposal.replace("102D", "103D");
    std::fs::write(dir.join("series/css.toml"), format!("{series}{elsewhere}")).unwrap();
    let errors = errors_after(&dir);
    assert!(the_one(&errors, "css.toml")
        .message
        .contains("proposed place of class `103D`, which is not on this ladder"));
}

#[test]
fn a_gap_cannot_be_partial() {
    // Mutation tried: the check in load.rs removed; this test then failed (the data loaded).
    let dir = scratch_copy();
    edit(
        &dir,
        "classes/102C-2025.toml",
        "kind = \"legal-requirements\"\ngap = \"not-in-data\"",
        "kind = \"legal-requirements\"\ngap = \"not-in-data\"\npartial = true",
    );
    let error = the_one(&errors_after(&dir), "102C-2025.toml");
    assert!(error.message.contains("cannot be partial"), "{error}");
}

/// A history entry typed official must be a line of the page's own history, as printed: our
/// words cannot pass as the page's. (Mutation tried: dropping the loader's check lets both
/// edits through.)
#[test]
fn an_official_history_entry_must_be_printed_on_its_page() {
    let dir = scratch_copy();
    edit(
        &dir,
        "classes/102D-2025.toml",
        "official = \"Revised legal requirements; effective June 6, 2024",
        "official = \"Legal requirements revised; effective June 6, 2024",
    );
    edit(
        &dir,
        "classes/103D-2009.toml",
        "summary = \"Title changed",
        "official = \"Title changed",
    );
    let errors = errors_after(&dir);
    for file in ["102D-2025.toml", "103D-2009.toml"] {
        let error = the_one(&errors, file);
        assert!(
            error
                .message
                .starts_with("an official history entry must be a line"),
            "{error}"
        );
    }
}

#[test]
fn a_history_entry_holds_official_or_summary_text_not_both() {
    let dir = scratch_copy();
    edit(
        &dir,
        "classes/103D-2009.toml",
        "summary = \"Title changed",
        "official = \"x\"\nsummary = \"Title changed",
    );
    let line = line_of(&dir, "classes/103D-2009.toml", "official = \"x\"");
    let error = the_one(&errors_after(&dir), "103D-2009.toml");
    assert_eq!(error.line, line);
    assert!(
        error.message.contains("exactly one of `official`"),
        "{error}"
    );
}

/// Issue 22, item 5: a version whose official text the data does not hold says when its copy
/// of the official page was read (the page shows it as the fact's source); one whose text it
/// holds was read on that text, so a `read` date there is refused.
///
/// Mutation seen failing: `read_date` accepting a missing `read` (the first assertion).
#[test]
fn a_version_read_on_a_page_not_held_says_when_it_was_read() {
    let dir = scratch_copy();
    edit(
        &dir,
        "classes/102B-2025.toml",
        "read = \"2026-11-23\"\n",
        "",
    );
    let error = the_one(&errors_after(&dir), "102B-2025.toml");
    assert!(error.message.contains("`read` is missing"), "{error}");

    let dir = scratch_copy();
    edit(
        &dir,
        "classes/102D-2025.toml",
        "effective = { stated = \"2025-07-01\" }",
        "read = \"2026-11-23\"\neffective = { stated = \"2025-07-01\" }",
    );
    let line = line_of(&dir, "classes/102D-2025.toml", "read = ");
    let error = the_one(&errors_after(&dir), "102D-2025.toml");
    assert_eq!(error.line, line);
    assert!(error.message.contains("holds it"), "{error}");
}
