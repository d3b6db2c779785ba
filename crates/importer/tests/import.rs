//! The importer reproduces the official text of the project's data files from the seeds, and
//! refuses a page it cannot read with a precise message, a non-zero exit and no file written.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use class_spec_core::SectionContent;
use class_spec_data::{load_dir, parse_version};
use class_spec_import::{import, Context, KnownClass};

fn project() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn seed(name: &str) -> Vec<u8> {
    std::fs::read(project().join("data/seeds").join(name)).unwrap()
}

const CSS1: &str = "000_33f79bb77040159d.txt";
const CSS4: &str = "002_d7c8157c8607e686.txt";

fn context() -> Context {
    let catalogue = load_dir(&project().join("data")).unwrap().catalogue;
    Context {
        known: catalogue
            .classes
            .iter()
            .map(|c| KnownClass {
                code: c.code.to_string(),
                title: c.title.to_string(),
                series: c.series.to_string(),
                source_url: c.newest().unwrap().source_url.to_string(),
            })
            .collect(),
        ..Context::default()
    }
}

#[test]
fn importing_the_seeds_reproduces_the_official_text_in_the_data() {
    let catalogue = load_dir(&project().join("data")).unwrap().catalogue;
    for (name, code, id) in [(CSS1, "102A", "2024"), (CSS4, "102D", "2025")] {
        let (_, rendered) = import(&seed(name), &context()).unwrap();
        assert_eq!(rendered.file_name, format!("{code}-{id}.toml"));
        let (record, _) = parse_version(Path::new(&rendered.file_name), &rendered.toml).unwrap();
        let in_data = catalogue.class(code).unwrap().version(Some(id)).unwrap();
        for section in in_data.sections.iter() {
            let imported = record.version.section(section.kind).unwrap();
            match &section.content {
                SectionContent::Official(text) => {
                    assert_eq!(
                        imported.content,
                        SectionContent::Official(text.clone()),
                        "{code} {:?}",
                        section.kind
                    );
                }
                other => assert_eq!(&imported.content, other, "{code} {:?}", section.kind),
            }
        }
        assert_eq!(record.version.effective, in_data.effective);
        assert_eq!(record.version.supervision, in_data.supervision);
        assert_eq!(
            record.version.qualifications, in_data.qualifications,
            "{code} routes read from the standard wording"
        );
        assert_eq!(record.title, catalogue.class(code).unwrap().title);
    }
}

#[test]
fn the_css4_seed_yields_its_level_and_its_in_series_route() {
    let (_, rendered) = import(&seed(CSS4), &context()).unwrap();
    assert!(rendered
        .toml
        .contains("level = { stated = \"Supervisory level\" }"));
    assert!(rendered.toml.contains("{ class = \"102C\", years = 1 }"));
    assert!(
        rendered.to_confirm.iter().any(|c| c.contains("oversight")),
        "oversight is only proposed"
    );
}

#[test]
fn without_the_class_in_the_data_the_route_is_left_for_a_person() {
    let mut context = context();
    context.known.retain(|k| k.code != "102C");
    let (_, rendered) = import(&seed(CSS4), &context).unwrap();
    assert!(
        !rendered.toml.contains("class = \"102C\""),
        "never guesses a code"
    );
    assert!(rendered
        .to_confirm
        .iter()
        .any(|c| c.contains("Customer Service Specialist 3")));
}

fn scratch() -> PathBuf {
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "class-spec-import-{}-{}",
        std::process::id(),
        COUNT.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("data/classes")).unwrap();
    std::fs::create_dir_all(dir.join("data/series")).unwrap();
    for sub in ["series", "classes"] {
        for entry in std::fs::read_dir(project().join("data").join(sub)).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(
                &path,
                dir.join("data").join(sub).join(path.file_name().unwrap()),
            )
            .unwrap();
        }
    }
    dir
}

/// Every file of the data folder (series and classes), named, with its content.
fn files_in(data: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    for sub in ["series", "classes"] {
        for entry in std::fs::read_dir(data.join(sub)).unwrap() {
            let path = entry.unwrap().path();
            let name = format!("{sub}/{}", path.file_name().unwrap().to_string_lossy());
            files.push((name, std::fs::read(&path).unwrap()));
        }
    }
    files.sort();
    files
}

/// Runs the command-line importer on `page` and returns (exit code, stderr), checking that the
/// data folder is unchanged.
fn run_refused(page: &[u8]) -> (i32, String) {
    run_refused_with(page, &["--id", "test"])
}

