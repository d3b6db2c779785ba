//! The engine: every view of Class Spec Explorer, drawn from the catalogue baked in at build
//! time. It is its own wasm module so that the shell (Leptos, the router, the start view) loads
//! first and fast; the engine follows when a view needs it. Natively it is an ordinary library,
//! so its answers are tested without a browser.
//!
//! It is built as four wasm modules from this one library ([`Views`]): the whole engine, and
//! three that each draw only the views of one page whose query computes its view.

use class_spec_core::address::Address;
use class_spec_core::contract::{page_title, VIEW_MODULES};
use class_spec_core::render::{
    compare_page, page_at, planner_page, search_page, start_document, unknown_page, with_key,
    with_terms, Page, Setting,
};
use class_spec_core::search::SearchIndex;
use class_spec_core::{Catalogue, Route};

pub mod store;

/// The catalogue's data files named and hashed as the build writes them (`class-spec-data-files`).
#[cfg(not(target_arch = "wasm32"))]
pub fn data_files(catalogue: &Catalogue) -> Vec<class_spec_core::data_files::File> {
    use base64::Engine as _;
    use sha2::Digest as _;
    use std::fmt::Write as _;
    class_spec_core::data_files::files(catalogue, &|bytes| {
        let hash = sha2::Sha256::digest(bytes);
        class_spec_core::data_files::Digest {
            short: hash[..8].iter().fold(String::new(), |mut hex, b| {
                let _ = write!(hex, "{b:02x}");
                hex
            }),
            integrity: format!(
                "sha256-{}",
                base64::engine::general_purpose::STANDARD.encode(hash)
            ),
        }
    })
}

/// Writes the catalogue's data files ([`data_files`]) under `dir` (each at its address, which
/// starts with the contract's `CATALOGUE_FILES`) and returns them, the index first; an error
/// names the path that could not be written. For `class-spec-data-files` and the examples that
/// write another catalogue's files.
///
/// # Errors
///
/// A folder or file that cannot be written: its path and the system's reason.
#[cfg(not(target_arch = "wasm32"))]
pub fn write_data_files(
    catalogue: &Catalogue,
    dir: &std::path::Path,
) -> Result<Vec<class_spec_core::data_files::File>, String> {
    let files = data_files(catalogue);
    for file in &files {
        let path = dir.join(file.address.trim_start_matches('/'));
        let parent = path.parent().unwrap_or(dir);
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        std::fs::write(&path, &file.bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(files)
}

/// The index's address and integrity hash as the JSON record `scripts/postbuild.mjs` reads.
#[cfg(not(target_arch = "wasm32"))]
pub fn index_record(index: &class_spec_core::data_files::File) -> String {
    use class_spec_core::contract::{json_string, RECORD_DATA_INDEX, RECORD_DATA_INTEGRITY};
    format!(
        "{{{}:{},{}:{}}}",
        json_string(RECORD_DATA_INDEX),
        json_string(&index.address),
        json_string(RECORD_DATA_INTEGRITY),
        json_string(&index.integrity)
    )
}

#[cfg(any(not(target_arch = "wasm32"), feature = "baked"))]
mod baked {
    include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));
}

/// The catalogue baked into the engine (natively: the build's bins and the tests; a wasm module
/// bakes nothing and draws from what its store was given, [`held`], unless built with the
/// `baked` feature, as the shell's component tests link it).
#[cfg(any(not(target_arch = "wasm32"), feature = "baked"))]
pub fn catalogue() -> &'static Catalogue {
    &baked::CATALOGUE
}

