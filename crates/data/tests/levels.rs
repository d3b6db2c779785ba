//! The levels view's grouping on the real data and on synthetic ladders of 1 to 12 levels.

mod common;

use class_spec_core::levels::{Levels, ListState, Register, Spread};
use class_spec_core::{Catalogue, SectionKind};
use class_spec_data::tall_series;
use common::catalogue;

#[test]
fn css_4s_supervisory_duties_are_new_at_css_4_with_css_3s_cut_off_list_beside_them() {
    let catalogue = catalogue();
    let css = catalogue.series.iter().find(|s| s.id == "css").unwrap();
    let levels = Levels::of(&catalogue, css);
    assert_eq!(
        levels.register,
        Register::OurWords,
        "CSS 1 to 3 are held in our words, so CSS 4 is compared in its summary"
    );
    assert_eq!(
        levels.lists,
        vec![
            ListState::Partial,
            ListState::Partial,
            ListState::Partial,
            ListState::Complete
        ]
    );
    let top = levels.levels.len() - 1;
    let new_at_css_4 = levels
        .groups
        .iter()
        .find(|g| g.spread == Spread::Only(top))
        .expect("duties new at CSS 4");
    let supervising = new_at_css_4
        .duties
        .iter()
        .find(|t| t.wording().starts_with("Plans and directs staff work"))
        .expect("planning and directing staff is new at CSS 4");
    assert!(supervising.wording().contains("performance standards"));
    assert!(supervising.wording().contains("personnel actions"));
    assert_eq!(
        new_at_css_4.caveats,
        vec![(top - 1, ListState::Partial)],
        "CSS 3's list is cut off: a duty new at CSS 4 may be at CSS 3 too"
    );
    // Mutation tried: matching on the whole wording (the editor's "(… cut off in the captured
    // copy)" remarks kept) threads CSS 1's cut-off duty through every level, and this fails.
    assert!(
        levels.groups.iter().all(|g| g.spread != Spread::Every),
        "no duty is listed at every level in the data: {:#?}",
        levels.groups
    );
}

/// Every duty of every level is in exactly one thread at that level, and each thread's group
/// matches where it starts and ends.
fn check_grouping(catalogue: &Catalogue) {
    let series = &catalogue.series[0];
    let levels = Levels::of(catalogue, series);
    let height = levels.levels.len();
    assert_eq!(height, series.ladder.len());
    for (level, column) in levels.levels.iter().enumerate() {
        let section = column.version.section(SectionKind::TypicalWork).unwrap();
        let expected: Vec<&str> = match levels.register {
            Register::Official => section.official_paragraphs().unwrap_or_default(),
            Register::OurWords => section
                .our_words()
                .map(|w| w.iter().map(AsRef::as_ref).collect())
                .unwrap_or_default(),
        };
        let mut found: Vec<&str> = levels
            .groups
            .iter()
            .flat_map(|g| g.duties.iter())
            .flat_map(|t| t.at.iter())
            .filter(|&&(l, _)| l == level)
            .map(|&(_, text)| text)
            .collect();
        let mut expected_sorted = expected.clone();
        found.sort_unstable();
        expected_sorted.sort_unstable();
        assert_eq!(found, expected_sorted, "level {level} of {height}");
    }
    for group in &levels.groups {
        for thread in &group.duties {
            assert_eq!(
                Spread::of(thread.first(), thread.last(), height),
                group.spread
            );
            let levels_in: Vec<usize> = thread.at.iter().map(|&(l, _)| l).collect();
            let consecutive: Vec<usize> = (thread.first()..=thread.last()).collect();
            assert_eq!(levels_in, consecutive, "a thread has no holes");
        }
    }
    if height == 1 {
        assert!(levels.groups.iter().all(|g| g.spread == Spread::Every));
    }
}

#[test]
fn ladders_of_one_to_twelve_levels_group_every_duty_once() {
    let real = catalogue();
    for height in 1..=12 {
        check_grouping(&tall_series(&real, height));
    }
    check_grouping(&real);
}
