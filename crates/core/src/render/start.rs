//! A view as a whole document body, written into the build's HTML files at build time (the
//! start view into `index.html`, each class version, the career path and the empty forms into
//! files of their own): a person sees the view before the app's WebAssembly has arrived, and
//! the app takes it over when it starts. It mirrors the shell's chrome (`src/lib.rs`); an
//! end-to-end test compares the two.

use crate::markup::Markup;
use crate::planner::PlannerInput;
use crate::route::Route;

/// Skip link, header (brand, navigation, search box), main region holding `main_html` (the
/// core's own markup of the view at `address`: a path, with its query if it has one), and footer.
pub fn start_document(address: &str, main_html: &str, data_as_of: Option<&str>) -> String {
    let (path, query) = address.split_once('?').unwrap_or((address, ""));
    let route = Route::parse(path, query);
    // The search box holds the query of the search view, as the shell's box does.
    let searched = match &route {
        Some(Route::Search { query }) => query.clone(),
        _ => String::new(),
    };
    let mut m = Markup::new();
    m.leaf(
        "a",
        &[("class", "skip-link"), ("href", "#main")],
        "Skip to content",
    );
    m.el("header", &[("class", "site-header")], |m| {
        m.leaf(
            "a",
            &[
                ("href", &Route::Home.href()),
                ("class", "site-header__brand"),
            ],
            "Class Spec Explorer",
        );
        m.leaf(
            "span",
            &[("class", "site-header__tag")],
            "Washington State class specifications",
        );
        m.el(
            "nav",
            &[("class", "site-header__nav"), ("aria-label", "Main")],
            |m| {
                for (route, text) in [
                    (Route::Home, "Series"),
                    (Route::Path, "Career path"),
                    (
                        Route::Planner {
                            input: PlannerInput::default(),
                        },
                        "Planner",
                    ),
                    (Route::Compare { picks: Vec::new() }, "Compare"),
                ] {
                    m.leaf("a", &[("href", &route.href())], text);
                }
            },
        );
        m.el(
            "form",
            &[
                ("class", "site-search"),
                ("role", "search"),
                ("action", "/search"),
                ("method", "get"),
            ],
            |m| {
                m.leaf(
                    "label",
                    &[("for", "site-search"), ("class", "visually-hidden")],
                    "Search every class",
                );
                m.void_with(
                    "input",
                    &[
                        ("id", "site-search"),
                        ("name", "q"),
                        ("type", "search"),
                        ("autocomplete", "off"),
                        ("placeholder", "Search every class (press /)"),
                        ("aria-keyshortcuts", "/"),
                    ],
                    &[("value", (!searched.is_empty()).then_some(searched.as_str()))],
                );
            },
        );
    });
    m.el("main", &[("id", "main"), ("tabindex", "-1")], |m| {
        m.el("div", &[("class", "view"), ("aria-busy", "false")], |m| {
            m.rendered(main_html);
        });
    });
    footer(&mut m, address, route.as_ref(), data_as_of);
    m.finish()
}

/// The footer: the data's date, what is official, and "Embed this view" (but on the embed page).
fn footer(m: &mut Markup, address: &str, route: Option<&Route>, data_as_of: Option<&str>) {
    m.el("footer", &[("class", "site-footer")], |m| {
        m.el("p", &[], |m| {
            if let Some(date) = data_as_of {
                m.text("Data as of ").text(date).text(". ");
            }
            m.text("Official text is marked as such; everything else is a summary in our own words. This is not an official site of the State of Washington: the official class specifications are published by the Office of Financial Management.");
        });
        // "Embed this view", for every view but the embed page itself (as in the shell).
        if !matches!(route, Some(Route::Embed { .. })) {
            m.el("p", &[("class", "site-footer__embed")], |m| {
                m.leaf(
                    "a",
                    &[(
                        "href",
                        &Route::Embed {
                            view: address.to_owned(),
                        }
                        .href(),
                    )],
                    "Embed this view in your own page",
                );
            });
        }
    });
}
