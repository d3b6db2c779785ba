//! The levels view: what each level of a series asks, level by level. The deciding factors as
//! a matrix (a column per level, lowest first, then the classes beside the series; on a phone, a
//! block per level), then the duties grouped by where they appear along the ladder, each group
//! with what a cut-off list next to it could change.

use super::parts::{column_head, csv_button, fact_marked, link, marked, LEVELS_LINK_TEXT};
use super::view::Page;
use crate::compare::{Column, Factor};
use crate::levels::{Levels, ListState, Register, Thread, FACTORS};
use crate::marked::Marked;
use crate::markup::Markup;
use crate::model::{Catalogue, Provenance, SectionKind};
use crate::route::Route;

/// The levels view of `series` (`None`: the home series), or `None` when there is no such series.
pub fn levels_page(catalogue: &Catalogue, series: Option<&str>, kiosk: bool) -> Option<Page> {
    let found = catalogue.series_by_id(series)?;
    let levels = Levels::of(catalogue, found);
    let route = Route::Levels {
        series: series.map(str::to_owned),
    };
    let mut m = Markup::new();
    m.el("div", &[("class", "levels-page")], |m| {
        m.leaf("h1", &[], LEVELS_LINK_TEXT);
        m.leaf(
            "p",
            &[("class", "lede")],
            &format!(
                "The {} series, lowest level first: the deciding factors of each level, then the duties grouped by where they appear along the ladder.",
                found.title
            ),
        );
        other_series(m, catalogue, &found.id);
        csv_button(m, &route, kiosk);
        matrix(m, catalogue, &levels);
        duties(m, &levels);
    });
    Some(Page {
        title: format!("{}: each level", found.title),
        html: m.finish(),
    })
}

fn other_series(m: &mut Markup, catalogue: &Catalogue, shown: &str) {
    if catalogue.series.len() < 2 {
        return;
    }
    m.el(
        "nav",
        &[("class", "levels__series"), ("aria-label", "Other series")],
        |m| {
            m.text("Other series: ");
            let mut first = true;
            for other in catalogue.series.iter().filter(|s| s.id != shown) {
                if !first {
                    m.text(" · ");
                }
                first = false;
                link(m, &crate::levels::route_for(catalogue, other), &other.title);
            }
        },
    );
}

fn column_heading(m: &mut Markup, c: &Column<'_>) {
    column_head(m, &Route::class(c.class.code.as_ref()), c.class, c.version);
}

/// "Level 2 of 4", or "Beside the series" for the columns after the ladder.
fn step(levels: &Levels<'_>, i: usize) -> String {
    let ladder = levels.levels.len();
    if i < ladder {
        format!("Level {} of {ladder}", i + 1)
    } else {
        "Beside the series".to_owned()
    }
}

/// One factor of one column, with how it is known (one function for the table and the blocks,
/// so the generic fact printer is compiled once for this view).
fn factor_value(m: &mut Markup, catalogue: &Catalogue, factor: Factor, c: &Column<'_>) {
    fact_marked(
        m,
        &factor.shown(catalogue, c.version),
        factor.source(c.version),
    );
}

/// The deciding factors: a table for wide screens and print, a block per level for phones
/// (the same content; CSS shows one of them).
fn matrix(m: &mut Markup, catalogue: &Catalogue, levels: &Levels<'_>) {
    let columns: Vec<&Column<'_>> = levels.columns().collect();
    m.el(
        "section",
        &[("aria-labelledby", "levels-factors-heading")],
        |m| {
            m.leaf(
                "h2",
                &[("id", "levels-factors-heading")],
                "The deciding factors",
            );
            let region = [
                ("class", "levels-matrix"),
                ("role", "region"),
                ("aria-labelledby", "levels-factors-heading"),
                ("tabindex", "0"),
            ];
            m.el("div", &region, |m| {
                m.el("table", &[], |m| {
                    m.leaf(
                        "caption",
                        &[],
                        "Each level's deciding factors, lowest level first",
                    );
                    m.el("thead", &[], |m| {
                        m.el("tr", &[], |m| {
                            m.leaf("th", &[("scope", "col")], "Factor");
                            for (i, c) in columns.iter().enumerate() {
                                m.el("th", &[("scope", "col")], |m| {
                                    m.leaf("span", &[("class", "levels__step")], &step(levels, i));
                                    column_heading(m, c);
                                });
                            }
                        });
                    });
                    m.el("tbody", &[], |m| {
                        for factor in FACTORS {
                            m.el("tr", &[], |m| {
                                m.leaf("th", &[("scope", "row")], factor.label());
                                for c in &columns {
                                    m.el("td", &[], |m| factor_value(m, catalogue, factor, c));
                                }
                            });
                        }
                    });
                });
            });
            m.el("ol", &[("class", "levels-cards")], |m| {
                for (i, c) in columns.iter().enumerate() {
                    m.el("li", &[("class", "levels-card")], |m| {
                        m.leaf("p", &[("class", "levels__step")], &step(levels, i));
                        m.el("h3", &[], |m| column_heading(m, c));
                        m.el("dl", &[], |m| {
                            for factor in FACTORS {
                                m.el("div", &[], |m| {
                                    m.leaf("dt", &[], factor.label());
                                    m.el("dd", &[], |m| factor_value(m, catalogue, factor, c));
                                });
                            }
                        });
                    });
                }
            });
        },
    );
}

/// A level's name as a link to its duties.
fn level_link(m: &mut Markup, levels: &Levels<'_>, level: usize) {
    let class = levels.levels[level].class;
    let href = Route::class(class.code.as_ref()).href_at(SectionKind::TypicalWork);
    m.el("a", &[("href", &href)], |m| {
        marked(m, &class.title_marked());
    });
}

