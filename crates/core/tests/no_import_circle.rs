//! The core's modules depend on each other one way only: no module reaches back, through any
//! chain of `crate::` paths, to a module that uses it. A circle makes two modules one room that
//! cannot be read (or tested, or split) apart.
//!
//! Mutation tried: `use crate::compare::MAX_COLUMNS;` back in `route.rs` (the circle issue 25
//! found: `route` -> `compare` -> `route`) fails this test, naming the circle.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("the core's sources can be read") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module a file belongs to, one level into `render/` and `compare/` (whose files are
/// modules of their own), else the top-level module: `render::class`, `compare`, `route`.
fn module_of(relative: &Path) -> String {
    let parts: Vec<String> = relative
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .filter(|p| p != "mod")
        .collect();
    granular(&parts)
}

fn granular(parts: &[String]) -> String {
    match parts {
        [first, second, ..] if first == "render" => format!("render::{second}"),
        [first, ..] => first.clone(),
        [] => String::new(),
    }
}

/// The modules a file's code names as `crate::a::b` (comments left out, `use` groups
/// included: `use crate::{a, b::c}`).
fn uses(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or_default();
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                let inner = group.split('}').next().unwrap_or_default();
                for item in inner.split(',') {
                    let path: Vec<String> = item
                        .trim()
                        .split("::")
                        .map(|s| s.trim_matches(|c: char| !c.is_alphanumeric() && c != '_'))
                        .map(str::to_owned)
                        .collect();
                    found.insert(granular(&path));
                }
            } else {
                let path: Vec<String> = rest
                    .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                    .next()
                    .unwrap_or_default()
                    .split("::")
                    .map(str::to_owned)
                    .collect();
                found.insert(granular(&path));
            }
        }
    }
    found
}

#[test]
fn the_cores_modules_form_no_circle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let relative = file.strip_prefix(&root).expect("under src");
        let module = module_of(relative);
        // `super::x` in `render/class.rs` is `crate::render::x`: read it so.
        let mut parent: Vec<String> = relative
            .parent()
            .into_iter()
            .flat_map(Path::components)
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if relative.file_name().is_some_and(|n| n == "mod.rs") {
            parent.pop();
        }
        let prefix = if parent.is_empty() {
            "crate::".to_owned()
        } else {
            format!("crate::{}::", parent.join("::"))
        };
        let text = fs::read_to_string(file)
            .expect("a source file")
            .replace("super::", &prefix);
        let edges = graph.entry(module.clone()).or_default();
        for used in uses(&text) {
            // A module's own parts, or the parent `render` module's items, are not an edge
            // between rooms (`render::class` using `render::parts` is).
            if used != module && !used.is_empty() && !module.starts_with(&format!("{used}::")) {
                edges.insert(used);
            }
        }
    }
    assert!(
        graph.len() > 20,
        "the walk found the core's modules: {graph:?}"
    );
    assert!(
        graph["route"].contains("model") && graph["compare"].contains("route"),
        "the reader sees real edges: {graph:?}"
    );
    for start in graph.keys() {
        // Depth-first from each module, carrying the chain, stopping at the first return.
        let mut stack = vec![vec![start.clone()]];
        let mut seen = BTreeSet::new();
        while let Some(chain) = stack.pop() {
            let last = chain.last().expect("a chain is never empty");
            for next in graph.get(last).into_iter().flatten() {
                assert!(
                    next != start,
                    "an import circle: {} -> {start}",
                    chain.join(" -> ")
                );
                if seen.insert(next.clone()) {
                    let mut longer = chain.clone();
                    longer.push(next.clone());
                    stack.push(longer);
                }
            }
        }
    }
}
