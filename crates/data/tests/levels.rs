//! The levels view on the real data and on synthetic ladders of 1 to 12 levels: it claims only
//! what each level's own words support.

mod common;

use class_spec_core::levels::{Levels, ListState, Register};
use class_spec_core::render::levels_page;
use class_spec_core::{Catalogue, SectionKind};
use class_spec_data::tall_series;
use class_spec_test_html::{parse, text, Select};
use common::catalogue;

/// Every words a duty's data gives it, at one level: its official paragraphs and our words.
fn level_words(catalogue: &Catalogue, code: &str) -> Vec<String> {
    let class = catalogue.class(code).unwrap();
    let section = class
        .newest()
        .unwrap()
        .section(SectionKind::TypicalWork)
        .unwrap();
    let mut out: Vec<String> = section
        .official_paragraphs()
        .unwrap_or_default()
        .into_iter()
        .map(str::to_owned)
        .collect();
    out.extend(
        section
            .our_words()
            .unwrap_or_default()
            .iter()
            .map(ToString::to_string),
    );
    out
}

/// The issue's finding: duties were credited to levels whose data does not have them ("Guides
/// or directs lower-level staff…" listed at CSS 2, CSS 4's words shown at CSS 3). Now every
/// duty the view shows at a level is words that level's own data holds, for the real data and
/// ladders of 1 to 12 levels. (Mutation tried: showing a thread's top wording for every level
/// it is listed at, as before, fails on CSS 2.)
#[test]
fn every_duty_listed_at_a_level_is_found_in_that_levels_data() {
    let real = catalogue();
    let mut checked = 0;
    for c in (1..=12)
        .map(|h| tall_series(&real, h))
        .chain([real.clone()])
    {
        for series in c.series.iter() {
            let html = levels_page(&c, Some(&series.id), false).unwrap().html;
            let doc = parse(&html);
            for duty in doc.all(".levels-duties .duty-group__duty") {
                let said = text(duty);
                let codes = duty.value().attr("data-levels").unwrap();
                for code in codes.split(' ') {
                    assert!(
                        level_words(&c, code).contains(&said),
                        "{code} does not hold {said:?}"
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 100, "{checked}");
}

/// No heading claims a duty is new, only or no longer at a level; every group names every cut-off
/// or missing list it is not listed at, and the whole lists where nothing matched it. (Mutation
/// tried: caveats naming only the neighbouring levels, as before, fails "CSS 4's duties".)
#[test]
fn no_claim_a_cut_off_list_could_contradict() {
    let c = catalogue();
    let css = c.series.iter().find(|s| s.id == "css").unwrap();
    let levels = Levels::of(&c, css);
    assert_eq!(levels.register, Register::OurWords);
    assert_eq!(
        levels.lists,
        [
            ListState::Partial,
            ListState::Partial,
            ListState::Partial,
            ListState::Complete
        ]
    );
    for group in &levels.groups {
        let heading = levels.heading(group);
        for claim in ["New", "new at", "Only", "only at", "no longer", "No longer"] {
            assert!(!heading.contains(claim), "{heading}");
        }
        for level in 0..levels.levels.len() {
            let listed = group.listed.contains(&level);
            let unknown = group.unknown.iter().any(|&(l, _)| l == level);
            let unmatched = group.unmatched.contains(&level);
            assert_eq!(
                [listed, unknown, unmatched].iter().filter(|b| **b).count(),
                1,
                "{heading}: level {level} is listed, cut off or whole-and-unmatched"
            );
            assert_eq!(
                unknown,
                !listed && levels.lists[level] != ListState::Complete
            );
        }
    }
    let html = levels_page(&c, None, false).unwrap().html;
    let doc = parse(&html);
    // CSS 4's duties are listed at CSS 4; CSS 1's, 2's and 3's lists are all named as cut off.
    let top = doc
        .all(".duty-group")
        .into_iter()
        .find(|g| text(g.one("h3")) == "Listed at CSS 4")
        .expect("a group of CSS 4's duties");
    assert_eq!(
        top.texts(".duty-group__caveat"),
        ["CSS 1's, CSS 2's and CSS 3's duty lists are cut off in our copy (only their first duties are held): these duties may be there too."]
    );
    // Official text preferred: CSS 4's duties are shown in its official words.
    assert!(top
        .texts(".duty-group__duty--official")
        .contains(&"Performs other duties as required.".to_owned()));
    // The words at CSS 2 and CSS 3 of the thread the issue named are each level's own.
    let guides = doc
        .all(".duty-group__words > li")
        .into_iter()
        .find(|li| text(*li).contains("Guides or directs lower-level staff"))
        .map(|li| li.texts(".duty-group__duty"))
        .unwrap_or_default();
    assert!(guides.iter().all(|g| !g.is_empty()));
    // The older version that holds CSS 1's duties whole in official text is named, not mixed in.
    let older = doc.texts(".levels-duties__older");
    assert_eq!(older.len(), 1, "{older:?}");
    assert!(
        older[0].starts_with("Customer Service Specialist 1's duties are held only in part"),
        "{older:?}"
    );
}

/// A series with no official text (the manager's) reads in our words; a level with no duties
/// in the data ends no thread and is named in every group as a list that cannot tell.
#[test]
fn a_series_without_official_text_and_a_level_without_duties_read_sensibly() {
    let c = catalogue();
    let csm = Levels::of(&c, c.series.iter().find(|s| s.id == "csm").unwrap());
    assert_eq!(csm.register, Register::OurWords);
    for group in &csm.groups {
        assert_eq!(
            csm.heading(group),
            "Listed at every level",
            "one level: every duty is at it"
        );
        assert!(csm.caveats(group).is_empty());
    }
    let mut gap = c.clone();
    let css2 = gap
        .classes
        .to_mut()
        .iter_mut()
        .find(|k| k.code == "102B")
        .unwrap();
    let section = css2.versions.to_mut()[0]
        .sections
        .to_mut()
        .iter_mut()
        .find(|s| s.kind == SectionKind::TypicalWork)
        .unwrap();
    section.content = class_spec_core::SectionContent::NotInData;
    section.alongside = None;
    let css = gap.series.iter().find(|s| s.id == "css").unwrap();
    let levels = Levels::of(&gap, css);
    assert_eq!(levels.lists[1], ListState::Missing);
    for group in &levels.groups {
        assert!(!group.listed.contains(&1));
        assert!(group.unknown.contains(&(1, ListState::Missing)));
        assert!(
            levels
                .caveats(group)
                .iter()
                .any(|c| c.starts_with("CSS 2's duties are not in our copy")),
            "{:?}",
            levels.caveats(group)
        );
    }
    let html = levels_page(&gap, None, false).unwrap().html;
    assert!(parse(&html).count(".duty-group") > 0);
}
