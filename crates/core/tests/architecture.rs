//! ARCHITECTURE.md is true to the tree: every file or folder it names in backticks exists, and
//! its code map names every module of every crate. A newcomer reads it first; a name that moved
//! or a module it leaves out sends them looking for what is not there.
//!
//! Mutations tried: `render/key.rs` renamed `render/keys.rs` in ARCHITECTURE.md fails
//! `every_path_it_names_exists` ("render/keys.rs"); `class/` (the class view's folder) taken out
//! of the code map fails `the_code_map_names_every_module` ("crates/core: render/class/mod.rs").

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn architecture() -> String {
    fs::read_to_string(workspace().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md")
}

/// Every file and folder of the tree, relative to the workspace, `/`-separated; folders end
/// with `/`. Built output, installed packages and Git's own folder are left out.
fn tree(dir: &Path, relative: &str, out: &mut BTreeSet<String>) {
    for entry in fs::read_dir(dir).expect("a folder of the tree can be read") {
        let entry = entry.expect("a directory entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = format!("{relative}{name}");
        if entry.file_type().expect("a file type").is_dir() {
            if matches!(
                name.as_str(),
                "target" | "node_modules" | ".git" | "test-results"
            ) || name.starts_with("dist")
            {
                continue;
            }
            out.insert(format!("{path}/"));
            tree(&entry.path(), &format!("{path}/"), out);
        } else {
            out.insert(path);
        }
    }
}

/// What is written in backticks.
fn quoted(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

const EXTENSIONS: [&str; 13] = [
    ".rs", ".toml", ".mjs", ".js", ".md", ".css", ".html", ".json", ".txt", ".conf", ".lock",
    ".yml", ".sh",
];

/// The words of a quote that name a file or folder of the tree: with a `/` inside (not an
/// address: `/sw.js`, `https://`) or a file's extension, without a placeholder (`<hash>`).
/// A command's words are read one by one (`node tests/bench/size.mjs dist`).
fn named_paths(quote: &str) -> Vec<&str> {
    quote
        .split_whitespace()
        .filter(|word| {
            let pathlike = word.contains('/') || EXTENSIONS.iter().any(|e| word.ends_with(e));
            pathlike
                && !word.starts_with('/')
                && !word.contains("://")
                && !word.contains(|c: char| "<>{}()=:,'\"…@".contains(c))
        })
        .collect()
}

/// Whether `name` is in the tree: as written from the workspace, or as the end of a path (the
/// code map names `model.rs` in the core's entry, `load/check.rs` in the data crate's). A `*`
/// stands for any part of one name (`web/*.js`).
fn exists(tree: &BTreeSet<String>, name: &str) -> bool {
    let folder = format!("{}/", name.trim_end_matches('/'));
    tree.iter().any(|path| {
        [name, folder.as_str()].iter().any(|wanted| {
            matches(path, wanted)
                || path
                    .match_indices('/')
                    .any(|(at, _)| matches(&path[at + 1..], wanted))
        })
    })
}

/// `path` equals `pattern`, where a `*` in the pattern stands for any characters but `/`.
fn matches(path: &str, pattern: &str) -> bool {
    match pattern.split_once('*') {
        None => path == pattern,
        Some((head, tail)) => path.strip_prefix(head).is_some_and(|rest| {
            (0..=rest.len())
                .filter(|&i| rest.is_char_boundary(i) && !rest[..i].contains('/'))
                .any(|i| matches(&rest[i..], tail))
        }),
    }
}

#[test]
fn every_path_it_names_exists() {
    let mut files = BTreeSet::new();
    tree(&workspace(), "", &mut files);
    assert!(files.contains("crates/core/src/render/page.rs") && files.contains("web/"));
    let text = architecture();
    let named: Vec<&str> = quoted(&text).into_iter().flat_map(named_paths).collect();
    assert!(
        named.contains(&"crates/core/tests/no_import_circle.rs") && named.contains(&"model.rs"),
        "the paths are read: {named:?}"
    );
    let missing: Vec<&&str> = named.iter().filter(|n| !exists(&files, n)).collect();
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md names what the tree does not hold: {missing:?}"
    );
    assert!(!exists(&files, "render/keys.rs") && exists(&files, "web/*.js"));
}

/// Each crate's entry in the code map: from the line that names it first to the next entry.
fn entry<'a>(text: &'a str, crate_path: &str) -> &'a str {
    let start = text
        .find(&format!("\n- `{crate_path}`"))
        .unwrap_or_else(|| panic!("the code map has an entry for {crate_path}"));
    let rest = &text[start + 1..];
    let end = rest[1..].find("\n- `").map_or(rest.len(), |e| e + 1);
    &rest[..end]
}

#[test]
fn the_code_map_names_every_module() {
    let text = architecture();
    let map = &text[text.find("## Code map").expect("a code map")..];
    let map = &map[..map[3..].find("\n## ").map_or(map.len(), |e| e + 3)];
    let mut unnamed = Vec::new();
    let manifest = fs::read_to_string(workspace().join("Cargo.toml")).expect("the workspace");
    let members: Vec<&str> = manifest
        .split("members = [")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .expect("the workspace lists its members")
        .split(',')
        .map(|m| m.trim().trim_matches('"'))
        .filter(|m| !m.is_empty())
        .collect();
    assert!(members.len() >= 6, "{members:?}");
    for member in members {
        // The shell (the workspace's root crate) is the code map's `src/`.
        let (crate_path, src) = if member == "." {
            ("src/".to_owned(), "src".to_owned())
        } else {
            (member.to_owned(), format!("{member}/src"))
        };
        let names: Vec<&str> = quoted(entry(map, &crate_path)).into_iter().collect();
        let mut files = BTreeSet::new();
        tree(&workspace().join(src), "", &mut files);
        let modules = files
            .iter()
            .filter(|f| Path::new(f.as_str()).extension().is_some_and(|e| e == "rs"));
        for file in modules {
            // The crate's root is the crate its entry names.
            if file == "lib.rs" {
                continue;
            }
            // A folder's module is named by its folder (`render/`, `class/`), any other by its
            // file, written from any folder up (`versions.rs`, `class/versions.rs`).
            let wanted = match file.strip_suffix("mod.rs") {
                Some(folder) => folder.rsplit('/').nth(1).map(|f| format!("{f}/")),
                None => file.rsplit('/').next().map(str::to_owned),
            }
            .expect("a name");
            let listed = names
                .iter()
                .any(|n| *n == wanted || n.ends_with(&format!("/{wanted}")));
            if !listed {
                unnamed.push(format!("{crate_path}: {file} (as `{wanted}`)"));
            }
        }
    }
    assert!(
        unnamed.is_empty(),
        "the code map does not name these modules: {unnamed:#?}"
    );
}