/// What a view is drawn from: natively the baked catalogue and its search index; in a wasm
/// module the catalogue of the data files its store holds, and a search index of it.
#[cfg(any(not(target_arch = "wasm32"), feature = "baked"))]
fn with_held<R>(draw: impl FnOnce(&Catalogue, fn() -> &'static SearchIndex) -> R) -> R {
    draw(catalogue(), index)
}

#[cfg(all(target_arch = "wasm32", not(feature = "baked")))]
fn with_held<R>(draw: impl FnOnce(&Catalogue, fn() -> &'static SearchIndex) -> R) -> R {
    let catalogue = held::STORE.with(|store| store.borrow_mut().catalogue());
    draw(&catalogue, held::index)
}

/// The wasm module's store (`web/boot.js` gives it the index, then the files a view needs:
/// `wasm::give_index`, `wasm::needs`, `wasm::give`).
#[cfg(target_arch = "wasm32")]
pub mod held {
    use std::cell::{Cell, RefCell};

    use class_spec_core::search::SearchIndex;

    use crate::store::Store;

    thread_local! {
        pub static STORE: RefCell<Store> = RefCell::default();
        /// The search index of the store's catalogue, and the generation it is of. Each is kept
        /// for the module's life (leaked): a new one only when the data held changed, which a
        /// page does a few times at most.
        static SEARCH: Cell<Option<(u64, &'static SearchIndex)>> = const { Cell::new(None) };
    }

    /// The search index of what the store holds.
    pub fn index() -> &'static SearchIndex {
        let (generation, catalogue) = STORE.with(|store| {
            let mut store = store.borrow_mut();
            (store.generation(), store.catalogue())
        });
        match SEARCH.get() {
            Some((of, index)) if of == generation => index,
            _ => {
                let index: &'static SearchIndex = Box::leak(Box::new(SearchIndex::new(&catalogue)));
                SEARCH.set(Some((generation, index)));
                index
            }
        }
    }
}

/// Every view whose address is fixed, which the build writes as a page of its own
/// (`class-spec-prerender`): the start view, the career path, the empty planner, compare picker
/// and search, the index of all classes, the glossary, each series' levels, ladder and career
/// path, and each class and class version of the first `classes` classes.
pub fn fixed_routes(catalogue: &Catalogue, classes: usize) -> Vec<Route> {
    let mut routes = vec![
        Route::Home,
        Route::Path,
        Route::Planner {
            input: class_spec_core::planner::PlannerInput::default(),
        },
        Route::Compare { picks: Vec::new() },
        Route::Search {
            query: String::new(),
        },
        Route::Classes {
            filter: String::new(),
        },
        Route::Glossary,
    ];
    for series in catalogue.series.iter() {
        routes.push(class_spec_core::levels::route_for(catalogue, series));
        let id = series.id.to_string();
        routes.push(Route::Series { id: id.clone() });
        routes.push(Route::SeriesPath { id });
    }
    for class in catalogue.classes.iter().take(classes) {
        routes.push(Route::class(class.code.as_ref()));
        for version in class.versions.iter() {
            routes.push(Route::class_version(
                class.code.as_ref(),
                version.id.as_ref(),
            ));
        }
    }
    routes
}

/// The view at an address (path and query, as in the address bar) of the app served from
/// `origin` (on a kiosk or not): its title and the HTML of the main region's view.
pub fn page(path: &str, search: &str, origin: &str, kiosk: bool) -> Page {
    view_at(path, search, Setting { origin, kiosk })
}

/// Which views a wasm module of the engine draws.
///
/// The whole engine ([`Views::All`]) draws every view: the shell navigates with it, and it
/// draws a page a server answered with its fallback (an unknown address, an embedded view).
/// A page whose own address computes its view from the query (a comparison, a plan, search
/// results) names a module that draws only its path's views (`<meta name="view-engine">`,
/// written by `scripts/postbuild.mjs` from [`Views::for_page`]): a shared comparison's first
/// load carries the comparison's code and the data, not the planner's, the career path's or
/// search's code (BENCHMARKS.md has the bytes). Each is a binary of this crate
/// (`src/bin/compare.rs`, …) and draws its views exactly as the whole engine does
/// (`tests/modules.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Views {
    All,
    Compare,
    Planner,
    Search,
}

impl Views {
    /// The module a page written at build time for `route` names to draw the views its path
    /// computes from the query.
    pub fn for_page(route: &Route) -> Self {
        match route {
            Route::Compare { .. } => Self::Compare,
            Route::Planner { .. } => Self::Planner,
            Route::Search { .. } => Self::Search,
            _ => Self::All,
        }
    }

    /// The module's name (one of `contract::VIEW_MODULES`): its binary is
    /// `contract::ENGINE_MODULE`, `-` and this; `None` for the whole engine.
    pub fn name(self) -> Option<&'static str> {
        let [compare, planner, search] = VIEW_MODULES;
        match self {
            Self::All => None,
            Self::Compare => Some(compare),
            Self::Planner => Some(planner),
            Self::Search => Some(search),
        }
    }
}

