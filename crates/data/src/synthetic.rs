//! A synthetic catalogue for the benchmark's load case: the real classes copied over and over
//! (codes `S0000`, `S0001`, …, titles marked "(synthetic N)"), with the series keeping its shape.
//! Never shipped: a build bakes it only when `CSE_SYNTHETIC_CLASSES` is set (`load_for_build`),
//! which `scripts/bench` does for a build of its own. It also holds a series of
//! [`TALL_LADDER`] levels made of copies of the home series' classes, so that views drawn per
//! level (the levels view) are measured on a tall ladder.

use std::borrow::Cow;

use class_spec_core::{Catalogue, ClassSpec, Series};

/// How many levels the synthetic catalogue's tall series has.
pub const TALL_LADDER: usize = 12;

/// `classes` classes made from the real catalogue; `S0000`… copy the real classes in order, so
/// the first copies of the series' classes stand in its ladder.
pub fn synthetic(real: &Catalogue, classes: usize) -> Catalogue {
    let made: Vec<ClassSpec> = (0..classes)
        .map(|i| {
            let mut class = real.classes[i % real.classes.len()].clone();
            class.code = Cow::Owned(format!("S{i:04}"));
            class.title = Cow::Owned(format!("{} (synthetic {i})", class.title));
            class
        })
        .collect();
    // The series keeps its shape: its ladder and neighbour are the first synthetic copies of them.
    let series = real
        .series
        .iter()
        .map(|series| {
            let copy_of = |code: &str| {
                let at = real
                    .classes
                    .iter()
                    .position(|c| c.code == code)
                    .unwrap_or(0);
                Cow::Owned(format!("S{at:04}"))
            };
            let mut series = series.clone();
            series.ladder = Cow::Owned(series.ladder.iter().map(|c| copy_of(c)).collect());
            series.related = Cow::Owned(
                series
                    .related
                    .iter()
                    .map(|r| {
                        let mut r = r.clone();
                        r.code = copy_of(&r.code);
                        r
                    })
                    .collect(),
            );
            series
        })
        .collect::<Vec<_>>();
    let mut series = series;
    // The tall series: level i is a copy of the home ladder's class i mod its height, the
    // (i / height + 1)th copy of it, so every level is a class of its own.
    if let Some(home) = real.series.first().filter(|s| !s.ladder.is_empty()) {
        let at = |code: &str| real.classes.iter().position(|c| c.code == code);
        let ladder: Option<Vec<_>> = (0..TALL_LADDER)
            .map(|i| {
                let copy = at(&home.ladder[i % home.ladder.len()])?
                    + real.classes.len() * (i / home.ladder.len());
                (copy < classes).then(|| Cow::Owned(format!("S{copy:04}")))
            })
            .collect();
        if let Some(ladder) = ladder {
            series.push(Series {
                id: Cow::Borrowed("synthetic-tall"),
                title: Cow::Owned(format!("{} ({TALL_LADDER} levels, synthetic)", home.title)),
                ladder: Cow::Owned(ladder),
                related: Cow::Borrowed(&[]),
            });
        }
    }
    Catalogue {
        series: Cow::Owned(series),
        classes: Cow::Owned(made),
        checked: real.checked,
    }
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
        let tall = big.series.last().expect("the tall series");
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

    #[test]
    fn a_big_catalogues_picker_lists_the_series_and_the_picks_and_takes_the_rest_by_code() {
        use class_spec_core::render::page;
        use class_spec_core::Route;
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
        let real = crate::load_dir(&root).expect("the data passes").catalogue;
        let checkboxes = |html: &str| html.matches("type=\"checkbox\"").count();
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
        assert!(!small.contains("picker-codes"));

        let big = super::synthetic(&real, 2000);
        let html = picker(&big, "classes=S0002,S1500");
        let listed: usize = big
            .classes
            .iter()
            .filter(|c| big.in_series(&c.code) || c.code == "S1500")
            .map(|c| c.versions.len())
            .sum();
        assert_eq!(checkboxes(&html), listed, "the series and the picks");
        assert!(
            html.contains("value=\"S1500\" checked"),
            "a pick outside the series stays listed, checked"
        );
        let unlisted = big.classes.len()
            - big
                .classes
                .iter()
                .filter(|c| html.contains(&format!("value=\"{}\"", c.code)))
                .count();
        assert!(
            html.contains(&format!("{unlisted} more classes are not listed")),
            "says how many are not listed"
        );
        assert!(
            html.contains("id=\"picker-codes\" name=\"classes\""),
            "the by-code field sends picks like the boxes"
        );
        assert!(
            html.len() < 60_000,
            "the view stays small: {} bytes",
            html.len()
        );
    }
}
