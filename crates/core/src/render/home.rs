//! The home view: a series as a ladder of its levels, lowest first, and the classes beside it.

use super::parts::{
    fact, fact_date, fact_text, link, link_marked, marked, source_line, tagline, wrap,
};
use super::view::Page;
use crate::catalogue::LadderRung;
use crate::marked::Marked;
use crate::markup::Markup;
use crate::model::{Catalogue, Series};
use crate::route::{Pick, Route};

/// The home view, untitled (the app's own name is its title).
pub(super) fn home_page(catalogue: &Catalogue) -> Page {
    Page {
        title: String::new(),
        html: wrap("home", &home(catalogue)),
    }
}

/// The ladder of the catalogue's home series, or a plain message when the data holds none.
fn home(catalogue: &Catalogue) -> String {
    if let Some(series) = catalogue.home_series() {
        ladder(catalogue, series)
    } else {
        let mut m = Markup::new();
        m.leaf("p", &[], "The data holds no class series.");
        m.finish()
    }
}

/// A series' own page (`/series/ewi`): its ladder, as the home view shows the home series'.
pub(super) fn series_page(catalogue: &Catalogue, id: &str) -> Option<Page> {
    let series = catalogue.series_by_id(Some(id))?;
    Some(Page {
        title: format!("{} series", series.title),
        html: wrap("home", &ladder(catalogue, series)),
    })
}

/// A series as a ladder of its levels, lowest first, with its career path, its levels view and
/// the classes beside it.
fn ladder(catalogue: &Catalogue, series: &Series) -> String {
    let mut m = Markup::new();
    let home = catalogue.home_series().is_some_and(|h| h.id == series.id);
    let view = catalogue.series_view(series);
    let levels = view.rungs.len();
    m.leaf("h1", &[], &format!("{} series", series.title));
    m.leaf(
        "p",
        &[("class", "lede")],
        &format!(
            "{levels} levels, lowest first. Each shows its level, the supervision it works under and a \
             one-line summary of its newest version. Open a level to read every section of its class specification."
        ),
    );
    m.el("p", &[("class", "home__next")], |m| {
        let (path, levels) = if home {
            (Route::Path, Route::Levels { series: None })
        } else {
            let id = series.id.to_string();
            (
                Route::SeriesPath { id: id.clone() },
                Route::Levels { series: Some(id) },
            )
        };
        link(m, &path, "See the career path, step by step");
        m.text(" · ");
        link(m, &levels, super::parts::LEVELS_LINK_TEXT);
        m.text(" · ");
        link(
            m,
            &Route::Planner {
                input: crate::planner::PlannerInput::default(),
            },
            "Where can I go from here? Check with the planner",
        );
        m.text(" · ");
        link(
            m,
            &Route::Classes {
                filter: String::new(),
            },
            "All classes, every series",
        );
    });
    m.el(
        "ol",
        &[
            ("class", "ladder"),
            (
                "aria-label",
                &format!("Levels of the {} series", series.title),
            ),
        ],
        |m| {
            for (i, rung) in view.rungs.iter().enumerate() {
                m.el("li", &[("class", "ladder__item")], |m| {
                    // The question people ask most: what separates this level from the next?
                    let step = view.rungs.get(i + 1).map(|next| {
                        let picks = vec![
                            Pick::new(rung.class.code.as_ref(), None),
                            Pick::new(next.class.code.as_ref(), None),
                        ];
                        let text = Marked::new()
                            .text("What changes from ")
                            .then(rung.class.title_marked())
                            .text(" to ")
                            .then(next.class.title_marked());
                        (Route::Compare { picks }, text)
                    });
                    rung_card(
                        m,
                        rung,
                        &format!("Level {} of {levels}", i + 1),
                        step.as_ref(),
                    );
                });
            }
        },
    );
    if !view.related.is_empty() {
        m.el(
            "section",
            &[("class", "beside"), ("aria-labelledby", "beside-heading")],
            |m| {
                m.leaf("h2", &[("id", "beside-heading")], "Beside the series");
                m.el("ul", &[("class", "beside__list")], |m| {
                    for (rung, relation) in &view.related {
                        m.el("li", &[("class", "beside__item")], |m| {
                            rung_card(m, rung, "Outside the series", None);
                            m.leaf("p", &[("class", "rung__relation")], relation);
                        });
                    }
                });
            },
        );
    }
    m.finish()
}

fn rung_card(m: &mut Markup, rung: &LadderRung<'_>, step: &str, next: Option<&(Route, Marked)>) {
    let (class, version) = (rung.class, rung.version);
    m.el("article", &[("class", "rung")], |m| {
        m.leaf("p", &[("class", "rung__step")], step);
        m.el("h2", &[("class", "rung__title")], |m| {
            link_marked(m, &Route::class(class.code.as_ref()), &class.title_marked());
        });
        m.el("div", &[("class", "rung__code")], |m| {
            m.text("Class code ");
            fact(
                m,
                &class.code_basis.fact(class.code.clone()),
                version.source(),
                |m, code, class| {
                    m.leaf("span", &[("class", class)], code);
                },
            );
        });
        m.el("dl", &[("class", "rung__facts")], |m| {
            m.el("div", &[], |m| {
                m.leaf("dt", &[], "Level")
                    .el("dd", &[], |m| fact_text(m, rung.level(), version.source()));
            });
            m.el("div", &[], |m| {
                m.leaf("dt", &[], "Supervision received")
                    .el("dd", &[], |m| {
                        fact_text(m, rung.supervision(), version.source());
                    });
            });
        });
        tagline(m, &version.tagline);
        m.el("div", &[("class", "rung__version")], |m| {
            marked(m, &version.label_marked().text(", effective "));
            fact_date(m, &version.effective, version.source());
        });
        source_line(m, version);
        if let Some((route, text)) = next {
            m.el("p", &[("class", "rung__next")], |m| {
                link_marked(m, route, text);
            });
        }
    });
}