/// The view at an address as a whole document, the one chrome around it
/// ([`start_document`], as written at build time), for a page opened at an address no file of
/// the build holds (`web/boot.js` puts it into `#app`): the page's whole title
/// ([`page_title`]: the browser tab's, as composed for every page) and that document.
pub fn document(path: &str, search: &str, origin: &str, kiosk: bool) -> Page {
    document_in(Views::All, path, search, origin, kiosk)
}

/// [`document`], drawn by the module that draws `views`.
pub fn document_in(views: Views, path: &str, search: &str, origin: &str, kiosk: bool) -> Page {
    with_held(|catalogue, index| {
        document_from(catalogue, Some(index), views, path, search, origin, kiosk)
    })
}

/// [`document_in`], drawn from `catalogue` (the whole, or the part of it the view needs:
/// [`class_spec_core::data_files::needs`]); search uses the index `index` gives (built once, at
/// the first search) if given, else one built for the search.
pub fn document_from(
    catalogue: &Catalogue,
    index: Option<fn() -> &'static SearchIndex>,
    views: Views,
    path: &str,
    search: &str,
    origin: &str,
    kiosk: bool,
) -> Page {
    let shown = view_from(
        catalogue,
        index,
        views,
        path,
        search,
        Setting { origin, kiosk },
    );
    let as_of = catalogue.data_as_of_words();
    Page {
        html: start_document(&Address::new(path, search), &shown.html, as_of.as_deref()),
        title: page_title(&shown.title),
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
    with_held(|catalogue, _| csv_from(catalogue, path, search))
}

/// [`csv`], drawn from `catalogue`.
pub fn csv_from(catalogue: &Catalogue, path: &str, search: &str) -> Option<Spreadsheet> {
    Route::parse(path, search)
        .and_then(|route| class_spec_core::sheet::sheet_for(catalogue, &route))
        .map(|sheet| Spreadsheet {
            text: sheet.to_csv(),
            name: sheet.file_name,
        })
}

/// The view at an address in a given setting.
pub fn view_at(path: &str, search: &str, setting: Setting<'_>) -> Page {
    view_in(Views::All, path, search, setting)
}

/// [`view_at`], drawn by the module that draws `views`. Each binary passes its own constant, so
/// the other views' code is left out of its module when it is linked. A view drawn here rather
/// than by `page_at` ends with its terms as `page_at` adds them.
fn view_in(views: Views, path: &str, search: &str, setting: Setting<'_>) -> Page {
    with_held(|catalogue, index| view_from(catalogue, Some(index), views, path, search, setting))
}

/// [`view_in`], drawn from `catalogue`; search uses `index` if given, else one built for it.
fn view_from(
    catalogue: &Catalogue,
    index: Option<fn() -> &'static SearchIndex>,
    views: Views,
    path: &str,
    search: &str,
    setting: Setting<'_>,
) -> Page {
    let route = Route::parse(path, search);
    match (views, route) {
        (Views::All, route) if !matches!(route, Some(Route::Search { .. })) => {
            page_at(catalogue, route.as_ref(), setting)
        }
        // Every view ends with its key, then the terms its text and key show, as `page_at`
        // draws it (`with_key`, `with_terms`).
        (views, route) => with_terms(
            catalogue,
            with_key(|| own_view(catalogue, index, views, route, setting)),
        ),
    }
}

/// A view `page_at` would draw, drawn by the module of its page.
fn own_view(
    catalogue: &Catalogue,
    index: Option<fn() -> &'static SearchIndex>,
    views: Views,
    route: Option<Route>,
    setting: Setting<'_>,
) -> Page {
    match (views, route) {
        (Views::All | Views::Search, Some(Route::Search { query })) => match index {
            Some(index) => search_page(catalogue, index(), &query),
            None => search_page(catalogue, &SearchIndex::new(catalogue), &query),
        },
        (Views::All, route) => page_at(catalogue, route.as_ref(), setting),
        (Views::Compare, Some(Route::Compare { picks })) => {
            compare_page(catalogue, &picks, setting.kiosk)
        }
        (Views::Planner, Some(Route::Planner { input })) => {
            planner_page(catalogue, &input, setting)
        }
        // An address of another path never comes to a page's own module: the page names the
        // module of its path. Not found (as the whole engine draws an unknown address) rather
        // than some other view.
        _ => unknown_page(catalogue),
    }
}

/// The search index of the baked catalogue.
#[cfg(any(not(target_arch = "wasm32"), feature = "baked"))]
pub fn index() -> &'static SearchIndex {
    static INDEX: std::sync::OnceLock<SearchIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| SearchIndex::new(catalogue()))
}

