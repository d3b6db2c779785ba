//! The search benchmark: every keystroke of a few queries against the real catalogue (the
//! reference) and a synthetic catalogue of 2,000 classes made from it in this run (never shipped),
//! natively, release build; then the time the engine takes to draw a class page, a comparison,
//! a planner update and the career path, on both catalogues.
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
    let views: [(&str, [(&str, &str); 2]); 4] = [
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
    ];
    for (name, [(real_path, real_query), (big_path, big_query)]) in views {
        println!(
            "| {name} | {:.3} | {:.3} |",
            view_ms(&real, real_path, real_query),
            view_ms(&big, big_path, big_query)
        );
    }
}
