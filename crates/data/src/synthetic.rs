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
        whole: None,
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
        whole: None,
    }
}
