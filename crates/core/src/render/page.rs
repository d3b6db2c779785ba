//! A whole view from its address: the title and the content of the main region. The web shell
//! draws what this returns and adds only behaviour (navigation, focus, the forms' handlers), so
//! every view is testable here, natively.

use super::{class_version, compare, compare_picker, home, not_found};
use crate::compare::{resolve, suggestions, Column, MAX_COLUMNS, MIN_COLUMNS};
use crate::markup::Markup;
use crate::model::Catalogue;
use crate::route::{Pick, Route};

/// A drawn view: its title (empty for the start view) and its HTML.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    pub title: String,
    pub html: String,
}

impl Page {
    /// One string for crossing from one wasm module to another: the title, a line break, the
    /// HTML. A title never holds a line break (they are built from one-line data fields).
    pub fn encode(&self) -> String {
        let mut out = String::with_capacity(self.title.len() + 1 + self.html.len());
        out.push_str(&self.title.replace('\n', " "));
        out.push('\n');
        out.push_str(&self.html);
        out
    }

    /// The inverse of [`Page::encode`]; a string without a line break is all title.
    pub fn decode(encoded: &str) -> Self {
        let (title, html) = encoded.split_once('\n').unwrap_or((encoded, ""));
        Self {
            title: title.to_owned(),
            html: html.to_owned(),
        }
    }
}

/// Where and how the app runs, for the views that depend on it.
#[derive(Clone, Copy, Debug, Default)]
pub struct Setting<'a> {
    /// The app's own origin (`https://classes.example.org`), which the embed snippet names.
    pub origin: &'a str,
    /// On an unattended touch screen: no typing (the planner's years are steppers).
    pub kiosk: bool,
}

/// The view an address shows; `None` (an address the app does not have) is the not-found view.
pub fn page(catalogue: &Catalogue, route: Option<&Route>) -> Page {
    page_at(catalogue, route, Setting::default())
}

/// [`page`], in a given [`Setting`].
pub fn page_at(catalogue: &Catalogue, route: Option<&Route>, setting: Setting<'_>) -> Page {
    match route {
        Some(Route::Home) => Page {
            title: String::new(),
            html: wrap("home", &home(catalogue)),
        },
        Some(Route::Class { code, version }) => class_page(catalogue, code, version.as_deref()),
        Some(Route::Compare { picks }) => compare_page(catalogue, picks),
        Some(Route::Path) => Page {
            title: "Career path".to_owned(),
            html: super::path::path_page(catalogue),
        },
        Some(Route::Planner { input }) => {
            super::planner::planner_page(catalogue, input, setting.kiosk)
        }
        Some(Route::Embed { view }) => super::embed::embed_page(catalogue, view, setting.origin),
        // Searching needs an index, built once by whoever keeps it (the engine); here one is
        // built only when there is something to search for.
        Some(Route::Search { query }) => {
            let index = if query.trim().is_empty() {
                crate::search::SearchIndex::default()
            } else {
                crate::search::SearchIndex::new(catalogue)
            };
            super::search::search_page(catalogue, &index, query)
        }
        None => missing(
            catalogue,
            "Page not found".to_owned(),
            "There is no page at this address. It may have been mistyped, or the link that led here may be out of date.",
        ),
    }
}

fn wrap(class: &'static str, inner: &str) -> String {
    let mut m = Markup::new();
    m.el("div", &[("class", class)], |m| {
        m.rendered(inner);
    });
    m.finish()
}

fn missing(catalogue: &Catalogue, heading: String, message: &str) -> Page {
    Page {
        html: wrap("not-found", &not_found(catalogue, &heading, message)),
        title: heading,
    }
}

fn class_page(catalogue: &Catalogue, code: &str, version: Option<&str>) -> Page {
    let Some(class) = catalogue.class(code) else {
        return missing(
            catalogue,
            format!("No class with the code {code}"),
            "The data holds no class with this code. Check the code, or choose one of the classes below.",
        );
    };
    let Some(shown) = class.version(version) else {
        let known: Vec<&str> = class.versions.iter().map(|v| v.label.as_ref()).collect();
        return missing(
            catalogue,
            format!(
                "{} has no version {}",
                class.title,
                version.unwrap_or_default()
            ),
            &format!(
                "The data holds these versions of {}: {}. Open the class to switch between them.",
                class.title,
                known.join(", ")
            ),
        );
    };
    let title = if class.is_superseded(shown) {
        format!("{} ({})", class.title, shown.label)
    } else {
        class.title.to_string()
    };
    let mut m = Markup::new();
    m.el("article", &[("class", "class-page")], |m| {
        m.rendered(&class_version(catalogue, class, shown));
    });
    Page {
        title,
        html: m.finish(),
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

fn compare_page(catalogue: &Catalogue, picks: &[Pick]) -> Page {
    let result = resolve(catalogue, picks);
    let title = match &result {
        Ok(columns) => format!(
            "Compare {}",
            columns
                .iter()
                .map(|c| c.class.code.as_ref())
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
            Ok(columns) => {
                m.el("div", &[("class", "compare-result")], |m| {
                    m.rendered(&compare(catalogue, columns));
                });
            }
            Err(errors) if !picks.is_empty() => {
                m.el(
                    "div",
                    &[("class", "notice notice--error"), ("role", "alert")],
                    |m| {
                        m.leaf("p", &[], "This comparison cannot be shown:");
                        m.el("ul", &[], |m| {
                            for e in errors {
                                m.leaf("li", &[], &e.message());
                            }
                        });
                    },
                );
            }
            Err(_) => {}
        }
        let open = if result.is_err() { "open" } else { "" };
        m.el("details", &[("class", "picker"), (open, "")], |m| {
            m.leaf("summary", &[], "Choose what to compare");
            m.el(
                "form",
                &[
                    ("id", "compare-picker"),
                    ("method", "get"),
                    ("action", &Route::Compare { picks: Vec::new() }.href()),
                ],
                |m| {
                    m.rendered(&compare_picker(catalogue, &checked));
                },
            );
            m.leaf(
                "p",
                &[("class", "picker__status"), ("role", "status")],
                &picker_status(checked.len()),
            );
            m.leaf(
                "button",
                &[
                    ("type", "submit"),
                    ("form", "compare-picker"),
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
                            m.leaf("a", &[("href", &route.href())], &text);
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
    fn a_page_survives_the_trip_between_modules() {
        let page = Page {
            title: "Compare 102C, 102D".to_owned(),
            html: "<p>a\nb</p>".to_owned(),
        };
        assert_eq!(Page::decode(&page.encode()), page);
        assert_eq!(Page::decode("only a title").html, "");
    }

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
