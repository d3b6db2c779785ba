//! Prints every view whose address is fixed (the start view, each class version, the career
//! path, each series' ladder, career path and levels, the empty planner, compare picker and
//! search, the index of all classes, the glossary), each as a document body, for the post-build step to write
//! into HTML files of their own (`scripts/postbuild.mjs`): a person opening one of these
//! addresses sees the view before the WebAssembly arrives, and the app takes it over without
//! fetching the engine.
//!
//! Output: for each view, six fields, each followed by a NUL character: its path, its title,
//! the document (the content of `#app`), the query names that would make the address another
//! view (space-separated: `Route::query_keys`), `kiosk` if a kiosk sees the view otherwise
//! (else nothing), and the name of the engine module that draws the views of its path
//! (`Views::name`; nothing for the whole engine). The post-build step writes the fourth and
//! fifth into `<meta name="view">`, which `web/platform.js` compares with the address it was
//! served for, and names the module in `<meta name="view-engine">`.

use class_spec_core::planner::PlannerInput;
use class_spec_core::render::{start_document, Setting};
use class_spec_core::Route;
use class_spec_engine::{catalogue, view, view_at, Views};

fn main() {
    let mut routes = vec![
        Route::Home,
        Route::Path,
        Route::Planner {
            input: PlannerInput::default(),
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
    for series in catalogue().series.iter() {
        routes.push(class_spec_core::levels::route_for(catalogue(), series));
        let id = series.id.to_string();
        routes.push(Route::Series { id: id.clone() });
        routes.push(Route::SeriesPath { id });
    }
    // A build with the benchmark's synthetic catalogue (`CSE_SYNTHETIC_CLASSES`, see
    // class_spec_data::synthetic) gets pages for its first classes only.
    let classes = if std::env::var_os("CSE_SYNTHETIC_CLASSES").is_some() {
        4
    } else {
        usize::MAX
    };
    for class in catalogue().classes.iter().take(classes) {
        routes.push(Route::class(class.code.as_ref()));
        for version in class.versions.iter() {
            routes.push(Route::class_version(
                class.code.as_ref(),
                version.id.as_ref(),
            ));
        }
    }
    let as_of = catalogue().data_as_of_words();
    let mut out = String::new();
    for route in routes {
        let path = route.href();
        let shown = view(&path, "");
        let kiosk = Setting {
            origin: "",
            kiosk: true,
        };
        let differs_in_kiosk = view_at(&path, "", kiosk) != shown;
        for part in [
            path.as_str(),
            shown.title.as_str(),
            &start_document(&path, &shown.html, as_of.as_deref()),
            &route.query_keys().join(" "),
            if differs_in_kiosk { "kiosk" } else { "" },
            Views::for_page(&route).name().unwrap_or_default(),
        ] {
            out.push_str(part);
            out.push('\0');
        }
    }
    print!("{out}");
}
