//! Prints the start view as a document body (header, the series, footer), for the post-build
//! step to write into `index.html` (`scripts/postbuild.mjs`): a person sees the series before
//! the WebAssembly arrives.

use class_spec_core::render::start_document;
use class_spec_engine::{catalogue, view};

fn main() {
    let home = view("/", "");
    let as_of = catalogue().data_as_of().map(|d| d.to_string());
    print!("{}", start_document(&home.html, as_of.as_deref()));
}
