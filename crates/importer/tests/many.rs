//! Many pages in one run (`--listing`, or several pages): made-up series imported together pass
//! the build's checks with their routes up each ladder read; a refused page is named with its
//! reason and writes nothing, the others are written; with `--all-or-nothing`, nothing is.
//!
//! Mutations seen failing here (each run once): the folder not updated after a page passes, so
//! each page is checked against the folder as it was before the run (every test failed: a
//! level's route through the one below it, and the page giving an earlier page's code under
//! another title, passed unseen); `--all-or-nothing` ignored (the good pages written: failed);
//! a page's check's refusal ignored (the refused page's file written, or the whole run refused
//! by the final full check: failed).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use class_spec_core::Requirement;
use class_spec_data::load_dir;
use class_spec_import::made_up::{listing, pages, MadeUpPage};

/// An empty data folder and made-up pages with their listing beside it.
fn scratch(made: &[MadeUpPage]) -> PathBuf {
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "class-spec-many-{}-{}",
        std::process::id(),
        COUNT.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    for sub in ["data/series", "data/classes", "pages"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
    }
    for page in made {
        std::fs::write(dir.join(format!("pages/{}.txt", page.code)), &page.text).unwrap();
    }
    std::fs::write(dir.join("listing.toml"), listing(made)).unwrap();
    dir
}

fn run(dir: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_class-spec-import"))
        .arg("--data")
        .arg(dir.join("data"))
        .arg("--listing")
        .arg(dir.join("listing.toml"))
        .args(extra)
        .output()
        .unwrap()
}

/// The data folder's files, by name.
fn files(dir: &Path) -> Vec<String> {
    let mut names = Vec::new();
    for sub in ["series", "classes"] {
        for entry in std::fs::read_dir(dir.join("data").join(sub)).unwrap() {
            names.push(format!(
                "{sub}/{}",
                entry.unwrap().file_name().to_string_lossy()
            ));
        }
    }
    names.sort();
    names
}

#[test]
fn made_up_series_imported_in_one_run_pass_the_build_with_their_routes() {
    let made = pages(3, 4);
    let dir = scratch(&made);
    let output = run(&dir, &[]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains("imported 12 of 12 pages; 0 refused"),
        "{stdout}"
    );
    let catalogue = load_dir(&dir.join("data"))
        .expect("the build's checks pass")
        .catalogue;
    assert_eq!(catalogue.classes.len(), 12);
    assert_eq!(catalogue.series.len(), 3);
    let g001 = catalogue.series.iter().find(|s| s.id == "g001").unwrap();
    assert_eq!(g001.ladder.to_vec(), ["G001A", "G001B", "G001C", "G001D"]);
    // Level 3's route through level 2, read from the standard wording.
    let routes = match &catalogue.class("G001C").unwrap().versions[0].qualifications {
        class_spec_core::Qualifications::Routes(routes) => routes.to_vec(),
        other @ class_spec_core::Qualifications::NotInData { .. } => panic!("routes: {other:?}"),
    };
    assert!(routes.iter().any(|r| r.requirement
        == Requirement::YearsInClass {
            class: "G001B".into(),
            years: 1
        }));
    // Distinct words per class: two levels' definitions differ beyond their shared small words.
    let definition = |code: &str| {
        catalogue.class(code).unwrap().versions[0]
            .section(class_spec_core::SectionKind::Definition)
            .map(|s| format!("{:?}", s.content))
            .unwrap()
    };
    assert_ne!(definition("G000A"), definition("G000C"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Pages of one series where the second has no "Class Code:" line and the fourth gives the
/// third's code (another version of that class, under another title: refused only by the rule
/// that spans files, against a page of the same run).
fn with_bad_pages() -> (PathBuf, Vec<MadeUpPage>) {
    let mut made = pages(1, 4);
    made[1].text = made[1]
        .text
        .lines()
        .filter(|l| !l.starts_with("Class Code:"))
        .collect::<Vec<_>>()
        .join("\n");
    made[3].text = made[3].text.replace("G000D", "G000C");
    let dir = scratch(&made);
    (dir, made)
}

#[test]
fn a_refused_page_is_named_with_its_reason_and_writes_nothing() {
    let (dir, _) = with_bad_pages();
    let output = run(&dir, &[]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    let refused: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("refused "))
        .collect();
    assert_eq!(refused.len(), 2, "{stderr}");
    let page = |code: &str| dir.join(format!("pages/{code}.txt")).display().to_string();
    assert!(
        refused[0].starts_with(&format!("refused {}: {}:", page("G000B"), page("G000B")))
            && refused[0].contains("Class Code"),
        "the page and its line: {}",
        refused[0]
    );
    assert!(
        refused[1].starts_with(&format!("refused {}: ", page("G000D")))
            && refused[1].contains("nothing written: the data would not pass the build's checks")
            && stderr.contains("title (or whether it is inferred) differs from"),
        "checked against the pages before it in the run: {}",
        refused[1]
    );
    assert!(stderr.contains("2 of 4 pages refused"), "{stderr}");
    assert_eq!(
        files(&dir),
        [
            "classes/G000A-2024.toml",
            "classes/G000C-2024.toml",
            "series/g000.toml"
        ],
        "only the pages that passed are written"
    );
    let catalogue = load_dir(&dir.join("data"))
        .expect("what was written passes")
        .catalogue;
    let ladder = catalogue.series[0].ladder.to_vec();
    assert_eq!(ladder, ["G000A", "G000C"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn all_or_nothing_writes_nothing_when_a_page_is_refused() {
    let (dir, _) = with_bad_pages();
    let output = run(&dir, &["--all-or-nothing"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("nothing written: 2 of 4 pages refused"),
        "{stderr}"
    );
    assert!(files(&dir).is_empty(), "{:?}", files(&dir));
    let _ = std::fs::remove_dir_all(&dir);
}
