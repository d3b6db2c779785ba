//! The rooms of the code and the doors between them, read from the sources.
//!
//! 1. No import circle in any crate of the workspace: no module reaches back, through any chain
//!    of `crate::` and `super::` paths, to a module that uses it. A circle makes two modules one
//!    room that cannot be read (or tested, or split) apart.
//! 2. The core's views never use each other: `render::page` is the one module that knows every
//!    view; a view uses the pieces they share (`render::parts`, `render::path_drawing`, …) and
//!    its own parts (`render::class::versions`), never another view.
//! 3. The core's domain never uses its views (`render`, `markup`, `sheet`, `path_layout`): the
//!    line a crate of views would draw, held without one (ARCHITECTURE.md says why).
//! 4. No import circle among the JavaScript modules either (`web/`, `scripts/`, `tests/`).
//!
//! It lives in the core's tests because the core holds the rule of (2); it reads every crate
//! listed in the workspace's `Cargo.toml`, the core and the shell included.
//!
//! Mutations tried: `use crate::compare::resolve;` in `route.rs` (the circle issue 25 found,
//! `route -> compare -> route`, then by `compare::MAX_COLUMNS`) fails
//! `no_crate_has_an_import_circle`, naming the circle; so do `use crate::load::load_dir;` in
//! the data crate's `error.rs` (`error -> load -> error`) and `use crate::view::follow_address;`
//! in the shell's `document.rs`. `use super::not_found::not_found_page;` back in
//! `render/class/mod.rs` fails `views_never_use_each_other`, and so does `use super::page::page;`
//! in `render/search.rs`. A path to an item the root re-exports is a door to the module that
//! defines it: so the test found the data crate's `synthetic` tests calling `crate::load_dir`
//! while `load` uses `synthetic` (`load -> synthetic -> load`; those tests are now
//! `crates/data/tests/synthetic.rs`). A glob re-export is read too: `use crate::Catalogue;` in
//! `glossary.rs` (the root's `pub use model::*`) fails, naming `glossary -> model -> glossary`. `use crate::markup::Markup;` in `planner.rs` fails
//! `the_domain_never_uses_the_views`. `import { x } from './views.mjs';` in
//! `scripts/contract.mjs` fails `no_javascript_module_has_an_import_circle`
//! (`scripts/contract.mjs -> scripts/views.mjs -> scripts/contract.mjs`).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// A crate's modules (`render::class`, `compare`; the root's name is empty) and the modules
/// each uses.
type Graph = BTreeMap<String, BTreeSet<String>>;

