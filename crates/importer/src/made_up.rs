//! The pages of a made-up catalogue, for the benchmark and the tests: series of classes, every
//! page in the official page's format (as a person would save it), with distinct words per class
//! at the real text's length (`class_spec_data::reword`, seeded: the same pages on every run).
//! `examples/synthetic_pages.rs` writes them with a listing for `class-spec-import --listing`.
//!
//! Each page is one of the two official seed pages (`data/seeds/`, the first for odd levels, the
//! second for even ones) with every section's words exchanged, under a title of its series'
//! made-up words and its level number; level 2 and up name the level below in the standard
//! wording ("One year of experience as a …"), so the routes up each ladder are read, as on real
//! pages. Never shipped: these are not classes of the State.

use std::fmt::Write as _;
use std::path::Path;

use class_spec_core::SectionKind;
use class_spec_data::reword::reword;

use crate::{parse_page, Page};

/// One made-up page and what its `[[page]]` entry in a listing says.
#[derive(Debug, Clone)]
pub struct MadeUpPage {
    pub code: String,
    pub text: String,
    pub url: String,
    pub series: String,
    /// The series' title, on the first page of each series (which creates it).
    pub series_title: Option<String>,
}

/// `series` series of `levels` classes each, series by series, level by level.
///
/// # Panics
/// When the seed pages (`data/seeds/`) are missing or unreadable.
pub fn pages(series: usize, levels: usize) -> Vec<MadeUpPage> {
    let seeds = seeds();
    let mut out = Vec::with_capacity(series * levels);
    for s in 0..series {
        let names = SeriesNames::new(s);
        for level in 1..=levels {
            let code = code(s, level);
            out.push(MadeUpPage {
                text: page(&seeds[(level + 1) % 2], &names, s, level),
                url: format!("https://example.org/made-up-class/{code}"),
                series: names.id.clone(),
                series_title: (level == 1).then(|| names.title.clone()),
                code,
            });
        }
    }
    out
}

/// A listing of `pages` for `class-spec-import --listing`, each page's file at
/// `pages/<code>.txt` beside it.
pub fn listing(pages: &[MadeUpPage]) -> String {
    let mut out =
        String::from("# Made-up pages (class_spec_import::made_up): not classes of the State.\n");
    for page in pages {
        let _ = write!(
            out,
            "\n[[page]]\nfile = \"pages/{}.txt\"\nurl = \"{}\"\nseries = \"{}\"\n",
            page.code, page.url, page.series
        );
        if let Some(title) = &page.series_title {
            let _ = writeln!(out, "series_title = \"{title}\"");
        }
    }
    out
}

/// The two official pages the made-up ones are shaped like.
fn seeds() -> [Page; 2] {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/seeds");
    ["000_33f79bb77040159d.txt", "002_d7c8157c8607e686.txt"].map(|name| {
        let bytes = std::fs::read(dir.join(name)).expect("the seed pages");
        parse_page(&bytes).expect("a seed page reads")
    })
}

/// `G000A` … `G199J`: a letter for the level, as the real codes have (102A … 102D).
fn code(series: usize, level: usize) -> String {
    let letter = u8::try_from(level - 1)
        .ok()
        .filter(|l| *l < 26)
        .map_or('Z', |l| char::from(b'A' + l));
    format!("G{series:03}{letter}")
}

/// A series' made-up names: its id, its title (the words its classes' titles share) and its
/// category.
struct SeriesNames {
    id: String,
    title: String,
    category: String,
}

impl SeriesNames {
    fn new(series: usize) -> Self {
        let key = 1_000_000 + series as u64;
        Self {
            id: format!("g{series:03}"),
            title: reword("Customer Service Specialist", key),
            category: reword("Administrative Services", key),
        }
    }
}

/// The page of `level` in `series`: the seed's sections in other words, under its own title.
fn page(seed: &Page, names: &SeriesNames, series: usize, level: usize) -> String {
    let key = (series * 1000 + level) as u64;
    let title = format!("{} {level}", names.title);
    let mut out = format!(
        "{}\nClass Code: {}\nCategory: {}\n\n",
        title.to_uppercase(),
        code(series, level),
        names.category
    );
    for section in &seed.sections {
        let text = if section.kind == SectionKind::DesirableQualifications {
            qualifications(&section.text, names, key, level)
        } else {
            reword(&section.text, key)
        };
        let _ = write!(out, "\n{}\n\n{text}\n", section.kind.heading());
    }
    out
}

/// The seed's first route in other words; from level 2 up, a year in the level below; and the
/// equivalent, as the seeds end.
fn qualifications(seed: &str, names: &SeriesNames, key: u64, level: usize) -> String {
    let first = seed.split("\n\nOR\n\n").next().unwrap_or(seed);
    let mut text = reword(first, key);
    if level > 1 {
        let _ = write!(
            text,
            "\n\nOR\n\nOne year of experience as a {} {}.",
            names.title,
            level - 1
        );
    }
    text.push_str("\n\nOR\n\nEquivalent education/experience.");
    text
}
