//! The engine's smaller modules (`Views`: the comparison's, the planner's, search's) draw every
//! address their page can be asked for exactly as the whole engine does: the page at `/compare`
//! names the comparison's module, and a person opening `/compare?…` from a link sees what the
//! app would show them anywhere else.
//!
//! Mutation tried: the comparison's module passing `kiosk: false` to `compare_page` fails
//! `each_module_draws_its_pages_addresses_as_the_whole_engine` (the kiosk's comparison has no
//! spreadsheet button); the planner's module drawing the not-found view fails both tests.

use class_spec_core::contract::{ENGINE_MODULE, QR_MODULE, VIEW_MODULES};
use class_spec_core::Route;
use class_spec_engine::{document_in, Views};
use proptest::prelude::*;

/// Each module, and the paths a server answers with its page (`/compare/` is `/compare`).
const MODULES: &[(Views, &[&str])] = &[
    (Views::Compare, &["/compare", "/compare/"]),
    (Views::Planner, &["/planner", "/planner/"]),
    (Views::Search, &["/search", "/search/"]),
];

fn same_as_the_whole_engine(views: Views, path: &str, query: &str) {
    for kiosk in [false, true] {
        let own = document_in(views, path, query, "https://classes.example.org", kiosk);
        let whole = document_in(
            Views::All,
            path,
            query,
            "https://classes.example.org",
            kiosk,
        );
        assert!(
            own == whole,
            "{views:?} drew {path}?{query} (kiosk: {kiosk}) otherwise than the whole engine: {:?}",
            own.title
        );
    }
}

#[test]
fn each_page_whose_query_computes_its_view_names_its_module_and_no_other_does() {
    for (views, paths) in MODULES {
        for path in *paths {
            let route = Route::parse(path, "").expect("a page's path");
            assert_eq!(Views::for_page(&route), *views, "{path}");
        }
    }
    for fixed in [
        "/",
        "/path",
        "/classes",
        "/levels",
        "/class/102D",
        "/class/102D/2019",
    ] {
        let route = Route::parse(fixed, "").expect("a page's path");
        assert_eq!(Views::for_page(&route), Views::All, "{fixed}");
    }
    let names: Vec<_> = MODULES.iter().map(|(views, _)| views.name()).collect();
    assert_eq!(names, VIEW_MODULES.map(Some));
    assert_eq!(Views::All.name(), None);
}

/// The engine's modules are listed once, in the contract (`ENGINE_MODULE`, `VIEW_MODULES`:
/// `Views::name`, `scripts/postbuild.mjs` and this test read it); Cargo's binaries and Trunk's
/// `data-bin`s in `index.html` must be literals, so they are checked against it here.
/// Mutations tried: `class-spec-engine-search` renamed in index.html fails this test, and so does
/// `class-spec-qr` renamed there (the QR module's line, added in 8b4f8c8, first failed it for
/// being a worker module the test took for an engine's).
#[test]
fn cargo_and_trunk_build_the_contracts_modules() {
    let mut expected = vec![ENGINE_MODULE.to_owned()];
    expected.extend(VIEW_MODULES.iter().map(|m| format!("{ENGINE_MODULE}-{m}")));
    let quoted = |line: &str, before: &str| {
        line.split_once(before)
            .and_then(|(_, rest)| rest.split('"').next())
            .map(str::to_owned)
    };
    let cargo = include_str!("../Cargo.toml");
    let mut bins: Vec<String> = cargo
        .split("[[bin]]")
        .skip(1)
        .filter_map(|section| section.lines().find_map(|line| quoted(line, "name = \"")))
        .filter(|name| name.starts_with(ENGINE_MODULE))
        .collect();
    bins.sort();
    let index = include_str!("../../../index.html");
    // Trunk's worker modules, by the crate each is built from: the engine's, and the QR module
    // (crates/qr), which is not an engine module but is named in the contract as well.
    let trunk_bins = |manifest: &str| -> Vec<String> {
        index
            .split("<link ")
            .filter(|link| link.contains("data-type=\"worker\""))
            .filter(|link| quoted(link, "href=\"").as_deref() == Some(manifest))
            .filter_map(|link| quoted(link, "data-bin=\""))
            .collect()
    };
    let workers = index
        .split("<link ")
        .filter(|link| link.contains("data-type=\"worker\""))
        .count();
    let mut sorted = expected.clone();
    sorted.sort();
    assert_eq!(bins, sorted, "crates/engine/Cargo.toml's [[bin]]s");
    assert_eq!(
        trunk_bins("crates/engine/Cargo.toml"),
        expected,
        "index.html's engine modules"
    );
    assert_eq!(
        trunk_bins("crates/qr/Cargo.toml"),
        [QR_MODULE],
        "index.html's QR module"
    );
    assert_eq!(
        workers,
        expected.len() + 1,
        "index.html builds no worker module the contract does not name"
    );
}

#[test]
fn each_module_draws_its_pages_addresses_as_the_whole_engine() {
    let queries = [
        "",
        "classes=102C,102D",
        "classes=102A,102B,102C,102D",
        "classes=102D@2019,102D",
        "classes=102C",
        "classes=102Z,102D",
        "class=102C&years=5&in-class=2&education=associate",
        "class=102A&years=-1&education=phd",
        "class=102Z",
        "q=customer",
        "q=%22customer+service%22",
        "q=",
        "q=<xq-in>",
        "embed=1&parent=https://agency.example",
        "kiosk=1",
    ];
    for (views, paths) in MODULES {
        for path in *paths {
            for query in queries {
                same_as_the_whole_engine(*views, path, query);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_query_at_a_modules_page_is_drawn_as_the_whole_engine_draws_it(
        module in 0..MODULES.len(),
        slash in any::<bool>(),
        pairs in proptest::collection::vec(
            (
                proptest::sample::select(&["classes", "class", "years", "in-class", "education", "q"][..]),
                proptest::sample::select(&["102A", "102B", "102C", "102D", "102D@2019", "3", "-2", "x", "customer", "associate", ""][..]),
            ),
            0..4,
        ),
    ) {
        let (views, paths) = MODULES[module];
        let query: Vec<String> = pairs.iter().map(|(key, value)| format!("{key}={value}")).collect();
        same_as_the_whole_engine(views, paths[usize::from(slash)], &query.join("&"));
    }
}