/// Every `.rs` file under `dir`, but not `src/bin/` (each file there is a crate of its own,
/// one file each: no room for a circle).
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    // In order, so a circle is reported the same way on every machine.
    let entries: BTreeSet<PathBuf> = fs::read_dir(dir)
        .expect("a source folder can be read")
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    for path in entries {
        if path.is_dir() {
            if !path.ends_with("bin") {
                sources(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module a file holds: `render/class/mod.rs` and `render/class.rs` are `render::class`,
/// `lib.rs` and `main.rs` the root.
fn module_of(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The paths a file's code names, `crate::` and `super::` read from where the file stands
/// (comments left out, `use` groups opened: `use crate::{a, b::c}` names `a` and `b::c`).
fn paths(text: &str, module: &[String]) -> Vec<Vec<String>> {
    // `super::` in `render/class.rs` (or `render/class/mod.rs`) is `crate::render::`.
    let parent = &module[..module.len().saturating_sub(1)];
    let code = without_comments(text);
    let mut found = Vec::new();
    {
        let mut rest = code.as_str();
        loop {
            let crate_at = rest.find("crate::");
            let super_at = rest.find("super::");
            let (at, base, skip) = match (crate_at, super_at) {
                (Some(c), Some(s)) if s < c => (s, parent, "super::".len()),
                (Some(c), _) => (c, &module[..0], "crate::".len()),
                (None, Some(s)) => (s, parent, "super::".len()),
                (None, None) => break,
            };
            // `super::super::` and `$crate::` are rare enough to read as the nearer one; a
            // preceding identifier character means another word (`class_spec_crate::`).
            let word_before = rest[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$');
            rest = &rest[at + skip..];
            if word_before {
                continue;
            }
            let base: Vec<String> = base.to_vec();
            if let Some(group) = rest.strip_prefix('{') {
                let inner = group.split('}').next().unwrap_or_default();
                for item in inner.split(',') {
                    let mut path = base.clone();
                    path.extend(segments(item.trim()));
                    found.push(path);
                }
            } else {
                let mut path = base.clone();
                path.extend(segments(rest));
                found.push(path);
            }
        }
    }
    found
}

/// The code without its comments, in one line, so a group spread over lines reads whole.
fn without_comments(text: &str) -> String {
    text.lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `a::b::c` at the start of `text`, up to what cannot be part of a path.
fn segments(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
        .next()
        .unwrap_or_default()
        .split("::")
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A crate's module graph. A path names the longest module it starts with; using a module
/// means using every module that holds it (`render::class::versions` is inside
/// `render::class`), except the user's own: a part using its room is the room, not a door.
fn graph(src: &Path) -> Graph {
    let mut files = Vec::new();
    sources(src, &mut files);
    let modules: BTreeSet<Vec<String>> = files
        .iter()
        .map(|f| module_of(f.strip_prefix(src).expect("under src")))
        .collect();
    let longest = |path: &[String]| -> Vec<String> {
        (0..=path.len())
            .rev()
            .map(|n| path[..n].to_vec())
            .find(|prefix| modules.contains(prefix))
            .unwrap_or_default()
    };
    // What the root re-exports (`pub use load::{load_dir, …}`): `crate::load_dir` is a door to
    // `load`, not to the root.
    let mut reexported: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for root in ["lib.rs", "main.rs"] {
        let Ok(text) = fs::read_to_string(src.join(root)) else {
            continue;
        };
        let code = without_comments(&text);
        for statement in code.split("pub use ").skip(1) {
            let statement = statement.split(';').next().unwrap_or_default();
            let (base, items) = match statement.split_once("::{") {
                Some((base, group)) => (base, group.trim_end_matches('}').split(',').collect()),
                None => statement
                    .rsplit_once("::")
                    .map_or(("", Vec::new()), |(base, item)| (base, vec![item])),
            };
            let module = longest(&segments(base.trim()));
            for item in items {
                let name = item.split(" as ").last().unwrap_or_default().trim();
                if module.is_empty() {
                    continue;
                }
                if name == "*" {
                    // `pub use model::*`: every public name the module's file defines.
                    for defined in public_names(src, &module) {
                        reexported.insert(defined, module.clone());
                    }
                } else if !name.is_empty() {
                    reexported.insert(name.to_owned(), module.clone());
                }
            }
        }
    }
    let mut graph = Graph::new();
    for file in &files {
        let relative = file.strip_prefix(src).expect("under src");
        let module = module_of(relative);
        let text = fs::read_to_string(file).expect("a source file");
        let edges = graph.entry(module.join("::")).or_default();
        for path in paths(&text, &module) {
            let mut named = longest(&path);
            if named.is_empty() {
                if let Some(home) = path.first().and_then(|name| reexported.get(name)) {
                    named.clone_from(home);
                }
            }
            for n in 1..=named.len() {
                let holder = &named[..n];
                if !module.starts_with(holder) {
                    edges.insert(holder.join("::"));
                }
            }
        }
    }
    graph
}

/// The names a module's file defines in public (`pub struct Catalogue`, `pub fn load_dir`).
fn public_names(src: &Path, module: &[String]) -> Vec<String> {
    let base = src.join(module.join("/"));
    let text = fs::read_to_string(base.with_extension("rs"))
        .or_else(|_| fs::read_to_string(base.join("mod.rs")))
        .unwrap_or_default();
    let code = without_comments(&text);
    let words: Vec<&str> = code.split_whitespace().collect();
    words
        .windows(3)
        .filter(|w| {
            w[0] == "pub"
                && [
                    "struct", "enum", "fn", "const", "static", "type", "trait", "mod",
                ]
                .contains(&w[1])
        })
        .map(|w| segments(w[2]).first().cloned().unwrap_or_default())
        .filter(|name| !name.is_empty())
        .collect()
}

/// A circle of `graph`, if it has one, as the chain of modules around it.
fn circle(graph: &Graph) -> Option<String> {
    for start in graph.keys() {
        // Depth-first from each module, carrying the chain, stopping at the first return.
        let mut stack = vec![vec![start.clone()]];
        let mut seen = BTreeSet::new();
        while let Some(chain) = stack.pop() {
            let last = chain.last().expect("a chain is never empty");
            for next in graph.get(last).into_iter().flatten() {
                if next == start {
                    return Some(format!("{} -> {start}", chain.join(" -> ")));
                }
                if seen.insert(next.clone()) {
                    let mut longer = chain.clone();
                    longer.push(next.clone());
                    stack.push(longer);
                }
            }
        }
    }
    None
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The workspace's crates, from `members = [...]` in its `Cargo.toml`.
fn members() -> Vec<String> {
    let manifest = fs::read_to_string(workspace().join("Cargo.toml")).expect("the workspace");
    let list = manifest
        .split("members = [")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .expect("the workspace lists its members");
    list.split(',')
        .map(|m| m.trim().trim_matches('"').to_owned())
        .filter(|m| !m.is_empty())
        .collect()
}

fn core_graph() -> Graph {
    graph(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"))
}

#[test]
fn the_reader_sees_real_doors() {
    let core = core_graph();
    assert!(
        core.len() > 40,
        "the walk found the core's modules: {core:?}"
    );
    assert!(
        core["route"].contains("model") && core["compare"].contains("route"),
        "crate:: paths are read: {core:?}"
    );
    assert!(
        core["render::class"].contains("render::parts")
            && core["render::planner::verdicts"].contains("render::path_drawing")
            && core["render::path_drawing::svg"].contains("render::path_drawing::graph"),
        "super:: paths, groups and nested modules are read: {core:?}"
    );
    assert!(
        !core["render::path_drawing::svg"].contains("render::path_drawing"),
        "a part using its room is no door"
    );
    let made_up = Graph::from([
        ("a".to_owned(), BTreeSet::from(["b".to_owned()])),
        ("b".to_owned(), BTreeSet::from(["c".to_owned()])),
        ("c".to_owned(), BTreeSet::from(["a".to_owned()])),
    ]);
    assert_eq!(circle(&made_up).as_deref(), Some("a -> b -> c -> a"));
}

#[test]
fn no_crate_has_an_import_circle() {
    let members = members();
    assert!(members.len() >= 6, "the workspace's crates: {members:?}");
    for member in members {
        let src = workspace().join(&member).join("src");
        let graph = graph(&src);
        assert!(!graph.is_empty(), "{member} has sources");
        if let Some(found) = circle(&graph) {
            panic!("an import circle in {member}: {found}");
        }
    }
}

#[test]
fn views_never_use_each_other() {
    let core = core_graph();
    let views: BTreeSet<&String> = core["render::page"]
        .iter()
        .filter(|m| m.starts_with("render::"))
        .filter(|m| !["render::view", "render::key"].contains(&m.as_str()))
        .collect();
    assert!(
        views.len() >= 10 && views.iter().any(|v| *v == "render::class"),
        "page.rs names the views: {views:?}"
    );
    for (module, used) in &core {
        if module == "render::page" {
            continue;
        }
        assert!(
            !used.contains("render::page"),
            "{module} uses render::page, which only the shell and the engine may use"
        );
        let Some(own) = views
            .iter()
            .find(|v| module == **v || module.starts_with(&format!("{v}::")))
        else {
            continue;
        };
        for other in views.iter().filter(|v| *v != own) {
            assert!(
                !used.contains(*other),
                "the view {module} uses the view {other}: move what they share to render::parts"
            );
        }
    }
}

#[test]
fn the_domain_never_uses_the_views() {
    let core = core_graph();
    // The catalogue as people and programs read it: HTML, its drawing, spreadsheets, and the
    // open data's files (`open_data`, once it lands beside `sheet`).
    let views = ["render", "markup", "sheet", "path_layout", "open_data"];
    let is_view = |m: &str| {
        views
            .iter()
            .any(|v| m == *v || m.starts_with(&format!("{v}::")))
    };
    for (module, used) in &core {
        if module.is_empty() || is_view(module) {
            continue;
        }
        let reached: Vec<&String> = used.iter().filter(|u| is_view(u)).collect();
        assert!(
            reached.is_empty(),
            "the domain's {module} uses the views: {reached:?}"
        );
    }
}

/// Every JavaScript module of the tree (`web/`, `scripts/`, `tests/`), with what it imports
/// by a relative path (`from './contract.mjs'`, `import('../e2e/server.mjs')`), resolved.
fn javascript_graph() -> Graph {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                if !path.ends_with("node_modules") {
                    walk(&path, out);
                }
            } else if path.extension().is_some_and(|e| e == "js" || e == "mjs") {
                out.push(path);
            }
        }
    }
    let root = fs::canonicalize(workspace()).expect("the workspace");
    let mut files = Vec::new();
    for dir in ["web", "scripts", "tests"] {
        walk(&root.join(dir), &mut files);
    }
    let name = |path: &Path| {
        path.strip_prefix(&root)
            .map_or_else(|_| path.display().to_string(), |p| p.display().to_string())
    };
    let mut graph = Graph::new();
    for file in &files {
        let text = fs::read_to_string(file).expect("a script");
        let edges = graph.entry(name(file)).or_default();
        for quote in ['\'', '"'] {
            for opening in ["from ", "import("] {
                for piece in text.split(&format!("{opening}{quote}")).skip(1) {
                    let target = piece.split(quote).next().unwrap_or_default();
                    if target.starts_with('.') {
                        let path = file.parent().expect("a folder").join(target);
                        let path = fs::canonicalize(&path).unwrap_or(path);
                        edges.insert(name(&path));
                    }
                }
            }
        }
    }
    graph
}

#[test]
fn no_javascript_module_has_an_import_circle() {
    let graph = javascript_graph();
    assert!(
        graph["scripts/postbuild.mjs"].contains("scripts/contract.mjs")
            && graph["tests/e2e/app.mjs"].contains("tests/e2e/browser.mjs"),
        "the imports are read: {graph:?}"
    );
    if let Some(found) = circle(&graph) {
        panic!("an import circle among the scripts: {found}");
    }
}
