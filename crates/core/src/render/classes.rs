//! The all-classes index: every series with its classes in ladder order (lowest level first),
//! each with its code, title, category and versions, and a filter by code, title or category
//! words. The filter is a plain `GET` form (`/classes?q=…`), so it works before the app has
//! loaded; once it has, the shell narrows the rows in place as the person types, with the same
//! function ([`crate::class_filter`]).

use super::parts::{fact_text, link, link_marked, marked};
use super::view::Page;
use crate::class_filter::{
    matches, status, terms, words, FIELD_ID, FORM_ID, GROUP_ATTRIBUTE, LIST_ID, STATUS_ID,
    TERMS_ATTRIBUTE,
};
use crate::markup::Markup;
use crate::model::{Catalogue, ClassSpec, Series};
use crate::route::Route;

/// The index, narrowed to the classes `filter` names; on a kiosk, with no field to type in.
pub(super) fn classes_page(catalogue: &Catalogue, filter: &str, kiosk: bool) -> Page {
    let filter = if kiosk { "" } else { filter.trim() };
    let typed = words(filter);
    let total = catalogue.classes.len();
    let shown = catalogue
        .classes
        .iter()
        .filter(|class| matches(&typed, &terms(class)))
        .count();
    let mut m = Markup::new();
    m.el("div", &[("class", "classes")], |m| {
        m.leaf("h1", &[], "All classes");
        m.leaf(
            "p",
            &[("class", "lede")],
            &format!(
                "Every class in the data, by series, each series' levels lowest first: {} series.",
                catalogue.series.len()
            ),
        );
        if !kiosk {
            filter_form(m, filter);
        }
        m.leaf(
            "p",
            &[
                ("id", STATUS_ID),
                ("class", "classes__status"),
                ("role", "status"),
            ],
            &status(filter, shown, total),
        );
        m.el("div", &[("id", LIST_ID)], |m| {
            for (series, classes) in catalogue.classes_by_series() {
                series_group(m, series, &classes, &typed);
            }
        });
    });
    Page {
        title: "All classes".to_owned(),
        html: m.finish(),
    }
}

fn filter_form(m: &mut Markup, filter: &str) {
    m.el(
        "form",
        &[
            ("id", FORM_ID),
            ("class", "classes__filter"),
            ("role", "search"),
            (
                "action",
                &Route::Classes {
                    filter: String::new(),
                }
                .href(),
            ),
            ("method", "get"),
        ],
        |m| {
            m.leaf(
                "label",
                &[("for", FIELD_ID)],
                "Filter by code, title or category",
            );
            m.void(
                "input",
                &[
                    ("id", FIELD_ID),
                    ("name", "q"),
                    ("type", "search"),
                    ("autocomplete", "off"),
                    ("value", &crate::echo::echo(filter)),
                    ("aria-controls", LIST_ID),
                ],
            );
            m.leaf(
                "button",
                &[("type", "submit"), ("class", "button")],
                "Filter",
            );
        },
    );
}

/// One series: its heading and a table of its classes; rows the filter leaves out are hidden,
/// and so is the whole series when it has none to show.
fn series_group(m: &mut Markup, series: &Series, ladder: &[&ClassSpec], typed: &[String]) {
    let rows: Vec<(&ClassSpec, String)> = ladder.iter().map(|c| (*c, terms(c))).collect();
    let any = rows.iter().any(|(_, t)| matches(typed, t));
    let heading = format!("series-{}", series.id);
    m.el_with(
        "section",
        &[
            ("class", "classes__series"),
            (GROUP_ATTRIBUTE, ""),
            ("aria-labelledby", &heading),
        ],
        &[("hidden", (!any).then_some(""))],
        |m| {
            m.el("h2", &[("id", &heading)], |m| {
                link(
                    m,
                    &Route::Series {
                        id: series.id.to_string(),
                    },
                    &format!("{} series", series.title),
                );
            });
            m.el("table", &[("class", "classes__table")], |m| {
                m.el("thead", &[], |m| {
                    m.el("tr", &[], |m| {
                        for column in ["Code", "Title", "Category", "Versions"] {
                            m.leaf("th", &[("scope", "col")], column);
                        }
                    });
                });
                m.el("tbody", &[], |m| {
                    for (class, class_terms) in &rows {
                        let hidden = !matches(typed, class_terms);
                        class_row(m, class, class_terms, hidden);
                    }
                });
            });
        },
    );
}

fn class_row(m: &mut Markup, class: &ClassSpec, class_terms: &str, hidden: bool) {
    m.el_with(
        "tr",
        &[(TERMS_ATTRIBUTE, class_terms)],
        &[("hidden", hidden.then_some(""))],
        |m| {
            // An inferred code or title carries its mark, as everywhere.
            m.el("td", &[("class", "classes__code")], |m| {
                marked(m, &class.code_marked());
            });
            m.el("th", &[("scope", "row")], |m| {
                link_marked(m, &Route::class(class.code.as_ref()), &class.title_marked());
            });
            m.el("td", &[], |m| {
                if let Some(newest) = class.newest() {
                    fact_text(m, &newest.category, newest.source());
                }
            });
            m.el("td", &[], |m| {
                m.el("ul", &[("class", "classes__versions")], |m| {
                    for version in class.versions.iter() {
                        m.el("li", &[], |m| {
                            link_marked(
                                m,
                                &Route::class_version(class.code.as_ref(), version.id.as_ref()),
                                &version.label_marked(),
                            );
                        });
                    }
                });
            });
        },
    );
}
