//! The levels view: what each level of a series asks, level by level. The deciding factors as
//! a matrix (a column per level, lowest first, then the classes beside the series; on a phone, a
//! block per level), then the duties grouped by where they appear along the ladder, each group
//! with what a cut-off list next to it could change.

use super::parts::{csv_button, fact, link, link_marked, marked, LEVELS_LINK_TEXT};
use super::view::Page;
use crate::compare::{Column, Factor};
use crate::levels::{Levels, Register, FACTORS};
use crate::markup::Markup;
use crate::model::{Catalogue, SectionKind};
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
    link_marked(
        m,
        &Route::class(c.class.code.as_ref()),
        &c.class.title_marked(),
    );
    m.el("span", &[("class", "levels__version")], |m| {
        marked(
            m,
            &c.class
                .code_marked()
                .text(" · ")
                .then(c.version.label_marked()),
        );
    });
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
    fact(m, &factor.of(catalogue, c.version), |m, text, class| {
        m.leaf("span", &[("class", class)], text);
    });
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

fn duties(m: &mut Markup, levels: &Levels<'_>) {
    m.el(
        "section",
        &[("class", "levels-duties"), ("aria-labelledby", "levels-duties-heading")],
        |m| {
            m.leaf(
                "h2",
                &[("id", "levels-duties-heading")],
                "The duties, by where they appear",
            );
            let register = match levels.register {
                Register::Official => "They are compared in the official text of every level.",
                Register::OurWords => "They are compared in our words (summaries), because the data does not hold every level's duties as official text; the wording shown is ours.",
            };
            m.el("p", &[("class", "levels-duties__how")], |m| {
                if levels.register == Register::OurWords {
                    let provenance = crate::model::Provenance::Summary;
                    m.leaf(
                        "span",
                        &[("class", &format!("badge badge--{}", provenance.as_str()))],
                        provenance.label(),
                    );
                    m.text(" ");
                }
                m.text(&format!(
                    "Each duty is followed from one level to the next by the words it shares with a duty there, the same matching the comparison uses; it is a reading aid, not an official statement. {register}"
                ));
            });
            if levels.groups.is_empty() {
                m.leaf("p", &[], "The data holds no duties for this series.");
            }
            for (n, group) in levels.groups.iter().enumerate() {
                let id = format!("duty-group-{}", n + 1);
                m.el(
                    "section",
                    &[("class", "duty-group"), ("aria-labelledby", &id)],
                    |m| {
                        m.leaf("h3", &[("id", &id)], &levels.heading(group.spread));
                        for &caveat in &group.caveats {
                            m.leaf(
                                "p",
                                &[("class", "duty-group__caveat")],
                                &levels.caveat(group.spread, caveat),
                            );
                        }
                        m.el("ul", &[("class", "duty-group__list")], |m| {
                            for thread in &group.duties {
                                m.el("li", &[], |m| {
                                    m.leaf("p", &[("class", "duty-group__duty")], thread.wording());
                                    m.el("p", &[("class", "duty-group__where")], |m| {
                                        m.text("Listed at: ");
                                        for (k, &(level, _)) in thread.at.iter().enumerate() {
                                            if k > 0 {
                                                m.text(", ");
                                            }
                                            let class = levels.levels[level].class;
                                            let href = Route::class(class.code.as_ref())
                                                .href_at(SectionKind::TypicalWork);
                                            m.el("a", &[("href", &href)], |m| {
                                                marked(m, &class.title_marked());
                                            });
                                        }
                                    });
                                });
                            }
                        });
                    },
                );
            }
        },
    );
}