/// A duty's words as one level's data gives them (`data-levels`: the classes whose data holds
/// exactly these words).
fn words(m: &mut Markup, text: &str, official: bool, codes: &str) {
    let class = if official {
        "duty-group__duty duty-group__duty--official"
    } else {
        "duty-group__duty"
    };
    m.leaf("p", &[("class", class), ("data-levels", codes)], text);
}

/// Where the words beside it come from, when they are the official text (the view's words are
/// otherwise ours, as its opening says).
fn official_note(m: &mut Markup, official: bool) {
    if official {
        m.text(" · ");
        m.leaf("span", &[("class", "duty-group__source")], "official text");
    }
}

/// One duty followed up the ladder: its words once when every level it is listed at words it
/// alike, else each level's own words under that level's name.
fn thread(m: &mut Markup, levels: &Levels<'_>, thread: &Thread<'_>) {
    let shown: Vec<(usize, &str, bool)> = thread
        .at
        .iter()
        .map(|&(level, text)| {
            let (text, official) = levels.shown(level, text);
            (level, text, official)
        })
        .collect();
    let code = |level: usize| levels.levels[level].class.code.to_string();
    m.el("li", &[], |m| {
        let alike = shown.windows(2).all(|w| w[0].1 == w[1].1);
        if alike {
            let codes: Vec<String> = shown.iter().map(|&(l, _, _)| code(l)).collect();
            let (_, text, official) = shown[0];
            words(m, text, official, &codes.join(" "));
            m.el("p", &[("class", "duty-group__where")], |m| {
                m.text("Listed at: ");
                for (k, &(level, _, _)) in shown.iter().enumerate() {
                    if k > 0 {
                        m.text(", ");
                    }
                    level_link(m, levels, level);
                }
                official_note(m, official);
            });
        } else {
            m.leaf(
                "p",
                &[("class", "duty-group__where")],
                "Worded differently at each level; matched by the words they share:",
            );
            m.el("ul", &[("class", "duty-group__words")], |m| {
                for &(level, text, official) in &shown {
                    m.el("li", &[], |m| {
                        m.el("p", &[("class", "duty-group__level")], |m| {
                            level_link(m, levels, level);
                            official_note(m, official);
                        });
                        words(m, text, official, &code(level));
                    });
                }
            });
        }
    });
}

fn duties(m: &mut Markup, levels: &Levels<'_>) {
    m.el(
        "section",
        &[("class", "levels-duties"), ("aria-labelledby", "levels-duties-heading")],
        |m| {
            m.leaf(
                "h2",
                &[("id", "levels-duties-heading")],
                "The duties, by the levels that list them",
            );
            let register = match levels.register {
                Register::Official => "They are compared in the official text of every level.",
                Register::OurWords => "They are compared in our words (summaries), because the data does not hold every level's duties as official text; where a level holds its duties as official text, its official words are shown, marked \"official text\".",
            };
            m.el("p", &[("class", "levels-duties__how")], |m| {
                if levels.register == Register::OurWords {
                    let provenance = Provenance::Summary;
                    m.leaf(
                        "span",
                        &[("class", &format!("badge badge--{}", provenance.as_str()))],
                        provenance.label(),
                    );
                    m.text(" ");
                }
                m.text(&format!(
                    "Each level in its newest version in the data. Each duty is followed from level to level by the words it shares with a duty there, the same matching the comparison uses; it is a reading aid, not an official statement. A duty is shown only at the levels whose data lists it, in each level's own words. {register}"
                ));
            });
            older_official(m, levels);
            if levels.groups.is_empty() {
                m.leaf("p", &[], "The data holds no duties for this series.");
            }
            for (n, group) in levels.groups.iter().enumerate() {
                let id = format!("duty-group-{}", n + 1);
                m.el(
                    "section",
                    &[("class", "duty-group"), ("aria-labelledby", &id)],
                    |m| {
                        m.leaf("h3", &[("id", &id)], &levels.heading(group));
                        for caveat in levels.caveats(group) {
                            m.leaf("p", &[("class", "duty-group__caveat")], &caveat);
                        }
                        m.el("ul", &[("class", "duty-group__list")], |m| {
                            for t in &group.duties {
                                thread(m, levels, t);
                            }
                        });
                    },
                );
            }
        },
    );
}

/// A level whose newest version's duty list is cut off or missing while an older version holds
/// its duties as official text (CSS 1's 2019 text): where to read them, never mixed in.
fn older_official(m: &mut Markup, levels: &Levels<'_>) {
    for (level, column) in levels.levels.iter().enumerate() {
        if levels.lists.get(level) == Some(&ListState::Complete) {
            continue;
        }
        let Some(older) = column.class.versions.iter().find(|v| {
            v.id != column.version.id
                && v.section(SectionKind::TypicalWork)
                    .is_some_and(|s| s.official_paragraphs().is_some() && !s.partial)
        }) else {
            continue;
        };
        m.el("p", &[("class", "levels-duties__older")], |m| {
            marked(
                m,
                &column
                    .class
                    .title_marked()
                    .text("'s duties are held only in part for its ")
                    .then(column.version.label_marked())
                    .text("; its ")
                    .then(older.label_marked())
                    .text(" lists them whole, in official text: "),
            );
            let href = Route::class_version(column.class.code.as_ref(), older.id.as_ref())
                .href_at(SectionKind::TypicalWork);
            m.el("a", &[("href", &href)], |m| {
                marked(
                    m,
                    &Marked::new()
                        .text("read the duties of the ")
                        .then(older.label_marked()),
                );
            });
            m.text(".");
        });
    }
}
