//! The search benchmark: every keystroke of a few queries against the real catalogue (the
//! reference) and a synthetic catalogue of 2,000 classes made from it in this run (never shipped),
//! natively, release build. Run: `cargo run --release -p class-spec-data --example search_bench`.

use std::borrow::Cow;
use std::path::Path;
use std::time::Instant;

use class_spec_core::search::SearchIndex;
use class_spec_core::{Catalogue, ClassSpec};

fn synthetic(real: &Catalogue, classes: usize) -> Catalogue {
    let made: Vec<ClassSpec> = (0..classes)
        .map(|i| {
            let mut class = real.classes[i % real.classes.len()].clone();
            class.code = Cow::Owned(format!("S{i:04}"));
            class.title = Cow::Owned(format!("{} (synthetic {i})", class.title));
            class
        })
        .collect();
    Catalogue {
        series: real.series.clone(),
        classes: Cow::Owned(made),
    }
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
}
