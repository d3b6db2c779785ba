//! Writes the pages of a made-up catalogue ([`class_spec_import::made_up`]) and a listing to
//! import them all in one run:
//!
//! `cargo run --release -p class-spec-import --example synthetic_pages -- OUT [SERIES] [LEVELS]`
//! (default 200 series of 10) writes `OUT/pages/<code>.txt` and `OUT/listing.toml`; then
//! `class-spec-import --data DATA --listing OUT/listing.toml` imports them (DATA holding
//! `series/` and `classes/`, empty or not).

use std::path::PathBuf;

use class_spec_import::made_up::{listing, pages};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(out) = args.next().map(PathBuf::from) else {
        eprintln!("usage: synthetic_pages OUT [SERIES] [LEVELS]");
        std::process::exit(2);
    };
    let number =
        |arg: Option<String>, default: usize| arg.map_or(default, |a| a.parse().expect("a number"));
    let (series, levels) = (number(args.next(), 200), number(args.next(), 10));
    let made = pages(series, levels);
    std::fs::create_dir_all(out.join("pages")).expect("the output folder");
    for page in &made {
        std::fs::write(out.join(format!("pages/{}.txt", page.code)), &page.text)
            .expect("a page written");
    }
    std::fs::write(out.join("listing.toml"), listing(&made)).expect("the listing written");
    println!(
        "wrote {} pages ({series} series of {levels}) and {}",
        made.len(),
        out.join("listing.toml").display()
    );
}
