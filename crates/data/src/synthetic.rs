//! A synthetic catalogue for the benchmark's load case: the real classes copied over and over
//! (codes `S0000`, `S0001`, …), in many series, as an agency's catalogue would be. Never shipped:
//! a build bakes it only when `CSE_SYNTHETIC_CLASSES` is set (`load_for_build`), which
//! `scripts/bench` does for a build of its own.
//!
//! Its text is what real text would cost: every copy beyond the first ones is written in made-up
//! words of the same lengths ([`crate::reword`], seeded), distinct per class, so that its bytes
//! compress as a catalogue of different classes would, not five times better as copies of the
//! same text did (BENCHMARKS.md, "A realistic synthetic catalogue"). The first copies keep the
//! real text (the benchmark's views of the home series are those of the real data), and the
//! tall series' levels share one set of made-up words, as a real series' levels share theirs
//! (its levels view follows duties up the ladder). [`tall_series`] keeps the real text: the
//! levels view's tests read the real duties on ladders of any height.
//!
//! Its shape, which the benchmark's cases rely on: the real series keep their shape, made of the
//! first copies (`S0000`… copy the real classes in order, so the home series' ladder is
//! `S0000`…`S0003`); then a series of [`TALL_LADDER`] levels made of copies of the home series'
//! classes, so that views drawn per level (the levels view) are measured on a tall ladder; then
//! every other class on the ladder of a series of [`SERIES_SIZE`] classes, each with a title.
//! The titles of the copies in made-up words end with "(synthetic N)", N the copy's number.

use std::borrow::Cow;

use class_spec_core::{Catalogue, ClassSpec, Series};

use crate::reword::{reword, reword_class};

/// The made-up words of the tall series (one set for all its levels).
const TALL_KEY: u64 = 1 << 40;

/// The made-up words of the titles of the synthetic series `n`'s classes.
fn series_key(n: usize) -> u64 {
    (1 << 41) + n as u64
}

/// How many levels the synthetic catalogue's tall series has.
pub const TALL_LADDER: usize = 12;

/// How many classes each of the other synthetic series has (the last one may have fewer).
pub const SERIES_SIZE: usize = 10;

fn code(i: usize) -> Text {
    Cow::Owned(format!("S{i:04}"))
}

type Text = Cow<'static, str>;

/// `classes` classes made from the real catalogue, every one on the ladder of a series.
pub fn synthetic(real: &Catalogue, classes: usize) -> Catalogue {
    let mut made: Vec<ClassSpec> = (0..classes)
        .map(|i| {
            let mut class = real.classes[i % real.classes.len()].clone();
            class.code = code(i);
            class.title = Cow::Owned(format!("{} (synthetic {i})", class.title));
            class
        })
        .collect();
    let first_copy = |code_of: &str| {
        code(
            real.classes
                .iter()
                .position(|c| c.code == code_of)
                .unwrap_or(0),
        )
    };
    // The real series keep their shape: ladders and neighbours are the first copies of them.
    let mut series: Vec<Series> = real
        .series
        .iter()
        .map(|series| {
            let mut series = series.clone();
            series.ladder = Cow::Owned(series.ladder.iter().map(|c| first_copy(c)).collect());
            series.related = Cow::Owned(
                series
                    .related
                    .iter()
                    .map(|r| {
                        let mut r = r.clone();
                        r.code = first_copy(&r.code);
                        r
                    })
                    .collect(),
            );
            series
        })
        .collect();
    let mut placed = vec![false; classes];
    for class in series.iter().flat_map(|s| s.ladder.iter()) {
        if let Some(i) = class[1..].parse::<usize>().ok().filter(|&i| i < classes) {
            placed[i] = true;
        }
    }
    // In made-up words: a class's title as `title_key` makes it, its text as `key` does.
    let in_other_words = |class: &mut ClassSpec, i: usize, title_key: u64, key: u64| {
        let real_title = &real.classes[i % real.classes.len()].title;
        class.title = Cow::Owned(format!("{} (synthetic {i})", reword(real_title, title_key)));
        reword_class(class, key);
    };
    if let Some(tall) = tall_ladder(real, classes) {
        for &i in &tall {
            placed[i] = true;
            made[i].series = Cow::Borrowed("synthetic-tall");
            in_other_words(&mut made[i], i, TALL_KEY, TALL_KEY);
        }
        let home = &real.series[0];
        series.push(Series {
            id: Cow::Borrowed("synthetic-tall"),
            title: Cow::Owned(format!("{} ({TALL_LADDER} levels, synthetic)", home.title)),
            ladder: Cow::Owned(tall.into_iter().map(code).collect()),
            related: Cow::Borrowed(&[]),
        });
    }
    // Every other class, in code order, on the ladder of a series of its own.
    let rest: Vec<usize> = (0..classes).filter(|&i| !placed[i]).collect();
    for (n, chunk) in rest.chunks(SERIES_SIZE).enumerate() {
        let id: Text = Cow::Owned(format!("synthetic-{:03}", n + 1));
        for &i in chunk {
            made[i].series.clone_from(&id);
            in_other_words(&mut made[i], i, series_key(n), i as u64);
        }
        series.push(Series {
            id,
            title: Cow::Owned(format!("Synthetic series {}", n + 1)),
            ladder: Cow::Owned(chunk.iter().map(|&i| code(i)).collect()),
            related: Cow::Borrowed(&[]),
        });
    }
    Catalogue {
        series: Cow::Owned(series),
        classes: Cow::Owned(made),
        checked: real.checked,
        glossary: real.glossary.clone(),
    }
}

