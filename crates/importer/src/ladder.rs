//! Placing an imported class on its series' ladder: a new series file, or the ladder of an
//! existing one extended in the order of the level numbers in the class titles. A place the
//! titles do not make certain is written as a proposal (`[[proposed]]`), which the build warns
//! about until a person confirms it.

use std::fmt::Write as _;

use crate::render::quote;

/// The level number a class title ends with: `Example Widget Inspector 2` gives 2.
pub fn level_number(title: &str) -> Option<u32> {
    let last = title.split_whitespace().last()?;
    if last.bytes().all(|b| b.is_ascii_digit()) {
        last.parse().ok()
    } else {
        None
    }
}

/// Where a class goes on a ladder, and why the place is only proposed when it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    /// The index the class takes in the ladder (lowest level first).
    pub index: usize,
    /// `Some(why)` when the titles do not make the place certain.
    pub proposed: Option<String>,
}

/// Places a class titled `title` among `rungs` (code and title, lowest first): before the
/// first class with a higher level number, else at the top. Certain only when every title
/// has a level number and no other class has the same one.
pub fn place(rungs: &[(String, String)], title: &str) -> Placement {
    let Some(number) = level_number(title) else {
        return Placement {
            index: rungs.len(),
            proposed: Some(
                "its title has no level number, so it was placed after the last level".into(),
            ),
        };
    };
    let numbers: Vec<Option<u32>> = rungs.iter().map(|(_, t)| level_number(t)).collect();
    let index = numbers
        .iter()
        .position(|n| n.is_some_and(|n| n > number))
        .unwrap_or(rungs.len());
    let proposed = if let Some((code, _)) = rungs
        .iter()
        .zip(&numbers)
        .find_map(|(r, n)| n.is_none().then_some(r))
    {
        Some(format!(
            "class {code} of the ladder has no level number in its title, so this class's place beside it is a guess"
        ))
    } else if let Some(((code, _), _)) = rungs
        .iter()
        .zip(&numbers)
        .find(|(_, n)| **n == Some(number))
    {
        Some(format!("class {code} has the same level number"))
    } else {
        None
    };
    Placement { index, proposed }
}

/// The file of a new series holding its first class.
pub fn new_series_file(id: &str, title: &str, order: u32, code: &str) -> String {
    format!(
        "# The {title} series, lowest level first. Created by class-spec-import; later imports\n\
         # with --series {id} extend the ladder.\nid = {}\ntitle = {}\norder = {order}\nladder = [{}]\n",
        quote(id),
        quote(title),
        quote(code),
    )
}

/// A series file with its ladder written anew (`ladder_span`: from its first code to its last,
/// [`class_spec_data::ParsedSeries::ladder_span`]); the rest of the file is kept as it was.
pub fn with_ladder(text: &str, ladder_span: std::ops::Range<usize>, ladder: &[String]) -> String {
    let codes: Vec<String> = ladder.iter().map(|c| quote(c)).collect();
    format!(
        "{}{}{}",
        &text[..ladder_span.start],
        codes.join(", "),
        &text[ladder_span.end..]
    )
}

/// A series file with a proposed place added at its end.
pub fn with_proposal(text: &str, code: &str, why: &str) -> String {
    let mut out = text.to_owned();
    if !out.ends_with('\n') {
        out.push('\n');
    }
    let _ = write!(
        out,
        "\n# Proposed by class-spec-import: confirm the place of {code} on the ladder by deleting this entry.\n[[proposed]]\ncode = {}\nwhy = {}\n",
        quote(code),
        quote(why)
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rungs(titles: &[&str]) -> Vec<(String, String)> {
        titles
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("99{i}"), (*t).to_owned()))
            .collect()
    }

    #[test]
    fn reads_the_level_number_at_the_end_of_a_title() {
        assert_eq!(level_number("Example Widget Inspector 2"), Some(2));
        assert_eq!(level_number("Customer Service Specialist 14"), Some(14));
        assert_eq!(level_number("Example Widget Supervisor"), None);
        assert_eq!(level_number("Example 3D Modeller"), None);
    }

    #[test]
    fn places_by_level_number_in_either_import_order() {
        let ladder = rungs(&["Example Widget Inspector 1", "Example Widget Inspector 3"]);
        assert_eq!(
            place(&ladder, "Example Widget Inspector 2"),
            Placement {
                index: 1,
                proposed: None
            }
        );
        assert_eq!(place(&ladder, "Example Widget Inspector 4").index, 2);
        let high_first = rungs(&["Example Widget Inspector 2"]);
        assert_eq!(
            place(&high_first, "Example Widget Inspector 1"),
            Placement {
                index: 0,
                proposed: None
            }
        );
    }

    #[test]
    fn a_place_the_titles_do_not_make_certain_is_proposed() {
        let ladder = rungs(&["Example Widget Inspector 1", "Example Widget Inspector 2"]);
        let supervisor = place(&ladder, "Example Widget Supervisor");
        assert_eq!(supervisor.index, 2);
        assert!(supervisor.proposed.unwrap().contains("no level number"));
        let beside = rungs(&["Example Widget Inspector 1", "Example Widget Supervisor"]);
        let two = place(&beside, "Example Widget Inspector 2");
        assert!(two.proposed.unwrap().contains("991"));
        let same = place(&ladder, "Example Widget Inspector 2");
        assert!(same.proposed.unwrap().contains("same level number"));
    }

    #[test]
    fn a_ladder_is_written_anew_and_the_rest_of_the_file_kept() {
        let text = "id = \"x\" # the id\nladder = [\"991\",\n  \"992\"] # ladder\n";
        let start = text.find("\"991\"").unwrap();
        let end = text.find("\"992\"").unwrap() + 5;
        assert_eq!(
            with_ladder(
                text,
                start..end,
                &["990".into(), "991".into(), "992".into()]
            ),
            "id = \"x\" # the id\nladder = [\"990\", \"991\", \"992\"] # ladder\n"
        );
    }
}
