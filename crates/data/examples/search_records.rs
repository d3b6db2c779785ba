//! The search benchmark's records (tests/bench/search-index.mjs): every class version's page
//! as the text a search index holds, one JSON object a line: its address, its title and its
//! sections, each with the paragraphs (official text) and points (our words) that the app's
//! own index (`class_spec_core::search`) holds. Of the real catalogue, or of the synthetic one
//! of N classes in made-up words (`class_spec_data::synthetic`, never shipped), made in this run:
//! no build of the synthetic app is needed.
//! Run: `cargo run --release -p class-spec-data --example search_records -- [N] > records.jsonl`.

use std::io::Write as _;
use std::path::Path;

use class_spec_core::contract::json_string as json;
use class_spec_core::model::{paragraphs, SectionContent};
use class_spec_core::Route;
use class_spec_data::synthetic;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
    let real = class_spec_data::load_dir(&root)
        .expect("the data passes its checks")
        .catalogue;
    let catalogue = match std::env::args().nth(1) {
        Some(n) => synthetic(&real, n.parse().expect("a number of classes")),
        None => real,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for spec in catalogue.classes.iter() {
        for (i, version) in spec.versions.iter().enumerate() {
            // The newest version (the first) at the class's own address, as the app links it.
            let route = if i == 0 {
                Route::class(spec.code.to_string())
            } else {
                Route::class_version(spec.code.to_string(), version.id.to_string())
            };
            let mut sections = Vec::new();
            for section in version.sections.iter() {
                let mut items: Vec<String> = match &section.content {
                    SectionContent::Official(text) => paragraphs(text).map(json).collect(),
                    _ => Vec::new(),
                };
                items.extend(
                    section
                        .our_words()
                        .unwrap_or_default()
                        .iter()
                        .map(|t| json(t)),
                );
                if !items.is_empty() {
                    sections.push(format!(
                        "[{},[{}]]",
                        json(section.kind.heading()),
                        items.join(",")
                    ));
                }
            }
            writeln!(
                out,
                "{{\"url\":{},\"title\":{},\"sections\":[{}]}}",
                json(&route.href()),
                json(&format!("{} ({})", spec.title, spec.code)),
                sections.join(",")
            )
            .expect("stdout");
        }
    }
}