/// The tall series' classes (indexes of copies): level `i` is a copy of the home ladder's class
/// `i` mod its height, taken from the copies after the first ones (which the home series holds),
/// so every level is a class of its own. `None` when the catalogue is too small for it.
fn tall_ladder(real: &Catalogue, classes: usize) -> Option<Vec<usize>> {
    let home = real.series.first().filter(|s| !s.ladder.is_empty())?;
    let at = |code: &str| real.classes.iter().position(|c| c.code == code);
    (0..TALL_LADDER)
        .map(|i| {
            let copy = at(&home.ladder[i % home.ladder.len()])?
                + real.classes.len() * (i / home.ladder.len() + 1);
            (copy < classes).then_some(copy)
        })
        .collect()
}

/// A catalogue of one series of `levels` classes (`T01`, `T02`, …), copies of the real home
/// series' classes in turn (its ladder repeated), for ladders of any height.
///
/// # Panics
/// When `real` has no series, or its first ladder names a class it does not hold.
pub fn tall_series(real: &Catalogue, levels: usize) -> Catalogue {
    let home = real.series.first().expect("a real series");
    let classes: Vec<ClassSpec> = (0..levels)
        .map(|i| {
            let code = &home.ladder[i % home.ladder.len()];
            let mut class = real
                .classes
                .iter()
                .find(|c| c.code == *code)
                .expect("the ladder's classes exist")
                .clone();
            class.code = Cow::Owned(format!("T{:02}", i + 1));
            class.title = Cow::Owned(format!("{} (level {})", class.title, i + 1));
            class.series = Cow::Borrowed("tall");
            class
        })
        .collect();
    Catalogue {
        series: Cow::Owned(vec![Series {
            id: Cow::Borrowed("tall"),
            title: Cow::Owned(format!("A series of {levels} levels")),
            ladder: classes.iter().map(|c| c.code.clone()).collect(),
            related: Cow::Borrowed(&[]),
        }]),
        classes: Cow::Owned(classes),
        checked: real.checked,
        glossary: real.glossary.clone(),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    #[test]
    fn the_synthetic_catalogue_has_the_size_asked_and_a_series_of_its_own_classes() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
        let real = crate::load_dir(&root).expect("the data passes").catalogue;
        let big = super::synthetic(&real, 300);
        assert_eq!(big.classes.len(), 300);
        let mut codes: Vec<_> = big.classes.iter().map(|c| c.code.as_ref()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 300, "every code once");
        let tall = big
            .series
            .iter()
            .find(|s| s.id == "synthetic-tall")
            .expect("the tall series");
        assert_eq!(tall.ladder.len(), super::TALL_LADDER);
        let mut distinct = tall.ladder.to_vec();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), super::TALL_LADDER, "a class per level");
        for (series, was) in big.series.iter().zip(real.series.iter()) {
            assert_eq!(
                series.ladder.len(),
                was.ladder.len(),
                "the ladder keeps its shape"
            );
            for code in series.ladder.iter() {
                assert!(
                    big.classes.iter().any(|c| c.code == *code),
                    "{code} is in the catalogue"
                );
            }
        }
        assert_eq!(
            big.classes[3].title,
            format!("{} (synthetic 3)", real.classes[3].title)
        );
    }

    /// Mutations tried: the other classes left off any ladder (the old shape), and their
    /// `series` left as copied; each failed here.
    #[test]
    fn every_synthetic_class_is_on_one_ladder_of_a_series_with_a_title() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
        let real = crate::load_dir(&root).expect("the data passes").catalogue;
        let big = super::synthetic(&real, 2000);
        let mut on_ladders = 0;
        for class in big.classes.iter() {
            let holding: Vec<_> = big
                .series
                .iter()
                .filter(|s| s.ladder.contains(&class.code))
                .collect();
            assert_eq!(holding.len(), 1, "{} on one ladder", class.code);
            assert_eq!(holding[0].id, class.series, "{} in its series", class.code);
            on_ladders += 1;
        }
        assert_eq!(on_ladders, 2000);
        let others = big.series.len() - real.series.len() - 1;
        assert_eq!(
            others,
            (2000 - real.classes.len() - super::TALL_LADDER).div_ceil(super::SERIES_SIZE)
        );
        assert!(big.series.iter().all(|s| !s.title.is_empty()));
        assert_eq!(
            big.series[0].ladder.to_vec(),
            ["S0000", "S0001", "S0002", "S0003"],
            "the home series keeps its shape"
        );
        assert_eq!(big.series[2].id, "synthetic-tall");
    }

    /// Mutations seen failing: the copies' text left as copied (`reword_class` not called), and
    /// every copy in the same made-up words (one key for all).
    #[test]
    fn the_copies_are_in_words_of_their_own_at_the_real_text_s_length() {
        use class_spec_core::SectionContent;
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
        let real = crate::load_dir(&root).expect("the data passes").catalogue;
        let big = super::synthetic(&real, 300);
        let official = |class: &class_spec_core::ClassSpec| -> Vec<String> {
            class
                .versions
                .iter()
                .flat_map(|v| v.sections.iter())
                .filter_map(|s| match &s.content {
                    SectionContent::Official(text) => Some(text.to_string()),
                    _ => None,
                })
                .collect()
        };
        let words = |texts: &[String]| -> std::collections::BTreeSet<String> {
            texts
                .iter()
                .flat_map(|t| t.split(|c: char| !c.is_ascii_alphabetic()))
                .filter(|w| w.len() > 4)
                .map(str::to_ascii_lowercase)
                .collect()
        };
        let n = real.classes.len();
        assert_eq!(
            official(&big.classes[0]),
            official(&real.classes[0]),
            "the first copies are real"
        );
        // Two copies of the same real class in ordinary series: same lengths, other words.
        let (a, b) = (&big.classes[100], &big.classes[100 + n]);
        let (ta, tb, tr) = (official(a), official(b), official(&real.classes[100 % n]));
        assert!(!tr.is_empty(), "the class copied has official text");
        let lengths = |t: &[String]| t.iter().map(String::len).collect::<Vec<_>>();
        assert_eq!(lengths(&ta), lengths(&tr), "at the real text's length");
        assert_eq!(lengths(&tb), lengths(&tr));
        let (wa, wb, wr) = (words(&ta), words(&tb), words(&tr));
        let shared = |x: &std::collections::BTreeSet<String>,
                      y: &std::collections::BTreeSet<String>| {
            x.intersection(y).count() * 100 / x.len().max(1)
        };
        assert!(
            shared(&wa, &wr) < 20,
            "not the real words: {}% shared",
            shared(&wa, &wr)
        );
        assert!(
            shared(&wa, &wb) < 40,
            "words of its own: {}% shared",
            shared(&wa, &wb)
        );
        assert!(a.title.ends_with("(synthetic 100)"), "{}", a.title);
    }

    #[test]
    fn a_big_catalogues_picker_lists_the_series_and_the_picks_and_takes_the_rest_by_code() {
        use class_spec_core::render::page;
        use class_spec_core::Route;
        use class_spec_test_html::{parse, Select};
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
        let real = crate::load_dir(&root).expect("the data passes").catalogue;
        let checkboxes = |html: &str| parse(html).count("input[type=checkbox]");
        let versions = |c: &class_spec_core::Catalogue| {
            c.classes
                .iter()
                .map(|class| class.versions.len())
                .sum::<usize>()
        };
        let picker =
            |catalogue, query: &str| page(catalogue, Route::parse("/compare", query).as_ref()).html;

        let small = picker(&real, "");
        assert_eq!(
            checkboxes(&small),
            versions(&real),
            "a small catalogue lists every version"
        );
        assert!(!parse(&small).has("#picker-codes"));

        let big = super::synthetic(&real, 2000);
        let html = picker(&big, "classes=S0002,S1500");
        // The home series' ladder and neighbour, and the series of S1500 (S0002 is in the home
        // series), each in a group of its own.
        let picked_series = big.class("S1500").unwrap().series.clone();
        let home = &big.series[0];
        let listed: usize = big
            .classes
            .iter()
            .filter(|c| {
                home.ladder.contains(&c.code)
                    || home.related.iter().any(|r| r.code == c.code)
                    || c.series == picked_series
            })
            .map(|c| c.versions.len())
            .sum();
        assert_eq!(checkboxes(&html), listed, "the series and the picks");
        let doc = parse(&html);
        assert_eq!(
            doc.count("fieldset.picker__series"),
            3,
            "the home series, the manager series beside it, and the series of S1500"
        );
        assert!(
            doc.has("input[type=checkbox][value=S1500][checked]"),
            "a pick outside the series stays listed, checked"
        );
        let values = doc.attrs("input[type=checkbox]", "value");
        let unlisted = big
            .classes
            .iter()
            .filter(|c| !values.iter().any(|v| v == c.code.as_ref()))
            .count();
        let said = class_spec_test_html::text(doc.root_element());
        assert!(
            said.contains(&format!("{unlisted} more classes are not listed")),
            "says how many are not listed"
        );
        assert_eq!(
            doc.attrs("#picker-codes", "name"),
            ["classes"],
            "the by-code field sends picks like the boxes"
        );
        assert!(
            html.len() < 60_000,
            "the view stays small: {} bytes",
            html.len()
        );
    }
}
