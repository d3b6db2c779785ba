//! The engine: every view of Class Spec Explorer, drawn from the catalogue baked in at build
//! time. It is its own wasm module so that the shell (Leptos, the router, the start view) loads
//! first and fast; the engine follows when a view needs it. Natively it is an ordinary library,
//! so its answers are tested without a browser.

use std::sync::OnceLock;

use class_spec_core::render::{page_at, search_page, start_document, Page, Setting};
use class_spec_core::search::SearchIndex;
use class_spec_core::{Catalogue, Route};

mod baked {
    include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));
}

/// The catalogue baked into the engine.
pub fn catalogue() -> &'static Catalogue {
    &baked::CATALOGUE
}

/// The view at an address (path and query, as in the address bar) of the app served from
/// `origin` (on a kiosk or not): its title and the HTML of the main region's view.
pub fn page(path: &str, search: &str, origin: &str, kiosk: bool) -> Page {
    view_at(path, search, Setting { origin, kiosk })
}

/// The view at an address as a whole document, the one chrome around it
/// ([`start_document`], as written at build time), for a page opened at an address no file of
/// the build holds (`web/boot.js` puts it into `#app`): its title and that document.
pub fn document(path: &str, search: &str, origin: &str, kiosk: bool) -> Page {
    let shown = view_at(path, search, Setting { origin, kiosk });
    let query = search.trim_start_matches('?');
    let address = if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{query}")
    };
    let as_of = catalogue().data_as_of_words();
    Page {
        html: start_document(&address, &shown.html, as_of.as_deref()),
        title: shown.title,
    }
}

/// A view's spreadsheet as the engine hands it over: the file's name and its CSV, two values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spreadsheet {
    /// `compare-102C-102D.csv`.
    pub name: String,
    /// The CSV, byte-order mark first (see [`class_spec_core::sheet::Sheet::to_csv`]).
    pub text: String,
}

/// The spreadsheet of the view at an address (a comparison, a series level by level); `None`
/// when the view has none.
pub fn csv(path: &str, search: &str) -> Option<Spreadsheet> {
    Route::parse(path, search)
        .and_then(|route| class_spec_core::sheet::sheet_for(catalogue(), &route))
        .map(|sheet| Spreadsheet {
            text: sheet.to_csv(),
            name: sheet.file_name,
        })
}

/// The view at an address in a given setting.
pub fn view_at(path: &str, search: &str, setting: Setting<'_>) -> Page {
    match Route::parse(path, search) {
        // Search with the index built once, at the first search.
        Some(Route::Search { query }) => search_page(catalogue(), index(), &query),
        route => page_at(catalogue(), route.as_ref(), setting),
    }
}

/// The search index of the baked catalogue.
pub fn index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| SearchIndex::new(catalogue()))
}

/// The view at an address.
pub fn view(path: &str, search: &str) -> Page {
    view_at(path, search, Setting::default())
}
