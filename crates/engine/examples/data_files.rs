//! Writes the data files of the synthetic catalogue of N classes (`class_spec_data::synthetic`,
//! made-up words per class at the real text's length) into DIR, as the build writes the real
//! catalogue's, and prints what a shared comparison and a plan of its last series need: for
//! BENCHMARKS.md (`cargo run --release -p class-spec-engine --example data_files -- 2000 DIR`,
//! then brotli each file).

use std::path::PathBuf;

use class_spec_core::data_files::{needs, Index};
use class_spec_core::Route;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(n), Some(dir)) = (args.next().and_then(|n| n.parse().ok()), args.next()) else {
        eprintln!("usage: data_files N DIR");
        std::process::exit(2);
    };
    let dir = PathBuf::from(dir);
    let made = class_spec_data::synthetic(class_spec_engine::catalogue(), n);
    let files =
        class_spec_engine::write_data_files(&made, &dir).unwrap_or_else(|why| panic!("{why}"));
    let index = Index::decode(&files[0].bytes).expect("decodes");
    let last = made.series.last().expect("a series");
    let other = &made.series[made.series.len() - 2];
    let addresses = [
        (
            "/compare".to_owned(),
            format!("classes={},{}", last.ladder[0], other.ladder[1]),
        ),
        (
            "/planner".to_owned(),
            format!("class={}&years=3&in-class=1", last.ladder[1]),
        ),
    ];
    println!("index {}", files[0].address);
    for (path, search) in addresses {
        let needed: Vec<&str> = needs(&index, Route::parse(&path, &search).as_ref())
            .into_iter()
            .map(|at| index.series[at].file.as_ref())
            .collect();
        println!("{path}?{search} needs {}", needed.join(" "));
    }
}