/// [`run_refused`] with the given options.
fn run_refused_with(page: &[u8], options: &[&str]) -> (i32, String) {
    let dir = scratch();
    let before = files_in(&dir.join("data"));
    let page_path = dir.join("page.txt");
    std::fs::write(&page_path, page).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_class-spec-import"))
        .arg(&page_path)
        .arg("--data")
        .arg(dir.join("data"))
        .args(options)
        .output()
        .unwrap();
    let after = files_in(&dir.join("data"));
    assert_eq!(before, after, "a refused page writes nothing");
    let _ = std::fs::remove_dir_all(&dir);
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn css4_text() -> String {
    String::from_utf8(seed(CSS4)).unwrap()
}

#[test]
fn an_empty_page_is_refused() {
    let (code, stderr) = run_refused(b"  \n\n");
    assert_eq!(code, 1);
    assert!(stderr.contains("page.txt:1: the page is empty"), "{stderr}");
}

#[test]
fn a_binary_file_is_refused() {
    let (code, stderr) = run_refused(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    assert_eq!(code, 1);
    assert!(
        stderr.contains("page.txt:3: this is binary data"),
        "{stderr}"
    );
    let (_, stderr) = run_refused(b"Class Code: 1\n\xff\xfe broken");
    assert!(
        stderr.contains("page.txt:2: this is not UTF-8 text"),
        "{stderr}"
    );
}

#[test]
fn a_page_without_a_class_code_is_refused() {
    let text = css4_text().replace("Class Code: 102D\n", "");
    let (code, stderr) = run_refused(text.as_bytes());
    assert_eq!(code, 1);
    assert!(stderr.contains("no `Class Code:` line"), "{stderr}");
}

#[test]
fn an_unknown_heading_is_refused_naming_its_line() {
    let text = css4_text().replace("\nTypical Work\n", "\nTypical Duties Performed\n");
    let line = text
        .lines()
        .position(|l| l == "Typical Duties Performed")
        .unwrap()
        + 1;
    let (code, stderr) = run_refused(text.as_bytes());
    assert_eq!(code, 1);
    assert!(
        stderr.contains(&format!(
            "page.txt:{line}: unknown heading `Typical Duties Performed`"
        )),
        "{stderr}"
    );
}

#[test]
fn a_page_cut_off_mid_section_is_refused() {
    let text = css4_text();
    let cut = text
        .find("Develops and implements customer service training;")
        .unwrap();
    let truncated = &text[..cut + "Develops and implements".len()];
    let last_line = truncated.lines().count();
    let (code, stderr) = run_refused(truncated.as_bytes());
    assert_eq!(code, 1);
    assert!(
        stderr.contains(&format!(
            "page.txt:{last_line}: the page stops in the section `Typical Work`"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("looks cut off"), "{stderr}");
}

#[test]
fn a_page_cut_off_mid_sentence_is_refused() {
    let text = css4_text();
    let truncated = text.trim_end().trim_end_matches("effective July 1, 2025.");
    let (code, stderr) = run_refused(truncated.as_bytes());
    assert_eq!(code, 1);
    assert!(stderr.contains("the page stops mid-sentence"), "{stderr}");
}

#[test]
fn a_repeated_heading_is_refused() {
    let text = css4_text().replace("\nLegal Requirement(s)\n", "\nDefinition\n");
    let (code, stderr) = run_refused(text.as_bytes());
    assert_eq!(code, 1);
    assert!(
        stderr.contains("the heading `Definition` appears twice"),
        "{stderr}"
    );
}

#[test]
fn an_existing_version_is_not_overwritten_without_force() {
    let dir = scratch();
    let page = project().join("data/seeds").join(CSS4);
    let run = |force: bool| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_class-spec-import"));
        command.arg(&page).arg("--data").arg(dir.join("data"));
        if force {
            command.arg("--force");
        }
        command.output().unwrap()
    };
    let refused = run(false);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("exists already: pass --force"));
    let replaced = run(true);
    assert!(
        replaced.status.success(),
        "{}",
        String::from_utf8_lossy(&replaced.stderr)
    );
    let written = std::fs::read_to_string(dir.join("data/classes/102D-2025.toml")).unwrap();
    assert!(written.contains("official = '''\nThis is the supervisory level of the series."));
    assert!(
        load_dir(&dir.join("data")).is_ok(),
        "the refreshed data still passes the build's checks"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_new_class_needs_its_address_and_series() {
    let text = css4_text().replace("Class Code: 102D", "Class Code: 999Z");
    let (code, stderr) = run_refused(text.as_bytes());
    assert_eq!(code, 1);
    assert!(
        stderr.contains("give its official page address with --url"),
        "{stderr}"
    );
}

// Before the size check, this file of over 1,000,000 bytes (a real page with a megabyte of words
// after its history) was read whole and written into the data as a version.
#[test]
fn a_file_over_a_megabyte_is_refused_for_its_size() {
    let mut text = css4_text();
    while text.len() <= 1_000_000 {
        text.push_str("More words of a file that is not a class-specification page. ");
    }
    let (code, stderr) = run_refused(text.as_bytes());
    assert_eq!(code, 1);
    assert!(
        stderr.contains("page.txt:1: the file is over 1 MB (1,000,000 bytes)"),
        "{stderr}"
    );
}

// Before these checks, both were reported as "a file the build would reject (a bug in the
// importer)".
#[test]
fn a_bad_id_or_address_is_reported_as_what_was_typed() {
    let page = css4_text();
    for (options, expected) in [
        (
            ["--id", "../2025"],
            "error: --id \"../2025\": a version id is letters, digits and '-', like 2025",
        ),
        (["--id", ""], "error: --id \"\": a version id is letters"),
        (
            ["--url", "http://ofm.wa.gov/x"],
            "error: --url \"http://ofm.wa.gov/x\": the official page's address must start with https://",
        ),
        // These three started with https:// and were taken (issue 26, fault 8).
        (
            ["--url", "https://ofm.wa.gov/spec 1663"],
            "error: --url \"https://ofm.wa.gov/spec 1663\": a space at character 24 cannot be in an address (write it as %20)",
        ),
        (
            ["--url", "https://ofm.wa.gov/\"onmouseover=\"x"],
            "`\"` at character 20 cannot be in an address",
        ),
        (
            ["--url", "https://ofm.wa.gov/<script>"],
            "`<` at character 20 cannot be in an address",
        ),
    ] {
        let (code, stderr) = run_refused_with(page.as_bytes(), &options);
        assert_eq!(code, 2, "{stderr}");
        assert!(stderr.contains(expected), "{stderr}");
        assert!(!stderr.contains("bug"), "{stderr}");
    }
}

/// The CSS 4 page as a class new to the data (999Z), so that the options for a new class apply.
fn new_class_text() -> String {
    css4_text().replace("Class Code: 102D", "Class Code: 999Z")
}

// Before: the newline reached the new series file, and the build's check of that file was
// reported ("nothing written: the data would not pass the build's checks", a TOML error in a
// file the person never wrote).
#[test]
fn a_series_title_with_a_control_character_is_refused_saying_so() {
    let page = new_class_text();
    let new_class = ["--url", "https://example.org/999Z", "--series", "new"];
    for (title, expected) in [
        (
            "Customer\nService",
            "error: --series-title \"Customer\\nService\": a series title is one line of visible text, and this one holds a line break (U+000A) at character 9",
        ),
        ("Tab\tbed", "holds a tab (U+0009) at character 4"),
        (
            "Right\u{202E}left",
            "holds an invisible control character (U+202E) at character 6",
        ),
        ("  ", "a series title cannot be empty"),
    ] {
        let mut options = new_class.to_vec();
        options.extend(["--series-title", title]);
        let (code, stderr) = run_refused_with(page.as_bytes(), &options);
        assert_eq!(code, 2, "{stderr}");
        assert!(stderr.contains(expected), "{title:?}: {stderr}");
    }
}

/// `text` in UTF-16 (little- or big-endian), with or without its byte-order mark.
fn utf16(text: &str, little: bool, mark: bool) -> Vec<u8> {
    let units = mark
        .then_some(0xFEFF)
        .into_iter()
        .chain(text.encode_utf16());
    units
        .flat_map(|u| {
            if little {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            }
        })
        .collect()
}

// Before: "page.txt:1: this is binary data, not the text of a page (a NUL byte)" for each.
#[test]
fn a_utf16_or_utf32_file_is_named_as_such() {
    let text = css4_text();
    let utf32: Vec<u8> = std::iter::once('\u{feff}')
        .chain(text.chars())
        .flat_map(|c| u32::from(c).to_le_bytes())
        .collect();
    for (bytes, said) in [
        (utf16(&text, true, true), "UTF-16 (little-endian)"),
        (utf16(&text, false, true), "UTF-16 (big-endian)"),
        (utf16(&text, true, false), "UTF-16 (little-endian)"),
        (utf16(&text, false, false), "UTF-16 (big-endian)"),
        (utf32, "UTF-32 (little-endian)"),
    ] {
        let (code, stderr) = run_refused(&bytes);
        assert_eq!(code, 1, "{stderr}");
        assert!(
            stderr.contains(&format!(
                "page.txt:1: this file is {said} text; save it as UTF-8 text"
            )),
            "{said}: {stderr}"
        );
    }
}
