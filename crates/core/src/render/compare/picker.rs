//! The compare view's picker: a plain form of checkboxes (`GET /compare?classes=…`), one per
//! class version, grouped by series, with a field for codes in a big catalogue, its status
//! line and its button. The shell's handlers count what is chosen with `picker_status` and
//! `picker_problem`, the same words the page was written with.

use crate::compare::{MAX_COLUMNS, MIN_COLUMNS, PICKER_LISTS_UP_TO};
use crate::contract::{PICKER_FIELD, PICKER_FORM_ID, PICKER_STATUS_ID};
use crate::markup::Markup;
use crate::model::{Catalogue, ClassSpec, Series};
use crate::render::parts::marked;
use crate::route::{Pick, Route};

/// The picker's checkboxes: every class version, the picked ones checked, in one group per
/// series (a `fieldset` named by the series; the home series first, then in the series' order,
/// each ladder lowest level first). A plain form (`GET /compare?classes=…`), so it works by
/// keyboard and touch with native controls, and a comparison may take classes of any series.
/// In a catalogue of more than [`PICKER_LISTS_UP_TO`] classes, the groups hold the home series'
/// classes (ladder and neighbours) and the series of each picked class, and a text field named
/// like the checkboxes takes any other class by code (the address reads both alike).
fn compare_picker(catalogue: &Catalogue, picked: &[Pick]) -> String {
    let groups = picker_groups(catalogue, picked);
    let mut m = Markup::new();
    m.el("fieldset", &[], |m| {
        m.leaf("legend", &[], "Classes and versions");
        for (series, classes) in &groups {
            m.el("fieldset", &[("class", "picker__series")], |m| {
                m.leaf("legend", &[], &format!("{} series", series.title));
                m.el("ul", &[("class", "picker__list")], |m| {
                    for class in classes {
                        picker_options(m, class, picked);
                    }
                });
            });
        }
        let listed: usize = groups.iter().map(|(_, classes)| classes.len()).sum();
        let unlisted = catalogue.class_count().saturating_sub(listed);
        if unlisted > 0 {
            picker_codes_field(m, unlisted);
        }
    });
    m.finish()
}

/// The series the picker lists, each with the classes it lists (see [`compare_picker`]).
pub(super) fn picker_groups<'a>(
    catalogue: &'a Catalogue,
    picked: &[Pick],
) -> Vec<(&'a Series, Vec<&'a ClassSpec>)> {
    let listed_all = catalogue.class_count() <= PICKER_LISTS_UP_TO;
    let is_picked = |code: &str| picked.iter().any(|p| p.code.eq_ignore_ascii_case(code));
    let home = catalogue.home_series();
    let beside_home = |code: &str| {
        home.is_some_and(|s| {
            s.ladder.iter().any(|c| c == code) || s.related.iter().any(|r| r.code == code)
        })
    };
    catalogue
        .classes_by_series()
        .into_iter()
        .filter_map(|(series, classes)| {
            let picked_here = classes.iter().any(|c| is_picked(&c.code));
            let shown: Vec<&ClassSpec> = classes
                .into_iter()
                .filter(|c| listed_all || picked_here || beside_home(&c.code))
                .collect();
            (!shown.is_empty()).then_some((series, shown))
        })
        .collect()
}

/// One checkbox per version of `class`, checked when picked.
fn picker_options(m: &mut Markup, class: &ClassSpec, picked: &[Pick]) {
    for (i, v) in class.versions.iter().enumerate() {
        let pick = Pick::new(class.code.as_ref(), (i > 0).then_some(v.id.as_ref()));
        let token = pick.token();
        let checked = picked.iter().any(|p| {
            p.code.eq_ignore_ascii_case(&pick.code)
                && p.version
                    .as_deref()
                    .unwrap_or(class.versions[0].id.as_ref())
                    == v.id.as_ref()
        });
        m.el("li", &[], |m| {
            m.el("label", &[("class", "picker__option")], |m| {
                m.void_with(
                    "input",
                    &[
                        ("type", "checkbox"),
                        ("name", PICKER_FIELD),
                        ("value", &token),
                    ],
                    &[("checked", checked.then_some(""))],
                );
                let newest = if i == 0 { ", newest" } else { "" };
                // One flex item, so the words and marks wrap as one line.
                m.el("span", &[], |m| {
                    marked(
                        m,
                        &class
                            .name_marked()
                            .text(", ")
                            .then(v.label_marked())
                            .text(newest),
                    );
                });
            });
        });
    }
}

/// The field a big catalogue's picker adds for the classes it does not list, named like the
/// checkboxes. Public so that the shell's component test draws the real field, not a copy.
pub fn picker_codes_field(m: &mut Markup, unlisted: usize) {
    m.el("div", &[("class", "field picker__more")], |m| {
        m.leaf("label", &[("for", "picker-codes")], "Other classes, by code");
        m.leaf(
            "p",
            &[("class", "field__hint"), ("id", "picker-codes-hint")],
            &format!(
                "{unlisted} more classes are not listed. Type their codes, separated by commas: 102A, or 102D@2019 for one version."
            ),
        );
        m.void(
            "input",
            &[
                ("type", "text"),
                ("id", "picker-codes"),
                ("name", PICKER_FIELD),
                ("autocomplete", "off"),
                ("spellcheck", "false"),
                ("aria-describedby", "picker-codes-hint"),
            ],
        );
    });
}

/// The picker in its disclosure (open when `open`): the form, its status line and its button.
pub(super) fn picker_form(m: &mut Markup, catalogue: &Catalogue, checked: &[Pick], open: bool) {
    m.el_with(
        "details",
        &[("class", "picker")],
        &[("open", open.then_some(""))],
        |m| {
            m.leaf("summary", &[], "Choose what to compare");
            m.el(
                "form",
                &[
                    ("id", PICKER_FORM_ID),
                    ("method", "get"),
                    ("action", &Route::Compare { picks: Vec::new() }.href()),
                ],
                |m| {
                    m.rendered(&compare_picker(catalogue, checked));
                },
            );
            m.leaf(
                "p",
                &[
                    ("id", PICKER_STATUS_ID),
                    ("class", "picker__status"),
                    ("role", "status"),
                ],
                &picker_status(checked.len()),
            );
            m.leaf(
                "button",
                &[
                    ("type", "submit"),
                    ("form", PICKER_FORM_ID),
                    ("class", "button"),
                ],
                "Compare",
            );
        },
    );
}

/// The picker's status line: how many are chosen of how many allowed.
pub fn picker_status(chosen: usize) -> String {
    format!("{chosen} chosen (from {MIN_COLUMNS} to {MAX_COLUMNS}).")
}

/// Why the picker cannot submit `chosen` picks, if it cannot.
pub fn picker_problem(chosen: usize) -> Option<String> {
    (!(MIN_COLUMNS..=MAX_COLUMNS).contains(&chosen))
        .then(|| format!("Choose from {MIN_COLUMNS} to {MAX_COLUMNS}; {chosen} chosen now."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_picker_refuses_too_few_and_too_many() {
        assert!(picker_problem(1).is_some());
        assert!(picker_problem(2).is_none());
        assert!(picker_problem(4).is_none());
        assert_eq!(
            picker_problem(5).as_deref(),
            Some("Choose from 2 to 4; 5 chosen now.")
        );
    }
}
