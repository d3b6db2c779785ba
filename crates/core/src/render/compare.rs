//! The compare view's content: one line per step, then a table whose rows are the deciding
//! factors and the sections, whose columns are the chosen versions, with what changes from
//! each column to the next marked.

use super::parts::{fact, link_marked, marked, older_section, summary_list};
use super::view::Page;
use crate::compare::diff::{diff_words, is_unchanged, kept_share, Change};
use crate::compare::duties::match_duties;
use crate::compare::{
    comparable, resolve, step_summary, suggestions, Column, Comparable, Factor, MAX_COLUMNS,
    MIN_COLUMNS,
};
use crate::contract::{PICKER_FIELD, PICKER_FORM_ID, PICKER_STATUS_ID};
use crate::markup::Markup;
use crate::model::{paragraphs, Catalogue, Section, SectionContent, SectionKind};
use crate::route::{Pick, Route};

/// Up to this many classes the picker lists every version of every class; a bigger catalogue
/// lists the classes of its series and what is picked, and takes the others by code.
pub const PICKER_LISTS_UP_TO: usize = 40;

/// The picker's checkboxes: every class version, the picked ones checked. A plain form
/// (`GET /compare?classes=…`), so it works by keyboard and touch with native controls. In a
/// catalogue of more than [`PICKER_LISTS_UP_TO`] classes, the list holds the series' classes
/// (ladder and neighbours) and the picked ones, and a text field named like the checkboxes
/// takes any other class by code (the address reads both alike).
pub fn compare_picker(catalogue: &Catalogue, picked: &[crate::route::Pick]) -> String {
    let listed_all = catalogue.classes.len() <= PICKER_LISTS_UP_TO;
    let is_picked = |code: &str| picked.iter().any(|p| p.code.eq_ignore_ascii_case(code));
    let mut m = Markup::new();
    let mut unlisted = 0;
    m.el("fieldset", &[], |m| {
        m.leaf("legend", &[], "Classes and versions");
        m.el("ul", &[("class", "picker__list")], |m| {
            for class in catalogue.classes.iter() {
                if !(listed_all || catalogue.in_series(&class.code) || is_picked(&class.code)) {
                    unlisted += 1;
                    continue;
                }
                for (i, v) in class.versions.iter().enumerate() {
                    let pick = crate::route::Pick::new(
                        class.code.as_ref(),
                        (i > 0).then_some(v.id.as_ref()),
                    );
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
        });
        if unlisted > 0 {
            picker_codes_field(m, unlisted);
        }
    });
    m.finish()
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

/// Below this share of carried-over words a section counts as rewritten, not edited.
const REWRITTEN_BELOW: f32 = 0.25;

/// Steps, legend, table and sources for two to four columns.
pub fn compare(catalogue: &Catalogue, columns: &[Column<'_>]) -> String {
    let mut m = Markup::new();
    steps(&mut m, columns);
    m.el("table", &[("class", "compare")], |m| {
        m.leaf("caption", &[], "Side by side, section by section");
        table_head(m, columns);
        m.el("tbody", &[], |m| {
            factor_rows(m, catalogue, columns);
            section_rows(m, columns);
        });
    });
    sources(&mut m, columns);
    m.finish()
}

/// The step line of each neighbouring pair, and the legend of the marks.
fn steps(m: &mut Markup, columns: &[Column<'_>]) {
    m.el(
        "section",
        &[
            ("class", "compare__steps"),
            ("aria-labelledby", "steps-heading"),
        ],
        |m| {
            m.leaf(
                "h2",
                &[("id", "steps-heading")],
                "What changes, step by step",
            );
            m.el("ul", &[], |m| {
                for pair in columns.windows(2) {
                    m.el("li", &[], |m| marked(m, &step_summary(pair[0], pair[1])));
                }
            });
            m.el("p", &[("class", "compare__legend")], |m| {
                m.text("In each column, what differs from the column before it is marked: ");
                m.leaf("ins", &[], "added words");
                m.text(", ");
                m.leaf("del", &[], "removed words");
                m.text(", and duties that are new or no longer listed.");
            });
        },
    );
}

/// The column headers: each class's title, code and version.
fn table_head(m: &mut Markup, columns: &[Column<'_>]) {
    m.el("thead", &[], |m| {
        m.el("tr", &[], |m| {
            m.leaf("th", &[("scope", "col"), ("class", "compare__corner")], "");
            for c in columns {
                m.el("th", &[("scope", "col")], |m| {
                    link_marked(
                        m,
                        &Route::class_version(c.class.code.as_ref(), c.version.id.as_ref()),
                        &c.class.title_marked(),
                    );
                    m.el("span", &[("class", "compare__version")], |m| {
                        marked(
                            m,
                            &c.class
                                .code_marked()
                                .text(" · ")
                                .then(c.version.label_marked()),
                        );
                    });
                });
            }
        });
    });
}

/// One row per deciding factor, a change marked only between two known values.
fn factor_rows(m: &mut Markup, catalogue: &Catalogue, columns: &[Column<'_>]) {
    group(m, "Deciding factors", columns.len());
    for factor in Factor::ALL {
        m.el("tr", &[], |m| {
            m.leaf("th", &[("scope", "row")], factor.label());
            let mut previous: Option<crate::model::Fact<String>> = None;
            for c in columns {
                let value = factor.of(catalogue, c.version);
                // A change only between two known values: next to a gap, the data cannot say.
                let changed = previous
                    .as_ref()
                    .and_then(|p| p.value().zip(value.value()))
                    .is_some_and(|(a, b)| a != b);
                m.el_with(
                    "td",
                    &[("data-label", &c.class.title_marked().plain())],
                    &[("class", changed.then_some("changed"))],
                    |m| {
                        fact(m, &value, |m, text, class| {
                            m.leaf("span", &[("class", class)], text);
                        });
                        if changed {
                            m.leaf("span", &[("class", "changed__mark")], " (changed)");
                        }
                        if value.value().is_none() {
                            older_factor(m, catalogue, c, factor);
                        }
                    },
                );
                previous = Some(value);
            }
        });
    }
}

/// One row per section, each cell marked against the column before.
fn section_rows(m: &mut Markup, columns: &[Column<'_>]) {
    group(m, "Sections", columns.len());
    for kind in SectionKind::ALL {
        m.el("tr", &[], |m| {
            m.leaf("th", &[("scope", "row")], kind.heading());
            for (i, c) in columns.iter().enumerate() {
                let Some(section) = c.version.section(kind) else {
                    continue;
                };
                let before = i
                    .checked_sub(1)
                    .and_then(|p| columns[p].version.section(kind));
                m.el(
                    "td",
                    &[("data-label", &c.class.title_marked().plain())],
                    |m| {
                        section_cell(m, section, before, &c.version.source_url);
                        if section.content == SectionContent::NotInData {
                            older_section(m, c.class, c.version, kind);
                        }
                    },
                );
            }
        });
    }
}

/// Where each column's text comes from, with its effective date.
fn sources(m: &mut Markup, columns: &[Column<'_>]) {
    m.el(
        "section",
        &[
            ("class", "compare__sources"),
            ("aria-labelledby", "sources-heading"),
        ],
        |m| {
            m.leaf("h2", &[("id", "sources-heading")], "Sources");
            m.el("ul", &[], |m| {
                for c in columns {
                    m.el("li", &[], |m| {
                        marked(
                            m,
                            &c.class
                                .name_marked()
                                .text(", ")
                                .then(c.version.label_marked())
                                .text(", effective "),
                        );
                        fact(m, &c.version.effective, |m, d, class| {
                            m.leaf("span", &[("class", class)], &d.to_string());
                        });
                        m.text(": ");
                        m.leaf(
                            "a",
                            &[("href", &c.version.source_url)],
                            &c.version.source_url,
                        );
                    });
                }
            });
        },
    );
}

/// A factor missing from a column's version that an older version of the class states: what
/// that version said, as its own, never as current.
fn older_factor(m: &mut Markup, catalogue: &Catalogue, c: &Column<'_>, factor: Factor) {
    let Some((older, said)) = c.class.older_statement(c.version, |v| {
        let said = factor.of(catalogue, v);
        said.value().is_some().then_some(said)
    }) else {
        return;
    };
    m.el("span", &[("class", "gap gap--older")], |m| {
        m.text(" The ");
        link_marked(
            m,
            &Route::class_version(c.class.code.as_ref(), older.id.as_ref()),
            &older.label_marked(),
        );
        m.text(" said: ");
        fact(m, &said, |m, text, class| {
            m.leaf("span", &[("class", class)], text);
        });
    });
}

fn group(m: &mut Markup, title: &str, columns: usize) {
    m.el("tr", &[("class", "compare__group")], |m| {
        m.leaf(
            "th",
            &[
                ("scope", "colgroup"),
                ("colspan", &(columns + 1).to_string()),
            ],
            title,
        );
    });
}

/// One section in one column: its provenance, and its content marked against the column before.
fn section_cell(m: &mut Markup, s: &Section, before: Option<&Section>, source_url: &str) {
    let provenance = s.content.provenance();
    m.leaf(
        "span",
        &[("class", &format!("badge badge--{}", provenance.as_str()))],
        provenance.label(),
    );
    let basis = before.map_or(Comparable::Not, |b| comparable(b, s));
    let (old, new, in_our_words) = match basis {
        Comparable::Official(old, new) => (old, new, false),
        Comparable::OurWords(old, new) => (old, new, true),
        Comparable::Not => {
            plain(m, s, source_url);
            if before.is_some()
                && !matches!(
                    s.content,
                    SectionContent::NotInData | SectionContent::NotOnPage
                )
            {
                m.leaf("p", &[("class", "compare__note")], "Not compared with the column before: one of the two is a gap, or one is official text and the other our summary.");
            }
            return;
        }
    };
    if in_our_words {
        m.leaf(
            "p",
            &[("class", "compare__note")],
            "Compared in our words (summaries of both).",
        );
    }
    if s.kind == SectionKind::TypicalWork {
        duties_compared(m, &old, &new);
        return;
    }
    let changes = diff_words(&old.join(" "), &new.join(" "));
    if kept_share(&changes) < REWRITTEN_BELOW {
        m.leaf(
            "p",
            &[("class", "compare__note")],
            "Rewritten: little of the wording carries over from the column before.",
        );
        plain(m, s, source_url);
        return;
    }
    if is_unchanged(&changes) {
        m.leaf(
            "p",
            &[("class", "compare__same")],
            "Same as the column before:",
        );
    }
    word_diff(m, &changes);
}

/// A duty list against the one before: new duties marked, duties no longer listed after it.
fn duties_compared(m: &mut Markup, old: &[&str], new: &[&str]) {
    let matched = match_duties(old, new);
    m.el("ul", &[("class", "duties duties--compared")], |m| {
        for (j, duty) in new.iter().enumerate() {
            let added = matched.added.contains(&j);
            m.el(
                "li",
                &[(
                    "class",
                    if added {
                        "duty duty--added"
                    } else {
                        "duty duty--kept"
                    },
                )],
                |m| {
                    if added {
                        m.leaf("strong", &[("class", "duty__mark")], "New: ");
                    }
                    m.text(duty);
                },
            );
        }
    });
    if !matched.dropped.is_empty() {
        m.leaf(
            "p",
            &[("class", "duties__dropped-title")],
            "No longer listed:",
        );
        m.el("ul", &[("class", "duties duties--dropped")], |m| {
            for &i in &matched.dropped {
                m.el("li", &[], |m| {
                    m.leaf("del", &[], old[i]);
                });
            }
        });
    }
}

/// Words added and removed, each announced to screen readers.
fn word_diff(m: &mut Markup, changes: &[Change]) {
    m.el("p", &[("class", "diff")], |m| {
        for change in changes {
            match change {
                Change::Same(words) => {
                    m.text(words).text(" ");
                }
                Change::Added(words) => {
                    m.el("ins", &[], |m| {
                        m.leaf("span", &[("class", "visually-hidden")], "added: ")
                            .text(words);
                    });
                    m.text(" ");
                }
                Change::Removed(words) => {
                    m.el("del", &[], |m| {
                        m.leaf("span", &[("class", "visually-hidden")], "removed: ")
                            .text(words);
                    });
                    m.text(" ");
                }
            }
        }
    });
}

/// A section shown as it is, without comparison.
fn plain(m: &mut Markup, s: &Section, source_url: &str) {
    match &s.content {
        SectionContent::Official(text) => {
            let tag = if s.kind == SectionKind::TypicalWork {
                "ul"
            } else {
                "div"
            };
            let item = if s.kind == SectionKind::TypicalWork {
                "li"
            } else {
                "p"
            };
            m.el(tag, &[("class", "official")], |m| {
                for p in paragraphs(text) {
                    m.leaf(item, &[], p);
                }
            });
        }
        SectionContent::Summary(items) => {
            summary_list(m, items);
        }
        SectionContent::NotInData => {
            m.el("p", &[("class", "gap")], |m| {
                m.text("Not in the embedded data: ");
                m.leaf("a", &[("href", source_url)], "official page");
            });
        }
        SectionContent::NotOnPage => {
            m.leaf(
                "p",
                &[("class", "gap gap--absent")],
                "No such section in this version.",
            );
        }
    }
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

/// The compare view: the comparison the address names (or why it cannot be shown), the picker
/// and the ready-made comparisons.
/// A comparison that resolves: its spreadsheet download, then the comparison.
fn resolved(m: &mut Markup, catalogue: &Catalogue, columns: &[Column<'_>], kiosk: bool) {
    let picks = columns.iter().map(Column::pick).collect();
    super::parts::csv_button(m, &Route::Compare { picks }, kiosk);
    m.el("div", &[("class", "compare-result")], |m| {
        m.rendered(&compare(catalogue, columns));
    });
}

pub(super) fn compare_page(catalogue: &Catalogue, picks: &[Pick], kiosk: bool) -> Page {
    let result = resolve(catalogue, picks);
    let title = match &result {
        Ok(columns) => format!(
            "Compare {}",
            columns
                .iter()
                .map(|c| c.class.code_marked().plain())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Err(_) => "Compare classes".to_owned(),
    };
    let checked: Vec<Pick> = match &result {
        Ok(columns) => columns.iter().map(Column::pick).collect(),
        Err(_) => picks.to_vec(),
    };
    let mut m = Markup::new();
    m.el("div", &[("class", "compare-page")], |m| {
        m.leaf("h1", &[], "Compare classes");
        m.leaf(
            "p",
            &[("class", "lede")],
            "Two to four classes side by side, or two versions of one class: the deciding factors first, then every section, with what changes from each column to the next marked.",
        );
        match &result {
            Ok(columns) => resolved(m, catalogue, columns, kiosk),
            Err(errors) if !picks.is_empty() => {
                m.el(
                    "div",
                    &[("class", "notice notice--error"), ("role", "alert")],
                    |m| {
                        m.leaf("p", &[], "This comparison cannot be shown:");
                        m.el("ul", &[], |m| {
                            for e in errors {
                                m.leaf("li", &[], &e.to_string());
                            }
                        });
                    },
                );
            }
            Err(_) => {}
        }
        m.el_with(
            "details",
            &[("class", "picker")],
            &[("open", result.is_err().then_some(""))],
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
                    m.rendered(&compare_picker(catalogue, &checked));
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
        });
        m.el(
            "nav",
            &[("class", "quick-picks"), ("aria-labelledby", "quick-heading")],
            |m| {
                m.leaf("h2", &[("id", "quick-heading")], "Ready-made comparisons");
                m.el("ul", &[], |m| {
                    for (text, route) in suggestions(catalogue) {
                        m.el("li", &[], |m| {
                            link_marked(m, &route, &text);
                        });
                    }
                });
            },
        );
    });
    Page {
        title,
        html: m.finish(),
    }
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
