//! The benchmark's synthetic catalogue (`class_spec_data::synthetic`), built from the real data.
//! Here, not in the module's own tests: those loaded the data through `crate::load_dir`, and
//! `load` uses `synthetic`, an import circle (`crates/core/tests/no_import_circle.rs`).

use std::path::Path;

use class_spec_data::load_dir;
use class_spec_data::synthetic::{synthetic, SERIES_SIZE, TALL_LADDER};

#[test]
fn the_synthetic_catalogue_has_the_size_asked_and_a_series_of_its_own_classes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
    let real = load_dir(&root).expect("the data passes").catalogue;
    let big = synthetic(&real, 300);
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
    assert_eq!(tall.ladder.len(), TALL_LADDER);
    let mut distinct = tall.ladder.to_vec();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(distinct.len(), TALL_LADDER, "a class per level");
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
    let real = load_dir(&root).expect("the data passes").catalogue;
    let big = synthetic(&real, 2000);
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
        (2000 - real.classes.len() - TALL_LADDER).div_ceil(SERIES_SIZE)
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
    let real = load_dir(&root).expect("the data passes").catalogue;
    let big = synthetic(&real, 300);
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
    let real = load_dir(&root).expect("the data passes").catalogue;
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

    let big = synthetic(&real, 2000);
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
