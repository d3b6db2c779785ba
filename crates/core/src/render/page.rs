//! A whole view from its address: the title and the content of the main region. The web shell
//! draws what this returns and adds only behaviour (navigation, focus, the forms' handlers), so
//! every view is testable here, natively. This is the one place that knows every view module;
//! none of them uses it back.

use super::view::{Page, Setting};
use super::{
    class, classes, compare, embed, glossary, home, levels, not_found, path, planner, search,
};
use crate::model::Catalogue;
use crate::route::Route;

/// The view an address shows; `None` (an address the app does not have) is the not-found view.
pub fn page(catalogue: &Catalogue, route: Option<&Route>) -> Page {
    page_at(catalogue, route, Setting::default())
}

/// [`page`], in a given [`Setting`]. Every view ends with its key, what its marks and source
/// words mean (`key.rs`); every view but the glossary itself then ends with the terms its text
/// and its key show, defined ([`glossary::with_terms`]: the key's words are read too, so a term
/// only the key uses, "lead" on a comparison, is defined as well).
pub fn page_at(catalogue: &Catalogue, route: Option<&Route>, setting: Setting<'_>) -> Page {
    match route {
        Some(Route::Glossary) => super::key::with_key(|| glossary::glossary_page(catalogue)),
        _ => glossary::with_terms(
            catalogue,
            super::key::with_key(|| view_at(catalogue, route, setting)),
        ),
    }
}

/// The view of `route` alone.
fn view_at(catalogue: &Catalogue, route: Option<&Route>, setting: Setting<'_>) -> Page {
    match route {
        Some(Route::Home) => home::home_page(catalogue),
        Some(Route::Class { code, version }) => {
            class::class_page(catalogue, code, version.as_deref()).unwrap_or_else(|missing| {
                not_found::not_found_page(catalogue, missing.heading, &missing.message)
            })
        }
        Some(Route::Compare { picks }) => compare::compare_page(catalogue, picks, setting.kiosk),
        Some(Route::Path) => Page {
            title: "Career path".to_owned(),
            html: path::path_page(catalogue),
        },
        Some(Route::Planner { input }) => planner::planner_page(catalogue, input, setting),
        Some(Route::Series { id }) => {
            home::series_page(catalogue, id).unwrap_or_else(|| no_series(catalogue, id))
        }
        Some(Route::SeriesPath { id }) => {
            path::series_path_page(catalogue, id).unwrap_or_else(|| no_series(catalogue, id))
        }
        Some(Route::Classes { filter }) => classes::classes_page(catalogue, filter, setting.kiosk),
        Some(Route::Embed { view }) => {
            // The embedded view is drawn here, in the plain setting; `embeddable` never names
            // an embed page, so this goes one level deep at most.
            let embedded = embed::embeddable(catalogue, view)
                .map(|route| (route.href(), page(catalogue, Some(&route))));
            embed::embed_page(
                embedded
                    .as_ref()
                    .map(|(href, shown)| (href.as_str(), shown)),
                setting.origin,
            )
        }
        Some(Route::Levels { series }) => {
            levels::levels_page(catalogue, series.as_deref(), setting.kiosk).unwrap_or_else(|| {
                not_found::not_found_page(
                    catalogue,
                    "No such series".to_owned(),
                    "The data holds no series with this name.",
                )
            })
        }
        // Searching needs an index, built once by whoever keeps it (the engine); here one is
        // built only when there is something to search for.
        Some(Route::Search { query }) => {
            let index = if query.trim().is_empty() {
                crate::search::SearchIndex::default()
            } else {
                crate::search::SearchIndex::new(catalogue)
            };
            search::search_page(catalogue, &index, query)
        }
        Some(Route::Glossary) => glossary::glossary_page(catalogue),
        None => unknown_page(catalogue),
    }
}

/// The view of an address the app does not have.
pub fn unknown_page(catalogue: &Catalogue) -> Page {
    not_found::not_found_page(
        catalogue,
        "Page not found".to_owned(),
        "There is no page at this address. It may have been mistyped, or the link that led here may be out of date.",
    )
}

fn no_series(catalogue: &Catalogue, id: &str) -> Page {
    not_found::not_found_page(
        catalogue,
        format!("No series with the id {}", crate::echo::echo(id)),
        "The data holds no series with this id. Every series is listed under All classes.",
    )
}
