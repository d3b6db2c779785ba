//! Prints every view whose address is fixed (the start view, each class version, the career
//! path, each series' ladder, career path and levels, the empty planner, compare picker and
//! search, the index of all classes, the glossary), each as a document body, for the post-build step to write
//! into HTML files of their own (`scripts/postbuild.mjs`): a person opening one of these
//! addresses sees the view before the WebAssembly arrives, and the app takes it over without
//! fetching the engine.
//!
//! Output: a JSON array, one record for each view (its fields named in
//! `class_spec_core::contract`, `RECORD_*`): its path, the page's whole title
//! (`contract::page_title`), the document (the content of `#app`), the query names that would
//! make the address another view (`Route::query_keys`), whether a kiosk sees the view otherwise,
//! and the name of the engine module that draws the views of its path (`Views::name`; `null` for
//! the whole engine). The post-build step writes the query names and the kiosk mark into
//! `<meta name="view">`, which `web/platform.js` compares with the address it was served for,
//! and names the module in `<meta name="view-engine">`.

use class_spec_core::address::Address;
use class_spec_core::contract::{
    json_string, page_title, RECORD_BODY, RECORD_ENGINE, RECORD_KIOSK, RECORD_PATH, RECORD_QUERY,
    RECORD_TITLE,
};
use class_spec_core::render::{start_document, Setting};
use class_spec_engine::{catalogue, fixed_routes, view, view_at, Views};

fn main() {
    // A build with the benchmark's synthetic catalogue (`CSE_SYNTHETIC_CLASSES`, see
    // class_spec_data::synthetic) gets pages for its first classes only.
    let classes = if std::env::var_os("CSE_SYNTHETIC_CLASSES").is_some() {
        4
    } else {
        usize::MAX
    };
    let routes = fixed_routes(catalogue(), classes);
    let as_of = catalogue().data_as_of_words();
    let mut records = Vec::new();
    for route in routes {
        let path = route.href();
        let shown = view(&path, "");
        let kiosk = Setting {
            origin: "",
            kiosk: true,
        };
        let differs_in_kiosk = view_at(&path, "", kiosk) != shown;
        let query: Vec<String> = route.query_keys().iter().map(|k| json_string(k)).collect();
        let engine = Views::for_page(&route)
            .name()
            .map_or("null".to_owned(), json_string);
        let fields = [
            (RECORD_PATH, json_string(&path)),
            (RECORD_TITLE, json_string(&page_title(&shown.title))),
            (
                RECORD_BODY,
                json_string(&start_document(
                    &Address::new(&path, ""),
                    &shown.html,
                    as_of.as_deref(),
                )),
            ),
            (RECORD_QUERY, format!("[{}]", query.join(","))),
            (RECORD_KIOSK, differs_in_kiosk.to_string()),
            (RECORD_ENGINE, engine),
        ];
        let fields: Vec<String> = fields
            .iter()
            .map(|(name, value)| format!("{}:{value}", json_string(name)))
            .collect();
        records.push(format!("{{{}}}", fields.join(",")));
    }
    print!("[{}]", records.join(",\n"));
}
