//! The search benchmark: every keystroke of a few queries against the real catalogue (the
//! reference) and a synthetic catalogue of 2,000 classes made from it in this run (never shipped),
//! natively, release build; then the time the engine takes to draw a class page, a comparison,
//! a planner update, the career path and the levels view (in the synthetic catalogue, its
//! 12-level series), on both catalogues; and addresses of 100,000 characters read and drawn,
//! against short ones.
//! Run: `cargo run --release -p class-spec-data --example search_bench`.

use std::path::Path;
use std::time::Instant;

use class_spec_core::render::page;
use class_spec_core::search::SearchIndex;
use class_spec_core::{Catalogue, Route};
use class_spec_data::synthetic;

/// Median of 21 draws of the view at `path?query`, in ms.
fn view_ms(catalogue: &Catalogue, path: &str, query: &str) -> f64 {
    let route = Route::parse(path, query).expect("a view of the app");
    let mut times: Vec<f64> = (0..21)
        .map(|_| {
            let start = Instant::now();
            let shown = page(catalogue, Some(&route));
            assert!(!shown.html.is_empty());
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[10]
}

fn median_ms(index: &SearchIndex, query: &str, runs: usize) -> (f64, usize) {
    let mut times = Vec::with_capacity(runs);
    let mut found = 0;
    for _ in 0..runs {
        let start = Instant::now();
        found = index.search(query, 50).len();
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    (times[runs / 2], found)
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
    let real = class_spec_data::load_dir(&root)
        .expect("the data passes its checks")
        .catalogue;
    let big = synthetic(&real, 2000);
    let queries = [
        "supervision",
        "customer service",
        "\"administrative direction\"",
    ];
    println!("Search, every keystroke, median of 21 runs, native release build (ms):");
    println!();
    println!("| catalogue | entries | index build | worst keystroke | query at worst |");
    println!("|---|---:|---:|---:|---|");
    for (name, catalogue) in [
        ("real (5 classes, 8 versions)", &real),
        ("synthetic, 2,000 classes", &big),
    ] {
        let start = Instant::now();
        let index = SearchIndex::new(catalogue);
        let build = start.elapsed().as_secs_f64() * 1000.0;
        let mut worst = (0.0, String::new());
        for query in queries {
            for end in 1..=query.len() {
                let typed = &query[..end];
                let (ms, _) = median_ms(&index, typed, 21);
                if ms > worst.0 {
                    worst = (ms, typed.to_owned());
                }
            }
        }
        println!(
            "| {name} | {} | {build:.1} | {:.3} | `{}` |",
            index.len(),
            worst.0,
            worst.1
        );
    }

    println!();
    println!("Views drawn by the engine's core, median of 21 draws, native release build (ms):");
    println!();
    println!("| view | real (5 classes) | synthetic, 2,000 classes |");
    println!("|---|---:|---:|");
    let views: [(&str, [(&str, &str); 2]); 5] = [
        (
            "class page (route change)",
            [("/class/102D", ""), ("/class/S0003", "")],
        ),
        (
            "comparison of two levels",
            [
                ("/compare", "classes=102C,102D"),
                ("/compare", "classes=S0002,S0003"),
            ],
        ),
        (
            "planner update (check and plan every class)",
            [
                (
                    "/planner",
                    "class=102C&years=5&in-class=2&education=associate",
                ),
                (
                    "/planner",
                    "class=S0002&years=5&in-class=2&education=associate",
                ),
            ],
        ),
        ("career path", [("/path", ""), ("/path", "")]),
        (
            "levels view (real: 4 levels; synthetic: 12 levels)",
            [("/levels", ""), ("/levels/synthetic-tall", "")],
        ),
    ];
    for (name, [(real_path, real_query), (big_path, big_query)]) in views {
        println!(
            "| {name} | {:.3} | {:.3} |",
            view_ms(&real, real_path, real_query),
            view_ms(&big, big_path, big_query)
        );
    }

    long_addresses(&real);
}

/// A 100,000-character address read and drawn, against a short one of the same view.
fn long_addresses(real: &Catalogue) {
    println!();
    println!("Addresses of 100,000 characters against short ones: read and drawn, median of 21, native release build, real catalogue (ms):");
    println!();
    println!("| address | short | 100,000 characters |");
    println!("|---|---:|---:|");
    let index = SearchIndex::new(real);
    let long_text = "supervision%".repeat(100_000 / 12);
    let long_picks = "102C,".repeat(100_000 / 5);
    let long_code = "%ZZ".repeat(100_000 / 3);
    let addresses: [(&str, [(&str, String); 2]); 4] = [
        (
            "search",
            [
                ("/search", "q=supervision".to_owned()),
                ("/search", format!("q={long_text}")),
            ],
        ),
        (
            "comparison",
            [
                ("/compare", "classes=102C,102D".to_owned()),
                ("/compare", format!("classes={long_picks}")),
            ],
        ),
        (
            "planner",
            [
                ("/planner", "years=5".to_owned()),
                ("/planner", format!("years={long_text}&class={long_text}")),
            ],
        ),
        (
            "class (not found)",
            [
                ("/class/%ZZ", String::new()),
                ("", format!("/class/{long_code}")),
            ],
        ),
    ];
    for (name, [(short_path, short_query), (long_path, long_query)]) in addresses {
        let time = |path: &str, query: &str| {
            // The class row carries its long address in the query slot: a long path.
            let (path, query) = if path.is_empty() {
                (query, "")
            } else {
                (path, query)
            };
            let mut times: Vec<f64> = (0..21)
                .map(|_| {
                    let start = Instant::now();
                    let shown = match Route::parse(path, query) {
                        Some(Route::Search { query }) => {
                            class_spec_core::render::search_page(real, &index, &query)
                        }
                        route => page(real, route.as_ref()),
                    };
                    assert!(!shown.html.is_empty());
                    start.elapsed().as_secs_f64() * 1000.0
                })
                .collect();
            times.sort_by(f64::total_cmp);
            times[10]
        };
        println!(
            "| {name} | {:.3} | {:.3} |",
            time(short_path, &short_query),
            time(long_path, &long_query)
        );
    }
}
