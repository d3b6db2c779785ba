//! The one chrome: a view as a whole document (skip link, header, main region, footer), the
//! content of `#app`. Written into the build's HTML files at build time for the fixed
//! addresses, drawn by the engine for a computed view opened directly (`web/boot.js`); the
//! shell adopts it as it finds it and afterwards redraws only the view inside it (`#view`), the
//! title, the search box's text and the footer's embed link (`embed_link`).

use crate::address::Address;
use crate::catalogue::NEWEST_DATE_TAIL;
use crate::contract::{
    EMBED_LINK_ID, MAIN_ID, PRINT_ADDRESS_ID, SEARCH_BOX_ID, SEARCH_FIELD, SEARCH_FORM_ID, VIEW_ID,
};
use crate::markup::Markup;
use crate::planner::PlannerInput;
use crate::route::Route;

/// Skip link, header (brand, navigation, search box), main region holding `main_html` (the
/// core's own markup of the view at `address`), and footer.
pub fn start_document(address: &Address, main_html: &str, data_as_of: Option<&str>) -> String {
    let route = address.route();
    // The search box holds the query of the search view, as the shell's box does.
    let searched = match &route {
        Some(Route::Search { query }) => crate::echo::echo(query),
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
                    (
                        Route::Classes {
                            filter: String::new(),
                        },
                        "All classes",
                    ),
                    (Route::Path, "Career path"),
                    (
                        Route::Planner {
                            input: PlannerInput::default(),
                        },
                        "Planner",
                    ),
                    (Route::Compare { picks: Vec::new() }, "Compare"),
                    (Route::Glossary, "Glossary"),
                ] {
                    m.leaf("a", &[("href", &route.href())], text);
                }
            },
        );
        m.el(
            "form",
            &[
                ("id", SEARCH_FORM_ID),
                ("class", "site-search"),
                ("role", "search"),
                (
                    "action",
                    &Route::Search {
                        query: String::new(),
                    }
                    .href(),
                ),
                ("method", "get"),
            ],
            |m| {
                m.leaf(
                    "label",
                    &[("for", SEARCH_BOX_ID), ("class", "visually-hidden")],
                    "Search every class",
                );
                m.void_with(
                    "input",
                    &[
                        ("id", SEARCH_BOX_ID),
                        ("name", SEARCH_FIELD),
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
    print_head(&mut m, route.as_ref(), &address.path, data_as_of);
    m.el("main", &[("id", MAIN_ID), ("tabindex", "-1")], |m| {
        super::take_away::take_away(m, address);
        m.el(
            "div",
            &[("id", VIEW_ID), ("class", "view"), ("aria-busy", "false")],
            |m| {
                m.rendered(main_html);
            },
        );
    });
    footer(&mut m, address, route.as_ref(), data_as_of);
    m.finish()
}

/// The words "Not an official State of Washington site", said where a page has room for one
/// line only: a printed page's head, an embedded view's foot.
const NOT_OFFICIAL: &str = "Not an official State of Washington site";

/// The date of the data alone ("July 1, 2025"), from the footer's words about it.
fn data_date(data_as_of: &str) -> &str {
    data_as_of
        .split_once(NEWEST_DATE_TAIL)
        .map_or(data_as_of, |(date, _)| date)
}

/// The address of the view as the app writes it (without the marks of a frame or a kiosk,
/// which no route keeps), for a printed page's head. An address that names no view is
/// written as it was typed, within `echo`'s limits.
fn canonical(route: Option<&Route>, path: &str) -> String {
    route.map_or_else(|| crate::echo::echo(path), Route::href)
}

/// What only paper shows, above the view: the app's name, the address the page was printed
/// from (`web/platform.js` writes it whole when the page is printed: the origin is not known
/// here), the data's date and that this is not an official site. On screen the header and
/// footer say it.
fn print_head(m: &mut Markup, route: Option<&Route>, path: &str, data_as_of: Option<&str>) {
    m.el("div", &[("class", "print-head")], |m| {
        m.el("p", &[], |m| {
            m.leaf("strong", &[], "Class Spec Explorer").text(": ");
            m.leaf("span", &[("id", PRINT_ADDRESS_ID)], &canonical(route, path));
        });
        m.el("p", &[], |m| {
            if let Some(as_of) = data_as_of {
                m.text("Data as of ").text(data_date(as_of)).text(". ");
            }
            m.text(NOT_OFFICIAL).text(".");
        });
    });
}

/// The address of "Embed this view" for the view at `address`, or `None` on the embed page
/// itself.
pub fn embed_link(address: &Address) -> Option<String> {
    (!matches!(address.route(), Some(Route::Embed { .. }))).then(|| {
        Route::Embed {
            view: address.href(),
        }
        .href()
    })
}

/// The footer: the data's date, what is official, and "Embed this view" (hidden on the embed
/// page; the shell shows it again when the address changes); in an embedded view, only its
/// one line (the rest is hidden by the stylesheet, as the header is).
fn footer(m: &mut Markup, address: &Address, route: Option<&Route>, data_as_of: Option<&str>) {
    m.el("footer", &[("class", "site-footer")], |m| {
        m.el("p", &[], |m| {
            if let Some(date) = data_as_of {
                m.text("Data as of ").text(date).text(". ");
            }
            m.text("Official text is marked as such; everything else is a summary in our own words. This is not an official site of the State of Washington: the official class specifications are published by the Office of Financial Management.");
        });
        let link = embed_link(address);
        m.el_with(
            "p",
            &[("id", EMBED_LINK_ID), ("class", "site-footer__embed")],
            &[("hidden", link.is_none().then_some(""))],
            |m| {
                m.leaf(
                    "a",
                    &[("href", &link.unwrap_or_else(|| Route::Embed { view: String::new() }.href()))],
                    "Embed this view in your own page",
                );
            },
        );
        embedded_line(m, route, data_as_of);
    });
}

/// The foot of an embedded view: readers of an agency's page see what it is. The data's date,
/// that this is not an official site, and the same view in the full app, in a new tab (a link
/// followed inside the frame would put the whole app in the agency's page).
fn embedded_line(m: &mut Markup, route: Option<&Route>, data_as_of: Option<&str>) {
    // An address that names no view (a frame made by hand) links to the start.
    let href = route.map_or_else(|| Route::Home.href(), Route::href);
    m.el("p", &[("class", "site-footer__embedded")], |m| {
        if let Some(as_of) = data_as_of {
            m.text("Data as of ").text(data_date(as_of)).text(" · ");
        }
        m.text(NOT_OFFICIAL).text(" · ");
        m.el(
            "a",
            &[("href", &href), ("target", "_blank"), ("rel", "noopener")],
            |m| {
                m.text("Open in Class Spec Explorer").leaf(
                    "span",
                    &[("class", "visually-hidden")],
                    " (opens in a new tab)",
                );
            },
        );
    });
}