/// The view at an address.
pub fn view(path: &str, search: &str) -> Page {
    view_at(path, search, Setting::default())
}

/// Exports `document(path, search, origin, kiosk)` for the module that draws `$views` (a
/// [`Views`] variant): the one function `web/boot.js` calls to draw a pending page, written once
/// for the four modules (`src/main.rs` and `src/bin/compare.rs`, `planner.rs`, `search.rs`).
#[macro_export]
macro_rules! export_document {
    ($views:ident) => {
        /// See [`class_spec_engine::document_in`].
        #[cfg(target_arch = "wasm32")]
        #[wasm_bindgen::prelude::wasm_bindgen]
        pub fn document(path: &str, search: &str, origin: &str, kiosk: bool) -> $crate::wasm::View {
            $crate::document_in($crate::Views::$views, path, search, origin, kiosk).into()
        }
    };
}

/// What the engine's wasm modules share: the allocator, and a view as they hand it over.
#[cfg(target_arch = "wasm32")]
pub mod wasm {
    use wasm_bindgen::prelude::wasm_bindgen;

    /// The allocator (the workspace's Cargo.toml says why not the standard library's).
    #[global_allocator]
    static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

    /// A view as the engine answers: its title (empty for the start view) and its HTML, two
    /// values (read in JavaScript as `view.title` and `view.html`).
    #[wasm_bindgen(getter_with_clone)]
    pub struct View {
        pub title: String,
        pub html: String,
    }

    impl From<class_spec_core::render::Page> for View {
        fn from(page: class_spec_core::render::Page) -> Self {
            Self {
                title: page.title,
                html: page.html,
            }
        }
    }

    /// Gives the module the catalogue's index (fetched with its integrity hash by its
    /// `prepare`, `web/engine-data.js`): empty, or why the bytes are not an index. (Words, not a
    /// thrown error, and plain strings throughout: wasm-bindgen's glue for errors and lists
    /// would cost every page that loads an engine about half a kilobyte.)
    #[wasm_bindgen(js_name = giveIndex)]
    pub fn give_index(bytes: &[u8]) -> String {
        crate::held::STORE
            .with(|store| store.borrow_mut().give_index(bytes))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    }

    /// The data files the view at an address needs and the module does not hold, one line
    /// each: its address, its integrity hash, and the series it holds in words ("the Customer
    /// Service Specialist series (css)"), separated by tabs. Before the index, one line with no
    /// address: the index is needed first (`prepare` gives it, then asks again).
    #[wasm_bindgen]
    pub fn needs(path: &str, search: &str) -> String {
        crate::held::STORE.with(|store| {
            let store = store.borrow();
            if store.index().is_none() {
                return "\t\tthe catalogue's index".to_owned();
            }
            store
                .needs(path, search)
                .into_iter()
                .map(|n| {
                    format!(
                        "{}\t{}\tthe {} series ({})",
                        n.file, n.integrity, n.series_title, n.series_id
                    )
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
    }

    /// Gives the module a series file (its address and bytes): empty, or why it is not a file
    /// of the index's build that the index names (naming the file).
    #[wasm_bindgen]
    pub fn give(file: &str, bytes: &[u8]) -> String {
        crate::held::STORE
            .with(|store| store.borrow_mut().give(file, bytes))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    }
}
